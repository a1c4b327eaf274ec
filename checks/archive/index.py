"""The archive index: kept up to date by every review, asked which archived quotes repeat
an article's quotes.

``update`` indexes the reviewed articles whose content changed (the hash of their text,
publication date and speech quotes as extracted) and leaves the unchanged ones alone; an
article that was in a reviewed folder and is no longer there (deleted, or renamed: it
comes back under its new id) is removed. ``matches`` finds each speech quote's
candidates by their LSH band keys (``signatures``), then compares them word by word
(``alignment``) and names their speakers (``people``): for each quote, the earliest
archived quote with the same words and another speaker, and the closest one with other
words and the same speaker.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from copydesk.checks.archive import alignment, signatures
from copydesk.checks.archive.alignment import MIN_WORDS, compare
from copydesk.checks.archive.archive_tables import ArchiveArticle, ArchiveBand, ArchiveQuote
from copydesk.checks.archive.people import name_words, same_person
from copydesk.checks.archive.wording import quote_words, quotes_someone, spoken
from copydesk.checks.fingerprints import line_col
from copydesk.checks.ledger import Ledger
from copydesk.checks.records import ArchiveMatch, QuoteMatch, ReviewedArticle

# Part of every content hash: a change to how quotes are normalised or signed re-indexes
# every article at its next review.
INDEX_VERSION = json.dumps(
    [2, alignment.MIN_WORDS, signatures.WINDOW, signatures.STRIDE, signatures.ROWS, signatures.BANDS]
)
QUOTES = ArchiveQuote.__table__
BANDS = ArchiveBand.__table__
CHUNK = 50  # articles per write transaction
IN_CHUNK = 500  # values per IN (...) list


@dataclass(frozen=True)
class IndexedQuote:
    item: str
    start: int
    end: int
    line: int
    text: str
    words: tuple[str, ...]
    speaker: str | None  # the resolved name
    mention: str | None  # the words that name the speaker in the text ("he", "Trump")
    keys: frozenset[int] = frozenset()  # LSH band keys: ``signed``, or read back from the archive


@dataclass(frozen=True)
class IndexEntry:
    """What the archive holds of one article."""

    article: str
    path: str
    published: str | None
    content_hash: str
    quotes: tuple[IndexedQuote, ...]


@dataclass(frozen=True)
class Similar:
    """An archived quote that repeats ``quote``, and whether the two speakers are one
    person (None: one of them is not a name)."""

    quote: IndexedQuote
    match: ArchiveMatch
    person: bool | None
    changed: int  # words inserted, dropped or changed
    # Both speakers are named where the quotes are (not "he" resolved to the nearest name,
    # the commonest way for a quote to get the wrong speaker), and neither quote quotes
    # someone else inside it: what a conflict of speakers needs to be believed.
    attributed: bool


@dataclass(frozen=True)
class IndexUpdate:
    indexed: int  # articles (re-)indexed
    unchanged: int  # articles already indexed with the same content
    removed: int  # articles gone from a reviewed folder


def entry_for(art: ReviewedArticle, sign: bool = True) -> IndexEntry:
    """An article's speech quotes long enough to match (``MIN_WORDS``), normalised, and
    signed unless ``sign`` is False (``signed`` does it later, for the changed ones)."""
    quotes = []
    for q in art.quotes:
        if q.kind != "speech":
            continue
        words = quote_words(q.text)
        plain = spoken(words)
        if len(plain) < MIN_WORDS:
            continue
        quotes.append(
            IndexedQuote(
                q.id,
                q.start,
                q.end,
                line_col(art.text, q.start)[0],
                q.text,
                words,
                q.speaker_name or q.speaker,
                q.speaker,
                frozenset(signatures.band_keys(plain)) if sign else frozenset(),
            )
        )
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(json.dumps([art.article.published, art.text]).encode())
    for q in quotes:
        digest.update(json.dumps([q.item, q.start, q.end, q.text, q.speaker, q.mention]).encode())
    return IndexEntry(art.article.id, art.path, art.article.published, digest.hexdigest(), tuple(quotes))


def signed(entry: IndexEntry) -> IndexEntry:
    """The entry with its quotes' band keys."""
    quotes = tuple(replace(q, keys=frozenset(signatures.band_keys(spoken(q.words)))) for q in entry.quotes)
    return replace(entry, quotes=quotes)


