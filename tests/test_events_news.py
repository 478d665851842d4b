"""Patterns of real news text that looked like events and were not, or hid their parties: refusals to
comment, questions, aims, verbal attacks, pronouns and relative clauses, possibility and the future."""

from __future__ import annotations

import pytest

from storyline.model import Event
from tests.helpers import events_of

pytestmark = pytest.mark.model


def code(text: str, published: str = "2024-03-08") -> list[Event]:
    return events_of(text, published)


def happened(events: list[Event]) -> list[Event]:
    return [e for e in events if not e.negated and not e.hypothetical]


def has_type(text: str, ev_type: str) -> bool:
    return any(e.type == ev_type for e in code(text))


def codes(events: list[Event], ev_type: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in happened(events)
        if e.type == ev_type
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Egyptian foreign ministry declined to comment.",
        "Turkey's defence minister refused to say when the operation would end.",
    ],
)
def test_refusing_to_comment_is_no_rejection(text: str) -> None:
    assert not [e for e in code(text) if e.type == "REJECT"]


def test_refusing_to_respond_to_a_demand_is_a_rejection() -> None:
    assert [e.type for e in happened(code("Iran refused to respond to a demand from France."))].count("REJECT") == 1


def test_seeking_to_do_something_is_an_aim_not_a_request() -> None:
    assert not [e for e in code("Japan sought to keep pressure on North Korea.") if e.type == "REQUEST"]
    assert codes(code("The Kenyan activist sought asylum in Sweden."), "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "A student asked Putin what he thought of Ukraine.",
        "Reporters asked Erdogan about the border closure.",
    ],
)
def test_a_question_is_no_request(text: str) -> None:
    assert not [e for e in code(text) if e.type == "REQUEST"]


def test_a_request_with_an_addressee_stays() -> None:
    assert codes(code("Israel asked Egypt to open the border crossing."), "REQUEST") == [("ISR", "EGY")]


def test_calling_a_debate_on_something_is_no_call_on_anyone() -> None:
    assert not has_type("The Kenyan parliament called a debate on whether to expel the envoy.", "REQUEST")
    assert codes(code("Israel called on Hamas to free the hostages."), "REQUEST") == [("ISR", "PSE REB")]


def test_cutting_output_is_no_sanction_but_cutting_aid_is() -> None:
    assert not [e for e in code("China cut its steel output last year.") if e.type == "SANCTION"]
    assert codes(code("Russia cut aid to Syria."), "SANCTION") == [("RUS", "SYR")]


def test_an_attack_by_an_official_on_an_official_is_verbal() -> None:
    events = happened(code("The Kenyan president attacked the opposition leader's record on corruption."))
    assert "ASSAULT" not in {e.type for e in events}
    assert "ACCUSE" in {e.type for e in events}


def test_an_attack_on_a_policy_by_an_official_is_no_event() -> None:
    assert not has_type("Later, the German chancellor attacked coal emissions in a speech.", "ASSAULT")


def test_an_armed_attack_on_an_official_stays_an_assault() -> None:
    assert "ASSAULT" in {e.type for e in happened(code("Gunmen attacked the Kenyan senator's convoy near Garissa."))}


def test_relative_pronoun_through_a_reporting_verb_names_the_attacker() -> None:
    text = "Assad blamed the Free Syrian Army, which opposition sources said had killed 20 policemen near Homs."
    killed = [e for e in code(text) if e.type == "ASSAULT"]
    assert killed and killed[0].source is not None and killed[0].source.name == "Free Syrian Army"


def test_relative_pronoun_object_is_the_target() -> None:
    text = "The leaders vowed to confront Islamic State, which Emmanuel Macron blamed for the attacks."
    blamed = [e for e in happened(code(text)) if e.type == "ACCUSE"]
    assert blamed and blamed[0].target is not None and blamed[0].target.code == "IMG REB"


def test_pronoun_is_not_a_person_in_its_own_clause() -> None:
    events = code("Erdogan said there had been good gains. But he pressed Putin to do more.")
    assert codes(events, "REQUEST") == [("TUR GOV", "RUS GOV")]


def test_pronoun_prefers_a_person_of_its_gender() -> None:
    text = "Ms. Merkel said her government would act. Putin met Hollande on Monday. She later criticized Iran."
    events = [e for e in code(text, "2015-06-01") if e.type == "ACCUSE"]
    assert events and events[0].source is not None and events[0].source.name == "Angela Merkel"


