"""Speakers found where the parse gives none, on invented sentences: the reporting tail
after a quote closed by a comma (``quote_tail``), quotation marks typed against the
words before them (``nlp``), a document or an inverted verb introducing the quote
(``quote_introducers``) and a name signing a quote paragraph (``quote_signature``).
Each is checked where it should fire and where it should not."""

from __future__ import annotations

import pytest

from copydesk.flows.extract.quotes import extract_quotes


@pytest.fixture
def speakers(nlp):
    def _speakers(text: str) -> list[tuple[str | None, str | None]]:
        doc = nlp(text)
        found = [q for q in extract_quotes(doc) if q.kind == "speech"]
        for q in found:
            if q.speaker is not None:
                assert doc.text[q.speaker_start : q.speaker_end] == q.speaker
        return [(q.speaker, q.cue) for q in found]

    return _speakers


# ---------------------------------------------------------------- the reporting tail
@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # the tagger takes the verb for a noun
        (
            "“They know she is the only one strong enough,” a voice-over in the ad states.",
            "a voice-over in the ad",
            "states",
        ),
        ("“You seem to have picked a new standard out of thin air,” the two write.", "the two", "write"),
        (
            "“If she wants to be the next president, she should come,” the editorial read.",
            "the editorial",
            "read",
        ),
        # ... or the name for an auxiliary or a verb
        ("“The war is a reminder of what is at stake,” Will wrote.", "Will", "wrote"),
        (
            "“It is a great day,” screenwriter Cole Haddon wrote on Twitter.",
            "screenwriter Cole Haddon",
            "wrote",
        ),
        # inverted: the speaker after the verb, an age used as a noun, an exclamation
        ("“He is an amazing leader,” said the 46-year-old.", "the 46-year-old", "said"),
        ("“America is great!” read one.", "one", "read"),
        # the comma after the closing mark
        (
            "“Today, the kingdom is one of the leading nations”, the Saudis state in the paper.",
            "the Saudis",
            "state",
        ),
    ],
)
def test_the_clause_after_a_comma_closed_quote_names_its_speaker(speakers, text, speaker, cue):
    assert speakers(text) == [(speaker, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "“It is over,” and then the lights went out.",
        "“It is over,” because nobody came to the hall.",
        "“It is over,” Monday evening.",
        "“It is over,” said on Monday.",
        # a question that ends its sentence: what follows is a sentence of its own
        "“Why would anyone in this town do that now?” The question hung in the air.",
    ],
)
def test_words_after_a_quote_that_are_no_reporting_clause_name_nobody(speakers, text):
    [(speaker, _)] = speakers(text)
    assert speaker is None


# ---------------------------------------------------------------- marks typed against words
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ryan said,“Look, images like that have no place in a campaign.”", "Ryan"),
        ('"We are finding that over and over,"Katie Packer said in a statement.', "Katie Packer"),
        (
            'Former secretary of state Hillary Clinton:"We learned that from the department."',
            "Hillary Clinton",
        ),
    ],
)
def test_a_quotation_mark_typed_against_the_words_before_it(speakers, text, speaker):
    [(found, _)] = speakers(text)
    assert found is not None and speaker in found


def test_only_punctuation_typed_against_a_mark_is_split(nlp):
    assert [t.text for t in nlp.tokenizer("Ryan said,“Look")] == ["Ryan", "said", ",", "“", "Look"]
    assert [t.text for t in nlp.tokenizer("5,000 people")] == ["5,000", "people"]
    assert [t.text for t in nlp.tokenizer("https://x.org/a?b=1,c")] == ["https://x.org/a?b=1,c"]


# ---------------------------------------------------------------- introductions before the quote
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser makes the quote the main clause and the issuing verb hang on it
        (
            "Right after the attacks, Trump issued a statement, “Last night, our nation was attacked.”",
            "Trump",
        ),
        ("The ruling party sent a letter, “We object to the plan.”", "The ruling party"),
        # a verb of saying inverted before the name
        ("Continued Stone: “So I think it is a very real problem.”", "Stone"),
    ],
)
def test_the_words_right_before_a_quote_introduce_its_speaker(speakers, text, speaker):
    [(found, _)] = speakers(text)
    assert found == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a document noun that is no object of an issuing clause, away from the quote
        "The statement came late in the day. “We object to the plan.”",
        # a sentence that opens with no verb of saying
        "Worried Stone, “So I think it is a very real problem.”",
    ],
)
def test_words_before_a_quote_that_introduce_no_one_name_nobody(speakers, text):
    [(speaker, _)] = speakers(text)
    assert speaker is None


# ---------------------------------------------------------------- the signature line
def test_a_name_alone_on_the_line_under_a_quote_paragraph_signs_it(speakers):
    text = "“Boeing and other multinationals pay zero taxes.”\n\nBernie Sanders.\n\nThat is not so."
    assert speakers(text) == [("Bernie Sanders", "—")]


def test_a_surname_alone_signs_when_the_article_names_that_person(speakers):
    text = (
        "Bernie Sanders spoke on Tuesday.\n\n“Boeing and other multinationals pay zero taxes.”"
        "\n\nSanders.\n\nThat is not so."
    )
    assert speakers(text) == [("Sanders", "—")]


@pytest.mark.parametrize(
    "under",
    [
        "Sanders disagreed with the figure.",  # a sentence of its own, not a signature
        "The end.",  # no name
        "X.",  # a section break
        "Pause.",  # one word that names nobody
    ],
)
def test_a_line_that_is_not_a_name_alone_signs_nothing(speakers, under):
    [(speaker, _)] = speakers(
        f"“Boeing and other multinationals pay zero taxes.”\n\n{under}\n\nThat is not so."
    )
    assert speaker is None


