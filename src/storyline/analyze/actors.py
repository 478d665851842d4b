"""The storyline_actors component: named entities and the canonical actors they stand for.

Writes ``doc._.entities`` (:class:`~storyline.model.EntityMention`, one per kept NER entity) and
offers :func:`resolve_actor`, which codes any phrase — a name, an organisation, a role such as
"State Department deputy spokesperson", a metonymic capital ("Baghdad" → IRQ GOV) — as an
:class:`~storyline.model.Actor` with a CAMEO/PLOVER-style code ("USA GOV", "IRQ", "UNO IGO").

How a phrase is coded (general rules of English noun phrases):

- the *country* is the first country name, capital, demonym or organisation with a country in
  the phrase ("Iraqi Prime Minister …" → IRQ; "Security forces in Guinea" → GIN), except one
  marked as an affiliation ("pro-Iran armed groups", "Iran-backed militias");
- the *sector* comes from the phrase's head noun when it is a role ("American soldiers" → MIL),
  else from the rightmost role or organisation (the head of an English NP is at its right:
  "State Department deputy spokesperson Vedant Patel" → spokesperson → GOV); a capital used as
  an actor is its government (metonymy);
- a person named without a role inherits the role the article gave them elsewhere ("Mr. Kirby"
  → "White House National Security Council spokesman John Kirby" → USA GOV);
- a name in apposition to a noun is described by that noun's phrase ("Kenya's president William
  Ruto", "Egypt's foreign minister, Sameh Shoukry" → KEN GOV, EGY GOV);
- a title with no country ("President Herzog") takes the country the article gave the person, or
  else gave the same title in an earlier noun phrase ("the Israeli president" → ISR GOV);
- a demonym after "ethnic" names an ethnic group, not a state: "ethnic Albanians" → CVL, aligned
  with ALB (the events component places them where they act);
- a country at the head of the phrase is the actor, and an organisation or country before it only
  classifies it: "NATO-member Norway", "EU member Malta", "NATO ally Turkey" (in apposition) → NOR,
  MLT, TUR;
- names the document decides: a party name several countries share ("Democrats", "Republicans")
  or an American title abbreviation ("Sen.", "Gov.") gives its country only where the document
  names that country otherwise; a shared country name ("Congo") is the one the document names
  otherwise ("Brazzaville"), else the one of the date (``actor_countries.tsv``);
- a bare title ("the president", "the administration") is the office holder the article named by
  that title before ("President Obama", "the Obama administration"); a group owned by "whose" is of
  the noun the relative clause describes ("Iran, whose leaders" → IRN GOV);
- a city found by the gazetteer is placed in the country it belonged to at the document's date
  (``country_history.tsv``: Juba in 2005 is Sudan's; a capital stands for its government only
  since independence);
- a title after "former" is no longer held: neither it nor the body it names codes the person
  ("Former U.N. ambassador John Bolton" is American, not the UN); a committee's topic gives no
  sector ("House Intelligence Committee" is LEG, not SPY); a rank word before another noun names
  no group ("deputy national security adviser");
- a position takes the sector of the group before it or in its "of"/"for" phrase, a body's name
  included ("GOP leader" → PTY, "Muslim leaders" → REL, "a delegation of EU lawmakers" → EUR LEG),
  and the code of the known person it serves ("Cruz spokesman" → the senator's); a person's
  followers ("Mr. Rubio's supporters") have the person's country, not office; a country's ally or
  proxy is only aligned with it; a group word before a body's name classifies it ("the rebel
  National Transitional Council" → REB); armed groups on the state's side are PRM
  ("pro-government militiamen"); a town in "the city of X" acting is its council (X's GOV);
- a title after "former" is not held whatever precedes it: a possessor's title or name ("the
  president's former envoy", "Gaddafi's former foreign minister X") says whom the person served, not
  the person's office; a place before "War"/"war"/"era" names a war ("a Vietnam War veteran"), not
  the country acting;
- a title the tagger took into a person's name ("Assemblywoman X") still codes the person; military
  ranks ("Rear Admiral", "brigadier general") are MIL; a bare legislator ("a member of parliament",
  "lawmakers") in a document naming exactly one country's legislature ("the Knesset") sits in that
  one (the definite-description reading the bare titles follow); "Jewish settlers" are Israeli
  civilians (CAMEO practice: settlers in the occupied territories are Israeli citizens);
- an office of a non-state body named before it or in its "of" phrase is the body's ("the union
  president", "the president of a trades council" → LAB); a non-state armed group's "soldiers" or
  "troops" are its fighters ("ISIS soldiers" → IMG REB);
- a place in a mission's "to" phrase ("an envoy to Sudan", "a delegation to Syria") is where it is sent, and
  after an owner ("its ambassador from Vienna") a "from" phrase is where it leaves: neither is its country; a
  mission or government owned by "its"/"their"/"his"/"her" is of the clause's subject ("Turkey recalled its
  ambassador", "Yanukovych defended his government's crackdown");
- a demonym hyphened to another ("Cuban-American") names a family's origin, the last one the nationality; the
  "of" phrase of a relative ("the son of a Cuban immigrant") is someone else; a town before "victim" names the
  event ("a Benghazi victim"); a role word before an activity or record ("terrorist acts", "voter contact",
  "court filings") makes no actor;
- a person the dictionary knows keeps their country out of office ("President Reagan" in 2016 is American,
  whatever "Mexican president" came before); "Mrs. X" is not the person the article called "Mr. X";
- groups "of no one country" ("foreign officials", "world leaders") are marked by
  :func:`is_unplaced` so that the events component gives them no country from the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.analyze import extensions
from storyline.analyze.actor_lexicon import (
    CAPITAL,
    COUNTRY,
    DEMONYM,
    ORG,
    PLACE_KINDS,
    ROLE,
    Lexicon,
    Match,
    build_lexicon,
    is_ethnic,
)
from storyline.analyze.gender import title_gender
from storyline.analyze.geo import gazetteer
from storyline.model import Actor, EntityMention

#: NER labels whose entities can be actors or places; other labels are kept only when the
#: dictionary knows them as an organisation (small models call "Islamic State" a PERSON or
#: "Islamic Resistance in Iraq" a WORK_OF_ART).
ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})

#: Person-name tokens that are titles, not names, when looking a person up by surname.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "miss"})


_PERSONS_KEY = "storyline_actor_persons"

#: A town this many times smaller than the capital of its name is not what the bare name means, even
#: beside its country ("Moscow" beside "Democratic lawmakers" is not Moscow, Idaho); Tripoli in
#: Lebanon, a fifth of Libya's capital, can be.
HOMONYM_MAX_RATIO = 50

#: Words before a title saying the person no longer holds it ("former ambassador", "ex-president").
FORMER_WORDS = frozenset({"former", "ex", "onetime", "one-time", "erstwhile"})

#: Nouns of a body's committees: their topic words ("Intelligence", "Armed Services") give no sector,
#: and those of a legislature ("House", "Senate", "parliamentary") are LEG.
COMMITTEE_NOUNS = frozenset(
    {"committee", "committees", "subcommittee", "subcommittees", "panel", "panels", "caucus", "caucuses"}
)
LEGISLATURE_WORDS = frozenset(
    {"house", "senate", "congressional", "parliamentary", "parliament", "legislative", "congress", "assembly"}
)

#: Group nouns of a person's followers: the person's country, not office ("Mr. Rubio's supporters").
FOLLOWER_NOUNS = frozenset(
    {"supporter", "backer", "voter", "fan", "follower", "donor", "critic", "opponent", "admirer", "detractor", "ally"}
)

#: Words heading a part of a group named in an "of" phrase ("one of the rebels", "some of his aides").
PART_WORDS = frozenset({"one", "some", "many", "most", "several", "few", "all", "none", "both", "each", "any"})

#: Nouns of a town named in an "of" phrase ("the city of Nice"), which as an actor is its council.
TOWN_NOUNS = frozenset({"city", "town", "municipality", "village"})

#: Modifiers saying a group is of no one country, or of others than the one in view ("foreign
#: officials", "world leaders", "Western diplomats"): the sentence's country is not theirs.
UNPLACED_MODIFIERS = frozenset({"foreign", "world", "international", "western", "global", "other", "overseas"})

#: Nouns that after a place name make it the name of a historical event ("the Vietnam War", "Korean
#: War-era"), not the country acting.
WAR_WORDS = frozenset({"war", "wars", "era"})
_WAR_PLACES = PLACE_KINDS | {DEMONYM}

#: Nouns of a side's helpers: a country owning or modifying them is an affiliation ("Israel's militia ally").
ALLY_NOUNS = frozenset({"ally", "proxy", "surrogate"})

#: Nouns of people or bodies sent to a place: a country in their "to" phrase ("an envoy to Sudan", "a delegation
#: to Syria") is where they are sent, and after an owner ("its ambassador from Vienna") a "from" phrase is where
#: they leave; neither is their country.
MISSION_NOUNS = frozenset(
    {"envoy", "ambassador", "delegation", "emissary", "mission", "representative", "delegate", "negotiator", "consul"}
)

#: Nouns of a person's relatives: in "X, the son of a Cuban immigrant" the "of" phrase describes someone else.
KIN_NOUNS = frozenset(
    {"son", "daughter", "child", "wife", "husband", "widow", "widower", "mother", "father", "parent", "brother"}
    | {"sister", "grandson", "granddaughter", "nephew", "niece", "cousin", "grandfather", "grandmother", "uncle"}
    | {"aunt", "stepson", "stepdaughter", "stepfather", "stepmother", "fiancé", "fiancée", "spouse"}
)

#: Nouns of an activity or a record, which a role word before them ("terrorist acts", "voter contact", "court
#: filings") does not make an actor.
ACTIVITY_NOUNS = frozenset(
    {"act", "contact", "filing", "document", "record", "paperwork", "outreach", "data", "database", "file"}
)

#: Nouns of people harmed in an event: a town before them names the event ("a Benghazi victim"), not a country.
VICTIM_NOUNS = frozenset({"victim", "survivor", "casualty"})

#: Possessive pronouns read as the clause subject's, and the state bodies a subject owns: "Turkey recalled its
#: ambassador", "Yanukovych defended his government" (a person's government is that of their country).
OWNER_PRONOUNS = frozenset({"its", "their", "his", "her"})
GOVERNMENT_NOUNS = frozenset({"government", "administration", "regime", "cabinet"})

#: Role words that, of a state ("a Russian bomber"), are its warplanes, not a person.
STATE_AIRCRAFT = frozenset({"bomber"})

#: Group words that before an organisation's name or a state's institution classify it ("the rebel
#: National Transitional Council", "rebel forces", "opposition authorities").
CLASSIFYING_SECTORS = frozenset({"REB", "OPP"})

#: Sectors of a state's institutions, which a non-state group word before them takes over.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})

#: Sectors of organised non-state bodies whose offices ("the union president", "the president of the
#: trades council") are theirs, not a government's; not of mere groups of people ("a civilian president").
BODY_SECTORS = frozenset({"LAB", "BUS", "EDU", "PTY", "NGO", "MED", "JRN", "REL", "OPP", "REB"})

#: Sectors of non-state armed groups, whose "soldiers" or "troops" are theirs, not a state's military.
ARMED_GROUP_SECTORS = frozenset({"REB", "PRM", "UAF"})

#: Words for the state that make an armed group pro-government after "pro-" or before "-backed".
STATE_WORDS = frozenset({"government", "regime", "state", "army", "military"})
_STATE_BACKING = frozenset({"backed", "allied", "aligned", "sponsored", "funded", "supported"})

#: PLOVER sector codes (the manual's table): a code made of one of these alone names no country.
SECTOR_CODES = frozenset(
    {"GOV", "MIL", "LEG", "JUD", "SPY", "REB", "COP", "CVL", "MED", "JRN", "BUS", "REL", "OPP", "PTY", "REF"}
    | {"EDU", "LAB", "PRM", "UAF", "UNK", "AGR", "CRM", "ELI", "SOC", "PRE"}
)


class ActorTagger:
    """Codes spaCy's named entities as actors; remembers each person's role for the document."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        countries: Sequence[str] = (),
        organisations: Sequence[str] = (),
        roles: Sequence[str] = (),
        people: Sequence[str] = (),
    ) -> None:
        extensions.register()
        self.name = name
        # The key of the lexicon, not the lexicon, goes on each Doc: user_data must stay
        # serialisable (Doc.to_bytes, multiprocessing).
        self.lexicon_key = [list(countries), list(organisations), list(roles), list(people)]
        self.lexicon = build_lexicon(tuple(countries), tuple(organisations), tuple(roles), tuple(people))

    def __call__(self, doc: Doc) -> Doc:
        date = doc._.published
        persons: dict[str, Actor] = {}
        doc.user_data[_LEXICON_KEY] = self.lexicon_key
        mentions: list[EntityMention] = []
        ents = doc.ents
        # One pass of plain matches gives the countries the document names (which decide "Democrats",
        # "Congo"); only entities holding such a name are matched again.
        plain = [self.lexicon.match(ent, date, plain=True) for ent in ents]
        self.lexicon.note_document_countries(doc, plain)
        doc.user_data[_LEGISLATURES_KEY] = sorted(
            {
                m.entry.country
                for ms in plain
                for m in ms
                if m.entry.kind == ORG and m.entry.sector == "LEG" and not m.affiliation and not m.entry.person
                and _has_country_code(m.entry.country)
            }
        )
        for ent, first in zip(ents, plain, strict=True):
            matches = self.lexicon.match(ent, date) if self.lexicon.is_contextual(ent) else first
            if ent.label_ not in ACTOR_LABELS and not any(m.entry.kind == ORG for m in matches):
                continue
            actor: Actor | None
            if ent.label_ == "PERSON" and not any(m.entry.kind == ORG for m in matches):
                actor = self._person_actor(doc, ent, persons, date)
                if (actor is None or actor.code is None) and any(m.entry.kind == ROLE for m in matches):
                    # "Assemblywoman Claudia Tenney": the tagger took the title into the name.
                    titled = code_matches(self.lexicon, matches, ent, ent.text)
                    if titled is not None and titled.code:
                        actor = Actor(ent.text, titled.code, titled.affiliation)
                        for key in _person_keys(ent):
                            persons.setdefault(key, actor)
            else:
                actor = code_matches(self.lexicon, matches, ent, ent.text)
                if ent.label_ == "PERSON" and actor is not None and _sector(actor.code) is None and actor.code:
                    # A former office holder ("President George W. Bush" years later): the country from
                    # the dictionary, the sector from the title the text gives.
                    titled = self._person_actor(doc, ent, {}, date)
                    title = _sector(titled.code) if titled is not None and _country(titled.code) == actor.code else None
                    title = titled.code if titled is not None and titled.code in SECTOR_CODES else title
                    if title is not None:
                        actor = Actor(actor.name, f"{actor.code} {title}", actor.affiliation)
                if ent.label_ == "PERSON" and actor is not None and any(m.entry.person for m in matches):
                    # A person the dictionary knows is still a person of the article: "Carter"
                    # later on is the "Ash Carter" named here.
                    for key in _person_keys(ent):
                        persons.setdefault(key, actor)
            mentions.append(EntityMention(ent.start_char, ent.end_char, ent.text, ent.label_, actor))
        doc._.entities = mentions
        doc.user_data[_PERSONS_KEY] = {k: [a.name, a.code, a.affiliation] for k, a in persons.items()}
        return doc

    def _person_actor(self, doc: Doc, ent: Span, persons: dict[str, Actor], date: str | None) -> Actor | None:
        actor = self._titled_person(doc, ent, persons, date)
        _note_sex(persons, ent, actor)
        return actor

    def _titled_person(self, doc: Doc, ent: Span, persons: dict[str, Actor], date: str | None) -> Actor | None:
        context = _person_context(doc, ent)
        actor = None
        matches = self.lexicon.match(context, date) if context else []
        if context:
            actor = code_matches(self.lexicon, matches, context, ent.text)
            if actor is not None:
                boss = _principal(doc, matches, persons) if actor.code in SECTOR_CODES else None
                actor = Actor(ent.text, boss.code if boss is not None else actor.code, actor.affiliation)
        known = _known_person(persons, ent)
        if actor is None or actor.code is None:
            if known is not None:
                return Actor(known.name, known.code, known.affiliation)
            return actor
        if not _has_country_code(actor.code):
            # "President Herzog" after "Herzog, the Israeli president" or after "the Israeli
            # president": a title without a country takes the one the article gave the person, or
            # gave the same title, earlier.
            if known is not None and _has_country_code(known.code):
                return Actor(known.name, known.code, known.affiliation)
            country = (
                _dictionary_country(self.lexicon, ent)
                or _country_of_title(self.lexicon, doc, ent.start, matches, date)
                or _legislature_country(doc, actor.code)
            )
            if country is not None:
                actor = Actor(actor.name, f"{country} {actor.code}", actor.affiliation)
        for key in _person_keys(ent):
            # The first, fullest introduction of a person wins over later, shorter ones.
            persons.setdefault(key, actor)
        return actor


