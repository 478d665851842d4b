"""The storyline_events component: PLOVER events read from the dependency parse.

Writes ``doc._.events`` (:class:`~storyline.model.Event`, ids ``e1``, ``e2`` … in text order).
It runs after times, actors and quotes, and reads what they wrote.

The rules are general properties of English clauses and noun phrases:

- **Triggers** are verbs and nouns of the cue lexicon (``event_cues.tsv``, written from the PLOVER
  manual's definitions). A *light verb* ("carry out strikes", "submit a letter of protest",
  "initiate discussions") lends its subject, date and place to the event noun it governs; a noun
  of a document or act ("letter of protest") carries the cue noun that follows "of".
- **Arguments.** Active verbs: subject → source, object (or a phrase with against/on/to/with) →
  target; passives: "by" agent → source, subject → target (no agent: unknown source); nouns:
  possessor ("X's strikes"), "by" phrase, an actor adjective ("Israeli air raids"), or the subject
  of the governing verb → source; against/on/to/with/at phrase → target. A conjoined subject makes
  one event per actor (Iraq and Syria condemned …). An argument that is itself an earlier event
  ("condemned these strikes") stands for that event's source.
- **Consequences fold into their cause**: "an attack that killed three soldiers", "killed in a
  bombing", "attacked …, killing 156" are one ASSAULT with fatalities.
- **Status**: a negation on the trigger or its governing verb → ``negated``; a modal, an "if"
  clause, an infinitive or a noun governed by a modal/intention verb → ``hypothetical`` (planned,
  threatened, conditional: not coded as having happened); a noun naming an ongoing situation (war)
  that is not itself predicated → ``background``.
- **Date**: the time expression whose syntactic attachment reaches the event's clause; otherwise
  the publication date, marked ``date_from="publication"``. **Place**: an in/at/near phrase on the
  event's clause naming a place, geocoded offline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.analyze import extensions
from storyline.analyze.actors import lexicon_of, resolve_span
from storyline.analyze.event_lexicon import LIGHT, REPORT, Cue, CueLexicon, build_cue_lexicon
from storyline.analyze.geo import gazetteer
from storyline.model import Actor, DateFrom, Event, Location, Quote, TimeExpression

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative"})
#: Prepositions whose object is the one an action is directed at, in order of preference.
VERB_TARGET_PREPS = ("against", "on", "upon", "at", "to", "toward", "towards", "with", "into", "from")
RELATION_PREPS = ("with", "against", "toward", "towards", "on", "to", "for", "of", "by")
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "province", "region", "district", "state"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
MODALS = frozenset(
    {"would", "could", "might", "may", "should", "will", "shall", "'ll", "must", "can", "wo", "ca"}
)
#: Words whose complement is what their subject means to do, not (yet) a fact: intentions, plans,
#: threats, promises, readiness ("threatened to strike", "is willing to withdraw").
SELF_INTENT_GOVERNORS = frozenset(
    {
        "threaten",
        "plan",
        "intend",
        "want",
        "seek",
        "vow",
        "promise",
        "pledge",
        "agree",
        "offer",
        "prepare",
        "propose",
        "aim",
        "hope",
        "expect",
        "consider",
        "decide",
        "swear",
        "wish",
        "mean",
        "willing",
        "ready",
        "prepared",
        "determined",
        "eager",
        "set",
        "able",
        "unwilling",
    }
)
#: Words whose complement is what someone else is asked, ordered or allowed to do.
OTHER_INTENT_GOVERNORS = frozenset(
    {
        "ask",
        "urge",
        "call",
        "demand",
        "warn",
        "order",
        "request",
        "appeal",
        "allow",
        "press",
        "force",
        "need",
        "want",
        "invite",
        "encourage",
        "tell",
    }
)
#: Words that negate their complement ("refused to withdraw", "failed to agree", "prohibit aid").
NEGATING_GOVERNORS = frozenset(
    {
        "refuse",
        "decline",
        "fail",
        "deny",
        "avoid",
        "prevent",
        "prohibit",
        "ban",
        "halt",
        "stop",
        "suspend",
        "cancel",
        "block",
        "postpone",
        "delay",
        "reject",
        "oppose",
        "forbid",
        "bar",
        "end",
        "abandon",
        "renege",
    }
)
#: Words whose "that" clause states what is required, not what happened ("demanded that the US cancel").
MANDATIVE_GOVERNORS = frozenset(
    {"demand", "request", "urge", "order", "insist", "propose", "recommend", "call", "press", "appeal", "ask"}
)
MOTION_VERBS = frozenset(
    {"return", "go", "come", "travel", "fly", "head", "arrive", "leave", "gather", "meet"}
)
EXPRESSED_BY_ACTION = frozenset({"PROTEST", "REQUEST"})
#: Sectors of actors that act at home: with no country named, the place or the other party tells it.
DOMESTIC_SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "REB",
        "CVL",
        "OPP",
        "PTY",
        "LAB",
        "EDU",
        "AGR",
        "JRN",
        "REF",
        "UAF",
        "SPY",
        "PRM",
    }
)
#: Event types that happen within one country (repression, protest).
DOMESTIC_TYPES = frozenset({"COERCE", "PROTEST"})
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NAT", "NGO", "IMG", "ISM", "MNC", "ARL", "AFR"})
WORK_STOPPAGE_NOUNS = frozenset({"strike"})
CIVILIAN_SECTORS = frozenset({"LAB", "CVL", "EDU", "AGR", "OPP", "REF", "SOC"})
OCCURRENCE_VERBS = frozenset(
    {
        "occur",
        "happen",
        "erupt",
        "break",
        "begin",
        "start",
        "continue",
        "rage",
        "resume",
        "end",
        "take",
        "follow",
    }
)
RECEIVING_VERBS = frozenset({"receive", "draw", "attract", "face", "get", "earn", "win", "suffer", "incur"})
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
#: Readiness for an attack is a military move short of force (the manual: MOBILIZE).
PREPARATION_GOVERNORS = frozenset({"prepare", "ready", "prepared", "gear"})
IRREALIS_GOVERNORS = SELF_INTENT_GOVERNORS | OTHER_INTENT_GOVERNORS | NEGATING_GOVERNORS
#: Adjectives that make an event noun unrealised: "a planned attack", "possible strikes".
IRREALIS_ADJECTIVES = frozenset(
    {
        "planned",
        "possible",
        "potential",
        "future",
        "proposed",
        "threatened",
        "alleged",
        "imminent",
        "prospective",
        "intended",
    }
)
SEPARATORS = frozenset({",", ";", ":", "–", "—", '"', "“", "”"})
ANAPHORIC_DETERMINERS = frozenset({"this", "these", "that", "those", "the", "such"})
#: Nouns that name a document or act carrying the event noun after "of" ("letter of protest").
CARRIER_NOUNS = frozenset(
    {
        "letter",
        "note",
        "statement",
        "message",
        "declaration",
        "act",
        "campaign",
        "series",
        "wave",
        "round",
        "spate",
        "string",
        "mission",
        "effort",
        "form",
    }
)
#: Nouns that name a part, member or possession of a group: their "of" phrase is the actor
#: ("targets of elite Iranian forces", "members of Hamas").
PART_NOUNS = frozenset(
    {
        "target",
        "position",
        "member",
        "base",
        "unit",
        "supporter",
        "leader",
        "head",
        "chief",
        "faction",
        "wing",
        "branch",
        "camp",
        "office",
        "facility",
        "site",
        "headquarters",
        "convoy",
        "residence",
        "home",
        "stronghold",
        "ally",
    }
)
#: Quantities whose "of" phrase is the actor ("thousands of students", "one third of the rebels").
QUANTITY_NOUNS = frozenset(
    {
        "thousand",
        "thousands",
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
        "ten",
        "tens",
        "million",
        "millions",
        "score",
        "scores",
        "number",
        "group",
        "majority",
        "third",
        "half",
        "quarter",
        "some",
        "many",
        "most",
        "all",
        "crowd",
    }
)
#: The verbs in this set report a consequence and fold into the attack they depend on.
EFFECT_TYPES = frozenset({"ASSAULT"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Future or intended acts that the manual codes as the verbal commitment to them.
FUTURE_AS_EXTRA = {"PROTEST": "THREATEN"}  # "will boycott the elections": a threat of dissent (CAMEO 133)
FUTURE_AS = {
    **FUTURE_AS_EXTRA,
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "CONCEDE",
    "ASSAULT": "THREATEN",
    "COERCE": "THREATEN",
    "SANCTION": "THREATEN",
    "MOBILIZE": "THREATEN",
}
#: The THREATEN mode (the content of the threat, per the manual) of an announced act.
THREAT_MODES = {
    "PROTEST": "relations",
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
}
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY"})
#: PLOVER sector codes (the manual's table): a code made of one of these alone names no country.
BARE_SECTORS = STATE_SECTORS | {
    "REB",
    "COP",
    "CVL",
    "MED",
    "JRN",
    "BUS",
    "REL",
    "OPP",
    "PTY",
    "REF",
    "EDU",
    "LAB",
    "PRM",
    "UAF",
    "UNK",
    "AGR",
    "CRM",
    "ELI",
    "SOC",
    "PRE",
}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
}
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})


@dataclass(slots=True)
class _Trigger:
    token: Token
    cue: Cue
    type: str
    mode: str | None
    governor: Token | None = None  # the light verb / verb whose clause the noun event belongs to
    carrier: Token | None = None
    anchors: list[Token] = field(default_factory=list)  # tokens whose clause is the event's clause
    merged: list[Token] = field(default_factory=list)  # consequence verbs folded in
    fatalities: int | None = None
    absorbed: bool = False


class EventCoder:
    """Codes PLOVER events from each sentence's dependency parse."""

    def __init__(self, nlp: Language, name: str, cues: Sequence[str] = (), modes: Sequence[str] = ()) -> None:
        extensions.register()
        self.name = name
        self.lexicon: CueLexicon = build_cue_lexicon(tuple(cues), tuple(modes))

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = []
        published = doc._.published
        times = _time_index(doc, doc._.times or [])
        quotes: list[Quote] = list(doc._.quotes or [])
        history: dict[str, list[Event]] = {}
        for sent in doc.sents:
            try:
                coded = self._code_sentence(doc, sent, times, quotes, published, history)
            except Exception:
                continue
            events.extend(coded)
        events.sort(key=lambda e: (e.start, e.end))
        for n, event in enumerate(events, 1):
            event.id = f"e{n}"
        doc._.events = events
        return doc

    # -- triggers ---------------------------------------------------------------------------------

    def _triggers(self, sent: Span) -> list[_Trigger]:
        found: list[_Trigger] = []
        for tok in sent:
            cue = self._cue(tok)
            if cue is not None and cue.type == REPORT:
                cue = _deontic_request(tok, cue)
            if cue is None or cue.type == LIGHT:
                continue
            if tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW"):
                continue
            if tok.pos_ == "VERB" and any(c.dep_ == "det" for c in tok.children):
                continue  # "the wounded", "the dead": a participle used as a noun names people
            trig = _Trigger(tok, cue, cue.type, cue.mode)
            self._attach(trig)
            if "light_only" in cue.flags and not (
                trig.governor is not None and self._is_light(trig.governor)
            ):
                continue
            self._apply_modifiers(trig)
            found.append(trig)
        return found

    def _cue(self, tok: Token) -> Cue | None:
        if tok.pos_ == "VERB":
            return self._verb_cue(tok)
        if tok.pos_ == "NOUN":
            return self.lexicon.noun(tok.lemma_.lower()) or self.lexicon.noun(tok.lower_)
        return None

    def _verb_cue(self, tok: Token) -> Cue | None:
        particles = [
            c.lower_
            for c in tok.children
            if c.dep_ in ("prt", "prep") and c.lower_ in self.lexicon.phrasal_particles
        ]
        for lemma in _verb_lemmas(tok):
            cue = self.lexicon.verb(lemma, particles)
            if cue is not None:
                return cue
        return None

    def _is_event_noun(self, tok: Token) -> bool:
        """A noun that names an event by itself ("strikes", "demand"; not "troops")."""
        cue = self._cue(tok) if tok.pos_ == "NOUN" else None
        return cue is not None and cue.type not in (LIGHT, REPORT) and "light_only" not in cue.flags

    def _is_light(self, tok: Token) -> bool:
        """A verb that predicates the event noun it governs: light verbs ("carry out strikes") and
        reporting verbs ("announced a ceasefire", "reiterated its demand")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        cue = self._verb_cue(tok)
        return cue is not None and cue.type in (LIGHT, REPORT)

    def _attach(self, trig: _Trigger) -> None:
        """Find the clause a noun event belongs to: its light verb, through a carrier noun."""
        tok = trig.token
        trig.anchors.append(tok)
        if tok.pos_ != "NOUN":
            return
        noun = tok
        measure = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "in") else None
        if measure is not None and (
            (tok.head.lower_ == "of" and measure.lemma_.lower() in CARRIER_NOUNS)
            or measure.like_num
            or any(c.dep_ == "nummod" for c in measure.children)
        ):
            trig.carrier = measure  # "a letter of protest", "25,000 tons of food aid"
        elif tok.dep_ == "compound" and tok.head.lemma_.lower() in CARRIER_NOUNS:
            trig.carrier = tok.head  # "mediation mission"
        if trig.carrier is not None:
            noun = trig.carrier
            trig.anchors.append(noun)
        # "strikes and rocket attacks have targeted …": a conjunct shares its first conjunct's clause.
        while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
            noun = noun.head
        if (
            noun.dep_ == "nsubj"
            and noun.head.pos_ == "VERB"
            and _verb_lemmas(noun.head)[0] in OCCURRENCE_VERBS
        ):
            # "Clashes erupted in Tripoli on Monday": the verb only says the event happened, so its
            # date and place are the event's.
            trig.anchors.append(noun.head)
            return
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ in ("for", "to")
            and noun.head.head.pos_ == "VERB"
            and noun.head.head.lemma_.lower() in MOTION_VERBS
        ):
            # "negotiators return to Geneva for talks": who travels for talks takes part in them.
            trig.governor = noun.head.head
            trig.anchors.append(trig.governor)
            return
        if (
            noun.dep_ == "pobj"
            and noun.head.head.pos_ == "VERB"
            and noun.head.lower_ == _particle_of(self, noun.head.head)
        ):
            # "engaged in ethnic cleansing": a light verb with its preposition.
            trig.governor = noun.head.head
            trig.anchors.append(trig.governor)
            return
        if noun.dep_ in OBJECT_DEPS | {"attr"} and noun.head.pos_ in ("VERB", "AUX"):
            verb = noun.head
            if self._is_light(verb) or self._cue(verb) is None:
                trig.governor = verb
                if self._is_light(verb):
                    trig.anchors.append(verb)

    def _apply_modifiers(self, trig: _Trigger) -> None:
        tok = trig.token
        words: list[Token] = [
            c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss")
        ]
        if tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ in OBJECT_DEPS:
                    words.append(c)
                    words.extend(g for g in c.children if g.dep_ in ("compound", "amod"))
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "by"):
                words.extend(g for g in c.children if g.dep_ == "pobj")
        if trig.carrier is not None:
            words.extend(c for c in trig.carrier.children if c.dep_ in ("compound", "amod"))
        if tok.pos_ == "NOUN" and tok.dep_ in OBJECT_DEPS and tok.head.pos_ == "VERB":
            words.append(tok.head)  # "set fire", "opened fire"
        rules = [
            rule
            for w in words
            for rule in self.lexicon.modes.get(w.lemma_.lower(), ()) or self.lexicon.modes.get(w.lower_, ())
        ]
        # A modifier that changes the type ("joint exercises" are COOPERATE, "air raid" an ASSAULT)
        # decides first; the mode then comes from the modifiers that apply to the resulting type.
        retype = [r for r in rules if r.type and r.applies_to in ("*", trig.type)]
        if retype:
            best = min(retype, key=lambda r: r.rank)
            trig.type, trig.mode = (
                best.type or trig.type,
                best.mode or (trig.mode if best.type == trig.type else None),
            )
        moded = [
            r
            for r in rules
            if r.mode and r.applies_to in ("*", trig.type) and (not r.type or r.type == trig.type)
        ]
        if moded:
            trig.mode = min(moded, key=lambda r: r.rank).mode

    # -- a sentence -------------------------------------------------------------------------------

    def _code_sentence(
        self,
        doc: Doc,
        sent: Span,
        times: dict[int, TimeExpression],
        quotes: list[Quote],
        published: str | None,
        history: dict[str, list[Event]],
    ) -> list[Event]:
        triggers = self._triggers(sent)
        if not triggers:
            return []
        by_token = {t.token.i: t for t in triggers}
        _fold_consequences(triggers, by_token)
        out: list[Event] = []
        for trig in triggers:
            if trig.absorbed or _is_anaphoric(trig, history):
                continue
            out.extend(self._events_for(doc, sent, trig, times, quotes, published, history))
        for event in out:
            history.setdefault(doc[_token_at(doc, event.start)].lemma_.lower(), []).append(event)
        return out

    def _events_for(
        self,
        doc: Doc,
        sent: Span,
        trig: _Trigger,
        times: dict[int, TimeExpression],
        quotes: list[Quote],
        published: str | None,
        history: dict[str, list[Event]],
    ) -> list[Event]:
        tok = trig.token
        if (
            "transitive" in trig.cue.flags
            and tok.pos_ == "VERB"
            and not any(c.dep_ in OBJECT_DEPS | {"xcomp", "prep", "nsubjpass"} for c in tok.children)
        ):
            return []
        alternative = next(
            (f.split("=", 1)[1] for f in trig.cue.flags if f.startswith("actor_object=")), None
        )
        if alternative and tok.pos_ == "VERB":
            objects = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
            if objects and self._actor(doc, objects[0], history, quotes) is None:
                trig.type, trig.mode = alternative, None
        sources, targets = self._arguments(doc, trig, history, quotes)
        if trig.cue.type in EFFECT_TYPES and "effect" in trig.cue.flags and not sources and not targets:
            return []
        if not any(a is not None and a.code for a in [*sources, *targets]):
            return []  # PLOVER codes events between actors: with none known there is nothing to code
        ev_type, mode = trig.type, trig.mode
        if (
            ev_type == "RETREAT"
            and trig.governor is not None
            and (self._verb_cue(trig.governor) or trig.cue).type == REPORT
        ):
            # The manual: declarations (not implementations) of ceasefires and withdrawals are CONCEDE.
            ev_type, mode = "CONCEDE", None
        if (
            ev_type == "ASSAULT"
            and tok.lemma_.lower() in WORK_STOPPAGE_NOUNS
            and any((a.code or "").split()[-1] in CIVILIAN_SECTORS for a in sources)
        ):
            # Workers, students or farmers do not carry out air strikes: theirs is a labour strike.
            ev_type, mode = "PROTEST", "strike"
        if "state" in trig.cue.flags and ev_type == "PROTEST" and _is_state_protest(trig, sources):
            ev_type, mode = "ACCUSE", "disapprove"
        location = self._location(doc, trig)
        if location is None and ev_type in ("ASSAULT", "COERCE"):
            # An attack on something somewhere ("positions in Iraq") happened there.
            location = self._target_location(doc, trig)
        if ev_type == "PROTEST" and not targets and not location and sources and _has_country(sources[0]):
            # A domestic protest addresses the protesters' own government.
            country = (sources[0].code or "").split()[0]
            targets = [Actor(gazetteer().country_names.get(country, country), country)]
        if (
            ((ev_type == "CONSULT" and mode == "visit") or ev_type == "PROTEST")
            and not targets
            and location
            and location.country
        ):
            # A visit is hosted, and a demonstration addressed, by the government of the place.
            name = gazetteer().country_names.get(location.country, location.country)
            targets = [Actor(name, location.country)]
        sources = [_situate(a, location, targets, ev_type) for a in sources]
        targets = [_situate(a, location, sources, ev_type) for a in targets]
        date, date_from = _event_date(doc, trig, times, published)
        if date_from == "publication" and "speech" in trig.cue.flags:
            # A speech act inside a statement ("I regret …") was made when the statement was.
            said = next((q for q in quotes if q.start <= tok.idx < q.end and q.said_on), None)
            if said is not None:
                date, date_from = said.said_on, said.said_on_from
        negated = _is_negated(trig)
        irrealis = _irrealis(trig)
        if irrealis == "purpose" and ev_type in EXPRESSED_BY_ACTION:
            # "blocked highways to protest the taxes", "staged rallies to demand reforms": the act
            # itself voices the protest or the demand.
            irrealis = None
        # Only an act the clause itself announces (a verb, or a noun with its light verb) is a
        # promise or a threat; "should reduce its exercises" announces nothing about exercises.
        predicated = tok.pos_ == "VERB" or (trig.governor is not None and self._is_light(trig.governor))
        hypothetical = irrealis is not None
        if irrealis in ("modal", "intent") and negated and ev_type in COOPERATIVE:
            # "will not meet", "would not release": announcing that one will not cooperate is a
            # refusal, and the refusal is the event that happened.
            ev_type, mode, negated, hypothetical = "REJECT", None, False, False
        elif irrealis == "intent" and ev_type == "ASSAULT" and _governor_lemma(trig) in PREPARATION_GOVERNORS:
            ev_type, mode, hypothetical = "MOBILIZE", "troops", False
        elif irrealis in ("modal", "intent") and not negated and ev_type in FUTURE_AS and predicated:
            # The manual: a promised or intended cooperative act is an AGREE (a retreat, a
            # CONCEDE), and an announced use of force or reduction of relations is a THREATEN —
            # the statement of intention is the event that happened.
            ev_type, hypothetical = FUTURE_AS[ev_type], False
            mode = None if ev_type != "THREATEN" else THREAT_MODES.get(trig.type, mode)
        background = "durative" in trig.cue.flags and not (
            trig.governor is not None and self._is_light(trig.governor)
        )
        count_min, count_max = _count(trig.token) if trig.token.pos_ == "NOUN" else (None, None)
        quote_id = _linked_quote(trig, quotes) if "speech" in trig.cue.flags else None
        events = []
        source_list: list[Actor | None] = [*sources] or [None]
        places: list[Location | None] = [location]
        if (
            ev_type in MATERIAL_CONFLICT
            and location is not None
            and trig.fatalities is None
            and count_min is None
        ):
            # One event per place, as event data sets record them ("strikes in Syria and Iraq").
            places = [*self._locations(doc, trig)] or [location]
        for source, place in ((s, p) for s in source_list for p in places):
            events.append(
                Event(
                    id="",
                    type=ev_type,
                    start=tok.idx,
                    end=tok.idx + len(tok.text),
                    mode=mode,
                    source=source,
                    target=targets[0] if targets else None,
                    location=place,
                    date=date,
                    date_from=date_from,
                    fatalities=trig.fatalities,
                    negated=negated,
                    quote=quote_id,
                    text=tok.text,
                    hypothetical=hypothetical,
                    background=background,
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    count_min=count_min,
                    count_max=count_max,
                )
            )
        return events

    # -- arguments --------------------------------------------------------------------------------

    def _arguments(
        self, doc: Doc, trig: _Trigger, history: dict[str, list[Event]], quotes: list[Quote]
    ) -> tuple[list[Actor], list[Actor]]:
        tok = trig.token
        source_toks: list[Token] = []
        target_toks: list[Token] = []
        if tok.pos_ == "VERB":
            source_toks, target_toks = _verb_arguments(tok)
        else:
            source_toks, target_toks = _noun_arguments(tok, trig)
            receiver = (
                trig.governor
                if trig.governor is not None and _verb_lemmas(trig.governor)[0] in (RECEIVING_VERBS)
                else None
            )
            if receiver is not None:
                # "drew criticism from Berlin", "faces sanctions from the EU": the subject of a
                # verb of receiving undergoes the act; "from"/"by" names who does it.
                source_toks = source_toks or _prep_objects(receiver, ("from", "by"))
                target_toks = target_toks or _subject_of(receiver)
            if (
                trig.governor is not None
                and receiver is None
                and (
                    (not source_toks and trig.governor in trig.anchors)
                    or (source_toks and source_toks[0].pos_ == "PRON" and source_toks[0].dep_ == "poss")
                )
            ):
                # A light verb's subject is the noun event's author ("the US carried out strikes");
                # so is the clause subject a possessive pronoun points back to ("reiterated its
                # demand"). Other verbs' subjects are not ("refugees fleeing the war").
                source_toks = _verb_arguments(trig.governor)[0]
            if not target_toks and trig.governor is not None:
                # "give Tanzania a grant", "lodged a protest with the ambassador"
                target_toks = [c for c in trig.governor.children if c.dep_ in ("dative", "iobj")]
                target_toks += _prep_objects(trig.governor, VERB_TARGET_PREPS)
            if not target_toks and trig.carrier is not None:
                target_toks = _prep_objects(trig.carrier, VERB_TARGET_PREPS)
        for merged in trig.merged:
            # The victims of the consequence are candidates too ("killed 4 Iraqis in an attack on …").
            target_toks = target_toks + _verb_arguments(merged)[1]
            if not source_toks:
                # "British aircraft killed 4 Iraqis in an attack": the killer made the attack.
                source_toks = [
                    t for t in _verb_arguments(merged)[0] if t.i != tok.i and not self._is_event_noun(t)
                ]
        if tok.pos_ == "VERB":
            # "demanded that the US cancel …", "threatened to break relations with Russia": the
            # addressee is in the complement clause.
            target_toks = target_toks + _complement_targets(tok)
        pairwise = tok.pos_ == "NOUN" and _between(trig)
        sources = self._actors(doc, source_toks, history, quotes, conjuncts=not pairwise)
        targets = self._actors(doc, target_toks, history, quotes, conjuncts=not pairwise, relational=True)
        if not sources and tok.pos_ == "NOUN":
            sources = self._modifier_actor(doc, tok)
        if trig.type == "MOBILIZE" and not sources and _is_passive(tok) and targets:
            # "troops were deployed": the deploying party is the one the troops belong to.
            sources, targets = targets, []
        sources = [s for s in sources if s is not None]
        targets = [
            t
            for t in targets
            if (t is not None and t.code not in {s.code for s in sources} | {None})
            or (t is not None and not sources)
        ]
        return sources, targets

    def _actors(
        self,
        doc: Doc,
        heads: list[Token],
        history: dict[str, list[Event]],
        quotes: list[Quote],
        conjuncts: bool = True,
        relational: bool = False,
    ) -> list[Actor]:
        """The actors of the first candidate argument that names any (candidates in preference
        order), one per conjunct ("Iraq and Syria"). With ``relational``, an argument that is not
        an actor leads to the party its own phrase names: "break relations with Russia",
        "the naval blockade of Serbia", "further action against Russia", "targets in Jericho"."""
        fallback: list[Actor] = []
        for head in heads:
            out: list[Actor] = []
            for conj in [head, *_conjuncts(head)] if conjuncts else [head]:
                actor = self._actor(doc, conj, history, quotes)
                if actor is None and relational:
                    actor = self._related_actor(doc, conj, history, quotes)
                if actor is not None:
                    out.append(actor)
            # A candidate that names a country beats one that names only a sector ("offered its
            # troops to Lebanon's president": the troops are the sender's, Lebanon is the target).
            if any(_has_country(a) for a in out):
                return out
            fallback = fallback or out
        return fallback

    def _actor(
        self, doc: Doc, head: Token, history: dict[str, list[Event]], quotes: list[Quote]
    ) -> Actor | None:
        if head.lower_ in FIRST_PERSON and head.pos_ == "PRON":  # "us", never "US"
            return _speaker_actor(head, quotes)
        if head.pos_ == "PRON":
            return _antecedent_person(doc, head) if head.lower_ in ("he", "she") else None
        if self._is_event_noun(head):
            # An argument that is an event stands for its author: "rejected an Indian proposal",
            # "North Korea's demand", "calls by Belarus's rulers", "condemned these strikes".
            own = [c for c in head.children if c.dep_ == "poss"]
            own += [
                g
                for c in head.children
                if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            for tok in own:
                actor = self._actor(doc, tok, history, quotes)
                if actor is not None:
                    return actor
            mods = self._modifier_actor(doc, head)
            if mods:
                return mods[0]
            for event in reversed(history.get(head.lemma_.lower(), [])):
                if event.source is not None:
                    return event.source
            return None
        lemma = head.lemma_.lower()
        if lemma in PART_NOUNS or lemma in QUANTITY_NOUNS or head.like_num:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return self._actor(doc, objs[0], history, quotes)
        tokens = _phrase(head)
        if not tokens or not self._names_actor(doc, head, tokens):
            return None
        actor = resolve_span(doc, tokens)
        mine = [
            c for c in head.children if c.dep_ == "poss" and c.lower_ in FIRST_PERSON and c.pos_ == "PRON"
        ]
        if mine and (actor is None or not _has_country(actor)):
            # "our troops" in a statement: the speaker's country, the noun's sector.
            speaker = _speaker_actor(mine[0], quotes)
            if speaker is not None and speaker.code:
                country = speaker.code.split()[0]
                sector = (actor.code or "").split()[-1] if actor is not None and actor.code else None
                return Actor(
                    head.doc[tokens[0].i : tokens[-1].i + 1].text,
                    f"{country} {sector}" if sector else country,
                )
        return actor

    def _related_actor(
        self, doc: Doc, head: Token, history: dict[str, list[Event]], quotes: list[Quote], depth: int = 0
    ) -> Actor | None:
        if head.pos_ not in ("NOUN", "PROPN") or depth > 2:
            return None
        for obj in _prep_objects(head, RELATION_PREPS):
            if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.pos_ == "NOUN":
                # "part of a military aid program for Bosnia"
                inner = self._related_actor(doc, obj, history, quotes, depth + 1)
                if inner is not None:
                    return inner
            # Strictly a name here: "a violation of Iraqi sovereignty" is about Iraq, not against it.
            if (
                obj.pos_ == "PROPN"
                or obj.ent_type_
                or any(m.start <= obj.i < m.end for m in lexicon_of(doc).match(_phrase(obj)))
            ):
                actor = self._actor(doc, obj, history, quotes)
                if actor is not None:
                    return actor
        owned = any(m.affiliation for m in lexicon_of(doc).match(_phrase(head)))
        if head.lemma_.lower() in PART_NOUNS and not owned:
            for obj in _prep_objects(head, PLACE_PREPS):
                place = _geocode(doc, obj)
                if place is not None and place.country:
                    return Actor(place.name, place.country)
        return None

    @staticmethod
    def _names_actor(doc: Doc, head: Token, tokens: list[Token]) -> bool:
        """An argument names an actor when its head is a name, a dictionary word or a part of a
        group — not when it is an abstract noun ("a violation of Iraqi sovereignty")."""
        if head.pos_ == "PROPN" or head.ent_type_ or head.lemma_.lower() in PART_NOUNS:
            return True
        lexicon = lexicon_of(doc)
        # The head itself, or a word before it ("APEC forum", "Turkish sides"): a name that only
        # appears in a phrase after the head is about something else.
        return any(m.start <= head.i for m in lexicon.match(doc[tokens[0].i : tokens[-1].i + 1]))

    def _modifier_actor(self, doc: Doc, noun: Token) -> list[Actor]:
        """ "Israeli air raids", "US strikes": an actor word before the event noun is its author."""
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        if not mods:
            return []
        lexicon = lexicon_of(doc)
        matches = lexicon.match(doc[mods[0].i : noun.i], doc._.published)
        if not any(m.entry.country and not m.affiliation for m in matches):
            return []
        actor = resolve_span(doc, doc[mods[0].i : noun.i])
        return [actor] if actor is not None else []

    # -- place ------------------------------------------------------------------------------------

    def _location(self, doc: Doc, trig: _Trigger) -> Location | None:
        places = self._locations(doc, trig)
        return places[0] if places else None

    def _locations(self, doc: Doc, trig: _Trigger) -> list[Location]:
        """The places of the event's clause: the first in/at/near phrase that geocodes, with its
        conjuncts ("strikes in Syria and Iraq" → Syria, Iraq)."""
        for anchor in [trig.token, *trig.merged, *trig.anchors[1:]]:
            for c in anchor.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for obj in c.children:
                        if obj.dep_ == "pobj":
                            place = _geocode(doc, obj)
                            if place is not None:
                                more = [_geocode(doc, conj) for conj in _conjuncts(obj)]
                                return [place, *(p for p in more if p is not None)]
        return []

    def _target_location(self, doc: Doc, trig: _Trigger) -> Location | None:
        heads: list[Token] = []
        for verb in [trig.token, *trig.merged]:
            if verb.pos_ == "VERB":
                heads.extend(_verb_arguments(verb)[1])
        for head in heads:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for obj in c.children:
                        if obj.dep_ == "pobj":
                            place = _geocode(doc, obj)
                            if place is not None:
                                return place
        return None


@Language.factory("storyline_events", default_config={"cues": [], "modes": []})
def make_events(nlp: Language, name: str, cues: list[str], modes: list[str]) -> EventCoder:
    """The events component; ``cues``/``modes`` are paths of users' extra TSV files with the
    columns of the packaged ``event_cues.tsv`` / ``event_modes.tsv``."""
    return EventCoder(nlp, name, cues, modes)


# -- helpers --------------------------------------------------------------------------------------


DEONTIC_MODALS = frozenset({"must", "should", "ought"})


def _deontic_request(verb: Token, cue: Cue) -> Cue | None:
    """ "X said Y must (should) do Z" is X's request to Y: a reporting verb whose complement
    clause carries a modal of obligation codes as REQUEST."""
    for c in verb.children:
        if c.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ in DEONTIC_MODALS for g in c.children):
            return Cue(cue.lemma, cue.pos, "REQUEST", None, cue.flags)
    return None


def _particle_of(coder: EventCoder, verb: Token) -> str | None:
    """The preposition a phrasal light verb takes ("engage in"), or None."""
    for c in verb.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in coder.lexicon.phrasal_particles:
            for lemma in _verb_lemmas(verb):
                cue = coder.lexicon.verbs.get((lemma, c.lower_))
                if cue is not None and cue.type == LIGHT:
                    return c.lower_
    return None


def _verb_lemmas(tok: Token) -> list[str]:
    """The lemmatizer's lemma, then regular English de-inflections of the form: the small model
    lemmatises some verbs wrongly ("staged" → "stag")."""
    lemma, form = tok.lemma_.lower(), tok.lower_
    out = [lemma]
    for suffix, repl in (
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            out.append(form[: len(form) - len(suffix)] + repl)
    return out


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _conjuncts(tok: Token) -> Iterator[Token]:
    for c in tok.children:
        if c.dep_ == "conj":
            yield c
            yield from _conjuncts(c)


def _phrase(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without its conjuncts, relative clauses and trailing clauses."""
    cut = {"conj", "cc", "relcl", "acl", "advcl", "parataxis"}
    keep: list[Token] = [head]
    # A place phrase on a part noun says where it is, not whose it is ("positions in Iraq").
    part = head.lemma_.lower() in PART_NOUNS
    stack = [
        c
        for c in head.children
        if c.dep_ not in cut
        and not (c.dep_ == "punct" and c.text in SEPARATORS)
        and not (part and c.dep_ == "prep" and c.lower_ in PLACE_PREPS)
    ]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "parataxis"))
    keep.sort(key=lambda t: t.i)
    # Keep the contiguous run around the head: a phrase is a span of text.
    run = [head]
    idx = {t.i for t in keep}
    i = head.i - 1
    while i in idx:
        run.insert(0, head.doc[i])
        i -= 1
    i = head.i + 1
    while i in idx:
        run.append(head.doc[i])
        i += 1
    return run


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _subject_of(verb: Token) -> list[Token]:
    """The subject of ``verb``, inherited along xcomp/conj/advcl chains when it has none."""
    seen = 0
    v: Token | None = verb
    while v is not None and seen < 6:
        seen += 1
        subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            s = subj[0]
            if s.tag_ in ("WDT", "WP") or s.lower_ in ("that", "which", "who"):
                # A relative pronoun stands for the noun the clause modifies.
                return [v.head] if v.dep_ == "relcl" else []
            if s.lower_ in REPORTED_PRONOUNS and v.dep_ == "ccomp" and v.head.pos_ in ("VERB", "AUX"):
                # "Switzerland said it had expelled …": the pronoun of a reported clause is the
                # reporter (news English names the actor in the main clause).
                outer = _subject_of(v.head)
                if outer and outer[0].pos_ != "PRON":
                    return outer
            return [s]
        agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent
        if v.dep_ == "advcl" and v.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in v.children):
            return []  # "Asked if …, Assad said": a past participle adjunct is passive; Assad was asked
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
        elif v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return [v.head]
        else:
            return []
    return []


