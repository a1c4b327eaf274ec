"""What a run's findings depend on besides the extracted article: copydesk's checking code,
the suites in force and Great Expectations itself.

The cache (``copydesk.flows.cache``) keeps each article's findings under ``rules_version(suites)``,
so editing a suite file, switching ``--suites`` or upgrading copydesk or GX makes every
article be checked again. Computing it must not import Great Expectations: a re-run whose
findings are all cached never loads it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
from pathlib import Path

from copydesk.checks.config import SuiteConfig
from copydesk.checks.rule_policy import RulePolicy

_CHECKS = Path(__file__).resolve().parent


@functools.cache
def _code_hash() -> str:
    """Hash of the checks package's source, its rule modules and the archive: rules,
    expectations, tables, messages, fingerprints and suppressions all shape a finding."""
    digest = hashlib.sha256()
    files = sorted(p for folder in ("", "rules", "archive") for p in (_CHECKS / folder).glob("*.py"))
    if not files:  # installed without sources
        return "dist-" + importlib.metadata.version("copydesk")
    for path in files:
        digest.update(path.relative_to(_CHECKS).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def rules_version(suites: list[SuiteConfig], policy: RulePolicy | None = None) -> str:
    """A short hash naming these suites, as loaded, checked by this code and this GX, with
    the project's select / ignore / per-path settings (``copydesk.checks.rule_policy``)."""
    digest = hashlib.sha256(_code_hash().encode())
    if policy is not None and not policy.is_default:
        digest.update(policy.key().encode())
    digest.update(importlib.metadata.version("great_expectations").encode())
    for suite in suites:
        data = dataclasses.asdict(suite)
        data.pop("path")  # where the file is does not change what it checks
        digest.update(json.dumps(data, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]
