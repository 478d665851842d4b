"""Claim frames: what a statement asserts, in a form that can be compared with other statements.

A frame is read from the spaCy parse of the quote's own tokens (the document is never re-parsed):
the clause heads inside the quote span give the predicates; their dependents give the subject, the
object, negation, modality, a temporal relation to another event ("before" / "immediately after" /
"in advance of" the strikes), a quantity with its hedge ("more than 165" → 165..), dates (from
``doc._.times``) and terms for lexical comparison. The quote supplies the speaker and the day the
statement was made.

Why frames and not sentence similarity: two statements conflict only when they are about the same
proposition and give it incompatible values. "We have formally notified Iraq *of this*" and "did
not notify Iraq *in advance of the strikes*" are lexically close but not the same proposition; the
frame keeps the difference (no temporal relation vs a relation to the strikes) where a similarity
score would blur it.

Participants are read as a reader would: a title before a name only describes the person the name
gives ("campaign manager Corey Lewandowski" is Lewandowski), a possessor does not name a person
role ("Trump's campaign manager" is the manager, not Trump) but does identify an institution
("Iraq's government"), and a title the article gave to exactly one named person stands for that
person ("the campaign manager"). An unresolved pronoun is kept as unknown, not as absent. A copula
with a predicate noun or adjective listed in the predicate table ("is a supporter of", "is in favor
of", "was responsible for") is a frame of that noun's class, and a converse verb ("declined") is its
class negated.

What is not asserted is not a fact to compare: a question ("why wouldn't you …?") has no frame; the
complement of a negated or modal verb of saying or thinking inside the statement ("I'm not going to tell
you X", "I never said X", "I don't think X") is marked ``unasserted``. A bare denial phrase ("not true",
"never happened") is a denial of something said only when its subject refers back (a pronoun, a statement
noun, a clause, or none): "The presumed adjustment never happened" states a fact about the adjustment. A
denied clause about a person ("denied that he would consider it") has a proposition of its own; only an
event pronoun or a pro-verb ("denied it happened", "denied he did it") leaves it to context.

The vocabularies are data: ``claim_predicates.tsv`` (predicate classes) and ``conflict_cues.yml``
(relations, modality, hedges, denial and correction cues).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from storyline.analyze.extensions import text_of
from storyline.data import load_tsv, load_yaml
from storyline.model import Claim, Quote, TimeExpression

PREDICATES_FILE = "claim_predicates.tsv"
CUES_FILE = "conflict_cues.yml"
#: The actors component's role table: its sector codes tell a generic actor ("people" → CVL) from a named one.
ROLES_FILE = "actor_roles.tsv"

#: The modality of a clause that the statement does not assert ("I never said he lied"): never compared.
UNASSERTED = "unasserted"
#: Clause dependencies that make a token the head of its own proposition.
#: Adverbial clauses are left out: they give the circumstances (time, condition) of the main
#: proposition and are read as its relation ("after the strikes took place").
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "xcomp", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_OBJECT_DEPS = ("dobj", "dative", "attr", "oprd", "acomp")
#: Prefix of participant keys made from a common noun ("~book"): they identify a participant only
#: within one document; across documents "people" or "the deal" may be anyone's.
COMMON = "~"
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine"})
#: Verbs that only say an event took place: the anchor of "after the strikes took place" is the strikes.
_LIGHT_VERBS = frozenset({"take", "happen", "occur", "begin", "start", "end", "finish", "come"})
_STOP_TERMS = frozenset({"be", "have", "do", "say", "that", "this", "it", "which", "what", "there", "who"})
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000,
}
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The vocabularies claim extraction and conflict detection use (loaded once per file pair)."""

    pclass: dict[str, str]
    pkind: dict[str, str]
    correction_content: tuple[str, ...]
    correction_context: tuple[str, ...]
    denial_lemmas: frozenset[str]
    denial_content: tuple[str, ...]
    denial_generic: tuple[str, ...]
    confirm_lemmas: frozenset[str]
    relations: dict[str, str]
    incompatible: frozenset[frozenset[str]]
    modal_aux: frozenset[str]
    modal_adv: frozenset[str]
    future: frozenset[str]
    status: tuple[str, ...]
    hedges: dict[str, str]
    responsibility: frozenset[str]
    statement_nouns: frozenset[str] = frozenset()
    falsity_adjectives: frozenset[str] = frozenset()
    falsity_nouns: frozenset[str] = frozenset()
    body_parts: frozenset[str] = frozenset()
    statement_object_only: frozenset[str] = frozenset()
    event_dates: frozenset[str] = frozenset()

    def class_of(self, lemma: str) -> str:
        return self.pclass.get(lemma, lemma).removeprefix("-")

    def reverses(self, lemma: str) -> bool:
        """Whether ``lemma`` states the converse of its class (decline = not accept)."""
        return self.pclass.get(lemma, "").startswith("-")

    def kind_of(self, lemma: str) -> str:
        return self.pkind.get(lemma, "fact")

    def incompatible_relations(self, a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and frozenset((a, b)) in self.incompatible


@cache
def load_lexicon(predicates: str = PREDICATES_FILE, cues: str = CUES_FILE) -> Lexicon:
    """The lexicon from the packaged files, or from users' files given by path."""
    rows = load_tsv(predicates)
    data = load_yaml(cues)
    relations: dict[str, str] = {}
    incompatible: set[frozenset[str]] = set()
    for name, phrases in data["relations"].items():
        if name == "incompatible":
            incompatible.update(frozenset(pair) for pair in phrases)
        else:
            relations.update({p.lower(): name for p in phrases})
    hedges = {p.lower(): kind for kind, phrases in data["hedges"].items() for p in phrases}
    modality = data["modality"]
    return Lexicon(
        pclass={r["lemma"]: r["class"] for r in rows},
        pkind={r["lemma"]: r["kind"] for r in rows},
        correction_content=tuple(p.lower() for p in data["correction"]["content"]),
        correction_context=tuple(p.lower() for p in data["correction"]["context"]),
        denial_lemmas=frozenset(data["denial"]["cue_lemmas"]),
        denial_content=tuple(p.lower() for p in data["denial"]["content"]),
        denial_generic=tuple(p.lower() for p in data["denial"].get("generic_subjects", [])),
        confirm_lemmas=frozenset(data["confirmation"]["cue_lemmas"]),
        relations=relations,
        incompatible=frozenset(incompatible),
        modal_aux=frozenset(modality["auxiliaries"]),
        modal_adv=frozenset(modality["adverbs"]),
        future=frozenset(modality["future"]),
        status=tuple(p.lower() for p in data["status"]),
        hedges=hedges,
        responsibility=frozenset(data["responsibility"]),
        statement_nouns=frozenset(data.get("statement_nouns", [])),
        falsity_adjectives=frozenset(str(w).lower() for w in data["denial"].get("falsity_adjectives", [])),
        falsity_nouns=frozenset(str(w).lower() for w in data["denial"].get("falsity_nouns", [])),
        body_parts=frozenset(data.get("body_parts", [])),
        statement_object_only=frozenset(data["denial"].get("statement_object_only", [])),
        event_dates=frozenset(data.get("event_dates", [])),
    )


def names_a_statement(span: Span, lex: Lexicon) -> bool:
    """Whether a statement's content is only a noun phrase referring to another statement ("her
    most recent statements about …", "his comments"): it reports that something was said, not what."""
    words = [t for t in span if not t.is_punct]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    return span.root.lemma_.lower() in lex.statement_nouns


def has_phrase(text: str, phrases: Iterable[str], lemmas: str | Callable[[], str] = "") -> str | None:
    """The first of ``phrases`` found in ``text`` on word boundaries (case-insensitive), or None.

    Cue phrases are written in their base form ("regret any confusion"); given the ``lemmas`` of
    the same words (:func:`lemma_text`, or a function returning them, called only when the text
    itself does not match), inflected text ("regretted any confusion") matches too."""
    phrases = tuple(phrases)
    low = normalise_quotes(text).lower()
    found = _first_phrase(low, phrases)
    # Lemmas only help when some phrase's last word shows up, inflected, in the text: its stem
    # ("regre" of regret, "confusi" of confusion) is a cheap test that spares building them.
    if found is None and lemmas and any(_stem(p) in low for p in phrases):
        found = _first_phrase(normalise_quotes(lemmas() if callable(lemmas) else lemmas).lower(), phrases)
    return found


@cache
def _stem(phrase: str) -> str:
    last = phrase.rsplit(" ", 1)[-1]
    return last[: max(3, len(last) - 2)]


def _first_phrase(low: str, phrases: tuple[str, ...]) -> str | None:
    for phrase in phrases:
        # the substring test is cheap and rules out almost every phrase before the regex runs
        if phrase in low and _phrase_pattern(phrase).search(low):
            return phrase
    return None


def lemma_text(tokens: Iterable[Token]) -> str:
    """The tokens' lemmas, space-separated: the view of a text that base-form cue phrases match."""
    return " ".join(t.lemma_.lower() for t in tokens)


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + re.escape(phrase) + r"(?![\w'])")


