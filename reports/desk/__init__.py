"""The review desk: a web app over the ledger and the latest reports (``copydesk serve``)."""

from copydesk.reports.desk.app import create_app

__all__ = ["create_app"]
