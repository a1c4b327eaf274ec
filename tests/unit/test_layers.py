"""The layout's rules, read from the source: imports go one way, every module has one name
in one namespace, and no module name is used twice.

- ``flows/extract`` and ``flows/content`` never import Prefect (plain functions that tests,
  benchmarks and the library call without it);
- ``checks/`` and ``reports/`` never import ``copydesk.flows`` or Prefect;
- nothing imports the folders by their old top-level names (``flows``, ``checks``,
  ``reports``), which would load a second copy of a module next to ``copydesk.*``;
- a module's file name says what it is, so no two modules share one (``__init__`` and
  ``__main__`` aside).

Imports inside functions count as much as those at the top of a module.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("copydesk", "flows", "checks", "reports")
OLD_TOP_LEVEL = {"flows", "checks", "reports"}


def imported(path: Path) -> set[str]:
    """Every module a file imports, by its full dotted name."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def modules_under(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


def breaking(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in paths
        for name in sorted(imported(path))
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


def test_the_scan_sees_imports_at_any_depth(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("import a.b\ndef f():\n    from prefect import flow\n    from . import x\n")
    assert imported(source) == {"a.b", "prefect"}


@pytest.mark.parametrize(
    ("folders", "forbidden"),
    [
        (("flows/extract", "flows/content"), ("prefect",)),
        (("checks", "reports"), ("copydesk.flows", "prefect")),
    ],
    ids=["extraction-without-prefect", "checks-and-reports-below-flows"],
)
def test_imports_go_one_way(folders, forbidden):
    paths = modules_under(*folders)
    assert paths, f"no modules under {folders}: has the layout moved?"
    assert not breaking(paths, forbidden)


def test_nothing_imports_the_folders_by_their_old_top_level_names():
    paths = modules_under(*FOLDERS, "tests", "benchmarks")
    assert not breaking(paths, tuple(OLD_TOP_LEVEL))


def test_no_module_name_is_used_twice():
    names = Counter(
        path.name for path in modules_under(*FOLDERS) if path.name not in ("__init__.py", "__main__.py")
    )
    assert not [name for name, count in names.items() if count > 1]
