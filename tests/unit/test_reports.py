"""Renderers: the JSON contract, the HTML page (escaped), Markdown, and how reports are
written to disk."""

from __future__ import annotations

import json
import os
import stat

import pytest

from copydesk.checks.records import ArticleInfo, Finding, Quote, ReviewedArticle
from copydesk.reports.contract import to_contract
from copydesk.reports.html_report import render_article, render_index, safe_url
from copydesk.reports.markdown_report import article_markdown
from copydesk.reports.naming import report_name
from copydesk.reports.writer import write_reports

TEXT = "Title <b>bold</b>\n\nReaders typed <script>alert(1)</script> and “Stop & think.”\n"


def _article(path: str = "content/hostile.md", article_id: str | None = None) -> ReviewedArticle:
    """An article whose id is its path (as for a review run from the project root)."""
    article_id = path if article_id is None else article_id
    quote_start = TEXT.index("“")
    quote_end = TEXT.index("”") + 1
    art = ReviewedArticle(path, ArticleInfo(article_id, title="<i>Hostile</i> title"), text=TEXT)
    art.zones = [("title", 0, TEXT.index("\n")), ("paragraph", TEXT.index("Readers"), len(TEXT) - 1)]
    art.quotes = [Quote(quote_start, quote_end, TEXT[quote_start:quote_end], "speech", id="q1")]
    art.findings = [
        Finding(
            "quote-unattributed",
            "error",
            "q1",
            quote_start,
            quote_end,
            3,
            51,
            "Quote “Stop & think.” has no speaker: say who said it.",
            fingerprint="abc",
        )
    ]
    return art


def test_html_page_escapes_article_text_and_title():
    page = render_article(_article())
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<i>Hostile</i>" not in page
    # The flagged quote is wrapped in a <mark>, its "&" escaped.
    assert '<mark class="sev-error" data-findings="f0">“Stop &amp; think.”</mark>' in page


def test_index_escapes_titles():
    page = render_index([_article()])
    assert "<i>Hostile</i>" not in page and "&lt;i&gt;Hostile&lt;/i&gt;" in page


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        (None, None),
    ],
)
def test_only_http_links_leave_a_report(url, safe):
    assert safe_url(url) == safe


def test_contract_shape():
    obj = to_contract(_article())
    assert list(obj) == ["path", "article", "quotes", "figures", "dates", "sources", "findings", "errors"]
    [q] = obj["quotes"]
    assert TEXT[q["start"] : q["end"]] == q["text"] == "“Stop & think.”"
    assert obj["findings"][0]["rule"] == "quote-unattributed"
    assert "findings" not in to_contract(_article(), with_findings=False)


def test_markdown_report_lists_findings():
    md = article_markdown(_article())
    first = md.splitlines()[0]
    assert first.startswith("# Review: ") and "Hostile" in first
    assert "`content/hostile.md`" in md
    assert "1 error, 0 warnings, 0 info" in md
    assert "| 3:51 | error | `quote-unattributed` | open |" in md


def test_same_name_in_two_folders_gets_two_reports(tmp_path):
    arts = [_article("a/hostile.md"), _article("b/hostile.md")]
    write_reports(arts, tmp_path)
    assert [a.article.id for a in arts] == ["a/hostile.md", "b/hostile.md"]  # ids left as they are
    for art in arts:
        name = report_name(art.article.id)
        assert json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))["path"] == art.path
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="a~hostile.md.html"' in index and 'href="b~hostile.md.html"' in index


def test_two_articles_with_one_id_are_refused_not_overwritten(tmp_path):
    with pytest.raises(ValueError, match="same id"):
        write_reports([_article("a/x.md"), _article("./a/x.md", "a/x.md")], tmp_path)


@pytest.mark.parametrize(
    ("article_id", "name"),
    [
        ("content/2024/pier.md", "content~2024~pier.md"),
        ("pier.md", "pier.md"),
        ("index.md", "index.md"),  # index.md.html, never index.html
        ("index", "+69ndex"),  # a file without a suffix, named on the command line
        ("Summary", "+53ummary"),  # summary.md on a case-insensitive disk
        (".hidden/a.md", "+2Ehidden~a.md"),  # never a hidden file
        ("/srv/news/a b+c~d.md", "~srv~news~a+20b+2Bc+7Ed.md"),
        ("nyheter/översikt.md", "nyheter~översikt.md"),
    ],
)
def test_report_names(article_id, name):
    assert report_name(article_id) == name


def test_report_names_never_collide_nor_take_the_runs_own_files():
    ids = [
        "a/b.md", "a~b.md", "a+7Eb.md", "a_b.md", "a/b/c.md", "a~b/c.md", "a/b~c.md", "index", "summary",
        "index.md", "summary.md", "summary.txt", "+69ndex", "+73ummary", ".previous-counts", "a b.md",
        "a+20b.md", "x" * 300 + ".md", "x" * 300 + ".txt", "/" + "y/" * 150 + "z.md",
    ]  # fmt: skip
    names = [report_name(i) for i in ids]
    assert len(set(names)) == len(ids)
    for name in names:
        assert "/" not in name and not name.startswith(".") and len(name.encode()) <= 200
        assert {f"{name}.json", f"{name}.html", f"{name}.md"}.isdisjoint({"index.html", "summary.md"})


