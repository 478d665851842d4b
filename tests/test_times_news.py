"""The storyline_times component on news-style phrases: fractions of units before "ago", a pair of
day names, "fall" as a decline, a fraction whose space was lost, a length compared a year before.
Sentences of our own."""

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


# --------------------------------------------------------------------------- "half a year ago"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # counted in the next smaller unit, the granularity of the date
        ("half a year ago", ("DATE", "2020-01", None)),
        ("a year and a half ago", ("DATE", "2019-01", None)),
        ("two and a half years ago", ("DATE", "2018-01", None)),
        ("half a decade ago", ("DATE", "2015", None)),
        ("a week and a half ago", None),  # ten and a half days: no whole day to name
    ],
)
def test_fraction_of_a_unit_ago(phrase: str, expected: tuple[str, str, None] | None) -> None:
    result = resolve_text(phrase, "2020-07-20")
    if expected is None:
        assert result is None or result[0] != "DATE" or result[1].startswith("P")
    else:
        assert result == expected


def test_whole_units_ago_unchanged() -> None:
    assert resolve_text("three years ago", "2020-07-20") == ("DATE", "2017", None)
    assert resolve_text("two weeks ago", "2020-07-20") == ("DATE", "2020-W28", None)


# --------------------------------------------------------------------------- "on Friday and Saturday"


def test_consecutive_day_names_follow_each_other(nlp: Language) -> None:
    # written on a Friday: the vote is that day and the next, not last Saturday
    doc = run(nlp, "Delegates gathering in Geneva on Friday and Saturday were to vote on the plan.", "2022-03-11")
    values = found(doc)
    assert values["Friday"][1] == "2022-03-11"
    assert values["Saturday"][1] == "2022-03-12"


def test_day_names_far_apart_keep_their_own_reading(nlp: Language) -> None:
    doc = run(nlp, "The council met on Monday and Friday.", "2022-03-09")
    values = found(doc)
    assert values["Monday"][1] == "2022-03-07"
    assert values["Friday"][1] == "2022-03-04"


# --------------------------------------------------------------------------- "fall" as a decline


def test_fall_in_a_quantity_is_no_season(nlp: Language) -> None:
    doc = run(nlp, "After this fall in exports, the mills laid off workers.", "2019-05-02")
    assert "this fall" not in found(doc)


def test_fall_of_a_city_is_no_season(nlp: Language) -> None:
    doc = run(nlp, "Thousands fled after the fall of the northern city.", "2019-05-02")
    assert "the fall" not in found(doc)


def test_fall_the_season_stays(nlp: Language) -> None:
    doc = run(nlp, "The festival opens this fall in Lisbon. She moved there last fall in her car.", "2019-05-02")
    values = found(doc)
    assert values["this fall"] == ("DATE", "2019-FA")
    assert values["last fall"] == ("DATE", "2018-FA")


# --------------------------------------------------------------------------- a fraction's lost space


def test_denominator_of_a_fraction_is_no_count(nlp: Language) -> None:
    # "3 1/2 years" printed as "31/2 years": "2 years" is not the length
    doc = run(nlp, "The judge handed down a term of 31/2 years.", "2019-05-02")
    assert "2 years" not in found(doc)


# --------------------------------------------------------------------------- "the year-earlier nine months"


def test_year_earlier_length_is_one_expression(nlp: Language) -> None:
    doc = run(nlp, "Revenue for the year-ago six months was lower, the brewer said.", "2018-10-20")
    assert found(doc)["the year-ago six months"] == ("DURATION", "P6M")
