"""Actor coding rules, fourth round on real news text: where a mission is sent is not its country, a mission
owned by "its" is the subject's, compounds of descent ("Cuban-American"), a relative's "of" phrase, a town
before "victim", a known person's nationality out of office, government employees and defectors."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.helpers import actor_code as code
from tests.helpers import entity_code


@pytest.fixture(scope="module")
def nlp() -> Language:
    from storyline.analyze import get_pipeline

    return get_pipeline()


@pytest.mark.model
def test_the_place_a_mission_is_sent_to_is_not_its_country(nlp: Language) -> None:
    assert code(nlp, "A delegation to Syria met the opposition.", "A delegation to Syria") == "GOV"
    assert code(nlp, "The special envoy to Kenya said the talks had failed.", "The special envoy to Kenya") == "GOV"
    # The mission's own country still codes it.
    assert code(nlp, "Norway's ambassador to Kenya criticized the plan.", "Norway's ambassador to Kenya") == "NOR GOV"
    # Only a mission's "to" phrase: "a threat to Syria" is not a group, "ties to Iran" no mission.
    assert code(nlp, "The Iranian envoy arrived on Monday.", "The Iranian envoy") == "IRN GOV"


@pytest.mark.model
def test_a_mission_owned_by_its_is_the_subjects(nlp: Language) -> None:
    text = "Turkey recalled its ambassador from Vienna after the vote."
    assert code(nlp, text, "its ambassador from Vienna") == "TUR GOV"
    # Without an owner, "from" names where the envoy comes from.
    assert code(nlp, "An envoy from Norway arrived in the capital.", "An envoy from Norway") == "NOR GOV"


@pytest.mark.model
def test_a_compound_of_descent_is_of_its_last_nationality(nlp: Language) -> None:
    text = "Irish-American lawmakers criticized the decision."
    assert code(nlp, text, "Irish-American lawmakers") == "USA LEG"
    assert code(nlp, "Irish lawmakers criticized the decision.", "Irish lawmakers") == "IRL LEG"


@pytest.mark.model
def test_a_relatives_of_phrase_is_someone_else(nlp: Language) -> None:
    text = "Mr. Haskins, the son of a Cuban immigrant, criticized the deal on Tuesday."
    assert entity_code(nlp, text, "Haskins") is None
    assert code(nlp, text, "the son of a Cuban immigrant") is None


@pytest.mark.model
def test_a_town_before_victim_names_the_event(nlp: Language) -> None:
    text = "A Benghazi victim's mother criticized the secretary."
    assert code(nlp, text, "A Benghazi victim") == "CVL"
    assert code(nlp, "Police in Benghazi arrested two men.", "Police in Benghazi") == "LBY COP"


@pytest.mark.model
def test_a_known_persons_nationality_outlives_the_term(nlp: Language) -> None:
    text = "The Mexican president visited Washington. President Reagan had signed the treaty."
    assert entity_code(nlp, text, "Reagan") == "USA GOV"
    # A title with no known person still takes the country the article gave the title.
    text = "The Mexican president visited Washington. President Ortuno had signed the treaty."
    assert entity_code(nlp, text, "Ortuno") == "MEX GOV"


@pytest.mark.model
def test_government_employees_and_defectors(nlp: Language) -> None:
    assert code(nlp, "Federal employees protested against the cuts.", "Federal employees") == "GOV"
    assert code(nlp, "Hospital employees protested against the cuts.", "Hospital employees") == "LAB"
    assert code(nlp, "Police arrested three Syrian army defectors.", "three Syrian army defectors") == "SYR OPP"


@pytest.mark.model
def test_an_honorifics_sex_must_match_the_person(nlp: Language) -> None:
    text = (
        "Kenyan Governor Tom Marsh and Kenyan Senator Linda Marsh arrived in Cairo. Mr. Marsh praised Egypt. "
        "Mrs. Marsh criticized the deal."
    )
    assert code(nlp, text, "Mr. Marsh") == "KEN GOV"
    assert code(nlp, text, "Mrs. Marsh") == "KEN LEG"
    # Without a "Mr." naming the other, a surname is its first bearer's.
    assert code(nlp, "Kenyan Senator Linda Marsh arrived. Mrs. Marsh criticized the deal.", "Mrs. Marsh") == "KEN LEG"


@pytest.mark.model
def test_a_role_word_before_an_activity_or_record_makes_no_actor(nlp: Language) -> None:
    assert code(nlp, "Armed terrorist acts shook the town.", "Armed terrorist acts") is None
    assert code(nlp, "Court filings accused the firm of fraud.", "Court filings") is None
    assert code(nlp, "Voter contact helped the party.", "Voter contact") is None
    # A country's acts are still the country's; the role words themselves still code.
    assert code(nlp, "Iranian acts of aggression alarmed Riyadh.", "Iranian acts") == "IRN"
    assert code(nlp, "The court fined the firm.", "The court") == "JUD"


@pytest.mark.model
def test_a_subjects_own_government_is_of_the_subjects_country(nlp: Language) -> None:
    text = "Kenyan President Tom Barlow, who has close ties to Russia, defended his government's crackdown."
    assert code(nlp, text, "his government") == "KEN GOV"
    text = "Denmark said its government would not pay, and Russia agreed."
    assert code(nlp, text, "its government") == "DNK GOV"
    # A subject the article gave no country gives none.
    assert code(nlp, "The man defended his government's crackdown.", "his government") == "GOV"
