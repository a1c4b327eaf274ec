"""SARIF 2.1.0 for code scanning: every finding in the changed files, with its state
against the base (``baselineState``) and, when it does not count, why (``suppressions``).

GitHub code scanning matches alerts across commits by ``partialFingerprints``; copydesk's
fingerprint already ignores line numbers, so a moved paragraph keeps its alert.
"""

from __future__ import annotations

from urllib.parse import quote

from copydesk.checks.gate_decision import GateFinding
from copydesk.checks.rules import RULES, Rule
from copydesk.reports.rule_help import rule_markdown

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "copydesk/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def rule_descriptor(rule: Rule, information_uri: str | None = None) -> dict:
    """A rule as code scanning shows it: the summary, the explanation, and as help the page
    ``copydesk rule ID`` prints (examples that fire and do not, how to fix)."""
    page = rule_markdown(rule)
    descriptor = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} {rule.explanation}".strip()},
        "help": {"text": page, "markdown": page},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }
    if information_uri:  # only a real project page: the rule's section of its documentation
        descriptor["helpUri"] = f"{information_uri.split('#')[0]}#{rule.id}"
    return descriptor


def _region(g: GateFinding) -> dict:
    f = g.finding
    line, col = max(f.line, 1), max(f.column, 1)
    end_line = max(f.end_line or line, line)
    end_col = max(f.end_column or col, 1) if end_line > line else max(f.end_column, col)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def sarif_result(g: GateFinding, rule_index: dict[str, int]) -> dict:
    f = g.finding
    result = {
        "ruleId": f.rule,
        "ruleIndex": rule_index.get(f.rule, -1),
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    # A URI reference relative to the repository root: spaces and the like escaped.
                    "artifactLocation": {"uri": quote(g.path, safe="/")},
                    "region": _region(g),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
    }
    if g.state is not None:  # compared with a base (copydesk ci); a plain review has none
        result["baselineState"] = g.state
    if g.suppressed_by is not None:
        suppression = {"kind": g.suppressed_by, "status": "accepted"}
        if g.justification:
            suppression["justification"] = g.justification
        result["suppressions"] = [suppression]
    return result


def sarif_log(findings: list[GateFinding], version: str, information_uri: str | None) -> dict:
    rule_index = {rule_id: i for i, rule_id in enumerate(RULES)}
    driver: dict = {"name": "copydesk", "version": version}
    if information_uri:  # optional in SARIF; only a real project URL belongs here
        driver["informationUri"] = information_uri
    driver["rules"] = [rule_descriptor(r, information_uri) for r in RULES.values()]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                # Finding columns count characters (code points) of the decoded file.
                "columnKind": "unicodeCodePoints",
                "results": [sarif_result(g, rule_index) for g in findings],
            }
        ],
    }
