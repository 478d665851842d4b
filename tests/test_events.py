"""The events component on sentences of our own: types, arguments, status flags, dates, places."""

from __future__ import annotations

import pytest

from storyline.model import Cue, Event, Quote, Speaker, TimeExpression

pytestmark = pytest.mark.model


def code(
    text: str,
    published: str = "2024-03-08",
    times: list[TimeExpression] | None = None,
    quotes: list[Quote] | None = None,
) -> list[Event]:
    from storyline.analyze import get_pipeline
    from storyline.analyze.pipeline import make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published=published)))
    if times is not None or quotes is not None:
        # Re-run the component on times/quotes we control, independent of the other components.
        doc._.times = times or []
        doc._.quotes = quotes or []
        nlp.get_pipe("storyline_events")(doc)
    return list(doc._.events)


def happened(events: list[Event]) -> list[Event]:
    return [e for e in events if not e.negated and not e.hypothetical]


def span_time(text: str, phrase: str, value: str) -> TimeExpression:
    start = text.index(phrase)
    return TimeExpression(start, start + len(phrase), phrase, "DATE", value)


def test_attack_with_consequence_date_and_place() -> None:
    text = "Somali militants attacked an army base in Mogadishu on Tuesday, killing four soldiers."
    events = code(text, times=[span_time(text, "Tuesday", "2024-03-05")])
    assault = [e for e in events if e.type == "ASSAULT"]
    assert len(assault) == 1  # "killing" folds into the attack
    e = assault[0]
    assert e.source is not None and e.source.code == "SOM REB"
    assert e.fatalities == 4
    assert e.date == "2024-03-05" and e.date_from == "text"
    assert e.location is not None and e.location.country == "SOM"
    assert text[e.start : e.end] == e.text == "attacked"
    assert e.id == "e1"


def test_passive_attack_has_unknown_source() -> None:
    text = "Two Kenyan soldiers were killed in a roadside bombing near the border."
    events = happened(code(text))
    assert [e.type for e in events] == ["ASSAULT"]
    e = events[0]
    assert e.source is None and e.target is not None and e.target.code == "KEN MIL"
    assert e.mode == "explosives" and e.fatalities == 2
    assert e.date == "2024-03-08" and e.date_from == "publication"


def test_negated_event_is_not_an_event_that_happened() -> None:
    events = code("Chile did not condemn the decision by Peru.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and all(e.negated for e in accuse)


def test_threatened_act_is_not_coded_as_done() -> None:
    events = code("Peru threatened to expel the Bolivian ambassador.")
    assert not [e for e in happened(events) if e.type == "SANCTION"]
    assert any(
        e.type == "THREATEN" and e.source is not None and e.source.code == "PER" for e in happened(events)
    )


def test_diplomatic_protest_is_accuse_not_consult() -> None:
    events = happened(code("Egypt lodged a formal protest with the Israeli ambassador on Sunday."))
    types = {e.type for e in events}
    assert "ACCUSE" in types and "CONSULT" not in types and "PROTEST" not in types
    e = next(e for e in events if e.type == "ACCUSE")
    assert e.source is not None and (e.source.code or "").startswith("EGY")
    assert e.target is not None and e.target.code == "ISR GOV"


def test_street_protest_is_protest() -> None:
    events = happened(code("Thousands of Chilean students demonstrated in Santiago against the government."))
    assert any(e.type == "PROTEST" for e in events)


def test_conjoined_sources_make_one_event_each() -> None:
    events = happened(code("Both Norway and Denmark condemned the Russian invasion."))
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert {e.source.code for e in accuse if e.source} == {"NOR", "DNK"}
    assert all(e.target is not None and e.target.code == "RUS" for e in accuse)


def test_aggregate_count_as_range() -> None:
    events = code("More than 40 rocket attacks have targeted Israeli towns since January.")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.count_min == 41 and attack.count_max is None
    assert attack.mode == "heavy-weapons"


def test_speech_act_links_to_its_quote() -> None:
    text = 'Venezuela denounced "an act of aggression" on Monday.'
    start = text.index("an act")
    quote = Quote(
        id="q1",
        kind="direct",
        start=start,
        end=start + len("an act of aggression"),
        content="an act of aggression",
        speaker=Speaker(name="Venezuela", code="VEN"),
        cue=Cue("denounced", text.index("denounced"), text.index("denounced") + 9),
    )
    events = code(text, quotes=[quote], times=[span_time(text, "Monday", "2024-03-04")])
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.quote == "q1" and accuse.date == "2024-03-04"


def test_future_cooperation_is_agree() -> None:
    events = happened(code("Japan will provide emergency aid to Nepal."))
    assert any(e.type == "AGREE" for e in events)
    assert not any(e.type == "AID" for e in events)


def test_obligation_in_a_reported_clause_is_a_request() -> None:
    events = happened(
        code("The Canadian foreign minister said Venezuela must release the detained journalists.")
    )
    request = [e for e in events if e.type == "REQUEST"]
    assert request and request[0].source is not None and request[0].source.code == "CAN GOV"
    assert request[0].target is not None and request[0].target.code == "VEN"


def test_announced_refusal_is_a_reject() -> None:
    events = happened(code("Mexico said it would not meet the Guatemalan delegation."))
    assert any(e.type == "REJECT" and e.source is not None and e.source.code == "MEX" for e in events)
    assert not any(e.type == "CONSULT" for e in events)


def test_target_of_a_relation_noun() -> None:
    events = happened(code("Turkey threatened to break off relations with Sweden."))
    threat = next(e for e in events if e.type == "THREATEN")
    assert threat.target is not None and threat.target.code == "SWE"


def test_participle_adjunct_does_not_lend_its_subject() -> None:
    events = happened(code("Asked about the raid, the Greek minister said nothing."))
    assert not any(
        e.type == "REQUEST" and e.source is not None and e.source.code == "GRC GOV" for e in events
    )


def test_pronoun_takes_the_person_named_before() -> None:
    text = "Chilean President Ana Rojas spoke in Lima on Monday. She condemned the Peruvian blockade."
    accuse = next(e for e in happened(code(text)) if e.type == "ACCUSE")
    assert accuse.source is not None and accuse.source.code == "CHL GOV"


def test_origin_of_an_act_noun_is_its_source() -> None:
    events = happened(code("The plan drew sharp criticism from Berlin."))
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.source is not None and accuse.source.code == "DEU GOV"


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        ("MOBILIZE", "India put its troops on high alert along the border with Pakistan."),
        ("RETREAT", "Israel released 40 Palestinian prisoners on Sunday."),
        ("CONCEDE", "Thai authorities lifted the curfew in Bangkok."),
        ("COOPERATE", "Spain extradited a suspect to France."),
        ("AID", "Japan provided $10 million in humanitarian aid to Bangladesh."),
        ("SANCTION", "Morocco broke off diplomatic relations with Iran."),
        ("COERCE", "Malaysia deported 50 Indonesian workers."),
        ("PROTEST", "French rail workers went on strike on Thursday."),
        ("REJECT", "China vetoed the UN resolution on Syria."),
        ("REQUEST", "Germany urged Turkey to release the detained reporters."),
        ("ACCUSE", "Nicaragua sued Germany at the International Court of Justice."),
        ("SUPPORT", "Spain recognized the Palestinian state."),
        ("CONSULT", "The Kenyan president visited Uganda on Monday."),
        ("AGREE", "Qatar offered to mediate between the two sides."),
        ("ASSAULT", "Russian warplanes bombed the Syrian town of Idlib."),
    ],
)
def test_each_plover_type(expected: str, text: str) -> None:
    assert expected in {e.type for e in happened(code(text))}