def _dictionary_country(lexicon: Lexicon, ent: Span) -> str | None:
    """The country of the person the dictionary knows by this name, in or out of office ("President Reagan"
    in 2016 is still American): a nationality outlives the term, which an earlier "Mexican president" does not
    give."""
    words = tuple(t.text for t in ent if t.lower_ not in HONORIFICS)
    countries = {e.country for e in lexicon.lookup(words) if e.person and e.country} if words else set()
    return countries.pop() if len(countries) == 1 else None


def _country_of_title(
    lexicon: Lexicon,
    doc: Doc,
    before: int,
    matches: list[Match],
    date: str | None,
    persons: dict[str, Actor] | None = None,
) -> str | None:
    """The country of the nearest earlier noun phrase headed by the same title as ``matches``' ("the
    Israeli president", "Kenya's president", "the president of France"), not itself a named person's;
    or of the person an earlier use of the title named ("President Obama" → USA)."""
    titles = {tuple(t.lower_ for t in doc[m.start : m.end]) for m in matches if m.entry.kind == ROLE}
    if not titles:
        return None
    via_person = bool(persons)
    persons = persons or {}
    for head in reversed(doc[:before]):
        if head.ent_type_ == "PERSON" or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(tuple(t.lower_ for t in doc[max(0, head.i - len(w) + 1) : head.i + 1]) == w for w in titles):
            continue
        country = _phrase_country(lexicon, doc, head, date)
        if country is None and via_person:
            country = _person_country(doc, head, persons)
        if country is None and via_person and head.i + 1 < len(doc) and doc[head.i + 1].ent_iob_ == "B":
            named = doc[head.i + 1]
            if named.ent_type_ == "PERSON":
                end = head.i + 2
                while end < len(doc) and doc[end].ent_iob_ == "I":
                    end += 1
                known = _known_person(persons, doc[head.i + 1 : end])
                country = _country(known.code) if known is not None and _has_country_code(known.code) else None
        if country is not None:
            return country
    return None


