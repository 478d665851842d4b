"""TempEval-3 benchmark of the storyline_times component.

Scores the way the TempEval-3 scorer does: strict and relaxed (overlap) extent F1, and value F1
(a value counts only on an extent match), beside HeidelTime's published figures. Develop on
TBAQ-cleaned (``--split tbaq``); report the platinum test set (``--split platinum``, default).

    .venv/bin/python benchmarks/time_tempeval3.py --split platinum
    .venv/bin/python benchmarks/time_tempeval3.py --split tbaq --limit 50 --errors
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from time_common import REPO, Counts, add_run_options, parse, read_tml, run_component, score, table

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "tempeval3"
SPLITS = {"platinum": ("te3-platinum",), "tbaq": ("TBAQ-cleaned/TimeBank", "TBAQ-cleaned/AQUAINT"),
          "timebank": ("TBAQ-cleaned/TimeBank",), "aquaint": ("TBAQ-cleaned/AQUAINT",)}
#: HeidelTime on TempEval-3 platinum, as published (UzZaman et al. 2013).
ANCHOR = {"strict": 81.34, "relaxed": 90.30, "value": 77.61}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="the tempeval3 folder (default: %(default)s)")
    ap.add_argument("--split", choices=sorted(SPLITS), default="platinum")
    add_run_options(ap)
    args = ap.parse_args(argv)

    files = sorted(f for d in SPLITS[args.split] for f in (args.data / d).glob("*.tml"))
    if not files:
        print(f"TempEval-3 data not found under {args.data} (split {args.split}); nothing to measure.")
        return 0
    if args.limit:
        files = files[: args.limit]
    golds = [read_tml(f) for f in files]
    docs, parse_s = parse([g.text for g in golds], args.cache, args.model)
    docs, comp_s = run_component(docs, [g.published for g in golds])

    total = Counts()
    for g, doc in zip(golds, docs, strict=True):
        system = [(t.start, t.end, t.type, t.value) for t in doc._.times]  # type: ignore[attr-defined]
        c, errors = score(g.timexes, system)
        total.add(c)
        if args.errors:
            for e in errors:
                ctx = ""
                if e[0] in ("miss", "value"):
                    pos = g.text.find(e[1])
                    ctx = " … " + g.text[max(0, pos - 40):pos + len(e[1]) + 30].replace("\n", " ")
                elif e[0] in ("spurious", "extent"):
                    s, end = (int(x) for x in e[-1 if e[0] == "extent" else 1].split(":"))
                    ctx = f" [{g.text[s:end]}] … " + g.text[max(0, s - 40):end + 30].replace("\n", " ")
                print(g.id, g.published, *e, ctx, sep=" | ")

    n = len(golds)
    rows = [("TempEval-3 " + args.split + f" ({n} docs, {total.gold} timexes)", "storyline", "HeidelTime"),
            ("strict extent F1", f"{total.f1(total.strict):.1f}", f"{ANCHOR['strict']:.1f}"),
            ("relaxed extent F1", f"{total.f1(total.relaxed):.1f}", f"{ANCHOR['relaxed']:.1f}"),
            ("value F1", f"{total.f1(total.value):.1f}", f"{ANCHOR['value']:.1f}"),
            ("type F1", f"{total.f1(total.type):.1f}", ""),
            ("relaxed P / R", "{:.1f} / {:.1f}".format(*total.pr(total.relaxed)), ""),
            ("component docs/s", f"{n / comp_s:.0f}" if comp_s else "-", ""),
            ("parse / component time",
             f"{parse_s / comp_s:.0f}x" if comp_s and parse_s else "(cached parse)", "")]
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
