"""Keep the latest decision (reason, author, time) on each finding, so that listing the
ledger reads one table; filled in from the decision log for findings already there.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The newest decision of each finding; plain SQL that SQLite and PostgreSQL both run.
LATEST = (
    "(SELECT d.{column} FROM decisions d WHERE d.fingerprint = flags.fingerprint ORDER BY d.id DESC LIMIT 1)"
)


def upgrade() -> None:
    with op.batch_alter_table("flags") as batch:
        batch.add_column(sa.Column("reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("author", sa.Text(), nullable=True))
        batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE flags SET "
        f"reason = {LATEST.format(column='reason')}, "
        f"author = {LATEST.format(column='author')}, "
        f"updated_at = COALESCE({LATEST.format(column='at')}, first_seen)"
    )
    # Not null only once every row has a value; on SQLite this recreates the table.
    with op.batch_alter_table("flags") as batch:
        batch.alter_column("updated_at", existing_type=sa.DateTime(timezone=True), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("flags") as batch:
        batch.drop_column("updated_at")
        batch.drop_column("author")
        batch.drop_column("reason")
