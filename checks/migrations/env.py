"""Alembic's environment for the ledger.

copydesk runs its migrations itself, from ``copydesk.checks.ledger`` (``Ledger.open`` upgrades to
head), on a connection that already holds the writers' lock and an open transaction; so
there is no alembic.ini and no offline mode. To change the schema: change the models in
``checks/ledger.py``, add ``versions/NNNN_what.py`` with ``down_revision`` set to the
previous one, and run the ledger tests (one compares the migrated schema with the models).
"""

from __future__ import annotations

from alembic import context

from copydesk.checks.ledger import VERSION_TABLE, Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the ledger migrates itself when opened: use copydesk.checks.ledger.migrate(url)")

# render_as_batch: SQLite cannot ALTER most things, Alembic recreates the table instead.
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
