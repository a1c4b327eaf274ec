"""copydesk's own Great Expectations expectations.

Each subclasses a built-in expectation and fixes the columns and condition a rule needs,
so a suite file can say ``expectation: expect_figures_to_be_sourced`` instead of
repeating the arguments. GX registers them by their snake_case name when this module is
imported; they work anywhere a built-in does.
"""

from __future__ import annotations

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column, RowConditionType


class ExpectSpeechQuotesToHaveSpeaker(gxe.ExpectColumnValuesToNotBeNull):
    """Every speech quote names who said it (rule quote-unattributed)."""

    column: str = "speaker"
    row_condition: RowConditionType = Column("kind") == "speech"


class ExpectFiguresToBeSourced(gxe.ExpectColumnValuesToBeBetween):
    """Every figure the article asserts has at least one source (rule figure-unsourced)."""

    column: str = "source_count"
    min_value: int = 1
    row_condition: RowConditionType = Column("claim") == True  # noqa: E712 (a GX condition, not a test)


class ExpectCompletedEventsNotAfterPublication(gxe.ExpectColumnPairValuesAToBeGreaterThanB):
    """An event told in the past tense is not dated after publication (rule date-future)."""

    column_A: str = "published"
    column_B: str = "range_start"
    or_equal: bool = True
    ignore_row_if: str = "either_value_is_missing"
    row_condition: RowConditionType = Column("tense") == "past"


class ExpectArchiveQuotesToKeepTheirSpeaker(gxe.ExpectColumnValuesToBeInSet):
    """A quote another article repeats word for word names the same person
    (rule quote-speaker-conflict)."""

    column: str = "same_speaker"
    value_set: list = [True]
    row_condition: RowConditionType = Column("same_words") == True  # noqa: E712 (a GX condition)


class ExpectArchiveQuotesToKeepTheirWords(gxe.ExpectColumnValuesToBeInSet):
    """A quote another article gives to the same person has the same words
    (rule quote-wording-drift)."""

    column: str = "same_words"
    value_set: list = [True]
    row_condition: RowConditionType = Column("same_speaker") == True  # noqa: E712 (a GX condition)


CUSTOM_EXPECTATIONS = {
    "expect_speech_quotes_to_have_speaker": ExpectSpeechQuotesToHaveSpeaker,
    "expect_figures_to_be_sourced": ExpectFiguresToBeSourced,
    "expect_completed_events_not_after_publication": ExpectCompletedEventsNotAfterPublication,
    "expect_archive_quotes_to_keep_their_speaker": ExpectArchiveQuotesToKeepTheirSpeaker,
    "expect_archive_quotes_to_keep_their_words": ExpectArchiveQuotesToKeepTheirWords,
}
