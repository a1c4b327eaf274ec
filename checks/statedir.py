"""copydesk's own folder, ``.copydesk/`` (the extraction cache, the default ledger): made
invisible to git the way ruff makes ``.ruff_cache`` invisible, with a ``.gitignore`` of
``*`` inside it, so a review or a pre-commit hook leaves nothing untracked in the user's
repository and nothing for them to add to their own ``.gitignore``."""

from __future__ import annotations

import contextlib
from pathlib import Path

STATE_DIR = ".copydesk"
GITIGNORE = "# Automatically created by copydesk: its cache and ledger, never to be committed.\n*\n"


def mark_ignored(path: str | Path) -> None:
    """Create the nearest ``.copydesk`` folder at or above ``path`` (when there is one on
    the path) with its ``.gitignore``. Never fails: a folder that cannot be written is
    reported by whatever writes into it."""
    path = Path(path)
    for folder in (path, *path.parents):
        if folder.name == STATE_DIR:
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
                ignore = folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text(GITIGNORE, encoding="utf-8")
            return
