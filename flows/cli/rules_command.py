"""``copydesk rules`` and ``copydesk rule ID``: the rule catalog where users look, like
``ruff rule``.

    copydesk rules [--format text|json]     every rule: id, default severity, summary
    copydesk rule ID [--format text|json]   one rule: what it looks for, an example that
                                            fires, one that does not, how to fix it

The text is each rule's module in ``checks/rules``, rendered by ``copydesk.reports.rule_help``:
the same that SARIF carries as each rule's help.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from copydesk.flows.cli.console import fail

FORMATS = ("text", "json")


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


def rules(fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text") -> None:
    """List every rule: id, default severity and what it flags."""
    from copydesk.checks.rules import RULES

    if _format(fmt) == "json":
        sys.stdout.write(
            json.dumps([_public(r) for r in RULES.values()], ensure_ascii=False, indent=2) + "\n"
        )
        return
    width = max(len(r) for r in RULES)
    for rule in RULES.values():
        sys.stdout.write(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}\n")
    sys.stdout.write("\ncopydesk rule ID explains one, with examples.\n")


def rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id, as copydesk rules lists them")],
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Explain one rule: what it flags, an example that fires, one that does not, the fix."""
    from copydesk.checks.rules import RULES

    fmt = _format(fmt)
    found = RULES.get(rule_id.strip())
    if found is None:
        raise fail(f"unknown rule {rule_id!r}; copydesk rules lists them: {', '.join(RULES)}")
    if fmt == "json":
        sys.stdout.write(json.dumps(_public(found), ensure_ascii=False, indent=2) + "\n")
        return
    from copydesk.reports.rule_help import rule_markdown

    sys.stdout.write(rule_markdown(found))


# What ``--format json`` shows of a rule: its documentation. (The message is a template
# over a finding's fields; the rest of a rule module says how it runs.)
PUBLIC_FIELDS = ("id", "severity", "summary", "explanation", "fires", "passes", "earlier", "fix")


def _public(rule) -> dict:
    return {name: rule.help if name == "fix" else getattr(rule, name) for name in PUBLIC_FIELDS}


def register_rule_commands(app: typer.Typer) -> None:
    app.command("rules")(rules)
    app.command("rule")(rule)
