"""The data model of a review: typed records for what was extracted and what was found.

Extractors (in ``copydesk.flows.extract``) yield these with offsets into the text they parsed;
``copydesk.flows.extract.document`` maps them to file offsets. The checks and the reports consume
them, which is why they live here: ``checks`` and ``reports`` never import ``flows``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["speech", "term"]
Tense = Literal["past", "present", "future", "unknown"]
# "sequence": two dates whose clauses order their events ("after … in 2019, … in 2017": dates.py).
DateKind = Literal["absolute", "relative", "range", "decade", "century", "sequence"]


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None
    cue: str | None = None
    sources: list[str] = field(default_factory=list)
    id: str = ""
    # Derived facts the checks use; not part of the JSON contract's required fields.
    anonymous: bool = False
    statement_year: int | None = None  # an explicit year the statement was made in
    # A speech quote the text gives no speaker: a person or body named beside it (its
    # sentence or the one before or after), where a reader looks for one (quote_nearby).
    named_nearby: str | None = None
    cue_start: int | None = None  # where the cue verb is (internal to extraction)
    paragraph: int = 0


@dataclass
class Figure:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    hedge: str | None = None
    kind: Literal["count", "percent", "money", "quantity", "fraction", "multiple"] = "count"
    sources: list[str] = field(default_factory=list)
    id: str = ""
    running_tally: bool = False  # "so far", "at the moment", … in the present tense
    as_of: bool = False  # the sentence gives an "as of" date
    share: bool = False  # "N percent of …"
    decrease: bool = False  # the figure is a fall, cut or drop
    rate: str | None = None  # "a year", "per month"
    # Why the figure needs no source: not asserted as a fact ("modal", "goal", "condition",
    # "rule", ...: a worked example, a plan's parameter), or a fact a copy chief leaves
    # alone ("reference", "act", "location": flows/extract/reference_facts.py). None: a
    # claim that needs one.
    mood: str | None = None
    # Continues a run of parallel figures earlier in its sentence (a breakdown): the run is
    # one claim, reported once, on its first figure.
    parallel: bool = False
    # The source covers this figure from an earlier sentence of the passage, not its own.
    carried: bool = False
    # States again a figure given earlier in the article (same value, same unit), or is a
    # headline's figure that the body gives: the same claim, judged where the body states it.
    restated: bool = False
    sentence_start: int = 0
    sentence_end: int = 0
    paragraph: int = 0


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO 8601: 1988, 1988-02, 1988-02-14, or an interval a/b
    kind: DateKind = "absolute"
    tense: Tense = "unknown"
    range_start: str | None = None
    range_end: str | None = None
    id: str = ""


@dataclass
class Source:
    id: str
    kind: Literal["footnote", "link", "inline"]
    start: int
    end: int
    text: str
    label: str | None = None
    year: int | None = None
    url: str | None = None
    entity: str | None = None
    vague: bool = False
    cited: int = 0  # how many markers point at it (footnotes)
    # The text an inline source is in force over: its sentence, or the passage that goes on
    # reporting its data (file offsets once mapped; None for footnotes and links).
    scope_start: int | None = None
    scope_end: int | None = None


@dataclass
class Citation:
    """A footnote marker or link in the body, with the claim it stands behind."""

    label: str
    start: int
    end: int
    source_id: str | None  # None: the footnote has no definition
    kind: Literal["footnote", "link"] = "footnote"
    claim_start: int = 0
    claim_end: int = 0
    claim_year: int | None = None  # latest completed-event year in the claim
    mismatch: bool = False  # the citation shares nothing with the claim; its names belong elsewhere
    id: str = ""
    clean_pos: int = 0  # where it sits in the reviewed text (internal to extraction)


@dataclass
class VagueAttribution:
    start: int
    end: int
    text: str
    id: str = ""


@dataclass(frozen=True)
class WordChange:
    """One step of the word-level difference between two wordings of a quote: ``equal``,
    ``insert`` (words only the other has), ``delete`` (words only this one has) or
    ``replace``, with the words on each side."""

    op: Literal["equal", "insert", "delete", "replace"]
    here: str
    there: str


@dataclass(frozen=True)
class ArchiveMatch:
    """A quote of another reviewed article that repeats this one (``copydesk.checks.archive``):
    which article, when it was published, where the quote is, and its words."""

    article_id: str
    path: str
    published: str | None
    item: str
    start: int
    end: int
    line: int
    text: str
    speaker: str | None
    same_words: bool  # identical after normalising (one may be an excerpt of the other)
    same_speaker: bool  # the two speakers are one person, as far as their names tell
    diff: tuple[WordChange, ...] = ()


@dataclass(frozen=True)
class QuoteMatch:
    """A speech quote of this article and the archive quote that repeats it."""

    quote_id: str
    match: ArchiveMatch


@dataclass
class HiddenCharacter:
    """A run of characters a reader cannot see (``copydesk.checks.hidden``): bidi controls that
    reorder the text around them, zero-width characters that split words and numbers."""

    start: int
    end: int
    text: str  # the file's text of the run: the characters themselves, or an HTML entity
    kind: Literal["bidi", "zero-width"] = "zero-width"
    id: str = ""


@dataclass
class Finding:
    rule: str
    severity: str
    item: str
    start: int
    end: int
    line: int
    column: int
    message: str
    fingerprint: str = ""
    status: str = "open"
    end_line: int = 0
    end_column: int = 0
    # Why an inline directive suppressed it (status "suppressed"); None when not suppressed.
    suppression: str | None = None
    # The other article's quote, for the archive rules (quote-speaker-conflict, quote-wording-drift).
    match: ArchiveMatch | None = None


@dataclass
class ArticleInfo:
    id: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    section: str | None = None


@dataclass
class ReviewedArticle:
    """One article's extraction and findings: the JSON contract of DESIGN.md."""

    path: str
    article: ArticleInfo
    text: str = ""
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    vague: list[VagueAttribution] = field(default_factory=list)
    hidden: list[HiddenCharacter] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reviewed: bool = True  # False when the file could not be read at all
    # (kind, start, end) of the zones shown in reports: title, headings, paragraphs, list items.
    zones: list[tuple[str, int, int]] = field(default_factory=list)
    # HTML comments in the file, (start, end, text): inline switches such as suppressions.
    directives: list[tuple[int, int, str]] = field(default_factory=list)
    # Quotes of other reviewed articles that repeat this one's (``copydesk.checks.archive``); set by
    # each review from the archive index, never cached with the extraction.
    archive_matches: list[QuoteMatch] = field(default_factory=list)
