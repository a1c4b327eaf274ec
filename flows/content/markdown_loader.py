"""Markdown articles: headings (ATX and setext), paragraphs, list items, block quotes and
footnote definitions are zones; code, raw HTML and link reference definitions are markup.

The block structure is markdown-it-py's (``mdblocks``); this module turns each block into
zones with file offsets. Inline markup (links, emphasis, markers) is read per zone by
``inline.scan_inline``.
"""

from __future__ import annotations

import itertools

from copydesk.flows.content.article import Article, ArticleMeta, Edit, Zone
from copydesk.flows.content.inline import HTML_COMMENT
from copydesk.flows.content.mdblocks import FOOTNOTE_LABEL, Block, FileLines, blocks
from copydesk.flows.content.zoning import add_footnote, add_zone, trailer_heading


def load(path: str, text: str, meta: ArticleMeta, body_start: int = 0) -> Article:
    article = Article(path=path, text=text, format="markdown", meta=meta)
    lines = FileLines.of(text, body_start)
    # A byte-order mark stays in the file (offsets index it) but is not Markdown.
    source = text[body_start:].removeprefix("\ufeff")
    trailer: str | None = None  # "bio" or "comments" once such a section begins
    seen_body = False
    for block in blocks(source):
        if block.kind == "heading":
            trailer, seen_body = _heading(article, lines, block, trailer, seen_body), True
        elif block.kind == "paragraph":
            _paragraph(article, lines, block, trailer)
            seen_body = True
        elif block.kind == "footnote":
            _footnote(article, lines, block)
        elif block.kind == "html":
            _html(article, lines, block)
        elif block.kind in {"code", "definition"}:
            article.zones.append(Zone("markup", *lines.stripped(block.first, block.last)))
    article.zones.sort(key=lambda z: z.start)
    return article


def _heading(
    article: Article, lines: FileLines, block: Block, trailer: str | None, seen_body: bool
) -> str | None:
    """Add a heading's zone; return the trailer (bio, comments) in force after it."""
    content = block.content
    if block.token.markup.startswith("#"):  # ATX: the text after the opening hashes
        line = lines.line(block.first)
        hashes = line.index("#") + len(block.token.markup)
        at = line.find(content, hashes) if content else -1
        spans = (
            []
            if at < 0
            else [(lines.starts[block.first] + at, lines.starts[block.first] + at + len(content))]
        )
    else:  # setext: the lines above the underline
        spans = lines.locate(block.first, content)
    trailer = trailer_heading(content) or trailer
    if trailer:
        article.zones.append(Zone(trailer, *lines.stripped(block.first, block.last)))
    elif spans:
        kind = "title" if (block.token.tag == "h1" and not seen_body) else "heading"
        add_zone(
            article, kind, spans[0][0], spans[-1][1], markdown=True, edits=_prefix_edits(article.text, spans)
        )
        if kind == "title" and article.meta.title is None:
            article.meta.title = " ".join(content.split())
    return trailer


def _paragraph(article: Article, lines: FileLines, block: Block, trailer: str | None) -> None:
    spans = lines.locate(block.first, block.content)
    if not spans:
        return
    kind = trailer or ("list_item" if block.container == "list_item" else "paragraph")
    add_zone(
        article, kind, spans[0][0], spans[-1][1], markdown=True, edits=_prefix_edits(article.text, spans)
    )


def _prefix_edits(text: str, spans: list[tuple[int, int]]) -> tuple[Edit, ...]:
    """Drop the container markup between a block's lines ("> " of a quote's next line),
    keeping the line break."""
    edits = []
    for (_, end), (start, _) in itertools.pairwise(spans):
        gap = text[end:start]
        if gap.strip():
            cut = end + len(gap) - len(gap.lstrip())
            edits.append(Edit(cut, start, ""))
    return tuple(edits)


def _footnote(article: Article, lines: FileLines, block: Block) -> None:
    # The label is found again in the file's line: inside a block quote or a list, the
    # parser's columns start after the container's markers.
    label = FOOTNOTE_LABEL.search(lines.line(block.first))
    if label is None:
        return
    start = lines.starts[block.first] + label.end()
    _, end = lines.stripped(block.first, block.last)
    add_footnote(article, block.token.meta["label"], start, max(start, end))


def _html(article: Article, lines: FileLines, block: Block) -> None:
    """Raw HTML is not reviewed; its comments are directives (suppressions)."""
    start, end = lines.stripped(block.first, block.last)
    comments = list(HTML_COMMENT.finditer(article.text, start, end))
    article.directives.extend((m.start(), m.end(), m.group(0)) for m in comments)
    if "".join(HTML_COMMENT.split(article.text[start:end])).strip():
        article.zones.append(Zone("markup", start, end))
