"""Event kinds and argument patterns of real news text, on sentences of our own: states of emergency
and martial law, observed truces, phone calls, ultimatums, weapons that hit, denials, verbal clashes."""

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


def happened(events: list[Event]) -> list[Event]:
    return [e for e in events if not e.negated and not e.hypothetical]


def types(events: list[Event]) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in happened(events)]


@pytest.mark.parametrize(
    "text",
    [
        "Peru declared a state of emergency in the southern region on Sunday.",
        "The Thai army imposed martial law across the country.",
        "Bangladesh's government declared emergency rule after weeks of unrest.",
    ],
)
def test_state_of_emergency_and_martial_law_are_coerce(text: str) -> None:
    assert ("COERCE", "martial-law") in types(code(text))


def test_martial_law_without_a_place_targets_the_own_country() -> None:
    events = [e for e in happened(code("Thailand declared martial law on Tuesday.")) if e.type == "COERCE"]
    assert events and events[0].target is not None and events[0].target.code == "THA"


def test_state_of_emergency_over_a_disaster_is_no_coercion() -> None:
    events = code("Chile declared a state of emergency after the earthquake flattened two towns.")
    assert not [e for e in events if e.type == "COERCE"]


def test_lifting_a_state_of_emergency_is_a_concession() -> None:
    events = happened(code("Egypt lifted the state of emergency on Thursday."))
    assert [e.type for e in events] == ["CONCEDE"]


def test_observing_a_truce_is_a_retreat() -> None:
    events = happened(code("Israel and Hamas observed a truce over the holiday."))
    assert {e.type for e in events} == {"RETREAT"}
    assert {e.source.code for e in events if e.source is not None} == {"ISR", "PSE REB"}


@pytest.mark.parametrize(
    "text",
    [
        "Biden spoke by telephone with Netanyahu on Monday.",
        "Macron spoke with Zelensky by phone on Sunday.",
        "Erdogan held talks by phone with Putin.",
        "Turkish President Erdogan held talks by phone with Putin.",
    ],
)
def test_talks_by_phone_are_consultations_by_phone(text: str) -> None:
    events = [e for e in happened(code(text)) if e.type == "CONSULT"]
    assert events and events[0].mode == "phone"
    assert events[0].target is not None
    assert events[0].source is not None  # "by phone" is the means, not the author


def test_speaking_to_reporters_is_no_consultation() -> None:
    assert not [e for e in code("The minister spoke to reporters in Cairo.") if e.type == "CONSULT"]


def test_ultimatum_is_a_threat_of_relations() -> None:
    events = [e for e in happened(code("NATO issued an ultimatum to Serbia on Friday.")) if e.type == "THREATEN"]
    assert events and events[0].mode == "relations"
    assert events[0].target is not None and events[0].target.code == "SRB"


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Airstrikes hit rebel positions near Aleppo on Monday.", "aerial"),
        ("A Russian missile struck an apartment block in Odesa.", "heavy-weapons"),
        ("Russia hit Kyiv with drones overnight.", "drone"),
    ],
)
def test_a_weapon_that_hits_is_an_attack(text: str, mode: str) -> None:
    events = [e for e in happened(code(text)) if e.type == "ASSAULT"]
    assert len(events) == 1
    assert events[0].mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "New sanctions hit the Russian economy last year.",
        "A powerful storm hit Florida on Monday.",
        "The earthquake struck eastern Turkey before dawn.",
        "Protests rocked the Iranian capital.",
    ],
)
def test_what_hits_without_weapons_is_no_attack(text: str) -> None:
    assert not [e for e in code(text) if e.type == "ASSAULT"]


def test_striking_a_deal_is_an_agreement() -> None:
    events = happened(code("Iran struck a deal with the United States on Sunday."))
    assert [(e.type, e.source and e.source.code, e.target and e.target.code) for e in events] == [
        ("AGREE", "IRN", "USA")
    ]


def test_denied_act_is_negated_and_the_denial_has_no_own_target() -> None:
    events = code("Russia denied that its forces shelled the village.")
    shelled = [e for e in events if e.type == "ASSAULT"]
    assert shelled and all(e.negated for e in shelled)
    denial = [e for e in events if e.type == "REJECT"]
    assert denial and denial[0].target is None


@pytest.mark.parametrize(
    "text",
    [
        "The army dismissed reports that soldiers had shot protesters in Cairo.",
        "Hamas denied responsibility for the bombing of the embassy.",
        "The militia denied carrying out the attack on the convoy.",
    ],
)
def test_denied_reports_and_responsibility_are_not_events(text: str) -> None:
    assert not [e for e in happened(code(text)) if e.type == "ASSAULT"]


def test_denying_responsibility_does_not_name_the_author() -> None:
    events = [e for e in code("Hamas denied responsibility for the bombing of the embassy.") if e.type == "ASSAULT"]
    assert all(e.source is None or "Hamas" not in e.source.name for e in events)


def test_an_undenied_claim_stays_a_fact() -> None:
    events = happened(code("Hamas claimed responsibility for the bombing of the embassy."))
    assert [e.source.name for e in events if e.type == "ASSAULT" and e.source is not None] == ["Hamas"]


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers clashed with the governor over the budget.",
        "China and Japan clashed over trade policy.",
    ],
)
def test_a_clash_over_an_issue_is_verbal(text: str) -> None:
    events = happened(code(text))
    assert events and all(e.type == "ACCUSE" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Police and protesters clashed over the weekend in Cairo.",
        "China and Japan clashed over the disputed islands.",
        "Lawmakers clashed with the governor's guards, leaving three wounded.",
        "Iraqi troops fought Islamic State militants in Mosul.",
    ],
)
def test_an_armed_or_violent_clash_stays_an_assault(text: str) -> None:
    assert "ASSAULT" in {e.type for e in happened(code(text))}


def test_coordinated_leaders_speaking_by_phone_consult_each_other() -> None:
    events = happened(code("Biden and Netanyahu spoke by phone on Tuesday."))
    assert {(e.type, e.mode) for e in events} == {("CONSULT", "phone")}
    assert len(events) == 2


def test_a_phone_call_around_a_clause_is_between_its_parties() -> None:
    events = [e for e in happened(code("In a phone call on Monday, Biden told Netanyahu to protect civilians."))]
    call = [e for e in events if e.type == "CONSULT"]
    assert call and call[0].mode == "phone"
    assert call[0].source is not None and call[0].source.code == "USA GOV"
    assert call[0].target is not None and call[0].target.code == "ISR GOV"


def test_talking_over_a_video_link_is_by_phone() -> None:
    events = [e for e in happened(code("Erdogan talked with Putin over a video link.")) if e.type == "CONSULT"]
    assert events and events[0].mode == "phone"
