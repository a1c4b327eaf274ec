"""Offsets are the contract: every span's ``start``/``end`` index the file as decoded
from UTF-8, so that ``text[start:end]`` is the span — in every format, with CRLF line
ends and a byte-order mark, whatever was stripped for parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.checks.runner import review_findings
from copydesk.flows.content import load_article
from copydesk.flows.content.view import build_review_text
from copydesk.flows.extract.pipeline import extract_batch

SOURCES = [
    "ferry-service.md",
    "library-budget.md",
    "clinic-closure.txt",
    "river-cleanup.txt",
    "harbour-market.html",
    "school-meals.html",
]
CRLF = [
    "ferry-service.md",
    "library-budget.md",
    "clinic-closure.txt",
    "river-cleanup.txt",
    "school-meals.html",
]

# What a reader would quote from each file: spans must land on exactly these strings.
EXPECTED = {
    "ferry-service": {
        "figures": {"1,800 passengers", "$14.50", "45 percent"},
        "dates": {"February 1993", "3 June 2024"},
        "speakers": {"Maria Olsen"},
    },
    "library-budget": {
        "figures": {"€38 million", "18 percent"},
        "dates": {"2 November 2023", "between 2019 and 2022"},
        "speakers": {"Elena Petrova", "Jonas Lind, a retired teacher", "she"},
    },
    "clinic-closure": {
        "figures": {"9,400 patients", "2,300 residents", "1.2 million pounds"},
        "dates": {"1979", "last year", "2026"},
        "speakers": {"Helen Achterberg, a nurse who has worked there since 2002"},
    },
    "river-cleanup": {
        "figures": {"250 volunteers", "41 shopping trolleys", "1,200 members"},
        "dates": {"2011", "October"},
        "speakers": {"Noor Haddad, a student who came with her flatmates"},
    },
    "harbour-market": {
        "figures": {"2,150 votes", "64 stalls", "12 percent", "20 stalls"},
        "dates": {"1998", "last year", "2025"},
        "speakers": {"Claire Moreau"},
    },
    "school-meals": {
        "figures": {"3,000 more pupils", "&pound;4.2 million", "11,500 signatures"},
        "dates": {"2021", "on Monday"},
        "speakers": {"Abdul Rahman"},
    },
}


@pytest.fixture(scope="module")
def reviewed(articles_dir, tmp_path_factory, nlp, suites):
    """Every article in tests/articles, plus CRLF + BOM copies, extracted and checked."""
    crlf_dir = tmp_path_factory.mktemp("crlf")
    paths = [str(articles_dir / name) for name in SOURCES]
    for name in CRLF:
        text = (articles_dir / name).read_text(encoding="utf-8")
        target = crlf_dir / ("crlf-" + name)
        target.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
        paths.append(str(target))
    arts = extract_batch(paths)
    review_findings(arts, suites)
    return {Path(a.path).stem: a for a in arts}


ALL_IDS = [n.rsplit(".", 1)[0] for n in SOURCES] + ["crlf-" + n.rsplit(".", 1)[0] for n in CRLF]


@pytest.mark.parametrize("article_id", ALL_IDS)
def test_every_span_slices_the_file(reviewed, article_id):
    art = reviewed[article_id]
    assert art.reviewed and art.errors == []
    with open(art.path, "rb") as fh:
        assert art.text == fh.read().decode("utf-8")  # no newline translation
    text = art.text
    assert art.quotes and art.figures and art.dates and art.sources
    for item in [*art.quotes, *art.figures, *art.dates, *art.vague]:
        assert 0 <= item.start < item.end <= len(text), item
        assert text[item.start : item.end] == item.text, item
    for q in art.quotes:
        if q.speaker is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker, q
    for s in art.sources:
        assert 0 <= s.start < s.end <= len(text), s
        if s.kind != "inline":  # inline sources: see test_inline_source_text_slices_the_file
            assert text[s.start : s.end] == s.text, s
    for f in art.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.line >= 1 and f.column >= 1


@pytest.mark.parametrize("article_id", list(EXPECTED) + ["crlf-" + n.rsplit(".", 1)[0] for n in CRLF])
def test_spans_land_on_what_a_reader_sees(reviewed, article_id):
    art = reviewed[article_id]
    want = EXPECTED[article_id.removeprefix("crlf-")]
    assert want["figures"] <= {f.text for f in art.figures}
    assert want["dates"] <= {d.text for d in art.dates}
    assert want["speakers"] <= {q.speaker for q in art.quotes}


def test_crlf_offsets_shift_by_the_carriage_returns(reviewed):
    lf, crlf = reviewed["ferry-service"], reviewed["crlf-ferry-service"]
    for a, b in zip(lf.figures + lf.dates + lf.quotes, crlf.figures + crlf.dates + crlf.quotes, strict=True):
        assert a.text.replace("\r\n", "\n") == b.text.replace("\r\n", "\n")
        # One BOM plus one "\r" per line before the span.
        assert b.start == a.start + 1 + lf.text.count("\n", 0, a.start)
    assert [(f.rule, f.line, f.column) for f in lf.findings] == [
        (f.rule, f.line, f.column) for f in crlf.findings
    ]


def test_footnote_markers_are_removed_from_the_reviewed_text(articles_dir, reviewed):
    art = load_article(str(articles_dir / "ferry-service.md"))
    assert "February 1993[2]," in art.text
    view = build_review_text(art)
    assert "stopped running in February 1993, when the old operator" in view.text
    assert "[2]" not in view.text and "[1]" not in view.text
    # The clean span maps back to the file, without the marker.
    clean_start = view.text.index("February 1993")
    start, end = view.to_file(clean_start, clean_start + len("February 1993"))
    assert art.text[start:end] == "February 1993"
    assert art.text[end : end + 3] == "[2]"
    # ... and the date extracted from it is a month, not lost to the marker.
    [date] = [d for d in reviewed["ferry-service"].dates if d.text == "February 1993"]
    assert date.value == "1993-02"


def test_html_entities_map_back_to_the_file(articles_dir):
    art = load_article(str(articles_dir / "harbour-market.html"))
    view = build_review_text(art)
    clean_start = view.text.index("A fish & chips stall")
    start, end = view.to_file(clean_start, clean_start + len("A fish & chips stall"))
    assert art.text[start:end] == "A fish &amp; chips stall"
    assert view.to_clean(start) == clean_start


def test_findings_point_at_their_item(reviewed):
    art = reviewed["ferry-service"]
    by_id = {x.id: x for x in [*art.quotes, *art.figures, *art.dates, *art.vague]}
    unsourced = [f for f in art.findings if f.rule == "figure-unsourced"]
    assert unsourced
    for f in unsourced:
        item = by_id[f.item]
        assert (f.start, f.end) == (item.start, item.end)
        assert art.text[f.start : f.end] == item.text
        line = art.text.count("\n", 0, f.start) + 1
        assert (f.line, f.column) == (line, f.start - art.text.rfind("\n", 0, f.start))


def test_inline_source_text_slices_the_file(reviewed):
    inline = [(a, s) for a in reviewed.values() for s in a.sources if s.kind == "inline"]
    assert inline
    for art, s in inline:
        assert art.text[s.start : s.end] == s.text


def test_html_footnote_with_markup_slices_the_file(write, extract):
    path = write(
        "fn-markup.html",
        "<html><body><article><h1>Stalls</h1>"
        '<p>The market has 64 stalls.<sup><a href="#fn1">1</a></sup></p>'
        '<ol class="footnotes"><li id="fn1">Moreau &amp; Sons, <em>Stall Survey</em>, 2024.</li></ol>'
        "</article></body></html>\n",
    )
    [art] = extract(path)
    [src] = [s for s in art.sources if s.kind == "footnote"]
    assert art.text[src.start : src.end] == src.text
