"""Benchmark: conflicting accounts and corrections (contradiction, correction, dispute).

Gold: ``benchmarks/data/conflicts_gold.jsonl`` — pairs of statements from real articles (the seed and
PolNeAR *train* articles not in ``corpus/``), written from reading the articles before the detector
existed (see ``benchmarks/data/conflicts_gold.README.md``). Each line: ``doc`` (path under the shared
folder), ``published``, ``a``/``b`` (exact text of the two statements), ``kind`` (contradiction |
correction | dispute | none = hard negative) and ``reasoning``. Cross-document lines (``cross_document``:
true) name ``a_doc``/``b_doc`` and their dates instead of ``doc``; they are scored on what
``storyline.resolve.conflicts.find_conflicts`` returns for the analyses of their articles, and reported
separately.

Scoring: every gold document is analysed with ``storyline.analyze`` (the full pipeline: quotes,
claims, conflicts); a predicted conflict matches a gold pair when its two quotes overlap the two
gold spans (either order). Recall = gold positives matched / gold positives; precision = predicted
pairs matching a gold positive / all pairs predicted on the gold documents (strict: the gold is not
exhaustive, so an unannotated true conflict counts against us); hard negatives flagged = gold
negatives matched by any prediction. "Statements found" says how many gold spans the quote
extractor produced at all (a pair cannot be found if a statement is missing), to separate quote
errors from conflict errors.

    .venv/bin/python benchmarks/conflicts.py [--shared ../shared] [-v] [--oracle]

``--oracle`` replaces the quote extractor's output by PolNeAR's gold attributions (content span,
source text as the speaker, cue) on the PolNeAR documents, to measure the conflict logic apart from
quote extraction (the seed keeps the pipeline's quotes: it has no gold attributions).

Anchor: none exists (PRODUCT.md). Goal: recall ≥ 80 %, precision ≥ 80 %, no hard negative flagged.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from storyline.analyze import analyze
from storyline.analyze.pipeline import get_pipeline, to_analysis
from storyline.model import Analysis, Cue, Document, Quote, Speaker
from storyline.resolve.conflicts import find_conflicts

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "data" / "conflicts_gold.jsonl"


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.find(needle)
    if start < 0:
        raise ValueError(f"gold text not found: {needle[:60]!r}")
    return start, start + len(needle)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her", "their", "him", "them"}


def gold_quotes(ann: Path, published: str) -> list[Quote]:
    """PolNeAR attributions as Quote records; a pronoun source takes the previous named source."""
    spans: dict[str, tuple[str, int, int, str]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, text = line.split("\t")[:3]
            kind, _, offsets = info.partition(" ")
            parts = [tuple(map(int, o.split())) for o in offsets.split(";")]
            spans[tid] = (kind, min(p[0] for p in parts), max(p[1] for p in parts), text)
        elif line.startswith("E"):
            relations.append(dict(arg.split(":") for arg in line.split("\t")[1].split()))
    quotes: list[Quote] = []
    last_name: str | None = None
    for rel in sorted(relations, key=lambda r: spans[r["Content"]][1] if "Content" in r else 0):
        if "Content" not in rel:
            continue
        _, start, end, content = spans[rel["Content"]]
        name = None
        if "Source" in rel:
            raw = spans[rel["Source"]][3]
            raw = raw.split("(")[0].split(",")[0].strip().removesuffix("'s").removesuffix("’s")
            if raw.lower() in _PRONOUNS:
                name = last_name
            else:
                name = last_name = raw
        cue = spans[rel["Cue"]] if "Cue" in rel else None
        quotes.append(Quote(id=f"q{len(quotes) + 1}", kind="indirect", start=start, end=end, content=content,
                            speaker=Speaker(name=name) if name else None,
                            cue=Cue(cue[3], cue[1], cue[2]) if cue else None, said_on=published))
    return quotes


def analyze_with_quotes(text: str, published: str, doc_id: str, quotes: list[Quote]) -> Analysis:
    nlp = get_pipeline()
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.doc_id = doc_id
    for name, proc in nlp.pipeline:
        if name == "storyline_quotes":
            doc._.quotes = quotes
            continue
        doc = proc(doc)
    return to_analysis(Document(id=doc_id, text=text, published=published), doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--oracle", action="store_true", help="PolNeAR gold attributions as the statements")
    args = parser.parse_args()

    everything = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [g for g in everything if not g.get("cross_document")]
    cross = [g for g in everything if g.get("cross_document")]
    dates = {g["doc"]: g["published"] for g in gold}
    for g in cross:
        dates.setdefault(g["a_doc"], g["a_published"])
        dates.setdefault(g["b_doc"], g["b_published"])
    docs = sorted(dates)
    analyses: dict[str, tuple[str, Analysis]] = {}
    t0 = time.perf_counter()
    for doc in docs:
        text = (args.shared / doc).read_text(encoding="utf-8")
        published = dates[doc]
        ann = sorted((args.shared / doc).parent.parent.glob(f"attributions/{Path(doc).stem}_*.ann"))
        if args.oracle and ann:
            analyses[doc] = (text, analyze_with_quotes(text, published, doc, gold_quotes(ann[0], published)))
        else:
            analyses[doc] = (text, analyze(text, published, id=doc))
    elapsed = time.perf_counter() - t0

    within_docs = sorted({g["doc"] for g in gold})
    positives = [g for g in gold if g["kind"] != "none"]
    negatives = [g for g in gold if g["kind"] == "none"]
    matched_pred: set[tuple[str, str, str]] = set()
    tp = kind_ok = 0
    found_statements = total_statements = 0
    extractable = extractable_tp = 0
    missed: list[dict[str, Any]] = []
    for g in gold:
        text, analysis = analyses[g["doc"]]
        spans = {q.id: (q.start, q.end) for q in analysis.quotes}
        ga, gb = span_of(text, g["a"]), span_of(text, g["b"])
        found = [any(overlaps(s, q) for q in spans.values()) for s in (ga, gb)]
        total_statements += 2
        found_statements += sum(found)
        hits = [c for c in analysis.conflicts if c.a in spans and c.b in spans and (
            (overlaps(spans[c.a], ga) and overlaps(spans[c.b], gb))
            or (overlaps(spans[c.a], gb) and overlaps(spans[c.b], ga)))]
        g["_hits"] = hits
        if g["kind"] == "none":
            continue
        extractable += all(found)
        extractable_tp += bool(hits) and all(found)
        if hits:
            tp += 1
            kind_ok += any(c.kind == g["kind"] for c in hits)
            matched_pred.update((g["doc"], c.a, c.b) for c in hits)
        else:
            missed.append(g)
    flagged = [g for g in negatives if g["_hits"]]
    predicted = [(doc, c) for doc in within_docs for c in analyses[doc][1].conflicts]
    correct_pred = sum((doc, c.a, c.b) in matched_pred for doc, c in predicted)
    precision = correct_pred / len(predicted) if predicted else 0.0
    recall = tp / len(positives) if positives else 0.0

    print(f"conflicts gold: {len(positives)} positive pairs, {len(negatives)} hard negatives, "
          f"{len(within_docs)} documents ({elapsed:.1f} s for {len(docs)})"
          + ("; statements: PolNeAR gold attributions" if args.oracle else "; statements: storyline quotes"))
    print(f"  precision {100 * precision:5.1f} %  ({correct_pred}/{len(predicted)} predicted pairs)")
    print(f"  recall    {100 * recall:5.1f} %  ({tp}/{len(positives)} gold pairs)")
    print(f"  kind right on matched pairs: {kind_ok}/{tp}")
    print(f"  hard negatives flagged: {len(flagged)}/{len(negatives)}")
    print(f"  gold statements found by the quote extractor: {found_statements}/{total_statements}; "
          f"recall on the {extractable} pairs with both statements found: "
          f"{100 * extractable_tp / max(extractable, 1):.1f} % ({extractable_tp}/{extractable})")
    print("  anchor: none exists; goal: P ≥ 80 %, R ≥ 80 %, 0 hard negatives flagged")
    if args.verbose:
        for g in missed:
            print(f"MISSED {g['id']} {g['kind']} {g['doc'].split('/')[-1][:40]}: {g['a'][:50]!r} / {g['b'][:50]!r}")
        for g in flagged:
            print(f"FLAGGED {g['id']} {g['doc'].split('/')[-1][:40]}: {[c.reason for c in g['_hits']]}")
        for doc, c in predicted:
            if (doc, c.a, c.b) not in matched_pred:
                text, a = analyses[doc]
                q = {x.id: x for x in a.quotes}
                print(f"UNMATCHED {doc.split('/')[-1][:40]} {c.kind}: {q[c.a].content[:50]!r} / "
                      f"{q[c.b].content[:50]!r} — {c.reason[:120]}")
    if cross:
        score_cross(cross, analyses, args.verbose)


def score_cross(cross: list[dict[str, Any]], analyses: dict[str, tuple[str, Analysis]], verbose: bool) -> None:
    """Cross-document pairs, scored on the conflicts ``find_conflicts`` returns for all the analyses of the
    cross-document articles (precision counts every cross-document conflict among them)."""
    docs = sorted({g["a_doc"] for g in cross} | {g["b_doc"] for g in cross})
    t0 = time.perf_counter()
    conflicts = find_conflicts([analyses[d][1] for d in docs])
    elapsed = time.perf_counter() - t0
    spans = {(d, q.id): (q.start, q.end) for d in docs for q in analyses[d][1].quotes}

    def side(doc: str | None, qid: str, gdoc: str, gspan: tuple[int, int]) -> bool:
        return doc == gdoc and (doc, qid) in spans and overlaps(spans[(doc, qid)], gspan)

    matched: set[int] = set()
    tp = kind_ok = found = 0
    flagged: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    for g in cross:
        ga = span_of(analyses[g["a_doc"]][0], g["a"])
        gb = span_of(analyses[g["b_doc"]][0], g["b"])
        found += any(overlaps(ga, (q.start, q.end)) for q in analyses[g["a_doc"]][1].quotes)
        found += any(overlaps(gb, (q.start, q.end)) for q in analyses[g["b_doc"]][1].quotes)
        hits = [i for i, c in enumerate(conflicts) if
                (side(c.a_doc, c.a, g["a_doc"], ga) and side(c.b_doc, c.b, g["b_doc"], gb))
                or (side(c.a_doc, c.a, g["b_doc"], gb) and side(c.b_doc, c.b, g["a_doc"], ga))]
        if g["kind"] == "none":
            if hits:
                flagged.append(g)
            continue
        if hits:
            tp += 1
            kind_ok += any(conflicts[i].kind == g["kind"] for i in hits)
            matched.update(hits)
        else:
            missed.append(g)
    positives = sum(g["kind"] != "none" for g in cross)
    negatives = len(cross) - positives
    print(f"cross-document gold (storyline.resolve.conflicts.find_conflicts): {positives} positive pairs, "
          f"{negatives} hard negatives, {len(docs)} documents ({elapsed:.1f} s)")
    print(f"  precision {100 * len(matched) / max(len(conflicts), 1):5.1f} %  "
          f"({len(matched)}/{len(conflicts)} predicted cross-document pairs)")
    print(f"  recall    {100 * tp / max(positives, 1):5.1f} %  ({tp}/{positives} gold pairs)")
    print(f"  kind right on matched pairs: {kind_ok}/{tp}")
    print(f"  hard negatives flagged: {len(flagged)}/{negatives}")
    print(f"  gold statements found by the quote extractor: {found}/{2 * len(cross)}")
    if verbose:
        for g in missed:
            print(f"MISSED {g['id']} {g['kind']}: {g['a'][:50]!r} / {g['b'][:50]!r}")
        for g in flagged:
            print(f"FLAGGED {g['id']}: {g['a'][:50]!r} / {g['b'][:50]!r}")
        for i, c in enumerate(conflicts):
            if i not in matched:
                print(f"UNMATCHED {c.kind} {c.a_doc}:{c.a} / {c.b_doc}:{c.b} — {c.reason[:120]}")


if __name__ == "__main__":
    main()
