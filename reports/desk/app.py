"""The review desk: a small FastAPI app over the ledger and the latest reports folder.

    GET  /                                  the queue: findings across articles, worst and oldest first
    GET  /articles/{id}                     one article (id: its path from the project root): its text
                                            with findings highlighted, decisions
    GET  /signin, POST /signin              an editor signs in with a desk token: a signed session cookie
    POST /signout
    GET  /matches/{fingerprint}?article=ID  an archive finding: both articles' passages side by side
    POST /findings/{fingerprint}/decision   an editor's decision from a page (signed-in session + CSRF token)
    GET  /api/findings                      the ledger's findings as JSON (status, rule, article filters)
    POST /api/findings/{fingerprint}/decision   {"status", "reason", "by"} with a bearer token

The ledger knows decisions; the reports (``<name>.json``, ``copydesk.reports.naming``) know severities and where findings
sit in the text; the article files know the text. Pages join the three and degrade when a
report or file is missing. Ledger calls block, so handlers run them in the thread pool.
"""

from __future__ import annotations

import base64
import hashlib
import json
import urllib.parse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from copydesk.checks.ledger import DECISIONS, STATUSES, FlagRecord, Ledger, LedgerError
from copydesk.checks.rules import RULES, SEVERITIES
from copydesk.reports.desk.matches import BOTH_RIGHT, FIXED, match_view
from copydesk.reports.desk.security import (
    LOOPBACK_NAMES,
    AllowedHosts,
    BodyLimit,
    SecurityHeaders,
    bearer_problem,
    is_article_id,
    is_fingerprint,
    local_path,
)
from copydesk.reports.desk.signin import SESSION_COOKIE, SESSION_HOURS, Credentials, Session, Sessions
from copydesk.reports.desk.store import (
    PAGE_SIZE,
    Located,
    ReportIndex,
    default_severity,
    load_article,
    read_report,
)
from copydesk.reports.html_report import SEVERITY_RANK, visible
from copydesk.reports.html_report import TEMPLATES as REPORT_TEMPLATES
from copydesk.reports.naming import report_name

HERE = Path(__file__).parent
EDITOR_COOKIE = "copydesk_editor"  # remembered so that each decision does not ask for the name again
FLASH_COOKIE = "copydesk_flash"  # the outcome of the last decision, shown once after the redirect
PROBLEM_COOKIE = "copydesk_problem"  # why the last decision was refused, shown once at its form
MAX_JSON_DEPTH = 8  # a decision is one flat object; 30,000 nested arrays once gave a 500
QUEUE_LIMIT = 500  # rows on one page: enough for a day's triage, small enough to render at once
ACTION_LABELS = {"accepted": "Accept", "dismissed": "Dismiss", "open": "Reopen"}
DONE_LABELS = {"accepted": "Accepted", "dismissed": "Dismissed", "open": "Reopened"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # autoescape: every template; finalize: hidden characters written out (copydesk.reports.html_report.visible)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, finalize=visible)
    env.globals.update(rules=RULES, action_labels=ACTION_LABELS)
    env.filters["when"] = lambda at: at.strftime("%Y-%m-%d %H:%M UTC")
    env.filters["age"] = _age
    return env


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    # The reports' stylesheet, so the article view looks like the report it came from.
    return (REPORT_TEMPLATES / "report.css").read_text(encoding="utf-8") + (
        HERE / "static" / "desk.css"
    ).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _article_script() -> str:
    # The report's own script (j / k, filters, highlight <-> list), allowed by its hash.
    return (REPORT_TEMPLATES / "article.js").read_text(encoding="utf-8")


@dataclass
class Desk:
    ledger: Ledger
    reports: ReportIndex
    base: Path  # where relative article paths in the reports are read from
    credentials: Credentials
    sessions: Sessions


@dataclass
class Row:
    """A ledger entry with what the latest report says about it."""

    flag: FlagRecord
    severity: str
    status: str  # the ledger's, or "suppressed" when an inline directive switched an open one off
    line: int | None = None
    column: int | None = None


def create_app(
    reports_dir: Path,
    db_url: str | None,
    token: str | None = None,
    *,
    editors: tuple[tuple[str, str], ...] = (),
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES,
) -> FastAPI:
    """The desk over ``reports_dir`` and the ledger at ``db_url`` (None: the default ledger).
    Editors sign in with the shared ``token`` or one of ``editors`` (``(token, name)``
    pairs); with neither, every write is refused. Requests must name one of ``allowed_hosts``."""
    ledger = Ledger.open(db_url)  # now: a bad URL fails at startup, not on the first page
    credentials = Credentials(token or None, tuple(editors))
    desk = Desk(ledger, ReportIndex(Path(reports_dir)), Path.cwd(), credentials, Sessions())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ledger.close()

    app = FastAPI(
        title="copydesk review desk",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN, which the CSP (rightly) refuses
        redoc_url=None,
        openapi_url=None,
    )
    app.state.desk = desk
    _routes(app, desk)
    _error_handlers(app)
    # Outermost last: headers on everything, then the body limit, then the Host check.
    app.add_middleware(AllowedHosts, hosts=allowed_hosts)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders, script_hashes=[_script_hash(_article_script())])
    return app


