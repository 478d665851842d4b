"""Conflicting accounts and corrections across documents.

:func:`find_conflicts` takes analyses (from ``storyline.analyze`` or rebuilt from the store with
:meth:`Analysis.from_dict`) and returns the conflicts between statements, and between reports of
the same event, that sit in *different* documents (each document's own conflicts are already in
``Analysis.conflicts``). It is store-agnostic: give it any iterable of analyses.

It scales by blocking, never by comparing all pairs of statements:

- claims are grouped by (predicate class, participant): a claim goes into the block of its subject
  and of its object, so "Washington informed Iraq before the strikes" and "we informed the Iraqi
  government immediately after" meet in the block (inform, IRQ) and nowhere else;
- revisions are grouped by speaker: a correction is only looked for among the same speaker's
  (or the named principal's) earlier statements;
- events are grouped by (type, source, target, place);
- a statement reported in several documents (the same words, near-verbatim) is found by blocking on
  its longest words; the conflicts each document found for it hold for every report of it ("She just
  made it up", in one article, denies the claim another article quotes).

Within a block, pairs are compared with the same rules as within one document
(:func:`storyline.analyze.conflicts.compare`); a block larger than ``max_block`` is compared only
between neighbours in time (statements more than ``window_days`` apart are rarely about the same
occasion, and the cap keeps a hot topic from going quadratic).

Claims come from ``Analysis.claims`` (written by the conflicts component). Analyses stored before
claims existed have none; pass ``nlp`` (a spaCy pipeline with a parser) and their claims are read
from each quote's own text instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from storyline.analyze.claims import (
    Lexicon,
    claims_of_span,
    has_phrase,
    is_named,
    keys_match,
    lexical_overlap,
    load_lexicon,
    speaker_key,
)
from storyline.analyze.conflicts import compare, display, is_speaker, participants_agree, responsible_party
from storyline.model import Analysis, Claim, Conflict, Event, Quote

#: Blocks larger than this are compared only between claims close in time.
MAX_BLOCK = 200
#: How far apart in time two claims in a large block may be and still be compared.
WINDOW_DAYS = 31
#: Reports of one event may disagree on its date by this much before they are taken as two events.
EVENT_DATE_SLACK_DAYS = 3


@dataclass(frozen=True, slots=True)
class _Item:
    doc: str
    claim: Claim
    quote: Quote | None
    order: int


def find_conflicts(analyses: Iterable[Analysis], *, nlp: Language | None = None, lexicon: Lexicon | None = None,
                   max_block: int = MAX_BLOCK, window_days: int = WINDOW_DAYS,
                   parse_missing: bool = True) -> list[Conflict]:
    """Conflicts between statements (and event reports) of different documents, with ``a_doc``/``b_doc`` set.

    ``a``/``b`` are quote ids for statements and event ids for event reports; ``a`` is the earlier one.
    Analyses without stored claims get them from their quotes' text (parsed with ``nlp``, by default
    the spaCy model of the analysis pipeline, loaded once) unless ``parse_missing`` is False.
    """
    lex = lexicon or load_lexicon()
    items: list[_Item] = []
    events: list[tuple[str, str, Event]] = []
    analyses = list(analyses)
    for analysis in analyses:
        doc_id = analysis.document.id
        quotes = {q.id: q for q in analysis.quotes}
        claims = analysis.claims
        if not claims and analysis.quotes and parse_missing:
            nlp = nlp or _parser()
            claims = claims_from_quotes(analysis.quotes, nlp, lex)
        for claim in claims:
            items.append(_Item(doc_id, claim, quotes.get(claim.quote), len(items)))
        events.extend((doc_id, analysis.document.published, e) for e in analysis.events)

    found: dict[tuple[str, str, str, str], Conflict] = {}
    for block in _claim_blocks(items, lex).values():
        for x, y in _pairs(block, max_block, window_days):
            if x.doc == y.doc or not _same_occasion(x.claim, y.claim, window_days, lex):
                continue
            a, b = (x, y) if _when(x) <= _when(y) else (y, x)
            if a.claim.negated != b.claim.negated and (a.claim.subject_key is None or b.claim.subject_key is None):
                # "they supported Clinton" / "they did not": a pronoun is resolved, if at all, in its own
                # article; across articles an unknown doer may be anyone, so did vs did not is not compared.
                continue
            result = compare(a.claim, b.claim, lex)
            if result is not None:
                _put(found, Conflict(result[0], a.claim.quote, b.claim.quote, result[1], a.doc, b.doc))
    contradicted = {(c.a_doc, c.a) for c in found.values()} | {(c.b_doc, c.b) for c in found.values()}
    for conflict in [*_corrections(items, contradicted, lex), *_reversals(analyses, items)]:
        key = (conflict.a_doc or "", conflict.a, conflict.b_doc or "", conflict.b)
        found[key] = conflict
    groups = _StatementGroups(analyses, {(c.a_doc or "", c.a) for c in found.values()}
                              | {(c.b_doc or "", c.b) for c in found.values()})
    for conflict in _shared_statement_conflicts(analyses, groups):
        _put(found, conflict)
    published = {a.document.id: a.document.published or "" for a in analyses}
    statement_conflicts = _one_per_statement_pair(list(found.values()), groups, published)
    events_found: dict[tuple[str, str, str, str], Conflict] = {}
    for conflict in _event_conflicts(events):
        _put(events_found, conflict)
    return statement_conflicts + list(events_found.values())


@lru_cache(maxsize=1)
def _parser() -> Language:
    import spacy

    from storyline.analyze.pipeline import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


def claims_from_quotes(quotes: Sequence[Quote], nlp: Language, lexicon: Lexicon | None = None) -> list[Claim]:
    """Claims read from each quote's own text (for analyses stored without claims); offsets are
    shifted back into the document."""
    lex = lexicon or load_lexicon()
    out: list[Claim] = []
    for quote, doc in zip(quotes, nlp.pipe(q.content for q in quotes), strict=True):
        local = dataclasses.replace(quote, start=0, end=len(quote.content))
        for claim in claims_of_span(doc, doc[:], local, lex):
            claim.start += quote.start
            claim.end += quote.start
            claim.id = f"c{len(out) + 1}"
            out.append(claim)
    return out


def _put(found: dict[tuple[str, str, str, str], Conflict], c: Conflict) -> None:
    key = (c.a_doc or "", c.a, c.b_doc or "", c.b)
    if key not in found and (c.b_doc or "", c.b, c.a_doc or "", c.a) not in found:
        found[key] = c


def _when(item: _Item) -> tuple[str, str, int]:
    return (item.claim.said_on or "", item.doc, item.order)


def _same_occasion(a: Claim, b: Claim, window_days: int, lex: Lexicon | None = None) -> bool:
    """Across documents only a named participant they share ("Iraq", not "people") and statements
    close in time make two claims candidates for the same proposition. In a dispute over
    responsibility the shared participant may be a speaker: the one the other statement blames."""
    named = any(is_named(x) and keys_match(x, y) for x, y in ((a.subject_key, b.subject_key),
                                                               (a.object_key, b.object_key)))
    if not named and lex is not None:
        named = is_speaker(responsible_party(a, lex), b) or is_speaker(responsible_party(b, lex), a)
    if not named:
        return False
    da, db = _day(a.said_on), _day(b.said_on)
    return da is None or db is None or abs((da - db).days) <= window_days


def _claim_blocks(items: Sequence[_Item], lex: Lexicon) -> dict[tuple[str, str], list[_Item]]:
    blocks: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for item in items:
        c = item.claim
        if c.kind != "fact" or c.pclass is None:
            continue
        for key in {c.subject_key, c.object_key}:
            if is_named(key):
                blocks[(c.pclass, _block_key(key or ""))].append(item)
        # Claims of responsibility meet where one's blamed party is the other's speaker, whatever
        # verbs they use ("X blamed Y" / Y: "X caused it"); the speaker's surname is the meeting key.
        party = responsible_party(c, lex)
        if is_named(party):
            for key in {_name_of(party or ""), c.speaker_key}:
                if key:
                    blocks[(_BLAME, _block_key(key))].append(item)
    return blocks


_BLAME = "<responsibility>"


def _name_of(key: str) -> str:
    # A country code meets the surname-style speaker key of that country ("ISR" → "israel").
    name = display(None, key) if len(key) == 3 and key.isupper() else key
    return (name or key).lower().split()[-1]


def _block_key(key: str) -> str:
    # keys_match lets a demonym meet its country ("iraqi" / "iraq"): block on a prefix both share.
    return key[:4] if len(key) >= 4 and not key.isupper() else key


def _pairs(block: list[_Item], max_block: int, window_days: int) -> Iterator[tuple[_Item, _Item]]:
    if len(block) <= max_block:
        for i, x in enumerate(block):
            for y in block[i + 1:]:
                yield x, y
        return
    ordered = sorted(block, key=_when)
    days = [_day(it.claim.said_on) for it in ordered]
    for i, x in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            start, end = days[i], days[j]
            if start is not None and end is not None and (end - start).days > window_days:
                break
            if j - i > max_block:
                break
            yield x, ordered[j]


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _corrections(items: Sequence[_Item], contradicted: set[tuple[str | None, str]], lex: Lexicon) -> list[Conflict]:
    """A revision ("It was not as accurate as it could have been") in one document linked to the
    same speaker's earlier statement in another: the contradicted one if any, else one sharing most
    of its words with the revision; otherwise nothing (see the comment below)."""
    by_speaker: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        if item.claim.speaker_key and item.claim.stance != "correct":
            by_speaker[item.claim.speaker_key].append(item)
    out: list[Conflict] = []
    for item in items:
        c = item.claim
        if c.stance != "correct" or not c.speaker_key or not c.said_on:
            continue
        earlier = [o for o in by_speaker.get(c.speaker_key, []) if o.doc != item.doc and o.claim.said_on
                   and o.claim.said_on < c.said_on]
        if not earlier:
            continue
        hit = [o for o in earlier if (o.doc, o.claim.quote) in contradicted]
        target: _Item | None = max(hit, key=_when) if hit else None
        if target is None:
            # Across documents there is no shared context to say which earlier statement a bare
            # "I misspoke" is about: only a contradicted one, or one it repeats the words of.
            scored = [(lexical_overlap(c.terms, o.claim.terms), o) for o in earlier]
            score, best = max(scored, key=lambda so: (so[0], _when(so[1])))
            if score < 0.5:
                continue
            target = best
        cue = has_phrase(c.text, lex.correction_content) or "revision"
        who = c.speaker or "The speaker"
        out.append(Conflict(
            "correction", target.claim.quote, c.quote,
            f"{who} ({c.said_on}) revises their own earlier statement of {target.claim.said_on} "
            f"in another report — \"{_clip(target.claim.text)}\" — (revision cue: \"{cue}\"): \"{_clip(c.text)}\".",
            target.doc, item.doc))
    return out


def _reversals(analyses: Sequence[Analysis], items: Sequence[_Item]) -> list[Conflict]:
    """A speaker who denied a proposition in one report and asserts it in a later one has reversed
    themselves: a correction even without a revision cue ("he thought Fields had made up the story",
    denying that the campaign manager yanked her; two weeks later "Lewandowski had touched Fields").

    The denial is one a document already linked to what it denies (a contradiction or dispute whose
    later side is the speaker's); the later assertion is a factual, unmodalised frame of the same
    speaker, said on a later day, stating the denied frame's proposition with the same polarity
    (same predicate class, participants that agree, the same object or an unknown one with the same
    named doer)."""
    denied: dict[str, list[tuple[str, Quote, Claim]]] = defaultdict(list)
    for analysis in analyses:
        doc_id = analysis.document.id
        quotes = {q.id: q for q in analysis.quotes}
        for link in analysis.conflicts:
            denial = quotes.get(link.b)
            if link.kind == "correction" or denial is None or not denial.said_on or link.a_doc or link.b_doc:
                continue
            who = speaker_key(denial)
            if who is None:
                continue
            for t in analysis.claims:
                if t.quote == link.a and t.kind == "fact" and not t.negated and not t.modality and t.speaker_key != who:
                    denied[who].append((doc_id, denial, t))
    out: list[Conflict] = []
    for item in items:
        c = item.claim
        if c.kind != "fact" or c.negated or c.modality or c.stance or not c.speaker_key or not c.said_on:
            continue
        for doc_id, denial, t in denied.get(c.speaker_key, []):
            if doc_id == item.doc or (denial.said_on or "") >= c.said_on or t.pclass != c.pclass:
                continue
            if not (participants_agree(t, c) and named_doer_or_same_object(t, c)):
                continue
            who = c.speaker or "The speaker"
            out.append(Conflict(
                "correction", denial.id, c.quote,
                f"{who} ({c.said_on}) now asserts what they denied on {denial.said_on} — denied: "
                f"\"{_clip(t.text)}\" (\"{_clip(denial.content, 60)}\"); now: \"{_clip(c.text)}\".",
                doc_id, item.doc))
            break
    return out


def named_doer_or_same_object(a: Claim, b: Claim) -> bool:
    """The same object, or an unknown object ("yanked her") with the same named doer."""
    if a.object_key is not None and b.object_key is not None:
        return keys_match(a.object_key, b.object_key)
    return is_named(a.subject_key) and keys_match(a.subject_key, b.subject_key)


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


#: Two reports are of the same statement when this share of the shorter one's words is in the other …
SAME_STATEMENT_OVERLAP = 0.9
#: … and the shorter one has at least this many content words (a short phrase recurs by chance).
#: Negations ("not", "no", "never", "didn") are content words: "did not" and "did" are two statements.
SAME_STATEMENT_WORDS = 8
_FUNCTION_WORDS = frozenset((
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that",
    "this", "these", "those", "is", "are", "was", "were", "be", "been", "it", "its", "he", "she", "they", "we",
    "you", "i", "his", "her", "their", "our", "my", "your", "him", "them", "us", "me", "do", "does",
    "did", "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "must", "than", "then",
    "so", "if",
))


_NEGATIONS = frozenset(("not", "no", "never", "nor", "none", "nothing", "without", "cannot", "didn", "don", "doesn",
                        "isn", "wasn", "aren", "weren", "won", "hasn", "haven", "hadn", "couldn", "wouldn"))


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
                     if w not in _FUNCTION_WORDS and len(w) > 1)


class _StatementGroups:
    """Reports of the same statement in different documents (the same words: ``SAME_STATEMENT_OVERLAP``
    of the shorter one's content words, at least ``SAME_STATEMENT_WORDS`` of them, and no negation on
    one side only). Attribution is not required to agree — a verbatim quote of that length is one
    statement whoever the extractor took for its speaker. Statements are blocked on their three longest
    words, never compared all against all, and only blocks holding a statement in some conflict (within
    a document, or in ``involved``) are looked at."""

    def __init__(self, analyses: Sequence[Analysis], involved: Iterable[tuple[str, str]] = ()) -> None:
        wanted = set(involved)
        self.reports: list[tuple[str, Quote, frozenset[str]]] = []
        self.index: dict[tuple[str, str], int] = {}
        blocks: dict[str, list[int]] = defaultdict(list)
        hot: set[int] = set()
        for analysis in analyses:
            doc_id = analysis.document.id
            in_conflict = {c.a for c in analysis.conflicts} | {c.b for c in analysis.conflicts}
            for q in analysis.quotes:
                words = _words(q.content)
                if len(words) < SAME_STATEMENT_WORDS:
                    continue
                n = len(self.reports)
                self.reports.append((doc_id, q, words))
                self.index[(doc_id, q.id)] = n
                if q.id in in_conflict or (doc_id, q.id) in wanted:
                    hot.add(n)
                for key in sorted(words, key=lambda w: (-len(w), w))[:3]:
                    blocks[key].append(n)
        self.parent = list(range(len(self.reports)))
        for members in blocks.values():
            # Statements in conflict against the block: a common long word cannot make this quadratic.
            for i in (m for m in members if m in hot):
                for j in members:
                    if i != j and self.reports[i][0] != self.reports[j][0]:
                        wi, wj = self.reports[i][2], self.reports[j][2]
                        if len(wi & wj) / min(len(wi), len(wj)) >= SAME_STATEMENT_OVERLAP and not (
                                wi ^ wj) & _NEGATIONS:
                            self.parent[self._root(i)] = self._root(j)
        self.members: dict[int, list[int]] = defaultdict(list)
        for n in range(len(self.reports)):
            self.members[self._root(n)].append(n)

    def _root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def key(self, doc_id: str, qid: str) -> tuple[str, str]:
        """One name for all the reports of a statement (itself when it is reported once)."""
        n = self.index.get((doc_id, qid))
        if n is None:
            return doc_id, qid
        first = self.members[self._root(n)][0]
        return self.reports[first][0], self.reports[first][1].id

    def reports_of(self, doc_id: str, qid: str) -> list[tuple[str, str]]:
        n = self.index.get((doc_id, qid))
        if n is None:
            return [(doc_id, qid)]
        return [(self.reports[m][0], self.reports[m][1].id) for m in self.members[self._root(n)]]


def _shared_statement_conflicts(analyses: Sequence[Analysis], groups: _StatementGroups) -> list[Conflict]:
    """Conflicts found within one document, carried to the reports of the same statements in others:
    a conflict between statements A and B in one document holds between every report of A and every
    report of B (``She just made it up``, in one article, denies the claim another article quotes)."""
    out: list[Conflict] = []
    for analysis in analyses:
        doc_id = analysis.document.id
        for c in analysis.conflicts:
            ra, rb = groups.reports_of(doc_id, c.a), groups.reports_of(doc_id, c.b)
            if len(ra) == 1 and len(rb) == 1:
                continue
            for da, qa in ra:
                for db, qb in rb:
                    if da != db:
                        out.append(Conflict(c.kind, qa, qb, f"{c.reason} (Found in {doc_id}; the same statements "
                                                            "are reported in both documents.)", da, db))
    return out


def _one_per_statement_pair(conflicts: Sequence[Conflict], groups: _StatementGroups,
                            published: dict[str, str]) -> list[Conflict]:
    """One conflict per pair of statements, however many documents report each of them.

    A statement quoted in three articles and its denial quoted in two make six document pairs but
    one disagreement: listing it six times buries the other conflicts. The pair kept is the earliest
    on record — the one whose later document was published first (then the earlier one) —, a pair
    compared directly is preferred to one carried over from another document, and the reason names
    the other documents that report the same two statements."""
    best: dict[frozenset[tuple[str, str]], tuple[tuple[str, str, int, int], Conflict]] = {}
    also: dict[frozenset[tuple[str, str]], set[str]] = defaultdict(set)
    for order, c in enumerate(conflicts):
        pair = frozenset((groups.key(c.a_doc or "", c.a), groups.key(c.b_doc or "", c.b)))
        days = sorted((published.get(c.a_doc or "", ""), published.get(c.b_doc or "", "")))
        rank = (days[1], days[0], int("(Found in " in c.reason), order)
        also[pair].update(d for d in (c.a_doc, c.b_doc) if d)
        if pair not in best or rank < best[pair][0]:
            best[pair] = (rank, c)
    out: list[Conflict] = []
    for pair, (_, c) in sorted(best.items(), key=lambda item: item[1][0][3]):
        others = sorted(also[pair] - {c.a_doc, c.b_doc})
        if others:
            c = dataclasses.replace(c, reason=f"{c.reason} (Also reported in {', '.join(others)}.)")
        out.append(c)
    return out


def _event_conflicts(events: Sequence[tuple[str, str, Event]]) -> list[Conflict]:
    """Reports of the same event (type, source, target and place agree) that disagree on the death
    toll for the same date, or on the date for the same death toll.

    Only values read from the text are compared: a date that fell back to the publication day is
    no claim about the event. Tolls rise as bodies are counted, so a higher toll in a later report
    is an update; a lower one, or two tolls published the same day, is a contradiction. Two events
    with the same toll a few days apart are one event misdated only when the place is the same
    named place, not just the same country.
    """
    blocks: dict[tuple[str, str, str, str], list[tuple[str, str, Event]]] = defaultdict(list)
    for doc_id, published, e in events:
        if e.negated or e.hypothetical or e.date_from != "text" or not _day(e.date):
            continue
        place = (e.location.country or e.location.name) if e.location else ""
        src = (e.source.code or e.source.name) if e.source else ""
        tgt = (e.target.code or e.target.name) if e.target else ""
        if not (src or tgt) or not place:
            continue
        blocks[(e.type, src, tgt, place)].append((doc_id, published, e))
    out: list[Conflict] = []
    for block in blocks.values():
        block.sort(key=lambda item: item[2].date or "")
        for i, (da, pa, a) in enumerate(block):
            day_a = _day(a.date)
            for db, pb, b in block[i + 1:]:
                day_b = _day(b.date)
                if day_a is None or day_b is None or (day_b - day_a).days > EVENT_DATE_SLACK_DAYS:
                    break  # sorted by date: nothing further can be the same event
                if da == db or a.fatalities is None or b.fatalities is None:
                    continue
                what = _event_words(a)
                if a.date == b.date and a.fatalities != b.fatalities:
                    (d1, p1, e1), (d2, p2, e2) = sorted(((da, pa, a), (db, pb, b)), key=lambda x: x[1])
                    if p1 == p2 or (e2.fatalities or 0) < (e1.fatalities or 0):
                        out.append(Conflict("contradiction", e1.id, e2.id,
                                            f"Same event — {what} on {a.date} — reported with different death "
                                            f"tolls: {e1.fatalities} ({d1}, {p1}) vs {e2.fatalities} ({d2}, {p2}).",
                                            d1, d2))
                elif a.date != b.date and a.fatalities == b.fatalities and a.fatalities > 0 and _same_place(a, b):
                    out.append(Conflict("contradiction", a.id, b.id,
                                        f"Same event — {what}, {a.fatalities} killed — reported on different "
                                        f"dates: {a.date} ({da}) vs {b.date} ({db}).", da, db))
    return out


def _same_place(a: Event, b: Event) -> bool:
    return bool(a.location and b.location and a.location.name and
                a.location.name.lower() == b.location.name.lower())


def _event_words(e: Event) -> str:
    src = display(e.source.name, (e.source.code or "").split()[0] if e.source and e.source.code else None) \
        if e.source else None
    tgt = display(e.target.name, (e.target.code or "").split()[0] if e.target and e.target.code else None) \
        if e.target else None
    place = e.location.name if e.location else None
    parts = [f"{e.type.lower()}"]
    if src:
        parts.append(f"by {src}")
    if tgt:
        parts.append(f"on {tgt}")
    if place:
        parts.append(f"in {place}")
    return " ".join(parts)


__all__ = ["MAX_BLOCK", "WINDOW_DAYS", "claims_from_quotes", "find_conflicts"]