def normalise_quotes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


# --------------------------------------------------------------------------------------------
# Participants


def participant_key(doc: Doc, tokens: Span, quote: Quote | None) -> tuple[str | None, str | None]:
    """(display name, comparison key) of a noun phrase.

    First-person pronouns stand for the speaker ("we" of a US official is the US: the speaker's
    organisation code), other pronouns stay unknown (None) rather than guessed. Named phrases go
    through actor resolution; the key is the country/organisation part of the actor code, so
    "Washington", "the United States" and "we" (of a State Department spokesperson) compare equal.
    """
    if len(tokens) == 0:
        return None, None
    words = [t for t in tokens if not t.is_punct and t.dep_ not in ("det", "predet")]
    if not words:
        return None, None
    if len(words) == 1 and words[0].pos_ == "PRON":
        low = words[0].lower_
        if quote is not None and quote.speaker is not None:
            sp = quote.speaker
            if low in _FIRST_PLURAL:
                return sp.org or sp.name, _code_key(sp.code) or _name_key(sp.org)
            if low in _FIRST_SINGULAR:
                return sp.name, _code_key(sp.code) or _name_key(sp.name)
        return None, None
    propn = [t for t in words if t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.text[:1].isupper())]
    person = [t for t in propn if t.ent_type_ == "PERSON"]
    if person and tokens.root.ent_type_ == "PERSON":
        # A named person is that person, not their country: "Corey Lewandowski" (coded USA by his
        # role) and a later bare "Lewandowski" are one participant, and another American is not him.
        name = " ".join(t.text for t in person)
        return name, _name_key(name)
    actor = _resolve(doc, tokens)
    # A sector alone ("a campaign official" → PTY) names nobody; when the phrase has a proper name
    # ("Corey Lewandowski", coded by his role), the name is the participant.
    if actor is not None and actor[1] and not (actor[1].startswith(COMMON) and propn):
        return actor[0], actor[1]
    head = tokens.root
    if propn:
        return " ".join(t.text for t in propn), _name_key(" ".join(t.text for t in propn))
    return tokens.text, COMMON + head.lemma_.lower()


