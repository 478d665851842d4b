"""Actor coding rules, third round on real news text: a possessor before a "former" title, wars named for
countries, titles inside a person's name (American state legislators, military ranks), a bare legislator
in a document naming one country's legislature, Jewish settlers, and the organisation the Islamic State."""

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
def test_a_possessors_title_before_former_is_no_office(nlp: Language) -> None:
    text = "Reporters said the governor's former chief of staff met the Canadian consul on Tuesday."
    assert code(nlp, text, "the governor's former chief of staff") is None
    text = "President Obama spoke on Monday. The president's former envoy to the region criticised the plan."
    assert code(nlp, text, "The president's former envoy to the region") is None


@pytest.mark.model
def test_a_possessor_person_is_not_the_former_office_holder(nlp: Language) -> None:
    text = "Muammar Gaddafi spoke on television. Gaddafi's former oil minister Shukri Ghanem left for Tunisia."
    assert code(nlp, text, "Gaddafi's former oil minister Shukri Ghanem", "2011-06-01") == "LBY"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("A Korean War veteran from Texas testified on Friday.", "A Korean War veteran"),
        ("An Iraq war veteran addressed the crowd.", "An Iraq war veteran"),
        ("Several Vietnam - era pilots wrote to the paper.", "Several Vietnam - era pilots"),
    ],
)
def test_a_war_named_for_a_country_is_not_the_country(nlp: Language, text: str, phrase: str) -> None:
    assert code(nlp, text, phrase) is None


@pytest.mark.model
def test_the_country_itself_still_counts_beside_war_words(nlp: Language) -> None:
    assert code(nlp, "Iraq warned Turkey on Monday.", "Iraq") == "IRQ"


@pytest.mark.model
def test_american_state_legislators(nlp: Language) -> None:
    text = "Assemblyman Joe Brennan of Ohio said the bill would pass the statehouse."
    assert entity_code(nlp, text, "Joe Brennan") == "USA LEG"



@pytest.mark.model
def test_a_title_the_tagger_took_into_the_name_still_codes_it(nlp: Language) -> None:
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    text = "Assemblywoman Claudia Tenney won the primary in New York."
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published="2016-05-02")))
    ent = doc.ents[0]
    assert ent.text == "Assemblywoman Claudia Tenney"  # the small model's reading this rule is for
    mention = doc._.entities[0]
    assert mention.actor is not None and mention.actor.code == "USA LEG"
    # without the United States named, the title gives only the sector
    text = "State senator Kim Ahlberg criticised the ruling."
    assert code(nlp, text, "State senator Kim Ahlberg") == "LEG"


@pytest.mark.model
def test_military_ranks_are_military(nlp: Language) -> None:
    text = "The exercise was overseen by Rear Admiral Tom Hensley, who spoke to reporters in Manila."
    assert code(nlp, text, "Rear Admiral Tom Hensley") == "MIL"
    assert code(nlp, "A Turkish brigadier general was killed.", "A Turkish brigadier general") == "TUR MIL"


@pytest.mark.model
def test_a_bare_legislator_sits_in_the_one_legislature_named(nlp: Language) -> None:
    text = "The Knesset debated the budget. Yael Dror, a member of parliament, voted against it."
    assert entity_code(nlp, text, "Yael Dror") == "ISR LEG"
    # two countries' legislatures: no choice
    text = "The Knesset and the Bundestag debated the treaty. Yael Dror, a member of parliament, voted against it."
    assert entity_code(nlp, text, "Yael Dror") == "LEG"


@pytest.mark.model
def test_jewish_settlers_are_israeli_civilians(nlp: Language) -> None:
    text = "Israeli police said Jewish settlers threw stones at a Palestinian car near Hebron."
    assert code(nlp, text, "Jewish settlers") == "ISR CVL"


@pytest.mark.model
def test_the_islamic_state_is_the_organisation(nlp: Language) -> None:
    text = "Islamic State fighters seized two villages in northern Syria."
    assert code(nlp, text, "Islamic State fighters") == "IMG REB"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Labor leaders in Michigan warned the plant would close.", "Labor leaders", "LAB"),
        ("The union president told reporters in Ohio the strike would go on.", "The union president", "LAB"),
        ("Dan Moore, the president of a regional trades council in Ohio, said the vote was close.", "Dan Moore",
         "USA LAB"),
        # a government office stays one: a demonym, a bare title, a group of people before it
        ("The Kenyan president met the Ugandan prime minister.", "The Kenyan president", "KEN GOV"),
        ("Egypt's first civilian president took office in Cairo.", "Egypt's first civilian president", "EGY GOV"),
    ],
)
def test_an_office_of_a_non_state_body_is_of_its_sector(nlp: Language, text: str, phrase: str, expected: str) -> None:
    assert code(nlp, text, phrase) == expected


@pytest.mark.model
def test_british_parties_need_britain_in_the_document(nlp: Language) -> None:
    assert code(nlp, "The Tories lost three seats in Britain on Thursday.", "The Tories") == "GBR PTY"
    assert code(nlp, "Labour MPs in London criticised the budget.", "Labour MPs") == "GBR PTY"
    # "Labor" is the party of the one country the document names, else none
    assert code(nlp, "Labor won the vote in Canberra.", "Labor") == "AUS PTY"
    assert code(nlp, "Labor won the vote.", "Labor") is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Al-Shabaab soldiers stormed the hotel in Mogadishu.", "Al-Shabaab soldiers", "REB"),
        ("ISIS troops withdrew from the town.", "ISIS troops", "IMG REB"),
        # a state's soldiers stay its military
        ("Kenyan soldiers stormed the hotel.", "Kenyan soldiers", "KEN MIL"),
    ],
)
def test_an_armed_groups_soldiers_are_its_fighters(nlp: Language, text: str, phrase: str, expected: str) -> None:
    found = code(nlp, text, phrase)
    assert found is not None and found.endswith(expected)


@pytest.mark.model
def test_a_spokesman_for_a_named_super_pac_is_partisan(nlp: Language) -> None:
    text = '"We are ready," said Ann Cole, a spokeswoman for the Walker super PAC.'
    assert code(nlp, text, "Ann Cole") == "PTY"


@pytest.mark.model
def test_svp_is_the_swiss_party_only_beside_switzerland(nlp: Language) -> None:
    assert code(nlp, "The SVP won the referendum in Switzerland.", "The SVP") == "CHE PTY"
    assert code(nlp, "She was named SVP of marketing at the firm.", "SVP") is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Alderman Joe Pratt voted against the zoning plan.", "Alderman Joe Pratt"),
        ("A city councilwoman criticised the police budget.", "A city councilwoman"),
    ],
)
def test_municipal_legislators_are_local_government(nlp: Language, text: str, phrase: str) -> None:
    assert code(nlp, text, phrase) == "GOV"
