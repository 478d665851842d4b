"""Events on sentences of our own, round 4: figurative mobilization, hearings that are sessions,
refusals to follow suit and discussions held at a meeting."""

from __future__ import annotations

import pytest

from storyline.model import Event
from tests.helpers import events_of, of_type

pytestmark = pytest.mark.model


def code(text: str, published: str = "2016-05-02") -> list[Event]:
    return events_of(text, published)


# --- R1: a verb of mobilization moves forces, arms or positions --------------------------------------


def test_reinforcing_an_impression_is_no_mobilization() -> None:
    assert not of_type(code("Senator Warren reinforced the negative image of her rival."), "MOBILIZE")


def test_deploying_a_strategy_is_no_mobilization() -> None:
    assert not of_type(code("The Kremlin deployed its whole propaganda machine against the opposition."), "MOBILIZE")


def test_reinforcing_positions_is_a_mobilization() -> None:
    events = of_type(code("Russia reinforced its positions near the Ukrainian border on Tuesday."), "MOBILIZE")
    assert [e.source.code for e in events if e.source is not None] == ["RUS"]


def test_deploying_troops_is_still_a_mobilization() -> None:
    assert of_type(code("Turkey deployed 3,000 troops along the Syrian border."), "MOBILIZE")


# --- R2: a hearing is an inquiry only into something ------------------------------------------------


def test_a_committee_hearing_accuses_no_one() -> None:
    events = code("The Senate Judiciary Committee held a hearing on the nomination on Thursday.")
    assert not of_type(events, "ACCUSE")


def test_a_hearing_into_an_affair_is_an_inquiry() -> None:
    events = code("The Italian parliament opened a hearing on Monday into the sale of arms to Libya.")
    assert of_type(events, "ACCUSE")


# --- R3: "declined to follow suit" ------------------------------------------------------------------


def test_declining_to_follow_suit_rejects_nothing() -> None:
    events = code("France recalled its ambassador, but Germany declined to follow suit.")
    assert not of_type(events, "REJECT")


def test_declining_an_offer_is_still_a_rejection() -> None:
    assert of_type(code("Germany declined the French offer of talks."), "REJECT")


# --- R4: a discussion at a meeting is the meeting -----------------------------------------------------


def test_a_discussion_at_a_meeting_is_one_consultation() -> None:
    events = code("After a long discussion at the Teamsters' board meeting, the union stayed neutral.")
    assert len(of_type(events, "CONSULT")) <= 1


# --- R5: billing, courting voters, remembering, campaign rallies, topics, endangered goods -----------


def test_charging_money_is_no_accusation() -> None:
    assert not of_type(code("The hotel charged the party $40,000 for the conference rooms."), "ACCUSE")


def test_charging_with_a_crime_is_an_accusation() -> None:
    assert of_type(code("Prosecutors in Paris charged the mayor with fraud."), "ACCUSE")


def test_appealing_to_voters_asks_nothing() -> None:
    events = code("Senator Warren is appealing to suburban voters in Ohio.")
    assert not of_type(events, "REQUEST")


def test_recalling_a_meeting_recalls_no_envoy() -> None:
    events = code("Putin spoke on Friday, recalling the summit with the French president in 2015.")
    assert not of_type(events, "SANCTION")


def test_a_rally_for_a_candidate_is_no_protest() -> None:
    assert not of_type(code("At a rally for Ted Cruz in Texas, the actor said the senator would win."), "PROTEST")


def test_a_rally_as_the_venue_of_a_speech_is_no_protest() -> None:
    assert not of_type(code("At a rally in Denver on Friday, the singer described the mayor as kind."), "PROTEST")


def test_a_rally_against_a_law_is_still_a_protest() -> None:
    assert of_type(code("Thousands of students held a rally in Moscow against the new law."), "PROTEST")


def test_discussing_a_strategy_consults_no_one_named_in_it() -> None:
    events = code("Merkel appeared before reporters to discuss her government's plan for Greece.")
    assert not of_type(events, "CONSULT")


