"""``copydesk schema``: the JSON Schema of the object ``copydesk extract`` prints for each
file and a review writes to ``<name>.json`` (``copydesk.reports.report_schema``), for tools that consume
copydesk's output to validate it or generate types from it.

    copydesk schema > copydesk-report.schema.json
"""

from __future__ import annotations

import json
import sys


def schema() -> None:
    """Print the JSON Schema of an article's JSON: what extract prints per file and review writes to <name>.json."""
    from copydesk.reports.report_schema import contract_schema

    sys.stdout.write(json.dumps(contract_schema(), ensure_ascii=False, indent=2) + "\n")
