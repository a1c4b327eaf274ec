"""What the two archive rules (``checks/rules/quote_speaker_conflict.py``,
``quote_wording_drift.py``) share: the fields of a finding's message, from the quote and
the match of another article that fired, and the archived article their examples are
checked against."""

from __future__ import annotations

from copydesk.checks.records import ArchiveMatch
from copydesk.checks.rules.spec import ArticleView, short

# The article already in the archive that both archive rules' examples are checked against.
ARCHIVED_EXAMPLE = (
    "---\ntitle: Harbour vote\npublished: 2024-03-01\n---\n\n"
    "“We will not let the harbour become a car park for cruise ships,” Mayor Ana Ruiz "
    "told the council on Monday.\n"
)


def _match(item_id: str, view: ArticleView, same_words: bool) -> ArchiveMatch | None:
    return next(
        (
            m.match
            for m in view.art.archive_matches
            if m.quote_id == item_id and m.match.same_words == same_words
        ),
        None,
    )


def match_fields(item_id: str, view: ArticleView, same_words: bool) -> dict | None:
    """The message fields of a finding on quote ``item_id``: the first match of another
    article that repeats it in the same words (``same_words``) or in other words."""
    from copydesk.checks.archive.alignment import marked  # rapidfuzz: only when a finding is written

    match = _match(item_id, view, same_words)
    quote = next((q for q in view.art.quotes if q.id == item_id), None)
    if match is None or quote is None:
        return None
    here, there = marked(match.diff)
    return {
        "start": quote.start,
        "end": quote.end,
        "short": short(quote.text),
        "speaker": quote.speaker_name or quote.speaker,
        "other_speaker": match.speaker,
        "other_article": match.article_id,
        "other_published": match.published or "undated",
        "other_line": match.line,
        "here_marked": here,
        "there_marked": there,
        "match": match,
    }
