"""Loaders: Markdown with front matter, plain text as scraped, HTML; unreadable files."""

from __future__ import annotations

import datetime as dt

import pytest

from copydesk.flows.content import LoadError, load_article
from copydesk.flows.content.view import build_review_text


def zone_texts(article, kind: str) -> list[str]:
    return [article.text[z.start : z.end] for z in article.zones if z.kind == kind]


# ---------------------------------------------------------------- Markdown
def test_markdown_front_matter_is_read(articles_dir):
    art = load_article(str(articles_dir / "ferry-service.md"))
    assert art.format == "markdown"
    assert art.id == "tests/articles/ferry-service.md"  # its path from the project root (the checkout)
    assert art.meta.title == "The night ferry returns to Kestrel Bay"
    assert art.meta.author == "Ruth Calder"
    assert art.meta.published == dt.date(2024, 5, 20)
    assert art.meta.section == "Local"
    assert art.errors == []
    # The front matter is a zone of its own, at the very start, and is not reviewed.
    first = art.zones[0]
    assert (first.kind, first.start) == ("front_matter", 0)
    assert art.text[first.start : first.end].startswith("---\ntitle:")
    assert not first.reviewed
    assert "Ruth Calder" not in build_review_text(art).text


def test_markdown_structure(articles_dir):
    art = load_article(str(articles_dir / "ferry-service.md"))
    assert zone_texts(art, "title") == ["The night ferry returns to Kestrel Bay"]
    assert zone_texts(art, "heading") == ["What changes"]
    assert zone_texts(art, "list_item") == [
        "Sailings every two hours from 6 p.m. to midnight",
        "A new waiting room funded by a [regional grant](https://example.org/grants/kestrel)",
        "Bicycles carried free of charge",
    ]
    assert [(f.label, f.text) for f in art.footnotes] == [
        ("1", "Holm Island Council, minutes of the meeting of 12 July 2023, item 4."),
        ("2", 'Kestrel Bay Gazette, "Ferry operator folds", 1993.'),
    ]
    assert sorted(m.label for m in art.markers) == ["1", "2"]
    for marker in art.markers:
        assert art.text[marker.start : marker.end] == f"[{marker.label}]"
    [link] = art.links
    assert link.url == "https://example.org/grants/kestrel"
    assert art.text[link.start : link.end] == link.text == "regional grant"


def test_markdown_caret_footnotes_and_emphasis(articles_dir):
    art = load_article(str(articles_dir / "library-budget.md"))
    assert sorted(m.label for m in art.markers) == ["1", "2"]
    assert [f.label for f in art.footnotes] == ["1", "2"]
    clean = build_review_text(art).text
    assert "its four branch libraries from January" in clean  # ** dropped
    assert "for culture. Branch staff" in clean  # [^1] dropped
    assert "[^" not in clean and "**" not in clean and "<!--" not in clean
    assert [d[2] for d in art.directives] == ["<!-- copydesk: checked with the press office -->"]


def test_markdown_broken_yaml_is_reported_and_body_still_loads(write):
    path = write(
        "broken.md",
        '---\ntitle: "An unclosed title\nauthor: [Nobody\n---\n'
        "The bakery on Mill Lane sold 900 loaves on Saturday.\n",
    )
    art = load_article(path)
    assert len(art.errors) == 1
    assert "front matter" in art.errors[0] and "YAML" in art.errors[0]
    assert art.meta.title is None and art.meta.author is None
    assert zone_texts(art, "paragraph") == ["The bakery on Mill Lane sold 900 loaves on Saturday."]
    assert art.zones[0].kind == "front_matter"


def test_markdown_front_matter_date_that_is_not_a_date(write):
    path = write("baddate.md", "---\ntitle: Bakery\npublished: next tuesday\n---\nThe bakery opened.\n")
    art = load_article(path)
    assert art.meta.published is None
    assert art.meta.title == "Bakery"
    [error] = art.errors
    assert "published" in error and "next tuesday" in error and "YYYY-MM-DD" in error
    assert zone_texts(art, "paragraph") == ["The bakery opened."]


