"""Which rules a project runs, and at what severity where: ``select``, ``ignore`` and
``per-path`` of the project settings (``copydesk.checks.project_config``), applied to each
article's findings after the suites and the inline suppressions have run.

A rule selector is a rule id (``figure-unsourced``) or a family, the id's first word
(``figure`` for every ``figure-…`` rule), as ruff takes ``E`` for every ``E…`` code.
Order, as in ruff: ``select`` (empty: every rule), then ``ignore``, then the ``per-path``
entries in the order the settings list them, a later match winning. A per-path value is a
severity, or ``off`` to drop the rule there (ruff's per-file-ignores).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

import pathspec

from copydesk.checks.records import ReviewedArticle
from copydesk.checks.rules import RULES, SEVERITIES

OFF = "off"
SEVERITIES_OR_OFF = (*SEVERITIES, OFF)


def rules_matching(selector: str) -> list[str]:
    """The rule ids a selector names: the id itself, or every rule of a family."""
    return [r for r in RULES if r == selector or r.startswith(selector + "-")]


def path_spec(globs: tuple[str, ...] | list[str]) -> pathspec.PathSpec:
    """Globs as in .gitignore (git's wildmatch): ``*`` stays inside a folder, ``**``
    crosses folders, a glob without a ``/`` but at its end matches at any depth, and a glob
    that names a folder takes everything in it. The one glob dialect of copydesk."""
    return pathspec.PathSpec.from_lines("gitignore", globs)


@dataclass(frozen=True)
class RulePolicy:
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    # (glob, ((selector, severity or "off"), …)), in the settings' order
    per_path: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    # The settings' folder as article ids spell it (a path from the project root, "" when
    # it is the root): per-path globs are relative to the settings file, ids to the root.
    base: str = ""

    @cached_property
    def _specs(self) -> list[tuple[pathspec.PathSpec, tuple[tuple[str, str], ...]]]:
        return [(path_spec([glob]), overrides) for glob, overrides in self.per_path]

    @property
    def is_default(self) -> bool:
        return not (self.select or self.ignore or self.per_path)

    def key(self) -> str:
        """What the policy changes, for the rules version that keys cached findings."""
        return json.dumps([self.select, self.ignore, self.per_path, self.base])

    def _relative(self, article_id: str) -> str | None:
        if not self.base:
            return article_id
        prefix = self.base.rstrip("/") + "/"
        return article_id[len(prefix) :] if article_id.startswith(prefix) else None

    def severity(self, rule: str, severity: str, article_id: str) -> str | None:
        """The severity of a finding of ``rule`` in this article; None: the rule is off."""
        if self.select and not any(rule in rules_matching(s) for s in self.select):
            return None
        if any(rule in rules_matching(s) for s in self.ignore):
            return None
        if self._specs and (rel := self._relative(article_id)) is not None:
            for spec, overrides in self._specs:
                if spec.match_file(rel):
                    for selector, level in overrides:
                        if rule in rules_matching(selector):
                            severity = level
        return None if severity == OFF else severity

    def apply(self, art: ReviewedArticle) -> None:
        """Drop the findings of rules that are off for this article and set the others'
        severity, in place."""
        if self.is_default:
            return
        kept = []
        for finding in art.findings:
            level = self.severity(finding.rule, finding.severity, art.article.id)
            if level is not None:
                finding.severity = level
                kept.append(finding)
        art.findings = kept
