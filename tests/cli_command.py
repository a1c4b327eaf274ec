"""How the tests run the ``copydesk`` command in a subprocess: with the interpreter that
runs the tests, on the code that interpreter imports (``copydesk.flows.cli``), which is the
checkout under test. Never the console script of that interpreter's environment: an
editable install there may point at another checkout, or an older layout.

A test that runs what a user types, through ``PATH`` (a workflow step, a hook), puts
``copydesk_on_path``'s folder first on it.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

COPYDESK = [sys.executable, "-m", "copydesk.flows.cli"]


def copydesk_on_path(folder: Path) -> Path:
    """``folder`` with an executable ``copydesk`` in it that runs ``COPYDESK``."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "copydesk"
    script.write_text(f'#!/bin/sh\nexec {shlex.join(COPYDESK)} "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return folder


def with_checkout_path(env: dict[str, str], first: str) -> dict[str, str]:
    """``env`` with ``first`` at the front of PYTHONPATH, keeping what was there (the
    checkout, when the tests run from one)."""
    rest = env.get("PYTHONPATH", "")
    return {**env, "PYTHONPATH": os.pathsep.join(filter(None, [first, rest]))}
