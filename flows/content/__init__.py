"""Loading articles: decoding, format detection, zones and the offset map."""

from flows.content.article import Article, ArticleMeta, FootnoteDefinition, FootnoteMarker, Link, Zone
from flows.content.loader import LoadError, load_article, discover_files

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
