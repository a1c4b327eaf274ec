"""The quote archive (issue 18): normalising quotes, telling people apart, comparing
wordings, the incremental index, and the rules quote-speaker-conflict and
quote-wording-drift over real extraction, real Great Expectations and a real SQLite
ledger. Every sentence here is written for these tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ledger_support import BACKENDS, fresh_database

from copydesk.checks.archive.alignment import MIN_WORDS, compare, marked
from copydesk.checks.archive.archive_review import archive_review
from copydesk.checks.archive.index import QuoteArchive, entry_for
from copydesk.checks.archive.people import same_person
from copydesk.checks.archive.wording import GAP, quote_words
from copydesk.checks.config import load_suites
from copydesk.checks.ledger import Ledger
from copydesk.checks.records import ArticleInfo, Quote, ReviewedArticle
from copydesk.checks.runner import review_findings

WALL = "We are going to build a great wall along the southern border and Mexico will pay for every cent of it"
BRIDGES = "We need to build bridges instead of walls between the families and communities of this country"


# ── wording ──


def test_quote_words_drop_marks_case_punctuation_and_mark_elisions():
    assert quote_words("“We will [...] win, again!”") == ("we", "will", GAP, "win", "again")
    assert quote_words("‘I don’t know,’") == ("i", "don't", "know")
    assert quote_words('"He [Trump] said… no"') == ("he", GAP, "said", GAP, "no")
    assert quote_words("“The U.S. spent $1,000.5”") == ("the", "us", "spent", "1,000.5")
    assert quote_words("“… and then it ended ...”") == ("and", "then", "it", "ended")


# ── people ──


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Clinton", "Hillary Clinton", True),
        ("Mrs. Clinton", "Hillary Rodham Clinton", True),
        ("Sen. Ted Cruz", "Cruz", True),
        ("Calderón", "Felipe Calderon", True),
        ("Donald Trump's", "Trump", True),
        ("Hillary Clinton", "Bill Clinton", False),
        ("Trump", "Clinton", False),
        ("he", "Trump", None),
        ("the campaign", "Trump", None),
        ("The Republican candidate", "Trump", None),
        (None, "Trump", None),
    ],
)
def test_same_person_by_name_containment(a, b, same):
    assert same_person(a, b) is same


# ── alignment ──


def test_same_words_through_excerpts_elisions_and_insertions():
    full = quote_words(f"“Folks, {WALL}, believe me.”")
    excerpt = quote_words(f"“{WALL}”")
    elided = quote_words(
        "“We are going to build a great wall [...] and Mexico will pay for every cent of it”"
    )
    inserted = quote_words("“We are going to build a great wall along the [U.S.] border and Mexico will pay”")
    for other in (excerpt, elided, inserted):
        result = compare(full, other)
        assert result is not None and result.same_words, other


def test_one_changed_word_is_a_close_match_with_the_change_marked():
    result = compare(quote_words(WALL), quote_words(WALL.replace("great", "big")))
    assert result is not None and not result.same_words and result.changed == 1
    here, there = marked(result.diff)
    assert "[-great-]" in here and "{+big+}" in there
    dropped = compare(quote_words(WALL), quote_words(WALL.replace(" every cent of", "")))
    assert dropped is not None and [c.op for c in dropped.diff if c.op != "equal"] == ["delete"]


def test_a_changed_last_word_is_marked_without_the_longer_quote_s_continuation():
    short = quote_words("“The pier has served this town for a century, and we owe it the repair”")
    longer = quote_words(
        "“The pier has served this town for a century, and we owe it the repairs. Nobody else will pay.”"
    )
    result = compare(short, longer)
    assert result is not None and result.changed == 1
    here, there = marked(result.diff)
    assert here.endswith("[-repair-]") and there.endswith("{+repairs+}")
    # at the start too: the words before the shorter one's first word are excerpt
    result = compare(quote_words("“The pier has served this town for a century”"),
                     quote_words("“Listen, my friends, a pier has served this town for a century”"))  # fmt: skip
    assert result is not None
    here, there = marked(result.diff)
    assert here.startswith("[-the-]") and there.startswith("{+a+}")


def test_a_quote_of_the_minimum_length_with_one_word_changed_is_still_one_quote():
    eight = "“The harbour will never become a car park”"
    assert len(quote_words(eight)) == MIN_WORDS
    result = compare(quote_words(eight), quote_words(eight.replace("never", "not")))
    assert result is not None and result.common == MIN_WORDS - 1 and result.changed == 1
    # Two changed words in eight: two statements.
    assert compare(quote_words(eight), quote_words(eight.replace("never become", "not be"))) is None


def test_short_or_different_quotes_do_not_match():
    slogan = quote_words("“Make America great again”")
    assert len(slogan) < MIN_WORDS and compare(slogan, slogan) is None
    assert compare(quote_words(WALL), quote_words(BRIDGES)) is None
    # Half the words changed: two statements, not one misquoted.
    half = "We are going to fix the broken roads along the northern border and Canada will help"
    assert compare(quote_words(WALL), quote_words(half)) is None


# ── the incremental index ──


def _article(aid: str, quotes: list[tuple[str, str | None]], text: str = "", published="2016-03-01"):
    body = text or " ".join(f"“{q}”" for q, _ in quotes)
    records, at = [], 0
    for n, (words, speaker) in enumerate(quotes, 1):
        start = body.index(words, at) - 1
        records.append(Quote(start, start + len(words) + 2, f"“{words}”", "speech", speaker, id=f"q{n}"))
        at = start + 1
    return ReviewedArticle(aid, ArticleInfo(aid, published=published), text=body, quotes=records)


@pytest.fixture(params=BACKENDS)
def archive(request, tmp_path):
    """The archive in a fresh ledger: SQLite, and PostgreSQL when COPYDESK_TEST_PG_URL is set."""
    with fresh_database(request.param, tmp_path) as url, Ledger.open(url) as ledger:
        yield QuoteArchive(ledger)


def test_unchanged_articles_are_not_indexed_again(archive):
    a = _article("content/a.md", [(WALL, "Donald Trump")])
    b = _article("content/b.md", [(BRIDGES, "Hillary Clinton")])
    first = archive.update([entry_for(a), entry_for(b)])
    assert (first.indexed, first.unchanged) == (2, 0)
    hashes = archive.articles()
    again = archive.update([entry_for(a), entry_for(b)])
    assert (again.indexed, again.unchanged) == (0, 2)
    edited = _article("content/a.md", [(WALL.replace("great", "big"), "Donald Trump")])
    third = archive.update([entry_for(edited), entry_for(b)])
    assert (third.indexed, third.unchanged) == (1, 1)
    assert archive.articles()["content/b.md"] == hashes["content/b.md"]
    assert archive.articles()["content/a.md"] != hashes["content/a.md"]
    assert archive.quote_count() == 2


def test_short_quotes_and_terms_are_not_indexed():
    art = _article("a.md", [("Lock her up", "crowd"), (WALL, "Donald Trump")])
    art.quotes.append(Quote(0, 5, "“the wall”", "term"))
    assert [q.item for q in entry_for(art).quotes] == ["q2"]


def test_deleted_articles_leave_when_their_folder_is_reviewed_whole(archive):
    a = _article("content/a.md", [(WALL, "Donald Trump")])
    b = _article("content/b.md", [(BRIDGES, "Hillary Clinton")])
    other = _article("elsewhere/c.md", [(BRIDGES, "Bernie Sanders")])
    archive.update([entry_for(a), entry_for(b), entry_for(other)])
    # One file reviewed on its own: nothing else is known to be gone.
    assert archive.update([entry_for(a)]).removed == 0
    # The whole folder, b deleted (or renamed: it comes back under its new id), and an
    # article that could not be read this time, which stays.
    renamed = _article("content/b-renamed.md", [(BRIDGES, "Hillary Clinton")])
    result = archive.update([entry_for(a), entry_for(renamed)], folders=["content"], present=["content/x.md"])
    assert result.removed == 1
    assert set(archive.articles()) == {"content/a.md", "content/b-renamed.md", "elsewhere/c.md"}
    # The project root reviewed whole: everything not present goes.
    assert archive.update([entry_for(a)], folders=[""]).removed == 2


def test_matches_come_from_other_articles_only(archive):
    a = _article("content/a.md", [(WALL, "Donald Trump"), (WALL, "Mike Pence")])
    archive.update([entry_for(a)])
    assert archive.matches(entry_for(a)) == []


def test_a_run_looked_up_together_finds_what_each_article_finds_alone(archive):
    """``matches_of_indexed`` (one lookup for a review's articles) and ``matches`` (one
    article, from its own keys) agree: conflicts, drift, and nothing for an article whose
    quote no one else repeats."""
    a = _article(
        "content/a.md", [(WALL, "Donald Trump"), (BRIDGES, "Hillary Clinton")], published="2016-03-01"
    )
    b = _article("content/b.md", [(WALL, "Mike Pence")], published="2016-04-01")
    c = _article("content/c.md", [(WALL.replace("great", "big"), "Donald Trump")], published="2016-05-01")
    d = _article("content/d.md", [(BRIDGES.replace("bridges", "roads"), "Hillary Clinton")])
    lone = _article(
        "content/e.md", [("Nobody else in this archive has ever said these twelve words together", "Ann Lee")]
    )
    entries = [entry_for(x) for x in (a, b, c, d, lone)]
    archive.update(entries)
    alone = {e.article: archive.matches(e) for e in entries}
    together = archive.matches_of_indexed(entries)
    assert together == {k: v for k, v in alone.items() if v}
    assert set(together) == {"content/a.md", "content/b.md", "content/c.md", "content/d.md"}
    assert archive.matches_of_indexed([]) == {}


# ── the rules, from real extraction ──


def _md(published: str, body: str) -> str:
    return f"---\ntitle: Test article\npublished: {published}\n---\n{body}\n"


@pytest.fixture
def reviewed(tmp_path, extract, suites):
    """reviewed({name: (published, body)}, ...) -> {name: ReviewedArticle}: the articles
    extracted, indexed in the archive of one ledger, and checked. Later calls add to the
    same archive, as later reviews do."""
    url = f"sqlite:///{tmp_path / 'ledger.db'}"

    def _review(articles: dict[str, tuple[str, str]], suite_list=None) -> dict[str, ReviewedArticle]:
        paths = []
        for name, (published, body) in articles.items():
            path = tmp_path / "content" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_md(published, body), encoding="utf-8")
            paths.append(str(path))
        arts = extract(*paths)
        matches = archive_review(arts, url).matches
        for art in arts:
            art.archive_matches = matches.get(art.article.id, [])
        review_findings(arts, suite_list or suites)
        return {Path(a.path).name: a for a in arts}

    return _review


def _archive_findings(art: ReviewedArticle):
    return [f for f in art.findings if f.rule in ("quote-speaker-conflict", "quote-wording-drift")]


def test_speaker_conflict_fires_on_the_same_quote_from_another_person(reviewed):
    reviewed({"clinton.md": ("2016-04-01", f"“{BRIDGES},” Hillary Clinton told supporters in Ohio.")})
    found = reviewed({"sanders.md": ("2016-06-01", f"“{BRIDGES},” Bernie Sanders told supporters.")})
    (finding,) = _archive_findings(found["sanders.md"])
    assert finding.rule == "quote-speaker-conflict" and finding.severity == "warning"
    assert finding.match is not None and finding.match.article_id.endswith("content/clinton.md")
    assert finding.match.published == "2016-04-01" and finding.match.speaker == "Hillary Clinton"
    assert "Bernie Sanders's here but Hillary Clinton's in" in finding.message
    assert "clinton.md (2016-04-01, line 5)" in finding.message


def test_speaker_conflict_does_not_fire_for_one_person_short_quotes_or_unnamed_speakers(reviewed):
    reviewed(
        {
            "first.md": (
                "2016-04-01",
                f"“{BRIDGES},” Hillary Clinton told supporters in Ohio.\n\n"
                "“Lock them all up right now,” Donald Trump told the crowd.",
            )
        }
    )
    found = reviewed(
        {
            "second.md": (
                "2016-06-01",
                f"“{BRIDGES},” Clinton said on Monday.\n\n"
                "“Lock them all up right now,” Mike Pence told the crowd.",
            ),
            "third.md": ("2016-06-02", f"“{BRIDGES},” the campaign said in a statement."),
            # A pronoun resolved to the nearest name is not trusted to contradict a name.
            "fourth.md": ("2016-06-03", f"Bernie Sanders spoke next.\n\n“{BRIDGES},” he said."),
            # Words quoted inside a quote are someone else's.
            "fifth.md": (
                "2016-06-04",
                f"“Clinton told us, ‘{BRIDGES}’, and she was right,” Elizabeth Warren said.",
            ),
            "sixth.md": ("2016-06-05", f"“{BRIDGES},” the Democratic candidate said."),
        }
    )
    for name in ("second.md", "third.md", "fourth.md", "fifth.md", "sixth.md"):
        assert _archive_findings(found[name]) == [], name


def test_wording_drift_fires_on_one_changed_word_with_the_difference_marked(reviewed):
    reviewed({"phoenix.md": ("2016-03-01", f"“{WALL},” Donald Trump said in Phoenix.")})
    changed = WALL.replace("great", "big")
    found = reviewed({"ohio.md": ("2016-05-01", f"The candidate spoke in Ohio.\n\n“{changed},” Trump said.")})
    (finding,) = _archive_findings(found["ohio.md"])
    assert finding.rule == "quote-wording-drift"
    assert finding.match is not None and finding.match.article_id.endswith("content/phoenix.md")
    steps = [(c.op, c.here, c.there) for c in finding.match.diff if c.op != "equal"]
    assert steps == [("replace", "big", "great")]
    assert "[-big-]" in finding.message and "{+great+}" in finding.message
    assert "phoenix.md (2016-03-01, line 5), also from Donald Trump" in finding.message


def test_wording_drift_does_not_fire_on_excerpts_elisions_insertions_or_another_speaker(reviewed):
    reviewed({"phoenix.md": ("2016-03-01", f"“{WALL},” Donald Trump said in Phoenix.")})
    found = reviewed(
        {
            "excerpt.md": (
                "2016-05-01",
                "“We are going to build a great wall along the southern border,” Trump said.",
            ),
            "elided.md": (
                "2016-05-02",
                "“We are going to build a great wall [...] and Mexico will pay for every cent "
                "of it!” Trump said.",
            ),
            "bracket.md": (
                "2016-05-03",
                "“We are going to build a great wall along the [U.S.] border and Mexico will pay "
                "for every cent of it,” Trump said.",
            ),
            "pence.md": ("2016-05-04", f"“{WALL.replace('great', 'big')},” Mike Pence said."),
        }
    )
    for name in ("excerpt.md", "elided.md", "bracket.md", "pence.md"):
        assert _archive_findings(found[name]) == [], name


def test_archive_rule_severity_is_configurable(reviewed, tmp_path):
    from copydesk.checks.config import BUILTIN_SUITES

    custom = tmp_path / "suites"
    custom.mkdir()
    text = (BUILTIN_SUITES / "archive.yml").read_text(encoding="utf-8")
    (custom / "archive.yml").write_text(text.replace("severity: warning", "severity: info"), encoding="utf-8")
    suites = load_suites(custom)
    reviewed({"clinton.md": ("2016-04-01", f"“{BRIDGES},” Hillary Clinton told supporters in Ohio.")}, suites)
    found = reviewed({"sanders.md": ("2016-06-01", f"“{BRIDGES},” Bernie Sanders told supporters.")}, suites)
    assert [f.severity for f in _archive_findings(found["sanders.md"])] == ["info"]


def test_both_right_sticks_and_is_per_matching_article(reviewed, tmp_path):
    reviewed({"clinton.md": ("2016-04-01", f"“{BRIDGES},” Hillary Clinton told supporters in Ohio.")})
    found = reviewed({"sanders.md": ("2016-06-01", f"“{BRIDGES},” Bernie Sanders told supporters.")})
    art = found["sanders.md"]
    (finding,) = _archive_findings(art)
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger.open(url) as ledger:
        ledger.sync([art])
        ledger.decide(finding.fingerprint, "dismissed", "both right: Sanders repeated Clinton's line", "Ana")
    again = reviewed({"sanders.md": ("2016-06-01", f"“{BRIDGES},” Bernie Sanders told supporters.")})
    with Ledger.open(url) as ledger:
        ledger.sync([again["sanders.md"]])
    (same,) = _archive_findings(again["sanders.md"])
    assert same.fingerprint == finding.fingerprint and same.status == "dismissed"
    # The same quote under a third name elsewhere is another pair: decided on its own.
    shutil.rmtree(tmp_path / "content")
    other = reviewed({"warren.md": ("2016-07-01", f"“{BRIDGES},” Elizabeth Warren told supporters.")})
    (third,) = _archive_findings(other["warren.md"])
    assert third.fingerprint != finding.fingerprint


def test_a_review_of_unchanged_articles_signs_nothing_and_still_matches(reviewed, monkeypatch):
    from copydesk.checks.archive import signatures

    articles = {
        "clinton.md": ("2016-04-01", f"“{BRIDGES},” Hillary Clinton told supporters in Ohio."),
        "sanders.md": ("2016-06-01", f"“{BRIDGES},” Bernie Sanders told supporters."),
    }
    reviewed(articles)

    def no_signing(words):
        raise AssertionError("an unchanged article was signed again")

    monkeypatch.setattr(signatures, "band_keys", no_signing)
    again = reviewed(articles)  # the same bytes: their band keys are read back from the archive
    assert [f.rule for f in _archive_findings(again["sanders.md"])] == ["quote-speaker-conflict"]


def test_entries_signed_ahead_are_indexed_as_they_were_signed(tmp_path, monkeypatch):
    """A flow signs each batch as the parse returns it (``signed_ahead``); ``index_run``
    then signs none of those articles again, and indexes and matches exactly as it does
    signing them itself. An article edited after it was signed ahead is signed anew."""
    from copydesk.checks.archive import signatures
    from copydesk.checks.archive.archive_review import find_matches, index_run, signed_ahead

    a = _article("content/a.md", [(WALL, "Donald Trump")])
    b = _article("content/b.md", [(WALL, "Mike Pence")])
    ahead = signed_ahead([a, b])
    edited = _article("content/b.md", [(WALL.replace("great", "big"), "Donald Trump")])

    plain_url = f"sqlite:///{tmp_path / 'plain.db'}"
    plain = index_run([a, edited], plain_url)

    signing = []
    real = signatures.band_keys
    monkeypatch.setattr(signatures, "band_keys", lambda words: signing.append(words) or real(words))
    ahead_url = f"sqlite:///{tmp_path / 'ahead.db'}"
    run = index_run([a, edited], ahead_url, ahead=ahead)
    assert len(signing) == 1  # the edited article's one quote; a's came signed
    assert run.entries == plain.entries
    assert find_matches(run, ahead_url) == find_matches(plain, plain_url) != {}
