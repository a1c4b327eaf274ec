"""Markdown articles: front matter, ATX headings, paragraphs, lists, footnote definitions."""

from __future__ import annotations

import re

from flows.content.article import Article, ArticleMeta, Zone
from flows.content.blocks import Line, lines_of
from flows.content.zoning import BIO_HEADING, COMMENTS_HEADING, add_footnote, add_zone

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
FOOTNOTE_DEF = re.compile(r"^\[\^?([^\]\s]{1,20})\]:\s*")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
BLOCKQUOTE = re.compile(r"^>\s?")
FENCE = re.compile(r"^(```|~~~)")
COMMENT_ONLY = re.compile(r"^<!--.*-->$")


def load(path: str, text: str, meta: ArticleMeta, body_start: int = 0) -> Article:
    article = Article(path=path, text=text, format="markdown", meta=meta)
    lines = lines_of(text, body_start)
    trailer: str | None = None  # "bio" or "comments" once such a section begins
    para: list[Line] = []
    seen_body = False
    in_fence = False
    fence_start = 0
    footnote: tuple[str, int, int] | None = None  # (label, start, end) being extended

    def flush_para() -> None:
        nonlocal para, seen_body
        if para:
            kind = trailer or "paragraph"
            add_zone(article, kind, para[0].start, para[-1].end, markdown=True)
            seen_body = True
            para = []

    def flush_footnote() -> None:
        nonlocal footnote
        if footnote:
            add_footnote(article, *footnote)
            footnote = None

    for line in lines:
        if in_fence:
            if line is not None and FENCE.match(line.text):
                article.zones.append(Zone("markup", fence_start, line.end))
                in_fence = False
            continue
        if line is None:
            flush_para()
            continue
        t = line.text
        if FENCE.match(t):
            flush_para()
            flush_footnote()
            in_fence, fence_start = True, line.start
            continue
        if COMMENT_ONLY.match(t):
            flush_para()
            article.directives.append((line.start, line.end, t))
            continue
        if footnote and not FOOTNOTE_DEF.match(t) and text[line.start - 1 : line.start] in " \t":
            footnote = (footnote[0], footnote[1], line.end)  # indented continuation
            continue
        if m := FOOTNOTE_DEF.match(t):
            flush_para()
            flush_footnote()
            footnote = (m.group(1), line.start + m.end(), line.end)
            continue
        flush_footnote()
        if m := HEADING.match(t):
            flush_para()
            content = m.group(2)
            if COMMENTS_HEADING.match(content):
                trailer = "comments"
            elif BIO_HEADING.match(content):
                trailer = "bio"
            start = line.start + m.start(2)
            if trailer:
                article.zones.append(Zone(trailer, line.start, line.end))
            else:
                kind = "title" if (len(m.group(1)) == 1 and not seen_body) else "heading"
                add_zone(article, kind, start, start + len(content), markdown=True)
                if kind == "title" and meta.title is None:
                    meta.title = content
            seen_body = True
            continue
        if m := LIST_ITEM.match(t):
            flush_para()
            add_zone(article, trailer or "list_item", line.start + m.end(), line.end, markdown=True)
            seen_body = True
            continue
        if m := BLOCKQUOTE.match(t):
            if para and not BLOCKQUOTE.match(para[-1].text):
                flush_para()
            para.append(Line(line.start + m.end(), line.end, t[m.end() :]))
            continue
        para.append(line)
    flush_para()
    flush_footnote()
    article.zones.sort(key=lambda z: z.start)
    return article