def _resolve(doc: Doc, tokens: Span) -> tuple[str, str | None] | None:
    # Actor resolution belongs to the actors component; a failure there must not cost us the claim.
    try:
        from storyline.analyze.actors import resolve_actor

        actor = resolve_actor(doc, tokens.start_char, tokens.end_char)
    except Exception:
        if os.environ.get("STORYLINE_STRICT"):
            raise
        return None
    if actor is None:
        return None
    return actor.name, _code_key(actor.code)


def _code_key(code: str | None) -> str | None:
    # The first part of a CAMEO-style code is the country or organisation: the participant we compare
    # ("USA GOV" and "USA" are the same side of a claim about what the US did). A code that is only a
    # sector ("CVL" for "people") names nobody in particular: it counts as a common noun.
    if not code:
        return None
    first = code.split()[0]
    return COMMON + first.lower() if first in _sectors() else first


@cache
def _sectors() -> frozenset[str]:
    try:
        return frozenset(r["sector"] for r in load_tsv(ROLES_FILE) if r.get("sector"))
    except (OSError, KeyError):
        return frozenset()


def _name_key(name: str | None) -> str | None:
    if not name:
        return None
    words = [w for w in re.findall(r"[\w-]+", name.lower()) if w not in {"mr", "mrs", "ms", "dr", "the"}]
    return words[-1] if words else None


def is_named(key: str | None) -> bool:
    """Whether a participant key names someone (an actor code or a proper name), not a common noun."""
    return key is not None and not key.startswith(COMMON)


def keys_match(a: str | None, b: str | None) -> bool:
    """Equal keys, or one a demonym/prefix form of the other ("iraq" / "iraqi")."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


# --------------------------------------------------------------------------------------------
# Frames


def extract_claims(doc: Doc, quotes: Sequence[Quote], lexicon: Lexicon | None = None,
                   times: Sequence[TimeExpression] | None = None) -> list[Claim]:
    """Claim frames for ``quotes`` (ids "c1", "c2", … in quote order), read from ``doc``'s parse."""
    lex = lexicon or load_lexicon()
    all_times = list(times if times is not None else (doc._.times or []) if doc.has_extension("times") else [])
    claims: list[Claim] = []
    aliases = title_aliases(doc)
    for quote in quotes:
        span = quote_span(doc, quote)
        if span is None:
            continue
        for claim in claims_of_span(doc, span, quote, lex, all_times, aliases):
            claim.id = f"c{len(claims) + 1}"
            claims.append(claim)
    return claims


def quote_span(doc: Doc, quote: Quote) -> Span | None:
    """The tokens of a statement, or None when its offsets do not fit the document (a bad record
    costs that statement, never the document)."""
    if not 0 <= quote.start < quote.end <= len(text_of(doc)):
        return None
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return span if span is not None and len(span) > 0 else None


def claims_of_span(doc: Doc, span: Span, quote: Quote, lex: Lexicon,
                   times: Sequence[TimeExpression] = (), aliases: dict[str, str] | None = None) -> list[Claim]:
    """The frames of one statement: one per main clause, plus a meta frame for bare judgements
    ("It's just not true") and revisions ("It was not as accurate as it could have been")."""
    content = span.text
    if is_question(content):
        # "Why wouldn't you want to raise it?": a question asserts nothing and denies nothing.
        return []
    reporting_deny = _reporting_verb(span, quote, lex.denial_lemmas)
    if reporting_deny and (_only_judges(span, quote, lex) or negated_denial(span.doc, span, quote, lex)):
        reporting_deny = False
    heads = _clause_heads(span, lex)
    frames: list[Claim] = []
    correction = has_phrase(content, lex.correction_content, lambda: lemma_text(span))
    denial = has_phrase(content, lex.denial_content)
    if denial and not _judges_what_was_said(span, denial, lex):
        denial = None
    denial = denial or _calls_statements_false(span, lex)
    if denial and has_phrase(content, lex.denial_generic):
        denial = None
    if correction or denial:
        frames.append(_meta_claim(span, quote, "correct" if correction else "deny", lex))
    elif reporting_deny and not heads:
        # "denied the report", "disputed their account": a denial whose object is another statement.
        frames.append(_meta_claim(span, quote, "deny", lex))
    for head in heads:
        frame = _frame(doc, span, head, quote, lex, times, aliases or {})
        if frame is None:
            continue
        if reporting_deny and head.head not in span:
            frame.negated = not frame.negated
            frame.stance = "deny"
        if frame.stance == "deny" and _is_anaphoric(frame):
            # "has denied it happened": the proposition is the one denied, known only from context.
            frame.kind = "meta"
        frames.append(frame)
    return frames


_CONDITIONS = frozenset({"when", "whenever", "if", "unless"})


