"""Property-based tests (Hypothesis) of the loaders and extractors over arbitrary text.

Whatever an article file holds (quotation marks of every kind, brackets, digits, newlines,
lone carriage returns, byte-order marks, HTML tags, Markdown markers, control characters):

- loading raises nothing but ``LoadError``, and the article's text is the file's text;
- ``extract_batch`` raises nothing and reports no "internal error";
- every span (quote, speaker, figure, date, source, vague attribution, citation, zone) lies
  inside the text, and ``text[start:end]`` is the item's text (DESIGN.md, offsets).

Example counts come from a Hypothesis profile: ``copydesk`` (the default, used in CI) runs
well over 1,000 examples across these properties in about half a minute; set
``HYPOTHESIS_PROFILE=copydesk-long`` to dig deeper. Each extraction example is a batch of
up to four files, parsed with one ``nlp.pipe`` as the review does.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from span_checks import internal_errors, span_problems

from copydesk.flows.content.loader import LoadError, load_article
from copydesk.flows.content.view import build_review_text
from copydesk.flows.extract.quote_marks import find_quote_spans
from copydesk.flows.extract.text import paragraph_spans

_COMMON = {
    "deadline": None,  # the first spaCy call of a run is slow; a deadline would flake on it
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
# Per property; in all 1,650 examples.
LOADER_EXAMPLES, EXTRACT_EXAMPLES, PERTURBED_EXAMPLES, MARKS_EXAMPLES = 600, 450, 200, 400
settings.register_profile("copydesk", **_COMMON)
settings.register_profile("copydesk-long", **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "copydesk"))
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "copydesk-long"
SCALE = 10 if LONG else 1

# Pieces that mean something to a loader or an extractor, mixed with arbitrary characters.
FRAGMENTS = [
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "[",
    "]",
    "(",
    ")",
    "[1]",
    "[^2]",
    "[12]",
    "\n[1]: Port Authority, Annual Report 2023, p. 9.",
    "\n[^2]: ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\r\n\r\n",
    "\ufeff",
    "\u2028",
    "\x0b",
    "\t",
    " ",
    "  ",
    "# ",
    "\n## ",
    "\n- ",
    "\n* ",
    "\n1. ",
    "> ",
    "**",
    "*",
    "_",
    "`",
    "```",
    "---\n",
    "---\ntitle: x\npublished: 2024-06-01\n---\n",
    "title: [",
    "published: 2024-13-45\n",
    "Published: 12 March 2024\n",
    "By Ana Editor\n",
    "<p>",
    "</p>",
    "<article>",
    "</article>",
    "<main>",
    "<h1>",
    "</h1>",
    "<li id='fn1'>",
    "</li>",
    "<ol class='footnotes'>",
    "<sup><a href='#fn1'>1</a></sup>",
    "<a href='http://x.org/a'>",
    "<a href='javascript:alert(1)'>",
    "</a>",
    "<br>",
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=alert(1)>",
    "<!--",
    "-->",
    "<!-- copydesk-disable-next-line figure-unsourced: the caption -->",
    '<meta name="date" content="2024-99-99">',
    "&amp;",
    "&#x201C;",
    "&#8221;",
    "&nbsp;",
    "&bogus;",
    "&#0;",
    "&#xD800;",
    "[link](http://example.org/x)",
    "[link](javascript:x)",
    "<https://x.org>",
    "3,400 ships",
    "45 percent",
    "120%",
    "$3.5 million",
    "€2bn",
    "two-thirds of",
    "1,200",
    "0",
    "2019",
    "1988",
    "March 2021",
    "14 February 1988",
    "the 1990s",
    "the 19th century",
    "from 2018 to 2016",
    "last month",
    "on Tuesday",
    "the same year",
    "said",
    " said ",
    "according to",
    " the council said.",
    "Maria Olsen",
    " she ",
    " he said, ",
    "observers believe",
    "a 2022 audit by the ministry",
    "the 1979 census shows",
    "so far",
    ". ",
    "—",
    "–",
    "-",
    ":",
    ",",
    "…",
    # Characters whose case mapping or digit value surprise: "ſ" and the Kelvin sign match
    # "s" and "k" under re.IGNORECASE, "İ".lower() and "ﬀ".upper() change length, Arabic-Indic
    # and mathematical digits are \d.
    "laſt year",
    "\u212aeep",
    "İ",
    "ﬀ",
    "e\u0301",
    "\u200b",
    "\u00a0",
    "٢٠١٩",
    "𝟐𝟎𝟏𝟗",
    "\U0001f600",
]
chars = st.characters(blacklist_categories=("Cs",))
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=chars, max_size=6))
article_text = st.lists(pieces, max_size=80).map("".join)
SUFFIXES = [".md", ".txt", ".html"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


_names = itertools.count()


def _write(folder: Path, text: str, suffix: str) -> Path:
    """A fresh file per example (no state between examples), written byte for byte."""
    path = folder / f"a{next(_names)}{suffix}"
    path.write_bytes(text.encode("utf-8"))
    return path


# ── the loaders ──


@settings(max_examples=LOADER_EXAMPLES * SCALE)
@given(text=article_text, suffix=st.sampled_from(SUFFIXES))
def test_loaders_keep_offsets_exact(folder, text, suffix):
    path = _write(folder, text, suffix)
    try:
        art = load_article(str(path))
    except LoadError as exc:
        assert str(exc)  # refused with a message, e.g. a NUL byte or an empty file
        return
    finally:
        path.unlink()
    assert art.text == text
    n = len(text)
    for z in art.zones:
        assert 0 <= z.start <= z.end <= n, z
        for e in z.edits:
            assert z.start <= e.start <= e.end <= z.end, (z, e)
    for m in art.markers:
        assert 0 <= m.start < m.end <= n, m
    for f in art.footnotes:
        assert 0 <= f.start <= f.end <= n and text[f.start : f.end] == f.text, f
    for link in art.links:
        assert 0 <= link.start <= link.end <= n and text[link.start : link.end] == link.text, link
    for start, end, directive in art.directives:
        assert text[start:end] == directive
    view = build_review_text(art)
    for seg in view.segments:
        assert 0 <= seg.file_start <= seg.file_end <= n, seg
        if seg.verbatim:
            assert view.text[seg.clean_start : seg.clean_end] == text[seg.file_start : seg.file_end]
    for i in range(len(view.text) + 1):
        a, b = view.to_file(i, min(i + 3, len(view.text)))
        assert 0 <= a <= b <= n


# ── the extractors, through extract_batch ──


def _extracted(folder: Path, batch: list[tuple[str, str]]) -> tuple[list, list[str]]:
    """``extract_batch`` over the texts written as files (removed after), and their paths."""
    from copydesk.flows.extract.pipeline import extract_batch

    paths = [_write(folder, text, suffix) for text, suffix in batch]
    try:
        return extract_batch([str(p) for p in paths]), [str(p) for p in paths]
    finally:
        for p in paths:
            p.unlink()


@settings(max_examples=EXTRACT_EXAMPLES * SCALE)
@given(batch=st.lists(st.tuples(article_text, st.sampled_from(SUFFIXES)), min_size=1, max_size=4))
def test_extract_batch_never_fails_and_keeps_offsets_exact(folder, nlp, batch):
    results, paths = _extracted(folder, batch)
    assert [r.path for r in results] == paths
    for art, (text, _) in zip(results, batch, strict=True):
        assert not internal_errors(art), art.errors
        if not art.reviewed:
            assert art.errors  # said why
            continue
        assert span_problems(art, text) == []


# Real articles (every format, front matter, footnotes, quotes, figures) with pieces inserted
# or cut out, newlines turned into CRLF and a byte-order mark put in front: close to what
# editors paste, and far more likely than random text to reach the speaker, citation and
# date logic.
ARTICLES = sorted((Path(__file__).parents[1] / "articles").iterdir())


@st.composite
def perturbed_article(draw: st.DrawFn) -> tuple[str, str]:
    source = draw(st.sampled_from(ARTICLES))
    text = source.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(pieces) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(0, 40)) :]
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text, source.suffix


@settings(max_examples=PERTURBED_EXAMPLES * SCALE)
@given(batch=st.lists(perturbed_article(), min_size=1, max_size=3))
def test_perturbed_articles_keep_offsets_exact(folder, nlp, batch):
    results, _ = _extracted(folder, batch)
    for art, (text, _) in zip(results, batch, strict=True):
        assert not internal_errors(art), art.errors
        if "\x00" in text:  # the one thing that stops a real article from being read
            assert not art.reviewed and "NUL" in art.errors[0]
            continue
        assert art.reviewed, art.errors
        assert span_problems(art, text) == []


# ── quotation marks ──


@settings(max_examples=MARKS_EXAMPLES * SCALE)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(["“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›", " ", "\n\n", "a", "n"]),
            st.text(alphabet=chars, max_size=3),
        ),
        max_size=200,
    ).map("".join)
)
def test_quote_spans_stay_inside_their_paragraphs(text):
    paragraphs = paragraph_spans(text)
    spans = find_quote_spans(text, paragraphs)
    ends = [0]
    for s in spans:
        assert 0 <= s.start < s.end <= len(text), s
        assert s.start >= ends[-1], "quote spans overlap"
        ends.append(s.end)
        para = next(p for p in paragraphs if p[0] <= s.start < p[1])
        assert s.end <= para[1], (s, para)
        assert text[s.start] in "“„«‹‘\"'", s


def test_profile_runs_enough_examples():
    """CI asks for at least 1,000 examples across the properties."""
    assert LOADER_EXAMPLES + EXTRACT_EXAMPLES + PERTURBED_EXAMPLES + MARKS_EXAMPLES >= 1000
    assert settings().deadline is None