def test_markdown_impossible_front_matter_date_is_an_error_not_a_crash(write):
    path = write("impossible.md", "---\ntitle: Bakery\npublished: 2024-13-45\n---\nThe bakery opened.\n")
    art = load_article(path)
    assert art.meta.published is None
    assert any("published" in e for e in art.errors)
    assert zone_texts(art, "paragraph") == ["The bakery opened."]


# ---------------------------------------------------------------- plain text
def test_plaintext_header_lines(articles_dir):
    art = load_article(str(articles_dir / "clinic-closure.txt"))
    assert art.format == "text"
    assert art.meta.title == "Rural clinic in Ashford Vale to close its doors"
    assert art.meta.published == dt.date(2024, 8, 2)
    assert art.meta.author == "Daniel Mercer"
    assert art.errors == []
    assert zone_texts(art, "title") == ["Rural clinic in Ashford Vale to close its doors"]
    assert zone_texts(art, "byline") == ["Published: 2024-08-02", "By Daniel Mercer"]


def test_plaintext_bullets_are_list_items(articles_dir):
    art = load_article(str(articles_dir / "clinic-closure.txt"))
    assert zone_texts(art, "list_item") == [
        "A weekly mobile clinic in the village square",
        "Free bus passes for patients over 70",
        "A review of the decision in 2026[2]",
    ]
    assert "•" not in build_review_text(art).text


def test_plaintext_footnotes_bio_and_comments(articles_dir):
    art = load_article(str(articles_dir / "clinic-closure.txt"))
    assert [(f.label, f.text) for f in art.footnotes] == [
        ("1", "Ashford Vale Health Board, Annual Report 2023, p. 14."),
        ("2", "Ashford Vale Health Board, press release, 30 July 2024."),
    ]
    bio = " ".join(zone_texts(art, "bio"))
    comments = " ".join(zone_texts(art, "comments"))
    assert "covers health and rural affairs" in bio
    assert "This is a disgrace" in comments and "Best nurses in the county" in comments
    assert all(not z.reviewed for z in art.zones if z.kind in {"bio", "comments", "footnote"})
    clean = build_review_text(art).text
    for not_reviewed in ("400 clinic closures", "5,000 people", "Best nurses", "Annual Report 2023"):
        assert not_reviewed not in clean
    # The last reviewed words are the article's last paragraph.
    assert clean.endswith("said the clinic cost 1.2 million pounds a year to run.")


def test_plaintext_comments_heading(articles_dir):
    art = load_article(str(articles_dir / "river-cleanup.txt"))
    comments = zone_texts(art, "comments")
    assert comments[0] == "Comments"
    assert "30 trolleys" in " ".join(comments)
    assert "30 trolleys" not in build_review_text(art).text
    assert zone_texts(art, "list_item") == [
        "Gloves and bags were provided",
        "Parking was free at the Hatton Mill site",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "About four in 10 voters say the pier matters more than the ferry.",
        "About a third of the harbour's boats were idle.",
        "Comments from the mayor drew a sharp rebuke.",
        "Responses to the survey were mixed, the trust said.",
        "About Ninety Pier Workers Walked Out On Friday Morning And Have Not Come Back Since Then",
    ],
)
def test_plaintext_sentence_that_opens_like_a_trailer_heading_is_article(write, line):
    # A one-line paragraph of news that starts with "About" or "Comments" is no heading:
    # read as one, everything after it was dropped from the review as a bio or comments.
    path = write(
        "trailer.txt", f"Pier vote\n\nThe council met.\n\n{line}\n\nThe vote is on Friday, Reed said.\n"
    )
    art = load_article(path)
    assert not [z for z in art.zones if z.kind in {"bio", "comments"}]
    assert build_review_text(art).text.endswith("The vote is on Friday, Reed said.")


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Comments", "comments"),
        ("3 Comments", "comments"),
        ("12 responses to “Pier vote”", "comments"),
        ("Leave a Reply", "comments"),
        ("About the author", "bio"),
        ("About Jane Doe", "bio"),
    ],
)
def test_plaintext_trailer_headings_still_end_the_article(write, heading, kind):
    path = write(
        "trailer.txt", f"Pier vote\n\nThe council met.\n\n{heading}\n\nSaid 40 times before, Ann wrote.\n"
    )
    art = load_article(path)
    assert zone_texts(art, kind)[0] == heading
    assert "40 times" not in build_review_text(art).text


