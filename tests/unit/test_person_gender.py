"""Whether "he" or "she" can stand for a named person (``flows/extract/person_gender.py``):
only what the article says (an honorific, a noun with gender set beside the name, a
possessive the name binds as its clause's subject) and never a guess from a first name.
Every sentence is written for the test."""

from __future__ import annotations

import pytest

from copydesk.flows.extract.person_gender import gender_of
from copydesk.flows.extract.quotes import extract_quotes


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # an honorific, for the name as written and for the full name
        ("Mrs. Okafor chairs the board. Ngozi Okafor called the vote.", "Okafor", "f"),
        ("Mrs. Okafor chairs the board. Ngozi Okafor called the vote.", "Ngozi Okafor", "f"),
        ("Mr. Lund runs the mill.", "Lund", "m"),
        # the honorific's name stops where a time starts
        ("Mr. Lund Tuesday said the mill would close.", "Lund", "m"),
        # a noun with gender beside the name: an appositive, or the noun the name is set
        # beside ("his sister, Irena Kral")
        ("Irena Kral, a businesswoman from Brno, bought the mill.", "Irena Kral", "f"),
        ("Pavel Hrubý came with his sister, Irena Kral, to the sale.", "Irena Kral", "f"),
        # an appositive with a possessive names the person by their relation
        ("Melania Trump, his wife, spoke first.", "Melania Trump", "f"),
        # possessives the name binds as its clause's subject, twice
        ("Ana Ruiz sold her shop. Ana Ruiz opened her new cafe.", "Ana Ruiz", "f"),
        # the subject pronoun of what the name says, twice
        ("Tom Reed said he would run. Tom Reed added that he had the votes.", "Tom Reed", "m"),
    ],
)
def test_the_article_gives_a_person_a_gender(nlp, text, name, gender):
    assert gender_of(nlp(text), name) == gender


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # nothing said
        ("Ana Ruiz opened the cafe in June.", "Ana Ruiz"),
        # one bound possessive is a tendency, not a statement
        ("Ana Ruiz sold her shop.", "Ana Ruiz"),
        # another person in the clause could own the possessive
        ("Lena Fox grilled Tom Reed over his pay. Lena Fox pressed Tom Reed on his bonus.", "Lena Fox"),
        # the appositive describes someone else: her husband, not her
        ("Dora Woods, whose husband, Ty Woods, died in the attack, spoke on Monday.", "Dora Woods"),
        # a "-man" role noun is written for women too
        ("Campaign spokesman Hope Hicks confirmed the date.", "Hope Hicks"),
        # two people share the surname: the bare surname's evidence could be either's
        ("Bill Marsh and Hillary Marsh arrived. Mrs. Marsh spoke first.", "Bill Marsh"),
        # a verb whose object is the addressee: "he" could be either of them
        ("Tom Reed told reporters he would run. Tom Reed told voters he had the votes.", "Tom Reed"),
        # told someone: the "he" could be either of them
        ("Tom Reed told Lena Fox he would run. Tom Reed told Lena Fox he had the votes.", "Tom Reed"),
        # the evidence points both ways
        ("Mr. Lee signed. Mrs. Lee did not.", "Lee"),
    ],
)
def test_no_gender_without_clear_evidence(nlp, text, name):
    assert gender_of(nlp(text), name) is None


@pytest.fixture
def speech(nlp):
    def _speech(text: str):
        return [q for q in extract_quotes(nlp(text)) if q.kind == "speech"]

    return _speech


def test_she_is_not_a_man_the_article_calls_mr(speech):
    [q] = speech(
        "Mrs. Okafor met Mr. Lund at the mill on Tuesday. Mr. Lund left early. “We disagree on the price,” she said."
    )
    assert (q.speaker, q.speaker_name) == ("she", "Okafor")


def test_he_is_not_a_woman_set_beside_a_gendered_noun(speech):
    [q] = speech(
        "Pavel Hrubý sold the mill to Irena Kral, a local businesswoman. "
        "Irena Kral paid in cash. “It was a fair price,” he said."
    )
    assert (q.speaker, q.speaker_name) == ("he", "Pavel Hrubý")


def test_without_evidence_the_nearest_subject_still_speaks(speech):
    [q] = speech(
        "Lee Chan met Jo Park at the mill. Jo Park left early. “We disagree on the price,” she said."
    )
    assert (q.speaker, q.speaker_name) == ("she", "Jo Park")


def test_a_name_the_recogniser_missed_is_a_person_when_the_article_gives_it_a_gender(speech):
    # "Chase" is an ORG to the recogniser, but "Mrs. Chase" makes it a woman
    [q] = speech(
        "Mrs. Chase chairs the council. Tom Reed proposed the plan, and Chase voted against it. "
        "“It was rushed,” she said."
    )
    assert (q.speaker, q.speaker_name) == ("she", "Chase")


def test_an_organisation_without_a_gender_is_not_taken_for_he(speech):
    [q] = speech("Lena Fox proposed the fee, and Target opposed it. “It was rushed,” he said.")
    assert q.speaker_name != "Target"


@pytest.mark.parametrize(
    "text",
    [
        # the name is the subject inside the quoted words: who the speaker talks about
        "Tom Reed met the board on Monday. “Lena Fox will win the vote,” he said.",
        # and where it is no subject, nothing changes
        "Tom Reed met the board on Monday. “The board will back Lena Fox,” he said.",
    ],
)
def test_a_name_inside_the_quote_is_not_its_speaker(speech, text):
    [q] = speech(text)
    assert (q.speaker, q.speaker_name) == ("he", "Tom Reed")


def test_the_sentence_before_is_the_narrative_one_past_a_quote_the_tagger_cut_off(speech):
    # the tagger ends a sentence at the "?" inside the quote: "he asks." stands alone, and
    # the sentence before it is quoted words only
    [q] = speech(
        "Speaking at a rally, Tom Reed made a demand of Lena Fox. "
        "“Will you pledge to pardon nobody? Will you?” he asks."
    )
    assert (q.speaker, q.speaker_name) == ("he", "Tom Reed")


def test_a_pronoun_inside_quoted_words_does_not_start_the_chain(speech):
    # the "She" inside the quotes is Ruiz, whom Okafor talks about; the last "she" is Okafor
    found = speech(
        "Ana Ruiz voted no on Monday. “She is wrong,” Mrs. Okafor said. “She never shows up. She skips every vote.” she said."
    )
    assert (found[-1].speaker, found[-1].speaker_name) == ("she", "Okafor")