def test_unreadable_file_gets_json_and_markdown_but_no_html(tmp_path):
    broken = ReviewedArticle("x/empty.md", ArticleInfo("empty"), errors=["the file is empty"], reviewed=False)
    write_reports([broken], tmp_path)
    assert json.loads((tmp_path / "empty.json").read_text(encoding="utf-8"))["errors"] == [
        "the file is empty"
    ]
    assert (tmp_path / "empty.md").exists() and not (tmp_path / "empty.html").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_reports_are_readable_under_a_normal_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_reports([_article()], tmp_path)
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "content~hostile.md.html").stat().st_mode)
    assert mode & 0o044 == 0o044, oct(mode)


def test_a_failed_write_is_raised_and_leaves_no_temporary_files(tmp_path):
    """A write that fails reaches the caller (the CLI turns it into "cannot write
    reports"), leaves no half-written file behind, and no index linking to it."""
    arts = [_article(f"content/a{i}.md", f"a{i}") for i in range(30)]
    (tmp_path / "a17.json").mkdir()  # a report cannot replace a folder
    with pytest.raises(IsADirectoryError):
        write_reports(arts, tmp_path)
    assert (tmp_path / "a3.html").is_file() and (tmp_path / "a3.json").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert not (tmp_path / "index.html").exists()  # the index never links to missing reports


def test_every_article_gets_its_three_reports(tmp_path):
    arts = [_article(f"content/a{i}.md", f"a{i}") for i in range(50)]
    write_reports(arts, tmp_path)
    for i in range(50):
        report = json.loads((tmp_path / f"a{i}.json").read_text(encoding="utf-8"))
        assert report["path"] == f"content/a{i}.md"
        assert (tmp_path / f"a{i}.md").is_file() and (tmp_path / f"a{i}.html").is_file()
    assert "a49.html" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_reports_whose_bytes_are_unchanged_are_not_written_again(tmp_path, monkeypatch):
    """Issue 16: an unchanged re-run neither renders nor writes a report again; a changed
    article gets its reports written, and so do the run's index, summary and counts when
    they change. A report edited or replaced on disk is put back."""
    from copydesk.reports import writer

    arts = [_article(f"content/a{i}.md", f"a{i}") for i in range(3)]
    write_reports(arts, tmp_path)
    write_reports(arts, tmp_path)  # the index's "since the last run" now has a last run
    written: list[str] = []
    rendered: list[str] = []
    real_write, real_render = writer._write, writer.render_article

    def recording(path, content):
        written.append(path.name)
        real_write(path, content)

    def rendering(art):
        rendered.append(art.article.id)
        return real_render(art)

    monkeypatch.setattr(writer, "_write", recording)
    monkeypatch.setattr(writer, "render_article", rendering)
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    write_reports(arts, tmp_path)
    assert written == [] and rendered == []
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == before

    arts[1].findings[0].status = "accepted"  # an editor's decision: one open finding fewer
    write_reports(arts, tmp_path)
    assert rendered == ["a1"]
    assert sorted(written) == sorted(
        [
            "a1.json",
            "a1.md",
            "a1.html",
            "index.html",
            "summary.md",
            writer.PREVIOUS_COUNTS,
            writer.REPORT_INPUTS,
        ]
    )
    [finding] = json.loads((tmp_path / "a1.json").read_text(encoding="utf-8"))["findings"]
    assert finding["status"] == "accepted"

    written.clear()
    rendered.clear()
    (tmp_path / "a0.md").write_text("edited by hand\n", encoding="utf-8")
    (tmp_path / "a2.md").unlink()
    (tmp_path / "a2.md").symlink_to("a0.html")
    write_reports(arts, tmp_path)
    assert rendered == ["a0", "a2"]
    # their Markdown put back (the JSON and HTML have the same bytes: left alone), and the
    # index, whose counts since the last run no longer show a1's change
    assert sorted(written) == sorted(["a0.md", "a2.md", "index.html", writer.REPORT_INPUTS])
    assert (tmp_path / "a0.md").read_text(encoding="utf-8") == article_markdown(arts[0])
    assert not (tmp_path / "a2.md").is_symlink()


def test_reports_are_rendered_again_when_the_renderers_change(tmp_path, monkeypatch):
    """The record of what reports were rendered from names the rendering code: another
    version renders every article again (and writes only what reads differently)."""
    from copydesk.reports import unchanged, writer

    arts = [_article(f"content/a{i}.md", f"a{i}") for i in range(2)]
    write_reports(arts, tmp_path)
    rendered: list[str] = []
    real_render = writer.render_article

    def rendering(art):
        rendered.append(art.article.id)
        return real_render(art)

    monkeypatch.setattr(writer, "render_article", rendering)
    monkeypatch.setattr(unchanged, "renderer_version", lambda: "another copydesk")
    write_reports(arts, tmp_path)
    assert rendered == ["a0", "a1"]
    (tmp_path / unchanged.REPORT_INPUTS).write_text("{not json", encoding="utf-8")
    rendered.clear()
    write_reports(arts, tmp_path)  # a damaged record: everything rendered, nothing lost
    assert rendered == ["a0", "a1"]
