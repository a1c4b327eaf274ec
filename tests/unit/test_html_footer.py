"""An HTML article whose footnotes sit in a ``<footer>`` inside ``<article>`` (a common
CMS layout): its markers are defined, the rest of the footer (copyright, share links) is
not reviewed, and the report page shows the article's words, never its raw markup."""

from __future__ import annotations

import pytest

from copydesk.checks.runner import review_findings
from copydesk.reports.html_report import render_article
from copydesk.reports.markdown_report import article_markdown

PAGE = """\
<!DOCTYPE html>
<html><head><title>Ferry fares</title><meta name="date" content="2024-06-01"></head>
<body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Ferry fares rise again</h1>
<p>Fares rose 12 percent this year.<sup><a href="#fn1" id="fnref1">1</a></sup> Critics say the
<a href="https://port.example.org/plan">harbour plan</a> will push them higher.</p>
<p>The port expects 40,000 passengers in July.<sup><a href="#fn2" id="fnref2">2</a></sup></p>
<footer>
<ol class="list">
<li id="fn1">Port Authority, <a href="https://port.example.org/fares">fares report 2024</a>. <a href="#fnref1">↩</a></li>
<li id="fn2">Port Authority, summer timetable 2024. <a href="#fnref2">↩</a></li>
</ol>
<p>© 2024 Harbour Times. Around 3,000 readers share our stories every day.</p>
</footer>
</article>
</body></html>
"""


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, nlp, suites):
    from copydesk.flows.extract.pipeline import extract_batch

    path = tmp_path_factory.mktemp("html") / "fares.html"
    path.write_text(PAGE, encoding="utf-8")
    (art,) = extract_batch([str(path)])
    review_findings([art], suites)
    return art


def test_footnotes_in_an_article_footer_are_defined(reviewed):
    rules = [f.rule for f in reviewed.findings]
    assert "footnote-undefined" not in rules and "footnote-unused" not in rules, reviewed.findings
    assert sorted(s.label for s in reviewed.sources if s.label) == ["1", "2"]


def test_the_rest_of_the_footer_is_not_reviewed(reviewed):
    shown = [reviewed.text[start:end] for _, start, end in reviewed.zones]
    assert not any("Harbour Times" in text for text in shown)
    assert not any("3,000" in f.text for f in reviewed.figures)


def test_the_report_shows_words_not_markup(reviewed):
    assert "attribution-vague" in [f.rule for f in reviewed.findings]  # a span across a link
    page = render_article(reviewed)
    article = page[page.index('<article class="text">') : page.index("</article>")]
    assert "&lt;a" not in article and "&lt;sup" not in article and "href" not in article.split("<h2>")[0]
    assert "harbour plan" in article and "Fares rose 12 percent this year." in article
    # Fingerprints are shown, in the page and the Markdown report, for copydesk flags.
    for finding in reviewed.findings:
        assert finding.fingerprint in page and f"`{finding.fingerprint}`" in article_markdown(reviewed)
