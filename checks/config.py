"""Suites: which rules run, at what severity, with which expectation.

The built-in suites are made from the rule modules (``checks/rules``: each rule names its
suite and its expectations); ``checks/suites/*.yml`` are the same suites written out as
files (``make docs``), to copy and edit. A project can override them with its own
``suites`` directory; a suite file there with the same ``suite:`` name replaces the
built-in one. A suite can also apply to part of the archive only (``paths:`` globs on
the article path, ``sections:`` from the front matter) and stand in for another suite
there (``replaces: sourcing``): opinion pieces can be held to stricter rules than wire
copy without touching Python. Problems in a suite file raise ``ConfigError`` naming the
file and entry.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

import yaml

from copydesk.checks.facts import TABLES
from copydesk.checks.rule_policy import path_spec
from copydesk.checks.rules import RULES, SEVERITIES

# The built-in suites written out as files (``copydesk.checks.generated``), for projects to copy.
BUILTIN_SUITES = Path(__file__).parent / "suites"


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class ExpectationConfig:
    rule: str
    severity: str
    table: str
    expectation: str
    kwargs: dict = field(default_factory=dict, hash=False, compare=False)
    # Only rows whose columns equal these values are checked: {kind: speech}.
    where: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass
class SuiteConfig:
    name: str
    path: str
    expectations: list[ExpectationConfig]
    # Globs on article paths (.gitignore's, ``copydesk.checks.rule_policy.path_spec``), matched at any
    # depth unless they start with "/": a suite names the folders it is for ("opinion/*"),
    # wherever the project keeps them. Empty: every article.
    paths: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # front-matter sections; empty: any
    replaces: str | None = None  # the suite this one stands in for where it applies

    @property
    def scoped(self) -> bool:
        return bool(self.paths or self.sections)

    @cached_property
    def _paths(self):
        return path_spec([g if g.startswith(("/", "**/")) else "**/" + g for g in self.paths])

    def matches(self, article_path: str, section: str | None) -> bool:
        if not self.scoped:
            return True
        posix = PurePosixPath(article_path.replace("\\", "/")).as_posix().removeprefix("./")
        by_path = bool(self.paths) and self._paths.match_file(posix.lstrip("/"))
        by_section = section is not None and section.lower() in {s.lower() for s in self.sections}
        return by_path or by_section


def suites_for(article_path: str, section: str | None, suites: list[SuiteConfig]) -> list[SuiteConfig]:
    """The suites that review one article: scoped suites that match it, and the general
    suites they do not replace."""
    scoped = [s for s in suites if s.scoped and s.matches(article_path, section)]
    replaced = {s.replaces for s in scoped if s.replaces}
    return [s for s in suites if not s.scoped and s.name not in replaced] + scoped


def load_suite(path: Path) -> SuiteConfig:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read suite: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
        raise ConfigError(f"{path}: a suite needs 'suite: NAME' and a list of 'expectations'")
    name = str(data.get("suite") or path.stem)
    entries = []
    for n, entry in enumerate(data["expectations"], 1):
        where = f"{path}: expectation {n}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: must be a mapping")
        if entry.get("enabled", True) is False:
            continue
        rule = entry.get("rule")
        if rule not in RULES:
            raise ConfigError(f"{where}: unknown rule {rule!r}; known rules: {', '.join(RULES)}")
        severity = entry.get("severity", RULES[rule].severity)
        if severity not in SEVERITIES:
            raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
        table = entry.get("table")
        if table not in TABLES:
            raise ConfigError(f"{where}: table must be one of {', '.join(sorted(TABLES))}")
        expectation = entry.get("expectation")
        if not isinstance(expectation, str):
            raise ConfigError(f"{where}: 'expectation' names a Great Expectations expectation")
        kwargs = entry.get("kwargs") or {}
        if not isinstance(kwargs, dict):
            raise ConfigError(f"{where}: 'kwargs' must be a mapping")
        where = entry.get("where") or {}
        if not isinstance(where, dict) or not all(
            isinstance(v, str | bool | int | float) for v in where.values()
        ):
            raise ConfigError(
                f"{path}: expectation {n}: 'where' maps column names to the value a row must have"
            )
        entries.append(ExpectationConfig(rule, severity, table, expectation, kwargs, where))
    paths = _string_list(data.get("paths"), f"{path}: paths")
    sections = _string_list(data.get("sections"), f"{path}: sections")
    replaces = data.get("replaces")
    if replaces is not None and not isinstance(replaces, str):
        raise ConfigError(f"{path}: 'replaces' names one suite")
    return SuiteConfig(name, str(path), entries, paths, sections, replaces)


def _string_list(value: object, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: must be a list of strings")


def builtin_suites() -> list[SuiteConfig]:
    """The suites the rule modules define, by name: each rule's expectations, in catalog
    order, in the suite the rule names."""
    entries: dict[str, list[ExpectationConfig]] = {}
    for rule in RULES.values():
        if not rule.suite:
            continue  # raised outside GX (suppression-no-reason)
        entries.setdefault(rule.suite, []).extend(
            ExpectationConfig(
                rule.id,
                rule.severity,
                rule.table,
                check.name,
                copy.deepcopy(dict(check.kwargs)),
                dict(check.where),
            )
            for check in rule.checks
        )
    return [
        SuiteConfig(name, f"checks/rules (built-in suite {name!r})", entries[name])
        for name in sorted(entries)
    ]


def load_suites(extra_dir: Path | None = None) -> list[SuiteConfig]:
    suites = {s.name: s for s in builtin_suites()}
    if extra_dir is not None and extra_dir.is_dir():
        for p in sorted(extra_dir.glob("*.yml")):
            suite = load_suite(p)
            suites[suite.name] = suite
    return list(suites.values())
