"""Loading articles: decoding, format detection, zones and the offset map."""

from copydesk.flows.content.article import (
    Article,
    ArticleMeta,
    FootnoteDefinition,
    FootnoteMarker,
    Link,
    Zone,
)
from copydesk.flows.content.loader import LoadError, discover_files, load_article

__all__ = [
    "Article",
    "ArticleMeta",
    "FootnoteDefinition",
    "FootnoteMarker",
    "Link",
    "LoadError",
    "Zone",
    "discover_files",
    "load_article",
]
