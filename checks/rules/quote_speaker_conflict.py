"""quote-speaker-conflict: another article gives the same quote to someone else."""

from __future__ import annotations

from copydesk.checks.archive.findings import ARCHIVED_EXAMPLE, match_fields
from copydesk.checks.rules.spec import Check, CustomExpectation, Rule

KEEP_SPEAKER = CustomExpectation(
    "expect_archive_quotes_to_keep_their_speaker",
    "ExpectColumnValuesToBeInSet",
    "A quote another article repeats word for word names the same person (rule quote-speaker-conflict).",
    fields={"column": "same_speaker", "value_set": [True]},
    row_condition={"same_words": True},
)


RULE = Rule(
    id="quote-speaker-conflict",
    severity="warning",
    summary="Another reviewed article gives the same quote to a different person.",
    help=(
        "Check who said it against the source; if both are right (two people said it, a chant), mark "
        "the finding so."
    ),
    message=(
        "Quote {short} is {speaker}'s here but {other_speaker}'s in {other_article} ({other_published}, "
        "line {other_line}): check who said it."
    ),
    explanation=(
        "A speech quote that another reviewed article gives, in the same words, to a different person "
        "(after normalising quotation marks, case, punctuation and elisions). One of the two "
        "attributions is probably wrong, and a misattributed quote is the error a correction is hardest "
        "to live down. Mentions of one person (“Clinton”, “Hillary Clinton”) are the same person; both "
        "speakers must be named where they are quoted, and a quote of under eight words is never "
        "matched."
    ),
    earlier=ARCHIVED_EXAMPLE,
    fires=(
        "---\n"
        "title: Cruise terminal\n"
        "published: 2024-05-01\n"
        "---\n"
        "\n"
        "“We will not let the harbour become a car park for cruise ships,” Councillor Tom Reyes told "
        "reporters.\n"
    ),
    passes=(
        "---\n"
        "title: Cruise terminal\n"
        "published: 2024-05-01\n"
        "---\n"
        "\n"
        "“We will not let the harbour become a car park for cruise ships,” Ana Ruiz told reporters.\n"
    ),
    suite="archive",
    table="archive_matches",
    reads=("same_words", "same_speaker"),
    checks=(Check(KEEP_SPEAKER),),
    describe=lambda item_id, view: match_fields(item_id, view, same_words=True),
)
