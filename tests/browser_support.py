"""What the browser tests share: Debian's Chromium, launched headless through Playwright;
pages that record their console errors; and a desk app served by uvicorn on a free port.

Each browser test module calls ``require_chromium()`` first, so that without the
chromium package the module is skipped with the reason, before its fixtures build
anything. The ``browser`` and ``page`` fixtures are in ``conftest.py``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def require_chromium() -> None:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(
            f"no Chromium at {CHROMIUM}: install the chromium package to run browser tests",
            allow_module_level=True,
        )


@contextmanager
def launched_chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def opened_page(browser: Any) -> Iterator[Any]:
    """A page in a fresh context; ``page.console_errors`` lists what its console reported
    as errors (a CSP refusal among them)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []

    def note(message: Any) -> None:
        if message.type == "error":
            page.console_errors.append(message.text)

    page.on("console", note)
    try:
        yield page
    finally:
        context.close()


def sign_in(page: Any, url: str, token: str) -> None:
    """Sign in to the desk at ``url`` through its sign-in form, as an editor does."""
    page.goto(url + "/signin")
    page.locator('input[name="token"]').fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert "Signed in" in page.locator("header.top").inner_text(), page.content()[:2000]


@contextmanager
def served(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn in a background thread on 127.0.0.1:<free port>; yields
    its base URL."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # the kernel picks a free port; uvicorn serves this very socket
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the desk did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
