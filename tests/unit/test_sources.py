"""Sources and coverage: which citation or attribution stands behind each figure."""

from __future__ import annotations

import pytest

from copydesk.flows.extract.sources import footnote_year


@pytest.fixture
def one(write_md, extract):
    """one(body) -> the ReviewedArticle of a single Markdown article with that body."""

    def _one(body: str, name: str = "article.md"):
        [art] = extract(write_md(name, body))
        assert art.reviewed and art.errors == []
        return art

    return _one


def sources_of(art) -> dict[str, list[str]]:
    return {f.text: f.sources for f in art.figures}


def test_marker_after_a_figure_covers_it(one):
    art = one(
        "The line carried 4,200 passengers a day[1] and employed 350 drivers.\n\n"
        "[1]: Transit Authority, ridership report 2023.\n"
    )
    assert sources_of(art) == {"4,200 passengers": ["fn:1"], "350 drivers": []}


def test_marker_ending_a_paragraph_covers_the_paragraph(one):
    art = one(
        "The line carried 4,200 passengers a day. It employed 350 drivers.[1]\n\n"
        "The depot has 90 buses.\n\n"
        "[1]: Transit Authority, ridership report 2023.\n"
    )
    assert sources_of(art) == {"4,200 passengers": ["fn:1"], "350 drivers": ["fn:1"], "90 buses": []}


def test_marker_covers_back_to_the_previous_marker_only(one):
    art = one(
        "The line carried 4,200 passengers a day[1] and 350 drivers ran it[2].\n\n"
        "[1]: Transit Authority, ridership report 2023.\n"
        "[2]: Drivers' Union, members survey 2023.\n"
    )
    assert sources_of(art) == {"4,200 passengers": ["fn:1"], "350 drivers": ["fn:2"]}


def test_link_after_a_figure_covers_it(one):
    art = one("The line carried 4,200 passengers a day ([ridership data](https://example.org/riders)).\n")
    [link] = [s for s in art.sources if s.kind == "link"]
    assert link.url == "https://example.org/riders"
    assert sources_of(art) == {"4,200 passengers": [link.id]}


def test_speech_verb_attribution_covers_its_sentence(one):
    art = one("The ministry says the line carried 4,200 passengers a day. The depot has 90 buses.\n")
    assert sources_of(art)["90 buses"] == []
    [src_id] = sources_of(art)["4,200 passengers"]
    [src] = [s for s in art.sources if s.id == src_id]
    assert (src.kind, src.entity) == ("inline", "The ministry")


@pytest.mark.parametrize(
    "body",
    [
        "According to the ministry, the line carried 4,200 passengers a day.",
        "The line carried 4,200 passengers a day, according to the ministry.",
    ],
)
def test_according_to_covers_its_sentence(one, body):
    art = one(body + "\n")
    assert len(sources_of(art)["4,200 passengers"]) == 1


def test_document_by_an_agent_covers(one):
    art = one("A 2021 audit by the state auditor found 340 vehicles missing from the depot.\n")
    [src_id] = sources_of(art)["340 vehicles"]
    [src] = [s for s in art.sources if s.id == src_id]
    assert src.kind == "inline"
    assert "audit by the state auditor" in src.entity
    assert art.vague == []


def test_census_shows_covers(one):
    art = one("The 2019 census shows 12,000 residents in the district.\n")
    assert len(sources_of(art)["12,000 residents"]) == 1


def test_vague_attribution_does_not_cover(one):
    art = one("Critics say the line lost 800 passengers a week.\n")
    assert sources_of(art) == {"800 passengers": []}
    assert [v.text for v in art.vague] == ["Critics say"]
    assert all(s.kind != "inline" for s in art.sources)


@pytest.mark.parametrize(
    ("body", "vague"),
    [
        ("Observers believe the strike will spread to the docks.", "Observers believe"),
        ("It is widely believed that the depot will close.", "It is widely believed"),
        ("Sources close to the mayor expect a new tender.", "Sources close to the mayor expect"),
    ],
)
def test_vague_attributions(one, body, vague):
    assert [v.text for v in one(body + "\n").vague] == [vague]


def test_named_attribution_is_not_vague(one):
    art = one("The transport minister says the line lost 800 passengers a week.\n")
    assert art.vague == []


def test_footnote_sources_carry_label_year_and_citation_count(one):
    art = one(
        "The line carried 4,200 passengers a day[1] and 350 drivers ran it.[1]\n\n"
        "[1]: Transit Authority, ridership report 2023, p. 4.\n"
        "[2]: Drivers' Union, members survey 2019.\n"
    )
    footnotes = {s.id: s for s in art.sources if s.kind == "footnote"}
    assert set(footnotes) == {"fn:1", "fn:2"}
    assert (footnotes["fn:1"].label, footnotes["fn:1"].year, footnotes["fn:1"].cited) == ("1", 2023, 2)
    assert (footnotes["fn:2"].year, footnotes["fn:2"].cited) == (2019, 0)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Ashford Vale Health Board, Annual Report 2023, p. 14.", 2023),
        ("City Libraries, Visitor Statistics 2019–2022, table 3.", 2022),
        ("Lind, Jonas (2010). Salt and Stone. Leeds: Pier Press. ISBN 978-0195399776.", 2010),
        ("Lind, Jonas. Salt and Stone. ISBN 978-1-86197-876-9.", None),
        ("Interview with the author, spring.", None),
    ],
)
def test_footnote_year(text, year):
    assert footnote_year(text) == year
