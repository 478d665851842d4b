"""Quote attribution on PolNeAR: storyline_quotes beside the anchors and textacy.

Gold: ``../shared/benchmarks/polnear/<split>/`` (brat standoff, see ``benchmarks/README.md`` there).
Several annotators marked some articles; we always take the annotator whose id sorts first, so a
run is reproducible and no article counts twice. Publication dates come from ``metadata.tsv``.

How it is scored (decided here, printed with the figures):

* **Units.** A gold unit is one ``Attribution`` event: its Content spans (discontinuous ones joined)
  and its Source spans. Our quotes that share a cue (a quote split by "he said") form one predicted
  unit, as in the gold; a quote without a cue is a unit of its own.
* **Characters compared** are the letters and digits of a span only, so whether the quote marks, the
  comma before them or surrounding spaces are inside the span does not matter.
* **Overlap** of a predicted and a gold unit = shared characters / characters of the *longer* of the
  two (so it is low both when we cut a quote short and when we swallow text around it). Units are
  matched one to one, best overlap first; a match needs overlap ≥ 30 % (lenient) or ≥ 80 % (strict).
* **Quote-marked subset**: gold units whose content contains a double quotation mark (“ ” " « » or
  ``''``) or an opening single mark ‘, against our direct and mixed quotes (those built on quote
  marks). **All attributions**: every gold unit (beliefs, "according to" and unquoted reported speech
  included) against all our quotes.
* **Speaker right** (on units matched at ≥ 30 %, gold units with a Source only): our speaker mention
  span overlaps a gold Source span; or the last word of our ``speaker.name`` (the surname or head
  noun) is one of the words of the gold Source text; or the gold Source is a bare pronoun and that
  word is one of the words of the nearest earlier gold Source that is not a pronoun (the gold side
  of the pronoun resolved the way an annotator reads it: by the last named source); for a relative
  pronoun Source ("who", "which", "that") the words just before it in the text stand for it.

textacy's ``direct_quotations`` runs on the same parse; a document on which it raises (it refuses
any document with an odd number of quote marks) counts as one with no predictions. textacy is not a
dependency of storyline: install it for this benchmark only (``pip install textacy``; it belongs in an
optional ``bench`` extra).

    python benchmarks/quotes_polnear.py --split dev [--limit 30] [--no-textacy] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "benchmarks" / "polnear"
QUOTE_MARKS = re.compile(r"[“”\"«»‘]|''|``")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "its"}
RELATIVES = {"who", "which", "that", "whom"}
ANCHORS = {
    "GenderGapTracker-style rules (dev)": (67.1, 76.1, 71.3, 70.4),
    "textacy direct_quotations (dev)": (None, None, 49.5, None),
}


@dataclass
class Unit:
    """One attribution: its content characters (letters/digits only) and, for speakers, its source."""

    chars: frozenset[int]
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""
    quoted: bool = False
    antecedent: str = ""  # gold only: nearest earlier non-pronoun source text
    speaker_name: str | None = None  # predictions only
    speaker_span: tuple[int, int] | None = None
    label: str = ""
    cue: str = ""  # gold only: the cue's words, shown with misses


@dataclass
class Article:
    name: str
    text: str
    published: str
    gold: list[Unit]


def alnum_chars(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, e) if text[i].isalnum())


def read_ann(path: Path, text: str) -> list[Unit]:
    spans: dict[str, list[tuple[int, int]]] = {}
    units: list[Unit] = []
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        # A span's text may run over a line break: only lines that start with an id carry data.
        if re.match(r"T\d+\t", line):
            tid, info, *_ = line.split("\t")
            _type, offsets = info.split(" ", 1)
            spans[tid] = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
        elif re.match(r"E\d+\t", line):
            roles = line.split("\t")[1].split()
            relations.append({r.split(":")[0]: r.split(":")[1] for r in roles})
    for rel in relations:
        content = [s for role, tid in rel.items() if role.startswith("Content") for s in spans.get(tid, [])]
        source = [s for role, tid in rel.items() if role.startswith("Source") for s in spans.get(tid, [])]
        if not content:
            continue
        content_text = " ".join(text[a:b] for a, b in content)
        source_text = " ".join(text[a:b] for a, b in sorted(source))
        cue = [s for role, tid in rel.items() if role.startswith("Cue") for s in spans.get(tid, [])]
        cue_text = " ".join(text[a:b] for a, b in sorted(cue))
        units.append(
            Unit(
                chars=alnum_chars(text, content),
                source_spans=source,
                source_text=source_text,
                quoted=bool(QUOTE_MARKS.search(content_text)),
                label=content_text,
                cue=cue_text,
            )
        )
    # The antecedent of a pronoun source: the nearest earlier gold source that names someone.
    ordered = sorted((u for u in units if u.source_spans), key=lambda u: min(s for s, _ in u.source_spans))
    last_named = ""
    for unit in ordered:
        words = set(_words(unit.source_text))
        if words and words <= RELATIVES:
            # "Trump, who said …": a relative pronoun stands for the words just before it.
            start = min(s for s, _ in unit.source_spans)
            unit.antecedent = " ".join(text[max(0, start - 60) : start].split()[-6:])
        elif words and not words <= PRONOUNS:
            last_named = unit.source_text
        else:
            unit.antecedent = last_named
    return units


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)]


def load_split(split: str, limit: int | None, skip: int = 0) -> list[Article]:
    published: dict[str, str] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            published[row["filename"]] = row["publication_date"]
    folder = POLNEAR / split
    articles: list[Article] = []
    for text_path in sorted((folder / "text").glob("*.txt"))[skip:]:
        name = text_path.stem
        anns = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(Article(name, text, published.get(name, "2016-01-01"), read_ann(anns[0], text)))
        if limit and len(articles) >= limit:
            break
    return articles


# -- predictions ---------------------------------------------------------------------------------


def storyline_units(doc: Any) -> list[Unit]:
    groups: dict[tuple[int, int] | str, list[Any]] = {}
    for q in doc._.quotes:
        key: tuple[int, int] | str = (q.cue.start, q.cue.end) if q.cue else q.id
        groups.setdefault(key, []).append(q)
    units = []
    for quotes in groups.values():
        sp = next((q.speaker for q in quotes if q.speaker), None)
        units.append(
            Unit(
                chars=alnum_chars(doc.text, [(q.start, q.end) for q in quotes]),
                quoted=any(q.kind != "indirect" for q in quotes),
                speaker_name=sp.name if sp else None,
                speaker_span=(sp.start, sp.end) if sp and sp.start is not None else None,
                label=" | ".join(f"[{q.kind}] {q.content}" for q in quotes)
                + f"  <- {sp.name if sp else None}",
            )
        )
    return units


def textacy_units(doc: Any) -> list[Unit] | None:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:
        return None
    units = []
    for speaker, _cue, content in triples:
        toks = list(speaker)
        units.append(
            Unit(
                chars=alnum_chars(doc.text, [(t.idx, t.idx + len(t.text)) for t in content]),
                quoted=True,
                speaker_name=" ".join(t.text for t in toks) or None,
                speaker_span=(toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else None,
            )
        )
    return units


# -- scoring -------------------------------------------------------------------------------------


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def match(preds: list[Unit], golds: list[Unit], threshold: float) -> list[tuple[Unit, Unit]]:
    pairs = [
        (overlap(p.chars, g.chars), i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if p.chars & g.chars
    ]
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < threshold or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((preds[i], golds[j]))
    return out


def speaker_right(pred: Unit, gold: Unit) -> bool:
    if pred.speaker_span and any(
        pred.speaker_span[0] < e and s < pred.speaker_span[1] for s, e in gold.source_spans
    ):
        return True
    last = _words(pred.speaker_name or "")[-1:]
    if not last:
        return False
    if last[0] in _words(gold.source_text):
        return True
    gold_words = set(_words(gold.source_text))
    return bool(gold_words) and gold_words <= PRONOUNS | RELATIVES and last[0] in _words(gold.antecedent)


@dataclass
class Tally:
    pred: int = 0
    gold: int = 0
    tp30: int = 0
    tp80: int = 0
    spk_n: int = 0
    spk_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, preds: list[Unit], golds: list[Unit], keep_errors: bool) -> None:
        self.pred += len(preds)
        self.gold += len(golds)
        m30 = match(preds, golds, 0.3)
        self.tp30 += len(m30)
        self.tp80 += len(match(preds, golds, 0.8))
        for p, g in m30:
            if g.source_spans:
                self.spk_n += 1
                ok = speaker_right(p, g)
                self.spk_ok += ok
                if not ok and keep_errors:
                    self.errors.append(
                        f"SPEAKER ours={p.speaker_name!r} gold={g.source_text!r} "
                        f"(antecedent {g.antecedent!r}) :: {g.label[:100]!r}"
                    )
        if keep_errors:
            hit_p = {id(p) for p, _ in m30}
            hit_g = {id(g) for _, g in m30}
            self.errors += [f"FP {p.label[:160]!r}" for p in preds if id(p) not in hit_p]
            self.errors += [
                f"FN (best overlap {max((overlap(p.chars, g.chars) for p in preds), default=0):.2f}) "
                f"{g.label[:160]!r} <- {g.source_text!r} [{g.cue}]"
                for g in golds
                if id(g) not in hit_g
            ]

    def prf(self, tp: int) -> tuple[float, float, float]:
        p = 100 * tp / self.pred if self.pred else 0.0
        r = 100 * tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self, label: str) -> str:
        p3, r3, f3 = self.prf(self.tp30)
        p8, r8, f8 = self.prf(self.tp80)
        spk = 100 * self.spk_ok / self.spk_n if self.spk_n else 0.0
        return (
            f"{label:<38} P {p3:5.1f} R {r3:5.1f} F1 {f3:5.1f} | P {p8:5.1f} R {r8:5.1f} F1 {f8:5.1f}"
            f" | speaker {spk:5.1f} % ({self.spk_ok}/{self.spk_n})  [pred {self.pred}, gold {self.gold}]"
        )


def run(articles: list[Article], use_textacy: bool, error_sink: Callable[[str, str], None] | None) -> None:
    import spacy

    from storyline.analyze.pipeline import get_pipeline, make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    keep = [n for n in nlp.pipe_names if n not in {"storyline_events", "storyline_conflicts"}]
    ours_q, ours_all, tx_q = Tally(), Tally(), Tally()
    tx_failed = 0
    started = time.perf_counter()
    with nlp.select_pipes(enable=keep):
        for art in articles:
            doc = make_doc(nlp, Document(id=art.name, text=art.text, published=art.published))
            doc = nlp(doc)
            units = storyline_units(doc)
            golds_q = [g for g in art.gold if g.quoted]
            keep_errors = error_sink is not None
            before = len(ours_q.errors)
            ours_q.add([u for u in units if u.quoted], golds_q, keep_errors)
            ours_all.add(units, art.gold, False)
            if error_sink is not None:
                for e in ours_q.errors[before:]:
                    error_sink(art.name, e)
            if use_textacy:
                tx = textacy_units(doc)
                if tx is None:
                    tx_failed += 1
                    tx = []
                tx_q.add(tx, golds_q, False)
    elapsed = time.perf_counter() - started
    print(f"{len(articles)} articles, {elapsed:.1f} s with the parse ({spacy.__version__})")
    print(f"{'':<38} {'overlap ≥ 30 %':<28} | {'overlap ≥ 80 %':<28} | speaker (matched at 30 %)")
    print(ours_q.row("storyline, quote-marked"))
    print(ours_all.row("storyline, all attributions"))
    if use_textacy:
        print(tx_q.row("textacy, quote-marked") + f"  (raised on {tx_failed} docs)")
    for label, (p, r, f, s) in ANCHORS.items():
        fmt = lambda x: "  -  " if x is None else f"{x:5.1f}"  # noqa: E731
        print(f"{'anchor: ' + label:<38} P {fmt(p)} R {fmt(r)} F1 {fmt(f)} | speaker {fmt(s)}")
    print("goal (test): quote-marked F1 ≥ 88 at 30 %, speaker ≥ 90 %")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors (quote-marked)")
    args = ap.parse_args(argv)
    use_textacy = not args.no_textacy
    if use_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError:
            print("textacy is not installed: skipping its figure (pip install textacy)", file=sys.stderr)
            use_textacy = False
    articles = load_split(args.split, args.limit, args.skip)
    shown = [0]

    def sink(name: str, error: str) -> None:
        if shown[0] < args.errors:
            print(f"{name}: {error}")
            shown[0] += 1

    run(articles, use_textacy, sink if args.errors else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