def test_pronoun_prefers_a_person_of_its_own_sentence() -> None:
    text = "Macron spoke first. Britain will keep the pressure on Putin until he withdraws his troops."
    withdraw = [e for e in code(text) if e.type == "RETREAT"]
    assert withdraw and withdraw[0].hypothetical
    assert withdraw[0].source is not None and withdraw[0].source.name == "Vladimir Putin"


def test_going_to_is_the_future() -> None:
    events = code("Turkey is going to negotiate with Greece.")
    assert [e.type for e in happened(events)] == ["AGREE"]


def test_what_could_not_happen_is_no_refusal() -> None:
    events = code("Analysts said Israel could not make a deal with Hamas.")
    assert not [e for e in happened(events) if e.type == "REJECT"]
    assert [e.type for e in happened(code("Israel will not meet Hamas."))] == ["REJECT"]


def test_a_possible_sanction_is_a_threat() -> None:
    events = happened(code("Turkey may impose sanctions on Syria."))
    assert [(e.type, e.mode) for e in events] == [("THREATEN", "relations")]


def test_possible_cooperation_is_no_promise() -> None:
    assert not [e for e in happened(code("Greece could provide aid to Turkey.")) if e.type == "AGREE"]


def test_civilians_massing_demonstrate() -> None:
    events = happened(code("Protesters massed on the streets of Tunis on Friday."))
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "demo")]


def test_a_reported_obligation_of_a_thing_is_no_request() -> None:
    text = "The prosecutor said his first recommendations should reach the judges within weeks."
    assert not [e for e in code(text) if e.type == "REQUEST"]


def test_support_from_others_goes_to_the_possessor() -> None:
    events = happened(code("Zelensky's support from European leaders grew in 2023."))
    support = [e for e in events if e.type == "SUPPORT"]
    assert support and support[0].target is not None and support[0].target.code == "UKR GOV"


def test_what_is_discussed_on_television_is_no_partner() -> None:
    events = code("The minister discussed the plan on Al Jazeera.")
    assert not [e for e in events if e.type == "CONSULT" and e.target is not None and "Jazeera" in e.target.name]


def test_rallying_supporters_is_no_demonstration() -> None:
    assert not [e for e in code("Netanyahu rallied supporters on the eve of the vote.") if e.type == "PROTEST"]
    assert [e.type for e in happened(code("Thousands of Kenyans rallied in Nairobi on Monday."))] == ["PROTEST"]


def test_an_aid_group_deployed_is_no_mobilization() -> None:
    assert not [e for e in code("The Red Cross is already deployed in eastern Libya.") if e.type == "MOBILIZE"]


def test_offering_an_opinion_is_no_offer() -> None:
    assert not [e for e in code("Erdogan also offered his assessment of the election.") if e.type == "AGREE"]
    assert codes(code("Russia offered 2 billion dollars to Egypt."), "AGREE") == [("RUS", "EGY")]
    assert codes(code("Qatar offered to mediate between Israel and Hamas."), "AGREE")


def test_committing_crimes_is_no_commitment() -> None:
    events = code("The general is accused of ordering troops to commit atrocities.")
    assert not [e for e in events if e.type == "AGREE"]


def test_seeking_a_solution_is_no_request() -> None:
    assert not [e for e in code("Egypt is seeking a political solution in Libya.") if e.type == "REQUEST"]
    assert codes(code("Thousands of Iraqi Kurds sought refuge in Germany."), "REQUEST")


def test_fighting_a_thing_is_no_assault() -> None:
    for text in ("The Kenyan president vowed to fight corruption.", "Doctors in Nairobi are fighting the epidemic."):
        assert not [e for e in code(text) if e.type == "ASSAULT"]


def test_withdrawing_support_is_a_sanction_not_a_retreat() -> None:
    events = happened(code("Germany withdrew its support for the Turkish plan."))
    assert [e.type for e in events] == ["SANCTION"]


def test_violating_a_ceasefire_is_an_assault_by_the_violator() -> None:
    events = happened(code("Syrian troops violated the ceasefire in Idlib on Monday."))
    assert [(e.type, e.source and e.source.code) for e in events] == [("ASSAULT", "SYR MIL")]


def test_hyphenated_cease_fire_is_a_truce_not_gunfire() -> None:
    events = happened(code("Israel and Hamas observed a cease-fire on Sunday."))
    assert events and {e.type for e in events} == {"RETREAT"}


def test_what_someone_is_accused_of_is_alleged_and_theirs() -> None:
    events = code("Sudan accused the rebels of violating the ceasefire.")
    violated = [e for e in events if e.type == "ASSAULT"]
    assert violated and violated[0].hypothetical
    assert violated[0].source is not None and violated[0].source.name == "rebels"


