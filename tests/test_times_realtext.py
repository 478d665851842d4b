"""The storyline_times component on errors seen in real political news: a day name or a month that
dates a noun ("Sunday's vote", "the attack in November"), "the first half" of a game, seasons told in
December. Sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.analyze.times import resolve_text
from tests.helpers import run_times as run
from tests.helpers import times_found as found

pytestmark = pytest.mark.model


@pytest.fixture
def nlp(times_nlp: Language) -> Language:
    return times_nlp  # the shared times-only pipeline (conftest.py)


# --------------------------------------------------------------------------- a day name before a noun

# 2021-06-16 is a Wednesday.


@pytest.mark.parametrize(
    "text",
    [
        "With Friday's runoff approaching, both parties knocked on doors.",
        "Crowds gathered in the square ahead of Sunday's referendum.",
        "Saturday's regional congress will choose a new chairman.",
        "Friday's upcoming hearing worries the defence.",
    ],
)
def test_day_name_of_an_event_ahead_is_the_coming_one(nlp: Language, text: str) -> None:
    values = found(run(nlp, text, "2021-06-16"))
    day = next(v for k, v in values.items() if k.endswith("day"))
    assert day[1] > "2021-06-16"


@pytest.mark.parametrize(
    "text",
    [
        "Sunday's referendum was a defeat for the mayor.",
        "Monday's rally drew a small crowd.",
    ],
)
def test_day_name_of_a_past_event_stays_past(nlp: Language, text: str) -> None:
    values = found(run(nlp, text, "2021-06-16"))
    day = next(v for k, v in values.items() if k.endswith("day"))
    assert day[1] < "2021-06-16"


def test_day_name_after_leading_up_to_in_a_past_clause_is_the_nearest(nlp: Language) -> None:
    # told in the past, the lead-up is seen from the telling: last Monday, not next
    doc = run(nlp, "In the days leading up to Monday's runoff, the mayor campaigned hard.", "2021-06-16")
    assert found(doc)["Monday"] == ("DATE", "2021-06-14")


def test_day_name_of_a_ruling_stays_past_under_a_modal(nlp: Language) -> None:
    doc = run(nlp, "The union said it would try to get around Tuesday's ruling by the court.", "2021-06-16")
    assert found(doc)["Tuesday"] == ("DATE", "2021-06-15")


def test_day_name_planned_in_the_past_is_the_nearest(nlp: Language) -> None:
    # a plan told in the simple past looks ahead of its telling: yesterday's Tuesday, not next week's
    doc = run(nlp, "As the governor prepared to speak in Akron on Tuesday, protesters gathered.", "2021-06-16")
    assert found(doc)["Tuesday"] == ("DATE", "2021-06-15")


# --------------------------------------------------------------------------- a month dating a noun


@pytest.mark.parametrize(
    ("text", "month", "expected"),
    [
        # past clause, past event: the last such month, even one a few months ahead of the date
        ("The bombing in November wounded forty shoppers.", "November", "2020-11"),
        ("Since the raid in October, the border has stayed closed.", "October", "2020-10"),
        ("The crash in December shows how old the fleet is.", "December", "2020-12"),
    ],
)
def test_month_of_an_event_follows_its_tense(nlp: Language, text: str, month: str, expected: str) -> None:
    assert found(run(nlp, text, "2021-09-03"))[month] == ("DATE", expected)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        # an event ahead, even more than a few months ahead
        ("The party will regroup after the congress in November.", "November"),
        ("The lobby aims to spend millions before the November elections.", "November"),
        ("Officials fear an October ambush on the convoy.", "October"),
    ],
)
def test_month_of_an_event_ahead_is_the_coming_one(nlp: Language, text: str, month: str) -> None:
    value = found(run(nlp, text, "2021-03-03"))[month][1]
    assert value.startswith("2021-")


def test_month_next_after_a_past_clause_is_the_coming_one(nlp: Language) -> None:
    # written in late October: trading for November contracts is next month's
    doc = run(nlp, "Brokers placed large orders to open the first session for November contracts.", "2021-10-28")
    assert found(doc)["November"] == ("DATE", "2021-11")


def test_month_of_an_agreement_in_a_progressive_stays_near(nlp: Language) -> None:
    # the progressive is no future for a noun ("is continuing ... under a June deal")
    doc = run(nlp, "The firm is continuing to talk to buyers under a June accord with its lenders.", "2021-09-03")
    assert found(doc)["June"] == ("DATE", "2021-06")


def test_month_of_a_slated_visit_is_not_past(nlp: Language) -> None:
    doc = run(nlp, "The slated visit in October worried the police.", "2021-09-03")
    assert found(doc)["October"] == ("DATE", "2021-10")


# --------------------------------------------------------------------------- "the first half"


@pytest.mark.parametrize(
    "text",
    [
        "The striker scored twice in the first half.",
        "The visitors led at the end of the first half of the match.",
        "In the second half of the campaign, the senator lost ground.",
        "The team trailed in the second quarter of the game.",
    ],
)
def test_half_of_a_game_is_no_half_year(nlp: Language, text: str) -> None:
    values = found(run(nlp, text, "2021-09-03"))
    assert not any(v[1].endswith(("-H1", "-H2", "-Q2")) for v in values.values())


@pytest.mark.parametrize(
    "text",
    [
        "Operating profit for the first half rose 4%.",
        "Exports slowed in the second half of the year.",
        "Sales in the first half of 2019 were flat.",
    ],
)
def test_half_of_a_year_stays(nlp: Language, text: str) -> None:
    values = found(run(nlp, text, "2021-09-03"))
    assert any("-H" in v[1] for v in values.values())


# --------------------------------------------------------------------------- seasons told in December


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("next summer", "2021-SU"),
        ("next spring", "2021-SP"),
        ("last spring", "2020-SP"),
        ("last summer", "2020-SU"),
    ],
)
def test_season_seen_from_december(phrase: str, expected: str) -> None:
    assert resolve_text(phrase, "2020-12-18") == ("DATE", expected, None)


def test_bare_season_seen_from_december(nlp: Language) -> None:
    doc = run(nlp, "The plant had closed by late summer.", "2020-12-18")
    assert found(doc)["late summer"] == ("DATE", "2020-SU")


# --------------------------------------------------------------------------- numbers that look like times


def test_bare_decade_in_a_sentence_of_figures_is_no_decade(nlp: Language) -> None:
    doc = run(nlp, "The governor's approval has stayed in the 30s since the strike.", "2021-09-03")
    assert "the 30s" not in found(doc)


def test_bare_decade_elsewhere_stays(nlp: Language) -> None:
    doc = run(nlp, "She grew up on the music of the 60s.", "2021-09-03")
    assert found(doc)["the 60s"] == ("DATE", "196")


def test_clock_reading_before_mark_is_no_time(nlp: Language) -> None:
    doc = run(nlp, "The senator's answer comes at the 4:15 mark of the clip.", "2021-09-03")
    assert "4:15" not in found(doc)


# --------------------------------------------------------------------------- "that November"


def test_that_month_takes_the_year_the_story_is_at(nlp: Language) -> None:
    doc = run(nlp, "The mill closed in 1983. That December, the town voted to buy it.", "2021-09-03")
    assert found(doc)["That December"] == ("DATE", "1983-12")


def test_that_before_a_month_subject_is_a_conjunction(nlp: Language) -> None:
    doc = run(nlp, "In 1983 the mayor said that March was the wettest month.", "2021-09-03")
    assert "that March" not in found(doc)


# --------------------------------------------------------------------------- what a future clause does not move


def test_day_name_inside_an_after_clause_stays_past(nlp: Language) -> None:
    # 2021-06-17 is a Thursday: the runoff won on Tuesday is behind, whatever comes next
    doc = run(nlp, "After beating the mayor in Tuesday's runoff, the councillor will face a harder test.", "2021-06-17")
    assert found(doc)["Tuesday"] == ("DATE", "2021-06-15")


def test_month_under_a_purpose_clause_of_a_perfect_stays_near(nlp: Language) -> None:
    # the perfect ("has been winning") does not reach into what the winning is for
    doc = run(nlp, "The rival has been winning over delegates to stop the favourite from prevailing at the July "
                   "congress.", "2021-04-15")
    assert found(doc)["July"] == ("DATE", "2021-07")


# --------------------------------------------------------------------------- named days of US politics


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The governor hopes to sweep the South on Super Tuesday.", "2019-11-20", "2020-03-03"),
        ("The governor swept the South on Super Tuesday.", "2020-06-10", "2020-03-03"),
        ("The senator will be sworn in on Inauguration Day.", "2020-11-20", "2021-01-20"),
    ],
)
def test_named_days_of_us_politics(nlp: Language, text: str, published: str, expected: str) -> None:
    values = found(run(nlp, text, published))
    assert ("DATE", expected) in values.values()


def test_months_later_count_from_the_month_the_story_is_at(nlp: Language) -> None:
    doc = run(nlp, "The movement was founded in March 2014. Eight months later, it won its first seat.", "2021-09-03")
    assert found(doc)["Eight months later"] == ("DATE", "2014-11")


# --------------------------------------------------------------------------- lead-ups, deadlines, "due"


def test_day_name_after_heading_into_is_the_coming_one(nlp: Language) -> None:
    # 2021-06-14 is a Monday
    doc = run(nlp, "Heading into Thursday's runoff, the mayor has a narrow lead.", "2021-06-14")
    assert found(doc)["Thursday"] == ("DATE", "2021-06-17")


def test_day_name_of_a_deadline_is_the_coming_one(nlp: Language) -> None:
    doc = run(nlp, "The campaign is expected to file its report before the Friday deadline.", "2021-06-14")
    assert found(doc)["Friday"] == ("DATE", "2021-06-18")


def test_day_name_after_due_is_the_coming_one(nlp: Language) -> None:
    doc = run(nlp, "The filings due Friday night are expected to show a surge in donations.", "2021-06-14")
    assert found(doc)["Friday night"] == ("TIME", "2021-06-18TNI")


def test_day_name_of_a_deadline_told_in_the_past_is_the_nearest(nlp: Language) -> None:
    # 2021-06-17 is a Thursday: the deadline that has passed is Tuesday's
    doc = run(nlp, "The buyer completed its offer, with holders tendering most shares by the Tuesday deadline.",
              "2021-06-17")
    assert found(doc)["Tuesday"] == ("DATE", "2021-06-15")


def test_named_day_after_a_year_takes_that_year(nlp: Language) -> None:
    doc = run(nlp, "The state first voted in the 2008 Super Tuesday contests.", "2016-05-18")
    assert found(doc)["Super Tuesday"] == ("DATE", "2008-03-04")


def test_numbered_super_tuesday_is_no_first_tuesday_of_march(nlp: Language) -> None:
    doc = run(nlp, "Right before Super Tuesday 2, the polls tightened.", "2016-03-13")
    assert "Super Tuesday" not in found(doc)


def test_day_name_of_a_schedule_keeps_the_default(nlp: Language) -> None:
    # 2021-06-16 is a Wednesday; "Tuesday's schedule" is no deadline
    doc = run(nlp, "Take Tuesday's schedule. The senator began her day in a diner.", "2021-06-16")
    assert found(doc)["Tuesday"] == ("DATE", "2021-06-15")


def test_the_past_few_of_a_noun_is_no_time(nlp: Language) -> None:
    doc = run(nlp, "Rural counties have swung right over the past few elections.", "2021-09-03")
    assert "the past" not in found(doc)


def test_following_before_a_possessive_day_is_a_preposition(nlp: Language) -> None:
    # 2021-06-17 is a Thursday
    doc = run(nlp, "Following Wednesday's leak of the report, the minister apologised.", "2021-06-17")
    assert found(doc)["Wednesday"] == ("DATE", "2021-06-16")


def test_date_naming_an_event_takes_its_year(nlp: Language) -> None:
    doc = run(nlp, "The law was passed after the Sept. 11 attacks.", "2016-03-16")
    assert found(doc)["Sept. 11"] == ("DATE", "2001-09-11")


def test_same_date_before_other_words_is_this_years(nlp: Language) -> None:
    doc = run(nlp, "The board will meet on Sept. 11 to vote.", "2016-08-16")
    assert found(doc)["Sept. 11"] == ("DATE", "2016-09-11")
