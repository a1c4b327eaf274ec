"""A repository's copydesk settings, for ``copydesk ci`` and ``copydesk baseline``.

Found from the working directory upwards: the first folder with a ``copydesk.toml``
(table ``[copydesk]``) or a ``pyproject.toml`` that has a ``[tool.copydesk]`` table. A
``pyproject.toml`` without that table is passed over, as ruff and pytest do, so a
project's own packaging file does not hide a setting higher up.

    [copydesk]
    suites = "editorial/suites"          # folder of suite files, relative to this file
    content = ["content/**/*.md"]        # globs of article paths, relative to this file
    baseline = ".copydesk-baseline.json" # relative to this file
    fail_on = "error"                    # error | warning | info
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from checks.config import ConfigError
from checks.rules import SEVERITIES

DEFAULT_BASELINE = ".copydesk-baseline.json"
KEYS = ("suites", "content", "baseline", "fail_on")


@dataclass(frozen=True)
class ProjectConfig:
    root: Path  # the folder the settings' paths are relative to
    source: Path | None  # the file they came from; None: no file, defaults
    suites: Path | None  # None: the built-in suites only
    content: tuple[str, ...]  # empty: every article file
    baseline: Path
    fail_on: str | None

    @cached_property
    def _patterns(self) -> list[re.Pattern[str]]:
        return [glob_regex(p) for p in self.content]

    def includes(self, path: Path) -> bool:
        """Whether an article file (absolute path) is under review by these settings."""
        if not self.content:
            return True
        try:
            rel = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return False  # outside the folder the globs describe
        return any(p.match(rel) for p in self._patterns)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob as a regex over POSIX paths: ``*`` and ``?`` stay inside one folder,
    ``**`` crosses folders, and a glob that matches a folder takes everything in it
    (``content`` = ``content/**``), as in .gitignore."""
    out, i = [], 0
    pattern = pattern.strip().lstrip("/").removeprefix("./")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) != -1:
            body = pattern[i + 1 : close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out).rstrip("/") + r"(?:/.*)?\Z")


def find_config_file(start: Path) -> tuple[Path, dict] | None:
    """The nearest settings file at or above ``start`` and its copydesk table."""
    for folder in [start, *start.parents]:
        own = folder / "copydesk.toml"
        if own.is_file():
            return own, _table(own, ("copydesk",))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _table(pyproject, ("tool", "copydesk"))
            if table is not None:
                return pyproject, table
    return None


def _table(path: Path, keys: tuple[str, ...]) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    if data is None:
        # copydesk.toml without [copydesk] is still ours: it means "all defaults".
        return {} if path.name == "copydesk.toml" else None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [{'.'.join(keys)}] must be a table")
    return data


def load_project_config(start: Path, default_root: Path) -> ProjectConfig:
    """Settings for work started in ``start``; ``default_root`` anchors the defaults when
    no settings file is found (the repository's top folder, for the CI gate)."""
    found = find_config_file(start.resolve())
    if found is None:
        return ProjectConfig(default_root, None, None, (), default_root / DEFAULT_BASELINE, None)
    path, table = found
    unknown = sorted(set(table) - set(KEYS))
    if unknown:  # a typo must not silently turn a setting off
        raise ConfigError(f"{path}: unknown copydesk setting {', '.join(unknown)}; known: {', '.join(KEYS)}")
    root = path.parent
    suites = _string(path, table, "suites")
    if suites is not None and not (root / suites).is_dir():
        raise ConfigError(f"{path}: suites = {suites!r} is not a folder (relative to {root})")
    content = table.get("content", [])
    if isinstance(content, str):
        content = [content]
    if not isinstance(content, list) or not all(isinstance(c, str) and c.strip() for c in content):
        raise ConfigError(f'{path}: content must be a list of path globs, like ["content/**/*.md"]')
    fail_on = _string(path, table, "fail_on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ConfigError(f"{path}: fail_on must be one of {', '.join(SEVERITIES)}, not {fail_on!r}")
    baseline = _string(path, table, "baseline") or DEFAULT_BASELINE
    return ProjectConfig(
        root, path, root / suites if suites else None, tuple(content), root / baseline, fail_on
    )


def _string(path: Path, table: dict, key: str) -> str | None:
    value = table.get(key)
    if value is not None and not (isinstance(value, str) and value.strip()):
        raise ConfigError(f"{path}: {key} must be a non-empty string")
    return value
