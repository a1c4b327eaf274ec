"""copydesk pipeline: content loading, spaCy extraction, the Prefect review flow and the CLI.

Only `copydesk.flows.review_flow` and `copydesk.flows.cli` touch Prefect; `copydesk.flows.content` and `copydesk.flows.extract`
are plain functions so that tests, benchmarks and other tools can call them directly.
"""