class QuoteArchive:
    """The archive in a ledger's database: ``QuoteArchive(ledger)``."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def update(
        self,
        entries: list[IndexEntry],
        folders: Iterable[str] = (),
        present: Iterable[str] = (),
        now: datetime | None = None,
    ) -> IndexUpdate:
        """Index ``entries`` whose content changed. ``folders``: ids of folders reviewed
        whole (``content``; "" for the project root): their archived articles that are
        neither among ``entries`` nor ``present`` (articles of the run that could not be
        read this time: unknown, not gone) are removed."""
        at = now or datetime.now(UTC)
        indexed = unchanged = 0
        for part in _chunks(entries, CHUNK):
            done = self._ledger.transaction(lambda s, part=part: _store(s, part, at), write=True)
            indexed += done
            unchanged += len(part) - done
        removed = 0
        prefixes = [f.rstrip("/") + "/" if f else "" for f in folders]
        if prefixes:
            present = {e.article for e in entries} | set(present)
            removed = self._ledger.transaction(lambda s: _remove_missing(s, prefixes, present), write=True)
        return IndexUpdate(indexed, unchanged, removed)

    def matches(self, entry: IndexEntry) -> list[QuoteMatch]:
        """For each of the article's quotes, its best conflicting and drifting archive
        matches (at most one of each) in other articles."""
        if not entry.quotes:
            return []
        return _best(self.similar(entry))

    def similar(self, entry: IndexEntry) -> list[Similar]:
        """Every quote of another article that repeats one of the article's quotes, in the
        same or close words, whoever said it."""
        if not entry.quotes:
            return []
        return self._ledger.transaction(lambda s: _similar(s, entry), write=False)

    def matches_of_indexed(self, entries: Iterable[IndexEntry]) -> dict[str, list[QuoteMatch]]:
        """``matches`` of every entry, by article id (only those with matches), for
        entries the archive holds as they are (``update`` stored them): their candidates
        come from one join inside the database for the whole run, and the candidate
        quotes are read once however many of the run's quotes they repeat, instead of a
        transaction and three queries per article."""
        entries = [e for e in entries if e.quotes]
        if not entries:
            return {}
        return self._ledger.transaction(lambda s: _matches_of_indexed(s, entries), write=False)

    def articles(self) -> dict[str, str]:
        """Indexed article ids and their content hashes."""
        rows = self._ledger.transaction(
            lambda s: s.execute(select(ArchiveArticle.article, ArchiveArticle.content_hash)).all(),
            write=False,
        )
        return dict(rows)

    def quote_count(self) -> int:
        rows = self._ledger.transaction(lambda s: s.execute(select(ArchiveQuote.id)).all(), write=False)
        return len(rows)


def _store(session: Session, entries: list[IndexEntry], at: datetime) -> int:
    known = dict(
        session.execute(
            select(ArchiveArticle.article, ArchiveArticle.content_hash).where(
                ArchiveArticle.article.in_([e.article for e in entries])
            )
        ).all()
    )
    changed = [e for e in entries if known.get(e.article) != e.content_hash]
    _delete_articles(session, [e.article for e in changed if e.article in known])
    if not changed:
        return 0
    # Core inserts (the tables, not the ORM classes): tens of thousands of band rows per
    # batch, where the ORM's bookkeeping per row would cost more than the database.
    session.execute(
        insert(ArchiveArticle.__table__),
        [
            {
                "article": e.article,
                "path": e.path,
                "published": e.published,
                "content_hash": e.content_hash,
                "indexed_at": at,
            }
            for e in changed
        ],
    )
    rows = [
        {
            "article": e.article,
            "item": q.item,
            "start": q.start,
            "end": q.end,
            "line": q.line,
            "text": q.text,
            "words": " ".join(q.words),
            "speaker": q.speaker,
            "mention": q.mention,
        }
        for e in changed
        for q in e.quotes
    ]
    if rows:
        ids = session.execute(
            insert(ArchiveQuote.__table__).returning(QUOTES.c.id, sort_by_parameter_order=True), rows
        ).scalars()
        quotes = [q for e in changed for q in e.quotes]
        bands = [{"key": key, "quote_id": qid} for qid, q in zip(ids, quotes, strict=True) for key in q.keys]
        if bands:
            session.execute(insert(ArchiveBand.__table__), bands)
    return len(changed)


def _delete_articles(session: Session, articles: list[str]) -> None:
    for part in _chunks(articles, IN_CHUNK):
        quote_ids = select(ArchiveQuote.id).where(ArchiveQuote.article.in_(part))
        session.execute(delete(ArchiveBand).where(ArchiveBand.quote_id.in_(quote_ids)))
        session.execute(delete(ArchiveQuote).where(ArchiveQuote.article.in_(part)))
        session.execute(delete(ArchiveArticle).where(ArchiveArticle.article.in_(part)))


def _remove_missing(session: Session, prefixes: list[str], present: set[str]) -> int:
    archived = session.execute(select(ArchiveArticle.article)).scalars()
    gone = [a for a in archived if a not in present and any(a.startswith(p) for p in prefixes)]
    _delete_articles(session, gone)
    return len(gone)


def _similar(session: Session, entry: IndexEntry) -> list[Similar]:
    if any(q.keys for q in entry.quotes):
        candidates = _candidates_by_keys(session, entry)
    else:
        candidates = _candidates_in_archive(session, [entry.article]).get(entry.article, {})
    ids = sorted({i for found in candidates.values() for i in found})
    return _compared(entry, candidates, _archived_quotes(session, ids))


def _matches_of_indexed(session: Session, entries: list[IndexEntry]) -> dict[str, list[QuoteMatch]]:
    candidates = _candidates_in_archive(session, [e.article for e in entries])
    ids = sorted({i for by_item in candidates.values() for found in by_item.values() for i in found})
    archived = _archived_quotes(session, ids)
    matches = {}
    for entry in entries:
        found = _best(_compared(entry, candidates.get(entry.article, {}), archived))
        if found:
            matches[entry.article] = found
    return matches


def _archived_quotes(session: Session, ids: list[int]) -> dict[int, Any]:
    """The archived quotes ``ids`` with their article's path and date, by id."""
    archived: dict[int, Any] = {}
    for part in _chunks(ids, IN_CHUNK):
        rows = session.execute(
            select(QUOTES, ArchiveArticle.path, ArchiveArticle.published)
            .join(ArchiveArticle, ArchiveArticle.article == QUOTES.c.article)
            .where(QUOTES.c.id.in_(part))
        )
        archived.update((row.id, row) for row in rows)
    return archived