def _verb_arguments(verb: Token) -> tuple[list[Token], list[Token]]:
    if _is_passive(verb):
        sources = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        targets = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if targets and targets[0].lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            targets = [verb.head]
        return sources, targets
    sources = _subject_of(verb)
    # Candidates in order of preference; the first that names a country wins ("offered its
    # troops to Lebanon's president": the troops are the sender's, Lebanon is the recipient).
    targets = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    targets += _prep_objects(verb, VERB_TARGET_PREPS)
    return sources, targets


def _complement_targets(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "ccomp" or c.dep_ == "xcomp":
            subj = [g for g in c.children if g.dep_ in SUBJECT_DEPS]
            if c.dep_ == "ccomp" and subj:
                out.extend(subj)
            out.extend(g for g in c.children if g.dep_ in OBJECT_DEPS)
            out.extend(_prep_objects(c, ("against", "with", "to", "on", "from")))
    return out


def _prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    order = list(preps)
    found: list[tuple[int, Token]] = []
    # A preposition may hang on a particle ("kidnapped up to 16 advisers").
    prep_tokens = [c for c in tok.children if c.dep_ in ("prep", "dative", "agent")]
    prep_tokens += [g for c in tok.children if c.dep_ == "prt" for g in c.children if g.dep_ == "prep"]
    for c in prep_tokens:
        if c.lower_ in order:
            for g in c.children:
                if g.dep_ == "pobj":
                    found.append((order.index(c.lower_), g))
    found.sort(key=lambda p: p[0])
    return [g for _, g in found]


def _between(trig: _Trigger) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "between" for holder in trig.anchors for c in holder.children)


