"""Event triggers: the words of a sentence that name a PLOVER event, and the clause each belongs to.

- **Triggers** are verbs and nouns of the cue lexicon (``event_cues.tsv``, written from the PLOVER
  manual's definitions). A *light verb* ("carry out strikes", "submit a letter of protest",
  "initiate discussions") lends its subject, date and place to the event noun it governs; a noun
  of a document or act ("letter of protest") carries the cue noun that follows "of".
- Modifiers refine type and mode ("air raid" → an aerial ASSAULT, "joint exercises" → COOPERATE).
- **Consequences fold into their cause**: "an attack that killed three soldiers", "killed in a
  bombing", "attacked …, killing 156" are one ASSAULT with fatalities.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from storyline.analyze.event_lexicon import LIGHT, REPORT, Cue, CueLexicon
from storyline.analyze.event_syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    conjuncts_of,
    count,
    is_passive,
    prep_objects,
    subject_of,
    verb_lemmas,
)
from storyline.data import load_yaml
from storyline.model import Event

#: Verbs of breaking an agreement ("violated the ceasefire"); see event_words.yml.
BREACH_VERBS = frozenset(load_yaml("event_words.yml")["breach_verbs"])
MOTION_VERBS = frozenset(
    {"return", "go", "come", "travel", "fly", "head", "arrive", "leave", "gather", "meet"}
)
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
#: Adjectives of readiness whose "for"/"to" object is an act their subject means to do.
READINESS_ADJECTIVES = frozenset({"ready", "willing", "prepared", "open", "eager", "keen"})
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


@dataclass(slots=True)
class Trigger:
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


DEONTIC_MODALS = frozenset({"must", "should", "ought"})


def deontic_request(verb: Token, cue: Cue) -> Cue | None:
    """ "X said Y must (should) do Z" is X's request to Y: a reporting verb whose complement
    clause carries a modal of obligation codes as REQUEST."""
    for c in verb.children:
        if c.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ in DEONTIC_MODALS for g in c.children):
            return Cue(cue.lemma, cue.pos, "REQUEST", None, cue.flags)
    return None


def particle_of(lexicon: CueLexicon, verb: Token) -> str | None:
    """The preposition a phrasal light verb takes ("engage in"), or None."""
    for c in verb.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in lexicon.phrasal_particles:
            for lemma in verb_lemmas(verb):
                cue = lexicon.verbs.get((lemma, c.lower_))
                if cue is not None and cue.type == LIGHT:
                    return c.lower_
    return None


def fold_consequences(triggers: list[Trigger], by_token: dict[int, Trigger]) -> None:
    """Fold a consequence ("killed", "targeted") into the attack noun or verb it depends on."""
    for trig in triggers:
        tok = trig.token
        if trig.type != "ASSAULT" or tok.pos_ != "VERB":
            continue
        host: Trigger | None = None
        subj = subject_of(tok)
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
                trig.fatalities = fatalities_of(tok) if tok.lemma_.lower() == "kill" else None
            continue
        trig.absorbed = True
        host.merged.append(tok)
        host.anchors.append(tok)
        if tok.lemma_.lower() == "kill":
            host.fatalities = fatalities_of(tok)
        # The conjoined attacks of a shared subject ("strikes and rocket attacks have targeted")
        # share the consequence too.
        for conj in conjuncts_of(host.token):
            if conj.i in by_token:
                by_token[conj.i].merged.append(tok)
                by_token[conj.i].anchors.append(tok)


def fatalities_of(kill: Token) -> int | None:
    victims = (
        [c for c in kill.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if is_passive(kill)
        else [c for c in kill.children if c.dep_ in OBJECT_DEPS]
    )
    if not victims:
        return None
    low, high = count(victims[0])
    return low if low is not None else high


def is_anaphoric(trig: Trigger, history: dict[str, list[Event]]) -> bool:
    """ "these strikes", "the strikes took place": a definite mention of an event already coded."""
    tok = trig.token
    if tok.pos_ != "NOUN" or not history.get(tok.lemma_.lower()):
        return False
    if _dated(tok):
        return False  # "the attack on the embassy in 1998", "the 1998 attack": another one, dated
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in tok.children)


def _dated(noun: Token) -> bool:
    """Whether the noun's own phrase (modifiers and prepositional phrases) names a date."""
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nummod", "npadvmod", "nmod") and c.ent_type_ == "DATE":
            return True
        if c.dep_ == "prep" and any(t.ent_type_ == "DATE" for t in c.subtree):
            return True
    return False


