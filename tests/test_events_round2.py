"""Events on sentences of our own: uncoded named actors, charges judged by a verb, figurative uses of
event verbs, habits and "not yet"."""

from __future__ import annotations

import pytest

from storyline.model import Event
from tests.helpers import events_of, of_type

pytestmark = pytest.mark.model


def code(text: str, published: str = "2024-03-08") -> list[Event]:
    return events_of(text, published)


def happened(events: list[Event]) -> list[Event]:
    return [e for e in events if not e.negated and not e.hypothetical]


# --- E1: a named party the dictionary does not know is kept, with no code ---------------------------


def test_uncoded_person_is_kept_by_fullest_name() -> None:
    text = "Maria Kowalski is a lawmaker from Ohio. On Monday, Kowalski called on Germany to expel Russian diplomats."
    requests = of_type(happened(code(text)), "REQUEST")
    assert requests
    e = requests[0]
    assert e.source is not None and e.source.name == "Maria Kowalski" and e.source.code is None
    assert e.target is not None and e.target.code == "DEU"


def test_uncoded_target_person_is_kept() -> None:
    events = of_type(happened(code("Germany arrested Jonas Wrenfield on Monday.")), "COERCE")
    assert events
    assert any(e.target is not None and e.target.name == "Jonas Wrenfield" and e.target.code is None for e in events)


def test_unresolved_pronoun_stays_none() -> None:
    events = of_type(code("They called on Germany to expel Russian diplomats."), "REQUEST")
    assert events and all(e.source is None for e in events)


def test_uncoded_actor_in_exports() -> None:
    from storyline.model import Document
    from storyline.serve.event_exports import to_gdelt_row, to_plover

    text = "Maria Kowalski called on Germany to expel Russian diplomats."
    events = of_type(happened(code(text)), "REQUEST")
    assert events
    document = Document(id="d1", text=text, published="2024-03-08")
    record = to_plover(events[0], document)
    assert record["actor"][0]["actorText"] == "Maria Kowalski" and record["actor"][0]["code"] is None
    row = to_gdelt_row(events[0], document)
    assert "Maria Kowalski" in row


# --- E3: the one judged does what they are judged for -------------------------------------------------


def test_lash_out_at_for_having_done() -> None:
    events = code("The minister lashed out at Turkey for having shot down a Syrian helicopter.")
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].source is not None and assault[0].source.code == "TUR"


def test_list_of_charges_is_the_accused_doing_and_alleged() -> None:
    events = code("The minister spoke, accusing Russia of bombing, shelling and shooting civilians.")
    acts = of_type(events, "ASSAULT")
    assert acts
    assert all(e.source is not None and e.source.code == "RUS" for e in acts)
    assert all(e.hypothetical for e in acts)


def test_means_of_a_charge_is_the_accused_doing() -> None:
    events = code("Iran accused Washington of hypocrisy by backing Syrian rebels.")
    support = of_type(events, "SUPPORT")
    assert support and support[0].source is not None and (support[0].source.code or "").startswith("USA")


# --- E4: "not yet" on a verb of entering into an act --------------------------------------------------


def test_not_thrown_into_battle_is_negated() -> None:
    events = of_type(code("The general had not yet thrown his army into battle against the rebels."), "ASSAULT")
    assert events and all(e.negated for e in events)


def test_not_plunged_into_war_is_negated() -> None:
    events = of_type(code("Chile has not yet plunged its army into war with Peru."), "ASSAULT")
    assert events and all(e.negated for e in events)


# --- E2: figurative uses -----------------------------------------------------------------------------


def test_courting_voters_is_no_attack() -> None:
    assert not of_type(code("The senator is targeting young and Hispanic voters in Ohio."), "ASSAULT")


def test_armed_targeting_of_civilians_is_an_attack() -> None:
    assert of_type(happened(code("Syrian troops are targeting civilians in Homs.")), "ASSAULT")


def test_killing_a_resolution_is_a_rejection() -> None:
    events = code("China moved to kill a French-drafted resolution on Myanmar.")
    assert not of_type(events, "ASSAULT")
    assert of_type(events, "REJECT")


def test_pulling_out_of_a_slump_is_no_retreat() -> None:
    events = code("Brazil will pull out of its recession next year.")
    assert not of_type(events, "RETREAT") and not of_type(events, "CONCEDE")


def test_pulling_out_of_a_town_is_a_retreat() -> None:
    assert of_type(happened(code("Russia pulled its troops out of the town of Kherson.")), "RETREAT")


def test_lifting_the_retirement_age_is_no_concession() -> None:
    assert not of_type(code("The French government lifted the retirement age to 64."), "CONCEDE")


def test_seeking_shelter_is_no_request() -> None:
    events = code("Israeli police urged residents to seek shelter.")
    assert len(of_type(events, "REQUEST")) == 1


def test_a_thing_that_threatens_is_no_threat() -> None:
    assert not of_type(code("The spread of extremism threatens the stability of Jordan."), "THREATEN")


def test_warning_of_a_danger_is_no_threat() -> None:
    assert not of_type(code("NATO commanders warned of the danger to civilian flights over Ukraine."), "THREATEN")


def test_warning_of_consequences_is_a_threat() -> None:
    assert of_type(code("Iran warned Israel of consequences if it attacked."), "THREATEN")


def test_habitual_meeting_is_no_event() -> None:
    events = of_type(code("The Arab League council meets in Cairo every year."), "CONSULT")
    assert all(e.hypothetical for e in events)


def test_headline_present_meeting_is_an_event() -> None:
    assert of_type(happened(code("Obama meets Putin in Paris.")), "CONSULT")


