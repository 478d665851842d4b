"""Publication dates from metadata values and from a text's dateline.

Only complete dates count (year, month and day): a dateline that says "Monday" is not a
publication date, and guessing one would date every fact in the document wrongly.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
#: A dateline sits at the very top of a story; a date further down is about something else.
DATELINE_WINDOW = 250


def _date(year: str, month: int, day: str) -> str | None:
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def _first_date(text: str) -> str | None:
    candidates: list[tuple[int, str | None]] = []
    if m := _ISO.search(text):
        candidates.append((m.start(), _date(m["year"], int(m["m"]), m["d"])))
    for pattern in (_MDY, _DMY):
        if m := pattern.search(text):
            candidates.append((m.start(), _date(m["year"], _MONTHS[m["month"].lower()], m["day"])))
    found = [value for _, value in sorted(candidates) if value]
    return found[0] if found else None


def parse_date(value: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value such as ``2024-02-05``,
    ``2024-02-05T10:00:00Z`` or ``February 5, 2024``; None when it holds no complete date."""
    value = value.strip()
    if m := _ISO.match(value):
        return _date(m["year"], int(m["m"]), m["d"])
    return _first_date(value) if len(value) <= 64 else None


def date_from_text(text: str) -> str | None:
    """The publication date from a dateline at the top of the text, when it gives a full date."""
    return _first_date(text[:DATELINE_WINDOW])
