"""The review desk through FastAPI's TestClient: a real SQLite ledger filled by ``sync``, a
real reports folder written by ``write_reports``, the articles' files on disk. Nothing is
mocked; only the browser is left out (tests/browser/test_desk_browser.py drives one)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from cli_command import COPYDESK
from desk_support import HARBOUR, MARKET, T0, TOKEN, World, build_world, desk_article, finding_at

from copydesk.checks.fingerprints import line_col
from copydesk.checks.ledger import Ledger
from copydesk.reports.desk import create_app
from copydesk.reports.writer import write_reports

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx is what the venv has
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.chdir(tmp_path)
    return build_world(tmp_path)


def _client(world: World, token: str | None = TOKEN, **kwargs: object) -> TestClient:
    # The desk answers only to its own host names: loopback unless told otherwise.
    return TestClient(create_app(world.reports, world.db_url, token, **kwargs), base_url="http://127.0.0.1")


def _signin(client: TestClient, token: str = TOKEN) -> httpx.Response:
    """Sign in through the desk's own form, as an editor's browser does."""
    form = client.get("/signin?next=/")
    assert form.status_code == 200
    return client.post(
        "/signin", data={"csrf": _csrf(form.text), "token": token, "next": "/"}, follow_redirects=False
    )


@pytest.fixture
def client(world: World) -> Iterator[TestClient]:
    with _client(world) as c:  # the context runs the app's lifespan: the ledger is closed after
        yield c


def _ledger_status(world: World, fingerprint: str) -> tuple[str, str | None, str | None]:
    with Ledger.open(world.db_url) as ledger:
        flag, _ = ledger.show(fingerprint)
    return flag.status, flag.reason, flag.author


def _bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _csrf(page: str) -> str:
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert match, "the page has no CSRF field"
    return match.group(1)


# ── the JSON API ──


def test_list_findings_joins_ledger_and_reports(client, world):
    response = client.get("/api/findings")
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == 4
    assert {
        "fingerprint",
        "rule",
        "article",
        "path",
        "status",
        "reason",
        "author",
        "message",
        "first_seen",
        "last_seen",
    } <= set(rows[0])
    by_rule = {r["rule"]: r for r in rows}
    assert by_rule["attribution-vague"]["severity"] == "warning"  # from the report, not the ledger
    assert by_rule["date-future"]["article"] == "market"
    assert datetime.fromisoformat(by_rule["date-future"]["first_seen"]) == T0


def test_list_filters(client, world):
    assert [r["rule"] for r in client.get("/api/findings?rule=date-future").json()] == ["date-future"]
    assert {r["article"] for r in client.get("/api/findings?article=harbour").json()} == {"harbour"}
    assert len(client.get("/api/findings?status=open").json()) == 4
    assert client.get("/api/findings?status=dismissed").json() == []
    bad = client.get("/api/findings?status=closed")
    assert bad.status_code == 400 and "status must be one of" in bad.json()["detail"]


def test_decide_with_token(client, world):
    fp = world.fp("figure-unsourced")
    response = client.post(
        f"/api/findings/{fp}/decision",
        json={"status": "dismissed", "reason": "the caption cites the port", "by": "Ana"},
        headers=_bearer(),
    )
    assert response.status_code == 200, response.text
    flag = response.json()
    assert (flag["fingerprint"], flag["status"], flag["reason"], flag["author"]) == (
        fp,
        "dismissed",
        "the caption cites the port",
        "Ana",
    )
    assert _ledger_status(world, fp) == ("dismissed", "the caption cites the port", "Ana")
    assert fp not in {r["fingerprint"] for r in client.get("/api/findings?status=open").json()}
    # and back: reopening needs no reason
    again = client.post(
        f"/api/findings/{fp}/decision", json={"status": "open", "by": "Ben"}, headers=_bearer()
    )
    assert again.status_code == 200 and again.json()["status"] == "open"


@pytest.mark.parametrize(
    ("headers", "code"),
    [({}, 401), (_bearer("wrong-token"), 401), ({"Authorization": "Basic YTpi"}, 401)],
)
def test_api_writes_need_the_token(client, world, headers, code):
    fp = world.fp("date-future")
    response = client.post(
        f"/api/findings/{fp}/decision", json={"status": "accepted", "by": "Ana"}, headers=headers
    )
    assert response.status_code == code
    assert response.headers.get("www-authenticate") == "Bearer"
    assert _ledger_status(world, fp)[0] == "open"


def test_api_writes_refused_when_no_token_is_configured(world):
    fp = world.fp("date-future")
    with _client(world, token=None) as c:
        response = c.post(
            f"/api/findings/{fp}/decision", json={"status": "accepted", "by": "Ana"}, headers=_bearer()
        )
        assert response.status_code == 403
        assert "COPYDESK_DESK_TOKEN" in response.json()["detail"]
        assert c.get("/api/findings").status_code == 200  # reads stay open
    assert _ledger_status(world, fp)[0] == "open"


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"status": "dismissed", "by": "Ana"}, "needs a reason"),
        ({"status": "dismissed", "reason": "   ", "by": "Ana"}, "needs a reason"),
        ({"status": "fixed", "by": "Ana"}, "status must be one of"),
        ({"status": "accepted"}, "say who decides"),
        ({"status": "accepted", "by": 7}, "string fields"),
        (["accepted"], "string fields"),
        ("not json", "send a JSON object"),
    ],
)
def test_bad_decisions_are_400(client, world, body, says):
    fp = world.fp("date-future")
    kwargs = {"content": body} if isinstance(body, str) else {"json": body}
    response = client.post(f"/api/findings/{fp}/decision", headers=_bearer(), **kwargs)
    assert response.status_code == 400
    assert says in response.json()["detail"]
    assert _ledger_status(world, fp)[0] == "open"


@pytest.mark.parametrize("fingerprint", ["0123456789abcdef01234567", "x" * 65, "not-hex!"])
def test_unknown_fingerprint_is_404(client, fingerprint):
    response = client.post(
        f"/api/findings/{fingerprint}/decision", json={"status": "accepted", "by": "Ana"}, headers=_bearer()
    )
    assert response.status_code == 404


# ── limits and headers ──


def test_huge_bodies_are_413(client, world):
    fp = world.fp("date-future")
    huge = {"status": "dismissed", "reason": "x" * 70_000, "by": "Ana"}
    response = client.post(f"/api/findings/{fp}/decision", json=huge, headers=_bearer())
    assert response.status_code == 413
    # A body that does not declare its length is counted as it arrives.
    streamed = client.post(
        f"/api/findings/{fp}/decision",
        content=iter([b"{" + b" " * 40_000, b" " * 40_000 + b"}"]),
        headers={**_bearer(), "Content-Type": "application/json"},
    )
    assert streamed.status_code == 413
    form = client.post(f"/findings/{fp}/decision", data={"reason": "y" * 70_000})
    assert form.status_code == 413
    assert _ledger_status(world, fp)[0] == "open"


@pytest.mark.parametrize("path", ["/", "/articles/harbour", "/api/findings", "/articles/nope"])
def test_security_headers(client, path):
    response = client.get(path)
    csp = response.headers["content-security-policy"]
    for directive in (
        "default-src 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "style-src 'self'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(
    "path",
    [
        "/articles/..%2F..%2Fetc%2Fpasswd",
        "/articles/%2e%2e",
        "/articles/%2E%2E%2Fsecret",
        "/articles/.hidden",
        "/articles/a..b",
        "/articles/harbour%00",
        "/articles/harbour%2Fx",
        "/articles/%5C..%5Csecret",
    ],
)
def test_article_ids_must_be_plain_slugs(client, world, path):
    (world.root / "reports" / "secret.json").write_text(
        json.dumps({"path": "/etc/passwd", "article": {"id": "secret"}, "findings": []}), encoding="utf-8"
    )
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert "root:" not in response.text and "/etc/passwd" not in response.text


def test_desk_refuses_foreign_host_headers(world):
    """DNS rebinding: a page on evil.example re-pointed at 127.0.0.1 must not drive the desk."""
    with _client(world) as c:
        assert c.get("/", headers={"Host": "evil.example"}).status_code == 400
        assert c.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
        assert c.get("/", headers={"Host": "localhost"}).status_code == 200
        assert c.get("/", headers={"Host": "[::1]:8000"}).status_code == 200


def test_host_check_holds_on_every_interface(world):
    """Issue 17: on another interface the Host check was off. Now only the names it was
    given (and loopback) are answered, reads and writes alike."""
    fp = world.fp("date-future")
    with _client(world, allowed_hosts=("localhost", "127.0.0.1", "::1", "desk.newsroom.example")) as c:
        assert c.get("/", headers={"Host": "desk.newsroom.example"}).status_code == 200
        assert c.get("/", headers={"Host": "DESK.newsroom.example:443"}).status_code == 200
        for host in ("evil.example", "10.0.0.7", "desk.newsroom.example.evil.example", ""):
            assert c.get("/", headers={"Host": host}).status_code == 400, host
            refused = c.post(
                f"/api/findings/{fp}/decision",
                json={"status": "accepted", "by": "Ana"},
                headers={**_bearer(), "Host": host},
            )
            assert refused.status_code == 400, host
    assert _ledger_status(world, fp)[0] == "open"


# ── pages and forms ──


def test_form_post_needs_the_csrf_token(world):
    fp = world.fp("figure-unsourced")
    with _client(world) as c:
        signed = _signin(c)
        assert signed.status_code == 303 and signed.headers["location"] == "/"
        session = signed.headers["set-cookie"]
        assert "samesite=strict" in session.lower() and "httponly" in session.lower()
        page = c.get("/")
        assert page.status_code == 200
        token = _csrf(page.text)
        form = {"status": "dismissed", "reason": "sourced in the caption", "by": "Ana", "next": "/"}

        missing = c.post(f"/findings/{fp}/decision", data=form)
        assert missing.status_code == 403
        forged = c.post(f"/findings/{fp}/decision", data={**form, "csrf": "0" * 64})
        assert forged.status_code == 403
        assert _ledger_status(world, fp)[0] == "open"

        done = c.post(f"/findings/{fp}/decision", data={**form, "csrf": token}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == "/"
        assert _ledger_status(world, fp) == ("dismissed", "sourced in the caption", "Ana")
        queue = c.get("/")
        assert f'data-fingerprint="{fp}"' not in queue.text
        assert "Dismissed figure-unsourced in harbour" in queue.text  # shown once
        assert 'value="Ana"' in queue.text  # the editor's name is remembered
        assert "Dismissed figure-unsourced" not in c.get("/").text

    with _client(world) as other:  # a CSRF token is only good with its own session
        _signin(other)
        stolen = other.post(f"/findings/{world.fp('date-future')}/decision", data={**form, "csrf": token})
        assert stolen.status_code == 403
    assert _ledger_status(world, world.fp("date-future"))[0] == "open"


@pytest.mark.parametrize("token", [TOKEN, None])
def test_forms_write_nothing_without_signing_in(world, token):
    """Issue 17: with a CSRF token from GET / (no password), a request from anywhere posted
    a decision under a name it chose. Now a form write needs a signed-in session: without
    one the desk sends the browser to sign in and writes nothing, token configured or not."""
    fp = world.fp("figure-unsourced")
    with _client(world, token=token) as c:
        page = c.get("/")
        assert '<form class="decide"' not in page.text
        signin = c.get("/signin").text
        if token:
            assert 'href="/signin?next=%2F"' in page.text
            csrf = _csrf(signin)
        else:  # nobody can sign in: the page says so and offers no form
            assert "read-only" in page.text and 'name="token"' not in signin
            csrf = "0" * 64
        form = {"csrf": csrf, "status": "accepted", "by": "Mallory", "next": "/"}
        refused = c.post(f"/findings/{fp}/decision", data=form, follow_redirects=False)
        assert refused.status_code == 303 and refused.headers["location"] == "/signin?next=%2F"
        if token:
            wrong = c.post("/signin", data={"csrf": csrf, "token": "guess-guess-guess-guess"})
            assert wrong.status_code == 401 and "wrong token" in wrong.text
        again = c.post(f"/findings/{fp}/decision", data=form, follow_redirects=False)
        assert again.status_code == 303 and again.headers["location"].startswith("/signin")
        # A session cookie forged or edited by the client is not a session.
        c.cookies.set("copydesk_session", "eyJ9.0000")
        assert c.post(f"/findings/{fp}/decision", data=form, follow_redirects=False).status_code == 303
    assert _ledger_status(world, fp)[0] == "open"


def test_signing_out_ends_the_session(client, world):
    fp = world.fp("figure-unsourced")
    _signin(client)
    page = client.get("/")
    assert '<form class="decide"' in page.text
    out = client.post("/signout", data={"csrf": _csrf(page.text)}, follow_redirects=False)
    assert out.status_code == 303
    after = client.get("/").text
    assert '<form class="decide"' not in after and "Sign in to decide" in after
    form = {"csrf": _csrf(client.get("/signin").text), "status": "accepted", "by": "Ana", "next": "/"}
    refused = client.post(f"/findings/{fp}/decision", data=form, follow_redirects=False)
    assert refused.status_code == 303 and refused.headers["location"].startswith("/signin")
    assert _ledger_status(world, fp)[0] == "open"


EDITORS = (("ana-token-0123456789abcdef", "Ana Editor"), ("ben-token-0123456789abcdef", "Ben Editor"))


def test_per_editor_tokens_name_who_decided(world):
    """With a token file each editor signs in as themselves: the form asks no name, and
    neither a form field nor an API body can decide under another name."""
    fp, other = world.fp("figure-unsourced"), world.fp("attribution-vague")
    with _client(world, token=None, editors=EDITORS) as c:
        assert _signin(c, "ben-token-0123456789abcdef").status_code == 303
        page = c.get("/")
        assert "Signed in as Ben Editor" in page.text and 'name="by"' not in page.text
        done = c.post(
            f"/findings/{fp}/decision",
            data={"csrf": _csrf(page.text), "status": "accepted", "by": "Mallory", "next": "/"},
            follow_redirects=False,
        )
        assert done.status_code == 303
        api = c.post(
            f"/api/findings/{other}/decision",
            json={"status": "accepted", "by": "Mallory"},
            headers=_bearer("ana-token-0123456789abcdef"),
        )
        assert api.status_code == 200 and api.json()["author"] == "Ana Editor"
        shared = c.post(
            f"/api/findings/{other}/decision", json={"status": "open", "by": "x"}, headers=_bearer()
        )
        assert shared.status_code == 401  # no shared token configured: only the editors' own
    assert _ledger_status(world, fp) == ("accepted", None, "Ben Editor")
    assert _ledger_status(world, other) == ("accepted", None, "Ana Editor")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Ana: short\n", "at least 16 characters"),
        ("just-a-token-without-a-name\n", "write 'name: token'"),
        ("Ana: ana-token-0123456789abcdef\nBen: ana-token-0123456789abcdef\n", "has the token of Ana"),
        ("Ana: ana-token-0123456789abcdef\nAna: ben-token-0123456789abcdef\n", "listed twice"),
        ("# nobody yet\n", "no 'name: token' lines"),
    ],
)
def test_bad_token_files_are_one_line_errors(tmp_path, text, says):
    from copydesk.reports.desk.signin import TokenFileError, read_token_file

    path = tmp_path / "editors.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TokenFileError, match=says):
        read_token_file(path)
    good = tmp_path / "good.txt"
    good.write_text("# the desk's editors\n\nAna Editor: ana-token-0123456789abcdef\n", encoding="utf-8")
    assert read_token_file(good) == (("ana-token-0123456789abcdef", "Ana Editor"),)


def test_form_errors_and_redirects(client, world):
    """Issue 15: a dismissal without a reason answered with a bare 400 page. Now the editor
    is sent back to the page they were on, at the finding, with the message at its form."""
    fp = world.fp("date-future")
    _signin(client)
    token = _csrf(client.get("/").text)
    no_reason = client.post(
        f"/findings/{fp}/decision",
        data={"csrf": token, "status": "dismissed", "by": "Ana", "next": "/articles/market"},
        follow_redirects=False,
    )
    assert no_reason.status_code == 303 and no_reason.headers["location"] == f"/articles/market#fp-{fp}"
    shown = client.get(no_reason.headers["location"]).text
    item = shown.split(f'id="fp-{fp}"', 1)[1].split("</li>", 1)[0]
    assert '<p class="invalid" role="alert">' in item and "needs a reason" in item
    assert "needs a reason" not in client.get("/articles/market").text  # said once
    assert _ledger_status(world, fp)[0] == "open"
    offsite = client.post(
        f"/findings/{fp}/decision",
        data={"csrf": token, "status": "accepted", "by": "Ana", "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert offsite.status_code == 303 and offsite.headers["location"] == "/"
    as_json = client.post(f"/findings/{fp}/decision", json={"csrf": token, "status": "open", "by": "Ana"})
    assert as_json.status_code == 415


def test_queue_order_and_filters(client, world):
    def order(query: str = "") -> list[str]:
        return re.findall(r'data-fingerprint="([0-9a-f]+)"', client.get(f"/{query}").text)

    # Errors before warnings; among errors, the market one waited a day longer.
    assert order() == [
        world.fp("date-future"),
        world.fp("figure-unsourced"),
        world.fp("quote-unattributed"),
        world.fp("attribution-vague"),
    ]
    assert order("?severity=warning") == [world.fp("attribution-vague")]
    assert order("?rule=date-future") == [world.fp("date-future")]
    assert order("?article=market") == [world.fp("date-future")]
    assert order("?status=dismissed") == []
    assert client.get("/?status=bogus").status_code == 400
    assert client.get("/?severity=bogus").status_code == 400


def test_article_page_highlights_escaped_text_and_history(client, world):
    fp = world.fp("attribution-vague")
    client.post(
        f"/api/findings/{fp}/decision", json={"status": "accepted", "by": "Ana <b>"}, headers=_bearer()
    )
    _signin(client)
    page = client.get("/articles/harbour")
    assert page.status_code == 200
    html = page.text
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert '<mark class="sev-error" data-findings="f0">3,400 ships</mark>' in html
    assert html.count('<form class="decide"') == 3
    assert "Ana &lt;b&gt;" in html and "Ana <b>" not in html  # the history, escaped
    assert page.headers["cache-control"] == "no-store"


def test_article_page_without_its_file(client, world):
    (world.root / "content" / "harbour.md").unlink()
    page = client.get("/articles/harbour")
    assert page.status_code == 200
    assert "is gone" in page.text and "content/harbour.md" in page.text
    assert "Who are the observers?" in page.text  # the findings are still listed, with their forms
    assert client.get("/articles/no-such-article").status_code == 404


def test_article_page_says_when_the_file_changed(client, world):
    path = world.root / "content" / "harbour.md"
    path.write_text(path.read_text(encoding="utf-8").replace("# Harbour", "# The harbour"), encoding="utf-8")
    assert "has changed since this report was written" in client.get("/articles/harbour").text


# ── copydesk serve ──


def test_serve_prints_its_url_and_serves(world):
    env = {**os.environ, "COPYDESK_DESK_TOKEN": TOKEN}
    proc = subprocess.Popen(
        [*COPYDESK, "serve", "--port", "0", "--reports", str(world.reports), "--db", world.db_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=world.root,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + (proc.stderr.read() if proc.poll() is not None and proc.stderr else "")
        response = httpx.get(match.group(0), timeout=10)
        assert response.status_code == 200 and "date-future" in response.text
        fp = world.fp("date-future")
        decided = httpx.post(
            f"{match.group(0)}api/findings/{fp}/decision",
            json={"status": "accepted", "by": "Ana"},
            headers=_bearer(),
            timeout=10,
        )
        assert decided.status_code == 200
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=10)
    assert "Traceback" not in stderr and "ERROR" not in stderr
    assert _ledger_status(world, world.fp("date-future"))[0] == "accepted"


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_serve_beyond_loopback_needs_a_token(world, host):
    """Issue 17: --host 0.0.0.0 without a token served forms anyone on the network could use."""
    env = {k: v for k, v in os.environ.items() if k != "COPYDESK_DESK_TOKEN"}
    run = subprocess.run(
        [
            *COPYDESK,
            "serve",
            "--host",
            host,
            "--port",
            "0",
            "--reports",
            str(world.reports),
            "--db",
            world.db_url,
        ],
        capture_output=True,
        text=True,
        cwd=world.root,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2
    assert "with no token" in run.stderr and "COPYDESK_DESK_TOKEN" in run.stderr
    assert len(run.stderr.strip().splitlines()) <= 3 and "Traceback" not in run.stderr
    bad = world.root / "editors.txt"
    bad.write_text("Ana: short\n", encoding="utf-8")
    run = subprocess.run(
        [*COPYDESK, "serve", "--token-file", str(bad), "--port", "0", "--reports", str(world.reports)],
        capture_output=True,
        text=True,
        cwd=world.root,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2 and "line 1" in run.stderr and "Traceback" not in run.stderr


def test_article_page_shows_which_source_covers_each_figure(world):
    """Issue 13: an editor sees why a figure was or was not flagged, in the desk as in the report."""
    from copydesk.checks.records import Figure, Source

    art = world.harbour
    start = HARBOUR.index("3,400 ships")
    art.figures = [
        Figure(start, start + len("3,400 ships"), "3,400 ships", 3400, "ships", id="f1"),
        Figure(start, start + 5, "3,400", 3400, None, id="f2", sources=["in:1"], carried=True),
        Figure(start, start + 5, "3,400", 3400, None, id="f3", mood="goal"),
    ]
    art.sources = [Source("in:1", "inline", 0, 4, "the port authority", entity="the port authority")]
    write_reports([art, world.market], world.root / "reports" / "out")
    with _client(world) as c:
        page = c.get("/articles/harbour").text
    rows = page.split("Figures and their sources")[1]
    assert "<td>3,400 ships</td><td>unsourced</td><td>no source covers it</td>" in rows
    assert "<td>carried</td><td>from “the port authority”, named earlier in the passage</td>" in rows
    assert "<td>not a claim</td>" in rows


# ── what the desk reads and lists (issues 15 and 17) ──


def test_queue_lists_only_articles_of_the_reports_folder(client, world):
    """A ledger shared by runs into other folders: their articles have no report here."""
    other = desk_article(
        "elsewhere/pier.md",
        "elsewhere/pier.md",
        "Pier",
        MARKET,
        finding_at(MARKET, "date-future", "error", "June 2031", "A completed event dated after publication."),
    )
    with Ledger.open(world.db_url) as ledger:
        ledger.sync([other], run_at=T0)
    queue = client.get("/?status=all").text
    assert "elsewhere/pier.md" not in queue
    assert len(re.findall(r'data-fingerprint="', queue)) == 4


def test_article_page_hides_front_matter(client, world):
    page = client.get("/articles/harbour").text
    text = page.split('<article class="text">', 1)[1].split("</article>", 1)[0]
    assert "published: 2024-06-01" not in text and "author: Test Writer" not in text
    assert '<mark class="sev-error" data-findings="f0">3,400 ships</mark>' in text


@pytest.mark.parametrize("where", ["outside", "absolute", "linked-folder"])
def test_the_desk_reads_only_inside_its_folder(client, world, tmp_path_factory, where):
    """Issue 17: a report's ``path`` pointing out of the folder, or through a symlinked
    folder, made the desk show that file."""
    secret_dir = tmp_path_factory.mktemp("secret")
    (secret_dir / "secret.md").write_text("# Secret\n\nPRIVATE-0xdeadbeef\n", encoding="utf-8")
    if where == "outside":
        path = os.path.relpath(secret_dir / "secret.md", world.root)
    elif where == "absolute":
        path = str(secret_dir / "secret.md")
    else:
        (world.root / "content" / "linked").symlink_to(secret_dir, target_is_directory=True)
        path = "content/linked/secret.md"
    report = world.reports / "harbour.json"  # the article whose id is "harbour"
    data = json.loads(report.read_text(encoding="utf-8"))
    data["path"] = path
    report.write_text(json.dumps(data), encoding="utf-8")
    page = client.get("/articles/harbour")
    assert page.status_code == 200
    assert "PRIVATE-0xdeadbeef" not in page.text
    assert ("symbolic link to a folder" if where == "linked-folder" else "outside the folder") in page.text


def test_deeply_nested_json_is_400(client, world):
    fp = world.fp("date-future")
    deep = b"[" * 30_000 + b"]" * 30_000
    response = client.post(
        f"/api/findings/{fp}/decision",
        content=deep,
        headers={**_bearer(), "Content-Type": "application/json"},
    )
    assert response.status_code == 400 and "JSON object" in response.json()["detail"]
    nested = {"status": "accepted", "by": "Ana", "reason": {"a": [[[[[[[[["x"]]]]]]]]]}}
    assert client.post(f"/api/findings/{fp}/decision", json=nested, headers=_bearer()).status_code == 400
    assert _ledger_status(world, fp)[0] == "open"


def test_long_finding_lists_are_paged(tmp_path, monkeypatch):
    """Issue 17: 5,219 findings on one page took 5-7 s and 7.6 MB (one ledger query per
    finding). The page lists and highlights PAGE_SIZE of them, with their history."""
    from copydesk.reports.desk.store import PAGE_SIZE

    monkeypatch.chdir(tmp_path)
    text = "".join(f"The harbour handled {1000 + i} ships.\n\n" for i in range(PAGE_SIZE + 50))
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "long.md").write_text(text, encoding="utf-8")
    found, start = [], 0
    for _ in range(PAGE_SIZE + 50):
        start = text.index(" ships", start) - 4
        found.append(
            finding_at(text[start:], "figure-unsourced", "error", text[start : start + 10], "No source.")
        )
        found[-1].start += start
        found[-1].end += start
        found[-1].line, found[-1].column = line_col(text, found[-1].start)
        start += 12
    art = desk_article("content/long.md", "content/long.md", "Long", text, *found)
    db_url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger.open(db_url) as ledger:
        ledger.sync([art])
        last = art.findings[-1].fingerprint
        ledger.decide(last, "dismissed", "the port's own count", "Ana")
    reports = write_reports([art], tmp_path / "reports" / "out")
    with TestClient(create_app(reports, db_url, TOKEN), base_url="http://127.0.0.1") as c:
        first = c.get("/articles/content/long.md").text
        assert first.count('<li id="fp-') == PAGE_SIZE and first.count("<mark ") == PAGE_SIZE
        assert f"1–{PAGE_SIZE} of {PAGE_SIZE + 50}" in first and 'href="?page=2"' in first
        second = c.get("/articles/content/long.md?page=2").text
        assert second.count('<li id="fp-') == 50 and f'id="fp-{last}"' in second
        assert "the port&#39;s own count" in second  # its history, from the one query
        assert f'id="fp-{last}"' not in first
        assert c.get("/articles/content/long.md?page=99").status_code == 200  # the last page
