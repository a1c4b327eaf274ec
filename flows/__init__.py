"""copydesk pipeline (``copydesk.flows``): content loading, spaCy extraction, the review
with and without Prefect, and the CLI.

Only the flow (``review_flow``, with its tasks in ``extraction``), ``cli`` and ``runtime``
touch Prefect; ``copydesk.flows.content`` and ``copydesk.flows.extract`` are plain
functions so that tests, benchmarks and other tools can call them directly.
"""