def _calls_statements_false(span: Span, lex: Lexicon) -> str | None:
    """A statement noun qualified as false ("using categorically false claims", "these baseless
    allegations"): the speaker rejects statements made by someone else. The words found, or None.
    Not when the phrase is inside a relative clause ("statutes that prohibit false statements to
    Congress") or a clause of condition or time ("when individuals make false statements"): those
    describe a kind of act, they call nobody's statements false."""
    for tok in span:
        if tok.lemma_.lower() not in lex.statement_nouns or tok.tag_ not in ("NNS", "NN"):
            continue
        chain = [a for a in tok.ancestors if a in span]
        if any(a.dep_ == "relcl" or any(m.dep_ in ("mark", "advmod") and m.lower_ in _CONDITIONS for m in a.children)
               for a in chain):
            continue
        for mod in tok.children:
            if mod.dep_ == "amod" and mod.lemma_.lower() in lex.falsity_adjectives:
                return f"{mod.text} {tok.text}"
        # "called the allegations “categorically false”": the statement noun and its predicate
        if tok.dep_ == "dobj":
            for mod in tok.head.children:
                if mod.dep_ in ("oprd", "acomp") and mod in span and mod.lemma_.lower() in lex.falsity_adjectives:
                    return f"{tok.text} {mod.text}"
    return _judged_false(span, lex)


_ANAPHORS = frozenset({"that", "this", "it", "these", "those", "which"})


def _judged_false(span: Span, lex: Lexicon) -> str | None:
    """A copular judgement that what was said is false: "that is a distortion", "it's a fabrication",
    "is “a complete distortion”" (subject left outside the quoted words). The subject must refer back
    to something said (a pronoun or a statement noun): "the book is a work of fiction" judges a book."""
    for tok in span:
        if tok.dep_ != "attr" or tok.lemma_.lower() not in lex.falsity_nouns or tok.head.lemma_ != "be":
            continue
        subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj not in span or subj.lower_ in _ANAPHORS or subj.lemma_.lower() in lex.statement_nouns:
            return f"{tok.head.text} {tok.text}"
    return None


def _meta_claim(span: Span, quote: Quote, stance: str, lex: Lexicon) -> Claim:
    return Claim(id="", quote=quote.id, start=span.start_char, end=span.end_char, text=span.text,
                 predicate=stance, pclass=stance, kind="meta", stance=stance,
                 speaker=quote.speaker.name if quote.speaker else None,
                 speaker_key=speaker_key(quote), said_on=quote.said_on, terms=_terms(span))


#: Subjects that refer back to something said or done rather than to a person: "has denied it happened".
_EVENT_ANAPHORS = frozenset({"it", "that", "this", "which", "what", "so"})


def _is_anaphoric(frame: Claim) -> bool:
    """Whether a denied clause has no proposition of its own, only one known from context: "denied it
    happened", "denied he did it" (``do`` stands for an act named before). A clause about a person that
    says what they did or would do ("denied that he would seriously consider it") states its own
    proposition, about that person: it is not a bare denial of whatever was said last."""
    if frame.subject_key is not None or frame.object_key is not None or frame.quantity is not None:
        return False
    subject = (frame.subject or "").lower()
    return not subject or subject in _EVENT_ANAPHORS or frame.predicate == "do"


def is_question(text: str) -> bool:
    """Whether a statement is a question (it ends with a question mark, closing quotes and brackets
    aside): a question asks, it neither asserts nor denies."""
    return normalise_quotes(text).rstrip(" \n\"')]").endswith("?")


#: Verbs whose subject a bare denial phrase judges ("that is not true", "it never happened").
_JUDGED_BY_PHRASE = frozenset({"be", "happen", "occur", "take"})


def _judges_what_was_said(span: Span, phrase: str, lex: Lexicon) -> bool:
    """Whether a denial phrase found in a statement ("not true", "never happened") judges something said
    before: its subject is a pronoun that refers back ("that's not true", "it never happened"), a
    statement noun ("the story is false"), a clause ("what he said is not true"), or absent. With a
    subject of its own ("The presumed adjustment never happened") the phrase states a fact about that
    subject, which is compared as a frame, not taken as the denial of someone else's words."""
    low = normalise_quotes(span.text).lower()
    at = low.find(phrase)
    if at < 0:
        return True
    char = span.start_char + at
    tokens = [t for t in span if char <= t.idx < char + len(phrase)]
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")] or [t.head for t in tokens if t.head.pos_ in (
        "VERB", "AUX")]
    verb = next((v for v in verbs if verb_lemma(v) in _JUDGED_BY_PHRASE), None)
    if verb is None:
        return True
    subj = _child(verb, {"nsubj", "nsubjpass"})
    if subj is None:
        return True
    return subj.pos_ == "PRON" or subj.lower_ in _ANAPHORS or subj.lemma_.lower() in lex.statement_nouns


def speaker_key(quote: Quote) -> str | None:
    """Who made a statement, as compared: the speaker's surname."""
    return _name_key(quote.speaker.name) if quote.speaker else None


def _reporting_verb(span: Span, quote: Quote, lemmas: frozenset[str]) -> bool:
    """Whether the statement is reported by a verb of ``lemmas`` ("denied that …")."""
    if quote.cue is not None and any(w in lemmas for w in _cue_lemmas(quote.cue.text)):
        return True
    root = span.root
    return root.head not in span and root.head.lemma_.lower() in lemmas


def negated_denial(doc: Doc, span: Span, quote: Quote, lex: Lexicon) -> bool:
    """Whether the denial verb reporting a statement is itself negated ("did not dispute that he lends his
    thoughts to Trump", "has never denied it"): not denying is conceding, so the statement is no denial."""
    verbs = [span.root.head] if span.root.head not in span else []
    if quote.cue is not None:
        cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        verbs += list(cue) if cue is not None else []
    return any(v.lemma_.lower() in lex.denial_lemmas and any(
        c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in v.children) for v in verbs)


