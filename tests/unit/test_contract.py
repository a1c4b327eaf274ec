"""The JSON contract (``copydesk.reports.report_schema``): ``copydesk schema`` prints it, what ``copydesk
extract`` prints and the reports a review writes keep it, and a report that breaks it is
refused by the schema and by the model alike. (Every report the rest of the test run
writes is checked too, at the end of the session: ``conftest.py``.)"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pydantic
import pytest
from contract_checks import RUN_SUMMARY, report_problems, written_reports
from typer.testing import CliRunner

from copydesk.checks.records import (
    ArchiveMatch,
    ArticleInfo,
    Figure,
    Finding,
    Quote,
    ReviewedArticle,
    Source,
    WordChange,
)
from copydesk.reports.contract import article_report, to_contract
from copydesk.reports.naming import report_name
from copydesk.reports.report_schema import ArticleReport, contract_schema
from copydesk.reports.writer import PREVIOUS_COUNTS, write_reports

TEXT = "“We will build it,” the mayor said. It costs 2.5 million euros, according to the council.\n"


def _article(path: str = "content/pier.md") -> ReviewedArticle:
    """An article with one of everything the contract can carry, archive match included."""
    quote_end = TEXT.index("”") + 1
    fig_start = TEXT.index("2.5")
    src_start = TEXT.index("according")
    art = ReviewedArticle(path, ArticleInfo(path, title="Pier", published="2024-06-01"), text=TEXT)
    art.quotes = [
        Quote(0, quote_end, TEXT[:quote_end], "speech", speaker="the mayor", speaker_start=20, id="q1")
    ]
    art.figures = [
        Figure(fig_start, fig_start + 19, "2.5 million euros", 2_500_000.0, "euros", kind="money", id="f1"),
        Figure(fig_start, fig_start + 3, "2.5", 2.5, None, sources=["s1"], id="f2"),
    ]
    art.sources = [
        Source("s1", "inline", src_start, len(TEXT) - 2, TEXT[src_start:-2], entity="the council"),
        Source("fn:1", "footnote", 0, 1, "“", label="1", year=2023),
    ]
    match = ArchiveMatch(
        "content/old.md", "content/old.md", "2016-03-01", "q4", 10, 30, 2, "“We will build it,”",
        "the mayor", same_words=False, same_speaker=True,
        diff=(WordChange("equal", "We will", "We will"), WordChange("replace", "build", "make")),
    )  # fmt: skip
    art.findings = [
        Finding("quote-wording-drift", "warning", "q1", 0, quote_end, 1, 1, "Changed.", "fp1", match=match),
        Finding("figure-unsourced", "error", "f1", fig_start, fig_start + 19, 1, 46, "No source.", "fp2"),
    ]
    return art


def _report_text(art: ReviewedArticle, **kwargs) -> str:
    return json.dumps(to_contract(art, **kwargs), ensure_ascii=False, indent=2) + "\n"


def test_copydesk_schema_prints_the_contract_as_a_valid_json_schema():
    from copydesk.flows.cli.main import app  # here, not at collection: it imports Prefect

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed == contract_schema()
    jsonschema.validators.validator_for(printed).check_schema(printed)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert printed["required"] == ["path", "article", "quotes", "figures", "dates", "sources", "errors"]
    assert printed["additionalProperties"] is False


def test_a_report_with_everything_keeps_the_contract_and_the_model_writes_it_back():
    text = _report_text(_article())
    assert report_problems(text) == []
    data = json.loads(text)
    assert data["findings"][0]["match"]["report"] == report_name("content/old.md") + ".html"
    assert "match" not in data["findings"][1]  # written only for the archive rules
    inline, footnote = data["sources"]
    assert "url" not in inline and inline["entity"] == "the council"  # absent, not null
    assert footnote["label"] == "1" and footnote["year"] == 2023 and "entity" not in footnote
    assert [f["value"] for f in data["figures"]] == [2500000, 2.5]  # whole numbers as integers
    assert ArticleReport.model_validate_json(text) == article_report(_article())


def test_extract_output_keeps_the_contract(articles_dir, extract):
    """What ``copydesk extract`` prints: the same object without ``findings``."""
    arts = extract(*sorted(str(p) for p in articles_dir.iterdir()))
    assert arts and all(a.quotes or a.figures for a in arts)
    for art in arts:
        line = json.dumps(to_contract(art, with_findings=False), ensure_ascii=False)
        assert "findings" not in json.loads(line)
        assert report_problems(line) == [], art.path


def test_the_models_are_frozen():
    report = article_report(_article())
    with pytest.raises(pydantic.ValidationError):
        report.path = "elsewhere.md"
    with pytest.raises(pydantic.ValidationError):
        report.quotes[0].start = 3


def _set(path: tuple, value):
    def damage(data: dict) -> None:
        *parents, last = path
        for key in parents:
            data = data[key]
        data[last] = value

    return damage


def _drop(*path):
    def damage(data: dict) -> None:
        *parents, last = path
        for key in parents:
            data = data[key]
        del data[last]

    return damage


DAMAGES = [
    (_drop("errors"), "a required field left out"),
    (_drop("quotes", 0, "speaker"), "a nullable field left out: it is always written"),
    (_drop("findings", 0, "fingerprint"), "a finding without its fingerprint"),
    (_set(("surprise",), 1), "a field the contract does not name"),
    (_set(("quotes", 0, "confidence"), 0.9), "an unknown field on a quote"),
    (_set(("quotes", 0, "start"), "0"), "an offset as a string"),
    (_set(("quotes", 0, "kind"), "speechy"), "a quote kind that does not exist"),
    (_set(("figures", 0, "value"), "2500000"), "a figure's value as a string"),
    (_set(("figures", 0, "carried"), "false"), "a flag as a string"),
    (_set(("dates",), {}), "an object for a list"),
    (_set(("sources", 0, "url"), 5), "a link's address as a number"),
    (_set(("article", "id"), None), "an article without an id"),
    (_set(("findings", 0, "severity"), "fatal"), "a severity that does not exist"),
    (_set(("findings", 0, "status"), "ignored"), "a status that does not exist"),
    (_set(("findings", 0, "line"), 1.5), "a line that is not a whole number"),
    (_set(("findings", 0, "match", "diff", 0, "op"), "swap"), "an unknown word change"),
    (_set(("findings", 0, "match", "same_words"), "no"), "a match flag as a string"),
]


@pytest.mark.parametrize("damage", [pytest.param(damage, id=what) for damage, what in DAMAGES])
def test_a_broken_report_is_refused_by_the_schema_and_the_model(damage):
    data = json.loads(_report_text(_article()))
    broken = copy.deepcopy(data)
    damage(broken)
    assert broken != data
    text = json.dumps(broken, ensure_ascii=False)
    assert any(p.startswith("schema:") for p in report_problems(text))
    with pytest.raises(pydantic.ValidationError):
        ArticleReport.model_validate_json(text)


def test_not_json_is_a_problem():
    assert report_problems('{"path": ') != []


def test_the_session_check_finds_every_report_the_writer_writes(tmp_path):
    """The finder that ``conftest.py`` runs over the whole test run, on the writer's own
    output: it finds each article's report, and notices one that goes missing and a run
    folder without the list of them."""
    arts = [_article("content/pier.md"), _article("content/2024/pier.md")]
    write_reports(arts, tmp_path / "out")
    found = written_reports(tmp_path)
    expected = sorted(tmp_path / "out" / f"{report_name(a.article.id)}.json" for a in arts)
    assert found.folders == [tmp_path / "out"] and found.reports == expected
    assert found.missing == [] and found.unlisted == []
    assert (tmp_path / "out" / RUN_SUMMARY).is_file()
    kept = expected[0].read_bytes()
    expected[0].unlink()
    assert written_reports(tmp_path).missing == [expected[0]]
    expected[0].write_bytes(kept)  # as written: the session's own check reads this folder too
    counts = tmp_path / "out" / PREVIOUS_COUNTS
    listed = counts.read_bytes()
    counts.unlink()
    assert written_reports(tmp_path).unlisted == [tmp_path / "out"]
    counts.write_bytes(listed)
    assert written_reports(Path(tmp_path / "nowhere")).reports == []
    # A GitHub job summary (summary.md alone, written by `copydesk ci`) is no run folder.
    (tmp_path / "job").mkdir()
    (tmp_path / "job" / RUN_SUMMARY).write_text("| rule | count |\n", encoding="utf-8")
    assert written_reports(tmp_path).unlisted == []


def test_every_kind_of_date_the_extractor_makes_is_in_the_contract(tmp_path):
    """A ``sequence`` date (two events ordered by their clauses) once made the model refuse
    the whole article: extraction and the contract must agree on every kind."""
    from typing import get_args

    from copydesk.flows.extract.pipeline import extract_batch
    from copydesk.reports.contract import article_report

    path = tmp_path / "pier.md"
    path.write_text(
        "---\ntitle: Pier\npublished: 2024-03-01\n---\n\n"
        "The mayor resigned in March 2017, after the council voted on the pier in June 2019.\n",
        encoding="utf-8",
    )
    [art] = extract_batch([str(path)])
    report = article_report(art, with_findings=False)
    assert "sequence" in [d.kind for d in report.dates]
    schema_kinds = set(get_args(type(report.dates[0]).model_fields["kind"].annotation))
    assert {d.kind for d in art.dates} <= schema_kinds
