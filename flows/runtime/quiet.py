"""Prefect's and GX's settings for a review, set in the environment before either is imported.

Works around: Prefect and GX log at INFO and send usage analytics, Prefect ships its logs
to the API, and Prefect gives its temporary server 20 s to start, too short with both
cores busy. Also urllib3's warning that SOCKS proxies need PySocks: ``requests`` silences
it while it imports itself, but once, with the machine loaded, it reached a user's stderr
from ``copydesk review`` anyway (most likely another thread's ``warnings.catch_warnings``
restored the filters while ``requests`` was importing: the filters are global to the
process, that context manager is not thread-safe). Ignored here, before any thread starts,
and for child processes through ``PYTHONWARNINGS``.
Buys: a quiet, offline run that does not fail on a loaded machine.

Each is a default: the environment wins."""

from __future__ import annotations

import os
import warnings

STARTUP_TIMEOUT_VARIABLE = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
STARTUP_TIMEOUT = 120

DEFAULTS = {
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_SERVER_LEVEL": "WARNING",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_UI_ENABLED": "false",
    # How long a temporary Prefect server may take to answer, both Prefect's own (a flow run
    # called in-process) and copydesk's (``copydesk.flows.runtime.tempserver``). Prefect's default,
    # 20 s, is 4-6 s of start-up on an idle machine and was not enough with both cores busy.
    STARTUP_TIMEOUT_VARIABLE: str(STARTUP_TIMEOUT),
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "False",
    "TQDM_DISABLE": "1",
}


# The start of the warning's message: what ``warnings`` and ``PYTHONWARNINGS`` match on.
SOCKS_WARNING = "SOCKS support in urllib3 requires"


def quiet_environment() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    warnings.filterwarnings("ignore", message=SOCKS_WARNING)
    os.environ.setdefault("PYTHONWARNINGS", f"ignore:{SOCKS_WARNING}")