def _noun_arguments(noun: Token, trig: _Trigger) -> tuple[list[Token], list[Token]]:
    sources = [c for c in noun.children if c.dep_ == "poss"]
    # "strikes by X", then "criticism from Berlin", "aid from Japan": the origin of the act.
    sources += _prep_objects(noun, ("by", "from"))
    # "clashes between X and Y", also when the phrase hangs on the verb the noun is subject of
    # ("clashes erupted … between X and Y").
    between = [
        g
        for holder in [noun, *trig.anchors[1:]]
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ == "between"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # "of" last: the objective genitive of an action noun ("the invasion of South Lebanon").
    targets = _prep_objects(noun, ("against", "on", "upon", "at", "to", "toward", "towards", "with", "of"))
    if between and not sources:
        first = between[0]
        others = list(_conjuncts(first))
        sources = [first]
        if others and not targets:
            targets = [others[0]]
    return sources, targets


def _fold_consequences(triggers: list[_Trigger], by_token: dict[int, _Trigger]) -> None:
    """Fold a consequence ("killed", "targeted") into the attack noun or verb it depends on."""
    for trig in triggers:
        tok = trig.token
        if trig.type != "ASSAULT" or tok.pos_ != "VERB":
            continue
        host: _Trigger | None = None
        subj = _subject_of(tok)
        if subj and subj[0].i in by_token and subj[0].i != tok.i:
            host = by_token[subj[0].i]
        if host is None:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                    for g in c.children:
                        if g.dep_ == "pobj" and g.i in by_token:
                            host = by_token[g.i]
        if host is None and "effect" in trig.cue.flags and tok.dep_ in ("advcl", "conj"):
            if tok.head.i in by_token:
                host = by_token[tok.head.i]
            else:
                # "opened fire …, killing one": the consequence hangs on the attack's light verb.
                host = next(
                    (t for t in triggers if t.governor is not None and t.governor.i == tok.head.i), None
                )
        if host is None or host.type != "ASSAULT" or host is trig:
            if "effect" in trig.cue.flags:
                trig.fatalities = _fatalities(tok) if tok.lemma_.lower() == "kill" else None
            continue
        trig.absorbed = True
        host.merged.append(tok)
        host.anchors.append(tok)
        if tok.lemma_.lower() == "kill":
            host.fatalities = _fatalities(tok)
        # The conjoined attacks of a shared subject ("strikes and rocket attacks have targeted")
        # share the consequence too.
        for conj in _conjuncts(host.token):
            if conj.i in by_token:
                by_token[conj.i].merged.append(tok)
                by_token[conj.i].anchors.append(tok)


def _fatalities(kill: Token) -> int | None:
    victims = (
        [c for c in kill.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if _is_passive(kill)
        else [c for c in kill.children if c.dep_ in OBJECT_DEPS]
    )
    if not victims:
        return None
    low, high = _count(victims[0])
    return low if low is not None else high


def _number(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(tok.lower_)


def _count(noun: Token) -> tuple[int | None, int | None]:
    """The number a noun phrase counts, as a range: "more than 165" → (166, None), "three" → (3, 3)."""
    num_tok = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if num_tok is None:
        # "165 drone strikes": the parser may hang the number on the compound.
        num_tok = next(
            (
                g
                for c in noun.children
                if c.dep_ == "compound" and c.i < noun.i
                for g in c.children
                if g.dep_ == "nummod"
            ),
            None,
        )
    if num_tok is None and noun.like_num:
        num_tok = noun
    if num_tok is None:
        return None, None
    value = _number(num_tok)
    if value is None:
        return None, None
    words = {t.lower_ for t in num_tok.subtree if t.i != num_tok.i}
    words |= {c.lower_ for c in noun.children if c.dep_ in ("quantmod", "advmod")}
    if words & {"more", "over", "above", "exceeding"}:
        return value + 1, None
    if "least" in words:
        return value, None
    if words & {"less", "fewer", "under", "below"}:
        return None, value - 1
    if words & {"most", "nearly", "almost", "up"}:
        return None, value
    return value, value


def _is_anaphoric(trig: _Trigger, history: dict[str, list[Event]]) -> bool:
    """ "these strikes", "the strikes took place": a definite mention of an event already coded."""
    tok = trig.token
    if tok.pos_ != "NOUN" or not history.get(tok.lemma_.lower()):
        return False
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in tok.children)


def _is_negated(trig: _Trigger) -> bool:
    for tok in [trig.token, *([trig.governor] if trig.governor is not None else [])]:
        if any(
            c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("neg", "det", "advmod"))
            for c in tok.children
        ):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NEGATING_GOVERNORS:
            return True
    # "would prohibit all aid", "prevented the demonstration": the object of a verb of stopping.
    tok = trig.token
    if tok.pos_ != "NOUN":
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # "reneged on his commitment"
    return tok.dep_ in OBJECT_DEPS | {"pobj"} and verb.lemma_.lower() in NEGATING_GOVERNORS


#: Verbs that pass their complement's status through: "resumed shelling" is shelling; "tried to
#: hack" is an attempt, which event data codes as the act (the manual: attempted assassinations).
ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "keep", "try", "attempt", "go", "renew"})


