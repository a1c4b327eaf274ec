"""A ``ReviewedArticle`` to JSON and back, field for field.

The extraction cache stores articles this way rather than with pickle: a cache folder
is just files in a workspace, and loading JSON can never run code. pydantic reads and
writes the records' own dataclasses by their type hints, so a field added to a record is
stored and restored without touching this module. Reading is strict: a field the records
do not have, a missing one, or a value of another type ("12" for 12, "yes" for true, 3.5
for an offset) is refused with ``CodecError``, never converted. Values take their
declared types: a ``float`` field comes back a float.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from pydantic import TypeAdapter, ValidationError

from copydesk.checks.records import Finding, QuoteMatch, ReviewedArticle

_ARTICLE = TypeAdapter(ReviewedArticle)
_FINDINGS = TypeAdapter(list[Finding])
_MATCHES = TypeAdapter(dict[str, list[QuoteMatch]])


class CodecError(ValueError):
    """The data does not have the shape of a ``ReviewedArticle``."""


def article_to_json(article: ReviewedArticle, *, with_findings: bool = True) -> bytes:
    if not with_findings:
        article = dataclasses.replace(article, findings=[])
    return _ARTICLE.dump_json(article)


def article_from_json(raw: str | bytes) -> ReviewedArticle:
    return _read(_ARTICLE, raw)


def findings_to_json(findings: list[Finding]) -> bytes:
    return _FINDINGS.dump_json(findings)


def findings_from_json(raw: str | bytes) -> list[Finding]:
    return _read(_FINDINGS, raw)


def matches_to_json(matches: dict[str, list[QuoteMatch]]) -> bytes:
    """A run's archive matches by article id (``copydesk.checks.archive.archive_review``)."""
    return _MATCHES.dump_json(matches)


def matches_from_json(raw: str | bytes) -> dict[str, list[QuoteMatch]]:
    return _read(_MATCHES, raw)


# The same as plain data (what ``json.loads`` gives), for callers that hold it that way.


def article_to_data(article: ReviewedArticle, *, with_findings: bool = True) -> dict[str, Any]:
    return json.loads(article_to_json(article, with_findings=with_findings))


def article_from_data(data: Any) -> ReviewedArticle:
    return article_from_json(_as_json(data))


def findings_to_data(findings: list[Finding]) -> list[dict[str, Any]]:
    return json.loads(findings_to_json(findings))


def findings_from_data(data: Any) -> list[Finding]:
    return findings_from_json(_as_json(data))


def _read(adapter: TypeAdapter, raw: str | bytes) -> Any:
    try:
        return adapter.validate_json(raw, strict=True, extra="forbid")
    except ValidationError as exc:
        raise CodecError(str(exc)) from None


def _as_json(data: Any) -> str:
    # Checked as the JSON it stands for: in pydantic's strict mode only JSON input may give a
    # tuple from a list and a record from an object.
    try:
        return json.dumps(data)
    except (TypeError, ValueError) as exc:
        raise CodecError(f"not JSON data: {exc}") from None