def test_sector_only_actor_takes_the_country_of_the_place() -> None:
    events = happened(code("Police arrested dozens of protesters in Nairobi on Friday."))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.source is not None and arrest.source.code == "KEN COP"


def first(events: list[Event], ev_type: str) -> Event:
    return next(e for e in happened(events) if e.type == ev_type)


def codes_of(events: list[Event], ev_type: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in happened(events)
        if e.type == ev_type
    ]


def test_apposition_gives_the_country_of_a_named_person() -> None:
    e = first(code("Sameh Shoukry, Egypt's foreign minister, accused Israel of violations."), "ACCUSE")
    assert e.source is not None and e.source.code == "EGY GOV"


def test_title_takes_the_country_the_article_gave_the_same_title() -> None:
    text = "The Israeli president arrived in Kyiv on Monday. President Isaac Herzog condemned Russia."
    e = first(code(text), "ACCUSE")
    assert e.source is not None and e.source.code == "ISR GOV"


def test_subject_pronoun_stands_for_the_previous_subject_of_its_number() -> None:
    events = code("Iran's army fired missiles on Monday. It also attacked Israeli positions.")
    attack = next(e for e in happened(events) if e.text == "attacked")
    assert attack.source is not None and attack.source.code == "IRN MIL"
    events = code("The Somali rebels seized the town. They later attacked an army base.")
    attack = next(e for e in happened(events) if e.text == "attacked")
    assert attack.source is not None and attack.source.code == "SOM REB"


def test_one_event_per_coordinated_target() -> None:
    assert codes_of(code("Egypt held talks with Israel and Qatar."), "CONSULT") == [("EGY", "ISR"), ("EGY", "QAT")]


def test_recipient_on_the_light_verb_after_the_nouns_own_phrase() -> None:
    assert codes_of(code("Japan will give Kenya a grant of 50 million dollars."), "AGREE") == [("JPN", "KEN")]


def test_directed_phrase_names_its_party_by_a_country_adjective() -> None:
    assert ("TUR", "ARM") in codes_of(code("Turkey lifted its embargo on Armenian goods on Monday."), "RETREAT")


def test_place_phrase_on_a_border_is_not_a_target() -> None:
    events = code("Burmese troops captured a rebel camp on the Thai border.")
    assert all(e.target is None or not (e.target.code or "").startswith("THA") for e in events)


def test_addressee_of_a_demand_is_the_subject_of_its_that_clause() -> None:
    events = code("The European Union repeated its demand that Serbia release the prisoners.")
    assert codes_of(events, "REQUEST") == [("EUR IGO", "SRB")]


def test_government_opposed_by_rebels_is_their_countrys() -> None:
    events = code("The rebels in Chad rejected an offer from President Idriss Deby.")
    assert codes_of(events, "REJECT") == [("TCD REB", "TCD GOV")]


def test_police_act_at_home_and_purpose_object_is_the_target() -> None:
    events = code("Kenyan police opened fire to disperse student protesters on Monday.")
    assert codes_of(events, "ASSAULT") == [("KEN COP", "KEN CVL")]


