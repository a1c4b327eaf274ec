"""copydesk's Prefect workarounds (flows/runtime/) use names Prefect does not promise to keep
(private attributes, environment variables of its own server). pyproject.toml pins Prefect
to the minor version they were written against; this module fails, naming the name and the
copydesk file that relies on it, when a Prefect release moves one of them. Every private
name found in flows/runtime/ must be listed here (``test_every_private_name_is_guarded``),
and no module outside flows/runtime/ may use one (``test_no_private_prefect_name_outside_runtime``),
so that what to adapt on a Prefect upgrade stays in that one package."""

from __future__ import annotations

import ast
import concurrent.futures
import importlib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "flows" / "runtime"
# The code that must leave Prefect's private names to flows/runtime/. (Tests may reach into
# them to check the workarounds: tests/e2e/test_parallel.py reads a pool's executor.)
OUTSIDE_RUNTIME = ("flows", "checks", "reports", "copydesk", "benchmarks")


@dataclass(frozen=True)
class PrivateName:
    name: str
    used_in: str  # the copydesk file whose workaround relies on it
    check: Callable[[], None]  # raises (or fails an assert) when the name has moved
    # A public setting, guarded because copydesk sets it by its environment name (Prefect
    # ignores a name it does not know) rather than because it is private.
    setting: bool = False

    @property
    def short(self) -> str:
        """The name as the code spells it: ``_processes`` for ``ProcessPoolExecutor._processes (CPython)``."""
        return self.name.split(" ")[0].rsplit(".", 1)[-1].split(":")[-1]


def _attribute(module: str, dotted: str) -> Callable[[], None]:
    def check() -> None:
        obj = importlib.import_module(module)
        for part in dotted.split("."):
            obj = getattr(obj, part)

    return check


