"""The extraction cache: an article whose bytes, spaCy model and extraction code are
unchanged since a previous run is not parsed again.

Layout: ``<root>/<pipeline version>/<sha256[:2]>/<sha256>.<format>.json``, where the
version names the model, spaCy and a hash of the extraction code
(``copydesk.flows.extract.pipeline_version``) and sha256 is of the file's bytes. The format is in the key
because the same bytes read as Markdown and as plain text give different articles. An
entry holds the extracted article without findings, as JSON (``copydesk.checks.codec``): the
checks run over every article on every run, so rules can change without invalidating
anything here. Path and article id are not part of the key; they are set from the file
being reviewed, so a renamed or copied file is a hit with its own path.

Findings are kept beside them, under ``<root>/<pipeline version>/findings/<rules
version>/``, keyed by the file's bytes, format and article id (its path from the project
root, ``copydesk.checks.identity``: scoped suites and fingerprints depend on it, and two files in
different folders never share findings, even with the same name or bytes); the rules
version (``copydesk.checks.rules_version``) names the checking code, the suites in force and Great
Expectations. A re-run over unchanged articles with unchanged rules reads both and runs
no check. Every rule looks at one article at a time; a custom
suite whose expectation compares rows of different articles needs ``--no-cache``.

The quote archive's matches of a run (``copydesk.checks.archive``), which depend on every archived
article, are kept under ``findings/<rules version>/archive-matches/<archive state>.json``:
a run that changed nothing the archive holds reads them instead of comparing every
article's quotes again (``archive_context`` then keeps each article's findings).

Entries are encoded when stored and written by background threads (``flush`` waits for
them): creating a file costs up to half a millisecond while the disk is busy, and a
review stores one or two per article, the findings at the very end of the run. An entry
that cannot be written (a full disk) costs the next run a parse, never this review.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import asdict
from pathlib import Path

from copydesk.checks.codec import (
    CodecError,
    article_from_json,
    article_to_json,
    findings_from_json,
    findings_to_json,
    matches_from_json,
    matches_to_json,
)
from copydesk.checks.records import Finding, QuoteMatch, ReviewedArticle
from copydesk.checks.spans import article_problem, findings_problem
from copydesk.flows.content.loader import ARTICLE_SUFFIXES, LoadError, article_id_for, read_bytes

ENV_VAR = "COPYDESK_CACHE_DIR"
DEFAULT_DIR = ".copydesk/cache"
# Versions kept besides the current one: switching between two branches, or back after
# an upgrade, still finds its entries; older versions are deleted.
KEEP_VERSIONS = 3
WRITER_THREADS = 2


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
        # path -> (sha256, format) of the bytes each article of this run was read from,
        # whether found here or stored after parsing: what its findings are keyed by
        self._read: dict[str, tuple[str, str]] = {}
        # path -> (key, article, findings) decoded by ``read_ahead``, for the rules it was given
        self._ahead: dict[str, tuple[tuple[str, str], ReviewedArticle, list[Finding] | None]] = {}
        self._ahead_rules: str | None = None
        self._writer: ThreadPoolExecutor | None = None
        self._writes: list[Future[None]] = []
        self.write_failures = 0

    def read_ahead(self, paths: list[str], max_bytes: int, rules: str) -> None:
        """Read and decode the entries of these files now, for example while Prefect's
        server starts; ``lookup`` and ``lookup_findings`` then hand them out without reading
        again, for each file that still has the same bytes."""
        self._ahead_rules = rules
        for path in paths:
            key = self._key(path, max_bytes)
            article = self._decoded(key) if key is not None else None
            if key is not None and article is not None:
                findings = self._findings_of(key, article_id_for(path), rules, len(article.text))
                self._ahead[path] = (key, article, findings)

    def ahead(self) -> dict[str, bool]:
        """Files read ahead, each with whether its findings were found too."""
        return {path: findings is not None for path, (_, _, findings) in self._ahead.items()}

    def lookup(self, path: str, max_bytes: int) -> ReviewedArticle | None:
        """The cached article for the file as it is now, or None. Anything unusual (not a
        regular file, too large, unreadable, a damaged entry) is a miss: the loader then
        reads the file and reports the problem in its own words."""
        key = self._key(path, max_bytes)
        if key is None:
            return None
        ahead = self._ahead.get(path)
        article = ahead[1] if ahead is not None and ahead[0] == key else self._decoded(key)
        if article is None:
            self._missed[path] = key
            return None
        article.path = path
        article.article.id = article_id_for(path)
        self.hits += 1
        self._read[path] = key
        return article

    def flush(self) -> None:
        """Wait until every entry stored so far is on disk (or has failed: counted in
        ``write_failures``)."""
        if not self._writes:
            return
        writes, self._writes = self._writes, []
        for future in wait(writes).done:
            if future.exception() is not None:
                self.write_failures += 1

    def close(self) -> None:
        self.flush()
        if self._writer is not None:
            self._writer.shutdown()
            self._writer = None

    def _write_later(self, entry: Path, payload: bytes) -> None:
        # Encoded by the caller, not in the thread: the ledger goes on to change the findings.
        if self._writer is None:
            self._writer = ThreadPoolExecutor(WRITER_THREADS, thread_name_prefix="copydesk-cache")
        self._writes.append(self._writer.submit(_write_whole, entry, payload))

    def _decoded(self, key: tuple[str, str]) -> ReviewedArticle | None:
        self.flush()  # an entry stored earlier in this process is read back as written
        entry = self._entry(*key)
        try:
            article = article_from_json(entry.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, CodecError, TypeError, RecursionError):
            _discard(entry)  # damaged or from an incompatible writer: parse again
            return None
        # The cache is files in a workspace: an entry is trusted only when its spans keep
        # the contract (copydesk.checks.spans), else it is a miss and the article is parsed again.
        if article_problem(article) is not None:
            _discard(entry)
            return None
        return article

    def store(self, article: ReviewedArticle, max_bytes: int) -> None:
        """Keep a freshly extracted article, under the hash its file had when ``lookup``
        missed it. Only articles that were read and parsed are kept (a file that could not
        be read is cheap to fail again and may be fixed), and only when the file still has
        those bytes: one edited while its batch was parsing may have been parsed either way."""
        before = self._missed.pop(article.path, None)
        if not article.reviewed or before is None or self._key(article.path, max_bytes) != before:
            return
        self._write_later(self._entry(*before), article_to_json(article, with_findings=False))
        self._read[article.path] = before
        self.stored += 1

    def lookup_findings(
        self, article: ReviewedArticle, rules: str, context: str = ""
    ) -> list[Finding] | None:
        """The findings ``rules`` gave this article when its file had the bytes it was
        read from this run, or None. ``context`` names what else the findings depended on
        (the archive's matches of its quotes, ``archive_context``): findings kept under
        another context are not these."""
        key = self._read.get(article.path)
        if key is None or not article.reviewed:
            return None
        ahead = self._ahead.get(article.path)
        if (
            not context
            and ahead is not None
            and ahead[0] == key
            and rules == self._ahead_rules
            and ahead[2] is not None
        ):
            return ahead[2]
        return self._findings_of(key, article.article.id, rules, len(article.text), context)

    def _findings_of(
        self, key: tuple[str, str], article_id: str, rules: str, text_size: int, context: str = ""
    ) -> list[Finding] | None:
        self.flush()
        entry = self._findings_entry(key, article_id, rules, context)
        try:
            findings = findings_from_json(entry.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, CodecError, TypeError, RecursionError):
            _discard(entry)
            return None
        if findings_problem(findings, text_size) is not None:  # as for articles: a miss
            _discard(entry)
            return None
        return findings

    def store_findings(self, article: ReviewedArticle, rules: str, context: str = "") -> None:
        """Keep a checked article's findings (before the ledger gives them a status)."""
        key = self._read.get(article.path)
        if key is not None and article.reviewed:
            self._write_later(
                self._findings_entry(key, article.article.id, rules, context),
                findings_to_json(article.findings),
            )

    def lookup_archive_matches(self, rules: str, state: str) -> dict[str, list[QuoteMatch]] | None:
        """The archive matches a run found when the archive was in ``state``
        (``copydesk.checks.archive.archive_review.IndexedRun.state``), under ``rules`` (whose version names
        the matching code, ``copydesk.checks.rules_version``), or None."""
        self.flush()
        entry = self._matches_entry(rules, state)
        try:
            matches = matches_from_json(entry.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, CodecError, TypeError, RecursionError):
            _discard(entry)
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # used now: kept by the pruning in ``store_archive_matches``
        return matches

    def store_archive_matches(self, rules: str, state: str, matches: dict[str, list[QuoteMatch]]) -> None:
        """Keep a run's archive matches under the archive's state; the entries of all but
        the ``KEEP_VERSIONS`` most recently used other states go (one is written per run
        that changes the archive, and an older state comes back only when every change
        since is undone)."""
        entry = self._matches_entry(rules, state)
        folder = entry.parent
        with contextlib.suppress(OSError):
            others = [p for p in folder.glob("*.json") if p != entry]
            others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            for old in others[KEEP_VERSIONS:]:
                _discard(old)
        self._write_later(entry, matches_to_json(matches))

    def use_rules(self, rules: str) -> None:
        """Mark these rules' findings as used now and delete all but the most recently used others."""
        _keep_recent(self.dir / "findings", rules)

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
        _keep_recent(self.root, self.version)

    def _entry(self, digest: str, fmt: str) -> Path:
        return self.dir / digest[:2] / f"{digest}.{fmt}.json"

    def _matches_entry(self, rules: str, state: str) -> Path:
        # beside the findings of the same rules, pruned with them (``use_rules``)
        return self.dir / "findings" / rules / "archive-matches" / f"{state}.json"

    def _findings_entry(self, key: tuple[str, str], article_id: str, rules: str, context: str = "") -> Path:
        parts = [*key, article_id, context] if context else [*key, article_id]
        name = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
        return self.dir / "findings" / rules / name[:2] / f"{name}.json"


def archive_context(matches: list[QuoteMatch]) -> str:
    """A digest of an article's archive matches: its archive findings are the same while
    these are (the other articles' quotes, speakers, dates and wordings included)."""
    if not matches:
        return ""
    data = json.dumps([asdict(m) for m in matches], sort_keys=True, ensure_ascii=False, default=str)
    return "archive:" + hashlib.sha256(data.encode("utf-8")).hexdigest()


# Caches read ahead by the command line for the next flow in this process to take, as
# ``copydesk.flows.runtime.pools`` does with worker pools.
_read_ahead: list[ExtractionCache] = []


def keep_read_ahead(cache: ExtractionCache) -> None:
    _read_ahead.append(cache)


def take_read_ahead(root: Path, version: str) -> ExtractionCache | None:
    """The cache read ahead for this folder and version, once; else None."""
    for cache in _read_ahead:
        if cache.root == root and cache.version == version:
            _read_ahead.remove(cache)
            return cache
    return None


def _keep_recent(parent: Path, current: str) -> None:
    """Touch ``parent/current`` and delete all but the ``KEEP_VERSIONS`` most recently used
    other folders of ``parent``."""
    (parent / current).mkdir(parents=True, exist_ok=True)
    os.utime(parent / current)
    others = [p for p in parent.iterdir() if p.is_dir() and p.name not in (current, "findings")]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP_VERSIONS:]:
        shutil.rmtree(old, ignore_errors=True)


def _discard(entry: Path) -> None:
    # An entry that cannot even be removed (its folder is not a folder any more) is a miss
    # all the same; the loader, not the cache, reports problems with articles.
    with contextlib.suppress(OSError):
        entry.unlink(missing_ok=True)


def _write_whole(entry: Path, payload: bytes) -> None:
    """Written whole then renamed: a concurrent run or a crash never leaves half an entry."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, entry)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
