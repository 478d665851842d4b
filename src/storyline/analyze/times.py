"""The storyline_times component: temporal expressions with TIMEX3 values.

Finds temporal expressions with TIMEX3 extent conventions (the preposition is not part of the
extent: "on Friday" → "Friday"), gives each a TimeML type (DATE, TIME, DURATION, SET) and a
value resolved against the document creation time (``doc._.published``), aware of the tense of
the clause it modifies: in past-tense narration "Friday" is the most recent Friday on or before
the anchor; in a future clause ("will", "is due to", "next") it is the coming one.

How it works: regular expressions built from the vocabulary in ``data/times.yml`` find the
candidates on the text (spaCy's DATE entities miss and mis-bound too many); the spaCy parse,
already computed, filters them (proper names such as "Fox News Sunday", "May" as a modal verb,
numbers that are not years) and gives the tense. Nothing is re-parsed, so the component is
cheap beside the parse. A prefilter keeps the scans few without changing what they find: a
pattern runs only on a text holding the words every match of it holds ("week" for "the week of
March 6"), and the costliest ones (lengths, "ago", month and day names, deictic words) are tried
only at the few word starts before such a word.

Resolution, in short: explicit dates keep their year; a day name follows the tense (past →
the latest on or before the anchor, future or a timetable present → the coming one); a month
or date without a year follows the tense, or without one the nearest occurrence (looking up
to four months ahead, further back); a condition ("if he wins in November") looks ahead;
"last week" is the calendar week before the anchor's; quarters follow the reporting calendar;
"a year ago" beside a quarter means that quarter a year before; "the next day" and "five
years later" count from the last date the text wrote out; a day named right after a report
verb ("said on Monday it would ...") is the day of the report. "since X" gets the range
X → anchor, "between/from X and/to Y" the range X → Y (``range_from``/``range_to``).

Reports of results: the quarter the text names, if it has ended ("expects fourth-quarter
profit" in October names none), is the period compared for a few sentences: "a year earlier", "last year" after
"compared with"/"from", "the same period last year" and "the 1988 period" are that quarter a
year before (or in the year named); "a year earlier" beside a month is that month a year
before; "the latest quarter" is the last one ended; "the year ended June 30" is a length
(P1Y); "the full year" is the year of the quarter reported.

Smaller families: "that year" is the year last written out; "April 24 and 25" gives two
dates (TimeML: each day its own TIMEX3); "on the 15th" is a day of the month the story is in;
"the week of March 6" the ISO week that holds it; years may be spelt out ("nineteen
ninety-six", "the year two thousand"); "4 in the morning" is 04:00; "mid-afternoon
yesterday" the day's AF with mod MID; "in the evening" the evening of the day the story is
at; a clock time takes the day named after it ("at 2 p.m. on Tuesday"); UTC/GMT clock times
end in Z (ISO 8601); "current" before a noun is PRESENT_REF, except in compounds that name a
kind of thing ("current account"); a participle of a plan verb looks ahead ("was planned for
March"), but "set" only with "for" ("a record set on Aug. 6" is past). A time that is all "be" says of
its subject is scheduled ("the vote is in September": the coming one); a negated "could" or
"would" is the past of "can" and "will" ("could not be reached for comment Friday" is the last
Friday). "recent" before a noun is PAST_REF, as "current" is PRESENT_REF; "one day" after a
modal is some day ("will one day be"); "the second day of the strike", "a third straight day"
is the day the story is at; "half a year ago" and "two and a half years ago" count in months
(the date they give is a month); "on Friday and Saturday" names two days in a row, the second
after the first whatever the tense makes of it alone; "this fall in prices" and "the fall of the
city" are no season; "31/2 years" (a fraction that lost its space) is no length of two years;
"the year-earlier nine months" is one length; "the following year" counts from the last year written out;
"Tuesday nights" is a SET (XXXX-WXX-2TNI); a newspaper ("the party daily Granma"), a procession
("the March for Life"), a fraction ("a quarter of its staff") and the ordinal "a second A380"
are no times, nor is "Now," opening a sentence (a discourse marker); "For the week, ..." and
"the year's best day" are the week and year the story is at; "by that time" the time last
written out; "single" counts one ("a single-day fall").

The vocabulary (month and day names, units, modifiers, holidays, names that are no times,
tense cues) is ``data/times.yml``; pass your own file as the ``vocabulary`` config value.

Without ``doc._.published`` there is no anchor, and the analysis stays a function of the text
alone (never of today's date): an expression whose value depends on the anchor keeps TimeML's
underspecified form, X in every field the anchor would fix ("Friday" → ``XXXX-XX-XX``, "June 3"
→ ``XXXX-06-03``, "last year" → ``XXXX``, "this morning" → ``XXXX-XX-XXTMO``), with ``anchor``
None; "since X" gets an open range (``range_to`` None). ``reanchor`` resolves them once a date
is known. Explicit dates ("June 3, 2021") and lengths ("three days") need no anchor.

Public interface (for the other components):

- ``doc._.times``: list of :class:`storyline.model.TimeExpression`, sorted by start.
- :func:`reanchor` ``(doc, start, end, anchor_iso)``: re-resolve the expressions inside
  ``doc.text[start:end]`` against another anchor (the day a quoted statement was made);
  updates the objects in ``doc._.times`` in place and sets their ``anchor``.
- :func:`times_in` ``(doc, start, end)``: the time expressions inside a character range.
- :func:`time_of` ``(doc, token)``: the time expression that governs a token (an event
  trigger, a speech verb): one attached to it or to its clause in the dependency tree,
  else None.
- :func:`resolve_text` ``(text, anchor_iso)``: value of a short time phrase without a parse
  (e.g. a date string in metadata); a tuple (type, value, mod) or None.
- ``ANCHOR_KEY``: ``doc.user_data`` key of what ``reanchor`` needs, as plain data (the rule
  and the context of each deictic expression, no code), so a Doc stays serialisable.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.analyze import extensions
from storyline.data import load_yaml
from storyline.model import TimeExpression, TimeType

DEFAULT_VOCABULARY = "times.yml"
ANCHOR_KEY = "storyline_times"

Resolved = tuple[TimeType, str, str | None]
#: A resolver turns an anchor date into (type, value, mod).
Resolver = Callable[[dt.date], Resolved | None]
Direction = str  # "back" | "fwd" | "near"

_NON_TIME_ENTS = frozenset(
    ["PERSON", "ORG", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LAW", "NORP", "GPE", "LOC", "LANGUAGE"]
)
_NUMERIC_ENTS = frozenset(["CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"])


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True, slots=True)
class _Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    day_parts: dict[str, str]
    seasons: dict[str, str]
    units: dict[str, dict[str, Any]]
    numbers: dict[str, float]
    vague: tuple[str, ...]
    ordinals: dict[str, int]
    modifiers: dict[str, str]
    approximators: dict[str, str]
    deictic: dict[str, dict[str, Any]]
    sets: dict[str, str]
    holidays: dict[str, dict[str, int]]
    not_times: tuple[str, ...]
    future_cues: frozenset[str]
    reporting_verbs: frozenset[str]
    plan_verbs: frozenset[str]
    same_past: frozenset[str]
    timetable_verbs: frozenset[str]
    deadline_signals: frozenset[str]
    year_signals: frozenset[str]
    event_ahead: frozenset[str]
    past_event_nouns: frozenset[str]
    plan_nouns: frozenset[str]
    vote_nouns: frozenset[str]
    prospect_nouns: frozenset[str]
    period_context: frozenset[str]
    measure_words: frozenset[str]
    habitual: frozenset[str]
    event_dates: dict[tuple[int, int], tuple[int, frozenset[str]]]


@cache
def _vocab(name: str) -> _Vocab:
    raw = load_yaml(name)
    numbers = dict(raw["numbers"])
    vague = tuple(numbers.pop("vague", ()))
    return _Vocab(
        months={str(k): int(v) for k, v in raw["months"].items()},
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        day_parts={str(k): str(v) for k, v in raw["day_parts"].items()},
        seasons={str(k): str(v) for k, v in raw["seasons"].items()},
        units={str(k): dict(v) for k, v in raw["units"].items()},
        numbers={str(k): float(v) for k, v in numbers.items()},
        vague=vague,
        ordinals={str(k): int(v) for k, v in raw["ordinals"].items()},
        modifiers={str(k): str(v) for k, v in raw["modifiers"].items()},
        approximators={str(k): str(v) for k, v in raw["approximators"].items()},
        deictic={str(k): dict(v) for k, v in raw["deictic"].items()},
        sets={str(k): str(v) for k, v in raw["sets"].items()},
        holidays={str(k): dict(v) for k, v in raw["holidays"].items()},
        not_times=tuple(raw.get("not_times", ())),
        future_cues=frozenset(raw.get("future_cues", ())),
        reporting_verbs=frozenset(raw.get("reporting_verbs", ())),
        plan_verbs=frozenset(raw.get("plan_verbs", ())),
        same_past=frozenset(raw.get("same_past", ())),
        timetable_verbs=frozenset(raw.get("timetable_verbs", ())),
        deadline_signals=frozenset(raw.get("deadline_signals", ())),
        year_signals=frozenset(str(w) for w in raw.get("year_signals", ())),
        event_ahead=frozenset(raw.get("event_ahead", ())),
        vote_nouns=frozenset(raw.get("vote_nouns", ())),
        prospect_nouns=frozenset(raw.get("prospect_nouns", ())),
        past_event_nouns=frozenset(raw.get("past_event_nouns", ())),
        plan_nouns=frozenset(raw.get("plan_nouns", ())),
        period_context=frozenset(raw.get("period_context", ())),
        measure_words=frozenset(raw.get("measure_words", ())),
        habitual=frozenset(raw.get("habitual", ())),
        event_dates={(int(e["month"]), int(e["day"])): (int(e["year"]), frozenset(e["words"]))
                     for e in raw.get("event_dates", ())},
    )


def _alt(words: Iterable[str], *, escape: bool = True) -> str:
    """A regex alternation, longest first so that "Sept" wins over "Sep"."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join((re.escape(w) if escape else w).replace(r"\ ", r"\s+") for w in items)


# --------------------------------------------------------------------------- calendar helpers


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, 1)


def _weekday_date(anchor: dt.date, weekday: int, direction: Direction, strict: bool = False) -> dt.date:
    delta = weekday - anchor.isoweekday()
    if direction == "fwd":
        if delta < 0 or (strict and delta == 0):
            delta += 7
    elif direction == "near":
        if delta > 3:
            delta -= 7
        elif delta < -3:
            delta += 7
    elif delta > 0 or (strict and delta == 0):
        delta -= 7
    return anchor + dt.timedelta(days=delta)


#: Without tense, a month (or day) up to this many months after the anchor is taken as coming;
#: anything further ahead is last year's.
_AHEAD_MONTHS = 4


def _month_year(anchor: dt.date, month: int, direction: Direction, strict: bool = False) -> int:
    if direction == "fwd":
        ahead = month > anchor.month or (month == anchor.month and not strict)
        return anchor.year if ahead else anchor.year + 1
    if direction == "near":
        # News tells more of the past than of the future: look back further than ahead.
        diff = month - anchor.month
        if diff > _AHEAD_MONTHS:
            return anchor.year - 1
        if diff < -(11 - _AHEAD_MONTHS):
            return anchor.year + 1
        return anchor.year
    return anchor.year if month < anchor.month or (month == anchor.month and not strict) else anchor.year - 1


def _day_year(anchor: dt.date, month: int, day: int, direction: Direction) -> int:
    key = (month, day)
    now = (anchor.month, anchor.day)
    if direction == "fwd":
        # A deadline a few days gone ("to send the boy back by Jan. 14", written on the 15th) is
        # this year's: news writes the year of a date nearly a year ahead.
        try:
            gone = (anchor - dt.date(anchor.year, month, day)).days
        except ValueError:
            gone = -1
        return anchor.year if key >= now or gone <= _FWD_GRACE_DAYS else anchor.year + 1
    if direction == "near":
        try:
            this = dt.date(anchor.year, month, day)
        except ValueError:
            return anchor.year
        diff = (this - anchor).days
        if diff > _AHEAD_MONTHS * 31:
            return anchor.year - 1
        if diff < -(365 - _AHEAD_MONTHS * 31):
            return anchor.year + 1
        return anchor.year
    # News style writes the year only when it is not the current one: a date a few weeks past
    # the anchor in a past clause is still this year's (a deadline "had been set to expire
    # Nov. 6"), not one eleven months back.
    try:
        ahead = (dt.date(anchor.year, month, day) - anchor).days
    except ValueError:
        ahead = 0
    return anchor.year if key <= now or ahead <= _PAST_GRACE_DAYS else anchor.year - 1


_PAST_GRACE_DAYS = 45
_FWD_GRACE_DAYS = 14


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_date(rule: dict[str, int], year: int) -> dt.date:
    if "easter" in rule:
        return _easter(year) + dt.timedelta(days=rule["easter"])
    month = rule["month"]
    if "day" in rule:
        return dt.date(year, month, rule["day"])
    weekday, n = rule["weekday"], rule["n"]
    if n > 0:
        # "from": count from that day of the month (US Election Day: the first Tuesday from Nov. 2)
        first = dt.date(year, month, rule.get("from", 1))
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = _shift_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _season_of(d: dt.date) -> str:
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[d.month - 1]


_REL_DIRECTION = {"last": "back", "past": "back", "next": "fwd", "coming": "fwd"}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


# --------------------------------------------------------------------------- context


@dataclass(slots=True)
class _Ctx:
    """What a handler knows about its match: the parse around it and the document so far."""

    doc: Doc | None
    text: str
    start: int
    end: int
    tense: str | None  # "past" | "future" | "present" | None
    reference: dt.date | None  # the last day-precise date mentioned before (for "the next day")
    sentence_date: dt.date | None  # a day-precise date earlier in the same sentence (for "10 a.m.")
    quarter: str | None = None  # the last quarter mentioned (YYYY-Qn): what "the quarter" means
    quarter_near: bool = False  # ... mentioned in the last few sentences
    sentence_month: str | None = None  # a month (YYYY-MM) named earlier in the same sentence
    story_month: str | None = None  # the month (YYYY-MM) of the last date or month mentioned
    reference_value: str | None = None  # the last calendar value mentioned (2011, 2011-03, 2011-03-15)
    narrative_year: str | None = None  # the year of a date written out in this or the last two sentences
    recent_month: str | None = None  # the month (YYYY-MM) of a date or month in this or the previous sentence
    day_left: bool = False  # a month or year written out since the last day-precise date, not holding it

    @property
    def signal(self) -> str:
        """The word before the expression ("until", "since", "on"), lowercased."""
        m = _LAST_WORD.search(self.text, max(0, self.start - 16), self.start)
        return m.group(1).lower() if m else ""

    def direction(self, default: Direction = "back") -> Direction:
        if self.tense == "future":
            return "fwd"
        if self.tense == "past":
            return "back"
        return default


_Handler = Callable[["re.Match[str]", _Ctx], "tuple[Resolver, bool] | None"]


# --------------------------------------------------------------------------- prefilter


_RUN = re.compile(r"\w+")
#: Letters that IGNORECASE matches to an ASCII letter but ``str.lower`` leaves apart ("ſ" ~ "s"),
#: and "İ", whose lowercase is two characters.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


