"""The cache's codec (``copydesk.checks.codec``): a reviewed article with every kind of record goes
to JSON and comes back equal, and data of another shape or type is refused, never
converted. (``test_cache.py`` runs the same over real extractions.)"""

from __future__ import annotations

import json

import pytest

from copydesk.checks.codec import (
    CodecError,
    article_from_data,
    article_from_json,
    article_to_json,
    findings_from_json,
    findings_to_json,
)
from copydesk.checks.records import (
    ArchiveMatch,
    ArticleInfo,
    Citation,
    DateMention,
    Figure,
    Finding,
    HiddenCharacter,
    Quote,
    QuoteMatch,
    ReviewedArticle,
    Source,
    VagueAttribution,
    WordChange,
)

TEXT = "“Build it,” the mayor said in 2019. It costs 2.5 million euros [1].\n\n[1]: Council.\n"


def _article() -> ReviewedArticle:
    match = ArchiveMatch(
        "old.md", "old.md", None, "q2", 0, 10, 1, "“Build it,”", "the mayor", True, True,
        diff=(WordChange("equal", "Build it", "Build it"),),
    )  # fmt: skip
    finding = Finding("quote-unsourced", "warning", "q1", 0, 11, 1, 1, "No source.", "fp", match=match)
    return ReviewedArticle(
        "content/pier.md",
        ArticleInfo("content/pier.md", title="Pier", published="2024-06-01"),
        text=TEXT,
        quotes=[Quote(0, 11, "“Build it,”", "speech", speaker="the mayor", sources=["fn:1"], id="q1")],
        figures=[Figure(45, 62, "2.5 million euros", 2_500_000.0, "euros", kind="money", id="f1")],
        dates=[DateMention(30, 34, "2019", "2019", tense="past", id="d1")],
        sources=[Source("fn:1", "footnote", 70, 84, "[1]: Council.", label="1", cited=1)],
        citations=[Citation("1", 63, 66, "fn:1", claim_end=62, id="c1")],
        vague=[VagueAttribution(0, 4, "some", id="v1")],
        hidden=[HiddenCharacter(5, 6, "\u200b", id="h1")],
        findings=[finding],
        errors=["a warning"],
        zones=[("paragraph", 0, 67)],
        directives=[(0, 4, "copydesk: off")],
        archive_matches=[QuoteMatch("q1", match)],
    )


def test_an_article_with_every_record_round_trips():
    art = _article()
    assert article_from_json(article_to_json(art)) == art
    assert article_from_data(json.loads(article_to_json(art))) == art
    assert article_from_json(article_to_json(art, with_findings=False)).findings == []
    assert findings_from_json(findings_to_json(art.findings)) == art.findings


def _broken(edit) -> bytes:
    data = json.loads(article_to_json(_article()))
    edit(data)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda d: d["quotes"][0].update(start="0"), id="an offset as a string"),
        pytest.param(lambda d: d["quotes"][0].update(start=0.5), id="an offset as a fraction"),
        pytest.param(lambda d: d["figures"][0].update(parallel=1), id="a flag as a number"),
        pytest.param(lambda d: d["quotes"][0].update(kind="spoken"), id="an unknown kind"),
        pytest.param(lambda d: d["sources"][0].update(extra=1), id="an unknown field on a source"),
        pytest.param(lambda d: d["findings"][0]["match"].pop("item"), id="a match without its item"),
        pytest.param(lambda d: d["directives"][0].append("x"), id="a directive with four parts"),
        pytest.param(lambda d: d["archive_matches"][0]["match"]["diff"][0].update(op="swap"), id="bad op"),
    ],
)
def test_data_of_another_type_is_refused_not_converted(edit):
    with pytest.raises(CodecError):
        article_from_json(_broken(edit))


def test_what_is_not_json_is_refused():
    with pytest.raises(CodecError):
        article_from_json(b"\xff{")
    with pytest.raises(CodecError):
        article_from_data({"path": {1, 2}})
