"""The README's command reference is the commands' own --help: it cannot go stale."""

from __future__ import annotations

from pathlib import Path

import typer

from copydesk.flows.cli.main import app
from copydesk.flows.cli.reference import END, START, reference, rewrite

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_reference_is_what_the_commands_say():
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    assert rewrite(text) == text, "README.md's command reference is stale: run `make docs`"


def test_every_command_and_option_is_in_the_reference():
    shown = reference()
    root = typer.main.get_command(app)
    for name, command in root.commands.items():
        subcommands = getattr(command, "commands", {"": command})
        for sub_name, sub in subcommands.items():
            title = f"copydesk {name} {sub_name}".rstrip()
            assert f"#### `{title}`" in shown
            for param in sub.params:
                for opt in getattr(param, "opts", []):
                    if opt.startswith("-"):
                        assert opt in shown, (title, opt)


def test_a_changed_help_text_makes_the_block_stale():
    text = README.read_text(encoding="utf-8")
    edited = text.replace("Review articles through the Prefect flow", "Review articles through Prefect", 1)
    assert edited != text and rewrite(edited) != edited
