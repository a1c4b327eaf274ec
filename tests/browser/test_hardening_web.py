"""Hostile content through the review desk and the reports, in headless Chromium.

Articles carry ``<script>``, ``onerror=`` attributes, ``javascript:`` links (Markdown and
HTML) and attribute-breaking quotes; an editor's reason and name carry
``<img src=x onerror=...>``, sent through the API and typed into the desk's form. The
articles go through the real pipeline (extraction, suites, ledger sync, report writer) and
the desk serves them over HTTP from uvicorn. Nothing may run (``window.__pwned`` stays
undefined, no CSP violation is even attempted because nothing became an element), every
page carries a Content-Security-Policy header, and no link leaves for anything but http(s).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from browser_support import require_chromium, served, sign_in

require_chromium()

from cli_command import COPYDESK  # noqa: E402
from playwright.sync_api import Page  # noqa: E402

from copydesk.checks.ledger import Ledger  # noqa: E402
from copydesk.reports.desk import create_app  # noqa: E402

TOKEN = "hardening-desk-token-0123456789"
SECRET = "PRIVATE-KEY-MATERIAL-0xdeadbeef"
PWN = "window.__pwned=1"
REASON = f'<img src=x onerror="{PWN}"> sourced "><script>{PWN}</script>'
EDITOR = f"<svg onload={PWN}>Mallory"

MARKDOWN = f"""---
title: Harbour <script>{PWN}</script> fees
author: <img src=x onerror="{PWN}">
published: 2024-06-01
---
# Harbour fees rise <script>{PWN}</script>

The harbour handled 3,400 ships last year, see [the figures](javascript:{PWN}) and [this](JaVaScRiPt:{PWN}).

“The channel has to be deeper.” <img src=x onerror="{PWN}">

Observers believe the fees will rise again. "><svg onload={PWN}> and {{{{ 7*7 }}}} and <a href="javascript:{PWN}">a link</a>.

About 250 jobs depend on the harbour.[1]

The fee rose to \u202e052\u202c dollars and 2\u200b50 boats, the port said.

[1]: [Port report](javascript:{PWN}), 2023.
"""

HTML = f"""<html><head><title>Market <script>{PWN}</script></title>
<meta name="author" content="&lt;img src=x onerror={PWN}&gt;"></head>
<body><article>
<h1>Market hall &lt;script&gt;{PWN}&lt;/script&gt; reopens</h1>
<p>The market hall has 64 stalls <img src=x onerror="{PWN}"> and 1,200 visitors a day,
see <a href="javascript:{PWN}">the council</a> and <a href=" javascript:{PWN}">this</a>
and <a href="https://example.org/market">the market's site</a>.<sup><a href="#fn1">1</a></sup></p>
<p onmouseover="{PWN}">“We waited years,” said a trader. &lt;img src=x onerror={PWN}&gt;</p>
<ol class="footnotes"><li id="fn1"><a href="javascript:{PWN}">Council minutes</a>, 2023.</li></ol>
</article></body></html>
"""


@dataclass
class Desk:
    url: str
    root: Path
    reports: Path
    db_url: str
    fingerprints: list[str]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[Desk]:
    """Both articles reviewed by the real pipeline into ``reports/out`` and the ledger, and
    the desk over them on 127.0.0.1:<free port>."""
    from copydesk.checks.config import load_suites
    from copydesk.checks.runner import review_findings
    from copydesk.checks.suppressions import apply_suppressions
    from copydesk.flows.extract.pipeline import extract_batch
    from copydesk.reports.writer import write_reports

    root = tmp_path_factory.mktemp("hostile")
    (root / "content").mkdir()
    (root / "content" / "harbour.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "content" / "market.html").write_text(HTML, encoding="utf-8")
    os.mkfifo(root / "content" / "pipe.md")  # its report names it; the desk must not read it
    (root / "secret.md").write_text(f"# Secret\n\n{SECRET}\n", encoding="utf-8")
    (root / "content" / "link.md").symlink_to(root / "secret.md")  # outside content/
    db_url = f"sqlite:///{root / 'ledger.db'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)  # reports name articles by the relative path the review was given
        articles = extract_batch(
            ["content/harbour.md", "content/market.html", "content/pipe.md", "content/link.md"]
        )
        review_findings(articles, load_suites())
        for art in articles:
            apply_suppressions(art)
        with Ledger.open(db_url) as ledger:
            ledger.sync(articles)
        reports = write_reports(articles, root / "reports" / "out")
        app = create_app(reports, db_url, TOKEN)
    fingerprints = [f.fingerprint for a in articles for f in a.findings]
    assert len(fingerprints) >= 3, [f.rule for a in articles for f in a.findings]
    with served(app) as url:
        yield Desk(url, root, reports, db_url, fingerprints)


def _inert(page: Page) -> None:
    """Nothing injected ran, or even became an element the CSP had to refuse."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img, svg, iframe, object, embed").count() == 0
    assert page.locator("script:not(:empty)").count() <= 1  # at most the desk's own script
    assert page.locator("[onerror], [onload], [onmouseover]").count() == 0
    assert page.locator('a[href^="javascript:" i], a[href^=" javascript:" i]').count() == 0
    assert not [e for e in page.console_errors if "Content Security Policy" in e]  # type: ignore[attr-defined]


