"""Event coding on grammatical patterns of wire English, on sentences of our own: reduced passive
relatives, passive light verbs, the labour phrase "on strike", weapons given as aid, role nouns."""

from __future__ import annotations

import pytest

from storyline.model import Event

pytestmark = pytest.mark.model


def code(text: str) -> list[Event]:
    from storyline.analyze import get_pipeline
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published="2024-03-08")))
    return list(doc._.events)


def of_type(events: list[Event], ev_type: str) -> list[Event]:
    return [e for e in events if e.type == ev_type]


def happened(events: list[Event]) -> list[Event]:
    return [e for e in events if not e.negated and not e.hypothetical]


def sector(actor: object) -> str:
    code = getattr(actor, "code", None) or ""
    return code.split()[-1] if code else ""


def test_reduced_relative_names_the_patient() -> None:
    # "aid workers kidnapped in Somalia" = aid workers who were kidnapped: they are the target.
    events = of_type(code("Three aid workers kidnapped in Somalia were released on Tuesday."), "ASSAULT")
    assert events
    assert events[0].target is not None and sector(events[0].target) == "NGO"
    assert events[0].source is None or sector(events[0].source) != "NGO"


def test_reduced_relative_by_phrase_is_the_source() -> None:
    events = code("Hostages seized by Hamas on Oct. 7 remain in Gaza.")
    seized = [e for e in events if e.text == "seized"]
    assert seized
    assert seized[0].source is not None and seized[0].source.name == "Hamas"
    assert seized[0].target is not None and sector(seized[0].target) == "CVL"


def test_participle_after_apposition_closing_sentence_is_no_relative() -> None:
    # A bare past tense after an apposition is the reporting clause, not "a group who was protested".
    events = code("Police are harassing opposition supporters, a human rights group protested here Monday.")
    for e in events:
        assert e.target is None or "human rights group" not in e.target.name


@pytest.mark.parametrize(
    "text",
    [
        "Nurses in Britain went on strike over pay on Wednesday.",
        "Dockers went on strike on Monday.",
        "Teachers in Kenya went on strike on Monday.",
    ],
)
def test_on_strike_is_a_labour_strike(text: str) -> None:
    events = code(text)
    assert [e.type for e in events] == ["PROTEST"]
    assert events[0].mode == "strike"


def test_a_strike_on_a_place_stays_an_attack() -> None:
    events = code("Israel carried out a strike on Rafah on Monday.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_passive_light_verb_codes_its_subject_noun() -> None:
    events = of_type(code("Food aid was delivered to Gaza by Jordan's air force on Monday."), "AID")
    assert events
    assert events[0].source is not None and (events[0].source.code or "").startswith("JOR")
    assert events[0].target is not None and (events[0].target.code or "").startswith("PSE")


def test_passive_imposed_sanctions() -> None:
    events = of_type(code("New sanctions were imposed on North Korea by the European Union on Monday."), "SANCTION")
    assert events
    assert events[0].source is not None and "European Union" in events[0].source.name
    assert events[0].target is not None and (events[0].target.code or "").startswith("PRK")


@pytest.mark.parametrize(
    "text",
    [
        "Washington supplied Patriot missiles to Ukraine last year.",
        "Iran was accused by Israel of supplying drones to Russia.",
    ],
)
def test_weapons_supplied_are_military_aid(text: str) -> None:
    events = code(text)
    assert not of_type(events, "ASSAULT")
    aid = of_type(events, "AID")
    assert aid and aid[0].mode == "military"
    assert aid[0].target is not None and aid[0].target.name in ("Ukraine", "Russia")


def test_schoolchildren_are_civilians() -> None:
    events = of_type(code("Gunmen abducted 280 schoolchildren in Kaduna state, Nigeria, on Thursday."), "ASSAULT")
    assert events and events[0].target is not None
    assert sector(events[0].target) == "CVL"


def test_by_phrase_on_the_of_object_is_the_author() -> None:
    # The parser hangs "by …" on the nearer noun; it still names who made the arrest.
    events = of_type(code("The arrest of the opposition leader by Ugandan security forces sparked protests."), "COERCE")
    assert events
    assert events[0].source is not None and events[0].source.code == "UGA COP"
    assert events[0].target is not None and " by " not in events[0].target.name


def test_welcoming_an_act_is_support() -> None:
    # The object (or, in the passive, the subject) of "welcome" is an act, not a visitor.
    events = code("The release of 50 prisoners by the Belarusian government was welcomed by the EU.")
    welcomed = [e for e in events if e.text == "welcomed"]
    assert welcomed and welcomed[0].type == "SUPPORT"
    assert code("The decision was welcomed by Kyiv on Monday.")[0].type == "SUPPORT"


def test_welcoming_a_visitor_is_still_hosting() -> None:
    events = code("The emir was welcomed by President Sisi at Cairo airport.")
    assert events and events[0].type == "CONSULT" and events[0].mode == "host"


def test_released_funds_free_no_one() -> None:
    assert not code("The funds were released by the central bank on Monday.")


def test_a_state_announcing_its_own_act_addresses_no_one() -> None:
    events = of_type(code("Kim Jong Un warned that North Korea would use nuclear weapons if attacked."), "THREATEN")
    assert events and events[0].target is None


def test_a_warning_about_another_state_targets_it() -> None:
    events = of_type(code("Russia warned that Ukraine would face consequences for the incursion."), "THREATEN")
    assert events and events[0].target is not None and events[0].target.code == "UKR"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Two Palestinians were shot dead by Israeli forces in Jenin, the health ministry said.", "Jenin"),
        ("Police in Lagos arrested 40 protesters on Thursday.", "Lagos"),
        ("A Ukrainian drone attack on the Russian city of Belgorod killed five people on Saturday.", "Belgorod"),
    ],
)
def test_place_read_onto_the_doer_or_the_attacked_city(text: str, place: str) -> None:
    events = [e for e in code(text) if e.type in ("ASSAULT", "COERCE")]
    assert events and events[0].location is not None and events[0].location.name == place


