"""Every rule is documented where users look (``copydesk rules``, ``copydesk rule ID``,
SARIF's rule help), and its examples are honest: the one that should fire does, through
the real extraction, suites and suppressions, and the fixed one does not."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from cli_command import COPYDESK

from copydesk.checks.rules import RULES
from copydesk.reports.sarif import sarif_log

SCHEMA = Path(__file__).parents[1] / "data" / "sarif-2.1.0-schema.json"


def copydesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COPYDESK, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, nlp, suites) -> dict[tuple[str, str], list[str]]:
    """(rule, "fires" | "passes") → the rules that fired on that example."""
    from copydesk.checks.runner import review_findings
    from copydesk.checks.suppressions import apply_suppressions
    from copydesk.flows.extract.pipeline import extract_batch

    folder = tmp_path_factory.mktemp("rule-examples")
    paths, keys = [], []
    for rule in RULES.values():
        for kind in ("fires", "passes"):
            path = folder / f"{rule.id}.{kind}.md"
            path.write_text(getattr(rule, kind), encoding="utf-8")
            paths.append(str(path))
            keys.append((rule.id, kind))
    articles = extract_batch(paths)
    _match_the_archive_examples(folder, articles, keys)
    review_findings(articles, suites)
    for art in articles:
        apply_suppressions(art)
    assert all(a.reviewed for a in articles), [a.errors for a in articles if not a.reviewed]
    return {key: [f.rule for f in art.findings] for key, art in zip(keys, articles, strict=True)}


def _match_the_archive_examples(folder: Path, articles, keys) -> None:
    """An archive rule's examples are checked against an archive holding its ``earlier``
    article, one archive (a ledger database of its own) per example."""
    from copydesk.checks.archive.archive_review import archive_review
    from copydesk.flows.extract.pipeline import extract_batch

    for art, (rule_id, kind) in zip(articles, keys, strict=True):
        earlier = RULES[rule_id].earlier
        if not earlier:
            continue
        path = folder / f"{rule_id}.{kind}.earlier.md"
        path.write_text(earlier, encoding="utf-8")
        [before] = extract_batch([str(path)])
        url = f"sqlite:///{folder / f'{rule_id}.{kind}.db'}"
        archive_review([before], url)
        art.archive_matches = archive_review([art], url).matches.get(art.article.id, [])


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_rule_is_documented(rule_id):
    rule = RULES[rule_id]
    for part in (rule.summary, rule.explanation, rule.fires, rule.passes, rule.help):
        assert part.strip(), rule_id
    assert rule.fires != rule.passes


@pytest.mark.parametrize("rule_id", list(RULES))
def test_the_firing_example_fires_and_the_other_does_not(reviewed, rule_id):
    assert rule_id in reviewed[(rule_id, "fires")], reviewed[(rule_id, "fires")]
    assert rule_id not in reviewed[(rule_id, "passes")], reviewed[(rule_id, "passes")]


def test_copydesk_rules_lists_every_rule():
    listed = copydesk("rules")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line.split()[1] for line in listed.stdout.splitlines() if line.strip()}
    assert all(rows.get(r.id) == r.severity for r in RULES.values())
    as_json = json.loads(copydesk("rules", "--format", "json").stdout)
    assert [r["id"] for r in as_json] == list(RULES)
    assert as_json[0]["fix"] == RULES[as_json[0]["id"]].help


def test_copydesk_rule_explains_one():
    rule = RULES["figure-unsourced"]
    shown = copydesk("rule", "figure-unsourced")
    assert shown.returncode == 0, shown.stderr
    for part in (rule.summary, rule.explanation, rule.fires.strip(), rule.passes.strip(), rule.help):
        assert part in shown.stdout
    assert shown.stdout.index(rule.fires.strip()) < shown.stdout.index(rule.passes.strip())


def test_an_unknown_rule_is_a_usage_error_with_the_list():
    shown = copydesk("rule", "figure-unsorced")
    assert shown.returncode == 2 and shown.stdout == ""
    assert "unknown rule 'figure-unsorced'" in shown.stderr and "figure-unsourced" in shown.stderr
    assert "Traceback" not in shown.stderr


def test_sarif_rules_carry_the_same_help():
    log = sarif_log([], "1.0", "https://example.org/copydesk")
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    descriptors = {d["id"]: d for d in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(descriptors) == set(RULES)
    for rule in RULES.values():
        d = descriptors[rule.id]
        assert rule.explanation in d["fullDescription"]["text"]
        for part in (rule.fires.strip(), rule.passes.strip(), rule.help):
            assert part in d["help"]["text"] and part in d["help"]["markdown"]
        assert d["helpUri"] == f"https://example.org/copydesk#{rule.id}"
    # Without a project page there is no helpUri to give.
    bare = sarif_log([], "1.0", None)["runs"][0]["tool"]["driver"]["rules"]
    assert all("helpUri" not in d for d in bare)
