"""The storyline_events component: PLOVER events read from the dependency parse.

Writes ``doc._.events`` (:class:`~storyline.model.Event`, ids ``e1``, ``e2`` … in text order).
It runs after times, actors and quotes, and reads what they wrote. The work is shared out:

- :mod:`~storyline.analyze.event_triggers`: the words that name events, light verbs, carrier
  nouns, consequences folded into their cause;
- :mod:`~storyline.analyze.event_arguments`: source, target and place from the parse;
- :mod:`~storyline.analyze.event_status`: negated, hypothetical, background; the event's date;
- :mod:`~storyline.analyze.event_syntax`: the clause and phrase structure they all read.

This module decides the event itself: the type adjustments the PLOVER manual asks for (a declared
ceasefire is a CONCEDE, an announced attack a THREATEN, a state's protest an ACCUSE), one event
per source, target and place (coordinated actors make dyads), and the record.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.analyze import extensions
from storyline.analyze.actors import lexicon_of
from storyline.analyze.event_arguments import (
    AIMING_VERBS,
    DOMESTIC_SECTORS,
    INTERNATIONAL_CODES,
    POLICE_SECTORS,
    STATE_SECTORS,
    ArgumentReader,
    country_mentions,
    dateline_country,
    has_country,
    situate,
    unowned_places,
)
from storyline.analyze.event_lexicon import REPORT, CueLexicon, build_cue_lexicon
from storyline.analyze.event_status import (
    CLAIM_NOUNS,
    PREPARATION_GOVERNORS,
    event_date,
    governor_lemma,
    irrealis_kind,
    is_negated,
    linked_quote,
    time_index,
)
from storyline.analyze.event_syntax import (
    MODALS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    conjuncts_of,
    count,
    is_passive,
    prep_objects,
    reduced_relative,
    subject_of,
    token_at,
)
from storyline.analyze.event_triggers import (
    DEONTIC_MODALS,
    Trigger,
    TriggerReader,
    fold_consequences,
    is_anaphoric,
)
from storyline.analyze.geo import gazetteer
from storyline.data import load_yaml
from storyline.model import Actor, Event, Location, Quote, TimeExpression

#: Material acts that take effect where they happen: with no party named, the place's country is
#: the target (see :func:`place_target`).
PLACE_AFFECTED_TYPES = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "CONCEDE", "RETREAT", "AID", "MOBILIZE", "COOPERATE"}
)
_WORDS = load_yaml("event_words.yml")  # the vocabularies below, documented in the file
#: Verbs that stop or forbid an exchange; with a cooperative act as their object they make a
#: SANCTION (the manual's "discontinue": curtail, break or terminate exchanges).
STOPPING_VERBS = frozenset(_WORDS["stopping_verbs"])
#: Verbs that end or relax a restriction; with a restrictive act as their object they make a
#: CONCEDE (the manual: easing of administrative or legal restrictions, removing curfews).
EASING_VERBS = frozenset(_WORDS["easing_verbs"])
#: Restrictive acts whose ending is a CONCEDE.
RESTRICTIVE_TYPES = frozenset({"COERCE", "SANCTION"})
#: Cooperative acts whose stopping is a SANCTION.
STOPPABLE_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT"})
EXPRESSED_BY_ACTION = frozenset({"PROTEST", "REQUEST"})
WORK_STOPPAGE_NOUNS = frozenset(_WORDS["work_stoppage_nouns"])
#: Where a demonstration is held at an institution ("outside the embassy", "in front of parliament").
PROTEST_SITE_PREPS = ("outside", "at", "near")
#: Acts of blocking passage: by civilians a protest, by a state a restriction.
OBSTRUCTION_LEMMAS = frozenset(_WORDS["obstruction_lemmas"])
DEFEAT_LEMMAS = frozenset(_WORDS["defeat_lemmas"])
PROPOSAL_NOUNS = frozenset(_WORDS["proposal_nouns"])
CONDITION_NOUNS = frozenset(_WORDS["condition_nouns"])
RAISED_QUANTITIES = frozenset(_WORDS["raised_quantities"])
SHELTER_NOUNS = frozenset(_WORDS["shelter_nouns"])
CAUTION_NOUNS = frozenset(_WORDS["caution_nouns"])
MARKETING_OBJECTS = frozenset(_WORDS["marketing_objects"])
FORCE_OBJECTS = frozenset(_WORDS["force_objects"])
ENDANGERED_GOODS = frozenset(_WORDS["endangered_goods"])
POLITICAL_FUNDING_WORDS = frozenset(_WORDS["political_funding_words"])
RELIEF_WORDS = frozenset(_WORDS["relief_words"])
#: Words of giving money that, in a political campaign, are campaign finance, not aid.
DONATION_LEMMAS = frozenset({"donation", "donate", "contribution", "contribute", "donor"})
#: Verbs of having or getting support ("has support from", "won backing among").
RECEIVING_VERBS = frozenset({"have", "get", "win", "receive", "gain", "enjoy", "draw", "attract", "garner", "command"})
#: What one is charged in money: "charged a fee" bills, it accuses no one.
PRICE_NOUNS = frozenset({"fee", "price", "rate", "cost", "interest", "rent", "premium", "toll", "tuition", "dollar"})
#: People one employs, whom one "fires" ("fired his campaign manager").
STAFF_NOUNS = frozenset({"manager", "director", "chief", "head", "employee", "staff", "staffer", "aide", "adviser",
                         "advisor", "coach", "worker", "executive", "official", "secretary", "chairman", "editor"})
#: What is "captured" or "occupied" besides places and people ("the allegiance of voters", "a tier").
ABSTRACT_PRIZES = frozenset(_WORDS["abstract_prizes"])
#: "Thank God": no one is thanked.
DEITY_NOUNS = frozenset({"god", "goodness", "heaven", "heavens", "lord", "allah"})
#: Verbs and adjectives of the reach of a candidate's "appeal" ("broadening his appeal", "a broad appeal").
APPEAL_REACH = frozenset(_WORDS["appeal_reach"])
#: Words that make a "call" a briefing or a conversation ("press call", "conference call").
BRIEFING_WORDS = frozenset({"press", "conference", "earnings", "media", "roll", "campaign", "investor", "sales"})
#: Adjectives of a contest fought in words or in court ("a legal battle", "a political fight").
NONVIOLENT_CONTESTS = frozenset(
    {"legal", "court", "courtroom", "judicial", "political", "verbal", "diplomatic", "electoral", "rhetorical",
     "procedural", "legislative", "partisan", "budget", "custody", "copyright", "patent", "public"}
)
#: What is fired besides weapons ("fired shots", "fired a volley").
FIRED_NOUNS = frozenset({"shot", "round", "volley", "gun", "weapon", "cannon", "flare", "canister", "gas", "bullet"})
#: Verbs of endangering: with a thing as their subject ("the rise of terrorism threatens …") no threat.
ENDANGERING_LEMMAS = frozenset({"threaten", "endanger", "menace", "imperil", "jeopardize", "jeopardise"})
CIVILIAN_SECTORS = frozenset({"LAB", "CVL", "EDU", "AGR", "OPP", "REF", "SOC"})
#: Sectors whose "strike" is a work stoppage: civilians and professions that bear no arms.
STRIKING_SECTORS = CIVILIAN_SECTORS | frozenset({"MED", "JRN", "BUS", "LAB"})
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
#: The verbs in this set report a consequence and fold into the attack they depend on.
EFFECT_TYPES = frozenset({"ASSAULT"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: Conflictual acts: declining one of them is no REJECT ("declined to criticize the governor").
HOSTILE_TYPES = frozenset({"ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
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


class EventCoder:
    """Codes PLOVER events from each sentence's dependency parse."""

    def __init__(self, nlp: Language, name: str, cues: Sequence[str] = (), modes: Sequence[str] = ()) -> None:
        extensions.register()
        self.name = name
        self.lexicon: CueLexicon = build_cue_lexicon(tuple(cues), tuple(modes))
        self.triggers = TriggerReader(self.lexicon)
        self.arguments = ArgumentReader(self.triggers)

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = []
        published = doc._.published
        times = time_index(doc, doc._.times or [])
        quotes: list[Quote] = list(doc._.quotes or [])
        history: dict[str, list[Event]] = {}
        filed_in = dateline_country(doc)
        for sent in doc.sents:
            try:
                coded = self._code_sentence(doc, sent, times, quotes, published, history, filed_in)
            except Exception:
                # One sentence the rules cannot read costs only its own events; with
                # STORYLINE_STRICT set (the test suite sets it) the error is raised instead.
                if os.environ.get("STORYLINE_STRICT"):
                    raise
                continue
            events.extend(coded)
        events.sort(key=lambda e: (e.start, e.end))
        for n, event in enumerate(events, 1):
            event.id = f"e{n}"
        doc._.events = events
        return doc

    def _code_sentence(
        self,
        doc: Doc,
        sent: Span,
        times: dict[int, TimeExpression],
        quotes: list[Quote],
        published: str | None,
        history: dict[str, list[Event]],
        filed_in: str | None = None,
    ) -> list[Event]:
        triggers = self.triggers.find(sent)
        if not triggers:
            return []
        by_token = {t.token.i: t for t in triggers}
        fold_consequences(triggers, by_token)
        fold_aiming(triggers, by_token)
        fold_same_act(triggers, by_token)
        out: list[Event] = []
        for trig in triggers:
            if trig.absorbed or is_anaphoric(trig, history):
                continue
            out.extend(self._events_for(doc, sent, trig, times, quotes, published, history, filed_in))
        if not _attackers_named([*(e for events in history.values() for e in events), *out]):
            for event in out:
                if event.type == "ASSAULT" and event.source is None and not (event.negated or event.hypothetical):
                    event.source = unidentified_attackers(event.location)
        for event in out:
            history.setdefault(doc[token_at(doc, event.start)].lemma_.lower(), []).append(event)
        return out

    def _is_act(self, trig: Trigger) -> bool:
        """Whether a verb cue is used as the act it names (see the flags in event_cues.tsv): "sought to
        keep pressure" is an aim, "asked what he thought" a question, "declined to comment" silence,
        "cut output" no sanction."""
        tok, flags = trig.token, trig.cue.flags
        children = list(tok.children)
        if "no_infinitive" in flags and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in children
        ):
            return False
        if "no_comment" in flags and any(
            c.dep_ == "xcomp"
            and c.lemma_.lower() in COMMENT_VERBS
            # "refused to respond to a demand", "refused to talk with Israel", "declined to discuss the
            # proposal" reject a party or an act
            and not any(
                (g.dep_ == "prep" and g.lower_ in ("to", "with"))
                or (g.dep_ in OBJECT_DEPS and self.triggers.is_event_noun(g))
                for g in c.children
            )
            for c in children
        ):
            return False
        if "no_comment" in flags and any(
            c.dep_ == "xcomp" and (cue := self.triggers.cue(c)) is not None and cue.type in HOSTILE_TYPES
            for c in children
        ):
            # "declined to threaten Moscow", "refused to criticize Trump": holding back a hostile act
            # rejects no one's proposal (the act itself is coded, negated).
            return False
        if "no_question" in flags and quotes_a_question(tok):
            return False
        if "no_question" in flags and any(
            (c.dep_ == "prep" and c.lower_ == "about")
            or (c.dep_ in OBJECT_DEPS and c.lemma_.lower() == "question")
            or (
                c.dep_ == "ccomp"
                and any(
                    g.tag_ in ("WDT", "WP", "WRB", "WP$") or (g.dep_ == "mark" and g.lower_ in ("whether", "if"))
                    for g in c.children
                    if g.i < c.i
                )
            )
            for c in children
        ):
            return False
        if "event_object" in flags and not any(
            c.dep_ in ("dative", "iobj", "xcomp")
            or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children))
            or (c.dep_ == "prep" and c.lower_ == "to")  # "committed to talks", "offered to Egypt"
            or (
                c.dep_ in OBJECT_DEPS
                and (
                    self._names_event(c)
                    or c.like_num
                    or c.ent_type_ in ("MONEY", "QUANTITY")
                    or c.lemma_.lower() in REFUGE_NOUNS  # "sought refuge in Germany"
                    or c.lemma_.lower() in ACCEPTED_OBJECTS  # "accepted the terms"
                )
            )
            or (c.dep_ in OBJECT_DEPS and any(g.dep_ == "nummod" or g.ent_type_ == "MONEY" for g in c.children))
            for c in children
        ):
            return False
        if "no_object" in flags and any(c.dep_ in ("dobj", "obj", "ccomp") for c in children):
            return False
        if "remote_only" in flags and not any(
            g.lemma_.lower() in REMOTE_MEDIA for c in children if c.dep_ == "prep" for g in c.children
        ):
            return False
        if tok.lemma_.lower() == "plead" and any(c.lemma_.lower() in ("guilty", "innocent") for c in children):
            return False  # "pleaded guilty": a plea in court, not a request
        if (
            tok.lemma_.lower() == "agree"
            and tok.tag_ in ("VBP", "VBZ")
            and not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in children)
        ):
            # "we agree on this point", "generally agree that taxes should rise": a shared opinion,
            # not an agreement reached ("agreed on a ceasefire", "agree to hold talks").
            return False
        # "withdrew his support", "withdrew its aid": the manual codes the withdrawal of aid or
        # support as a SANCTION, coded on the noun (see stopping_verb).
        return not (
            trig.type == "RETREAT"
            and any(
                c.dep_ in OBJECT_DEPS and (cue := self.triggers.cue(c)) is not None and cue.type in STOPPABLE_TYPES
                for c in children
            )
        )

    def _predicted_by_others(
        self, doc: Doc, trig: Trigger, sources: list[Actor], history: dict[str, list[Event]], quotes: list[Quote]
    ) -> bool:
        """Whether a future act is what someone else expects or believes the doer will do ("analysts
        expect Russia to attack", "Clinton is confident that Sanders supporters will back her"): a
        prediction, not the doer's promise or threat ("Lavrov believes Russia will respond" is Russia's;
        "the embassy said the minister will visit" announces a plan)."""
        clause = trig.token if trig.token.pos_ == "VERB" else trig.governor
        if clause is None or clause.dep_ not in ("ccomp", "acl") or not sources:
            return False
        head = clause.head
        if head.lemma_.lower() not in PREDICTION_WORDS:
            return False  # "the embassy said the minister will visit": an announcement of a plan
        holder = head if head.pos_ in ("VERB", "AUX") else (head.head if head.dep_ in OBJECT_DEPS else None)
        if holder is None or holder.pos_ not in ("VERB", "AUX"):
            return True
        sayers = self.arguments.actors(doc, subject_of(holder), history, quotes)
        own = {(a.code or "-").split()[0] for a in sources if has_country(a)}
        theirs = {(a.code or "-").split()[0] for a in sayers if has_country(a)}
        return not (own & theirs)

    def _figurative(
        self, doc: Doc, trig: Trigger, history: dict[str, list[Event]], quotes: list[Quote]
    ) -> bool:
        """Whether a verb cue is used in a sense that is no event of its type, read from its
        arguments; "kill"/"torpedo" a proposal is recoded as its rejection (REJECT) on ``trig``."""
        tok, lemma = trig.token, trig.token.lemma_.lower()
        objects = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
        obj = objects[0].lemma_.lower() if objects else None
        if trig.type == "ASSAULT" and lemma in DEFEAT_LEMMAS and obj in PROPOSAL_NOUNS:
            # "tried to kill the resolution", "torpedoed the deal": defeating a proposal rejects it.
            trig.type, trig.mode = "REJECT", None
            return False
        settled = objects[:1] or ([tok.head] if tok.dep_ == "relcl" else [])
        if (
            trig.type == "ASSAULT"
            and lemma == "strike"
            and settled
            and (cue := self.triggers.cue(settled[0])) is not None
            and cue.type == "AGREE"
        ):
            trig.type, trig.mode = "AGREE", None  # "struck a deal with", "an agreement she had struck": agreed
            return False
        courted = [c for o in objects[:1] for c in [o, *conjuncts_of(o)] if c.lemma_.lower() in MARKETING_OBJECTS]
        if trig.type == "ASSAULT" and lemma == "target" and courted:
            # "is targeting black voters": an attack on people needs a weapon, an armed party or
            # violence around; otherwise they are courted.
            subjects = [a for s in subject_of(tok) if (a := self.arguments.actor(doc, s, history, quotes))]
            return impact_weapon(tok) is None and not _violent_context(tok) and not any(
                _sector_of(a) in ARMED_SECTORS for a in subjects
            )
        if (
            trig.type == "ASSAULT"
            and lemma in CONTEST_LEMMAS
            and not objects
            and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children)
            and not _violent_context(tok)
        ):
            # "battled back to finish second", "fought back in the polls": a comeback, unless an armed
            # party is in it ("soldiers fought back against the gunmen").
            parties = [*subject_of(tok), *prep_objects(tok, ("against", "with"))]
            actors = [a for p in parties if (a := self.arguments.actor(doc, p, history, quotes)) is not None]
            return not any(_sector_of(a) in ARMED_SECTORS for a in actors)
        if trig.type == "ASSAULT" and lemma in ("fire", "shoot"):
            subjects = [a for s in subject_of(tok) if (a := self.arguments.actor(doc, s, history, quotes))]
            armed = any(_sector_of(a) in ARMED_SECTORS or _is_country(a) for a in subjects) or _violent_context(tok)
            weapon = any(o.lemma_.lower() in IMPACT_SUBJECTS | FIRED_NOUNS for o in objects)
            aimed = [o for o in prep_objects(tok, ("at", "on", "upon", "into")) if o.ent_type_ not in ("DATE", "TIME")]
            if lemma == "fire" and objects and not weapon and not aimed and (
                objects[0].pos_ == "PRON"
                or objects[0].lemma_.lower() in STAFF_NOUNS
                or self.arguments.actor(doc, objects[0], history, quotes) is not None
            ):
                return True  # "fired his campaign manager": dismissed him
            if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children) and not (armed or weapon):
                # "Trump fired back with a statement", "fired back at her critics", "Trump shot back": a retort.
                trig.type, trig.mode = "ACCUSE", "disapprove"
            return False
        if trig.type == "MOBILIZE" and objects and not self._names_forces(doc, objects[0], history, quotes):
            return True  # "reinforces all the negative attributes", "deployed a new strategy": no forces moved
        if lemma in ("seize", "occupy", "capture", "grab", "take") and obj in ABSTRACT_PRIZES:
            return True  # "captured the allegiance of young voters", "occupied a third tier": no place or person
        if lemma == "recall" and (
            any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
            or (objects and objects[0].tag_ == "VBG")
            or (objects and objects[0].pos_ == "PRON" and objects[0].lower_ in ("what", "how"))
            or (objects and self._names_event(objects[0]))
        ):
            # "recalled that Trump sent an attorney", "recalling the meeting in Geneva": remembered, no envoy recalled
            return True
        if trig.type == "ACCUSE" and lemma == "charge" and any(
            t.ent_type_ == "MONEY" or t.lemma_.lower() in PRICE_NOUNS
            for c in tok.children
            if c.dep_ in (*OBJECT_DEPS, "dative", "npadvmod")
            for t in c.subtree
        ):
            return True  # "charged the campaign $3.7 million", "charges a fee": a bill, no accusation
        if trig.type == "REQUEST" and lemma == "appeal" and not any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children
        ) and any(o.lemma_.lower() in MARKETING_OBJECTS for o in prep_objects(tok, ("to",))):
            return True  # "appealing to the nation's electorate": courting voters, asking nothing of anyone
        if lemma == "back" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "up" for c in tok.children) and any(
            (o.pos_ == "PRON" and o.lower_ in ("it", "this", "that")) or o.lemma_.lower() in CLAIM_NOUNS
            for o in objects
        ):
            return True  # "the record to back it up", "backed up his claim": supports a statement, no party
        if lemma == "welcome" and not objects and prep_objects(tok, ("to",)):
            return True  # "being welcoming to refugees": hospitable, an attitude; no one was received
        if lemma == "oppose" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ == "as" and c.i < tok.i for c in tok.children
        ):
            return True  # "Southern as opposed to Northern Europeans": a contrast, no one rejected
        if trig.type == "REQUEST" and lemma == "call" and any(c.dep_ == "oprd" for c in tok.children):
            return True  # "has been called the Trump of the East for his statements": a name given, nothing asked
        if trig.type == "REJECT" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() == "follow" and any(g.lower_ == "suit" for g in c.children)
            for c in tok.children
        ):
            return True  # "declined to follow suit": not doing as others did refuses no one's proposal
        if trig.type == "REJECT" and lemma == "decline" and obj in ("comment", "interview"):
            return True  # "declined comment": no one's proposal refused
        if trig.type == "AGREE" and lemma == "agree" and not objects and any(
            c.dep_ == "ccomp"
            and c.lemma_ in ("be", "have")
            and not any(g.dep_ == "aux" and g.lower_ in MODALS for g in c.children)
            for c in tok.children
        ):
            return True  # "most Republicans agreed they had no recourse": an opinion shared, no agreement to act
        if lemma == "thank" and obj in DEITY_NOUNS:
            return True  # "Thank God, I am healthy": an exclamation
        if trig.type == "REJECT" and lemma == "decline" and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            # "Trade declined 40 percent": a fall in an amount, no refusal.
            return any(t.like_num or t.lower_ in ("percent", "%", "sharply", "slightly") for t in tok.subtree)
        if trig.type == "RETREAT":
            # "pull out of its slump", "withdrew from the race": a state of affairs is no territory,
            # body or agreement one leaves.
            holders = [tok, *(c for c in tok.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "out"))]
            left = [o for h in holders for o in prep_objects(h, ("of", "from"))]
            return bool(left) and all(o.lemma_.lower() in CONDITION_NOUNS for o in left)
        if trig.type == "CONCEDE" and lemma in ("lift", "raise") and obj in RAISED_QUANTITIES:
            return True  # "lift the retirement age": raise it, no easing of a restriction
        if trig.type == "REQUEST" and lemma == "seek" and obj in SHELTER_NOUNS:
            return True  # "urged people to seek shelter": cover from danger, asked of no one
        if (
            trig.type == "THREATEN"
            and lemma in ENDANGERING_LEMMAS
            and objects
            and objects[0].lemma_.lower() in ENDANGERED_GOODS
            and not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "with") for c in tok.children)
        ):
            return True  # "threatened women's privacy", "threatens our way of life": endangers a good, threatens no one
        if trig.type == "THREATEN" and lemma in ENDANGERING_LEMMAS:
            # "the rise of terrorism threatens the way of life": a thing that endangers threatens no one.
            things = [c for c in tok.children if c.dep_ == "nsubj"]
            return bool(things) and things[0].pos_ == "NOUN" and (
                things[0].lemma_.lower() not in GROUP_NOUNS
                and self.arguments.actor(doc, things[0], history, quotes) is None
            )
        if trig.type == "THREATEN" and lemma in ("warn", "caution"):
            # "warned of the peril to allied aircraft": a caution about a danger, not a threat.
            if any(
                c.dep_ == "ccomp"
                and any(g.dep_ == "nsubjpass" for g in c.children)
                and self.triggers.verb_cue(c) is None
                for c in tok.children
            ):
                return True  # "warning that North Korea is run by a lunatic": a judgement of a state of affairs
            about = prep_objects(tok, ("of", "about", "against"))
            return bool(about) and about[0].lemma_.lower() in CAUTION_NOUNS and not any(
                c.dep_ in ("ccomp", "xcomp") for c in tok.children
            )
        return False

    def _names_forces(self, doc: Doc, obj: Token, history: dict[str, list[Event]], quotes: list[Quote]) -> bool:
        """Whether the object of a verb of mobilization names forces, arms or positions ("reinforced its
        positions", "deployed 5,000", "mobilized the National Guard"), or armed actors."""
        if obj.lemma_.lower() in FORCE_OBJECTS | IMPACT_SUBJECTS or obj.like_num or obj.ent_type_ in ("CARDINAL",):
            return True
        if any(c.dep_ == "compound" and c.lemma_.lower() in FORCE_OBJECTS for c in obj.children):
            return True
        actor = self.arguments.actor(doc, obj, history, quotes)
        return actor is not None and (_sector_of(actor) in ARMED_SECTORS or _is_country(actor))

    def _names_event(self, noun: Token, depth: int = 0) -> bool:
        """Whether a noun phrase names an act: an event noun, or one compounded with it or after "of"
        ("aid deliveries", "mediation efforts", "part of a military aid program")."""
        if self.triggers.cue(noun) is not None:
            return True
        if any(c.dep_ == "compound" and self.triggers.cue(c) is not None for c in noun.children):
            return True
        return depth < 2 and any(self._names_event(o, depth + 1) for o in prep_objects(noun, ("of",)))

    def _weapon_mode(self, weapon: Token) -> str | None:
        """The ASSAULT mode a weapon names ("missile" → heavy-weapons, "drone" → drone)."""
        for word in (weapon.lemma_.lower(), weapon.lower_):
            rules = [r for r in self.lexicon.modes.get(word, ()) if r.applies_to in ("*", "ASSAULT") and r.mode]
            rules = [r for r in rules if r.type in (None, "ASSAULT")]
            if rules:
                return min(rules, key=lambda r: r.rank).mode
        cue = self.triggers.cue(weapon) if weapon.pos_ == "NOUN" else None
        return cue.mode if cue is not None and cue.type == "ASSAULT" else None

    @staticmethod
    def _reciprocal(trig: Trigger, ev_type: str) -> bool:
        """Whether the act is one coordinated subjects do to each other (see event_words.yml)."""
        lemmas = {trig.token.lemma_.lower()}
        if trig.governor is not None:
            lemmas.add(trig.governor.lemma_.lower())  # "signed a ceasefire"
        return ev_type in RECIPROCAL_TYPES or bool(lemmas & RECIPROCAL_LEMMAS)

    def _events_for(
        self,
        doc: Doc,
        sent: Span,
        trig: Trigger,
        times: dict[int, TimeExpression],
        quotes: list[Quote],
        published: str | None,
        history: dict[str, list[Event]],
        filed_in: str | None = None,
    ) -> list[Event]:
        """The events of one trigger; ``filed_in``: the country of the document's dateline."""
        tok = trig.token
        if tok.pos_ == "VERB" and not self._is_act(trig):
            return []
        if trig.type == "AGREE" and tok.pos_ == "VERB" and any(
            c.dep_ == "xcomp" and (cue := self.triggers.cue(c)) is not None and FUTURE_AS.get(cue.type) == "THREATEN"
            for c in tok.children
        ):
            # "promised to fight to the death", "vowed to attack": the promise of force is a threat,
            # coded on the act it announces.
            return []
        if (
            "transitive" in trig.cue.flags
            and tok.pos_ == "VERB"
            and not any(
                c.dep_ in OBJECT_DEPS | {"xcomp", "nsubjpass"}
                or (c.dep_ == "prep" and c.lower_ not in PHRASAL_PREPS)
                # a speech act's content may be a "that" clause ("promised that troops would leave")
                or (c.dep_ == "ccomp" and "speech" in trig.cue.flags and c.i > tok.i)
                for c in tok.children
            )
        ):
            # "he defended", "would sign into Skype", "I promise.": no object, no act on anyone
            return []
        alternative = next(
            (f.split("=", 1)[1] for f in trig.cue.flags if f.startswith("actor_object=")), None
        )
        if alternative and tok.pos_ == "VERB":
            # The object, or in the passive the subject ("the decision was welcomed by Kyiv"); an act
            # is no actor ("welcomed the release of the prisoners" approves of the release).
            objects = (
                [c for c in tok.children if c.dep_ in OBJECT_DEPS]
                or [c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
                or ([tok.head] if reduced_relative(tok) else [])  # "notes released Monday"
            )
            if objects and (
                self.triggers.is_event_noun(objects[0])
                or self.arguments.actor(doc, objects[0], history, quotes) is None
                # "FBI notes released Monday": a thing named by its owner is still a thing
                or (
                    objects[0].pos_ == "NOUN"
                    and objects[0].lemma_.lower() not in GROUP_NOUNS
                    and not lexicon_of(doc).names_people(objects[0])
                )
            ):
                if alternative == "NONE":
                    return []  # "released notes", "freed funds": no one was released
                trig.type, trig.mode = alternative, None
        if trig.mode == "release" and tok.pos_ == "NOUN" and any(
            o.pos_ == "NOUN" and not lexicon_of(doc).names_people(o) and not self.triggers.is_event_noun(o)
            for o in prep_objects(tok, ("of",))
        ):
            return []  # "the release of frozen assets": no one is freed
        if tok.pos_ == "VERB" and self._figurative(doc, trig, history, quotes):
            return []
        if tok.pos_ == "NOUN" and trig.type == "REQUEST" and tok.lemma_.lower() == "appeal" and _appeal_as_charm(tok):
            return []
        if (
            tok.pos_ == "NOUN"
            and trig.type == "REQUEST"
            and tok.lemma_.lower() == "call"
            and any(c.dep_ == "compound" and c.lower_ in BRIEFING_WORDS for c in tok.children)
        ):
            return []  # "during a press call with reporters", "a conference call": a briefing, no request
        if (
            tok.pos_ == "NOUN"
            and trig.type == "CONSULT"
            and any(
                (cue := self.triggers.cue(o)) is not None and cue.type == "CONSULT"
                for o in prep_objects(tok, ("at", "during", "in"))
            )
        ):
            return []  # "a discussion at the committee meeting": the meeting is the consultation, coded once
        if tok.pos_ == "NOUN" and trig.type == "ACCUSE" and tok.lemma_.lower() == "hearing" and not _inquiry(tok):
            return []  # "a committee hearing", "a hearing on the nomination": a session, no inquiry
        sources, targets = self.arguments.sources_targets(doc, trig, history, quotes)
        if (
            trig.type == "SUPPORT"
            and tok.pos_ == "NOUN"
            and tok.dep_ in OBJECT_DEPS
            and tok.head.lemma_.lower() in RECEIVING_VERBS
            and (givers := prep_objects(tok, ("from", "among")))
        ):
            # "Clinton has support from 52 percent of voters", "Sanders has backing from 33 percent":
            # those it comes from give it, and the one who has it receives it.
            backers = [a for g in givers if (a := self.arguments.actor(doc, g, history, quotes)) is not None]
            receivers = self.arguments.actors(doc, subject_of(tok.head), history, quotes)
            if receivers:
                sources, targets = backers, receivers
        easer = stopping_verb(trig, EASING_VERBS) if trig.type in RESTRICTIVE_TYPES else None
        if easer is not None and self.triggers.verb_cue(easer) is not None:
            return []  # "lifted sanctions", "eased its blockade": the verb codes the concession
        stopper = stopping_verb(trig, STOPPING_VERBS) if trig.type in STOPPABLE_TYPES else easer
        if stopper is not None and (self.triggers.verb_cue(stopper) or trig.cue).type == "SANCTION":
            return []  # "suspended its aid": the verb is the SANCTION, coded on its own
        if stopper is not None:
            # "ended mediation efforts", "suspended aid", "would prohibit all aid": stopping a
            # cooperative exchange is a SANCTION (the manual: discontinue), done by the stopper.
            stoppers = self.arguments.actors(doc, subject_of(stopper), history, quotes)
            sources = stoppers or sources
        if trig.cue.type in EFFECT_TYPES and "effect" in trig.cue.flags and not sources and not targets:
            return []
        if not sources and not targets and trig.type == "PROTEST":
            # "Protests erupted in Tbilisi", "sparking protests in Dakar": a demonstration no one is
            # named for is by the people of the place (as an unnamed attacker is "unidentified").
            sources = [a for a in [unnamed_protesters(self.arguments.location(doc, trig))] if a is not None]
        if not any(a is not None and a.code for a in [*sources, *targets]):
            return []  # PLOVER codes events between actors: with none known there is nothing to code
        ev_type, mode = trig.type, trig.mode
        if easer is not None:
            # "cancelled restrictions", "ended the curfew": the manual's CONCEDE (easing of
            # administrative or legal restrictions, removing curfews).
            ev_type, mode = "CONCEDE", "ease"
        elif stopper is not None:
            ev_type, mode = "SANCTION", "discontinue"
        if (
            ev_type == "RETREAT"
            and mode != "resign"  # "announced his resignation" resigns
            and trig.governor is not None
            and (self.triggers.verb_cue(trig.governor) or trig.cue).type == REPORT
        ):
            # The manual: declarations (not implementations) of ceasefires and withdrawals are CONCEDE.
            ev_type, mode = "CONCEDE", None
        if (
            ev_type == "ASSAULT"
            and tok.lemma_.lower() in WORK_STOPPAGE_NOUNS
            and (on_strike(tok) or any((a.code or "-").split()[-1] in STRIKING_SECTORS for a in sources))
        ):
            # Workers, students, doctors or farmers do not carry out air strikes: theirs is a labour
            # strike; so is one anyone "went on" or "is on" (a bare noun after "on").
            ev_type, mode = "PROTEST", "strike"
        if ev_type == "ASSAULT" and "impact" in trig.cue.flags and tok.pos_ == "VERB":
            # "a missile struck a hospital", "Israel hit targets in Gaza" are attacks; "sanctions hit
            # the economy", "the storm struck" are not; "hit the senator over her emails" is a verbal attack.
            weapon = impact_weapon(tok)
            if (
                weapon is None
                and not any(_sector_of(a) in ARMED_SECTORS or _is_country(a) for a in sources)
                and not _violent_context(tok)
            ):
                if not (targets and sources and all(_sector_of(a) in DELIBERATIVE_SECTORS for a in sources)):
                    return []
                if tok.lemma_.lower() in VICTORY_LEMMAS:
                    return []  # "Clinton beat the senator by 18 points": a contest won, no attack in words
                ev_type, mode = "ACCUSE", "disapprove"
            elif weapon is not None and mode is None:
                mode = self._weapon_mode(weapon)
        if ev_type == "ASSAULT" and mode is None and (
            (tok.lemma_.lower() in CONTEST_LEMMAS and verbal_dispute(trig, sources, targets))
            or ("verbal" in trig.cue.flags and verbal_attack(trig, sources, targets))
            or (
                # "a legal battle with Nunberg", "a political fight": the adjective says it is no armed one
                tok.lemma_.lower() in CONTEST_LEMMAS
                and any(c.dep_ == "amod" and c.lemma_.lower() in NONVIOLENT_CONTESTS for c in tok.children)
            )
        ):
            # "diplomats clashed over the budget", "Democrats fought the bill", "the senator attacked
            # the governor's record": a dispute in words.
            if not targets and len(sources) < 2:
                return []
            ev_type, mode = "ACCUSE", "disapprove"
        if mode in ("martial-law", "curfew") and any(t.lemma_.lower() in DISASTER_NOUNS for t in sent):
            # The manual: a state of emergency over a disaster is no repression.
            return []
        if ev_type == "COERCE" and not sources and tok.pos_ == "VERB" and is_passive(tok):
            # "Foreign reporters are banned from Syria", "expelled from Russia": the state of the place
            # one is kept out of or put out of did it.
            for obj in prep_objects(tok, ("from",)):
                state = self.arguments.actor(doc, obj, history, quotes)
                if state is not None and _is_country(state):
                    sources = [state]
                    break
        if ev_type == "MOBILIZE" and sources and all(_sector_of(a) in CIVILIAN_SECTORS for a in sources):
            # "protesters massed on the streets": civilians who gather do so to demonstrate.
            ev_type, mode = "PROTEST", "demo"
        if ev_type == "MOBILIZE" and sources and all(_sector_of(a) in UNARMED_SECTORS for a in sources):
            # "the Red Cross is deployed in Libya": aid workers, reporters or firms bear no arms.
            return []
        if (
            ev_type == "ASSAULT"
            and tok.lemma_.lower() in CONTEST_LEMMAS
            and not targets
            and not any(_sector_of(a) in ARMED_SECTORS for a in sources)
            and _fights_a_thing(tok)
            and not _violent_context(tok)
        ):
            # "people fighting addiction", "vowed to fight corruption": a struggle against no party.
            return []
        if (
            ev_type == "REQUEST"
            and tok.pos_ == "VERB"
            and (self.triggers.verb_cue(tok) or trig.cue).type == REPORT
            and not targets
            and not _obliged_group(tok)
        ):
            # "said his recommendations should reach the judges": a reported obligation is a request
            # only when it is addressed to a party.
            return []
        if ev_type == "THREATEN" and tok.pos_ == "VERB" and any(
            c.dep_ == "ccomp"
            and (
                (c.lemma_ == "be" and not any(g.dep_ == "expl" for g in c.children))
                or any(
                    g.dep_ == "nsubj" and g.pos_ == "NOUN" and self.arguments.actor(doc, g, history, quotes) is None
                    for g in c.children
                )
            )
            for c in tok.children
        ):
            # "warned that such a ban would be unacceptable", "warned that the right is in danger",
            # "warned that the incident could foreshadow the future": a judgement or a forecast about
            # things, not a threat ("warned that there would be consequences", "that it would strike").
            return []
        if ev_type == "RETREAT" and mode == "resign":
            # "resigned in protest at the violence against protesters": one resigns from an office,
            # against no one.
            targets = [t for t in targets if _is_country(t) or _sector_of(t) in STATE_SECTORS]
        reported = tok.pos_ == "VERB" and (self.triggers.verb_cue(tok) or trig.cue).type == REPORT
        if ev_type == "REQUEST" and reported and any(c.dep_ == "ccomp" and c.lemma_ == "be" for c in tok.children):
            # "insists the party must be a party of ideas": what something ought to be is an opinion.
            return []
        if ev_type == "COERCE" and tok.pos_ == "VERB" and tok.lemma_.lower() in OBSTRUCTION_LEMMAS and any(
            self._names_event(o) or o.lemma_.lower() in ACCEPTED_OBJECTS
            for o in [c for c in tok.children if c.dep_ in OBJECT_DEPS] or ([tok.head] if tok.dep_ == "relcl" else [])
        ):
            # "blocking the U.S. request", "a proposal South Africa has blocked": a veto (REJECT), not
            # a restriction of movement.
            ev_type, mode = "REJECT", None
        if ev_type == "SANCTION" and tok.pos_ == "VERB" and any(
            c.dep_ in OBJECT_DEPS and (cue := self.triggers.cue(c)) is not None and cue.type == "ASSAULT"
            for c in tok.children
        ):
            # "halted its offensive", "a plan to halt the war": stopping the fighting, not a sanction.
            ev_type, mode = "RETREAT", "ceasefire"
        if (
            ev_type == "COERCE"
            and tok.lemma_.lower() in OBSTRUCTION_LEMMAS
            and sources
            and all((a.code or "-").split()[-1] in CIVILIAN_SECTORS for a in sources)
        ):
            # Workers or demonstrators blocking a road obstruct it in protest (the manual:
            # PROTEST obstruct); a state blocking passage restricts movement (COERCE).
            ev_type, mode = "PROTEST", "obstruct"
        if ev_type == "THREATEN" and mode is None and tok.pos_ == "VERB":
            # "threatened sanctions", "threatened to attack": the mode is the content of the threat.
            content = [c for c in tok.children if c.dep_ in (*OBJECT_DEPS, "xcomp")]
            cues = [cue for c in content if (cue := self.triggers.cue(c)) is not None]
            mode = next((THREAT_MODES[c.type] for c in cues if c.type in THREAT_MODES), None)
        if "state" in trig.cue.flags and ev_type == "PROTEST" and _is_state_protest(trig, sources):
            ev_type, mode = "ACCUSE", "disapprove"
        location = self.arguments.location(doc, trig)
        place_affected = ev_type in PLACE_AFFECTED_TYPES or (ev_type == "REQUEST" and _seeks_refuge(tok))
        if location is None and place_affected:
            # An attack on something somewhere ("positions in Iraq") happened there, and so did a
            # suspension of "aid deliveries in Baghdad" or a request for "refuge in Germany".
            location = self.arguments.target_location(doc, trig)
        if (
            ev_type == "COERCE"
            and not targets
            and any(c.dep_ in OBJECT_DEPS for c in tok.children)
            and len(sources) == 1
            and has_country(sources[0])
            and (sources[0].code or "-").split()[-1] in POLICE_SECTORS
            and (location is None or location.country == (sources[0].code or "-").split()[0])
        ):
            # The police act at home: those they arrest or disperse, named by a number or a
            # noun that is no actor ("arresting 12"), are of the police's country.
            country = (sources[0].code or "-").split()[0]
            obj = next(c for c in tok.children if c.dep_ in OBJECT_DEPS)
            # Named by what the text calls them ("two men"), coded by the police's country.
            short = obj.right_edge.i - obj.left_edge.i < 8
            name = doc[obj.left_edge.i : obj.right_edge.i + 1].text if short else obj.text
            targets = [Actor(name, country)]
        if ev_type == "PROTEST" and not targets:
            # "protested outside the U.S. embassy", "rallied at parliament": the institution
            # a demonstration is held at is whom it addresses.
            for holder in (tok, trig.governor):
                for obj in prep_objects(holder, PROTEST_SITE_PREPS) if holder is not None else []:
                    if obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "LOC"):
                        continue  # a named place is where, not whom ("outside Paris")
                    site = self.arguments.actor(doc, obj, history, quotes)
                    if site is not None and site.code and not targets:
                        targets = [site]
        if (
            ev_type == "COERCE"
            and mode in ("martial-law", "curfew")
            and not targets
            and not location
            and sources
            and has_country(sources[0])
            and (sources[0].code or "-").split()[0] not in INTERNATIONAL_CODES
        ):
            # A state imposes martial law or a curfew on its own land: with no place named, on its country.
            country = (sources[0].code or "-").split()[0]
            targets = [Actor(gazetteer().country_name(country), country)]
        if ev_type == "PROTEST" and not targets and not location and sources and has_country(sources[0]):
            # A domestic protest addresses the protesters' own government.
            country = (sources[0].code or "-").split()[0]
            targets = [Actor(gazetteer().country_name(country), country)]
        if (
            ((ev_type == "CONSULT" and mode == "visit") or ev_type == "PROTEST")
            and not targets
            and location
            and location.country
        ):
            # A visit is hosted, and a demonstration addressed, by the government of the place.
            name = gazetteer().country_name(location.country)
            targets = [Actor(name, location.country)]
        if "partner" in trig.cue.flags and tok.pos_ == "VERB" and not prep_objects(tok, ("with",)):
            topics = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
            if (
                topics
                and len(sources) < 2
                and not prep_objects(topics[0], ("with",))  # "discussed trade with Merkel"
                and topics[0].pos_ == "NOUN"
                and topics[0].lemma_.lower() not in GROUP_NOUNS
                and not lexicon_of(doc).names_people(topics[0])
            ):
                # "to discuss his administration's strategy", "to discuss internal directives to the
                # Pentagon": the object is the topic, and those named in it are no partners.
                targets = []
        if (
            "partner" in trig.cue.flags
            and ev_type == "CONSULT"
            and not targets
            and len(sources) < 2
            and not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NNS", "NNPS") for c in tok.children)
        ):
            return []  # "he would discuss the evils of eminent domain": no one to consult
        if (
            ev_type == "PROTEST"
            and tok.lemma_.lower() == "rally"
            and sources
            and all(_sector_of(a) in CAMPAIGN_SECTORS for a in sources)
        ):
            return []  # "Trump was slated to hold rallies in Colorado": a campaign rally, no protest
        if ev_type == "PROTEST" and tok.pos_ == "NOUN" and tok.lemma_.lower() == "rally" and _campaign_rally(tok):
            return []  # "at a rally for Ted Cruz", "At a rally in Milwaukee, she described Trump as kind"
        if ev_type == "AID" and tok.lemma_.lower() in DONATION_LEMMAS and _political_money(tok):
            return []  # "donations to the Sanders campaign": campaign finance, no material aid (PLOVER AID)
        if ev_type == "CONSULT" and mode == "visit" and sources and all(
            _sector_of(a) in CIVILIAN_SECTORS for a in sources
        ):
            return []  # "the freed hostages arrived in Israel": a private journey consults no one
        if ev_type == "CONSULT" and mode == "visit" and not targets and tok.pos_ == "VERB":
            # "was visiting a halfway house": a visit no one hosts and to no named place consults no one.
            return []
        # Where the announced act would happen: home of actors named by their sector, and the
        # target of an act with no party named (see place_target).
        complement_place = self.arguments.complement_location(trig) if location is None or not targets else None
        if complement_place is None and not targets and ev_type in EVALUATIVE_TYPES:
            complement_place = self.arguments.object_location(trig)
        home = location or complement_place
        act_type = ev_type  # the act itself, before a promise or threat of it is coded instead
        date, date_from = event_date(doc, trig, times, published)
        if date_from == "publication" and "speech" in trig.cue.flags:
            # A speech act inside a statement ("I regret …") was made when the statement was.
            said = next((q for q in quotes if q.start <= tok.idx < q.end and q.said_on), None)
            if said is not None:
                date, date_from = said.said_on, said.said_on_from
        negated = is_negated(trig)
        irrealis = irrealis_kind(trig)
        if stopper is not None:
            # The stopping verb's own status: "would prohibit all aid", "pressure on Assad to end a
            # crackdown" (an end asked for, not made).
            negated = False
            irrealis = irrealis_kind(Trigger(stopper, trig.cue, ev_type, mode))
        if irrealis == "intent" and "speech" in trig.cue.flags and _performative(tok):
            # "I want to commend Donald Trump", "we would like to thank Qatar": said, it is done.
            irrealis = None
        if irrealis == "purpose" and ev_type in EXPRESSED_BY_ACTION:
            # "blocked highways to protest the taxes", "staged rallies to demand reforms": the act
            # itself voices the protest or the demand.
            irrealis = None
        # Only an act the clause itself announces (a verb, or a noun with its light verb) is a
        # promise or a threat; "should reduce its exercises" announces nothing about exercises.
        predicated = (
            tok.pos_ == "VERB"
            or (trig.governor is not None and (self.triggers.is_light(trig.governor) or trig.governor in trig.anchors))
            or stopper is not None
        )
        hypothetical = irrealis is not None
        if irrealis == "possibility" and FUTURE_AS.get(ev_type) == "THREATEN":
            # "may impose sanctions", "could strike": a use of force or a sanction announced as
            # possible is a warning; a cooperative act that "could" happen is no promise.
            irrealis = "modal"
        if irrealis in ("modal", "intent") and negated and ev_type in COOPERATIVE and predicated:
            # "will not meet", "would not release": announcing that one will not cooperate is a
            # refusal, and the refusal is the event that happened.
            ev_type, mode, negated, hypothetical = "REJECT", None, False, False
        elif irrealis == "intent" and ev_type == "ASSAULT" and governor_lemma(trig) in PREPARATION_GOVERNORS:
            ev_type, mode, hypothetical = "MOBILIZE", "troops", False
        elif (
            irrealis in ("modal", "intent")
            and not negated
            and ev_type in FUTURE_AS
            and predicated
            and not self._predicted_by_others(doc, trig, sources, history, quotes)
            and not _expected(tok if tok.pos_ == "VERB" else trig.governor)
        ):
            # The manual: a promised or intended cooperative act is an AGREE (a retreat, a
            # CONCEDE), and an announced use of force or reduction of relations is a THREATEN —
            # the statement of intention is the event that happened.
            ev_type, hypothetical = FUTURE_AS[ev_type], False
            mode = None if ev_type != "THREATEN" else THREAT_MODES.get(act_type, mode)
        background = "durative" in trig.cue.flags and not (
            trig.governor is not None and self.triggers.is_light(trig.governor)
        )
        count_min, count_max = count(trig.token) if trig.token.pos_ == "NOUN" else (None, None)
        quote_id = linked_quote(trig, quotes) if "speech" in trig.cue.flags else None
        events = []
        places: list[Location | None] = [location]
        if (
            ev_type in MATERIAL_CONFLICT
            and location is not None
            and trig.fatalities is None
            and count_min is None
        ):
            # One event per place, as event data sets record them ("strikes in Syria and Iraq").
            places = [*self.arguments.locations(doc, trig)] or [location]
        # One event per source, target and place, as event data sets record dyads ("Egypt held
        # talks with Israel and Qatar" is two): the actor lists hold only coordinated actors. An
        # actor named by its sector alone is situated at each place in turn.
        # Only an actor named by its sector alone needs the sentence's countries (see situate).
        bare = any(a.code in DOMESTIC_SECTORS for a in [*sources, *targets])
        mentions = country_mentions(doc, sent) if bare else []
        named = frozenset(country for _, country in mentions)
        object_words = complement_tokens(trig) if mentions else frozenset()
        outside = frozenset(country for i, country in mentions if i not in object_words)
        # The addressee is named in the object: only the content clause is left out for it.
        content_words = complement_tokens(trig, clausal=True) if mentions else frozenset()
        unsaid = frozenset(country for i, country in mentions if i not in content_words)
        # "a delegation to Syria", "a Benghazi victim's mother": the place the actor's own phrase
        # sends it to, or where harm was done, is not its country (others in the sentence may be of it).
        unowned = unowned_places(doc, sent) if mentions else []

        def foreign(actor: Actor) -> frozenset[str]:
            return frozenset(country for text, country in unowned if text in actor.name)

        for place in places:
            here = place if place is not None and place is not location else home
            placed_sources = [
                a
                if _first_person(a)
                else situate(a, here, targets, act_type, named - foreign(a), filed_in, outside - foreign(a))
                for a in sources
            ]
            placed_targets = [
                a
                if _first_person(a)
                else situate(a, here, placed_sources, act_type, named - foreign(a), filed_in, unsaid - foreign(a))
                for a in targets
                if len(places) < 2 or _at_place(a, place, places)
            ]
            reciprocal = len(placed_sources) > 1 and self._reciprocal(trig, ev_type)
            if not placed_targets and sources and not reciprocal:
                # (coordinated parties of a reciprocal act are each other's targets, below)
                affected = place_target(ev_type, place, complement_place, place_affected)
                placed_targets = [affected] if affected is not None else []
            source_list: list[Actor | None] = [*placed_sources] or [None]
            target_list: list[Actor | None] = [*placed_targets] or [None]
            pairs = [(a, b) for a in source_list for b in target_list]
            if not placed_targets and len(placed_sources) > 1 and self._reciprocal(trig, ev_type):
                # "Vietnam and China agreed to …": coordinated parties of a reciprocal act act on
                # each other.
                pairs = [(a, b) for a in placed_sources for b in placed_sources if a is not b and a.code != b.code]
                pairs = pairs or [(a, None) for a in placed_sources]
            for source, target in pairs:
                events.append(
                    Event(
                        id="",
                        type=ev_type,
                        start=tok.idx,
                        end=tok.idx + len(tok.text),
                        mode=mode,
                        source=source,
                        target=target,
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


#: Prepositions that make a phrasal verb of a transitive cue ("sign into", "sign up"), not its object.
PHRASAL_PREPS = frozenset({"into", "in", "up", "off", "out", "onto"})
#: Speech acts that judge another act: those the judged act belongs to are their target.
EVALUATIVE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
RECIPROCAL_TYPES = frozenset(_WORDS["reciprocal_types"])
RECIPROCAL_LEMMAS = frozenset(_WORDS["reciprocal_lemmas"])


IMPACT_SUBJECTS = frozenset(_WORDS["impact_subjects"])
#: Media of a consultation at a distance ("spoke by phone").
REMOTE_MEDIA = frozenset({"phone", "telephone", "videoconference", "video", "videolink", "link", "call"})
#: Nouns of bodies of people ("the Hamas leadership", "the council"): parties, not things.
GROUP_NOUNS = frozenset(_WORDS["group_nouns"])
PREDICTION_WORDS = frozenset(_WORDS["prediction_words"])
ACCEPTED_OBJECTS = frozenset(_WORDS["accepted_objects"])
COMMENT_VERBS = frozenset(_WORDS["comment_verbs"])
COMMUNICATION_NOUNS = frozenset(_WORDS["communication_nouns"])
SPEECH_MEDIA = frozenset(_WORDS["speech_media"])
ARMED_SECTORS = frozenset(_WORDS["armed_sectors"])
DELIBERATIVE_SECTORS = frozenset(_WORDS["deliberative_sectors"])
CONTEST_LEMMAS = frozenset(_WORDS["contest_lemmas"])
VICTORY_LEMMAS = frozenset(_WORDS["victory_lemmas"])
VIOLENCE_LEMMAS = frozenset(_WORDS["violence_lemmas"])
DISASTER_NOUNS = frozenset(_WORDS["disaster_nouns"])
#: Settings of a dispute in words ("clashed during a closed-door meeting").
VERBAL_SETTINGS = frozenset(
    {"meeting", "session", "debate", "talk", "talks", "summit", "hearing", "conference", "interview",
     "negotiation", "discussion", "forum", "assembly", "vote", "parliament", "committee"}
)
#: What a dispute is "over" when it is fought for ground ("clashed over the islands").
GROUND_NOUNS = frozenset({"territory", "island", "islet", "land", "border", "region", "area", "town", "village",
                          "city", "control", "field", "waters", "province", "enclave"})


QUOTE_MARKS = frozenset({'"', "'", "“", "”", "‘", "’", "''", "``"})


def quotes_a_question(verb: Token) -> bool:
    """ "'Will you resign?' Trump asked", "Trump asked, 'Why now?'": a speech verb that reports a
    quoted question (its quote ends in a question mark) asks something; it requests nothing."""
    doc = verb.doc
    if any(c.text == "?" for c in verb.children):
        return True
    if any(c.dep_ == "ccomp" and any(t.text == "?" for t in c.subtree) for c in verb.children):
        return True
    start = verb.left_edge.i
    return start >= 2 and doc[start - 1].text in QUOTE_MARKS and doc[start - 2].text == "?"


#: Dependents of an act that name what it is about ("criticized X's strategy toward Russia").
COMPLEMENT_DEPS = OBJECT_DEPS | {"ccomp", "attr", "oprd"}
#: Prepositions whose object is what an act is about or aimed at (not where it happened).
ABOUT_PREPS = frozenset({"of", "on", "upon", "against", "about", "over", "toward", "towards", "into"})


def complement_tokens(trig: Trigger, clausal: bool = False) -> frozenset[int]:
    """The positions of the words inside the act's own object or complement: the countries they
    name are what the act is about, not where its author is from (with ``clausal``, only the
    clause of what is said or asked: "called on the administration to call out Russia")."""
    heads = [trig.token]
    if trig.token.pos_ != "VERB" and trig.governor is not None:
        heads.append(trig.governor)
    out: set[int] = set()
    for head in heads:
        # An infinitive tells what its controller does: the subject's own act ("agreed to resign
        # after returning to Estonia" places the subject), unless an object controls it ("called
        # on the White House to blame China").
        addressed = any(c.dep_ in OBJECT_DEPS for c in head.children) or bool(prep_objects(head, ("on", "upon")))
        for c in head.children:
            if clausal and c.dep_ not in ("ccomp", "xcomp"):
                continue
            about = c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in ABOUT_PREPS)
            if about or (c.dep_ == "xcomp" and (clausal or addressed)):
                out.update(t.i for t in c.subtree)
    return frozenset(out)


def _appeal_as_charm(noun: Token) -> bool:
    """Whether "appeal" names a candidate's attraction, not a plea: "broadening his appeal", "a broad
    appeal", "his appeal to working-class men" (an appeal to a public of voters)."""
    if noun.head.lemma_.lower() in APPEAL_REACH or any(
        c.dep_ == "amod" and c.lemma_.lower() in APPEAL_REACH for c in noun.children
    ):
        return True
    public = [o for o in prep_objects(noun, ("to", "among", "with", "beyond")) for o in [o, *conjuncts_of(o)]]
    return any(o.lemma_.lower() in MARKETING_OBJECTS for o in public) and not any(
        c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ == "for") for c in noun.children
    )


