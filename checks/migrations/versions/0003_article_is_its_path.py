"""Article ids are paths from the project root (``copydesk.checks.identity``), no longer file stems.

Before, ``flags.article`` held the slugged stem of the file name (``pier`` for both
``2024/pier.md`` and ``2025/pier.txt``), and runs matched an article's entries by the path
they were given. Now runs match them by ``article``, the article's path from the project
root. Each entry's ``article`` is rewritten from its ``path``, the path the run that last
saw it was given: relative to the folder the review ran in, which is the project root
when ``copydesk review`` runs there (as documented; ``copydesk ci`` always used repository
paths). ``./`` and ``a/../`` are normalised away. An absolute path is kept as it was: an
article outside the project root is named by its absolute path now too; one inside it
that was named by an absolute path gets a new id, and new fingerprints, at its next
review, and its old entries stay as they are.

Fingerprints are not touched: they hash the path the finding was reported under, which
is the article id whenever the review ran from the project root on relative paths, so
decisions made on those findings keep matching.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import posixpath
import re

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FLAGS = sa.table(
    "flags", sa.column("fingerprint", sa.Text), sa.column("article", sa.Text), sa.column("path", sa.Text)
)
CHUNK = 500


def article_id(path: str) -> str:
    """The id an entry's stored path stands for (``content/./a.md`` -> ``content/a.md``)."""
    posix = path.replace("\\", "/")
    if posix.startswith("/") or re.match(r"[A-Za-z]:/", posix):
        return posix
    return posixpath.normpath(posix)


def stem_id(path: str) -> str:
    """The id copydesk gave an article before this revision: its slugged file stem."""
    stem = posixpath.basename(path.replace("\\", "/"))
    for suffix in (".markdown", ".html", ".htm", ".md", ".txt"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "article"


def _rewrite(new_id) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(FLAGS.c.fingerprint, FLAGS.c.article, FLAGS.c.path)).all()
    changes = [
        {"fp": fp, "new": new}
        for fp, article, path in rows
        if path is not None and (new := new_id(path)) != article
    ]
    update = (
        FLAGS.update().where(FLAGS.c.fingerprint == sa.bindparam("fp")).values(article=sa.bindparam("new"))
    )
    for i in range(0, len(changes), CHUNK):
        bind.execute(update, changes[i : i + CHUNK])


def upgrade() -> None:
    _rewrite(article_id)


def downgrade() -> None:
    _rewrite(stem_id)