def test_police_arresting_at_home_keep_the_named_target() -> None:
    events = of_type(code("Police in Lagos arrested 40 protesters on Thursday."), "COERCE")
    assert events[0].target is not None and events[0].target.code == "NGA CVL"


def test_thanking_is_support() -> None:
    events = code("Ukraine's President Volodymyr Zelenskiy thanked Germany for its military support.")
    thanked = [e for e in events if e.text == "thanked"]
    assert thanked and thanked[0].type == "SUPPORT"
    assert thanked[0].target is not None and thanked[0].target.code == "DEU"


def test_barring_is_a_restriction() -> None:
    events = of_type(code("Hungary barred the Ukrainian delegation from entering the meeting."), "COERCE")
    assert events and events[0].mode == "restrict"
    assert events[0].source is not None and events[0].source.code == "HUN"


def test_whose_plan_it_is_does_the_planned_act() -> None:
    events = of_type(code("Israel has no plans to attack Iran, a senior official said."), "ASSAULT")
    assert events and events[0].source is not None and events[0].source.code == "ISR"
    assert events[0].hypothetical


def test_subject_of_an_adjective_clause_does_its_infinitive() -> None:
    events = of_type(code("Turkey is unlikely to approve Sweden's membership this year."), "SUPPORT")
    assert events and events[0].source is not None and events[0].source.code == "TUR"
    assert events[0].hypothetical


def test_target_phrase_after_the_agent_of_an_attack_noun() -> None:
    events = of_type(code("Pakistan's army said it had repelled an attack by militants on a base in Bannu."), "ASSAULT")
    assert events and events[0].source is not None and events[0].source.name == "militants"
    assert events[0].location is not None and events[0].location.name == "Bannu"


def test_armed_men_are_unidentified_attackers() -> None:
    events = of_type(code("Armed men firing on civilians killed 12 people in Mali."), "ASSAULT")
    assert events and all(e.source is not None and (e.source.code or "").endswith("UAF") for e in events)


def test_recipient_phrase_on_the_promised_amount() -> None:
    events = code("France and Germany pledged 5 billion euros in aid to Ukraine.")
    pledges = of_type(events, "AGREE")
    assert {(e.source.code if e.source else None, e.target.code if e.target else None) for e in pledges} == {
        ("FRA", "UKR"),
        ("DEU", "UKR"),
    }
    # The aid is promised, not given.
    assert all(e.hypothetical for e in of_type(events, "AID"))


def test_reciprocal_parties_before_a_place_target() -> None:
    events = of_type(code("Moscow and Beijing held joint naval exercises in the Sea of Japan."), "COOPERATE")
    pairs = {
        ((e.source.code or "").split()[0], (e.target.code or "").split()[0]) for e in events if e.source and e.target
    }
    assert pairs == {("RUS", "CHN"), ("CHN", "RUS")}


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia and Iran restored diplomatic ties in a deal brokered by China.",
        "Israel and Bahrain established diplomatic relations in 2020.",
    ],
)
def test_establishing_ties_is_mutual_support(text: str) -> None:
    events = of_type(code(text), "SUPPORT")
    assert len(events) == 2
    assert all(e.target is not None and e.source is not None and e.target.code != e.source.code for e in events)


def test_restoring_order_is_no_event() -> None:
    assert not code("Police restored order in the capital after two days of riots.")


def test_relations_a_meeting_aims_at_are_not_established() -> None:
    events = code("Armenia and Azerbaijan held talks aimed at establishing diplomatic relations.")
    assert not [e for e in happened(events) if e.type in ("SUPPORT", "AGREE")]


