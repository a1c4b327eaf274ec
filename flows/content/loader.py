"""Read an article file, decode it, and hand it to the loader for its format.

A file that cannot be read raises ``LoadError`` with a message meant for an editor;
the caller records it in that file's report and goes on with the batch.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from flows.content import html as html_loader
from flows.content import markdown as markdown_loader
from flows.content import plaintext as text_loader
from flows.content.article import Article, ArticleMeta
from flows.content.frontmatter import parse_front_matter

ARTICLE_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class LoadError(Exception):
    """A file that cannot be reviewed; the message says why, in an editor's words."""


def article_id_for(path: str | os.PathLike[str]) -> str:
    stem = Path(path).name
    for suffix in sorted(ARTICLE_SUFFIXES, key=len, reverse=True):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.")
    return slug or "article"


def discover_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Expand files and directories into article files, in a stable order.

    Directories are walked without following symlinks; files with an unknown suffix are
    skipped inside directories but kept when named explicitly (they get a clear error).
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if Path(name).suffix.lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        else:
            yield str(raw)


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    p = Path(path)
    if not p.exists():
        raise LoadError("file not found")
    if p.is_dir():
        raise LoadError("this is a directory, not an article file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(
                f"file is {_size(size)}, above the {_size(max_bytes)} limit (raise it with --max-size)"
            )
        data = p.read_bytes()
    except PermissionError:
        raise LoadError("permission denied: the file cannot be read") from None
    except OSError as exc:
        raise LoadError(f"the file cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise LoadError("the file is empty")
    if b"\x00" in data:
        raise LoadError("the file looks binary (it contains NUL bytes), not an article")
    try:
        # No newline translation: offsets are into the file exactly as stored.
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"the file is not valid UTF-8 (bad byte at position {exc.start}); save it as UTF-8"
        ) from None


def _size(n: int) -> str:
    return (
        f"{n / 1_048_576:.1f} MiB" if n >= 1_048_576 else f"{n / 1024:.1f} KiB" if n >= 1024 else f"{n} bytes"
    )


def load_article(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    fmt = ARTICLE_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise LoadError(f"unsupported file type {Path(path).suffix or '(none)'}: use .md, .txt or .html")
    text = read_text(path, max_bytes)
    meta = ArticleMeta(id=article_id_for(path))
    if fmt == "html":
        return html_loader.load(path, text, meta)
    front = parse_front_matter(text)
    meta.title = front.fields.get("title")
    meta.author = front.fields.get("author")
    meta.section = front.fields.get("section")
    meta.published = front.published
    errors = list(front.errors)
    loader = markdown_loader if fmt == "markdown" else text_loader
    article = loader.load(path, text, meta, body_start=front.end)
    article.errors[:0] = errors
    if front.end:
        article.zones.insert(0, _front_matter_zone(front.end))
    return article


def _front_matter_zone(end: int):
    from flows.content.article import Zone

    return Zone("front_matter", 0, end)
