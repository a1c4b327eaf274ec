"""The archive's part in a review: index the run's articles, then find each one's quotes
in the rest of the archive.

Two steps, so that a caller with a cache can skip the second: ``index_run`` brings the
archive up to date and names its state (``IndexedRun.state``), ``find_matches`` compares
the quotes. The matches are a function of that state and of the matching code, so a
caller may keep them under both (the flow does: ``copydesk.flows.cache``) and reuse them on a run
that changed nothing the archive holds."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select

from copydesk.checks.archive.archive_tables import ArchiveArticle
from copydesk.checks.archive.index import (
    INDEX_VERSION,
    IndexEntry,
    IndexUpdate,
    QuoteArchive,
    entry_for,
    signed,
)
from copydesk.checks.ledger import Ledger
from copydesk.checks.records import QuoteMatch, ReviewedArticle


@dataclass(frozen=True)
class IndexedRun:
    """A run's articles as the archive now holds them."""

    entries: tuple[IndexEntry, ...]  # the run's readable articles (signed where they changed)
    update: IndexUpdate
    # A digest of everything the run's matches are computed from: which articles the run
    # looks up and the content, path and date of every archived article (the run's own and
    # the others'). Equal states give equal matches, for the same matching code.
    state: str


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
    run = index_run(articles, db_url, folders)
    return ArchiveReview(find_matches(run, db_url), run.update)


def signed_ahead(articles: Iterable[ReviewedArticle]) -> dict[str, IndexEntry]:
    """Signed entries of ``articles`` by content hash, made before the run's ``index_run``
    (a flow signs each batch as the parse returns it, while the other batches are parsed)
    and handed to it: signing is most of indexing's cost, and the run's end waits for it."""
    entries = (entry_for(a) for a in articles if a.reviewed)
    return {e.content_hash: e for e in entries}


def index_run(
    articles: list[ReviewedArticle],
    db_url: str | None,
    folders: list[str] = (),
    ahead: Mapping[str, IndexEntry] | None = None,
) -> IndexedRun:
    """Index the run's articles whose content changed, remove the vanished ones of
    ``folders`` (as ``archive_review``) and name the archive's state after it. ``ahead``:
    entries already signed (``signed_ahead``), used for the articles whose content they are."""
    readable = [a for a in articles if a.reviewed]
    entries = [entry_for(a, sign=False) for a in readable]
    ahead = ahead or {}
    with Ledger.open(db_url) as ledger:
        archive = QuoteArchive(ledger)
        # Only changed articles are signed (the costly part); every article is in the
        # archive once it is updated, so the lookups join on the stored keys. The content
        # hash covers the quotes but not the article's id, which the flow sets after the
        # parse: a signed entry's quotes are those of an unsigned one with its hash.
        indexed = archive.articles()
        changed = [
            replace(e, quotes=ahead[e.content_hash].quotes) if e.content_hash in ahead else signed(e)
            for e in entries
            if indexed.get(e.article) != e.content_hash
        ]
        unchanged = [e for e in entries if indexed.get(e.article) == e.content_hash]
        update = archive.update([*changed, *unchanged], folders, present=[a.article.id for a in articles])
        state = archive_state(ledger, [e.article for e in entries])
    return IndexedRun((*changed, *unchanged), update, state)


def find_matches(run: IndexedRun, db_url: str | None) -> dict[str, list[QuoteMatch]]:
    """Each indexed article's quotes found elsewhere in the archive, by article id (only
    articles with matches)."""
    with Ledger.open(db_url) as ledger:
        # ``index_run`` stored every entry as it is: looked up together, inside the database.
        return QuoteArchive(ledger).matches_of_indexed(run.entries)


def archive_state(ledger: Ledger, looked_up: list[str]) -> str:
    """``IndexedRun.state`` of the archive in ``ledger`` for a run that looks up the
    articles ``looked_up`` (ids). The content hash of an article covers its text, date,
    quotes and speakers and the index version (``index.entry_for``); its path is added
    because a match names the other article's file."""
    rows = ledger.transaction(
        lambda s: s.execute(
            select(ArchiveArticle.article, ArchiveArticle.path, ArchiveArticle.content_hash).order_by(
                ArchiveArticle.article
            )
        ).all(),
        write=False,
    )
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(json.dumps(sorted(looked_up)).encode())
    for row in rows:
        digest.update(json.dumps(list(row)).encode())
    return digest.hexdigest()
