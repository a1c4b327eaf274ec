"""Quotes: speech or term, who said it, and quotation marks read in context."""

from __future__ import annotations

import pytest

from copydesk.flows.extract.quote_marks import find_quote_spans
from copydesk.flows.extract.quotes import extract_quotes
from copydesk.flows.extract.text import paragraph_spans


@pytest.fixture
def quotes(nlp):
    def _quotes(text: str):
        doc = nlp(text)
        found = extract_quotes(doc)
        for q in found:  # offsets are into doc.text
            assert doc.text[q.start : q.end] == q.text
            if q.speaker is not None:
                assert doc.text[q.speaker_start : q.speaker_end] == q.speaker
        return found

    return _quotes


# ---------------------------------------------------------------- speech or term
@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Fishermen called the new levy “the harbour tax” from the first day.", "“the harbour tax”"),
        ("The mayor dubbed the plan “Project Lantern” in January.", "“Project Lantern”"),
        (
            "The prize, known as the “Golden Pen Award”, went to a reporter from the valley.",
            "“Golden Pen Award”",
        ),
        ("The paper named her “Reporter of the Year” in 2019.", "“Reporter of the Year”"),
        ("The scheme, a so-called “rent smoothing” plan, failed within months.", "“rent smoothing”"),
        # a word set off before the noun it modifies: its participle is no verb of a clause
        ("Yet the “fact-checking” website has trouble with its own numbers.", "“fact-checking”"),
        ("The ruling was a “well-deserved” rebuke for the harbour board.", "“well-deserved”"),
    ],
)
def test_terms(quotes, text, quoted):
    [q] = quotes(text)
    assert q.text == quoted
    assert q.kind == "term"
    assert q.speaker is None and q.speaker_name is None


def test_a_modifier_quoted_in_reported_speech_is_the_speaker_s_word(quotes):
    [q] = quotes("Reed said that the mayor's “reckless” plan had failed the harbour.")
    assert (q.kind, q.speaker) == ("speech", "Reed")


def test_scare_quote_after_called_with_object(quotes):
    [q] = quotes("Locals have long called the empty lot “the crater”.")
    assert q.kind == "term"


def test_full_sentence_is_speech(quotes):
    [q] = quotes("“The bridge will not open before spring,” said Maria Olsen.")
    assert q.kind == "speech"


# ---------------------------------------------------------------- speakers
@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # speaker after the quote, inverted
        ("“The bridge will not open before spring,” said Maria Olsen.", "Maria Olsen", "said"),
        # speaker after the quote
        ("“We have waited long enough for this bridge,” Maria Olsen said.", "Maria Olsen", "said"),
        # speaker before the quote
        ("Maria Olsen said, “We have waited long enough for this bridge.”", "Maria Olsen", "said"),
        # colon introduction
        ("Maria Olsen said: “We have waited long enough for this bridge.”", "Maria Olsen", "said"),
        # a role, inverted
        ("“We have run out of money for the roof,” said the treasurer.", "the treasurer", "said"),
        # another verb of saying
        (
            "“A library that closes on Saturdays serves nobody who works,” wrote Jonas Lind.",
            "Jonas Lind",
            "wrote",
        ),
    ],
)
def test_speaker_positions(quotes, text, speaker, cue):
    [q] = quotes(text)
    assert q.kind == "speech"
    assert (q.speaker, q.speaker_name, q.cue) == (speaker, speaker, cue)


def test_appositive_speaker_name_is_the_person(quotes):
    [q] = quotes("Tom Barker, the union's treasurer, said, “We have nothing left in the strike fund.”")
    assert q.speaker == "Tom Barker, the union's treasurer"
    assert q.speaker_name == "Tom Barker"


def test_role_then_name_appositive(quotes):
    [q] = quotes("The harbour master, Maria Olsen, said “the channel has to be dredged before the summer.”")
    assert q.speaker == "The harbour master, Maria Olsen"
    assert q.speaker_name == "Maria Olsen"


def test_according_to(quotes):
    [q] = quotes("According to Anna Weber, “the shelter turns people away every single night.”")
    assert (q.kind, q.speaker, q.speaker_name, q.cue) == (
        "speech",
        "Anna Weber",
        "Anna Weber",
        "according to",
    )


