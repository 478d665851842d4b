"""Event arguments: source, target and place of a trigger, read from the parse.

Active verbs: subject → source, object (or a phrase with against/on/to/with) → target; passives:
"by" agent → source, subject → target (no agent: unknown source); nouns: possessor ("X's
strikes"), "by" phrase, an actor adjective ("Israeli air raids"), or the subject of the governing
verb → source; against/on/to/with/at phrase → target. A conjoined subject makes one event per
actor (Iraq and Syria condemned …). An argument that is itself an earlier event ("condemned these
strikes") stands for that event's source. **Place**: an in/at/near phrase on the event's clause
naming a place, geocoded offline.

Where the argument itself names no country, English gives it elsewhere:

- an apposition restates its noun ("Sameh Shoukry, Egypt's foreign minister");
- a subject "it"/"they" continues the nearest earlier subject of its number, in its sentence or
  the one before ("Iran's army fired missiles. It also attacked …");
- the light verb carries the recipient ("give Tanzania a grant of …"), a "that" clause the
  addressee ("its demand that Israel ease …"), a purpose infinitive the target ("opened fire to
  disperse demonstrators"); a directed phrase names its party by a country adjective ("a
  blockade on Palestinian lorries");
- a group named by its sector is of the country where it acts: the event's place, a place in
  the complement clause ("agreed to hold a rally in Nairobi") or in a participle of its own
  phrase ("guerrillas operating in Macedonia"); the police act at home; rebels and the
  opposition face their own country's government.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.analyze.actor_lexicon import COUNTRY, DEMONYM, REGION, ROLE, is_ethnic
from storyline.analyze.actors import (
    SECTOR_CODES,
    TOWN_NOUNS,
    VICTIM_NOUNS,
    countries_named,
    destination_of_mission,
    is_unplaced,
    lexicon_of,
    modifies_a_thing,
    resolve_span,
)
from storyline.analyze.dateline import dateline_end
from storyline.analyze.event_syntax import (
    BOUNDARY_NOUNS,
    OBJECT_DEPS,
    PART_NOUNS,
    PLACE_PREPS,
    PREPOSITIONAL_CONTROL,
    VERB_TARGET_PREPS,
    complement_targets,
    conjuncts_of,
    is_passive,
    phrase,
    place_objects,
    prep_objects,
    relative_antecedent,
    subject_of,
    verb_arguments,
    verb_lemmas,
)
from storyline.analyze.event_triggers import DEONTIC_MODALS, Trigger, TriggerReader
from storyline.analyze.extensions import entity_at, text_of
from storyline.analyze.gender import FEMALE_PRONOUNS, MALE_PRONOUNS, first_pronoun_gender, title_gender
from storyline.analyze.geo import gazetteer
from storyline.data import load_yaml
from storyline.model import Actor, Event, Location, Quote

_WORDS = load_yaml("event_words.yml")  # documented in the file
#: Participles that say whom an act is aimed at ("sanctions targeting Russian oil traders").
AIMING_VERBS = frozenset(_WORDS["aiming_verbs"])
#: Acts done between two other parties: "between X and Y" names the targets, not the source.
THIRD_PARTY_NOUNS = frozenset(_WORDS["third_party_nouns"])
#: Participles whose "by" phrase names who did an act ("an attack claimed by", "carried out by").
AUTHORING_PARTICIPLES = frozenset(_WORDS["authoring_participles"])
#: Participles that make the name before them a helper of the act, not its author ("UN-brokered deal").
MEDIATING_PARTICIPLES = frozenset(_WORDS["mediating_participles"])
#: Nouns of moving away whose "of" phrase is who moves ("the withdrawal of Iraqi forces").
MOVER_NOUNS = frozenset(_WORDS["mover_nouns"])
#: Verbs of moving one's own forces or people: their object is what is moved, not the other party.
MOVER_VERBS = frozenset(_WORDS["mover_verbs"])
#: Verbs of offering a thing to someone: the recipient is the offered act's target ("pledged its support to Y").
OFFERING_VERBS = frozenset(_WORDS["offering_verbs"])
#: Conjunctions of a condition ("unless Baghdad accepts").
CONDITION_MARKS = frozenset(_WORDS["condition_marks"])
#: Verbs of denial: who denies responsibility for an act is not named its author by that.
DENIAL_VERBS = frozenset(_WORDS["denial_verbs"])

#: Means and media, whose "by" phrase is how an act is done, not by whom ("talks by phone").
MEANS_NOUNS = frozenset(
    {"phone", "telephone", "video", "videolink", "videoconference", "link", "mail", "email", "letter", "force",
     "air", "sea", "land", "road", "rail", "satellite", "radio", "decree", "hand", "proxy"}
)
RELATION_PREPS = ("with", "against", "toward", "towards", "on", "to", "for", "among", "between", "of", "by")
#: Nouns of a part of a territory, whose "of" phrase names the place ("the city of Basra", "a
#: residential sector of eastern Beirut").
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "capital", "province", "region", "district", "state"}
    | {"area", "sector", "suburb", "suburbs", "outskirts", "neighborhood", "neighbourhood", "quarter", "part"}
    | {"coast", "island", "county", "governorate", "municipality"}
)
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
RECEIVING_VERBS = frozenset({"receive", "draw", "attract", "face", "get", "earn", "win", "suffer", "incur"})
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
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY"})
POLICE_SECTORS = frozenset({"COP"})
#: Sectors of non-state groups that fight or oppose the state of their country.
INSURGENT_SECTORS = frozenset({"REB", "OPP"})
#: A code made of one PLOVER sector alone names no country.
BARE_SECTORS = SECTOR_CODES
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
#: Third-person pronouns that stand for a group, an organisation or a country, with the grammatical
#: number their antecedent must have.
GROUP_PRONOUNS = {"it": "singular", "they": "plural", "its": "singular", "their": "plural"}
#: Possessive pronouns that stand for a group, an organisation or a country ("its troops").
GROUP_POSSESSIVES = frozenset({"its", "their"})
#: A subject pronoun continues the topic; possessives ("their demands") are left to the clause
#: they stand in, whose subject is usually the possessor.
TOPIC_DEPS = frozenset({"nsubj", "nsubjpass"})


def has_between(trig: Trigger) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "between" for holder in trig.anchors for c in holder.children)


def noun_arguments(noun: Token, trig: Trigger) -> tuple[list[Token], list[Token]]:
    sources = [c for c in noun.children if c.dep_ == "poss"]
    if noun.lemma_.lower() in MOVER_NOUNS:
        # "the withdrawal of Iraqi forces from Kuwait": who withdraws is the "of" phrase, and
        # what they leave (the other party's ground) the "from" phrase.
        return sources + prep_objects(noun, ("by", "of")), prep_objects(noun, ("from",))
    # "strikes by X", then "criticism from Berlin", "aid from Japan": the origin of the act.
    if trig.type == "REQUEST" and not sources:
        # "at the request of intelligence agencies", "the demands of the protesters": whose it is.
        sources = prep_objects(noun, ("of",))
    # (not a means: "talks by phone", "rule by decree")
    origin = [o for o in prep_objects(noun, ("by", "from")) if o.lemma_.lower() not in MEANS_NOUNS]
    if sources and prep_objects(noun, ("from",)) and sources[0].pos_ != "PRON":
        # "Clinton's support from party leaders", "Kyiv's aid from Berlin": who gets it is the possessor.
        return origin, sources + prep_objects(noun, ("against", "on", "to", "for"))
    sources += origin
    # "the attack, claimed by the Taliban", "a raid carried out by special forces": the agent of a
    # participle that says who did it.
    sources += [
        g
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AUTHORING_PARTICIPLES
        for g in prep_objects(c, ("by",))
    ]
    # "the arrest of the opposition leader by security forces": the "by" phrase of an action noun
    # is often read as hanging on its "of" object, the nearer noun; it is the act's author.
    sources += [g for o in prep_objects(noun, ("of",)) for g in prep_objects(o, ("by", "from"))]
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
    # "among" names the parties an act is between ("mediation among the feuding republics").
    # "for" last: whom support or aid is for ("his support for Trump", "aid for Syria").
    targets = prep_objects(
        noun, ("against", "on", "upon", "at", "to", "toward", "towards", "with", "among", "of", "for")
    )
    if trig.type == "REQUEST":
        targets = [t for t in targets if t not in sources]
    claim = noun.head.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if (
        claim is not None
        and noun.head.head.lemma_.lower() in ("responsibility", "credit")
        and claim.pos_ == "VERB"
        and claim.lemma_.lower() not in DENIAL_VERBS
        and not any(c.dep_ == "neg" for c in claim.children)
    ):
        # "IS claimed responsibility for the attack": who claims an act owns it.
        sources += subject_of(claim)
    # "sanctions targeting Russian oil traders", "a ban hitting imports": whom the act is aimed at.
    targets += [
        g
        for c in noun.children
        if c.dep_ == "acl" and c.lemma_.lower() in AIMING_VERBS
        for g in c.children
        if g.dep_ in OBJECT_DEPS
    ]
    # "an attack by militants on a base": the target phrase after the "by" phrase is read onto its noun.
    targets += [g for b in prep_objects(noun, ("by",)) for g in prep_objects(b, ("against", "on", "upon"))]
    if between and not sources:
        first = between[0]
        others = list(conjuncts_of(first))
        if noun.lemma_.lower() in THIRD_PARTY_NOUNS:
            # "mediation between Syria and the PLO": both are mediated between; the mediator is
            # the light verb's subject ("the envoy undertook mediation between …").
            return sources, targets or [first]
        sources = [first]
        if others and not targets:
            targets = [others[0]]
    return sources, targets


def has_country(actor: Actor) -> bool:
    """Whether the actor's code starts with a country or international code, not a bare sector."""
    head = (actor.code or "-").split()[0] if actor.code else ""
    return len(head) == 3 and head.isupper() and head not in BARE_SECTORS


