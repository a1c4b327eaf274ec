"""The JSON contract (``copydesk.reports.report_schema``), checked on written reports: each one validates
against the JSON Schema ``copydesk schema`` prints and against the pydantic model, and the
model gives back exactly the object that was written. Used by the session-wide check in
``conftest.py`` over every report the test run writes, and by ``test_contract.py`` (not a
test module itself)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import pydantic

from copydesk.reports.naming import report_name
from copydesk.reports.report_schema import ArticleReport, contract_schema
from copydesk.reports.writer import PREVIOUS_COUNTS

RUN_SUMMARY = "summary.md"  # written last but one, after every article's reports


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    schema = contract_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def report_problems(text: str) -> list[str]:
    """Every way the JSON text of one report breaks the contract; empty when it keeps it."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [f"not JSON: {exc}"]
    problems = [
        f"schema: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
        for e in _validator().iter_errors(data)
    ]
    try:
        model = ArticleReport.model_validate_json(text)
    except pydantic.ValidationError as exc:
        problems += [f"model: {'/'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        return problems
    if model.model_dump(mode="json") != data:
        problems.append("model: the validated report does not dump back to the object written")
    return problems


@dataclass
class WrittenReports:
    """The article reports found in the folders ``copydesk.reports.writer`` wrote (a folder with its
    ``.previous-counts.json``: the ids of the articles it wrote reports for)."""

    folders: list[Path] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)
    # What the writer's own files say should be there and is not: the finder or the writer
    # changed, and the check would otherwise pass over those reports. A report the folder's
    # bookkeeping names; a folder with the run's summary and no bookkeeping.
    missing: list[Path] = field(default_factory=list)
    unlisted: list[Path] = field(default_factory=list)


def written_reports(root: Path) -> WrittenReports:
    found = WrittenReports()
    # A run's folder holds its summary and its index together; a summary.md alone is
    # someone else's (a GitHub job summary written by ``copydesk ci``).
    found.unlisted = [
        s.parent
        for s in sorted(root.rglob(RUN_SUMMARY))
        if (s.parent / "index.html").exists() and not (s.parent / PREVIOUS_COUNTS).exists()
    ]
    for counts in sorted(root.rglob(PREVIOUS_COUNTS)):
        folder = counts.parent
        found.folders.append(folder)
        found.reports += [
            p for p in sorted(folder.glob("*.json")) if not p.name.startswith(".") and p.is_file()
        ]
        for article_id in json.loads(counts.read_text(encoding="utf-8")):
            report = folder / f"{report_name(article_id)}.json"
            if not report.is_file():
                found.missing.append(report)
    return found
