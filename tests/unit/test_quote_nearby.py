"""The reader's question for a quote the text gives no speaker (``quote_nearby``): is a
person or body named in its sentence or the one before or after? On invented passages,
where it should find one and where it should not; and ``quote-unattributed`` following it."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.checks.runner import review_findings
from copydesk.flows.extract.pipeline import extract_batch
from copydesk.flows.extract.quotes import extract_quotes


@pytest.fixture
def nearby(nlp):
    """The speech quotes of ``text`` the extractor left without a speaker, each with the
    name ``named_nearby`` found for it (None: nobody)."""

    def _nearby(text: str) -> list[str | None]:
        quotes = [q for q in extract_quotes(nlp(text)) if q.kind == "speech" and q.speaker is None]
        assert quotes, "the passage must hold a speech quote the text gives no speaker"
        return [q.named_nearby for q in quotes]

    return _nearby


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a possessive in the sentence before: the reader takes its owner for the speaker
        (
            "Mayor Ana Ruiz's plan for the waterfront drew a large crowd on Tuesday.\n\n"
            "“We will rebuild the pier by spring and the market by summer.”",
            "Mayor Ana Ruiz",
        ),
        # a name in the sentence after, in any role
        (
            "“It is a disgrace and a waste of everyone's money.”\n\n"
            "Reporters asked Tomas Vik about the closure on Tuesday.",
            "Tomas Vik",
        ),
        # a credit in brackets after a slogan: an organisation named in its sentence
        ("“Yes to a fair harbour tax for every family.” (Greenpeace, 2009)", "Greenpeace"),
        # past a sentence of quoted words only: the narration of a run of quotes
        (
            'When the crew saw no help was coming, "they turned back" for the pier. '
            '"There was no delay at all. It took a good ten minutes to get ready," Ana Ruiz said.',
            "Ana Ruiz",
        ),
    ],
)
def test_a_name_beside_the_quote_is_where_a_reader_looks(nearby, text, name):
    assert nearby(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        # nobody named around it
        "The meeting ended late.\n\n“We will never sell the harbour to developers.”\n\nThe council met again.",
        # an unnamed group is nobody a reader could check
        (
            "The last fare freeze ended in 2016.\n\n"
            "“They are balancing the books on the backs of night-shift workers.”\n\n"
            "Officials call the new pricing model “fair fares”."
        ),
        # a name inside the quote is what it is about, not who said it
        "The meeting ended late.\n\n“Ana Ruiz will never rebuild the pier, not this year.”\n\nThe council met again.",
        # places and days are no speakers
        "Rain fell on London on Tuesday.\n\n“Nobody expected this much water in one night.”\n\nRoads closed in Paris.",
        # a name two sentences away is out of reach
        (
            "Ana Ruiz opened the meeting at six. The council then turned to the budget.\n\n"
            "“We cannot afford another delay on the pier.”\n\nThe vote was close."
        ),
    ],
)
def test_no_name_beside_the_quote(nearby, text):
    assert nearby(text) == [None]


def test_quote_unattributed_fires_only_where_a_reader_finds_nobody(tmp_path: Path, nlp, suites):
    bodies = {
        "alone": "The meeting ended late.\n\n“We will never sell the harbour to developers.”\n",
        "beside": (
            "Mayor Ana Ruiz's plan for the waterfront drew a large crowd on Tuesday.\n\n"
            "“We will rebuild the pier by spring and the market by summer.”\n"
        ),
    }
    paths = []
    for name, body in bodies.items():
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\npublished: 2024-06-01\n---\n{body}", encoding="utf-8")
        paths.append(str(path))
    arts = {Path(a.path).stem: a for a in extract_batch(paths)}
    review_findings(list(arts.values()), suites)
    fired = {name: [f.rule for f in art.findings] for name, art in arts.items()}
    assert fired["alone"] == ["quote-unattributed"]
    assert "quote-unattributed" not in fired["beside"]