def _sector_of(actor: Actor) -> str:
    return (actor.code or "-").split()[-1] if actor.code else ""


def _is_country(actor: Actor) -> bool:
    """A state named by its country alone ("Israel"), not a sector of it."""
    return has_country(actor) and len((actor.code or "").split()) == 1 and actor.code not in INTERNATIONAL_CODES


def impact_weapon(verb: Token) -> Token | None:
    """The weapon or attack that does a verb of impact: its subject or "by" agent ("a missile struck",
    "was hit by a shell"), or its "with" phrase ("hit Kyiv with drones")."""
    candidates = [*subject_of(verb), *prep_objects(verb, ("by", "with"))]
    return next((c for c in candidates if c.pos_ == "NOUN" and c.lemma_.lower() in IMPACT_SUBJECTS), None)


def verbal_dispute(trig: Trigger, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether a "clash" or "fight" is one of words: no armed party and no violence in the sentence,
    and either every party acts in words (officials, legislators, parties, diplomats) or what it is
    over is an issue, not ground or a time ("over the budget", not "over the islands", "over the weekend")."""
    parties = [*sources, *targets]
    if not parties or any(_sector_of(a) in ARMED_SECTORS for a in parties):
        return False
    tok = trig.token
    if _violent_context(tok):
        return False
    if all(_sector_of(a) in DELIBERATIVE_SECTORS or a.code is None for a in parties) and any(
        _sector_of(a) in DELIBERATIVE_SECTORS for a in parties
    ):
        return True  # (a person no dictionary codes, fighting a candidate, fights in words too)
    holders = [tok, *([trig.governor] if trig.governor is not None else [])]
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep"):
            for obj in prep.children:
                if (obj.dep_ == "pobj" and obj.lemma_.lower() in VERBAL_SETTINGS) or (
                    prep.lower_ == "by" and obj.dep_ == "pcomp" and obj.tag_ == "VBG"
                ):
                    # "clashed … during a closed-door meeting", "clashed … by raising concerns"
                    return True
    issues = [o for h in holders for o in prep_objects(h, ("over", "about"))]
    return any(
        o.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
        and o.lemma_.lower() not in GROUND_NOUNS
        and o.pos_ != "PROPN"
        for o in issues
    )


#: Sectors of those who hold rallies to campaign, not to protest.
CAMPAIGN_SECTORS = frozenset({"GOV", "LEG", "PTY", "ELI"})
#: Sectors of unarmed non-state groups: their "deployment" is no military move.
UNARMED_SECTORS = frozenset({"NGO", "JRN", "MED", "BUS", "REL", "EDU"})


#: Verbs of speaking whose venue a campaign rally is ("At a rally, she said …").
_SPEAKING_VERBS = frozenset({"say", "tell", "describe", "speak", "talk", "declare", "call", "joke", "vow", "promise",
                             "boast", "claim", "insist", "argue", "suggest", "predict", "urge", "ask"})


def _campaign_rally(rally: Token) -> bool:
    """Whether a rally is a campaign event: one "for" a candidate, a "campaign rally", or the venue where
    someone spoke ("At a rally in Milwaukee, she described Trump as kind")."""
    if any(c.dep_ == "compound" and c.lemma_.lower() in ("campaign", "election", "victory") for c in rally.children):
        return True
    if any(o.ent_type_ in ("PERSON", "ORG") or o.pos_ == "PROPN" for o in prep_objects(rally, ("for",))):
        return True
    # "a rally with Rubio", "a rally featuring Sanders": an appearance by a named figure.
    if any(o.ent_type_ == "PERSON" or o.pos_ == "PROPN" for o in prep_objects(rally, ("with", "featuring"))):
        return True
    # "tickets to an Iowa rally": an event one attends by ticket is a show, not a demonstration.
    if rally.dep_ == "pobj" and rally.head.lower_ == "to":
        # "tickets to a rally", or the verb "gave donors tickets to a rally" with its object
        holder = rally.head.head
        admitted = [holder, *(c for c in holder.children if c.dep_ in OBJECT_DEPS)] if holder.pos_ == "VERB" else []
        admitted = admitted or [holder]
        if any(t.lemma_.lower() in _ADMISSION_NOUNS for t in admitted):
            return True
    venue = rally.head if rally.dep_ == "pobj" and rally.head.lower_ in ("at", "during") else None
    return venue is not None and venue.head.lemma_.lower() in _SPEAKING_VERBS


#: What admits one to an event ("tickets to a rally").
_ADMISSION_NOUNS = frozenset({"ticket", "invitation", "invite", "pass", "admission"})


def _political_money(tok: Token) -> bool:
    """Whether a donation is campaign money: its sentence names a campaign, candidate, PAC or election
    ("donations from oil workers to the Sanders campaign") and no humanitarian cause ("donations for flood
    victims")."""
    words = {t.lemma_.lower() for t in tok.sent} | {t.lower_ for t in tok.sent}
    return bool(words & POLITICAL_FUNDING_WORDS) and not words & RELIEF_WORDS


def _inquiry(hearing: Token) -> bool:
    """Whether a hearing examines something ("a hearing into the legality of the techniques", "hearings
    on the attack"), not a proposal, bill or nomination, which it only debates."""
    holders = [hearing, *([hearing.head] if hearing.dep_ in OBJECT_DEPS else [])]  # "opened a hearing Monday into"
    if any(prep_objects(h, ("into",)) for h in holders):
        return True
    subjects = prep_objects(hearing, ("on", "over", "about"))
    return bool(subjects) and not any(
        o.lemma_.lower() in PROPOSAL_NOUNS | {"nomination", "confirmation", "nominee", "budget"} for o in subjects
    )


def _fights_a_thing(verb: Token) -> bool:
    """Whether a verb of fighting has an object or an "against" phrase (that names no party, as the
    caller checks): "fighting addiction", "fight against corruption"."""
    return any(c.dep_ in OBJECT_DEPS for c in verb.children) or bool(prep_objects(verb, ("against",)))


def _expected(verb: Token | None) -> bool:
    """ "is (not) expected to meet", "is likely to visit": what others foresee, no one's promise."""
    if verb is None or verb.dep_ != "xcomp":
        return False
    head = verb.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    return (head.lemma_.lower() in ("expect", "predict", "forecast", "project") and passive) or (
        head.lemma_.lower() in ("likely", "unlikely")
    )


def _performative(verb: Token) -> bool:
    """ "I want to commend …", "we would like to thank …": a speech act the speaker performs by saying
    they want to."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in ("want", "like", "wish")
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children)
    )


def _violent_context(tok: Token) -> bool:
    return any(t.lemma_.lower() in VIOLENCE_LEMMAS and t.i != tok.i and not _a_chance(t) for t in tok.sent)


def _a_chance(word: Token) -> bool:
    """Whether "shot" is a chance ("has no shot at winning", "a shot at the title"), no gunfire."""
    return (
        word.lower_ == "shot"
        and word.pos_ == "NOUN"
        and any(c.dep_ == "prep" and c.lower_ == "at" for c in word.children)
        and not any(c.dep_ == "nummod" for c in word.children)
    )


def _first_person(actor: Actor) -> bool:
    """ "our presidents", "my soldiers": a group the speaker owns is of the speaker's country (read when the
    actor is resolved), never of a place or another party the sentence names."""
    return actor.name.lower().split(" ", 1)[0] in ("our", "my")


def _obliged_group(verb: Token) -> bool:
    """ "said the council should not give up", "said Europe must act": the one a reported obligation
    binds is a body or a named party, though no dictionary codes it — still a request to it."""
    return any(
        g.dep_ in ("nsubj", "nsubjpass") and (g.pos_ == "PROPN" or g.lemma_.lower() in GROUP_NOUNS)
        for c in verb.children
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in DEONTIC_MODALS for a in c.children)
        for g in c.children
    )


def verbal_attack(trig: Trigger, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether an "attack" is one of words: made by parties who act in words (officials, candidates,
    parties) or by what speaks for them ("ads that attack the senator"), on such parties or on no
    party at all, with no armed party and no violence in the sentence."""
    tok = trig.token
    parties = [*sources, *targets]
    if (
        tok.pos_ == "VERB"
        and not any(_sector_of(a) in ARMED_SECTORS for a in sources)
        and any(o.lemma_.lower() in SPEECH_MEDIA for o in prep_objects(tok, ("on", "in", "via", "through")))
    ):
        return True  # "attacked the FBI on Twitter", "attacked the army in an interview": in words
    if any(_sector_of(a) in ARMED_SECTORS or _is_country(a) for a in parties) or _violent_context(tok):
        return False
    # (a person no dictionary codes, attacked by a party who acts in words, is attacked in words too)
    if not all(_sector_of(a) in DELIBERATIVE_SECTORS or a.code is None for a in parties):
        return False
    if parties and not any(_sector_of(a) in DELIBERATIVE_SECTORS for a in parties):
        return False
    if sources:
        return True
    speakers = subject_of(tok) if tok.pos_ == "VERB" else [c for c in tok.children if c.dep_ == "poss"]
    names = [t.text for t in tok.sent if t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "LOC")]
    if (
        targets
        and not speakers
        and not (tok.pos_ == "VERB" and is_passive(tok))
        and all(_sector_of(a) in ("LEG", "PTY") and any(n in a.name for n in names) for a in targets)
    ):
        # "withering attacks against Rubio", "attacking Mitt Romney": no attacker named, a candidate
        # named and attacked with no violence around ("the senator was attacked outside his home",
        # "attacks on our embassy" stay assaults).
        return True
    return bool(targets) and any(s.lemma_.lower() in COMMUNICATION_NOUNS for s in speakers)


