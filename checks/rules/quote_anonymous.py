"""quote-anonymous: a quote whose speaker is described but not named."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Fact, Rule

RULE = Rule(
    id="quote-anonymous",
    severity="info",
    summary="The speaker is not named.",
    help="Name the speaker, or say why they cannot be named.",
    message="Quote {short} is attributed to an unnamed speaker ({speaker}): name them or explain why not.",
    explanation=(
        "A quote whose speaker is described but not named (“one farmer”, “a senior official”). That can "
        "be right, for a source who would be at risk, but the article should then say why the speaker "
        "is not named."
    ),
    fires="“We are running out of patience,” one farmer said at the meeting.\n",
    passes="“We are running out of patience,” Lena Holm, a farmer in Edsby, said at the meeting.\n",
    suite="attribution",
    table="quotes",
    reads=("kind", "has_speaker", "anonymous"),
    facts=(
        Fact("has_speaker", "the text says who said it", lambda q, view: q.speaker is not None),
        Fact(
            "anonymous",
            "the speaker is described, not named (“one farmer”)",
            lambda q, view: bool(q.anonymous),
            decided_in="flows/extract/quotes.py",
        ),
    ),
    checks=(
        Check(
            "expect_column_values_to_be_in_set",
            {"column": "anonymous", "value_set": [False]},
            where={"kind": "speech", "has_speaker": True},
        ),
    ),
)
