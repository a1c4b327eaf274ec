"""A rule is one module in ``checks/rules``: every module is complete (id, severity,
facts, expectation, message, docs, both examples), its expectations read only the columns
it declares, what is generated from the modules (the README's rule table, the built-in
suite files) is current, and a new module is all a new rule takes."""

from __future__ import annotations

import dataclasses
import re
import string
import sys
from pathlib import Path

import pytest

import copydesk.checks.rules
from copydesk.checks import generated
from copydesk.checks.config import BUILTIN_SUITES, builtin_suites, load_suite, load_suites
from copydesk.checks.facts import TABLES, facts_read, table_columns
from copydesk.checks.rules import CATALOG, RULES, SEVERITIES, rule_modules
from copydesk.checks.rules.spec import COLUMN_ARGUMENTS, Check, CustomExpectation

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "checks" / "rules"
README = ROOT / "README.md"
NOT_RULES = {"__init__", "spec"}  # the package, and what a rule module declares


def test_every_rule_module_is_in_the_catalog():
    modules = {p.stem for p in RULES_DIR.glob("*.py")} - NOT_RULES
    assert set(CATALOG) <= modules, "CATALOG names a module that is not there"
    assert [r.module for r in RULES.values()] == rule_modules()
    assert {r.module for r in RULES.values()} == modules


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_rule_module_is_complete(rule_id):
    rule = RULES[rule_id]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.id)
    assert rule.severity in SEVERITIES
    for part in (rule.summary, rule.help, rule.message, rule.explanation, rule.fires, rule.passes):
        assert part.strip()
    assert rule.fires != rule.passes
    if rule.raised_by:  # not an expectation: the module that raises it names the rule
        assert not (rule.suite or rule.table or rule.checks or rule.facts)
        raiser = (ROOT / rule.raised_by).read_text(encoding="utf-8")
        assert f'"{rule.id}"' in raiser, rule.raised_by
        return
    assert rule.suite and rule.table in TABLES and rule.reads and rule.checks


def _columns_of(check: Check) -> set[str]:
    """The columns an expectation refers to: its column arguments, its ``where``, and for
    one of copydesk's, its fixed columns and condition."""
    exp = check.expectation
    arguments = dict(check.kwargs)
    used = set(check.where)
    if isinstance(exp, CustomExpectation):
        arguments.update(exp.fields)
        used |= set(exp.row_condition)
    return used | {arguments[name] for name in COLUMN_ARGUMENTS if name in arguments}


@pytest.mark.parametrize("rule_id", [r.id for r in RULES.values() if r.checks])
def test_a_rule_reads_what_it_declares_and_nothing_else(rule_id):
    rule = RULES[rule_id]
    columns = {f.column for f in table_columns()[rule.table]}
    assert set(rule.reads) <= columns, set(rule.reads) - columns
    assert {f.column for f in rule.facts} <= set(rule.reads), "a column a rule adds is one it reads"
    used = set().union(*map(_columns_of, rule.checks))
    assert used == set(rule.reads), f"the expectations read {sorted(used)}, the rule declares {rule.reads}"
    assert [f.column for f in facts_read(rule)] == list(rule.reads)
    assert all(f.meaning.strip() for f in facts_read(rule))


def test_every_column_of_a_table_is_one_fact():
    for name, facts in table_columns().items():
        names = [f.column for f in facts]
        assert len(names) == len(set(names)), name
        assert not {"article_id", "item_id"} & set(names)


def test_every_expectation_builds_with_its_arguments():
    """Each check is a GX expectation that accepts its arguments: copydesk's own ones are
    registered under their names, built-in ones exist."""
    from copydesk.checks.expectations import CUSTOM_EXPECTATIONS, row_condition
    from copydesk.checks.runner import _expectation, _gx

    gx = _gx()[0]
    for rule in RULES.values():
        for check in rule.checks:
            kwargs = dict(check.kwargs)
            if check.where:
                kwargs["row_condition"] = row_condition(check.where)
            built = _expectation(gx, check.name, kwargs, rule.id)
            if isinstance(check.expectation, CustomExpectation):
                assert type(built) is CUSTOM_EXPECTATIONS[check.name]
                for field, value in check.expectation.fields.items():
                    assert getattr(built, field) == value, (rule.id, field)


def test_the_generated_files_are_current():
    assert generated.stale(README) == [], "run `make docs`"


def test_the_suite_files_read_back_as_the_built_in_suites():
    """A project that copies a built-in suite file gets the suite the rules define."""

    def entries(suite):
        return [(e.rule, e.severity, e.table, e.expectation, e.kwargs, e.where) for e in suite.expectations]

    for suite in builtin_suites():
        copied = load_suite(BUILTIN_SUITES / f"{suite.name}.yml")
        assert copied.name == suite.name
        assert entries(copied) == entries(suite)


