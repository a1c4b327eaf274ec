"""What the desk knows from the latest reports folder: which severity, line and status each
finding has in its article's report (``<name>.json``, named by ``copydesk.reports.naming``), and the
article page's data (text, blocks, findings). The ledger knows what editors decided; only
the reports know severities and where a finding sits in the text, so the desk joins the
two by fingerprint."""

from __future__ import annotations

import json
import os
import re
import stat
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from copydesk.checks.fingerprints import assign_fingerprints
from copydesk.checks.records import ArticleInfo, Finding, ReviewedArticle
from copydesk.checks.rules import RULES
from copydesk.checks.suppressions import NO_REASON
from copydesk.reports.coverage import FigureCoverage, coverage_from_report
from copydesk.reports.html_report import Block, article_blocks

# The loader's article types (``copydesk.flows.content.loader``; ``reports`` does not import ``flows``):
# the desk shows only files a review could have read, never whatever a JSON names.
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
MAX_TEXT_BYTES = 16 * 1024 * 1024
# Findings listed (each with its decision form) and highlighted on one article page: an
# article of 900,000 characters had 5,000, a page of 4 MB that took seconds to build.
PAGE_SIZE = 200
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n\s*")
_LINES = re.compile(r"\n\s*")
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n.*?\n---[ \t]*(?:\r?\n\s*|\Z)", re.S)


@dataclass(frozen=True)
class Located:
    """A finding as the latest report shows it."""

    article: str
    severity: str
    line: int
    column: int
    status: str  # as reported: "suppressed" when an inline directive switched it off


@dataclass
class _Entry:
    stamp: tuple[int, int]
    article: str  # the article's id, as the report gives it
    title: str | None
    findings: dict[str, Located]


class ReportIndex:
    """The reports folder's findings by fingerprint. Each JSON is parsed once and parsed again
    only when its size or mtime change, so the queue stays cheap over a large archive."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def findings(self) -> dict[str, Located]:
        found: dict[str, Located] = {}
        for entry in self._refresh().values():
            found.update(entry.findings)
        return found

    def titles(self) -> dict[str, str]:
        """Each reported article's title (else its id), by article id."""
        return {e.article: e.title or e.article for e in self._refresh().values()}

    def _refresh(self) -> dict[str, _Entry]:
        with self._lock:
            current: dict[str, _Entry] = {}
            for path, stamp in _json_files(self.folder):
                name = path.name[: -len(".json")]
                entry = self._entries.get(name)
                if entry is None or entry.stamp != stamp:
                    entry = _parse_entry(path, name, stamp)
                if entry is not None:
                    current[name] = entry
            self._entries = current
            return dict(current)


def _json_files(folder: Path) -> list[tuple[Path, tuple[int, int]]]:
    try:
        with os.scandir(folder) as it:
            entries = [e for e in it if e.name.endswith(".json") and not e.name.startswith(".")]
            return [(Path(e.path), (e.stat().st_mtime_ns, e.stat().st_size)) for e in entries if e.is_file()]
    except OSError:  # no reports yet: the desk still shows the ledger
        return []


def _parse_entry(path: Path, name: str, stamp: tuple[int, int]) -> _Entry | None:
    data = read_report(path)
    if data is None:
        return None
    article = str((data.get("article") or {}).get("id") or name)
    located = {}
    for f in data.get("findings") or []:
        if isinstance(f, dict) and f.get("fingerprint"):
            located[str(f["fingerprint"])] = Located(
                article,
                str(f.get("severity") or "info"),
                _int(f.get("line")),
                _int(f.get("column")),
                str(f.get("status") or "open"),
            )
    return _Entry(stamp, article, (data.get("article") or {}).get("title"), located)


def read_report(path: Path) -> dict[str, Any] | None:
    """A report's JSON object; None when it is missing, half-written or not a report."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("article"), dict) else None


def default_severity(rule: str) -> str:
    return RULES[rule].severity if rule in RULES else "info"


# ── the article page ──


@dataclass
class ArticleText:
    info: ArticleInfo
    path: str
    blocks: list[Block] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    problem: str | None = None  # why the text cannot be shown, or why highlights may be off
    figures: list[FigureCoverage] = field(default_factory=list)  # each figure's source, or why none
    reported: frozenset[str] = frozenset()  # the fingerprints of all the report's findings
    total: int = 0  # how many findings the report has (``findings`` is one page of them)
    page: int = 1
    pages: int = 1


def load_article(report: dict[str, Any], base: Path, page: int = 1) -> ArticleText:
    """The report's findings over the article's text, read from the file the report names
    (the JSON contract carries offsets, not the text): page ``page`` of them, at most
    ``PAGE_SIZE``, listed and highlighted."""
    meta = report.get("article") or {}
    info = ArticleInfo(
        id=str(meta.get("id") or ""),
        title=meta.get("title"),
        author=meta.get("author"),
        published=meta.get("published"),
    )
    path = str(report.get("path") or "")
    every = [_finding(f) for f in report.get("findings") or [] if isinstance(f, dict)]
    pages = max(1, -(-len(every) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    findings = every[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    view = ArticleText(
        info,
        path,
        findings=findings,
        errors=[str(e) for e in report.get("errors") or []],
        figures=coverage_from_report(report),
        reported=frozenset(f.fingerprint for f in every),
        total=len(every),
        page=page,
        pages=pages,
    )
    text, view.problem = _read_text(base, path)
    if text is None:
        return view
    html = Path(path).suffix.lower() in (".html", ".htm")
    art = ReviewedArticle(path, info, text=text, findings=findings, zones=text_zones(text, html))
    view.blocks = article_blocks(art)
    if _stale(report, text, every):
        view.problem = (
            f"{path} has changed since this report was written: highlights may be in the wrong "
            "place. Run copydesk review again to refresh them."
        )
    return view


def _finding(f: dict[str, Any]) -> Finding:
    return Finding(
        rule=str(f.get("rule") or ""),
        severity=str(f.get("severity") or "info"),
        item=str(f.get("item") or ""),
        start=_int(f.get("start")),
        end=_int(f.get("end")),
        line=_int(f.get("line")),
        column=_int(f.get("column")),
        message=str(f.get("message") or ""),
        fingerprint=str(f.get("fingerprint") or ""),
        status=str(f.get("status") or "open"),
    )


def _int(value: Any) -> int:
    """Offsets and positions from a JSON file that a person could have edited."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def read_text(base: Path, path: str) -> tuple[str | None, str | None]:
    """The text of the article file at ``path`` (under ``base``), or why it cannot be shown."""
    return _read_text(base, path)


