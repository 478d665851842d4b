"""Places and names whose country depends on the date or on the document: successor states
(country_history.tsv), the two Congos, party names several countries share, and a country
classified by an organisation or another country ("NATO-member Norway")."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from storyline.analyze.actors import resolve_actor
from storyline.analyze.extensions import register
from storyline.analyze.geo import country_history, country_on, gazetteer


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
    ("name", "date", "country"),
    [
        ("Juba", "2004-06-01", "SDN"),  # South Sudan's capital was a Sudanese city
        ("Juba", "2011-07-09", "SSD"),  # from independence day on
        ("Juba", None, "SSD"),  # undated text: today's country
        ("Malakal", "2009-01-01", "SDN"),  # any city of the successor, not only its capital
        ("Asmara", "1988-01-01", "ETH"),
        ("Asmara", "1994-01-01", "ERI"),
        ("Podgorica", "2001-01-01", "SRB"),
        ("Pristina", "1999-04-01", "SRB"),
        ("Pristina", "2009-04-01", "XKX"),
        ("Dili", "1985-01-01", "IDN"),
        ("Dili", "1970-01-01", "TLS"),  # before the occupation: no earlier country is listed
        ("Dhaka", "1965-01-01", "PAK"),
        ("South Sudan", "2004-06-01", "SSD"),  # a country's own name is what the text says
        ("Leipzig", "1985-01-01", "DEU"),  # both Germanys are DEU
        ("Kiev", "1985-01-01", "UKR"),  # Soviet republics keep their own code
    ],
)
def test_places_are_in_the_country_they_belonged_to_at_the_date(name: str, date: str | None, country: str) -> None:
    place = gazetteer().lookup(name, date)
    assert place is not None and place.country == country


def test_a_capital_before_independence_is_a_city_of_the_earlier_country() -> None:
    place = gazetteer().lookup("Juba", "2005-01-01")
    assert place is not None and place.kind == "city"
    assert country_on(place, "2005-01-01") == "SDN"
    assert all(t.until > (t.valid_from or "") for rows in country_history().values() for t in rows)


def test_a_town_chosen_by_the_countries_named_still_follows_the_date() -> None:
    place = gazetteer().lookup_near("Juba", ["SDN"], "2003-01-01")
    assert place is not None and place.country == "SDN"


def test_capitals_as_actors_follow_the_date(blank: spacy.language.Language) -> None:
    assert code(blank, "Juba", published="2015-05-01") == "SSD GOV"
    assert code(blank, "Juba", published="2008-05-01") == "SDN"  # a Sudanese city, not a government
    assert code(blank, "Asmara", published="1990-05-01") == "ETH"
    assert code(blank, "police in Juba", published="2008-05-01") == "SDN COP"
    # the text's own word for the successor wins whatever the date
    assert code(blank, "South Sudanese rebels", published="2008-05-01") == "SSD REB"


@pytest.mark.parametrize(
    ("text", "phrase", "published", "expected"),
    [
        ("Rebels crossed into Congo.", "Congo", None, "COD"),  # the far more frequent one
        ("Rebels crossed into Congo.", "Congo", "2008-02-01", "COD"),
        ("Rebels crossed into Congo.", "Congo", "1985-02-01", "COG"),  # its neighbour was Zaire then
        ("Rebels crossed into Congo.", "Congo", "1961-02-01", "COD"),  # the Congo crisis
        ("Congolese troops fired on the crowd.", "Congolese troops", "1990-02-01", "COG MIL"),
        ("Congolese troops fired on the crowd.", "Congolese troops", "2012-02-01", "COD MIL"),
        ("Officials in Brazzaville said Congo would close its border.", "Congo", "2012-02-01", "COG"),
        ("Officials in Kinshasa said Congo would close its border.", "Congo", "1990-02-01", "COD"),
        ("The Republic of Congo expelled the envoy.", "The Republic of Congo", None, "COG"),
        ("The Democratic Republic of Congo expelled the envoy.", "The Democratic Republic of Congo", None, "COD"),
        ("Zairean soldiers looted the town.", "Zairean soldiers", None, "COD MIL"),
    ],
)
def test_congo_by_date_and_by_the_document(
    blank: spacy.language.Language, text: str, phrase: str, published: str | None, expected: str
) -> None:
    assert code(blank, text, phrase, published) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The Senate vote split the Democrats.", "the Democrats", "USA PTY"),
        ("Republicans in Ohio blocked the bill.", "Republicans", "USA PTY"),
        ("Republican senators voted against it after Congress met.", "Republican senators", "USA LEG"),
        ("The Democrats won the vote in Lisbon.", "The Democrats", None),  # no US in the document
        ("The Social Democrats quit the coalition in Washington.", "The Social Democrats", "PTY"),
        ("The Christian Democrats won in Germany and the United States watched.", "The Christian Democrats", "PTY"),
        ("The Sweden Democrats gained seats as the U.S. looked on.", "The Sweden Democrats", "SWE PTY"),
        ("The Liberal Democrats lost seats in Britain.", "The Liberal Democrats", "GBR PTY"),
        ("The Liberal Democrats lost seats in Japan.", "The Liberal Democrats", "JPN PTY"),
        ("The Lib Dems lost seats.", "The Lib Dems", "GBR PTY"),
    ],
)
def test_party_names_several_countries_share_need_the_document(
    blank: spacy.language.Language, text: str, phrase: str, expected: str | None
) -> None:
    assert code(blank, text, phrase, "2016-05-01") == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("NATO-member Norway criticized Russia.", "NATO-member Norway", "NOR"),
        ("EU-member Malta rejected the demand.", "EU-member Malta", "MLT"),
        ("NATO member Turkey threatened to veto the deal.", "NATO member Turkey", "TUR"),
        ("NATO ally Turkey threatened to veto the deal.", "NATO ally Turkey", "TUR"),
        ("Its close ally Pakistan condemned the raid.", "Its close ally Pakistan", "PAK"),
        ("NATO troops patrolled the border.", "NATO troops", "NAT MIL"),  # the organisation's own forces
    ],
)
def test_a_country_at_the_head_is_the_actor_its_modifier_only_classifies_it(
    text: str, phrase: str, expected: str
) -> None:
    from storyline.analyze import get_pipeline
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published="2019-03-05")))
    start = text.index(phrase)
    actor = resolve_actor(doc, start, start + len(phrase))
    assert actor is not None and actor.code == expected


def _doc_codes(text: str, published: str, *phrases: str) -> list[str | None]:
    from storyline.analyze import get_pipeline
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published=published)))
    out: list[str | None] = []
    for phrase in phrases:
        start = text.rindex(phrase)
        actor = resolve_actor(doc, start, start + len(phrase))
        out.append(actor.code if actor else None)
    return out


@pytest.mark.model
def test_american_title_abbreviations_need_the_us_in_the_document() -> None:
    text = "Rep. Jane Moore and Gov. Tom Reilly met in Ohio. Sen. Mark Hale criticized them."
    assert _doc_codes(text, "2014-06-01", "Rep. Jane Moore", "Gov. Tom Reilly", "Sen. Mark Hale") == [
        "USA LEG", "USA GOV", "USA LEG"
    ]
    # no US anywhere: the title still gives the sector, but no country
    assert _doc_codes("Sen. Mark Hale criticized the plan.", "2014-06-01", "Sen. Mark Hale") == ["LEG"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("President Obama met the Danish prime minister. Later the president thanked the prime minister.",
         "the president", "USA GOV"),  # the title a known person bore
        ("President Obama met the Danish prime minister. Later the president thanked the prime minister.",
         "the prime minister", "DNK GOV"),  # the same title with its country earlier
        ("The Obama administration warned Moscow. The administration then froze assets.",
         "The administration", "USA GOV"),  # a known person before the title
        ("The president thanked the nurses.", "The president", "GOV"),  # nothing earlier: no country
    ],
)
def test_a_bare_title_is_the_office_holder_named_earlier(text: str, phrase: str, expected: str) -> None:
    assert _doc_codes(text, "2014-06-01", phrase) == [expected]


@pytest.mark.model
def test_a_surname_after_a_given_name_of_the_same_person_is_that_person() -> None:
    text = "Prime Minister Tayyip Erdogan criticized the plan. Saadi Gaddafi met him."
    assert _doc_codes(text, "2011-06-01", "Tayyip Erdogan", "Saadi Gaddafi") == ["TUR GOV", None]


@pytest.mark.model
def test_a_big_capital_is_not_a_small_town_of_its_name_beside_that_towns_country() -> None:
    # Moscow, Idaho is hundreds of times smaller than Moscow: a US party beside it does not move it.
    text = "Democratic lawmakers said Moscow had hacked the party."
    assert _doc_codes(text, "2016-06-01", "Moscow") == ["RUS GOV"]
    # Tripoli in Lebanon is a fifth of Libya's capital: the sentence's country decides.
    text = "Rival militias clashed in Tripoli, the north Lebanese port."
    assert _doc_codes(text, "2012-06-01", "Rival militias clashed in Tripoli") == ["LBN REB"]


@pytest.mark.model
def test_a_party_name_before_a_persons_name_is_not_the_actors_name() -> None:
    from storyline.analyze import get_pipeline
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    text = "The Senate met. Republican senator John Doe criticized the bill."
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published="2014-06-01")))
    start = text.index("Republican senator John Doe")
    actor = resolve_actor(doc, start, start + len("Republican senator John Doe"))
    assert actor is not None and actor.code == "USA LEG" and "Republican Party" not in actor.name


@pytest.mark.model
def test_a_group_owned_by_whose_is_of_the_noun_the_clause_describes() -> None:
    text = "The deal helps Iran, whose leaders have threatened Israel."
    assert _doc_codes(text, "2015-06-01", "whose leaders") == ["IRN GOV"]
    assert _doc_codes("The leaders have threatened Israel.", "2015-06-01", "The leaders") == ["GOV"]


@pytest.mark.model
def test_a_former_office_holder_named_in_full_keeps_the_country_the_title_the_sector() -> None:
    # George W. Bush's term ended in 2009: in 2016 the full name still gives his country.
    text = "Voters remembered President George W. Bush fondly."
    assert _doc_codes(text, "2016-02-18", "President George W. Bush") == ["USA GOV"]
    assert _entity_code(text, "2016-02-18", "George W. Bush") == "USA GOV"
    # a surname alone outside the term names no one
    assert _doc_codes("Voters remembered Bush fondly.", "2016-02-18", "Bush") == [None]


@pytest.mark.model
def test_a_bare_title_of_several_words_is_the_office_holder_named_earlier() -> None:
    text = "Secretary of State Hillary Clinton arrived in Cairo. Later the secretary of state praised Egypt."
    assert _doc_codes(text, "2011-05-01", "the secretary of state") == ["USA GOV"]


def _entity_code(text: str, published: str, name: str) -> str | None:
    from storyline.analyze import get_pipeline
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published=published)))
    found = [e for e in doc._.entities if e.text == name]
    return found[0].actor.code if found and found[0].actor is not None else None