def test_the_right_of_troops_to_fire_is_theirs() -> None:
    events = of_type(code("The United States defended the right of Israeli troops to fire on militants."), "ASSAULT")
    assert events and events[0].source is not None and events[0].source.code == "ISR MIL"


def test_willing_state_does_its_own_withdrawal() -> None:
    events = [e for e in code("Syria says it is willing to withdraw its troops from Lebanon.") if e.text == "withdraw"]
    assert events and events[0].source is not None and events[0].source.code == "SYR"


def test_the_party_met_with_before_the_place_met_at() -> None:
    text = "Ukrainian President Volodymyr Zelenskiy met with U.S. President Joe Biden at the White House on Thursday."
    events = of_type(code(text), "CONSULT")
    assert events and events[0].target is not None and events[0].target.name == "Joe Biden"


@pytest.mark.parametrize(
    "text",
    [
        "Britain announced new sanctions targeting Russian oil traders on Friday.",
        "The EU adopted sanctions hitting Iranian drone makers.",
    ],
)
def test_sanctions_targeting_someone_aim_at_them(text: str) -> None:
    events = code(text)
    assert [e.type for e in events] == ["SANCTION"]
    assert events[0].source is not None and events[0].target is not None
    assert sector(events[0].target) == "BUS"


def test_who_claims_responsibility_made_the_attack() -> None:
    text = "The Islamic State group claimed responsibility for the attack on a church in Istanbul."
    events = of_type(code(text), "ASSAULT")
    assert events and events[0].source is not None and events[0].source.name == "Islamic State"


def test_place_of_a_when_clause() -> None:
    events = of_type(code("At least 20 people were killed when a bomb exploded at a market in Mogadishu."), "ASSAULT")
    assert events and events[0].location is not None and events[0].location.name == "Mogadishu"


def test_place_after_the_light_verb_target() -> None:
    text = "Security forces opened fire on protesters in Khartoum, killing at least nine people, medics said."
    events = of_type(code(text), "ASSAULT")
    assert events and events[0].location is not None and events[0].location.name == "Khartoum"


def test_what_one_uses_is_the_means_not_the_doer() -> None:
    text = "Police used tear gas and water cannon to disperse thousands of demonstrators in Buenos Aires."
    events = of_type(code(text), "COERCE")
    assert events and events[0].source is not None and sector(events[0].source) == "COP"


def test_scrambling_jets_is_a_mobilisation_of_ones_own() -> None:
    events = code("Taiwan scrambled fighter jets after 30 Chinese military aircraft entered its air defence zone.")
    mob = of_type(events, "MOBILIZE")
    assert mob and mob[0].source is not None and mob[0].source.code == "TWN"
    assert mob[0].target is None


@pytest.mark.parametrize(
    ("text", "ev_type"),
    [
        ("Washington sent Patriot missiles to Poland.", "AID"),
        ("Germany will deliver Leopard tanks to Ukraine, Chancellor Olaf Scholz announced on Wednesday.", "AGREE"),
        ("Russia launched missiles at Kyiv overnight.", "ASSAULT"),
        ("Hezbollah launched rockets into northern Israel.", "ASSAULT"),
    ],
)
def test_weapons_given_are_aid_and_weapons_launched_an_attack(text: str, ev_type: str) -> None:
    events = code(text)
    assert [e.type for e in events] == [ev_type]
    assert events[0].source is not None and events[0].target is not None


def test_coordinated_weapon_words_modify_the_attack_noun() -> None:
    text = "Government forces launched artillery, mortar and rocket fire against rebel camps near the border."
    events = code(text)
    assert [e.text for e in events] == ["fire"]


def test_a_protest_at_an_embassy_addresses_its_state() -> None:
    events = of_type(code("Hundreds of people protested outside the U.S. embassy in Jakarta on Friday."), "PROTEST")
    assert events and events[0].target is not None and (events[0].target.code or "").startswith("USA")
    assert events[0].location is not None and events[0].location.name == "Jakarta"


def test_a_protest_outside_a_city_addresses_its_government() -> None:
    events = of_type(code("Farmers protested outside Paris on Monday."), "PROTEST")
    assert events and events[0].target is not None and events[0].target.code == "FRA"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Protests erupted in Tbilisi on Thursday after parliament passed the bill.", "GEO"),
        ("Senegal's president Macky Sall postponed the election, sparking protests in Dakar.", "SEN"),
    ],
)
def test_protests_no_one_is_named_for_are_by_the_people_of_the_place(text: str, country: str) -> None:
    events = of_type(code(text), "PROTEST")
    assert events and events[0].source is not None and events[0].source.code == f"{country} CVL"


def test_a_banned_protest_did_not_happen() -> None:
    assert not happened(of_type(code("The government banned protests in the capital."), "PROTEST"))