def _person_country(doc: Doc, head: Token, persons: dict[str, Actor]) -> str | None:
    """The country of a known person among the pre-modifiers of ``head`` ("the Obama administration")."""
    for ent in _persons_within(doc[head.left_edge.i : head.i]):
        known = _known_person(persons, ent)
        if known is not None and _has_country_code(known.code):
            return _country(known.code)
    return None


def _phrase_country(lexicon: Lexicon, doc: Doc, head: Token, date: str | None) -> str | None:
    """The country a role noun's own phrase names: its pre-modifiers and possessor, or an "of"
    phrase ("the president of France")."""
    tokens = list(doc[head.left_edge.i : head.i + 1])
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            tokens += list(doc[c.i : c.right_edge.i + 1])
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return None
    for part in (tokens[: head.i - tokens[0].i + 1], tokens[head.i - tokens[0].i + 1 :]):
        for m in lexicon.match(part, date) if part else []:
            if m.entry.country and not m.affiliation:
                return m.entry.country
    return None


def _has_country_code(code: str | None) -> bool:
    """Whether a code starts with a country or an international body, not a bare sector."""
    head = _country(code) or ""
    return _sector(code) is not None or (len(head) == 3 and head not in SECTOR_CODES)


_LEXICON_KEY = "storyline_actor_lexicon"
_LEGISLATURES_KEY = "storyline_actor_legislatures"


def _legislature_country(doc: Doc, code: str | None) -> str | None:
    """ "a member of parliament", "lawmakers": a legislator with no country, in a document that names
    the legislature of exactly one country ("the Knesset"), sits in that one; with none or several
    named, the bare word is not resolved."""
    if code != "LEG":
        return None
    named = doc.user_data.get(_LEGISLATURES_KEY)
    return str(named[0]) if isinstance(named, list) and len(named) == 1 else None


@Language.factory(
    "storyline_actors", default_config={"countries": [], "organisations": [], "roles": [], "people": []}
)
def make_actors(
    nlp: Language,
    name: str,
    countries: list[str],
    organisations: list[str],
    roles: list[str],
    people: list[str],
) -> ActorTagger:
    """The actors component; ``countries``/``organisations``/``roles``/``people`` are paths of
    users' extra TSV files with the columns of the packaged ``actor_*.tsv`` files."""
    return ActorTagger(nlp, name, countries, organisations, roles, people)


def resolve_actor(doc: Doc, start: int, end: int) -> Actor | None:
    """The canonical actor for the phrase ``doc.text[start:end]`` (a name, an organisation, a role
    such as "State Department deputy spokesperson"), or None when it cannot be coded.

    Any character span works: it is widened to whole tokens. A bare person name ("Mr. Kirby") gets
    the role the article gave that person where the actors component saw it introduced.
    """
    # doc.text is rebuilt on every access; the last token's end is the text's length, for free.
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    start, end = max(0, start), min(length, end)
    if start >= end:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return resolve_span(doc, span)