def test_discussing_a_topic_with_a_partner_is_a_consultation() -> None:
    assert of_type(code("Obama discussed trade with Merkel in Berlin on Monday."), "CONSULT")


def test_threatening_a_good_threatens_no_one() -> None:
    assert not of_type(code("Critics said the senator had threatened women's privacy."), "THREATEN")


def test_threatening_a_country_with_missiles_is_a_threat() -> None:
    assert of_type(code("Iran threatened Israel with sanctions."), "THREATEN")


def test_backing_up_a_statement_supports_no_party() -> None:
    events = code("The senator has the record to back it up.")
    assert not of_type(events, "SUPPORT")


def test_backing_a_country_is_still_support() -> None:
    assert of_type(code("Germany backed Ukraine in the dispute."), "SUPPORT")


def test_being_welcoming_to_migrants_receives_no_one() -> None:
    events = code("The mayor of Lyon has been welcoming to Syrian refugees for years.")
    assert not of_type(events, "CONSULT")


# --- R6: politicians' battles and attacks, deals struck, support one has from others -----------------


def test_attacks_on_a_candidate_with_no_attacker_named_are_verbal() -> None:
    events = code("Harsh attacks against Senator Warren marked the debate in Ohio.")
    assert not of_type(events, "ASSAULT")


def test_an_attack_on_a_senator_in_the_street_is_still_an_assault() -> None:
    assert of_type(code("The senator was attacked outside his home in Kabul on Monday."), "ASSAULT")


def test_a_battle_between_candidates_is_verbal() -> None:
    events = code("The battle between Senator Warren and Tom Steyer dominated the evening.")
    assert not of_type(events, "ASSAULT")


def test_a_deal_struck_is_an_agreement() -> None:
    events = code("The deal Iran had struck with Russia in March was never published.")
    assert of_type(events, "AGREE") and not of_type(events, "ASSAULT")


def test_support_one_has_from_voters_targets_the_one_who_has_it() -> None:
    events = of_type(code("Senator Warren has support from 40 percent of Democratic voters."), "SUPPORT")
    assert events and all(e.target is not None and "Warren" in e.target.name for e in events)


# --- R7: "as opposed to", names given ------------------------------------------------------------


def test_as_opposed_to_is_a_contrast() -> None:
    events = code("Irish as opposed to German immigrants faced hostility in Boston, Obama said.")
    assert not of_type(events, "REJECT")


def test_being_called_a_name_is_no_request() -> None:
    events = code("Rodrigo Duterte has been called the Trump of Asia for his remarks about Pope Francis.")
    assert not of_type(events, "REQUEST")


def test_calling_on_a_country_is_still_a_request() -> None:
    assert of_type(code("The United Nations called on Israel to stop the demolitions."), "REQUEST")


def test_a_shot_at_winning_is_no_violence() -> None:
    events = code(
        "Although she has no shot at winning Iowa, polls give Senator Warren "
        "the best odds of beating Tom Steyer in Nevada."
    )
    assert not of_type(events, "ASSAULT")


# --- dates: a conjoined verb shares its first conjunct's time ---------------------------------------


def test_a_conjoined_act_shares_the_time_of_the_first() -> None:
    events = code("In March 2009, amid protests, Chad closed its border and expelled the Sudanese envoy.", "2016-05-02")
    expelled = next(e for e in events if e.text == "expelled")
    assert (expelled.date, expelled.date_from) == ("2009-03", "text")


def test_a_conjoined_act_looking_ahead_keeps_its_own_date() -> None:
    events = code("Rebels seized the town on Monday and will hold it, their commander said.", "2016-05-04")
    held = [e for e in events if e.text == "hold"]
    assert all(e.date != "2016-05-02" for e in held)


def test_recalling_a_thing_is_remembering_not_a_sanction() -> None:
    assert not of_type(code("Many voters still recall the chaos of the last convention."), "SANCTION")
    recalled = of_type(code("Peru recalled its ambassador from Caracas on Monday."), "SANCTION")
    assert recalled and recalled[0].source is not None and recalled[0].source.code == "PER"
