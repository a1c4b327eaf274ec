"""The archive's tables, in the ledger's database and schema history (migration 0004).

``archive_articles``: one row per indexed article with the hash of what was indexed, so
that an unchanged article is skipped. ``archive_quotes``: its speech quotes, normalised.
``archive_bands``: the LSH band keys of each quote (``signatures``), indexed by key.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from copydesk.checks.ledger import Base, UTCDateTime


class ArchiveArticle(Base):
    __tablename__ = "archive_articles"

    article: Mapped[str] = mapped_column(Text, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))
    content_hash: Mapped[str] = mapped_column(String(64))
    indexed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ArchiveQuote(Base):
    __tablename__ = "archive_quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article: Mapped[str] = mapped_column(ForeignKey("archive_articles.article"), index=True)
    item: Mapped[str] = mapped_column(String(32))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[str] = mapped_column(Text)  # wording.quote_words, space-separated
    speaker: Mapped[str | None] = mapped_column(Text)  # the resolved name
    mention: Mapped[str | None] = mapped_column(
        Text
    )  # the words naming the speaker in the text ("he", "Trump")


class ArchiveBand(Base):
    __tablename__ = "archive_bands"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("archive_quotes.id"), primary_key=True, index=True)
