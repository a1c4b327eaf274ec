"""quote-wording-drift: another article quotes the same speaker in other words."""

from __future__ import annotations

from copydesk.checks.archive.findings import ARCHIVED_EXAMPLE, match_fields
from copydesk.checks.rules.spec import Check, CustomExpectation, Rule

KEEP_WORDS = CustomExpectation(
    "expect_archive_quotes_to_keep_their_words",
    "ExpectColumnValuesToBeInSet",
    "A quote another article gives to the same person has the same words (rule quote-wording-drift).",
    fields={"column": "same_words", "value_set": [True]},
    row_condition={"same_speaker": True},
)


RULE = Rule(
    id="quote-wording-drift",
    severity="warning",
    summary="Another reviewed article quotes the same speaker in slightly different words.",
    help=(
        "Check the wording against the source (a transcript, the video) and correct the one that is "
        "wrong; if both are right (the speaker said it twice), mark the finding so."
    ),
    message=(
        "Quote {short} reads differently in {other_article} ({other_published}, line {other_line}), "
        "also from {other_speaker}: here “{here_marked}”, there “{there_marked}”."
    ),
    explanation=(
        "A speech quote that another reviewed article gives to the same speaker in nearly the same "
        "words: a word changed, dropped or added (at most one word in five). Punctuation, quotation "
        "marks, ellipses and bracketed insertions do not count. One of the two is a misquote, or a "
        "second-hand quote copied with its mistake; the finding shows both wordings with the difference "
        "marked."
    ),
    earlier=ARCHIVED_EXAMPLE,
    fires=(
        "---\n"
        "title: Cruise terminal\n"
        "published: 2024-05-01\n"
        "---\n"
        "\n"
        "“We will not let the harbour become a parking lot for cruise ships,” Mayor Ana Ruiz told "
        "reporters.\n"
    ),
    passes=(
        "---\n"
        "title: Cruise terminal\n"
        "published: 2024-05-01\n"
        "---\n"
        "\n"
        "“We will not let the harbour become a car park for cruise ships,” Mayor Ana Ruiz told "
        "reporters.\n"
    ),
    suite="archive",
    table="archive_matches",
    reads=("same_words", "same_speaker"),
    checks=(Check(KEEP_WORDS),),
    describe=lambda item_id, view: match_fields(item_id, view, same_words=False),
)