def situate(
    actor: Actor,
    location: Location | None,
    others: list[Actor],
    ev_type: str,
    sentence_countries: frozenset[str] = frozenset(),
    home_country: str | None = None,
    outside_countries: frozenset[str] | None = None,
) -> Actor:
    """An actor named only by its sector ("police", "the rebels", "protesters") belongs to the
    country where the event took place; a government that represses or is protested against
    at home belongs to the country of the other party ("banned Ugandan opposition candidates").
    Last, an official named by a bare title ("President X", "the minister") belongs to the one
    country the sentence names (``sentence_countries``) besides those of the states it deals
    with: news English drops the country of a title when the story is set in that country
    ("Ousted President X agreed to resign without returning to Kyrgyzstan"), while "President X
    threatened Russia" says nothing of X's country. With no country named but the other party's,
    and no state as the other party, the dateline's country (``home_country``) is the weakest guess.
    A group described as of no one country ("foreign officials", "world leaders") gets none.
    ``outside_countries`` are the sentence's countries but for those inside the act's own object or
    complement: "criticized Truman's strategy of containing the Soviet Union" names what is
    criticized, not where the critic is from (None: all of ``sentence_countries``)."""
    if is_unplaced(actor):
        return actor
    parts = (actor.code or "").split()
    if len(parts) != 1 or parts[0] not in DOMESTIC_SECTORS:
        return actor
    country = location.country if location is not None and location.country else None
    if country is None and ev_type in DOMESTIC_TYPES:
        country = next(
            (
                (o.code or "-").split()[0]
                for o in others
                if has_country(o) and (o.code or "")[:3].isalpha() and (o.code or "")[:3] not in INTERNATIONAL_CODES
            ),
            None,
        )
    if country is None:
        # The police act at home: those they fire on, arrest or disperse are of their country.
        country = country_of_sector(others, POLICE_SECTORS)
    if country is None and parts[0] in STATE_SECTORS:
        # Rebels and the opposition act against their own state: "rebels in the Ivory Coast
        # dismissed an appeal from President Gbagbo".
        country = country_of_sector(others, INSURGENT_SECTORS)
    if country is None and parts[0] in INSURGENT_SECTORS and actor.affiliation is None:
        # …and so, seen from their side: "Kurdish rebels attacked a Turkish police station". Not
        # from soldiers, who may be abroad ("militants attacked US troops"), nor for groups a
        # foreign state backs ("Iran-backed militias").
        country = country_of_sector(others, (STATE_SECTORS - {"MIL"}) | POLICE_SECTORS)
        if country in INTERNATIONAL_CODES:
            country = None
    if country is None and parts[0] in STATE_SECTORS | POLICE_SECTORS:
        states = {(o.code or "-").split()[0] for o in others if has_country(o) and is_state(o)}
        free = sentence_countries if outside_countries is None else outside_countries
        remaining = free - states
        country = next(iter(remaining)) if len(remaining) == 1 else None
        if country is None and not remaining and not states and not sentence_countries - free:
            # Weakest: a sentence that names no other country is set where the story was filed.
            country = home_country
    only = next(iter(sentence_countries)) if len(sentence_countries) == 1 else None
    state = parts[0] in STATE_SECTORS | POLICE_SECTORS
    if (
        country is None
        and only is not None
        and any(
            has_country(o)
            and (o.code or "-").split()[0] == only
            and not (state and is_state(o))
            # soldiers may be abroad: those who fight them are not thereby of their country
            and not (parts[0] in INSURGENT_SECTORS and (o.code or "").endswith("MIL"))
            # nor those who deal with a whole country ("the rebels urged France to stop …",
            # "militants threatened Britain"): a country named as such is dealt with from outside
            and not (parts[0] in INSURGENT_SECTORS and len((o.code or "").split()) == 1)
            for o in others
        )
    ):
        # "Nicaragua's government ordered the opposition newspaper …", "the government banned
        # the Ugandan opposition": when the sentence names one country, that of the other party,
        # a group named by its sector is of it too — but an official dealing with a state is not
        # of that state ("the minister met the Iranian envoy").
        country = only
    if not country or len(country) != 3 or country in INTERNATIONAL_CODES:
        return actor
    return Actor(actor.name, f"{country} {parts[0]}", actor.affiliation)


def dateline_country(doc: Doc) -> str | None:
    """The country of the place a wire dateline names ("KABUL (Reuters) -", "(Washington)") when
    the story is about it — no other country is named more often in the text — or None: then the
    usual home of the officials the story quotes by title alone. A story filed from a neighbouring
    capital ("CAIRO (Reuters) - … Libya … Libya …") is not set there."""
    text = text_of(doc)[:120]
    end = dateline_end(text)
    if not end:
        return None
    country = _dateline_place(text[:end])
    if country is None:
        return None
    # The countries the story names, read off the entity mentions the actors component resolved
    # (not a second pass of the dictionary over every word).
    counts = Counter(
        code.split()[0]
        for mention in doc._.entities or []
        if mention.actor is not None
        and (code := mention.actor.code)
        and len(code.split()[0]) == 3
        and code.split()[0].isupper()
        and code.split()[0] not in SECTOR_CODES  # "GOV", "REB": a sector, no country
        and not code.endswith("JRN")
    )
    return country if counts.get(country, 0) + 1 >= max(counts.values(), default=0) else None


def _dateline_place(head: str) -> str | None:
    """The country of the dateline's place: the capitals before the date or agency ("KABUL",
    "WASHINGTON, Feb 5") or a place in parentheses ("(Washington)"); agencies are no places."""
    candidates = [head.split("(")[0].split(",")[0].strip(" -–—"), *re.findall(r"\(([^()]+)\)", head)]
    for raw in candidates:
        name = raw.strip().title() if raw.strip().isupper() else raw.strip()
        if not name:
            continue
        place = gazetteer().lookup(name)
        if place is not None and place.country and place.country not in INTERNATIONAL_CODES:
            return place.country
    return None


def is_state(actor: Actor) -> bool:
    """A country itself or one of its state sectors ("IRN", "IRN GOV", "IRN MIL")."""
    parts = (actor.code or "").split()
    return len(parts) == 1 or (len(parts) > 1 and parts[1] in STATE_SECTORS | POLICE_SECTORS)