def test_pronoun_resolves_to_the_previous_person(quotes):
    [q] = quotes("Anna Weber runs the shelter. “We turn people away every night,” she said.")
    assert q.speaker == "she"
    assert q.speaker_name == "Anna Weber"


def test_pronoun_in_a_colon_introduction(quotes):
    [q] = quotes("Anna Weber runs the shelter. She said: “We turn people away every night.”")
    assert (q.speaker, q.speaker_name) == ("She", "Anna Weber")


def test_split_quote_has_one_speaker(quotes):
    first, second = quotes(
        "Anna Weber runs the shelter. “We turn people away every night,” she said, "
        "“and the winter has not even started.”"
    )
    assert first.text == "“We turn people away every night,”"
    assert second.text == "“and the winter has not even started.”"
    for q in (first, second):
        assert (q.kind, q.speaker, q.speaker_name) == ("speech", "she", "Anna Weber")
    assert first.speaker_start == second.speaker_start


def test_split_quote_with_a_role(quotes):
    first, second = quotes(
        "“The channel has to be dredged,” the harbour master said, “or the ferries will run aground.”"
    )
    assert first.speaker == second.speaker == "the harbour master"


def test_follow_on_paragraph_inherits_the_speaker(quotes):
    first, second = quotes(
        "Maria Olsen runs the ferry company. “We will keep the boats running all winter,” she said.\n\n"
        "“Nobody else is going to do it for us.”"
    )
    assert first.speaker_name == "Maria Olsen"
    assert second.text == "“Nobody else is going to do it for us.”"
    assert second.kind == "speech"
    assert (second.speaker, second.speaker_name) == ("she", "Maria Olsen")
    assert second.speaker_start == first.speaker_start


def test_lone_quote_paragraph_has_no_speaker(quotes):
    [q] = quotes("The meeting ended late.\n\n“Nobody here trusts the council any more.”")
    assert q.kind == "speech"
    assert q.speaker is None and q.speaker_name is None and q.speaker_start is None


def test_speaker_does_not_leak_across_a_plain_paragraph(quotes):
    first, second = quotes(
        "“The ferry must keep running,” said Maria Olsen.\n\n"
        "The council meets again in March.\n\n"
        "“Nobody here trusts the council any more.”"
    )
    assert first.speaker == "Maria Olsen"
    assert second.speaker is None


def test_colon_introduction_without_a_speech_verb(quotes):
    [q] = quotes("Maria Olsen was blunt about the budget: “We cannot afford another winter like this one.”")
    assert q.speaker_name == "Maria Olsen"


def test_role_and_name_without_commas(quotes):
    [q] = quotes("The engineer Karl Hahn said, “We replaced every valve on the street.”")
    assert q.speaker_name == "Karl Hahn"


# ---------------------------------------------------------------- marks
def test_apostrophes_do_not_break_a_quote(quotes):
    [q] = quotes("“It’s the best rock ’n’ roll record of the ’90s,” said Leo Park, who owns the shop.")
    assert q.text == "“It’s the best rock ’n’ roll record of the ’90s,”"
    assert q.speaker_name == "Leo Park"


def test_guillemets(quotes):
    [q] = quotes("The mayor said « We will not give up the harbour » on Monday.")
    assert q.text == "« We will not give up the harbour »"
    assert (q.kind, q.speaker) == ("speech", "The mayor")


def test_low_high_marks(quotes):
    [q] = quotes("Ines Braun said „Wir bleiben hier bis zum Ende“ in German.")
    assert q.text == "„Wir bleiben hier bis zum Ende“"
    assert (q.kind, q.speaker_name) == ("speech", "Ines Braun")


def test_straight_quotes(quotes):
    [q] = quotes('"The pumps have been broken since spring," said Karin Holm.')
    assert q.text == '"The pumps have been broken since spring,"'
    assert q.speaker_name == "Karin Holm"


def test_unbalanced_marks_do_not_cost_a_later_quote(quotes):
    found = quotes(
        'The 8" pipe burst and the "repair crew never came back. It flooded.\n\n'
        "Later, Karl Hahn said, “We replaced every valve on the street.”"
    )
    assert [q.text for q in found] == ["“We replaced every valve on the street.”"]
    assert found[0].speaker_name == "Karl Hahn"


