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
from storyline.analyze.event_arguments import (
    AIMING_VERBS,
    DOMESTIC_SECTORS,
    INTERNATIONAL_CODES,
    POLICE_SECTORS,
    STATE_SECTORS,
    ArgumentReader,
    dateline_country,
    has_country,
    sentence_countries,
    situate,
)
from storyline.analyze.event_lexicon import REPORT, CueLexicon, build_cue_lexicon
from storyline.analyze.event_status import (
    PREPARATION_GOVERNORS,
    event_date,
    governor_lemma,
    irrealis_kind,
    is_negated,
    linked_quote,
    time_index,
)
from storyline.analyze.event_syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    count,
    has_modal,
    prep_objects,
    subject_of,
    token_at,
)
from storyline.analyze.event_triggers import Trigger, TriggerReader, fold_consequences, is_anaphoric
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
CIVILIAN_SECTORS = frozenset({"LAB", "CVL", "EDU", "AGR", "OPP", "REF", "SOC"})
#: Sectors whose "strike" is a work stoppage: civilians and professions that bear no arms.
STRIKING_SECTORS = CIVILIAN_SECTORS | frozenset({"MED", "JRN", "BUS", "LAB"})
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
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
        if (
            "transitive" in trig.cue.flags
            and tok.pos_ == "VERB"
            and not any(
                c.dep_ in OBJECT_DEPS | {"xcomp", "nsubjpass"} or (c.dep_ == "prep" and c.lower_ not in PHRASAL_PREPS)
                for c in tok.children
            )
        ):
            return []  # "he defended", "would sign into Skype": no object, no act on anyone
        alternative = next(
            (f.split("=", 1)[1] for f in trig.cue.flags if f.startswith("actor_object=")), None
        )
        if alternative and tok.pos_ == "VERB":
            # The object, or in the passive the subject ("the decision was welcomed by Kyiv"); an act
            # is no actor ("welcomed the release of the prisoners" approves of the release).
            objects = [c for c in tok.children if c.dep_ in OBJECT_DEPS] or [
                c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS
            ]
            if objects and (
                self.triggers.is_event_noun(objects[0])
                or self.arguments.actor(doc, objects[0], history, quotes) is None
            ):
                if alternative == "NONE":
                    return []  # "released notes", "freed funds": no one was released
                trig.type, trig.mode = alternative, None
        sources, targets = self.arguments.sources_targets(doc, trig, history, quotes)
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
            and trig.governor is not None
            and (self.triggers.verb_cue(trig.governor) or trig.cue).type == REPORT
        ):
            # The manual: declarations (not implementations) of ceasefires and withdrawals are CONCEDE.
            ev_type, mode = "CONCEDE", None
        if (
            ev_type == "ASSAULT"
            and tok.lemma_.lower() in WORK_STOPPAGE_NOUNS
            and (on_strike(tok) or any((a.code or "").split()[-1] in STRIKING_SECTORS for a in sources))
        ):
            # Workers, students, doctors or farmers do not carry out air strikes: theirs is a labour
            # strike; so is one anyone "went on" or "is on" (a bare noun after "on").
            ev_type, mode = "PROTEST", "strike"
        if (
            ev_type == "COERCE"
            and tok.lemma_.lower() in OBSTRUCTION_LEMMAS
            and sources
            and all((a.code or "").split()[-1] in CIVILIAN_SECTORS for a in sources)
        ):
            # Workers or demonstrators blocking a road obstruct it in protest (the manual:
            # PROTEST obstruct); a state blocking passage restricts movement (COERCE).
            ev_type, mode = "PROTEST", "obstruct"
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
            and (sources[0].code or "").split()[-1] in POLICE_SECTORS
            and (location is None or location.country == (sources[0].code or "").split()[0])
        ):
            # The police act at home: those they arrest or disperse, named by a number or a
            # noun that is no actor ("arresting 12"), are of the police's country.
            country = (sources[0].code or "").split()[0]
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
        if ev_type == "PROTEST" and not targets and not location and sources and has_country(sources[0]):
            # A domestic protest addresses the protesters' own government.
            country = (sources[0].code or "").split()[0]
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
            negated = False
            irrealis = "modal" if has_modal(stopper) else None
        if irrealis == "purpose" and ev_type in EXPRESSED_BY_ACTION:
            # "blocked highways to protest the taxes", "staged rallies to demand reforms": the act
            # itself voices the protest or the demand.
            irrealis = None
        # Only an act the clause itself announces (a verb, or a noun with its light verb) is a
        # promise or a threat; "should reduce its exercises" announces nothing about exercises.
        predicated = (
            tok.pos_ == "VERB"
            or (trig.governor is not None and self.triggers.is_light(trig.governor))
            or stopper is not None
        )
        hypothetical = irrealis is not None
        if irrealis in ("modal", "intent") and negated and ev_type in COOPERATIVE:
            # "will not meet", "would not release": announcing that one will not cooperate is a
            # refusal, and the refusal is the event that happened.
            ev_type, mode, negated, hypothetical = "REJECT", None, False, False
        elif irrealis == "intent" and ev_type == "ASSAULT" and governor_lemma(trig) in PREPARATION_GOVERNORS:
            ev_type, mode, hypothetical = "MOBILIZE", "troops", False
        elif irrealis in ("modal", "intent") and not negated and ev_type in FUTURE_AS and predicated:
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
        named = sentence_countries(doc, sent) if bare else frozenset()
        for place in places:
            here = place if place is not None and place is not location else home
            placed_sources = [situate(a, here, targets, act_type, named, filed_in) for a in sources]
            placed_targets = [
                situate(a, here, placed_sources, act_type, named, filed_in)
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
    country = (target.code or "").split()[0] if target.code else None
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
