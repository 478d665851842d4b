"""The storyline_times component, round 4: lengths written in several units, a day name that is a
person's first name, a clock time after the story has left the day it named, a season with its year
as the year the story is at, a month before a vote noun in a present clause. Sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

pytestmark = pytest.mark.model


@pytest.fixture
def nlp(times_nlp: Language) -> Language:
    return times_nlp  # the shared times-only pipeline (conftest.py)


def run(nlp: Language, text: str, published: str = "2016-03-01") -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def found(doc: Doc) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in doc._.times}


# --------------------------------------------------------------------------- lengths in several units


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The swimmer finished in 4 minutes 12 seconds.", "4 minutes 12 seconds", "PT4M12S"),
        ("The blockade lasted three years and two months.", "three years and two months", "P3Y2M"),
        ("The crew was stranded for 5 days, 6 hours.", "5 days, 6 hours", "P5DT6H"),
        ("The hearing ran 2 hours 40 minutes.", "2 hours 40 minutes", "PT2H40M"),
    ],
)
def test_length_in_several_units_is_one(nlp: Language, text: str, phrase: str, value: str) -> None:
    assert found(run(nlp, text))[phrase] == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The talks took 12 hours, a day longer than planned.", "12 hours", "a day longer"),
        ("He trains four days a week.", "four days", "a week"),
        ("It took five minutes, three hours for the rest.", "five minutes", "three hours"),
    ],
)
def test_lengths_that_do_not_go_down_the_units_stay_apart(nlp: Language, text: str, first: str,
                                                          second: str) -> None:
    texts = [t.text for t in run(nlp, text)._.times]
    assert first in texts
    assert not any(t.startswith(first) and t != first for t in texts)


# --------------------------------------------------------------------------- a day name that is a name


@pytest.mark.parametrize(
    "text",
    [
        "Critics praised a novel by Tuesday Weld about Hollywood.",
        "The panel included an interview with Friday Ossai on farming.",
    ],
)
def test_day_name_as_a_first_name_is_no_date(nlp: Language, text: str) -> None:
    assert not run(nlp, text)._.times


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The bill must pass by Wednesday, Senator Reid said.", "Wednesday"),
        ("Talks resume Thursday in Geneva.", "Thursday"),
        ("The ministry announced Tuesday Jones would step down.", "Tuesday"),
    ],
)
def test_day_name_before_other_capitals_stays_a_day(nlp: Language, text: str, phrase: str) -> None:
    assert found(run(nlp, text))[phrase][0] == "DATE"


# --------------------------------------------------------------------------- clock time after the story moved on


def test_clock_time_after_the_story_left_the_day_is_of_no_known_day(nlp: Language) -> None:
    doc = run(nlp, "The ferry capsized on May 9, 2012. Divers reached it in August 2012. "
                   "Shortly before midnight a second hull broke.")
    assert found(doc)["midnight"] == ("TIME", "XXXX-XX-XXT24:00")


def test_clock_time_after_the_day_stays_on_it(nlp: Language) -> None:
    doc = run(nlp, "The ferry capsized on May 9, 2012. Shortly before midnight a second hull broke.")
    assert found(doc)["midnight"] == ("TIME", "2012-05-09T24:00")


def test_clock_time_on_the_dateline_day_stays_on_it(nlp: Language) -> None:
    doc = run(nlp, "Rocket launched March 1, 2016. The probe was built in 2014. The launch, at 09:15 UTC, went well.")
    assert found(doc)["09:15 UTC"] == ("TIME", "2016-03-01T09:15Z")


# --------------------------------------------------------------------------- a season with its year


def test_years_before_count_from_a_season_with_its_year(nlp: Language) -> None:
    doc = run(nlp, "In autumn 1990 she looked back on the strike 20 years before.")
    assert found(doc)["20 years before"] == ("DATE", "1970")


def test_years_before_without_a_year_count_from_now(nlp: Language) -> None:
    doc = run(nlp, "Last autumn she looked back on the strike 20 years before.")
    assert found(doc)["20 years before"] == ("DATE", "1996")


# --------------------------------------------------------------------------- a month before a vote noun


@pytest.mark.parametrize(
    "text",
    [
        "Governor's future in November election depends on suburbs",
        "The October referendum is his last hope.",
    ],
)
def test_month_of_a_vote_in_a_present_clause_is_ahead(nlp: Language, text: str) -> None:
    month = "11" if "November" in text else "10"
    assert next(iter(found(run(nlp, text)).values())) == ("DATE", f"2016-{month}")


@pytest.mark.parametrize(
    "text",
    [
        "She won the November election easily.",
        "The November election results show a swing to the left.",
    ],
)
def test_month_of_a_vote_told_as_past_stays_past(nlp: Language, text: str) -> None:
    assert found(run(nlp, text))["November"] == ("DATE", "2015-11")


# --------------------------------------------------------------------------- "that same month", ranges of days


def test_that_same_month_is_the_month_just_named(nlp: Language) -> None:
    doc = run(nlp, "The mill was sold on May 3, 2014. In September, the buyer announced cuts. "
                   "That same month, the union sued.", "2016-01-20")
    texts = found(doc)
    assert texts["That same month"] == texts["September"]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Ministers will gather in Rome on June 14-15.", ("June 14", "2016-06-14"), ("15", "2016-06-15")),
        ("The survey ran (Feb. 2-9) among adults.", ("Feb. 2", "2016-02-02"), ("9", "2016-02-09")),
        ("The survey ran Feb. 2-9 among adults.", ("Feb. 2", "2016-02-02"), ("9", "2016-02-09")),
    ],
)
def test_range_of_days_is_two_dates(nlp: Language, text: str, first: tuple[str, str],
                                    second: tuple[str, str]) -> None:
    times = found(run(nlp, text))
    assert times[first[0]] == ("DATE", first[1])
    assert times[second[0]] == ("DATE", second[1])


def test_count_after_a_day_and_a_number_stays_no_day(nlp: Language) -> None:
    assert "6" not in found(run(nlp, "They met on May 5 and 6 people were hurt."))


def test_age_after_a_month_stays_no_day(nlp: Language) -> None:
    assert "March 17" not in found(run(nlp, "In March 17-year-old Ana won the race."))


# --------------------------------------------------------------------------- the time of a chance or hope


@pytest.mark.parametrize(
    "text",
    [
        "Analysts doubt her chances of winning in November.",
        "He praised the team's odds of qualifying in November.",
    ],
)
def test_month_of_a_chance_is_ahead(nlp: Language, text: str) -> None:
    assert found(run(nlp, text, "2016-01-19"))["November"] == ("DATE", "2016-11")


def test_month_of_a_memory_stays_near(nlp: Language) -> None:
    assert found(run(nlp, "The memory of winning in November stays with him.", "2016-01-19"))["November"] == (
        "DATE", "2015-11")



def test_clock_time_after_a_day_named_after_a_year_stays_on_the_day(nlp: Language) -> None:
    doc = run(nlp, "She won this state in 2008. On Sunday she spoke in Concord. At 8 p.m. she left for Boston.",
              "2016-03-01")
    assert found(doc)["8 p.m."] == ("TIME", "2016-02-28T20:00")


def test_clock_time_takes_the_full_date_written_after_it(nlp: Language) -> None:
    doc = run(nlp, "The gates opened at 7:45 a.m. on June 2, 2009, to a crowd of farmers.", "2016-03-01")
    assert found(doc)["7:45 a.m."] == ("TIME", "2009-06-02T07:45")
