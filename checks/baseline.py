"""The baseline: known findings a repository has accepted, committed as JSON.

``copydesk ci`` ignores findings whose fingerprint is in it (SARIF shows them as
suppressed, kind ``external``). It only shrinks: ``copydesk baseline`` creates it from the
open findings, and afterwards drops entries that no longer match a finding without adding
new ones, unless asked to (``--reset``), so accepting a finding is a deliberate act that
shows in a pull request's diff.

    {"version": 1,
     "entries": [{"fingerprint": "…", "rule": "figure-unsourced", "path": "content/a.md",
                  "text": "3,400 ships", "created": "2024-09-03T10:00:00+00:00"}]}
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from copydesk.checks.config import ConfigError
from copydesk.checks.records import ReviewedArticle
from copydesk.checks.suppressions import NO_REASON

VERSION = 1


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    rule: str
    path: str  # repository-relative, POSIX
    text: str  # the flagged text, so a reviewer of the diff sees what was accepted
    created: str  # ISO 8601, when the entry was first added


@dataclass
class Baseline:
    entries: list[BaselineEntry] = field(default_factory=list)

    def fingerprints(self) -> set[str]:
        return {e.fingerprint for e in self.entries}


@dataclass(frozen=True)
class BaselineChange:
    baseline: Baseline
    kept: int
    removed: int
    added: int
    not_added: int  # open findings left out because the baseline only shrinks


def load_baseline(path: Path) -> Baseline:
    """The baseline at ``path``; an empty one when the file does not exist."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Baseline()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc}") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != VERSION
        or not isinstance(data.get("entries"), list)
    ):
        raise ConfigError(f"{path}: not a copydesk baseline (version {VERSION} with a list of entries)")
    try:
        return Baseline([BaselineEntry(**{k: str(e[k]) for k in _FIELDS}) for e in data["entries"]])
    except (KeyError, TypeError):
        raise ConfigError(f"{path}: every baseline entry needs {', '.join(_FIELDS)}") from None


_FIELDS = ("fingerprint", "rule", "path", "text", "created")


def save_baseline(path: Path, baseline: Baseline) -> None:
    """Write sorted, one entry per line block, through a rename: stable diffs, no half file."""
    entries = sorted(baseline.entries, key=lambda e: (e.path, e.rule, e.fingerprint))
    body = json.dumps(
        {"version": VERSION, "entries": [asdict(e) for e in entries]}, ensure_ascii=False, indent=2
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def open_entries(articles: Iterable[ReviewedArticle], created: str) -> list[BaselineEntry]:
    """An entry for every open finding (suppressed ones already have a reason in the text).
    A suppression without a reason is never accepted: the fix is to write the reason."""
    return [
        BaselineEntry(f.fingerprint, f.rule, art.path, " ".join(art.text[f.start : f.end].split()), created)
        for art in articles
        for f in art.findings
        if f.status == "open" and f.rule != NO_REASON
    ]


def update_baseline(
    old: Baseline,
    articles: list[ReviewedArticle],
    exists: set[str],
    created: str,
    reset: bool = False,
) -> BaselineChange:
    """The baseline after reviewing ``articles`` (their paths are the ones re-judged).

    Entries for other paths stay unless their file is gone (``exists`` holds the
    repository paths that still exist). ``reset`` replaces the reviewed paths' entries
    with their open findings; otherwise a fresh baseline takes them all and an existing
    one only loses entries that match nothing."""
    reviewed = {a.path for a in articles if a.reviewed}
    current = open_entries((a for a in articles if a.reviewed), created)
    current_fps = {e.fingerprint for e in current}
    untouched = [e for e in old.entries if e.path not in reviewed and e.path in exists]
    judged = [e for e in old.entries if e.path in reviewed]
    if reset or not old.entries:
        previous = {e.fingerprint: e.created for e in judged}
        # Keep first-seen dates for findings that were already accepted.
        fresh = [
            BaselineEntry(**{**asdict(e), "created": previous.get(e.fingerprint, e.created)}) for e in current
        ]
        kept = sum(1 for e in fresh if e.fingerprint in previous)
        entries = untouched + fresh
        return BaselineChange(
            Baseline(entries),
            len(untouched) + kept,
            len(old.entries) - len(untouched) - kept,
            len(fresh) - kept,
            0,
        )
    still = [e for e in judged if e.fingerprint in current_fps]
    entries = untouched + still
    known = {e.fingerprint for e in still}
    return BaselineChange(
        Baseline(entries),
        len(entries),
        len(old.entries) - len(entries),
        0,
        sum(1 for e in current if e.fingerprint not in known),
    )


def stale_entries(
    baseline: Baseline, articles: list[ReviewedArticle], exists: set[str]
) -> list[BaselineEntry]:
    """Entries that match no open finding in the reviewed articles, or whose file is gone.
    Paths that were not reviewed cannot be judged and are left alone."""
    reviewed = {a.path for a in articles if a.reviewed}
    open_fps = {f.fingerprint for a in articles if a.reviewed for f in a.findings if f.status == "open"}
    return [
        e
        for e in baseline.entries
        if e.path not in exists or (e.path in reviewed and e.fingerprint not in open_fps)
    ]
