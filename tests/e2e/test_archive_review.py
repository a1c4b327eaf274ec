"""End to end through ``copydesk review`` (issue 18): a small archive is reviewed, then
two new articles, one repeating a known quote with one word changed and one giving a
known quote to a different person. Each gets its finding, linked to the earlier article,
in the JSON, the HTML report and the desk's side-by-side page. Two reviews only: each
starts a Prefect flow."""

from __future__ import annotations

import json
import subprocess
import warnings
from pathlib import Path

import pytest
from cli_command import COPYDESK

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx is what the venv has
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

WALL = "We are going to build a great wall along the southern border and Mexico will pay for every cent of it"
BRIDGES = "We need to build bridges instead of walls between the families and communities of this country"

EARLIER = {
    "2016/phoenix.md": (
        "2016-03-01",
        f"Thousands came to the rally.\n\n“{WALL},” Donald Trump said in Phoenix.",
    ),
    "2016/cleveland.md": (
        "2016-04-01",
        f"She spoke in Cleveland.\n\n“{BRIDGES},” Hillary Clinton told supporters.",
    ),
    "2016/budget.md": (
        "2016-04-02",
        "“We will balance the budget within ten years of taking office,” Jeb Bush said.",
    ),
}
LATER = {
    "2016/ohio.md": (
        "2016-05-01",
        f"The candidate repeated the promise.\n\n“{WALL.replace('great', 'big')},” Trump said on Tuesday.",
    ),
    "2016/burlington.md": (
        "2016-06-01",
        f"The senator spoke in Vermont.\n\n“{BRIDGES},” Bernie Sanders told supporters.",
    ),
}


def _write(root: Path, articles: dict[str, tuple[str, str]]) -> None:
    for name, (published, body) in articles.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {name}\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def copydesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*COPYDESK, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def archive_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    (root / "copydesk.toml").write_text("[copydesk]\n", encoding="utf-8")  # the project root
    db = f"sqlite:///{root / 'ledger.db'}"
    _write(root, EARLIER)
    first = copydesk("review", "content", "--out", "out", "--db", db, "--workers", "1", cwd=root)
    assert first.returncode == 0, first.stderr
    before = {
        p.name: json.loads(p.read_text(encoding="utf-8")) for p in (root / "out").glob("content~*.json")
    }
    _write(root, LATER)
    second = copydesk("review", "content", "--out", "out", "--db", db, "--workers", "1", cwd=root)
    assert second.returncode == 0, second.stderr
    return root, db, before


def _report(root: Path, name: str) -> dict:
    return json.loads((root / "out" / f"content~2016~{name}.json").read_text(encoding="utf-8"))


def _archive_findings(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] in ("quote-speaker-conflict", "quote-wording-drift")]


def test_first_review_of_distinct_quotes_finds_nothing(archive_run):
    _, _, before = archive_run
    assert all(_archive_findings(report) == [] for report in before.values())


def test_changed_word_is_wording_drift_linked_to_the_earlier_article(archive_run):
    root, _, _ = archive_run
    (finding,) = _archive_findings(_report(root, "ohio.md"))
    assert finding["rule"] == "quote-wording-drift" and finding["severity"] == "warning"
    match = finding["match"]
    assert match["article"] == "content/2016/phoenix.md" and match["published"] == "2016-03-01"
    assert match["report"] == "content~2016~phoenix.md.html"
    assert [c for c in match["diff"] if c["op"] != "equal"] == [
        {"op": "replace", "here": "big", "there": "great"}
    ]
    assert "content/2016/phoenix.md (2016-03-01, line 7)" in finding["message"]
    html = (root / "out" / "content~2016~ohio.md.html").read_text(encoding="utf-8")
    assert 'href="content~2016~phoenix.md.html"' in html
    assert "<del>big</del>" in html and "<ins>great</ins>" in html


def test_other_speaker_is_a_speaker_conflict_linked_to_the_earlier_article(archive_run):
    root, _, _ = archive_run
    (finding,) = _archive_findings(_report(root, "burlington.md"))
    assert finding["rule"] == "quote-speaker-conflict"
    assert finding["match"]["article"] == "content/2016/cleveland.md"
    assert finding["match"]["speaker"] == "Hillary Clinton"
    html = (root / "out" / "content~2016~burlington.md.html").read_text(encoding="utf-8")
    assert 'href="content~2016~cleveland.md.html"' in html and "Hillary Clinton" in html
    # The earlier articles, reviewed again from the cache, now point back at the new ones.
    (back,) = _archive_findings(_report(root, "cleveland.md"))
    assert back["match"]["article"] == "content/2016/burlington.md"
    assert _archive_findings(_report(root, "budget.md")) == []


def test_desk_shows_both_passages_and_takes_both_right(archive_run, monkeypatch):
    from copydesk.reports.desk import create_app

    root, db, _ = archive_run
    monkeypatch.chdir(root)  # the desk reads article files from where the review ran
    (finding,) = _archive_findings(_report(root, "burlington.md"))
    token = "archive-desk-token-0123456789"
    # The desk answers only to its own host names, and writes only for a signed-in editor.
    client = TestClient(create_app(root / "out", db, token), base_url="http://127.0.0.1")
    form = client.get("/signin?next=/")
    csrf = form.text.split('name="csrf" value="')[1].split('"')[0]
    signed = client.post("/signin", data={"csrf": csrf, "token": token, "next": "/"}, follow_redirects=False)
    assert signed.status_code == 303
    article = client.get("/articles/content/2016/burlington.md")
    link = f"/matches/{finding['fingerprint']}?article=content/2016/burlington.md"
    assert link in article.text.replace("&amp;", "&")
    page = client.get(link)
    assert page.status_code == 200
    assert "Bernie Sanders told supporters" in page.text and "Hillary Clinton told supporters" in page.text
    assert '<a href="/articles/content/2016/cleveland.md">' in page.text
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    reason = page.text.split('name="reason" value="')[1].split('"')[0]
    decided = client.post(
        f"/findings/{finding['fingerprint']}/decision",
        data={"csrf": csrf, "next": link, "reason": reason, "by": "Ana", "status": "dismissed"},
        follow_redirects=False,
    )
    assert decided.status_code == 303
    from copydesk.checks.ledger import Ledger

    with Ledger.open(db) as ledger:
        flag, _ = ledger.show(finding["fingerprint"])
    assert flag.status == "dismissed" and flag.reason.startswith("both right")
    assert (
        client.get("/matches/0123456789abcdef01234567?article=content%2F2016%2Fburlington.md").status_code
        == 404
    )
