"""The storyline_times component: one test group per rule family, on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze import times as times_mod
from storyline.analyze.times import reanchor, resolve_text, time_of, times_in
from storyline.model import TimeExpression
from tests.conftest import SHARED
from tests.helpers import run_times as run

SEED = SHARED / "seed" / "article.txt"


@pytest.fixture
def nlp(times_nlp: Language) -> Language:
    return times_nlp  # the shared times-only pipeline (conftest.py)


# --------------------------------------------------------------------------- without a parse


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        # explicit calendar dates
        ("2024-02-02", "2024-02-05", ("DATE", "2024-02-02", None)),
        ("March 3, 2021", "2024-02-05", ("DATE", "2021-03-03", None)),
        ("3 March 2021", "2024-02-05", ("DATE", "2021-03-03", None)),
        ("Sept. 9, 1999", "2024-02-05", ("DATE", "1999-09-09", None)),
        ("July 2016", "2024-02-05", ("DATE", "2016-07", None)),
        # month with a modifier, decades, centuries
        ("mid-October", "2024-02-05", ("DATE", "2023-10", "MID")),
        ("early June", "2024-02-05", ("DATE", "2024-06", "START")),
        ("late 2019", "2024-02-05", ("DATE", "2019", "END")),
        ("the 1980s", "2024-02-05", ("DATE", "198", None)),
        ("the '70s", "2024-02-05", ("DATE", "197", None)),
        ("the 19th century", "2024-02-05", ("DATE", "18", None)),
        # deictic words
        ("today", "2024-02-05", ("DATE", "2024-02-05", None)),
        ("yesterday", "2024-02-05", ("DATE", "2024-02-04", None)),
        ("tonight", "2024-02-05", ("TIME", "2024-02-05TNI", None)),
        ("last night", "2024-02-05", ("TIME", "2024-02-04TNI", None)),
        ("this morning", "2024-02-05", ("TIME", "2024-02-05TMO", None)),
        ("now", "2024-02-05", ("DATE", "PRESENT_REF", None)),
        ("recently", "2024-02-05", ("DATE", "PAST_REF", None)),
        ("the future", "2024-02-05", ("DATE", "FUTURE_REF", None)),
        # calendar units relative to the anchor
        ("last week", "2024-02-05", ("DATE", "2024-W05", None)),
        ("this week", "2024-02-07", ("DATE", "2024-W06", None)),
        ("next month", "2024-12-10", ("DATE", "2025-01", None)),
        ("last year", "2024-02-05", ("DATE", "2023", None)),
        ("last summer", "2024-02-05", ("DATE", "2023-SU", None)),
        ("earlier this year", "2024-02-05", ("DATE", "2024", None)),
        ("the end of the year", "2024-02-05", ("DATE", "2024", "END")),
        # offsets
        ("two days ago", "2024-02-05", ("DATE", "2024-02-03", None)),
        ("three weeks ago", "2024-02-05", ("DATE", "2024-W03", None)),
        ("a month ago", "2024-02-05", ("DATE", "2024-01", None)),
        ("five years ago", "2024-02-05", ("DATE", "2019", None)),
        ("years ago", "2024-02-05", ("DATE", "PAST_REF", None)),
        # durations
        ("three days", "2024-02-05", ("DURATION", "P3D", None)),
        ("18 months", "2024-02-05", ("DURATION", "P18M", None)),
        ("two-year", "2024-02-05", ("DURATION", "P2Y", None)),
        ("a decade", "2024-02-05", ("DURATION", "P10Y", None)),
        ("several weeks", "2024-02-05", ("DURATION", "PXW", None)),
        ("the past two months", "2024-02-05", ("DURATION", "P2M", None)),
        ("a year and a half", "2024-02-05", ("DURATION", "P1Y6M", None)),
        ("5 1/2 hours", "2024-02-05", ("DURATION", "PT5H30M", None)),
        ("a day and a half", "2024-02-05", ("DURATION", "P1DT12H", None)),
        ("two and a half weeks", "2024-02-05", ("DURATION", "P17DT12H", None)),
        ("half a day", "2024-02-05", ("DURATION", "PT12H", None)),
        ("six hours", "2024-02-05", ("DURATION", "PT6H", None)),
        # quarters and halves
        ("the third quarter of 2022", "2024-02-05", ("DATE", "2022-Q3", None)),
        ("the first half", "2024-08-05", ("DATE", "2024-H1", None)),
        ("Q4 2023", "2024-02-05", ("DATE", "2023-Q4", None)),
        # clock times
        ("3:30 p.m.", "2024-02-05", ("TIME", "2024-02-05T15:30", None)),
        ("noon", "2024-02-05", ("TIME", "2024-02-05T12:00", None)),
        # sets
        ("every week", "2024-02-05", ("SET", "P1W", None)),
        ("daily", "2024-02-05", ("SET", "P1D", None)),
        ("Sundays", "2024-02-05", ("SET", "XXXX-WXX-7", None)),
        # holidays (vocabulary in data/times.yml)
        ("Christmas Day 2019", "2024-02-05", ("DATE", "2019-12-25", None)),
        ("Thanksgiving", "2023-11-30", ("DATE", "2023-11-23", None)),
    ],
)
def test_phrase_values(phrase: str, anchor: str, expected: tuple[str, str, str | None]) -> None:
    assert resolve_text(phrase, anchor) == expected


def test_weekdays_default_to_the_most_recent_one_on_or_before_the_anchor() -> None:
    # 2024-02-05 is a Monday
    assert resolve_text("Friday", "2024-02-05") == ("DATE", "2024-02-02", None)
    assert resolve_text("Monday", "2024-02-05") == ("DATE", "2024-02-05", None)
    assert resolve_text("late Wednesday", "2024-02-05") == ("DATE", "2024-01-31", "END")
    assert resolve_text("Friday evening", "2024-02-05") == ("TIME", "2024-02-02TEV", None)
    assert resolve_text("next Tuesday", "2024-02-05") == ("DATE", "2024-02-06", None)
    assert resolve_text("last Monday", "2024-02-05") == ("DATE", "2024-01-29", None)


def test_months_without_a_year_take_the_nearest_year_without_tense() -> None:
    assert resolve_text("January 28", "2024-02-05") == ("DATE", "2024-01-28", None)
    assert resolve_text("December 20", "2024-02-05") == ("DATE", "2023-12-20", None)
    assert resolve_text("February", "2023-11-20") == ("DATE", "2024-02", None)


def test_not_times_without_a_parse() -> None:
    for phrase in ("Fox News Sunday", "the Sunday Times", "Good Morning America", "the Arab Spring",
                   "may", "march", "42", "1,250"):
        assert resolve_text(phrase, "2024-02-05") is None, phrase


def test_vocabulary_is_data() -> None:
    vocab = times_mod._vocab(times_mod.DEFAULT_VOCABULARY)
    assert vocab.months["Sept"] == 9
    assert vocab.day_parts["evening"] == "EV"
    assert "Fox News Sunday" in vocab.not_times


# --------------------------------------------------------------------------- on a spaCy parse


def values(doc: Doc) -> dict[str, str]:
    return {t.text: t.value for t in doc._.times}


@pytest.mark.model
def test_seed_article(nlp: Language) -> None:
    if not SEED.exists():
        pytest.skip("seed article not available")
    doc = run(nlp, SEED.read_text(encoding="utf-8"), "2024-02-05")
    found = {(t.text, t.value, t.mod) for t in doc._.times}
    assert ("Friday", "2024-02-02", None) in found
    assert ("Monday", "2024-02-05", None) in found
    assert ("January 28", "2024-01-28", None) in found
    assert ("mid-October", "2023-10", "MID") in found
    assert ("Friday evening", "2024-02-02TEV", None) in found
    assert ("2014", "2014", None) in found
    since = next(t for t in doc._.times if t.text == "mid-October")
    assert (since.range_from, since.range_to) == ("2023-10", "2024-02-05")
    assert [t.start for t in doc._.times] == sorted(t.start for t in doc._.times)
    for t in doc._.times:
        assert doc.text[t.start:t.end] == t.text
        assert isinstance(t, TimeExpression)


@pytest.mark.model
def test_extent_leaves_out_the_preposition(nlp: Language) -> None:
    doc = run(nlp, "The talks ended on Thursday after two days of meetings.", "2024-03-08")
    assert values(doc) == {"Thursday": "2024-03-07", "two days": "P2D"}


@pytest.mark.model
def test_tense_sends_weekdays_forward_or_back(nlp: Language) -> None:
    # 2024-03-06 is a Wednesday
    past = run(nlp, "The minister resigned on Tuesday.", "2024-03-06")
    future = run(nlp, "The minister will resign on Tuesday.", "2024-03-06")
    due = run(nlp, "The committee is due to vote on Friday.", "2024-03-06")
    assert values(past)["Tuesday"] == "2024-03-05"
    assert values(future)["Tuesday"] == "2024-03-12"
    assert values(due)["Friday"] == "2024-03-08"


@pytest.mark.model
def test_future_months_resolve_to_the_coming_year(nlp: Language) -> None:
    doc = run(nlp, "The country will hold elections in February, the commission said.", "2023-11-14")
    assert values(doc)["February"] == "2024-02"
    past = run(nlp, "The country held elections in February.", "2023-11-14")
    assert values(past)["February"] == "2023-02"


@pytest.mark.model
def test_not_times(nlp: Language) -> None:
    text = ("The senator told Fox News Sunday that the Sunday Times had it wrong. Good Morning America "
            "aired the interview. The Arab Spring changed the region. The 83-year-old farmer said 1,200 "
            "sheep may march to the valley, and 2000 soldiers were sent.")
    doc = run(nlp, text, "2024-02-05")
    assert [t.text for t in doc._.times] == []


@pytest.mark.model
def test_may_and_march_as_months(nlp: Language) -> None:
    doc = run(nlp, "Prices rose in May and fell again in March, the bank said.", "2024-06-10")
    assert values(doc) == {"May": "2024-05", "March": "2024-03"}


@pytest.mark.model
def test_ranges(nlp: Language) -> None:
    doc = run(nlp, "Prices have doubled since early 2022. The works run from March to May.", "2024-02-05")
    by_text = {t.text: t for t in doc._.times}
    assert (by_text["early 2022"].range_from, by_text["early 2022"].range_to) == ("2022", "2024-02-05")
    assert by_text["March"].range_from == by_text["May"].range_from == by_text["March"].value
    assert by_text["May"].range_to == by_text["May"].value


@pytest.mark.model
def test_anaphoric_days_follow_the_story(nlp: Language) -> None:
    doc = run(nlp, "The ship sank on June 3, 2021. Rescuers found the crew the next day.", "2024-02-05")
    assert values(doc)["the next day"] == "2021-06-04"


@pytest.mark.model
def test_reanchor_moves_deictic_words_in_a_quote(nlp: Language) -> None:
    text = 'On Friday she said: "We signed the deal yesterday and will publish it today."'
    doc = run(nlp, text, "2024-02-05")
    assert values(doc)["yesterday"] == "2024-02-04"
    start, end = text.index('"'), len(text)
    reanchor(doc, start, end, "2024-02-02")
    by_text = {t.text: t for t in doc._.times}
    assert by_text["yesterday"].value == "2024-02-01"
    assert by_text["today"].value == "2024-02-02"
    assert by_text["today"].anchor == "2024-02-02"
    assert by_text["Friday"].value == "2024-02-02"  # outside the range: unchanged
    assert [t.text for t in times_in(doc, start, end)] == ["yesterday", "today"]


@pytest.mark.model
def test_time_of_finds_the_expression_governing_a_verb(nlp: Language) -> None:
    doc = run(nlp, "Rebels attacked the town on Sunday, officials said on Monday.", "2024-02-07")
    attacked = next(t for t in doc if t.text == "attacked")
    said = next(t for t in doc if t.text == "said")
    assert (time_of(doc, attacked) or TimeExpression(0, 0, "", "DATE", "")).text == "Sunday"
    assert (time_of(doc, said) or TimeExpression(0, 0, "", "DATE", "")).text == "Monday"


@pytest.mark.model
def test_between_years_is_a_range(nlp: Language) -> None:
    doc = run(nlp, "The plant will deliver the engines between 2027 and 2029.", "2024-02-05")
    first, second = doc._.times
    assert (first.value, second.value) == ("2027", "2029")
    assert (first.range_from, first.range_to) == (second.range_from, second.range_to) == ("2027", "2029")


@pytest.mark.model
def test_names_rates_and_fractions_are_not_dates(nlp: Language) -> None:
    text = ("The minister spoke on ABC's This Week about the future of the port, which handles 40 ships "
            "a week and imports three-quarters of the country's grain.")
    doc = run(nlp, text, "2024-02-05")
    assert [(t.text, t.type, t.value) for t in doc._.times] == [("a week", "SET", "P1W")]


@pytest.mark.model
def test_clock_times_take_the_day_written_after_them(nlp: Language) -> None:
    text = "The offer expires at 5 p.m. EST Friday, and the vote opens at noon Tuesday."
    doc = run(nlp, text, "2024-02-07")
    assert values(doc) == {"5 p.m. EST Friday": "2024-02-09T17:00", "noon Tuesday": "2024-02-13T12:00"}


@pytest.mark.model
def test_quarters_follow_the_reporting_calendar(nlp: Language) -> None:
    doc = run(nlp, "Third-quarter profit rose 8% from a year ago, and the company expects a weaker "
                   "first quarter.", "2023-10-26")
    assert values(doc) == {"Third-quarter": "2023-Q3", "a year ago": "2022-Q3", "first quarter": "2024-Q1"}


@pytest.mark.model
def test_conditions_look_ahead(nlp: Language) -> None:
    doc = run(nlp, "Markets would fall if he wins in November, analysts said.", "2024-05-16")
    assert values(doc)["November"] == "2024-11"


@pytest.mark.model
def test_later_counts_from_the_year_the_story_is_at(nlp: Language) -> None:
    doc = run(nlp, "The protests began in 2011. Five years later the city was in ruins.", "2024-02-05")
    assert values(doc)["Five years later"] == "2016"


@pytest.mark.model
def test_one_day_as_some_day(nlp: Language) -> None:
    doc = run(nlp, "She hopes one day to return home, after a trip of one day.", "2024-02-05")
    assert [(t.text, t.value) for t in doc._.times] == [("one day", "FUTURE_REF"), ("one day", "P1D")]


def test_sets_of_months() -> None:
    assert resolve_text("every July", "2024-02-05") == ("SET", "XXXX-07", None)


@pytest.mark.model
def test_year_ranges_and_lengths(nlp: Language) -> None:
    doc = run(nlp, "The 2009-2010 outbreak ended a decade-long calm that lasted two and a half years.",
              "2013-03-22")
    found = [(t.text, t.value, t.range_from, t.range_to) for t in doc._.times]
    assert found == [("2009", "2009", "2009", "2010"), ("2010", "2010", "2009", "2010"),
                     ("decade-long", "P10Y", None, None), ("two and a half years", "P2Y6M", None, None)]


# --------------------------------------------------------------------------- without a publication date


def _unanchored(text: str) -> list[tuple[str, str, str | None, str | None]]:
    grammar = times_mod._grammar(times_mod.DEFAULT_VOCABULARY)
    found = times_mod._candidates(grammar, text)
    times, _ = times_mod._resolve_all(found, text, None, None, grammar)
    return [(t.text, t.value, t.mod, t.anchor) for t in times]


def test_without_a_date_relative_expressions_stay_underspecified() -> None:
    # The analysis is a function of the text and the date only: never of the day it runs.
    assert _unanchored("Friday") == [("Friday", "XXXX-XX-XX", None, None)]
    assert _unanchored("the night of June 3") == [("June 3", "XXXX-06-03", None, None)]
    assert _unanchored("last year") == [("last year", "XXXX", None, None)]
    assert _unanchored("mid-October") == [("mid-October", "XXXX-10", "MID", None)]
    assert _unanchored("this morning") == [("this morning", "XXXX-XX-XXTMO", None, None)]
    assert _unanchored("last winter") == [("last winter", "XXXX-WI", None, None)]


def test_without_a_date_explicit_values_are_kept() -> None:
    assert _unanchored("June 3, 2021") == [("June 3, 2021", "2021-06-03", None, None)]
    assert _unanchored("for three days") == [("three days", "P3D", None, None)]
    assert _unanchored("until now") == [("now", "PRESENT_REF", None, None)]


@pytest.mark.model
def test_without_a_date_the_component_does_not_use_today(nlp: Language) -> None:
    text = "Officials said on Friday that prices have risen since March. The ship sank on June 3, 2021."
    doc = nlp(text)
    found = {t.text: t for t in doc._.times}
    assert found["Friday"].value == "XXXX-XX-XX" and found["Friday"].anchor is None
    assert (found["March"].value, found["March"].range_to) == ("XXXX-03", None)
    assert found["June 3, 2021"].value == "2021-06-03"
    reanchor(doc, 0, len(text), "2024-02-07")
    assert found["Friday"].value == "2024-02-02"
    assert (found["March"].value, found["March"].range_to) == ("2023-03", "2024-02-07")


@pytest.mark.model
def test_reanchor_data_is_plain(nlp: Language) -> None:
    import srsly  # type: ignore[import-untyped]

    doc = run(nlp, 'He said: "We met yesterday and will meet again next week."', "2024-02-05")
    # No closures, no dates: what reanchor needs survives a msgpack round trip (as in a DocBin).
    stored = doc.user_data[times_mod.ANCHOR_KEY]
    doc.user_data[times_mod.ANCHOR_KEY] = srsly.msgpack_loads(srsly.msgpack_dumps(stored))
    reanchor(doc, 0, len(doc.text), "2024-02-02")
    assert [t.value for t in doc._.times] == ["2024-02-01", "2024-W06"]


# --------------------------------------------------------------------------- rule families added for issue #3


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("nineteen eighty-four", ("DATE", "1984", None)),
        ("in nineteen seventy", ("DATE", "1970", None)),
        ("March nineteen sixty-two", ("DATE", "1962-03", None)),
        ("the summer of nineteen ninety-nine", ("DATE", "1999-SU", None)),
        ("the year two thousand", ("DATE", "2000", None)),
        ("the eighteenth century", ("DATE", "17", None)),
    ],
)
def test_years_written_in_words(phrase: str, expected: tuple[str, str, str | None]) -> None:
    assert resolve_text(phrase, "2024-02-05") == expected


def test_a_number_in_words_is_no_year() -> None:
    assert resolve_text("some two thousand soldiers", "2024-02-05") is None


def test_universal_time_gets_the_iso_zone() -> None:
    assert resolve_text("09:45 UTC", "2024-02-05") == ("TIME", "2024-02-05T09:45Z", None)
    assert resolve_text("9:45 a.m. EST", "2024-02-05") == ("TIME", "2024-02-05T09:45", None)


@pytest.mark.model
def test_a_list_of_days_shares_the_month(nlp: Language) -> None:
    doc = run(nlp, "The festival runs on July 9, 10 and 11, and 40 bands will play.", "2024-05-05")
    assert [(t.text, t.value) for t in doc._.times] == [
        ("July 9", "2024-07-09"), ("10", "2024-07-10"), ("11", "2024-07-11")]
    doc = run(nlp, "Turnout was 3 and 5 percent on May 2.", "2024-06-05")
    assert [t.text for t in doc._.times] == ["May 2"]


@pytest.mark.model
def test_the_week_of_a_date(nlp: Language) -> None:
    doc = run(nlp, "The trial opened the week of Jan. 8 in Boston.", "2024-02-05")
    assert values(doc) == {"the week of Jan. 8": "2024-W02"}


@pytest.mark.model
def test_an_ordinal_day_takes_the_month_of_the_story(nlp: Language) -> None:
    doc = run(nlp, "Voting began on Nov. 3, 2020 and the result came on the 7th.", "2024-02-05")
    assert values(doc)["the 7th"] == "2020-11-07"
    doc = run(nlp, "She marked the 25th anniversary of the firm on Nov. 3, 2020.", "2024-02-05")
    assert "the 25th" not in values(doc)


@pytest.mark.model
def test_a_clock_time_takes_the_day_after_on(nlp: Language) -> None:
    doc = run(nlp, "The polls closed at 8 p.m. on Sunday.", "2024-02-07")
    assert values(doc)["8 p.m."] == "2024-02-04T20:00"


@pytest.mark.model
def test_current_as_an_adjective_of_the_present(nlp: Language) -> None:
    doc = run(nlp, "The current government blamed the current account deficit.", "2024-02-07")
    assert [(t.text, t.value, t.start) for t in doc._.times] == [("current", "PRESENT_REF", 4)]


@pytest.mark.model
def test_a_record_set_on_a_date_is_past(nlp: Language) -> None:
    # "set" is a plan only with "for"; "set on Aug. 6" tells when it was set.
    doc = run(nlp, "Shares are near the record high set on Aug. 6.", "2024-02-07")
    assert values(doc)["Aug. 6"] == "2023-08-06"
    doc = run(nlp, "The vote was set for Aug. 6.", "2024-02-07")
    assert values(doc)["Aug. 6"] == "2024-08-06"


@pytest.mark.model
def test_earnings_compare_the_same_quarter(nlp: Language) -> None:
    text = ("Acme reported third-quarter profit of $5 million. Revenue rose 4% to $80 million. "
            "Costs fell sharply. The company had a loss of $2 million, compared with a profit last year. "
            "In the 2022 period, margins were thin. It expects fourth-quarter sales to rise. "
            "Net income was $1 a share, up from 80 cents a year earlier. In the latest quarter, debt fell.")
    doc = run(nlp, text, "2023-10-26")
    found = values(doc)
    assert found["last year"] == "2022-Q3"
    assert found["the 2022 period"] == "2022-Q3"
    # a quarter still to come is no results quarter: "a year earlier" still compares the third
    assert found["a year earlier"] == "2022-Q3"
    assert found["the latest quarter"] == "2023-Q3"


@pytest.mark.model
def test_parts_of_the_day(nlp: Language) -> None:
    doc = run(nlp, "The ferry left at 5 in the morning and docked at 10 at night.", "2024-02-07")
    assert values(doc) == {"5 in the morning": "2024-02-07T05:00", "10 at night": "2024-02-07T22:00"}
    doc = run(nlp, "Prices dipped at mid-afternoon yesterday.", "2024-02-07")
    assert [(t.text, t.value, t.mod) for t in doc._.times] == [("mid-afternoon yesterday", "2024-02-06TAF", "MID")]
    doc = run(nlp, "The storm hit on March 2, 2019, and the roads closed in the evening.", "2024-02-07")
    assert values(doc)["the evening"] == "2019-03-02TEV"


def test_election_day_is_the_tuesday_after_the_first_monday() -> None:
    assert resolve_text("Election Day", "2020-10-20") == ("DATE", "2020-11-03", None)
    assert resolve_text("Election Day 2016", "2024-02-07") == ("DATE", "2016-11-08", None)


@pytest.mark.model
def test_that_year_is_the_year_last_written(nlp: Language) -> None:
    doc = run(nlp, "He fled in May 2009 and came back later that year.", "2024-02-07")
    assert values(doc)["later that year"] == "2009"  # one expression, as "later this year" is
    doc = run(nlp, "He fled in May 2009 and came back that year.", "2024-02-07")
    assert values(doc)["that year"] == "2009"


@pytest.mark.model
def test_reporting_years(nlp: Language) -> None:
    doc = run(nlp, "For the year ended June 30, the group earned $4 million.", "2024-09-10")
    first = doc._.times[0]
    assert (first.text, first.type, first.value) == ("the year", "DURATION", "P1Y")
    doc = run(nlp, "Acme lost $3 million in the fourth quarter of 2023 and $9 million for the full year.",
              "2024-02-07")
    assert values(doc)["the full year"] == "2023"
    doc = run(nlp, "Analysts expect higher sales for the full year.", "2024-06-07")
    assert values(doc)["the full year"] == "2024"


@pytest.mark.model
def test_a_year_earlier_beside_a_month_is_that_month(nlp: Language) -> None:
    doc = run(nlp, "Car sales fell 6 percent in April from a year earlier.", "2023-05-16")
    assert values(doc) == {"April": "2023-04", "a year earlier": "2022-04"}


@pytest.mark.model
def test_a_day_right_after_a_report_verb_is_the_day_of_the_report(nlp: Language) -> None:
    doc = run(nlp, "The firm said on Monday it would close two plants.", "2024-02-07")
    assert values(doc)["Monday"] == "2024-02-05"


@pytest.mark.model
def test_the_same_period_a_year_before(nlp: Language) -> None:
    text = "Acme's second-quarter profit fell to $2 million from $3 million in the same period last year."
    doc = run(nlp, text, "2023-08-01")
    assert values(doc)["the same period last year"] == "2022-Q2"
    doc = run(nlp, "Sales in March were below the same month a year earlier.", "2023-04-12")
    assert values(doc)["the same month a year earlier"] == "2022-03"


@pytest.mark.model
def test_the_following_month_counts_from_the_month_of_the_story(nlp: Language) -> None:
    doc = run(nlp, "In June, the board rejected the bid. The following month, it sold the unit.", "2024-02-07")
    assert values(doc) == {"June": "2023-06", "The following month": "2023-07"}


# --------------------------------------------------------------------------- conventions and cues, second pass


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        # a stretch of unstated length up to or from now is a duration; "recently" is a pointer
        ("recent weeks", "2024-02-05", ("DURATION", "PXW", None)),
        ("the coming months", "2024-02-05", ("DURATION", "PXM", None)),
        ("recently", "2024-02-05", ("DATE", "PAST_REF", None)),
        # "the past decade" is the ten years up to now; "the last decade" may be the 2010s
        ("the past decade", "2024-02-05", ("DURATION", "P10Y", None)),
        ("the past century", "2024-02-05", ("DURATION", "P100Y", None)),
        ("the last decade", "2024-02-05", ("DATE", "201", None)),
        # the latter part of a named year
        ("the last half of 2019", "2024-02-05", ("DATE", "2019-H2", None)),
        ("the final quarter of 2022", "2024-02-05", ("DATE", "2022-Q4", None)),
        ("the latter half of last year", "2024-02-05", ("DATE", "2023-H2", None)),
        ("the last quarter", "2024-02-05", ("DATE", "2023-Q4", None)),
        # holidays counted from Easter or a weekday of a month
        ("Palm Sunday", "2024-02-05", ("DATE", "2024-03-24", None)),
        ("Ash Wednesday", "2024-02-05", ("DATE", "2024-02-14", None)),
        ("Mother's Day 2023", "2024-02-05", ("DATE", "2023-05-14", None)),
        # fractions and two days away
        ("half an hour", "2024-02-05", ("DURATION", "PT30M", None)),
        ("the day before yesterday", "2024-02-05", ("DATE", "2024-02-03", None)),
        ("the day after tomorrow", "2024-02-05", ("DATE", "2024-02-07", None)),
        # wire-style clock times and clipped years
        ("at 1430 GMT", "2024-02-05", ("TIME", "2024-02-05T14:30Z", None)),
        ("since '98", "2024-02-05", ("DATE", "1998", None)),
        ("in '19", "2024-02-05", ("DATE", "2019", None)),
        # the nth week of a month is the ISO week holding most of its seven days
        ("the last week of March", "2024-02-05", ("DATE", "2024-W13", None)),
        ("the first week of June 2012", "2024-02-05", ("DATE", "2012-W23", None)),
        # sets of weekends, seasons, every other unit
        ("every weekend", "2024-02-05", ("SET", "XXXX-WXX-WE", None)),
        ("each summer", "2024-02-05", ("SET", "XXXX-SU", None)),
        ("every other month", "2024-02-05", ("SET", "P2M", None)),
        # days counted on a working calendar are still days
        ("the past five trading days", "2024-02-05", ("DURATION", "P5D", None)),
        ("ten business days", "2024-02-05", ("DURATION", "P10D", None)),
        # the end of a year however written
        ("by year's end", "2024-02-05", ("DATE", "2024", "END")),
        ("at year end 2025", "2024-02-05", ("DATE", "2025", "END")),
    ],
)
def test_second_pass_phrases(phrase: str, anchor: str, expected: tuple[str, str, str | None]) -> None:
    assert resolve_text(phrase, anchor) == expected


@pytest.mark.model
def test_past_spelt_as_present(nlp: Language) -> None:
    # 2024-03-06 is a Wednesday; "hurt" with a singular subject can only be the past
    doc = run(nlp, "Concern over rates hurt the market on Friday.", "2024-03-06")
    assert values(doc)["Friday"] == "2024-03-01"


@pytest.mark.model
def test_until_in_a_past_perfect_and_in_a_postponement(nlp: Language) -> None:
    doc = run(nlp, "Until Monday, the police had not named a suspect.", "2024-03-06")
    assert values(doc)["Monday"] == "2024-03-04"
    doc = run(nlp, "The judge postponed the hearing until Monday.", "2024-03-06")
    assert values(doc)["Monday"] == "2024-03-11"


@pytest.mark.model
def test_a_deadline_just_gone_is_this_years(nlp: Language) -> None:
    doc = run(nlp, "The council must approve the budget by March 2.", "2024-03-06")
    assert values(doc)["March 2"] == "2024-03-02"
    doc = run(nlp, "The council must approve the budget by Feb. 2.", "2024-03-06")
    assert values(doc)["Feb. 2"] == "2025-02-02"


@pytest.mark.model
def test_a_timetable_in_the_present_looks_ahead(nlp: Language) -> None:
    doc = run(nlp, "The new tariffs take effect in January.", "2024-03-06")
    assert values(doc)["January"] == "2025-01"
    doc = run(nlp, "The new tariffs took effect in January.", "2024-03-06")
    assert values(doc)["January"] == "2024-01"
    # a state in the present reports a month gone
    doc = run(nlp, "The jobless rate stands at 6 percent in January.", "2024-03-06")
    assert values(doc)["January"] == "2024-01"


@pytest.mark.model
def test_later_in_a_past_story_is_still_past(nlp: Language) -> None:
    doc = run(nlp, "The fire started at dawn. Hours later, the crews withdrew.", "2024-03-06")
    assert values(doc)["Hours later"] == "PAST_REF"
    doc = run(nlp, "Days later, the crews will return.", "2024-03-06")
    assert values(doc)["Days later"] == "FUTURE_REF"


@pytest.mark.model
def test_a_conjunct_shares_the_verb(nlp: Language) -> None:
    # 2024-03-06 is a Wednesday
    doc = run(nlp, "The storm will reach the coast late Friday or early Saturday.", "2024-03-06")
    assert values(doc) == {"late Friday": "2024-03-08", "early Saturday": "2024-03-09"}


@pytest.mark.model
def test_a_month_of_next_year(nlp: Language) -> None:
    doc = run(nlp, "The licences will lapse after October of next year.", "2024-03-06")
    assert values(doc) == {"October": "2025-10", "next year": "2025"}


@pytest.mark.model
def test_a_headline_day_is_not_dated_by_the_line_below(nlp: Language) -> None:
    doc = run(nlp, "Markets to stay shut until Friday\nMarch 6, 2024\nThe exchange said so.", "2024-03-06")
    assert values(doc) == {"Friday": "2024-03-08", "March 6, 2024": "2024-03-06"}


@pytest.mark.model
def test_previous_and_following_days_count_from_the_story(nlp: Language) -> None:
    # 2024-03-11 is a Monday; the story is at Monday 4 March
    doc = run(nlp, "The index fell on Monday, March 4. It was down 3% from the previous Friday.", "2024-03-11")
    assert values(doc)["the previous Friday"] == "2024-03-01"
    doc = run(nlp, "The jury met on June 3, 2021, and gave its verdict the following Tuesday.", "2024-03-06")
    assert values(doc)["the following Tuesday"] == "2021-06-08"


@pytest.mark.model
def test_a_plan_told_in_the_past_looks_ahead(nlp: Language) -> None:
    # 2024-03-06 is a Wednesday
    doc = run(nlp, "Farmers planned a large rally outside parliament on Saturday.", "2024-03-06")
    assert values(doc)["Saturday"] == "2024-03-09"
    doc = run(nlp, "Farmers held a large rally outside parliament on Saturday.", "2024-03-06")
    assert values(doc)["Saturday"] == "2024-03-02"


@pytest.mark.model
def test_the_quarter_a_year_ago(nlp: Language) -> None:
    doc = run(nlp, "Acme's third-quarter profit rose. For the quarter a year ago, Acme reported a loss.", "2023-10-26")
    assert values(doc)["the quarter a year ago"] == "2022-Q3"


@pytest.mark.model
def test_at_the_moment_is_no_timex(nlp: Language) -> None:
    doc = run(nlp, "Prices will stay high for the time being, and at the moment there is no deal.", "2024-03-06")
    assert [(t.text, t.value) for t in doc._.times] == [("the time being", "PRESENT_REF")]


@pytest.mark.model
def test_the_trading_day_of_a_market_report(nlp: Language) -> None:
    doc = run(nlp, "On Monday, the FTSE 100 ended the day 2% lower. He went out for the day.", "2024-03-06")
    assert values(doc) == {"Monday": "2024-03-04", "the day": "2024-03-04"}
    doc = run(nlp, "For the day, the Nikkei lost 3%.", "2024-03-06")
    assert values(doc) == {"the day": "2024-03-06"}


@pytest.mark.model
def test_a_second_decade_shares_the_article(nlp: Language) -> None:
    doc = run(nlp, "Boxy cars ruled the 70s and 80s.", "2024-03-06")
    assert [(t.text, t.value) for t in doc._.times] == [("the 70s", "197"), ("80s", "198")]
    doc = run(nlp, "Her grades were mostly 70s and 80s.", "2024-03-06")
    assert values(doc) == {}


@pytest.mark.model
def test_one_day_after_a_modal_is_some_day(nlp: Language) -> None:
    doc = run(nlp, "Engineers say the rover could one day reach the crater.", "2024-03-06")
    assert [(t.text, t.type, t.value) for t in doc._.times] == [("one day", "DATE", "FUTURE_REF")]
    # "only one day" measures a stay
    doc = run(nlp, "The coach had been in charge only one day when the club sold him.", "2024-03-06")
    assert [(t.text, t.type, t.value) for t in doc._.times] == [("one day", "DURATION", "P1D")]


@pytest.mark.model
def test_plural_day_with_part_of_day_is_a_set(nlp: Language) -> None:
    doc = run(nlp, "The museum stays open late on Thursday evenings and Saturday nights.", "2024-03-06")
    assert [(t.text, t.type, t.value) for t in doc._.times] == [
        ("Thursday evenings", "SET", "XXXX-WXX-4TEV"), ("Saturday nights", "SET", "XXXX-WXX-6TNI")]
    doc = run(nlp, "The market is held on Fridays.", "2024-03-06")
    assert [(t.text, t.type, t.value) for t in doc._.times] == [("Fridays", "SET", "XXXX-WXX-5")]


@pytest.mark.model
def test_recent_as_an_adjective_of_the_past(nlp: Language) -> None:
    doc = run(nlp, "Analysts blamed the recent slide in oil prices on weak demand.", "2024-03-06")
    assert [(t.text, t.value, t.start) for t in doc._.times] == [("recent", "PAST_REF", 20)]
    # "most recent" ranks things; it places nothing in time
    doc = run(nlp, "Her most recent novel sold well.", "2024-03-06")
    assert values(doc) == {}
    doc = run(nlp, "Margins have narrowed in recent quarters and may widen in coming quarters.", "2024-03-06")
    assert values(doc) == {"recent quarters": "PXQ", "coming quarters": "PXQ"}


@pytest.mark.model
def test_a_time_as_the_predicate_of_be_is_scheduled(nlp: Language) -> None:
    # in March, "the referendum is in October" is this October, not last
    doc = run(nlp, "The referendum is in October.", "2024-03-06")
    assert values(doc) == {"October": "2024-10"}
    doc = run(nlp, "The final hearing is on July 9.", "2024-03-06")
    assert values(doc) == {"July 9": "2024-07-09"}
    # a figure reported for a month is no schedule
    doc = run(nlp, "Exports are up 4% in January.", "2024-06-06")
    assert values(doc) == {"January": "2024-01"}
    doc = run(nlp, "The jobless rate is 6% in November.", "2024-06-06")
    assert values(doc) == {"November": "2023-11"}


@pytest.mark.model
def test_the_plural_unit_after_a_preposition_is_a_vague_length(nlp: Language) -> None:
    doc = run(nlp, "Witnesses saw the van in the weeks before the fire.", "2024-03-06")
    assert [(t.text, t.type, t.value) for t in doc._.times] == [("the weeks", "DURATION", "PXW")]
    doc = run(nlp, "The town has changed a lot over the years, and more will change in the months ahead.",
              "2024-03-06")
    assert values(doc) == {"the years": "PXY", "the months ahead": "PXM"}


@pytest.mark.model
def test_a_daily_newspaper_is_no_frequency(nlp: Language) -> None:
    doc = run(nlp, "The state daily Pravda printed the speech, and the business weekly Forbes ran a profile.",
              "2024-03-06")
    assert values(doc) == {}
    doc = run(nlp, "The Paris-based daily Le Temps and the daily al-Nour ran the story.", "2024-03-06")
    assert values(doc) == {}
    doc = run(nlp, "The ferry sails daily and the bus runs weekly.", "2024-03-06")
    assert values(doc) == {"daily": "P1D", "weekly": "P1W"}


@pytest.mark.model
def test_could_not_and_would_not_tell_of_the_past(nlp: Language) -> None:
    # the past of "can" and "will": a spokesman who could not be reached was sought on the last Friday
    doc = run(nlp, "A spokeswoman for the airline could not be reached for comment Friday.", "2024-03-06")
    assert values(doc) == {"Friday": "2024-03-01"}
    doc = run(nlp, "The mayor wouldn't say Monday whether the bridge would reopen.", "2024-03-06")
    assert values(doc) == {"Monday": "2024-03-04"}
    # an affirmative "could" still looks ahead, and so does "would not" reported after "said"
    doc = run(nlp, "The ruling could come on Friday.", "2024-03-06")
    assert values(doc) == {"Friday": "2024-03-08"}
    doc = run(nlp, "She said the store would not open on Friday.", "2024-03-06")
    assert values(doc) == {"Friday": "2024-03-08"}


@pytest.mark.model
def test_earlier_today_is_one_expression(nlp: Language) -> None:
    doc = run(nlp, "The index slipped earlier today; later tonight the results come out.", "2024-03-06")
    assert [(t.text, t.value) for t in doc._.times] == [("earlier today", "2024-03-06"),
                                                       ("later tonight", "2024-03-06TNI")]


@pytest.mark.model
def test_the_following_year_counts_from_the_year_named(nlp: Language) -> None:
    doc = run(nlp, "The mill closed in 2009 and was torn down the following year.", "2024-03-06")
    assert values(doc) == {"2009": "2009", "the following year": "2010"}
    doc = run(nlp, "Prices peaked in June 2015; the previous year they had fallen.", "2024-03-06")
    assert values(doc)["the previous year"] == "2014"


@pytest.mark.model
def test_last_as_a_verb_stays_out_of_a_length(nlp: Language) -> None:
    doc = run(nlp, "The repairs will last six weeks, and the closure is expected to last two months.", "2024-03-06")
    assert [(t.text, t.value) for t in doc._.times] == [("six weeks", "P6W"), ("two months", "P2M")]
    doc = run(nlp, "Rents doubled in the last five years.", "2024-03-06")
    assert values(doc) == {"the last five years": "P5Y"}


@pytest.mark.model
def test_this_past_and_the_next_decade(nlp: Language) -> None:
    doc = run(nlp, "Snow fell this past weekend.", "2024-03-06")
    assert [(t.text, t.value) for t in doc._.times] == [("this past weekend", "2024-W09-WE")]
    # "over the next decade" is the ten years from now, as "the past decade" is the ten up to now
    doc = run(nlp, "The fleet will be replaced over the next decade.", "2024-03-06")
    assert [(t.text, t.type, t.value) for t in doc._.times] == [("the next decade", "DURATION", "P10Y")]


@pytest.mark.model
def test_a_day_counted_in_a_run_of_days(nlp: Language) -> None:
    doc = run(nlp, "Today is the fourth day of the blockade.", "2024-03-06")
    assert values(doc) == {"Today": "2024-03-06", "the fourth day": "2024-03-06"}
    doc = run(nlp, "The index fell for a third straight day on Monday.", "2024-03-06")
    assert values(doc) == {"a third straight day": "2024-03-04", "Monday": "2024-03-04"}
    doc = run(nlp, "On May 2, 2019, the sit-in reached its tenth day.", "2024-03-06")
    assert values(doc)["tenth day"] == "2019-05-02"
    # a "day-long" meeting is a length, not a day in a run
    doc = run(nlp, "They held a second day-long meeting.", "2024-03-06")
    assert [(t.text, t.value) for t in doc._.times] == [("day-long", "P1D")]


@pytest.mark.model
def test_a_second_and_a_quarter_that_are_no_lengths(nlp: Language) -> None:
    doc = run(nlp, "A second A320 landed on Monday. The storm lasted a second or two.", "2024-03-06")
    assert [(t.text, t.value) for t in doc._.times] == [("Monday", "2024-03-04"), ("a second", "PT1S")]
    doc = run(nlp, "The bank will close about a quarter of its branches.", "2024-03-06")
    assert values(doc) == {}
    doc = run(nlp, "The economy shrank for a quarter and then grew for two quarters of the year.", "2024-03-06")
    assert values(doc) == {"a quarter": "P1Q", "two quarters": "P2Q"}


@pytest.mark.model
def test_a_march_named_for_its_cause_is_no_month(nlp: Language) -> None:
    doc = run(nlp, "Thousands joined the silent March for Peace in the capital.", "2024-03-06")
    assert values(doc) == {}
    doc = run(nlp, "The bill was signed in March for the first time since 1990.", "2024-05-06")
    assert values(doc) == {"March": "2024-03", "1990": "1990"}


@pytest.mark.model
def test_later_in_the_day_is_the_day_of_the_story(nlp: Language) -> None:
    doc = run(nlp, "The ferry left on Thursday and sank later in the day.", "2024-03-06")
    assert values(doc) == {"Thursday": "2024-02-29", "the day": "2024-02-29"}
    doc = run(nlp, "He stayed in the day room.", "2024-03-06")
    assert values(doc) == {}


@pytest.mark.model
def test_the_fiscal_year_as_a_date(nlp: Language) -> None:
    doc = run(nlp, "The chain expects higher margins for the fiscal year.", "2024-06-06")
    assert values(doc) == {"the fiscal year": "2024"}
    # with "ended" it is the length of a reporting year
    doc = run(nlp, "Revenue doubled in the fiscal year ended March 31.", "2024-06-06")
    assert values(doc)["the fiscal year"] == "P1Y"
    doc = run(nlp, "The group sold 4 million cars in the latest fiscal year.", "2024-06-06")
    assert values(doc) == {"the latest fiscal year": "2023"}


@pytest.mark.model
def test_what_is_awaited_lies_ahead(nlp: Language) -> None:
    doc = run(nlp, "The government was awaiting a court ruling on Tuesday.", "2024-03-06")  # a Wednesday
    assert values(doc) == {"Tuesday": "2024-03-12"}