def _irrealis(trig: _Trigger) -> str | None:
    """Why the event has not (yet) happened, or None: ``condition`` (an "if" clause), ``modal``
    (will, would, may …), ``intent`` (the complement or object of plan, threaten, demand …),
    ``purpose`` (a bare infinitive: "created to fight"), ``adjective`` ("a planned attack")."""
    tok = trig.token
    clause_verbs = [tok] if tok.pos_ == "VERB" else []
    if trig.governor is not None:
        clause_verbs.append(trig.governor)
    for verb in list(clause_verbs):
        # Climb through aspectual verbs: their own status is the event's ("prepared to resume shelling").
        while (
            verb.dep_ in ("xcomp", "conj")
            and verb.head.lemma_.lower() in ASPECTUAL
            and verb.head not in clause_verbs
        ):
            verb = verb.head
            clause_verbs.append(verb)
    if tok.pos_ == "NOUN":
        realised = (
            trig.governor is not None and trig.governor in trig.anchors
        )  # "mounted its long-threatened invasion"
        if not realised and any(
            c.lower_ in IRREALIS_ADJECTIVES or c.lower_.split("-")[-1] in IRREALIS_ADJECTIVES
            for c in tok.children
            if c.dep_ in ("amod", "compound")
        ):
            return "adjective"
        if tok.dep_ in OBJECT_DEPS | {"pobj"} and tok.head.pos_ == "VERB" and trig.governor is None:
            clause_verbs.append(tok.head)
    for verb in clause_verbs:
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
        ):
            return "condition"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
            return "condition"
        governor = verb.head.lemma_.lower()
        if (verb.dep_ == "xcomp" and governor in IRREALIS_GOVERNORS) or (
            verb.dep_ in ("ccomp", "acl") and governor in MANDATIVE_GOVERNORS
        ):
            # "threatened to strike" (intent), "its demand that Israel ease restrictions" (request);
            # a "that" clause of other verbs ("officials told AFP the army lifted …") is a report.
            return _intent_kind(governor)
        # The object of an intention ("threatened a strike", "called for a ceasefire") is not a fact.
        if verb is not tok and verb.lemma_.lower() in IRREALIS_GOVERNORS:
            return _intent_kind(verb.lemma_.lower())
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS:
                return "obligation"  # "X should reduce its exercises": what someone ought to do
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return "modal"
            if c.dep_ == "aux" and c.lower_ == "to" and c.tag_ == "TO":
                if verb.head.lemma_.lower() in ASPECTUAL:
                    continue
                return "intent" if verb.dep_ == "xcomp" and _has_modal(verb.head) else "purpose"
    return None