def test_a_gerund_after_a_preposition_has_the_clause_subject() -> None:
    events = code("Erdogan spoke to reporters after meeting Putin in Sochi.")
    met = [e for e in happened(events) if e.type == "CONSULT"]
    assert met and met[0].source is not None and met[0].source.code == "TUR GOV"


def test_a_possessive_pronoun_names_the_person_before() -> None:
    events = code("Putin spoke on Sunday. His attack on Kyiv killed five people.")
    attack = [e for e in happened(events) if e.type == "ASSAULT"]
    assert attack and attack[0].source is not None and attack[0].source.name == "Vladimir Putin"


def test_killings_around_a_city_are_placed_there() -> None:
    events = happened(code("Suicide bombers killed 130 people in several places around Paris."))
    assert events and events[0].location is not None and events[0].location.name == "Paris"


def test_what_something_must_be_is_an_opinion_not_a_request() -> None:
    assert not [e for e in code("The senator insists the party must be a party of ideas.") if e.type == "REQUEST"]
    assert codes(code("Israel insists Hamas must release the hostages."), "REQUEST") == [("ISR", "PSE REB")]


def test_negation_spans_conjoined_verbs() -> None:
    events = code("Erdogan said he did not seek or receive Putin's endorsement.")
    assert not [e for e in happened(events) if e.type in ("SUPPORT", "REJECT")]


def test_a_thing_named_by_its_owner_is_not_released() -> None:
    assert not [e for e in code("FBI notes released Monday revealed a discussion.") if e.type == "RETREAT"]
    assert codes(code("Hamas released two Israeli hostages."), "RETREAT")


def test_a_conjunct_shares_the_modal_of_obligation() -> None:
    events = code("North Korea should abandon its weapons and engage in talks with Seoul.")
    assert [e for e in events if e.type == "CONSULT"] and not happened([e for e in events if e.type == "CONSULT"])


def test_an_announced_resignation_is_a_resignation() -> None:
    events = happened(code("The Kenyan finance minister announced his resignation on Friday."))
    assert [(e.type, e.mode) for e in events] == [("RETREAT", "resign")]


def test_suspending_operations_is_no_sanction_but_suspending_aid_deliveries_is() -> None:
    assert not [e for e in code("European oil companies suspended operations in Libya.") if e.type == "SANCTION"]
    assert [e.type for e in happened(code("The Red Cross suspended aid deliveries in Baghdad."))] == ["SANCTION"]


def test_at_the_request_of_names_the_requester() -> None:
    events = code("The ministry acted at the request of the Kenyan government.")
    request = [e for e in events if e.type == "REQUEST"]
    assert request and request[0].source is not None and request[0].source.code == "KEN GOV"


def test_present_agreement_is_an_opinion() -> None:
    assert not [e for e in code("We agree on this point, the Kenyan minister said.") if e.type == "AGREE"]
    assert codes(code("Hamas and Fatah agreed on a unity government."), "AGREE")


def test_demonstrating_that_something_is_so_is_no_protest() -> None:
    assert not has_type("The Kenyan senator struggled to demonstrate that she opposes the deal.", "PROTEST")


def test_civilians_arriving_consult_no_one() -> None:
    events = code("Three hostages released by Hamas arrived in Israel.")
    assert not [e for e in events if e.type == "CONSULT"]


def test_an_uncoded_person_still_stands_in_the_way_of_a_pronoun() -> None:
    text = "Margot Wallstrom cited the case of Eman al-Obaidi, who said she had been raped by militiamen."
    raped = [e for e in code(text, "2011-04-10") if e.type == "ASSAULT"]
    assert all(e.target is None or "Wallstr" not in e.target.name for e in raped)


def test_wanting_to_commend_is_commending() -> None:
    events = happened(code('"I particularly want to commend Erdogan," the Kenyan president said.'))
    assert [e.type for e in events] == ["SUPPORT"]


def test_what_anyone_would_do_is_no_event() -> None:
    events = code("Netanyahu will meet any senator who will be arriving in Israel.")
    assert not [e for e in happened(events) if e.text == "arriving"]


def test_a_warning_that_something_would_be_wrong_is_no_threat() -> None:
    assert not has_type("The Kenyan league warned that such a ban would be unacceptable.", "THREATEN")
    assert [e for e in happened(code("Iran warned that it would attack Israel.")) if e.type == "THREATEN"]


def test_what_others_expect_a_party_to_do_is_no_promise() -> None:
    events = code("American analysts expect that Russia will withdraw its troops from Syria.")
    assert not [e for e in happened(events) if e.type in ("AGREE", "CONCEDE")]
    own = happened(code("The Kenyan embassy said the Kenyan minister will visit Albania in June."))
    assert [e.type for e in own] == ["AGREE"]


