"""quote-unattributed: a speech quote with no speaker."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, CustomExpectation, Fact, Rule

HAS_SPEAKER = CustomExpectation(
    "expect_speech_quotes_to_have_speaker",
    "ExpectColumnValuesToNotBeNull",
    "Every speech quote names who said it (rule quote-unattributed).",
    fields={"column": "speaker"},
    row_condition={"kind": "speech", "named_nearby": False},
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
        "it when the text does. A quote the text gives no speaker is not flagged either when a person "
        "or body is named in its sentence or the one before or after: that is where a reader looks for "
        "the speaker, and finds one (an unnamed group there, “officials”, is nobody a reader can check)."
    ),
    fires=("“We will rebuild the pier by spring.”\n\nThe council met on Tuesday.\n"),
    passes="“We will rebuild the pier by spring,” said Mayor Ana Ruiz.\n",
    suite="attribution",
    table="quotes",
    reads=("kind", "speaker", "named_nearby"),
    facts=(
        # FLAGS-GUIDE: speech is unattributed when a reader cannot find its speaker in its
        # sentence or the one before or after; a name there is where a reader looks.
        Fact(
            "named_nearby",
            "a speech quote the text gives no speaker has a person or body named in its "
            "sentence or the one before or after",
            lambda q, view: q.named_nearby is not None,
            decided_in="flows/extract/quote_nearby.py",
        ),
    ),
    checks=(Check(HAS_SPEAKER),),
)