def test_passive_light_verb_subject_is_the_author() -> None:
    events = code("Sudanese troops were engaged in heavy fighting against the rebels.")
    assert [s for s, _ in codes_of(events, "ASSAULT")] == ["SDN MIL"]


def test_sector_only_actor_placed_by_the_complement_clause() -> None:
    e = first(code("The opposition agreed to hold a rally in Nairobi."), "AGREE")
    assert e.source is not None and e.source.code == "KEN OPP"


def test_group_placed_by_a_participle_of_its_own_phrase() -> None:
    events = code("The United Nations will provide food aid to refugees fleeing the fighting in Sudan.")
    assert any(t == "SDN REF" for _, t in codes_of(events, "AGREE"))


def test_ethnic_group_belongs_to_the_country_where_it_acts() -> None:
    e = first(code("Hundreds of ethnic Hungarians protested in Romania on Sunday."), "PROTEST")
    assert e.source is not None and e.source.code == "ROU CVL"


def test_generic_plural_under_a_modal_is_not_an_event_that_happened() -> None:
    events = code("We would respond to attacks on our embassy, the Chinese minister said.")
    assert [e for e in events if e.type == "ASSAULT"] and not [e for e in happened(events) if e.type == "ASSAULT"]


def test_act_before_a_required_act_is_not_a_fact() -> None:
    events = code("The rebels said the government must release all prisoners before they disarm.")
    disarm = next(e for e in events if e.text == "disarm")
    assert disarm.hypothetical


def test_purpose_infinitive_is_not_a_reported_event() -> None:
    events = code("France joined a coalition formed to fight the rebels in Mali.")
    assert not [e for e in happened(events) if e.type == "ASSAULT"]


def test_that_clause_after_the_light_verb_names_the_addressee() -> None:
    events = code("The World Health Organization renewed its appeal on Monday that Sudan open the border.")
    assert any(t is not None and t.startswith("SDN") for _, t in codes_of(events, "REQUEST"))


def test_place_inside_a_part_of_a_city_situates_the_victims() -> None:
    events = code("A journalist was killed in a bomb blast in a northern suburb of Nairobi.")
    attack = next(e for e in happened(events) if e.type == "ASSAULT")
    assert attack.target is not None and attack.target.code == "KEN JRN"


def test_conjoined_clause_shares_the_passive_subject_not_the_agent() -> None:
    events = code("Peru's interior minister was censured by Congress and will resign.")
    resign = next(e for e in events if e.text == "resign")
    assert resign.source is not None and resign.source.code == "PER GOV"


def test_participle_conjoined_to_a_passive_is_passive() -> None:
    events = code("Israeli air raids hit Tyre, where 12 Lebanese civilians were killed or wounded.")
    killed = [e for e in events if e.text == "killed"]
    assert all(e.source is None or e.source.code != "LBN CVL" for e in killed)


def test_clause_after_the_verb_stating_a_demand_is_not_a_fact() -> None:
    events = code("The ILO repeated its demand on Monday that Qatar release the detained workers.")
    release = [e for e in events if e.text == "release"]
    assert release and all(e.hypothetical for e in release)


def test_coordinated_parties_of_a_part_noun_each_placed_where_struck() -> None:
    text = "Israel carried out strikes in Lebanon and Syria against targets of Iranian forces and pro-Iran militias."
    pairs = {
        (e.location.country if e.location else None, e.target.code if e.target else None) for e in happened(code(text))
    }
    assert {("LBN", "IRN MIL"), ("SYR", "IRN MIL"), ("LBN", "LBN REB"), ("SYR", "SYR REB")} <= pairs


# --- Rules added for issue #5's country accuracy and recall (sentences of our own) ---


def test_place_of_a_material_act_is_its_target_when_no_party_is_named() -> None:
    events = happened(code("The Ugandan government lifted a state of emergency in Kampala on Monday."))
    concede = [e for e in events if e.type == "CONCEDE"]
    assert concede and concede[0].target is not None and concede[0].target.code == "UGA"


def test_place_of_the_announced_act_is_the_target_of_a_threat() -> None:
    events = happened(code("The Kenyan president threatened to impose a curfew in Mombasa."))
    threat = [e for e in events if e.type == "THREATEN"]
    assert threat and threat[0].target is not None and threat[0].target.code == "KEN"


def test_place_where_talks_are_held_is_no_target() -> None:
    events = happened(code("Ghana and Togo held talks in Geneva on Friday."))
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult and all(e.target is None or e.target.code != "CHE" for e in consult)


def test_bare_title_takes_the_one_country_the_sentence_names() -> None:
    events = happened(code("Interior Minister Tomas Verhagen agreed to resign after returning to Estonia."))
    agree = [e for e in events if e.type == "AGREE"]
    assert agree and agree[0].source is not None and agree[0].source.code == "EST GOV"


def test_bare_title_stays_without_country_when_the_sentence_names_two() -> None:
    events = happened(code("Interior Minister Tomas Verhagen agreed to resign after visits to Estonia and Latvia."))
    agree = [e for e in events if e.type == "AGREE"]
    assert agree and agree[0].source is not None and agree[0].source.code == "GOV"


def test_place_noun_in_apposition_names_the_place() -> None:
    events = happened(code("Insurgents detonated a car bomb in the capital Kabul on Sunday."))
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].location is not None and assault[0].location.country == "AFG"


