"""What changed since the merge base, and the base's copy of each changed file: plain
functions over the ``git`` command line (no library, so any git the CI image has works).

Paths are repository-relative POSIX paths, as git prints them; ``-z`` output keeps names
with spaces, quotes or non-ASCII letters intact.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BASES = ("origin/main", "main")


class GitError(Exception):
    """git is missing, this is not a repository, or a ref does not exist; the message
    says what to do."""


@dataclass(frozen=True)
class ChangedFile:
    path: str  # at HEAD (the working tree)
    base_path: str | None  # where its content was at the base; None: added since


def _git(args: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        proc = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True)
    except FileNotFoundError:
        raise GitError("git is not installed (copydesk ci compares commits with git)") from None
    if check and proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[-1] if message else f'exit {proc.returncode}'}")
    return proc


def repo_root(cwd: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], cwd, check=False)
    if proc.returncode != 0:
        why = proc.stderr.decode("utf-8", "replace").strip()
        if "not a git repository" in why or not why:
            raise GitError(f"{cwd} is not inside a git repository: run copydesk ci in a clone")
        raise GitError(f"git cannot use {cwd}: {why.splitlines()[-1]}")  # e.g. "dubious ownership"
    return Path(proc.stdout.decode("utf-8").strip())


def _is_commit(root: Path, ref: str) -> bool:
    return _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root, check=False).returncode == 0


def resolve_base(root: Path, ref: str | None) -> str:
    """The ref to compare with: ``ref`` when given, else origin/main, else main."""
    if ref is not None:
        if ref.startswith("-") or not _is_commit(root, ref):
            raise GitError(
                f"--base {ref}: no such commit here. Fetch it (git fetch origin), and in GitHub "
                "Actions check out with fetch-depth: 0"
            )
        return ref
    for candidate in DEFAULT_BASES:
        if _is_commit(root, candidate):
            return candidate
    raise GitError(f"nothing to compare with: neither {' nor '.join(DEFAULT_BASES)} exists; pass --base REF")


def merge_base(root: Path, base: str) -> str:
    if not _is_commit(root, "HEAD"):
        raise GitError("HEAD has no commit yet: commit something before running copydesk ci")
    proc = _git(["merge-base", base, "HEAD"], root, check=False)
    if proc.returncode != 0:
        raise GitError(f"{base} and HEAD share no history (git merge-base found nothing)")
    return proc.stdout.decode("utf-8").strip()


def changed_files(root: Path, base_commit: str) -> list[ChangedFile]:
    """Files added, modified, renamed or copied between ``base_commit`` and the working
    tree, plus untracked files (new articles not yet added are still new at HEAD).
    Deleted files are left out: nothing at HEAD can be new in them."""
    out = _git(
        ["diff", "--name-status", "-z", "-M", "--no-ext-diff", "--diff-filter=ACMRT", base_commit, "--"], root
    ).stdout.decode("utf-8")
    fields = out.split("\0")
    changed: list[ChangedFile] = []
    i = 0
    while i < len(fields) - 1:
        status = fields[i]
        if status[:1] in "RC":  # renamed/copied: old path then new path
            old, new = fields[i + 1], fields[i + 2]
            changed.append(ChangedFile(new, old))
            i += 3
        else:
            changed.append(ChangedFile(fields[i + 1], None if status == "A" else fields[i + 1]))
            i += 2
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root).stdout.decode("utf-8")
    changed.extend(ChangedFile(p, None) for p in untracked.split("\0") if p)
    return changed


def export_base(root: Path, commit: str, files: list[ChangedFile], dest: Path) -> dict[str, Path]:
    """Write each file's base content under ``dest`` at its HEAD path (a renamed file is
    judged under its new name, so its old findings keep their fingerprints).
    Returns HEAD path -> exported file."""
    exported: dict[str, Path] = {}
    for f in files:
        if f.base_path is None:
            continue
        proc = _git(["cat-file", "blob", f"{commit}:{f.base_path}"], root, check=False)
        if proc.returncode != 0:
            continue  # not a blob at the base (a submodule, say): everything in it is new
        target = dest / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(proc.stdout)
        exported[f.path] = target
    return exported
