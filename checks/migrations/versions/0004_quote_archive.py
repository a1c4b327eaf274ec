"""The quote archive (issue 18): every reviewed article's speech quotes and their LSH band
keys, beside the ledger, for the archive rules quote-speaker-conflict and
quote-wording-drift. New tables only; an existing ledger is filled at its next review.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_articles",
        sa.Column("article", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=32), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("indexed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article", name=op.f("pk_archive_articles")),
    )
    op.create_table(
        "archive_quotes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article", sa.Text(), nullable=False),
        sa.Column("item", sa.String(length=32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("mention", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article"],
            ["archive_articles.article"],
            name=op.f("fk_archive_quotes_article_archive_articles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_quotes")),
    )
    op.create_index(op.f("ix_archive_quotes_article"), "archive_quotes", ["article"], unique=False)
    op.create_table(
        "archive_bands",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["archive_quotes.id"], name=op.f("fk_archive_bands_quote_id_archive_quotes")
        ),
        sa.PrimaryKeyConstraint("key", "quote_id", name=op.f("pk_archive_bands")),
    )
    op.create_index(op.f("ix_archive_bands_quote_id"), "archive_bands", ["quote_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_archive_bands_quote_id"), table_name="archive_bands")
    op.drop_table("archive_bands")
    op.drop_index(op.f("ix_archive_quotes_article"), table_name="archive_quotes")
    op.drop_table("archive_quotes")
    op.drop_table("archive_articles")