def test_possessive_pronoun_gives_its_group_the_antecedents_country() -> None:
    text = "Chile said on Monday that its troops attacked a rebel camp."
    events = happened(code(text))
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].source is not None and assault[0].source.code == "CHL MIL"


def test_what_the_source_owns_is_not_the_target() -> None:
    events = happened(code("Peru offered its troops to Bolivia's president."))
    agree = [e for e in events if e.type == "AGREE"]
    assert agree and agree[0].target is not None and (agree[0].target.code or "").startswith("BOL")


def test_a_helper_after_with_is_not_the_target() -> None:
    events = code("Spain said it would tighten the blockade of Morocco with Portugal's help.")
    threat = [e for e in events if e.type == "THREATEN"]
    assert threat and threat[0].target is not None and threat[0].target.code == "MAR"


def test_stopping_a_cooperative_act_is_a_sanction() -> None:
    events = happened(code("Norwegian diplomats ended mediation efforts between the rival factions."))
    assert [e.type for e in events] == ["SANCTION"]
    assert events[0].mode == "discontinue"
    assert events[0].source is not None and (events[0].source.code or "").startswith("NOR")


def test_announcing_that_aid_will_be_prohibited_is_a_threat() -> None:
    events = happened(code("Canada announced it would prohibit all aid to the rebels in Haiti."))
    assert "THREATEN" in {e.type for e in events} and "AID" not in {e.type for e in events}


def test_a_verb_of_stopping_that_is_itself_a_sanction_codes_one_event() -> None:
    events = happened(code("Sweden suspended its aid to Zambia."))
    assert [e.type for e in events] == ["SANCTION"]


def test_not_stopping_aid_is_no_sanction() -> None:
    events = happened(code("Sweden did not suspend its aid to Zambia."))
    assert "SANCTION" not in {e.type for e in events}


def test_sworn_to_fight_is_a_threat() -> None:
    events = happened(code("Tamil rebels have vowed to fight the Sri Lankan army until they win."))
    assert "THREATEN" in {e.type for e in events} and "ASSAULT" not in {e.type for e in events}


def test_group_placed_in_a_city_is_of_the_citys_country() -> None:
    events = happened(code("Police in Lagos arrested twelve students on Monday."))
    coerce = [e for e in events if e.type == "COERCE"]
    assert coerce and coerce[0].source is not None and coerce[0].source.code == "NGA COP"


def test_those_who_converge_for_a_rally_are_its_protesters() -> None:
    events = happened(code("Thousands of Ghanaians converged for a rally in Accra on Friday."))
    protest = [e for e in events if e.type == "PROTEST"]
    assert protest and protest[0].source is not None and (protest[0].source.code or "").startswith("GHA")


def test_police_acting_during_a_demonstration_are_not_its_protesters() -> None:
    events = happened(code("Police fired tear gas during a demonstration in Nairobi."))
    assert not [e for e in events if e.type == "PROTEST" and e.source is not None and "COP" in (e.source.code or "")]


def test_conjoined_group_shares_its_partners_country() -> None:
    events = happened(code("Peru's foreign minister and a group of deputies held talks with Chilean leaders."))
    sources = {e.source.code for e in events if e.type == "CONSULT" and e.source is not None}
    assert sources and all((s or "").startswith("PER") for s in sources)


def test_group_of_the_one_country_the_sentence_names_is_of_it() -> None:
    events = happened(code("Malawi's government ordered the opposition newspaper to close."))
    request = [e for e in events if e.type == "REQUEST"]
    assert request and request[0].target is not None and request[0].target.code == "MWI JRN"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The rebels besieged the town of Goma for a week.", "ASSAULT"),
        ("A court in Lima convicted the former mayor of fraud.", "SANCTION"),
        ("Bolivia coordinated its border patrols with Peru.", "COOPERATE"),
        ("The Dutch minister lambasted Turkey over the arrests.", "ACCUSE"),
    ],
)
def test_added_cues(text: str, kind: str) -> None:
    assert kind in {e.type for e in happened(code(text))}


def test_cancelling_restrictions_is_a_concession() -> None:
    events = happened(code("The Estonian court cancelled restrictions on foreign newspapers."))
    assert [e.type for e in events] == ["CONCEDE"]
    assert events[0].mode == "ease"


def test_lifted_sanctions_are_not_sanctions_that_happened() -> None:
    events = happened(code("The European Union lifted sanctions on Belarus."))
    assert "SANCTION" not in {e.type for e in events}


def test_workers_blocking_a_road_protest_and_troops_blocking_it_restrict() -> None:
    events = happened(code("Angry Chilean dock workers blocked the main highway for three hours."))
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "obstruct")]
    events = happened(code("Turkish troops blocked the border crossing."))
    assert [(e.type, e.mode) for e in events] == [("COERCE", "restrict")]


def test_sharing_with_a_partner_named_on_the_shared_thing() -> None:
    events = happened(code("Bolivian officials shared intelligence with Peru."))
    coop = [e for e in events if e.type == "COOPERATE"]
    assert coop and coop[0].target is not None and (coop[0].target.code or "").startswith("PER")


def test_asylum_sought_in_a_country_is_asked_of_it() -> None:
    events = happened(code("Some 5,000 Afghan refugees sought asylum in Pakistan last year."))
    request = [e for e in events if e.type == "REQUEST"]
    assert request and request[0].target is not None and request[0].target.code == "PAK"


