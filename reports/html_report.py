"""Self-contained HTML pages: one per article with its flagged spans highlighted, and an
index over all articles. All article text is escaped by Jinja2's autoescape; the pages
carry a Content-Security-Policy that allows only their own inline script and styles."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from copydesk.checks.hidden import show_hidden, show_hidden_html
from copydesk.checks.records import Finding, ReviewedArticle
from copydesk.checks.rules import RULES
from copydesk.reports.coverage import figure_coverage
from copydesk.reports.markup import is_html, words
from copydesk.reports.naming import report_name

TEMPLATES = Path(__file__).parent / "templates"
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
ZONE_TAGS = {"title": "h1", "heading": "h2", "paragraph": "p", "list_item": "li"}


def visible(value: object) -> object:
    """Jinja's ``finalize`` for every page, the reports' and the desk's: each hidden
    character (``copydesk.checks.hidden``) in whatever a template prints is written out, so that
    no bidi control reorders a page and no zero-width space hides in a figure."""
    if isinstance(value, Markup):
        return Markup(show_hidden_html(str(value)))
    if isinstance(value, str):
        return show_hidden(value)
    return value


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]), finalize=visible
    )
    env.globals["rules"] = RULES
    env.filters["report_name"] = report_name
    return env


@lru_cache(maxsize=4)
def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


@cache
def _asset(name: str) -> str:
    """A script or stylesheet inlined in every page: read once per process, not per page."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave a report."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


@dataclass
class Block:
    tag: str
    html: Markup


def highlight(
    text: str, start: int, end: int, findings: list[Finding], index: dict[str, int], markup: bool = False
) -> Markup:
    """The escaped text of [start, end) with each finding's span wrapped in <mark>;
    ``markup``: the text is HTML source, shown as its words (``copydesk.reports.markup``)."""
    inside = [f for f in findings if f.start < end and f.end > start]
    cuts = sorted({start, end} | {max(start, f.start) for f in inside} | {min(end, f.end) for f in inside})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(words(text[a:b]) if markup else text[a:b])
        covering = [f for f in inside if f.start <= a and f.end >= b]
        if not covering:
            out.append(piece)
            continue
        worst = max(covering, key=lambda f: SEVERITY_RANK.get(f.severity, 0))
        ids = " ".join(f"f{index[f.fingerprint]}" for f in covering)
        out.append(
            Markup('<mark class="sev-{}" data-findings="{}">{}</mark>').format(worst.severity, ids, piece)
        )
    return Markup("").join(out)


def article_blocks(art: ReviewedArticle) -> list[Block]:
    index = {f.fingerprint: i for i, f in enumerate(art.findings)}
    markup = is_html(art.path)
    blocks = []
    for kind, start, end in art.zones:
        tag = ZONE_TAGS.get(kind)
        if tag is not None:
            blocks.append(Block(tag, highlight(art.text, start, end, art.findings, index, markup)))
    return blocks


def render_article(art: ReviewedArticle) -> str:
    env = environment()
    script = _asset("article.js")
    markup = is_html(art.path)
    sources = [
        {
            "label": s.label or s.id,
            "kind": s.kind,
            "text": " ".join(words(s.text).split()) if markup else s.text,
            "url": safe_url(s.url),
        }
        for s in art.sources
        if s.kind != "inline"
    ]
    return env.get_template("article.html.j2").render(
        art=art,
        blocks=article_blocks(art),
        sources=sources,
        figures=figure_coverage(art),
        script=Markup(script),
        script_hash=_script_hash(script),
        style=Markup(_asset("report.css")),
    )


def render_index(articles: list[ReviewedArticle], previous: dict[str, int] | None = None) -> str:
    env = environment()
    rows = []
    for art in articles:
        counts = {
            s: sum(1 for f in art.findings if f.severity == s and f.status == "open") for s in SEVERITY_RANK
        }
        total = sum(counts.values())
        change = (
            None if previous is None or art.article.id not in previous else total - previous[art.article.id]
        )
        rows.append(
            {
                "art": art,
                "name": report_name(art.article.id),
                "counts": counts,
                "total": total,
                "change": change,
            }
        )
    by_rule: dict[str, int] = {}
    for art in articles:
        for f in art.findings:
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    return env.get_template("index.html.j2").render(
        rows=rows,
        by_rule=sorted(by_rule.items()),
        style=Markup(_asset("report.css")),
    )
