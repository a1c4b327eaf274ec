"""The first ledger: findings and the append-only log of decisions about them.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Names are given in full (op.f): the models' naming convention must not be applied twice.
STATUS_CHECK = "status IN ('open', 'accepted', 'dismissed', 'fixed')"


def upgrade() -> None:
    op.create_table(
        "flags",
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("article", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_flags")),
        sa.CheckConstraint(STATUS_CHECK, name=op.f("ck_flags_status")),
    )
    for column in ("rule", "article", "path", "status"):
        op.create_index(op.f(f"ix_flags_{column}"), "flags", [column])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.ForeignKeyConstraint(
            ["fingerprint"], ["flags.fingerprint"], name=op.f("fk_decisions_fingerprint_flags")
        ),
        sa.CheckConstraint(STATUS_CHECK, name=op.f("ck_decisions_status")),
    )
    op.create_index(op.f("ix_decisions_fingerprint"), "decisions", ["fingerprint"])


def downgrade() -> None:
    op.drop_table("decisions")
    op.drop_table("flags")