def test_unclosed_mark_then_a_quote_in_the_same_paragraph(quotes):
    found = quotes("The gauge read 6” at noon. Then Karl Hahn said “Stop the trucks now.”")
    assert [q.text for q in found] == ["“Stop the trucks now.”"]
    assert found[0].speaker_name == "Karl Hahn"


def spans(text: str) -> list[tuple[str, bool, bool, bool]]:
    return [
        (text[s.start : s.end], s.closed, s.continues, s.continuation)
        for s in find_quote_spans(text, paragraph_spans(text))
    ]


def test_find_quote_spans_pairs_marks():
    assert spans("She said “Stop the trucks now.” to us.") == [("“Stop the trucks now.”", True, False, False)]
    assert spans('"Straight quotes work too," he said.') == [
        ('"Straight quotes work too,"', True, False, False)
    ]


def test_find_quote_spans_drops_a_stray_mark_and_keeps_the_rest():
    text = "She wrote “never and then said “Stop the trucks now.” to us."
    [(quoted, closed, _, _)] = spans(text)
    assert quoted == "“Stop the trucks now.”" and closed


def test_find_quote_spans_ignores_apostrophes():
    assert spans("It’s fine, isn’t it? The ’90s were good and rock ’n’ roll too.") == []
    assert spans("rock ’n’ roll “real quote here” ok") == [("“real quote here”", True, False, False)]


def test_find_quote_spans_multi_paragraph_quote():
    text = "“First part of it\n\n“Second part continues.”"
    assert spans(text) == [
        ("“First part of it", False, True, False),
        ("“Second part continues.”", True, False, True),
    ]


def test_a_closing_mark_typed_as_an_opening_one_closes_the_quote(quotes):
    # where no quote can open (after a word or a full stop, before a space or the end),
    # an opening mark closes the one that is open
    assert spans("Karl Hahn said: “We replaced every valve.“ Then he left.") == [
        ("“We replaced every valve.“", True, False, False)
    ]
    [q] = quotes(
        "On Monday, Ines Braun made the following comment:\n\n“The harbour will stay open all winter.“\n"
    )
    assert (q.text, q.kind, q.speaker_name) == (
        "“The harbour will stay open all winter.“",
        "speech",
        "Ines Braun",
    )
    # an opening mark where a quote can open still opens one: “a “nested” word”
    assert spans("She said “the “old” pier is gone” today.") == [
        ("“the “old” pier is gone”", True, False, False)
    ]


def test_find_quote_spans_unclosed_quote_without_a_follow_on_is_dropped():
    assert spans("“First part of it\n\nNo marks here.") == []


def test_doubled_apostrophes_are_quotation_marks(quotes):
    [q] = quotes("''We will keep the ferry running,'' Maria Olsen said.")
    assert q.text == "''We will keep the ferry running,''"
    assert (q.kind, q.speaker) == ("speech", "Maria Olsen")


def test_single_quote_inside_doubled_apostrophes_is_nested(quotes):
    [q] = quotes("Ruiz said, ''They told us 'wait until spring' and we waited.''")
    assert q.text == "''They told us 'wait until spring' and we waited.''"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # three apostrophes at the end close the nested quote, then the outer one
        (
            "''They told us, 'Wait until spring,''' Maria Olsen said.",
            "''They told us, 'Wait until spring,'''",
            "Maria Olsen",
        ),
        # at the start they open the outer quote, then the nested one
        (
            "'''Spring,' they told us, and we waited,'' Ruiz said.",
            "'''Spring,' they told us, and we waited,''",
            "Ruiz",
        ),
    ],
)
def test_three_apostrophes_close_or_open_a_nested_quote_and_its_outer_one(quotes, text, quote, speaker):
    [q] = [q for q in quotes(text) if q.kind == "speech"]
    assert (q.text, q.speaker) == (quote, speaker)


def test_lone_doubled_apostrophe_is_not_a_quote():
    assert spans("The 12'' pipe burst.") == []
