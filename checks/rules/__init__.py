"""The rule catalog: one module per rule in this package (``quote_unattributed.py`` for
``quote-unattributed``), each defining ``RULE`` (``copydesk.checks.rules.spec.Rule``): its public,
stable id and default severity, the facts it reads, its Great Expectations
expectation(s), its message and fix, and its documentation with an example that fires
and one that does not.

Everything else is generated from these modules: ``RULES`` (``copydesk rules``,
``copydesk rule ID``, SARIF's rule metadata, the reports' help lines), the built-in
suites GX runs (``copydesk.checks.config``), the facts tables' rule columns (``copydesk.checks.tables``),
copydesk's own expectations (``copydesk.checks.expectations``), and the README's rule table and
``checks/suites/*.yml`` (``copydesk.checks.generated``, ``make docs``).
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from copydesk.checks.rules.spec import SEVERITIES, Rule

# The order rules are listed in (``copydesk rules``, SARIF, the README): these first, then
# every other module of this package by name. A new rule needs no entry here; add one only
# to list it elsewhere than at the end.
CATALOG = (
    "quote_unattributed",
    "quote_unsourced",
    "quote_anonymous",
    "figure_unsourced",
    "figure_implausible",
    "figure_inconsistent",
    "figure_time_sensitive",
    "attribution_vague",
    "date_future",
    "date_order",
    "source_predates_claim",
    "source_mismatch",
    "footnote_undefined",
    "footnote_unused",
    "quote_speaker_conflict",
    "quote_wording_drift",
    "text_hidden_character",
    "suppression_no_reason",
)


# Modules of this package that are not rules.
NOT_RULES = frozenset({"spec"})


def rule_modules() -> list[str]:
    """The rule modules' names, in listing order."""
    found = {m.name for m in pkgutil.iter_modules(__path__)} - NOT_RULES
    return [m for m in CATALOG if m in found] + sorted(found - set(CATALOG))


def _load() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for name in rule_modules():
        rule = import_module(f"{__name__}.{name}").RULE
        if rule.module != name or rule.id in rules:
            raise ImportError(
                f"checks/rules/{name}.py: defines rule {rule.id!r}; a module holds the rule it is named for"
            )
        rules[rule.id] = rule
    return rules


RULES: dict[str, Rule] = _load()

__all__ = ["CATALOG", "RULES", "SEVERITIES", "Rule", "rule_modules"]
