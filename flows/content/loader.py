"""Read an article file, decode it, and hand it to the loader for its format.

A file that cannot be read raises ``LoadError`` with a message meant for an editor;
the caller records it in that file's report and goes on with the batch.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from copydesk.checks.identity import article_id, project_root
from copydesk.flows.content import html_loader, markdown_loader
from copydesk.flows.content import plaintext as text_loader
from copydesk.flows.content.article import Article, ArticleMeta
from copydesk.flows.content.frontmatter import parse_front_matter
from copydesk.flows.content.view import MAX_RUN, PARAGRAPH_BREAK

ARTICLE_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# The most reviewed text (what spaCy parses: the zones, without markup) one article may have.
# spaCy refuses longer texts (``nlp.max_length``, 1,000,000 by default) with an exception that
# took the whole batch down; parsing one this long takes minutes and gigabytes. It is a book,
# not an article. Counted on the reviewed text, not the file: a news page's HTML can be
# megabytes of scripts around a short article.
MAX_TEXT_CHARS = 1_000_000


class LoadError(Exception):
    """A file that cannot be reviewed; the message says why, in an editor's words."""


def article_id_for(path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> str:
    """The article's id: its POSIX path from the project root (``copydesk.checks.identity``), never
    its file name, which archives repeat across year and section folders."""
    return article_id(path, root)


def unique_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """``discover_files`` without repeats: a file named twice, or two ways (``content/a.md``
    and ``./content/a.md``), is reviewed once, under the first name given."""
    root = project_root()
    seen: set[str] = set()
    files = []
    for path in discover_files(paths):
        key = article_id(path, root)
        if key not in seen:
            seen.add(key)
            files.append(path)
    return files


def discover_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Expand files and directories into article files, in a stable order.

    Directories are walked without following symlinks to folders; files with an unknown
    suffix are skipped inside directories but kept when named explicitly (they get a clear
    error). A symlinked file met in a walk is listed, so that its report says why it was
    not read when it points outside its folder (``read_text`` decides, see there).
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


def read_bytes(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, root: str | os.PathLike[str] | None = None
) -> bytes:
    """The bytes of an article file, or ``LoadError`` saying why not.

    - A symbolic link is followed only to a file inside ``root`` (default: the folder that
      holds the link): a link in the content folder to ``~/.ssh/id_rsa.md`` or to
      ``/etc`` is refused, whether it was named or met while walking a folder.
    - Only regular files are read: a named pipe would block the batch forever and a
      device (``/dev/zero``) never ends.
    - At most ``max_bytes`` are read, checked on the open file, so a file that grows
      between the check and the read cannot exceed the limit either.
    """
    p = Path(path)
    target = _follow_link(p, root) if p.is_symlink() else p
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise LoadError("file not found") from None
    except IsADirectoryError:
        raise LoadError("this is a directory, not an article file") from None
    except PermissionError:
        if p.is_dir():  # Windows refuses to open folders
            raise LoadError("this is a directory, not an article file") from None
        raise LoadError("permission denied: the file cannot be read") from None
    except OSError as exc:
        raise LoadError(f"the file cannot be read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise LoadError("this is a directory, not an article file")
        if not stat.S_ISREG(st.st_mode):
            raise LoadError("not a regular file (a pipe, device or socket), not an article")
        if st.st_size > max_bytes:
            raise LoadError(_too_large(st.st_size, max_bytes))
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise LoadError("permission denied: the file cannot be read") from None
    except OSError as exc:
        raise LoadError(f"the file cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew after the size check
        raise LoadError(_too_large(len(data), max_bytes))
    return data


def _follow_link(link: Path, root: str | os.PathLike[str] | None) -> Path:
    """Where a symlink leads, when that is inside ``root``; else ``LoadError``. The message
    names the folder, not the target: reports travel (CI, pull requests) further than the
    machine the link was made on."""
    folder = Path(root) if root is not None else link.parent
    target = link.resolve()
    if not target.is_relative_to(folder.resolve()):
        raise LoadError(
            f"a symbolic link to a file outside {folder.as_posix() or '.'}: not followed "
            "(copy the article into the folder, or name the file it points to)"
        )
    if not target.exists():
        raise LoadError("a symbolic link to a file that does not exist")
    return target


def read_text(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, root: str | os.PathLike[str] | None = None
) -> str:
    data = read_bytes(path, max_bytes, root)
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise LoadError(f"the file is {name}, not UTF-8; save it as UTF-8")
    if b"\x00" in data:
        raise LoadError("the file looks binary (it contains NUL bytes), not an article")
    try:
        # No newline translation: offsets are into the file exactly as stored.
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LoadError(
            f"the file is not valid UTF-8 (bad byte at position {exc.start}, line {line}); save it as UTF-8"
        ) from None
    if not text.replace("\ufeff", "").strip():
        raise LoadError("the file is empty")
    return text


# UTF-32 first: its little-endian BOM starts with UTF-16's.
_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is {_size(size)}, above the {_size(max_bytes)} limit (raise it with --max-size)"


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
        return _within_parse_limit(html_loader.load(path, text, meta))
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
    return _within_parse_limit(article)


def _within_parse_limit(article: Article) -> Article:
    """``LoadError`` when the reviewed text could exceed MAX_TEXT_CHARS. An upper bound of
    ``build_review_text``'s length, which never lengthens a zone except for a paragraph break
    between zones and a space every ``MAX_RUN`` characters of a run without one."""
    zones = [z for z in article.zones if z.reviewed and z.end > z.start]
    chars = sum(z.end - z.start for z in zones)
    bound = chars + chars // MAX_RUN + len(PARAGRAPH_BREAK) * len(zones)
    if bound > MAX_TEXT_CHARS:
        raise LoadError(
            f"the article is too long to review: about {bound:,} characters of text to parse, above "
            f"the {MAX_TEXT_CHARS:,} copydesk parses as one article; split it"
        )
    return article


def _front_matter_zone(end: int):
    from copydesk.flows.content.article import Zone

    return Zone("front_matter", 0, end)
