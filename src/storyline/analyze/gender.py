"""Words that show a person's sex in English text: titles before a name and third-person pronouns.

Speakers, actors and event arguments all tell "Mrs. Clinton" from "Mr. Clinton" and "he" from "she";
they read it here, from one closed list, and use no list of given names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FEMALE_TITLES = frozenset(
    {"ms", "ms.", "mrs", "mrs.", "miss", "madam", "dame", "lady", "queen", "princess", "congresswoman"}
)
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "congressman"})

GENDERED_PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
MALE_PRONOUNS = frozenset(w for w, g in GENDERED_PRONOUNS.items() if g == "m")
FEMALE_PRONOUNS = frozenset(w for w, g in GENDERED_PRONOUNS.items() if g == "f")


def title_gender(words: Iterable[str]) -> str | None:
    """ "m" or "f" when one of ``words`` (lower case) is a title that says the person's sex."""
    low = set(words)
    if not MALE_TITLES.isdisjoint(low):
        return "m"
    if not FEMALE_TITLES.isdisjoint(low):
        return "f"
    return None


def first_pronoun_gender(tokens: Iterable[Any]) -> str | None:
    """The sex of the first gendered pronoun among ``tokens`` (spaCy tokens): after a subject, in its
    own sentence, that pronoun is most often the subject's own ("Warren said her bill …")."""
    return next((GENDERED_PRONOUNS[t.lower_] for t in tokens if t.lower_ in GENDERED_PRONOUNS), None)
