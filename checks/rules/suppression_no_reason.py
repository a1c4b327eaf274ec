"""suppression-no-reason: an inline suppression without a reason.

Not a Great Expectations rule: ``checks/suppressions.py`` raises it while it reads the
directives, before any finding is suppressed."""

from __future__ import annotations

from copydesk.checks.rules.spec import Rule

RULE = Rule(
    id="suppression-no-reason",
    severity="error",
    summary="An inline suppression gives no reason.",
    help="Say why after a colon: <!-- copydesk-disable-next-line RULE: why this is fine -->.",
    message="Suppression {text} gives no reason: add one after a colon (RULE: why).",
    explanation=(
        "An inline directive (`<!-- copydesk-disable… -->`) that switches rules off without saying why. "
        "It suppresses nothing: a pull request cannot silence the gate without a reason a reviewer can "
        "read."
    ),
    fires=(
        "<!-- copydesk-disable-next-line figure-unsourced -->\nAbout 900 people use the pier every day.\n"
    ),
    passes=(
        "<!-- copydesk-disable-next-line figure-unsourced: the harbour's own count, cited in the "
        "caption -->\n"
        "About 900 people use the pier every day.\n"
    ),
    raised_by="checks/suppressions.py",
)
