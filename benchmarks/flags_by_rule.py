"""Flag quality per rule on labelled articles, with the matching of ../shared/eval/score.py.

    .venv/bin/python benchmarks/flags_by_rule.py GOLD_DIR [--texts TEXT_DIR] [--out DIR] [--cmd CMD]

GOLD_DIR holds NAME.gold.json files (FLAGS-GUIDE.md); each article sits beside its gold
file or, with --texts, in TEXT_DIR. Runs `copydesk review` once over all of them and
prints, per rule: gold flags found, findings that are false, findings on arguable
(optional) spans, findings on spans a copy chief would never flag (must_not_flag), and
recall and precision. Info findings never count, as in the scorer. The data is read from
where it lies; nothing is copied into the project.
"""

from __future__ import annotations

import argparse
import collections
import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first_span(text: str, anchor: str) -> tuple[int, int] | None:
    i = text.find(anchor)
    return (i, i + len(anchor)) if i >= 0 else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _article_for(gold: Path, texts: Path | None) -> Path | None:
    stem = gold.name[: -len(".gold.json")]
    for folder in (gold.parent, texts):
        if folder is None:
            continue
        found = sorted(p for p in folder.glob(stem + ".*") if not p.name.endswith(".gold.json"))
        if found:
            return found[0]
    return None


def score(gold_dir: Path, texts: Path | None, out: Path, cmd: str) -> dict[str, collections.Counter]:
    pairs = [(g, _article_for(g, texts)) for g in sorted(gold_dir.glob("*.gold.json"))]
    pairs = [(g, a) for g, a in pairs if a is not None]
    subprocess.run(
        [*shlex.split(cmd), *[str(a) for _, a in pairs], "--out", str(out)],
        check=False,
        capture_output=True,
    )
    reports = {}
    for path in out.glob("*.json"):
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(obj, dict) and "findings" in obj and "path" in obj:
            reports[Path(obj["path"]).name] = obj
    by_rule: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for gold_path, article in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = article.read_text(encoding="utf-8")
        findings = [f for f in reports.get(article.name, {}).get("findings", []) if f["severity"] != "info"]
        optional = [s for a in gold.get("optional", []) if (s := _first_span(text, a))]
        never = [s for a in gold.get("must_not_flag", []) if (s := _first_span(text, a))]
        used: set[int] = set()
        for flag in gold["flags"]:
            span = _first_span(text, flag["anchor"])
            by_rule[flag["rule"]]["gold"] += 1
            hits = [
                i
                for i, f in enumerate(findings)
                if span and f["rule"] == flag["rule"] and _overlaps((f["start"], f["end"]), span)
            ]
            by_rule[flag["rule"]]["found"] += bool(hits)
            used.update(hits)
        for i, f in enumerate(findings):
            if i in used:
                continue
            span = (f["start"], f["end"])
            if any(_overlaps(span, o) for o in optional):
                by_rule[f["rule"]]["arguable"] += 1
            else:
                by_rule[f["rule"]]["false"] += 1
                by_rule[f["rule"]]["never"] += any(_overlaps(span, n) for n in never)
    return by_rule


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--texts", type=Path)
    ap.add_argument("--out", type=Path, help="keep the reports here (default: a temporary folder)")
    ap.add_argument("--cmd", default=f"{ROOT / '.venv/bin/copydesk'} review", help="the review command")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="copydesk-flags-"))
    by_rule = score(args.gold_dir, args.texts, out, args.cmd)
    print("| rule | gold | found | recall | false | of which never-flag | arguable | precision |")
    print("|---|---|---|---|---|---|---|---|")
    total = collections.Counter()
    for rule, c in sorted(by_rule.items()):
        total.update(c)
        print(_row(rule, c))
    print(_row("**all**", total))
    return 0


def _row(rule: str, c: collections.Counter) -> str:
    recall = f"{c['found'] / c['gold']:.2f}" if c["gold"] else "–"
    kept = c["found"] + c["false"]
    precision = f"{c['found'] / kept:.2f}" if kept else "–"
    return (
        f"| {rule} | {c['gold']} | {c['found']} | {recall} | {c['false']} | {c['never']} | "
        f"{c['arguable']} | {precision} |"
    )


if __name__ == "__main__":
    sys.exit(main())
