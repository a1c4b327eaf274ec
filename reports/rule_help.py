"""A rule's documentation as one Markdown page: what ``copydesk rule ID`` prints and what
SARIF carries as the rule's help (``copydesk.reports.sarif``), from the rule's module in
``checks/rules``."""

from __future__ import annotations

from copydesk.checks.facts import TABLES, facts_read
from copydesk.checks.rules import Rule


def rule_markdown(rule: Rule) -> str:
    """Summary, what it flags, an example that fires, one that does not, how to fix it,
    and what it reads. Markdown that reads as plain text too."""
    earlier = (
        f"## Already in the archive\n\n```markdown\n{rule.earlier.rstrip()}\n```\n\n" if rule.earlier else ""
    )
    return (
        f"# {rule.id} ({rule.severity})\n\n"
        f"{rule.summary}\n\n"
        f"## What it flags\n\n{rule.explanation}\n\n"
        f"{earlier}"
        f"## Example that fires\n\n```markdown\n{rule.fires.rstrip()}\n```\n\n"
        f"## Example that does not\n\n```markdown\n{rule.passes.rstrip()}\n```\n\n"
        f"## How to fix\n\n{rule.help}\n\n"
        f"## What it reads\n\n{reads_markdown(rule)}"
    )


def reads_markdown(rule: Rule) -> str:
    """The facts a rule's expectations judge (the columns a custom suite can use too) and
    where each is decided; or, for a rule no expectation raises, what raises it."""
    if not rule.table:
        return f"Not an expectation: `{rule.raised_by}` raises it.\n"
    lines = [f"Suite `{rule.suite}`, table `{rule.table}`: {TABLES[rule.table].meaning}. Columns:", ""]
    for fact in facts_read(rule):
        where = f"; decided in `{fact.decided_in}`" if fact.decided_in else ""
        lines.append(f"- `{fact.column}`: {fact.meaning}{where}")
    return "\n".join(lines) + "\n"