def test_an_appeal_made_somewhere_is_not_addressed_to_the_place() -> None:
    events = happened(code("Swiss diplomats appealed for calm in Geneva."))
    assert all(e.target is None for e in events if e.type == "REQUEST")


def test_police_arrest_at_home() -> None:
    events = happened(code("Kenyan police arrested twelve on Monday."))
    coerce = [e for e in events if e.type == "COERCE"]
    assert coerce and coerce[0].target is not None and coerce[0].target.code == "KEN"


def test_suspending_deliveries_somewhere_targets_that_country() -> None:
    events = happened(code("The Red Cross suspended food deliveries in Mogadishu."))
    sanction = [e for e in events if e.type == "SANCTION"]
    assert sanction and sanction[0].target is not None and sanction[0].target.code == "SOM"


def test_mediation_among_parties_names_them() -> None:
    events = happened(code("Norway halted mediation efforts among Sudan's rival factions."))
    sanction = [e for e in events if e.type == "SANCTION"]
    assert sanction and sanction[0].target is not None and (sanction[0].target.code or "").startswith("SDN")


def test_the_news_agency_is_not_a_country_of_the_story() -> None:
    text = "Interior Minister Tomas Verhagen agreed to resign after returning to Estonia, Reuters reported."
    agree = [e for e in happened(code(text)) if e.type == "AGREE"]
    assert agree and agree[0].source is not None and agree[0].source.code == "EST GOV"


def test_an_official_dealing_with_a_state_is_not_of_that_state() -> None:
    events = happened(code("The defense minister met the Iranian envoy on Monday."))
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult and all(e.source is None or not (e.source.code or "").startswith("IRN") for e in consult)


def test_official_named_by_title_alone_is_of_the_dateline_country() -> None:
    events = happened(code("NAIROBI (Reuters) - The interior minister ordered the arrest of twelve students."))
    request = [e for e in events if e.type == "REQUEST"]
    assert request and request[0].source is not None and request[0].source.code == "KEN GOV"


def test_a_demonym_on_a_topic_does_not_place_the_story() -> None:
    events = happened(code("The foreign minister condemned the violence of the Sudanese crisis."))
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and accuse[0].source is not None and accuse[0].source.code == "GOV"


def test_a_dateline_from_a_neighbouring_capital_does_not_place_the_officials() -> None:
    text = (
        "CAIRO (Reuters) - Fighting in Libya spread on Monday. Libya's rebels held the east of Libya. "
        "The interior minister ordered the arrest of twelve students."
    )
    request = [e for e in happened(code(text)) if e.type == "REQUEST"]
    assert request and request[0].source is not None and not (request[0].source.code or "").startswith("EGY")


def test_a_gerund_after_a_preposition_has_the_main_clauses_protesters() -> None:
    events = happened(code("Kenyan students resorted to throwing stones during demonstrations in Nairobi."))
    protest = [e for e in events if e.type == "PROTEST"]
    assert protest and protest[0].source is not None and (protest[0].source.code or "").startswith("KEN")


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (("RETREAT", "resign"), "The Peruvian prime minister stepped down on Monday."),
        (("RETREAT", "withdraw"), "Russian troops pulled back from the Ukrainian town of Kupiansk."),
        (("RETREAT", "withdraw"), "Armenia ceded the disputed villages to Azerbaijan."),
        (("RETREAT", "access"), "Iran granted access to UN inspectors."),
        (("CONCEDE", None), "A Thai court acquitted the opposition leader on Tuesday."),
        (("CONCEDE", None), "The Kenyan government backed down on the tax increase."),
        (("PROTEST", "strike"), "Nurses staged a walkout at hospitals in Nairobi."),
        (("PROTEST", "vandalize"), "Protesters vandalized the city hall in Lyon."),
        (("COERCE", "arrest"), "Police rounded up dozens of opposition supporters in Harare."),
        (("COERCE", "seize"), "Poland impounded a Russian cargo ship in Gdansk."),
        (("COERCE", "cyber"), "Russian hackers carried out a cyberattack on the Estonian parliament."),
        (("COERCE", "restrict"), "The Thai army imposed a lockdown on the southern provinces."),
        (("MOBILIZE", "weapons"), "Russia deployed missiles near the Finnish border."),
        (("MOBILIZE", "police"), "Egypt deployed riot police in Cairo."),
        (("MOBILIZE", "troops"), "Russia deployed troops along the border."),
        (("ASSAULT", "crowd-control"), "Police fired tear gas and rubber bullets at the crowd in Dhaka."),
        (("ASSAULT", "targeted"), "Militiamen carried out a lynching in the Congolese town of Beni."),
        (("CONSULT", "phone"), "The Turkish and Greek presidents held a phone call on Monday."),
        (("CONSULT", None), "Serbia and Kosovo resumed their dialogue in Brussels."),
        (("ACCUSE", "allege"), "The prosecutor filed charges against the former Brazilian minister."),
        (("SUPPORT", None), "France congratulated the new president of Senegal."),
        (("COOPERATE", None), "Chile partnered with Argentina on a lithium project."),
        (("AID", None), "Japan forgave $200 million of Nigeria's debt."),
        (("SANCTION", "discontinue"), "Lithuania curtailed trade with China."),
        (("REJECT", None), "Hungary repudiated the EU migration pact."),
        (("AGREE", None), "Kenya and Uganda reached a pact on border security."),
        (("ASSAULT", "abduct"), "Gunmen seized 20 hostages in the Malian town of Gao."),
        (("ASSAULT", "destroy"), "Israeli forces bulldozed Palestinian homes in Hebron."),
        (("SUPPORT", None), "Egypt and Turkey normalized relations in 2023."),
        (("COERCE", "deport"), "Police exiled the Nicaraguan bishop."),
    ],
)
def test_cue_families_of_the_manual(expected: tuple[str, str | None], text: str) -> None:
    """Verbs, phrasal verbs and nominalisations the PLOVER manual names for each category and mode."""
    assert expected in {(e.type, e.mode) for e in happened(code(text))}


