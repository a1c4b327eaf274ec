"""The review desk end to end in a real browser: uvicorn serving the app on a free port,
headless Chromium through Playwright, a SQLite ledger that ``copydesk flags`` reads back."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator

import pytest
from browser_support import require_chromium, served, sign_in

require_chromium()

from cli_command import COPYDESK  # noqa: E402
from desk_support import TOKEN, World, build_world  # noqa: E402

from copydesk.reports.desk import create_app  # noqa: E402


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, World]]:
    """The desk on 127.0.0.1:<free port>, started in the world's folder (its reports name
    articles by relative path), served by uvicorn in a background thread."""
    root = tmp_path_factory.mktemp("desk")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        world = build_world(root)
        app = create_app(world.reports, world.db_url, token=TOKEN)
    with served(app) as url:
        yield url, world


def _flags(world: World) -> dict[str, dict]:
    result = subprocess.run(
        [*COPYDESK, "flags", "list", "--format", "json", "--db", world.db_url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {f["fingerprint"]: f for f in json.loads(result.stdout)}


def test_dismiss_from_the_queue(page, desk, tmp_path):
    url, world = desk
    fp = world.fp("figure-unsourced")
    page.goto(url + "/")
    assert page.locator("form.decide").count() == 0  # nobody signed in: no forms to use
    sign_in(page, url, TOKEN)
    page.goto(url + "/")
    row = page.locator(f'tr[data-fingerprint="{fp}"]')
    assert row.count() == 1
    assert page.locator("tr[data-fingerprint]").count() == 4
    row.locator('input[name="reason"]').fill("the caption cites the port authority")
    row.locator('input[name="by"]').fill("Ana Editor")
    row.get_by_role("button", name="Dismiss").click()
    page.wait_for_load_state()
    assert "Dismissed figure-unsourced in harbour" in page.locator(".flash").inner_text()
    page.reload()
    assert page.locator(f'tr[data-fingerprint="{fp}"]').count() == 0  # gone from the open queue
    assert page.locator("tr[data-fingerprint]").count() == 3
    assert page.locator('input[name="by"]').first.input_value() == "Ana Editor"  # remembered

    flag = _flags(world)[fp]
    assert (flag["status"], flag["reason"], flag["author"]) == (
        "dismissed",
        "the caption cites the port authority",
        "Ana Editor",
    )
    assert not page.console_errors  # type: ignore[attr-defined]
    shot = tmp_path / "queue.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 1000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_article_view_accept_and_history(page, desk):
    url, world = desk
    fp = world.fp("attribution-vague")
    sign_in(page, url, TOKEN)
    page.goto(url + "/articles/harbour")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0  # the article's <img onerror> is shown as text
    assert page.locator("article.text mark").count() >= 3
    page.keyboard.press("j")  # the report's script, allowed by the desk's CSP hash
    assert page.locator("aside.findings li.current").count() == 1
    item = page.locator(f"li#fp-{fp}")
    item.locator('input[name="reason"]').fill("the council's own survey")
    item.locator('input[name="by"]').fill("Ben")
    item.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/articles/harbour#fp-{fp}")  # back where the editor was
    item = page.locator(f"li#fp-{fp}")
    assert item.locator(".status").inner_text() == "accepted"
    item.locator("details.history summary").click()
    assert "the council's own survey" in item.locator("details.history").inner_text()
    assert _flags(world)[fp]["status"] == "accepted"
    assert not [e for e in page.console_errors if "Content Security Policy" in e]  # type: ignore[attr-defined]


def test_signing_in_brings_the_editor_back(page, desk):
    """From an article page, "Sign in to decide" leads to the sign-in form and back to the
    article; a wrong token is said on the form, and nothing is written."""
    url, world = desk
    page.goto(url + "/articles/market")
    page.get_by_role("link", name="Sign in to decide").first.click()
    page.wait_for_load_state()
    page.locator('input[name="token"]').fill("not-the-token-at-all")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert "wrong token" in page.locator(".invalid").inner_text()
    page.locator('input[name="token"]').fill(TOKEN)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.url.endswith("/articles/market")
    assert page.locator("form.decide").count() >= 1
    # The wrong token's page was a 401, which Chromium logs; nothing else may be.
    assert [e for e in page.console_errors if "401" not in e] == []  # type: ignore[attr-defined]


def test_a_dismissal_without_reason_keeps_the_editors_place(page, desk):
    """Issue 15: the desk answered with a bare 400 page. Now the editor is back on the page,
    at the finding, with the message next to its form and the reason field marked."""
    url, world = desk
    fp = world.fp("date-future")
    sign_in(page, url, TOKEN)
    page.goto(url + "/articles/market")
    item = page.locator(f"li#fp-{fp}")
    item.locator('input[name="by"]').fill("Cy")
    item.get_by_role("button", name="Dismiss").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/articles/market#fp-{fp}")
    item = page.locator(f"li#fp-{fp}")
    assert "needs a reason" in item.locator('[role="alert"]').inner_text()
    assert item.locator('input[name="reason"]').get_attribute("aria-invalid") == "true"
    top = page.evaluate(f"document.getElementById('fp-{fp}').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"]  # scrolled to the finding, not the page's top
    assert _flags(world)[fp]["status"] == "open"