def test_markdown_heading_about_a_topic_is_not_a_bio(write):
    path = write(
        "topic.md",
        "# Pier vote\n\nThe council met.\n\n## About the new pier\n\nIt cost 4 million pounds.\n\n"
        "## About the author\n\nAnn Reed has covered the harbour since 1990.\n",
    )
    art = load_article(path)
    assert zone_texts(art, "heading") == ["About the new pier"]
    assert "4 million pounds" in build_review_text(art).text
    assert "since 1990" in " ".join(zone_texts(art, "bio"))


def test_plaintext_bad_published_line(write):
    path = write("badpub.txt", "Pool reopens\nPublished: some day soon\n\nThe pool reopened after repairs.\n")
    art = load_article(path)
    assert art.meta.published is None
    [error] = art.errors
    assert "Published: some day soon" in error and "not a date" in error
    assert zone_texts(art, "paragraph") == ["The pool reopened after repairs."]


# ---------------------------------------------------------------- HTML
def test_html_metadata_and_dropped_chrome(articles_dir):
    art = load_article(str(articles_dir / "harbour-market.html"))
    assert art.format == "html"
    assert art.meta.title == "Fish & chips stall wins harbour market vote"
    assert art.meta.author == "Priya Natarajan"
    assert art.meta.published == dt.date(2024, 3, 11)
    clean = build_review_text(art).text
    for dropped in (
        "9000 visitors",
        "2,000 clicks",
        "750 people",
        "News 300 stories",
        "5,000 readers",
        "77 staff",
        "color: red",
        "Copyright",
    ):
        assert dropped not in clean
    assert "Fish & chips stall wins harbour market vote" in clean


def test_html_entities_are_decoded_in_reviewed_text(articles_dir):
    art = load_article(str(articles_dir / "harbour-market.html"))
    clean = build_review_text(art).text
    assert "A fish & chips stall run by the Moreau family" in clean
    assert "&amp;" not in clean
    # ... while the file keeps them, and zones point into the file.
    [para] = [z for z in art.zones if z.kind == "paragraph" and "Moreau family" in art.text[z.start : z.end]]
    assert art.text[para.start : para.end].startswith("A fish &amp; chips stall")


def test_html_footnote_markers_and_definitions(articles_dir):
    art = load_article(str(articles_dir / "harbour-market.html"))
    assert [m.label for m in art.markers] == ["1", "2"]
    for m in art.markers:
        assert art.text[m.start : m.end] == f'<a href="#fn{m.label}">{m.label}</a>'
        assert art.text[m.start - 5 : m.start] == "<sup>"
    assert [(f.label, f.text) for f in art.footnotes] == [
        ("1", "Harbour Market Committee, vote results, March 2024."),
        ("2", "Harbour Market Committee, Annual Accounts 2023, p. 3."),
    ]
    clean = build_review_text(art).text
    assert "with 2,150 votes. The market opened in 1998" in clean
    assert "turnover rose by 12 percent last year, and" in clean
    assert "Harbour Market Committee" not in clean  # footnotes are sources, not body text


def test_html_main_entities_links_and_breaks(articles_dir):
    art = load_article(str(articles_dir / "school-meals.html"))
    assert art.meta.published == dt.date(2024, 1, 15)
    assert art.meta.author == "Lena Fischer"
    assert art.meta.title == "Free school meals extended to 3,000 more pupils"
    clean = build_review_text(art).text
    assert "“No child should sit through a maths lesson hungry,” said Abdul Rahman" in clean
    assert "Parents’ groups had campaigned" in clean
    assert "The scheme costs £4.2 million a year." in clean
    assert "Cooks & kitchen staff will be hired at six schools." in clean
    for dropped in ("Home", "Most read", "County Herald", "headline"):
        assert dropped not in clean
    [link] = art.links
    assert (link.url, link.text) == ("https://example.org/campaign", "Their petition")
    assert [(f.label, f.text) for f in art.footnotes] == [
        ("1", "County Education Committee, minutes, 15 January 2024.")
    ]