@pytest.mark.parametrize(
    ("absent", "text"),
    [
        ("ASSAULT", "The execution of the Kenyan plan was delayed."),  # an execution only when carried out
        ("ACCUSE", "The Indian minister is in charge of the ministry."),  # charges only when filed, brought
        ("SUPPORT", "The plan requires approval from the Iraqi parliament."),  # approval only when given
        ("ACCUSE", "The prosecution said the Kenyan defendant lied."),  # the prosecuting party, not an act
        ("COOPERATE", "In coordination with the army, Nigerian police arrested 20 suspects."),
    ],
)
def test_ambiguous_nominalisations_need_their_light_verb(absent: str, text: str) -> None:
    assert absent not in {e.type for e in happened(code(text))}


def test_a_condition_scopes_over_the_complement_of_its_verb() -> None:
    events = code("The rebels said they would keep fighting unless the governor agrees to step down.")
    retreat = [e for e in events if e.type == "RETREAT"]
    assert retreat and all(e.hypothetical for e in retreat)
    done = code("The governor agreed on Monday to step down.")  # no condition: it happened
    assert [e.hypothetical for e in done if e.type in ("RETREAT", "CONCEDE")] == [False]


def test_mediation_between_two_parties_targets_both() -> None:
    text = "The Norwegian envoy began mediation between Sri Lanka and the Tamil Tigers on Monday."
    events = happened(code(text))
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult and all(e.source is not None and e.source.code == "NOR GOV" for e in consult)
    assert {e.target.code if e.target else None for e in consult} == {"LKA", "LKA REB"}


def test_conditional_threat_is_aimed_at_the_party_that_must_comply() -> None:
    text = "Ethiopia threatened to resume the offensive unless Eritrea withdrew its troops."
    threat = [e for e in happened(code(text)) if e.type == "THREATEN"]
    assert threat and threat[0].target is not None and threat[0].target.code == "ERI"


def test_reporting_clause_after_its_content_accuses_the_content_subject() -> None:
    text = "Israel is violating the truce, Lebanon complained on Tuesday."
    accuse = [e for e in happened(code(text)) if e.type == "ACCUSE"]
    assert accuse and accuse[0].source is not None and accuse[0].source.code == "LBN"
    assert accuse[0].target is not None and accuse[0].target.code == "ISR"


def test_unattributed_attack_is_by_unidentified_attackers_of_the_place() -> None:
    text = "A judge was killed by a bomb outside of a courthouse in Peshawar."
    attack = [e for e in happened(code(text)) if e.type == "ASSAULT"]
    assert attack and attack[0].source is not None and attack[0].source.code == "PAK UAF"
    assert attack[0].location is not None and attack[0].location.country == "PAK"
    # Once the article has named the attackers, a later unattributed killing is not given to others.
    text = "Rebels attacked a convoy near Goma on Monday. Two soldiers were killed in an ambush in Goma."
    later = [e for e in happened(code(text)) if e.type == "ASSAULT" and e.start > text.index("Two")]
    assert later and all(e.source is None or not (e.source.code or "").endswith("UAF") for e in later)


def test_targets_made_from_a_place_say_where_and_whom() -> None:
    arrest = [e for e in happened(code("Police in Texas arrested three men on Friday.")) if e.type == "COERCE"]
    assert arrest and arrest[0].target is not None
    assert (arrest[0].target.name, arrest[0].target.code) == ("three men", "USA")
    attack = [e for e in happened(code("Gunmen stormed a hotel in Kabul overnight.")) if e.type == "ASSAULT"]
    assert attack and attack[0].target is not None
    assert (attack[0].target.name, attack[0].target.code) == ("Kabul, Afghanistan", "AFG")


def test_a_big_city_after_a_place_preposition_is_a_place_whatever_its_entity_label() -> None:
    # The small model reads some towns as persons; after "near" a known big city is the place.
    events = happened(code("Rebels ambushed a convoy near Goma on Monday."))
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack and attack[0].location is not None and attack[0].location.country == "COD"
    assert attack[0].source is not None and attack[0].source.code == "COD REB"


def test_coordinated_parties_of_a_reciprocal_act_act_on_each_other() -> None:
    events = happened(code("Peru and Ecuador agreed to reopen their border crossings."))
    agree = [e for e in events if e.type == "AGREE"]
    dyads = {(e.source.code if e.source else None, e.target.code if e.target else None) for e in agree}
    assert dyads == {("PER", "ECU"), ("ECU", "PER")}
    # Not for one-sided acts: two attackers do not attack each other.
    attack = happened(code("Britain and France attacked on Monday."))
    assert all(e.target is None or e.target.code not in ("GBR", "FRA") for e in attack)