def stopping_verb(trig: Trigger, verbs: frozenset[str]) -> Token | None:
    """The verb (one of ``verbs``) that stops the trigger's act, when the act is its object:
    "ended mediation efforts", "suspended its aid", "would prohibit all aid to", "cancelled
    restrictions" (not itself negated: "did not suspend aid" stops nothing)."""
    tok = trig.token
    if tok.pos_ != "NOUN":
        return None
    candidates = [trig.governor] if trig.governor is not None else []
    if tok.dep_ in OBJECT_DEPS:
        candidates.append(tok.head)
    elif tok.dep_ == "pobj":
        candidates.append(tok.head.head)
    for verb in candidates:
        if (
            verb is not None
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() in verbs
            and not any(c.dep_ == "neg" for c in verb.children)
        ):
            return verb
    return None


#: What one seeks in a country from its state ("sought asylum in Sweden").
REFUGE_NOUNS = frozenset(_WORDS["refuge_nouns"])


def _seeks_refuge(tok: Token) -> bool:
    return any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in REFUGE_NOUNS for c in tok.children)


def place_target(
    ev_type: str, place: Location | None, complement_place: Location | None, affected: bool
) -> Actor | None:
    """With no party named as the target, the country where an act takes effect is its target, as
    the CAMEO/PLOVER coding rules take it: "lifted a state of emergency in Darfur", "suspended aid
    deliveries in Baghdad", "exploded bombs in Kabul" act on that country, and "threatened to
    impose a curfew in Algiers", "agreed to open a centre in Tokyo" on the place of the act they
    announce. The place where something is only said or discussed ("talks in Geneva", "said in
    Paris") is no target. ``affected``: whether the act takes effect at its own place (material
    acts, and a request for refuge: "sought asylum in Sweden" asks the state of the place)."""
    chosen = place if affected else None
    if chosen is None and ev_type not in ("CONSULT", "REPORT"):
        chosen = complement_place
    if chosen is None or not chosen.country or chosen.country in INTERNATIONAL_CODES:
        return None
    country = gazetteer().country_name(chosen.country)
    # The name says where: "police in Newark arrested two men" acts on people in Newark, coded as
    # the country, not on "the United States".
    is_country = chosen.name.lower() in (country.lower(), f"the {country.lower()}")
    name = country if is_country else f"{chosen.name}, {country}"
    return Actor(name, chosen.country)


