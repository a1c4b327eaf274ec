"""Which of a run's article reports are already in the output folder as the run would
write them, so that ``copydesk.reports.writer`` neither renders nor writes them again.

An article's three reports are a function of its record (text, extraction, findings with
their editors' statuses, archive matches: all of it in ``copydesk.checks.codec``'s JSON) and of
the code that renders them. The folder keeps, in ``.report-inputs.json``, a digest of
both for each article and the size and modification time of each file written from them;
an article whose digest is unchanged, and whose files are all still there as written, is
skipped. Anything else (an edited, deleted or replaced report, another copydesk, a
damaged or missing record of inputs) renders and compares as always.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import stat
from pathlib import Path

from copydesk.checks.codec import article_to_json
from copydesk.checks.records import ReviewedArticle

REPORT_INPUTS = ".report-inputs.json"

_ROOT = Path(__file__).resolve().parent.parent
# What a report's bytes depend on besides the article: the renderers and templates, the
# rule catalog and records they print from, and the libraries that escape and format.
_SOURCES = ("reports/*.py", "reports/templates/*", "checks/*.py", "checks/rules/*.py")
_LIBRARIES = ("jinja2", "markupsafe", "pydantic")

# file name -> (size, modification time in ns), as written
Stamps = dict[str, tuple[int, int]]


@functools.cache
def renderer_version() -> str:
    """A hash of the code and libraries that render reports."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in _SOURCES for p in _ROOT.glob(pattern) if p.is_file()})
    if not files:  # installed without sources
        digest.update(importlib.metadata.version("copydesk").encode())
    for path in files:
        digest.update(path.relative_to(_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for library in _LIBRARIES:
        digest.update(f"{library}=={importlib.metadata.version(library)}\0".encode())
    return digest.hexdigest()


def input_digest(art: ReviewedArticle) -> str:
    """A digest of everything the article's reports are rendered from."""
    digest = hashlib.sha256(renderer_version().encode())
    digest.update(article_to_json(art))
    return digest.hexdigest()


class ReportInputs:
    """The record of inputs of an output folder: ``ReportInputs.read(out)``."""

    def __init__(self, entries: dict[str, tuple[str, Stamps]]) -> None:
        self._entries = entries  # report name -> (input digest, its files' stamps)

    @classmethod
    def read(cls, out: Path) -> ReportInputs:
        try:
            data = json.loads((out / REPORT_INPUTS).read_text(encoding="utf-8"))
            entries = {
                str(name): (
                    str(digest),
                    {str(f): (int(size), int(mtime)) for f, (size, mtime) in files.items()},
                )
                for name, (digest, files) in data.items()
            }
        except (OSError, ValueError, TypeError, AttributeError):  # none yet, or damaged: render all
            entries = {}
        return cls(entries)

    def unchanged(self, out: Path, name: str, digest: str) -> bool:
        """Whether the reports ``name`` were written from inputs with this digest and are
        all still in ``out`` as they were written."""
        entry = self._entries.get(name)
        return (
            entry is not None
            and entry[0] == digest
            and all(stamp(out / file) == written for file, written in entry[1].items())
        )

    def stamps(self, name: str) -> Stamps:
        return self._entries[name][1]

    @staticmethod
    def to_json(entries: dict[str, tuple[str, Stamps]]) -> str:
        return json.dumps({name: [digest, files] for name, (digest, files) in entries.items()})


def stamp(path: Path) -> tuple[int, int] | None:
    """Size and modification time of a regular file (not a link), else None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode) else None
