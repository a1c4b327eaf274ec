"""Fingerprints match findings across edits: rule + path + normalised text + occurrence,
never line numbers."""

from __future__ import annotations

from copydesk.checks.fingerprints import fingerprint, line_col, normalise
from copydesk.checks.runner import review_findings

ARTICLE = (
    "---\ntitle: Depot\npublished: 2024-06-01\n---\n"
    "The depot runs 35 percent of the city's buses.\n\n"
    "“We will never sell the harbour to developers.”\n\n"
    "The depot runs 35 percent of the city's buses.\n"
)
# Two identical findings: a share stated twice (a count or an amount stated again is one
# claim, judged once: ``Figure.restated``; shares are not matched that way).
NEW_TOP = "The weather on the coast was calm all week.\n\n"


def _review(path, text, extract, suites):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    [art] = extract(path)
    review_findings([art], suites)
    return art


def test_fingerprints_survive_a_paragraph_inserted_above(tmp_path, extract, suites):
    path = str(tmp_path / "depot.md")
    before = _review(path, ARTICLE, extract, suites)
    after = _review(
        path, ARTICLE.replace("---\nThe depot", "---\n" + NEW_TOP + "The depot", 1), extract, suites
    )
    old = [(f.rule, f.fingerprint, f.line) for f in before.findings]
    new = [(f.rule, f.fingerprint, f.line) for f in after.findings]
    assert [r for r, _, _ in old] == ["figure-unsourced", "quote-unattributed", "figure-unsourced"]
    # Same findings, same fingerprints, although every line moved down by two.
    assert [(r, fp) for r, fp, _ in new] == [(r, fp) for r, fp, _ in old]
    assert [ln for _, _, ln in new] == [ln + 2 for _, _, ln in old]
    assert [ln for _, _, ln in old] == [5, 7, 9]


def test_identical_sentences_get_different_fingerprints(tmp_path, extract, suites):
    art = _review(str(tmp_path / "depot.md"), ARTICLE, extract, suites)
    first, second = [f for f in art.findings if f.rule == "figure-unsourced"]
    assert art.text[first.start : first.end] == art.text[second.start : second.end] == "35 percent"
    assert first.fingerprint != second.fingerprint
    assert first.fingerprint == fingerprint("figure-unsourced", art.path, "35 percent", 0)
    assert second.fingerprint == fingerprint("figure-unsourced", art.path, "35 percent", 1)


def test_fingerprint_depends_on_rule_path_text_and_occurrence():
    base = fingerprint("figure-unsourced", "content/a.md", "350 drivers", 0)
    assert len(base) == 24 and int(base, 16) >= 0
    assert base == fingerprint("figure-unsourced", "content/a.md", "350 drivers", 0)
    assert base != fingerprint("quote-unattributed", "content/a.md", "350 drivers", 0)
    assert base != fingerprint("figure-unsourced", "content/b.md", "350 drivers", 0)
    assert base != fingerprint("figure-unsourced", "content/a.md", "351 drivers", 0)
    assert base != fingerprint("figure-unsourced", "content/a.md", "350 drivers", 1)
    # Windows paths, spacing, case and curly marks do not matter.
    assert base == fingerprint("figure-unsourced", "content\\a.md", "350   Drivers\n", 0)
    quote = fingerprint("quote-unattributed", "a.md", "“It’s over,”  she said", 0)
    assert quote == fingerprint("quote-unattributed", "a.md", '"it\'s over," she said', 0)


def test_normalise():
    assert normalise("  “It’s  OVER”\n now ") == '"it\'s over" now'


def test_line_col_is_one_based():
    text = "first line\nsecond line\r\nthird"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 5) == (1, 6)
    assert line_col(text, text.index("second")) == (2, 1)
    assert line_col(text, text.index("line\r")) == (2, 8)
    assert line_col(text, text.index("third")) == (3, 1)
    assert line_col(text, len(text)) == (3, 6)