def test_html_article_is_preferred_over_the_rest_of_body(write):
    path = write(
        "promo.html",
        '<html><body>\n<div class="promo"><p>Join 12,000 subscribers today.</p></div>\n'
        "<article><h1>Market news</h1><p>The market has 64 stalls.</p></article>\n</body></html>\n",
    )
    art = load_article(path)
    clean = build_review_text(art).text
    assert "The market has 64 stalls." in clean
    assert "subscribers" not in clean


@pytest.mark.parametrize(
    "opening",
    [
        "<![1]DOCTYPE html>",  # a typo in the doctype (found by the property tests)
        "<![if !IE]><![endif]>",  # conditional comments
        "<![CDATA[raw]]>",
    ],
)
def test_html_with_odd_marked_sections_is_still_read(write, opening):
    """Browsers read "<![" that opens no section they know as a comment up to the next
    ">"; the standard library's parser asserts on it, and the file went unreviewed."""
    path = write(
        "odd.html",
        f"{opening}\n<html><body><article><p>The market has 64 stalls.</p></article></body></html>\n",
    )
    art = load_article(path)
    assert "The market has 64 stalls." in build_review_text(art).text


# ---------------------------------------------------------------- unreadable files
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", r"empty"),
        ("blank.txt", b"  \n\n\t\n", r"empty"),
        ("binary.txt", b"PK\x03\x04\x00\x00\x08\x00data", r"binary.*NUL"),
        ("latin1.md", "Caf\u00e9 prices rose.".encode("latin-1"), r"not valid UTF-8.*position 3"),
        ("notes.docx", b"Some text", r"unsupported file type \.docx"),
        ("noext", b"Some text", r"unsupported file type \(none\)"),
    ],
)
def test_unreadable_files_raise_load_error(write, name, content, message):
    path = write(name, content)
    with pytest.raises(LoadError, match=message):
        load_article(path)


def test_directory_raises_load_error(tmp_path):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    with pytest.raises(LoadError, match="directory"):
        load_article(str(folder))


def test_missing_file_raises_load_error(tmp_path):
    with pytest.raises(LoadError, match="not found"):
        load_article(str(tmp_path / "gone.md"))


def test_file_over_the_size_limit(write):
    path = write("huge.md", "The pier is long. " * 50_000)  # 900 KB
    with pytest.raises(LoadError, match=r"878\.9 KiB, above the 512\.0 KiB limit.*--max-size"):
        load_article(path, max_bytes=512 * 1024)
    assert load_article(path, max_bytes=5 * 1_048_576).text.startswith("The pier is long.")


# ---------------------------------------------------------------- CRLF and BOM
@pytest.mark.parametrize("name", ["ferry-service.md", "clinic-closure.txt"])
def test_crlf_and_bom_keep_zone_offsets(articles_dir, write, name):
    lf = (articles_dir / name).read_text(encoding="utf-8")
    path = write("crlf-" + name, ("\ufeff" + lf.replace("\n", "\r\n")).encode("utf-8"))
    art = load_article(path)
    plain = load_article(str(articles_dir / name))
    assert art.text.startswith("\ufeff") and "\r\n" in art.text
    assert (art.meta.title, art.meta.author, art.meta.published) == (
        plain.meta.title,
        plain.meta.author,
        plain.meta.published,
    )
    assert art.errors == []
    assert [z.kind for z in art.zones] == [z.kind for z in plain.zones]
    for z, pz in zip(art.zones, plain.zones, strict=True):
        if z.kind == "front_matter":
            continue
        text = art.text[z.start : z.end]
        assert not text.endswith("\r") and not text.startswith("\ufeff")
        assert text.replace("\r\n", "\n") == plain.text[pz.start : pz.end]
    for f, pf in zip(art.footnotes, plain.footnotes, strict=True):
        assert art.text[f.start : f.end] == f.text == pf.text
