"""Typed records for a loaded article.

Every span is a pair of character offsets into the whole file as decoded from UTF-8
(front matter included, no newline translation), so that ``article.text[start:end]``
is the span. This is the contract the JSON output, the reports and the fingerprints
rely on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ZoneKind = Literal[
    "front_matter",
    "title",
    "byline",
    "caption",
    "heading",
    "paragraph",
    "list_item",
    "footnote",
    "bio",
    "comments",
    "markup",
]

# Zones whose text is reviewed as the article's own words. Footnote definitions become
# sources; bios, comments, captions and bylines are not the article's claims.
REVIEWED_ZONES: frozenset[str] = frozenset({"title", "heading", "paragraph", "list_item"})


@dataclass(frozen=True)
class Edit:
    """A piece of a zone's raw text replaced in the reviewed text (markup dropped, entity decoded)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class Zone:
    kind: ZoneKind
    start: int
    end: int
    edits: tuple[Edit, ...] = ()

    @property
    def reviewed(self) -> bool:
        return self.kind in REVIEWED_ZONES


@dataclass(frozen=True)
class FootnoteMarker:
    """A citation marker in the body such as ``[2]``, ``[^2]`` or ``<sup><a href=#fn2>2</a></sup>``."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class FootnoteDefinition:
    """The text a footnote label points to; ``start``/``end`` cover the text after the label."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Link:
    """A hyperlink; ``start``/``end`` cover the link's visible text."""

    url: str
    start: int
    end: int
    text: str


@dataclass
class ArticleMeta:
    id: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    section: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Article:
    path: str
    text: str
    format: Literal["markdown", "text", "html"]
    meta: ArticleMeta
    zones: list[Zone] = field(default_factory=list)
    markers: list[FootnoteMarker] = field(default_factory=list)
    footnotes: list[FootnoteDefinition] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    # Problems a reader of the report must know about (broken front matter, bad date).
    errors: list[str] = field(default_factory=list)
    # Inline suppression comments and other directives, as (start, end, text) spans.
    directives: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.meta.id
