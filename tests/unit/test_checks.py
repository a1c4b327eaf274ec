"""Checks: each rule fires where it should and stays quiet where it should not; suite
files can switch rules off and change severities."""

from __future__ import annotations

import copy
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from copydesk.checks.config import ConfigError, load_suite, load_suites
from copydesk.checks.runner import review_findings
from copydesk.flows.extract.pipeline import extract_batch

PUBLISHED = "2024-06-01"

# file stem -> body (each gets front matter with published: 2024-06-01)
BODIES = {
    "quote-lone": "The meeting ended late.\n\n“We will never sell the harbour to developers.”",
    "quote-named": "“We will never sell the harbour to developers,” said Maria Olsen, the harbour master.",
    "figure-bare": "The depot employs 350 drivers.",
    "figure-said": "The depot employs 350 drivers, the transport authority said.",
    "figure-footnoted": "The depot employs 350 drivers.[1]\n\n[1]: Transport Authority, staff report 2024.",
    "date-done-later": "The new bridge opened in 2026 after a long delay.",
    "date-will": "The new bridge will open in 2031.",
    "date-done-before": "The new bridge opened in 2019 after a long delay.",
    "range-backwards": "Repairs on the pier ran from 2019 to 2015.",
    "range-forwards": "Repairs on the pier ran from 2015 to 2019.",
    "footnotes-broken": (
        "The depot employs 350 drivers.[3]\n\n[1]: Transport Authority, staff report 2024.\n"
    ),
    "footnotes-ok": (
        "The depot employs 350 drivers[1] and runs 90 buses.[2]\n\n"
        "[1]: Transport Authority, staff report 2024.\n"
        "[2]: Transport Authority, fleet list 2024.\n"
    ),
    "share-impossible": "The union says 130 percent of members voted in the ballot.",
    "share-possible": "The union says 30 percent of members voted in the ballot.",
    "vague-critics": "Critics say the timetable is too thin for shift workers.",
    "vague-observers": "Observers believe the strike will spread to the docks.",
    "named-authority": "The transport minister says the timetable is too thin for shift workers.",
    "source-old": "In 2022 the depot employed 350 drivers.[1]\n\n[1]: Depot staff survey 2019.",
    "source-new": "In 2022 the depot employed 350 drivers.[1]\n\n[1]: Depot staff survey 2023.",
    "clean": (
        "The depot employs 350 drivers, the transport authority said. "
        "“We are hiring again this autumn,” said Maria Olsen, who runs the depot."
    ),
}


def _write_all(folder: Path) -> list[str]:
    paths = []
    for name, body in BODIES.items():
        path = folder / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\npublished: {PUBLISHED}\n---\n{body}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def batch(tmp_path_factory, nlp, suites):
    """All the articles above in one batch, checked once (one GX run per suite)."""
    arts = extract_batch(_write_all(tmp_path_factory.mktemp("checks")))
    review_findings(arts, suites)
    return {Path(a.path).stem: a for a in arts}


def fired(art, rule: str) -> list[str]:
    """The flagged text of every finding of ``rule``."""
    return [art.text[f.start : f.end] for f in art.findings if f.rule == rule]


def test_every_article_was_reviewed(batch):
    assert set(batch) == set(BODIES)
    assert all(a.reviewed and a.errors == [] for a in batch.values())


def test_quote_unattributed(batch):
    assert fired(batch["quote-lone"], "quote-unattributed") == [
        "“We will never sell the harbour to developers.”"
    ]
    assert fired(batch["quote-named"], "quote-unattributed") == []
    [finding] = batch["quote-lone"].findings
    assert finding.severity == "error"
    assert "has no speaker" in finding.message
    assert (finding.line, finding.column) == (7, 1)


def test_figure_unsourced(batch):
    [finding] = [f for f in batch["figure-bare"].findings if f.rule == "figure-unsourced"]
    assert batch["figure-bare"].text[finding.start : finding.end] == "350 drivers"
    assert finding.severity == "error"
    assert finding.message == "Figure “350 drivers” has no source: add a citation or say who counted."
    assert fired(batch["figure-said"], "figure-unsourced") == []
    assert fired(batch["figure-footnoted"], "figure-unsourced") == []