def test_a_changed_rule_makes_the_generated_files_stale(monkeypatch, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(README.read_text(encoding="utf-8"), encoding="utf-8")
    suites = tmp_path / "suites"
    suites.mkdir()
    generated.write(readme, suites)
    assert generated.stale(readme, suites) == []
    rule = RULES["footnote-unused"]
    monkeypatch.setitem(RULES, rule.id, dataclasses.replace(rule, severity="error", summary="Changed."))
    assert set(generated.stale(readme, suites)) == {str(suites / "footnotes.yml"), str(readme)}


# A rule module that is not in the package: a figure of a billion or more, in a suite of
# its own.
BILLIONS = """\
from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="figure-billions",
    severity="info",
    summary="A figure of a billion or more.",
    help="Check the unit: millions and billions are easily swapped.",
    message="Figure “{text}” is {size}: check the unit.",
    explanation="A figure of a billion or more.",
    fires="The bridge cost 2 billion euros, the council said.\\n",
    passes="The bridge cost 200 million euros, the council said.\\n",
    suite="house-style",
    table="figures",
    reads=("billions",),
    facts=(Fact("billions", "the figure is a billion or more", lambda f, view: (f.value or 0) >= 1e9),),
    checks=(Check("expect_column_values_to_be_in_set", {"column": "billions", "value_set": [False]}),),
    details=lambda f, view: {"size": "a billion or more"},
)
"""


@pytest.fixture
def with_a_new_rule(monkeypatch, tmp_path):
    """The rule module above, dropped into the package (a folder added to its path)."""
    (tmp_path / "figure_billions.py").write_text(BILLIONS, encoding="utf-8")
    monkeypatch.setattr(copydesk.checks.rules, "__path__", [*copydesk.checks.rules.__path__, str(tmp_path)])
    loaded = copydesk.checks.rules._load()
    assert list(loaded)[:-1] == list(RULES) and list(loaded)[-1] == "figure-billions"
    monkeypatch.setitem(RULES, "figure-billions", loaded["figure-billions"])
    table_columns.cache_clear()
    yield loaded["figure-billions"]
    monkeypatch.undo()
    sys.modules.pop("copydesk.checks.rules.figure_billions", None)
    table_columns.cache_clear()


def test_a_new_rule_module_is_all_a_new_rule_takes(with_a_new_rule, write, extract):
    rule = with_a_new_rule
    """The suite, the table column, the message, the catalog's pages and the README table
    all come from the rule alone."""
    from copydesk.checks.runner import review_findings
    from copydesk.checks.tables import build_tables
    from copydesk.reports.sarif import sarif_log

    [house] = [s for s in load_suites() if s.name == "house-style"]
    assert [e.rule for e in house.expectations] == ["figure-billions"]
    fires, passes = extract(write("fires.md", rule.fires), write("passes.md", rule.passes))
    assert "billions" in build_tables([fires])["figures"].columns
    review_findings([fires, passes], load_suites())
    [finding] = [f for f in fires.findings if f.rule == "figure-billions"]
    assert finding.severity == "info"
    assert finding.message == "Figure “2 billion euros” is a billion or more: check the unit."
    assert not [f for f in passes.findings if f.rule == "figure-billions"]
    assert "figure-billions" in generated.rule_table()
    assert "house-style.yml" in generated.suite_files()
    rules = sarif_log([], "1.0", None)["runs"][0]["tool"]["driver"]["rules"]
    assert any(d["id"] == "figure-billions" for d in rules)


def test_the_examples_messages_are_written_from_their_fields(tmp_path, extract, suites):
    """Every rule's firing example gets its own message, every placeholder filled, not the
    summary a message falls back on when a field is missing."""
    from copydesk.checks.archive.archive_review import archive_review
    from copydesk.checks.runner import review_findings
    from copydesk.checks.suppressions import apply_suppressions

    rules = list(RULES.values())
    articles = extract(*[_write(tmp_path, f"{r.module}.md", r.fires) for r in rules])
    for rule, art in zip(rules, articles, strict=True):
        if rule.earlier:  # an archive rule: the earlier article is archived first
            [before] = extract(_write(tmp_path, f"{rule.module}.earlier.md", rule.earlier))
            url = f"sqlite:///{tmp_path / f'{rule.module}.db'}"
            archive_review([before], url)
            art.archive_matches = archive_review([art], url).matches.get(art.article.id, [])
    review_findings(articles, suites)
    for rule, art in zip(rules, articles, strict=True):
        apply_suppressions(art)
        messages = [f.message for f in art.findings if f.rule == rule.id]
        assert messages, rule.id
        fields = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name}
        for message in messages:
            assert message != rule.summary, (rule.id, message)
            assert not any(f"{{{name}}}" in message for name in fields), (rule.id, message)


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)
