"""Long texts are parsed in pieces cut at paragraph breaks and joined into one Doc whose
text is the text given; what the extractors find in it is what they find in a whole parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk.flows.extract.parsing as parsing
from copydesk.checks.codec import article_to_data
from copydesk.flows.extract.parsing import parse, pieces


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab .\n")), max_size=400),
    size=st.integers(5, 60),
)
def test_pieces_cover_the_text_and_respect_the_size(text, size):
    cut = list(pieces(text, size, long_text=size))
    assert "".join(cut) == text
    assert all(len(p) <= size for p in cut)
    assert all(p for p in cut) or cut == [text]


def test_a_piece_ends_after_a_paragraph_break_when_there_is_one():
    text = "One.\n\nTwo two.\nStill two.\n\nThree."
    assert list(pieces(text, size=21, long_text=10)) == ["One.\n\n", "Two two.\nStill two.\n\n", "Three."]
    assert list(pieces(text, size=20, long_text=len(text))) == [text]


def test_joined_docs_keep_the_text_and_the_order(nlp, monkeypatch):
    monkeypatch.setattr(parsing, "LONG_TEXT", 50)
    monkeypatch.setattr(parsing, "PIECE", 40)
    texts = ["Short one.", "A first paragraph here.\n\nA second one, longer than that.\n\nAnd a third.", ""]
    docs = list(parse(nlp, texts, batch_size=2))
    assert [d.text for d in docs] == texts
    long_doc = docs[1]
    assert long_doc[0].is_sent_start and any(t.dep_ == "ROOT" for t in long_doc)
    starts = [s.start_char for s in long_doc.sents]
    assert texts[1].index("A second") in starts and texts[1].index("And a third") in starts


def test_an_article_parsed_in_pieces_reads_as_one_parsed_whole(articles_dir, nlp, monkeypatch):
    from copydesk.flows.extract.pipeline import extract_batch

    path = max((str(p) for p in articles_dir.iterdir()), key=lambda p: Path(p).stat().st_size)
    [whole] = extract_batch([path])
    monkeypatch.setattr(parsing, "LONG_TEXT", 600)
    monkeypatch.setattr(parsing, "PIECE", 500)
    assert len(list(pieces(whole.text, parsing.PIECE, parsing.LONG_TEXT))) > 2
    [cut] = extract_batch([path])
    assert article_to_data(cut) == article_to_data(whole)


@pytest.mark.parametrize("title", ["Sens.", "Reps.", "Govs.", "Drs."])
def test_a_plural_title_does_not_end_the_sentence(nlp, title):
    doc = nlp(f"The levy was backed by the mayor and {title} Ana Ruiz and Jo Lee, who spoke on Monday.")
    assert len(list(doc.sents)) == 1
    assert title in [t.text for t in doc]