def resolve_span(doc: Doc, span: Span | Sequence[Token], text: str | None = None) -> Actor | None:
    """:func:`resolve_actor` for tokens (a Span, or a contiguous token list)."""
    if len(span) == 0:
        return None
    lexicon = lexicon_of(doc)
    tokens = span if isinstance(span, Span) else doc[span[0].i : span[-1].i + 1]
    whole = _whole_of_part(doc, tokens)
    if whole is not None:
        # "one of Mr. Rubio's supporters", "two of the rebels": a part is coded as its whole.
        found = resolve_span(doc, whole)
        return Actor(text or tokens.text, found.code, found.affiliation) if found is not None else None
    matches = lexicon.match(tokens, doc._.published)
    actor = code_matches(lexicon, matches, tokens, text or tokens.text)
    persons = {k: Actor(*v) for k, v in (doc.user_data.get(_PERSONS_KEY) or {}).items()}
    if actor is not None and actor.code in SECTOR_CODES:
        boss = _principal(doc, matches, persons)
        if boss is not None:
            return Actor(actor.name, boss.code, actor.affiliation)
    person = _person_in(doc, tokens, persons)
    if person is not None and _followers_of(doc, tokens):
        # "Mr. Rubio's supporters" are not the Senate: of the person's country only.
        country = _country(person.code) if _has_country_code(person.code) else None
        return Actor(text or tokens.text, country) if country and country not in SECTOR_CODES else None
    if person is not None:
        if actor is None or actor.code is None:
            return person
        if (
            _sector(actor.code) is None
            and _sector(person.code) is not None
            and (_country(actor.code) in (None, _country(person.code)))
        ):
            return Actor(actor.name, person.code, person.affiliation)
        if actor.code in SECTOR_CODES and _has_country_code(person.code) and _sector(person.code) == actor.code:
            # "President Herzog": the title gives the sector, the article gave the person's country.
            return Actor(actor.name, person.code, person.affiliation)
    if actor is None:
        # "the city of Nice urged …": a town acting is its council, in its country.
        country = _town_country(doc, tokens)
        if country is not None:
            return Actor(text or tokens.text, f"{country} GOV")
    if actor is not None and actor.code in SECTOR_CODES and not actor.affiliation:
        # "police in Lagos", "militants in Kandahar": a group named by its sector and placed in a
        # city (which the dictionary of countries and capitals does not know) is of its country.
        country = (
            _owner_country(lexicon, doc, tokens, persons)
            or _city_country(tokens)
            or _whose_country(lexicon, doc, tokens)
            or _bare_title_country(lexicon, doc, tokens, matches, persons)
            or _legislature_country(doc, actor.code)
        )
        if country is not None:
            return Actor(actor.name, f"{country} {actor.code}", actor.affiliation)
    return actor


def _principal(doc: Doc, matches: list[Match], persons: dict[str, Actor]) -> Actor | None:
    """ "Cruz spokesman Rick Tyler", "Netanyahu's envoy": a position named by the person it serves
    (a known person just before the position noun) is on that person's side: the person's code."""
    if not persons:
        return None
    for m in matches:
        if m.entry.kind != ROLE or not m.entry.position:
            continue
        end = m.start
        if end > 0 and doc[end - 1].tag_ == "POS":
            end -= 1
        if end == 0 or doc[end - 1].pos_ != "PROPN" or doc[end - 1].lower_ in HONORIFICS:
            continue
        # The person's surname (the tagger may take it for an organisation: "Holloway spokesman").
        known = persons.get(doc[end - 1].lower_)
        if known is not None and _has_country_code(known.code) and known.code not in SECTOR_CODES:
            return known
    return None


def _whole_of_part(doc: Doc, tokens: Span) -> Span | None:
    """The "of" phrase of a phrase headed by a number or quantity word ("one of the rebels", "some of
    his aides"), inside ``tokens``; else None."""
    if not doc.has_annotation("DEP"):
        return None
    head = doc[_head_index(tokens)]
    if not (head.like_num or head.lower_ in PART_WORDS):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < tokens.end:
            objs = [c for c in prep.children if c.dep_ == "pobj" and c.right_edge.i < tokens.end]
            if objs:
                return doc[objs[0].left_edge.i : objs[0].right_edge.i + 1]
    return None


def _followers_of(doc: Doc, tokens: Span) -> bool:
    """Whether the phrase's head is a group of a person's followers ("Mr. Rubio's supporters",
    "Morsi's backers"): they share the person's side, not the person's office."""
    head = doc[_head_index(tokens)]
    return head.lemma_.lower() in FOLLOWER_NOUNS and any(c.dep_ == "poss" for c in head.children)


def _town_country(doc: Doc, tokens: Span) -> str | None:
    """ "the city of Nice", "the town of Sderot": the country of a town named in a town noun's "of"
    phrase (a place by the construction, whatever the tagger took the name for)."""
    head = doc[_head_index(tokens)]
    if head.lemma_.lower() not in TOWN_NOUNS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i > tokens[-1].i:
            continue
        for name in prep.children:
            if name.dep_ == "pobj" and name.pos_ == "PROPN":
                words = [t for t in doc[name.left_edge.i : name.i + 1] if t.pos_ == "PROPN"]
                place = gazetteer().lookup(" ".join(t.text for t in words), doc._.published) if words else None
                if place is not None and place.country:
                    return place.country
    return None


def _owner_country(lexicon: Lexicon, doc: Doc, tokens: Span, persons: dict[str, Actor]) -> str | None:
    """ "Turkey recalled its ambassador", "the rebels withdrew their envoy": a mission or government owned
    by "its" or "their" is of the subject of its clause, or of the nearest clause above with a subject (the
    reading English gives a possessive pronoun), when that subject names a country; "his"/"her government"
    is that of the person the article coded as the subject ("Yanukovych defended his government's
    crackdown"). Only missions and governments: "Syria offered its troops to Lebanon" makes the troops the
    thing offered, and the event's target the recipient."""
    if not doc.has_annotation("DEP"):
        return None
    head = doc[_head_index(tokens)]
    owner = next((c.lower_ for c in head.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
    if owner is None or head.lemma_.lower() not in MISSION_NOUNS | GOVERNMENT_NOUNS:
        return None
    verb, subject = head, None
    for _ in range(3):
        # The nearest clause with a subject before the phrase: "Denmark said its government would not pay".
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tokens.start), None)
        if subject is not None or verb.head.i == verb.i:
            break
        verb = verb.head
    if subject is None:
        return None
    if owner in ("his", "her"):
        # "Yanukovych defended his government's crackdown": the government of the person the article coded.
        for ent in _persons_within(doc[subject.left_edge.i : subject.i + 1]):
            known = _known_person(persons, ent)
            if known is not None and _has_country_code(known.code) and known.code not in SECTOR_CODES:
                return _country(known.code)
        return None
    for m in lexicon.match(doc[subject.left_edge.i : subject.i + 1], doc._.published):
        if m.entry.country and not m.affiliation and m.entry.kind in (COUNTRY, CAPITAL, DEMONYM, ORG):
            return m.entry.country
    return None


def _whose_country(lexicon: Lexicon, doc: Doc, tokens: Span) -> str | None:
    """ "Iran, whose leaders have called …": a group owned by "whose" belongs to the noun the
    relative clause describes."""
    whose = next((t for t in tokens if t.lower_ == "whose" and t.dep_ == "poss"), None)
    if whose is None:
        return None
    clause = whose.head
    while clause.dep_ != "relcl" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    owner = clause.head
    for m in lexicon.match(doc[owner.left_edge.i : owner.i + 1], doc._.published):
        if m.entry.country and not m.affiliation:
            return m.entry.country
    return None


def _bare_title_country(
    lexicon: Lexicon, doc: Doc, tokens: Span, matches: list[Match], persons: dict[str, Actor]
) -> str | None:
    """ "the president", "the prime minister's": one office holder named by a bare title is the
    one the article named by that title before ("President Obama", "the Israeli prime minister")."""
    head = doc[_head_index(tokens)]
    if head.tag_ not in ("NN", "NNP") or any(t.ent_type_ == "PERSON" for t in tokens):
        return None
    title = [m for m in matches if m.entry.kind == ROLE and m.start <= head.i < m.end and not m.entry.position]
    if not title or not any(c.lower_ == "the" for c in head.children if c.dep_ == "det"):
        return None
    return _country_of_title(lexicon, doc, tokens.start, title, doc._.published, persons)