class TriggerReader:
    """Finds the triggers of a sentence with the cue lexicon."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon

    def find(self, sent: Span) -> list[Trigger]:
        found: list[Trigger] = []
        for tok in sent:
            cue = self.cue(tok)
            if cue is not None and cue.type == REPORT:
                cue = deontic_request(tok, cue)
            if cue is None or cue.type == LIGHT:
                continue
            if tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW"):
                continue
            if tok.pos_ == "VERB" and any(c.dep_ == "det" for c in tok.children):
                continue  # "the wounded", "the dead": a participle used as a noun names people
            if "plural_only" in cue.flags and tok.tag_ != "NNS":
                continue  # "hostilities" are fighting, "hostility to" is an attitude
            trig = Trigger(tok, cue, cue.type, cue.mode)
            self._attach(trig)
            if "light_only" in cue.flags and not (
                trig.governor is not None and self.is_light(trig.governor)
            ):
                continue
            if "light_only" in cue.flags and any(self.is_event_noun(c) for c in conjuncts_of(tok)):
                # "launched artillery, mortar and rocket fire": coordinated words before an event
                # noun are its modifiers, read as conjuncts; the event is the noun's.
                continue
            self._apply_modifiers(trig)
            if trig.mode == "ceasefire" and tok.dep_ in OBJECT_DEPS and tok.head.lemma_.lower() in BREACH_VERBS:
                # "violated the ceasefire": the official CAMEO→PLOVER mapping codes it as ASSAULT (196),
                # done by the verb's subject.
                trig.type, trig.mode, trig.governor = "ASSAULT", None, tok.head
                trig.anchors.append(tok.head)
            found.append(trig)
        return found

    def cue(self, tok: Token) -> Cue | None:
        if tok.pos_ == "VERB":
            return self.verb_cue(tok)
        if tok.pos_ == "NOUN":
            return (
                self.phrase_cue(tok)
                or self.lexicon.noun(tok.lemma_.lower())
                or self.lexicon.noun(tok.lower_)
            )
        return None

    def phrase_cue(self, tok: Token) -> Cue | None:
        """A multiword noun cue headed by ``tok``: "martial law", "emergency rule" (a modifier
        before the head), "state of emergency" (an "of" phrase after it)."""
        options = self.lexicon.noun_phrases.get(tok.lemma_.lower())
        if not options:
            return None
        for word, after_of, cue in options:
            if after_of:
                if any(g.lemma_.lower() == word for g in prep_objects(tok, ("of",))):
                    return cue
            elif any(c.dep_ in ("amod", "compound") and c.lemma_.lower() == word for c in tok.children):
                return cue
        return None

    def verb_cue(self, tok: Token) -> Cue | None:
        # The particle of a phrasal verb is often parsed as an adverb after it ("stepped down",
        # "pulled back"): an adverb right of the verb counts when the lexicon knows it as a particle.
        particles = [
            c.lower_
            for c in tok.children
            if (c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.i > tok.i))
            and c.lower_ in self.lexicon.phrasal_particles
        ]
        # The partner of a shared thing may hang on the thing: "shared evidence with the U.S.".
        particles += [
            g.lower_
            for c in tok.children
            if c.dep_ == "dobj"
            for g in c.children
            if g.dep_ == "prep" and g.lower_ == "with" and g.lower_ in self.lexicon.phrasal_particles
        ]
        for lemma in verb_lemmas(tok):
            cue = self.lexicon.verb(lemma, particles)
            if cue is not None and "intransitive" in cue.flags and any(c.dep_ in ("dobj", "obj") for c in tok.children):
                # "called a debate on whether …": a direct object makes the preposition no particle.
                cue = self.lexicon.verbs.get((lemma, None))
            if cue is not None:
                return cue
        return None

    def is_event_noun(self, tok: Token) -> bool:
        """A noun that names an event by itself ("strikes", "demand"; not "troops")."""
        cue = self.cue(tok) if tok.pos_ == "NOUN" else None
        return cue is not None and cue.type not in (LIGHT, REPORT) and "light_only" not in cue.flags

    def is_light(self, tok: Token) -> bool:
        """A verb that predicates the event noun it governs: light verbs ("carry out strikes") and
        reporting verbs ("announced a ceasefire", "reiterated its demand")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        cue = self.verb_cue(tok)
        return cue is not None and cue.type in (LIGHT, REPORT)

    def _attach(self, trig: Trigger) -> None:
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
            and verb_lemmas(noun.head)[0] in OCCURRENCE_VERBS
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
            and noun.head.lower_ == "in"
            and noun.head.head.pos_ == "VERB"
            and self.is_light(noun.head.head)
            and any(c.dep_ in OBJECT_DEPS and (c.like_num or c.ent_type_ == "MONEY") for c in noun.head.head.children)
        ):
            # "will provide 50 million dollars in emergency aid": an amount given in the act.
            trig.governor = noun.head.head
            trig.anchors.append(trig.governor)
            return
        if (
            noun.dep_ == "pobj"
            and noun.head.head.pos_ == "VERB"
            and noun.head.lower_ == particle_of(self.lexicon, noun.head.head)
        ):
            # "engaged in ethnic cleansing": a light verb with its preposition.
            trig.governor = noun.head.head
            trig.anchors.append(trig.governor)
            return
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ in ("for", "to")
            and noun.head.head.pos_ == "ADJ"
            and noun.head.head.lemma_.lower() in READINESS_ADJECTIVES
            and noun.head.head.head.pos_ in ("VERB", "AUX")
        ):
            # "Libya said it was ready for a cease-fire and negotiations": the copula's subject is
            # the one ready to act.
            trig.governor = noun.head.head.head
            trig.anchors.append(trig.governor)
            return
        if noun.dep_ in PASSIVE_SUBJECT_DEPS and noun.head.pos_ == "VERB" and self.is_light(noun.head):
            # "Food aid was delivered to Gaza by Jordan", "sanctions were imposed on Iran by the EU":
            # the subject of a passive light verb is its object; the "by" phrase is the author.
            trig.governor = noun.head
            trig.anchors.append(noun.head)
            return
        if noun.dep_ in OBJECT_DEPS | {"attr"} and noun.head.pos_ in ("VERB", "AUX"):
            verb = noun.head
            if self.is_light(verb) or self.cue(verb) is None:
                trig.governor = verb
                if self.is_light(verb):
                    trig.anchors.append(verb)

    def _apply_modifiers(self, trig: Trigger) -> None:
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
            if c.dep_ == "prep" and c.lower_ in ("with", "by", "via", "over"):
                words.extend(g for g in c.children if g.dep_ == "pobj")
        if tok.pos_ == "NOUN" and trig.governor is not None and trig.governor in trig.anchors:
            # "held talks by phone": the means of the act may hang on its light verb.
            for c in trig.governor.children:
                if c.dep_ == "prep" and c.lower_ in ("by", "via"):
                    words.extend(g for g in c.children if g.dep_ == "pobj")
        if trig.carrier is not None:
            words.extend(c for c in trig.carrier.children if c.dep_ in ("compound", "amod"))
        if tok.pos_ == "NOUN" and tok.dep_ in OBJECT_DEPS and tok.head.pos_ == "VERB":
            words.append(tok.head)  # "set fire", "opened fire"
        elif tok.pos_ == "NOUN" and trig.governor is not None and trig.governor in trig.anchors:
            words.append(trig.governor)  # "launched drones and missiles": the conjunct's light verb
        # A modifier that changes the type ("joint exercises" are COOPERATE, "air raid" an ASSAULT)
        # decides first; the mode then comes from the modifiers that apply to the resulting type.
        # A word naming who acts ("workers" in "a workers' strike") says nothing as the verb's
        # object: "kidnapped aid workers" is no labour strike.
        objects = {c.i for c in tok.children if tok.pos_ == "VERB" and c.dep_ in OBJECT_DEPS}
        rules_by_word = [
            (w, rule)
            for w in words
            for rule in self.lexicon.modes.get(w.lemma_.lower(), ()) or self.lexicon.modes.get(w.lower_, ())
            if not (rule.agent and w.i in objects)
        ]
        retype = [r for _, r in rules_by_word if r.type and r.applies_to in ("*", trig.type)]
        if retype:
            best = min(retype, key=lambda r: r.rank)
            trig.type, trig.mode = (
                best.type or trig.type,
                best.mode or (trig.mode if best.type == trig.type else None),
            )
        moded = [
            r
            for _, r in rules_by_word
            if r.mode and r.applies_to in ("*", trig.type) and (not r.type or r.type == trig.type)
        ]
        if moded:
            trig.mode = min(moded, key=lambda r: r.rank).mode

