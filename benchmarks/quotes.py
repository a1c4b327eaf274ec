"""Quote extraction on a PolNeAR-format directory: copydesk and textacy side by side.

    .venv/bin/python benchmarks/quotes.py ../shared/polnear-dev

DATA_DIR holds text/*.txt and attributions/*.ann (brat standoff: Source, Cue, Content).
Both extractors read the same spaCy parse from the same model in one run. The metric
is the one ../shared/eval/score.py uses: every quotation-mark pair inside a gold
attribution's content is a gold quote; a predicted speech quote matches it at span
Jaccard >= 0.5; it is attributed right when its speaker overlaps the gold source.
Also reported: the time spaCy takes to parse, and what quote extraction adds to it.
textacy is a benchmark extra (`make bench-setup`), not a run-time dependency.
"""

from __future__ import annotations

import argparse
import collections
import glob
import os
import re
import sys
import time
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from copydesk.flows.content import load_article  # noqa: E402
from copydesk.flows.content.view import build_review_text  # noqa: E402
from copydesk.flows.extract.nlp import load_nlp  # noqa: E402
from copydesk.flows.extract.quotes import extract_quotes  # noqa: E402

QUOTE_PAIR = re.compile(r'["“«„].{2,}?["”»“]', re.S)


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_ok: int = 0
    failed_docs: int = 0
    seconds: float = 0.0

    def line(self, name: str) -> str:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ap = self.speaker_ok / self.predicted if self.predicted else 0.0
        ar = self.speaker_ok / self.gold if self.gold else 0.0
        af = 2 * ap * ar / (ap + ar) if ap + ar else 0.0
        acc = self.speaker_ok / self.matched if self.matched else 0.0
        return (
            f"| {name} | {af:.3f} | {f:.3f} | {p:.3f} | {r:.3f} | {acc:.3f} | {self.failed_docs} | "
            f"{1000 * self.seconds:.1f} |"
        )


@dataclass
class Gold:
    span: tuple[int, int]
    source: set[int] = field(default_factory=set)


def read_gold(text: str, ann_path: str) -> list[Gold]:
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    with open(ann_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("T"):
                tid, mid = line.split("\t")[:2]
                _, offs = mid.split(" ", 1)
                spans[tid] = [tuple(map(int, f.split())) for f in offs.split(";")]
            elif line.startswith("E"):
                roles = collections.defaultdict(list)
                for arg in line.split("\t")[1].split():
                    role, tid = arg.split(":")
                    roles[role].append(tid)
                events.append(roles)
    gold = []
    for ev in events:
        source = {i for t in ev.get("Source", []) for a, b in spans.get(t, []) for i in range(a, b)}
        for t in ev.get("Content", []):
            for s, e in spans.get(t, []):
                gold.extend(Gold(m.span(), source) for m in QUOTE_PAIR.finditer(text, s, e))
    return gold


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0


def score(tally: Tally, predicted: list[tuple[tuple[int, int], set[int]]], gold: list[Gold]) -> None:
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    free = set(range(len(gold)))
    for span, speaker in predicted:
        best = max(free, key=lambda i: jaccard(span, gold[i].span), default=None)
        if best is None or jaccard(span, gold[best].span) < 0.5:
            continue
        free.discard(best)
        tally.matched += 1
        want = gold[best].source
        tally.speaker_ok += bool(speaker & want) if want else not speaker


def ours(path: str, nlp) -> tuple[list, float, float]:
    article = load_article(path)
    view = build_review_text(article)
    t0 = time.perf_counter()
    doc = nlp(view.text)
    t1 = time.perf_counter()
    quotes = extract_quotes(doc)
    t2 = time.perf_counter()
    out = []
    for q in quotes:
        if q.kind != "speech":
            continue
        span = view.to_file(q.start, q.end)
        speaker: set[int] = set()
        if q.speaker_start is not None and q.speaker_end is not None:
            a, b = view.to_file(q.speaker_start, q.speaker_end)
            speaker = set(range(a, b))
        out.append((span, speaker))
    return out, t1 - t0, t2 - t1


def textacy_quotes(text: str, nlp) -> tuple[list, float, bool]:
    from textacy.extract.triples import direct_quotations

    doc = nlp(text)
    t0 = time.perf_counter()
    try:
        triples = list(direct_quotations(doc))
        failed = False
    except ValueError:
        triples, failed = [], True  # textacy gives up on unbalanced quotation marks
    elapsed = time.perf_counter() - t0
    out = []
    for tr in triples:
        content = tr.content
        span = (content.start_char, content.end_char)
        speaker = {i for tok in tr.speaker for i in range(tok.idx, tok.idx + len(tok.text))}
        out.append((span, speaker))
    return out, elapsed, failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="PolNeAR-format directory (text/, attributions/)")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    args = ap.parse_args()
    texts = sorted(glob.glob(os.path.join(args.data, "text", "*.txt")))
    if not texts:
        print(f"no text/*.txt under {args.data}", file=sys.stderr)
        return 2
    nlp = load_nlp()
    mine, base = Tally(), Tally()
    parse_seconds = 0.0
    have_textacy = not args.no_textacy
    if have_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError:
            print("textacy not installed (make bench-setup); running copydesk only", file=sys.stderr)
            have_textacy = False
    n = 0
    for path in texts:
        anns = sorted(
            glob.glob(os.path.join(args.data, "attributions", os.path.basename(path)[:-4] + "_*.ann"))
        )
        if not anns:
            continue
        n += 1
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        gold = read_gold(text, anns[0])
        predicted, parse_s, extract_s = ours(path, nlp)
        parse_seconds += parse_s
        mine.seconds += extract_s
        score(mine, predicted, gold)
        if have_textacy:
            predicted, elapsed, failed = textacy_quotes(text, nlp)
            base.seconds += elapsed
            base.failed_docs += failed
            score(base, predicted, gold)
    print(f"{n} documents from {args.data}; spaCy model {nlp.meta['name']} {nlp.meta['version']}")
    print(
        "| extractor | attribution F1 | quote F1 | quote precision | quote recall | speaker accuracy "
        "| failed docs | extraction ms (total) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(mine.line("copydesk"))
    if have_textacy:
        print(base.line("textacy 0.13 direct_quotations"))
    print(
        f"spaCy parse: {parse_seconds:.2f} s total, {1000 * parse_seconds / n:.1f} ms per article; "
        f"copydesk quote extraction adds {100 * mine.seconds / parse_seconds:.1f}% "
        f"({1000 * mine.seconds / n:.2f} ms per article)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
