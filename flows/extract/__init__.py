"""Extractors: plain functions from a spaCy ``Doc`` to typed records.

None of them reads files or imports Prefect; offsets they return are into ``doc.text``
and are mapped back to file offsets by ``copydesk.flows.extract.document``.
"""