def sentence_countries(doc: Doc, sent: Span | Sequence[Token]) -> frozenset[str]:
    """The countries a sentence names (by a country name, a capital, a demonym or an
    organisation of that country; affiliations such as "pro-Iran", ethnic groups and news media do
    not count)."""
    return frozenset(country for _, country in country_mentions(doc, sent))


def country_mentions(doc: Doc, sent: Span | Sequence[Token]) -> list[tuple[int, str]]:
    """The countries a sentence names (see :func:`sentence_countries`), each with the position of
    the first word that names it."""
    lexicon = lexicon_of(doc)
    return [
        (m.start, m.entry.country)
        for m in lexicon.match(sent, doc._.published)
        if m.entry.country
        and not m.affiliation
        and not (
            m.entry.kind == DEMONYM
            and modifies_a_thing(lexicon, doc[m.end - 1], PLACE_NOUNS | BOUNDARY_NOUNS | QUANTITY_NOUNS)
        )
        and m.entry.kind != "role"
        and m.entry.sector != "JRN"  # "…, Reuters reported": the news agency is no place of the story
        and len(m.entry.country) == 3
        and m.entry.country not in INTERNATIONAL_CODES
        and not is_ethnic(doc, m.start)
    ]


def unowned_places(doc: Doc, sent: Span | Sequence[Token]) -> list[tuple[str, str]]:
    """The sentence's country mentions (text, country) that say where someone is sent or where harm
    happened (see :func:`names_no_home`): no country for the actor whose own phrase holds them."""
    lexicon = lexicon_of(doc)
    return [
        (doc[m.start : m.end].text, m.entry.country)
        for m in lexicon.match(sent, doc._.published)
        if m.entry.country and names_no_home(doc[m.end - 1])
    ]


def names_no_home(tok: Token) -> bool:
    """Whether a place name ending at ``tok`` says where someone is sent or where harm happened, not
    whose they are: the "to" phrase of a mission noun ("a delegation to Syria", "the envoy to South Sudan")
    and a town before a victim noun ("a Benghazi victim's mother"). Such a mention gives no country to an
    actor named by its sector alone."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in VICTIM_NOUNS:
        return True
    return destination_of_mission(tok)


#: Prepositions whose protest noun is an occasion of the clause's act ("during demonstrations").
OCCASION_PREPS = frozenset({"during", "in", "at", "for", "to", "into"})


def protest_participants(noun: Token) -> list[Token]:
    """The subject of the clause a protest noun is the occasion of: "youths threw stones during
    demonstrations", "thousands converged for a rally" (through infinitives and gerunds)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in OCCASION_PREPS:
        return []
    verb = noun.head.head
    # "resorted to throwing stones during demonstrations": a gerund after a preposition has the
    # subject of the verb it completes.
    while verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX") and not subject_of(verb):
        verb = verb.head.head
    if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
        return []
    return subject_of(verb)


def share_country(conjuncts: list[Actor]) -> list[Actor]:
    """ "France's Assembly president and a group of deputies": conjuncts named by their sector
    alone belong to the one country their co-conjuncts name (English coordinates like with like)."""
    countries = {(a.code or "-").split()[0] for a in conjuncts if has_country(a)}
    if len(countries) != 1 or len(conjuncts) < 2:
        return conjuncts
    country = next(iter(countries))
    if country in INTERNATIONAL_CODES:
        return conjuncts
    return [
        # An affiliated group ("pro-Iran militias") is explicitly not of the country it is aligned with.
        Actor(a.name, f"{country} {a.code}", a.affiliation) if a.code in DOMESTIC_SECTORS and not a.affiliation else a
        for a in conjuncts
    ]


def coordinated(head: Token) -> list[Token]:
    """A head and its conjuncts; for a part or quantity noun, the conjuncts of its "of" phrase
    ("targets of elite Iranian forces and pro-Iran armed groups": two parties)."""
    out = [head, *conjuncts_of(head)]
    if len(out) == 1 and (head.lemma_.lower() in PART_NOUNS or head.lemma_.lower() in QUANTITY_NOUNS):
        for obj in prep_objects(head, ("of",)):
            out.extend(conjuncts_of(obj))
    return out


def country_of_sector(actors: list[Actor], sectors: frozenset[str]) -> str | None:
    """The country of the first actor coded as one of ``sectors`` of a country ("EGY COP")."""
    for actor in actors:
        parts = (actor.code or "").split()
        if len(parts) == 2 and parts[1] in sectors and has_country(actor):
            return parts[0]
    return None


def purpose_objects(verb: Token) -> list[Token]:
    """The objects of a purpose infinitive on ``verb`` ("fired to disperse the crowd")."""
    return [
        g
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        for g in c.children
        if g.dep_ in ("dobj", "obj")
    ]


def condition_subjects(verb: Token) -> list[Token]:
    """The subjects of the conditions ("if", "unless") on ``verb`` or on its complements."""
    clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj"))]
    return [
        g
        for holder in clauses
        for c in holder.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
        for g in c.children
        if g.dep_ in ("nsubj", "nsubjpass")
    ]


def content_clause_subjects(holder: Token) -> list[Token]:
    """The subject of a "that" clause of a noun ("the demand that Israel ease restrictions") or of
    the verb that predicates it."""
    return [
        g
        for c in holder.children
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for g in c.children
        if g.dep_ in ("nsubj", "nsubjpass")
    ]


def grammatical_number(noun: Token) -> str:
    """ "Iraq and Syria", "the rebels": plural; "Iraq", "the army": singular."""
    if noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children):
        return "plural"
    return "singular"


def with_apposition_country(doc: Doc, head: Token, actor: Actor | None) -> Actor | None:
    """An apposition restates its noun: "Sameh Shoukry, Egypt's foreign minister" and "the
    minister, Sameh Shoukry" name one actor, so a country named in either belongs to both."""
    others = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        others.append(head.head)
    for other in others:
        tokens = phrase(other)
        found = resolve_span(doc, tokens) if tokens else None
        if found is None or not has_country(found) or not found.code:
            continue
        if actor is None or not actor.code:
            return found
        country = found.code.split()[0]
        parts = actor.code.split()
        sector = parts[-1] if parts else None
        return Actor(actor.name, f"{country} {sector}" if sector else country, actor.affiliation)
    return actor


def with_place_of_activity(doc: Doc, head: Token, actor: Actor) -> Actor:
    """ "guerrillas operating in Macedonia", "refugees fleeing the war in Liberia": a group named
    by its sector and placed by a participle of its own phrase belongs to that country."""
    for clause in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBG"):
        holders = [clause, *(c for c in clause.children if c.dep_ in ("dobj", "obj"))]
        for obj in (o for holder in holders for o in prep_objects(holder, PLACE_PREPS)):
            place = geocode(doc, obj)
            if place is not None and place.country and place.country not in INTERNATIONAL_CODES:
                return Actor(actor.name, f"{place.country} {actor.code}", actor.affiliation)
    return actor


#: Entity labels of names that stand for a party even when no dictionary codes them.
PARTY_LABELS = ("PERSON", "ORG")
_FULL_NAMES_KEY = "storyline_event_full_names"


