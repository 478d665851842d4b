"""Events on sentences of our own, round 5: rallies that are campaign appearances and donations that
are campaign money (PLOVER's AID is material help to the recipient)."""

from __future__ import annotations

import pytest

from storyline.model import Event
from tests.helpers import events_of, of_type

pytestmark = pytest.mark.model


def code(text: str, published: str = "2016-05-02") -> list[Event]:
    return events_of(text, published)


# --- R1: a rally with a named figure, or one attended by ticket, is a campaign event -----------------


def test_rally_with_a_named_candidate_is_no_protest() -> None:
    events = code("The fundraiser offered supporters a seat at a rally with Senator Jones in Ohio.")
    assert not of_type(events, "PROTEST")


def test_tickets_to_a_rally_are_no_protest() -> None:
    events = code("The businessman is promising his friends two tickets to an Ohio rally.")
    assert not of_type(events, "PROTEST")


def test_a_state_before_an_event_noun_is_no_party() -> None:
    events = of_type(code("The businessman is promising his friends two tickets to an Ohio rally."), "AGREE")
    assert events and all(e.target is None or e.target.name != "Ohio" for e in events)


def test_rally_against_a_government_is_still_a_protest() -> None:
    events = of_type(code("Thousands of students joined a rally against the government in Caracas."), "PROTEST")
    assert events


# --- R2: donations to a campaign are campaign finance, not AID ---------------------------------------


def test_campaign_donations_are_no_aid() -> None:
    assert not of_type(code("Oil companies donated heavily to the Cruz campaign."), "AID")


def test_donations_to_a_candidate_are_no_aid() -> None:
    assert not of_type(code("Japan's carmakers donated millions to the candidate last year."), "AID")


def test_donations_for_victims_remain_aid() -> None:
    text = "Japan donated $5 million to Nepal for earthquake victims during its campaign of relief."
    assert of_type(code(text), "AID")


# --- R3: "has backing from X" is a noun of support that X gives ---------------------------------------


def test_has_backing_from_names_the_backer_as_source() -> None:
    events = of_type(code("Governor Smith has backing from the unions in Michigan."), "SUPPORT")
    assert events and all(e.target is not None and "Smith" in e.target.name for e in events)


def test_has_been_backing_keeps_its_subject_as_source() -> None:
    events = of_type(code("The opposition has been backing the rebels."), "SUPPORT")
    assert events and all(e.target is not None and e.target.name != "The opposition" for e in events)


# --- R4: "unleash" is a light verb like "launch": its subject authors the noun's act -----------------


def test_unleashed_attacks_have_a_source() -> None:
    events = of_type(code("The militants unleashed attacks on the border town."), "ASSAULT")
    assert events and all(e.source is not None for e in events)


# --- R5: an attack made on a medium of words is verbal, whoever is attacked ---------------------------


def test_attack_on_twitter_is_verbal_even_against_the_police() -> None:
    events = code("The candidate attacked the FBI on Twitter.")
    assert of_type(events, "ACCUSE") and not of_type(events, "ASSAULT")


def test_attack_by_troops_in_a_town_stays_an_assault() -> None:
    assert of_type(code("Troops attacked the police station in Mosul."), "ASSAULT")


# --- R6: "X said Y should V" asks Y, never a party inside what Y should do ----------------------------


def test_reported_obligation_targets_its_subject_not_the_object() -> None:
    events = of_type(code("The French envoy said the committee should not abandon Lebanon."), "REQUEST")
    assert events and all(e.target is None or e.target.code != "LBN" for e in events)


def test_reported_obligation_keeps_a_coded_subject_as_target() -> None:
    events = of_type(code("The chancellor said Russia must stop its strikes on Ukraine."), "REQUEST")
    assert events and any(e.target is not None and e.target.code == "RUS" for e in events)


# --- R7: whom one promises something is the promise's party ------------------------------------------


def test_promise_to_voters_is_not_aimed_at_a_place_in_the_thing_promised() -> None:
    events = of_type(code("The governor promised voters a new bridge to Canada."), "AGREE")
    assert events and all(e.target is None or e.target.code != "CAN" for e in events)


# --- R8: a group the speaker owns ("our presidents") is not of a place the sentence names -------------


def test_first_person_group_takes_no_country_from_the_place() -> None:
    events = of_type(code('"Our presidents kill terrorists in Syria," a supporter wrote.'), "ASSAULT")
    assert events and all(e.source is None or not (e.source.code or "").startswith("SYR") for e in events)


# --- R9: what a party holds stands for it as the target of an attack or threat ------------------------


def test_threat_to_bomb_what_a_group_seized_targets_the_group() -> None:
    events = of_type(code("The president said he would bomb the depots seized by the Taliban."), "THREATEN")
    assert events and any(e.target is not None and "Taliban" in e.target.name for e in events)
