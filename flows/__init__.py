"""copydesk pipeline: content loading, spaCy extraction, the Prefect review flow and the CLI.

Only `flows.review` and `flows.cli` touch Prefect; `flows.content` and `flows.extract`
are plain functions so that tests, benchmarks and other tools can call them directly.
"""
