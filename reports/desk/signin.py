"""Who may write through the desk: the tokens it accepts and the signed session cookie an
editor gets by signing in with one.

- ``Credentials``: the shared desk token (``$COPYDESK_DESK_TOKEN``) and the per-editor
  tokens of a token file (``name: token`` lines). A per-editor token names its editor:
  decisions made with it carry that name, whatever the request says.
- ``Sessions``: a cookie ``base64(JSON).hmac`` signed with a secret made at start-up, so
  nothing is stored server-side (a restart signs everyone out). An anonymous session only
  carries the id its sign-in form's CSRF token is bound to; signing in issues a new id
  (no session fixation) and marks it signed in, for at most ``SESSION_HOURS``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

SESSION_COOKIE = "copydesk_session"
SESSION_HOURS = 12  # a working day: an editor signs in once per shift
MIN_TOKEN_LENGTH = 16  # shorter tokens could be guessed through the sign-in form
_NAME = re.compile(r"[^\x00-\x1f\x7f]{1,100}")


class TokenFileError(ValueError):
    """A token file that cannot be used, said in one line."""


@dataclass(frozen=True)
class Credentials:
    """The tokens the desk accepts. ``editors`` maps each per-editor token to its name."""

    shared: str | None = None
    editors: tuple[tuple[str, str], ...] = ()

    @property
    def configured(self) -> bool:
        return bool(self.shared or self.editors)

    @property
    def named(self) -> bool:
        """Do editors sign in as themselves? (Then forms ask for no name.)"""
        return bool(self.editors) and not self.shared

    def check(self, given: str | None) -> tuple[bool, str | None]:
        """(accepted, editor's name or None for the shared token). Every token is compared,
        in constant time, so the answer's timing says nothing about which one was close."""
        given_bytes = (given or "").strip().encode("utf-8")
        accepted, editor = False, None
        if self.shared and hmac.compare_digest(given_bytes, self.shared.encode("utf-8")):
            accepted = True
        for token, name in self.editors:
            if hmac.compare_digest(given_bytes, token.encode("utf-8")):
                accepted, editor = True, name
        return (accepted, editor) if given_bytes else (False, None)


def read_token_file(path: Path) -> tuple[tuple[str, str], ...]:
    """``(token, name)`` pairs from ``name: token`` lines; blank lines and ``#`` comments are
    skipped. Raises TokenFileError naming the file and line of the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not readable as UTF-8"
        raise TokenFileError(f"token file {path}: {reason}") from None
    pairs: dict[str, str] = {}
    names: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, token = line.rpartition(":")
        name, token = name.strip(), token.strip()
        if not sep or not name or not _NAME.fullmatch(name):
            raise TokenFileError(f"token file {path}, line {number}: write 'name: token'")
        if len(token) < MIN_TOKEN_LENGTH or any(c.isspace() for c in token):
            raise TokenFileError(
                f"token file {path}, line {number}: {name}'s token must be at least "
                f"{MIN_TOKEN_LENGTH} characters without spaces"
            )
        if token in pairs:
            raise TokenFileError(f"token file {path}, line {number}: {name} has the token of {pairs[token]}")
        if name in names:
            raise TokenFileError(f"token file {path}, line {number}: {name} is listed twice")
        pairs[token] = name
        names.add(name)
    if not pairs:
        raise TokenFileError(f"token file {path}: no 'name: token' lines")
    return tuple(pairs.items())


@dataclass(frozen=True)
class Session:
    sid: str  # what CSRF tokens are bound to
    signed_in: bool
    editor: str | None  # the name a per-editor token gave; None: the shared token, or not signed in
    expires: int  # Unix time


class Sessions:
    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def anonymous(self) -> Session:
        return Session(secrets.token_urlsafe(24), False, None, int(time.time()) + SESSION_HOURS * 3600)

    def signed_in(self, editor: str | None) -> Session:
        return Session(secrets.token_urlsafe(24), True, editor, int(time.time()) + SESSION_HOURS * 3600)

    def encode(self, session: Session) -> str:
        payload = json.dumps([session.sid, session.signed_in, session.editor, session.expires])
        body = base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")
        return f"{body}.{self._sign(b'session:' + body.encode('ascii'))}"

    def decode(self, cookie: str | None) -> Session | None:
        """The session a cookie carries; None when it is missing, altered or expired."""
        if not cookie or len(cookie) > 2048 or "." not in cookie:
            return None
        body, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature, self._sign(b"session:" + body.encode("ascii", "replace"))):
            return None
        try:
            sid, signed_in, editor, expires = json.loads(
                base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            )
        except (ValueError, TypeError):
            return None
        if not (isinstance(sid, str) and isinstance(signed_in, bool) and isinstance(expires, int)):
            return None
        if editor is not None and not isinstance(editor, str):
            return None
        if expires < time.time():
            return None
        return Session(sid, signed_in, editor, expires)

    def csrf(self, session: Session) -> str:
        return self._sign(b"csrf:" + session.sid.encode("utf-8"))

    def csrf_valid(self, session: Session | None, token: str | None) -> bool:
        if session is None or not token:
            return False
        return hmac.compare_digest(self.csrf(session).encode("ascii"), token.encode("utf-8"))

    def _sign(self, data: bytes) -> str:
        return hmac.new(self._secret, data, hashlib.sha256).hexdigest()