def test_date_future(batch):
    assert fired(batch["date-done-later"], "date-future") == ["2026"]
    [finding] = [f for f in batch["date-done-later"].findings if f.rule == "date-future"]
    assert finding.severity == "error" and "2024-06-01" in finding.message
    assert fired(batch["date-will"], "date-future") == []  # a forecast, not an error
    assert fired(batch["date-done-before"], "date-future") == []


def test_date_order(batch):
    assert fired(batch["range-backwards"], "date-order") == ["from 2019 to 2015"]
    assert fired(batch["range-forwards"], "date-order") == []


def test_footnote_undefined_and_unused(batch):
    art = batch["footnotes-broken"]
    assert fired(art, "footnote-undefined") == ["[3]"]
    assert fired(art, "footnote-unused") == ["Transport Authority, staff report 2024."]
    severities = {f.rule: f.severity for f in art.findings}
    assert severities["footnote-undefined"] == "error"
    assert severities["footnote-unused"] == "warning"
    ok = batch["footnotes-ok"]
    assert fired(ok, "footnote-undefined") == fired(ok, "footnote-unused") == []


def test_figure_implausible(batch):
    assert fired(batch["share-impossible"], "figure-implausible") == ["130 percent"]
    assert fired(batch["share-possible"], "figure-implausible") == []


def test_attribution_vague(batch):
    assert fired(batch["vague-critics"], "attribution-vague") == ["Critics say"]
    assert fired(batch["vague-observers"], "attribution-vague") == ["Observers believe"]
    assert fired(batch["named-authority"], "attribution-vague") == []


def test_source_predates_claim(batch):
    [finding] = [f for f in batch["source-old"].findings if f.rule == "source-predates-claim"]
    assert finding.severity == "warning"
    assert "2019" in finding.message and "2022" in finding.message
    assert fired(batch["source-new"], "source-predates-claim") == []


def test_clean_article_has_no_findings(batch):
    assert batch["clean"].findings == []


def test_findings_are_sorted_and_fingerprinted(batch):
    for art in batch.values():
        assert [f.start for f in art.findings] == sorted(f.start for f in art.findings)
        assert all(len(f.fingerprint) == 24 for f in art.findings)
        assert all(f.status == "open" for f in art.findings)


# ---------------------------------------------------------------- suite configuration
def _suite_dir(tmp_path: Path, name: str, content: str) -> Path:
    folder = tmp_path / "suites"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(content, encoding="utf-8")
    return folder


def test_disabled_rule_in_an_override_suite(tmp_path, batch):
    folder = _suite_dir(
        tmp_path,
        "local-sourcing.yml",
        "suite: sourcing\n"
        "expectations:\n"
        "  - rule: figure-unsourced\n"
        "    enabled: false\n"
        "    table: figures\n"
        "    expectation: expect_figures_to_be_sourced\n"
        "  - rule: figure-implausible\n"
        "    table: figures\n"
        "    expectation: expect_column_values_to_be_between\n"
        "    kwargs: {column: value, max_value: 100}\n"
        "    where: {kind: percent, implausible_context: true}\n",
    )
    suites = load_suites(folder)
    [sourcing] = [s for s in suites if s.name == "sourcing"]
    assert [e.rule for e in sourcing.expectations] == ["figure-implausible"]
    assert sorted(s.name for s in suites) == [
        "archive",
        "attribution",
        "dates",
        "footnotes",
        "sourcing",
        "text",
    ]
    bare, share = copy.deepcopy([batch["figure-bare"], batch["share-impossible"]])
    review_findings([bare, share], suites)
    assert fired(bare, "figure-unsourced") == []
    assert fired(share, "figure-implausible") == ["130 percent"]