def _compared(entry: IndexEntry, candidates: dict[str, set[int]], archived: dict[int, Any]) -> list[Similar]:
    """The candidates of each of ``entry``'s quotes (item -> archived quote ids) that
    repeat it, compared word by word; the article's own quotes are not candidates."""
    similar: list[Similar] = []
    for q in entry.quotes:
        for quote_id in sorted(candidates.get(q.item, ())):
            other = archived.get(quote_id)
            if other is None or other.article == entry.article:
                continue  # the article's own quote
            comparison = compare(q.words, tuple(other.words.split(" ")))
            if comparison is None:
                continue
            person = same_person(q.speaker, other.speaker)
            match = ArchiveMatch(
                other.article,
                other.path,
                other.published,
                other.item,
                other.start,
                other.end,
                other.line,
                other.text,
                other.speaker,
                comparison.same_words,
                bool(person),
                comparison.diff,
            )
            attributed = (
                bool(name_words(q.mention))
                and bool(name_words(other.mention))
                and not quotes_someone(q.text)
                and not quotes_someone(other.text)
            )
            similar.append(Similar(q, match, person, comparison.changed, attributed))
    return similar


def _candidates_by_keys(session: Session, entry: IndexEntry) -> dict[str, set[int]]:
    """Quote item -> ids of archived quotes sharing a band key with it, from the entry's keys."""
    wanted: dict[int, set[str]] = {}  # band key -> the article's quotes that have it
    for q in entry.quotes:
        for key in q.keys:
            wanted.setdefault(key, set()).add(q.item)
    candidates: dict[str, set[int]] = {}
    for part in _chunks(sorted(wanted), IN_CHUNK):
        for key, quote_id in session.execute(
            select(ArchiveBand.key, ArchiveBand.quote_id).where(ArchiveBand.key.in_(part))
        ):
            for item in wanted[key]:
                candidates.setdefault(item, set()).add(quote_id)
    return candidates


def _candidates_in_archive(session: Session, articles: list[str]) -> dict[str, dict[str, set[int]]]:
    """The same for articles the archive holds, by article id, joined inside the database:
    their stored band keys are neither read back nor sent again."""
    mine, others = BANDS.alias("mine"), BANDS.alias("others")
    candidates: dict[str, dict[str, set[int]]] = {}
    for part in _chunks(articles, IN_CHUNK):
        query = (
            select(QUOTES.c.article, QUOTES.c.item, others.c.quote_id)
            .select_from(
                QUOTES.join(mine, mine.c.quote_id == QUOTES.c.id).join(others, others.c.key == mine.c.key)
            )
            .where(QUOTES.c.article.in_(part), others.c.quote_id != mine.c.quote_id)
            .distinct()
        )
        for article, item, quote_id in session.execute(query):
            candidates.setdefault(article, {}).setdefault(item, set()).add(quote_id)
    return candidates


def _best(similar: list[Similar]) -> list[QuoteMatch]:
    """Per quote, the earliest archived quote with its words and another speaker (both
    named where they are quoted, ``Similar.attributed``), and the
    closest (then earliest) with the speaker's other words; undated ones last, then by
    article id: a stable choice."""
    found: list[QuoteMatch] = []
    items = list(dict.fromkeys(s.quote.item for s in similar))
    for item in items:
        mine = [s for s in similar if s.quote.item == item and s.person is not None]
        conflict = [s for s in mine if s.match.same_words and not s.person and s.attributed]
        drift = [s for s in mine if not s.match.same_words and s.person]
        for options, first in ((conflict, lambda s: 0), (drift, lambda s: s.changed)):
            if options:
                best = min(options, key=lambda s, first=first: (first(s), *_when(s.match)))
                found.append(QuoteMatch(item, best.match))
    return found


def _when(m: ArchiveMatch) -> tuple:
    return (m.published is None, m.published or "", m.article_id, m.start)


def _chunks(values: list, size: int) -> Iterator[list]:
    for i in range(0, len(values), size):
        yield values[i : i + size]
