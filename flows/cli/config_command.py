"""``copydesk config``: the settings in force here, and the file they came from.

    copydesk config [--format text|json]

What ``review``, ``ci``, ``baseline``, ``schedule`` and ``serve`` started in this folder
use: the first ``copydesk.toml`` or ``pyproject.toml`` with ``[tool.copydesk]`` found from
here upwards (``copydesk.checks.project_config``), each key with its value or its default, and the
severity every rule runs at by default once ``select`` and ``ignore`` are applied.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import Annotated

import typer

from copydesk.flows.cli.settings import DEFAULT_OUT, load_settings


def config(
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Print the settings in force here and the file they came from."""
    from copydesk.checks.rules import RULES
    from copydesk.flows.cli.console import fail

    if fmt not in ("text", "json"):
        raise fail(f"--format must be text or json, not {fmt!r}")
    settings = load_settings()
    policy = settings.policy
    everywhere = replace(policy, per_path=())  # per-path overrides are listed by glob
    rules = {rule.id: everywhere.severity(rule.id, rule.severity, "") for rule in RULES.values()}
    data = {
        "source": str(settings.source) if settings.source else None,
        "root": str(settings.root),
        "content": list(settings.content),
        "exclude": list(settings.exclude),
        "select": list(policy.select),
        "ignore": list(policy.ignore),
        "per-path": {glob: dict(overrides) for glob, overrides in policy.per_path},
        "suites": str(settings.suites) if settings.suites else None,
        "baseline": str(settings.baseline),
        "fail-on": settings.fail_on,
        "out": settings.out,
        "rules": {rule: level or "off" for rule, level in rules.items()},
    }
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    lines = [
        f"settings: {data['source'] or 'none found (defaults)'}",
        f"root:     {data['root']}  (paths and globs are relative to it)",
        f"content:  {_globs(settings.content, 'every article file')}",
        f"exclude:  {_globs(settings.exclude, 'nothing')}",
        f"select:   {', '.join(policy.select) or 'every rule'}",
        f"ignore:   {', '.join(policy.ignore) or 'no rule'}",
        f"suites:   {data['suites'] or 'built-in'}",
        f"baseline: {data['baseline']}",
        f"fail-on:  {settings.fail_on or 'error (default)'}",
        f"out:      {settings.out or DEFAULT_OUT + ' (default)'}",
        "per-path:" + ("" if policy.per_path else " none"),
        *(
            f"  {glob}: " + ", ".join(f"{rule} = {level}" for rule, level in overrides)
            for glob, overrides in policy.per_path
        ),
        "rules (outside per-path globs):",
        *(f"  {rule:<24} {level or 'off'}" for rule, level in rules.items()),
    ]
    sys.stdout.write("\n".join(lines) + "\n")


def _globs(globs: tuple[str, ...], none: str) -> str:
    return ", ".join(globs) if globs else none