def test_judging_an_act_somewhere_targets_that_country() -> None:
    accuse = [e for e in happened(code("Germany condemned the coup in Mali.")) if e.type == "ACCUSE"]
    assert accuse and accuse[0].target is not None and accuse[0].target.code == "MLI"


def test_people_acted_on_do_not_change_what_the_act_is() -> None:
    # "workers" make a strike a labour strike as its strikers, not as those kidnapped.
    events = happened(code("Gunmen kidnapped four aid workers in Mogadishu."))
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].target is not None and events[0].target.code == "NGO"


def test_places_named_through_a_place_noun_or_a_country_capital() -> None:
    events = happened(code("Peacekeepers from Ghana were attacked near the Liberian capital."))
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack and attack[0].location is not None and attack[0].location.country == "LBR"
    events = happened(code("Rebels sank a navy boat off the coast of Trincomalee."))
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack and attack[0].location is not None and attack[0].location.country == "LKA"
    assert attack[0].source is not None and attack[0].source.code == "LKA REB"


def test_former_capitals_stand_for_their_governments_in_their_time() -> None:
    accuse = [e for e in happened(code("Moscow accused Kiev of violating the truce.")) if e.type == "ACCUSE"]
    assert accuse and accuse[0].target is not None and accuse[0].target.code == "UKR GOV"
    protest = [e for e in happened(code("Bonn protested to Moscow.", published="1985-05-02")) if e.type == "ACCUSE"]
    assert protest and protest[0].source is not None and protest[0].source.code == "DEU GOV"


def test_movers_withdraw_from_the_other_party() -> None:
    pullout = [e for e in code("Syria began the withdrawal of its troops from Lebanon.") if e.type == "RETREAT"]
    assert pullout and pullout[0].source is not None and pullout[0].source.code == "SYR MIL"
    assert pullout[0].target is not None and pullout[0].target.code == "LBN"


def test_light_set_and_capitalised_plurals() -> None:
    arson = [e for e in happened(code("Rioters set fire to the French embassy in Tunis.")) if e.type == "ASSAULT"]
    assert arson and arson[0].source is not None and arson[0].target is not None
    assert arson[0].target.code == "FRA GOV"
    blast = [e for e in happened(code("Guerrillas blew up a bridge on Sunday.")) if e.type == "ASSAULT"]
    assert blast and blast[0].source is not None and blast[0].source.code == "REB"


def test_a_place_after_the_head_lends_no_sector() -> None:
    # "Serb positions around Sarajevo" are Serb, not the government seated in Sarajevo.
    bombing = [e for e in happened(code("NATO jets bombed Serb positions around Sarajevo.")) if e.type == "ASSAULT"]
    assert bombing and bombing[0].target is not None and bombing[0].target.code == "SRB"


def test_cities_acted_on_are_their_country_and_pair_with_their_own_place() -> None:
    events = happened(code("Iraq fired missiles at Haifa and Dammam."))
    dyads = {(e.target.code if e.target else None, e.location.country if e.location else None) for e in events}
    assert dyads == {("ISR", "ISR"), ("SAU", "SAU")}


def test_the_object_of_urging_does_the_urged_act() -> None:
    events = code("Jordan urged the rebels to release the hostages.")
    release = [e for e in events if e.type in ("RETREAT", "CONCEDE")]
    assert release and release[0].source is not None and release[0].source.code == "REB"
    events = code("Egypt called on Israel to withdraw from Lebanon.")
    withdraw = [e for e in events if e.type in ("RETREAT", "CONCEDE")]
    assert withdraw and withdraw[0].source is not None and withdraw[0].source.code == "ISR"
    events = code("Syria promised Jordan to withdraw its troops.")  # a promise binds the promiser
    withdraw = [e for e in events if e.type in ("RETREAT", "CONCEDE")]
    assert withdraw and withdraw[0].source is not None and withdraw[0].source.code == "SYR"


def test_positions_named_by_their_group_and_parts_that_name_no_group() -> None:
    free = [e for e in code("A spokesman for the rebels said they would free the hostages.") if e.type == "CONCEDE"]
    assert free and free[0].source is not None and free[0].source.code == "REB"
    warn = [e for e in code("The army chief of staff warned the rebels.") if e.type == "THREATEN"]
    assert warn and warn[0].source is not None and warn[0].source.code == "MIL"


def test_security_forces_of_the_one_country_named_beside_an_international_target() -> None:
    events = code("Yemen's interior ministry said security forces arrested 15 al-Qaeda suspects.")
    arrest = [e for e in events if e.type == "COERCE"]
    assert arrest and arrest[0].source is not None and arrest[0].source.code == "YEM COP"


def test_the_charge_is_no_part_of_the_accused_name() -> None:
    accuse = [e for e in code("The minister accused opposition leaders of inciting violence.") if e.type == "ACCUSE"]
    assert accuse and accuse[0].target is not None and accuse[0].target.name == "opposition leaders"


