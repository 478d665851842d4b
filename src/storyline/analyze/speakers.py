"""Who said it: speaker resolution inside one document, by rules over the parse and named entities.

No coreference model runs offline, so the quote component resolves speakers with the rules below,
applied to the subject of a speech cue (or the object of "according to"). Each rule is a habit of
news writing, not of one corpus:

1. **Names.** The first mention of a person in news copy is the full name ("John Kirby"), later ones
   the surname, often with an honorific ("Mr. Kirby", "Sen. Warren"). A mention resolves to the
   longest person name in the article that ends with its surname, so ``speaker.name`` is the fullest
   form. The small NER model sometimes labels a surname ORG or GPE; the surname index is consulted
   first for any proper-noun mention for that reason.
2. **Roles and organisations** come from the words the article puts before the name
   ("White House National Security Council spokesman John Kirby": org = the ORG entity, role = the
   remaining words of the title: the unbroken noun-phrase run before the name, "former" and "Secretary of
   State" included, never words of another clause the parse hung on the name) and from appositions
   ("Kirby, a spokesman for the Pentagon"; "The former trade envoy, Tom Harlan, said"). They are kept
   on the person's profile, so a later "Mr. Kirby" or "he" carries them too. A common noun with a
   name in apposition is that person ("The Slate technology columnist David Auerbach said"); a
   mention stops at the name when the NER ran it into the clause ("Trump accused Holt of …").
3. **Definite roles** ("the spokesman", "the senator", "the ministry") refer back to the latest person
   whose role has that head noun, or to the organisation whose name contains it; when nothing
   earlier matches, the phrase itself is the speaker.
4. **Pronouns** (he/she) refer to the most salient earlier person: the subject of the current sentence
   before the pronoun, else whichever is more recent of the speaker of the latest statement and the
   latest subject person within the last sentences ("Trump was just as blunt. “…,” he said" is
   Trump even if someone else spoke before; a name in apposition to a subject counts as one: "His
   neighbor, Jill Cole, agreed"), skipping candidates of the other gender. Gender comes from honorifics
   ("Mrs.", "Mr.") or, failing those, from a clear majority of the pronouns that follow the person as
   subject in their own sentences ("Warren said her bill …"); no list of names is used. Names inside
   quote marks are the speaker's own words and are never antecedents ("“Donald is a leader,” she said"). "they"/"it"
   refer to the latest organisation or group that spoke ("Six newspapers said … They urged him …"; "it"
   only to an organisation, never to a plural group), else to the latest organisation that was
   the subject of a clause ("The Commission voted … what it called …"); a person's surname the NER
   labelled ORG is no organisation for this, and a person is never what "they" stands for. An
   unresolved pronoun stays as written.
   A definite description with no earlier role to match ("the former secretary of state said") is
   read like a pronoun; one that names its country or organisation ("the Israeli leader", "the EU
   executive") only stands for a person of that side, and for no one when no such person is on stage.
   One sentence that speaks of "the prime minister" and then of "the billionaire developer" speaks of two
   people: a description is never whoever another description of the same sentence stands for. A bare
   "the man"/"the woman" is the latest unnamed person brought in with "a"/"one" ("a man in the crowd",
   "a protester"), not the named person on stage. "they" takes a singular institution noun ("the
   campaign") only within its own sentence; a plural of people that was a subject ("Mexican officials
   conducted polls … they said") is what it stands for.
5. **Organisations and places speak** ("the State Department said", "Baghdad denouncing"): the
   entity is the speaker and the actor coder decides what it stands for (Baghdad → Iraq's
   government).
6. **Anonymous sources** ("a US official", "sources close to the talks") are kept as written.
7. **Misparses the small model makes** are not speakers: a date, a number or a work title as the
   subject of "said" ("5:45 p.m. … says"), unless the word is a known surname the NER mislabelled.
   A share of people is a group that speaks, not a misparse ("63 percent said", "52 percent of
   voters agreed", "about four in 10 said"); its whole phrase is the speaker.
8. **Ages as nouns** ("said the 46-year-old") are definite descriptions of a person already on
   stage and are resolved like a pronoun of unknown gender, not dropped as a date.
9. **Speech nouns as subjects** ("the statement said") give the floor to their owner ("the ministry's
   statement", "a statement from the ministry", "a speech Mrs. Clinton delivered"); "the statement"
   with no owner of its own is the one someone released earlier ("The company released a statement.
   … the statement said").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from storyline.analyze.actor_lexicon import ORG
from storyline.analyze.actors import SECTOR_CODES, lexicon_of, resolve_actor
from storyline.analyze.extensions import entity_at, text_of
from storyline.analyze.gender import FEMALE_TITLES, MALE_TITLES, first_pronoun_gender, title_gender
from storyline.model import Speaker

Tok = Any  # spaCy's Token is untyped for mypy

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its", "we", "our"}
NAME_LABELS = {"PERSON"}
DASHES = {"-", "–", "—", "--", "―"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
#: endings of nouns that name people ("chairwoman", "actress", "economist", "historian").
PERSON_SUFFIXES = ("man", "woman", "person", "ist", "ian")
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
#: entity types that cannot speak: a parse that makes "5:45 p.m." the subject of "says" is wrong.
NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART", "LAW"}
#: links inside a noun phrase that a title before a name is made of ("former Secretary of State").
TITLE_DEPS = {"compound", "amod", "nmod", "poss", "det", "case", "nummod", "quantmod", "prep", "pobj", "punct", "cc"}
TITLE_DEPS |= {"conj", "advmod", "npadvmod", "appos"}
#: honorifics that say nothing of a person's office.
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dame", "sir", "dr", "prof", "rev"}
#: demonstrative pronouns: the subject of "indicate" or "suggest", never a speaker.
DEMONSTRATIVES = {"this", "that", "these", "those"}
#: plain words for a person that a story uses for someone it has not named ("the man shouted").
BARE_PEOPLE = {"man", "woman", "person", "guy", "lady", "boy", "girl"}
#: how many sentences back a pronoun or a definite role may look for its referent.
LOOKBACK_SENTENCES = 6


@dataclass(slots=True)
class Profile:
    """What the article tells about one speaker: the fullest name and the first role/org seen."""

    name: str
    kind: str  # person | org | group
    role: str | None = None
    org: str | None = None
    gender: str | None = None
    desc: tuple[int, int] | None = None  # character span of the fullest description, for actor coding
    mentions: list[int] = field(default_factory=list)  # token indices where it is a subject or speaker


@dataclass(slots=True)
class SpeakerLexicon:
    honorifics: frozenset[str]
    anonymous: frozenset[str]
    speech_nouns: frozenset[str]
    institutions: frozenset[str] = frozenset()
    #: collective nouns named by their "of" phrase ("a coalition of Muslim leaders").
    collectives: frozenset[str] = frozenset()
    #: nouns that name a person ("tycoon", "senator"): only they are read like "he"/"she".
    person_nouns: frozenset[str] = frozenset()
    #: nouns that name only women ("actress") or only men ("king"); -woman / -man words need no entry.
    female_nouns: frozenset[str] = frozenset()
    male_nouns: frozenset[str] = frozenset()
    #: speech verbs: "Slams", "Says" between two names is a headline's verb, never part of a name.
    verbs: frozenset[str] = frozenset()


class SpeakerResolver:
    """Resolves speaker mentions of one document; build one per document, query in text order."""

    def __init__(self, doc: Doc, lexicon: SpeakerLexicon) -> None:
        self.doc = doc
        self.text: str = text_of(doc)
        self._codes: dict[tuple[int, int], str | None] = {}  # actor code per description span
        self.lex = lexicon
        self.profiles: dict[str, Profile] = {}
        self.by_surname: dict[str, str] = {}
        self.speaker_turns: list[tuple[int, str]] = []  # (token index, profile key) of resolved speakers
        #: token indices inside quote marks: a name in someone's quoted words is not who "he" is.
        self.quoted: set[int] = set()
        self._ent_of: dict[int, Span] = {t.i: e for e in doc.ents for t in e}
        self._sent_starts: list[int] = [s.start for s in doc.sents]
        self._index_people()

    # -- document index -----------------------------------------------------------------------

    def _index_people(self) -> None:
        # A name the actor dictionary knows as an organisation is none ("Xinhua", which the
        # tagger may read as a person).
        lexicon = lexicon_of(self.doc)
        people: list[Span] = [
            e
            for e in self.doc.ents
            if e.label_ in NAME_LABELS
            and not any(m.entry.kind == ORG and not m.entry.person for m in lexicon.match(e, self.doc._.published))
        ]
        names: list[tuple[Span, str, str]] = []  # (entity, surname, name as written)
        for ent in people:
            toks = self._name_tokens(ent)
            if not toks:
                continue
            name = self.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
            names.append((ent, toks[-1].lower_, name))
        for _ent, surname, name in names:
            known = self.by_surname.get(surname)
            if known is None or len(name.split()) > len(known.split()):
                self.by_surname[surname] = name
        for ent, surname, name in names:
            key = self.by_surname[surname]
            if len(name.split()) > 1 and name.split()[0].lower() != key.split()[0].lower():
                # "Saadi Gaddafi" beside "Muammar Gaddafi", "Bill Clinton" beside "Hillary
                # Clinton": another given name is another person, who keeps a profile of their own
                # (the bare surname still goes to the fullest name).
                key = name
            profile = self.profiles.setdefault(key, Profile(name=key, kind="person"))
            self._learn(profile, ent.root)
            if ent.root.dep_ in SUBJECT_DEPS or (ent.root.dep_ == "appos" and ent.root.head.dep_ in SUBJECT_DEPS):
                # "His neighbor, Jill Cole, agreed": the name in apposition to a subject is a subject.
                profile.mentions.append(ent.root.i)
        # Surnames the NER mislabelled (ORG for "Kirby") still count as mentions of the person.
        for tok in self.doc:
            if tok.pos_ == "PROPN" and tok.dep_ in SUBJECT_DEPS and tok.ent_type_ not in NAME_LABELS:
                known = self.by_surname.get(tok.lower_)
                if known is not None:
                    self.profiles[known].mentions.append(tok.i)
        for profile in self.profiles.values():
            profile.mentions.sort()
        self._vote_genders()

    def _vote_genders(self) -> None:
        """Guess a person's gender from the pronouns that follow them as subject in their own sentence
        ("Warren said her bill …"): a majority over two or more such sentences decides, and an
        honorific already seen ("Mrs.") is never overruled. No name list is needed."""
        for profile in self.profiles.values():
            if profile.kind != "person" or profile.gender is not None:
                continue
            votes = {"m": 0, "f": 0}
            for i in profile.mentions:
                end = (
                    self._sent_starts[bisect.bisect_right(self._sent_starts, i)]
                    if bisect.bisect_right(self._sent_starts, i) < len(self._sent_starts)
                    else len(self.doc)
                )
                gender = first_pronoun_gender(self.doc[i + 1 : end])
                if gender is not None:
                    votes[gender] += 1
            if votes["m"] + votes["f"] >= 2 and max(votes.values()) >= 2 * min(votes.values()) + 1:
                profile.gender = "m" if votes["m"] > votes["f"] else "f"

    def _name_tokens(self, ent: Span) -> list[Tok]:
        """The tokens of a person entity that make the name: no honorific, no possessive ending."""
        toks = [t for t in ent if t.lower_ not in self.lex.honorifics and t.lower_ not in {"'s", "’s"}]
        # "Weak - Rubio": a dash with a space beside it is no part of a name (hyphenated names are written
        # without spaces); the NER joined a word to the name across it, so only the side of the dash that
        # holds the entity's head is the name.
        # "Hillary Clinton Slams Donald Trump": in a title-case headline the NER runs two names together
        # across the verb between them; a present-tense speech verb inside a name splits it the same way.
        segments: list[list[Tok]] = [[]]
        for i, t in enumerate(toks):
            spaced_dash = t.text in DASHES and bool(t.whitespace_ or (i > 0 and toks[i - 1].whitespace_))
            if spaced_dash or (0 < i < len(toks) - 1 and self._headline_verb(t)):
                segments.append([])
            else:
                segments[-1].append(t)
        if len(segments) > 1:
            toks = next((seg for seg in segments if any(t.i == ent.root.i for t in seg)), segments[-1])
        while toks and not toks[0].text[:1].isalpha():
            toks.pop(0)
        while toks and not toks[-1].text[:1].isalpha():
            toks.pop()
        if len(toks) > 1 and toks[0].is_sent_start and toks[0].lower_ in _verb_forms(self.lex.verbs):
            toks = toks[1:]  # "Said Okafor: …": the inverted speech verb the NER took into the name
        return toks

    def _headline_verb(self, tok: Tok) -> bool:
        """A capitalised present-tense speech verb ("Slams", "Says", "Pushes")."""
        low = tok.lower_
        if not tok.text[:1].isupper() or not low.endswith("s") or len(low) < 4:
            return False
        return low[:-1] in self.lex.verbs or (low.endswith("es") and low[:-2] in self.lex.verbs)

    def _learn(self, profile: Profile, head: Tok) -> None:
        """Record role, org and gender cues found around a name mention (first ones win)."""
        role, org, desc = self._description(head)
        if profile.role is None and role:
            profile.role = role
        if profile.org is None and org:
            profile.org = org
        if desc is not None and (
            profile.desc is None or ((role or org) and not self._desc_has_role(profile))
        ):
            profile.desc = desc
        if profile.gender is None:
            profile.gender = title_gender(t.text.lower() for t in head.lefts)

    def _desc_has_role(self, profile: Profile) -> bool:
        return profile.desc is not None and profile.desc[1] - profile.desc[0] > len(profile.name)

    def _description(self, head: Tok) -> tuple[str | None, str | None, tuple[int, int] | None]:
        """Role, organisation and the character span describing the person headed by ``head``."""
        doc = self.doc
        left = [t for t in doc[head.left_edge.i : head.i + 1]]
        ent_start = head.i
        while ent_start > left[0].i and doc[ent_start - 1].ent_type_ in NAME_LABELS:
            ent_start -= 1
        run_start = ent_start
        # "Prime Minister Benjamin Netanyahu" as one PERSON entity: the words up to the last title word
        # ("Minister") are the title, not the name.
        titles = [j for j in range(ent_start, head.i) if self._is_title_word(doc[j])]
        if titles:
            ent_start = titles[-1] + 1
        before = [t for t in self._title_words(head, ent_start) if t.dep_ not in {"det", "punct", "case", "cc"}]
        owner = {d.i for t in before if t.dep_ == "poss" for d in t.subtree}
        # The role is the title's own words: no owner ("its analyst"), no courtesy title ("Mr."), no
        # country or organisation before it ("Israeli", "White House") — those are the org and the side —
        # but the body of an "of" phrase ("Secretary of State") is part of the title.
        role_toks = [
            t
            for t in before
            if t.i not in owner
            and (t.text.lower() not in self.lex.honorifics or self._is_title_word(t))
            and (
                not t.ent_type_
                or t.i >= run_start
                or (t.ent_type_ in ORG_LABELS and (t.dep_ == "pobj" or t.head.dep_ == "pobj"))
            )
        ]
        while role_toks and (role_toks[0].pos_ in {"ADP", "CCONJ", "PUNCT"} or role_toks[0].text in DASHES):
            role_toks.pop(0)
        while role_toks and (role_toks[-1].pos_ in {"ADP", "CCONJ", "PUNCT"} or role_toks[-1].text in DASHES):
            role_toks.pop()
        role_words = ["".join(t.text_with_ws for t in role_toks).strip()] if role_toks else []
        if not role_words:
            role_words = [
                t.text
                for t in before
                if not t.ent_type_
                and t.text[0].isupper()
                and t.text.lower() not in FEMALE_TITLES | MALE_TITLES
            ]
        orgs = _entities_in(doc, before, ORG_LABELS - {"NORP"})
        role = " ".join(role_words) or None
        org = orgs[-1] if orgs else None
        start = before[0].idx if before else doc[ent_start].idx
        for app in (c for c in head.rights if c.dep_ == "appos"):
            sub = list(app.subtree)
            words = [t.text for t in app.lefts if t.dep_ in {"compound", "amod"} and not t.ent_type_]
            if role is None and app.pos_ == "NOUN":
                role = " ".join([*words, app.text])
            app_orgs = _entities_in(doc, sub, ORG_LABELS - {"NORP"})
            if org is None and app_orgs:
                org = app_orgs[-1]
            end = sub[-1].idx + len(sub[-1].text)
            return role, org, (start, end)
        described = head.head
        name_span = (doc[ent_start].idx, head.idx + len(head.text))
        if (
            head.dep_ == "appos"
            and described.i < head.i
            and described.pos_ == "NOUN"
            and described.tag_ == "NN"
            and not before
            and doc[ent_start - 1].text == ","
            and self._names_a_person(described)
            and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in described.children)
        ):
            # "The former trade envoy, Tom Harlan, said": the description the name is in apposition to
            # is the person's, "former" and all — one person set off by commas (not "candidates -- Rubio"),
            # not a relation ("his father, Brent Bozell"), and only when the name is not known by itself.
            words = [t.text for t in described.lefts if t.dep_ in {"compound", "amod"} and not t.ent_type_]
            if role is None:
                role = " ".join([*words, described.text])
            desc_orgs = _entities_in(doc, described.subtree, ORG_LABELS - {"NORP"})
            if org is None and desc_orgs:
                org = desc_orgs[-1]
            first = described.left_edge
            if first.lower_ in {"the", "a", "an"}:
                first = doc[first.i + 1]
            if self._code_at(name_span) is not None:
                return role, org, name_span  # the actor dictionary knows the name itself
            return role, org, (first.idx, head.idx + len(head.text))
        return role, org, (start, head.idx + len(head.text))

    def _is_title_word(self, tok: Tok) -> bool:
        """A title that names an office ("Secretary", "Gov.", "Minister"), not a courtesy title ("Mr.",
        "Miss", "Dr.")."""
        low = tok.lower_
        return low in self.lex.honorifics and low.rstrip(".") not in COURTESY_TITLES

    def _title_words(self, head: Tok, ent_start: int) -> list[Tok]:
        """The words of the title before a name ("White House spokesman John Kirby", "the Foreign
        Ministry's spokesman Ali Reza", "former Secretary of State John Kerry"): the unbroken run of
        words just left of the name that hang on it through noun-phrase links only. A word of another
        clause the parse hung on the name ("There's no mistaking Rubio's new enemy No. 1: Jeb Bush")
        or a word beyond a colon, comma or spaced dash is no part of the person's title."""
        doc = self.doc
        words: list[Tok] = []
        i = ent_start - 1
        while i >= head.left_edge.i:
            tok = doc[i]
            if tok.text in {":", ",", ";", "(", ")", '"', "“", "”", "'", "‘", "’"} or (
                tok.text in DASHES and bool(tok.whitespace_ or (i > 0 and doc[i - 1].whitespace_))
            ):
                break
            anc = tok
            while anc.i != head.i and anc.dep_ in TITLE_DEPS and anc.head.i != anc.i:
                anc = anc.head
            if anc.i != head.i:
                break
            words.append(tok)
            i -= 1
        return words[::-1]

    # -- queries --------------------------------------------------------------------------------

    def speaker(self, head: Tok) -> Speaker | None:
        """The speaker whose mention is headed by ``head`` (the subject of a cue, the object of
        "according to"), resolved to its fullest form."""
        if head.lower_ in {"who", "that", "which"} and head.head.dep_ != "ROOT":
            # "X, who said ..." — the relative pronoun stands for the noun the clause modifies.
            head = head.head.head
        if (
            head.lower_ in DEMONSTRATIVES
            and head.pos_ in {"PRON", "DET"}
            and (
                head.lower_ in {"this", "that"}
                or not any(c.dep_ in {"relcl", "acl", "amod", "prep"} for c in head.children)
            )
        ):
            # "All this and more in his record indicate that …": "this"/"that" name a thing, never a speaker,
            # and so does a bare "those"; "those who said the economy mattered most", "those close to him"
            # are people, and speak.
            return None
        if head.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            # "One of Gaddafi's sons, Saadi, said": the name in apposition speaks, whatever label the NER
            # gave it; "one of" is no share of people then.
            named = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None:
                head = named
        share = is_share_of_people(head)
        misread = (
            head.ent_type_ in NOT_SPEAKERS
            and head.lower_ not in self.by_surname
            and not is_age_description(head)
            and not share
        )
        if misread or (head.like_num and not share) or head.pos_ in {"VERB", "AUX", "ADP", "PUNCT"}:
            return None
        if any(ch in head.text for ch in "<>=") or '="' in self.text[head.idx - 12 : head.idx + len(head.text)]:
            return None  # markup left in the text (datetime="2016-06-29" in an embedded post) never speaks
        span = self._mention(head)
        mention = self.text[span[0] : span[1]]
        if share:
            # "63 percent said", "about four in 10 said": the share of those polled who answered.
            left, right = head.left_edge, head.right_edge
            start, end = left.idx, right.idx + len(right.text)
            words = self.text[start:end]
            return Speaker(name=words, start=start, end=end, mention=words)
        profile = self._profile_for(head, span)
        if profile is None:
            return None
        self.speaker_turns.append((head.i, profile.name))
        if head.i not in profile.mentions:
            profile.mentions.append(head.i)
            profile.mentions.sort()
        code = self._code_at(profile.desc or span)
        return Speaker(
            name=profile.name,
            start=span[0],
            end=span[1],
            role=profile.role,
            org=profile.org,
            code=code,
            mention=mention,
        )

    def _mention(self, head: Tok) -> tuple[int, int]:
        doc = self.doc
        if head.pos_ == "PRON":
            return head.idx, head.idx + len(head.text)
        ent = self._ent_of.get(head.i)
        if ent is not None:
            start, end = ent.start, ent.end - 1
            if any(t.pos_ in {"VERB", "AUX"} for t in doc[head.i + 1 : ent.end]):
                end = head.i  # the NER ran the name into the clause ("Trump accused Holt of being a")
            # "Mr. Kirby": keep the honorific in the mention, as written at the cue.
            while (
                start > 0
                and doc[start - 1].text.lower() in self.lex.honorifics
                and doc[start - 1].head.i == head.i
            ):
                start -= 1
            if doc[start].lower_ == "the":
                start += 1
            return doc[start].idx, doc[end].idx + len(doc[end].text)
        lefts = [
            t
            for t in head.lefts
            if t.dep_ in {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod"}
        ]
        first = min((t.left_edge.i for t in lefts), default=head.i)
        if (
            first >= 2
            and doc[first - 1].text == "-"
            and doc[first - 2].lower_ == "ex"
            and not doc[first - 2].whitespace_
            and not doc[first - 1].whitespace_
        ):
            # "the ex-ambassador said": the parser may cut "ex-" off the noun; it is part of the
            # description (a former office is no office).
            first -= 2
        last = self._members_end(head)
        if head.lemma_.lower() not in self.lex.collectives and not any(
            t.ent_type_ in ORG_LABELS for t in doc[head.i + 1 : last.i + 1]
        ):
            last = head  # "the president of the Red Cross" names its body; "the head of security" stays "the head"
        return doc[first].idx, last.idx + len(last.text)

    def _members_end(self, head: Tok) -> Tok:
        """The last word of a noun's "of" phrase ("a coalition of Libyan Muslim leaders"),
        leaving out clauses and appositions that describe them; the noun itself when it has none."""
        prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None or pobj.i in self.quoted:
            return head
        cut = {t.i for c in pobj.children if c.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj"}
               for t in c.subtree}
        end = pobj
        for tok in pobj.subtree:
            if tok.i in cut or tok.i in self.quoted:
                if tok.i > pobj.i:
                    break
                continue
            end = tok if tok.i > end.i else end
        return end

    def _profile_for(self, head: Tok, span: tuple[int, int]) -> Profile | None:
        low = head.lower_
        if head.pos_ == "NOUN":
            named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ in NAME_LABELS), None)
            named = named or _named_as(head) or _name_closing_phrase(head)
            if named is not None:
                # "The Slate technology columnist David Auerbach went on": the name in apposition.
                return self._profile_for(named, self._mention(named))
        if is_age_description(head):
            # "said the 46-year-old": news copy names a person on stage by age, like a pronoun.
            return self._antecedent_person(head, "") or self._role_profile(head, span)
        if low in PERSON_PRONOUNS:
            found = self._antecedent_person(head, PERSON_PRONOUNS[low])
            return found or Profile(name=head.text, kind="person")
        if low in GROUP_PRONOUNS:
            return self._antecedent_group(head) or Profile(name=head.text, kind="group")
        if head.pos_ == "PRON":
            return Profile(name=head.text, kind="person")
        key = self.by_surname.get(low) if head.pos_ == "PROPN" or head.ent_type_ else None
        if key is not None:
            ent = self._ent_of.get(head.i)
            toks = self._name_tokens(ent) if ent is not None and ent.label_ in NAME_LABELS else []
            if not toks:
                # A name the NER gave another label inside quote-heavy copy ("Saadi Gaddafi said"): its
                # capitalised given names are the proper nouns compounded onto the surname.
                given = [
                    c
                    for c in head.lefts
                    if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
                    and c.lower_ not in self.lex.honorifics
                ]
                if given and given[-1].i == head.i - 1:
                    toks = [*given, head]
            full = self.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)] if len(toks) > 1 else ""
            if full in self.profiles:
                key = full  # "Hillary Clinton" beside "Bill Clinton": the full name's own profile
            elif full and len(key.split()) > 1 and full.split()[0].lower() != key.split()[0].lower():
                # "Saadi Gaddafi" after "Muammar Gaddafi": another given name is another person.
                key = full
                self.profiles[key] = Profile(name=key, kind="person")
            profile = self.profiles[key]
            self._learn(profile, head)
            return profile
        if head.ent_type_:
            return self._org_profile(head, span)
        if head.lemma_.lower() in self.lex.speech_nouns:
            owner = owner_of(head) or self._earlier_owner(head)
            if owner is not None:
                return self._profile_for(owner, self._mention(owner))
        if head.pos_ == "PROPN":
            return self._org_profile(head, span)
        return self._role_profile(head, span)

    def _earlier_owner(self, noun: Tok) -> Tok | None:
        """Whose "the statement" is: the owner of the latest earlier mention of the same speech noun
        ("The company released a statement. … the statement said")."""
        if not any(t.dep_ == "det" and t.lower_ in {"the", "that", "this"} for t in noun.lefts):
            return None
        lemma = noun.lemma_.lower()
        for tok in reversed(self.doc[self._window_start(noun) : noun.i]):
            if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN" and tok.i not in self.quoted:
                return owner_of(tok)
        return None

    def _org_profile(self, head: Tok, span: tuple[int, int]) -> Profile:
        text = self.text[span[0] : span[1]]
        if text.lower().startswith("the "):
            text = text[4:]
        for suffix in ("'s", "’s"):
            text = text.removesuffix(suffix)
        profile = self.profiles.setdefault(text, Profile(name=text, kind="org"))
        if profile.desc is None:
            profile.desc = span
        profile.mentions.append(head.i)
        return profile

    def _role_profile(self, head: Tok, span: tuple[int, int]) -> Profile:
        det = next((t.lower_ for t in head.lefts if t.dep_ in {"det", "poss"}), None)
        if det == "the" and head.lemma_.lower() in self.lex.institutions:
            # "the port authority said": the institution speaks (an earlier mention of it, if any).
            return self._earlier_with_role(head) or self._org_profile(head, span)
        if det in {"the", "this", "that", "his", "her", "its", "their"}:
            found = self._earlier_with_role(head)
            if found is not None:
                return found
            if (
                det == "the"
                and head.tag_ == "NN"
                and head.lemma_.lower() not in self.lex.anonymous | self.lex.speech_nouns
                and self._names_a_person(head)
            ):
                # "the former secretary of state said": a definite description of a person already
                # on stage, read like "she" when no earlier role names it. A description that names
                # its country or organisation ("the Israeli leader", "the EU executive") is only
                # someone of that side; with no such person on stage it stays a description of its own.
                bystander = self._bystander(head)
                if bystander is not None:
                    return bystander
                side = self._own_side(head, span)
                others = self._described_otherwise(head)
                salient = self._antecedent_person(
                    head,
                    self._gender_of_noun(head),
                    lambda p: p.name not in others and (side is None or self._side_of(p) == side),
                )
                if salient is not None:
                    return salient
        text = self.text[span[0] : span[1]]
        kind = "group" if head.tag_ in {"NNS", "NNPS"} else "person"
        profile = Profile(
            name=text,
            kind=kind,
            role=head.text if head.lemma_.lower() in self.lex.anonymous else None,
            desc=span,
        )
        if kind == "group" and head.i not in self.quoted:
            # "Six newspapers said … They called him …": a group that spoke is what a later "they" stands for.
            profile = self.profiles.setdefault(text, profile)
            profile.mentions.append(head.i)
            profile.mentions.sort()
        return profile

    def _described_otherwise(self, head: Tok) -> set[str]:
        """The people another definite description in the same sentence stands for ("the officials said
        the prime minister's meeting with Trump was set before the billionaire developer called …"): one
        sentence that names a person "the prime minister" and then "the billionaire developer" speaks of
        two people, so the second is not whoever the first is (English would repeat the noun or say "he")."""
        sent = head.sent
        names: set[str] = set()
        for tok in sent:
            if (
                tok.i == head.i
                or tok.i in self.quoted
                or tok.pos_ != "NOUN"
                or tok.lemma_.lower() == head.lemma_.lower()
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts)
                or any(c.dep_ == "appos" for c in tok.children)
                or not self._names_a_person(tok)
                or tok.lemma_.lower() in self.lex.anonymous
            ):
                continue
            other = self._earlier_with_role(tok)
            if other is None and tok.i < head.i:
                other = self._antecedent_person(tok, self._gender_of_noun(tok))
            if other is not None:
                names.add(other.name)
        return names

    def _bystander(self, head: Tok) -> Profile | None:
        """"A man in the crowd shouted … 'Go home!' the man shouted": a bare "the man" or "the woman"
        is the latest unnamed person the story brought in with "a"/"one" ("a man in the crowd", "a
        protester", "one woman"), not the named person on stage, whom news copy calls by name or "he"."""
        if head.lemma_.lower() not in BARE_PEOPLE or any(c.dep_ != "det" for c in head.lefts) or any(
            c.dep_ in {"prep", "relcl", "acl", "appos", "amod", "compound"} for c in head.rights
        ):
            return None
        gender = self._gender_of_noun(head)
        for tok in reversed(self.doc[self._window_start(head) : head.i]):
            if (
                tok.pos_ != "NOUN"
                or tok.tag_ != "NN"
                or tok.i in self.quoted
                or not any(c.lower_ in {"a", "an", "one", "another"} for c in tok.lefts)
                or any(c.dep_ == "appos" and c.ent_type_ in NAME_LABELS for c in tok.children)
                or not self._names_a_person(tok)
                or tok.lemma_.lower() in self.lex.anonymous
            ):
                continue
            own = self._gender_of_noun(tok)
            if gender and own and own != gender:
                continue
            first = min((c.left_edge.i for c in tok.lefts), default=tok.i)
            last = tok
            place = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"in", "from", "at"}), None)
            if place is not None and place.right_edge.i - tok.i <= 5:
                last = place.right_edge
            start, end = self.doc[first].idx, last.idx + len(last.text)
            return Profile(name=self.text[start:end], kind="person", gender=own or gender or None, desc=(start, end))
        return None

    def _earlier_with_role(self, head: Tok) -> Profile | None:
        word = head.lemma_.lower()
        best: tuple[int, Profile] | None = None
        for profile in self.profiles.values():
            before = [m for m in profile.mentions if m < head.i]
            if not before:
                continue
            role = (profile.role or "").lower()
            org = (profile.org or "").lower()
            matches = (
                word in role.split()
                or any(w.startswith(word) for w in role.split())
                or (profile.kind == "org" and word in profile.name.lower().split())
                or word in org.split()
            )
            if matches and (best is None or before[-1] > best[0]):
                best = (before[-1], profile)
        return best[1] if best else None

    def _window_start(self, tok: Tok) -> int:
        sent_i = bisect.bisect_right(self._sent_starts, tok.i) - 1
        return self._sent_starts[max(0, sent_i - LOOKBACK_SENTENCES)]

    def _gender_of_noun(self, noun: Tok) -> str:
        """"f" or "m" for a noun that names a woman or a man ("the congresswoman", "the New York
        businessman", "the actress"), else ""."""
        word = noun.lemma_.lower()
        if word in self.lex.female_nouns or word.endswith("woman"):
            return "f"
        if word in self.lex.male_nouns or word.endswith("man"):
            return "m"
        return ""

    def _names_a_person(self, noun: Tok) -> bool:
        """Whether a common noun names a person ("the tycoon", "the congresswoman", "the
        economist"), not a thing that can be the subject of "said" ("the survey", "the ad")."""
        word = noun.lower_
        return noun.lemma_.lower() in self.lex.person_nouns or word in self.lex.person_nouns or (
            len(word) > 5 and word.endswith(PERSON_SUFFIXES)
        )

    def _own_side(self, head: Tok, span: tuple[int, int]) -> str | None:
        """The country or organisation a description names in its own words ("the Israeli leader" →
        ISR, "the EU executive" → EUR, "the president of the Red Cross" → its code), or None."""
        end = self._members_end(head)
        named = [t for t in head.lefts if t.dep_ in {"amod", "compound", "nmod", "poss"}]
        named += list(self.doc[head.i + 1 : end.i + 1])
        if not any(t.ent_type_ in ORG_LABELS for t in named):
            return None
        return _side(self._code_at((span[0], max(span[1], end.idx + len(end.text)))))

    def _side_of(self, profile: Profile) -> str | None:
        return _side(self._code_at(profile.desc)) if profile.desc is not None else None

    def _code_at(self, span: tuple[int, int]) -> str | None:
        if span not in self._codes:
            actor = resolve_actor(self.doc, span[0], span[1])
            self._codes[span] = actor.code if actor is not None else None
        return self._codes[span]

    def _antecedent_person(
        self, pron: Tok, gender: str, accept: Callable[[Profile], bool] | None = None
    ) -> Profile | None:
        sent_start = self._sent_starts[bisect.bisect_right(self._sent_starts, pron.i) - 1]
        floor = self._window_start(pron)

        def fits(profile: Profile) -> bool:
            return (
                profile.kind == "person"
                and (not gender or profile.gender in (None, gender))
                and (accept is None or accept(profile))
            )

        # The subject of the same sentence before the pronoun ("Kirby said he ...").
        same = self._latest(lambda p: fits(p), sent_start, pron.i)
        if same is not None:
            return same
        # The latest statement's speaker: news copy keeps "he said" for whoever spoke last, unless
        # someone else has since been the subject of a sentence ("Trump was blunt. “…,” he said").
        turn: tuple[int, Profile] | None = None
        for tok_i, key in reversed(self.speaker_turns):
            if floor <= tok_i < pron.i and key in self.profiles and fits(self.profiles[key]):
                turn = (tok_i, self.profiles[key])
                break
            if tok_i < floor:
                break
        subject = self._latest_with_index(fits, floor, pron.i)
        if turn is not None and (subject is None or subject[0] <= turn[0]):
            return turn[1]
        return subject[1] if subject is not None else None

    def _antecedent_group(self, pron: Tok) -> Profile | None:
        floor = self._window_start(pron)
        # "it" is one organisation; "they"/"we" may be an organisation or a group of people ("six papers").
        kinds = {"org"} if pron.lower_ in {"it", "its"} else {"org", "group"}
        spoke = self._latest_with_index(lambda p: p.kind in kinds, floor, pron.i)
        # "The Security Council voted … to impose sanctions against what it called …": an organisation
        # that was the subject of a recent clause is what "it"/"they" stands for, even if it has not spoken.
        # "Trump's campaign backtracked, putting out a statement. …, it said, …": an institution noun as
        # subject is an organisation too. Of the two, the nearer one: the campaign that just backtracked,
        # not a movement that argued two sentences before.
        for tok in reversed(self.doc[floor : pron.i]):
            if spoke is not None and tok.i <= spoke[0]:
                break
            if (
                tok.dep_ in SUBJECT_DEPS
                and tok.i not in self.quoted
                and tok.lower_ not in self.by_surname  # a person's surname the NER labelled ORG ("Christie")
                and (
                    tok.ent_type_ == "ORG"
                    # "it" agrees with "the campaign"; "they" only within its own sentence ("Clinton's campaign
                    # seeks … what they call …"), else with a plural that spoke ("diplomats said … the
                    # government would collapse. They said …"), not with an earlier singular institution noun.
                    or (
                        tok.pos_ == "NOUN"
                        and tok.tag_ == "NN"
                        and (pron.lower_ in {"it", "its"} or tok.sent.start == pron.sent.start)
                        and tok.lemma_.lower() in self.lex.institutions
                    )
                )
            ):
                return self._org_profile(tok, self._mention(tok))
            if (
                tok.dep_ in SUBJECT_DEPS
                and tok.i not in self.quoted
                and pron.lower_ in {"they", "them", "their"}
                and tok.pos_ == "NOUN"
                and tok.tag_ == "NNS"
                and (self._names_a_person(tok) or tok.lemma_.lower() in self.lex.institutions)
            ):
                # "Mexican officials conducted polling … The outreach, they said, …": a plural of people
                # that was a subject is what "they" stands for.
                return self._role_profile(tok, self._mention(tok))
        return spoke[1] if spoke is not None else None

    def _latest(self, accept: Any, lo: int, hi: int) -> Profile | None:
        best = self._latest_with_index(accept, lo, hi)
        return best[1] if best else None

    def _latest_with_index(self, accept: Any, lo: int, hi: int) -> tuple[int, Profile] | None:
        best: tuple[int, Profile] | None = None
        for profile in self.profiles.values():
            if not accept(profile):
                continue
            inside = [m for m in profile.mentions if lo <= m < hi and m not in self.quoted]
            if inside and (best is None or inside[-1] > best[0]):
                best = (inside[-1], profile)
        return best

    def learn_gender(self, name: str, pronoun: str) -> None:
        """Remember a person's gender once a pronoun has been tied to them by a cue."""
        profile = self.profiles.get(name)
        if profile is not None and profile.gender is None and pronoun.lower() in PERSON_PRONOUNS:
            profile.gender = PERSON_PRONOUNS[pronoun.lower()]