def _intent_kind(lemma: str) -> str:
    if lemma in SELF_INTENT_GOVERNORS:
        return "intent"
    return "negated" if lemma in NEGATING_GOVERNORS else "request"


def _governor_lemma(trig: _Trigger) -> str | None:
    tok = trig.governor if trig.governor is not None else trig.token
    while tok.dep_ in ("xcomp", "conj") and tok.head.lemma_.lower() in ASPECTUAL:
        tok = tok.head
    return tok.head.lemma_.lower() if tok.dep_ in ("xcomp", "ccomp", "acl") else tok.lemma_.lower()


def _has_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _is_state_protest(trig: _Trigger, sources: list[Actor]) -> bool:
    """A protest by a state, or in a letter/note, is a diplomatic protest (the manual: ACCUSE)."""
    if trig.carrier is not None and trig.carrier.lemma_.lower() in ("letter", "note", "statement", "message"):
        return True
    if trig.governor is not None and trig.governor.lemma_.lower() in (
        "lodge",
        "file",
        "submit",
        "deliver",
        "send",
    ):
        return True
    for actor in sources:
        parts = (actor.code or "").split()
        if parts and (
            (len(parts) == 1 and len(parts[0]) == 3 and parts[0].isupper())
            or (len(parts) > 1 and parts[1] in STATE_SECTORS)
        ):
            return True
    return False


