"""The offsets contract (DESIGN.md, "Offsets are the contract"), checked item by item: every
span lies inside the file's text and slices out exactly the text the item carries. Shared
by the hardening tests and the property-based tests (not a test module itself)."""

from __future__ import annotations

from copydesk.checks.records import ReviewedArticle


def span_problems(art: ReviewedArticle, file_text: str | None = None) -> list[str]:
    """Every way ``art`` breaks the contract; empty when it keeps it. ``file_text`` is the
    file as decoded from UTF-8 without newline translation (``art.text`` must be it)."""
    problems: list[str] = []
    text = art.text
    n = len(text)
    if file_text is not None and text != file_text:
        problems.append("article text is not the file's text decoded as stored")

    def check(kind: str, item_id: str, start: int | None, end: int | None, expected: str | None) -> None:
        if start is None or end is None:
            problems.append(f"{kind} {item_id}: missing offsets ({start}, {end})")
            return
        if not (0 <= start <= end <= n):
            problems.append(f"{kind} {item_id}: span ({start}, {end}) outside 0..{n}")
            return
        if expected is not None and text[start:end] != expected:
            problems.append(
                f"{kind} {item_id}: text[{start}:{end}] = {text[start:end]!r}, item says {expected!r}"
            )

    for q in art.quotes:
        check("quote", q.id, q.start, q.end, q.text)
        if q.speaker is not None or q.speaker_start is not None:
            check("speaker of", q.id, q.speaker_start, q.speaker_end, q.speaker)
    for f in art.figures:
        check("figure", f.id, f.start, f.end, f.text)
        check("figure sentence of", f.id, f.sentence_start, f.sentence_end, None)
    for d in art.dates:
        check("date", d.id, d.start, d.end, d.text)
    for s in art.sources:
        check(f"{s.kind} source", s.id, s.start, s.end, s.text)
    for v in art.vague:
        check("vague attribution", v.id, v.start, v.end, v.text)
    for c in art.citations:
        check("citation", c.id, c.start, c.end, None)
        check("claim of", c.id, c.claim_start, c.claim_end, None)
    for f in art.findings:
        check(f"finding {f.rule}", f.item, f.start, f.end, None)
    for kind, start, end in art.zones:
        check(f"{kind} zone", "", start, end, None)
    return problems


def internal_errors(art: ReviewedArticle) -> list[str]:
    return [e for e in art.errors if "internal error" in e]
