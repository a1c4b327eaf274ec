"""The pre-commit hook (``.pre-commit-hooks.yaml``) the way a content repository uses it:
a scratch git repository of articles (year folders with two ``pier`` articles, its own
``copydesk.toml``, a README that is not an article) whose ``.pre-commit-config.yaml``
points at a clone of this repository, ``pre-commit install``, then ``git commit``. The
commit that adds an unsourced figure is blocked with the finding's line; once the figure
has its source, the commit goes through; nothing is left untracked.

How the hook's environment is installed: pre-commit's ``language: python`` makes a
virtualenv for the hook repository and runs ``pip install .`` in it. Installing
copydesk's dependencies from scratch (spaCy and its model, Prefect, Great Expectations,
pandas) takes minutes, and they are already installed in the environment running these
tests. So pre-commit runs with ``PYTHONPATH`` naming a view of that environment's
site-packages *without copydesk itself*: pip, in the hook's virtualenv, finds every
dependency already satisfied there, really builds and installs copydesk from the hook
repository's clone, and the hook runs that installed copy. The rest (pre-commit's clone,
its virtualenv, the entry point, the file filters, git's hook) is what a user gets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import front_matter

REPO = Path(__file__).resolve().parents[2]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Test Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,  # no signing or hooks from the machine's settings
    "GIT_CONFIG_NOSYSTEM": "1",
}
UNSOURCED = "About 250 jobs depend on the pier."
SOURCED = "About 250 jobs depend on the pier, the harbour board said."
PIER_2024 = front_matter("2024-05-01", "Pier") + "# Pier\n\n{}\n"
PIER_2025 = "Pier\nPublished: 2025-03-02\n\nThe repairs cost 12 million dollars, the harbour board said.\n"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs git and a git checkout"
)


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**(env or os.environ), **GIT_ENV},
        capture_output=True,
        text=True,
        timeout=900,  # a hang guard: the first commit installs the hook's environment
    )


def hook_repository(tmp: Path) -> tuple[Path, str]:
    """This repository as pre-commit clones it: a git repository whose HEAD holds the
    working tree as it is now, committed or not (what ``pre-commit try-repo`` does)."""
    clone = tmp / "copydesk-hooks"
    assert git(tmp, "clone", "--quiet", "--no-hardlinks", str(REPO), str(clone)).returncode == 0
    changed = git(REPO, "ls-files", "-z", "--modified", "--others", "--exclude-standard").stdout
    for name in filter(None, changed.split("\0")):
        if (REPO / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, clone / name)
    for name in filter(None, git(REPO, "ls-files", "-z", "--deleted").stdout.split("\0")):
        (clone / name).unlink(missing_ok=True)
    git(clone, "add", "-A")
    assert git(clone, "commit", "--quiet", "--allow-empty", "-m", "working tree").returncode == 0
    return clone, git(clone, "rev-parse", "HEAD").stdout.strip()


def installed_packages_view(tmp: Path) -> Path:
    """The test environment's site-packages without copydesk (see the module's docstring)."""
    view = tmp / "installed-packages"
    view.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if entry.name.startswith(("copydesk", "__editable__")) or entry.suffix == ".pth":
            continue
        (view / entry.name).symlink_to(entry)
    return view


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("precommit")
    clone, rev = hook_repository(tmp)
    repo = tmp / "archive"
    (repo / "2024").mkdir(parents=True)
    (repo / "2025").mkdir()
    (repo / "2024" / "pier.md").write_text(PIER_2024.format(UNSOURCED), encoding="utf-8")
    (repo / "2025" / "pier.txt").write_text(PIER_2025, encoding="utf-8")
    (repo / "README.md").write_text(
        "# Archive\n\nAbout 500 jobs, unsourced: not an article.\n", encoding="utf-8"
    )
    (repo / "requirements.txt").write_text("About 300 jobs\n", encoding="utf-8")
    (repo / "copydesk.toml").write_text('[copydesk]\ncontent = ["2024/**", "2025/**"]\n', encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {clone}\n    rev: {rev}\n    hooks:\n      - id: copydesk\n", encoding="utf-8"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
        "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
        "PYTHONPATH": str(installed_packages_view(tmp)),
    }
    assert git(repo, "-c", "init.defaultBranch=main", "init", "-q", env=env).returncode == 0
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo, env


def test_a_commit_adding_an_unsourced_figure_is_blocked_and_a_clean_one_passes(content_repo):
    repo, env = content_repo
    git(repo, "add", "-A", env=env)
    blocked = git(repo, "commit", "-m", "the piers", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    at = PIER_2024.format(UNSOURCED).index("250 jobs")
    text = PIER_2024.format(UNSOURCED)
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert (
        f"2024/pier.md:{line}:{col}: error figure-unsourced: Figure “250 jobs” has no source: "
        "add a citation or say who counted."
    ) in output.splitlines()
    # Staged README and requirements files are not articles; the other pier is sourced.
    assert "README.md:" not in output and "requirements.txt:" not in output and "2025/pier.txt:" not in output
    assert "in 2 articles;" in output
    assert git(repo, "rev-parse", "--verify", "-q", "HEAD", env=env).returncode != 0  # nothing committed
    status = git(repo, "status", "--porcelain", "--untracked-files=all", env=env).stdout
    assert status and all(x.startswith("A  ") for x in status.splitlines()), (
        status
    )  # .copydesk/ ignores itself

    (repo / "2024" / "pier.md").write_text(PIER_2024.format(SOURCED), encoding="utf-8")
    git(repo, "add", "-A", env=env)
    passed = git(repo, "commit", "-m", "the piers, sourced", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "copydesk" in passed.stdout + passed.stderr and "Passed" in passed.stdout + passed.stderr
    assert git(repo, "status", "--porcelain", "--untracked-files=all", env=env).stdout == ""
    assert not (repo / "reports").exists()  # no reports, no server: only the lines
