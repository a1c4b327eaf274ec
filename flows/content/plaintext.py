"""Plain-text articles as scraped: a title line, optional header lines, paragraphs,
bulleted lists, section headings, numbered footnotes, then perhaps a bio and comments."""

from __future__ import annotations

import re

from copydesk.flows.content.article import Article, ArticleMeta, Zone
from copydesk.flows.content.blocks import Line, blocks_of
from copydesk.flows.content.frontmatter import parse_date
from copydesk.flows.content.zoning import (
    add_footnote,
    add_zone,
    looks_like_heading,
    looks_like_name,
    trailer_heading,
)

PUBLISHED = re.compile(r"^(?:published|date|posted|updated)\s*:\s*(.+)$", re.I)
BYLINE = re.compile(r"^(?:by|author\s*:)\s+(.+)$", re.I)
CAPTION = re.compile(
    r"^(?:\((?:photo|image|picture|credit|caption)\b.*\)|(?:photo|image|credit|caption)\s*:.*)$", re.I
)
BULLET = re.compile(r"^(?:[•◦▪·‣\-*–]|\d{1,3}[.)])\s+")
FOOTNOTE_DEF = re.compile(r"^\[(\d{1,3})\]:?\s+")


def load(path: str, text: str, meta: ArticleMeta, body_start: int = 0) -> Article:
    article = Article(path=path, text=text, format="text", meta=meta)
    blocks = blocks_of(text, body_start)
    if not blocks:
        return article
    title = blocks[0][0]
    add_zone(article, "title", title.start, title.end, markdown=False)
    if meta.title is None:
        meta.title = title.text
    rest = blocks[0][1:]
    body = ([rest] if rest else []) + blocks[1:]

    body = _read_header(article, body)
    last_footnote = max((i for i, b in enumerate(body) if FOOTNOTE_DEF.match(b[0].text)), default=None)
    trailer: str | None = None
    for i, block in enumerate(body):
        first = block[0]
        if last_footnote is not None and i > last_footnote and trailer is None:
            # What follows the footnote list is not the article: a bio, then comments.
            trailer = "bio" if looks_like_name(first) or trailer_heading(first.text) == "bio" else "comments"
        heading = trailer_heading(first.text) if len(block) == 1 else None
        if heading:
            trailer = heading
        if trailer == "bio" and BULLET.match(first.text):
            trailer = "comments"  # numbered replies after the bio
        if trailer:
            article.zones.append(Zone(trailer, first.start, block[-1].end))
            continue
        if FOOTNOTE_DEF.match(first.text):
            _read_footnotes(article, block)
            continue
        _read_block(article, block)
    article.zones.sort(key=lambda z: z.start)
    return article


def _read_header(article: Article, body: list[list[Line]]) -> list[list[Line]]:
    """Byline and date lines directly under the title."""
    remaining = list(body)
    while remaining:
        block = remaining[0]
        header_lines = [ln for ln in block if PUBLISHED.match(ln.text) or BYLINE.match(ln.text)]
        if len(header_lines) != len(block) or len(block) > 3:
            break
        for ln in block:
            if m := PUBLISHED.match(ln.text):
                published = parse_date(m.group(1))
                if published is None:
                    article.errors.append(f"header line '{ln.text}' is not a date; use YYYY-MM-DD")
                elif article.meta.published is None:
                    article.meta.published = published
            elif (m := BYLINE.match(ln.text)) and article.meta.author is None:
                article.meta.author = m.group(1).strip()
            article.zones.append(Zone("byline", ln.start, ln.end))
        remaining.pop(0)
    return remaining


def _read_footnotes(article: Article, block: list[Line]) -> None:
    current: tuple[str, int, int] | None = None
    for ln in block:
        if m := FOOTNOTE_DEF.match(ln.text):
            if current:
                add_footnote(article, *current)
            current = (m.group(1), ln.start + m.end(), ln.end)
        elif current:
            current = (current[0], current[1], ln.end)
    if current:
        add_footnote(article, *current)


def _read_block(article: Article, block: list[Line]) -> None:
    if len(block) == 1 and CAPTION.match(block[0].text):
        article.zones.append(Zone("caption", block[0].start, block[0].end))
        return
    if any(BULLET.match(ln.text) for ln in block):
        item: list[Line] = []
        for ln in block:
            if m := BULLET.match(ln.text):
                if item:
                    add_zone(article, "list_item", item[0].start, item[-1].end, markdown=False)
                item = [Line(ln.start + m.end(), ln.end, ln.text[m.end() :])]
            else:
                item.append(ln)
        if item:
            add_zone(article, "list_item", item[0].start, item[-1].end, markdown=False)
        return
    if len(block) == 1 and looks_like_heading(block[0]):
        add_zone(article, "heading", block[0].start, block[0].end, markdown=False)
        return
    add_zone(article, "paragraph", block[0].start, block[-1].end, markdown=False)
