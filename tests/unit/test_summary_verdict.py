"""The last words of the summary line of review, check and ci."""

from __future__ import annotations

from copydesk.reports.output import verdict


def test_a_run_under_exit_zero_says_it_would_fail_not_that_it_failed():
    assert verdict(3, True, "error") == "FAILED: 3 at or above error."
    assert (
        verdict(3, True, "error", exit_zero=True)
        == "Would fail: 3 at or above error (--exit-zero: exit status 0)."
    )
    assert verdict(0, True, "warning", exit_zero=True) == (
        "Would fail: a file could not be reviewed (--exit-zero: exit status 0)."
    )
    assert verdict(0, False, "error", exit_zero=True) == "Passed (fails at error)."
