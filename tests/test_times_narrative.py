"""The storyline_times component on a story told from a time of its own: offsets with no date before
them ("two weeks later"), seasons and named days of a retold year, "the end of the month" after a
month, a participle before a day name, clock times of any day. Sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.helpers import run_times as run
from tests.helpers import times_found as found

pytestmark = pytest.mark.model


@pytest.fixture
def nlp(times_nlp: Language) -> Language:
    return times_nlp  # the shared times-only pipeline (conftest.py)


# --------------------------------------------------------------------------- offsets with nothing to count from


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The mayor was questioned by police. Two weeks later she resigned.", "Two weeks later", ("DURATION", "P2W")),
        ("The dam cracked in the storm. Three days later the valley flooded.", "Three days later", ("DURATION", "P3D")),
        ("The plant closed its gates. Six months later it reopened.", "Six months later", ("DURATION", "P6M")),
        ("The striker was sent off. A day earlier he had been fined.", "A day earlier", ("DURATION", "P1D")),
    ],
)
def test_offset_without_a_date_before_stays_an_offset(nlp: Language, text: str, phrase: str,
                                                       expected: tuple[str, str]) -> None:
    assert found(run(nlp, text, "2019-04-10"))[phrase] == expected


def test_offset_counts_from_the_date_before(nlp: Language) -> None:
    doc = run(nlp, "The mayor was questioned on March 4. Two weeks later she resigned.", "2019-04-10")
    assert found(doc)["Two weeks later"] == ("DATE", "2019-W12")  # March 18


def test_year_earlier_in_a_comparison_still_counts_from_now(nlp: Language) -> None:
    doc = run(nlp, "Revenue was $4 billion, up from $3 billion a year earlier.", "2019-04-10")
    assert found(doc)["a year earlier"] == ("DATE", "2018")


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The ferry sank in the bay. The next day divers found the wreck.", "The next day", ("DATE", "XXXX-XX-XX")),
        ("The ferry sank in the bay. The following morning divers came.", "The following morning",
         ("TIME", "XXXX-XX-XXTMO")),
    ],
)
def test_next_day_without_a_date_before_is_an_unknown_day(nlp: Language, text: str, phrase: str,
                                                          expected: tuple[str, str]) -> None:
    assert found(run(nlp, text, "2019-04-10"))[phrase] == expected


def test_that_night_without_a_date_before_is_an_unknown_night(nlp: Language) -> None:
    doc = run(nlp, "Judging by his conduct that night, the captain panicked.", "2019-04-10")
    assert found(doc)["that night"] == ("TIME", "XXXX-XX-XXTNI")


def test_that_night_after_a_date_is_that_night(nlp: Language) -> None:
    doc = run(nlp, "The ferry sank on Monday. That night, divers searched the bay.", "2019-04-10")
    assert found(doc)["That night"] == ("TIME", "2019-04-08TNI")


def test_next_day_after_a_date_is_the_day_after(nlp: Language) -> None:
    doc = run(nlp, "The ferry sank on Monday. The next day divers found the wreck.", "2019-04-10")
    assert found(doc)["The next day"] == ("DATE", "2019-04-09")


# --------------------------------------------------------------------------- a retold year


def test_bare_season_takes_the_year_being_told(nlp: Language) -> None:
    doc = run(nlp, "In 2012, the governor toured every county. In the fall, she lost the race.", "2019-04-10")
    assert found(doc)["the fall"] == ("DATE", "2012-FA")


def test_named_day_takes_the_year_being_told(nlp: Language) -> None:
    doc = run(nlp, "In 2012, the governor toured every county. She lost on Election Day.", "2019-04-10")
    assert found(doc)["Election Day"] == ("DATE", "2012-11-06")


def test_season_far_from_the_year_is_the_present_ones(nlp: Language) -> None:
    doc = run(nlp, "In 2012, the governor toured every county. She lost. Years passed. She moved away. "
                   "In the spring, she ran again.", "2019-07-10")
    assert found(doc)["the spring"] == ("DATE", "2019-SP")


def test_season_ahead_ignores_a_past_year(nlp: Language) -> None:
    doc = run(nlp, "In 2012, the governor lost. She will run again in the fall.", "2019-04-10")
    assert found(doc)["the fall"] == ("DATE", "2019-FA")


def test_end_of_the_month_follows_the_month_named(nlp: Language) -> None:
    doc = run(nlp, "Orders slowed in January. By the end of the month, the warehouse was empty.", "2019-04-10")
    assert found(doc)["the end of the month"] == ("DATE", "2019-01")


def test_end_of_the_month_ahead_is_the_present_one(nlp: Language) -> None:
    doc = run(nlp, "Orders slowed in January. Analysts expect a rebound by the end of the month.", "2019-04-10")
    assert found(doc)["the end of the month"] == ("DATE", "2019-04")


def test_end_of_the_year_follows_the_year_being_told(nlp: Language) -> None:
    doc = run(nlp, "Orders slowed in 2015. By the end of the year, the warehouse was empty.", "2019-04-10")
    assert found(doc)["the end of the year"] == ("DATE", "2015")


# --------------------------------------------------------------------------- a participle before a day name


def test_participle_before_a_day_takes_the_clause_tense(nlp: Language) -> None:
    # 2019-04-10 is a Wednesday
    doc = run(nlp, "The senator will lack the momentum needed for a strong showing Tuesday.", "2019-04-10")
    assert found(doc)["Tuesday"] == ("DATE", "2019-04-16")


def test_participle_in_a_past_clause_keeps_the_past(nlp: Language) -> None:
    doc = run(nlp, "The senator lacked the momentum needed for a strong showing Tuesday.", "2019-04-10")
    assert found(doc)["Tuesday"] == ("DATE", "2019-04-09")


# --------------------------------------------------------------------------- clock times of any day


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The night shift usually finishes about 5 a.m.", "5 a.m.", "XXXX-XX-XXT05:00"),
        ("The bakery typically opens at 7 a.m.", "7 a.m.", "XXXX-XX-XXT07:00"),
        ("He often walked home at midnight.", "midnight", "XXXX-XX-XXT24:00"),
    ],
)
def test_habitual_clock_time_has_no_date(nlp: Language, text: str, phrase: str, expected: str) -> None:
    assert found(run(nlp, text, "2019-04-10"))[phrase] == ("TIME", expected)


def test_single_clock_time_is_on_the_day(nlp: Language) -> None:
    doc = run(nlp, "The hearing starts at 10 a.m.", "2019-04-10")
    assert found(doc)["10 a.m."] == ("TIME", "2019-04-10T10:00")


# --------------------------------------------------------------------------- seen in a sample of political news


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("A study counted the accounts from August to November 2013.", "August", "2013-08"),
        ("Imports grew between April and July 2011.", "April", "2011-04"),
        ("Heating bills rose from December through March 2012.", "December", "2011-12"),
    ],
)
def test_month_opening_a_range_takes_the_year_at_its_end(nlp: Language, text: str, phrase: str,
                                                         expected: str) -> None:
    assert found(run(nlp, text, "2019-04-10"))[phrase] == ("DATE", expected)


def test_month_alone_in_a_range_without_year_stays_deictic(nlp: Language) -> None:
    doc = run(nlp, "Imports grew between January and March.", "2019-04-10")
    assert found(doc)["January"] == ("DATE", "2019-01")


def test_century_in_a_company_name_is_no_time(nlp: Language) -> None:
    doc = run(nlp, "She ran the cable unit of 21st Century Fox for a decade.", "2019-04-10")
    assert "21st Century" not in found(doc)


def test_century_alone_is_a_time(nlp: Language) -> None:
    doc = run(nlp, "Cities grew fast in the 19th century.", "2019-04-10")
    assert found(doc)["the 19th century"] == ("DATE", "18")


def test_gerund_after_ahead_of_lies_ahead(nlp: Language) -> None:
    # 2019-04-10 is a Wednesday
    doc = run(nlp, "Both parties rallied their volunteers ahead of voting Thursday in the county.", "2019-04-10")
    assert found(doc)["Thursday"] == ("DATE", "2019-04-11")


def test_infinitive_of_a_present_noun_lies_ahead(nlp: Language) -> None:
    doc = run(nlp, "We have a real chance to take the seat on Tuesday.", "2019-04-10")
    assert found(doc)["Tuesday"] == ("DATE", "2019-04-16")


def test_infinitive_of_a_past_noun_keeps_the_default(nlp: Language) -> None:
    doc = run(nlp, "They had a real chance to take the seat on Tuesday.", "2019-04-10")
    assert found(doc)["Tuesday"] == ("DATE", "2019-04-09")


def test_named_day_after_its_date_is_that_date(nlp: Language) -> None:
    doc = run(nlp, "A dozen states vote on March 5, known as Super Tuesday.", "2019-01-10")
    assert found(doc)["Super Tuesday"] == ("DATE", "2019-03-05")


@pytest.mark.parametrize(
    "text",
    ["Roughly a quarter of Canadians speak French.", "Almost a quarter of the members voted no.",
     "A quarter of respondents had no view."],
)
def test_quarter_of_people_is_a_fraction(nlp: Language, text: str) -> None:
    assert not any("quarter" in t.text for t in run(nlp, text, "2019-04-10")._.times)


def test_quarter_of_a_year_is_still_a_time(nlp: Language) -> None:
    doc = run(nlp, "Sales fell in the second quarter of 2018.", "2019-04-10")
    assert found(doc)["the second quarter of 2018"] == ("DATE", "2018-Q2")


def test_that_time_after_a_date_still_to_come_is_the_past(nlp: Language) -> None:
    doc = run(nlp, "The hearing is set for June 12. Since that time, the senator has stayed silent.", "2019-04-10")
    assert found(doc)["that time"] == ("DATE", "PAST_REF")


def test_offset_after_a_date_still_to_come_in_a_present_clause_stays_an_offset(nlp: Language) -> None:
    doc = run(nlp, "The hearing is set for June 12. Two weeks later, the files are still sealed.", "2019-04-10")
    assert found(doc)["Two weeks later"] == ("DURATION", "P2W")


def test_offset_after_a_date_still_to_come_in_a_future_clause_counts_from_it(nlp: Language) -> None:
    doc = run(nlp, "The hearing is set for June 12. Two weeks later, the judge will rule.", "2019-04-10")
    assert found(doc)["Two weeks later"] == ("DATE", "2019-W26")  # June 26


def test_same_day_with_its_own_clause_is_no_unknown_day(nlp: Language) -> None:
    doc = run(nlp, "On the same day that the report appears, the minister resigns.", "2019-04-10")
    assert found(doc)["the same day"] == ("DATE", "2019-04-10")


def test_a_bare_month_after_a_month_and_year_in_a_past_sentence_keeps_that_year(nlp: Language) -> None:
    doc = run(nlp, "The mill hired forty workers in April 2009 and laid them off in October.", "2015-06-01")
    assert found(doc)["October"] == ("DATE", "2009-10")
    # A month before the written one, or a clause looking ahead, is not continued.
    doc = run(nlp, "The mill will reopen in October, its owners said in April 2009.", "2015-06-01")
    assert found(doc)["October"][1] != "2009-10"