def _city_country(tokens: Span) -> str | None:
    """The country of the first place entity (GPE) in ``tokens`` that the gazetteer knows."""
    doc = tokens.doc
    i = tokens.start
    while i < tokens.end:
        tok = doc[i]
        if tok.ent_iob_ == "B" and tok.ent_type_ == "GPE":
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if doc.has_annotation("DEP") and (
                destination_of_mission(doc[j - 1])
                or (doc[j - 1].dep_ == "compound" and doc[j - 1].head.lemma_.lower() in VICTIM_NOUNS)
            ):
                i = j
                continue  # "a delegation to Syria" is not Syria's; "a Benghazi victim" is of an attack there
            name = doc[i:j].text
            name = name[4:] if name.lower().startswith("the ") else name
            gaz = gazetteer()
            date = doc._.published
            place = gaz.lookup(name, date)
            if place is not None and name.lower() in gaz.homonyms:
                # "an army patrol in San Vicente" beside the FMLN: the town of the country named
                place = gaz.lookup_near(name, countries_named(doc, doc[i:j]), date)
            if place is not None and place.country:
                return place.country
            i = j
        else:
            i += 1
    return None


def is_unplaced(actor: Actor) -> bool:
    """Whether an actor named by its sector alone is described as of no one country or of others
    ("foreign officials", "world leaders", "other governments", "Western diplomats"): no country
    should be given to it from the sentence or the place of the event."""
    if _has_country_code(actor.code):
        return False
    words = [w.lower() for w in actor.name.split()]
    while words and words[0] in ("the", "a", "an", "some", "several", "many", "all", "both", "top", "senior"):
        words = words[1:]
    return len(words) > 1 and words[0] in UNPLACED_MODIFIERS


def lexicon_of(doc: Doc) -> Lexicon:
    """The lexicon the actors component used on ``doc`` (the packaged one if it did not run)."""
    key = doc.user_data.get(_LEXICON_KEY)
    if isinstance(key, list) and len(key) == 4:
        return build_lexicon(*(tuple(str(p) for p in part) for part in key))
    return build_lexicon()


def code_matches(
    lexicon: Lexicon, matches: list[Match], tokens: Span | Sequence[Token], text: str
) -> Actor | None:
    """The actor a phrase's dictionary matches make (see the module docstring for the rules)."""
    if not matches:
        return None
    doc = tokens[0].doc if len(tokens) else None
    parsed = doc is not None and doc.has_annotation("DEP")
    if doc is not None and parsed:
        # "the Brussels airport", "a Kabul hotel": a capital naming where a thing is, not its government.
        matches = [m for m in matches if not (m.entry.kind == CAPITAL and modifies_a_thing(lexicon, doc[m.end - 1]))]
        if not matches:
            return None
    if doc is not None:
        # "a Vietnam War veteran", "the Iraq war", "Korean War-era": a war named for a country is an event.
        matches = [m for m in matches if not (m.entry.kind in _WAR_PLACES and _names_a_war(doc, m.end))]
        if not matches:
            return None
    if doc is not None and parsed:
        # "an envoy to Sudan", "its ambassador from Vienna": where a mission goes or leaves is not its country.
        matches = [m for m in matches if not (m.entry.kind in _WAR_PLACES and destination_of_mission(doc[m.end - 1]))]
        if not matches:
            return None
    if doc is not None:
        # "Cuban-American Senator X", "a Mexican-American": the last demonym is the nationality, the
        # first only the family's origin.
        matches = _without_descent(doc, matches)
        if not matches:
            return None
    head = _head_index(tokens)
    if (
        doc is not None
        and doc[head].lemma_.lower() in ACTIVITY_NOUNS
        and not any(m.start <= head < m.end for m in matches)
    ):
        # "armed terrorist acts", "voter contact", "court filings": a role word before an activity or a
        # record names what it is about, but the phrase is no actor; a country still acts, and so does
        # an owner ("the opposition leader's record": what is done to it is done to the leader).
        matches = [m for m in matches if m.entry.kind != ROLE or _possessor(doc, m.end - 1)]
        if not matches:
            return None
    if doc is not None and doc[head].lemma_.lower() in KIN_NOUNS and doc[head].pos_ == "NOUN":
        # "the son of a Cuban immigrant", "the mother of a Benghazi victim": the relative is another person.
        matches = [m for m in matches if m.start < head]
        if not matches:
            return None
    matches = _classifiers_of_head_place(matches, _apposed_place(tokens, matches, head))
    if doc is not None and parsed:
        matches = _allies_of(doc, matches)
    words = {t.lower_: t for t in tokens}  # one pass over the tokens for the word-triggered rules below
    if not FORMER_WORDS.isdisjoint(words):
        matches = _without_former_office(tokens, matches)
    committee = _committee_head(tokens, head, words) if not COMMITTEE_NOUNS.isdisjoint(words) else None
    if committee is not None:
        # "the House Intelligence Committee": a committee's topic is no sector of its own.
        matches = [m for m in matches if not _topic_of(committee.doc, m, committee)]
    country_match = next((m for m in matches if m.entry.country and not m.affiliation), None)
    affiliation = next((m for m in matches if m.affiliation), None)
    sector: str | None = None
    sector_match: Match | None = None
    for m in matches:
        if m.entry.sector and m.start <= head < m.end and not m.affiliation and not m.entry.group:
            sector, sector_match = m.entry.sector, m
    if sector is None and committee is not None and _of_a_legislature(lexicon, committee):
        sector = "LEG"  # "the Senate Armed Services Committee", "a parliamentary panel"
    if sector is None:
        # A modifier ("Pentagon spokesman", "the council of the European Union"), not a capital
        # after the head, which says where ("Serb positions around Sarajevo" are not Bosnia's
        # government).
        for m in reversed(matches):
            if m.start > head and m.entry.kind == CAPITAL:
                continue
            if m.entry.person or m.entry.group:
                continue  # a person not at the head is someone else's: "Gaddafi's son Saif"
            if m.entry.title:
                continue  # "deputy national security adviser": a rank of another noun, no group
            if m.entry.sector and not m.affiliation and m.entry.kind in (ROLE, ORG, CAPITAL):
                sector, sector_match = m.entry.sector, m
                break
    if sector_match is not None and sector_match.entry.position and sector_match.entry.kind == ROLE:
        # "a delegation of EU lawmakers", "GOP leader": the group the position is in says the sector.
        grouped = _positions_group(tokens, matches, sector_match)
        if grouped is not sector_match:
            sector, sector_match = grouped.entry.sector, grouped
    if (
        sector == "GOV"
        and sector_match is not None
        and sector_match.entry.kind == ROLE
        and not sector_match.entry.position
        and doc is not None
        and parsed
    ):
        # "the president of a trades council", "the chairman of the union": an office of a non-state
        # group named in its "of" phrase is of that group's sector.
        sector_match = _office_of_group(doc, matches, sector_match) or sector_match
        sector = sector_match.entry.sector
    if (
        country_match is not None
        and country_match.entry.kind == ORG
        and country_match.entry.sector
        and sector == "GOV"
        and sector_match is not None
        and sector_match.entry.kind == ROLE
    ):
        # Officials and spokesmen of an organisation belong to its sector ("Pentagon spokesman",
        # "Red Cross officials").
        sector, sector_match = country_match.entry.sector, country_match
    if (
        country_match is not None
        and country_match.entry.kind == ORG
        and country_match.entry.sector in ARMED_GROUP_SECTORS
        and sector == "MIL"
        and sector_match is not None
        and sector_match.entry.kind == ROLE
        and sector_match.start > country_match.start
    ):
        # "ISIS soldiers", "Hamas troops": a non-state armed group's soldiers are its fighters, no army.
        sector, sector_match = country_match.entry.sector, country_match
    if sector_match is not None and sector_match.entry.person:
        sector_match = _person_title(matches, sector_match)
    if sector_match is not None and sector_match.entry.position:
        sector_match = _positions_group(tokens, matches, sector_match)
    sector = sector_match.entry.sector if sector_match is not None else sector
    if sector_match is not None and (
        (sector_match.entry.kind == ORG and not sector_match.entry.person)
        or (sector_match.entry.kind == ROLE and sector in STATE_SECTORS and sector_match.start <= head)
    ):
        # "the rebel National Transitional Council", "the opposition Syrian National Council", "rebel
        # forces", "the rebel authority": a non-state group word just before a body's name or a
        # state's institution says whose it is.
        before = next((m for m in matches if m.end == sector_match.start and m.entry.kind == ROLE), None)
        if before is not None and before.entry.sector in CLASSIFYING_SECTORS and not before.affiliation:
            sector = before.entry.sector
    if (
        sector_match is not None
        and sector_match.entry.kind == ROLE
        and sector_match.entry.name in STATE_AIRCRAFT
        and any(m.end <= sector_match.start and m.entry.kind in (COUNTRY, DEMONYM, CAPITAL) and not m.affiliation
                for m in matches)
    ):
        sector = "MIL"  # "a Russian bomber", "Israel's bombers": a state's bombers are warplanes
    if sector in ("REB", "UAF") and doc is not None and _backed_by_the_state(lexicon, doc, tokens):
        sector = "PRM"  # "pro-government militiamen", "regime-backed gunmen": PLOVER's pro-government militias
        if country_match is None and affiliation is not None and affiliation.entry.person:
            country_match, affiliation = affiliation, None  # "pro-Assad militias" are Syria's
    country = country_match.entry.country if country_match else None
    if country_match is not None and country_match.entry.kind == CAPITAL:
        # "rival militias in Tripoli" beside "the north Lebanese port": the city of that name in
        # the country the sentence names, not the capital.
        country = _homonym_country(tokens, country_match) or country
    if country is None and affiliation is not None and sector is None and is_ethnic(tokens[0].doc, affiliation.start):
        sector = "CVL"  # an ethnic group named as people, with no role: its civilians
    if country is None and sector is None:
        return None
    if country is None and affiliation is not None and sector is None:
        return None
    code = country if sector is None or sector == country else f"{country} {sector}" if country else sector
    name = _actor_name(lexicon, matches, country_match, sector_match, text, head)
    aligned = affiliation.entry.country if affiliation is not None and not country else None
    return Actor(name, code or None, aligned)


