"""The reusable GitHub Action (``action.yml``) and the workflows that use it: their
structure, read as YAML (inputs used exist and are all used, pip caching, the fork guard
on the SARIF upload, the permissions), and the action's gate script run for real with
bash, as the runner would, against a scratch content repository."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from cli_command import COPYDESK, copydesk_on_path

REPO = Path(__file__).resolve().parents[2]
ACTION = REPO / "action.yml"
EXAMPLE = REPO / "examples" / "content-repo" / ".github" / "workflows" / "copydesk.yml"
OWN = REPO / ".github" / "workflows" / "copydesk.yml"
BIN = Path(sys.executable).parent
FORK_GUARD = "github.event.pull_request.head.repo.full_name == github.repository"
PERMISSIONS = {"contents": "read", "actions": "read", "security-events": "write"}


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); only the workflows have one.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def action() -> dict:
    return load(ACTION)


def steps(action: dict) -> list[dict]:
    return action["runs"]["steps"]


def step_named(action: dict, needle: str) -> dict:
    (found,) = [s for s in steps(action) if needle in (s.get("uses", "") + s.get("run", ""))]
    return found


def test_inputs_used_are_declared_and_all_are_used(action):
    text = ACTION.read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    declared = set(action["inputs"])
    assert used == declared, (used, declared)
    assert {"version", "paths", "fail-on", "base-ref", "python-version"} <= declared
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
    step_ids = {s["id"] for s in steps(action) if "id" in s}
    assert set(re.findall(r"steps\.([\w-]+)\.", text)) <= step_ids


def test_composite_steps_set_up_python_with_pip_caching(action):
    assert action["runs"]["using"] == "composite"
    setup = step_named(action, "actions/setup-python@")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    cache = step_named(action, "actions/cache@")
    assert cache["with"]["path"] == "~/.cache/pip"
    install = step_named(action, "$GITHUB_PATH")  # puts the venv's copydesk on the path
    assert "-m pip" in install["run"] and " install " in install["run"]
    assert "--require-hashes" in install["run"] and "requirements.lock" in install["run"]
    for step in steps(action):
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")  # composite steps need one
            assert "${{" not in step["run"], f"{step.get('name')}: inputs go through env, not the script"


def test_sarif_upload_is_guarded_against_fork_pull_requests(action):
    upload = step_named(action, "github/codeql-action/upload-sarif@")
    assert FORK_GUARD in upload["if"] and "always()" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ steps.gate.outputs.sarif-file }}"
    verdict = steps(action)[-1]
    assert verdict["if"] == "always()" and "exit" in verdict["run"]
    assert steps(action).index(upload) < steps(action).index(verdict)


def test_the_commands_the_action_runs_exist(action):
    text = ACTION.read_text(encoding="utf-8")
    commands = set(re.findall(r"^\s*copydesk (\w+)", text, re.M))
    assert commands == {"ci"}
    helped = subprocess.run([*COPYDESK, "--help"], capture_output=True, text=True, timeout=120)
    listed = set(re.findall(r"│ (\w[\w-]*)\s", helped.stdout))
    assert commands <= listed, helped.stdout
    ci_help = subprocess.run([*COPYDESK, "ci", "--help"], capture_output=True, text=True, timeout=120).stdout
    gate = step_named(action, "copydesk ci")["run"]
    options = set(re.findall(r"(--[a-z][\w-]+)", gate))
    assert {"--fail-on", "--sarif", "--base"} <= options
    for option in options:
        assert option in ci_help, option


@pytest.mark.parametrize("path", [EXAMPLE, OWN], ids=["example", "own"])
def test_workflows_use_the_action_with_its_permissions(path, action):
    workflow = load(path)
    assert "pull_request" in workflow[True]  # `on:`
    assert all(workflow["permissions"].get(k) == v for k, v in PERMISSIONS.items()), workflow["permissions"]
    (job,) = workflow["jobs"].values()
    checkout = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout and checkout[0]["with"]["fetch-depth"] == 0
    (uses,) = [s for s in job["steps"] if s.get("uses", "") == "./" or "/copydesk@" in s.get("uses", "")]
    assert set(uses.get("with", {})) <= set(action["inputs"])


# --- the gate step, run with bash as the runner runs it ---------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


ARTICLE = "---\ntitle: Pier\npublished: 2024-05-02\n---\nThe pier reopened on Monday.\n"


@pytest.fixture
def pull_request(tmp_path) -> Path:
    """A clone whose origin/main holds two articles and whose branch adds an unsourced
    figure to one of them."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "-c", "init.defaultBranch=main", "init", "-q")
    (origin / "copydesk.toml").write_text('[copydesk]\ncontent = ["content/**"]\n', encoding="utf-8")
    for name in ("content/news/pier.md", "content/sport/pier.md"):
        (origin / name).parent.mkdir(parents=True, exist_ok=True)
        (origin / name).write_text(ARTICLE, encoding="utf-8")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "base")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    git(clone, "checkout", "-q", "-b", "feature")
    changed = clone / "content" / "news" / "pier.md"
    changed.write_text(ARTICLE + "\nAbout 900 people use it every day.\n", encoding="utf-8")
    git(clone, "commit", "-qam", "figure")
    return clone


def run_gate(
    action: dict, repo: Path, tmp_path: Path, **inputs: str
) -> tuple[subprocess.CompletedProcess, dict]:
    gate = step_named(action, "copydesk ci")
    outputs, summary = tmp_path / "outputs", tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env.update(
        {
            "PATH": f"{copydesk_on_path(tmp_path / 'bin')}{os.pathsep}{env['PATH']}",
            "GITHUB_ACTIONS": "true",
            "GITHUB_OUTPUT": str(outputs),
            "GITHUB_STEP_SUMMARY": str(summary),
            "COPYDESK_CACHE_DIR": str(tmp_path / "cache"),
            # The step's env, with the runner's values for what it takes from the context.
            "BASE_REF": inputs.get("base-ref", "main"),
            "FAIL_ON": inputs.get("fail-on", "error"),
            "PATHS": inputs.get("paths", ""),
            "SARIF_FILE": str(tmp_path / "copydesk.sarif"),
        }
    )
    assert set(gate["env"]) == {"BASE_REF", "FAIL_ON", "PATHS", "SARIF_FILE"}
    script = tmp_path / "gate.sh"
    script.write_text(gate["run"], encoding="utf-8")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    values = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    return done, values


def test_the_gate_step_annotates_summarises_and_writes_sarif(action, pull_request, tmp_path):
    done, outputs = run_gate(action, pull_request, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr  # the verdict comes after the upload
    assert outputs["exit-code"] == "1", done.stdout + done.stderr
    assert re.search(
        r"^::error file=content/news/pier\.md,line=7,.*title=figure-unsourced::", done.stdout, re.M
    )
    assert "figure-unsourced" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    sarif = json.loads(Path(outputs["sarif-file"]).read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["figure-unsourced"]

    verdict = steps(action)[-1]
    ended = subprocess.run(
        ["bash", "-c", verdict["run"]], env={**os.environ, "STATUS": outputs["exit-code"]}, timeout=60
    )
    assert ended.returncode == 1


def test_the_paths_input_narrows_the_gate(action, pull_request, tmp_path):
    done, outputs = run_gate(action, pull_request, tmp_path, paths="content/sport content/weather")
    assert outputs["exit-code"] == "0", done.stdout + done.stderr
    assert "::error" not in done.stdout and "0 changed articles" in done.stdout