# The articles' report pages: named after their ids, content/harbour.md and content/market.html.
HARBOUR_PAGE, MARKET_PAGE = "content~harbour.md.html", "content~market.html.html"
JAVASCRIPT_HREF = re.compile(r"""href\s*=\s*["']?\s*javascript:""", re.I)


class _Links(HTMLParser):
    """The href and src attributes of a page's real elements (escaped text is not parsed)."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets += [v or "" for k, v in attrs if k in ("href", "src", "action", "formaction")]


def _only_safe_links(html: str, where: str) -> None:
    assert not JAVASCRIPT_HREF.search(html), where
    parser = _Links()
    parser.feed(html)
    for target in parser.targets:
        # http(s) out; on the desk, its own paths; in reports, the sibling report files
        # (named after article ids by copydesk.reports.naming, URL-quoted: no ":" and no "/").
        assert target.startswith(("http://", "https://", "/", "#")) or re.fullmatch(
            r"[A-Za-z0-9._~%-]+\.html", target
        ), (where, target)


@pytest.fixture(scope="module")
def hostile_decision(desk: Desk) -> str:
    """The API takes any text as reason and name (it is data); the pages must show it inert."""
    fp = desk.fingerprints[0]
    response = httpx.post(
        f"{desk.url}/api/findings/{fp}/decision",
        json={"status": "dismissed", "reason": REASON, "by": EDITOR},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    assert response.json()["reason"] == " ".join(REASON.split())
    assert "content-security-policy" in response.headers
    return fp


def test_api_serves_hostile_text_as_json(desk, hostile_decision):
    listed = httpx.get(f"{desk.url}/api/findings", timeout=10)
    assert listed.headers["content-type"].startswith("application/json")  # never HTML
    assert listed.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in listed.headers
    [flag] = [f for f in listed.json() if f["fingerprint"] == hostile_decision]
    assert flag["reason"] == " ".join(REASON.split()) and flag["author"] == EDITOR


def test_article_pages_and_history_stay_inert(page, desk, hostile_decision):
    for article in ("content/harbour.md", "content/market.html"):
        response = page.goto(f"{desk.url}/articles/{article}")
        assert response is not None and response.status == 200
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp
        _inert(page)
        assert "<script>" in page.inner_text("article.text") or "market" in article  # shown as text
        for details in page.locator("details.history").all():
            details.locator("summary").click()
        _inert(page)
    page.goto(f"{desk.url}/articles/content/harbour.md")
    history = page.locator(f"li#fp-{hostile_decision} details.history")
    history.locator("summary").click()
    shown = history.inner_text()
    assert "<img src=x onerror=" in shown and "Mallory" in shown  # the reason and name, as text
    _inert(page)


def test_hostile_reason_typed_into_the_form(page, desk):
    """An editor pastes markup into the form: it is stored as typed and shown as text on the
    queue (flash message, status column) and the article's history."""
    fp = desk.fingerprints[-1]
    sign_in(page, desk.url, TOKEN)
    page.goto(f"{desk.url}/?status=all")
    row = page.locator(f'tr[data-fingerprint="{fp}"]')
    row.locator('input[name="reason"]').fill(REASON)
    row.locator('input[name="by"]').fill(EDITOR)
    row.get_by_role("button", name="Dismiss").click()
    page.wait_for_load_state()
    assert page.locator(".flash").count() == 1
    _inert(page)
    with Ledger.open(desk.db_url) as ledger:
        flag, history = ledger.show(fp)
    assert flag.status == "dismissed" and flag.reason == " ".join(REASON.split())
    assert history[-1].author == EDITOR
    page.reload()
    assert REASON.split()[0] in page.inner_text(f'tr[data-fingerprint="{fp}"]')
    _inert(page)


def test_every_desk_page_sends_a_csp(desk):
    paths = [
        "/",
        "/?status=all",
        "/articles/content/harbour.md",
        "/articles/content/market.html",
        "/articles/nope",
        "/articles/..%2Fsecret",
        "/api/findings",
        "/static/desk.css",
        "/favicon.ico",
        "/no/such/page",
    ]
    for path in paths:
        response = httpx.get(desk.url + path, timeout=10)
        csp = response.headers.get("content-security-policy", "")
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, (path, response.status_code)
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, path
    form = httpx.post(
        f"{desk.url}/findings/{desk.fingerprints[0]}/decision", data={"status": "open"}, timeout=10
    )
    assert form.status_code == 303 and form.headers["location"].startswith("/signin")  # no session
    assert "content-security-policy" in form.headers


