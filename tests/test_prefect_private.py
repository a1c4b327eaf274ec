"""copydesk's Prefect workarounds use names Prefect does not promise to keep (private
attributes, environment variables of its own server). pyproject.toml pins Prefect to the
minor version they were written against; this module fails, naming the name and the
copydesk file that relies on it, when a Prefect release moves one of them. Every private
name found in flows/ must be listed here (``test_every_private_name_is_guarded``)."""

from __future__ import annotations

import concurrent.futures
import importlib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PrivateName:
    name: str
    used_in: str  # the copydesk file whose workaround relies on it
    check: Callable[[], None]  # raises (or fails an assert) when the name has moved


def _attribute(module: str, dotted: str) -> Callable[[], None]:
    def check() -> None:
        obj = importlib.import_module(module)
        for part in dotted.split("."):
            obj = getattr(obj, part)

    return check


def _pool_runner_internals() -> None:
    """flows/pools.py swaps the executor of an entered ProcessPoolTaskRunner for one with
    the same initializer and arguments: (the message queue, the user initializer, its args)."""
    from prefect.task_runners import ProcessPoolTaskRunner, _initialize_process_pool_worker

    runner = ProcessPoolTaskRunner(max_workers=1)
    with runner:
        executor = runner._executor
        queue = runner._subprocess_message_queue
        assert isinstance(executor, concurrent.futures.ProcessPoolExecutor), type(executor)
        assert queue is not None, "no _subprocess_message_queue once entered"
        assert executor._initializer is _initialize_process_pool_worker, executor._initializer
        assert len(executor._initargs) == 3 and executor._initargs[0] is queue, executor._initargs


def _executor_processes() -> None:
    executor = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    try:
        assert isinstance(executor._processes, dict)
    finally:
        executor.shutdown()


def _server_reads(variable: str) -> Callable[[], None]:
    """An environment variable Prefect's own temporary server (SubprocessASGIServer) sets."""

    def check() -> None:
        import prefect.server.api.server as server

        assert variable in inspect.getsource(server), (
            f"prefect.server.api.server no longer mentions {variable}"
        )

    return check


def _setting(variable: str) -> Callable[[], None]:
    """A setting copydesk sets by its environment name; Prefect ignores unknown names."""

    def check() -> None:
        import prefect.settings

        getattr(prefect.settings, variable)

    return check


PRIVATE_NAMES = [
    PrivateName(
        "prefect.task_runners._initialize_process_pool_worker",
        "flows/pools.py",
        _attribute("prefect.task_runners", "_initialize_process_pool_worker"),
    ),
    PrivateName("ProcessPoolTaskRunner._executor", "flows/pools.py", _pool_runner_internals),
    PrivateName("ProcessPoolTaskRunner._subprocess_message_queue", "flows/pools.py", _pool_runner_internals),
    PrivateName("ProcessPoolExecutor._processes (CPython)", "flows/parallel.py", _executor_processes),
    PrivateName(
        "PREFECT__SERVER_EPHEMERAL", "flows/tempserver.py", _server_reads("PREFECT__SERVER_EPHEMERAL")
    ),
    PrivateName("PREFECT__SERVER_FINAL", "flows/tempserver.py", _server_reads("PREFECT__SERVER_FINAL")),
    PrivateName(
        "prefect.server.api.server:create_app",
        "flows/tempserver.py",
        _attribute("prefect.server.api.server", "create_app"),
    ),
    PrivateName(
        "prefect.events.worker.EventsWorker.drain_all",
        "flows/tempserver.py",
        _attribute("prefect.events.worker", "EventsWorker.drain_all"),
    ),
    PrivateName(
        "prefect.context.refresh_global_settings_context",
        "flows/tempserver.py",
        _attribute("prefect.context", "refresh_global_settings_context"),
    ),
    *(
        PrivateName(variable, "flows/tempserver.py", _setting(variable))
        for variable in (
            "PREFECT_UI_ENABLED",
            "PREFECT_API_BLOCKS_REGISTER_ON_START",
            "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION",
            "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED",
            "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED",
            "PREFECT_FLOWS_HEARTBEAT_FREQUENCY",
        )
    ),
    *(
        PrivateName(variable, "flows/quiet.py", _setting(variable))
        for variable in (
            "PREFECT_LOGGING_LEVEL",
            "PREFECT_SERVER_LOGGING_LEVEL",
            "PREFECT_LOGGING_SERVER_LEVEL",
            "PREFECT_SERVER_ANALYTICS_ENABLED",
            "PREFECT_LOGGING_TO_API_ENABLED",
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS",
        )
    ),
]


@pytest.mark.parametrize("private", PRIVATE_NAMES, ids=lambda p: f"{p.name}@{p.used_in}")
def test_private_prefect_name_is_where_copydesk_expects_it(private: PrivateName):
    import prefect

    try:
        private.check()
    except Exception as error:  # noqa: BLE001 (any failure means the name moved)
        pytest.fail(
            f"Prefect {prefect.__version__} moved {private.name}, which {private.used_in} relies on "
            f"({type(error).__name__}: {error}). Adapt {private.used_in} before moving the Prefect pin "
            "in pyproject.toml.",
            pytrace=False,
        )


# Private attributes read with getattr(x, "_name"), names imported with a leading
# underscore from Prefect, and Prefect's double-underscore environment variables.
_USES = re.compile(
    r"""getattr\(\s*[\w.]+\s*,\s*["'](_\w+)["']"""
    r"""|from\s+prefect[\w.]*\s+import\s+[^\n]*?\b(_\w+)"""
    r"""|["'](PREFECT__\w+)["']"""
)


def test_every_private_name_is_guarded():
    guarded = {p.name.split(" ")[0].rsplit(".", 1)[-1].split(":")[-1] for p in PRIVATE_NAMES}
    found = {
        (name, str(path.relative_to(ROOT)))
        for path in sorted((ROOT / "flows").rglob("*.py"))
        for m in _USES.finditer(path.read_text(encoding="utf-8"))
        for name in m.groups()
        if name
    }
    assert found, "the scan found no private name in flows/: has the code moved?"
    unguarded = sorted(f"{name} ({path})" for name, path in found if name not in guarded)
    assert not unguarded, (
        f"private names used in flows/ without a guard in {Path(__file__).name}: {unguarded}"
    )


def test_prefect_is_pinned_to_the_minor_version_of_the_lock():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    locked = re.search(r"^prefect==(\d+)\.(\d+)\.(\d+)", lock, re.M)
    assert locked, "prefect is not in requirements.lock"
    major, minor, _ = (int(g) for g in locked.groups())
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pin = re.search(r'"prefect>=([\d.]+),<([\d.]+)"', pyproject)
    assert pin, "pyproject.toml does not pin prefect as prefect>=X.Y.Z,<X.Y+1"
    assert pin.group(2) == f"{major}.{minor + 1}", (
        f"pyproject.toml allows prefect<{pin.group(2)}, locked {major}.{minor}"
    )
