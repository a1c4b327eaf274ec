"""The file names of an article's reports, from its id.

An article's id is its path from the project root (``copydesk.checks.identity``); its reports sit
side by side in one flat folder (tools that read ``DIR/*.json`` find them all), so the id
is made into one file name, one-to-one: ``content/2024/pier.md`` -> ``content~2024~pier.md``
(then ``.json``, ``.html``, ``.md``). Two articles never share a name, and no article's
reports are ``index.html`` or ``summary.md`` (the run's own pages) or start with a dot
(hidden files, the writer's temporary files), whatever the article is called: an article
``index.md`` has ``index.md.html``, a file named ``summary`` (no suffix) ``+73ummary.md``.
"""

from __future__ import annotations

import hashlib

# Kept as they are in a name; "/" becomes "~"; any other character is written "+XX", one
# per UTF-8 byte. Letters and digits of any script are kept too (str.isalnum).
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
RESERVED = ("index", "summary")  # index.html and summary.md are the run's
MAX_NAME_BYTES = 200  # file systems allow 255 bytes; ".json" and a temporary prefix need room


def report_name(article_id: str) -> str:
    """The file name (without .json/.html/.md) of an article's reports: one flat name per
    id, never the same for two ids. Readable for the usual ids (``2024~pier.md``); escaped
    characters are ``+`` and two hex digits, which no other part of a name contains."""
    out = []
    for c in article_id:
        if c == "/":
            out.append("~")
        elif c in _PLAIN or (c.isalnum() and c.isprintable()):
            out.append(c)
        else:
            out.append("".join(f"+{b:02X}" for b in c.encode("utf-8")))
    name = "".join(out)
    if name.startswith(".") or name.lower() in RESERVED:
        name = "".join(f"+{b:02X}" for b in name[:1].encode("utf-8")) + name[1:]
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        # Very deep or long paths: a readable start, then a hash of the whole id. "+-" never
        # appears otherwise ("+" is always followed by hex digits).
        digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:24]
        name = name.encode("utf-8")[: MAX_NAME_BYTES - 26].decode("utf-8", "ignore") + "+-" + digest
    return name