def _office_of_group(doc: Doc, matches: list[Match], office: Match) -> Match | None:
    """The role naming a non-state group in the "of" phrase of an office ("the president of a building
    trades council" → the council) or just before it ("the union president"), if any."""

    def of_a_group(m: Match | None) -> bool:
        return (
            m is not None
            and m.entry.kind == ROLE
            and m.entry.sector is not None
            and m.entry.sector in BODY_SECTORS
            and not m.entry.title
            and not m.entry.group
            and not m.affiliation
        )

    before = next((m for m in matches if m.end == office.start), None)
    if before is not None and of_a_group(before):
        return before
    for prep in doc[office.end - 1].children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            group = next((m for m in matches if m.start <= obj.i < m.end), None)
            if group is not None and of_a_group(group):
                return group
    return None


def destination_of_mission(tok: Token) -> bool:
    """Whether ``tok`` ends the object of a mission noun's "to" phrase ("an envoy to Sudan"), or of its
    "from" phrase when the noun has an owner ("its ambassador from Vienna", "Turkey's envoy from Baghdad")."""
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
        tok = tok.head  # "the envoy to South Sudan", "the ambassador to the United States"
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("to", "from"):
        return False
    prep = tok.head
    noun = prep.head
    if prep.dep_ != "prep" or noun.i > prep.i or noun.lemma_.lower() not in MISSION_NOUNS:
        return False
    return prep.lower_ == "to" or any(c.dep_ == "poss" for c in noun.children)


def _without_descent(doc: Doc, matches: list[Match]) -> list[Match]:
    """Drops a demonym joined by a hyphen to a following demonym ("Cuban-American", "Irish-American"):
    English compounds of descent name a nationality by their last part, a family's origin by the first."""
    starts = {m.start for m in matches if m.entry.kind == DEMONYM}
    return [
        m
        for m in matches
        if not (
            m.entry.kind == DEMONYM
            and m.end + 1 < len(doc)
            and doc[m.end].text in ("-", "–")
            and m.end + 1 in starts
            and not doc[m.end - 1].whitespace_
        )
    ]


def _names_a_war(doc: Doc, end: int) -> bool:
    """Whether the words from ``end`` make a place name before them the name of a war or its era
    ("Vietnam War", "the Iraq war", "Vietnam-era")."""
    if end < len(doc) and doc[end].text in ("-", "–") and end + 1 < len(doc):
        end += 1
    return end < len(doc) and doc[end].lower_ in WAR_WORDS


def _allies_of(doc: Doc, matches: list[Match]) -> list[Match]:
    """ "Israel's militia ally", "Iran's proxies", "American allies": a country whose ally or proxy the
    head is names the side it is on (an affiliation), not its country."""
    return [
        replace(m, affiliation=True)
        if m.entry.kind in (COUNTRY, DEMONYM, CAPITAL)
        and doc[m.end - 1].dep_ in ("poss", "compound", "amod")
        and doc[m.end - 1].head.lemma_.lower() in ALLY_NOUNS
        else m
        for m in matches
    ]


def _backed_by_the_state(lexicon: Lexicon, doc: Doc, tokens: Span | Sequence[Token]) -> bool:
    """Whether an armed group is described as on the state's side ("pro-government militias",
    "pro-regime gunmen", "government-backed militiamen", "loyalist militiamen", "pro-Assad
    militias": the name of the head of the government at the date)."""
    lowers = [t.lower_ for t in tokens]
    if "loyalist" in lowers:
        return True
    for k, w in enumerate(lowers):
        pro = k >= 2 and lowers[k - 2 : k] == ["pro", "-"]
        if w in STATE_WORDS:
            after = lowers[k + 1 : k + 3]
            if pro or (len(after) == 2 and after[0] == "-" and after[1] in _STATE_BACKING):
                return True
            continue
        # "pro-government" or "pro-Assad" as one token, or "pro - Assad" as three
        name = tokens[k].text[4:] if w.startswith("pro-") else tokens[k].text if pro else ""
        if name and (name.lower() in STATE_WORDS or _heads_a_government(lexicon, name, doc._.published)):
            return True
    return False


def _heads_a_government(lexicon: Lexicon, name: str, date: str | None) -> bool:
    """Whether ``name`` is a person the dictionary has in a government office at ``date`` ("Assad")."""
    return name[:1].isupper() and any(
        e.person and e.sector == "GOV" and e.valid_on(date) for e in lexicon.lookup((name,))
    )