def test_killed_in_raids_by_someone_is_their_attack() -> None:
    events = happened(code("Activists said 12 civilians were killed in raids by Syrian government forces."))
    killed = [e for e in events if e.type == "ASSAULT"]
    assert killed and killed[0].source is not None and killed[0].source.code == "SYR MIL"


def test_an_act_named_in_a_condition_is_hypothetical() -> None:
    events = code("If the objections to the Kenyan request are lifted, there will be no vote.")
    assert not [e for e in happened(events) if e.type == "ACCUSE"]


def test_a_meeting_around_the_clause_is_its_subjects() -> None:
    events = happened(code("Erdogan made a brief visit after a meeting with Kenyan officials."))
    meeting = [e for e in events if e.text == "meeting"]
    assert meeting and meeting[0].source is not None and meeting[0].source.code == "TUR GOV"


def test_the_release_of_assets_frees_no_one() -> None:
    assert not has_type("Kenya welcomed the release of frozen Libyan assets.", "RETREAT")
    assert [e for e in code("Hamas demanded the release of 500 Palestinian prisoners.") if e.type == "RETREAT"]


def test_a_stance_in_a_relative_clause_is_no_event() -> None:
    events = code("The Kenyan minister met farmers who oppose the plan.")
    assert not [e for e in happened(events) if e.type == "REJECT"]


def test_accepting_awards_is_no_agreement() -> None:
    assert not has_type("The Kenyan senator was accepting awards from a business group.", "AGREE")
    assert has_type("Hamas accepted the terms of the truce on Monday.", "AGREE")


def test_a_resignation_has_no_target() -> None:
    text = "The Libyan justice minister resigned in protest at the violence against protesters."
    events = [e for e in happened(code(text)) if e.type == "RETREAT"]
    assert events and events[0].target is None


def test_pleading_guilty_is_no_request() -> None:
    assert not has_type("The Kenyan general pleaded guilty to the charges.", "REQUEST")


def test_a_warning_that_someone_is_in_danger_is_no_threat() -> None:
    assert not has_type("Netanyahu warned that the rule of the right is in danger.", "THREATEN")
    assert has_type("Iran warned that there would be consequences for Israel.", "THREATEN")


def test_little_support_is_no_support() -> None:
    events = code("The Kenyan plan received little support from Uganda.")
    assert not [e for e in happened(events) if e.type == "SUPPORT"]


def test_a_name_before_a_noun_owns_its_infinitive() -> None:
    events = code("Kyiv condemned the Kremlin decision to recall its ambassador from Kenya.")
    recall = [e for e in events if e.type == "SANCTION"]
    assert recall and recall[0].source is not None and (recall[0].source.code or "").startswith("RUS")


def test_its_names_the_group_before() -> None:
    text = "The court is investigating whether the Syrian government committed crimes in its crackdown on protesters."
    crackdown = [e for e in code(text) if e.type == "COERCE"]
    assert crackdown and crackdown[0].source is not None and crackdown[0].source.code == "SYR GOV"


def test_a_promise_to_fight_is_a_threat_not_an_agreement() -> None:
    events = happened(code("Assad promised to fight the foreign forces to the death."))
    assert [e.type for e in events] == ["THREATEN"]


def test_from_him_names_the_man_before() -> None:
    text = "Gaddafi spoke on television. Spain confirmed it had received an offer of a ceasefire from him."
    offer = [e for e in code(text, "2011-06-01") if e.type == "AGREE"]
    assert offer and offer[0].source is not None and offer[0].source.name == "Muammar Gaddafi"


def test_an_end_asked_for_is_no_concession() -> None:
    text = "The United States wants to increase pressure on Assad to end the crackdown on protesters."
    assert not [e for e in happened(code(text)) if e.type == "CONCEDE"]


def test_demands_met_are_no_meeting() -> None:
    assert not has_type("The rebels will disarm once their political demands are met.", "CONSULT")
    assert has_type("Erdogan met Putin in Sochi on Monday.", "CONSULT")


def test_an_embedded_how_question_is_no_threat() -> None:
    events = code("I don't know how the Kenyan government is going to deport them all.")
    assert not [e for e in happened(events) if e.type in ("THREATEN", "COERCE")]


def test_a_gerund_subject_names_a_kind_of_act() -> None:
    events = happened(code('"Attacking Kenyan migrants is a disgrace," the bishop said.'))
    assert not [e for e in events if e.type == "ASSAULT"]


