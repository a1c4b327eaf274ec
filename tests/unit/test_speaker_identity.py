"""Who a speaker mention is when it is not a name (``flows/extract/speaker_identity.py``):
a title the article gave a named person ("the mayor" after "Mayor Ana Ruiz") names them;
a person only described ("one farmer") is anonymous; a document, a body or a count of
people is no unnamed person. Every sentence is written for the test."""

from __future__ import annotations

import pytest

from copydesk.flows.extract.quotes import extract_quotes


@pytest.fixture
def speaker(nlp):
    def _speaker(text: str):
        [q] = [q for q in extract_quotes(nlp(text)) if q.kind == "speech"]
        return q

    return _speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title before the name, in the recogniser's entity or only in the tagger's
        ("Mayor Ana Ruiz opened the pier on Monday. “We waited ten years,” the mayor said.", "Ana Ruiz"),
        ("Sen. Tom Reyes voted against it. “It is a gift to developers,” the senator said.", "Tom Reyes"),
        # an appositive after the name
        (
            "Tom Reyes, the harbour master, shut the pier. “The pilings are rotten,” the harbour master said.",
            "Tom Reyes",
        ),
        # the description's qualifier picks one of two titled people
        (
            "Democratic nominee Lee Chan and Republican nominee Jo Park met on Friday. "
            "“I will fix the pier,” the Republican nominee said.",
            "Jo Park",
        ),
        # a qualifier no holder of the title has tells nobody apart
        (
            "Democratic nominee Lee Chan and Republican nominee Jo Park met on Friday. "
            "“I will fix the pier,” the Republican presidential nominee said.",
            "Jo Park",
        ),
        # a "when" word does not have to be in the title
        ("Governor Ana Ruiz signed the bill. “It took a decade,” the former governor said.", "Ana Ruiz"),
    ],
)
def test_a_title_the_article_gave_a_named_person_names_them(speaker, text, name):
    q = speaker(text)
    assert name in (q.speaker_name or "") and not q.anonymous


@pytest.mark.parametrize(
    "text",
    [
        # nobody holds the title
        "Mayor Ana Ruiz opened the pier. “It is a great day,” the governor said.",
        # an indefinite description is somebody new
        "Mayor Ana Ruiz opened the pier. “It is a great day,” a farmer said.",
        "“We are running out of patience,” one farmer said at the meeting.",
    ],
)
def test_a_person_only_described_is_anonymous(speaker, text):
    q = speaker(text)
    assert q.anonymous and "Ruiz" not in (q.speaker_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "“The closure is unlawful,” the ruling said.",  # a document
        "“We will strike on Monday,” the union said.",  # a body
        "“The pier must close,” 52 percent of the residents said.",  # a count of people
    ],
)
def test_a_speaker_that_is_no_person_is_not_anonymous(speaker, text):
    assert not speaker(text).anonymous


def test_a_lower_case_word_the_tagger_took_for_a_name_is_no_name(speaker):
    # the small model tags "senator" here as a proper noun; no senator is named
    assert speaker("“It is a gift to developers,” the senator said.").anonymous