def _only_judges(span: Span, quote: Quote, lex: Lexicon) -> bool:
    """Whether the denial verb reporting a statement is one that denies only a statement ("dismissed
    the report") and what it takes here is not one ("dismissed them as part of the cartel"): the
    statement's own head is neither a statement noun nor a clause."""
    cue = set(_cue_lemmas(quote.cue.text)) if quote.cue is not None else set()
    if span.root.head not in span:
        cue.add(span.root.head.lemma_.lower())  # "dismissing them as …": the verb governing the statement
    if not (cue & lex.denial_lemmas) or (cue & lex.denial_lemmas) - lex.statement_object_only:
        return False
    root = span.root
    return root.pos_ not in ("VERB", "AUX") and root.lemma_.lower() not in lex.statement_nouns


def _cue_lemmas(text: str) -> list[str]:
    # Cue text is a short phrase ("has denied"); a crude inflection strip is enough to find the lemma.
    out = []
    for word in re.findall(r"[a-z]+", text.lower()):
        out.append(word)
        for suffix in ("ied", "ies", "ed", "es", "s", "d"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: -len(suffix)]
                out.append(stem + "y" if suffix in ("ied", "ies") else stem)
        out.append(word[:-1] if word.endswith("e") else word + "e")
    return out


def _clause_heads(span: Span, lex: Lexicon) -> list[Token]:
    """Verbs heading the statement's propositions; a speech verb inside the quote ("I have said
    that X") gives way to its complement, which carries the proposition."""
    heads: list[Token] = []
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ in ("aux", "auxpass"):
            continue
        is_top = tok.head == tok or tok.head not in span
        if not (is_top or (tok.dep_ in _CLAUSE_DEPS and tok.head in heads) or _accused_act(tok, span, lex) is not None):
            continue
        heads.append(tok)
    out: list[Token] = []
    for tok in heads:
        if lex.kind_of(tok.lemma_.lower()) == "speech" and any(c.dep_ == "ccomp" and c in span for c in tok.children):
            continue
        if tok.dep_ == "xcomp" and tok.head in heads:
            continue  # "going to respond" is one proposition with the head "going" dropped below
        out.append(tok)
    return out


def _frame(doc: Doc, span: Span, head: Token, quote: Quote, lex: Lexicon,
           times: Sequence[TimeExpression], aliases: dict[str, str]) -> Claim | None:
    verb = head
    modality: str | None = None
    # "are going to respond" / "want to" : the proposition is the complement, the head its modality.
    if head.lemma_.lower() == "go" and any(c.dep_ == "xcomp" for c in head.children) and any(
            c.dep_ == "aux" for c in head.children):
        verb = next(c for c in head.children if c.dep_ == "xcomp")
        modality = "going"
    lemma = verb_lemma(verb)
    children = list(verb.children) + ([c for c in head.children if c.i != verb.i] if verb is not head else [])
    noun = _predicate_noun(verb, lex) if lemma == "be" else None
    negated = False
    for c in children:
        word = c.lower_
        if c.dep_ == "neg" or word in ("never", "n't", "not"):
            negated = True
        elif c.dep_ in ("aux", "auxpass") and verb_lemma(c) in lex.modal_aux | lex.future:
            modality = modality or verb_lemma(c)
        elif c.dep_ == "advmod" and word in lex.modal_adv:
            modality = modality or word
    if modality is None and (verb.head.i == verb.i or verb.head not in span) and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        # A statement that is a to-infinitive ("advised her to use a private account", "urged them to
        # leave") reports advice, a request or a plan: an action presented as possible, not as done.
        modality = "to"
    if modality is None and _unasserted_complement(verb, span, lex):
        modality = UNASSERTED
    clause = _clause_tokens(verb, span)
    clause_text = " ".join(t.text for t in clause)
    status = has_phrase(clause_text, lex.status)
    subj_tok = _child(verb, _SUBJECT_DEPS) or (_child(head, _SUBJECT_DEPS) if verb is not head else None)
    if subj_tok is None and verb is head:
        subj_tok = _stranded_subject(verb, span) or _accused_act(verb, span, lex)
    obj_tok = _child(verb, _OBJECT_DEPS) if noun is None else _complement_of(noun)
    if obj_tok is not None and obj_tok.lemma_.lower() in lex.body_parts:
        obj_tok = _owner(obj_tok) or obj_tok
    passive_subj = _child(verb, {"nsubjpass"})
    if passive_subj is not None and obj_tok is None:
        obj_tok = passive_subj  # "Iraq was informed": the patient is the object of the proposition
    prep = None
    if obj_tok is None and noun is None:
        obj_tok = _prep_object(verb)
        prep = obj_tok.head.text if obj_tok is not None else None
    subject, subject_key = _np(doc, subj_tok, span, quote, aliases)
    obj, object_key = _np(doc, obj_tok, span, quote, aliases)
    if obj_tok is not None and _indefinite_person(obj_tok):
        # "a reporter" is someone not yet identified: unknown, like "her"
        obj, object_key = " ".join(t.text for t in obj_tok.subtree if t in span and t.dep_ != "prep"
                                   and not any(a.dep_ == "prep" for a in t.ancestors if a in obj_tok.subtree)), None
    if prep and obj:
        obj = f"{prep} {obj}"
    if obj_tok is not None and any(c.lower_ in ("no", "none") and c.dep_ == "det" for c in obj_tok.children):
        negated = not negated  # "sent no classified information" asserts that none was sent
    relation, relation_mod, anchor_tokens = _relation(verb, span, lex)
    anchor = (text_of(doc)[anchor_tokens[0].idx: anchor_tokens[-1].idx + len(anchor_tokens[-1])]
              if anchor_tokens else None)
    anchor_key = _anchor_key(anchor_tokens)
    quantity, low, high = _quantity(clause, lex)
    if noun is not None:
        lemma = noun.lemma_.lower()
    if lemma == "take" and obj_tok is not None and obj_tok.lemma_.lower() == "place":
        lemma, obj, object_key = "happen", None, None  # "took place" says what "happened" says
    if lex.reverses(lemma):
        negated = not negated  # "declined the offer" is "did not accept the offer"
    kind = lex.kind_of(lemma)
    if kind == "speech":
        kind = "fact"
    if lemma == "be" and quantity is not None:
        kind = "fact"  # "the toll is 30" is a checkable value, unlike "France is France"
    if status:
        modality = modality or "status"
    dates = [t.value for t in times if span.start_char <= t.start and t.end <= span.end_char
             and clause and clause[0].idx <= t.start < clause[-1].idx + len(clause[-1])]
    start = min(t.idx for t in clause) if clause else span.start_char
    end = max(t.idx + len(t) for t in clause) if clause else span.end_char
    return Claim(
        id="", quote=quote.id, start=start, end=end, text=text_of(doc)[start:end],
        predicate=lemma, pclass=lex.class_of(lemma), kind=kind,
        subject=subject, subject_key=subject_key, object=obj, object_key=object_key,
        negated=negated, modality=modality, relation=relation, relation_mod=relation_mod,
        anchor=anchor, anchor_key=anchor_key, quantity=quantity, low=low, high=high, dates=dates,
        stance="status" if status else None,
        speaker=quote.speaker.name if quote.speaker else None, speaker_key=speaker_key(quote),
        said_on=quote.said_on, terms=_terms(clause),
    )