def test_firing_back_in_words_is_no_attack() -> None:
    events = code("The governor fired back at Russia with a sharp statement.")
    assert not of_type(events, "ASSAULT")


def test_firing_staff_is_no_attack() -> None:
    assert not of_type(code("The French president fired his chief of staff on Monday."), "ASSAULT")


def test_firing_at_police_is_an_attack() -> None:
    assert of_type(happened(code("Rebels fired at police in Kabul.")), "ASSAULT")


def test_warning_that_a_state_is_ruled_badly_is_no_threat() -> None:
    assert not of_type(code("Senator Rubio warned that Iran is governed by extremists."), "THREATEN")


def test_candidate_attacking_an_uncoded_rival_is_verbal() -> None:
    events = code("Senator Barbara Boxer attacked Carla Menendez by reminding voters of the layoffs.")
    assert not of_type(events, "ASSAULT")


def test_a_candidates_appeal_is_no_request() -> None:
    assert not of_type(code("The governor is broadening her appeal among suburban voters."), "REQUEST")


def test_an_appeal_to_a_body_is_a_request() -> None:
    assert of_type(code("Iran made an appeal to the United Nations for help."), "REQUEST")


def test_a_falling_amount_is_no_refusal() -> None:
    assert not of_type(code("Exports from Germany to Russia declined 30 percent last year."), "REJECT")
    assert not of_type(code("Iran declined sharply in the polls, Russia said."), "REJECT")


def test_capturing_allegiance_is_no_seizure() -> None:
    events = code("Senator Warren has captured the allegiance of young voters.")
    assert not of_type(events, "COERCE") and not of_type(events, "ASSAULT")


def test_thank_god_is_no_support() -> None:
    assert not of_type(code("\u201cThank God, I am very healthy,\u201d Senator Rubio said."), "SUPPORT")


def test_a_town_the_tagger_takes_for_a_person_is_no_party() -> None:
    for e in code("Rebels captured the town of Brega."):
        assert e.target is None or e.target.name != "Brega"


def test_pronoun_for_an_uncoded_person_is_named() -> None:
    events = of_type(code("Tomas Brandt arrived in Berlin on Monday. Later he met Angela Merkel."), "CONSULT")
    assert events and events[0].source is not None
    assert events[0].source.name == "Tomas Brandt" and events[0].source.code is None


def test_a_region_the_tagger_takes_for_an_organisation_is_no_party() -> None:
    for e in code("Obama renewed his call for Russia to withdraw from Crimea."):
        assert e.target is None or e.target.name != "Crimea"


def test_a_press_call_is_no_request() -> None:
    events = code("During a conference call with reporters on Monday, the French minister spoke about Mali.")
    assert not of_type(events, "REQUEST")


def test_a_yes_no_question_is_not_asserted() -> None:
    events = of_type(code("Do you support the French president?"), "SUPPORT")
    assert events and all(e.hypothetical for e in events)
    assert not happened(of_type(code("Has Iran withdrawn its troops from Syria?"), "RETREAT"))


def test_a_why_question_presupposes_the_act() -> None:
    assert happened(of_type(code("Why did Russia attack Ukraine?"), "ASSAULT"))


def test_a_comeback_is_no_fight() -> None:
    events = code("In 1992 Bill Clinton battled back to finish a close second to former governor Paul Tsongas.")
    assert not of_type(events, "ASSAULT") and not of_type(events, "ACCUSE")


def test_fighting_back_against_gunmen_is_a_fight() -> None:
    assert of_type(happened(code("Soldiers fought back against the gunmen.")), "ASSAULT")


def test_remembering_is_no_recall() -> None:
    events = code("Mr. Kowalski recalled that before the book was published, Trump sent an attorney to his office.")
    assert not of_type(events, "SANCTION")


def test_recalling_an_ambassador_is_a_sanction() -> None:
    assert of_type(happened(code("Germany recalled its ambassador from Turkey.")), "SANCTION")


def test_declining_comment_is_no_rejection() -> None:
    assert not of_type(code("Justice Department spokeswoman Nicole Navas declined comment."), "REJECT")


def test_sharing_an_opinion_is_no_agreement() -> None:
    assert not of_type(code("The French ministers agreed that the plan was a mistake."), "AGREE")
    assert of_type(code("Iran agreed that inspectors could visit the site."), "AGREE")


def test_choosing_when_to_act_is_no_act() -> None:
    events = code("In those days, the workers of France would decide when and where to protest.")
    assert not happened(of_type(events, "PROTEST")) and not of_type(events, "THREATEN")


def test_shooting_back_in_words_is_no_attack() -> None:
    events = code("\u201cHe is weak,\u201d Senator Warren shot back at the French president.")
    assert not of_type(events, "ASSAULT")


def test_a_legal_battle_is_no_attack() -> None:
    events = code("Russia's legal battle with Ukraine over the debt continued.")
    assert not of_type(events, "ASSAULT") and of_type(events, "ACCUSE")


def test_an_uncoded_pronoun_target_is_not_the_source_itself() -> None:
    events = code("Paul D. Ryan spoke on Monday. Ryan calls Trump line racist, but Ryan backs him.")
    for e in of_type(events, "SUPPORT"):
        assert not (e.target is not None and e.target.name.endswith("Ryan"))


def test_uncoded_source_does_not_crash_sector_rules() -> None:
    text = (
        "Louisiana Gov. Bobby Jindal on Monday signed an order trying to get his state to block the settlement of "
        "any Syrian refugee, while Mike Huckabee, the former Arkansas governor, proposed we wake up and said House "
        "Speaker Paul Ryan should resign if he can't block the refugees' arrival."
    )
    assert code(text) is not None
