"""Actor coding rules found on real news text: names with middle initials, an organisation's alias at
the tail of a longer name, "former" titles, committees, a position's group (a party, a religion, a
body in an "of" phrase), a person's followers, and a town acting as its council."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.analyze.actors import resolve_actor
from tests.helpers import actor_code as code
from tests.helpers import entity_code


@pytest.fixture(scope="module")
def nlp() -> Language:
    from storyline.analyze import get_pipeline

    return get_pipeline()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Vladimir V. Putin flew to Ankara on Friday.", "Vladimir V. Putin", "RUS GOV"),
        ("John F. Kerry flew to Ankara on Friday.", "John F. Kerry", "USA GOV"),
        # the dictionary's own initials must agree: W. is the son, H. W. the father
        ("George W Bush flew to Ankara on Friday.", "George W Bush", "USA"),
    ],
)
def test_middle_initials_do_not_stop_a_dictionary_person(nlp: Language, text: str, name: str, expected: str) -> None:
    assert code(nlp, text, name) == expected


@pytest.mark.model
def test_initials_choose_between_people_of_one_name(nlp: Language) -> None:
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    text = "George H.W. Bush flew to Ankara on Friday."
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published="2016-05-02")))
    actor = resolve_actor(doc, 0, len("George H.W. Bush"))
    assert actor is not None and actor.name == "George H. W. Bush"


@pytest.mark.model
def test_an_alias_at_the_tail_of_a_longer_name_is_another_body(nlp: Language) -> None:
    text = "The Northern Farmers Congress met in a barn outside Des Moines."
    assert code(nlp, text, "The Northern Farmers Congress") != "USA LEG"
    # a country, demonym or place before the alias only qualifies it
    assert code(nlp, "The U.S. Congress met on Monday.", "The U.S. Congress") == "USA LEG"


@pytest.mark.model
def test_libyan_and_yemeni_general_peoples_congress(nlp: Language) -> None:
    libya = "The General People's Congress gathered in Tripoli to hear Gaddafi."
    assert code(nlp, libya, "The General People's Congress", "2009-03-01") == "LBY LEG"
    yemen = "The General People's Congress held a rally in Sanaa."
    assert code(nlp, yemen, "The General People's Congress", "2009-03-01") == "YEM PTY"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a title after "former" is no longer held: neither it nor its organisation codes the actor
        ("A former NATO commander, Hans Weber, criticized the plan.", "A former NATO commander", None),
        ("The former Iraqi prime minister returned to Baghdad.", "The former Iraqi prime minister", "IRQ"),
        ("The Iraqi prime minister returned to Baghdad.", "The Iraqi prime minister", "IRQ GOV"),
    ],
)
def test_former_titles_give_no_office(nlp: Language, text: str, phrase: str, expected: str | None) -> None:
    assert code(nlp, text, phrase) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The Senate Armed Services Committee questioned the general.", "The Senate Armed Services Committee",
         "USA LEG"),
        ("A parliamentary intelligence committee summoned the minister.", "A parliamentary intelligence committee",
         "LEG"),
        # a topic word alone says nothing of the body
        ("A police committee summoned the minister.", "A police committee", None),
        ("The intelligence service summoned the minister.", "The intelligence service", "SPY"),
    ],
)
def test_committees_are_of_their_legislature_not_their_topic(
    nlp: Language, text: str, phrase: str, expected: str | None
) -> None:
    assert code(nlp, text, phrase) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("An Ohio GOP leader praised the governor.", "An Ohio GOP leader", "USA PTY"),
        ("A group of Nigerian Catholic leaders met the president.", "Nigerian Catholic leaders", "NGA REL"),
        ("Several Indonesian Muslim officials met the president.", "Several Indonesian Muslim officials", "IDN REL"),
        ("A delegation of EU lawmakers visited Kiev.", "A delegation of EU lawmakers", "EUR LEG"),
        ("The Iranian delegation left Vienna.", "The Iranian delegation", "IRN GOV"),
    ],
)
def test_a_position_takes_the_sector_of_its_group(nlp: Language, text: str, phrase: str, expected: str) -> None:
    assert code(nlp, text, phrase) == expected


@pytest.mark.model
def test_group_words_alone_name_no_actor(nlp: Language) -> None:
    assert code(nlp, "Several Muslim countries condemned the cartoons.", "Several Muslim countries") is None
    assert code(nlp, "A campaign spokesman denied the report.", "A campaign spokesman") == "PTY"
    assert code(nlp, "The bombing campaign ended.", "The bombing campaign") is None


@pytest.mark.model
def test_a_persons_followers_share_the_country_not_the_office(nlp: Language) -> None:
    text = "Senator Marco Rubio spoke in Miami. Mr. Rubio's donors were unhappy."
    assert code(nlp, text, "Mr. Rubio's donors") == "USA"
    assert code(nlp, text, "Mr. Rubio") == "USA LEG"


@pytest.mark.model
def test_a_town_named_in_an_of_phrase_acts_as_its_council(nlp: Language) -> None:
    assert code(nlp, "The city of Lyon banned the march.", "The city of Lyon") == "FRA GOV"


@pytest.mark.parametrize(
    ("name", "code_", "expected"),
    [
        ("foreign officials", "GOV", True),
        ("World leaders", "GOV", True),
        ("some Western diplomats", "GOV", True),
        ("other governments", "GOV", True),
        ("officials", "GOV", False),
        ("foreign officials", "CHN GOV", False),  # a country the phrase itself gives stays
        ("foreign", "GOV", False),
    ],
)
def test_groups_of_no_one_country(name: str, code_: str, expected: bool) -> None:
    from storyline.analyze.actors import is_unplaced
    from storyline.model import Actor

    assert is_unplaced(Actor(name, code_)) is expected


@pytest.mark.model
def test_secretary_of_state_is_american_in_american_news(nlp: Language) -> None:
    text = "The U.S. envoy arrived on Monday. The secretary of state met Cuban officials in Havana."
    assert code(nlp, text, "The secretary of state") == "USA GOV"
    # without the country named, the title gives its sector only
    assert code(nlp, "The secretary of state met Cuban officials.", "The secretary of state") == "GOV"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "deputy" before another noun only ranks it; alone it is a legislator
        ("The deputy national security adviser flew to Rome.", "The deputy national security adviser", "GOV"),
        ("The deputy harbour master flew to Rome.", "The deputy harbour master", None),
        ("Two deputies flew to Rome.", "Two deputies", "LEG"),
        ("The Italian chief executive flew to Rome.", "The Italian chief executive", "ITA BUS"),
    ],
)
def test_rank_words_and_business_titles(nlp: Language, text: str, phrase: str, expected: str | None) -> None:
    assert code(nlp, text, phrase) == expected


@pytest.mark.model
def test_american_cabinet_titles_in_american_news(nlp: Language) -> None:
    text = "U.S. officials met on Monday. The defense secretary spoke to the treasury secretary."
    assert code(nlp, text, "The defense secretary") == "USA GOV"
    assert code(nlp, text, "the treasury secretary") == "USA GOV"


@pytest.mark.model
def test_a_phrase_cut_inside_a_name_takes_no_role_from_the_fragment(nlp: Language) -> None:
    text = "European Union, U.N. and U.S. sanctions hurt Libya."
    # "Union" of "European Union" is no trade union
    assert code(nlp, text, "Union, U.N. and U.S.") == "UNO IGO"
    assert code(nlp, text, "Union") is None


@pytest.mark.model
def test_a_spokesman_named_by_the_person_he_serves_is_on_that_side(nlp: Language) -> None:
    text = "U.S. Senator Jane Holloway spoke in Ohio. Holloway spokesman Tom Reed said she would run."
    assert code(nlp, text, "Holloway spokesman Tom Reed") == "USA LEG"
    assert entity_code(nlp, text, "Tom Reed") == "USA LEG"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Pro-government militiamen stormed the village.", "Pro-government militiamen", "PRM"),
        ("Several regime-backed gunmen stormed the village.", "Several regime-backed gunmen", "PRM"),
        ("Anti-government militiamen stormed the village.", "Anti-government militiamen", "REB"),
        ("Hamas gunmen stormed the village.", "Hamas gunmen", "PSE UAF"),
    ],
)
def test_armed_groups_on_the_states_side(nlp: Language, text: str, phrase: str, expected: str) -> None:
    assert code(nlp, text, phrase) == expected


@pytest.mark.model
def test_a_group_word_before_a_bodys_name_classifies_it(nlp: Language) -> None:
    text = "Moscow criticised those who recognized the rebel National Transitional Council."
    assert code(nlp, text, "the rebel National Transitional Council", "2011-07-18") == "LBY REB"
    plain = "Moscow criticised those who recognized the National Transitional Council."
    assert code(nlp, plain, "the National Transitional Council", "2011-07-18") == "LBY GOV"


@pytest.mark.model
def test_a_countrys_ally_is_not_that_country(nlp: Language) -> None:
    text = "Gunmen attacked Syria's militia ally near the border."
    assert code(nlp, text, "Syria's militia ally") == "REB"
    assert code(nlp, "NATO ally Turkey criticized the plan.", "NATO ally Turkey") == "TUR"


@pytest.mark.model
def test_an_ethnic_group_of_one_country_in_a_document_naming_it(nlp: Language) -> None:
    assert code(nlp, "Yoruba elders criticized the Nigerian army.", "Yoruba elders") == "NGA CVL"
    assert code(nlp, "Yoruba elders criticized the army.", "Yoruba elders") == "CVL"


@pytest.mark.model
def test_militias_loyal_to_the_head_of_government(nlp: Language) -> None:
    assert code(nlp, "Loyalist militiamen stormed the village.", "Loyalist militiamen") == "PRM"
    text = "Pro-Assad militiamen stormed the village."
    assert code(nlp, text, "Pro-Assad militiamen", "2012-05-01") == "SYR PRM"
    assert code(nlp, "Pro-Iran militias attacked the base.", "Pro-Iran militias") == "REB"  # a foreign backer


@pytest.mark.model
def test_a_countrys_envoy_to_a_body_is_the_countrys(nlp: Language) -> None:
    text = "The plan angered the Russian deputy U.N. envoy, Alexander Pankin."
    assert code(nlp, text, "the Russian deputy U.N. envoy") == "RUS GOV"
    assert code(nlp, "The U.N. envoy left Damascus.", "The U.N. envoy") == "UNO IGO"


@pytest.mark.model
def test_a_states_bomber_is_a_warplane(nlp: Language) -> None:
    text = "Ankara shot down a Russian bomber, and a suicide bomber struck Ankara."
    assert code(nlp, text, "a Russian bomber") == "RUS MIL"
    assert code(nlp, text, "a suicide bomber") == "REB"


@pytest.mark.model
def test_a_part_is_coded_as_its_whole(nlp: Language) -> None:
    text = "Senator Marco Rubio spoke in Miami. One of Mr. Rubio's donors was unhappy."
    assert code(nlp, text, "One of Mr. Rubio's donors") == "USA"
    assert code(nlp, "Two of the Iraqi soldiers were hurt.", "Two of the Iraqi soldiers") == "IRQ MIL"


@pytest.mark.model
def test_broadcasters_are_media(nlp: Language) -> None:
    text = "Libyan state TV said the army would win, and Iranian radio agreed."
    assert code(nlp, text, "Libyan state TV") == "LBY JRN"
    assert code(nlp, text, "Iranian radio") == "IRN JRN"


@pytest.mark.model
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Rebel forces", "REB"),
        ("the rebel authority", "REB"),
        ("opposition forces", "OPP"),
        ("government forces", "MIL"),
        ("the rebel media officer", "REB"),
        ("the media officer", "GOV"),
    ],
)
def test_a_non_state_group_word_takes_over_a_state_institution(nlp: Language, phrase: str, expected: str) -> None:
    text = f"Yesterday {phrase} met the envoy."
    assert code(nlp, text, phrase) == expected