def uncoded_name(doc: Doc, head: Token) -> str | None:
    """The name of the person or organisation (a PERSON or ORG entity) ``head`` belongs to, or None.
    A person is named by the fullest form the article gives: news copy names a person in full
    first and by the surname later ("Adam Schiff … Schiff said"), so a mention resolves to the
    longest person name of the document that ends with its last word."""
    if head.ent_type_ not in PARTY_LABELS or head.pos_ not in ("PROPN", "NOUN"):
        return None
    prep = head.head if head.dep_ == "pobj" else None
    if (
        prep is not None
        and prep.lower_ in MEDIUM_PREPS
        and prep.head.pos_ in ("VERB", "AUX")
        and prep.head.lemma_.lower() not in PREPOSITIONAL_CONTROL.get(prep.lower_, ())
    ):
        return None  # "fired back on Twitter", "said in The Times", "via Facebook": a medium, no party
    if prep is not None and (
        (prep.lower_ in PLACE_PREPS and not (prep.lower_ in ("at", "around") and head.ent_type_ == "PERSON"))
        or prep.lower_ in ("into", "toward", "towards")
        or (prep.lower_ == "from" and (prep.head.lemma_.lower() in MOVER_VERBS | MOVER_NOUNS))
    ):
        return None  # "withdraw from Crimea", "troops in Donbas": a place the tagger took for a name
    start, end = head.i, head.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    person = head.ent_type_ == "PERSON"
    words = [t for t in doc[start:end] if t.tag_ != "POS" and not (person and t.lower_ in HONORIFIC_WORDS)]
    while words and not words[0].text[:1].isalnum():
        words = words[1:]
    if not words:
        return None
    text = doc[words[0].i : words[-1].i + 1].text
    if (prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS) or (
        gazetteer().lookup(text, doc._.published) is not None
    ):
        return None  # "the town of Brega", a place the tagger took for a person: no party
    if not person:
        return text
    full = doc.user_data.get(_FULL_NAMES_KEY)
    if not isinstance(full, dict):
        full = {}
        for ent in doc.ents:
            toks = [t for t in ent if t.tag_ != "POS" and t.lower_ not in HONORIFIC_WORDS]
            if ent.label_ != "PERSON" or not toks:
                continue
            name = doc[toks[0].i : toks[-1].i + 1].text
            key = toks[-1].lower_
            if len(name) > len(full.get(key, "")):
                full[key] = name
        doc.user_data[_FULL_NAMES_KEY] = full
    best = full.get(words[-1].lower_, text)
    return best if isinstance(best, str) and len(best) > len(text) else text


def same_person(a: Actor, b: Actor) -> bool:
    """Whether two actors are one party by name ("Paul D. Ryan" and "Paul Ryan" share the surname)."""
    return a.name == b.name or (a.name.split()[-1:] == b.name.split()[-1:] and a.name[:1] == b.name[:1])


#: Prepositions that attach the medium or venue of an act to its verb ("on Twitter", "in the Times").
MEDIUM_PREPS = frozenset({"on", "in", "via", "through"})
#: Honorifics and titles that are no part of a person's name.
HONORIFIC_WORDS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "the", "president", "sen.", "rep.",
     "gov.", "gen.", "lt.", "col.", "prof.", "senator", "minister", "prime", "secretary"}
)


def antecedent_person(doc: Doc, pronoun: Token) -> Actor | None:
    """ "he"/"she": a coded person named before the pronoun, within the two sentences before it
    (news English names a person, then refers back to them), skipping persons known to be of the other
    gender (see :func:`person_genders`) and those in the pronoun's own clause ("he pressed Clinton").
    In the pronoun's sentence, the one in the nearest clause up from the pronoun wins ("keep the
    pressure on Gaddafi until he steps down"); else the last one named as a clause subject, for the
    topic is kept in subject position; else the last one named."""
    sent_start = pronoun.sent.start
    window_start = doc[max(sent_start - 1, 0)].sent.start if sent_start > 0 else 0
    if window_start > 0:
        window_start = doc[window_start - 1].sent.start
    wanted = "f" if pronoun.lower_ in ("she", "her") else "m"  # he, him, his
    same_form = FEMALE_PRONOUNS if wanted == "f" else MALE_PRONOUNS
    earlier = next(
        (t for t in pronoun.sent if t.i < pronoun.i and t.dep_ == "nsubj" and t.lower_ in same_form), None
    )
    if earlier is not None:
        # "He visited Netanyahu in Israel, where he also met reporters": a second pronoun of the
        # sentence continues its first, the sentence's subject.
        return antecedent_person(doc, earlier)
    genders = person_genders(doc)
    chain = _clause_chain(pronoun)
    # (actor, in the pronoun's sentence, a clause subject, of the pronoun's gender as the text shows,
    # how far up from the pronoun the candidate's clause is)
    found: list[tuple[Actor | None, bool, bool, bool, int]] = []
    for mention in doc._.entities or []:
        if mention.label != "PERSON":
            continue
        if not doc[window_start].idx <= mention.start < pronoun.idx:
            continue
        # A person the dictionary does not know still stands in the way ("the woman, Eman al-Obaidi,
        # said she had been raped" is not about anyone named before): the pronoun then stays unknown.
        actor = mention.actor if mention.actor is not None and mention.actor.code else None
        gender = genders.get(actor.name) if actor is not None else None
        if gender is not None and gender != wanted:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        if actor is None and root is not None:
            # (named by the fullest form of the name, with no code)
            name = uncoded_name(doc, root)
            actor = Actor(name, None) if name is not None else None
        if root is not None and _coargument(root, pronoun):
            continue
        subject = root is not None and _in_subject(root)
        clause = _clause_of(root) if root is not None else None
        if clause is not None and pronoun.dep_ == "nsubj" and clause.i == pronoun.head.i:
            continue  # "that he had struck a deal with Kasich": not a party of the pronoun's own clause
        height = chain.index(clause.i) if clause is not None and clause.i in chain else len(chain)
        for rel in (c for c in (root.children if root is not None else []) if c.dep_ == "relcl"):
            if rel.i in chain and chain.index(rel.i) < height:
                # "Eman al-Obaidi, who said she had been raped": the subject of the relative clause
                height, subject = chain.index(rel.i), True
        found.append((actor, mention.start >= pronoun.sent.start_char, subject, gender == wanted, height))
    same = [f for f in found if f[1]]
    if same:
        # In the pronoun's sentence: the nearest clause up from the pronoun, its subject first,
        # then the latest ("Ankara parted ways with Assad over his crackdown, Erdogan said": Assad).
        best = min(same, key=lambda f: (f[4], not f[2], -same.index(f)))
        return best[0]
    # Before the sentence: a subject, one the text shows to be of the pronoun's gender first.
    subjects = [f for f in found if f[2]]
    for cand in reversed([f for f in subjects if f[3]] or subjects):
        return cand[0]
    return found[-1][0] if found else None




def person_genders(doc: Doc) -> dict[str, str]:
    """The gender of each coded person of the document, where the text shows it: a title before a
    mention ("Mrs. Clinton"), else a clear majority of the pronouns that follow the person in the
    sentences where they are the subject ("Warren said her bill …"). No list of names is used. Read
    once per document, when a pronoun first needs it."""
    cached = doc.user_data.get("storyline_event_genders")
    if isinstance(cached, dict):
        return cached
    votes: dict[str, Counter[str]] = {}
    for mention in doc._.entities or []:
        if mention.label != "PERSON" or mention.actor is None:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tally = votes.setdefault(mention.actor.name, Counter())
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        titled = title_gender((span[0].lower_, before))
        if titled is not None:
            tally[titled] += 5
        if _in_subject(span.root) and (said := first_pronoun_gender(doc[span.end : span.root.sent.end])):
            tally[said] += 1  # later pronouns of the sentence may be anyone's
    genders = {
        name: ("m" if tally["m"] > tally["f"] else "f")
        for name, tally in votes.items()
        if tally["m"] != tally["f"]
    }
    doc.user_data["storyline_event_genders"] = genders
    return genders


