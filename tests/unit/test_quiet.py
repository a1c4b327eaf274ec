"""The review's process and its children print no third-party warning a user cannot act on
(``copydesk.flows.runtime.quiet``)."""

from __future__ import annotations

import os
import subprocess
import sys

IMPORT_SOCKS = """
try:
    import urllib3.contrib.socks  # warns, then fails, without PySocks installed
except ImportError:
    pass
"""


def _stderr(code: str, env: dict[str, str]) -> str:
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stderr


def test_urllib3_s_socks_warning_is_silenced_in_the_process_and_its_children():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    # the warning this guards against, as urllib3 prints it when nothing silences it
    assert "SOCKS support in urllib3" in _stderr(IMPORT_SOCKS, env)
    quieted = "from copydesk.flows.runtime.quiet import quiet_environment\nquiet_environment()\n"
    assert _stderr(quieted + IMPORT_SOCKS, env) == ""
    # a child started after quiet_environment inherits the filter through its environment
    child = (
        quieted
        + "import subprocess, sys\n"
        + f"subprocess.run([sys.executable, '-c', {IMPORT_SOCKS!r}], check=True)\n"
    )
    assert _stderr(child, env) == ""
