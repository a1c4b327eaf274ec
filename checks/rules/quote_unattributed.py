"""quote-unattributed: a speech quote with no speaker."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, CustomExpectation, Rule

HAS_SPEAKER = CustomExpectation(
    "expect_speech_quotes_to_have_speaker",
    "ExpectColumnValuesToNotBeNull",
    "Every speech quote names who said it (rule quote-unattributed).",
    fields={"column": "speaker"},
    row_condition={"kind": "speech"},
)


RULE = Rule(
    id="quote-unattributed",
    severity="error",
    summary="A speech quote has no speaker.",
    help="Say who said it: name the speaker in the quote's sentence or the one next to it.",
    message="Quote {short} has no speaker: say who said it.",
    explanation=(
        "A quotation in the article's own voice that nobody is said to have spoken. Readers cannot "
        "weigh words they cannot attach to a person or body; copy that prints them unattributed "
        "presents them as the paper's own. Terms and titles in quotation marks (scare quotes, “Harbour "
        "Lights”) are not speech and are not flagged; a quote continues the speaker of the quote before "
        "it when the text does."
    ),
    fires=("“We will rebuild the pier by spring.”\n\nThe council met on Tuesday.\n"),
    passes="“We will rebuild the pier by spring,” said Mayor Ana Ruiz.\n",
    suite="attribution",
    table="quotes",
    reads=("kind", "speaker"),
    checks=(Check(HAS_SPEAKER),),
)
