"""MEANTIME benchmark of the storyline_times component: extent F1 (strict and relaxed) and value
accuracy on the matched expressions, over the 120 English Wikinews articles.

The text is rebuilt from the corpus tokens (detokenised, one sentence a line); the gold timexes
are the TIMEX3 markables anchored in it (the dateline counts, it is text). MEANTIME annotates
times in the title and the first five sentences only, so only those are scored (the component
still reads the whole article).

    .venv/bin/python benchmarks/time_meantime.py
    .venv/bin/python benchmarks/time_meantime.py --corpus corpus_gm --errors
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from time_common import REPO, Counts, add_run_options, parse, read_meantime, run_component, score, table

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "meantime" / "intra_cross-doc_annotation"
#: HeidelTime's value F1 on TempEval-3 platinum: MEANTIME has no published HeidelTime figure on
#: this exact setting, so the anchor column repeats the TE3 reference for orientation.
ANCHOR = {"value F1 (HeidelTime, TE3 platinum)": 77.61}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="the MEANTIME annotation folder (default: %(default)s)")
    ap.add_argument("--corpus", default="",
                    help="one sub-corpus only (corpus_airbus, corpus_apple, corpus_gm, corpus_stock)")
    add_run_options(ap)
    args = ap.parse_args(argv)

    pattern = f"{args.corpus or '*'}/*.xml"
    files = sorted(args.data.glob(pattern)) if args.data.exists() else []
    if not files:
        print(f"MEANTIME data not found under {args.data}; nothing to measure.")
        return 0
    if args.limit:
        files = files[: args.limit]
    golds = [read_meantime(f) for f in files]
    docs, parse_s = parse([g.text for g in golds], args.cache, args.model)
    docs, comp_s = run_component(docs, [g.published for g in golds])

    total = Counts()
    for g, doc in zip(golds, docs, strict=True):
        limit = g.scored_until if g.scored_until is not None else len(g.text)
        system = [(t.start, t.end, t.type, t.value) for t in doc._.times  # type: ignore[attr-defined]
                  if t.start < limit]
        c, errors = score(g.timexes, system)
        total.add(c)
        if args.errors:
            for e in errors:
                print(g.id[:40], g.published, *e, sep=" | ")

    n = len(golds)
    accuracy = 100 * total.value / total.relaxed if total.relaxed else 0.0
    rows = [(f"MEANTIME ({n} docs, {total.gold} timexes)", "storyline", "anchor"),
            ("strict extent F1", f"{total.f1(total.strict):.1f}", ""),
            ("relaxed extent F1", f"{total.f1(total.relaxed):.1f}", ""),
            ("value accuracy (on relaxed matches)", f"{accuracy:.1f}", ""),
            ("value F1", f"{total.f1(total.value):.1f}", "77.6 (HeidelTime, TE3 platinum)"),
            ("component docs/s", f"{n / comp_s:.0f}" if comp_s else "-", ""),
            ("parse / component time",
             f"{parse_s / comp_s:.0f}x" if comp_s and parse_s else "(cached parse)", "")]
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