def test_a_forecast_about_things_is_no_threat() -> None:
    assert not has_type("The Kenyan senator warned that the incident could foreshadow a crisis with Iran.", "THREATEN")


def test_discussing_a_topic_alone_consults_no_one() -> None:
    assert not has_type("The Kenyan senator would discuss the evils of eminent domain.", "AGREE")
    assert has_type("Erdogan discussed the crisis with Putin.", "CONSULT")


def test_easing_a_tone_is_no_concession() -> None:
    assert not has_type("The Kenyan president eased his defiant tone.", "CONCEDE")
    assert has_type("Israel eased restrictions on Gaza on Monday.", "CONCEDE")


def test_what_is_expected_is_no_promise() -> None:
    events = code("Erdogan is not expected to meet Putin in Sochi.")
    assert not [e for e in happened(events) if e.type == "AGREE"]


def test_beating_in_an_election_is_no_assault() -> None:
    assert not has_type("The Kenyan party built a machine that beat us in the 2013 election.", "ASSAULT")
    assert has_type("Police beat protesters in Cairo on Friday.", "ASSAULT")


def test_hostility_to_a_policy_is_no_fighting() -> None:
    assert not has_type("The two Kenyan senators showed hostility to the tax.", "ASSAULT")


def test_a_campaign_rally_is_no_protest() -> None:
    assert not has_type("The Kenyan president was slated to hold rallies in Mombasa.", "PROTEST")


def test_pronoun_takes_the_subject_of_its_nearest_clause() -> None:
    events = code("Erdogan visited Netanyahu in Israel, where he also met with local reporters.")
    met = [e for e in events if e.text == "met"]
    assert met and met[0].source is not None and met[0].source.name == "Recep Tayyip Erdogan"


def test_pronoun_takes_the_nearest_clause_before_the_main_one() -> None:
    text = "Turkey suspended talks, Erdogan said, a sign that Ankara broke with Assad over his crackdown on protesters."
    crackdown = [e for e in code(text) if e.type == "COERCE"]
    assert crackdown and crackdown[0].source is not None and crackdown[0].source.code == "SYR GOV"


def test_wanting_someone_deported_deports_no_one() -> None:
    events = code("Kenyan farmers wanted all the migrants deported.")
    assert not [e for e in happened(events) if e.type == "COERCE"]


def test_the_idea_of_an_act_is_no_act() -> None:
    events = code("The Kenyan envoy said the council should revisit the idea of condemning Damascus.")
    assert not [e for e in happened(events) if e.type == "ACCUSE"]


def test_who_a_group_opposes_is_no_event() -> None:
    events = code("The EU agreed to assist rebels opposing Gaddafi.", "2011-06-01")
    assert not [e for e in happened(events) if e.type == "REJECT"]


def test_a_clash_in_a_meeting_is_verbal() -> None:
    text = "European members of the Security Council clashed with Russia during a closed-door meeting."
    events = happened(code(text))
    assert events and all(e.type == "ACCUSE" for e in events)


def test_blocking_a_request_is_a_rejection() -> None:
    events = happened(code("South Africa is formally blocking the U.S. request on the sanctions committee."))
    assert [e.type for e in events if e.text == "blocking"] == ["REJECT"]
    assert [e.type for e in happened(code("Kenyan police blocked the road to Nairobi."))] == ["COERCE"]


def test_halting_a_war_is_no_sanction() -> None:
    events = code("The Kenyan plan to halt the war in Somalia collapsed.")
    assert not [e for e in events if e.type in ("SANCTION", "THREATEN")]


def test_a_threat_of_sanctions_has_its_mode() -> None:
    events = happened(code("The Arab League threatened sanctions against Syria."))
    threat = [e for e in events if e.type == "THREATEN"]
    assert threat and threat[0].mode == "relations"


def test_banned_from_a_country_by_its_state() -> None:
    events = happened(code("Foreign reporters are largely banned from Syria."))
    banned = [e for e in events if e.type == "COERCE"]
    assert banned and banned[0].source is not None and banned[0].source.code == "SYR"


def test_ready_for_talks_is_an_intention_of_the_subject() -> None:
    events = happened(code("Libya said it was ready for negotiations with the rebels.", "2011-06-01"))
    talks = [e for e in events if e.text == "negotiations"]
    assert [(e.type, e.source and e.source.code) for e in talks] == [("AGREE", "LBY")]


def test_maintaining_support_is_support() -> None:
    events = happened(code("Syria has maintained its support for Hezbollah."))
    support = [e for e in events if e.type == "SUPPORT"]
    assert support and support[0].source is not None and support[0].source.code == "SYR"
