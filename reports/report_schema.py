"""The JSON contract of DESIGN.md as types: the object ``copydesk extract`` prints for each
file and ``<article-id>.json`` holds (with ``findings``). Every such object is built as an
``ArticleReport`` and written from it (``copydesk.reports.contract``), so what is written and what
``copydesk schema`` documents cannot drift apart.

The models are frozen and strict: a consumer validating a report with
``ArticleReport.model_validate_json`` gets exactly the checks the JSON Schema states (no
"12" for 12, no 1 for true, no field the contract does not name).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from copydesk.checks.records import DateKind

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

Severity = Literal["error", "warning", "info"]
# "suppressed": switched off by an inline directive in the article; the others are the ledger's.
Status = Literal["open", "accepted", "dismissed", "fixed", "suppressed"]


def _none(value: object) -> bool:
    return value is None


def _left_out_when_none() -> Any:
    """A field written only when it has a value: the key is absent rather than null."""
    return Field(default=None, exclude_if=_none)


class _Contract(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class ReportArticleInfo(_Contract):
    """The article's front matter (or HTML metadata)."""

    id: str = Field(description="The article's path from the project root.")
    title: str | None
    author: str | None
    published: str | None = Field(description="ISO 8601 date of publication, when known.")
    section: str | None


class ReportQuote(_Contract):
    id: str
    start: int = Field(description="Character offset into the file as decoded from UTF-8.")
    end: int
    text: str
    kind: Literal["speech", "term"] = Field(
        description="speech: something a person or body said or wrote; term: scare quotes, names, "
        "titles and coined terms."
    )
    speaker: str | None = Field(description="The mention in the text that attributes the quote.")
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None = Field(description="Who the speaker mention resolves to.")
    cue: str | None = Field(description="The verb or phrase that attributes the quote (said, told).")
    sources: tuple[str, ...] = Field(description="Ids of the sources that cite the quote.")


class ReportFigure(_Contract):
    id: str
    start: int
    end: int
    text: str
    value: int | float | None = Field(
        description="The number the figure states: an integer when whole, else rounded to 6 places."
    )
    unit: str | None
    hedge: str | None = Field(description="A word that hedges the figure (about, nearly), or null.")
    kind: Literal["count", "percent", "money", "quantity", "fraction", "multiple"]
    sources: tuple[str, ...] = Field(description="Ids of the sources that cover the figure.")
    # Why the figure is or is not flagged: which source covers it (its own sentence, or
    # "carried" from a data source named earlier in the passage), or that it asserts nothing
    # ("mood": a plan's term, a worked example) or continues a breakdown whose first figure
    # carries the finding.
    covered_by: str | None = Field(
        description="The first covering source as an editor reads it: a footnote's text, a link's "
        "address, an attribution's words."
    )
    carried: bool = Field(description="Covered by a source named earlier in the passage.")
    mood: str | None = Field(
        description="Why the figure needs no source, or null: not asserted as a fact (modal, goal, "
        "condition, rule...), or a fact a copy chief leaves alone (reference: a contest's seats, a "
        "place's population; act: a public body's own fine or grant; location: a distance that says "
        "where)."
    )
    parallel: bool = Field(description="Continues a breakdown whose first figure carries any finding.")
    restated: bool = Field(
        default=False,
        description="States again a figure the article gives elsewhere (earlier, or in the body for a headline's): judged there.",
    )


class ReportDate(_Contract):
    id: str
    start: int
    end: int
    text: str
    value: str | None = Field(
        description="ISO 8601: 1988, 1988-02, 1988-02-14, or an interval 1991-04/1991-08; null when "
        "a relative date cannot be resolved."
    )
    kind: DateKind
    tense: Literal["past", "present", "future", "unknown"]


class ReportSource(_Contract):
    id: str
    kind: Literal["footnote", "link", "inline"] = Field(
        description="footnote: a [1] or [^1] marker with its definition; link: a Markdown or HTML "
        "link; inline: an attribution phrase."
    )
    label: str | None
    start: int
    end: int
    text: str
    year: int | None = Field(description="The year the source is dated, when it says.")
    url: str | None = _left_out_when_none()
    entity: str | None = _left_out_when_none()
    # The text an inline source is in force over: its sentence, or the passage that goes on
    # reporting its data.
    scope_start: int | None = _left_out_when_none()
    scope_end: int | None = _left_out_when_none()


class ReportWordChange(_Contract):
    """One step of the word-level difference between this quote and the archive's."""

    op: Literal["equal", "insert", "delete", "replace"] = Field(
        description="insert: words only the other quote has; delete: words only this one has."
    )
    here: str
    there: str


class ReportArchiveQuote(_Contract):
    """The quote of another reviewed article that an archive finding is about."""

    article: str = Field(description="The other article's id.")
    path: str
    published: str | None
    report: str = Field(description="The file name of the other article's HTML report.")
    item: str
    start: int
    end: int
    line: int
    text: str
    speaker: str | None
    same_words: bool = Field(description="Identical after normalising; one may be an excerpt of the other.")
    same_speaker: bool = Field(description="The two speakers are one person, as far as their names tell.")
    diff: tuple[ReportWordChange, ...]


class ReportFinding(_Contract):
    rule: str
    severity: Severity
    item: str = Field(description="The id of the quote, figure, date or source the finding is about.")
    start: int
    end: int
    line: int = Field(description="1-based, derived from start.")
    column: int = Field(description="1-based, derived from start.")
    end_line: int
    end_column: int
    message: str
    fingerprint: str = Field(description="Stable across commits: rule, path, normalised text, occurrence.")
    status: Status
    match: ReportArchiveQuote | None = _left_out_when_none()


class ArticleReport(_Contract):
    """What copydesk extracted from one article file and, in a review's reports, what it found.
    Every span's start and end are character offsets into the whole file as decoded from
    UTF-8, front matter included."""

    model_config = ConfigDict(title="copydesk article report")

    path: str
    article: ReportArticleInfo
    quotes: tuple[ReportQuote, ...]
    figures: tuple[ReportFigure, ...]
    dates: tuple[ReportDate, ...]
    sources: tuple[ReportSource, ...]
    findings: tuple[ReportFinding, ...] | None = Field(
        default=None,
        exclude_if=_none,
        description="Present in review reports; absent from copydesk extract's output.",
    )
    errors: tuple[str, ...] = Field(description="Why the file could not be read or reviewed, if so.")


def contract_schema() -> dict[str, Any]:
    """The JSON Schema of an article report, as ``copydesk schema`` prints it."""
    return {"$schema": JSON_SCHEMA_DIALECT, **ArticleReport.model_json_schema()}