def _unasserted_complement(verb: Token, span: Span, lex: Lexicon) -> bool:
    """Whether a clause is the complement of a verb of saying or thinking that is itself negated or
    modal, inside the statement: "I'm not going to tell you Trump didn't do good things", "I never said
    he lied", "I don't think he lied", "I won't claim she knew". Such a clause is not asserted (nor is its
    negation), so it is not a fact to compare."""
    if verb.dep_ != "ccomp" or verb.head not in span:
        return False
    chain = [verb.head]
    while chain[-1].dep_ == "xcomp" and chain[-1].head in span and chain[-1].head not in chain:
        chain.append(chain[-1].head)  # "not going to tell you": the negation sits on "going"
    gov = verb_lemma(chain[0])
    if lex.kind_of(gov) not in ("speech", "opinion") and lex.class_of(gov) != "inform":
        return False
    modal = lex.modal_aux | lex.future
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") or (c.dep_ == "aux" and verb_lemma(c) in modal)
               for g in chain for c in g.children)


def _accused_act(verb: Token, span: Span, lex: Lexicon) -> Token | None:
    """The doer of the act in "accused Lewandowski of grabbing her", "blames Bob for delaying": a gerund
    after "of"/"for" that opens the statement (the statement is the accusation's content) is done by the
    accusing verb's object. Returns that object, or None when ``verb`` is no such gerund ("criticized
    Manafort for accusing …" reports a criticism, not an act the speaker asserts)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ not in ("of", "for") or prep.dep_ != "prep":
        return None
    if lex.class_of(prep.head.lemma_.lower()) != "accuse":
        return None
    if prep not in span and verb.i != span.start:
        return None
    if prep in span and prep.head in span:
        return None
    return _child(prep.head, {"dobj"})


#: Finite verb tags: a finite clause has a subject (imperatives aside, which have no left context).
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _stranded_subject(verb: Token, span: Span) -> Token | None:
    """The subject of a finite verb the parser left without one: the noun phrase ending right before
    the verb (adverbs and commas aside) when the parser attached it as an apposition to something
    earlier ("in Jupiter, Fla., the campaign manager, Corey Lewandowski, roughly yanked …" parses the
    manager as an apposition of Jupiter). An English finite clause has its subject before the verb;
    a noun phrase there that is only an apposition of a noun further left is that subject."""
    if verb.tag_ not in _FINITE or any(c.dep_ in ("nsubjpass", "csubjpass", "expl") for c in verb.children):
        return None
    i = verb.i - 1
    while i >= span.start and (verb.doc[i].is_punct or (verb.doc[i].head.i == verb.i and verb.doc[i].dep_ in (
            "advmod", "neg", "aux"))):
        i -= 1
    if i < span.start:
        return None
    tok = verb.doc[i]
    if tok.dep_ != "appos" or tok.head.i >= tok.i or tok.pos_ not in ("PROPN", "NOUN"):
        return None
    return tok


def _indefinite_person(tok: Token | None) -> bool:
    """Whether a noun phrase is an indefinite person or group noun ("a Breitbart reporter", "an
    official"): the indefinite article introduces someone without saying who, so the phrase is an
    unknown participant (as a pronoun is), not a different one from "the reporter, Michelle Fields"."""
    return tok is not None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _role_words() and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _owner(part: Token) -> Token | None:
    """Whose body part it is: the possessor ("Fields' arm", "her arm": her) or the complement of "of"
    ("the arm of a reporter")."""
    for c in part.children:
        if _is_possessor(c) and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = _child(c, {"pobj"})
            if obj is not None:
                return obj
    return None


def _predicate_noun(verb: Token, lex: Lexicon) -> Token | None:
    """The noun that carries the predicate of a copular clause: "is a supporter of X", "is in
    favor of X" state what "supports X" states (the table lists such nouns with their class)."""
    for c in verb.children:
        cand = c if c.dep_ in ("attr", "acomp") else None
        if c.dep_ == "prep" and c.lower_ == "in":
            cand = _child(c, {"pobj"})
        if cand is not None and cand.pos_ in ("NOUN", "ADJ") and lex.kind_of(cand.lemma_.lower()) == "fact" and (
                cand.lemma_.lower() in lex.pclass):
            return cand
    return None


def _complement_of(noun: Token) -> Token | None:
    # "a supporter of legalizing people", "responsible for the blast": what is supported, or caused,
    # is the complement of "of"/"for".
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "to"):
            return _child(c, {"pobj", "pcomp"})
    return None