def test_a_quote_with_words_of_its_own_in_its_paragraph_is_not_signed_from_below(speakers):
    text = "The ad claims that firms “pay zero taxes on their profits.”\n\nBernie Sanders.\n\nThat is not so."
    [(speaker, _)] = speakers(text)
    assert speaker != "Bernie Sanders"


def test_a_reporting_clause_may_run_on_after_its_verb(speakers):
    text = (
        "“Today, the kingdom is one of the leading nations,” the Saudis state in the white paper,"
        " which was being shared with lawmakers on Thursday."
    )
    assert speakers(text) == [("the Saudis", "state")]


# ---------------------------------------------------------------- stage directions
@pytest.mark.parametrize("note", ["Pause.", "A long pause."])
def test_a_stage_direction_between_quote_paragraphs_keeps_the_running_speaker(speakers, note):
    text = f"“I am calling from the campaign,” Miller said into the phone.\n\n{note}\n\n“Well, you do that!”"
    assert [s for s, _ in speakers(text)] == ["Miller", "Miller"]


@pytest.mark.parametrize("note", ["Silence fell over the room.", "Lee laughs."])
def test_narration_between_quote_paragraphs_is_no_stage_direction(speakers, note):
    text = f"“I am calling from the campaign,” Miller said into the phone.\n\n{note}\n\n“Well, you do that!”"
    assert speakers(text)[1][0] != "Miller"


# ---------------------------------------------------------------- handing over to what follows
@pytest.mark.parametrize("line", ["Transcript as follows:", "The rest, as delivered:"])
def test_a_line_handing_over_to_what_follows_keeps_the_running_speaker(speakers, line):
    text = (
        "After the count, Mayor Ines Ortiz said, “We will rebuild the pier.”\n\n"
        f"{line}\n\n“Tonight we walked to the harbour.\n\n“We have the money, and we have the will.”"
    )
    assert [s for s, _ in speakers(text)] == ["Mayor Ines Ortiz"] * 3


@pytest.mark.parametrize("line", ["Then Reed spoke:", "His rival answered:"])
def test_a_line_that_names_or_points_at_someone_hands_over_to_them(speakers, line):
    text = f"After the count, Mayor Ines Ortiz said, “We will rebuild the pier.”\n\n{line}\n\n“We have no money.”"
    assert speakers(text)[1][0] != "Mayor Ines Ortiz"


# ---------------------------------------------------------------- a headline's speaker
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ortiz: ‘We Will Rebuild the Pier.’\n\nMayor Ines Ortiz spoke on Monday.", "Ortiz"),
        ("Reed on Fares: ‘We Cannot Pay.’\n\nMayor Ines Ortiz and Jo Reed spoke on Monday.", "Reed"),
    ],
)
def test_a_headlines_capitalised_lead_before_a_colon_names_its_speaker(speakers, text, speaker):
    assert [s for s, _ in speakers(text)] == [speaker]


def test_a_headline_lead_the_story_never_names_is_no_speaker(speakers):
    assert (
        speakers("Fares at the Quay: ‘We Cannot Pay.’\n\nMayor Ines Ortiz spoke on Monday.")[0][0] != "Fares"
    )


# ---------------------------------------------------------------- a name signed after a dash
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ferry counts are hard to trust - Harbour Research: “Every sample misses the night crossings.”",
            "Harbour Research",
        ),
        ("The quay mattered most in the north - Jo Reed: “Two weeks ago the north was hers.”", "Jo Reed"),
        # the item's headline has a subject and a verb of its own: the signature still signs
        ("Forecasters disagree - Jo Ray: “Nobody saw this coming.”", "Jo Ray"),
        (
            "LATE DECIDERS BROKE FOR THE CHALLENGER - Ann Lee and Jo Ray: “The final week moved more voters.”",
            "Ann Lee",
        ),
    ],
)
def test_a_name_after_a_dash_before_the_colon_signs_the_quote(speakers, text, speaker):
    assert [s for s, _ in speakers(text)] == [speaker]


def test_words_after_a_dash_that_are_no_name_sign_nothing(speakers):
    assert [s for s, _ in speakers("The harbour was busy - and the ferries late: “Nobody could move.”")] == [
        None
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # hyphens inside words are no dash that sets off a signature
        ("Rep. Ann Lee (D-Ore.): “Who told you that?”", "Rep. Ann Lee (D-Ore."),
        ("The 17-year-old Jo Ray echoed: “He speaks his mind.”", "The 17-year-old Jo Ray"),
    ],
)
def test_a_hyphen_inside_the_introduction_signs_nothing(speakers, text, speaker):
    assert [s for s, _ in speakers(text)] == [speaker]


# ---------------------------------------------------------------- a round-up's citation in brackets
def test_a_source_cited_in_brackets_after_the_quote_is_its_speaker(speakers):
    text = "FERRIES LATE AGAIN “The harbour has not seen a winter like this in decades.” [Gazette.]\n\nMore below."
    assert speakers(text) == [("Gazette", "—")]


@pytest.mark.parametrize(
    "text", ["Reed said the pier was “unsafe” [sic] and closed it.", "“It rained,” [laughter] and so on."]
)
def test_a_bracketed_aside_in_lower_case_cites_nobody(speakers, text):
    assert all(s != "sic" and s != "laughter" for s, _ in speakers(text))
