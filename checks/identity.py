"""An article's identity: its path from the project root, as a POSIX path.

Archives repeat file names across year and section folders (``2024/pier.md``,
``2025/pier.txt``, ``news/index.md``), so the file's name or stem never identifies an
article. Everything that keys by article (the checks' tables, fingerprints, the findings
cache, the ledger, the reports' file names, the desk) keys by ``article_id``.

The project root is the one ``copydesk ci`` and ``copydesk baseline`` already measure paths
from, found from the working directory upwards:

1. the top of the git work tree (the folder holding ``.git``), so that a review's
   fingerprints are the gate's and a decision made on the desk lets the gate pass;
2. outside git, the folder of the settings file (``copydesk.toml``, or a ``pyproject.toml``
   with ``[tool.copydesk]``, as ``copydesk.checks.project_config`` finds it);
3. else the working directory itself.

An article inside the root is named relative to it (``content/2024/pier.md``, however it
was named on the command line: ``./content/2024/pier.md``, an absolute path, or from a
subfolder). One outside the root is named by its absolute POSIX path.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from copydesk.checks.config import ConfigError
from copydesk.checks.project_config import find_config_file


def project_root(start: str | os.PathLike[str] | None = None) -> Path:
    """The folder article ids are relative to, for work started in ``start`` (default: the
    working directory). Resolved (symlinks followed), so that ids do not depend on how the
    folder was reached."""
    return _project_root(os.path.realpath(start if start is not None else os.getcwd()))


@lru_cache(maxsize=16)
def _project_root(start: str) -> Path:
    folder = Path(start)
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():  # a folder, or a file in worktrees and submodules
            return candidate
    try:
        found = find_config_file(folder)
    except ConfigError:  # a broken settings file is for the commands that read it to report
        found = None
    return found[0].parent if found is not None else folder


def article_id(path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> str:
    """The id of the article file at ``path`` (relative to the working directory, or
    absolute): its POSIX path from ``root`` (default: ``project_root()``), or its absolute
    POSIX path when it is outside the root. The file itself is not resolved: a symlink is
    named where it is, not where it points."""
    base = Path(os.path.realpath(root)) if root is not None else project_root()
    full = Path(os.path.abspath(path))
    for candidate in (full, Path(os.path.realpath(full.parent)) / full.name):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return full.as_posix()