def _at_place(target: Actor, place: Location | None, places: list[Location | None]) -> bool:
    """Whether a target goes with ``place`` among the event's places: a target of the country of
    some of the places ("fired missiles at Tel Aviv and Riyadh") goes only with those; others
    (foreign forces fought in two countries) with every place."""
    country = (target.code or "-").split()[0] if target.code else None
    own = [p for p in places if p is not None and p.country and p.country == country]
    return not own or place in own


def unidentified_attackers(place: Location | None) -> Actor | None:
    """The source of an attack no one is named for ("a journalist was killed in a car bomb explosion
    in Beirut"): unidentified armed forces of the country where it happened, the CAMEO/PLOVER
    convention (``UAF``; ACLED's "Unidentified Armed Group (Country)")."""
    return _unnamed_party(place, "unidentified attackers", "UAF")


def unnamed_protesters(place: Location | None) -> Actor | None:
    """The source of a protest no one is named for: the civilians of the country where it happened."""
    return _unnamed_party(place, "protesters", "CVL")


def _unnamed_party(place: Location | None, who: str, sector: str) -> Actor | None:
    if place is None or not place.country or place.country in INTERNATIONAL_CODES:
        return None
    return Actor(f"{who} in {gazetteer().country_name(place.country)}", f"{place.country} {sector}")


