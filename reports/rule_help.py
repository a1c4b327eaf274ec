"""A rule's documentation as one Markdown page: what ``copydesk rule ID`` prints and what
SARIF carries as the rule's help (``reports.sarif``), from the catalog in ``checks.rules``."""

from __future__ import annotations

from checks.rules import Rule


def rule_markdown(rule: Rule) -> str:
    """Summary, what it flags, an example that fires, one that does not, how to fix it.
    Markdown that reads as plain text too."""
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
        f"## How to fix\n\n{rule.help}\n"
    )
