"""Point task workers in other processes at the Prefect API this flow run reports to.

Works around: a worker process (or Dask worker) that does not know the run's temporary
server starts a temporary server of its own on the same SQLite file.
Buys: every task is recorded where the flow run is, without "database is locked" errors.

Without ``PREFECT_API_URL`` a flow run talks to Prefect's temporary server, which only
this process knows about. A worker process or Dask worker that does not know its address
starts a temporary server of its own on the same SQLite file, and the run's tasks are
recorded nowhere the flow can see, slowly, with "database is locked" errors. Runners pass
the current settings to every task they send, so the address goes with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from prefect.client.orchestration import get_client
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings


@contextmanager
def worker_api_url() -> Iterator[None]:
    if get_current_settings().api.url:  # a real server: workers read it like this process did
        yield
        return
    url = str(get_client(sync_client=True).api_url).rstrip("/")
    with temporary_settings(updates={PREFECT_API_URL: url}):
        yield
