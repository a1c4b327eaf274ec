"""Checks: the rule catalog, the declarative Great Expectations suites, the runner that
turns GX results into findings, and fingerprints. Never imports Prefect or ``flows``."""
