"""The quote archive (issue 18) measured on a corpus of news articles.

    .venv/bin/python benchmarks/archive.py DATA_DIR [--extracted FILE] [--scales 200,840]
        [--synthetic 20] [--plants 200] [--sample-out FILE] [--labels FILE]

DATA_DIR holds the articles (``DATA_DIR/text/*`` if there is such a folder, else
``DATA_DIR/*``); nothing is copied into the project. Quotes come from the real extraction
(``copydesk.flows.extract.pipeline``), or from ``--extracted FILE``, the JSON lines ``copydesk
extract`` wrote for the same files (parsing 840 articles takes a quarter of an hour on a
loaded machine; the archive's own cost is what this measures). An article with no
publication date takes a YYYY-MM-DD from its file name, as news archives name files.

For each scale (the first N articles in a fixed shuffled order, then all of them):
indexing time (normalising and signing, then storing in a fresh SQLite ledger), a
second update of the same articles (all unchanged), and each article checked against
the rest (signing its quotes and looking them up): the cross-article pairs the two rules
report, and the time per article. Then a synthetic archive of ``--synthetic`` times the
corpus (copies of every article whose quotes have half their words replaced by words
drawn from the corpus, so that they are new quotes with the corpus's vocabulary and
lengths), and in it: the time to check one real article, and planted copies of real
quotes (one word changed, same speaker; the same words given to another person of the
corpus), of which the share found with the right rule and the original article.

``--sample-out FILE`` writes 100 reported pairs of the full corpus, drawn at random, as
a TSV to label (columns label and reasoning left empty); ``--labels FILE`` reads such a
file back, labelled (``1`` a right finding, ``0`` a wrong one), and prints the precision.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from copydesk.checks.archive.alignment import MIN_WORDS  # noqa: E402
from copydesk.checks.archive.index import IndexedQuote, IndexEntry, QuoteArchive, entry_for  # noqa: E402
from copydesk.checks.archive.people import name_words, same_person  # noqa: E402
from copydesk.checks.archive.signatures import band_keys  # noqa: E402
from copydesk.checks.archive.wording import GAP, quote_words, quotes_someone, spoken  # noqa: E402
from copydesk.checks.ledger import Ledger  # noqa: E402
from copydesk.checks.records import ArticleInfo, Quote, ReviewedArticle  # noqa: E402

DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
SEED = 18
SAMPLE = 100


def load_articles(data_dir: Path, extracted: Path | None) -> list[ReviewedArticle]:
    folder = data_dir / "text" if (data_dir / "text").is_dir() else data_dir
    files = sorted(p for p in folder.iterdir() if p.is_file())
    if extracted is not None:
        by_path = {}
        with extracted.open(encoding="utf-8") as lines:
            for line in lines:
                data = json.loads(line)
                by_path[Path(data["path"]).resolve()] = data
        articles = [_from_contract(p, by_path[p.resolve()], folder) for p in files if p.resolve() in by_path]
    else:
        from copydesk.flows.extract.pipeline import extract_batch

        articles = []
        for i in range(0, len(files), 20):
            articles.extend(extract_batch([str(p) for p in files[i : i + 20]]))
        for art in articles:
            art.article.id = Path(art.path).relative_to(folder.parent).as_posix()
    for art in articles:
        if not art.article.published and (m := DATE.search(Path(art.path).name)):
            art.article.published = m.group(1)
    return articles


def _from_contract(path: Path, data: dict, folder: Path) -> ReviewedArticle:
    meta = data.get("article") or {}
    quotes = [
        Quote(
            q["start"],
            q["end"],
            q["text"],
            q["kind"],
            q.get("speaker"),
            speaker_name=q.get("speaker_name"),
            id=q["id"],
        )
        for q in data.get("quotes") or []
    ]
    return ReviewedArticle(
        str(path),
        ArticleInfo(path.relative_to(folder.parent).as_posix(), published=meta.get("published")),
        text=path.read_text(encoding="utf-8"),
        quotes=quotes,
    )


def _ledger(folder: str, name: str) -> Ledger:
    return Ledger.open(f"sqlite:///{Path(folder) / name}")


def measure_scale(articles: list[ReviewedArticle], folder: str) -> dict:
    t0 = time.perf_counter()
    entries = [entry_for(a) for a in articles]
    sign = time.perf_counter() - t0
    with _ledger(folder, f"scale-{len(articles)}.db") as ledger:
        archive = QuoteArchive(ledger)
        t0 = time.perf_counter()
        archive.update(entries)
        store = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = archive.update(entries)
        unchanged = time.perf_counter() - t0
        per_article, cpu = [], []
        found = {}
        for art in articles:
            t0, c0 = time.perf_counter(), time.process_time()
            entry = entry_for(art)
            matches = archive.matches(entry)
            per_article.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            found[art.article.id] = (entry, matches, archive.similar(entry))
        quotes = archive.quote_count()
    return {
        "articles": len(articles),
        "quotes": quotes,
        "sign_s": sign,
        "store_s": store,
        "reupdate_s": again_time(again, unchanged),
        "check_ms_median": 1000 * statistics.median(per_article),
        "check_ms_p95": 1000 * sorted(per_article)[int(0.95 * (len(per_article) - 1))],
        "check_cpu_ms_median": 1000 * statistics.median(cpu),
        "found": found,
    }


def again_time(update, seconds: float) -> float:
    assert update.indexed == 0, "unchanged articles were indexed again"
    return seconds


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    return " ".join(text[max(0, start - width) : min(len(text), end + width)].split())


def pairs(found: dict, texts: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """The pairs the rules report (each unordered pair of quotes once per rule), and every
    cross-article pair the search found (once each), as rows to label."""
    reported, seen, every, every_seen = [], set(), [], set()

    def row(kind, article, speaker, start, end, match):
        return {
            "kind": kind,
            "article": article,
            "speaker": speaker or "",
            "context": _context(texts[article], start, end),
            "other_article": match.article_id,
            "other_speaker": match.speaker or "",
            "other_context": _context(texts[match.article_id], match.start, match.end),
        }

    for article, (entry, matches, similar) in sorted(found.items()):
        for s in similar:
            key = tuple(sorted([(article, s.quote.item), (s.match.article_id, s.match.item)]))
            if key not in every_seen:
                every_seen.add(key)
                words = "same words" if s.match.same_words else "close words"
                who = {True: "same person", False: "other person", None: "speaker not a name"}[s.person]
                every.append(
                    row(f"{words}, {who}", article, s.quote.speaker, s.quote.start, s.quote.end, s.match)
                )
        quotes = {q.item: q for q in entry.quotes}
        for m in matches:
            rule = "quote-speaker-conflict" if m.match.same_words else "quote-wording-drift"
            key = (rule, *sorted([(article, m.quote_id), (m.match.article_id, m.match.item)]))
            if key not in seen:
                seen.add(key)
                q = quotes[m.quote_id]
                reported.append(row(rule, article, q.speaker, q.start, q.end, m.match))
    return reported, every


def synthetic_entries(articles: list[ReviewedArticle], times: int, rng: random.Random) -> list[IndexEntry]:
    """``times`` copies of every article, each quote with half its words replaced by words
    drawn from the corpus's quotes."""
    vocabulary = [
        w for a in articles for q in a.quotes if q.kind == "speech" for w in spoken(quote_words(q.text))
    ]
    entries = []
    for copy in range(times):
        for art in articles:
            base = entry_for(art)
            quotes = []
            for q in base.quotes:
                words = spoken(q.words)
                for i in rng.sample(range(len(words)), len(words) // 2):
                    words[i] = rng.choice(vocabulary)
                quotes.append(
                    IndexedQuote(
                        q.item,
                        q.start,
                        q.end,
                        q.line,
                        " ".join(words),
                        tuple(words),
                        q.speaker,
                        q.mention,
                        frozenset(band_keys(words)),
                    )
                )
            entries.append(
                IndexEntry(
                    f"synthetic/{copy}/{base.article}",
                    base.path,
                    base.published,
                    f"synthetic-{copy}-{base.content_hash}",
                    tuple(quotes),
                )
            )
    return entries


def planted(
    articles: list[ReviewedArticle], count: int, rng: random.Random
) -> list[tuple[str, str, IndexEntry]]:
    """(expected rule, original article, planted article) for ``count`` real quotes of named
    speakers: one word changed (same speaker), or the same words given to another person."""
    candidates = []
    speakers = set()
    for art in articles:
        for q in entry_for(art).quotes:
            # Quotes whose speaker is named where they are quoted: the scope of
            # quote-speaker-conflict (a pronoun's resolution is not trusted for it).
            if (
                name_words(q.mention)
                and same_person(q.speaker, q.speaker)
                and len(spoken(q.words)) >= MIN_WORDS
            ):
                candidates.append((art.article.id, q))
                speakers.add(q.speaker)
    speakers = sorted(speakers)
    plants = []
    for n, (article, q) in enumerate(rng.sample(candidates, min(count, len(candidates)))):
        words = list(q.words)
        if n % 2 == 0:
            rule = "quote-wording-drift"
            interior = [i for i in range(1, len(words) - 1) if words[i] != "…"]
            i = rng.choice(interior)
            words[i] = "tremendously" if words[i] != "tremendously" else "hugely"
            speaker = q.speaker
        else:
            rule = "quote-speaker-conflict"
            speaker = rng.choice([s for s in speakers if same_person(s, q.speaker) is False])
        plain = spoken(tuple(words))
        quote = IndexedQuote(
            "q1",
            0,
            1,
            1,
            q.text if rule == "quote-speaker-conflict" else " ".join(words),  # the same quote, as printed
            tuple(words),
            speaker,
            mention=speaker,
            keys=frozenset(band_keys(plain)),
        )
        plants.append(
            (rule, article, IndexEntry(f"planted/{n}", f"planted/{n}", "2016-12-01", str(n), (quote,)))
        )
    return plants


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--extracted", type=Path, help="copydesk extract's JSON lines for the same files")
    ap.add_argument("--scales", default="200", help="article counts below the whole corpus (comma-separated)")
    ap.add_argument(
        "--synthetic", type=int, default=20, help="size of the synthetic archive, times the corpus"
    )
    ap.add_argument("--plants", type=int, default=200, help="planted copies of real quotes")
    ap.add_argument("--sample-out", type=Path, help="write 100 reported pairs to label (TSV)")
    ap.add_argument("--labels", type=Path, help="a labelled sample: print its precision")
    args = ap.parse_args()
    if args.labels:
        with args.labels.open(encoding="utf-8") as fh:
            rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["label"].strip()]
        for which in ("reported", "search"):
            labels = [r["label"].strip() == "1" for r in rows if r["set"] == which]
            if labels:
                print(f"{which} pairs labelled {len(labels)}: precision {sum(labels) / len(labels):.3f}")
        by_kind: dict[str, list[bool]] = {}
        for r in rows:
            by_kind.setdefault(f"{r['set']}: {r['kind']}", []).append(r["label"].strip() == "1")
        for kind, labels in sorted(by_kind.items()):
            print(f"  {kind}: {sum(labels)}/{len(labels)}")
        return 0

    rng = random.Random(SEED)
    articles = load_articles(args.data_dir, args.extracted)
    rng.shuffle(articles)
    if not articles:
        print(f"no articles in {args.data_dir}", file=sys.stderr)
        return 2
    speech = sum(1 for a in articles for q in a.quotes if q.kind == "speech")
    print(f"{len(articles)} articles, {speech} speech quotes")
    scales = sorted({int(s) for s in args.scales.split(",") if s} | {len(articles)})
    with tempfile.TemporaryDirectory() as folder:
        print(
            "| articles | indexed quotes | sign s | store s | re-update (unchanged) s | check ms/article median | p95 | pairs | conflicts | drifts |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        full = None
        for n in scales:
            result = measure_scale(articles[:n], folder)
            found, every = pairs(result["found"], {a.article.id: a.text for a in articles[:n]})
            conflicts = sum(p["kind"] == "quote-speaker-conflict" for p in found)
            kinds: dict[str, int] = {}
            for p in every:
                kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
            print(
                f"| {n} | {result['quotes']} | {result['sign_s']:.2f} | {result['store_s']:.2f} | "
                f"{result['reupdate_s']:.2f} | {result['check_ms_median']:.1f} | {result['check_ms_p95']:.1f} | "
                f"{len(found)} | {conflicts} | {len(found) - conflicts} |",
                flush=True,
            )
            print(
                f"  CPU per check, median {result['check_cpu_ms_median']:.1f} ms; every cross-article pair found: "
                f"{sum(kinds.values())} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})"
            )
            full = (found, every)
        if args.sample_out and full:
            # Every pair the rules report, then a random sample of every pair the search
            # found (fewer than SAMPLE findings on a corpus this size).
            reported, every = full
            sample = [("reported", r) for r in reported]
            sample += [("search", r) for r in rng.sample(every, min(SAMPLE, len(every)))]
            with args.sample_out.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, ["set", *sample[0][1], "label", "reasoning"], delimiter="\t")
                writer.writeheader()
                for which, row in sample:
                    writer.writerow({"set": which, **row, "label": "", "reasoning": ""})
            print(f"wrote {len(sample)} pairs to label to {args.sample_out}")

        if args.synthetic:
            with _ledger(folder, "synthetic.db") as ledger:
                archive = QuoteArchive(ledger)
                t0 = time.perf_counter()
                real = [entry_for(a) for a in articles]
                archive.update(real)
                t_real = time.perf_counter() - t0
                t0 = time.perf_counter()
                extra = synthetic_entries(articles, args.synthetic - 1, rng)
                t_sign = time.perf_counter() - t0
                t0 = time.perf_counter()
                archive.update(extra)
                t_store = time.perf_counter() - t0
                total = len(real) + len(extra)
                print(
                    f"synthetic archive: {total} articles, {archive.quote_count()} indexed quotes; "
                    f"indexing the {len(extra)} copies: signing {t_sign:.1f} s, storing {t_store:.1f} s "
                    f"({1000 * (t_sign + t_store) / max(1, len(extra)):.2f} ms per article); the real {len(real)}: {t_real:.1f} s"
                )
                times, cpu = [], []
                for art in rng.sample(articles, min(200, len(articles))):
                    t0, c0 = time.perf_counter(), time.process_time()
                    archive.matches(entry_for(art))
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
                print(
                    f"check one real article against it: CPU median {1000 * statistics.median(cpu):.1f} ms, "
                    f"p95 {1000 * sorted(cpu)[int(0.95 * (len(cpu) - 1))]:.1f} ms; "
                    f"wall median {1000 * statistics.median(times):.1f} ms, "
                    f"p95 {1000 * sorted(times)[int(0.95 * (len(times) - 1))]:.1f} ms, "
                    f"max {1000 * max(times):.1f} ms ({len(times)} articles)"
                )
                # Per rule: planted, found with the right rule, linked to the original article
                # (else to another article with the same quote, which the rule prefers when
                # it is earlier).
                hits = {"quote-wording-drift": [0, 0, 0], "quote-speaker-conflict": [0, 0, 0]}
                misses: dict[str, int] = {}
                for rule, original, entry in planted(articles, args.plants, rng):
                    wanted = rule == "quote-speaker-conflict"
                    right = [m for m in archive.matches(entry) if m.match.same_words == wanted]
                    hits[rule][0] += 1
                    hits[rule][1] += bool(right)
                    hits[rule][2] += any(m.match.article_id == original for m in right)
                    if not right:  # why: outside what the rule asks for, or a miss
                        q = entry.quotes[0]
                        if rule == "quote-wording-drift" and len(spoken(q.words)) <= MIN_WORDS:
                            why = f"{MIN_WORDS}-word quote: one changed word leaves {MIN_WORDS - 1} in common"
                        elif rule == "quote-speaker-conflict" and quotes_someone(q.text):
                            why = "the quote quotes someone inside it"
                        elif rule == "quote-wording-drift" and GAP in q.words:
                            why = "the quote has an elision (a change next to one is not counted)"
                        else:
                            why = "missed"
                        misses[why] = misses.get(why, 0) + 1
                planted_total = sum(h[0] for h in hits.values())
                found = sum(h[1] for h in hits.values())
                print(
                    f"planted: {found}/{planted_total} found with the right rule = {found / planted_total:.3f}; "
                    + "; ".join(f"{r} {h[1]}/{h[0]} ({h[2]} linked to the original)" for r, h in hits.items())
                )
                print("not found: " + "; ".join(f"{why}: {n}" for why, n in sorted(misses.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
