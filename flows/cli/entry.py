"""The ``copydesk`` console script: ``copydesk.flows.cli.main`` behind one step that
must come before any of copydesk's imports.

``copydesk check`` of one article waits longest on Great Expectations' import, which it
runs in a forked checker (``copydesk.flows.checker``) while this process parses. Forked
here, before the command line and its settings are imported (a sixth of a second), the
checker is ready when the parse ends instead of after it. Every other command starts
as it did.
"""

from __future__ import annotations

import sys

# Arguments after which ``copydesk check`` parses nothing: no checker for them.
_NO_WORK = frozenset({"--help", "-h"})


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["check"] and not _NO_WORK & set(args):
        from copydesk.flows.checker import start_early

        start_early()
    from copydesk.flows.checker import close_early
    from copydesk.flows.cli.main import main as run

    try:
        run()
    finally:
        close_early()  # one the command did not take: it failed or had nothing to check
