"""Markdown block structure as CommonMark reads it (markdown-it-py), with exact file offsets:
setext headings, code and raw HTML blocks, list items over several lines, block quotes,
link reference definitions against footnote definitions."""

from __future__ import annotations

import pytest

from copydesk.flows.content import load_article
from copydesk.flows.content.view import build_review_text
from tests.span_checks import span_problems


def zone_texts(article, kind: str) -> list[str]:
    return [article.text[z.start : z.end] for z in article.zones if z.kind == kind]


def reviewed(article) -> str:
    return build_review_text(article).text


def test_setext_headings_are_headings_without_their_underline(write):
    art = load_article(
        write(
            "setext.md",
            "Harbour plans approved\n======================\n\nThe council voted on Monday.\n\n"
            "What changes\n------------\n\nThe pier closes in May.\n",
        )
    )
    assert zone_texts(art, "title") == ["Harbour plans approved"]
    assert art.meta.title == "Harbour plans approved"
    assert zone_texts(art, "heading") == ["What changes"]
    assert zone_texts(art, "paragraph") == ["The council voted on Monday.", "The pier closes in May."]
    assert "===" not in reviewed(art) and "---" not in reviewed(art)


def test_a_setext_heading_over_two_lines_is_one_heading(write):
    art = load_article(write("two.md", "Intro paragraph.\n\nThe pier\nand the ferry\n---\n\nBody.\n"))
    assert zone_texts(art, "heading") == ["The pier\nand the ferry"]


def test_indented_code_fenced_code_and_raw_html_are_not_reviewed(write):
    art = load_article(
        write(
            "code.md",
            "The budget is out.\n\n"
            "    rate = 45  # percent of households\n\n"
            "```python\nspend = 40_000_000\n```\n\n"
            '<div class="chart">\n<p>Spending rose 40 percent</p>\n</div>\n\n'
            "The mayor spoke last.\n",
        )
    )
    assert zone_texts(art, "paragraph") == ["The budget is out.", "The mayor spoke last."]
    markup = zone_texts(art, "markup")
    assert markup == [
        "rate = 45  # percent of households",
        "```python\nspend = 40_000_000\n```",
        '<div class="chart">\n<p>Spending rose 40 percent</p>\n</div>',
    ]
    clean = reviewed(art)
    assert "rate" not in clean and "spend" not in clean and "Spending" not in clean


def test_a_list_item_continued_on_the_next_line_is_one_item(write):
    art = load_article(
        write(
            "list.md",
            "Changes:\n\n- Sailings every two hours\n  from 6 p.m. to midnight\n- Bicycles carried free\n"
            "1. A numbered item\n   that wraps\n",
        )
    )
    assert zone_texts(art, "list_item") == [
        "Sailings every two hours\n  from 6 p.m. to midnight",
        "Bicycles carried free",
        "A numbered item\n   that wraps",
    ]
    assert zone_texts(art, "paragraph") == ["Changes:"]


def test_a_block_quote_over_several_lines_is_read_without_its_markers(write):
    art = load_article(
        write("quote.md", "Before.\n\n> The ferry will run\n> every night, she said.\n\nAfter.\n")
    )
    [quote] = [z for z in art.zones if art.text[z.start : z.end].startswith("The ferry")]
    assert quote.kind == "paragraph"
    assert art.text[quote.start : quote.end] == "The ferry will run\n> every night, she said."
    assert "The ferry will run\nevery night, she said." in reviewed(art)


def test_a_link_reference_definition_is_not_a_footnote(write):
    art = load_article(
        write(
            "refs.md",
            "The [annual report][1] puts the cost at $4 million.\n\n"
            "[1]: https://example.org/report\n"
            '[data]: <https://example.org/data> "The data"\n',
        )
    )
    assert art.footnotes == []
    assert zone_texts(art, "markup") == [
        "[1]: https://example.org/report",
        '[data]: <https://example.org/data> "The data"',
    ]
    assert "example.org" not in reviewed(art)


def test_footnote_definitions_still_work(write):
    art = load_article(
        write(
            "notes.md",
            "Turnout fell.[^1] Costs rose.[2]\n\n"
            "[^1]: https://example.org/turnout\n"
            "[2]: Council minutes, 12 July 2023,\n    item 4.\n",
        )
    )
    assert [(f.label, f.text) for f in art.footnotes] == [
        ("1", "https://example.org/turnout"),
        ("2", "Council minutes, 12 July 2023,\n    item 4."),
    ]
    assert sorted(m.label for m in art.markers) == ["1", "2"]


def test_comment_blocks_are_directives(write):
    art = load_article(
        write(
            "dir.md",
            "<!-- copydesk-disable-next-line figure-unsourced: own count -->\nThe union has 40,000 members.\n",
        )
    )
    assert [d[2] for d in art.directives] == [
        "<!-- copydesk-disable-next-line figure-unsourced: own count -->"
    ]
    assert zone_texts(art, "paragraph") == ["The union has 40,000 members."]


BODY = (
    "Harbour plans\n=============\n\n"
    "The council borrowed $12.5 million, according to its minutes.[^1]\n\n"
    "- About 300 people\n  marched, said Ruth Calder.\n\n"
    "> “We waited thirty years,” said Maria Olsen,\n> who runs the shop.\n\n"
    "    45 percent in code\n\n"
    "[^1]: Council minutes, 2023.\n"
    "[2]: https://example.org\n"
)


@pytest.mark.parametrize(("bom", "newline"), [("", "\n"), ("\ufeff", "\r\n")])
def test_every_span_slices_the_file(write, extract, bom, newline):
    text = bom + BODY.replace("\n", newline)
    path = write("spans.md", text.encode("utf-8"))
    art = load_article(path)
    assert zone_texts(art, "title") == ["Harbour plans"]
    for z in art.zones:
        piece = art.text[z.start : z.end]
        assert piece == piece.strip() and not piece.startswith("\ufeff")
    [reviewed_article] = extract(path)
    assert span_problems(reviewed_article, text) == []
    assert [f.text for f in reviewed_article.figures] == ["$12.5 million", "300 people"]


def test_thousands_of_definitions_in_a_row(write):
    """Each "[N]:" line asks whether it is a link reference definition; that question once
    asked the next line the same, down the whole run (RecursionError past 1,000 lines)."""
    links = "".join(f"[{i}]: https://example.org/{i}\n" for i in range(3000))
    notes = "".join(f"[{i}]: Council minutes, item {i}.\n" for i in range(3000))
    art = load_article(write("many.md", "Costs rose.[1]\n\n" + links + "\n" + notes))
    assert len(art.footnotes) == 3000 and len(zone_texts(art, "markup")) == 3000
    assert art.footnotes[-1].text == "Council minutes, item 2999."


def test_a_footnote_definition_inside_a_block_quote_slices_the_file(write):
    art = load_article(write("bq.md", "Costs rose.[^1]\n\n> [^1]: Council minutes, 2023.\n"))
    [note] = art.footnotes
    assert art.text[note.start : note.end] == note.text == "Council minutes, 2023."