def _side(code: str | None) -> str | None:
    """The country or organisation part of an actor code ("ISR GOV" → ISR), None for a bare sector."""
    first = code.split()[0] if code else None
    return None if first is None or first in SECTOR_CODES else first


def _entities_in(doc: Doc, tokens: Iterable[Tok], labels: set[str]) -> list[str]:
    """Texts of the entities (of ``labels``) that the tokens belong to, in order, without "the"."""
    seen: list[str] = []
    last: tuple[int, int] | None = None
    for tok in tokens:
        ent = entity_at(tok)
        if ent is None or (ent.start, ent.end) == last or ent.label_ not in labels:
            continue
        last = (ent.start, ent.end)
        seen.append(ent.text[4:] if ent.text.lower().startswith("the ") else ent.text)
    return seen


#: participles that give a description's name: "the base chief known as Bob", "a man identified as John Doe".
NAMING_PARTICIPLES = {"know", "identify", "name", "call"}


def _named_as(noun: Tok) -> Tok | None:
    """The person a description names in a participle clause ("the base chief known as Bob", "a
    spokesman named Tom Cole"): English gives the name after "known as", "identified as", "named"."""
    for acl in noun.rights:
        if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_.lower() not in NAMING_PARTICIPLES:
            continue
        for child in acl.children:
            objects = [c for c in child.children if c.dep_ == "pobj"] if child.lower_ == "as" else [child]
            for obj in objects:
                if obj.dep_ in {"pobj", "oprd", "dobj", "attr"} and obj.ent_type_ in NAME_LABELS:
                    return obj
    return None


