"""The event cue lexicon (``event_cues.tsv``) and mode modifiers (``event_modes.tsv``), loaded once.

Lookups are dict lookups keyed by lemma (and, for phrasal cues, lemma + particle/preposition).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from storyline.data import load_tsv

LIGHT = "LIGHT"
REPORT = "REPORT"


@dataclass(frozen=True, slots=True)
class Cue:
    """What a trigger word means: a PLOVER type (or LIGHT), a default mode and flags."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    flags: frozenset[str]


@dataclass(frozen=True, slots=True)
class ModeRule:
    applies_to: str  # a PLOVER type or "*"
    type: str | None
    mode: str | None
    rank: int  # position in the file: earlier rows win when several modifiers apply
    agent: bool = False  # the word names who acts ("workers' strike"): never read from the verb's object


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[tuple[str, str | None], Cue]  # (lemma, particle or None) → cue
    nouns: dict[str, Cue]
    modes: dict[str, tuple[ModeRule, ...]]
    phrasal_particles: frozenset[str]
    #: Head lemma of a multiword noun cue → (the word that must complete it, whether it follows
    #: "of", the cue): "martial law" (a modifier "martial" on "law"), "state of emergency" ("of
    #: emergency" on "state").
    noun_phrases: dict[str, tuple[tuple[str, bool, Cue], ...]] = field(default_factory=dict)

    def verb(self, lemma: str, particles: Iterable[str]) -> Cue | None:
        for particle in particles:
            cue = self.verbs.get((lemma, particle))
            if cue is not None:
                return cue
        return self.verbs.get((lemma, None))

    def noun(self, lemma: str) -> Cue | None:
        return self.nouns.get(lemma)


@cache
def build_cue_lexicon(extra_cues: tuple[str, ...] = (), extra_modes: tuple[str, ...] = ()) -> CueLexicon:
    """The packaged cue and mode tables plus users' files (paths, same columns)."""
    verbs: dict[tuple[str, str | None], Cue] = {}
    nouns: dict[str, Cue] = {}
    particles: set[str] = set()
    phrases: dict[str, list[tuple[str, bool, Cue]]] = {}
    rows = [*load_tsv("event_cues.tsv"), *(r for path in extra_cues for r in load_tsv(path))]
    for row in rows:
        lemma, pos = row["lemma"].strip().lower(), row["pos"].strip().upper()
        flags = frozenset(f.strip() for f in (row.get("flags") or "").split("|") if f.strip())
        cue = Cue(lemma, pos, row["type"].strip(), (row.get("mode") or "").strip() or None, flags)
        if pos == "VERB":
            head, _, particle = lemma.partition(" ")
            verbs[(head, particle or None)] = cue
            if particle:
                particles.add(particle)
        elif " of " in lemma:
            head, _, word = lemma.partition(" of ")
            phrases.setdefault(head, []).append((word, True, cue))
        elif " " in lemma:
            word, _, head = lemma.rpartition(" ")
            phrases.setdefault(head, []).append((word, False, cue))
        else:
            nouns[lemma] = cue
    modes: dict[str, list[ModeRule]] = {}
    mode_rows = [*load_tsv("event_modes.tsv"), *(r for path in extra_modes for r in load_tsv(path))]
    for rank, row in enumerate(mode_rows):
        rule = ModeRule(
            row["applies_to"].strip(),
            (row.get("type") or "").strip() or None,
            (row.get("mode") or "").strip() or None,
            rank,
            (row.get("agent") or "").strip().lower() == "yes",
        )
        modes.setdefault(row["word"].strip().lower(), []).append(rule)
    return CueLexicon(
        verbs,
        nouns,
        {k: tuple(v) for k, v in modes.items()},
        frozenset(particles),
        {k: tuple(v) for k, v in phrases.items()},
    )