def test_severity_override(tmp_path, batch):
    folder = _suite_dir(
        tmp_path,
        "attribution.yml",
        "suite: attribution\n"
        "expectations:\n"
        "  - rule: quote-unattributed\n"
        "    severity: info\n"
        "    table: quotes\n"
        "    expectation: expect_speech_quotes_to_have_speaker\n",
    )
    art = copy.deepcopy(batch["quote-lone"])
    review_findings([art], load_suites(folder))
    assert [(f.rule, f.severity) for f in art.findings] == [("quote-unattributed", "info")]


def test_a_suite_with_a_new_name_is_added(tmp_path):
    folder = _suite_dir(
        tmp_path,
        "extra.yml",
        "suite: house-style\nexpectations:\n"
        "  - rule: figure-time-sensitive\n    table: figures\n"
        "    expectation: expect_column_values_to_be_in_set\n"
        "    kwargs: {column: running_tally, value_set: [false]}\n",
    )
    names = [s.name for s in load_suites(folder)]
    assert sorted(names) == [
        "archive",
        "attribution",
        "dates",
        "footnotes",
        "house-style",
        "sourcing",
        "text",
    ]


def test_unknown_rule_names_the_file(tmp_path):
    folder = _suite_dir(
        tmp_path,
        "typo.yml",
        "suite: sourcing\nexpectations:\n"
        "  - rule: figure-unsorced\n    table: figures\n    expectation: expect_figures_to_be_sourced\n",
    )
    with pytest.raises(ConfigError, match=r"typo\.yml: expectation 1: unknown rule 'figure-unsorced'"):
        load_suites(folder)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "suite: x\nexpectations:\n  - rule: figure-unsourced\n    severity: fatal\n    table: figures\n"
            "    expectation: expect_figures_to_be_sourced\n",
            r"bad\.yml: expectation 1: severity must be one of",
        ),
        (
            "suite: x\nexpectations:\n  - rule: figure-unsourced\n    table: charts\n"
            "    expectation: expect_figures_to_be_sourced\n",
            r"bad\.yml: expectation 1: table must be one of",
        ),
        ("suite: x\n", r"bad\.yml: a suite needs"),
        ("suite: [x\n", r"bad\.yml: cannot read suite"),
    ],
)
def test_bad_suite_files(tmp_path, content, message):
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_suite(path)


def test_unknown_expectation_is_a_config_error(tmp_path, batch):
    folder = _suite_dir(
        tmp_path,
        "odd.yml",
        "suite: sourcing\nexpectations:\n"
        "  - rule: figure-unsourced\n    table: figures\n    expectation: expect_figures_to_be_lovely\n",
    )
    with pytest.raises(ConfigError, match=r"odd\.yml: figure-unsourced: no Great Expectations expectation"):
        review_findings(copy.deepcopy([batch["figure-bare"]]), load_suites(folder))


def test_great_expectations_loads_without_executing_scipy_stats_or_altair():
    """GX imports scipy.stats and altair for expectations no suite of ours uses: they are
    deferred (copydesk.checks.deferred_imports.DEFERRED_IMPORTS, DEFERRED_PLAIN_IMPORTS), the checks
    never touch them, and they still work when something does. In a fresh interpreter: this
    one may have imported it already."""
    script = textwrap.dedent(
        """
        import sys
        from copydesk.checks.config import load_suites
        from copydesk.checks.runner import review_findings
        from copydesk.flows.extract.pipeline import extract_batch

        arts = extract_batch(["content/remedial-secession.txt"], 5 << 20)
        review_findings(arts, load_suites(None))
        assert arts[0].findings, "the seed article has findings"
        print(type(sys.modules["scipy.stats"]).__name__)
        from scipy import stats
        print(stats.norm.cdf(0.0))
        print(type(sys.modules["altair"]).__name__)
        from great_expectations.expectations.core import expect_column_kl_divergence_to_be_less_than as kl
        print(kl.alt.Chart.__name__, type(sys.modules["altair"]).__name__)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["_LazyModule", "0.5", "_Deferred", "Chart", "module"]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_pause_for_the_import_leaves_the_collector_as_it_found_it(enabled):
    import gc

    from copydesk.checks.deferred_imports import collector_paused

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), collector_paused():
            raise RuntimeError("an import failed")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
