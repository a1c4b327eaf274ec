"""The extraction cache: an article whose bytes, spaCy model and extraction code are
unchanged since a previous run is not parsed again.

Layout: ``<root>/<pipeline version>/<sha256[:2]>/<sha256>.<format>.json``, where the
version names the model, spaCy and a hash of the extraction code
(``flows.extract.version``) and sha256 is of the file's bytes. The format is in the key
because the same bytes read as Markdown and as plain text give different articles. An
entry holds the extracted article without findings, as JSON (``checks.codec``): the
checks run over every article on every run, so rules can change without invalidating
anything here. Path and article id are not part of the key; they are set from the file
being reviewed, so a renamed or copied file is a hit with its own path.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from checks.codec import CodecError, article_from_data, article_to_data
from checks.records import ReviewedArticle
from flows.content.loader import ARTICLE_SUFFIXES, LoadError, article_id_for, read_bytes

ENV_VAR = "COPYDESK_CACHE_DIR"
DEFAULT_DIR = ".copydesk/cache"
# Versions kept besides the current one: switching between two branches, or back after
# an upgrade, still finds its entries; older versions are deleted.
KEEP_VERSIONS = 3


def cache_root(explicit: str | os.PathLike[str] | None = None) -> Path:
    return Path(explicit or os.environ.get(ENV_VAR) or DEFAULT_DIR)


def _format(path: str) -> str | None:
    return ARTICLE_SUFFIXES.get(Path(path).suffix.lower())


class ExtractionCache:
    def __init__(self, root: str | os.PathLike[str], version: str) -> None:
        self.root = Path(root)
        self.version = version
        self.dir = self.root / version
        self.hits = 0
        self.stored = 0
        # path -> (sha256, format) of files looked up and not found: what may be stored
        self._missed: dict[str, tuple[str, str]] = {}

    def lookup(self, path: str, max_bytes: int) -> ReviewedArticle | None:
        """The cached article for the file as it is now, or None. Anything unusual (not a
        regular file, too large, unreadable, a damaged entry) is a miss: the loader then
        reads the file and reports the problem in its own words."""
        key = self._key(path, max_bytes)
        if key is None:
            return None
        entry = self._entry(*key)
        try:
            article = article_from_data(json.loads(entry.read_text(encoding="utf-8")))
        except FileNotFoundError:
            self._missed[path] = key
            return None
        except (OSError, ValueError, CodecError, TypeError):
            entry.unlink(missing_ok=True)  # damaged or from an incompatible writer: parse again
            self._missed[path] = key
            return None
        article.path = path
        article.article.id = article_id_for(path)
        self.hits += 1
        return article

    def contains(self, path: str, max_bytes: int) -> bool:
        """Whether ``lookup`` would find an entry, without reading it."""
        key = self._key(path, max_bytes)
        return key is not None and self._entry(*key).is_file()

    def store(self, article: ReviewedArticle, max_bytes: int) -> None:
        """Keep a freshly extracted article, under the hash its file had when ``lookup``
        missed it. Only articles that were read and parsed are kept (a file that could not
        be read is cheap to fail again and may be fixed), and only when the file still has
        those bytes: one edited while its batch was parsing may have been parsed either way."""
        before = self._missed.pop(article.path, None)
        if not article.reviewed or before is None or self._key(article.path, max_bytes) != before:
            return
        entry = self._entry(*before)
        payload = json.dumps(article_to_data(article, with_findings=False), ensure_ascii=False)
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Written whole then renamed: a concurrent run or a crash never leaves half an entry.
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.stored += 1

    def _key(self, path: str, max_bytes: int) -> tuple[str, str] | None:
        """(sha256 of the file's bytes, format), or None for a file the cache leaves to the loader."""
        fmt = _format(path)
        if fmt is None:
            return None
        try:
            # The loader's own read: a symlink out of its folder, a pipe or an oversized file
            # is refused here exactly as on a cold run, not served from an earlier entry.
            data = read_bytes(path, max_bytes)
        except LoadError:
            return None
        return hashlib.sha256(data).hexdigest(), fmt

    def prune(self) -> None:
        """Mark this version as used now and delete all but the most recently used others."""
        self.dir.mkdir(parents=True, exist_ok=True)
        os.utime(self.dir)
        others = [p for p in self.root.iterdir() if p.is_dir() and p.name != self.version]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_VERSIONS:]:
            shutil.rmtree(old, ignore_errors=True)

    def _entry(self, digest: str, fmt: str) -> Path:
        return self.dir / digest[:2] / f"{digest}.{fmt}.json"