#: Contractions written with a curly apostrophe ("it’s", "they’re", "we’ll") are often left with the
#: clitic as their lemma; they are forms of be, have, will and would.
_CLITICS = {"s": "be", "re": "be", "m": "be", "ve": "have", "ll": "will", "d": "would"}


def verb_lemma(tok: Token) -> str:
    """A verb's lemma, with contracted auxiliaries restored ("’s" of "it’s not true" is be)."""
    lemma = tok.lemma_.lower()
    if lemma[:1] in ("'", "’") and tok.pos_ in ("AUX", "VERB"):
        return _CLITICS.get(tok.lower_.lstrip("'’"), lemma)
    return lemma


def _clause_tokens(verb: Token, span: Span) -> list[Token]:
    """The verb's own clause inside the span: its subtree minus embedded clause heads' subtrees
    that are separate propositions (conjoined clauses)."""
    skip: set[int] = set()
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in c.subtree)
    return [t for t in verb.subtree if span.start <= t.i < span.end and t.i not in skip]


def _child(tok: Token, deps: Iterable[str]) -> Token | None:
    wanted = set(deps)
    for c in tok.children:
        if c.dep_ in wanted:
            return c
    return None


def _prep_object(verb: Token) -> Token | None:
    # "working on a book", "voted for Trump": the prepositional object is what the claim is about,
    # unless the preposition is temporal (handled as a relation).
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "for", "about", "with", "to", "against", "of"):
            obj = _child(c, {"pobj"})
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):  # "on February 3" is when, not what
                return obj
    return None


