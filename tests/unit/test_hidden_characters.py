"""Issue 17: bidi controls and zero-width characters are flagged, read past, and shown.

A reversed figure (U+202E) was flagged as "052" but displayed as "250"; a zero-width space
inside "2<U+200B>50 jobs" gave a second, false figure "50 jobs"; all of them passed raw into
the HTML and Markdown reports, the desk and ``flags list``. Through the real pipeline
(extraction, GX suites, reports), the ledger and the desk.
"""

from __future__ import annotations

import json
import re
import subprocess
import warnings

import pytest
from cli_command import COPYDESK

from copydesk.checks.config import load_suites
from copydesk.checks.hidden import HIDDEN, show_hidden
from copydesk.checks.ledger import Ledger
from copydesk.checks.runner import review_findings
from copydesk.flows.extract.pipeline import extract_batch
from copydesk.reports.desk import create_app
from copydesk.reports.writer import write_reports

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ZWSP, RLO, PDF, LRI, PDI = "\u200b", "\u202e", "\u202c", "\u2066", "\u2069"
ARTICLE = (
    "---\ntitle: Harbour jobs\npublished: 2024-06-01\n---\n"
    f"About 2{ZWSP}50 jobs depend on the harbour.\n\n"
    f"The fee rose to {RLO}052{PDF} dollars, the port said.\n\n"
    f"The {LRI}harbour master{PDI} said the channel is deep enough.\n"
)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory, nlp):
    root = tmp_path_factory.mktemp("hidden")
    (root / "content").mkdir()
    (root / "content" / "jobs.md").write_text(ARTICLE, encoding="utf-8")
    (root / "content" / "entity.html").write_text(
        "<html><body><article><h1>Fees</h1><p>About 3&#8203;40 boats use the pier.</p></article></body></html>",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        articles = extract_batch(["content/jobs.md", "content/entity.html"])
        review_findings(articles, load_suites())
        db_url = f"sqlite:///{root / 'ledger.db'}"
        with Ledger.open(db_url) as ledger:
            ledger.sync(articles)
        reports = write_reports(articles, root / "reports" / "out")
    return root, articles, reports, db_url


def test_show_hidden_writes_each_character_out():
    assert show_hidden(f"2{ZWSP}50") == "2<U+200B>50"
    assert show_hidden(f"{RLO}052{PDF}") == "<U+202E>052<U+202C>"
    assert show_hidden("plain text, “quotes” and é") == "plain text, “quotes” and é"
    assert all(show_hidden(c).startswith("<U+") for c in HIDDEN)


def test_numbers_are_read_without_them_and_offsets_point_into_the_file(reviewed):
    _, (jobs, entity), _, _ = reviewed
    texts = [f.text for f in jobs.figures]
    assert f"2{ZWSP}50 jobs" in texts
    assert not any(t.startswith("50 jobs") for t in texts), texts  # no second, false figure
    [jobs_figure] = [f for f in jobs.figures if "jobs" in f.text]
    assert jobs_figure.value == 250
    assert ARTICLE[jobs_figure.start : jobs_figure.end] == f"2{ZWSP}50 jobs"
    [boats] = [f for f in entity.figures if "boats" in f.text]
    assert boats.value == 340 and boats.text == "3&#8203;40 boats"


def test_each_run_is_flagged_once_with_its_characters_named(reviewed):
    _, (jobs, entity), _, _ = reviewed
    hidden = [f for f in jobs.findings if f.rule == "text-hidden-character"]
    assert [ARTICLE[f.start : f.end] for f in hidden] == [ZWSP, RLO, PDF, LRI, PDI]
    assert all(f.severity == "warning" for f in hidden)
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in hidden[1].message
    assert "U+200B ZERO WIDTH SPACE" in hidden[0].message
    [in_html] = [f for f in entity.findings if f.rule == "text-hidden-character"]
    assert "U+200B" in in_html.message
    # The front matter's byte-order mark is not a hidden character of the text.
    assert not [f for f in jobs.findings if "FEFF" in f.message]


def test_a_byte_order_mark_at_the_start_is_not_flagged(tmp_path, nlp):
    path = tmp_path / "bom.md"
    path.write_text("\ufeffThe harbour reopened, the port said.\n", encoding="utf-8")
    [art] = extract_batch([str(path)])
    review_findings([art], load_suites())
    assert [f for f in art.findings if f.rule == "text-hidden-character"] == []


def test_reports_show_them_escaped(reviewed):
    _, _, reports, _ = reviewed
    for name in ("content~jobs.md.html", "content~jobs.md.md", "index.html", "summary.md"):
        text = (reports / name).read_text(encoding="utf-8")
        assert not set(text) & HIDDEN, name
    html = (reports / "content~jobs.md.html").read_text(encoding="utf-8")
    shown = re.sub(r"<[^>]+>", "", html)  # the text a reader sees, highlights aside
    assert "2&lt;U+200B&gt;50 jobs" in shown and "&lt;U+202E&gt;052&lt;U+202C&gt;" in shown
    markdown = (reports / "content~jobs.md.md").read_text(encoding="utf-8")
    assert "2<U+200B>50 jobs" in markdown
    # The JSON contract is data: it keeps the text as it is, offsets and all.
    data = json.loads((reports / "content~jobs.md.json").read_text(encoding="utf-8"))
    assert any(ZWSP in f["message"] for f in data["findings"])


def test_the_desk_shows_them_escaped(reviewed, monkeypatch):
    root, _, reports, db_url = reviewed
    monkeypatch.chdir(root)
    with TestClient(create_app(reports, db_url, None), base_url="http://127.0.0.1") as client:
        for path in ("/", "/?status=all", "/articles/content/jobs.md"):
            page = client.get(path)
            assert page.status_code == 200
            assert not set(page.text) & HIDDEN, path
        article = re.sub(r"<[^>]+>", "", client.get("/articles/content/jobs.md").text)
        assert "2&lt;U+200B&gt;50 jobs" in article and "&lt;U+202E&gt;052" in article


def test_flags_list_shows_them_escaped(reviewed):
    root, _, _, db_url = reviewed
    run = subprocess.run(
        [*COPYDESK, "flags", "list", "--db", db_url],
        capture_output=True,
        text=True,
        cwd=root,
        env={"COLUMNS": "300", "PATH": "/usr/bin:/bin", **_python_env()},
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert not set(run.stdout) & HIDDEN
    assert "<U+200B>" in run.stdout


def _python_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k.startswith(("PYTHON", "VIRTUAL_ENV", "HOME"))}


def test_ci_lines_and_annotations_show_them_escaped(reviewed):
    from copydesk.checks.gate_decision import GateFinding
    from copydesk.reports.output import annotation, text_line

    _, (jobs, _), _, _ = reviewed
    [figure] = [f for f in jobs.findings if f.rule == "figure-unsourced" and ZWSP in f.message]
    g = GateFinding(jobs.path, figure, "new")
    for line in (text_line(g.path, g), annotation(g)):
        assert not set(line) & HIDDEN and "2<U+200B>50 jobs" in line