def _has_country(actor: Actor) -> bool:
    """Whether the actor's code starts with a country or international code, not a bare sector."""
    head = (actor.code or "").split()[0] if actor.code else ""
    return len(head) == 3 and head.isupper() and head not in BARE_SECTORS


def _situate(actor: Actor, location: Location | None, others: list[Actor], ev_type: str) -> Actor:
    """An actor named only by its sector ("police", "the rebels", "protesters") belongs to the
    country where the event took place; a government that represses or is protested against
    at home belongs to the country of the other party ("banned Ugandan opposition candidates")."""
    parts = (actor.code or "").split()
    if len(parts) != 1 or parts[0] not in DOMESTIC_SECTORS:
        return actor
    country = location.country if location is not None and location.country else None
    if country is None and ev_type in DOMESTIC_TYPES:
        country = next(
            ((o.code or "").split()[0] for o in others if _has_country(o) and (o.code or "")[:3].isalpha()),
            None,
        )
    if not country or len(country) != 3 or country in INTERNATIONAL_CODES:
        return actor
    return Actor(actor.name, f"{country} {parts[0]}", actor.affiliation)


def _antecedent_person(doc: Doc, pronoun: Token) -> Actor | None:
    """ "he"/"she": the last coded person named before the pronoun, within the two sentences
    before it (news English names a person, then refers back to them)."""
    sent_start = pronoun.sent.start
    window_start = doc[max(sent_start - 1, 0)].sent.start if sent_start > 0 else 0
    if window_start > 0:
        window_start = doc[window_start - 1].sent.start
    best: Actor | None = None
    for mention in doc._.entities or []:
        if mention.label != "PERSON" or mention.actor is None or not mention.actor.code:
            continue
        if doc[window_start].idx <= mention.start < pronoun.idx:
            best = mention.actor
    return best


