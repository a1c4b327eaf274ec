"""What a rule module declares: the rule's id and default severity, the facts (table
columns) it reads and any it adds, the Great Expectations expectation(s) that judge them,
its message and fix, and its documentation with an example that fires and one that does
not. Plain data and small functions: importing a rule costs neither pandas nor GX."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from copydesk.checks.records import ReviewedArticle, Source

SEVERITIES = ("error", "warning", "info")


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


class ArticleView:
    """One article as its facts and messages see it: the article, its sources by id, and
    per-article results computed once for all its items (``once``)."""

    def __init__(self, art: ReviewedArticle) -> None:
        self.art = art
        self._sources = {s.id: s for s in art.sources}
        self._once: dict[Callable, Any] = {}

    def source(self, source_id: str | None) -> Source | None:
        return self._sources.get(source_id or "")

    def once(self, compute: Callable[[ReviewedArticle], Any]) -> Any:
        """``compute(article)``, computed at most once per article (e.g. pairs of figures)."""
        if compute not in self._once:
            self._once[compute] = compute(self.art)
        return self._once[compute]


def short(text: str) -> str:
    """A quote as a message shows it: one line, at most 60 characters."""
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57].rstrip() + "…”"


@dataclass(frozen=True)
class Fact:
    """A column of a facts table: its name, what it means (for suite authors and the
    rule's page), how its value is computed from one item of the table and its article,
    and, when extraction decides the value, where."""

    column: str
    meaning: str
    value: Callable[[Any, ArticleView], object]
    decided_in: str = ""


@dataclass(frozen=True)
class CustomExpectation:
    """A copydesk expectation: a built-in GX expectation (``base``, its class name) with
    the columns and condition a rule needs fixed, so a suite entry names it alone.
    ``copydesk.checks.expectations`` turns it into the GX class, registered under ``name``."""

    name: str  # snake_case, as suite files write it
    base: str  # e.g. "ExpectColumnValuesToBeBetween"
    doc: str
    fields: Mapping[str, Any]
    # Only rows whose columns have these values are checked: {"kind": "speech"}.
    row_condition: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", _frozen(self.fields))
        object.__setattr__(self, "row_condition", _frozen(self.row_condition))


@dataclass(frozen=True)
class Check:
    """One expectation of a rule, as its suite entry: a GX expectation (built-in by name,
    or one of copydesk's), its arguments, and ``where``: only rows whose columns have these
    values are checked."""

    expectation: str | CustomExpectation
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    where: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kwargs", _frozen(self.kwargs))
        object.__setattr__(self, "where", _frozen(self.where))

    @property
    def name(self) -> str:
        exp = self.expectation
        return exp if isinstance(exp, str) else exp.name


# The GX arguments that name a column, for checking that a rule reads what it declares.
COLUMN_ARGUMENTS = ("column", "column_A", "column_B")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    help: str  # how to fix a finding
    message: str  # str.format over the item's fields: text, speaker, value, …
    explanation: str = ""  # what the rule looks for and why it matters, for `copydesk rule`
    # Examples, each a small whole article (Markdown, with front matter when the rule needs
    # a publication date): one the rule flags, and the same text fixed. tests/unit/test_rule_docs.py
    # runs both through the real extraction and checks.
    fires: str = ""
    passes: str = ""
    # For the archive rules: an article already reviewed, in the archive the examples are
    # checked against (tests/unit/test_rule_docs.py indexes it first).
    earlier: str = ""
    # How the rule runs. A GX rule names its built-in suite, the table it reads, the
    # columns of that table it reads (the table's own, or ones it adds in ``facts``) and
    # its expectation(s). A rule raised elsewhere names the module that raises it instead.
    suite: str = ""
    table: str = ""
    reads: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    checks: tuple[Check, ...] = ()
    raised_by: str = ""
    # Message fields of this rule's own, over those of its table's item (``copydesk.checks.facts``):
    # e.g. {"why": …}, or {"start": …} to flag another span of the item.
    details: Callable[[Any, ArticleView], dict] | None = None
    # The whole set of message fields, for a rule whose flagged row is not one item of its
    # table (the archive rules: a quote and the match that fired). Returns None when the
    # item is gone.
    describe: Callable[[str, ArticleView], dict | None] | None = None

    @property
    def module(self) -> str:
        """The rule's module name in ``copydesk.checks.rules``."""
        return self.id.replace("-", "_")