class _Feats:
    """What the prefilter asks of a text, computed once: the lowercased text, its words (maximal
    runs of word characters) as written and lowercased, and the probes already run."""

    __slots__ = ("_starts", "cwords", "lower", "probes", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text if text.isascii() else text.translate(_FOLD)
        self.lower = folded.lower()
        self.cwords = set(_RUN.findall(text))
        self.words = {w.lower() for w in _RUN.findall(folded)} if folded is not text else {
            w.lower() for w in self.cwords}
        self.probes: dict[re.Pattern[str], bool] = {}
        self._starts: list[int] | None = None

    def word_starts(self) -> list[int]:
        """Where the words begin that a match opening on a word edge (``(?<![\\w'-])``) can begin with."""
        if self._starts is None:
            self._starts = [m.start() for m in _WORD_START.finditer(self.text)]
        return self._starts


_WORD_START = re.compile(r"(?<![\w'-])\w")
_Need = Callable[[_Feats], bool]


@dataclass(frozen=True, slots=True)
class _Window:
    """Where a pattern's matches can start: every match begins on a word edge (``(?<![\\w'-])``
    before a word character), at most ``back`` word starts before something ``anchor`` finds in
    it (in the lowercased text, or as written if ``cased``); with a digit or one of the words
    ``first`` (lowercased) if given."""

    anchor: re.Pattern[str]
    back: int
    first: frozenset[str] | None = None
    cased: bool = False


def _windowed(rx: re.Pattern[str], window: _Window, f: _Feats) -> Iterable[re.Match[str]]:
    """``rx.finditer(f.text)``, trying a match only where the window allows one to start."""
    text, lower = f.text, f.lower
    if len(lower) != len(text):
        yield from rx.finditer(text)
        return
    starts = f.word_starts()
    pos = 0
    tried = 0  # candidates before this index are done
    first = window.first
    for a in window.anchor.finditer(text if window.cased else lower):
        hi = bisect.bisect_right(starts, a.start())
        for i in range(max(tried, hi - window.back - 1), hi):
            s = starts[i]
            if s < pos:
                continue
            if first is not None and not lower[s].isdecimal():
                w = _RUN.match(lower, s)
                if w is None or w.group() not in first:
                    continue
            m = rx.match(text, s)
            if m is not None:
                yield m
                pos = m.end()
        tried = max(tried, hi)


def _first_words(keys: Iterable[str]) -> frozenset[str]:
    """The first word of each entry, lowercased."""
    return frozenset(runs[0] for k in keys if (runs := _RUN.findall(k.lower())))


def _has(*subs: str) -> _Need:
    """One of these strings (lowercase) occurs in the lowercased text."""
    return lambda f: any(s in f.lower for s in subs)


def _word(words: frozenset[str]) -> _Need:
    """One of these lowercase words is a word of the text."""
    return lambda f: not words.isdisjoint(f.words)


def _cword(words: frozenset[str]) -> _Need:
    """One of these words is a word of the text, capitals as given."""
    return lambda f: not words.isdisjoint(f.cwords)


def _probe(pattern: str) -> _Need:
    """A (cheap) regular expression finds something in the text."""
    rx = re.compile(pattern, re.I)

    def test(f: _Feats) -> bool:
        hit = f.probes.get(rx)
        if hit is None:
            hit = f.probes[rx] = rx.search(f.text) is not None
        return hit

    return test


def _all(*needs: _Need) -> _Need:
    return lambda f: all(n(f) for n in needs)


def _any(*needs: _Need) -> _Need:
    return lambda f: any(n(f) for n in needs)


def _key_words(keys: Iterable[str], *, case: bool = False) -> frozenset[str]:
    """One word of each vocabulary entry that any match of it holds as a whole word (the
    longest: the rarest); lowercased unless ``case``."""
    out: set[str] = set()
    for key in keys:
        runs = _RUN.findall(key if case else key.lower())
        if runs:
            out.add(max(runs, key=len))
    return frozenset(out)


# --------------------------------------------------------------------------- grammar


class _Grammar:
    """The compiled patterns and their handlers for one vocabulary."""

    def __init__(self, v: _Vocab) -> None:
        self.v = v
        # An abbreviation is a month name that another one extends ("Jan" → "January"); only
        # abbreviations take a period, so a sentence-final period stays out of "in April."
        abbr_months = [k for k in v.months if any(o != k and o.startswith(k) for o in v.months)]
        full_months = _alt(k for k in v.months if k not in abbr_months)
        month_names = rf"{full_months}|(?:{_alt(abbr_months)})\.?"
        full_days = _alt(k for k in v.weekdays if len(k) > 5)
        abbr_days = _alt(k for k in v.weekdays if len(k) <= 5)
        parts = _alt(v.day_parts)
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        ones = "one|two|three|four|five|six|seven|eight|nine"
        seasons = _alt(v.seasons)
        units = _alt(v.units)
        numbers = _alt(list(v.numbers) + list(v.vague))
        self.quant = (
            # At most three digits: "the 1988 quarter" is a year, not 1988 quarters.
            rf"(?:\d{{1,3}}(?:\.\d+)?(?!\d)(?:\s+1/2|½)?|(?:{tens})[-\s](?:{ones})|{numbers})"
        )
        # "over"/"under" before a length are mostly prepositions ("over the past 20 years"): left
        # out of the extent; the other approximators belong to it, with a TIMEX3 mod.
        approx = _alt(a for a in v.approximators if a not in ("over", "under"))
        mods = _alt(v.modifiers)
        teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        # Broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand".
        written_year = (rf"(?-i:nineteen)[\s-](?:{tens})(?:[-\s](?:{ones})(?![\w-]))?"
                        rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{teens}|{ones}))?(?![\w-])")
        year = rf"(?P<year>(?:1[5-9]|20)\d\d(?![\d,.]\d)|{written_year})"
        month = rf"(?-i:(?P<month>{month_names}))"
        fmonth = rf"(?-i:(?P<month>{full_months}|(?:{_alt(abbr_months)})\.))"
        wday = rf"(?-i:(?P<wd>{full_days}|(?:{abbr_days})\.))"
        day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
        mod = rf"(?:(?P<mod>{mods})(?:\s+|-))?"
        ords = _alt(v.ordinals)
        holidays = _alt(v.holidays)
        B, E = r"(?<![\w'-])", r"(?![\w-])"  # word edges that also keep hyphen compounds whole
        deictic_words = _alt(v.deictic)
        decade_words = "|".join(_DECADE_WORDS)
        set_words = _alt(v.sets)
        # (earnings reports: "the year-earlier nine months" is one length, the period compared)
        pre = ("past|last|next|first|previous|coming|following|final|latest|remaining|full|entire|whole"
               "|initial|same|other|year-earlier|year-ago")
        units_of_day = "day|morning|afternoon|evening|night"
        # "the ban will last 10 years": "last" after a modal or "to" is the verb, left out of the extent
        verb_last = "".join(rf"(?<!\b{w}\s)" for w in ("will", "would", "could", "can", "may", "might", "should",
                                                         "must", "to", "'ll", "did", "does", "do"))
        day_word = r"(?P<dw>today|tomorrow|yesterday)"
        tz = r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC|ET|PT|CT|MT)|local\s+time)(?![\w]))?"
        # A clock time takes the day written after it: "noon Thursday", "5 p.m. EST Nov. 9".
        clock_day = rf"(?:,?\s+(?:{wday}|{day_word}|{month}\s+{day}(?![\w-])))?"
        p: list[tuple[str, str, _Handler]] = [
            ("iso", r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
                    r"(?:[T ](?P<hh>\d\d):(?P<mi>\d\d))?(?![\w-])", self._iso),
            ("numeric", r"(?<![\w/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)"
                        r"(?![\w/])", self._numeric),
            # (a day name and its date share a line: a headline ending "Friday" is not dated by
            # the dateline below it)
            ("month_day", rf"{B}{mod}(?:(?P<rel>last|next|this|past|coming)\s+)?(?:{wday},?[ \t]+)?"
                          rf"{month}\s+{day}(?:,?\s+{year}|\s+(?P<ry>this|last|next)\s+year(?!'))?"
                          # (or a range of days: "March 17-18" is two dates, the second the bare day)
                          r"(?![\w]|-(?!(?:3[01]|[12]\d|0?[1-9])(?![\w-])))",
             self._month_day),
            # TimeML marks "April 24 and 25" as two dates: the bare day takes the month before it.
            ("day_after", rf"(?<=\d)(?:st|nd|rd|th)?\s*(?:,|and|or|to|through|-|–)\s*(?P<x>{day})"
                          r"(?![\w-]|[,.]\d|\s*(?:%|percent|per\b|[ap]\.?m\b))"
                          # (a word after the day makes it a count, "May 5 and 6 people", but not
                          # after a tight range: "polled Jan. 21-26 among voters")
                          r"(?:(?<=[-\u2013]\d)|(?<=[-\u2013]\d\d)|(?!\s+(?!(?:in|at|for|when|and|to|on|of|with)\b)[a-z]+\b))",
             self._day_after),
            # "the week of March 6" is the week that holds the date.
            ("week_of", rf"{B}the\s+week\s+of\s+{month}\s+{day}(?:,?\s+{year})?{E}", self._week_of),
            # "the last week of March", "the first week of June 2012": the ISO week that holds most
            # of those seven days
            ("nth_week", rf"{B}the\s+(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+{fmonth}"
                         rf"(?:,?\s+{year})?{E}", self._nth_week),
            # "on the 15th": a day of the month the story is in.
            ("ordinal_day", rf"{B}the\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th){E}"
                            r"(?!\s+(?:of\b|(?!(?:in|at|when|and|to|on|with|for|as)\b)[a-z]))",
             self._ordinal_day),
            ("day_month", rf"{B}(?:{wday},?\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?{E}",
             self._month_day),
            ("month_year", rf"{B}{mod}{month}(?:\s+of)?,?\s+{year}{E}", self._month_year),
            # "in June last year" is one expression: the month of the year named after it.
            # "In 1972, ... that November": the month of the year the story is at
            ("that_month", rf"{B}(?P<x>that\s+{fmonth})(?![\w-])", self._that_month),
            ("month", rf"{B}{mod}(?:(?P<rel>this|last|next|past|coming)\s+)?{fmonth}"
                      r"(?:\s+(?P<ry>this|last|next)\s+year(?!'))?(?![\w-])", self._month),
            # A hyphen after a year only as a range of years ("2009-2010"): "2014-15" is a season,
            # "1984-1" a number.
            ("year", rf"{B}{mod}(?:(?P<fiscal>fiscal|calendar)(?:\s+year)?\s+)?(?:the\s+year\s+)?{year}"
                     r"(?![\w]|\s*%|[-–](?!(?:1[5-9]|20)\d\d(?!\d))|[-–]\w+-)", self._year),
            ("year_range_end", r"(?<=(?<!\d)(?:1[5-9]|20)\d\d[-–])" + year + r"(?![\w-]|\s*%)", self._year),
            ("decade", rf"{B}(?:the\s+)?{mod}"
                       rf"(?P<dec>(?:1[5-9]|20)\d0s|'\d0s|\d0s|(?-i:{decade_words}))(?![\w-])", self._decade),
            ("century", rf"{B}(?:the\s+)?{mod}(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ords})[\s-]century{E}",
             self._century),
            # ("following Wednesday's leak": the preposition, before the day of the leak)
            ("weekday", rf"{B}{mod}(?:(?:the\s+)?(?P<rel>last|next|this|past|coming|previous|preceding"
                        r"|following(?!\s+\w+['’]s\b))\s+)?"
                        rf"{wday}"
                        rf"(?:\s+(?P<part>{parts}))?(?![\w-])", self._weekday),
            # "Mondays", "Tuesday nights": every such day (or that part of it), a SET
            ("weekday_set", rf"{B}(?-i:(?P<wd>{full_days}))(?:s|\s+(?P<part>{parts})s){E}", self._weekday_set),
            # "earlier today" is one expression, as "earlier this year" is
            ("deictic_day", rf"{B}{mod}(?:(?:earlier|later)\s+)?(?P<word>today|tonight|tomorrow|yesterday)"
                            rf"(?:(?:'s)?\s+(?P<part>{parts}))?(?![\w-])", self._deictic_day),
            ("day_beyond", rf"{B}the\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow){E}", self._day_beyond),
            ("part_rel", rf"{B}(?:(?P<mod>early|late)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+"
                         rf"(?P<part>{parts}){E}", self._part_rel),
            ("deictic", rf"{B}(?P<word>{deictic_words}){E}", self._deictic),
            # "earlier this year" is one expression (TimeBank marks it whole two times in three).
            ("rel_period", rf"{B}(?:(?P<early>early|late|earlier|later)\s+)?(?P<the>the\s+)?(?:this\s+(?=past\s))?"
                           r"(?P<rel>this|last|next|past|coming|previous|following|current|same|present)\s+"
                           rf"(?:(?P<season>{seasons})|(?P<unit>week|weekend|month|year|quarter|decade"
                           r"|century|fiscal\s+year|half))" + E, self._rel_period),
            ("end_of", rf"{B}the\s+(?P<which>end|beginning|start|middle)\s+of\s+"
                       r"(?P<rel>the|this|last|next)\s+(?P<unit>week|month|year|decade|century|quarter)" + E,
             self._end_of),
            ("ago", rf"{B}(?P<x>(?:(?P<approx>{approx})\s+)?(?P<q>{self.quant})(?P<half0>\s+and\s+a\s+half)?"
                    rf"(?:\s+|-)(?P<unit>{units})s?"
                    r"(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back|previously"
                    r"|before(?=[.,;])|after(?=[.,;])))" + E, self._ago),
            ("vague_ago", rf"{B}(?P<unit>{units})s\s+(?P<dir>ago|earlier|later|back)" + E, self._vague_ago),
            ("anaphoric", rf"{B}(?P<a>the\s+(?:next|following|previous|preceding|same|prior)\s+"
                          rf"(?P<unit>{units_of_day}|week|month|year)"
                          # "the day before" stands alone; "the day before authorities acted" is a clause.
                          r"|the\s+(?P<unit2>day|night)\s+(?P<ba>before|after)(?=\s*[.,;:)]|\s*$)"
                          # "earlier that day" is one expression, as "earlier this year" is
                          rf"|(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?P<unit3>{units_of_day}|week|month|year))"
                          + E,
             self._anaphoric),
            ("duration", rf"{B}(?P<x>(?:(?P<approx>{approx})\s+)?"
                         rf"(?P<the>the\s+(?=(?:(?:{pre})\s+)?{self.quant}\s))?(?:{verb_last}(?P<pre>{pre})\s+)?"
                         rf"(?P<q>{self.quant})(?P<half0>\s+and\s+a\s+half)?"
                         # "eight trading days", "five business days": days counted on a calendar of work
                         r"(?:\s+(?:more|additional|straight|consecutive|further|trading|business|working)\s+|\s+|-)"
                         rf"(?P<unit>{units})s?(?P<half>\s+and\s+a\s+half|-and-a-half)?)"
                         r"(?![\w-])(?!\s*-?\s*old\b)", self._duration),
            # "a decade-long war", "decades-long": the length of something
            ("long_adj", rf"{B}(?:(?P<q>{self.quant})-)?(?P<unit>{units})(?P<pl>s)?-long{E}", self._long_adj),
            ("bare_units", r"\b(?:for|over|in|within|after|takes|take|took|lasted|spent|last|lasts)\s+"
                           r"(?P<x>(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries))" + E,
             self._bare_units),
            # "over the years", "in the weeks before the vote", "in the days ahead": a stretch of
            # unstated length (the preposition stays out of the extent)
            ("the_units", r"\b(?:over|in|during|through|throughout)\s+(?P<x>the\s+"
                          r"(?P<unit>years|months|weeks|days|decades)(?:\s+(?:ahead|to\s+come))?)" + E,
             self._bare_units),
            # "the second day of the strike", "for a third straight day": a day counted in a
            # run of days, the day the story is at
            ("nth_day", rf"{B}(?:(?:its|his|her|their)\s+)?(?P<x>(?:(?:the|a)\s+)?(?P<ord>{ords})\s+"
                        r"(?:(?:consecutive|straight|successive)\s+)?day)(?![\w-])", self._nth_day),
            # "this year's third quarter", "the year-ago third quarter", "the 1988 second quarter"
            ("quarter", rf"{B}(?:(?P<qy>(?:this|last|next)\s+year's|(?:the\s+)?(?:year-ago|year-earlier"
                        r"|(?:1[5-9]|20)\d\d))\s+)?"
                        r"(?P<the>the\s+(?=(?:fiscal\s+)?\w+\s))?(?:(?P<fy>fiscal)\s+)?"
                        # "the last half of 1989", "the final quarter of 2009": the latter one of
                        # that year (alone, "the last quarter" is the one before: rel_period)
                        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final|latter)"
                        r"[\s-](?:fiscal\s+)?(?P<q>quarter|half)(?:\s+of\s+(?:fiscal\s+)?" + year
                        + r"|,?\s+" + year.replace("year>", "year2>")
                        + r"|(?:\s+of)?\s+(?P<ry>this|last|next)\s+year)?" + E, self._quarter),
            ("q_abbr", rf"{B}(?-i:(?P<q>Q[1-4]|H[12]))(?:\s+{year})?{E}", self._q_abbr),
            ("season", rf"{B}{mod}(?:(?P<rel>this|last|next|past|coming|the)\s+)?(?P<season>{seasons})"
                       rf"(?:\s+(?:of\s+)?{year})?{E}", self._season),
            ("time", r"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*"
                     r"(?P<ampm>[ap]\.m\.|[ap]\.m|[ap]m|(?-i:[AP]M))(?![\w])" + tz + clock_day, self._time),
            ("time24", r"(?<![\w:.$])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\w:])" + tz + clock_day,
             self._time),
            # wire style: "at 0800 GMT"
            ("time_wire", r"(?<![\w:.$,])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>GMT|UTC)(?![\w])" + clock_day,
             self._time),
            # "since '82", "in '08": a year cut to two digits after a preposition
            ("year_short", r"\b(?:in|since|of|from|to|until|till|by|before|after|and)\s+(?P<x>['’](?P<yy>\d\d))"
                           r"(?![\w'’%-])", self._year_short),
            ("named_time", rf"{B}(?P<word>noon|midnight|midday)(?![\w-])" + clock_day, self._named_time),
            # "4 in the morning", "11 at night": the part of day says a.m. or p.m.
            ("clock_part", r"(?<![\w:.$])(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?(?:\s+o'clock)?\s+"
                           r"(?P<dp>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)" + E, self._clock_part),
            # "mid-afternoon yesterday", "midmorning Friday"
            ("mid_part", rf"{B}mid-?\s?(?P<part>morning|afternoon)"
                         rf"(?:,?\s+(?:{wday}|{day_word}))?{E}", self._mid_part),
            # "in the morning": that part of the day the story is at
            ("the_part", rf"{B}the\s+(?P<part>morning|afternoon|evening){E}(?!\s+of\b)", self._the_part),
            # market reports: "the index ended the day 2% lower", "for the day, the Nikkei lost 3%";
            # "later in the day": the day the story is at
            ("the_session", r"\b(?:(?:end|close|finish|start|begin)(?:s|ed|ing)?|began|for"
                            r"|(?:late|later|early|earlier)\s+in)\s+(?P<x>the\s+day)"
                            r"(?!\s+(?:before|after|of|when|that|he|she|it|they)\b)(?![\w'-])", self._the_session),
            # "a fall at the start of the day", "by the close of the day": the day the story is at
            # ("at the end of the day" is the idiom "in the end")
            ("day_edge", r"(?<![\w'-])(?P<x>the\s+(?P<which>start|beginning|end|close)\s+of\s+the\s+day)"
                         r"(?![\w'-])", self._day_edge),
            # "For the week, the index fell 3%"; "the year's best session": the week (month, year)
            # the story is at, as a sentence adverbial or a possessive ("the year's end" is year_adj)
            ("the_unit_now", r"(?:\b(?P<for>for)\s+)?(?<![\w'-])(?P<x>the\s+(?P<unit>week|month|year))"
                             r"(?:(?P<pos>'s(?!\s+(?:end|start|beginning|close|middle|remainder|rest"
                             r"|(?:first|second|third|fourth|final|last)\s+(?:half|quarter|week|month|day))\b))"
                             r"|(?=\s*[,;]))", self._the_unit_now),
            # "by that time", "during that time": the time the story is at
            ("that_time", r"\b(?:at|by|during|since|until|till|from|before|after|in)\s+(?P<x>that\s+time)"
                          r"(?![\w-])(?!\s+(?:when|of|in\s+which)\b)", self._that_time),
            ("set", rf"{B}(?P<every>every|each|per)\s+(?P<other>other\s+)?(?:(?P<q>{self.quant})\s+)?"
                    rf"(?:(?P<we>weekend)|(?P<unit>{units})s?|{wday}|(?P<part>{parts})|{fmonth}"
                    rf"|(?P<season>{seasons}))(?![\w-])", self._set),
            ("set_times", rf"{B}(?P<freq>once|twice|thrice|(?:\w+)\s+times)\s+a\s+(?P<unit>{units}){E}",
             self._set),
            ("set_word", rf"{B}(?P<word>{set_words}){E}", self._set_word),
            ("holiday", rf"{B}(?-i:(?P<hol>{holidays}))(?:,?\s+{year})?{E}", self._holiday),
            # "by year-end", "by year's end", "at year end 1990": the end of that year
            ("year_adj", rf"{B}(?P<word>year-earlier|year-ago|year-end|year\s+end|year's\s+end|year-to-date)"
                         rf"(?:\s+{year})?{E}", self._year_adj),
            ("the_quarter", rf"{B}the\s+(?P<which>(?:latest|most\s+recent|current|previous|prior|preceding"
                            r"|same|year-earlier|year-ago|(?:1[5-9]|20)\d\d)\s+)?(?:fiscal\s+)?(?:quarter|period)"
                            + E,
             self._the_quarter),
            ("weekend", rf"{B}the\s+weekend{E}", self._weekend),
            # "the same period last year": the period the report is about, a year before.
            ("same_period", rf"{B}the\s+(?:(?:same|corresponding|comparable)\s+)?(?P<unit>period|quarter|month)\s+"
                            r"(?:of\s+)?(?:(?:the\s+)?last\s+year|a\s+year\s+(?:ago|earlier|before))" + E,
             self._same_period),
            # "for the year ended Sept. 30": a reporting year, a length; "for the full year": this one.
            ("year_ended", rf"{B}the\s+(?P<kind>fiscal\s+|full\s+)?year(?=\s+(?:ended|ending)\b)", self._year_ended),
            ("full_year", rf"{B}the\s+(?:(?:full|whole|entire|latest)\s+(?:fiscal\s+)?|fiscal\s+)year{E}"
                          r"(?!\s+(?:ended|ending|of|before|after)\b)",
             self._full_year),
        ]
        self.patterns = [(name, re.compile(rx, re.I), fn) for name, rx, fn in p]
        #: What a text must hold for a pattern to match in it (see :class:`_Feats`); a text without
        #: it skips the pattern, which leaves the matches as they are and saves most of the scans.
        self.needs = self._needs(v, abbr_months)
        self.windows = self._windows(v, tens, pre)
        self.month_before = re.compile(rf"{month}\s+\d{{1,2}}(?:st|nd|rd|th)?"
                                       r"(?:\s*(?:,|and|or)\s*\d{1,2}(?:st|nd|rd|th)?)*$")
        self.on_day = re.compile(rf"\s+on\s+{wday}")
        # "at 6:30 a.m. on March 19, 2002": a full date after a clock time dates it
        self.on_full_date = re.compile(rf",?\s+on\s+{month}\s+{day},?\s+{year}", re.I)
        # "on Friday and Saturday": a day name joined to the one before it
        self.day_pair = re.compile(rf"(?-i:(?P<wd>{full_days}))(?:\s+(?:{parts}))?,?\s+"
                                   r"(?:and|or|to|through|until|till|-|–)\s+(?:on\s+)?$", re.I)
        self.rules = {name: (rx, fn) for name, rx, fn in self.patterns}
        self.not_times = re.compile(rf"\b(?:{_alt(v.not_times)})\b") if v.not_times else None

    def _needs(self, v: _Vocab, abbr_months: list[str]) -> dict[str, _Need]:
        """For each pattern, tests a text passes whenever the pattern matches in it: words that
        stand as whole tokens in every match (lowercased, or with their capitals where the pattern
        keeps case), or strings inside it. Kept in step with the patterns by a test that runs each
        one with and without its test."""
        months = _key_words(v.months, case=True)
        fmonths = _key_words([k for k in v.months if k not in abbr_months], case=True) | _key_words(
            abbr_months, case=True)
        days = _key_words(v.weekdays, case=True)
        full_days = [k for k in v.weekdays if len(k) > 5]
        units = tuple(k.lower() for k in v.units)
        digits = tuple("0123456789")
        year = _any(_has("nineteen", "thousand"), _probe(r"(?:1[5-9]|20)\d\d"))

        def w(*words: str) -> _Need:
            return _word(frozenset(words))

        needs: dict[str, _Need] = {
            "iso": _all(_has("-"), _probe(r"\d{4}-\d\d-\d\d")),
            "numeric": _has("/"),
            "month_day": _all(_cword(months), _has(*digits)),
            "day_after": _has(*digits),
            "week_of": _all(w("week"), _cword(months), _has(*digits)),
            "nth_week": _all(w("week"), _cword(fmonths)),
            "ordinal_day": _all(w("the"), _probe(r"\d(?:st|nd|rd|th)")),
            "day_month": _all(_cword(months), _has(*digits)),
            "month_year": _all(_cword(months), year),
            "month": _cword(fmonths),
            "that_month": _all(_word(frozenset(["that"])), _cword(fmonths)),
            "year": year,
            "year_range_end": _probe(r"(?:1[5-9]|20)\d\d[-–]"),
            "decade": _any(_has("0s"), _word(frozenset(_DECADE_WORDS))),
            "century": _has("centur"),
            "weekday": _cword(days),
            "weekday_set": _cword(frozenset(full_days) | {d + "s" for d in full_days}),
            "deictic_day": w("today", "tonight", "tomorrow", "yesterday"),
            "day_beyond": w("yesterday", "tomorrow"),
            "part_rel": _all(w("this", "last", "tomorrow", "yesterday"), _word(_key_words(v.day_parts))),
            "deictic": _word(_key_words(v.deictic)),
            "rel_period": _all(
                w("this", "last", "next", "past", "coming", "previous", "following", "current", "same", "present"),
                _any(_word(_key_words(v.seasons)),
                     w("week", "weekend", "month", "year", "quarter", "decade", "century", "half"))),
            "end_of": _all(w("of"), w("end", "beginning", "start", "middle")),
            "ago": _all(_has(*units),
                        w("ago", "earlier", "later", "now", "hence", "back", "previously", "before", "after")),
            "vague_ago": _all(_word(frozenset(u + "s" for u in units)), w("ago", "earlier", "later", "back")),
            "anaphoric": w("next", "following", "previous", "preceding", "same", "prior", "before", "after",
                           "that"),
            "duration": _has(*units),
            "long_adj": _has("-long"),
            "bare_units": w("years", "months", "weeks", "days", "decades", "hours", "minutes", "centuries"),
            "the_units": _all(w("the"), w("years", "months", "weeks", "days", "decades")),
            "nth_day": _all(w("day"), _word(_key_words(v.ordinals))),
            "quarter": w("quarter", "half"),
            "q_abbr": _cword(frozenset(["Q1", "Q2", "Q3", "Q4", "H1", "H2"])),
            "season": _word(_key_words(v.seasons)),
            "time": _probe(r"\d\s*[ap]\.?m"),
            "time24": _has(":"),
            "time_wire": w("gmt", "utc"),
            "year_short": _probe(r"['\u2019]\d\d"),
            "named_time": w("noon", "midnight", "midday"),
            "clock_part": _all(w("morning", "afternoon", "evening", "night"), _has(*digits)),
            "mid_part": _has("mid"),
            "the_part": _all(w("the"), w("morning", "afternoon", "evening")),
            "the_session": _all(w("the"), w("day")),
            "day_edge": _all(w("day"), w("start", "beginning", "end", "close")),
            "the_unit_now": _all(w("the"), w("week", "month", "year")),
            "that_time": _all(w("that"), w("time")),
            "set": w("every", "each", "per"),
            "set_times": w("once", "twice", "thrice", "times"),
            "set_word": _word(_key_words(v.sets)),
            "holiday": _cword(_key_words(v.holidays, case=True)),
            "year_adj": w("year"),
            "the_quarter": _all(w("the"), w("quarter", "period")),
            "weekend": w("weekend"),
            "same_period": _all(w("period", "quarter", "month"), w("year")),
            "year_ended": _all(w("year"), w("ended", "ending")),
            "full_year": _all(w("year"), w("full", "whole", "entire", "latest", "fiscal")),
        }
        return needs

    def _windows(self, v: _Vocab, tens: str, pre: str) -> dict[str, _Window]:
        """The costliest patterns are tried only near a word every match holds (a unit for a
        length, a month name for a date), at the word starts a match can begin with: the count is
        that of the most words the pattern allows before that word (a modifier such as "the
        beginning of" is three). Kept in step with the patterns by the same test as the needs."""
        unit_words = re.compile(_alt(k.lower() for k in v.units))
        months = re.compile(_alt(v.months))
        quant_first = _first_words([*v.numbers, *v.vague, *tens.split("|")])
        approx_first = _first_words(a for a in v.approximators if a not in ("over", "under"))
        mod = max(len(_RUN.findall(m)) for m in v.modifiers)
        # the word of a deictic entry looked for, and how many words come before it in the entry
        deictic = {k: max(_RUN.findall(k.lower()), key=len) for k in v.deictic}
        deictic_back = max(_RUN.findall(k.lower()).index(w) for k, w in deictic.items())
        return {
            # approximator ("no more than") "the" pre number ("1.5 1/2") "and a half" "more" | unit
            "duration": _Window(unit_words, 3 + 1 + 1 + 4 + 3 + 1,
                                approx_first | quant_first | {"the"} | _first_words(pre.split("|"))),
            # approximator number "and a half" | unit
            "ago": _Window(unit_words, 3 + 4 + 3, approx_first | quant_first),
            # | unit
            "vague_ago": _Window(unit_words, 0),
            # modifier "the" relative | weekday
            "weekday": _Window(re.compile(_alt(v.weekdays)), mod + 2, cased=True),
            # modifier relative weekday | month
            "month_day": _Window(months, mod + 2, cased=True),
            # weekday day "of" | month
            "day_month": _Window(months, 3, cased=True),
            # modifier | month
            "month_year": _Window(months, mod, cased=True),
            # modifier relative | month
            "month": _Window(months, mod + 1, cased=True),
            # modifier "fiscal year" "the year" | year
            "year": _Window(re.compile(r"(?:1[5-9]|20)\d\d|nineteen|two\s+thousand"), mod + 4),
            # "early" "the" "this" | relative word
            "rel_period": _Window(re.compile("this|last|next|past|coming|previous|following|current|same|present"), 3),
            # modifier "earlier" | day word
            "deictic_day": _Window(re.compile("today|tonight|tomorrow|yesterday"), mod + 1),
            "deictic": _Window(re.compile(_alt(deictic.values())), deictic_back),
        }

    # -- handlers: each returns (resolver, deictic) or None ------------------------------

    def _iso(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        try:
            d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        if m["hh"]:
            value = f"{d.isoformat()}T{m['hh']}:{m['mi']}"
            return (lambda a: ("TIME", value, None)), False
        return (lambda a: ("DATE", d.isoformat(), None)), False

    def _numeric(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        y = int(m["y"])
        if y < 100:
            y += 1900 if y > 30 else 2000
        try:
            d = dt.date(y, int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return (lambda a: ("DATE", d.isoformat(), None)), False

    def _month_day(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        month = self.v.months[_cap(m["month"])]
        day = int(m["day"])
        modv = self.v.modifiers.get(_norm(m["mod"])) if m.groupdict().get("mod") else None
        if m["year"]:
            year = int(self._year_of(m["year"]))
            try:
                value = dt.date(year, month, day).isoformat()
            except ValueError:
                return None
            return (lambda a: ("DATE", value, modv)), False
        rel = (m.groupdict().get("rel") or "").lower()
        event = self.v.event_dates.get((month, day))
        if event is not None and not rel and (nxt := _NEXT_WORD.match(c.text, c.end)) and (
                nxt[1].lower() in event[1]):
            # "the Sept. 11 attacks": the date names the event, whose year goes without saying
            event_value = f"{event[0]:04d}-{month:02d}-{day:02d}"
            return (lambda a: ("DATE", event_value, modv)), False
        direction = _REL_DIRECTION.get(rel) or _date_direction(c, self.v)
        wd_name = m.groupdict().get("wd")
        wd = self.v.weekdays.get(_cap(wd_name.rstrip("."))) if wd_name else None

        ry = {"this": 0, "last": -1, "next": 1}.get((m.groupdict().get("ry") or "").lower())

        def resolve(a: dt.date) -> Resolved | None:
            year = a.year + ry if ry is not None else _day_year(a, month, day, direction)
            if wd is not None:
                # A weekday names the year: pick the nearest year where the date falls on it.
                for y in (year, year - 1, year + 1):
                    try:
                        if dt.date(y, month, day).isoweekday() == wd:
                            year = y
                            break
                    except ValueError:
                        return None
            try:
                return "DATE", dt.date(year, month, day).isoformat(), modv
            except ValueError:
                return None

        return resolve, True

    def _day_after(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        ref = c.reference
        head = c.text[max(0, m.start() - 32):m.start()]
        if ref is None or not self.month_before.search(head):
            return None
        day = int(m["day"])
        if day <= ref.day:
            return None  # "May 5 and 3" is no list of days
        try:
            value = ref.replace(day=day).isoformat()
        except ValueError:
            return None
        return (lambda a: ("DATE", value, None)), False

    def _week_of(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        out = self._month_day(m, c)
        if out is None:
            return None
        day_of, deictic = out

        def resolve(a: dt.date) -> Resolved | None:
            res = day_of(a)
            d = _day_value(res[1]) if res is not None else None
            return ("DATE", _iso_week(d), None) if d is not None else None

        return resolve, deictic

    def _nth_week(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        month = self.v.months[_cap(m["month"].rstrip("."))]
        nth = m["nth"].lower()
        given = int(self._year_of(m["year"])) if m["year"] else None
        direction = _date_direction(c, self.v)

        def resolve(a: dt.date) -> Resolved:
            year = given if given is not None else _month_year(a, month, direction)
            if nth in ("last", "final"):
                middle = _shift_months(dt.date(year, month, 1), 1) - dt.timedelta(days=4)
            else:
                middle = dt.date(year, month, 4 + 7 * ("first", "second", "third", "fourth").index(nth))
            return "DATE", _iso_week(middle), None

        return resolve, given is None

    def _ordinal_day(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if c.signal not in ("on", "by", "until", "till", "since", "from", "before", "after") or c.reference is None:
            return None
        try:
            value = c.reference.replace(day=int(m["day"])).isoformat()
        except ValueError:
            return None
        return (lambda a: ("DATE", value, None)), False

    def _month_year(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        month = self.v.months[_cap(m["month"])]
        modv = self.v.modifiers.get(_norm(m["mod"])) if m["mod"] else None
        value = f"{int(self._year_of(m['year'])):04d}-{month:02d}"
        return (lambda a: ("DATE", value, modv)), False

    def _that_month(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        rv = c.reference_value
        span = _tokens(c)
        if not rv or not rv[:4].isdigit() or span is None or len(span) < 2:
            return None  # no year to go back to
        that, month_tok = span[0], span[-1]
        before = c.doc[that.i - 1] if c.doc is not None and that.i > 0 else None
        if month_tok.dep_ in ("nsubj", "nsubjpass", "compound") or (
                before is not None and (before.pos_ in ("VERB", "AUX") or before.lower_ in ("so", "now", "such"))):
            return None  # "said that March sales rose", "that May was cold": a conjunction
        value = f"{rv[:4]}-{self.v.months[_cap(m['month'])]:02d}"
        return (lambda a: ("DATE", value, None)), False

    def _month(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        name = m["month"]
        if name == "May" and not (m["mod"] or m["rel"]) and _looks_like_modal(c):
            return None
        if name == "March" and not (m["mod"] or m["rel"]) and (_looks_like_verb(c) or _names_a_march(c)):
            return None
        month = self.v.months[_cap(name)]
        modv = self.v.modifiers.get(_norm(m["mod"])) if m["mod"] else None
        rel = (m["rel"] or "").lower()
        direction = _REL_DIRECTION.get(rel) or _date_direction(c, self.v)
        noun_tense = _noun_tense(c, self.v) if not rel and c.tense is None else None
        if noun_tense in ("event", "future", "near"):
            # "the coup in July", "before the November elections": the month of an event takes
            # the tense of the event
            direction = {"event": "back", "future": "fwd"}.get(noun_tense or "", "near")
        elif noun_tense == "past":
            # "the vote in July left him weakened": the last July, or the coming month ("dealers
            # placed orders to start trading for November transactions", written in late October)
            direction = "back_grace"
        elif not rel and direction != "fwd" and c.tense in (None, "present") and _names_a_vote(c, self.v):
            # "Her fate in November election hinges on turnout": a vote named by its month, in the
            # present, is the one ahead (the month this year or next)
            direction = "fwd"
        strict = rel in ("last", "past", "next", "coming")

        ry = {"this": 0, "last": -1, "next": 1}.get((m["ry"] or "").lower())
        if not (rel or m["ry"]) and (rng := _RANGE_YEAR.match(c.text, c.end)) and _cap(rng["month"]) in self.v.months:
            # "from September to December 2014", "between March and June 2015": the year written at
            # the end of the range (the one before it when the range crosses New Year)
            end_month = self.v.months[_cap(rng["month"])]
            range_year = int(rng["year"]) - (1 if end_month < month else 0)
            range_value = f"{range_year:04d}-{month:02d}"
            return (lambda a: ("DATE", range_value, modv)), False
        if of_year := _OF_YEAR.match(c.text, c.end):
            # "October of next year": two expressions (MEANTIME), the year dating the month
            ry = {"this": 0, "last": -1, "next": 1}[of_year[1].lower()]

        # "invited observers in May 2005 and expelled them in June": a bare month later in a past
        # sentence that wrote out a month and year goes on in that year
        told = c.sentence_month if not (rel or m["ry"]) and c.tense == "past" else None
        told_year = int(told[:4]) if told and told[:4].isdigit() and int(told[5:7]) <= month else None

        def resolve(a: dt.date) -> Resolved:
            if ry is not None:
                year = a.year + ry
            elif rel == "this":
                year = a.year
            elif told_year is not None and told_year < a.year:
                year = told_year
            elif direction == "back_grace":
                year = a.year + 1 if month == 1 and a.month == 12 else _month_year(
                    a, month, "near" if month == a.month + 1 else "back")
            else:
                year = _month_year(a, month, direction, strict)
            return "DATE", f"{year:04d}-{month:02d}", modv

        return resolve, True

    def _year(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        gd = m.groupdict()
        explicit = (gd.get("mod") or gd.get("fiscal") or m.group(0).lower().startswith("the year")
                    or _in_year_range(m))
        written = not m["year"][:1].isdigit()
        if written and m["year"][:1].lower() == "t" and not m.group(0).lower().startswith("the year"):
            return None  # "two thousand" alone is a number
        if not (explicit or written) and not _year_context(c, self.v.year_signals):
            return None
        modv = self.v.modifiers.get(_norm(gd["mod"])) if gd.get("mod") else None
        value = self._year_of(m["year"])
        return (lambda a: ("DATE", value, modv)), False

    def _year_short(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        yy = int(m["yy"])

        def resolve(a: dt.date) -> Resolved:
            # the latest such year not more than a decade ahead of the anchor
            year = (a.year // 100) * 100 + yy
            if year > a.year + 10:
                year -= 100
            return "DATE", f"{year:04d}", None

        return resolve, True

    def _decade(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        dec = m["dec"].lower()
        modv = self.v.modifiers.get(_norm(m["mod"])) if m["mod"] else None
        words = _DECADE_WORDS
        # "the 70s and 80s", "the sixties and seventies": the article serves both
        the = m.group(0).lower().startswith("the") or bool(
            _DECADE_BEFORE.search(c.text, max(0, c.start - 24), c.start))
        if dec in words:
            if not the:
                return None
            digit = words[dec]
            full = None
        elif len(dec) == 5:  # 1980s
            full = dec[:3]
            digit = int(dec[2])
        else:  # '90s, 90s
            full = None
            digit = int(dec.lstrip("'")[0])
            if not dec.startswith("'") and not the:
                return None
            if not dec.startswith("'") and _measure_sentence(c, self.v):
                return None  # "Trump's rating remains in the 30s": numbers, not years

        def resolve(a: dt.date) -> Resolved:
            if full is not None:
                return "DATE", full, modv
            century = a.year // 100
            # "the '90s" means the most recent nineties, before the anchor's decade or in it.
            if digit > (a.year % 100) // 10:
                century -= 1
            return "DATE", f"{century:02d}{digit}", modv

        return resolve, full is None

    def _century(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        o = m["ord"].lower()
        n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else self.v.ordinals.get(o)
        if not n:
            return None
        modv = self.v.modifiers.get(_norm(m["mod"])) if m["mod"] else None
        if m.group(0)[-1:] == "y" and m.group(0).endswith("Century") and _NAME_AFTER.match(c.text, c.end):
            return None  # "21st Century Fox", "20th Century Studios": a name
        value = f"{n - 1:02d}"
        return (lambda a: ("DATE", value, modv)), False

    def _weekday(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        wd = self.v.weekdays[_cap(m["wd"].rstrip("."))]
        rel = (m["rel"] or "").lower()
        part = self.v.day_parts.get((m["part"] or "").lower())
        modv = self.v.modifiers.get(_norm(m["mod"])) if m["mod"] else None
        if not rel and not part and _day_name_is_a_name(c):
            return None  # "a memoir by Wednesday Martin": a person's first name
        if rel in ("previous", "preceding", "following") and c.reference is not None:
            # "down 4.5% from the previous Friday": before the day the story is at, not before now
            back = rel != "following"
            ref = c.reference
            day = _weekday_date(ref, wd, "back" if back else "fwd", True)
            value = f"{day.isoformat()}T{part}" if part else day.isoformat()
            kind: TimeType = "TIME" if part else "DATE"
            return (lambda a: (kind, value, modv)), False
        pair = None if rel or c.sentence_date is None else self.day_pair.search(c.text, max(0, c.start - 40),
                                                                                  c.start)
        if pair is not None and c.sentence_date is not None:
            gap = (wd - self.v.weekdays[_cap(pair["wd"])]) % 7
            if c.sentence_date.isoweekday() == self.v.weekdays[_cap(pair["wd"])] and gap in (1, 2):
                # "on Friday and Saturday", "Monday or Wednesday": the days of one short stretch,
                # in the order written, whatever the tense makes of each alone.
                day = c.sentence_date + dt.timedelta(days=gap)
                pair_value = f"{day.isoformat()}T{part}" if part else day.isoformat()
                pair_kind: TimeType = "TIME" if part else "DATE"
                return (lambda a: (pair_kind, pair_value, modv)), True  # (its first day rests on the anchor)
        if rel in ("last", "past", "previous", "preceding"):
            direction, strict = "back", True
        elif rel in ("next", "coming", "following"):
            direction, strict = "fwd", True
        elif rel == "this":
            direction, strict = c.direction("near"), False
        elif c.tense is None and (noun_tense := _due_tense(c, self.v) or _noun_tense(c, self.v)) in ("future", "near"):
            # "Thursday's summit will decide", "ahead of Sunday's vote": the coming one (or today's);
            # "crowds gathered ahead of Sunday's vote": the nearest one
            direction, strict = ("fwd" if noun_tense == "future" else "near"), False
        else:
            direction, strict = _weekday_direction(c), False

        def resolve(a: dt.date) -> Resolved:
            d = _weekday_date(a, wd, direction, strict)
            if part:
                return "TIME", f"{d.isoformat()}T{part}", modv
            return "DATE", d.isoformat(), modv

        return resolve, True

    def _weekday_set(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        wd = self.v.weekdays[_cap(m["wd"])]
        part = self.v.day_parts.get((m["part"] or "").lower(), "")
        value = f"XXXX-WXX-{wd}T{part}" if part else f"XXXX-WXX-{wd}"
        return (lambda a: ("SET", value, None)), False

    def _deictic_day(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        word = m["word"].lower()
        spec = self.v.deictic[word]
        offset = int(spec.get("offset", 0))
        part = self.v.day_parts.get((m["part"] or "").lower()) or spec.get("part")
        modv = self.v.modifiers.get(_norm(m["mod"])) if m["mod"] else None

        def resolve(a: dt.date) -> Resolved:
            d = a + dt.timedelta(days=offset)
            if part:
                return "TIME", f"{d.isoformat()}T{part}", modv
            return "DATE", d.isoformat(), modv

        return resolve, True

    def _day_beyond(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        shift = -2 if m["ba"].lower().startswith("before") else 2
        return (lambda a: ("DATE", (a + dt.timedelta(days=shift)).isoformat(), None)), True

    def _part_rel(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        rel = m["rel"].lower()
        part = self.v.day_parts[m["part"].lower()]
        offset = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[rel]
        if rel == "last" and part != "NI":
            return None
        modv = self.v.modifiers.get(_norm(m["mod"])) if m["mod"] else None

        def resolve(a: dt.date) -> Resolved:
            return "TIME", f"{(a + dt.timedelta(days=offset)).isoformat()}T{part}", modv

        return resolve, True

    def _deictic(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        word = _norm(m["word"])
        spec = self.v.deictic.get(word)
        if spec is None:
            return None
        if word in ("the present", "the time being") and not _preceded_by(c, ("at", "for")):
            return None
        if word == "the past" and _followed_by_number(c):
            return None
        if word in ("current", "recent") and not _is_present_adjective(c):
            return None
        if word == "now" and _discourse_now(c):
            return None
        after = c.text[c.end:c.end + 4]
        if word in ("the future", "the past") and re.match(r"\s+of\b", after):
            return None  # "the future of the coalition" is a topic, not a time
        value = str(spec["value"])
        if value == "DAY":
            return None
        kind: TimeType = "DURATION" if spec.get("type") == "DURATION" else "DATE"
        return (lambda a: (kind, value, None)), False

    def _rel_period(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        rel = m["rel"].lower()
        early = (m["early"] or "").lower()
        modv = {"earlier": None, "later": None, "early": "START", "late": "END"}.get(early)
        unit = re.sub(r"\s+", " ", (m["unit"] or "").lower())
        season = self.v.seasons.get((m["season"] or "").lower())
        if rel == "same":
            return None
        if (m["season"] or "").lower() == "fall" and _fall_is_decline(c):
            return None  # "this fall in prices": a decline
        # "the previous week" counts from the time the story is at; "the past year" is, as
        # TimeBank annotates it, the calendar unit before the anchor's (a DATE, like "last year").
        if m["the"] and rel in ("previous", "following") and unit and not season:
            return self._anaphoric_period(unit, -1 if rel == "previous" else 1, c)
        if (rel == "past" or (m["the"] and rel in ("next", "coming"))) and unit in ("decade", "century") and not early:
            # "the past decade" is the ten years up to now (in 2005, 1995-2005), not the 1990s as
            # "the last decade" may be: a length, as TimeBank and MEANTIME mark it; so is "over the
            # next decade", the ten years from now.
            length = self._period_value(1, unit)
            return (lambda a: ("DURATION", length, None)), False
        step = {"this": 0, "current": 0, "present": 0, "last": -1, "past": -1, "previous": -1,
                "next": 1, "coming": 1, "following": 1}[rel]
        if (rel == "last" and unit == "year" and not early and c.quarter_near and c.quarter
                and _COMPARED.search(c.text, max(0, c.start - 60), c.start)):
            # "a loss of $3 million, compared with a profit last year" in a quarterly report:
            # the same quarter a year before.
            value = _shift_quarter(c.quarter, -4)
            return (lambda a: ("DATE", value, None)), False
        if season:
            def resolve_season(a: dt.date) -> Resolved:
                year = a.year
                cur = _SEASON_ORDER[_season_of(a)]
                want = _SEASON_ORDER[season]
                if a.month == 12 and season != "WI":
                    cur = 4  # December comes after this year's autumn: "next summer" is the coming year's
                if step < 0 and want >= cur:
                    year -= 1
                elif step > 0 and want <= cur:
                    year += 1
                if season == "WI" and a.month in (1, 2) and step == 0:
                    year -= 1
                return "DATE", f"{year:04d}-{season}", modv
            return resolve_season, True

        def resolve(a: dt.date) -> Resolved | None:
            return _calendar_unit(a, unit, step, modv)

        return resolve, True

    def _anaphoric_period(self, unit: str, step: int, c: _Ctx) -> tuple[Resolver, bool] | None:
        ref = c.reference
        rv = c.reference_value
        if unit == "month" and step and c.story_month:
            # "In March, ... The following month": the month after the one the story is at.
            shifted = _shift_months(dt.date(int(c.story_month[:4]), int(c.story_month[5:7]), 1), step)
            month_value = f"{shifted.year:04d}-{shifted.month:02d}"
            return (lambda a: ("DATE", month_value, None)), False
        if step and unit == "year" and rv and rv[:4].isdigit() and len(rv) in (4, 7, 10):
            # "collapsed in 2008 and was sold the following year": the year after the one the story is at
            year_value = f"{int(rv[:4]) + step:04d}"
            return (lambda a: ("DATE", year_value, None)), False
        if step == 0 and unit == "month" and c.recent_month:
            # "In September, HP announced layoffs. That same month, ...": the month this or the last
            # sentence is at, a month named without its year as well as one written out.
            recent = c.recent_month
            return (lambda a: ("DATE", recent, None)), False
        if step == 0 and unit in ("year", "month") and rv and len(rv) >= (4 if unit == "year" else 7):
            # "in June 1998 ... later that year": the last date the text wrote out, at the
            # granularity it was written.
            value = rv[:4] if unit == "year" else rv[:7]
            return (lambda a: ("DATE", value, None)), False

        def resolve(a: dt.date) -> Resolved | None:
            return _calendar_unit(ref or a, unit, step, None)

        return resolve, ref is None

    def _period_value(self, n: float, unit: str) -> str:
        unit = unit.replace("fiscal ", "")
        if unit == "half":
            return "P6M"
        if unit == "weekend":
            return "P2D"
        spec = self.v.units.get(unit, {"letter": "X"})
        n = n * float(spec.get("factor", 1))
        t = "T" if spec.get("time") else ""
        return f"P{t}{_fmt_num(n)}{spec['letter']}"

    def _end_of(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        modv = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[m["which"].lower()]
        unit = m["unit"].lower()
        step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
        if m["rel"].lower() == "the" and _clause_tense(c, self.v) == "past":
            # "Sales slowed in January. By the end of the month, ...": the month, the year the
            # story is at, not the present one.
            if unit == "month" and c.recent_month:
                month_value = c.recent_month
                return (lambda a: ("DATE", month_value, modv)), False
            if unit == "year" and (told_in := _told_year(c)) is not None:
                year_value = f"{told_in:04d}"
                return (lambda a: ("DATE", year_value, modv)), False
        return (lambda a: _calendar_unit(a, unit, step, modv)), True

    def _ago(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if _after_fraction_bar(c.text, m.start("q")):
            return None
        n = self._number(m["q"])
        unit = m["unit"].lower()
        if n is not None and (m["half0"] or re.search(r"and\s+a\s+half", m.group("x")[m.end("unit") - m.start("x"):],
                                                      re.I)):
            n += 0.5
        direction = re.sub(r"\s+", " ", m["dir"].lower())
        sign = -1 if direction in ("ago", "earlier", "back", "previously", "before") else 1
        # "ago" counts from now; "earlier"/"later" from the time the story is at.
        ref = None if direction in ("ago", "from now", "hence", "back") else c.reference
        if n is None:
            value = "PAST_REF" if sign < 0 or c.tense == "past" else "FUTURE_REF"
            return (lambda a: ("DATE", value, None)), False
        if n != int(n):
            # "half a year ago", "two and a half years ago": counted in the next smaller unit
            # (30 months ago), the granularity of the date it gives.
            smaller = _SMALLER_UNIT.get(unit)
            if smaller is None or n * smaller[1] != int(n * smaller[1]):
                return None
            unit, n = smaller[0], n * smaller[1]
        spec = self.v.units[unit]
        month = c.sentence_month
        if (unit == "year" and month and direction in ("ago", "earlier")
                and _COMPARED.search(c.text, max(0, c.start - 80), c.start)):
            # "exports rose in May from a year earlier": the same month a year before.
            shifted = _shift_months(dt.date(int(month[:4]), int(month[5:7]), 1), -12 * int(n))
            value = f"{shifted.year:04d}-{shifted.month:02d}"
            return (lambda a: ("DATE", value, None)), False
        if unit == "year" and c.quarter_near and c.quarter and direction in ("ago", "earlier"):
            # "profit rose from a year ago" beside "third-quarter": the same quarter a year before.
            value = _shift_quarter(c.quarter, -4 * int(n))
            return (lambda a: ("DATE", value, None)), False
        rv = c.reference_value
        if direction in ("earlier", "later", "before") and rv and len(rv) < 10 and unit == "year":
            # "took to the streets in 2011 ... five years later": count from the year the story is at;
            # "in spring 2000 ... 30 years before" from 2000.
            value = f"{int(rv[:4]) + sign * int(n):04d}"
            return (lambda a: ("DATE", value, None)), False
        if direction in ("earlier", "later") and ref is None and rv and len(rv) == 7 and unit == "month":
            # "elections called for October 2014, eight months later": from the month the story is at
            shifted = _shift_months(dt.date(int(rv[:4]), int(rv[5:7]), 1), sign * int(n))
            month_value = f"{shifted.year:04d}-{shifted.month:02d}"
            return (lambda a: ("DATE", month_value, None)), False
        if direction in ("earlier", "later") and ref is None and not (
                sign < 0 and (unit in ("year", "quarter") or _COMPARED.search(c.text, max(0, c.start - 80), c.start))):
            # "He was arrested. Two weeks later he was charged": later than a time the story never
            # dates, so not a date counted from the publication; the offset is all it says (as
            # TimeBank marks "A day earlier" with no date before: P1D). But "profit rose from a
            # year earlier" compares with the year before now.
            length = self._period_value(n, unit)
            return (lambda a: ("DURATION", length, None)), False
        ahead = c.tense == "future"
        offset_length = self._period_value(n, unit)

        def resolve(a: dt.date) -> Resolved | None:
            if ref is not None and ref > a and not ahead and direction in ("earlier", "later"):
                # "after Election Day (taken for November's) ... three weeks later, counting is not
                # wrapped up": a day still to come is no time a told story is at; the offset stays.
                return "DURATION", offset_length, None
            base = ref or a
            return _offset(base, int(n) * sign, unit, spec)

        return resolve, ref is None

    def _vague_ago(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        sign = m["dir"].lower() in ("ago", "earlier", "before", "back")
        # "Hours later, the rebels withdrew": later than the story's time, still before the telling.
        value = "PAST_REF" if sign or c.tense == "past" else "FUTURE_REF"
        return (lambda a: ("DATE", value, None)), False

    def _anaphoric(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        text = _norm(m.group(0))
        unit = (m["unit"] or m["unit2"] or m["unit3"] or "day").lower()
        if "next" in text or "following" in text or m["ba"] == "after":
            step = 1
        elif "previous" in text or "preceding" in text or "prior" in text or m["ba"] == "before":
            step = -1
        else:
            step = 0
        ref = c.reference
        part = self.v.day_parts.get(unit)
        if unit in ("week", "month", "year"):
            return self._anaphoric_period(unit, step, c)
        if ref is None and not (step == 0 and _DEFINING_CLAUSE.match(c.text, c.end)):
            # "He was arrested. The next day he was charged", "her actions that night": the day after
            # (or of) one the story never dates; an unknown day, not one counted from the publication.
            unknown: Resolved = ("TIME", f"XXXX-XX-XXT{part}", None) if part else ("DATE", "XXXX-XX-XX", None)
            return (lambda a: unknown), False

        def resolve(a: dt.date) -> Resolved:
            d = (ref or a) + dt.timedelta(days=step)
            if part:
                return "TIME", f"{d.isoformat()}T{part}", None
            return "DATE", d.isoformat(), None

        return resolve, ref is None

    def _year_of(self, text: str | None) -> str:
        """The four digits of a year, written in figures or in words ("nineteen ninety-six")."""
        if not text or text[:1].isdigit():
            return text or ""
        words = re.split(r"[\s-]+", text.lower())
        if words[:2] == ["two", "thousand"]:
            rest = [w for w in words[2:] if w != "and"]
            return f"{2000 + int(sum(self.v.numbers.get(w, 0) for w in rest)):04d}"
        return f"19{int(sum(self.v.numbers.get(w, 0) for w in words[1:])):02d}"

    def _number(self, q: str) -> float | None:
        q = re.sub(r"\s+", " ", q.lower().strip())
        if m := re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2|½)?", q):
            return float(m.group(1)) + (0.5 if q != m.group(1) else 0.0)
        if q in self.v.numbers:
            return self.v.numbers[q]
        parts = re.split(r"[-\s]", q)
        if len(parts) == 2 and parts[0] in self.v.numbers and parts[1] in self.v.numbers:
            return self.v.numbers[parts[0]] + self.v.numbers[parts[1]]
        return None

    def _duration(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if _after_fraction_bar(c.text, m.start("q")):
            return None
        q = m["q"]
        unit = m["unit"].lower()
        n = self._number(q)
        if n is None and _norm(q) not in self.v.vague:
            return None
        pre = (m["pre"] or "").lower()
        if not m["the"] and pre in ("past", "last", "next") and n == 1:
            return None  # "last a year" is no phrase; let the deictic pattern take "last year"
        if _is_age_or_count(c, m):
            return None
        after = c.text[c.end:c.end + 16]
        if unit == "quarter" and re.match(r"\s+of\b", after) and "-" in m.group(0):
            return None  # "three-quarters of its food": a fraction
        if unit == "quarter" and n in (1, 3) and not m["pre"] and (
                _FRACTION_OF.match(after) or _OF_PEOPLE.match(c.text, c.end)):
            return None  # "about a quarter of its dealers": a fraction; "two quarters of growth" is a length
        if _norm(q) in ("a", "an") and not m["pre"] and not _approx_word(m) and _is_rate(c):
            # "15 tankers a year", "four flights a week": a rate, which TimeML types as SET.
            rate = self._period_value(1, unit)
            return (lambda a: ("SET", rate, None)), False
        if _norm(m.group("x")) == "one day" and _is_adverbial_one_day(c):
            # "He hopes one day to return": some day, not a day's length.
            value = "PAST_REF" if c.tense == "past" else "FUTURE_REF"
            return (lambda a: ("DATE", value, None)), False
        if unit == "second" and _norm(q) in ("a", "one") and _ORDINAL_SECOND.match(c.text, c.end):
            return None  # "a second betrayal", "a second A380": the ordinal, not the unit
        if n is not None and (m["half"] or m["half0"]):
            n += 0.5
        approx = m["approx"]
        modv = self.v.approximators.get(_norm(approx)) if approx else None
        if n is None:
            spec = self.v.units[unit]
            t = "T" if spec.get("time") else ""
            letter = "DE" if unit == "decade" else "CE" if unit == "century" else spec["letter"]
            value = f"P{t}X{letter}"
        else:
            value = self._mixed_period(n, unit)
        return (lambda a: ("DURATION", value, modv)), False

    def _mixed_period(self, n: float, unit: str) -> str:
        """TIMEX3 values take whole numbers: "two and a half years" is two years and six months
        (P2Y6M, PT5H30M, P1DT12H), as TimeBank writes it; half a day alone is PT12H."""
        whole = int(n)
        if n == whole or unit not in _SMALLER:
            return self._period_value(n, unit)
        small, factor = _SMALLER[unit]
        if unit == "week":  # ISO 8601 writes weeks alone: two and a half weeks are 17 1/2 days
            return self._mixed_period(n * factor, small)
        rest = self._mixed_period((n - whole) * factor, small)
        return _join_periods(self._period_value(whole, unit), rest) if whole else rest

    def _long_adj(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        unit = m["unit"].lower()
        n = self._number(m["q"]) if m["q"] else (None if m["pl"] else 1.0)
        if n is None:
            spec = self.v.units[unit]
            value = f"P{'T' if spec.get('time') else ''}X{spec['letter']}"
        else:
            value = self._period_value(n, unit)
        return (lambda a: ("DURATION", value, None)), False

    def _bare_units(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        unit = m["unit"].lower().rstrip("s")
        unit = "century" if unit == "centurie" else unit
        spec = self.v.units[unit]
        t = "T" if spec.get("time") else ""
        letter = "DE" if unit == "decade" else "CE" if unit == "century" else spec["letter"]
        value = f"P{t}X{letter}"
        return (lambda a: ("DURATION", value, None)), False

    def _nth_day(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if c.tense == "future":
            return (lambda a: ("DATE", "FUTURE_REF", None)), False
        # told in the present ("today is the eighth day of the siege") it is the anchor's day;
        # in the past, the day the story is at
        if after := self.on_day.match(c.text, c.end):
            # "for a second straight day on Tuesday": the day named after it
            wd = self.v.weekdays[_cap(after["wd"].rstrip("."))]
            direction = _weekday_direction(c)
            return (lambda a: ("DATE", _weekday_date(a, wd, direction).isoformat(), None)), True
        ref = c.sentence_date or c.reference if c.tense == "past" else None
        return (lambda a: ("DATE", (ref or a).isoformat(), None)), ref is None

    def _quarter(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        o = m["ord"].lower()
        half = m["q"].lower() == "half"
        year = self._year_of(m["year"] or m["year2"])
        if o in ("last", "final", "latter"):
            if not (year or m["ry"]) or m["qy"]:
                return None
            n = 2 if half else 4
        else:
            n = int(o[0]) if o[0].isdigit() else self.v.ordinals[o]
        if half and n > 2:
            return None
        letter = "H" if half else "Q"
        if year:
            value = f"{year}-{letter}{n}"
            return (lambda a: ("DATE", value, None)), False
        if not (m["ry"] or m["qy"] or m["fy"]) and _OF_OTHER.match(c.text, c.end):
            return None  # "the first half of the game", "the second quarter of the match"
        if half and not (m["ry"] or m["qy"] or m["fy"]) and c.quarter is None and not _period_context(c, self.v):
            return None  # "scored in the first half": a half of a game, not of the year
        past = c.tense == "past"
        ry = {"this": 0, "last": -1, "next": 1}.get((m["ry"] or "").lower())
        qy = _norm(m["qy"]).removeprefix("the ")
        if qy[:4].isdigit():
            value = f"{qy[:4]}-{letter}{n}"
            return (lambda a: ("DATE", value, None)), False
        if qy:
            ry = {"this year's": 0, "last year's": -1, "next year's": 1}.get(qy, -1)

        def resolve(a: dt.date) -> Resolved:
            y = a.year + ry if ry is not None else _period_year(a, n, half, past)
            return "DATE", f"{y:04d}-{letter}{n}", None

        return resolve, True

    def _q_abbr(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        q = m["q"].upper()
        if m["year"]:
            value = f"{self._year_of(m['year'])}-{q}"
            return (lambda a: ("DATE", value, None)), False
        n = int(q[1])
        half = q[0] == "H"
        past = c.tense == "past"

        def resolve(a: dt.date) -> Resolved:
            return "DATE", f"{_period_year(a, n, half, past):04d}-{q}", None

        return resolve, True

    def _season(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        season = self.v.seasons[m["season"].lower()]
        rel = (m["rel"] or "").lower()
        modv = self.v.modifiers.get(_norm(m["mod"])) if m["mod"] else None
        if m["season"][0].isupper() and not m.group(0)[0].isupper() and not m["year"]:
            return None  # "the Arab Spring": a capitalised season mid-phrase is a name
        if m["season"].lower() == "fall" and not m["year"] and _fall_is_decline(c):
            return None  # "this fall in prices", "the fall of the Berlin Wall": a decline, a collapse
        if not (m["year"] or modv or rel in ("this", "last", "next", "past", "coming")):
            # A bare season word: "fall" is mostly a verb; take the noun after "the" or a preposition.
            if not (rel == "the" or _preceded_by(c, ("in", "by", "until", "since", "through", "during",
                                                         "over", "this", "that", "till"))):
                return None
            if _token_pos(c) not in ("NOUN", "PROPN"):
                return None
        if m["year"]:
            value = f"{self._year_of(m['year'])}-{season}"
            return (lambda a: ("DATE", value, modv)), False
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        direction = c.direction("near")
        told_in = _told_year(c) if step == 0 and rel != "this" else None

        def resolve(a: dt.date) -> Resolved:
            if told_in is not None and told_in < a.year:
                # "In 2008, ... in the fall, he won Ohio": the season of the year the story is in
                return "DATE", f"{told_in:04d}-{season}", modv
            year = a.year
            cur = _SEASON_ORDER[_season_of(a)]
            want = _SEASON_ORDER[season]
            if a.month == 12:
                # December's winter is the coming year's in no convention; keep the year. It is
                # still past every other season of the year: "next summer" is the coming year's,
                # "last spring" this year's.
                cur = 4
            if step < 0 or (step == 0 and direction == "back"):
                if want > cur or (step < 0 and want == cur):
                    year -= 1
            elif (step > 0 or direction == "fwd") and (want < cur or (step > 0 and want == cur)):
                year += 1
            return "DATE", f"{year:04d}-{season}", modv

        return resolve, True

    def _time(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        # ISO 8601 marks universal time with Z; other zones are left to the reader, as TimeML does.
        zone = "Z" if (m.groupdict().get("tz") or "").upper() in ("UTC", "GMT") else ""
        h = int(m["h"])
        mi = int(m["mi"] or 0)
        ampm = (m.groupdict().get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        if ampm and h > 23:
            return None
        if not ampm and _CLOCK_MARK.match(c.text, c.end):
            return None  # "the comments start around the 2:05 mark": a point in a recording, a race
        day_of, deictic = self._clock_day(m, c)

        def resolve(a: dt.date) -> Resolved:
            return "TIME", f"{day_of(a)}T{h:02d}:{mi:02d}{zone}", None

        return resolve, deictic

    def _clock_day(self, m: re.Match[str], c: _Ctx) -> tuple[Callable[[dt.date], str], bool]:
        day_of, deictic = self._clock_date(m, c)
        if day_of is None:
            return (lambda a: "XXXX-XX-XX"), False

        def day(a: dt.date) -> str:
            d = day_of(a)
            return d.isoformat() if d is not None else "XXXX-XX-XX"

        return day, deictic

    def _clock_date(self, m: re.Match[str], c: _Ctx) -> tuple[Callable[[dt.date], dt.date | None] | None, bool]:
        """The day a clock time falls on: the day written after it, else one named earlier in the
        sentence, else the anchor."""
        gd = m.groupdict()
        if gd.get("wd"):
            wd = self.v.weekdays[_cap(gd["wd"].rstrip("."))]
            direction = _weekday_direction(c)
            return (lambda a: _weekday_date(a, wd, direction)), True
        if gd.get("dw"):
            shift = {"today": 0, "tomorrow": 1, "yesterday": -1}[gd["dw"].lower()]
            return (lambda a: a + dt.timedelta(days=shift)), True
        if gd.get("month") and gd.get("day"):
            month, day = self.v.months[_cap(gd["month"])], int(gd["day"])
            direction = _date_direction(c, self.v)

            def on(a: dt.date) -> dt.date:
                try:
                    return dt.date(_day_year(a, month, day, direction), month, day)
                except ValueError:
                    return a

            return on, True
        if full := self.on_full_date.match(c.text, c.end):
            # "at 6:30 a.m. on March 19, 2002": the date written after the time
            try:
                written = dt.date(int(self._year_of(full["year"])), self.v.months[_cap(full["month"])],
                                  int(full["day"]))
            except (ValueError, KeyError):
                pass
            else:
                return (lambda a: written), False
        if after := self.on_day.match(c.text, c.end):
            # "at 2 p.m. on Tuesday": the day is a separate expression, but it dates the time.
            later_wd = self.v.weekdays[_cap(after["wd"].rstrip("."))]
            later_dir = _weekday_direction(c)
            return (lambda a: _weekday_date(a, later_wd, later_dir)), True
        if c.sentence_date is None and _habitual(c, self.v):
            # "The shift usually finishes about 4 p.m.": a time of any day, not of one (TimeML's
            # TIME without a date, XXXX-XX-XXT16:00)
            return None, False
        # Without a day of its own, a clock time is on the day the story is at.
        ref = c.sentence_date or c.reference
        if c.sentence_date is None and c.reference is not None and c.day_left:
            # "on March 3 ... in June ... Shortly before midnight": the story has left the day it
            # named for a month or year; the clock time is of a day not given (unless the day was
            # the publication day, a dateline's: "April 27 ... in January ... at 08:30 UTC").
            left = c.reference
            return (lambda a: a if a == left else None), True
        return (lambda a: ref or a), ref is None

    def _named_time(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        hh = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["word"].lower()]
        day_of, deictic = self._clock_day(m, c)

        def resolve(a: dt.date) -> Resolved:
            return "TIME", f"{day_of(a)}T{hh}", None

        return resolve, deictic

    def _clock_part(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        h, mi = int(m["h"]), int(m["mi"] or 0)
        dp = _norm(m["dp"])
        if dp.endswith(("afternoon", "evening")) or (dp == "at night" and h >= 6):
            h = h % 12 + 12
        elif h == 12:
            h = 0
        day_of, deictic = self._clock_day(m, c)

        def resolve(a: dt.date) -> Resolved:
            return "TIME", f"{day_of(a)}T{h:02d}:{mi:02d}", None

        return resolve, deictic

    def _mid_part(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        part = self.v.day_parts[m["part"].lower()]
        day_of, deictic = self._clock_day(m, c)

        def resolve(a: dt.date) -> Resolved:
            return "TIME", f"{day_of(a)}T{part}", "MID"

        return resolve, deictic

    def _the_part(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if c.signal not in ("in", "during", "by", "until", "through", "throughout"):
            return None
        part = self.v.day_parts[m["part"].lower()]
        ref = c.sentence_date or c.reference

        def resolve(a: dt.date) -> Resolved:
            return "TIME", f"{(ref or a).isoformat()}T{part}", None

        return resolve, ref is None

    def _the_session(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if m.group(0).lower().startswith("for") and not re.match(r"\s*[,.;]", c.text[c.end:c.end + 2]):
            return None  # "for the day" only as a sentence adverbial ("For the day, the index fell")
        ref = c.sentence_date or c.reference
        return (lambda a: ("DATE", (ref or a).isoformat(), None)), ref is None

    def _day_edge(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        modv = "START" if m["which"].lower() in ("start", "beginning") else "END"
        if modv == "END" and c.signal == "at":
            return None
        ref = c.sentence_date or c.reference
        return (lambda a: ("DATE", (ref or a).isoformat(), modv)), ref is None

    def _the_unit_now(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if not m["pos"] and not m["for"]:
            return None  # "during the year, ..." is left to the other rules
        return self._anaphoric_period(m["unit"].lower(), 0, c)

    def _that_time(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        rv = c.reference_value
        value = "FUTURE_REF" if c.tense == "future" else "PAST_REF"
        if rv:
            told = c.tense != "future"

            def resolve(a: dt.date) -> Resolved:
                if told and rv > a.isoformat()[:len(rv)]:
                    # "Since that time, he has attacked her" after a date still to come: not that date
                    return "DATE", value, None
                return "DATE", rv, None

            return resolve, False
        return (lambda a: ("DATE", value, None)), False

    def _set(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        gd = m.groupdict()
        if gd.get("wd"):
            wd = self.v.weekdays[_cap(gd["wd"].rstrip("."))]
            return (lambda a: ("SET", f"XXXX-WXX-{wd}", None)), False
        if gd.get("month"):
            month = self.v.months[_cap(gd["month"])]
            return (lambda a: ("SET", f"XXXX-{month:02d}", None)), False
        if gd.get("part"):
            part = self.v.day_parts[gd["part"].lower()]
            return (lambda a: ("SET", f"XXXX-XX-XXT{part}", None)), False
        if gd.get("we"):
            return (lambda a: ("SET", "XXXX-WXX-WE", None)), False
        if gd.get("season"):
            season = self.v.seasons[gd["season"].lower()]
            return (lambda a: ("SET", f"XXXX-{season}", None)), False
        unit = gd["unit"].lower()
        n = self._number(gd["q"]) if gd.get("q") else 1.0
        # "every other week" comes round every two weeks
        value = self._period_value((n or 1) * (2 if gd.get("other") else 1), unit)
        return (lambda a: ("SET", value, None)), False

    def _set_word(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if _names_a_paper(c):
            return None
        value = self.v.sets[m["word"].lower()]
        return (lambda a: ("SET", value, None)), False

    def _holiday(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        rule = self.v.holidays[re.sub(r"\s+", " ", m["hol"])]
        year_before = _YEAR_BEFORE.search(c.text, max(0, c.start - 12), c.start)
        written = self._year_of(m["year"]) if m["year"] else year_before[1] if year_before else None
        if written:
            # "Christmas 2010", "the 1988 Super Tuesday"
            d = _holiday_date(rule, int(written))
            return (lambda a: ("DATE", d.isoformat(), None)), False
        direction = c.direction("near")
        told_in = _told_year(c)
        sd = c.sentence_date
        if sd is not None and _holiday_date(rule, sd.year) == sd:
            # "contests on March 1, known as Super Tuesday": the day just written
            return (lambda a: ("DATE", sd.isoformat(), None)), False

        def resolve(a: dt.date) -> Resolved:
            if told_in is not None and told_in < a.year:
                # "In 2008, ... He won Ohio on Election Day": that year's
                return "DATE", _holiday_date(rule, told_in).isoformat(), None
            options = [_holiday_date(rule, y) for y in (a.year - 1, a.year, a.year + 1)]
            if direction == "back":
                d = max(o for o in options if o <= a)
            elif direction == "fwd":
                d = min(o for o in options if o >= a)
            else:
                d = min(options, key=lambda o: abs((o - a).days))
            return "DATE", d.isoformat(), None

        return resolve, True

    def _year_adj(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        word = m["word"].lower()
        if word.endswith("end"):
            if m["year"]:
                given = self._year_of(m["year"])
                return (lambda a: ("DATE", given, "END")), False
            return (lambda a: ("DATE", f"{a.year:04d}", "END")), True
        if m["year"]:
            return None
        if word == "year-to-date":
            return (lambda a: ("DURATION", "P1Y", None)), True
        if c.quarter_near and c.quarter:
            value = _shift_quarter(c.quarter, -4)
            return (lambda a: ("DATE", value, None)), False
        return (lambda a: ("DATE", f"{a.year - 1:04d}", None)), True

    def _the_quarter(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        which = _norm(m["which"])
        if not which and m.group(0).lower().endswith("period"):
            return None  # "the period" alone is any stretch of time
        ref = c.quarter
        if which[:1].isdigit():
            # "the 1988 period" beside "the third quarter": that quarter of 1988.
            if ref is None or not c.quarter_near:
                return None
            value = f"{which}-{ref[5:]}"
            return (lambda a: ("DATE", value, None)), False
        if which in ("year-earlier", "year-ago"):
            if ref is None:
                return None
            value = _shift_quarter(ref, -4)
            return (lambda a: ("DATE", value, None)), False
        if which in ("current", "this"):
            return (lambda a: _calendar_unit(a, "quarter", 0, None)), True
        if which in ("previous", "prior", "preceding") and ref is not None:
            value = _shift_quarter(ref, -1)
            return (lambda a: ("DATE", value, None)), False
        if ref is not None and which in ("", "same"):
            value = ref
            return (lambda a: ("DATE", value, None)), False
        if ref is not None and which in ("latest", "most recent"):
            # The latest quarter is the last one reported: the one named, unless it is still to come.
            latest = ref

            def resolve_latest(a: dt.date) -> Resolved | None:
                last = _calendar_unit(a, "quarter", -1, None)
                return "DATE", min(latest, last[1]) if last else latest, None

            return resolve_latest, True
        # Quarters are reported once over: "the latest quarter" is the last one completed.
        return (lambda a: _calendar_unit(a, "quarter", -1, None)), True

    def _same_period(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        unit = m["unit"].lower()
        if unit != "month" and c.quarter_near and c.quarter:
            value = _shift_quarter(c.quarter, -4)
            return (lambda a: ("DATE", value, None)), False
        month = c.sentence_month or (c.reference_value[:7] if c.reference_value and len(c.reference_value) >= 7
                                     else None)
        if unit != "quarter" and month:
            value = f"{int(month[:4]) - 1:04d}{month[4:7]}"
            return (lambda a: ("DATE", value, None)), False
        if unit == "quarter":
            return (lambda a: _calendar_unit(a, "quarter", -5, None)), True
        return (lambda a: ("DATE", f"{a.year - 1:04d}", None)), True

    def _year_ended(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        return (lambda a: ("DURATION", "P1Y", None)), False

    def _full_year(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        if "latest" in m.group(0).lower():
            # the latest (fiscal) year is the last one reported, so one already over
            return (lambda a: ("DATE", f"{a.year - 1:04d}", None)), True
        if c.quarter_near and c.quarter:
            year = c.quarter[:4]  # beside the quarter reported: that quarter's year
            return (lambda a: ("DATE", year, None)), False
        rv = c.reference_value
        if rv and c.tense == "past":
            value = rv[:4]  # told in the past: the year the story is at
            return (lambda a: ("DATE", value, None)), False
        past = c.tense == "past"

        def resolve(a: dt.date) -> Resolved:
            # Results are reported once the period is over: a full year told in the past early in
            # a year is the year before.
            return "DATE", f"{a.year - (1 if past and a.month <= 3 else 0):04d}", None

        return resolve, True

    def _weekend(self, m: re.Match[str], c: _Ctx) -> tuple[Resolver, bool] | None:
        direction = c.direction("back")

        def resolve(a: dt.date) -> Resolved:
            saturday = _weekday_date(a, 6, direction)
            return "DATE", _iso_week(saturday) + "-WE", None

        return resolve, True


# --------------------------------------------------------------------------- unit arithmetic


def _date_direction(c: _Ctx, v: _Vocab) -> Direction:
    # A deadline told in the past ("gave them until mid-November", "to be completed by Dec. 15")
    # lies after the telling: the tense of the clause does not place it.
    if c.signal in v.deadline_signals:
        return "near" if c.tense == "past" else "fwd"
    if c.tense == "present" and c.signal in ("in", "on") and (_timetable_verb(c, v) or _time_predicate(c)):
        # A scheduled event told in the present is a timetable ("the rules take effect in
        # January", "the law expires on March 1", "the election is in September"): the coming
        # one. Not a state ("unemployment stands at 8% in February", "sales are up in May"),
        # which reports a past month.
        return "fwd"
    if c.tense is None and (prospect := _prospect_of(c, v)) is not None:
        return prospect
    return c.direction("near")


def _prospect_of(c: _Ctx, v: _Vocab) -> Direction | None:
    """A time of what a chance or hope is of ("his chances of winning in November", "hopes of
    signing a deal in June"): the gerund names what may still come after the telling, which in
    news is about the publication, whatever the tense of the clause ("praised his chances")."""
    span = _tokens(c)
    verb = _governing_verb(span) if span is not None and len(span) else None
    if verb is None or verb.tag_ != "VBG" or verb.dep_ not in ("pcomp", "pobj") or verb.head.lower_ != "of":
        return None
    noun = verb.head.head
    if noun.lower_ not in v.prospect_nouns and noun.lemma_.lower() not in v.prospect_nouns:
        return None
    return "fwd"


#: After "fall", what makes it the noun of falling: "the fall of the regime" (anything but a year
#: after "of"), "his fall from power".
_FALL_OF = re.compile(r"\s+(?:from\s+(?-i:[a-z])"
                      r"|of\s+(?!(?:this|last|next|that|the)\s+(?:(?:same|following|previous)\s+)?year\b"
                      r"|(?:1[5-9]|20)\d\d\b|'\d\d\b))", re.I)
_IN = re.compile(r"\s+in\s+", re.I)


def _habitual(c: _Ctx, v: _Vocab) -> bool:
    """The clause the time is in tells what happens as a rule: an adverb of frequency on its verb
    ("usually finishes", "opens daily") or "every"/"each" before a day word ("every morning")."""
    span = _tokens(c)
    verb = _governing_verb(span) if span is not None and len(span) else None
    if verb is None:
        return False
    for ch in verb.subtree:
        if ch.lower_ in v.habitual:
            return True
        if ch.lower_ in ("every", "each") and (ch.head.lower_ in v.day_parts
                                               or ch.head.lower_ in ("day", "night", "weekday")):
            return True
    return False


def _clause_tense(c: _Ctx, v: _Vocab) -> str | None:
    """The tense of the verb a time modifies, or else of the clause it is in ("expect a rebound by
    the end of the month": the present)."""
    if c.tense is not None:
        return c.tense
    span = _tokens(c)
    verb = _clause_verb(span.root) if span is not None and len(span) else None
    return _verb_tense(verb, v, 0) if verb is not None else None


def _told_year(c: _Ctx) -> int | None:
    """The year a past story is told in: one written out in the last sentences ("In 2008, Obama
    campaigned hard. In the fall, ..."), for a season or a named day told in the past."""
    if c.tense != "past" or not c.narrative_year or not c.narrative_year.isdigit():
        return None
    return int(c.narrative_year)


def _fall_is_decline(c: _Ctx) -> bool:
    """"fall" as the noun of falling, not the season: "the fall of the regime", "his fall from
    power", or "fall in" before a common noun ("this fall in prices", "the fall in oil prices";
    "this fall in Paris", "last fall in his home" are the season)."""
    if _FALL_OF.match(c.text, c.end):
        return True
    m = _IN.match(c.text, c.end)
    if m is None or c.doc is None:
        return False
    span = c.doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    return span is not None and span[0].pos_ == "NOUN" and span[0].text[:1].islower()


#: "of" before a name or a plural ("a quarter of Americans", "of Kazakhstan's citizens", "of voters"):
#: a part of those, not three months.
_OF_PEOPLE = re.compile(r",?\s+of\s+(?:(?-i:[A-Z])\w+|[a-z]+s)\b(?!\s+(?:19|20)\d\d)", re.I)
_FRACTION_OF = re.compile(r",?\s+of\s+(?:its|the|their|his|her|our|all|a|an|these|those|\d)\b", re.I)
#: "a second" before a word is the ordinal, unless the word goes with a length ("a second or two").
_ORDINAL_SECOND = re.compile(r"\s+(?!(?:or|and|later|ago|earlier|before|after|of|in|to|for|at|on|when|longer|more"
                             r"|less|too|than|the)\b)[A-Za-z0-9]")
_DECADE_BEFORE = re.compile(r"(?:\bthe\s+(?:'?\d0s|\w+ties)|'\d0s|(?:1[5-9]|20)\d0s)\s+(?:and|or|to|through)\s+$", re.I)
_OF_YEAR = re.compile(r"\s+of\s+(this|last|next)\s+year\b", re.I)
_LAST_WORD = re.compile(r"(\w+)\s+$")
_COMPARED = re.compile(r"\b(?:compared\s+with|compared\s+to|from|versus|against)\b[^.;]*$", re.I)


#: Words before a day name that also stand before an author or a partner: "a memoir by Wednesday Martin".
_NAME_SIGNALS = frozenset(["by", "with", "and", "from", "to", "of"])


def _day_name_is_a_name(c: _Ctx) -> bool:
    """A day name that is the first name of a person: a person's name follows it at once (no comma),
    and it comes after a word that stands before people ("by", "with") or the parser did not read it
    as a date ("talks with Friday Ossai")."""
    if c.doc is None or not _NAME_AFTER.match(c.text, c.end):
        return False
    span = _tokens(c)
    if span is None or span.end >= len(c.doc):
        return False
    after = c.doc[span.end]
    if after.pos_ != "PROPN" or after.ent_type_ not in ("PERSON", ""):
        return False
    if after.ent_type_ == "PERSON" and span[-1].ent_type_ not in ("DATE", "TIME"):
        return True
    # after "by", "with": a capitalised word the parser names no place or body ("by Tuesday Weld"),
    # unless the sentence is a title-cased headline ("Deal Due By Friday Sources Say")
    words = [t for t in span.sent if t.is_alpha]
    return c.signal in _NAME_SIGNALS and sum(t.is_title for t in words) * 2 <= len(words)


def _weekday_direction(c: _Ctx) -> Direction:
    # A deadline or an earliest time ("until 9 a.m. Tuesday", "as early as Tuesday") lies ahead
    # whatever the tense of the clause.
    if c.signal in ("until", "till"):
        # ... even in a past clause ("postponed the hearing until Tuesday"); but a past perfect
        # ("until Thursday, police had not named him") tells of a time before a past one.
        return "back" if c.tense == "past" and _past_perfect(c) else "fwd"
    if _LOOKS_AHEAD.search(c.text, max(0, c.start - 20), c.start):
        return "fwd"
    if _AFTER_REPORT.search(c.text, max(0, c.start - 16), c.start):
        # "said on Monday it would cut jobs": the day of the report, whatever the parser hangs
        # the day on.
        return "back"
    # Present tense with a day name other than a report is a timetable ("the offer expires
    # Friday", "they meet Monday"): the coming one.
    if c.tense == "present":
        return "fwd"
    if c.tense == "future" and _past_plan(c):
        # "Trump prepared to speak in Wisconsin on Tuesday", "was due to fly out Friday": a plan
        # told in the past looks ahead of its telling, not of the publication: the nearest such day.
        return "near"
    return c.direction("back")


def _past_plan(c: _Ctx) -> bool:
    """The time modifies "to" + verb under a verb of planning in the simple past ("prepared to
    speak", "was due to meet", "planned to vote")."""
    span = _tokens(c)
    verb = _governing_verb(span) if span is not None and len(span) else None
    if verb is None or verb.tag_ != "VB" or not any(ch.lower_ == "to" for ch in verb.children):
        return False
    head = verb.head
    if head.i == verb.i:
        return False
    return head.tag_ == "VBD" or any(ch.dep_ in ("aux", "auxpass", "cop") and ch.lower_ in ("was", "were")
                                     for ch in head.children)


def _timetable_verb(c: _Ctx, v: _Vocab) -> bool:
    span = c.doc.char_span(c.start, c.end, alignment_mode="expand") if c.doc is not None else None
    verb = _governing_verb(span) if span is not None and len(span) else None
    return verb is not None and verb.lemma_ in v.timetable_verbs


#: Dependents of "be" that make it say something else than when its subject takes place.
_BE_COMPLEMENTS = frozenset(["acomp", "attr", "dobj", "oprd", "prt", "npadvmod", "advmod", "neg", "ccomp", "xcomp",
                             "expl"])


def _time_predicate(c: _Ctx) -> bool:
    """ "The vote is in September": the time is all that "be" says of its subject."""
    span = _tokens(c)
    verb = _governing_verb(span) if span is not None and len(span) else None
    if verb is None or verb.lemma_ != "be" or span is None:
        return False
    preps = [ch for ch in verb.children if ch.dep_ == "prep"]
    return (len(preps) == 1 and preps[0].i == span.start - 1
            and not any(ch.dep_ in _BE_COMPLEMENTS for ch in verb.children))


def _dated_noun(c: _Ctx) -> Token | None:
    """The noun a time expression dates: "Sunday's vote", "the November elections", "the attack in
    November" (None when the time modifies a verb or stands alone)."""
    span = _tokens(c)
    if span is None or not len(span):
        return None
    tok = span.root
    if tok.dep_ in ("poss", "compound", "nmod", "amod", "npadvmod"):
        noun = tok.head  # ("a strong performance Tuesday": npadvmod of a noun)
        if noun.tag_ == "VBG" and noun.dep_ == "pobj" and not any(ch.dep_ in ("aux", "dobj") for ch in noun.children):
            return noun  # "ahead of voting Tuesday": a gerund naming the event
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("in", "on") and tok.head.dep_ == "prep":
        noun = tok.head.head
    else:
        return None
    # (a name after "in" is mostly a misparse: "the visit of Secretary Daley in September")
    if noun.i == tok.i or noun.pos_ not in ("NOUN", "PROPN" if tok.dep_ == "poss" else "NOUN") \
            or noun.i in range(span.start, span.end):
        return None
    return noun


def _names_a_vote(c: _Ctx, v: _Vocab) -> bool:
    """A month written just before a vote noun ("the November election", "a May referendum") in a
    sentence with no past verb, the vote not itself the modifier of an outcome ("the November
    election results"); read from the words, as headlines defeat the parser."""
    m = _TWO_WORDS.match(c.text, c.end)
    if m is None or m[1].lower() not in v.vote_nouns or (m[2] or "").lower() in v.past_event_nouns:
        return False
    span = _tokens(c)
    return span is not None and not any(t.tag_ in ("VBD", "VBN") for t in span.sent)


#: The two words after an expression: "(election) (results)".
_TWO_WORDS = re.compile(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")


#: "of" after "the first half" (quarter) naming something else than a year: a half of that.
_OF_OTHER = re.compile(r"\s+of\s+(?!(?:the|this|last|next|that)\s+(?:(?:fiscal|calendar|financial|current|same)\s+)?"
                       r"(?:year|decade|century)\b|(?:fiscal\s+)?(?:1[5-9]|20)\d\d\b|'\d\d\b|(?:fiscal|calendar)\b)"
                       r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?[a-z]", re.I)


def _period_context(c: _Ctx, v: _Vocab) -> bool:
    """The sentence around "the first half" speaks of a year's figures ("profit for the first half",
    "growth slowed in the second half", "the first half of the year")."""
    span = _tokens(c)
    if span is None or not len(span):
        return True  # a phrase resolved alone (resolve_text) is known to be a time
    words = {t.lower_ for t in span[0].sent} | {t.lemma_.lower() for t in span[0].sent}
    return bool(words & v.period_context)


_NEXT_WORD = re.compile(r"(?:,?\s+(?:terrorist|terror))?\s+(\w+)", re.I)
#: A capitalised word after "Century": the rest of a name ("21st Century Fox").
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z])[a-z]+\b(?<!\bOf)")
#: The end of a range of months whose last one carries the year: "from September to December 2014".
_RANGE_YEAR = re.compile(r"\s*(?:to|through|thru|until|till|and|or|-|\u2013)\s+(?:(?:early|mid|late)[\s-]+)?"
                         r"(?P<month>[A-Z][a-z]+)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?P<year>(?:1[5-9]|20)\d\d)\b")
#: A clause after "the same day" that says which day it is ("on the same day that the Post reports").
_DEFINING_CLAUSE = re.compile(r"\s+(?:that|as|when|on\s+which)\b", re.I)
#: A year written just before a named day: "the 1988 Super Tuesday".
_YEAR_BEFORE = re.compile(r"\b((?:1[5-9]|20)\d\d)\s+$")
#: A clock reading before "mark" is a point in a recording or a race, not a time of day.
_CLOCK_MARK = re.compile(r"\s+mark\b", re.I)


def _measure_sentence(c: _Ctx, v: _Vocab) -> bool:
    """The sentence measures something in numbers ("approval in the 40s", "temperatures in the
    80s"): a bare "the 40s" there is a range of numbers."""
    span = _tokens(c)
    if span is None or not len(span):
        return False
    return any(t.lower_ in v.measure_words or t.lemma_.lower() in v.measure_words for t in span[0].sent)


def _marked_future(verb: Token, v: _Vocab) -> bool:
    """A modal ("will decide", "could come") or a verb of planning ("is due to meet", "plans to
    vote") on the verb or the verbs it is governed by; not the progressive alone."""
    for _ in range(4):
        if verb.lemma_ in v.future_cues or any(
                ch.dep_ == "aux" and (ch.lower_ in v.future_cues or ch.lower_ in _MODALS) for ch in verb.children):
            return True
        if verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX", "ADJ"):
            return False
        verb = verb.head
    return False


#: "ahead of", "in advance of": written of what is still to come, even in a past clause.
_PROSPECTIVE = frozenset(["ahead", "advance"])


def _had(verb: Token | None) -> bool:
    return verb is not None and any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in ("had", "'d")
                                    for ch in verb.children)


def _due_tense(c: _Ctx, v: _Vocab) -> str | None:
    """ "The filings due Sunday night": a time after "due" (an adjective, no verb of its own) lies
    ahead, or near the telling in a past clause ("the report was due Friday")."""
    span = _tokens(c)
    if span is None or not len(span):
        return None
    adj = span.root.head
    if adj.i == span.root.i or adj.pos_ != "ADJ" or adj.lower_ not in v.plan_verbs:
        return None
    verb = _clause_verb(adj.head) if adj.head.i != adj.i else None
    return "near" if verb is not None and _verb_tense(verb, v, 0) == "past" else "future"


def _noun_tense(c: _Ctx, v: _Vocab) -> str | None:
    """For a time that dates a noun (and so has no verb of its own), the tense of the event named:
    "future" when something puts it ahead ("Thursday's summit will decide", "ahead of Sunday's
    vote", "with Wednesday's debate approaching", "the upcoming November elections"), or "near"
    when that is told in the past ("in the days leading up to Tuesday's primary, he campaigned":
    ahead of the telling, not of now); "event" for an event only told once it happened ("the
    attack in November"); else the tense of the clause ("the vote in July left him weakened": past);
    None for a date set in advance ("set a March deadline")."""
    noun = _dated_noun(c)
    if noun is None:
        return None
    head = noun.head
    verb = _clause_verb(head) if head.i != noun.i else None
    if verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
            ch.dep_ in ("aux", "auxpass") for ch in verb.children):
        # "the boost needed for a strong performance Tuesday": a participle describing a noun has no
        # tense of its own; the clause the noun is in tells it.
        verb = _clause_verb(verb.head) if verb.head.i != verb.i else None
    tense = _verb_tense(verb, v, 0) if verb is not None else None
    if verb is not None and tense == "future" and not _marked_future(verb, v):
        tense = "present"  # "is continuing to try to sell itself under a June agreement": a present
    outer, told = verb, tense
    for _ in range(2):
        # "in the days leading up to Tuesday's primary, he campaigned": the lead-up is told in the
        # tense of the clause the participle hangs on (only the lead-up: "after trouncing her in
        # Tuesday's primary, he will face ..." does not put the primary ahead)
        if told is not None or outer is None or outer.dep_ not in ("acl", "advcl", "pcomp", "xcomp", "relcl"):
            break
        outer = _clause_verb(outer.head) if outer.head.i != outer.i else None
        told = _verb_tense(outer, v, 0) if outer is not None else None
    ahead = "near" if told == "past" else "future"
    if noun.lemma_.lower() in v.plan_nouns or noun.lower_ in v.plan_nouns:
        # "before the Sunday deadline": ahead, or near the telling in a past clause ("set a March
        # deadline")
        return "near" if told == "past" else "future"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PROSPECTIVE and not _had(verb):
        return "future"  # "crowds gathered ahead of Sunday's vote": news writes it of what is still to come
    if any(ch.dep_ in ("amod", "acl", "advmod") and ch.lower_ in v.event_ahead for ch in noun.children):
        return ahead  # "the upcoming vote", "the vote expected"
    if noun.dep_ == "nsubj" and head.tag_ == "VBG" and head.lower_ in v.event_ahead:
        return ahead  # "with Wednesday's debate approaching"
    if noun.dep_ == "pobj" and head.lower_ in ("of", "to", "into", "toward", "towards") and (
            head.head.lower_ in v.event_ahead):
        return ahead  # "ahead of Sunday's vote", "leading up to", "heading into Tuesday's primary"
    if noun.dep_ in ("dobj", "nsubjpass") and (head.lemma_ in v.event_ahead or head.lower_ in v.event_ahead) and (
            "had" not in {ch.lower_ for ch in head.children}):
        return ahead  # "officials fear an attack in December", "entering Tuesday's contests"
    if verb is not None and tense == "past" and verb.lemma_ in v.reporting_verbs:
        tense = None  # "told them of a cutback in September": what was told may lie ahead
    # "police will investigate the attack in November", "ways to get around Wednesday's ruling":
    # told only once it happened, whatever the clause; unless it is the subject of what lies
    # ahead ("Wednesday's ruling will decide")
    if (noun.lower_ in v.past_event_nouns or noun.lemma_.lower() in v.past_event_nouns) and (
            tense != "future" or noun.dep_ not in ("nsubj", "nsubjpass")):
        return "event"
    return tense


def _past_perfect(c: _Ctx) -> bool:
    span = c.doc.char_span(c.start, c.end, alignment_mode="expand") if c.doc is not None else None
    verb = _governing_verb(span) if span is not None and len(span) else None
    return verb is not None and any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in ("had", "'d")
                                    for ch in verb.children)


_AFTER_REPORT = re.compile(r"\b(?:said|told|announced|reported|confirmed|stated|added|declared|wrote)\s+"
                           r"(?:on\s+|late\s+|early\s+)?$", re.I)
_LOOKS_AHEAD = re.compile(r"\bas\s+(?:early|soon)\s+as\s+$|\bno\s+later\s+than\s+$", re.I)


_SMALLER = {"year": ("month", 12), "week": ("day", 7), "day": ("hour", 24), "hour": ("minute", 60),
            "minute": ("second", 60)}


def _join_periods(big: str, small: str) -> str:
    """One ISO 8601 duration of two: P2Y + P6M = P2Y6M, PT5H + PT30M = PT5H30M, P1D + PT12H = P1DT12H."""
    if small.startswith("PT"):
        return big + (small[2:] if "T" in big else small[1:])
    return big + small[1:]


def _calendar_unit(a: dt.date, unit: str, step: int, modv: str | None) -> Resolved | None:
    """The calendar unit containing ``a`` moved by ``step`` units ("last week" = step -1)."""
    unit = unit.replace("fiscal ", "")
    if unit in ("week", "weekend"):
        d = a + dt.timedelta(weeks=step)
        suffix = "-WE" if unit == "weekend" else ""
        return "DATE", _iso_week(d) + suffix, modv
    if unit == "month":
        d = _shift_months(a, step)
        return "DATE", f"{d.year:04d}-{d.month:02d}", modv
    if unit == "quarter":
        q = (a.month - 1) // 3 + step
        y, q = a.year + q // 4, q % 4
        return "DATE", f"{y:04d}-Q{q + 1}", modv
    if unit == "half":
        h = (a.month - 1) // 6 + step
        y, h = a.year + h // 2, h % 2
        return "DATE", f"{y:04d}-H{h + 1}", modv
    if unit == "year":
        return "DATE", f"{a.year + step:04d}", modv
    if unit == "decade":
        return "DATE", f"{a.year // 10 + step:03d}", modv
    if unit == "century":
        return "DATE", f"{a.year // 100 + step:02d}", modv
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return "DATE", (a + dt.timedelta(days=step)).isoformat(), modv
    return None


def _shift_quarter(value: str, quarters: int) -> str:
    q = int(value[:4]) * 4 + int(value[6]) - 1 + quarters
    return f"{q // 4:04d}-Q{q % 4 + 1}"


def _period_year(a: dt.date, n: int, half: bool, past: bool) -> int:
    """The year of quarter (half) ``n`` without a year: results are reported after the period
    ends, so a past or undated quarter is the latest one on or before the anchor's, and any
    other the nearest one ("the first quarter" in October is next year's)."""
    per_year = 2 if half else 4
    cur = (a.month - 1) // (12 // per_year) + 1
    diff = n - cur
    if past:
        return a.year - (1 if diff > 0 else 0)
    if diff > per_year // 2:
        return a.year - 1
    if diff < -(per_year // 2):
        return a.year + 1
    return a.year


def _offset(base: dt.date, n: int, unit: str, spec: dict[str, Any]) -> Resolved | None:
    """``base`` moved by ``n`` units, at the unit's granularity ("two weeks ago" → a week)."""
    if spec.get("time"):
        return None
    if "months" in spec:
        months = int(spec["months"]) * n
        d = _shift_months(base, months)
        if unit in ("year",):
            return "DATE", f"{d.year:04d}", None
        if unit == "decade":
            return "DATE", f"{d.year // 10:03d}", None
        if unit == "century":
            return "DATE", f"{d.year // 100:02d}", None
        if unit == "quarter":
            return "DATE", f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}", None
        return "DATE", f"{d.year:04d}-{d.month:02d}", None
    d = base + dt.timedelta(days=int(spec.get("days", 1)) * n)
    if unit in ("week", "fortnight"):
        return "DATE", _iso_week(d), None
    return "DATE", d.isoformat(), None


# --------------------------------------------------------------------------- parse helpers


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").lower()).strip()


def _cap(s: str) -> str:
    s = s.rstrip(".")
    return s[:1].upper() + s[1:].lower()


def _tokens(c: _Ctx) -> Span | None:
    if c.doc is None:
        return None
    return c.doc.char_span(c.start, c.end, alignment_mode="expand")


def _token_pos(c: _Ctx) -> str | None:
    span = _tokens(c)
    return span[-1].pos_ if span is not None and len(span) else None


#: A unit and the smaller one a fraction of it counts in: half a year is six months.
_SMALLER_UNIT = {"year": ("month", 12), "quarter": ("month", 3), "decade": ("year", 10), "century": ("year", 100),
                 "week": ("day", 7), "fortnight": ("day", 14)}


def _after_fraction_bar(text: str, start: int) -> bool:
    """A number right after "4 1/" or "41/" is the denominator of a fraction ("a term of 41/2
    years", where the space of "4 1/2" was lost): no count of units."""
    return start >= 2 and text[start - 1] == "/" and text[start - 2].isdigit()


def _preceded_by(c: _Ctx, words: tuple[str, ...]) -> bool:
    if c.doc is None:
        return False
    span = _tokens(c)
    if span is None or span.start == 0:
        return False
    return c.doc[span.start - 1].lower_ in words


#: "current" in these compounds names a kind of thing, not the present.
_CURRENT_COMPOUNDS = frozenset(["account", "accounts", "affairs", "events", "assets", "liabilities", "flow",
                                "density", "sea", "carrier", "source", "transformer"])


def _is_present_adjective(c: _Ctx) -> bool:
    span = _tokens(c)
    if span is None or c.doc is None:
        return False
    tok = span[-1]
    if tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN") or tok.head.i < tok.i:
        return False
    if tok.head.lower_ in _CURRENT_COMPOUNDS or c.doc[tok.i + 1].lower_ in _CURRENT_COMPOUNDS:
        return False
    return not (tok.i and c.doc[tok.i - 1].lower_ in ("then", "most", "more"))


def _discourse_now(c: _Ctx) -> bool:
    """ "Now, the question is ...": "now" opening a sentence and set off by a comma turns the
    argument (a discourse marker), it does not date anything."""
    if not c.text.startswith(",", c.end):
        return False
    before = c.text[:c.start].rstrip(" \t`'\"“‘")
    return not before or before[-1] in ".!?:;\n"


def _names_a_paper(c: _Ctx) -> bool:
    """ "the party daily Granma", "a business weekly": the word names a newspaper, no frequency."""
    span = _tokens(c)
    if span is None or c.doc is None or not len(span):
        return False
    tok = span[-1]
    nxt = c.doc[tok.i + 1] if tok.i + 1 < len(c.doc) else None
    prev = c.doc[tok.i - 1] if tok.i > 0 else None
    # "the daily al-Bayan", "the London-based daily Asharq al-Awsat": a name after it, a noun
    # phrase before it (a determiner, a modifier)
    before_name = (
        nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ != "DATE" and prev is not None
        and (prev.pos_ in ("NOUN", "PROPN", "ADJ", "DET") or prev.dep_ == "amod")
    )
    return tok.pos_ in ("NOUN", "PROPN") or before_name


def _followed_by_number(c: _Ctx) -> bool:
    span = _tokens(c)
    if span is None or c.doc is None or span.end >= len(c.doc):
        return False
    # "the past two campaigns", "the past few elections": a count of things, not the past
    nxt = c.doc[span.end]
    return bool(nxt.like_num) or nxt.lower_ in ("few", "several", "many", "couple", "dozen")


def _looks_like_modal(c: _Ctx) -> bool:
    span = _tokens(c)
    if span is None:
        return False
    tok = span[-1]
    return tok.tag_ == "MD" or tok.pos_ in ("AUX", "VERB")


_MARCH_FOR = re.compile(r"\s+(?:for|on|against)\s+(?:the\s+)?[A-Z]")


def _names_a_march(c: _Ctx) -> bool:
    """ "the annual March for Life", "the March on Washington": a procession, no month."""
    span = _tokens(c)
    if span is None or c.doc is None or span.start == 0 or not _MARCH_FOR.match(c.text, c.end):
        return False
    return c.doc[span.start - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PRON")


def _looks_like_verb(c: _Ctx) -> bool:
    span = _tokens(c)
    return span is not None and span[-1].pos_ == "VERB"


def _year_context(c: _Ctx, signals: frozenset[str]) -> bool:
    """Whether a bare four-digit number is a year: spaCy calls it a date, or a preposition
    governs it, and it counts nothing ("2000 soldiers" is a number)."""
    span = _tokens(c)
    if span is None or c.doc is None:
        return True
    tok = span[-1]
    if tok.ent_type_ in _NUMERIC_ENTS and tok.ent_type_ != "":
        prev = c.doc[tok.i - 1].lower_ if tok.i else ""
        if prev not in ("in", "since", "of", "until", "from", "by", "through", "during"):
            return False
    if tok.i and c.doc[tok.i - 1].text in ("$", "#", "No.", "no.", "£", "€"):
        return False
    prev = c.doc[tok.i - 1].lower_ if tok.i else ""
    if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and prev not in ("the", "its", "their"):
        return False  # "2000 soldiers"; but "the 2016 elections" names the year
    if tok.ent_type_ == "DATE":
        return True
    if prev in signals:
        return True
    nxt = c.doc[tok.i + 1] if tok.i + 1 < len(c.doc) else None
    # "the 2014 election", "2014's budget", "2009-2010"
    if nxt is None:
        return False
    return nxt.text in ("'s", "-", "–") or (nxt.tag_ == "NN" and prev in ("the", "a"))


def _approx_word(m: re.Match[str]) -> bool:
    return bool(m.groupdict().get("approx"))


def _in_year_range(m: re.Match[str]) -> bool:
    """ "2009-2010": either end of a range of years is a year whatever surrounds it."""
    text = m.string
    after, before = text[m.end():m.end() + 5], text[max(0, m.start() - 5):m.start()]
    return bool(re.match(r"[-–](?:1[5-9]|20)\d\d", after) or re.fullmatch(r"(?:1[5-9]|20)\d\d[-–]", before))


def _is_adverbial_one_day(c: _Ctx) -> bool:
    span = _tokens(c)
    if span is None or c.doc is None:
        return False
    prev = c.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.tag_ == "MD":
        return True  # "will one day be", "could one day replace": some day, never a length
    if prev is not None and (prev.pos_ in ("ADP", "SCONJ", "DET", "NUM") or prev.lower_ in _LENGTH_FOCUS):
        return False  # "in office only one day": a length
    return span.root.dep_ in ("npadvmod", "advmod")


#: Focus words that measure what follows: "only one day", "just one day" is a length.
_LENGTH_FOCUS = frozenset(["only", "just", "barely", "merely", "nearly", "almost", "exactly", "another"])


def _is_rate(c: _Ctx) -> bool:
    span = _tokens(c)
    if span is None or c.doc is None or span.start == 0:
        return False
    prev = c.doc[span.start - 1]
    return prev.like_num or prev.pos_ in ("NOUN", "PROPN", "NUM", "SYM")


def _is_age_or_count(c: _Ctx, m: re.Match[str]) -> bool:
    if c.doc is None:
        return False
    after = c.text[c.end:c.end + 12].lower()
    if re.match(r"\s*-?\s*olds?\b", after):
        return True
    span = _tokens(c)
    if span is None:
        return False
    # "a 10-year-old", "aged 83 years"
    return span.start > 0 and c.doc[span.start - 1].lower_ in ("aged", "age")


# --------------------------------------------------------------------------- tense




def _governing_verb(span: Span) -> Token | None:
    """The verb a time expression modifies directly ("said Friday", "met on Friday"); None when
    it modifies a noun or adjective first ("payable Dec. 15", "the Dec. 15 deadline"), whose
    time the clause's tense does not fix."""
    tok = span.root
    # "late Friday or early Saturday", "in January and February": a conjunct shares the verb of
    # the first one.
    while tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ in ("PROPN", "NOUN", "NUM"):
        tok = tok.head
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.dep_ != "prep" and head.pos_ != "ADP":
            return None
        tok = head
    return None


def _clause_verb(tok: Token) -> Token | None:
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


_MODALS = frozenset(["can", "could", "may", "might", "must", "should", "would", "ought"])


def _tense(doc: Doc, start: int, end: int, v: _Vocab) -> str | None:
    """"past", "future", "present" or None for the clause a time expression modifies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _governing_verb(span)
    if verb is None:
        return None
    return _verb_tense(verb, v, 0)


def _verb_tense(verb: Token, v: _Vocab, depth: int) -> str | None:
    cues = v.future_cues
    auxes = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    lows = {a.lower_ for a in auxes}
    if any(ch.dep_ == "mark" and ch.lower_ in ("if", "unless") for ch in verb.children):
        # A condition looks ahead ("if he wins in November", "if he won on Nov. 8") unless it
        # is counterfactual about the past ("if he had won").
        return "past" if "had" in lows else "future"
    if lows & {"will", "'ll", "shall", "wo"}:
        return "future"
    if lows & _MODALS:
        # "could leave as early as Tuesday" looks ahead; "may have left" looks back.
        if lows & {"have", "'ve"}:
            return "past"
        negated = any(ch.dep_ == "neg" for ch in verb.children)
        if negated and ("could" in lows or ("would" in lows and verb.dep_ == "ROOT")):
            # "could not be reached for comment Friday", "he wouldn't say Monday whether": the
            # past of "can" and "will" (inability, refusal), told of a time already gone.
            return "past"
        return "future"
    # "is due to meet", "plans to vote", "is expected to sign": the governing verb decides.
    governed = verb.dep_ in ("xcomp", "acomp", "advcl", "acl", "relcl", "conj") and verb.head.i != verb.i
    if "to" in lows and verb.tag_ == "VB":
        head = verb.head
        # "planned to leave Thursday" looks ahead of the planning, even in the past tense.
        if head.lemma_ in cues or head.lower_ in ("due", "set", "poised"):
            # ... but "had been scheduled to expire Friday" tells of a plan already past.
            if any(ch.lower_ == "had" for h in (head, head.head) for ch in h.children):
                return "past"
            return "future"
        if verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and depth < 3:
            # "we stand a good chance to win it on Tuesday": what a noun of the present is for lies ahead
            clause = _clause_verb(head)
            outer = _verb_tense(clause, v, depth + 1) if clause is not None else None
            return "future" if outer in ("present", "future") else None
        if governed and depth < 3:
            outer = _verb_tense(head, v, depth + 1) if head.pos_ in ("VERB", "AUX") else None
            return "future" if outer in ("present", "future") else None
        return None
    if verb.lemma_ in ("due", "upcoming", "scheduled", "slated"):
        return "future"
    if verb.tag_ == "VBN" and verb.lemma_ in v.plan_verbs and "had" not in lows and (
            verb.lemma_ != "set" or any(ch.lower_ == "for" for ch in verb.children)):
        # "the accession was planned for early March": the plan looks ahead; but "a record set
        # on Aug. 6" was set then.
        return "future"
    if verb.tag_ == "VBD" and verb.lemma_ in ("plan", "schedule", "slate") and not auxes and {
            ch.dep_ for ch in verb.children} & {"dobj", "xcomp", "ccomp"} == {"dobj"}:
        # "protesters planned a march on Saturday": what was planned lies ahead of the planning
        return "future"
    if verb.lemma_ in ("await", "expect", "anticipate") and "had" not in lows and any(
            ch.dep_ == "dobj" for ch in verb.children):
        # "Pretoria was awaiting the outcome of a meeting on Thursday": what is awaited lies ahead
        return "future"
    if any(a.tag_ == "VBD" or a.lower_ in ("had", "did", "was", "were") for a in auxes):
        if verb.tag_ == "VBG" and lows & {"was", "were"} and any(
                ch.dep_ == "xcomp" for ch in verb.children) and verb.lemma_ == "go":
            return None
        return "past"
    if lows & {"has", "have", "'ve"}:
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if lows & {"be", "been", "being"}:
            return None
        if lows & {"is", "are", "am", "'s", "'re"}:
            return "future" if verb.lemma_ in cues else "present"
        # "the year ended March 31", "a record set on Aug. 6": a participle of a completed event.
        return "past"
    if verb.tag_ == "VBG" and lows & {"is", "are", "am", "'s", "'re"}:
        if verb.lemma_ == "go" and any(ch.dep_ == "xcomp" for ch in verb.children):
            return "future"
        return "future"
    if verb.tag_ == "VBP" and verb.lower_ in v.same_past:
        # "hurt", "cut", "set": the past is spelt as the present, and the tagger's guess does not
        # tell them apart; a singular subject ("demand cut output Friday") rules the present out.
        subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it")):
            return "past"
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        if verb.lemma_ in v.reporting_verbs:
            return "past"  # "the ministry says Friday": a report of what was said
        if verb.lemma_ in cues and verb.lemma_ in ("plan", "expect", "intend", "hope", "aim", "schedule"):
            return "future"
        return "present"
    if verb.tag_ in ("VB", "VBG") and governed and depth < 3 and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_tense(verb.head, v, depth + 1)
    return None


# --------------------------------------------------------------------------- the component


class TimeTagger:
    """Writes ``doc._.times``: every temporal expression with its TIMEX3 type and value."""

    def __init__(self, nlp: Language | None, name: str, vocabulary: str = DEFAULT_VOCABULARY) -> None:
        extensions.register()
        self.vocabulary = vocabulary
        self.vocab = _vocab(vocabulary)
        self.grammar = _grammar(vocabulary)

    def __call__(self, doc: Doc) -> Doc:
        anchor = _anchor_date(doc._.published)
        text = extensions.text_of(doc)
        found = _candidates(self.grammar, text)
        times, records = _resolve_all(found, text, anchor, doc, self.grammar)
        doc._.times = times
        doc.user_data[ANCHOR_KEY] = {"vocabulary": self.vocabulary, "times": records}
        return doc


_Candidate = tuple[int, int, str, "re.Match[str]", _Handler]


def _candidates(grammar: _Grammar, text: str) -> list[_Candidate]:
    """Candidate matches ordered leftmost-longest (overlaps are settled when they resolve: a
    candidate its rule rejects gives way to the next one); names that hold a time word masked."""
    masked: list[tuple[int, int]] = []
    if grammar.not_times is not None:
        masked = [(m.start(), m.end()) for m in grammar.not_times.finditer(text)]
    cands: list[tuple[int, int, int, str, re.Match[str], _Handler]] = []
    feats = _Feats(text)
    for prio, (name, rx, fn) in enumerate(grammar.patterns):
        need = grammar.needs.get(name)
        if need is not None and not need(feats):
            continue
        extent = "x" if "x" in rx.groupindex else 0
        window = grammar.windows.get(name)
        for m in rx.finditer(text) if window is None else _windowed(rx, window, feats):
            s, e = m.span(extent)
            if s == e or (masked and any(s < me and ms < e for ms, me in masked)):
                continue
            cands.append((s, -(e - s), prio, name, m, fn))
    cands.sort(key=lambda t: (t[0], t[1], t[2]))
    return [(s, s - neg, name, m, fn) for s, neg, _prio, name, m, fn in cands]


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """A time word inside a longer name ("Fox News Sunday", "the Sunday Times") is no time."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.like_num for t in span):
        return False
    for tok in span:
        if tok.ent_type_ not in _NON_TIME_ENTS:
            continue
        entity = extensions.entity_at(tok)
        if entity is not None and (entity.start < span.start or entity.end > span.end):
            return True
    return False


def _anchor_date(published: Any) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if published:
        try:
            return dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            pass
    return None


#: Anchors far apart in every field: a field of a value that changes between them depends on the
#: anchor, so without one it is written X ("Friday" → XXXX-XX-XX, "June 3" → XXXX-06-03).
_PROBES = (dt.date(1987, 5, 17), dt.date(2042, 10, 29), dt.date(2019, 2, 3))
_FIELD = re.compile(r"\d")


def _underspecified(resolver: Resolver) -> Resolved | None:
    results = [resolver(p) for p in _PROBES]
    first = results[0]
    if first is None or any(r is None for r in results):
        return None
    values = [r[1] for r in results if r is not None]
    if len(set(values)) == 1:
        return first
    split = [v.split("T", 1) for v in values]
    dates = [parts[0].split("-") for parts in split]
    columns = list(zip(*dates, strict=True)) if len({len(d) for d in dates}) == 1 else []
    if not columns or any(len({len(f) for f in col}) != 1 for col in columns):
        masked_date = _FIELD.sub("X", split[0][0])
    else:
        masked_date = "-".join(col[0] if len(set(col)) == 1 else _FIELD.sub("X", col[0]) for col in columns)
    times = {parts[1] if len(parts) > 1 else None for parts in split}
    time = split[0][1] if len(split[0]) > 1 else None
    if time is not None and len(times) > 1:
        time = _FIELD.sub("X", time)
    return first[0], masked_date + (f"T{time}" if time is not None else ""), first[2]


def _apply(resolver: Resolver, deictic: bool, anchor: dt.date | None) -> tuple[Resolved | None, str | None]:
    """The resolved value and the anchor it was resolved against (None when it needs none, or
    when there is no anchor and the fields that depend on one are left X)."""
    if not deictic:
        return resolver(anchor or _PROBES[0]), None
    if anchor is None:
        return _underspecified(resolver), None
    return resolver(anchor), anchor.isoformat()


def _day_value(value: str) -> dt.date | None:
    if len(value) >= 10 and value[4] == "-" and value[:4].isdigit():
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _resolve_all(
    found: list[_Candidate], text: str, anchor: dt.date | None, doc: Doc | None,
    grammar: _Grammar,
) -> tuple[list[TimeExpression], list[dict[str, Any]]]:
    times: list[TimeExpression] = []
    records: list[dict[str, Any]] = []
    reference: dt.date | None = None
    sent_date: tuple[int, dt.date] | None = None
    quarter: tuple[int, str] | None = None
    ref_value: str | None = None
    sent_month: tuple[int, str] | None = None
    story_month: str | None = None
    ref_sent = month_sent = -1
    day_left = False
    starts = _sentence_starts(doc)
    last_end = -1
    for s, e, name, m, fn in found:
        if s < last_end or (doc is not None and _inside_name(doc, s, e)):
            continue
        tense = _tense(doc, s, e, grammar.v) if doc is not None else None
        sent = bisect.bisect_right(starts, s)
        sdate = sent_date[1] if sent_date is not None and sent_date[0] == sent else None
        ctx = _Ctx(doc=doc, text=text, start=s, end=e, tense=tense, reference=reference, sentence_date=sdate,
                   quarter=quarter[1] if quarter else None,
                   quarter_near=quarter is not None and sent - quarter[0] <= _QUARTER_WINDOW, reference_value=ref_value,
                   sentence_month=sent_month[1] if sent_month is not None and sent_month[0] == sent else None,
                   story_month=story_month,
                   narrative_year=ref_value[:4] if ref_value and sent - ref_sent <= _NARRATIVE_WINDOW else None,
                   recent_month=story_month if sent - month_sent <= 1 else None, day_left=day_left)
        if name in _LOWERCASE_PATTERNS and _title_cased(text, s, s + len(m["word"]) if name == "named_time" else e):
            continue
        out = fn(m, ctx)
        if out is None:
            continue
        resolver, deictic = out
        res, used_anchor = _apply(resolver, deictic, anchor)
        if res is None:
            continue
        ttype, value, modv = res
        t = TimeExpression(start=s, end=e, text=text[s:e], type=ttype, value=value, mod=modv,
                           anchor=used_anchor)
        times.append(t)
        last_end = e
        if deictic:
            records.append(_record(name, m, ctx))
        day = _day_value(value)
        if ttype == "DATE" and _MONTH_VALUE.match(value):
            sent_month = (sent, value)
        if ttype in ("DATE", "TIME") and _MONTH_VALUE.match(value[:7]) and (len(value) == 7 or value[7] == "-"):
            story_month = value[:7]
            month_sent = sent
        if name in _EXPLICIT_PATTERNS and _CALENDAR_VALUE.match(value):
            # Only a date the text writes out moves the story's time; our own inferences do not.
            ref_value = value[:10]
            ref_sent = sent
            day_left = _leaves(reference, ref_value)
        elif name == "season" and _SEASON_VALUE.match(value) and _WRITTEN_YEAR.search(m.group(0)):
            # "in spring 2000": a season with its year written out puts the story in that year.
            ref_value = value[:4]
            ref_sent = sent
            day_left = _leaves(reference, ref_value)
        if day is not None and ttype in ("DATE", "TIME"):
            reference = day
            day_left = False
            sent_date = (sent, day)
        elif name in ("quarter", "q_abbr") and _QUARTER_VALUE.match(value) and _reported(value, anchor):
            # Only a quarter the text names sets the reference; "a year ago" beside it does not,
            # nor does a quarter still to come ("expects fourth-quarter profit to fall"): the
            # results compared are those of a quarter that has ended.
            quarter = (sent, value)
        elif quarter is not None and value in (quarter[1], _shift_quarter(quarter[1], -4)):
            # "the quarter", "a year earlier" (as that quarter a year before) keep the story on
            # the quarter it named.
            quarter = (sent, quarter[1])
    times = _join_lengths(times, text)
    _set_ranges(times, text, anchor)
    return times, records


#: A length of one unit: P3Y, PT32S.
_ONE_UNIT = re.compile(r"^P(T?)(\d+)([YMDHS])$")
#: The units a length may be written in, largest first; "3 minutes 32 seconds" goes down the list.
_UNIT_RANK = {("", "Y"): 0, ("", "M"): 1, ("", "D"): 2, ("T", "H"): 3, ("T", "M"): 4, ("T", "S"): 5}
#: What joins the parts of one length: "3 minutes 32 seconds", "two years and three months".
_LENGTH_JOIN = re.compile(r"(?:\s+|\s+and\s+|,\s+)")


def _join_lengths(times: list[TimeExpression], text: str) -> list[TimeExpression]:
    """Lengths written in units one after another ("3 minutes 32 seconds", "two years and three
    months") are one length, PT3M32S, P2Y3M: TIMEX3 takes the whole phrase."""
    out: list[TimeExpression] = []
    for t in times:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "DURATION" == t.type and t.mod is None \
                and _LENGTH_JOIN.fullmatch(text, prev.end, t.start) and t.text[:1].isalnum() \
                and ("," not in text[prev.end:t.start] or t.text[:1].isdigit()) \
                and t.text.split()[0].lower() not in ("a", "an", "the", "another"):
            a, b = _ONE_UNIT.match(prev.value), _ONE_UNIT.match(t.value)
            if a and b and _UNIT_RANK.get((a[1], a[3]), 9) < _UNIT_RANK.get((b[1], b[3]), -1) < 9:
                value = f"{prev.value}{'T' if b[1] and not a[1] else ''}{b[2]}{b[3]}"
                out[-1] = replace(prev, end=t.end, text=text[prev.start:t.end], value=value)
                continue
        out.append(t)
    return out


def _leaves(day: dt.date | None, value: str) -> bool:
    """A month or year written after a day that it does not hold: the story has moved on from the
    day ("on March 3 ... in June 2014")."""
    return day is not None and len(value) < 10 and not day.isoformat().startswith(value)


def _record(name: str, m: re.Match[str], c: _Ctx) -> dict[str, Any]:
    """What ``reanchor`` needs to resolve an expression again, as plain data: the rule, where its
    match starts, and the context the rule saw (a Doc with it stays serialisable)."""
    return {"start": c.start, "end": c.end, "rule": name, "match": m.start(), "tense": c.tense,
            "reference": c.reference.isoformat() if c.reference else None,
            "sentence_date": c.sentence_date.isoformat() if c.sentence_date else None,
            "quarter": c.quarter, "quarter_near": c.quarter_near, "reference_value": c.reference_value,
            "sentence_month": c.sentence_month, "story_month": c.story_month,
            "narrative_year": c.narrative_year, "recent_month": c.recent_month, "day_left": c.day_left}


def _date_or_none(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


#: Patterns made of words that are written lowercase: capitalised mid-sentence they are a name
#: ("ABC's This Week", "VOA Today").
_LOWERCASE_PATTERNS = frozenset(("deictic_day", "deictic", "rel_period", "part_rel", "duration", "set_word",
                                 "named_time", "the_part", "full_year", "the_unit_now", "that_time", "day_edge"))
_SENTENCE_OPENERS = frozenset('.!?"“”‘’\'(:;-—–\n`[«')


def _title_cased(text: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    if not words or not any(w[0].isupper() for w in words):
        return False
    if any(w[0].isupper() for w in words[1:]):
        return True
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in _SENTENCE_OPENERS


#: Earnings reports compare "a year ago" with the quarter they name a few sentences before.
_QUARTER_WINDOW = 3
#: A past story retold from a year it writes out ("In 2008, ... in the fall") stays in that year
#: for a few sentences.
_NARRATIVE_WINDOW = 2
_EXPLICIT_PATTERNS = frozenset(("iso", "numeric", "month_day", "day_month", "month_year", "year"))
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d\d){0,2}(?:T|$)")
_QUARTER_VALUE = re.compile(r"^\d{4}-Q[1-4]$")
_MONTH_VALUE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")
_SEASON_VALUE = re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$")
_WRITTEN_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def _reported(quarter: str, anchor: dt.date | None) -> bool:
    if anchor is None:
        return True
    last = _calendar_unit(anchor, "quarter", -1, None)
    return last is None or quarter <= last[1]


def _sentence_starts(doc: Doc | None) -> list[int]:
    if doc is None or not doc.has_annotation("SENT_START"):
        return []
    return [sent.start_char for sent in doc.sents]


def _set_ranges(times: list[TimeExpression], text: str, anchor: dt.date | None) -> None:
    """"since X" runs from X to the anchor (open, None, without one); "between X and Y" /
    "from X to Y" from X to Y."""
    for i, t in enumerate(times):
        before = text[max(0, t.start - 12):t.start].lower()
        if t.type not in ("DATE", "TIME"):
            continue
        nxt = times[i + 1] if i + 1 < len(times) else None
        joined = text[t.end:nxt.start].strip().lower() if nxt is not None else ""
        if nxt is not None and text[t.end:nxt.start] in ("-", "–") and len(t.value) == len(nxt.value) == 4:
            t.range_from = nxt.range_from = t.value
            t.range_to = nxt.range_to = nxt.value
        elif _SINCE.search(before):
            t.range_from, t.range_to = t.value, anchor.isoformat() if anchor else None
        elif re.search(r"\b(?:between|from)\s+$", before) and nxt is not None and joined in (
                "and", "to", "until", "till", "through", "-", "–", "and until"):
            t.range_from, t.range_to = t.value, nxt.value
            nxt.range_from, nxt.range_to = t.value, nxt.value
        elif re.search(r"\b(?:until|till|through)\s+$", before) and t.range_to is None:
            t.range_to = t.value


_SINCE = re.compile(r"\bsince\s+$")


@cache
def _grammar(vocabulary: str) -> _Grammar:
    return _Grammar(_vocab(vocabulary))


@Language.factory("storyline_times", default_config={"vocabulary": DEFAULT_VOCABULARY})
def make_times(nlp: Language, name: str, vocabulary: str = DEFAULT_VOCABULARY) -> TimeTagger:
    return TimeTagger(nlp, name, vocabulary)


# --------------------------------------------------------------------------- public helpers


def reanchor(doc: Doc, start: int, end: int, anchor: str) -> None:
    """Re-resolve deictic time expressions inside ``doc.text[start:end]`` against ``anchor``
    (ISO date): quotes call this so "today" in a statement means the day it was made.

    The objects in ``doc._.times`` are updated in place (value, type, mod, anchor); ranges
    ("since X") that ran to the old anchor now run to the new one.
    """
    new = _anchor_date(anchor)
    stored = doc.user_data.get(ANCHOR_KEY) or {}
    if new is None or not isinstance(stored, dict):
        return
    grammar = _grammar(str(stored.get("vocabulary") or DEFAULT_VOCABULARY))
    records = {(r["start"], r["end"]): r for r in stored.get("times", ())}
    text = extensions.text_of(doc)
    for t in doc._.times or []:
        if t.start < start or t.end > end:
            continue
        rec = records.get((t.start, t.end))
        if rec is None:
            continue
        res = _rerun(grammar, rec, doc, text, new)
        if res is None:
            continue
        t.type, t.value, t.mod = res
        t.anchor = new.isoformat()
        if _SINCE.search(text[max(0, t.start - 12):t.start].lower()):
            t.range_from, t.range_to = t.value, new.isoformat()


def _rerun(grammar: _Grammar, rec: dict[str, Any], doc: Doc, text: str, anchor: dt.date) -> Resolved | None:
    """The rule that found an expression, run again at the same place with the same context."""
    rule = grammar.rules.get(rec["rule"])
    if rule is None:
        return None
    rx, fn = rule
    m = rx.match(text, rec["match"])
    if m is None:
        return None
    ctx = _Ctx(doc=doc, text=text, start=rec["start"], end=rec["end"], tense=rec["tense"],
               reference=_date_or_none(rec["reference"]), sentence_date=_date_or_none(rec["sentence_date"]),
               quarter=rec["quarter"], quarter_near=bool(rec["quarter_near"]), sentence_month=rec.get("sentence_month"),
               story_month=rec.get("story_month"), narrative_year=rec.get("narrative_year"),
               recent_month=rec.get("recent_month"), day_left=bool(rec.get("day_left")),
               reference_value=rec["reference_value"])
    out = fn(m, ctx)
    return out[0](anchor) if out is not None else None


def times_in(doc: Doc, start: int, end: int) -> list[TimeExpression]:
    """The time expressions lying inside ``doc.text[start:end]``."""
    return [t for t in doc._.times or [] if t.start >= start and t.end <= end]


def time_of(doc: Doc, token: Token) -> TimeExpression | None:
    """The time expression governing ``token`` (an event trigger, a speech verb): one whose
    syntactic head chain reaches the token's clause verb without crossing another clause, the
    closest such in the sentence; None when the clause has no time expression."""
    times = doc._.times or []
    if not times:
        return None
    verb = _clause_verb(token) or token
    sent = token.sent
    best: tuple[int, TimeExpression] | None = None
    starts = [t.start for t in times]
    lo = bisect.bisect_left(starts, sent.start_char)
    for t in times[lo:]:
        if t.start >= sent.end_char:
            break
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        governor = _clause_verb(span.root.head if span.root.head.i != span.root.i else span.root)
        if governor is not None and governor.i == verb.i:
            dist = abs(span.root.i - token.i)
            if best is None or dist < best[0]:
                best = (dist, t)
    return best[1] if best else None


def resolve_text(text: str, anchor: str, vocabulary: str = DEFAULT_VOCABULARY) -> Resolved | None:
    """(type, value, mod) of a short time phrase such as "mid-October" or "last week", resolved
    against ``anchor`` without a parse (default directions: past for weekdays, nearest for
    months); None when the phrase is not a time expression."""
    grammar = _grammar(vocabulary)
    found = _candidates(grammar, text)
    if not found:
        return None
    times, _ = _resolve_all(found, text, _anchor_date(anchor), None, grammar)
    best = max(times, key=lambda t: t.end - t.start, default=None)
    return (best.type, best.value, best.mod) if best else None
