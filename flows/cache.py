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
import stat
import tempfile
from pathlib import Path

from checks.codec import CodecError, article_from_data, article_to_data
from checks.records import ReviewedArticle
from flows.content.loader import ARTICLE_SUFFIXES, article_id_for

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

    def lookup(self, path: str, max_bytes: int) -> ReviewedArticle | None:
        """The cached article for the file as it is now, or None. Anything unusual (not a
        regular file, too large, unreadable, a damaged entry) is a miss: the loader then
        reads the file and reports the problem in its own words."""
        entry = self._entry_for(path, max_bytes)
        if entry is None:
            return None
        try:
            article = article_from_data(json.loads(entry.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, CodecError, TypeError):
            entry.unlink(missing_ok=True)  # damaged or from an incompatible writer: parse again
            return None
        article.path = path
        article.article.id = article_id_for(path)
        self.hits += 1
        return article

    def contains(self, path: str, max_bytes: int) -> bool:
        """Whether ``lookup`` would find an entry, without reading it."""
        entry = self._entry_for(path, max_bytes)
        return entry is not None and entry.is_file()

    def _entry_for(self, path: str, max_bytes: int) -> Path | None:
        fmt = _format(path)
        if fmt is None:
            return None
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
                return None
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError:
            return None
        return self._entry(hashlib.sha256(data).hexdigest(), fmt)

    def store(self, article: ReviewedArticle) -> None:
        """Keep a freshly extracted article. Only articles that were read and parsed are
        kept: a file that could not be read is cheap to fail again and may be fixed.

        The key is the hash of the text the article was extracted from (the whole file as
        decoded, so the same bytes as the file's), not of the file as it is now: a file
        edited while its batch was parsing cannot get the old text's result."""
        fmt = _format(article.path)
        if not article.reviewed or fmt is None:
            return
        entry = self._entry(hashlib.sha256(article.text.encode("utf-8")).hexdigest(), fmt)
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