def _speaker_actor(tok: Token, quotes: list[Quote]) -> Actor | None:
    for q in quotes:
        if q.start <= tok.idx < q.end and q.speaker is not None and q.speaker.code:
            return Actor(q.speaker.org or q.speaker.name, q.speaker.code)
    return None


def _linked_quote(trig: _Trigger, quotes: list[Quote]) -> str | None:
    tok = trig.token
    start, end = tok.idx, tok.idx + len(tok.text)
    for q in quotes:
        if q.cue is not None and q.cue.start < end and start < q.cue.end:
            return q.id
    # Otherwise the quote must be the act's own complement (what was condemned, denied …), not
    # something said in an adjoining clause.
    for c in tok.children:
        if c.dep_ not in ("ccomp", "dobj", "xcomp", "attr", "parataxis", "obj"):
            continue
        left, right = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
        for q in quotes:
            if left - 1 <= q.start and q.end <= right + 1:
                return q.id
    return None


def _time_index(doc: Doc, times: list[TimeExpression]) -> dict[int, TimeExpression]:
    """Token index of each time expression's syntactic root → the expression."""
    index: dict[int, TimeExpression] = {}
    for t in times:
        if t.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            index[span.root.i] = t
    return index


def _event_date(
    doc: Doc, trig: _Trigger, times: dict[int, TimeExpression], published: str | None
) -> tuple[str | None, DateFrom]:
    anchors = {t.i for t in trig.anchors}
    sent = trig.token.sent
    for root_i, expr in times.items():
        if not sent.start <= root_i < sent.end:
            continue
        tok = doc[root_i]
        for _ in range(8):
            if tok.i in anchors:
                value = _date_value(expr)
                if value:
                    return value, "text"
                break
            if (tok.pos_ in ("VERB", "AUX") and tok.i != root_i) or tok.head.i == tok.i:
                break
            tok = tok.head
    return published, "publication"


def _date_value(expr: TimeExpression) -> str | None:
    value = expr.value or ""
    if len(value) >= 10 and value[:4].isdigit() and value[4] == "-" and value[7] == "-":
        return value[:10]
    if value[:4].isdigit():
        return value
    return None


def _geocode(doc: Doc, tok: Token, depth: int = 0) -> Location | None:
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or ent.label_ not in ("GPE", "LOC", "FAC"):
        if depth > 2:
            return None
        # "the city of Basra", "this jail in northern Israel": the named place inside.
        preps = ("of", *PLACE_PREPS) if tok.lemma_.lower() in PLACE_NOUNS else tuple(PLACE_PREPS)
        for obj in _prep_objects(tok, preps):
            found = _geocode(doc, obj, depth + 1)
            if found is not None:
                return found
        return None
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    place = gazetteer().lookup(name)
    if place is None:
        actor = resolve_span(doc, ent)
        country = (actor.code or "").split()[0] if actor is not None and actor.code else None
        return Location(name=name, country=country) if country and len(country) == 3 else Location(name=name)
    return Location(name=name, country=place.country, lat=place.lat, lon=place.lon, admin1=place.admin1)