def _np(doc: Doc, tok: Token | None, span: Span, quote: Quote,
        aliases: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    if tok is None:
        return None, None
    sub = [t for t in tok.subtree if t in span]
    # Keep the noun phrase proper: relative clauses and appositions are other propositions.
    cut = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos", "prep") for t in c.subtree}
    if tok.pos_ == "PROPN":
        # "Donald Trump campaign manager Corey Lewandowski" is Lewandowski: a title and the names in
        # it only describe the person the head names.
        name_tokens = _name_tokens(tok)
        cut |= {t.i for t in sub if t not in name_tokens}
    elif tok.pos_ == "NOUN" and tok.lemma_.lower() not in _role_words():
        # "Trump's campaign manager" is the manager, not Trump; an institution's possessor is what
        # identifies it ("Iraq's government"), so role nouns of the actor table keep theirs.
        cut |= {t.i for c in tok.children if _is_possessor(c) and c.pos_ == "PROPN" for t in c.subtree}
    keep = [t for t in sub if t.i not in cut] or [tok]
    tokens = doc[min(t.i for t in keep): max(t.i for t in keep) + 1]
    if len(tokens) > 1 and any(t.i in cut for t in tokens):
        tokens = doc[tok.i: tok.i + 1] if tok.pos_ != "PROPN" else doc[_name_tokens(tok)[0].i: tok.i + 1]
    name, key = participant_key(doc, tokens, quote)
    if key is None and len(tokens) == 1 and tokens[0].pos_ == "PRON":
        return tokens.text, None  # a pronoun we cannot resolve: someone, unknown (not no one)
    if key is not None and key.startswith(COMMON) and aliases and tok.lemma_.lower() in aliases and not any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        # "the campaign manager" of an article that introduced one campaign manager by name.
        return name, aliases[tok.lemma_.lower()]
    if key is not None and not key.isupper():
        # A common noun is identified by whom it belongs to: "access to Clinton's account" is not
        # "access to the accounts of other people". A named owner or complement joins the key.
        owner = next((t for c in tok.children if c.dep_ == "prep" for t in c.subtree
                      if t in span and t.pos_ == "PROPN"), None)
        if owner is not None:
            key = f"{key}|{owner.lower_}"
    return name, key


def _is_possessor(tok: Token) -> bool:
    # A curly apostrophe ("Trump’s") often parses as nmod + case rather than poss.
    return tok.dep_ == "poss" or (tok.dep_ == "nmod" and any(
        c.dep_ == "case" and c.text in ("'s", "’s", "'", "’") for c in tok.children))


def _name_tokens(tok: Token) -> list[Token]:
    """The proper name a PROPN head ends: the head and the adjacent PROPN compounds before it."""
    out = [tok]
    for left in reversed(list(tok.lefts)):
        if left.dep_ in ("compound", "flat") and left.pos_ == "PROPN" and left.i == out[0].i - 1:
            out.insert(0, left)
        elif left.i < out[0].i - 1 or left.dep_ not in ("compound", "flat"):
            break
    return out


@cache
def _role_words() -> frozenset[str]:
    try:
        return frozenset(r["words"].lower() for r in load_tsv(ROLES_FILE) if r.get("words"))
    except (OSError, KeyError):
        return frozenset()


def title_aliases(doc: Doc) -> dict[str, str]:
    """Role nouns the document attaches to exactly one named person ("campaign manager Corey
    Lewandowski", "the reporter, Michelle Fields"): news introduces a person by name and title and
    then refers to them by the title ("the campaign manager"). A title given to two people is
    ambiguous and left out."""
    if not doc.has_annotation("DEP"):
        return {}
    seen: dict[str, set[str]] = {}
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat"):
            continue
        titles = [c for c in tok.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"]
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            titles.append(tok.head)
        key = _name_key(" ".join(t.text for t in _name_tokens(tok)))
        if key is None:
            continue
        for title in titles:
            seen.setdefault(title.lemma_.lower(), set()).add(key)
    return {title: next(iter(keys)) for title, keys in seen.items() if len(keys) == 1}


def _relation(verb: Token, span: Span, lex: Lexicon) -> tuple[str | None, str | None, list[Token]]:
    """A temporal relation between the asserted event and another one, with its anchor:
    "before the strikes", "in advance of recent strikes", "immediately after the strikes took place"."""
    for c in verb.children:
        if c not in span:
            continue
        if c.dep_ in ("prep", "advmod", "agent"):
            phrase, anchor = _prep_phrase(c)
            rel = lex.relations.get(phrase)
            if rel is not None and anchor is not None:
                return rel, _modifier(c), _anchor_tokens(anchor)
        if c.dep_ == "advcl":
            mark = _child(c, {"mark"}) or _child(c, {"advmod"})
            if mark is not None and mark.lower_ in lex.relations:
                anchor_head = c
                if c.lemma_.lower() in _LIGHT_VERBS or lex.kind_of(c.lemma_.lower()) == "opinion":
                    anchor_head = _child(c, _SUBJECT_DEPS | {"nsubjpass"}) or c
                mod = _modifier(c) or _modifier(mark)
                tokens = _anchor_tokens(anchor_head) if anchor_head is not c else [
                    t for t in c.subtree if t.i != mark.i and t.dep_ != "advmod"]
                return lex.relations[mark.lower_], mod, tokens
    return None, None, []


def _prep_phrase(tok: Token) -> tuple[str, Token | None]:
    """The multiword preposition starting at ``tok`` and its object: in advance of X, prior to X."""
    words = [tok.lower_]
    node = tok
    for _ in range(3):
        pobj = _child(node, {"pobj"})
        nxt = _child(node, {"prep"})
        if pobj is not None and pobj.lower_ in ("advance",):
            words.append(pobj.lower_)
            inner = _child(pobj, {"prep"})
            if inner is None:
                return " ".join(words), None
            words.append(inner.lower_)
            return " ".join(words), _child(inner, {"pobj"})
        if pobj is not None:
            return " ".join(words), pobj
        if nxt is not None:
            words.append(nxt.lower_)
            node = nxt
            continue
        break
    return " ".join(words), None


def _modifier(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ not in ("not", "also"):
            return c.lower_
    return None


def _anchor_tokens(head: Token) -> list[Token]:
    cut = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return [t for t in head.subtree if t.i not in cut and not t.is_punct]


def _anchor_key(tokens: list[Token]) -> str | None:
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    # The head of an English noun phrase is its last noun before any prepositional modifier.
    first_prep = next((i for i, t in enumerate(tokens) if t.dep_ == "prep"), len(tokens))
    before = [t for t in tokens[:first_prep] if t.pos_ in ("NOUN", "PROPN")] or nouns
    return before[-1].lemma_.lower()


def _quantity(clause: list[Token], lex: Lexicon) -> tuple[str | None, float | None, float | None]:
    """The first cardinal in the clause as an interval, widened by its hedge ("more than 165")."""
    for i, tok in enumerate(clause):
        if tok.ent_type_ in ("DATE", "TIME", "ORDINAL", "PERCENT", "MONEY"):
            continue
        if tok.pos_ != "NUM" and not tok.like_num:
            continue
        value = _number(tok.text)
        if value is None:
            continue
        j = i + 1
        while j < len(clause) and clause[j].lower_ in _SCALES:
            value *= _SCALES[clause[j].lower_]
            j += 1
        before = " ".join(t.lower_ for t in clause[max(0, i - 3):i])
        hedge = next((h for h in sorted(lex.hedges, key=len, reverse=True)
                      if before.endswith(h)), None)
        text = " ".join(t.text for t in clause[max(0, i - 3):j]) if hedge else " ".join(
            t.text for t in clause[i:j])
        kind = lex.hedges.get(hedge) if hedge else "exact"
        if kind == "low":
            return text, value, None
        if kind == "high":
            return text, None, value
        if kind == "approx":
            return text, value * 0.85, value * 1.15
        return text, value, value
    return None, None, None


def _number(text: str) -> float | None:
    low = text.lower().replace(",", "")
    if low in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[low])
    try:
        return float(low)
    except ValueError:
        return None


def _terms(tokens: Iterable[Token]) -> list[str]:
    """Content lemmas, for lexical comparison and blocking."""
    out: list[str] = []
    for t in tokens:
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop:
            lemma = t.lemma_.lower()
            if lemma not in _STOP_TERMS and lemma not in out:
                out.append(lemma)
    return out


def lexical_overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Overlap coefficient of two term lists (|A∩B| / min(|A|,|B|)); 0 when either is empty."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))
