"""The desk's defences, kept apart from its pages so that each can be read on its own.

- ``BodyLimit``: requests with bodies over a limit get 413 before any handler sees them.
- ``SecurityHeaders``: CSP, nosniff, no referrer and no framing on every response.
- ``AllowedHosts``: requests must name one of the desk's own host names, on every
  interface, so a web page whose DNS name is re-bound to the desk's address cannot drive it.
- Bearer tokens for API writes (``copydesk.reports.desk.signin.Credentials``, constant time).
  Sessions and CSRF tokens for the forms are in ``copydesk.reports.desk.signin``.
- Article ids and redirect targets: what may reach a report lookup or a Location header.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from copydesk.reports.desk.signin import Credentials

MAX_BODY = 64 * 1024  # a decision is a few hundred bytes; nothing the desk accepts is larger
TOKEN_ENV = "COPYDESK_DESK_TOKEN"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")

# Article ids are POSIX paths from the project root (``copydesk.checks.identity``), or absolute
# paths for articles outside it: normalised, so no "." or ".." segment and no empty one.
# An id never reaches the file system as a path: the desk reads the report file named by
# ``copydesk.reports.naming.report_name``, a single escaped file name inside the reports folder.
MAX_ARTICLE_ID = 4096
_FINGERPRINT = re.compile(r"[A-Za-z0-9]{1,64}")


def is_article_id(value: str) -> bool:
    if not value or len(value) > MAX_ARTICLE_ID or "\\" in value:
        return False
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return False
    parts = value.removeprefix("/").split("/")
    return all(part not in ("", ".", "..") for part in parts)


def is_fingerprint(value: str) -> bool:
    return bool(_FINGERPRINT.fullmatch(value))


def local_path(target: str | None, default: str = "/") -> str:
    """A redirect target on this site: a path, never a scheme, another host (``//x``,
    ``/\\x``) or a header break."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(c in target for c in "\r\n\\") or any(ord(c) < 0x20 for c in target):
        return default
    return target


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ── bearer tokens ──


def bearer_problem(credentials: Credentials, authorization: str | None) -> tuple[int, str] | None:
    """None when the request may write; else (status, message)."""
    if not credentials.configured:
        return 403, (
            f"API writes are disabled: set {TOKEN_ENV} to a long random value before starting "
            f"the desk (e.g. export {TOKEN_ENV}=$(python -c 'import secrets; print(secrets.token_urlsafe(32))')), "
            "or give it a --token-file, and send a token as 'Authorization: Bearer <token>'"
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return 401, "send a desk token as 'Authorization: Bearer <token>'"
    if not credentials.check(given)[0]:
        return 401, "wrong desk token"
    return None


# ── ASGI middleware ──


def _is_api(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith("/api/")


class BodyLimit:
    """Reads the whole body (at most ``limit`` bytes) before the app runs, so that an
    oversized or lying request is refused whether it declares its length or streams it."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await _refuse(scope, receive, send, 400, "bad Content-Length")
                return
            if int(declared) > self.limit:
                await _refuse(scope, receive, send, 413, f"request body over {self.limit // 1024} KiB")
                return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _refuse(scope, receive, send, 413, f"request body over {self.limit // 1024} KiB")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, replayed = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as a server does

        await self.app(scope, replay, send)


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    response = (
        JSONResponse({"detail": message}, status_code=status)
        if _is_api(scope)
        else PlainTextResponse(message, status_code=status)
    )
    await response(scope, receive, send)


class SecurityHeaders:
    """Headers every response carries. The CSP allows the desk's own stylesheet and only
    the inline scripts whose hashes are given: injected markup could not run anything."""

    def __init__(self, app: ASGIApp, script_hashes: Iterable[str]) -> None:
        self.app = app
        scripts = " ".join(f"'{h}'" for h in script_hashes) or "'none'"
        self.headers = {
            "Content-Security-Policy": (
                f"default-src 'none'; style-src 'self'; script-src {scripts}; img-src 'self'; "
                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
            ),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
            "Cross-Origin-Opener-Policy": "same-origin",
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)


class AllowedHosts:
    """Refuses requests whose Host header names none of ``hosts`` (DNS rebinding: a page
    on evil.example re-pointed at the desk's address sends ``Host: evil.example``)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(h.strip().strip("[]").lower() for h in hosts if h.strip())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            name = _host_name(Headers(scope=scope).get("host", "")).lower()
            if name not in self.hosts:
                await _refuse(
                    scope, receive, send, 400, f"the desk only answers to {', '.join(sorted(self.hosts))}"
                )
                return
        await self.app(scope, receive, send)


def _host_name(host: str) -> str:
    """The name in a Host header, without the port: ``[::1]:8000`` -> ``::1``."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
