"""Events on sentences of our own, round 3: groups of no one country, whole modifier phrases, names
after a common noun, countries inside the act's object, towns that act, addressees of requests,
quoted questions, empty promises, counterfactuals and insurgents dealing with a whole country."""

from __future__ import annotations

import pytest

from storyline.model import Event
from tests.helpers import events_of, of_type

pytestmark = pytest.mark.model


def code(text: str, published: str = "2016-05-02") -> list[Event]:
    return events_of(text, published)


def source_codes(events: list[Event]) -> set[str | None]:
    return {e.source.code if e.source is not None else None for e in events}


def target_codes(events: list[Event]) -> set[str | None]:
    return {e.target.code if e.target is not None else None for e in events}


# --- R1: "foreign officials", "world leaders" get no country from the place or the sentence ---------


def test_world_leaders_get_no_country_of_the_place() -> None:
    events = of_type(code("World leaders condemned the bombing in Madrid."), "ACCUSE")
    assert events and source_codes(events) == {"GOV"}


def test_foreign_officials_get_no_country_of_the_sentence() -> None:
    events = of_type(code("Foreign diplomats criticized the verdict in Cairo."), "ACCUSE")
    assert events and all(not (c or "").startswith("EGY") for c in source_codes(events))


# --- R2: the whole modifier phrase of an event noun ------------------------------------------------


def test_modifier_phrase_is_taken_whole() -> None:
    events = code("European Union foreign ministers meeting in Vilnius condemned the raid.")
    assert events and "EUR IGO" in source_codes(events)


def test_broker_of_a_deal_is_not_its_party() -> None:
    events = of_type(code("Kenya will let 5,000 refugees return home under a UN-brokered deal."), "AGREE")
    assert all(c != "UNO IGO" for c in source_codes(events))


# --- R3: "the opposition <Name>": the name is the subject -----------------------------------------


def test_common_noun_before_a_name_is_its_modifier() -> None:
    events = of_type(code("The opposition Syrian National Council refused the proposal."), "REJECT")
    assert events and events[0].source is not None
    assert events[0].source.name == "Syrian National Council" and events[0].source.code == "SYR OPP"


# --- R4: countries inside the act's own object do not place its author ------------------------------


def test_country_in_the_object_does_not_place_the_source() -> None:
    text = "The secretary of state criticized the senator's plan for confronting Iran."
    events = of_type(code(text), "ACCUSE")
    assert events and all(not (c or "").startswith("IRN") for c in source_codes(events))


# --- R5: a town that acts is its council --------------------------------------------------------------


def test_city_of_name_as_subject_is_its_government() -> None:
    events = of_type(code("On Monday, the city of Lyon urged residents to stay indoors."), "REQUEST")
    assert events and source_codes(events) == {"FRA GOV"}


# --- R6: the addressee of "call on X to V" is the target ---------------------------------------------


def test_addressee_of_a_request_is_its_target() -> None:
    text = "Senator Mark Ellison called on the administration to publicly condemn China."
    events = of_type(code(text), "REQUEST")
    assert events and all(not (c or "").startswith("CHN") for c in target_codes(events))
    events = of_type(code("The senator urged the administration to punish Russia."), "REQUEST")
    assert events and target_codes(events) == {"GOV"}


def test_country_in_the_request_does_not_place_its_author() -> None:
    text = "Senator Mark Ellison called on the White House to publicly blame China for the hacking."
    events = of_type(code(text), "REQUEST")
    assert events and all(not (c or "").startswith("CHN") for c in source_codes(events))


def test_request_without_addressee_keeps_the_complement_target() -> None:
    events = of_type(code("Poland demanded that Belarus release the activists."), "REQUEST")
    assert events and "BLR" in {(c or "").split()[0] for c in target_codes(events) if c}


# --- R7: a quoted question is no request ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"Will you step down?" the prime minister asked.',
        'The prime minister asked, "Why did you wait so long?"',
        '"Where is the money?" asked the senator.',
    ],
)
def test_quoted_question_is_no_request(text: str) -> None:
    assert not of_type(code(text), "REQUEST")


def test_asking_someone_to_act_is_still_a_request() -> None:
    assert of_type(code("The minister asked Germany to send more doctors."), "REQUEST")


# --- R8: a promise with nothing promised is no event ------------------------------------------------


@pytest.mark.parametrize("text", ["The governor promised.", '"We will win this, I promise," Obama said.'])
def test_empty_promise_is_no_agreement(text: str) -> None:
    assert not of_type(code(text), "AGREE")


def test_promise_with_content_is_an_agreement() -> None:
    assert of_type(code("Iran promised that its troops would leave the border area."), "AGREE")
    assert of_type(code("Iran promised to release the sailors."), "AGREE")


# --- R9: a modal perfect is counterfactual, no threat -------------------------------------------------


def test_counterfactual_passive_is_no_threat() -> None:
    events = code("Without the new firewall, the ministry would have been hacked.")
    events += code("Russia would have been attacked.")
    assert not of_type(events, "THREATEN")
    assert all(e.hypothetical for e in events if e.type == "ASSAULT")


def test_future_attack_is_still_a_threat() -> None:
    assert of_type(code("Russia would attack Ukraine, the minister warned."), "THREATEN")


# --- R10: insurgents dealing with a whole country are not of it -------------------------------------


def test_rebels_addressing_a_country_are_not_of_it() -> None:
    events = of_type(code("The rebels urged Britain to stop the air strikes."), "REQUEST")
    assert events and all(not (c or "").startswith("GBR") for c in source_codes(events))


def test_group_noun_modifying_another_modifier_is_not_the_author() -> None:
    # "police" hangs on "file" in a misread noun chain "police file lawsuits": not the lawsuits' author
    text = "The candidate said families of people killed by police file lawsuits."
    events = code(text)
    assert all(e.source is None or e.source.code != "USA COP" for e in of_type(events, "ACCUSE"))


# --- a contest won between parties who act in words is no attack --------------------------------------


def test_candidate_beating_a_rival_is_no_event() -> None:
    events = code("Senator Ellen Marsh beat the governor of Ohio by 12 points in the primary.")
    assert not of_type(events, "ACCUSE") and not of_type(events, "ASSAULT")


def test_police_beating_protesters_is_still_an_assault() -> None:
    assert of_type(code("Police beat the protesters with batons in Minsk."), "ASSAULT")


# --- holding back a hostile act is no rejection -----------------------------------------------------


def test_declining_a_hostile_act_is_no_rejection() -> None:
    events = code("The senator declined to criticize the governor on Sunday.")
    assert not of_type(events, "REJECT")
    assert all(e.negated or e.hypothetical for e in of_type(events, "ACCUSE"))


def test_refusing_a_cooperative_act_is_still_a_rejection() -> None:
    assert of_type(code("Iran refused to meet the inspectors."), "REJECT")
