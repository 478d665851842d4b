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

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.analyze import extensions
from storyline.analyze.event_arguments import STATE_SECTORS, ArgumentReader, has_country, situate
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
from storyline.analyze.event_syntax import OBJECT_DEPS, count, token_at
from storyline.analyze.event_triggers import Trigger, TriggerReader, fold_consequences, is_anaphoric
from storyline.analyze.geo import gazetteer
from storyline.model import Actor, Event, Location, Quote, TimeExpression

EXPRESSED_BY_ACTION = frozenset({"PROTEST", "REQUEST"})
WORK_STOPPAGE_NOUNS = frozenset({"strike"})
CIVILIAN_SECTORS = frozenset({"LAB", "CVL", "EDU", "AGR", "OPP", "REF", "SOC"})
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

    def _code_sentence(
        self,
        doc: Doc,
        sent: Span,
        times: dict[int, TimeExpression],
        quotes: list[Quote],
        published: str | None,
        history: dict[str, list[Event]],
    ) -> list[Event]:
        triggers = self.triggers.find(sent)
        if not triggers:
            return []
        by_token = {t.token.i: t for t in triggers}
        fold_consequences(triggers, by_token)
        out: list[Event] = []
        for trig in triggers:
            if trig.absorbed or is_anaphoric(trig, history):
                continue
            out.extend(self._events_for(doc, sent, trig, times, quotes, published, history))
        for event in out:
            history.setdefault(doc[token_at(doc, event.start)].lemma_.lower(), []).append(event)
        return out

    def _events_for(
        self,
        doc: Doc,
        sent: Span,
        trig: Trigger,
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
            if objects and self.arguments.actor(doc, objects[0], history, quotes) is None:
                trig.type, trig.mode = alternative, None
        sources, targets = self.arguments.sources_targets(doc, trig, history, quotes)
        if trig.cue.type in EFFECT_TYPES and "effect" in trig.cue.flags and not sources and not targets:
            return []
        if not any(a is not None and a.code for a in [*sources, *targets]):
            return []  # PLOVER codes events between actors: with none known there is nothing to code
        ev_type, mode = trig.type, trig.mode
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
            and any((a.code or "").split()[-1] in CIVILIAN_SECTORS for a in sources)
        ):
            # Workers, students or farmers do not carry out air strikes: theirs is a labour strike.
            ev_type, mode = "PROTEST", "strike"
        if "state" in trig.cue.flags and ev_type == "PROTEST" and _is_state_protest(trig, sources):
            ev_type, mode = "ACCUSE", "disapprove"
        location = self.arguments.location(doc, trig)
        if location is None and ev_type in ("ASSAULT", "COERCE"):
            # An attack on something somewhere ("positions in Iraq") happened there.
            location = self.arguments.target_location(doc, trig)
        if ev_type == "PROTEST" and not targets and not location and sources and has_country(sources[0]):
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
        home = location or self.arguments.complement_location(trig)
        act_type = ev_type  # the act itself, before a promise or threat of it is coded instead
        date, date_from = event_date(doc, trig, times, published)
        if date_from == "publication" and "speech" in trig.cue.flags:
            # A speech act inside a statement ("I regret …") was made when the statement was.
            said = next((q for q in quotes if q.start <= tok.idx < q.end and q.said_on), None)
            if said is not None:
                date, date_from = said.said_on, said.said_on_from
        negated = is_negated(trig)
        irrealis = irrealis_kind(trig)
        if irrealis == "purpose" and ev_type in EXPRESSED_BY_ACTION:
            # "blocked highways to protest the taxes", "staged rallies to demand reforms": the act
            # itself voices the protest or the demand.
            irrealis = None
        # Only an act the clause itself announces (a verb, or a noun with its light verb) is a
        # promise or a threat; "should reduce its exercises" announces nothing about exercises.
        predicated = tok.pos_ == "VERB" or (trig.governor is not None and self.triggers.is_light(trig.governor))
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
            mode = None if ev_type != "THREATEN" else THREAT_MODES.get(trig.type, mode)
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
        for place in places:
            here = place if place is not None and place is not location else home
            placed_sources = [situate(a, here, targets, act_type) for a in sources]
            placed_targets = [situate(a, here, placed_sources, act_type) for a in targets]
            source_list: list[Actor | None] = [*placed_sources] or [None]
            target_list: list[Actor | None] = [*placed_targets] or [None]
            for source, target in ((a, b) for a in source_list for b in target_list):
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


@Language.factory("storyline_events", default_config={"cues": [], "modes": []})
def make_events(nlp: Language, name: str, cues: list[str], modes: list[str]) -> EventCoder:
    """The events component; ``cues``/``modes`` are paths of users' extra TSV files with the
    columns of the packaged ``event_cues.tsv`` / ``event_modes.tsv``."""
    return EventCoder(nlp, name, cues, modes)


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
