"""HTML articles: the main text (``<article>``, else ``<main>``, else ``<body>``) with
scripts, styles, navigation, asides and footers dropped. A footer inside the article's
own element is where many sites put its footnotes: there only the footnotes are read
(``<li id="fn1">`` and the items of a notes list), not the copyright or share lines.

Parsed with the standard library's ``html.parser`` without converting character
references, so every piece of text keeps its exact offset in the file; entities become
edits that decode them in the reviewed text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from copydesk.flows.content.article import Article, ArticleMeta, Edit, FootnoteMarker, Link, Zone, ZoneKind
from copydesk.flows.content.frontmatter import parse_date

SKIP = {
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "footer",
    "form",
    "template",
    "svg",
    "iframe",
    "button",
}
BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "dd",
    "dt",
    "td",
    "th",
    "pre",
}
VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "track"}
ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
FOOTNOTE_HREF = re.compile(r"^#(?:fn|footnote|note|cite_note)[-_:]?(\w+)$", re.I)
FOOTNOTE_ID = re.compile(r"^(?:fn|footnote|note|cite_note)[-_:]?\w+$", re.I)


class _Block:
    def __init__(self, tag: str, attrs: dict[str, str], start: int):
        self.tag = tag
        self.attrs = attrs
        self.start = start
        self.text_start: int | None = None
        self.text_end = start
        self.edits: list[Edit] = []
        self.footnote_list = False


class _ArticleParser(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self._line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.skip_depth = 0
        self.footer_depth = 0  # footers open inside the container: only footnotes are read there
        self.block: _Block | None = None
        self.zones: list[Zone] = []
        self.markers: list[FootnoteMarker] = []
        self.links: list[Link] = []
        self.footnote_defs: list[tuple[str, int, int]] = []
        self.open_link: tuple[str, int] | None = None
        self.open_marker: tuple[str, int] | None = None
        self.head_title: str | None = None
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.time_values: list[str] = []
        self.container: str | None = None  # article / main / body: where zones are read
        self.container_depth = 0
        self.seen_h1 = False
        # Read the article's own element when the page has one, not the site around it.
        lowered = text.lower()
        self.preferred = next((t for t in ("article", "main") if f"<{t}" in lowered), "body")

    # -- malformed markup --------------------------------------------------------------
    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![CDATA[…]]>`` and its kin; anything else after ``<![`` ("<![1]DOCTYPE html>",
        a typo or a cut page) is a bogus comment up to the next ``>``, as browsers read it
        (HTML's tokenizer). The standard library asserts on it instead, which would stop
        the file from being read at all."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)

    # -- positions -----------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _in_footnote_list(self) -> bool:
        for tag, attrs in self.stack:
            cls = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
            if tag in {"ol", "ul", "section", "div"} and re.search(
                r"foot|endnote|references|notes", cls, re.I
            ):
                return True
        return False

    def _reading(self) -> bool:
        return self.container_depth > 0 and self.skip_depth == 0

    # -- tags ------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        start = self._offset()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        a = {k: (v or "") for k, v in attrs}
        if tag == "title" and not self.stack_has("body"):
            self.in_title = True
        if tag == "meta":
            key = a.get("name") or a.get("property") or ""
            if key and a.get("content"):
                self.meta[key.lower()] = a["content"]
        if tag == "time" and a.get("datetime"):
            self.time_values.append(a["datetime"])
        if tag in VOID:
            if tag == "br" and self.block is not None:
                self.block.edits.append(Edit(start, end, " "))
            return
        self.stack.append((tag, a))
        if tag == "footer" and self._reading():
            self.footer_depth += 1
            return
        if tag in SKIP:
            self.skip_depth += 1
            return
        if self.container is None and tag == self.preferred:
            self.container = tag
        if tag == self.container:
            self.container_depth += 1
        if not self._reading():
            return
        if tag in BLOCKS and self.block is None:
            footnote = tag == "li" and (self._in_footnote_list() or bool(FOOTNOTE_ID.match(a.get("id", ""))))
            if self.footer_depth and not footnote:
                return  # the footer's own lines (copyright, share links) are not the article
            self.block = _Block(tag, a, end)
            self.block.footnote_list = footnote
            return
        if self.block is not None:
            self.block.edits.append(Edit(start, end, ""))
            href = a.get("href", "")
            if tag == "a":
                fn = FOOTNOTE_HREF.match(href)
                if fn:
                    self.open_marker = (fn.group(1), start)
                else:
                    self.open_link = (href, end)
            if tag == "sup" and not href:
                self.open_marker = self.open_marker or ("", start)

    def stack_has(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)

    def handle_endtag(self, tag):
        start = self._offset()
        raw_end = self.text.find(">", start)
        end = raw_end + 1 if raw_end >= 0 else len(self.text)
        if tag == "title":
            self.in_title = False
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "footer" and self.footer_depth and not self.skip_depth:
                self.footer_depth -= 1
            elif open_tag in SKIP:
                self.skip_depth = max(0, self.skip_depth - 1)
            if open_tag == self.container:
                self.container_depth -= 1
            if open_tag == tag:
                break
        if self.block is not None and tag == self.block.tag:
            self._close_block(start)
            return
        if self.block is not None and self._reading():
            self.block.edits.append(Edit(start, end, ""))
            if tag == "a" and self.open_link:
                href, text_start = self.open_link
                self.links.append(Link(href, text_start, start, self.text[text_start:start]))
                self.open_link = None
            if tag in {"a", "sup"} and self.open_marker:
                label, mstart = self.open_marker
                if label or tag == "sup":
                    inner = re.sub(r"<[^>]*>", "", self.text[mstart:end]).strip()
                    label = label or inner
                    if label and (label.isdigit() or len(label) <= 3):
                        self.markers.append(FootnoteMarker(label, mstart, end))
                        self._drop_range(mstart, end)
                self.open_marker = None

    def _drop_range(self, start: int, end: int) -> None:
        """Remove a footnote marker wholly from the reviewed text."""
        assert self.block is not None
        self.block.edits = [e for e in self.block.edits if not (start <= e.start and e.end <= end)]
        self.block.edits.append(Edit(start, end, ""))

    def _close_block(self, end_tag_start: int) -> None:
        block = self.block
        self.block = None
        assert block is not None
        if block.text_start is None:
            return
        start, end = block.text_start, block.text_end
        edits = tuple(e for e in block.edits if start <= e.start and e.end <= end)
        kind = self._zone_kind(block)
        if kind == "footnote":
            label = block.attrs.get("id", "")
            m = re.search(r"\d+$", label) or re.search(r"[A-Za-z]\w*$", label)
            number = m.group(0) if m else str(len(self.footnote_defs) + 1)
            self.footnote_defs.append((number, start, end))
        self.zones.append(Zone(kind, start, end, edits))

    def _zone_kind(self, block: _Block) -> ZoneKind:
        cls = (block.attrs.get("class") or "").lower()
        if block.footnote_list:
            return "footnote"
        if block.tag == "h1" and not self.seen_h1:
            self.seen_h1 = True
            return "title"
        if block.tag.startswith("h") and block.tag[1:].isdigit():
            return "heading"
        if re.search(r"byline|dateline|author|meta", cls):
            return "byline"
        if block.tag == "figcaption" or "caption" in cls:
            return "caption"
        if re.search(r"bio|comment", cls):
            return "comments" if "comment" in cls else "bio"
        return "list_item" if block.tag == "li" else "paragraph"

    # -- text ------------------------------------------------------------------------
    def handle_data(self, data):
        start = self._offset()
        if self.in_title:
            self.head_title = (self.head_title or "") + data
        if self.block is None or not self._reading():
            return
        if not data.strip():
            if self.block.text_start is not None:
                self.block.text_end = max(self.block.text_end, start)
            return
        lead = len(data) - len(data.lstrip())
        if self.block.text_start is None:
            self.block.text_start = start + lead
        self.block.text_end = start + len(data.rstrip())
        # Newlines inside a block are just spaces in prose.
        for i, c in enumerate(data):
            if c in "\r\n\t":
                self.block.edits.append(Edit(start + i, start + i + 1, " "))

    def _charref(self):
        start = self._offset()
        m = ENTITY.match(self.text, start)
        if not m:
            return
        if self.in_title:
            self.head_title = (self.head_title or "") + html.unescape(m.group(0))
        if self.block is None or not self._reading():
            return
        if self.block.text_start is None:
            self.block.text_start = start
        self.block.text_end = m.end()
        decoded = html.unescape(m.group(0)).replace("\xa0", " ")
        self.block.edits.append(Edit(start, m.end(), decoded))

    def handle_entityref(self, name):
        self._charref()

    def handle_charref(self, name):
        self._charref()


def load(path: str, text: str, meta: ArticleMeta) -> Article:
    parser = _ArticleParser(text)
    parser.feed(text)
    parser.close()
    article = Article(path=path, text=text, format="html", meta=meta)
    article.zones = sorted(parser.zones, key=lambda z: z.start)
    article.markers = parser.markers
    article.links = [ln for ln in parser.links if ln.text.strip()]
    for label, start, end in parser.footnote_defs:
        article.footnotes.append(_definition(text, label, start, end))
    title = next((text[z.start : z.end] for z in article.zones if z.kind == "title"), None)
    meta.title = html.unescape(title or parser.head_title or "").strip() or None
    meta.author = parser.meta.get("author") or parser.meta.get("article:author")
    for key in ("article:published_time", "date", "pubdate", "publish-date", "dc.date"):
        if key in parser.meta:
            meta.published = parse_date(parser.meta[key])
            if meta.published is None:
                article.errors.append(f"meta {key} is not a date ({parser.meta[key]!r}); use YYYY-MM-DD")
            break
    if meta.published is None and parser.time_values:
        meta.published = parse_date(parser.time_values[0])
    return article


def _definition(text: str, label: str, start: int, end: int):
    from copydesk.flows.content.article import FootnoteDefinition

    # The raw slice, markup and all: offsets are the contract; readers strip tags themselves.
    return FootnoteDefinition(label, start, end, text[start:end])