def _clause_of(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (its clause's head)."""
    node = tok
    for _ in range(12):
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _clause_chain(tok: Token) -> list[int]:
    """The indices of the clause heads above ``tok``, nearest first."""
    out: list[int] = []
    node: Token | None = _clause_of(tok)
    while node is not None and node.i not in out and len(out) < 8:
        out.append(node.i)
        node = _clause_of(node) if node.head is not node else None
    return out


def _coargument(tok: Token, pronoun: Token) -> bool:
    """Whether ``tok`` is an argument of the pronoun's own verb (a pronoun cannot stand for it)."""
    verb = pronoun.head
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    return head.i == verb.i and tok.i != pronoun.i


def _in_subject(tok: Token) -> bool:
    """Whether ``tok`` heads or sits in (through compounds and appositions) a clause subject."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.dep_ not in ("compound", "appos", "flat") or node.head is node:
            return False
        node = node.head
    return False


def speaker_actor(tok: Token, quotes: list[Quote]) -> Actor | None:
    for q in quotes:
        if q.start <= tok.idx < q.end and q.speaker is not None and q.speaker.code:
            return Actor(q.speaker.org or q.speaker.name, q.speaker.code)
    return None


def geocode(doc: Doc, tok: Token, depth: int = 0) -> Location | None:
    ent = entity_at(tok)
    if ent is None or ent.label_ not in ("GPE", "LOC", "FAC"):
        misread = _misread_place(tok, ent)
        if misread is not None:
            return misread
        if depth > 2:
            return None
        # "the city of Basra", "this jail in northern Israel": the named place inside.
        place_noun = tok.lemma_.lower() in PLACE_NOUNS
        preps = ("of", *PLACE_PREPS) if place_noun else tuple(PLACE_PREPS)
        # "the capital Kabul": a place noun's apposition names it.
        named = [c for c in tok.children if c.dep_ == "appos"] if place_noun else []
        # "the Brussels airport", "a Kabul hotel": a place name modifying a thing says where it is
        # (not so for people: "a US pastor").
        if not lexicon_of(doc).names_people(tok):
            named += [c for c in tok.children if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC")]
        if tok.lemma_.lower() == "capital" and not named:
            capital = _capital_of_modifier(doc, tok)
            if capital is not None:
                return capital
        for obj in [*named, *prep_objects(tok, preps)]:
            found = geocode(doc, obj, depth + 1)
            if found is not None:
                return found
        return None
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    gaz = gazetteer()
    place = gaz.lookup(name)
    if place is not None and name.lower() in gaz.homonyms:
        place = gaz.lookup_near(name, countries_named(doc, ent))
    if place is None:
        actor = resolve_span(doc, ent)
        country = (actor.code or "-").split()[0] if actor is not None and actor.code else None
        return Location(name=name, country=country) if country and len(country) == 3 else Location(name=name)
    return Location(name=name, country=place.country, lat=place.lat, lon=place.lon, admin1=place.admin1)


#: A name the tagger did not read as a place is taken as one only for a city at least this big.
MIN_MISREAD_CITY = 100_000


def _misread_place(tok: Token, ent: Span | None) -> Location | None:
    """ "attacked a convoy near Goma", "off the coast of Trincomalee": a proper name after a place
    preposition (or after "of" on a place noun) that the gazetteer knows as a country, a capital or
    a big city is that place, whatever label the tagger gave it (it often reads towns as persons)."""
    prep = tok.head
    of_place = prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS  # "the coast of Trincomalee"
    if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or not (prep.lower_ in PLACE_PREPS or of_place):
        return None
    name = ent.text if ent is not None else tok.text
    place = gazetteer().lookup(name)
    if place is None or (place.kind == "city" and place.population < MIN_MISREAD_CITY):
        return None
    return Location(name=name, country=place.country, lat=place.lat, lon=place.lon, admin1=place.admin1)


def _capital_of_modifier(doc: Doc, tok: Token) -> Location | None:
    """ "the Liberian capital", "Kenya's capital": the capital of the country the noun's modifier names."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")]
    lexicon = lexicon_of(doc)
    for mod in mods:
        for m in lexicon.match(doc[mod.i : mod.i + 1], doc._.published):
            if m.entry.kind in (COUNTRY, DEMONYM) and m.entry.country:
                place = next((p for p in gazetteer().capitals.values() if p.country == m.entry.country), None)
                if place is not None:
                    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                                    admin1=place.admin1)
    return None


#: Participles of holding: what is "seized by", "held by" or "controlled by" a party is its own.
HOLDING_PARTICIPLES = frozenset({"seize", "hold", "control", "occupy", "capture", "own", "run", "operate"})


def _had_gerund(verb: Token) -> bool:
    """ "has backing from", "had support among": an -ing form after a bare "have" (no "been") is a
    noun read as a verb — English forms no perfect tense without "been" before a participle in -ing."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return (
        verb.tag_ == "VBG"
        and any(a.lemma_.lower() == "have" for a in auxes)
        and not any(a.lemma_.lower() == "be" for a in auxes)
        and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
    )


class ArgumentReader:
    """Reads the actors and places of triggers; knows event nouns through the trigger reader."""

    def __init__(self, triggers: TriggerReader) -> None:
        self.triggers = triggers

    def sources_targets(
        self, doc: Doc, trig: Trigger, history: dict[str, list[Event]], quotes: list[Quote]
    ) -> tuple[list[Actor], list[Actor]]:
        tok = trig.token
        source_toks: list[Token] = []
        target_toks: list[Token] = []
        complement_toks: list[Token] = []
        if tok.pos_ == "VERB":
            source_toks, target_toks = verb_arguments(tok)
            datives = [c for c in tok.children if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN")]
            if trig.type == "AGREE" and datives:
                # "is promising donors tickets to an Iowa rally": whom one promises or offers something
                # is the party of the promise, not a party the thing promised is tied to.
                target_toks = datives
            if _had_gerund(tok):
                # "Sanders has backing from 33 percent of voters": "has" with an -ing form and no
                # "been" is a noun the subject has, misread as a verb; "from" names who gives it.
                source_toks = prep_objects(tok, ("from", "among"))
                target_toks = subject_of(tok)
            if trig.type == "CONSULT":
                # "discussed the plan on Fox News", "met at the White House": a meeting's partner is
                # its object or its "with" phrase, not where or on what it was held, nor what the
                # topic it discussed is about.
                topics = [
                    t for t in target_toks if t.dep_ in OBJECT_DEPS and self.actor(doc, t, history, quotes) is None
                ]
                target_toks = [
                    t
                    for t in target_toks
                    if not (t.dep_ == "pobj" and t.head.lower_ in ("on", "at", "upon")) and t not in topics
                ] + [g for t in topics for g in prep_objects(t, ("with",))]  # "discussed the crisis with Putin"
            if tok.lemma_.lower() in MOVER_VERBS:
                # "withdrew its troops from Badme", "deployed troops along its border with Somalia":
                # what is moved is the mover's own; the other party is where it goes or leaves.
                target_toks = prep_objects(tok, ("from", "into", "to", "toward", "towards")) + [
                    t for t in target_toks if t.dep_ not in OBJECT_DEPS
                ] + [g for c in tok.children if c.dep_ in OBJECT_DEPS for g in prep_objects(c, ("from", "to"))]
        else:
            source_toks, target_toks = noun_arguments(tok, trig)
            receiver = (
                trig.governor
                if trig.governor is not None and verb_lemmas(trig.governor)[0] in (RECEIVING_VERBS)
                else None
            )
            if receiver is not None:
                # "drew criticism from Berlin", "faces sanctions from the EU": the subject of a
                # verb of receiving undergoes the act; "from"/"by" names who does it.
                source_toks = source_toks or prep_objects(receiver, ("from", "by"))
                target_toks = subject_of(receiver) + [t for t in target_toks if t.dep_ != "poss"]
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
                source_toks = verb_arguments(trig.governor)[0]
                if not source_toks and trig.governor in trig.anchors and is_passive(trig.governor):
                    # "Serb forces were engaged in ethnic cleansing": a light verb in the passive
                    # form with no "by" phrase is a state of its subject, who does the act.
                    source_toks = [c for c in trig.governor.children if c.dep_ == "nsubjpass"]
            # The noun's own phrases first; then the light verb's ("give Tanzania a grant of 580
            # million shillings", "lodged a protest with the ambassador") and the carrier's: the
            # first candidate that names an actor wins.
            offering = tok.head if tok.dep_ in OBJECT_DEPS and tok.head.pos_ == "VERB" else None
            if trig.governor is None and offering is not None and offering.lemma_.lower() in OFFERING_VERBS:
                # "pledged its support to Hezbollah", "offered Iraq its help": the act offered goes to
                # the recipient, who is its target.
                target_toks = target_toks + [
                    c for c in offering.children if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN")
                ]
                target_toks = target_toks + prep_objects(offering, ("to",))
            if trig.governor is not None:
                target_toks = target_toks + [c for c in trig.governor.children if c.dep_ in ("dative", "iobj")]
                target_toks = target_toks + prep_objects(trig.governor, VERB_TARGET_PREPS)
            if trig.carrier is not None:
                target_toks = target_toks + prep_objects(trig.carrier, VERB_TARGET_PREPS)
            # "its demand that Israel ease restrictions": who is to act is the addressee.
            target_toks = target_toks + content_clause_subjects(tok)
            if trig.governor is not None and trig.governor in trig.anchors:
                # "reiterated its demand today that Israel ease …": the clause may follow the verb.
                target_toks = target_toks + content_clause_subjects(trig.governor)
        for merged in trig.merged:
            # The victims of the consequence are candidates too ("killed 4 Iraqis in an attack on …").
            target_toks = target_toks + verb_arguments(merged)[1]
            if not source_toks:
                # "British aircraft killed 4 Iraqis in an attack": the killer made the attack.
                source_toks = [
                    t for t in verb_arguments(merged)[0] if t.i != tok.i and not self.triggers.is_event_noun(t)
                ]
        if (
            not source_toks
            and tok.pos_ == "NOUN"
            and tok.lower_.endswith("ing")
            and tok.dep_ == "pobj"
            and tok.head.lower_ in ("after", "before", "since", "while", "upon", "on", "by")
            and tok.head.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("det", "poss") for c in tok.children)
        ):
            # "Erdogan spoke after meeting Obama": a bare gerund (often read as a noun) has the subject
            # of the clause it hangs on.
            source_toks = subject_of(tok.head.head)
        holder = tok.head.head if tok.dep_ == "pobj" else tok
        if holder.pos_ == "NOUN" and holder.dep_ in OBJECT_DEPS:
            holder = holder.head  # "made the visit after a meeting with …"
        if (
            not source_toks
            and tok.pos_ == "NOUN"
            and trig.type == "CONSULT"
            and tok.dep_ == "pobj"
            and tok.head.lower_ in ("after", "before", "during", "following", "at", "in")
            and holder.pos_ in ("VERB", "AUX")
        ):
            partners = [c for c in holder.children if c.dep_ in ("dobj", "dative", "iobj")]
            if prep_objects(tok, ("with",)) or (tok.head.lower_ == "in" and partners):
                # "Clinton made the visit after a meeting with community leaders", "in a phone call,
                # Biden told Netanyahu …": who meets someone around the clause's act is the clause's
                # subject, and whom the clause addresses the other party.
                source_toks = subject_of(holder)
                if not prep_objects(tok, ("with",)):
                    target_toks = target_toks + partners
        if not source_toks and trig.type == "ASSAULT" and tok.pos_ == "VERB" and is_passive(tok):
            # "12 civilians were killed in raids by government forces": the author of the act the
            # killing happened in.
            source_toks = [
                g
                for g in prep_objects(tok, ("in", "during"))
                if self.triggers.is_event_noun(g) and prep_objects(g, ("by",))
            ]
        if (
            tok.pos_ == "NOUN"
            and trig.governor is None
            and source_toks
            and source_toks[0].dep_ == "poss"
            and source_toks[0].lower_ in GROUP_POSSESSIVES
        ):
            # "committed war crimes in its violent crackdown", "its Gulf war with Iraq": with no verb
            # of its own, the act is that of the group named before as a subject.
            owner = self.antecedent_group(doc, source_toks[0], history, quotes)
            if owner is not None:
                source_toks = []
                owned = [owner]
            else:
                owned = []
        else:
            owned = []
        participants = not source_toks and tok.pos_ == "NOUN" and trig.type == "PROTEST"
        if participants:
            # "youths threw stones during demonstrations", "thousands converged for a rally":
            # those who act in or for a protest are its protesters — unless they are the state
            # (police firing tear gas during a demonstration), dropped below.
            source_toks = protest_participants(tok)
        clause = tok if tok.pos_ == "VERB" else trig.governor
        # "called on the administration to call out Russia", "urged Germany to expel Russian
        # diplomats": the one asked is the target of a request, not a party of what is asked.
        asked = (
            trig.type == "REQUEST"
            and tok.pos_ == "VERB"
            and any(c.dep_ == "xcomp" for c in tok.children)
            and bool([c for c in tok.children if c.dep_ in ("dobj", "dative")] + prep_objects(tok, ("on", "upon")))
        )
        if clause is not None and not asked:
            # "opened fire to disperse demonstrators": whom the act is meant to affect is its target.
            target_toks = target_toks + purpose_objects(clause)
        if tok.pos_ == "VERB":
            # "demanded that the US cancel …", "threatened to break relations with Russia": the
            # addressee is in the complement clause — not a party owned by a pronoun there, which
            # stands for the speaker ("denied that its forces shelled the village").
            complement_toks = [
                t
                for t in complement_targets(tok)
                if not (t.dep_ in ("nsubj", "nsubjpass") and any(
                    c.dep_ == "poss" and c.lower_ in GROUP_POSSESSIVES | {"his", "her"} for c in t.children
                ))
            ]
            if asked:
                complement_toks = []
            obliged = [
                g
                for c in tok.children
                if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in DEONTIC_MODALS for a in c.children)
                for g in c.children
                if g.dep_ in ("nsubj", "nsubjpass")
            ]
            if trig.type == "REQUEST" and obliged:
                # "saying the council should not give up on Syria": who should act is the one asked,
                # never a party inside what they should do.
                complement_toks = obliged
            target_toks = target_toks + complement_toks
            if self.reports_preceding_clause(trig):
                # "Croatian authorities are failing …, a rights group protested": a reporting
                # clause after its content; the content's subject is whom the speech act is about.
                target_toks = target_toks + [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if trig.type == "THREATEN" and clause is not None:
            # "threatened an offensive unless Baghdad accepted its conditions": the party whose
            # compliance the threat demands is the one it is aimed at.
            target_toks = target_toks + condition_subjects(clause)
        # "clashes between X and Y" pair X (source) with Y (target); a mediation between them has both as targets.
        pairwise = tok.pos_ == "NOUN" and has_between(trig) and tok.lemma_.lower() not in THIRD_PARTY_NOUNS
        sources = owned or self.actors(doc, source_toks, history, quotes, conjuncts=not pairwise)
        targets = self.actors(doc, target_toks, history, quotes, conjuncts=not pairwise, relational=True)
        if participants:
            sources = [a for a in sources if (a.code or "-").split()[-1] not in STATE_SECTORS | POLICE_SECTORS]
        if not sources and tok.pos_ == "NOUN":
            sources = self.modifier_actor(doc, tok)
        if trig.type == "MOBILIZE" and not sources and is_passive(tok) and targets:
            # "troops were deployed": the deploying party is the one the troops belong to.
            sources, targets = targets, []
        sources = [s for s in sources if s is not None]
        targets = [
            t
            for t in targets
            if t is not None
            and (not sources or not any(t.code == s.code if t.code else same_person(t, s) for s in sources))
        ]
        if (
            "speech" in trig.cue.flags
            and complement_toks
            and sources
            and all(is_state(s) and has_country(s) for s in sources)
        ):
            # "Kim Jong Un warned that North Korea would use nuclear weapons": a state speaking of its
            # own country in what it says announces what it will do itself; it addresses no one.
            own = {(s.code or "-").split()[0] for s in sources}
            reported = {a.code for a in self.actors(doc, complement_toks, history, quotes) if a is not None}
            targets = [t for t in targets if not (t.code in own and t.code in reported)]
        return sources, targets

    def reports_preceding_clause(self, trig: Trigger) -> bool:
        """Whether the trigger is a speech act set after the clause it reports, behind a comma
        ("Israel is violating the truce, Lebanon complained") — not an act a report is about
        ("… killed 3,000 people, the UN says") nor a report inside another ("X said Y complained")."""
        tok, head = trig.token, trig.token.head
        if "speech" not in trig.cue.flags or tok.dep_ not in ("ccomp", "parataxis") or head.i >= tok.i:
            return False
        if head.pos_ not in ("VERB", "AUX") or self.triggers.verb_cue(head) is not None:
            return False
        return any(t.text == "," for t in tok.doc[head.i + 1 : tok.i])

    def actors(
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
            for conj in coordinated(head) if conjuncts else [head]:
                # "offered its troops to Lebanon", "closed its borders with Iran": what a pronoun
                # owns is the source's own, the theme of the act and not its target.
                actor = self.actor(doc, conj, history, quotes, possessor=not relational)
                if actor is None and relational:
                    actor = self.related_actor(doc, conj, history, quotes)
                if actor is not None:
                    out.append(actor)
            out = share_country(out)
            # A candidate that names a country beats one that names only a sector ("offered its
            # troops to Lebanon's president": the troops are the sender's, Lebanon is the target).
            if any(has_country(a) for a in out):
                return out
            if head is not heads[0] and not any(a.code for a in out):
                # A name no dictionary codes stands in for the party only as the first candidate:
                # "urged the mogul to release the tapes of his talk with the Times" is not to the Times.
                continue
            fallback = fallback or out
        return fallback

    def actor(
        self,
        doc: Doc,
        head: Token,
        history: dict[str, list[Event]],
        quotes: list[Quote],
        possessor: bool = True,
    ) -> Actor | None:
        if head.lower_ in FIRST_PERSON and head.pos_ == "PRON":  # "us", never "US"
            return speaker_actor(head, quotes)
        antecedent = relative_antecedent(head) if head.pos_ == "PRON" or head.tag_ == "WDT" else None
        if antecedent is not None and antecedent.i != head.i:
            # "al-Qaeda, which Hollande blamed for the attacks": the pronoun stands for its noun.
            return self.actor(doc, antecedent, history, quotes, possessor)
        if head.pos_ == "PRON":
            if (
                head.lower_ in ("he", "she", "him")
                or (head.lower_ in ("his", "her") and head.dep_ == "poss")
                or (head.lower_ == "her" and head.dep_ == "pobj")
            ):
                # "he said", "her attack on Sanders": the person named before.
                return antecedent_person(doc, head)
            if head.lower_ in GROUP_PRONOUNS and head.dep_ in TOPIC_DEPS:
                return self.antecedent_group(doc, head, history, quotes)
            return None
        if self.triggers.is_event_noun(head):
            # An argument that is an event stands for its author: "rejected an Indian proposal",
            # "North Korea's demand", "calls by Belarus's rulers", "condemned these strikes".
            # Its doer: a possessor, then "by" (the doer), then "of"/"from" ("the killing of
            # civilians by troops" is the troops' act).
            # (a possessive "his"/"her" points back to the clause's subject: "reneged on his
            # commitment to the Zambian people" names the party of the act after it)
            own = [c for c in head.children if c.dep_ == "poss" and c.lower_ not in ("his", "her")]
            own += prep_objects(head, ("by", "of", "from"))
            for tok in own:
                actor = self.actor(doc, tok, history, quotes)
                if actor is not None:
                    return actor
            mods = self.modifier_actor(doc, head)
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
                    whole = self.actor(doc, objs[0], history, quotes) if objs else None
                    if whole is not None:
                        return whole  # "members of the rebel group", "the head of the UN mission"
        tokens = phrase(head)
        if not tokens or not self.names_actor(doc, head, tokens):
            return None
        actor = resolve_span(doc, tokens)
        if actor is None and head.pos_ == "PROPN" and not possessor:
            # "fired missiles at Tel Aviv": a city acted on stands for its country (a city as a
            # subject is rarely the actor: "Srebrenica fell").
            place = geocode(doc, head)
            if place is not None and place.country and place.country not in INTERNATIONAL_CODES:
                country = gazetteer().country_name(place.country)
                return Actor(f"{place.name}, {country}", place.country)
        mine = [
            c for c in head.children if c.dep_ == "poss" and c.lower_ in FIRST_PERSON and c.pos_ == "PRON"
        ]
        if mine and (actor is None or not has_country(actor)):
            # "our troops" in a statement: the speaker's country, the noun's sector.
            speaker = speaker_actor(mine[0], quotes)
            if speaker is not None and speaker.code:
                country = speaker.code.split()[0]
                sector = (actor.code or "-").split()[-1] if actor is not None and actor.code else None
                return Actor(
                    head.doc[tokens[0].i : tokens[-1].i + 1].text,
                    f"{country} {sector}" if sector else country,
                )
        if actor is None or not has_country(actor):
            actor = with_apposition_country(doc, head, actor)
        if possessor and actor is not None and actor.code in DOMESTIC_SECTORS:
            actor = self.with_possessor_country(doc, head, actor, history, quotes)
        if actor is not None and actor.code in DOMESTIC_SECTORS:
            actor = with_place_of_activity(doc, head, actor)
        if actor is None or not actor.code:
            # "Adam Schiff called on Obama …": a person or organisation the dictionary does not
            # know is still the party the text names; kept by its fullest name, with no code.
            name = uncoded_name(doc, head)
            if name is not None:
                return Actor(name, None)
        return actor

    def with_possessor_country(
        self, doc: Doc, head: Token, actor: Actor, history: dict[str, list[Event]], quotes: list[Quote]
    ) -> Actor:
        """ "its troops", "their police": a group named by its sector and owned by a pronoun
        belongs to the pronoun's antecedent (the nearest earlier subject of its number: "Russia
        said its troops …")."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in GROUP_POSSESSIVES), None)
        if owner is None:
            return actor
        antecedent = self.antecedent_group(doc, owner, history, quotes)
        if antecedent is None or not has_country(antecedent) or not antecedent.code:
            return actor
        country = antecedent.code.split()[0]
        return Actor(actor.name, f"{country} {actor.code}", actor.affiliation)

    def antecedent_group(
        self, doc: Doc, pronoun: Token, history: dict[str, list[Event]], quotes: list[Quote]
    ) -> Actor | None:
        """ "it"/"they" as a subject: the nearest preceding clause subject that names
        a group, an organisation or a country of the pronoun's number, in the same or the previous
        sentence — news English keeps its topic in subject position ("Iran fired missiles. It also
        said …")."""
        number = GROUP_PRONOUNS[pronoun.lower_]
        sent = pronoun.sent
        previous = doc[sent.start - 1].sent if sent.start > 0 else None
        candidates = [t for t in sent if t.i < pronoun.i]
        if previous is not None:
            candidates = [*previous, *candidates]
        for cand in reversed(candidates):
            if cand.dep_ not in ("nsubj", "nsubjpass") or cand.pos_ == "PRON" or cand.ent_type_ == "PERSON":
                continue
            if grammatical_number(cand) != number:
                continue
            actor = self.actor(doc, cand, history, quotes)
            if actor is not None and actor.code:
                return actor
        return None

    def related_actor(
        self, doc: Doc, head: Token, history: dict[str, list[Event]], quotes: list[Quote], depth: int = 0
    ) -> Actor | None:
        if head.pos_ not in ("NOUN", "PROPN") or depth > 2:
            return None
        for obj in prep_objects(head, RELATION_PREPS):
            if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.pos_ == "NOUN":
                # "part of a military aid program for Bosnia"
                inner = self.related_actor(doc, obj, history, quotes, depth + 1)
                if inner is not None:
                    return inner
            # After "of", strictly a name: "a violation of Iraqi sovereignty" is about Iraq, not
            # against it. A directed phrase ("a blockade on Palestinian lorries", "crimes by
            # Croatian extremists") names its party by a country word before its head too.
            matches = lexicon_of(doc).match(phrase(obj))
            place_noun = obj.lemma_.lower() in PLACE_NOUNS | BOUNDARY_NOUNS
            directed = obj.dep_ == "pobj" and obj.head.lower_ != "of" and not place_noun
            if (
                obj.pos_ == "PROPN"
                or obj.ent_type_
                or any(m.start <= obj.i < m.end for m in matches)
                or (directed and any(m.entry.country and not m.affiliation and m.start < obj.i for m in matches))
            ):
                actor = self.actor(doc, obj, history, quotes)
                if actor is not None:
                    return actor
        for acl in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            if acl.lemma_.lower() in HOLDING_PARTICIPLES:
                # "bomb oil fields seized by the Islamic State": what a party holds stands for it.
                for obj in prep_objects(acl, ("by",)):
                    actor = self.actor(doc, obj, history, quotes)
                    if actor is not None:
                        return actor
        owned = any(m.affiliation for m in lexicon_of(doc).match(phrase(head)))
        if head.lemma_.lower() in PART_NOUNS and not owned:
            for obj in prep_objects(head, PLACE_PREPS):
                place = geocode(doc, obj)
                if place is not None and place.country:
                    return Actor(place.name, place.country)
        return None

    @staticmethod
    def names_actor(doc: Doc, head: Token, tokens: list[Token]) -> bool:
        """An argument names an actor when its head is a name, a dictionary word or a part of a
        group — not when it is an abstract noun ("a violation of Iraqi sovereignty")."""
        if head.pos_ == "PROPN" or head.ent_type_ or head.lemma_.lower() in PART_NOUNS:
            return True
        if head.dep_ == "nsubj" and head.lemma_.lower() in TOWN_NOUNS and prep_objects(head, ("of",)):
            return True  # "the city of Nice urged …": a town that acts is its council
        lexicon = lexicon_of(doc)
        # The head itself, or a word before it ("APEC forum", "Turkish sides"): a name that only
        # appears in a phrase after the head is about something else. After "with", the possessor
        # of a thing is a helper, not a party: "with Albania's help", "with Iran's backing".
        comitative = head.dep_ == "pobj" and head.head.lower_ == "with"
        owned = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree} if comitative else set()
        return any(
            m.start <= head.i and not all(i in owned for i in range(m.start, m.end))
            for m in lexicon.match(doc[tokens[0].i : tokens[-1].i + 1])
        )

    def modifier_actor(self, doc: Doc, noun: Token) -> list[Actor]:
        """ "Israeli air raids", "US strikes", "militia attacks", "police raids": an actor word
        before the event noun is its author (a group named by its sector alone is placed later)."""
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        if not mods:
            return []
        lexicon = lexicon_of(doc)
        # The whole modifier phrase: "European Union foreign ministers meeting", not its last word.
        start = min(mods[0].left_edge.i, mods[0].i)
        if any(t.tag_ == "VBN" and t.lemma_.lower() in MEDIATING_PARTICIPLES for t in doc[start : noun.i]):
            return []  # "a UN-brokered deal": the broker helped two other parties agree
        matches = lexicon.match(doc[start : noun.i], doc._.published)
        placed = [m for m in matches if m.entry.country and not m.affiliation]
        if placed and all(m.entry.kind == REGION for m in placed):
            return []  # "an Iowa rally", "a Texas shooting": a province or state before the act is where it is held
        if not placed:
            # A group noun compounded with the act ("militia attacks", "police raids"), not an
            # adjective ("terrorist") nor a word after "anti-"/"pro-" ("anti-government protests").
            groups = [
                m
                for m in matches
                if m.entry.kind == ROLE
                and m.entry.sector
                and not m.entry.title
                and doc[m.end - 1].dep_ == "compound"
                and doc[m.end - 1].head.i == noun.i  # not "police" in a misread "police file lawsuits"
                and doc[m.end - 1].pos_ == "NOUN"
                and not (m.start >= 2 and doc[m.start - 1].text == "-")
            ]
            if not groups:
                return []
            actor = resolve_span(doc, doc[groups[-1].start : groups[-1].end])
            return [actor] if actor is not None else []
        actor = resolve_span(doc, doc[start : noun.i])
        return [actor] if actor is not None else []

    def location(self, doc: Doc, trig: Trigger) -> Location | None:
        places = self.locations(doc, trig)
        return places[0] if places else None

    def locations(self, doc: Doc, trig: Trigger) -> list[Location]:
        """The places of the event's clause: the first in/at/near phrase that geocodes, with its
        conjuncts ("strikes in Syria and Iraq" → Syria, Iraq)."""
        for anchor in [trig.token, *trig.merged, *trig.anchors[1:]]:
            for c in anchor.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for obj in place_objects(c):
                        place = geocode(doc, obj)
                        if place is not None:
                            more = [geocode(doc, conj) for conj in conjuncts_of(obj)]
                            return [place, *(p for p in more if p is not None)]
        for anchor in [trig.token, *trig.merged]:
            # "20 people were killed when a bomb exploded at a market in Mogadishu": a "when" clause
            # tells the same moment, and its place is the event's.
            for clause in (c for c in anchor.children if c.dep_ == "advcl"):
                if any(m.dep_ == "advmod" and m.lower_ == "when" for m in clause.children):
                    for obj in prep_objects(clause, PLACE_PREPS):
                        place = geocode(doc, obj)
                        if place is not None:
                            return [place]
        if trig.token.pos_ == "VERB":
            # "were shot dead by Israeli forces in Jenin", "Police in Lagos arrested 40 protesters":
            # with no place of its own, the act is where its doer is said to be (a place phrase
            # read onto the agent, the nearer noun, or on the subject).
            doers = prep_objects(trig.token, ("by",)) if is_passive(trig.token) else subject_of(trig.token)
            for agent in doers:
                if agent.dep_ not in ("nsubj", "pobj"):
                    continue
                for obj in prep_objects(agent, ("in", "at")):
                    place = geocode(doc, obj)
                    if place is not None:
                        return [place]
        return []

    def object_location(self, trig: Trigger) -> Location | None:
        """The place of the act a verb's object names: "condemned the coup in Niger", "welcomed
        the elections in Haiti" — where those the evaluation is about are."""
        tok = trig.token
        if tok.pos_ != "VERB":
            return None
        for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
            if self.actor(tok.doc, obj, {}, []) is not None:
                return None  # the object names its own target
            for place_tok in prep_objects(obj, PLACE_PREPS):
                place = geocode(tok.doc, place_tok)
                if place is not None and place.country:
                    return place
        return None

    def complement_location(self, trig: Trigger) -> Location | None:
        """A place in the complement clause of the event's verb: "agreed to postpone the
        demonstration in Baku", "threatened to institute a curfew in Algiers". Not the event's own
        place, but where the actors named only by their sector act."""
        doc = trig.token.doc
        for verb in (trig.token, trig.governor):
            if verb is None:
                continue
            for comp in verb.children:
                if comp.dep_ not in ("xcomp", "ccomp"):
                    continue
                for holder in [comp, *(c for c in comp.children if c.dep_ in ("dobj", "obj"))]:
                    for obj in prep_objects(holder, PLACE_PREPS):
                        place = geocode(doc, obj)
                        if place is not None and place.country:
                            return place
        return None

    def target_location(self, doc: Doc, trig: Trigger) -> Location | None:
        heads: list[Token] = []
        for verb in [trig.token, *trig.merged]:
            if verb.pos_ == "VERB":
                heads.extend(verb_arguments(verb)[1])
        if trig.token.pos_ == "NOUN":
            # "a drone attack on the Russian city of Belgorod": the place an attack noun is aimed at.
            heads.extend(prep_objects(trig.token, ("on", "against", "at")))
            heads.extend(g for b in prep_objects(trig.token, ("by",)) for g in prep_objects(b, ("on", "against")))
            if trig.governor is not None and trig.governor in trig.anchors:
                # "opened fire on protesters in Khartoum": the phrase hangs on the light verb.
                heads.extend(prep_objects(trig.governor, ("on", "against", "at")))
        for head in heads:
            if head.lemma_.lower() in PLACE_NOUNS:
                place = geocode(doc, head)
                if place is not None:
                    return place
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for obj in c.children:
                        if obj.dep_ == "pobj":
                            place = geocode(doc, obj)
                            if place is not None:
                                return place
            named_by_place = any(c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC") for c in head.children)
            people = lexicon_of(doc).names_people(head)
            if head.pos_ == "NOUN" and named_by_place and not people:  # not "a US pastor"
                # "attacked the Kabul airport": the thing attacked is in the place that names it.
                place = geocode(doc, head)
                if place is not None:
                    return place
        return None