# ── pages ──


def _routes(app: FastAPI, desk: Desk) -> None:
    @app.get("/", response_class=HTMLResponse)
    def queue(
        request: Request,
        status: str = "open",
        rule: str = "",
        severity: str = "",
        article: str = "",
    ) -> Response:
        status = status or "open"
        if status not in (*STATUSES, "suppressed", "all"):
            raise HTTPException(400, f"unknown status {status!r}")
        if severity and severity not in SEVERITIES:
            raise HTTPException(400, f"unknown severity {severity!r}")
        rows = _rows(desk, status, rule or None, article or None, severity or None)
        counts = {s: sum(1 for r in rows if r.severity == s) for s in SEVERITIES}
        context = {
            "rows": rows[:QUEUE_LIMIT],
            "total": len(rows),
            "counts": counts,
            "filters": {"status": status, "rule": rule, "severity": severity, "article": article},
            "statuses": (*STATUSES, "suppressed", "all"),
            "severities": SEVERITIES,
            "articles": desk.reports.titles(),
            "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        }
        return _page(request, desk, "queue.html.j2", context)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str, page: int = 1) -> Response:
        # The id is a path (content/2024/pier.md); its report is one file of the folder.
        if not is_article_id(article_id):
            raise HTTPException(404, "no such article")
        report = read_report(desk.reports.folder / f"{report_name(article_id)}.json")
        flags = {f.fingerprint: f for f in desk.ledger.list(article=article_id)}
        if report is None and not flags:
            raise HTTPException(404, f"no report and no ledger entries for article {article_id!r}")
        view = load_article(report, desk.base, page) if report is not None else None
        reported = view.reported if view else frozenset()
        history = desk.ledger.histories(article_id)  # one query for all of its findings
        context = {
            "article_id": article_id,
            "view": view,
            "flags": flags,
            "history": history,
            "earlier": [f for fp, f in flags.items() if fp not in reported],
            "script": Markup(_article_script()),
            "here": request.url.path + (f"?page={view.page}" if view and view.page > 1 else ""),
            "page_size": PAGE_SIZE,
        }
        return _page(request, desk, "article.html.j2", context)

    @app.get("/matches/{fingerprint}", response_class=HTMLResponse)
    def match_page(request: Request, fingerprint: str, article: str = "") -> Response:
        # An archive finding (quote-speaker-conflict, quote-wording-drift): both passages.
        if not is_fingerprint(fingerprint) or not is_article_id(article):
            raise HTTPException(404, "no such finding")
        report = read_report(desk.reports.folder / f"{report_name(article)}.json")
        view = match_view(report, fingerprint, desk.base) if report is not None else None
        if view is None:
            raise HTTPException(404, f"no archive finding {fingerprint!r} in the report of {article!r}")
        flag = next((f for f in desk.ledger.list(article=article) if f.fingerprint == fingerprint), None)
        context = {
            "view": view,
            "flag": flag,
            "BOTH_RIGHT": BOTH_RIGHT,
            "FIXED": FIXED,
            "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        }
        return _page(request, desk, "match.html.j2", context)

    @app.post("/findings/{fingerprint}/decision")
    async def decide_form(request: Request, fingerprint: str) -> Response:
        if (
            request.headers.get("content-type", "").split(";")[0].strip()
            != "application/x-www-form-urlencoded"
        ):
            raise HTTPException(415, "send the decision as a form")
        fields = _form(await request.body())
        back = local_path(fields.get("next"))
        session = desk.sessions.decode(request.cookies.get(SESSION_COOKIE))
        if session is None or not session.signed_in:  # nothing is written; sign in, then come back
            return RedirectResponse(f"/signin?next={urllib.parse.quote(back, safe='')}", status_code=303)
        if not desk.sessions.csrf_valid(session, fields.get("csrf")):
            raise HTTPException(
                403, "This form has expired or did not come from the desk: reload the page and try again."
            )
        by = session.editor or fields.get("by")  # a per-editor token's name is not the client's to choose
        try:
            flag = await _decide(desk, fingerprint, fields.get("status"), fields.get("reason"), by)
        except HTTPException as exc:
            if exc.status_code != 400:
                return _error(request, exc.status_code, str(exc.detail), back=back)
            # Said at the finding's own form, on the page the editor was on, scrolled to it.
            response = RedirectResponse(_at_finding(back, fingerprint), status_code=303)
            _cookie(request, response, PROBLEM_COOKIE, f"{fingerprint}\n{exc.detail}", max_age=60)
            return response
        response = RedirectResponse(back, status_code=303)
        if not session.editor:
            _cookie(request, response, EDITOR_COOKIE, flag.author or "", max_age=365 * 86400)
        done = f"{DONE_LABELS.get(flag.status, flag.status)} {flag.rule} in {flag.article}"
        _cookie(request, response, FLASH_COOKIE, done, max_age=60)
        return response

    @app.get("/signin", response_class=HTMLResponse)
    def signin_page(request: Request, next: str = "/") -> Response:
        return _page(request, desk, "signin.html.j2", {"next": local_path(next), "signin_problem": None})

    @app.post("/signin")
    async def signin(request: Request) -> Response:
        fields = _form(await request.body())
        back = local_path(fields.get("next"))
        session = desk.sessions.decode(request.cookies.get(SESSION_COOKIE))
        if not desk.sessions.csrf_valid(session, fields.get("csrf")):
            raise HTTPException(403, "This form has expired or did not come from the desk: reload the page.")
        accepted, editor = desk.credentials.check(fields.get("token"))
        if not accepted:
            problem = (
                "wrong token"
                if desk.credentials.configured
                else "this desk was started without tokens: nobody can sign in"
            )
            return _page(
                request, desk, "signin.html.j2", {"next": back, "signin_problem": problem}, status=401
            )
        response = RedirectResponse(back, status_code=303)
        fresh = desk.sessions.signed_in(editor)  # a new id: a session planted before sign-in is worthless
        _cookie(request, response, SESSION_COOKIE, desk.sessions.encode(fresh), max_age=SESSION_HOURS * 3600)
        return response

    @app.post("/signout")
    async def signout(request: Request) -> Response:
        fields = _form(await request.body())
        session = desk.sessions.decode(request.cookies.get(SESSION_COOKIE))
        if not desk.sessions.csrf_valid(session, fields.get("csrf")):
            raise HTTPException(403, "This form has expired or did not come from the desk: reload the page.")
        response = RedirectResponse("/", status_code=303)
        _cookie(request, response, SESSION_COOKIE, desk.sessions.encode(desk.sessions.anonymous()))
        return response

    @app.get("/static/desk.css")
    def stylesheet() -> Response:
        return Response(_stylesheet(), media_type="text/css", headers={"Cache-Control": "max-age=300"})

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status_code=204)  # browsers ask on every visit; a 404 would fill their console

    # ── JSON API ──

    @app.get("/api/findings")
    def api_findings(status: str = "", rule: str = "", article: str = "") -> JSONResponse:
        if status and status not in STATUSES:
            raise HTTPException(400, f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        located = desk.reports.findings()
        flags = desk.ledger.list(status=status or None, rule=rule or None, article=article or None)
        return JSONResponse([_flag_json(f, located) for f in flags])

    @app.post("/api/findings/{fingerprint}/decision")
    async def api_decide(request: Request, fingerprint: str) -> JSONResponse:
        problem = bearer_problem(desk.credentials, request.headers.get("authorization"))
        if problem is not None:
            status_code, message = problem
            headers = {"WWW-Authenticate": "Bearer"} if status_code == 401 else None
            raise HTTPException(status_code, message, headers=headers)
        raw = await request.body()
        if _nesting(raw) > MAX_JSON_DEPTH:  # refused before the parser recurses into it
            raise HTTPException(400, 'send a flat JSON object: {"status", "reason", "by"}')
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise HTTPException(400, 'send a JSON object: {"status", "reason", "by"}') from None
        if not isinstance(body, dict) or not all(
            isinstance(body.get(k), str | None) for k in ("status", "reason", "by")
        ):
            raise HTTPException(400, 'send a JSON object with string fields "status", "reason", "by"')
        editor = desk.credentials.check(request.headers["authorization"].partition(" ")[2])[1]
        by = editor or body.get("by")  # a per-editor token decides under its own name
        flag = await _decide(desk, fingerprint, body.get("status"), body.get("reason"), by)
        return JSONResponse(_flag_json(flag, desk.reports.findings()))


async def _decide(
    desk: Desk, fingerprint: str, status: str | None, reason: str | None, by: str | None
) -> FlagRecord:
    """Validation shared by the form and the API: 400 for bad input, 404 for an unknown
    finding (input is checked first, so a typo in the status never looks like a lookup)."""
    if status not in DECISIONS:
        raise HTTPException(400, f"status must be one of {', '.join(DECISIONS)}, not {status!r}")
    if not (by and by.strip()):
        raise HTTPException(400, "say who decides: an editor's name is required")  # the audit trail
    if not is_fingerprint(fingerprint):
        raise HTTPException(404, "no such finding")
    try:
        return await run_in_threadpool(desk.ledger.decide, fingerprint, status, reason, by)
    except ValueError as exc:  # e.g. a dismissal without a reason
        raise HTTPException(400, str(exc)) from None
    except LookupError:
        raise HTTPException(404, f"no finding with fingerprint {fingerprint!r} in the ledger") from None


def _rows(desk: Desk, status: str, rule: str | None, article: str | None, severity: str | None) -> list[Row]:
    """The queue, worst severity first, then oldest first: what has waited longest."""
    wanted = None if status == "all" else "open" if status == "suppressed" else status
    located = desk.reports.findings()
    served = desk.reports.titles()
    rows = []
    for flag in desk.ledger.list(status=wanted, rule=rule, article=article):
        if flag.article not in served:
            continue  # another run's article (another reports folder): no report here to link to
        where = located.get(flag.fingerprint)
        suppressed = flag.status == "open" and where is not None and where.status == "suppressed"
        if (status == "open" and suppressed) or (status == "suppressed" and not suppressed):
            continue  # an inline directive already answered it: not the editors' queue
        sev = where.severity if where else default_severity(flag.rule)
        if severity and sev != severity:
            continue
        rows.append(
            Row(
                flag,
                sev,
                "suppressed" if suppressed else flag.status,
                where.line if where else None,
                where.column if where else None,
            )
        )
    # Ties (one run's findings share first_seen) in reading order: article, then line.
    rows.sort(
        key=lambda r: (
            -SEVERITY_RANK.get(r.severity, 0),
            r.flag.first_seen,
            r.flag.path,
            r.line or 0,
            r.column or 0,
        )
    )
    return rows


def _flag_json(flag: FlagRecord, located: dict[str, Located]) -> dict[str, Any]:
    where = located.get(flag.fingerprint)
    return {
        **flag.to_dict(),
        "severity": where.severity if where else default_severity(flag.rule),
        "suppressed": bool(where and where.status == "suppressed"),
    }


# ── responses ──


def _page(
    request: Request, desk: Desk, template: str, context: dict[str, Any], status: int = 200
) -> Response:
    """An HTML page with a CSRF token for its forms (an anonymous session cookie is set on
    first sight: the sign-in form needs a token too)."""
    session: Session | None = desk.sessions.decode(request.cookies.get(SESSION_COOKIE))
    fresh = session is None
    if session is None:
        session = desk.sessions.anonymous()
    flash = request.cookies.get(FLASH_COOKIE)
    problem_fp, _, problem = urllib.parse.unquote(request.cookies.get(PROBLEM_COOKIE, "")).partition("\n")
    html = (
        _environment()
        .get_template(template)
        .render(
            **context,
            csrf=desk.sessions.csrf(session),
            signed_in=session.signed_in,
            signed_as=session.editor,
            can_sign_in=desk.credentials.configured,
            editor=session.editor or urllib.parse.unquote(request.cookies.get(EDITOR_COOKIE, "")),
            flash=urllib.parse.unquote(flash) if flash else None,
            problem_fp=problem_fp if problem else None,
            problem=problem or None,
            signin_next=urllib.parse.quote(context.get("here") or request.url.path, safe=""),
        )
    )
    # no-store: pages carry a CSRF token and the ledger's state, both stale the moment they change.
    response = HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})
    if fresh:
        _cookie(request, response, SESSION_COOKIE, desk.sessions.encode(session))
    for shown in (FLASH_COOKIE, PROBLEM_COOKIE):
        if shown in request.cookies:
            response.delete_cookie(shown, path="/", samesite="strict")
    return response