def _without_former_office(tokens: Span | Sequence[Token], matches: list[Match]) -> list[Match]:
    """ "Former U.N. ambassador John Bolton", "ex-rebel commander X": a title after "former" is one the
    person no longer holds, so neither it nor the organisation it names give the actor's sector or
    country (a country or demonym still does: "former Iraqi prime minister" is Iraqi)."""
    formers = [t.i for t in tokens if t.lower_ in FORMER_WORDS]
    if not formers:
        return matches
    dropped: set[int] = set()
    doc = tokens[0].doc
    for f in formers:
        # "the president's former envoy": the possessor is whom the person served, not an office they hold.
        dropped.update(
            m.start for m in matches
            if m.end <= f and m.entry.kind == ROLE and m.end < len(doc) and doc[m.end].tag_ == "POS"
        )
        after = [m for m in matches if m.start > f]
        title = next((m for m in after if m.entry.kind == ROLE and m.entry.sector and not m.entry.group), None)
        for m in after:
            if title is not None and m.start > title.start:
                break
            if m.entry.kind == ROLE or (m.entry.kind == ORG and not m.entry.person):
                dropped.add(m.start)
    return [m for m in matches if m.start not in dropped]


def _committee_head(tokens: Span | Sequence[Token], head: int, words: dict[str, Token]) -> Token | None:
    """The committee noun of the phrase ("the House Intelligence Committee", "a Senate panel"), if any."""
    doc = tokens[0].doc
    if not doc.has_annotation("DEP"):
        return None
    first = doc[head] if tokens[0].i <= head <= tokens[-1].i else None
    if first is not None and first.lower_ in COMMITTEE_NOUNS:
        return first
    return next((t for w, t in words.items() if w in COMMITTEE_NOUNS), None)


def _topic_of(doc: Doc, match: Match, committee: Token) -> bool:
    """Whether ``match`` is a role word naming a committee's topic ("Intelligence", "Armed Services")."""
    if match.entry.kind != ROLE or not match.start < committee.i:
        return False
    last = doc[match.end - 1]
    return last.dep_ in ("compound", "amod", "nmod") and (last.head.i == committee.i or last.head.head.i == committee.i)


def _of_a_legislature(lexicon: Lexicon, committee: Token) -> bool:
    """Whether a committee's own modifiers name a legislature ("House", "Senate", "parliamentary")."""
    doc = committee.doc
    return committee.pos_ in ("NOUN", "PROPN") and any(
        t.lower_ in LEGISLATURE_WORDS or any(e.sector == "LEG" for e in lexicon.lookup((t.text,)) if e.kind == ORG)
        for t in doc[committee.left_edge.i : committee.i]
    )


def _apposed_place(tokens: Span | Sequence[Token], matches: list[Match], head: int) -> int:
    """ "NATO ally Turkey", "its neighbour Iraq": a head noun no dictionary entry covers, with a
    country in apposition, is that country described; the country's position stands for the head."""
    if any(m.start <= head < m.end for m in matches) or not tokens[0].doc.has_annotation("DEP"):
        return head
    doc = tokens[0].doc
    for m in matches:
        last = doc[m.end - 1]
        if m.entry.kind in (COUNTRY, CAPITAL) and last.dep_ == "appos" and last.head.i == head and m.start > head:
            return last.i
    return head


def _classifiers_of_head_place(matches: list[Match], head: int) -> list[Match]:
    """ "NATO-member Norway", "EU member Malta", "US ally Israel": a country (or capital) at the
    head of the phrase is the actor; an organisation or country before it only classifies it, and
    counts as an affiliation (for neither the country nor the sector)."""
    place = next((m for m in matches if m.start <= head < m.end and m.entry.kind in (COUNTRY, CAPITAL)), None)
    if place is None or place.affiliation:
        return matches
    classifies = (COUNTRY, CAPITAL, ORG)
    return [
        replace(m, affiliation=True) if m.end <= place.start and m.entry.country and m.entry.kind in classifies else m
        for m in matches
    ]


def _person_title(matches: list[Match], person: Match) -> Match:
    """The match that gives a dictionary person's sector: the title the text gives them ("Prime
    Minister Ismail Haniyeh" is GOV whatever the dictionary says; people change offices); for a
    position, its group ("Hamas leader X", "opposition leader X"); for a government title in an
    organisation, the organisation ("NATO Secretary-General X"); else the person's own entry."""
    title = next(
        (m for m in reversed(matches) if m.end <= person.start and m.entry.kind == ROLE and m.entry.sector),
        None,
    )
    if title is None:
        return person
    if title.entry.position:
        group = next(
            (m for m in matches if m.end == title.start and m.entry.sector and not m.entry.title and not m.affiliation),
            None,
        )
        return group if group is not None and group.entry.kind in (ROLE, ORG) else person
    body = next(
        (
            m
            for m in matches
            if m.entry.kind == ORG and not m.entry.person and m.entry.sector and not m.affiliation
            and m.end <= title.start
        ),
        None,
    )
    return body if body is not None and title.entry.sector == "GOV" else title


def _positions_group(tokens: Span | Sequence[Token], matches: list[Match], position: Match) -> Match:
    """For a position noun ("opposition leaders", "rebel spokesman", "army officials", "a spokesman
    for the rebels"), the group word before it or in its "for"/"of" phrase; else the position."""
    # A body before the position is its group ("GOP leader", "Hamas spokesman") unless a country
    # comes first: "the Russian U.N. envoy" is Russia's envoy to the body.
    posted = any(m.entry.kind in (COUNTRY, DEMONYM, CAPITAL) and not m.affiliation for m in matches)
    before = next(
        (
            m
            for m in matches
            if m.end == position.start and m.entry.sector and not m.entry.title and not m.affiliation
            and (m.entry.kind == ROLE or (m.entry.kind == ORG and not m.entry.person and not posted))
        ),
        None,
    )
    # "a spokesman for the rebels", "a delegation of EU lawmakers", "a spokesman for the Bush super PAC":
    # names of a place, body or person may come between the link and the group noun.
    covered = {k for m in matches for k in range(m.start, m.end)}
    if len(tokens):
        doc = tokens[0].doc
        covered |= {t.i for t in doc[position.end : tokens[-1].i + 1] if t.pos_ == "PROPN"}
    after = next(
        (
            m
            for m in matches
            if m.start > position.end and m.entry.kind == ROLE and m.entry.sector and not m.entry.title
            and not m.entry.group
            and _joined_by(tokens, position.end, m.start, ("for", "of", "of the", "for the"), covered)
        ),
        None,
    )
    return before or after or position


def modifies_a_thing(lexicon: Lexicon, tok: Token, kept: frozenset[str] = frozenset()) -> bool:
    """ "the Libyan crisis", "Libyan assets", "the Brussels airport": a country word or capital
    modifying a noun that is neither a person nor a group (nor one of ``kept``, such as place nouns:
    "the Iraqi city of Basra") names what the phrase is about or where it is, not an actor."""
    head = tok.head
    if tok.dep_ not in ("amod", "compound", "nmod") or head.pos_ != "NOUN" or head.i == tok.i:
        return False
    if head.lemma_.lower() in kept:
        return False
    return not lexicon.names_people(head)


def countries_named(doc: Doc, span: Span) -> set[str]:
    """The countries the sentence of ``span`` names outside ``span`` itself: by name, demonym or
    organisation ("the north Lebanese port", "the FMLN"). Used to choose between towns of one name."""
    return {
        m.entry.country
        for m in lexicon_of(doc).match(span.sent, doc._.published)
        if m.entry.country
        and m.entry.kind in (COUNTRY, DEMONYM, ORG)
        and (m.end <= span.start or m.start >= span.end)
    }


