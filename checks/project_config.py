"""A project's copydesk settings, found upwards like ruff's and Vale's.

The first folder, from where the work starts up to the top of its git work tree, with a
``copydesk.toml`` (table ``[copydesk]``) or a ``pyproject.toml`` that has a
``[tool.copydesk]`` table. A ``pyproject.toml`` without that table is passed over, as ruff
and pytest do, so a project's own packaging file does not hide a setting higher up; the
search stops at the git top, so a settings file above the repository never applies to it.

    [copydesk]
    content = ["content/**"]              # globs of article paths to review (default: all)
    exclude = ["content/drafts/**"]       # globs of article paths never reviewed
    select = ["figure", "quote-unattributed"]  # rules or families to run (default: all)
    ignore = ["figure-time-sensitive"]    # rules or families never run
    suites = "editorial/suites"           # suite files replacing built-in ones by name
    baseline = ".copydesk-baseline.json"  # the default
    fail-on = "error"                     # error | warning | info
    out = "reports/out"                   # where copydesk review writes and serve reads

    [copydesk.per-path]                   # severities by path (ruff's per-file-ignores)
    "archive/**" = { figure-unsourced = "warning", date = "off" }

Paths and globs are relative to the settings file; globs are .gitignore's
(``copydesk.checks.rule_policy.path_spec``). Keys may be spelled with ``-`` or ``_``. An unknown key,
rule or severity is a ``ConfigError`` naming the file and the key: a typo must not
silently turn a setting off.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import pathspec
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from copydesk.checks.config import ConfigError
from copydesk.checks.rule_policy import SEVERITIES_OR_OFF, RulePolicy, path_spec, rules_matching
from copydesk.checks.rules import RULES

DEFAULT_BASELINE = ".copydesk-baseline.json"
DEFAULT_OUT = "reports/out"


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


GlobList = Annotated[tuple[str, ...], BeforeValidator(_as_list)]
SeverityOrOff = Literal["error", "warning", "info", "off"]


class Settings(BaseModel):
    """The ``[copydesk]`` table as written, validated."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        alias_generator=lambda name: name.replace("_", "-"),
        populate_by_name=True,
    )

    content: GlobList = ()
    exclude: GlobList = ()
    select: GlobList = ()
    ignore: GlobList = ()
    per_path: dict[str, dict[str, SeverityOrOff]] = Field(default_factory=dict)
    suites: str | None = None
    baseline: str = DEFAULT_BASELINE
    fail_on: Literal["error", "warning", "info"] | None = None
    out: str | None = None

    @field_validator("content", "exclude")
    @classmethod
    def _globs(cls, globs: tuple[str, ...]) -> tuple[str, ...]:
        for glob in globs:
            if not glob.strip():
                raise ValueError("an empty glob")
            path_spec([glob])  # a pattern pathspec cannot read is refused here, not mid-run
        return globs

    @field_validator("select", "ignore")
    @classmethod
    def _selectors(cls, selectors: tuple[str, ...]) -> tuple[str, ...]:
        for selector in selectors:
            _known(selector)
        return selectors

    @field_validator("per_path")
    @classmethod
    def _overrides(cls, table: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for glob, overrides in table.items():
            if not glob.strip():
                raise ValueError("an empty glob")
            for selector in overrides:
                _known(selector, f'"{glob}"')
        return table

    @field_validator("suites", "baseline", "out")
    @classmethod
    def _path(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must be a non-empty path")
        return value


def _known(selector: str, where: str = "") -> None:
    if not rules_matching(selector):
        at = f" in {where}" if where else ""
        raise ValueError(
            f"unknown rule {selector!r}{at}; rules: {', '.join(RULES)} (or a family: figure, quote, …)"
        )


KEYS = tuple(info.alias or name for name, info in Settings.model_fields.items())


@dataclass(frozen=True)
class ProjectConfig:
    root: Path  # the folder the settings' paths are relative to
    source: Path | None  # the file they came from; None: no file, defaults
    suites: Path | None  # None: the built-in suites only
    content: tuple[str, ...]  # empty: every article file
    baseline: Path
    fail_on: str | None
    exclude: tuple[str, ...] = ()
    policy: RulePolicy = field(default_factory=RulePolicy)
    out: str | None = None  # the reports folder, relative to root; None: --out's default
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def _content(self) -> pathspec.PathSpec:
        return path_spec(self.content)

    @cached_property
    def _exclude(self) -> pathspec.PathSpec:
        return path_spec(self.exclude)

    def includes(self, path: Path | str) -> bool:
        """Whether an article file is under review by these settings: inside a ``content``
        glob (when there are any) and in no ``exclude`` glob, relative to ``root``. A file
        outside ``root`` is not the settings' to judge (``review ../elsewhere``): it is."""
        if not self.content and not self.exclude:
            return True
        full = Path(os.path.abspath(path))
        try:
            rel = full.relative_to(self.root).as_posix()
        except ValueError:
            try:
                rel = Path(os.path.realpath(full)).relative_to(self.root.resolve()).as_posix()
            except ValueError:
                return True  # outside the folder the globs describe
        if self._exclude.match_file(rel):
            return False
        return not self.content or self._content.match_file(rel)

    def content_folders(self) -> list[Path]:
        """Where the ``content`` globs can match, as folders to walk: the part of each glob
        before its first wildcard (``content/**`` → ``content``), that exists. The whole
        root when a glob starts with a wildcard, or there are none."""
        if not self.content:
            return [self.root]
        folders: list[Path] = []
        for glob in self.content:
            fixed = []
            for part in glob.strip().strip("/").removeprefix("./").split("/"):
                if any(c in part for c in "*?[!\\"):
                    break
                fixed.append(part)
            if not fixed or ("/" not in glob.strip().rstrip("/") and len(fixed) == 1):
                # "*.md", or "news" (which matches a "news" folder at any depth)
                return [self.root]
            folders.append(self.root.joinpath(*fixed))
        kept = [f for f in dict.fromkeys(folders) if f.exists()]
        return [f for f in kept if not any(o != f and f.is_relative_to(o) for o in kept)] or [self.root]


def _git_top(folder: Path) -> bool:
    return (folder / ".git").exists()


def find_config_file(start: Path) -> tuple[Path, dict] | None:
    """The nearest settings file at or above ``start``, up to the git top, and its table."""
    for folder in [start, *start.parents]:
        own = folder / "copydesk.toml"
        if own.is_file():
            return own, _table(own, ("copydesk",))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _table(pyproject, ("tool", "copydesk"))
            if table is not None:
                return pyproject, table
        if _git_top(folder):
            return None
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


def parse_settings(path: Path, table: dict) -> Settings:
    """The table validated; the first problem as one line naming the file and the key."""
    try:
        return Settings.model_validate(table)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(p) for p in error["loc"] if not isinstance(p, int))
        name = "[tool.copydesk]" if path.name == "pyproject.toml" else "[copydesk]"
        if error["type"] == "extra_forbidden":
            raise ConfigError(f"{path}: unknown key {key!r} in {name}; known: {', '.join(KEYS)}") from None
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "literal_error" and key.startswith("per-path."):
            message = f"severity must be one of {', '.join(SEVERITIES_OR_OFF)}"
        raise ConfigError(f"{path}: {key}: {message}") from None


def load_project_config(start: Path, default_root: Path, project_root: Path | None = None) -> ProjectConfig:
    """Settings for work started in ``start``; ``default_root`` anchors the defaults when
    no settings file is found (the repository's top folder, for the CI gate).
    ``project_root`` is the folder article ids are relative to (default: the settings
    file's folder, the root outside git), for the per-path overrides, which are relative to
    the settings file."""
    found = find_config_file(start.resolve())
    if found is None:
        return ProjectConfig(default_root, None, None, (), default_root / DEFAULT_BASELINE, None)
    path, table = found
    settings = parse_settings(path, table)
    root = path.parent
    if settings.suites is not None and not (root / settings.suites).is_dir():
        raise ConfigError(f"{path}: suites: {settings.suites!r} is not a folder (relative to {root})")
    ids_root = (project_root or root).resolve()
    try:
        base = root.resolve().relative_to(ids_root).as_posix()
    except ValueError:  # articles outside the project root are known by their absolute path
        base = root.resolve().as_posix()
    policy = RulePolicy(
        settings.select,
        settings.ignore,
        tuple((glob, tuple(overrides.items())) for glob, overrides in settings.per_path.items()),
        "" if base == "." else base,
    )
    return ProjectConfig(
        root=root,
        source=path,
        suites=root / settings.suites if settings.suites else None,
        content=settings.content,
        baseline=root / settings.baseline,
        fail_on=settings.fail_on,
        exclude=settings.exclude,
        policy=policy,
        out=str(root / settings.out) if settings.out else None,
        settings=settings,
    )


def current_config() -> ProjectConfig:
    """The settings in force for work in the working directory, found from there upwards,
    with per-path globs mapped onto article ids, which are relative to the project root
    (``copydesk.checks.identity``). Without a settings file the defaults apply at the project root."""
    from copydesk.checks.identity import project_root  # identity finds the root through this module

    root = project_root()
    return load_project_config(Path.cwd(), root, root)
