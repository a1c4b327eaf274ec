"""The launcher Prefect's temporary server is started through (``flows/runtime/lifeline.py``):
its command line, the modules it imports first with the cycle collector paused, and its
usage errors."""

from __future__ import annotations

import gc
import os
import signal
import subprocess

import pytest

from copydesk.flows.runtime import lifeline


@pytest.fixture
def collector():
    """The collector's state and frozen objects as they were, whatever the test did."""
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_modules_are_imported_with_the_collector_paused_and_left_as_it_was(collector, enabled, monkeypatch):
    import importlib

    states: list[bool] = []
    real = importlib.import_module

    def watching(name: str):
        states.append(gc.isenabled())
        return real(name)

    monkeypatch.setattr(importlib, "import_module", watching)
    (gc.enable if enabled else gc.disable)()
    lifeline.import_paused(["colorsys", "fractions"])
    assert states == [False, False]  # paused while importing
    assert gc.isenabled() is enabled  # and as it was after
    assert gc.get_freeze_count() > 0  # what the imports made is frozen


def test_the_launcher_imports_first_then_runs_the_module_as_python_m_would():
    command = [
        *lifeline.launcher(os.getpid(), signal.SIGTERM, preimport=("colorsys",)),
        "-m",
        "calendar",
        "2026",
        "1",
    ]
    assert command[4:6] == ["--import", "colorsys"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "January 2026" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["1", "15"],
        ["1", "15", "--import", "colorsys"],
        ["1", "15", "-x", "calendar"],
        ["1", "15", "--import"],
    ],
)
def test_a_malformed_command_line_says_how_it_is_used(argv):
    with pytest.raises(SystemExit, match="usage: lifeline.py"):
        lifeline._main(argv)
