"""The archive's part in a review: index the run's articles, then find each one's quotes
in the rest of the archive."""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.checks.archive.index import IndexUpdate, QuoteArchive, entry_for, signed
from copydesk.checks.ledger import Ledger
from copydesk.checks.records import QuoteMatch, ReviewedArticle


@dataclass(frozen=True)
class ArchiveReview:
    matches: dict[str, list[QuoteMatch]]  # by article id; only articles with matches
    update: IndexUpdate


def archive_review(
    articles: list[ReviewedArticle], db_url: str | None, folders: list[str] = ()
) -> ArchiveReview:
    """Bring the archive in the ledger's database (``db_url``, as ``Ledger.open``) up to
    date with ``articles`` and look each one's quotes up in it. ``folders``: the ids of
    folders the run reviewed whole, whose vanished articles leave the archive."""
    readable = [a for a in articles if a.reviewed]
    entries = [entry_for(a, sign=False) for a in readable]
    with Ledger.open(db_url) as ledger:
        archive = QuoteArchive(ledger)
        # Only changed articles are signed (the costly part); every article is in the
        # archive once it is updated, so the lookups join on the stored keys.
        indexed = archive.articles()
        changed = [signed(e) for e in entries if indexed.get(e.article) != e.content_hash]
        unchanged = [e for e in entries if indexed.get(e.article) == e.content_hash]
        update = archive.update([*changed, *unchanged], folders, present=[a.article.id for a in articles])
        entries = [*changed, *unchanged]
        matches = {}
        for entry in entries:
            found = archive.matches(entry)
            if found:
                matches[entry.article] = found
    return ArchiveReview(matches, update)
