"""The actor dictionary and resolve_actor: countries, capitals (metonymy), demonyms, roles, persons."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from storyline.analyze.actor_lexicon import build_lexicon
from storyline.analyze.actors import resolve_actor
from storyline.analyze.extensions import register


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    register()
    return spacy.blank("en")


def code(
    nlp: spacy.language.Language, text: str, phrase: str | None = None, published: str | None = None
) -> str | None:
    doc: Doc = nlp(text)
    doc._.published = published
    phrase = phrase or text
    start = text.index(phrase)
    actor = resolve_actor(doc, start, start + len(phrase))
    return actor.code if actor else None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Canada", "CAN"),
        ("the Kenyan government", "KEN GOV"),
        ("Nairobi", "KEN GOV"),  # a capital used as an actor is its government
        ("Peruvian soldiers", "PER MIL"),
        ("Chilean police officers", "CHL COP"),
        ("Norway's foreign minister", "NOR GOV"),
        ("Department of State spokeswoman Jane Doe", "USA GOV"),
        ("Pentagon spokesman", "USA MIL"),  # an organisation's spokesman speaks for its sector
        ("the U.N. refugee agency", "UNO IGO"),
        ("Somali militants", "SOM REB"),
        ("Amnesty International", "NGO"),
        ("the governor of New Mexico", "USA GOV"),  # a US state, not Mexico
        ("police in New Jersey", "USA COP"),  # not the island of Jersey
        ("Georgia", "GEO"),  # the country keeps its name
        ("Washington", "USA GOV"),  # the capital, not the state
        # A position noun belongs to the group its modifier names; alone it keeps its own sector.
        ("opposition leaders", "OPP"),
        ("the rebel spokesman", "REB"),
        ("Ghanaian army officials", "GHA MIL"),
        ("union leaders", "LAB"),
        ("the officials", "GOV"),
        ("the deputy envoy", "GOV"),  # "deputy" ranks the envoy; it names no group
    ],
)
def test_resolve_phrases(blank: spacy.language.Language, phrase: str, expected: str) -> None:
    assert code(blank, phrase) == expected


def test_affiliation_is_not_the_country(blank: spacy.language.Language) -> None:
    # "pro-Russia militias" are not Russia: the country is an affiliation, the sector remains.
    assert code(blank, "pro-Russia militias") == "REB"
    assert code(blank, "Moscow-backed fighters") == "REB"


def test_acronyms_match_only_in_capitals(blank: spacy.language.Language) -> None:
    assert code(blank, "US officials") == "USA GOV"
    assert code(blank, "tell us who is right") is None


def test_any_span_is_safe(blank: spacy.language.Language) -> None:
    text = "Officials in Lima said nothing."
    doc = blank(text)
    assert resolve_actor(doc, 0, 0) is None
    assert resolve_actor(doc, 20, 5) is None
    assert resolve_actor(doc, -3, 1000) is not None  # clamped to the text
    assert resolve_actor(doc, 3, 20) is not None  # mid-word offsets widen to whole tokens
    assert resolve_actor(doc, 25, 31) is None


def test_validity_dates_of_office_holders(blank: spacy.language.Language) -> None:
    assert code(blank, "Obama", published="2012-05-01") == "USA GOV"
    assert code(blank, "Obama", published="2019-05-01") is None


def test_capitalised_names_match_only_capitalised_text(blank: spacy.language.Language) -> None:
    assert code(blank, "Bush", published="2003-05-01") == "USA GOV"
    assert code(blank, "the bush", published="2003-05-01") is None


def test_a_name_shared_by_two_countries_codes_no_one(blank: spacy.language.Language, tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "aliases\tname\tcountry\tsector\tvalid_from\tvalid_until\n"
        "Jan Kowalczyk|Kowalczyk\tJan Kowalczyk\tPOL\tGOV\t1990-01-01\t1995-01-01\n"
        "Anna Kowalczyk|Kowalczyk\tAnna Kowalczyk\tCZE\tGOV\t1992-01-01\t1994-01-01\n",
        encoding="utf-8",
    )
    lexicon = build_lexicon(extra_organisations=(str(people),))
    doc = blank("Kowalczyk met Jan Kowalczyk.")
    on = {doc[m.start : m.end].text: m.entry.country for m in lexicon.match(doc[:], "1993-01-01")}
    assert on == {"Jan Kowalczyk": "POL"}  # the bare surname is either of two people
    after = {doc[m.start : m.end].text: m.entry.country for m in lexicon.match(doc[:], "1994-06-01")}
    assert after == {"Kowalczyk": "POL", "Jan Kowalczyk": "POL"}  # only one of them is in office


def test_cities_by_their_other_english_names_and_by_the_country_named_beside_them() -> None:
    from storyline.analyze.geo import gazetteer

    gaz = gazetteer()
    bombay = gaz.lookup("Bombay")
    assert bombay is not None and bombay.name == "Mumbai"
    calcutta = gaz.lookup("Calcutta")  # Kolkata, not a small town of that name
    assert calcutta is not None and calcutta.country == "IND"
    tripoli = gaz.lookup("Tripoli")
    assert tripoli is not None and tripoli.country == "LBY"
    near = gaz.lookup_near("Tripoli", {"LBN"})
    assert near is not None and near.country == "LBN"
    far = gaz.lookup_near("Tripoli", {"FRA"})
    assert far is not None and far.country == "LBY"


def test_places_prefer_a_state_over_a_town_of_the_same_name() -> None:
    from storyline.analyze.geo import gazetteer

    gaz = gazetteer()
    delaware, jersey, georgia = gaz.lookup("Delaware"), gaz.lookup("New Jersey"), gaz.lookup("Georgia")
    assert delaware is not None and (delaware.kind, delaware.admin1) == ("region", "DE")
    assert jersey is not None and jersey.country == "USA"
    assert georgia is not None and georgia.country == "GEO"


def test_lexicon_lookup_is_case_aware() -> None:
    lexicon = build_lexicon()
    assert lexicon.lookup(("WHO",))
    assert not lexicon.lookup(("who",))


@pytest.mark.model
def test_entities_and_persons_through_their_role() -> None:
    from storyline.analyze import get_pipeline
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    text = (
        "Kenyan Foreign Minister Alice Wanjiru met reporters in Nairobi on Tuesday. "
        "Ms. Wanjiru said Kenya would not leave the talks."
    )
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published="2024-03-05")))
    by_text = {e.text: e for e in doc._.entities}
    assert by_text["Nairobi"].actor is not None and by_text["Nairobi"].actor.code == "KEN GOV"
    for e in doc._.entities:
        assert text[e.start : e.end] == e.text
    start = text.index("Ms. Wanjiru")
    actor = resolve_actor(doc, start, start + len("Ms. Wanjiru"))
    assert actor is not None and actor.code == "KEN GOV"


def test_affiliation_is_recorded(blank: spacy.language.Language) -> None:
    doc = blank("pro-Russia militias")
    doc._.published = None
    actor = resolve_actor(doc, 0, len(doc.text))
    assert actor is not None and actor.code == "REB" and actor.affiliation == "RUS"


def _entity_codes(text: str) -> dict[str, str | None]:
    from storyline.analyze import get_pipeline
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published="2024-03-05")))
    return {e.text: e.actor.code if e.actor is not None else None for e in doc._.entities}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Kenya's president William Ruto opened the summit.",  # possessive, name in apposition
        "Kenya's foreign minister, William Ruto, opened the summit.",  # comma apposition
        "William Ruto, the Kenyan president, opened the summit.",
    ],
)
def test_person_takes_the_country_of_the_noun_it_restates(text: str) -> None:
    assert _entity_codes(text)["William Ruto"] == "KEN GOV"


@pytest.mark.model
def test_title_without_country_takes_the_country_given_to_the_same_title_earlier() -> None:
    codes = _entity_codes(
        "The Israeli president arrived in Warsaw on Monday. President Isaac Herzog met Polish officials."
    )
    assert codes["Isaac Herzog"] == "ISR GOV"


@pytest.mark.model
def test_title_without_country_takes_the_persons_earlier_role() -> None:
    codes = _entity_codes("Isaac Herzog, the Israeli president, arrived on Monday. President Herzog spoke briefly.")
    assert codes["Herzog"] == "ISR GOV"


def test_ethnic_group_is_not_the_state_of_its_demonym(blank: spacy.language.Language) -> None:
    doc = blank("ethnic Hungarians")
    doc._.published = None
    actor = resolve_actor(doc, 0, len(doc.text))
    # An ethnic group: civilians, aligned with (not belonging to) the country of the demonym.
    assert actor is not None and actor.code == "CVL" and actor.affiliation == "HUN"


def test_well_known_leaders_of_past_decades_have_their_country(blank: spacy.language.Language) -> None:
    from storyline.analyze.actor_lexicon import build_lexicon

    lexicon = build_lexicon()
    for name, country in (("Helmut Kohl", "DEU"), ("Nelson Mandela", "ZAF"), ("Kofi Annan", "UNO")):
        doc = blank(name)
        matches = lexicon.match(doc[:], None)
        assert matches and matches[0].entry.country == country, name
    # Office holders are dated: outside the office, a full name keeps the country, not the office;
    # an international body's officer keeps neither.
    doc = blank("Helmut Kohl")
    matches = lexicon.match(doc[:], "2010-01-01")
    assert matches and matches[0].entry.country == "DEU" and matches[0].entry.sector is None
    assert not lexicon.match(blank("Kofi Annan")[:], "2010-01-01")
    assert not lexicon.match(blank("Kohl")[:], "2010-01-01")  # a surname alone names no one then


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Ismail Haniyeh", "PSE REB"),  # the dictionary's sector for him
        ("Prime Minister Ismail Haniyeh", "PSE GOV"),  # the title the text gives him
        ("Hamas leader Ismail Haniyeh", "PSE REB"),  # a position says which group
        ("NATO Secretary-General Anders Fogh Rasmussen", "NAT IGO"),  # an organisation's officer
    ],
)
def test_a_title_in_the_text_beats_a_persons_dictionary_sector(
    blank: spacy.language.Language, phrase: str, expected: str
) -> None:
    assert code(blank, phrase, published="2010-06-01") == expected



@pytest.mark.model
def test_place_words_inside_a_persons_name_are_the_name() -> None:
    codes = _entity_codes("Lisa O. Monaco, the homeland security adviser, spoke to reporters.")
    assert all(code != "MCO" for code in codes.values())


def test_undated_text_takes_a_persons_latest_office(blank: spacy.language.Language) -> None:
    assert code(blank, "Benjamin Netanyahu") == "ISR GOV"  # not his years in opposition
    assert code(blank, "Benjamin Netanyahu", published="1994-05-01") == "ISR OPP"


def test_users_add_office_holders_through_the_people_key(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "aliases\tname\tcountry\tsector\tvalid_from\tvalid_until\n"
        "Amara Quist|Quist\tAmara Quist\tGHA\tGOV\t2020-01-01\t\n",
        encoding="utf-8",
    )
    register()
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_actors", config={"people": [str(people)]})
    doc = nlp("Quist spoke.")
    doc._.published = "2024-01-01"
    actor = resolve_actor(doc, 0, 5)
    assert actor is not None and (actor.name, actor.code) == ("Amara Quist", "GHA GOV")
    assert resolve_actor(nlp("quist spoke."), 0, 5) is None  # a capitalised name needs capitals


def test_organisations_change_status_and_shared_acronyms_code_no_one(blank: spacy.language.Language) -> None:
    assert code(blank, "the Taliban", published="2010-05-01") == "AFG REB"
    assert code(blank, "the Taliban", published="2023-05-01") == "AFG GOV"
    assert code(blank, "RSF", published="2005-05-01") == "NGO"  # Reporters Without Borders, before the Sudanese RSF
    assert code(blank, "RSF", published="2024-05-01") is None  # either of two bodies


def test_a_withdrawn_country_code_takes_no_capital() -> None:
    from storyline.analyze.geo import gazetteer

    belgrade = gazetteer().lookup("Belgrade")
    assert belgrade is not None and belgrade.country == "SRB"  # not "Serbia and Montenegro" (SCG)


def test_a_country_leading_a_force_is_its_country_a_backer_only_an_affiliation(blank: spacy.language.Language) -> None:
    assert code(blank, "U.S.-led coalition forces") == "USA MIL"
    assert code(blank, "Iran-backed militias") == "REB"