def test_desk_and_reports_link_only_to_http(desk, hostile_decision):
    pages = {path: httpx.get(desk.url + path, timeout=10).text for path in ("/", "/?status=all")}
    pages |= {
        f"/articles/{a}": httpx.get(f"{desk.url}/articles/{a}", timeout=10).text
        for a in ("content/harbour.md", "content/market.html")
    }
    for name in (HARBOUR_PAGE, MARKET_PAGE, "index.html"):
        pages[name] = (desk.reports / name).read_text(encoding="utf-8")
    for where, html in pages.items():
        _only_safe_links(html, where)
        assert f"<script>{PWN}" not in html and 'onerror="window' not in html, where
    # The one http(s) link in the articles survives; the javascript: ones became plain text.
    assert 'href="https://example.org/market"' in pages[MARKET_PAGE]
    assert "Council minutes" in pages[MARKET_PAGE] and "Port report" in pages[HARBOUR_PAGE]
    assert "{{ 7*7 }}" in pages["/articles/content/harbour.md"]  # article text is never a template


def test_hidden_characters_are_shown_not_obeyed(page, desk):
    """Issue 17: a right-to-left override showed the flagged "052" as "250". On the desk
    page and the report, in Chromium, each hidden character is written out."""
    for url in (f"{desk.url}/articles/content/harbour.md", (desk.reports / HARBOUR_PAGE).as_uri()):
        page.goto(url)
        text = page.inner_text("body")
        assert "<U+202E>052<U+202C>" in text and "2<U+200B>50 boats" in text, url
        assert not {"\u202e", "\u202c", "\u200b"} & set(text), url
        _inert(page)


def test_reports_stay_inert_in_the_browser(page, desk):
    for name in (HARBOUR_PAGE, MARKET_PAGE, "index.html"):
        page.goto((desk.reports / name).as_uri())
        _inert(page)
        assert page.evaluate("document.querySelectorAll('a[href]').length") >= 1
        hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.protocol)")
        assert set(hrefs) <= {"http:", "https:", "file:"}, (name, hrefs)


# ── copydesk serve's defaults, on a real server ──


def _listening(port: int) -> list[str]:
    """Local addresses of the sockets listening on ``port`` (Linux /proc)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, _, state = line.split()[1:4]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.append(address)
    return found


def test_serve_listens_on_loopback_only_and_enforces_its_limits(desk):
    """Without --host the desk binds 127.0.0.1, answers only to loopback Host names, and its
    body limit and id checks hold on the real server (not only in the test client)."""
    proc = subprocess.Popen(
        [
            *COPYDESK,
            "serve",
            "--port",
            "0",
            "--reports",
            str(desk.reports),
            "--db",
            desk.db_url,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=desk.root,
        env={**os.environ, "COPYDESK_DESK_TOKEN": TOKEN},
    )
    try:
        assert proc.stdout is not None
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", proc.stdout.readline())
        assert match
        url, port = match.group(0), int(match.group(1))
        if Path("/proc/net/tcp").exists():
            assert _listening(port) == ["0100007F"]  # 127.0.0.1, and nothing else
        assert httpx.get(url, timeout=10).status_code == 200
        rebound = httpx.get(url, headers={"Host": "evil.example"}, timeout=10)
        assert rebound.status_code == 400 and "content-security-policy" in rebound.headers
        fp = desk.fingerprints[1]
        big = httpx.post(
            f"{url}api/findings/{fp}/decision",
            content=b'{"status": "dismissed", "by": "x", "reason": "' + b"x" * 200_000 + b'"}',
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
            timeout=10,
        )
        assert big.status_code == 413
        no_token = httpx.post(
            f"{url}api/findings/{fp}/decision", json={"status": "accepted", "by": "x"}, timeout=10
        )
        assert no_token.status_code == 401
        for raw in (
            "/articles/..",
            "/articles/..%2f..%2fledger.db",
            "/articles/%2e%2e%5csecret",
            "/articles/.%00",
        ):
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(f"GET {raw} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
                head = s.recv(4096).decode("latin-1").split("\r\n", 1)[0]
            assert re.match(r"HTTP/1\.1 (400|404)", head), (raw, head)
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=20)
    assert "Traceback" not in stderr
    with Ledger.open(desk.db_url) as ledger:
        assert ledger.show(desk.fingerprints[1])[0].status == "open"  # neither write got through


def test_article_page_of_a_named_pipe_does_not_hang_the_desk(desk):
    """A report can name a file that is now a pipe (or was one: the review refused it).
    Reading it would block a worker thread forever; forty such requests and the desk is
    dead. The page says the file cannot be shown instead."""
    for _ in range(3):
        page = httpx.get(f"{desk.url}/articles/content/pipe.md", timeout=10)
        assert page.status_code == 200
        assert "not a regular file" in page.text


def test_desk_does_not_follow_a_symlink_out_of_the_content_folder(desk):
    """The review refused content/link.md (it points outside content/); its report still
    names the path, and the desk must not show what the link points at either."""
    report = (desk.reports / "content~link.md.json").read_text(encoding="utf-8")
    assert "symbolic link to a file outside" in report and SECRET not in report
    page = httpx.get(f"{desk.url}/articles/content/link.md", timeout=10)
    assert page.status_code == 200
    assert SECRET not in page.text
    assert "symbolic link to a file outside its folder" in page.text