def _homonym_country(tokens: Span | Sequence[Token], match: Match) -> str | None:
    """The country of another city named like the capital ``match`` when only that country is named
    in the sentence (by name, demonym or organisation) and the capital's is not."""
    doc = tokens[0].doc
    name = doc[match.start : match.end].text
    gaz = gazetteer()
    if name.lower() not in gaz.homonyms or not doc.has_annotation("SENT_START"):
        return None
    named = countries_named(doc, doc[match.start : match.end])
    if not named or match.entry.country in named:
        return None
    place = gaz.lookup_near(name, named, doc._.published)
    if place is None or place.country == match.entry.country:
        return None
    capital = gaz.capitals.get(name.lower())
    if capital is not None and capital.population > HOMONYM_MAX_RATIO * max(place.population, 1):
        return None  # "Moscow" is not Moscow, Idaho, whatever else the sentence names
    return place.country


def _joined_by(
    tokens: Span | Sequence[Token], end: int, start: int, links: tuple[str, ...], skip: set[int] | None = None
) -> bool:
    """Whether the words between doc positions ``end`` and ``start``, but those at ``skip``, are one of ``links``."""
    doc = tokens[0].doc
    if skip:
        return " ".join(t.lower_ for t in doc[end:start] if t.i not in skip) in links
    return doc[end:start].text.lower() in links


def _actor_name(
    lexicon: Lexicon,
    matches: list[Match],
    country_match: Match | None,
    sector_match: Match | None,
    text: str,
    head: int,
) -> str:
    person = next((m for m in matches if m.entry.person and not m.affiliation and m.start <= head < m.end), None)
    if person is not None:
        return person.entry.name  # "Hamas leader Ismail Haniyeh" is Ismail Haniyeh
    # A person elsewhere in the phrase is someone else's: "Gaddafi's son Saif" is not Gaddafi.
    # A party name before the head only describes it: "Democratic candidate Bernie Sanders" is no party.
    org = next(
        (
            m
            for m in matches
            if m.entry.kind == ORG and not m.affiliation and not m.entry.person
            and not (m.entry.cue and not m.start <= head < m.end)
        ),
        None,
    )
    if org is not None:
        return org.entry.name
    if len(matches) == 1 and country_match is not None:
        entry = country_match.entry
        if entry.kind == COUNTRY:
            return entry.name
        if entry.kind == CAPITAL:
            return f"{entry.name} government"
        if entry.kind == DEMONYM:
            return entry.name
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an", "both", "some", "all"):
        words = words[1:]
    return " ".join(words) or text


def _head_index(tokens: Span | Sequence[Token]) -> int:
    """The doc index of the phrase's syntactic head (the token whose head lies outside it)."""
    first, last = tokens[0].i, tokens[-1].i
    if not tokens[0].doc.has_annotation("DEP"):
        return last  # no parse: the head of an English noun phrase is at its right
    # Of several (a span of modifiers: "closed-door Security Council" before "meeting"), the last:
    # English noun phrases end in their head.
    roots = [t.i for t in tokens if not first <= t.head.i <= last or t.head.i == t.i]
    return roots[-1] if roots else last


def _country(code: str | None) -> str | None:
    return code.split()[0] if code else None


def _sector(code: str | None) -> str | None:
    parts = (code or "").split()
    return parts[1] if len(parts) > 1 else None


def _person_context(doc: Doc, ent: Span) -> list[Token]:
    """The tokens that describe a person: the pre-modifiers of the name in its noun phrase
    ("Iraqi Prime Minister Mohamed …") and an apposition ("Kirby, the NSC spokesman")."""
    root = ent.root
    left = root.left_edge.i
    # Pre-modifiers reach back to the start of the noun phrase, never into a clause before it.
    ctx = [t for t in doc[left : ent.start] if t.dep_ not in ("punct", "cc", "prep")]
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and head.pos_ in ("NOUN", "PROPN"):
        # "Kenya's president William Ruto", "Egypt's foreign minister, Sameh Shoukry": the name
        # restates the noun it is in apposition to, so that noun's phrase describes the person.
        ctx.extend(t for t in doc[head.left_edge.i : head.i + 1] if t.dep_ not in ("punct", "cc"))
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.right_edge.i < ent.start:
                ctx.extend(doc[c.i + 1 : c.right_edge.i + 1])
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            end = child.right_edge.i + 1
            if child.lemma_.lower() in KIN_NOUNS:
                end = child.i + 1  # "X, the son of a Cuban immigrant": the "of" phrase is someone else
            ctx.extend(doc[child.left_edge.i : end])
    return _in_text_order(ctx)


def _in_text_order(tokens: list[Token]) -> list[Token]:
    return sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)


def _person_keys(ent: Span) -> list[str]:
    words = [t.lower_ for t in ent if t.lower_ not in HONORIFICS and t.is_alpha]
    keys = [" ".join(words)] if words else []
    if len(words) > 1:
        keys.append(words[-1])
    return keys


def _honorific_sex(ent: Span) -> str | None:
    """ "m" or "f" when an honorific in or just before a name says the person's sex ("Mr.", "Mrs.", "Ms.")."""
    return title_gender([ent[0].lower_] + ([ent.doc[ent.start - 1].lower_] if ent.start > 0 else []))


def _known_person(persons: dict[str, Actor], ent: Span | Sequence[Token]) -> Actor | None:
    """The person the article introduced under this name; "Mrs. Clinton" is not the person the article
    called "Mr. Clinton", but another it named in full with that surname ("Hillary Clinton")."""
    keys = _person_keys(ent) if isinstance(ent, Span) else []
    sex = _honorific_sex(ent) if keys and isinstance(ent, Span) else None
    if sex is None:
        return next((persons[key] for key in keys if key in persons), None)
    surname = keys[-1]
    own = persons.get(f"{sex}:{surname}")
    if own is not None:
        return own
    other = persons.get(f"{'f' if sex == 'm' else 'm'}:{surname}")
    found = next((persons[key] for key in keys if key in persons), None)
    if found is not None and (other is None or found.name != other.name):
        return found
    if other is not None:
        return next(
            (a for key, a in persons.items() if key.endswith(" " + surname) and a.name != other.name),
            None,
        )
    return None


def _note_sex(persons: dict[str, Actor], ent: Span, actor: Actor | None) -> None:
    """Remembers which person an honorific of each sex named by a surname ("Mr. Clinton")."""
    sex = _honorific_sex(ent)
    keys = _person_keys(ent)
    if sex is not None and keys and actor is not None and actor.code:
        persons.setdefault(f"{sex}:{keys[-1]}", actor)


def _persons_within(tokens: Span) -> Iterator[Span]:
    """PERSON entities lying wholly inside ``tokens``, read off the tokens' IOB tags: ``doc.ents``
    would build every entity of the document on each call."""
    doc = tokens.doc
    i = tokens.start
    while i < tokens.end:
        if doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON":
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j <= tokens.end:
                yield doc[i:j]
            i = j
        else:
            i += 1


def _person_in(doc: Doc, tokens: Span, persons: dict[str, Actor]) -> Actor | None:
    if not persons:
        return None
    for ent in _persons_within(tokens):
        if ent.end < tokens.end and ent[-1].i + 1 < len(doc) and doc[ent[-1].i + 1].tag_ == "POS":
            continue  # "Gaddafi's former foreign minister Moussa Koussa" is not Gaddafi
        found = _known_person(persons, ent)
        if found is not None:
            return found
    for t in tokens:
        if t.lower_ in persons and t.lower_ not in HONORIFICS:
            return persons[t.lower_]
    return None


def _possessor(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a possessor ("the opposition leader's record")."""
    return i + 1 < len(doc) and doc[i + 1].tag_ == "POS"