def _nesting(raw: bytes) -> int:
    """How deep brackets nest in a JSON text (brackets inside strings aside)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _at_finding(back: str, fingerprint: str) -> str:
    """``back`` scrolled to the finding's row or item (both carry ``id="fp-<fingerprint>"``)."""
    return back.split("#", 1)[0] + f"#fp-{fingerprint}"


def _cookie(request: Request, response: Response, name: str, value: str, max_age: int | None = None) -> None:
    response.set_cookie(
        name,
        urllib.parse.quote(value, safe=""),
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="strict",  # never sent with a request another site starts
        secure=request.url.scheme == "https",  # plain http on 127.0.0.1 would drop a Secure cookie
    )


def _form(body: bytes) -> dict[str, str]:
    try:
        pairs = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "malformed form") from None
    return dict(pairs)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 400, "bad request parameters")

    @app.exception_handler(LedgerError)
    async def ledger_down(request: Request, exc: LedgerError) -> Response:
        return _error(request, 503, f"the ledger cannot be used right now: {exc}")


def _error(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None, back: str = "/"
) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    html = _environment().get_template("error.html.j2").render(status=status, message=message, back=back)
    return HTMLResponse(html, status_code=status, headers={**(headers or {}), "Cache-Control": "no-store"})


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def _age(at: datetime) -> str:
    days = (datetime.now(UTC) - at).days
    return "today" if days < 1 else "1 day" if days == 1 else f"{days} days"