def _name_closing_phrase(noun: Tok) -> Tok | None:
    """"The director of the European Centre, Ina Kirsch, told …": a person's name set off by commas at
    the end of a person noun's phrase names that person, even when the parse hung it on the
    organisation before it (an organisation has no person's name in apposition)."""
    for tok in noun.subtree:
        if (
            tok.dep_ == "appos"
            and tok.ent_type_ in NAME_LABELS
            and tok.head.i != noun.i
            and tok.head.ent_type_ in ORG_LABELS
            and tok.right_edge.i >= noun.right_edge.i - 1
        ):
            return tok
    return None


def is_share_of_people(head: Tok) -> bool:
    """A poll's share as the subject of a speech verb ("63 percent said", "52 percent of voters
    agreed", "about four in 10 said"): a group speaking, not a misparsed number."""
    if head.lower_ in {"percent", "%"}:
        return True
    return bool(
        head.like_num and any(c.dep_ in {"prep", "quantmod"} and c.lower_ in {"of", "in"} for c in head.children)
    )


def is_age_description(head: Tok) -> bool:
    """An age used as a noun ("the 46-year-old") with a definite article (the model tags it a DATE)."""
    return bool(
        head.lower_ == "old"
        and any(c.lower_ in {"year", "years"} for c in head.children)
        and any(t.lower_ == "the" for t in head.subtree)
    )


def owner_of(noun: Tok) -> Tok | None:
    """Who a speech noun belongs to: "the ministry's statement", "a claim by X", "X issued a statement"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    for child in noun.lefts:
        if child.dep_ == "compound" and child.ent_type_ in ORG_LABELS | NAME_LABELS:
            return child
    for child in noun.rights:
        # "a speech Mrs. Clinton delivered": whoever delivered, wrote or gave it.
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and (subject.ent_type_ in ORG_LABELS | NAME_LABELS or subject.pos_ == "PROPN"):
                return subject
    if noun.dep_ == "dobj":
        # "Mackler issued a statement saying …": whoever issued, released or posted it.
        return next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
    return None


#: Past forms of speech verbs that are not lemma + "ed".
_IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "speak": "spoke"}


@cache
def _verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """The written forms of speech verbs ("say" → say, says, said; "add" → adds, added)."""
    forms: set[str] = set()
    for v in lemmas:
        forms |= {v, f"{v}s", f"{v}es", f"{v}d" if v.endswith("e") else f"{v}ed", _IRREGULAR_PAST.get(v, v)}
    return frozenset(forms)
