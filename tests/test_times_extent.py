"""storyline_times: which expressions are time expressions at all (TIMEX3 extent), on sentences of our own.

Families: "now" as a discourse marker, the current week/month/year named as a sentence adverbial or
a possessive, "that time" after a preposition, "single" counting one unit, an unstated later date.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.helpers import run_times as run


@pytest.fixture
def nlp(times_nlp: Language) -> Language:
    return times_nlp  # the shared times-only pipeline (conftest.py)


def found(nlp: Language, text: str, published: str = "2024-03-08") -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in run(nlp, text, published)._.times}


# --------------------------------------------------------------------------- "now"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The talks failed. Now, the real question is who will pay for the bridge.",
        "Now, the minister says, the plan looks unworkable.",
        "“Now, let us look at the figures,” she told the committee.",
    ],
)
def test_now_opening_a_sentence_before_a_comma_is_a_discourse_marker(nlp: Language, text: str) -> None:
    assert found(nlp, text) == {}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The bridge is closed for now, the council said.",
        "Prices are much lower now, and still falling.",
        "Now the ferry carries twice as many cars.",
        "The company now employs 300 people.",
    ],
)
def test_now_meaning_at_present_stays(nlp: Language, text: str) -> None:
    assert [v for v in found(nlp, text).values()] == [("DATE", "PRESENT_REF")]


# --------------------------------------------------------------------------- the week / the year


@pytest.mark.model
def test_for_the_week_as_a_sentence_adverbial_is_the_current_week(nlp: Language) -> None:
    # 2024-03-08 is the Friday of ISO week 10
    assert found(nlp, "For the week, the bond index lost 2%.") == {"the week": ("DATE", "2024-W10")}
    assert found(nlp, "For the year, the chain sold fewer bicycles.") == {"the year": ("DATE", "2024")}


@pytest.mark.model
def test_the_week_as_a_possessive_is_the_current_week(nlp: Language) -> None:
    assert found(nlp, "Thursday was the week's busiest session for the exchange.")["the week"] == ("DATE", "2024-W10")
    assert found(nlp, "It was the month's third stoppage at the plant.") == {"the month": ("DATE", "2024-03")}


@pytest.mark.model
def test_the_year_elsewhere_is_left_alone(nlp: Language) -> None:
    # without "for" the adverbial is left to the other rules; "the year's end" is one expression
    assert "the year" not in found(nlp, "During the year, the chain sold fewer bicycles.")
    assert "the year" not in found(nlp, "He spent the year, and most of the next, abroad.")
    ends = found(nlp, "Sales should recover by the year's end.")
    assert "the year" not in ends and "year's end" in ends


# --------------------------------------------------------------------------- that time


@pytest.mark.model
def test_that_time_after_a_preposition_is_the_time_named_before(nlp: Language) -> None:
    text = "The offer expires on April 2. By that time, the board will have voted."
    assert found(nlp, text)["that time"] == ("DATE", "2024-04-02")


@pytest.mark.model
def test_that_time_without_a_date_before_points_back(nlp: Language) -> None:
    assert found(nlp, "During that time, the mill lost money.") == {"that time": ("DATE", "PAST_REF")}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "That time is over, the mayor said.",
        "He spoke at that time when prices rose.",
        "They met in the square at that time of year.",
    ],
)
def test_that_time_as_subject_or_before_a_clause_is_no_time(nlp: Language, text: str) -> None:
    assert "that time" not in found(nlp, text)


# --------------------------------------------------------------------------- single


@pytest.mark.model
def test_single_counts_one_unit(nlp: Language) -> None:
    assert found(nlp, "It was the largest single-day fall in the index.") == {"single-day": ("DURATION", "P1D")}
    assert found(nlp, "The shares lost 20% in a single week.") == {"single week": ("DURATION", "P1W")}


@pytest.mark.model
def test_single_without_a_unit_is_no_time(nlp: Language) -> None:
    assert found(nlp, "It is the single most important vote of the session.") == {}


# --------------------------------------------------------------------------- a later date


@pytest.mark.model
def test_a_later_date_is_the_future(nlp: Language) -> None:
    later = found(nlp, "The rest of the shares will be sold at a later date.")
    assert later == {"a later date": ("DATE", "FUTURE_REF")}
    assert found(nlp, "Callers were told to try again at a later time.") == {"a later time": ("DATE", "FUTURE_REF")}


# --------------------------------------------------------------------------- the start of the day


@pytest.mark.model
def test_the_start_or_end_of_the_day_is_the_day_the_story_is_at(nlp: Language) -> None:
    start = run(nlp, "After a steep fall at the start of the day, the index recovered.", "2024-03-08")._.times
    assert [(t.text, t.value, t.mod) for t in start] == [("the start of the day", "2024-03-08", "START")]
    end = found(nlp, "On Tuesday the shares had recovered by the end of the day.")
    assert end["the end of the day"] == ("DATE", "2024-03-05")


@pytest.mark.model
def test_at_the_end_of_the_day_is_an_idiom(nlp: Language) -> None:
    assert found(nlp, "At the end of the day, voters want cheaper bread.") == {}


# --------------------------------------------------------------------------- earlier that day


@pytest.mark.model
def test_earlier_or_later_that_day_is_one_expression(nlp: Language) -> None:
    text = "The plant closed on May 2, 2019. Earlier that day, the owners had met the union."
    assert found(nlp, text)["Earlier that day"] == ("DATE", "2019-05-02")
    assert found(nlp, "They left in June 2015 and came back later that year.")["later that year"] == ("DATE", "2015")
