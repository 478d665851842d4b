"""The prefilter of the times component (needs and windows) leaves every pattern's matches as
they are: each pattern run with it finds exactly what a plain scan of the text finds."""

from __future__ import annotations

import re

import pytest

from storyline.analyze.times import _candidates, _Feats, _grammar, _windowed

TEXTS = [
    "About 5 years ago, the plant closed; nearly two and a half years later it reopened for three more weeks.",
    "No more than 1.5 1/2 days after the vote, a couple of months earlier, some 20-odd minutes.",
    "The board met on Tuesday, Nov. 14, and again in mid-March 2019; late last year it sold the unit.",
    "Early this year the firm said that the beginning of next week would bring news, as it did last Monday night.",
    "The deal, signed 14 March 2011 and 3 of June, 1998, ends in fiscal year 2012 or the year 2013.",
    "In the late 1990s and the sixties, during the 20th century, prices rose; in '08 they fell.",
    "Yesterday afternoon, tomorrow's meeting and tonight were set; the day before yesterday was calm.",
    "Currently, for the time being, the near future looks bright; recent years and coming weeks differ.",
    "The third quarter of 2009, Q3 2010, H1 and the first half of last year; the year-ago period.",
    "At 6:40 p.m. (GMT +8) on Friday, at 0800 GMT, at noon Thursday and 4 in the morning, mid-afternoon.",
    "Every other week, twice a year, daily and each Monday; Tuesdays and Friday nights; following Monday's vote.",
    "On Christmas Eve 2010, Thanksgiving and New Year's Day, St. Patrick's Day, in the spring of 2004.",
    "The next day, the following year, that same week, earlier that day; the day after; that November, That Sept.",
    "For the week, the index fell; the year's best day; by that time; in the weeks ahead; over the years.",
    "The 12-year-old, a decade-long war, five-year plan, 30-day period, for years, the 1988 quarter.",
    "Six ſeconds ago, ſeven ſeconds later, İn the paſt, a ſecond time, ſome years back.",
    "Between 2014 and 2016, from 2009 to 2011, 1990-1995, the 2014-15 season, on 4/5/2012, 2011-03-15.",
    "The week of March 6, the last week of June 2012, the 15th of the month; April 24 and 25.",
    "the end of the year, the start of the day, at the close of the day, later in the day",
    "MONDAY, JANUARY 5 -- THE PAST WEEK; This Past Year; TWO THOUSAND; nineteen ninety-six.",
    "",
    "no time here at all",
]


@pytest.mark.parametrize("text", TEXTS)
def test_each_pattern_finds_what_a_plain_scan_finds(text: str) -> None:
    grammar = _grammar("times.yml")
    feats = _Feats(text)
    for name, rx, _fn in grammar.patterns:
        plain = [m.span() for m in rx.finditer(text)]
        need = grammar.needs.get(name)
        if need is not None and not need(feats):
            assert plain == [], (name, plain)
            continue
        window = grammar.windows.get(name)
        if window is not None:
            assert [m.span() for m in _windowed(rx, window, feats)] == plain, name


def test_every_pattern_has_a_prefilter() -> None:
    grammar = _grammar("times.yml")
    assert {name for name, _rx, _fn in grammar.patterns} == set(grammar.needs)


def test_windows_cover_every_start_in_a_dense_text() -> None:
    # every text together, and once more with odd spacing: no pattern loses a match
    grammar = _grammar("times.yml")
    text = "\n".join(TEXTS) + "\n" + re.sub(" ", "  \n ", " ".join(TEXTS))
    feats = _Feats(text)
    for name, rx, _fn in grammar.patterns:
        window = grammar.windows.get(name)
        if window is not None:
            assert [m.span() for m in _windowed(rx, window, feats)] == [m.span() for m in rx.finditer(text)], name


def test_candidates_unchanged_on_a_long_text() -> None:
    grammar = _grammar("times.yml")
    text = " ".join(TEXTS)
    found = _candidates(grammar, text)
    assert any(c[2] == "duration" for c in found)
    assert any(c[2] == "ago" for c in found)