def _read_text(base: Path, path: str) -> tuple[str | None, str | None]:
    if not path:
        return None, "The report does not say which file the article came from."
    file = Path(path) if Path(path).is_absolute() else base / path
    if file.suffix.lower() not in ARTICLE_SUFFIXES:
        return None, f"{path} is not an article file (.md, .txt, .html); its text is not shown."
    outside = _outside(base, file)
    if outside:
        return None, f"{path} {outside}; its text is not shown."
    try:
        # The loader's rule (``copydesk.flows.content.loader.read_bytes``): a link is followed only into
        # its own folder. The review refused such a file, but its report still names it, and
        # a shared desk must not show whatever a committed symlink points at.
        if file.is_symlink() and not file.resolve().is_relative_to(file.parent.resolve()):
            return None, f"{path} is a symbolic link to a file outside its folder; its text is not shown."
        data = _read_regular(file)
        if data is None:
            return None, f"{path} is not a regular file (a pipe, device or folder); its text is not shown."
        if len(data) > MAX_TEXT_BYTES:
            return None, f"{path} is too large to show here."
        # Decoded as the loader does (UTF-8, no newline translation): the offsets index it.
        return data.decode("utf-8"), None
    except FileNotFoundError:
        return None, (
            f"The article file {path} is gone (moved, renamed or deleted since the review, or the "
            f"desk was started in another folder than {base}). The findings are listed without their text."
        )
    except UnicodeDecodeError:
        return None, f"{path} is no longer valid UTF-8; its text cannot be shown."
    except OSError as exc:
        return None, f"{path} cannot be read: {exc.strerror or exc}."
    except ValueError:  # e.g. a NUL in the path
        return None, f"{path!r} is not a usable file name."


def _outside(base: Path, file: Path) -> str | None:
    """Why the desk must not read ``file``, or None: it reads only inside the folder it
    serves (``base``, where the review ran) and, as a review does, never through a link to
    a folder (``copydesk.flows.content.loader``). A report is a file anyone with the folder can edit."""
    try:
        inner = file.relative_to(base)
    except ValueError:
        return f"is outside the folder the desk serves ({base})"
    if ".." in inner.parts:
        return f"is outside the folder the desk serves ({base})"
    folder = base
    for part in inner.parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            return f"is in {folder.relative_to(base)}, a symbolic link to a folder, which a review does not follow"
    return None


def _read_regular(file: Path) -> bytes | None:
    """The file's bytes (at most MAX_TEXT_BYTES + 1), or None when it is not a regular file.
    Opened without blocking and checked on the open file: a report may name a path that is
    (now) a named pipe, whose plain open() would hold a worker thread forever."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read(MAX_TEXT_BYTES + 1)
    finally:
        os.close(fd)


def text_zones(text: str, html: bool = False) -> list[tuple[str, int, int]]:
    """Blocks separated by blank lines (by line breaks in HTML source, which is shown as
    source), Markdown headings as headings. Front matter is left out (its title, author and
    date are in the page's header); findings' offsets still count from the file's first
    byte. (The loader's zones are not in the JSON.)"""
    zones = []
    start = 0
    front = _FRONT_MATTER.match(text)
    if front:  # metadata, shown in the page's header: not part of the article's text
        start = front.end()
    for gap in [*(_LINES if html else _BLANK_LINES).finditer(text, start), None]:
        end = gap.start() if gap else len(text.rstrip())
        if text[start:end].strip():
            kind = "heading" if text.startswith("#", start) and "\n" not in text[start:end] else "paragraph"
            zones.append((kind, start, end))
        if gap:
            start = gap.end()
    return zones


def _same_fingerprints(findings: list[Finding], key: str, text: str) -> bool:
    copies = [replace(f) for f in findings]
    assign_fingerprints(copies, key, text)
    return all(c.fingerprint == f.fingerprint for c, f in zip(copies, findings, strict=True))


def _stale(report: dict[str, Any], text: str, findings: list[Finding]) -> bool:
    """Do the report's spans still cover the text they were found on? Fingerprints hash the
    matched text, so recomputing them over the file as it is now tells (as the runner does;
    the suppression checker keys its own findings differently)."""
    checked = [f for f in findings if f.rule != NO_REASON]
    # Fingerprints hash the article id; reports written before ids were paths hashed the
    # path the review was given. Either matching means the text is the one reviewed.
    keys = dict.fromkeys(str(k) for k in ((report.get("article") or {}).get("id"), report.get("path")) if k)
    if not any(_same_fingerprints(checked, key, text) for key in keys or [""]):
        return True
    # Extracted items too (not ``sources``: an inline source's ``text`` is the authority
    # alone, its span the whole phrase).
    for key in ("quotes", "figures", "dates"):
        for item in report.get(key) or []:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                continue
            start, end = item.get("start"), item.get("end")
            if isinstance(start, int) and isinstance(end, int) and text[start:end] != item["text"]:
                return True
    return False
