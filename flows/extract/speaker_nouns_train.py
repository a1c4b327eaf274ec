"""Rebuild ``speaker_nouns.tsv`` from an attribution corpus in brat standoff format.

    python -m copydesk.flows.extract.speaker_nouns_train ../shared/polnear-train

For every noun lemma that is the subject (``nsubj``) of a verb in the corpus's articles:
how often, and how often that subject lies inside a span an annotator marked as an
attribution's Source. Only lemma counts are written (no article text). The corpus stays
outside the repository; the command is ``make train-quotes``.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from copydesk.flows.extract.nlp import load_nlp
from copydesk.flows.extract.speaker_nouns import TABLE

# Nouns seen fewer times than this as a subject are left out: the lookup treats them as
# unknown anyway (speaker_nouns.MIN_SEEN), and the file stays small.
KEEP_SEEN = 3


def source_spans(ann: Path) -> list[tuple[int, int]]:
    """Character spans of the Source text-bound annotations ("T3\\tSource 10 14;20 25\\t…")."""
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue  # a note, an event, or the tail of a span text that ran over a line
        label, _, offsets = parts[1].partition(" ")
        if label != "Source":
            continue
        for fragment in offsets.split(";"):
            start, end = fragment.split()
            spans.append((int(start), int(end)))
    return spans


def count(corpus: Path) -> dict[str, list[int]]:
    texts = sorted((corpus / "text").glob("*.txt"))
    nlp = load_nlp()
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    contents = (t.read_text(encoding="utf-8") for t in texts)
    for path, doc in zip(texts, nlp.pipe(contents, batch_size=16), strict=True):
        anns = sorted((corpus / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        inside = bytearray(len(doc.text) + 1)
        for start, end in source_spans(anns[0]):
            inside[start:end] = b"\x01" * (end - start)
        for token in doc:
            if token.dep_ == "nsubj" and token.pos_ == "NOUN":
                row = counts[token.lemma_.lower()]
                row[0] += 1
                row[1] += inside[token.idx]
    return counts


def write(counts: dict[str, list[int]], out: Path, corpus: Path) -> None:
    lines = [
        f"# noun lemma, times a subject, times inside an annotated Source: {corpus.name}",
        *(
            f"{lemma}\t{seen}\t{source}"
            for lemma, (seen, source) in sorted(counts.items())
            if seen >= KEEP_SEEN
        ),
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with text/ and attributions/")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(TABLE))
    args = parser.parse_args(argv)
    if not (args.corpus / "text").is_dir() or not (args.corpus / "attributions").is_dir():
        print(f"copydesk: {args.corpus} has no text/ and attributions/ folders", file=sys.stderr)
        return 2
    write(count(args.corpus), args.out, args.corpus)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