def _pool_runner_internals() -> None:
    """flows/runtime/pools.py swaps the executor of an entered ProcessPoolTaskRunner for one with
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
        "flows/runtime/pools.py",
        _attribute("prefect.task_runners", "_initialize_process_pool_worker"),
    ),
    PrivateName("ProcessPoolTaskRunner._executor", "flows/runtime/pools.py", _pool_runner_internals),
    PrivateName(
        "ProcessPoolTaskRunner._subprocess_message_queue", "flows/runtime/pools.py", _pool_runner_internals
    ),
    PrivateName("ProcessPoolExecutor._processes (CPython)", "flows/runtime/parallel.py", _executor_processes),
    PrivateName(
        "PREFECT__SERVER_EPHEMERAL", "flows/runtime/tempserver.py", _server_reads("PREFECT__SERVER_EPHEMERAL")
    ),
    PrivateName(
        "PREFECT__SERVER_FINAL", "flows/runtime/tempserver.py", _server_reads("PREFECT__SERVER_FINAL")
    ),
    PrivateName(
        "prefect.server.api.server:create_app",
        "flows/runtime/tempserver.py",
        _attribute("prefect.server.api.server", "create_app"),
    ),
    PrivateName(
        "prefect.events.worker.EventsWorker.drain_all",
        "flows/runtime/tempserver.py",
        _attribute("prefect.events.worker", "EventsWorker.drain_all"),
    ),
    PrivateName(
        "prefect.context.refresh_global_settings_context",
        "flows/runtime/tempserver.py",
        _attribute("prefect.context", "refresh_global_settings_context"),
    ),
    *(
        PrivateName(variable, "flows/runtime/tempserver.py", _setting(variable), setting=True)
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
        PrivateName(variable, "flows/runtime/quiet.py", _setting(variable), setting=True)
        for variable in (
            "PREFECT_LOGGING_LEVEL",
            "PREFECT_SERVER_LOGGING_LEVEL",
            "PREFECT_LOGGING_SERVER_LEVEL",
            "PREFECT_SERVER_ANALYTICS_ENABLED",
            "PREFECT_LOGGING_TO_API_ENABLED",
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS",
        )
    ),
    *(
        PrivateName(variable, "flows/runtime/prefect_api.py", _setting(variable), setting=True)
        for variable in ("PREFECT_API_REQUEST_TIMEOUT", "PREFECT_CLIENT_MAX_RETRIES")
    ),
]
GUARDED = {p.short for p in PRIVATE_NAMES}
# Private attributes of Prefect's objects (and of the executor inside them), as ``x._name``.
PRIVATE_ATTRIBUTES = {p.short for p in PRIVATE_NAMES if p.short.startswith("_")}
# Non-underscore names of Prefect's internals that a workaround imports.
INTERNAL_NAMES = {p.short for p in PRIVATE_NAMES if not p.setting and not p.short.startswith("_")}


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


def private_prefect_uses(source: str) -> set[str]:
    """The private Prefect names a module's source uses: those ``_USES`` matches, plus, read
    from its syntax tree, private modules or names imported from ``prefect``, Prefect's
    internals that a workaround imports, the private attributes the workarounds read
    (``runner._executor``) and ``PREFECT__`` variables in any string that is not a docstring."""
    found = {name for m in _USES.finditer(source) for name in m.groups() if name}
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "prefect":
            found |= {part for part in node.module.split(".") if part.startswith("_")}
            found |= {a.name for a in node.names if a.name.startswith("_") or a.name in INTERNAL_NAMES}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "prefect":
                    found |= {part for part in parts if part.startswith("_")}
        elif isinstance(node, ast.Attribute) and node.attr in PRIVATE_ATTRIBUTES | INTERNAL_NAMES:
            found.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found |= set(re.findall(r"PREFECT__\w+", node.value))
    return found


def _uses_under(folder: Path, skip: Path | None = None) -> set[tuple[str, str]]:
    return {
        (name, str(path.relative_to(ROOT)))
        for path in sorted(folder.rglob("*.py"))
        if skip is None or not path.is_relative_to(skip)
        for name in private_prefect_uses(path.read_text(encoding="utf-8"))
    }


def test_every_private_name_is_guarded():
    found = _uses_under(RUNTIME)
    assert found, "the scan found no private name in flows/runtime/: has the code moved?"
    unguarded = sorted(f"{name} ({path})" for name, path in found if name not in GUARDED)
    assert not unguarded, (
        f"private names used in flows/runtime/ without a guard in {Path(__file__).name}: {unguarded}"
    )


def test_no_private_prefect_name_outside_runtime():
    found = set().union(*(_uses_under(ROOT / top, skip=RUNTIME) for top in OUTSIDE_RUNTIME))
    outside = sorted(f"{path}: {name}" for name, path in found)
    assert not outside, (
        "Prefect's private names and PREFECT__ variables belong in flows/runtime/ (a workaround "
        f"there, guarded in {Path(__file__).name}), not in: {outside}"
    )


def test_the_scan_finds_each_kind_of_private_use():
    """The two tests above pass on an empty scan too: this one shows the scan sees each form."""
    uses = {
        "getattr(runner, '_executor', None)": "_executor",
        "from prefect.task_runners import ProcessPoolTaskRunner, _initialize_process_pool_worker": (
            "_initialize_process_pool_worker"
        ),
        "from prefect._internal.concurrency import api": "_internal",
        "import prefect._internal.compatibility": "_internal",
        "from prefect.context import refresh_global_settings_context": "refresh_global_settings_context",
        "pool._executor.submit(f)": "_executor",
        "list(executor._processes.values())": "_processes",
        "env = {'PREFECT__SERVER_FINAL': '1'}": "PREFECT__SERVER_FINAL",
        "os.environ['PREFECT__SERVER_EPHEMERAL'] = '1'": "PREFECT__SERVER_EPHEMERAL",
    }
    for source, name in uses.items():
        assert name in private_prefect_uses(source), source
    innocent = (
        '"""Mentions PREFECT__SERVER_EPHEMERAL in prose."""\n'
        "from prefect import flow, task\n"
        "from prefect.settings import PREFECT_API_URL\n"
        "self._cache = getattr(self, 'cache', None)\n"
        "os.environ['PREFECT_API_URL'] = url\n"
    )
    assert private_prefect_uses(innocent) == set()


@pytest.mark.parametrize("private", PRIVATE_NAMES, ids=lambda p: f"{p.name}@{p.used_in}")
def test_guarded_name_is_used_where_the_guard_says(private: PrivateName):
    """A guard names the file to adapt: that file must exist and use the name."""
    path = ROOT / private.used_in
    assert path.is_file(), f"{private.name}: {private.used_in} does not exist (moved?)"
    assert private.short in path.read_text(encoding="utf-8"), (
        f"{private.used_in} no longer uses {private.short}: move or drop its guard"
    )


def _runtime_table() -> dict[str, str]:
    """flows/runtime/__init__.py's table: module -> its "private Prefect names" cells."""
    table: dict[str, str] = {}
    module = None
    for line in (
        ast.get_docstring(ast.parse((RUNTIME / "__init__.py").read_text("utf-8"))) or ""
    ).splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        separator = cells[0] != "" and set(cells[0]) <= {"-"}
        if not line.lstrip().startswith("|") or len(cells) != 3 or separator:
            continue
        if cells[0]:
            module = cells[0].strip("`")
        if module is not None and module != "module":
            table[module] = f"{table.get(module, '')} {cells[2]}"
    return table


def test_runtime_table_lists_every_module_and_its_private_names():
    table = _runtime_table()
    modules = {p.stem for p in RUNTIME.glob("*.py") if p.stem != "__init__"}
    assert set(table) == modules, (
        f"flows/runtime/__init__.py's table lists {sorted(table)}, the package holds {sorted(modules)}"
    )
    for private in PRIVATE_NAMES:
        module = Path(private.used_in).stem
        if not private.setting and Path(private.used_in).parent == RUNTIME.relative_to(ROOT):
            assert private.short in table[module], (
                f"flows/runtime/__init__.py's table does not list {private.short} for {module}"
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