def test_condemning_an_act_targets_its_doer() -> None:
    events = code("Jordan condemned the killing of Syrian civilians by Turkish troops.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and accuse[0].target is not None and accuse[0].target.code == "TUR MIL"


def test_relatives_are_not_the_person_whose_name_they_share() -> None:
    text = "Libyan leader Muammar Gaddafi's son Saif dismissed the offer."
    reject = [e for e in code(text, published="2011-04-12") if e.type == "REJECT"]
    assert reject and reject[0].source is not None and reject[0].source.name != "Muammar Gaddafi"
    text = "Saif al-Islam Gaddafi rejected the offer."
    reject = [e for e in code(text, published="2011-04-12") if e.type == "REJECT"]
    assert all(e.source is None or e.source.name != "Muammar Gaddafi" for e in reject)


def test_releasing_things_frees_no_one_and_signing_in_signs_nothing() -> None:
    assert not [e for e in code("The FBI released its notes on Monday.") if e.type == "RETREAT"]
    freed = [e for e in code("The rebels freed 20 hostages on Monday.") if e.type == "RETREAT"]
    assert freed and freed[0].target is not None
    assert not code("She would sign into her account to read the news.")


def test_a_dated_definite_event_is_another_event_not_a_remention() -> None:
    text = "Rebels attacked the town on Monday. The attack on the embassy in 1998 killed 213 people."
    attacks = [e for e in happened(code(text, published="2024-05-10")) if e.type == "ASSAULT"]
    assert len(attacks) == 2 and attacks[1].fatalities == 213
    text = "Rebels attacked the town on Monday. The attack killed 12 people."
    assert len([e for e in happened(code(text, published="2024-05-10")) if e.type == "ASSAULT"]) == 1


def test_a_capital_naming_where_a_thing_is_is_no_government() -> None:
    attack = [e for e in happened(code("Taliban fighters attacked the Kabul airport.")) if e.type == "ASSAULT"]
    assert attack and attack[0].target is not None and attack[0].target.code == "AFG"  # not "AFG GOV"
    assert attack[0].location is not None and attack[0].location.name == "Kabul"
    accuse = [e for e in happened(code("Washington officials accused Moscow of meddling.")) if e.type == "ACCUSE"]
    assert accuse and accuse[0].source is not None and accuse[0].source.code == "USA GOV"


def test_ethnic_groups_and_insurgents_placed_by_the_state_they_fight_or_the_place() -> None:
    march = [e for e in happened(code("Thousands of Kurds marched in Diyarbakir on Sunday.")) if e.type == "PROTEST"]
    assert march and march[0].source is not None and march[0].source.code == "TUR CVL"
    attack = [e for e in happened(code("Kurdish rebels attacked a Turkish police station.")) if e.type == "ASSAULT"]
    assert attack and attack[0].source is not None and attack[0].source.code == "TUR REB"
    # Soldiers may be abroad: their attackers are not thereby of their country.
    attack = [e for e in happened(code("Militants attacked US troops on Monday.")) if e.type == "ASSAULT"]
    assert attack and attack[0].source is not None and attack[0].source.code == "REB"


def test_a_town_named_in_several_countries_is_the_one_of_the_country_the_sentence_names() -> None:
    text = "Guerrillas of the Farabundo Marti National Liberation Front ambushed an army patrol in San Vicente."
    ambush = [e for e in happened(code(text, published="1989-03-01")) if e.type == "ASSAULT"]
    assert ambush and ambush[0].target is not None and ambush[0].target.code == "SLV MIL"


def test_what_a_mover_moves_is_its_own_and_amounts_given_in_aid() -> None:
    pullout = [e for e in code("Syria withdrew its troops from Lebanon.") if e.type == "RETREAT"]
    assert pullout and pullout[0].target is not None and pullout[0].target.code == "LBN"
    aid = [e for e in code("The EU gave 20 million euros in humanitarian assistance to Sudan.") if e.type == "AID"]
    assert aid and aid[0].source is not None and aid[0].source.code == "EUR IGO"
    assert aid[0].target is not None and aid[0].target.code == "SDN"


def test_a_capital_named_like_a_city_of_the_country_the_sentence_names_is_that_city() -> None:
    text = "Syrian officers ended mediation between rival militias in Tripoli, the north Lebanese port."
    mediation = [e for e in code(text) if e.type in ("SANCTION", "CONSULT")]
    assert mediation and all(e.target is None or e.target.code == "LBN REB" for e in mediation)
    attack = [e for e in happened(code("Rebels in Tripoli attacked the Libyan army.")) if e.type == "ASSAULT"]
    assert attack and attack[0].source is not None and attack[0].source.code == "LBY REB"


def test_a_nationality_on_a_person_says_whose_not_where() -> None:
    detention = [e for e in happened(code("Turkey detained a US pastor on Friday.")) if e.type == "COERCE"]
    assert detention and detention[0].target is not None and detention[0].target.code == "USA REL"
    assert detention[0].location is None or detention[0].location.country != "USA"


def test_authors_named_by_a_participle_or_a_group_word_before_the_act() -> None:
    events = happened(code("The bombing, claimed by the Pakistani Taliban, killed nine."))
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack and attack[0].source is not None and attack[0].source.code.endswith("REB")
    flee = happened(code("Thousands fled into Chad after militia attacks in Darfur."))
    attacks = [e for e in flee if e.type == "ASSAULT"]
    assert attacks and attacks[0].source is not None and attacks[0].source.code == "SDN REB"


def test_an_adjective_or_an_anti_word_before_an_act_is_no_author() -> None:
    protests = [e for e in happened(code("Anti-government protests spread to Benghazi.")) if e.type == "PROTEST"]
    assert all(e.source is None or not (e.source.code or "").endswith("GOV") for e in protests)
