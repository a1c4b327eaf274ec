"""Which nouns can speak: the learned table, its lookup and the command that rebuilds it."""

from __future__ import annotations

from spacy.tokens import Doc

from copydesk.flows.extract import speaker_nouns
from copydesk.flows.extract.speaker_nouns_train import count, main, source_spans, write


def _token(nlp, word: str, pos: str, lemma: str, ent: str = "") -> object:
    doc = Doc(nlp.vocab, words=[word], pos=[pos], lemmas=[lemma], ents=[f"B-{ent}" if ent else "O"])
    return doc[0]


def test_a_noun_often_a_subject_and_never_a_source_cannot_speak(nlp, monkeypatch):
    monkeypatch.setattr(
        speaker_nouns, "_table", lambda: {"tone": (40, 0), "spokesman": (40, 30), "ode": (2, 0)}
    )
    assert speaker_nouns.cannot_speak(_token(nlp, "tone", "NOUN", "tone"))
    assert not speaker_nouns.cannot_speak(_token(nlp, "spokesman", "NOUN", "spokesman"))
    # Seen too rarely to judge, or never seen: the benefit of the doubt.
    assert not speaker_nouns.cannot_speak(_token(nlp, "ode", "NOUN", "ode"))
    assert not speaker_nouns.cannot_speak(_token(nlp, "harbourmaster", "NOUN", "harbourmaster"))
    # Names and pronouns always can.
    assert not speaker_nouns.cannot_speak(_token(nlp, "Tone", "PROPN", "Tone"))
    assert not speaker_nouns.cannot_speak(_token(nlp, "tone", "NOUN", "tone", ent="ORG"))


def test_the_shipped_table_knows_abstract_subjects_from_reporters():
    table = speaker_nouns._table()
    assert len(table) > 200
    seen, source = table["spokesman"]
    assert source > seen / 2


def test_source_spans_read_brat_fragments_and_skip_other_lines(tmp_path):
    ann = tmp_path / "a_1.ann"
    ann.write_text(
        "T1\tSource 0 13\tThe spokesman\n"
        "T2\tCue 14 18\tsaid\n"
        "T3\tSource 40 44;50 55\tAnna Lee\n"
        "a line that ran over from the span text above\n"
        "E1\tAttribution:T2 Source:T1\n",
        encoding="utf-8",
    )
    assert source_spans(ann) == [(0, 13), (40, 44), (50, 55)]


def test_counts_subjects_and_sources_and_writes_lemmas_only(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    (corpus / "text").mkdir(parents=True)
    (corpus / "attributions").mkdir()
    text = "The spokesman said the ferry would run. The mood was calm. The spokesman smiled."
    (corpus / "text" / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "attributions" / "a_1.ann").write_text("T1\tSource 0 13\tThe spokesman\n", encoding="utf-8")
    counts = count(corpus)
    assert counts["spokesman"] == [2, 1]
    assert counts["mood"] == [1, 0]
    out = tmp_path / "table.tsv"
    write({k: v for k, v in counts.items()} | {"mood": [3, 0]}, out, corpus)
    body = out.read_text(encoding="utf-8")
    assert "mood\t3\t0" in body and "ferry" not in body and "calm" not in body


def test_the_command_refuses_a_folder_without_a_corpus(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert "no text/ and attributions/" in capsys.readouterr().err
