"""Events on sentences of our own, round 6: the recipient of an offered act is its target, a place the
actor's own phrase sends it to (or where harm was done) gives it no country, and a promise to an
uncoded recipient survives."""

from __future__ import annotations

import pytest

from storyline.model import Event
from tests.helpers import events_of, of_type

pytestmark = pytest.mark.model


def code(text: str, published: str = "2016-05-02") -> list[Event]:
    return events_of(text, published)


# --- R1: offering an act to someone: the recipient is the act's target -------------------------------


def test_support_pledged_to_a_party_targets_it() -> None:
    events = of_type(code("Venezuela pledged its full support to Cuba."), "SUPPORT")
    assert events
    assert all(e.target is not None and e.target.code == "CUB" for e in events)


def test_offered_troops_go_to_the_recipient() -> None:
    events = of_type(code("Nigeria offered its soldiers to Mali."), "AGREE")
    assert events and events[0].target is not None
    assert events[0].target.code == "MLI"


# --- R2: a mission's destination or a victim's town is not the actor's country ------------------------


def test_delegation_to_a_country_is_not_of_it() -> None:
    events = of_type(code("A delegation to Iraq met the opposition on Sunday."), "CONSULT")
    assert events and events[0].source is not None
    assert not (events[0].source.code or "").startswith("IRQ")


def test_envoy_to_a_country_is_not_of_it() -> None:
    events = of_type(code("The envoy to Yemen criticized the rebels."), "ACCUSE")
    assert events and events[0].source is not None
    assert not (events[0].source.code or "").startswith("YEM")


def test_own_country_still_fills_a_mission() -> None:
    events = of_type(code("The Iraqi delegation met the opposition on Sunday."), "CONSULT")
    assert events and events[0].source is not None
    assert (events[0].source.code or "").startswith("IRQ")


# --- R3: a promise to an uncoded recipient keeps the coded promiser ----------------------------------


def test_promise_to_uncoded_recipients_survives() -> None:
    events = of_type(code("Governor Brown promised donors tickets to a gala."), "AGREE")
    assert events and events[0].source is not None and events[0].source.code