def _attackers_named(events: list[Event]) -> bool:
    """Whether an attack so far in the document (earlier, or in the same sentence) has a named source:
    an attack with none is then likely theirs, told again ("the strikes killed five"), or tied to
    theirs ("strikes in response to an attack"), and no unidentified attacker is made up."""
    return any(
        e.type == "ASSAULT" and e.source is not None and not (e.source.code or "").endswith("UAF") for e in events
    )


@Language.factory("storyline_events", default_config={"cues": [], "modes": []})
def make_events(nlp: Language, name: str, cues: list[str], modes: list[str]) -> EventCoder:
    """The events component; ``cues``/``modes`` are paths of users' extra TSV files with the
    columns of the packaged ``event_cues.tsv`` / ``event_modes.tsv``."""
    return EventCoder(nlp, name, cues, modes)


def fold_aiming(triggers: list[Trigger], by_token: dict[int, Trigger]) -> None:
    """ "new sanctions targeting Russian oil traders", "a ban hitting imports": a participle of aiming
    on an act that is no attack says whom that act is aimed at; it is no attack of its own."""
    for trig in triggers:
        tok = trig.token
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in AIMING_VERBS or tok.dep_ != "acl":
            continue
        host = by_token.get(tok.head.i)
        if host is None or host is trig or host.type == "ASSAULT":
            continue
        trig.absorbed = True
        host.merged.append(tok)


def fold_same_act(triggers: list[Trigger], by_token: dict[int, Trigger]) -> None:
    """ "struck a deal", "accepted the offer", "fought a battle": an event noun that is the object of a
    verb coding the same type names the verb's own act, not a second one."""
    for trig in triggers:
        tok = trig.token
        if tok.pos_ != "NOUN" or tok.dep_ not in OBJECT_DEPS:
            continue
        host = by_token.get(tok.head.i)
        if host is not None and host is not trig and host.type == trig.type and not host.absorbed:
            trig.absorbed = True


def on_strike(noun: Token) -> bool:
    """ "went on strike", "have been on strike since May": a bare noun after "on" on a verb is the
    labour phrase; an attack has an article or a plural ("a strike on", "strikes on")."""
    return (
        noun.dep_ == "pobj"
        and noun.tag_ == "NN"
        and noun.head.lower_ == "on"
        and noun.head.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    )


def _is_state_protest(trig: Trigger, sources: list[Actor]) -> bool:
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
            (len(parts) == 1 and has_country(actor))  # a state, not a bare sector ("CVL")
            or (len(parts) > 1 and parts[1] in STATE_SECTORS)
        ):
            return True
    return False
