"""The storyline_quotes component: direct, indirect and mixed statements with their speakers.

How it reads a document (after the parse; no re-parse, one pass over marks, tokens and cues):

1. **Quote marks** are paired per paragraph (:func:`find_marked`): curly, straight, ``''…''`` and
   ````…''``, and single marks outside double ones. A paragraph that ends inside a quote is cut
   there; when the next paragraph re-opens with a mark, it continues the same quote (wire style for
   multi-paragraph quotes). Unbalanced marks cost at most their own paragraph, never the document.
   Markup left in the text (``author="RandPaul"`` in an embedded tweet) is attribute syntax, not quotation.
2. **Speech cues** come from ``data/speech_cues.yml``: speech verbs, "according to", naming verbs
   ("called it “X”"), speech nouns with a that-clause ("Trump's claim that …"). Cues inside quote
   marks belong to the quoted speaker's own words and are not used.
3. **Direct quotes**: a marked span is tied to the nearest cue above it in the parse (the quote is
   the cue's complement or sits in it), to a cue that hangs off the quote ("“We,” he said, “will …”",
   "as X put it"), or to a cue with only its speaker and punctuation in between ("“…,” said Patel";
   "Patel said: “…”"; a bare "he wrote." after the quote). Without a speech verb, English still
   frames quotes in a few fixed ways, each a rule here: a verb right after the quote with its
   subject ("“…!” beamed Hartley"), a verb with no object before a comma or colon and the quote
   ending the sentence ("Hillary shot back, “…”"), a named subject and a colon ("Warren: ‘…’",
   "Said Ellis: “…”", "the Board was conclusive in its findings: “…”"), a
   dash and a name closing the paragraph ("“…” ― Steve Quinlan"), and a name and a colon opening a
   paragraph (headlines and transcripts: "PENCE: …").
   A marked span inside a reported clause that says more than the span makes that clause a
   **mixed** quote (Kirby told reporters that Washington had informed Iraq “before” the strikes);
   a naming verb's quote is mixed with its object ("called the report “fake news”"). A quoted
   sentence with no cue continues the previous speaker's turn in the paragraph (same cue) or opens
   the next paragraph as a new statement by the same speaker (no cue); a quote opening a paragraph
   right after a paragraph that ends by reporting someone's words ("the DNC issued a statement
   apologizing …") is theirs. A participle cue the parse left without a subject ("…,” Sanders said,
   going on to say …") shares the subject of the clause before it, and a name right before a
   subject-less speech verb is its subject. Quoted words with no cue and
   no clause of their own, and title-case names of works and programmes, are not statements.
   Rules for the small model's habits, each measured on PolNeAR train/dev:

   * a cue never frames a quote across a paragraph break unless its paragraph ends with a colon (the
     model's sentences run over breaks); a quote left open at a paragraph end that the next paragraph
     re-opens keeps the cue (one multi-paragraph quote);
   * a parenthetical cue ("…, Mr. Obama said, a majority have come to believe “…”") or one the model
     hung before a that-less clause ("after Trump told the Post he was “not quite there yet”")
     attributes the clause it interrupts; the clause's subject before the cue belongs to it;
   * words of the reported clause after the closing mark ("“You squeezed employees” to drive up the
     price, she said") make the quote mixed; only the speaker's own words between mark and cue are frame;
   * a cue whose subject is a thing, inside someone's reported clause ("Fiorina declared that any new
     deal would demand “absolute secrecy”"), is part of what was said, not a frame (no statement of
     its own either); agent nouns (-er, -or, -ist, -man, …) are people, not things;
   * a speech verb with a to-infinitive right after it is not speech ("will continue to be"), except
     directive verbs ("urged Iraq to act"); "verb + preposition" speech acts come from the data file
     ("called for new elections");
   * the tag after a question or exclamation, which the model makes a sentence of its own, frames the
     quote whatever its length when it reports no clause of its own ("“…?” Miller, a retired worker
     from Ohio, said"); a quoted sentence with its own tag right after it ("… but Moscow denies — “why
     wouldn't you …?” asked Dunn") is the tag's, a direct quote, even when the parse hung it on a cue
     before it;
   * naming verbs take their object however the model labels it (object, object predicate, "refers to
     X as “Y”", an object hung on the label: "called Wall Street bankers “fat cats”"), and a relative
     clause with its own subject names ("Obama, who called him “unfit”"); a quoted modifier of the
     object, with the label after it, is the writer's scare quote ("portrayed “illegal” immigrants as
     criminals"), no statement;
   * a dash signature may stand on the line or paragraph after the quote and carry a description
     (a paragraph "-President Obama, tweeting after the speech." after the quote); a group, an
     institution or a speech noun before a colon frames the quote like a name does ("The Clinton
     campaign worded it carefully: “…”", "Hoff's letter makes the case: “…”"), a thing does not.
4. **Indirect quotes**: a cue with a reported clause ("said that …", "X said Monday", "according to
   X", "urged Y to …", "accused Y of …") and no quote marks. Reported speech with nobody reporting
   ("it's worth noting that …") is the writer's voice and is left out. A reported clause holding
   quoted words that no cue took (a scare-quoted adverb, a name in title case) is a mixed quote. The
   writer's comments at the end of a reported clause are cut off: ", angering Baghdad" and an aside
   after a single dash ("— a modest boost for Obama").
5. **Speakers** are resolved by :mod:`storyline.analyze.speakers` (rules, documented there). Who the
   subject of a cue is comes from the parse, with these repairs: a cue with no speaker of its own
   inside another cue's frame or clause ("Awad says in a statement that …") reports that cue's
   speaker; an infinitive's doer is the governing verb's object when it can speak ("prompted Rubio to
   call …"); a subject-less finite verb takes the name or apposition just before it ("Col. Steven
   Warren, a military spokesman in Baghdad, said", "Trump, in Kentucky, said"), or the subject the
   model gave a participle before it ("Clinton, exasperated, responded:"), or the name after it in an
   inverted tag ("“…,” said retired neurosurgeon Ben Carson, asked about …"); "as" read as a
   preposition still gives the speaker ("As Akhil Amar, professor of law, put it"), and an infinitive
   on an adverb takes the governing verb's subject ("went so far as to say"); a participle after a
   comma takes the subject of the nearest clause before it that is not a reported or relative clause
   ("when protesters interrupted her speech, shouting “…”"), and one opening its sentence or
   paragraph the subject after its comma ("Bemoaning the “phony system,” Trump accused …"). The
   passive subject of a verb whose object is the hearer (``addressee_verbs``: "customers who were told
   …", "she was asked whether …") is spoken to, not speaking: only a by-phrase names the speaker.
   Speakers are resolved in text order, before quotes are built, so a pronoun looks back to every
   earlier speaker ("The talks had two aims, the envoy said. … “…,” she said").
6. **When**: a date expression in the cue's own clause ("told reporters Friday evening") dates the
   statement (``said_on_from="text"``) and the time component re-anchors the deictic words inside
   the quote to that day; otherwise the publication date is used.

Offsets are into the text exactly as given; ``content == text[start:end]``. Ids are q1, q2, … in
text order. Measured on PolNeAR by ``benchmarks/quotes_polnear.py``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze import extensions, times
from storyline.analyze.speakers import SpeakerLexicon, SpeakerResolver, owner_of
from storyline.data import load_yaml
from storyline.model import Cue, Quote, QuoteKind, Speaker

Tok = Any  # spaCy's Token is untyped for mypy

DEFAULT_CUES = "speech_cues.yml"

_MARK_RE = re.compile(r"``|''|[\"“”„«»‘’'‹›]")
_DOUBLE_OPEN = {"“", "„", "«", "``"}
_DOUBLE_CLOSE = {"”", "»"}
_DOUBLE_TOGGLE = {'"', "''"}
_SINGLE_OPEN = {"‘", "‹", "'"}
_SINGLE_CLOSE = {"’", "›", "'"}
_OPEN_CONTEXT = set("([{—–-:/;,") | {""}
#: "“…” ― Julie A. Diaz Martinez.": a name after a dash closing the paragraph; an initial's period is part of it.
#: The signature may stand alone on the next line or paragraph ("“…”\n\n- Hillary Clinton.") and carry a
#: description after a comma ("-President Obama, tweeting after Clinton's speech.").
_DASH_SIGNATURE = re.compile(
    r"(?:[^\S\n]*\n(?:[^\S\n]*\n)?)?"
    r"[^\S\n]*[―—–-]+[^\S\n]*([A-Z](?:[^\n.,;:!?]|(?<=\b[A-Z])\.){1,60}?)[^\S\n.]*(?:,[^\n]{0,100}?)?\.?[^\S\n]*(?:\n|$)"
)
_SPEAKER_LINE = re.compile(r"\s*[“\"‘']?\s*([A-Z][\w.’'\- ]{0,60}?)\s*:\s+(?=\S)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: An embedded post's signature, as the Twitter embed writes it: "— Donald J. Trump (@realDonaldTrump) June 29, 2016".
_POST_SIGNATURE = re.compile(
    r"[^\S\n]+[―—–-]{1,2}[^\S\n]*([A-Z][^()<>\n]{1,60}?)[^\S\n]*\(@\w{1,30}\)"
    r"(?:[^\S\n]*[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2},[^\S\n]+\d{4})?"
)

CLAUSAL_DEPS = {"ccomp", "parataxis"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: dependents of a cue that belong to the cue's own clause (who, to whom, when, how), never to the content.
FRAME_DEPS = {"npadvmod", "tmod", "prep", "advmod", "dative", "dobj", "agent", "aux", "auxpass", "neg", "prt"}
COMPLEMENTIZERS = {"that", "whether", "if"}
#: endings of English agent and person nouns (editor, analyst, critic, spokesman, attendee, president); "-ment"
#: nouns (statement, government) are not among them.
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ic", "ent", "ee", "man", "woman", "person")
#: verbs whose object does not do their infinitive ("promised voters to cut taxes": the subject will).
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "offer"}
#: dependents of a cue that are never what was said (who said it, to whom, the cue's own grammar).
NOT_CONTENT_DEPS = {
    "nsubj",
    "nsubjpass",
    "csubj",
    "punct",
    "aux",
    "auxpass",
    "neg",
    "mark",
    "cc",
    "conj",
    "dative",
    "agent",
    "prt",
    "npadvmod",
    "advmod",
}
#: words English title case leaves in lower case.
MINOR_TITLE_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "from",
    "as",
    "vs",
    "per",
    "via",
    "into",
    "up",
    "off",
    "out",
}
#: prepositions that give where or to whom something was said, never what.
VENUE_PREPOSITIONS = {"on", "to", "in", "at", "with", "during", "before"}
MAX_GAP_TOKENS = 12
#: quoted sentences whose speaker cannot be found are kept (speaker None), as GDELT keeps them.
KEEP_UNATTRIBUTED = True
SHORT_TAG_TOKENS = 6
CONTINUATION_PARAGRAPHS = 2


@dataclass(slots=True)
class Marked:
    """Text between quote marks: ``start``/``end`` cover the content, ``open_at``/``close_end`` the marks."""

    start: int
    end: int
    open_at: int
    close_end: int
    closed: bool
    continues: bool = False  # the paragraph re-opened a quote the previous paragraph left open


@dataclass(slots=True)
class CueLexicon:
    verbs: frozenset[str]
    directive_verbs: frozenset[str]
    object_verbs: frozenset[str]
    object_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    speakers: SpeakerLexicon
    prepositional: frozenset[tuple[str, str]] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, name: str = DEFAULT_CUES) -> CueLexicon:
        data: dict[str, Any] = dict(load_yaml(DEFAULT_CUES))
        if name != DEFAULT_CUES:
            data.update(load_yaml(name) or {})

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or ())

        return cls(
            verbs=words("verbs"),
            directive_verbs=words("directive_verbs"),
            object_verbs=words("object_verbs"),
            object_nouns=words("object_nouns"),
            naming_verbs=words("naming_verbs"),
            addressee_verbs=words("addressee_verbs"),
            phrases=tuple(tuple(str(p).lower().split()) for p in data.get("phrases") or ()),
            prepositional=frozenset(
                (words_[0], words_[-1])
                for words_ in (str(p).lower().split() for p in data.get("prepositional_verbs") or ())
                if len(words_) == 2
            ),
            speakers=SpeakerLexicon(
                honorifics=words("honorifics"), anonymous=words("anonymous"), speech_nouns=words("nouns"),
                institutions=words("institutions"), collectives=words("collectives"),
                person_nouns=words("person_nouns"), female_nouns=words("female_nouns"),
                male_nouns=words("male_nouns"),
                verbs=words("verbs") | words("object_verbs") | words("naming_verbs"),
            ),
        )


@dataclass(slots=True)
class CueHit:
    """A speech cue found in the text, with what the parse says about it."""

    tok: Tok
    start: int
    end: int
    kind: Literal["verb", "naming", "phrase", "colon", "noun"]
    speaker_head: Tok | None
    frame: set[int] = field(default_factory=set)  # token indices of the cue's own clause


# -- sentences ---------------------------------------------------------------------------------

_SENT_KEY = "storyline_quotes_sentence_starts"
_TEXT_KEY = "storyline_quotes_text"


def _text(doc: Doc) -> str:
    # Doc.text joins every token on each access; the component reads it often, so once per document.
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = extensions.text_of(doc)
        doc.user_data[_TEXT_KEY] = text
    return text


def _char_before(text: str, pos: int) -> str:
    """The last non-space character before ``pos`` ("" at the start)."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _sentence_starts(doc: Doc) -> list[int]:
    # Token.sent walks the document's sentences on every call; the component asks thousands of times
    # per document, so the boundaries are computed once and kept while the component runs.
    starts: list[int] | None = doc.user_data.get(_SENT_KEY)
    if starts is None:
        starts = [s.start for s in doc.sents] + [len(doc)]
        doc.user_data[_SENT_KEY] = starts
    return starts


def _sent_start(tok: Tok) -> int:
    starts = _sentence_starts(tok.doc)
    return starts[bisect.bisect_right(starts, tok.i) - 1]


def _sent_end(tok: Tok) -> int:
    starts = _sentence_starts(tok.doc)
    return starts[bisect.bisect_right(starts, tok.i)]


def _sent_root(tok: Tok) -> Tok:
    root = tok
    while root.head.i != root.i:
        root = root.head
    return root


# -- quote marks ---------------------------------------------------------------------------------


def find_marked(text: str) -> list[Marked]:
    """Spans between quote marks, paired paragraph by paragraph so one stray mark spoils only its
    own paragraph. A double quote left open at a paragraph end runs to that end; if the next
    paragraph opens with a mark the quote goes on there (``continues``)."""
    found: list[Marked] = []
    open_at_end = False
    for para in re.finditer(r"[^\n]+", text):
        pstart, pend = para.span()
        first = len(para.group()) - len(para.group().lstrip())
        state: tuple[int, int, str] | None = None  # (open mark position, content start, "d"|"s")
        para_found: list[Marked] = []
        for m in _MARK_RE.finditer(text, pstart, pend):
            mark, at, after_at = m.group(), m.start(), m.end()
            before = text[at - 1] if at > pstart else ""
            after = text[after_at] if after_at < pend else ""
            opening_ctx = (
                before == "" or before.isspace() or before in _OPEN_CONTEXT
            ) and not after.isspace()
            closing_ctx = before != "" and not before.isspace()
            if state is None and before == "=" and mark in _DOUBLE_TOGGLE:
                # author="RandPaul" in an embedded tweet's markup: an attribute value, not a quotation.
                state = (at, after_at, "a")
            elif state is not None and state[2] == "a":
                if mark in _DOUBLE_TOGGLE:
                    state = None
            elif state is None:
                # A closing-shaped ” that opens a paragraph or a word is a typo for “ in wire copy.
                wrong_way = mark == "”" and (at == pstart + first or (opening_ctx and after != ""))
                if mark in _DOUBLE_OPEN or mark in _DOUBLE_TOGGLE or wrong_way:
                    state = (at, after_at, "d")
                elif mark in _SINGLE_OPEN and opening_ctx and after.isalpha():
                    state = (at, after_at, "s")
            elif state[2] == "d":
                if (
                    mark in _DOUBLE_CLOSE
                    or mark in _DOUBLE_TOGGLE
                    or (mark == "“" and closing_ctx and not after.isalnum())
                ):
                    para_found.append(Marked(state[1], at, state[0], after_at, closed=True))
                    state = None
                elif mark in _DOUBLE_OPEN and opening_ctx:
                    # A new opening mark inside an open quote: the earlier one was never closed.
                    para_found.append(Marked(state[1], at, state[0], at, closed=False))
                    state = (at, after_at, "d")
            elif mark in _SINGLE_CLOSE and closing_ctx and not after.isalnum():
                para_found.append(Marked(state[1], at, state[0], after_at, closed=True))
                state = None
        if state is not None and state[2] == "d":
            para_found.append(Marked(state[1], pend, state[0], pend, closed=False))
        if para_found and open_at_end and para_found[0].open_at == pstart + first:
            para_found[0].continues = True
        open_at_end = bool(para_found) and not para_found[-1].closed and para_found[-1].close_end == pend
        found.extend(_trimmed(text, m) for m in para_found)
    return [m for m in found if m.end > m.start]


def _trimmed(text: str, m: Marked) -> Marked:
    # A comma before the closing mark punctuates the framing sentence ("“…,” he said"), not the quote.
    start, end = m.start, m.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Marked(start, end, m.open_at, m.close_end, m.closed, m.continues)


# -- the component -------------------------------------------------------------------------------


class QuoteExtractor:
    """Writes ``doc._.quotes``: :class:`storyline.model.Quote` records in text order (q1, q2, …)."""

    def __init__(self, nlp: Language, name: str, cues: str = DEFAULT_CUES) -> None:
        extensions.register()
        self.name = name
        self.lex = CueLexicon.load(cues)
        self._all_verbs = self.lex.verbs | self.lex.directive_verbs | self.lex.object_verbs

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, self.lex, self._all_verbs)
        return doc


@Language.factory("storyline_quotes", default_config={"cues": DEFAULT_CUES})
def make_quotes(nlp: Language, name: str, cues: str = DEFAULT_CUES) -> QuoteExtractor:
    """Build the quote component; ``cues`` is a packaged vocabulary name or the path of a user file."""
    return QuoteExtractor(nlp, name, cues)


@dataclass(slots=True)
class _Draft:
    kind: QuoteKind
    start: int
    end: int
    cue: CueHit | None
    speaker: Speaker | None
    paragraph: int


def extract_quotes(doc: Doc, lex: CueLexicon, verbs: frozenset[str]) -> list[Quote]:
    text = _text(doc)
    marked = find_marked(text)
    inside = _covered_tokens(doc, marked)
    # A cue whose subject sits inside quote marks is a misparse of the quoted words, not a frame.
    cues = [c for c in _find_cues(doc, lex, verbs, inside) if c.tok.i not in inside]
    resolver = SpeakerResolver(doc, lex.speakers)
    resolver.quoted = inside
    para_starts = [m.start() for m in re.finditer(r"[^\n]+", text)]
    speakers: dict[int, Speaker | None] = {}

    cue_at = {c.tok.i: c for c in cues}

    def speaker_of(cue: CueHit) -> Speaker | None:
        if cue.tok.i not in speakers:
            speakers[cue.tok.i] = None  # guards the walk up to an enclosing cue against cycles
            head = cue.speaker_head if cue.speaker_head is not None else _participle_subject(cue, cues, inside)
            found = resolver.speaker(head) if head is not None else None
            if found is not None and head is not None:
                resolver.learn_gender(found.name, head.text)
            else:
                # "Awad says in a statement that …", "Mulgrew said he hopes the day sends a message that
                # …": a cue that names no speaker of its own, inside another cue's frame or reported
                # clause, reports the words of that cue's speaker.
                outer = _enclosing_cue(cue, cue_at)
                found = speaker_of(outer) if outer is not None else None
            speakers[cue.tok.i] = found
        return speakers[cue.tok.i]

    # Speakers are resolved in text order, whatever order the quotes are built in: "the admiral said"
    # before a quote that ends "he said" is the latest speaker that "he" refers back to.
    for cue in cues:
        if cue.speaker_head is not None:
            speaker_of(cue)

    drafts: list[_Draft] = []
    turns: list[_Draft] = []  # who spoke last, fragments included, for quotes that continue a turn
    fragments: dict[int, list[Tok]] = {}  # cue token → the clause tokens around its quoted fragments
    used_cues: set[int] = set()
    by_sent: dict[int, list[CueHit]] = {}
    for cue in cues:
        by_sent.setdefault(_sent_start(cue.tok), []).append(cue)

    # "Pence: Gennifer Flowers Won’t Be at Debate", "WALLACE: Governor, …": a name and a colon opening a
    # paragraph give it to that speaker (headline and transcript convention).
    claimed: list[tuple[int, int]] = []
    for line_cue, start, end in _speaker_lines(doc, resolver, marked):
        kind: QuoteKind = "indirect"
        whole = next((m for m in marked if m.start <= start + 1 and m.end >= end - 2), None)
        if whole is not None:
            kind, start, end = "direct", max(start, whole.start), min(end, whole.end)
        elif _overlaps_marked(start, end, marked):
            kind = "mixed"
        drafts.append(
            _Draft(kind, start, end, line_cue, speaker_of(line_cue), _paragraph(para_starts, start))
        )
        turns.append(drafts[-1])
        claimed.append((start, end))

    # "<tweet …>Iron Mike was not asked to speak. — Donald J. Trump (@realDonaldTrump) June 29, 2016</tweet>": an
    # embedded post, signed with its author's name and handle, is the author's own words.
    for post_cue, start, end in _signed_posts(doc, marked, claimed):
        drafts.append(
            _Draft("direct", start, end, post_cue, speaker_of(post_cue), _paragraph(para_starts, start))
        )
        turns.append(drafts[-1])
        claimed.append((start, end))

    # Direct quotes and quoted fragments, in text order so continuations find their speaker.
    for m in marked:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or any(m.start < b and a < m.end for a, b in claimed):
            continue
        qset = set(range(span.start, span.end))
        linked, tagged = _link_cue(doc, m, span, qset, by_sent, lex)
        if linked is not None and linked.kind == "naming" and _scare_quoted_object(linked, span, qset):
            linked = None  # "portrayed “illegal” immigrants as criminals": the label is "criminals", not the quote
        para = _paragraph(para_starts, m.start)
        if (linked is None or linked.kind != "naming") and _is_title(span):
            # “Fox News Sunday”, “The Art of the Deal”: the name of a work or programme, not words said.
            continue
        if linked is not None:
            gap = _gap_after(doc, m, linked)
            frame_ids = {g.i for g in gap}
            if linked.speaker_head is None and gap:
                # "“…,” Ramos, 58, told AFP": the model hung the name on the quote; the noun phrase
                # between the closing mark and the cue is still who spoke.
                linked.speaker_head = _phrase_head(gap)
            elif linked.speaker_head is not None:
                # "“You squeezed employees” to drive up the stock price, she said": words of the reported
                # clause after the closing mark are the writer's paraphrase, part of a mixed quote.
                frame_ids = {g.i for g in gap if g.i in {t.i for t in linked.speaker_head.subtree}}
            # A quoted sentence taken by its tag from a clause before it stands alone: that clause is not the tag's.
            clause = None if tagged else _clause_around(linked, qset, lex)
            if clause is not None and _says_more([t for t in clause if t.i not in frame_ids], qset):
                fragments.setdefault(linked.tok.i, []).extend(clause)
                turns.append(_Draft("mixed", m.start, m.end, linked, speaker_of(linked), para))
                continue
            used_cues.add(linked.tok.i)
            drafts.append(_Draft("direct", m.start, m.end, linked, speaker_of(linked), para))
            turns.append(drafts[-1])
            continue
        # A signature ("“…” ― Name") is a cue in itself; the other frames need a statement-like quote.
        signed = _dash_cue(doc, m)
        framed = signed or (
            _colon_cue(doc, span, verbs, lex)
            or _quotative_frame(doc, m, span, inside)
            or _leading_frame(doc, m, span, inside)
        )
        if framed is not None and (signed is not None or _clause_like(span)):
            drafts.append(_Draft("direct", m.start, m.end, framed, speaker_of(framed), para))
            turns.append(drafts[-1])
            continue
        if _clause_like(span) or m.continues:
            previous = _continued_from(turns, m, para, para_starts, text)
            lead = _lead_in_cue(cues, m, para, para_starts, text)
            if lead is not None and (previous is None or (previous.paragraph < para and previous.start < lead.start)):
                # "The DNC issued a statement apologizing to Sanders.\n\n“On behalf of …”": a quote opening
                # a paragraph, after a paragraph that ends by reporting someone's words, gives those words.
                drafts.append(_Draft("direct", m.start, m.end, None, speaker_of(lead), para))
                turns.append(drafts[-1])
            elif previous is not None:
                # Within one paragraph the earlier cue still introduces the quote ("“A,” he said. “B.”");
                # a new paragraph is a new statement by the same speaker, with no cue of its own, unless
                # it re-opens a quote the paragraph before left open (one quote over several paragraphs).
                shared = previous.cue if previous.paragraph == para or m.continues else None
                drafts.append(_Draft("direct", m.start, m.end, shared, previous.speaker, para))
                turns.append(drafts[-1])
            elif (topic := _paragraph_topic(doc, span, para_starts[para])) is not None:
                # "Mr. Hannity is unapologetic about his aim. “I'm not hiding …”": a quote that follows
                # a sentence about someone, in the same paragraph, is that person's.
                drafts.append(_Draft("direct", m.start, m.end, None, resolver.speaker(topic), para))
                turns.append(drafts[-1])
            elif (m.closed or m.continues) and KEEP_UNATTRIBUTED:
                drafts.append(_Draft("direct", m.start, m.end, None, None, para))

    # Unquoted reported clauses (indirect) and clauses holding quoted fragments (mixed).
    for cue in cues:
        if (cue.tok.i in used_cues and cue.tok.i not in fragments) or (
            cue.kind == "naming" and cue.tok.i not in fragments
        ):
            continue
        if cue.tok.i in fragments:
            content = _span_of(doc, fragments[cue.tok.i], cue.tok)
        else:
            content = _reported_clause(doc, cue, lex)
        if content is None:
            continue
        start, end = content
        kind = "mixed" if cue.tok.i in fragments else "indirect"
        if kind == "mixed":
            start, end = _whole_marks(start, end, marked)
        if kind == "indirect" and (cue.speaker_head is None or _thing_speaks(cue, cue_at, lex)):
            # Reported speech with nobody reporting ("it's worth noting that …") is the writer's own voice;
            # "the ad suggests that …" inside someone's statement is part of what they said.
            continue
        if kind == "indirect" and _overlaps_marked(start, end, marked):
            taken = [d for d in (*drafts, *turns) if d.start < end and start < d.end]
            if taken:
                # "She said that experts backed her plan, to which O'Malley interjected: “…”": the
                # clause that gives another speaker the floor is not part of what she said.
                cut = _before_other_statement(doc, start, taken)
                if cut is None:
                    continue  # the quoted words are already someone's statement or fragment
                end = cut
        if kind == "indirect" and _overlaps_marked(start, end, marked):
            # "Holm said the ad “unmistakably and wrongfully” suggests …": quoted words no cue of their
            # own took (a fragment, a title) make the reported clause holding them a mixed quote.
            kind = "mixed"
            start, end = _whole_marks(start, end, marked)
        drafts.append(_Draft(kind, start, end, cue, speaker_of(cue), _paragraph(para_starts, start)))

    drafts.sort(key=lambda d: (d.start, d.end))
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for draft in drafts:
        if (draft.start, draft.end) in seen or draft.end <= draft.start:
            continue
        seen.add((draft.start, draft.end))
        quotes.append(_finish(doc, draft, len(quotes) + 1))
    doc.user_data.pop(_SENT_KEY, None)
    doc.user_data.pop(_TEXT_KEY, None)
    return quotes


def _finish(doc: Doc, draft: _Draft, number: int) -> Quote:
    cue = draft.cue
    said_on, said_from = _said_on(doc, cue, draft.start, draft.end)
    quote = Quote(
        id=f"q{number}",
        kind=draft.kind,
        start=draft.start,
        end=draft.end,
        content=_text(doc)[draft.start : draft.end],
        speaker=draft.speaker,
        cue=Cue(text=_text(doc)[cue.start : cue.end], start=cue.start, end=cue.end) if cue else None,
        said_on=said_on,
        said_on_from=said_from,
    )
    if said_from == "text" and said_on is not None:
        times.reanchor(doc, quote.start, quote.end, said_on)
    return quote


# -- cues ----------------------------------------------------------------------------------------


def _find_cues(doc: Doc, lex: CueLexicon, verbs: frozenset[str], inside: set[int]) -> Iterable[CueHit]:
    for tok in doc:
        phrase = _phrase_at(doc, tok, lex)
        if phrase is not None:
            yield phrase
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
            if (lemma in verbs and not _aspectual(tok, lex)) or _as_x_put_it(tok):
                subject = _subject(tok, inside) or _name_before(tok, inside) or _name_after(tok, inside)
                subject = _nearer_participle_subject(tok, subject, inside, lex) or subject
                subject = _fronted_participle_subject(tok, inside) or subject
                if subject is not None and _addressed(tok, subject, lex):
                    # "customers who were told they would …": the passive subject of "tell" is the hearer.
                    subject = _agent(tok, inside)
                yield CueHit(tok, tok.idx, tok.idx + len(tok.text), "verb", subject, _frame(tok))
            elif _prepositional_cue(tok, lex) is not None:
                # "Huckabee called for denying entry …": a speech act only with its preposition.
                subject = _subject(tok, inside) or _name_before(tok, inside)
                yield CueHit(tok, tok.idx, tok.idx + len(tok.text), "verb", subject, _frame(tok))
            elif lemma in lex.naming_verbs and _active_naming(tok, inside):
                yield CueHit(
                    tok, tok.idx, tok.idx + len(tok.text), "naming", _subject(tok, inside), _frame(tok)
                )
        elif tok.pos_ == "NOUN" and lemma in lex.speakers.speech_nouns and _that_clause(tok) is not None:
            yield CueHit(tok, tok.idx, tok.idx + len(tok.text), "noun", owner_of(tok), {tok.i})


def _addressed(verb: Tok, subject: Tok, lex: CueLexicon) -> bool:
    """Whether ``subject`` is the one spoken to: the passive subject of a verb whose object is the hearer
    ("she was told", "voters who were assured", "Kim was asked whether …")."""
    return bool(
        subject.dep_ == "nsubjpass"
        and subject.head.i == verb.i
        and verb.lemma_.lower() in lex.addressee_verbs
    )


def _agent(verb: Tok, inside: set[int]) -> Tok | None:
    """The speaker of a passive speech verb, named in its by-phrase ("was told by a manager")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj" and c.i not in inside), None)
    return None


def _nearer_participle_subject(verb: Tok, found: Tok | None, inside: set[int], lex: CueLexicon) -> Tok | None:
    """The subject of the clause a participle follows ("when Sanders protesters interrupted her speech,
    shouting “…”"), when the model hung the participle on a clause further away. A subject inside a
    reported or relative clause is never it ("Obama said Republicans were wrong, adding …")."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or found is None or found.i > verb.i:
        return None
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    for tok in reversed(doc[max(found.i + 1, _sent_start(verb)) : verb.i]):
        if tok.dep_ not in SUBJECT_DEPS or tok.i in inside or tok.head.dep_ in {"ccomp", "relcl", "acl", "csubj"}:
            continue
        if _is_thing(tok, lex) or tok.lower_ in {"it", "this", "that", "which", "there", "who"}:
            continue
        return tok
    return None


def _fronted_participle_subject(verb: Tok, inside: set[int]) -> Tok | None:
    """"Bemoaning the “phony system,” Trump accused Holt …": a participle opening its paragraph or
    sentence shares the subject of the clause after its comma."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i in inside:
        return None
    text = _text(doc)
    if verb.i != _sent_start(verb) and text[text.rfind("\n", 0, verb.idx) + 1 : verb.idx].strip():
        return None
    after = verb.right_edge.i + 1
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space):
        after += 1
    if after >= len(doc) or after in inside:
        return None
    tok = doc[after]
    phrase_end = tok
    while phrase_end.dep_ == "compound" and phrase_end.head.i > phrase_end.i:
        phrase_end = phrase_end.head  # "Donald Trump": the name's head
    if phrase_end.dep_ in SUBJECT_DEPS and (phrase_end.ent_type_ == "PERSON" or phrase_end.pos_ in {"PROPN", "PRON"}):
        return phrase_end
    return None


def _aspectual(tok: Tok, lex: CueLexicon) -> bool:
    """A speech verb used with a to-infinitive that is not what was said ("Rubio will continue to be a
    champion", "agreed to step down"): only directive verbs report their infinitive ("urged X to act")."""
    if tok.lemma_.lower() in lex.directive_verbs:
        return False
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" and tok.i < a.i <= tok.i + 2 for a in c.children)
        for c in tok.children
    )


def _prepositional_cue(tok: Tok, lex: CueLexicon) -> Tok | None:
    """The preposition that makes ``tok`` a speech act ("called for", "called on"), if any."""
    if tok.pos_ != "VERB" or not lex.prepositional:
        return None
    lemma = tok.lemma_.lower()
    return next(
        (c for c in tok.children if c.dep_ in {"prep", "prt"} and (lemma, c.lower_) in lex.prepositional), None
    )


def _phrase_at(doc: Doc, tok: Tok, lex: CueLexicon) -> CueHit | None:
    """A multi-word cue starting at ``tok`` ("according to X"), its object the speaker."""
    for phrase in lex.phrases:
        if tok.lower_ != phrase[0] or len(phrase) < 2:
            continue
        words = list(doc[tok.i : tok.i + len(phrase)])
        if [t.lower_ for t in words] != list(phrase):
            continue
        last = words[-1]
        obj = next((c for c in last.children if c.dep_ == "pobj"), None)
        return CueHit(tok, tok.idx, last.idx + len(last.text), "phrase", obj, {t.i for t in tok.subtree})
    return None


def _as_x_put_it(tok: Tok) -> bool:
    """The idiom "as Simonyan put it, …" attributes the clause it hangs on."""
    return bool(
        tok.lemma_.lower() == "put"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    )


def _that_clause(noun: Tok) -> Tok | None:
    """The "that"-clause a speech noun carries ("the claim that …"), not a relative clause."""
    for child in noun.children:
        if child.dep_ in {"ccomp", "acl"} and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
    return None


def _active_naming(tok: Tok, inside: set[int]) -> bool:
    # "a group called “X”" and "was called “X”" name something; "Trump called the report “fake news”"
    # and "…, calling him “a total stiff”" are someone's words, and so is a relative clause with a
    # subject of its own ("Obama, who called the nominee “unfit to serve”").
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return False
    if tok.dep_ in {"acl", "amod"} or (
        tok.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.i not in inside for c in tok.children)
    ):
        return False
    return _subject(tok, inside) is not None


def _subject(verb: Tok, inside: set[int], depth: int = 0) -> Tok | None:
    # A "subject" inside quote marks is the small model misreading the quoted words ("Full panic mode,”
    # said Leslie Wimes" has two nsubj); the speaker is the one outside the marks.
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in inside]
    # "Ramos, 58, told AFP", "Salem, New Hampshire, Trump went": of several subjects the small model
    # finds, the one that can speak and stands nearest the verb.
    speaking = [c for c in subjects if not c.like_num and c.ent_type_ not in {"DATE", "TIME", "CARDINAL"}]
    if speaking or subjects:
        return min(speaking or subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ in {"mark", "prep"} and child.lower_ == "as":
            # "As Akhil Amar, professor of law, put it, …": the model read "as" as a preposition.
            named = next((c for c in child.children if c.dep_ == "pobj" and c.i not in inside), None)
            if named is not None and (named.ent_type_ in {"PERSON", "ORG"} or named.pos_ in {"PROPN", "PRON"}):
                return named
    if verb.tag_ in {"VBD", "VBZ", "VBP"}:
        # "Mayor Berg, exasperated, responded:": the model gave the subject to the participle before it.
        for child in verb.lefts:
            if child.dep_ == "advcl" and child.tag_ == "VBN":
                named = next(
                    (
                        c
                        for c in child.children
                        if c.dep_ == "nsubj" and c.i not in inside and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
                    ),
                    None,
                )
                if named is not None:
                    return named
    if depth >= 3 or verb.head is verb:
        return None
    if verb.dep_ in {"acl", "relcl"}:
        # "a statement saying …", "officials saying …": the noun the clause modifies speaks.
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.head is not verb.head:
        # "punctuated his list by saying “Too many.”": the subject of the verb the preposition hangs on.
        return _subject(verb.head.head, inside, depth + 1)
    if verb.dep_ == "xcomp":
        # "That prompted Rubio to call Trump “very flexible”": the object of the governing verb is who
        # does the infinitive (object control), when it can speak; "promised them to say" is the exception.
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and c.i not in inside), None)
        if (
            obj is not None
            and verb.head.lemma_.lower() not in SUBJECT_CONTROL
            and (obj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or obj.pos_ in {"PROPN", "PRON"})
        ):
            return obj
    if verb.dep_ in {"conj", "xcomp", "advcl"} or (
        verb.dep_ in {"ccomp", "dep"} and verb.tag_ in {"VBD", "VBZ", "VBP"}
    ) or (verb.dep_ == "advmod" and verb.pos_ == "ADV" and depth > 0):
        # "went so far as to say": the infinitive hangs on "far", an adverb of the governing verb.
        # A finite clause without a subject is a coordination the model read as a complement
        # ("said that she thinks … but said “…”"): it shares the governing clause's subject.
        # "…, saying …", "and added …", "took to Twitter to say …": the governing clause's subject.
        return _subject(verb.head, inside, depth + 1)
    return None


def _name_before(verb: Tok, inside: set[int]) -> Tok | None:
    """A person's name right before a finite speech verb the model left without a subject ("In a
    statement to the Observer, her adviser, Jake Sullivan, said: …", the name read as an apposition
    of the newspaper): English puts the subject before the verb, so the name is who spoke."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    prev = verb.i - 1
    doc = verb.doc
    text = _text(doc)
    while prev >= 0 and (doc[prev].is_punct or doc[prev].is_space):
        prev -= 1
    # "Trump, in Kentucky, said Tuesday that …": a place or time set off by commas may stand between.
    aside = prev
    while aside >= 0 and doc[aside].dep_ in {"pobj", "prep", "compound", "det"} and doc[aside].pos_ != "VERB":
        aside -= 1
    if aside < prev and aside >= 0 and doc[aside].text == "," and doc[prev + 1].text == ",":
        prev = aside - 1
    if prev < 0 or prev in inside or prev < _sent_start(verb) or "\n" in text[doc[prev].idx : verb.idx]:
        return None
    tok = doc[prev]
    if tok.ent_type_ == "PERSON" and tok.head.i != verb.i:
        return tok
    # "…, Col. Steven Warren, a military spokesman in Baghdad, said", "a White House official who spoke
    # anonymously said": the model made the subject an apposition of the phrase before it; the
    # apposition that ends right before the verb is the subject.
    for _ in range(10):
        if tok.head.i == tok.i or tok.head.i >= verb.i or tok.i in inside:
            return None
        if tok.dep_ == "appos" and (tok.ent_type_ == "PERSON" or tok.pos_ in {"PROPN", "NOUN"}):
            while tok.head.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
                tok = tok.head  # "Warren, a spokesman": the name rather than its description
            return tok
        tok = tok.head
    return None


def _name_after(verb: Tok, inside: set[int]) -> Tok | None:
    """The name after a verb that follows a closing quote mark ("“…,” said retired neurosurgeon Ben
    Carson, asked about …"): quotative inversion puts the subject after the verb even when the model
    hangs the name on a later verb."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ"} or verb.i == 0:
        return None
    prev = verb.i - 1
    while prev >= 0 and (doc[prev].is_space or doc[prev].text == ","):
        prev -= 1
    if prev < 0 or not doc[prev].is_quote:
        return None
    for tok in doc[verb.i + 1 : min(len(doc), verb.i + 7)]:
        if (tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "amod") or tok.is_punct or tok.i in inside:
            return None
        if tok.ent_type_ == "PERSON" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_type_ != "PERSON"):
            return tok
    return None


def _enclosing_cue(cue: CueHit, cue_at: dict[int, CueHit]) -> CueHit | None:
    """The nearest cue above ``cue`` in the parse, not reached from its subject (the statement that
    says something is not what a speaker said of it)."""
    child, head = cue.tok, cue.tok.head
    for _ in range(8):
        if head.i == child.i or child.dep_ in SUBJECT_DEPS:
            return None
        outer = cue_at.get(head.i)
        if outer is not None and outer.kind in {"verb", "phrase", "noun"}:
            return outer
        child, head = head, head.head
    return None


def _participle_subject(cue: CueHit, cues: Sequence[CueHit], inside: set[int]) -> Tok | None:
    """Who speaks in a participial clause the model left without a subject ("…,” Sanders said, going
    on to say that …"; "Mr. Trump hardly clarified the matter, … asserting, ‘…’"): a participle
    shares the subject of the clause it follows, so the latest speaker or subject before it in the
    sentence."""
    tok = cue.tok
    while tok.dep_ == "xcomp" and tok.tag_ != "VBG" and tok.head.i != tok.i:
        tok = tok.head  # "…, going on to say that …": the participle the infinitive hangs on
    if cue.kind != "verb" or tok.tag_ != "VBG":
        return None
    start = _sent_start(tok)
    earlier = [c for c in cues if start <= c.tok.i < tok.i and c.speaker_head is not None]
    if earlier:
        return earlier[-1].speaker_head
    doc = tok.doc
    subjects = [
        t
        for t in doc[start : tok.i]
        if t.dep_ == "nsubj" and t.i not in inside and (t.pos_ == "PROPN" or t.lower_ in {"he", "she"})
    ]
    return subjects[-1] if subjects else None


def _frame(verb: Tok) -> set[int]:
    frame = {verb.i}
    for child in verb.children:
        if child.dep_ in FRAME_DEPS:
            frame.update(t.i for t in child.subtree)
    return frame


def _link_cue(
    doc: Doc, m: Marked, span: Any, qset: set[int], by_sent: dict[int, list[CueHit]], lex: CueLexicon
) -> tuple[CueHit | None, bool]:
    """The cue that introduces the marked span, by the parse first, then by adjacency; and whether it is a
    tag after the quote that overrides the clause the parse hung the quote on."""
    sents = {_sent_start(span[0]), _sent_start(span[-1])}
    after = next((t for t in doc[span.end : span.end + 4] if not (t.is_punct or t.is_space)), None)
    if (
        after is not None
        and _sent_start(after) not in sents
        and (
            len([t for t in doc[_sent_start(after) : _sent_end(after)] if not (t.is_punct or t.is_space)])
            <= SHORT_TAG_TOKENS
            or any(
                not any(ch.dep_ in {"ccomp", "xcomp"} for ch in c.tok.children)
                for c in by_sent.get(_sent_start(after), [])
            )
        )
    ):
        # "“… A pathetic figure!” he wrote.", "“… today?” Miller, a retired worker, said": the model often
        # makes the tag after a question or exclamation a sentence of its own; adjacency still decides.
        sents.add(_sent_start(after))
    if _char_before(_text(doc), m.open_at) == ":" and span.start > 1:
        # "Trump tweeted:" closing the sentence (or paragraph) before the quote.
        sents.add(_sent_start(doc[span.start - 2]))
    text = _text(doc)
    colon_lead = _char_before(text, m.open_at) == ":"
    candidates = [
        c
        for s in sorted(sents)
        for c in by_sent.get(s, [])
        if not _across_paragraphs(text, c, m, colon_lead)
    ]
    if not candidates:
        return None, False
    by_tok = {c.tok.i: c for c in candidates}
    roots = [t for t in span if t.head.i not in qset or t.head.i == t.i]
    governing = _governing_cue(roots, qset, by_tok, lex)
    if governing is not None and governing.tok.i < span.start:
        # "… but Moscow denies — “why wouldn’t you …?” asked Dunn": a whole quoted sentence followed by its
        # own tag is the tag's, whatever clause before it the parse hung the quote on.
        tag = _tag_after(doc, m, span, candidates)
        if tag is not None:
            return tag, True
    if governing is not None:
        return governing, False
    hanging = [c for c in candidates if _hangs_off(c, qset)]
    if hanging:
        return min(hanging, key=lambda c: _distance(c.tok.i, span)), False
    adjacent = [c for c in candidates if _adjacent(doc, c, m, span)]
    if adjacent:
        return min(adjacent, key=lambda c: _distance(c.tok.i, span)), False
    # "During his years in office, Mr. Obama said, a majority have come to believe “…”": a parenthetical
    # cue attributes the clause it interrupts, quoted words included.
    for c in candidates:
        if _parenthetical(c) and any(_dominates(c.tok.head, r) for r in roots):
            return c, False
    return None, False


def _tag_after(doc: Doc, m: Marked, span: Any, candidates: Sequence[CueHit]) -> CueHit | None:
    """The speech tag right after a quoted sentence ("“…?” asked Dunn", "“…,” she said"): the quote ends with
    the comma, question or exclamation mark that hands over to a tag (a full stop ends the sentence:
    "“….” Pressed for details, …" is a new one), and a finite speech verb and its speaker follow the
    closing mark with nothing between."""
    text = _text(doc)
    end = text[m.start : m.end].rstrip()[-1:]
    if not m.closed or end not in {",", "?", "!"} or _char_before(text, m.open_at) == ":":
        return None  # "X responded: “…?”": the colon hands the quote to the cue before it
    first = next((t for t in doc[span.end : span.end + 4] if not (t.is_punct or t.is_space)), None)
    if first is None:
        return None
    if end != "," and first.text[:1].isupper() and not first.tag_.startswith("VB"):
        return None  # "“…?” Her critics cited it …": a capital after a question opens a new sentence
    tags = [
        c
        for c in candidates
        if c.kind == "verb"
        and c.tok.tag_ in {"VBD", "VBZ", "VBP"}
        and c.tok.i >= span.end
        and c.speaker_head is not None
        and c.speaker_head.i >= span.end
        and _adjacent(doc, c, m, span)
    ]
    return min(tags, key=lambda c: c.tok.i) if tags else None


def _parenthetical(cue: CueHit) -> bool:
    """A speech verb the model hung on the clause it reports, leaving it no reported clause of its own:
    set inside that clause ("the economy, Smith said, is weak"), or before a clause with no "that"
    which the model took for the head ("after Trump told the Post he was “not quite there yet”")."""
    tok = cue.tok
    head = tok.head
    if (
        cue.kind != "verb"
        or cue.speaker_head is None
        or head.i == tok.i
        or any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children)
    ):
        return False
    if tok.dep_ == "parataxis":
        return (head.pos_ in {"VERB", "AUX"} or head.dep_ == "ROOT") and not any(
            c.dep_ == "dobj" for c in tok.children
        )
    if tok.dep_ == "advcl" and head.i > tok.i and head.pos_ in {"VERB", "AUX"}:
        after = tok.right_edge.i + 1
        nxt = tok.doc[after] if after < len(tok.doc) else None
        return nxt is not None and nxt.dep_ in SUBJECT_DEPS and nxt.head.i == head.i
    return False


def _dominates(head: Tok, tok: Tok) -> bool:
    for _ in range(12):
        if tok.i == head.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _across_paragraphs(text: str, cue: CueHit, m: Marked, colon_lead: bool) -> bool:
    """Whether a paragraph break separates the cue from the quote. The small model's sentences run
    over paragraph breaks, but a quote opening a paragraph is framed by the paragraph before it only
    when that one ends with a colon ("Trump tweeted:")."""
    if cue.end <= m.open_at:
        return "\n" in text[cue.end : m.open_at] and not colon_lead
    if cue.start >= m.close_end:
        return "\n" in text[m.close_end : cue.start]
    return False


def _quotative_frame(doc: Doc, m: Marked, span: Any, inside: set[int]) -> CueHit | None:
    """“This is fantastic!” beamed Donald Hartley / “…,” she smiled: a verb right after the closing mark
    with its subject, and nothing else, frames the quote whatever the verb (quotative inversion and
    the bare "X verbed" tag are how English attributes speech)."""
    toks = [t for t in doc[span.end : span.end + 8] if not t.is_space]
    while toks and toks[0].is_punct:
        toks.pop(0)
    verb = next((t for t in toks[:5] if t.pos_ == "VERB"), None)
    if verb is None or verb.i in inside or _text(doc)[m.close_end : verb.idx].count("\n"):
        return None
    subject = _subject(verb, inside)
    if subject is None or subject.pos_ not in {"PROPN", "PRON", "NOUN"}:
        return None
    frame = {t.i for t in subject.subtree} | {verb.i}
    between = [t for t in toks if t.i < verb.i and not t.is_punct]
    if any(t.i not in frame for t in between):
        return None
    rest = [t for t in doc[verb.i + 1 : _sent_end(verb)] if not (t.is_punct or t.is_space)]
    if any(
        t.i not in {x.i for x in subject.subtree}
        and t.dep_ not in {"npadvmod", "advmod", "prep", "pobj", "det", "amod", "compound", "appos"}
        for t in rest
    ):
        return None
    return CueHit(verb, verb.idx, verb.idx + len(verb.text), "verb", subject, _frame(verb))


def _distance(i: int, span: Any) -> int:
    return int(span.start - i if i < span.start else i - span.end)


def _governing_cue(
    roots: Sequence[Tok], qset: set[int], by_tok: dict[int, CueHit], lex: CueLexicon
) -> CueHit | None:
    """The nearest cue above the quote in the tree.

    The walk goes up through reported clauses, nouns and prepositions. It refuses a cue reached from
    a coordinated verb ("denouncing X and submitting a “letter of protest”": the letter is no part of
    what was denounced) and a cue reached from its subject; it stops at a programme or venue
    ("told “Fox News Sunday”", "said on “Morning Joe”"), which is where it was said, not what."""
    for root in roots:
        child, head = root, root.head
        for _ in range(8):
            if head.i == child.i or head.i in qset:
                break
            cue = by_tok.get(head.i)
            if cue is not None:
                if child.dep_ in {"conj", "nsubj", "nsubjpass", "csubj", "dative", "agent"}:
                    break
                if child.dep_ == "prep" and child.lower_ in VENUE_PREPOSITIONS and child is not root:
                    break
                if not _thing_speaks(cue, by_tok, lex):
                    return cue
            if (
                child.dep_ == "conj"
                and child.pos_ in {"VERB", "AUX"}
                and head.pos_ in {"VERB", "AUX"}
                and head.i in by_tok
            ):
                break
            child, head = head, head.head
    return None


def _thing_speaks(cue: CueHit, by_tok: dict[int, CueHit], lex: CueLexicon) -> bool:
    """A cue whose subject is a thing, reported inside someone's words ("Fiorina declared that any new
    deal would demand “absolute secrecy”"): the verb is part of the reported clause, not a frame. Only
    a cue with a speaker above it is passed over, so "the deal demands X" alone still counts."""
    subject = cue.speaker_head
    if cue.kind != "verb" or subject is None or not _is_thing(subject, lex):
        return False
    child, head = cue.tok, cue.tok.head
    for _ in range(8):
        if head.i == child.i or child.dep_ != "ccomp":
            return False
        outer = by_tok.get(head.i)
        if outer is not None and outer.speaker_head is not None and not _is_thing(outer.speaker_head, lex):
            return True
        child, head = head, head.head
    return False


def _is_thing(tok: Tok, lex: CueLexicon) -> bool:
    """A common noun that names no one: not a person or organisation, not an unnamed source, an
    institution, a title or a speech noun (whose owner speaks)."""
    words = lex.speakers
    lemma = tok.lemma_.lower()
    return bool(
        tok.pos_ == "NOUN"
        and not tok.ent_type_
        and not (lemma.endswith(AGENT_SUFFIXES) and not lemma.endswith("ment") and len(lemma) > 4)
        and lemma not in words.anonymous | words.institutions | words.speech_nouns | words.honorifics
        and tok.lower_ not in words.anonymous | words.institutions | words.honorifics
    )


def _hangs_off(cue: CueHit, qset: set[int]) -> bool:
    """The cue hangs off the quote: "“We,” he said, “will win.”", "…, according to X"."""
    head = cue.tok.head
    for _ in range(3):
        if head.i in qset:
            return True
        if head.head.i == head.i or (head.pos_ in {"VERB", "AUX"} and head.i != cue.tok.i):
            break
        head = head.head
    return False


def _adjacent(doc: Doc, cue: CueHit, m: Marked, span: Any) -> bool:
    """Only the speaker, the cue's own frame and punctuation stand between the quote and the cue."""
    allowed = set(cue.frame)
    if cue.speaker_head is not None:
        allowed.update(t.i for t in cue.speaker_head.subtree)
    if any(c.dep_ == "ccomp" and not (span.start <= c.i < span.end) for c in cue.tok.children):
        return False  # the cue reports a clause of its own ("“A.” He said that B"): not this quote's
    if cue.tok.i >= span.end:
        gap = doc.char_span(m.close_end, cue.start, alignment_mode="expand")
    elif cue.tok.i < span.start:
        if _char_before(_text(doc), m.open_at) not in {":", ","}:
            return False
        gap = doc.char_span(cue.end, m.open_at, alignment_mode="expand")
    else:
        return False
    if gap is None:
        return True
    words = [t for t in gap if not (t.is_punct or t.is_space)]
    return len(words) <= MAX_GAP_TOKENS and all(t.i in allowed for t in words)


def _colon_cue(
    doc: Doc, span: Any, verbs: frozenset[str] = frozenset(), lex: CueLexicon | None = None
) -> CueHit | None:
    """A headline's "Warren Hammers Stumpf: ‘…’": a named subject, a colon, then the quote. The
    inverted "Said Ellis: “…”" is the same frame with the speech verb first (the small model reads
    "Said Ellis" as one name, so the name is the root)."""
    if span.start < 2:
        return None
    colon = next((t for t in reversed(doc[max(0, span.start - 3) : span.start]) if t.text == ":"), None)
    if colon is None or _sent_start(colon) != _sent_start(doc[colon.i - 1]):
        return None
    root = _frame_root(doc[colon.i - 1], set(range(span.start, span.end)))
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None and root.pos_ == "PROPN" and root.i < colon.i:
        first = doc[_sent_start(root)]
        if first.i < root.i and first.lemma_.lower() in verbs and first.text[:1].isupper():
            subject = root
    if subject is None or subject.i > colon.i:
        return None
    # "The Clinton campaign … worded it carefully:", "Hoff's letter makes a case:": a group, an
    # institution or a speech noun (its owner speaks) before the colon frames the quote as well.
    speaks = subject.pos_ == "PROPN" or subject.lower_ in {"he", "she", "they"}
    if not speaks and lex is not None and subject.pos_ == "NOUN":
        words = lex.speakers
        speaks = subject.lemma_.lower() in words.speech_nouns | words.institutions or (
            not _is_thing(subject, lex) and subject.tag_ == "NNS"
        )
    if not speaks:
        return None
    return CueHit(colon, colon.idx, colon.idx + 1, "colon", subject, {colon.i})


def _frame_root(tok: Tok, qset: set[int]) -> Tok:
    """The head of the clause ``tok`` belongs to, not climbing into the quote: the small model often
    makes the quoted sentence the root and hangs the frame before the colon on it."""
    root = tok
    while root.head.i != root.i and root.head.i not in qset:
        root = root.head
    return root


def _speaker_lines(
    doc: Doc, resolver: SpeakerResolver, marked: list[Marked]
) -> Iterable[tuple[CueHit, int, int]]:
    """Paragraphs opening with a speaker's name and a colon: (cue, content start, content end)."""
    text = _text(doc)
    for para in re.finditer(r"[^\n]+", text):
        match = _SPEAKER_LINE.match(para.group())
        if match is None:
            continue
        name_start, name_end = para.start() + match.start(1), para.start() + match.end(1)
        colon_at = text.index(":", name_end)
        name = doc.char_span(name_start, name_end, alignment_mode="expand")
        if name is None or not _is_speaker_name(name, resolver):
            continue
        content_start = para.start() + match.end()
        content_end = para.end()
        while content_end > content_start and text[content_end - 1].isspace():
            content_end -= 1
        if len(re.findall(r"[A-Za-z]+", text[content_start:content_end])) < 2:
            continue
        colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
        cue_tok = colon[0] if colon is not None else name.root
        yield (
            CueHit(cue_tok, colon_at, colon_at + 1, "colon", name.root, {t.i for t in name}),
            content_start,
            content_end,
        )


def _signed_posts(
    doc: Doc, marked: list[Marked], claimed: list[tuple[int, int]]
) -> Iterable[tuple[CueHit, int, int]]:
    """Embedded social-media posts: the words before a "— Name (@handle) Date" signature, back to the
    start of the paragraph or the end of the markup that opens the post: (cue, content start, end)."""
    text = _text(doc)
    for match in _POST_SIGNATURE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        start = max(line_start, text.rfind(">", line_start, match.start()) + 1)
        while start < match.start() and text[start].isspace():
            start += 1
        end = match.start()
        if len(re.findall(r"[A-Za-z]+", text[start:end])) < 3 or "<" in text[start:end]:
            continue
        if _overlaps_marked(start, end, marked) or any(start < b and a < end for a, b in claimed):
            continue
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if name is None or not any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG"} for t in name):
            continue
        dash_at = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        yield CueHit(name.root, dash_at, dash_at + 1, "colon", name.root, {t.i for t in name}), start, end


def _is_speaker_name(name: Any, resolver: SpeakerResolver) -> bool:
    """A short run of capitalised words naming a person or organisation (not a dateline or a label)."""
    words = [t for t in name if t.is_alpha]
    if not words or len(words) > 6 or not all(t.text[0].isupper() for t in words):
        return False
    if all(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME"} for t in words):
        return False
    return any(t.ent_type_ in {"PERSON", "ORG"} or t.lower_ in resolver.by_surname for t in words)


def _leading_frame(doc: Doc, m: Marked, span: Any, inside: set[int]) -> CueHit | None:
    """Hillary shot back, “I suppose …”: a clause whose verb takes no object, then a comma or colon and a
    quote that ends the sentence. The quote is what the verb's subject said, whatever the verb."""
    if _char_before(_text(doc), m.open_at) not in {",", ":"} or span.start < 3:
        return None
    last = doc[span.start - 1]
    while last.i > 0 and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    verb = last if last.pos_ == "VERB" else last.head
    if verb.pos_ != "VERB" or verb.i in inside or _sent_start(verb) != _sent_start(span[0]):
        return None
    if any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "acomp"} and c.i not in inside for c in verb.children
    ):
        return None
    if last.i != verb.i and last.dep_ not in {"prt", "advmod", "npadvmod"}:
        return None
    rest = [t for t in doc[span.end : _sent_end(span[0])] if not (t.is_punct or t.is_space)]
    subject = _subject(verb, inside)
    if rest or subject is None or subject.pos_ not in {"PROPN", "PRON"}:
        return None
    return CueHit(verb, verb.idx, verb.idx + len(verb.text), "verb", subject, _frame(verb))


def _dash_cue(doc: Doc, m: Marked) -> CueHit | None:
    """“…” ― Steve Quinlan: a dash and a name closing the paragraph sign the quote (epigraph style)."""
    tail = _text(doc)[m.close_end :]
    match = _DASH_SIGNATURE.match(tail)
    if match is None:
        return None
    name = doc.char_span(m.close_end + match.start(1), m.close_end + match.end(1), alignment_mode="expand")
    if name is None or not any(t.pos_ == "PROPN" for t in name):
        return None
    dash_at = m.close_end + tail.index(match.group(0).strip()[0])
    head = name.root
    return CueHit(head, dash_at, dash_at + 1, "colon", head, {t.i for t in name})


# -- content -------------------------------------------------------------------------------------


def _clause_around(cue: CueHit, qset: set[int], lex: CueLexicon) -> list[Tok] | None:
    """The cue's reported clause that holds the quoted tokens, if any."""
    if cue.kind == "noun":
        clause = _that_clause(cue.tok)
        sub = list(clause.subtree) if clause is not None else []
        return sub if qset & {t.i for t in sub} else None
    if cue.kind == "naming":
        return _naming_content(cue, qset)
    if cue.kind != "verb":
        return None
    if _parenthetical(cue):
        sub = _interrupted_clause(cue.tok)
        return sub if qset & {t.i for t in sub} else None
    own = _prepositional_cue(cue.tok, lex)
    for child in cue.tok.children:
        if child is not own and (
            child.dep_ in NOT_CONTENT_DEPS or (child.dep_ == "prep" and child.lower_ in VENUE_PREPOSITIONS)
        ):
            continue
        sub = [t for t in child.subtree if t is not own]  # "called for “…”": the preposition is the cue's
        if qset & {t.i for t in sub}:
            if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as"):
                # "dismissed the whole kerfuffle as “absurd”": the label is said of the object.
                return _naming_content(cue, qset) or sub
            return sub
    return None


def _interrupted_clause(tok: Tok) -> list[Tok]:
    """The clause a parenthetical cue interrupts, from the cue on to the clause's end when the cue
    comes before its verb ("…, Mr. Obama said, a majority have come to believe …"), else up to it."""
    head = tok.head
    cue_part = {t.i for t in tok.subtree}
    tokens = [t for t in head.subtree if t.i not in cue_part]
    if head.i > tok.i:
        # The clause's subject before the cue is part of it ("Proposals so far, he added, amount to …");
        # a scene-setting phrase before it is not ("During his years in office, Obama said, …").
        subject = {t.i for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i for t in c.subtree}
        return [t for t in tokens if t.i > tok.i or t.i in subject]
    return [t for t in tokens if t.i < tok.i]


def _whole_marks(start: int, end: int, marked: list[Marked]) -> tuple[int, int]:
    """Widen a mixed quote so that it never cuts a quoted fragment in two."""
    for m in marked:
        if m.start < end and start < m.end:
            start, end = min(start, m.open_at), max(end, m.close_end)
    return start, end


def _opens_inside(toks: Sequence[Tok]) -> bool:
    text = "".join(t.text_with_ws for t in toks[:-1])
    return (
        text.count("“") > text.count("”")
        or text.count('"') % 2 == 1
        or text.count("''") % 2 == 1
        or (toks[-1].text in {"’", "'"} and (text.count("‘") > text.count("’") or text.count(" '") % 2 == 1))
    )


def _naming_content(cue: CueHit, qset: set[int]) -> list[Tok] | None:
    """What a naming verb states: its object with the quoted label ("the report “fake news”",
    "Putin as a “strong leader”"); None when the quote is the whole of it."""
    # The object as the model labels it ("called both Trump and Clinton “crazy”" reads the names as an
    # object predicate), or "refers to the governor as “Chris”".
    objects = [
        c
        for c in cue.tok.children
        if c.i not in qset
        and c.i < min(qset)
        and (c.dep_ in {"dobj", "oprd", "dative"} or (c.dep_ == "prep" and c.lower_ == "to"))
    ]
    doc = cue.tok.doc
    if not objects:
        # "called Wall Street bankers “fat cats”": the model hung the object on the quoted label.
        holder = next((c for c in cue.tok.children if c.i in qset or qset & {t.i for t in c.subtree}), None)
        if holder is None or holder.left_edge.i >= min(qset) or holder.left_edge.i <= cue.tok.i:
            return None
        return list(doc[holder.left_edge.i : max(qset) + 1])
    first = min(o.left_edge.i + (1 if o.dep_ == "prep" else 0) for o in objects)
    return list(doc[first : max(qset) + 1])


def _scare_quoted_object(cue: CueHit, span: Any, qset: set[int]) -> bool:
    """Whether the quoted words only modify the object a naming verb labels ("portray “illegal” immigrants as
    criminals", "described the “reformed” party as a sham"): the writer's scare quote, while the label the
    verb gives is the as-phrase or predicate after the object."""
    roots = [t for t in span if t.head.i not in qset or t.head.i == t.i]
    heads = {t.head.i for t in roots}
    if len(heads) != 1 or any(t.dep_ not in {"amod", "compound", "nmod", "punct"} for t in roots):
        return False
    noun = roots[0].head
    if noun.i in qset or noun.i < max(qset) or noun.dep_ != "dobj" or noun.head.i != cue.tok.i:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in noun.children) or any(
        c.i > noun.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")) for c in cue.tok.children
    )


def _gap_after(doc: Doc, m: Marked, cue: CueHit) -> list[Tok]:
    """Words between a quote's closing mark and a cue after it: the frame ("“…,” X said"), never content."""
    if cue.start < m.close_end:
        return []
    gap = doc.char_span(m.close_end, cue.start, alignment_mode="contract")
    return [t for t in gap or () if not (t.is_punct or t.is_space)]


def _phrase_head(tokens: Sequence[Tok]) -> Tok | None:
    """The head of the noun phrase among ``tokens``: the nominal whose own head lies outside them."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.head.i not in ids]
    if heads:
        return heads[0]
    # The model tore the phrase apart ("Tulsa police Chief Chuck Jordan said", Tulsa read as a verb):
    # an English noun phrase ends in its head, and a person's name is the head of a titled name.
    names = [t for t in tokens if t.ent_type_ == "PERSON"]
    nominals = [t for t in tokens if t.pos_ in {"PROPN", "NOUN"}]
    return (names or nominals or [None])[-1]


def _says_more(clause: Sequence[Tok], qset: set[int]) -> bool:
    """Whether the clause has words of the reporter's own beside the quoted ones."""
    outside = [
        t
        for t in clause
        if t.i not in qset and not t.is_punct and not t.is_space and t.lower_ not in COMPLEMENTIZERS
    ]
    return any(t.is_alpha for t in outside)


def _is_object_content(child: Tok, verb: Tok, lex: CueLexicon) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in lex.object_verbs:
        return False
    if child.dep_ == "dobj":
        return bool(child.lemma_.lower() in lex.object_nouns or child.lower_ in lex.object_nouns)
    if child.dep_ == "prep" and child.lower_ in {"of", "for"}:
        return any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in child.children)
    return False


def _reported_clause(doc: Doc, cue: CueHit, lex: CueLexicon) -> tuple[int, int] | None:
    """Character span of the reported clause of an unquoted statement, or None when it has none."""
    tok = cue.tok
    if cue.kind == "phrase":
        found = _head_clause_without(doc, tok, set(t.i for t in tok.subtree))
        if found is None and cue.speaker_head is not None and tok.i == _sent_start(tok):
            # "According to Rush Limbaugh, the move reeks of “fear”": the model swallowed the sentence
            # into the source's phrase; the statement is what follows the comma after the source.
            source = cue.speaker_head
            ent = next((e for e in doc.ents if e.start <= source.i < e.end), None)
            after = ent.end if ent is not None else source.i + 1
            if after < len(doc) and doc[after].text == ",":
                rest = list(doc[after + 1 : _sent_end(tok)])
                return _span_of(doc, rest, tok) if rest else None
        return found
    if cue.kind == "noun":
        clause = _that_clause(tok)
        return _span_of(doc, list(clause.subtree), tok) if clause is not None else None
    if cue.kind != "verb":
        return None
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        # "The economy, as Smith said, is weak": the statement is the clause the as-clause sits in.
        return _head_clause_without(doc, tok.head, set(t.i for t in tok.subtree))
    if _parenthetical(cue):
        return _span_of(doc, _interrupted_clause(tok), tok)
    lemma = tok.lemma_.lower()
    pieces: list[Tok] = []
    for child in tok.children:
        if child.dep_ == "ccomp":
            pieces = list(child.subtree)
            break
    if not pieces and lemma in lex.directive_verbs:
        for child in tok.children:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                objects = [c for c in tok.children if c.dep_ == "dobj" and c.i < child.i]
                pieces = [t for o in objects for t in o.subtree] + list(child.subtree)
                break
    own = _prepositional_cue(tok, lex) if not pieces else None
    if own is not None:
        # "called for new elections", "called on Iraq to act": what follows the preposition is asked for.
        pieces = [t for t in own.subtree if t.i != own.i] + [
            t for c in tok.children if c.dep_ == "xcomp" and c.i > own.i for t in c.subtree
        ]
    if not pieces:
        for child in tok.children:
            if _is_object_content(child, tok, lex):
                objects = [c for c in tok.children if c.dep_ == "dobj" and c.i < child.i]
                pieces = [t for o in objects for t in o.subtree] + list(child.subtree)
                break
    if not pieces and _aside_object(tok, lex):
        # "… wanted a role in the administration -- something he denied as laughable", "…, a claim she has
        # denied": the writer's aside names what the relative clause's subject rejected; the aside is the
        # statement (the denial of the clause before it).
        pieces = list(tok.head.subtree)
    if not pieces:
        return None
    return _span_of(doc, pieces, tok)


def _aside_object(verb: Tok, lex: CueLexicon) -> bool:
    """A relative clause of an object verb ("he denied") on a noun set off by a dash or a comma after a
    clause ("…, a claim she has denied", "… -- something he denied"), the noun being its object."""
    head = verb.head
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in lex.object_verbs or head.i >= verb.i:
        return False
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return False
    lemma = head.lemma_.lower()
    if not (lemma in lex.object_nouns or lemma in {"something", "one"}):
        return False
    before = head.left_edge.i - 1
    return before > 0 and head.doc[before].text in {",", "-", "--", "—", "–"}


def _head_clause_without(doc: Doc, anchor: Tok, excluded: set[int]) -> tuple[int, int] | None:
    head = anchor.head if anchor.head.i != anchor.i else anchor
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    tokens = [t for t in head.subtree if t.i not in excluded]
    if not tokens:
        return None
    # Keep the side of the clause that holds its verb when the excluded phrase splits it.
    left = [t for t in tokens if t.i < min(excluded)]
    right = [t for t in tokens if t.i > max(excluded)]
    side = left if head.i < min(excluded) else right
    return _span_of(doc, side or tokens, anchor)


def _span_of(doc: Doc, tokens: Sequence[Tok], anchor: Tok) -> tuple[int, int] | None:
    """The character span of a reported clause, trimmed, and kept inside the anchor's paragraph (the
    small model's sentences sometimes run over a paragraph break, a headline into the lead)."""
    text = _text(doc)
    para_start = text.rfind("\n", 0, anchor.idx) + 1
    para_end = text.find("\n", anchor.idx)
    para_end = len(text) if para_end < 0 else para_end
    toks = sorted((t for t in tokens if para_start <= t.idx < para_end), key=lambda t: t.i)
    if not toks:
        return None
    toks = [t for t in doc[toks[0].i : toks[-1].i + 1]]
    # "He said that is a distortion": a "that" the parse makes the subject is a demonstrative, not a complementizer.
    while toks and (
        toks[0].is_punct
        or toks[0].is_space
        or (toks[0].lower_ in COMPLEMENTIZERS and toks[0].dep_ not in SUBJECT_DEPS)
        or toks[0].dep_ == "cc"
    ):
        toks.pop(0)
    # A trailing "— a modest boost for Obama" or "-- something he denied" after a dash is the reporter's
    # aside (an apposition to the whole statement), not part of it, unless a second dash closes it inside
    # the clause.
    for i, t in enumerate(toks):
        if (
            i > 1
            and t.text in {"—", "–", "--"}
            and i + 1 < len(toks)
            and toks[i + 1].lower_ in {"a", "an", "something"}
            and not any(u.text == t.text for u in toks[i + 1 :])
        ):
            toks = toks[:i]
            break
    # A trailing ", angering Baghdad" is the reporter's comment on the statement, not part of it.
    for i, t in enumerate(toks):
        if (
            i > 0
            and t.dep_ == "advcl"
            and t.tag_ == "VBG"
            and toks[i - 1].text == ","
            and not any(c.dep_ in SUBJECT_DEPS for c in t.children)
        ):
            toks = toks[: i - 1]
            break
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        if toks[-1].is_quote and _opens_inside(toks):
            break  # keep a quoted fragment's closing mark: “…” stays balanced in the content
        toks.pop()
    if len([t for t in toks if t.is_alpha]) < 2 and not any(t.pos_ in {"VERB", "AUX"} for t in toks):
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _is_title(span: Any) -> bool:
    """Title case over two words or more: a work, a programme, a slogan's name, not speech."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 2 or not words[0].text[0].isupper() or all(t.is_upper for t in words):
        return False
    return all(t.text[0].isupper() for t in words if t.lower_ not in MINOR_TITLE_WORDS)


def _clause_like(span: Any) -> bool:
    """Whether the quoted words form a statement of their own (a verb with its subject, or a sentence)
    rather than a name, a title or a scare-quoted word."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 3:
        return False
    qset = set(range(span.start, span.end))
    for t in span:
        if t.pos_ in {"VERB", "AUX"} and (
            t.head.i == t.i or any(c.dep_ in SUBJECT_DEPS and c.i in qset for c in t.children)
        ):
            return True
    return False


def _paragraph_topic(doc: Doc, span: Any, para_start: int) -> Tok | None:
    """The named or pronoun subject of the sentence just before the quote, in the quote's paragraph."""
    if span.start == 0:
        return None
    prev = doc[span.start - 1]
    while prev.i > 0 and (prev.is_punct or prev.is_space):
        prev = doc[prev.i - 1]
    if prev.idx < para_start or _sent_start(prev) == _sent_start(span[0]):
        return None
    root = _sent_root(prev)
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not (
        subject.ent_type_ in {"PERSON", "ORG"}
        or subject.pos_ == "PROPN"
        or subject.lower_ in {"he", "she", "they"}
    ):
        return None
    return subject


def _continued_from(
    drafts: list[_Draft], m: Marked, para: int, para_starts: list[int], text: str
) -> _Draft | None:
    """The speaker of a quote with no cue: whoever spoke last in this paragraph, or in the previous
    one when this paragraph opens with the quote (wire copy runs a statement over paragraphs)."""
    for draft in reversed(drafts):
        if draft.speaker is None:
            continue
        if draft.paragraph == para:
            return draft
        starts_para = text[para_starts[para] : m.open_at].strip() == ""
        if draft.paragraph >= para - CONTINUATION_PARAGRAPHS and (starts_para or m.continues):
            return draft
        return None
    return None


def _lead_in_cue(
    cues: Sequence[CueHit], m: Marked, para: int, para_starts: list[int], text: str
) -> CueHit | None:
    """The cue of the last sentence of the previous paragraph, when the quote opens its own paragraph:
    of several cues in that sentence, the one highest in the tree (the main clause's speaker, not one
    reported inside it)."""
    if para == 0 or text[para_starts[para] : m.open_at].strip():
        return None
    para_end = text.find("\n", m.close_end)
    para_end = len(text) if para_end < 0 else para_end
    if any(m.close_end <= c.start < para_end for c in cues):
        return None  # a cue of its own after the quote, even one the parse did not tie to it, decides
    lo, hi = para_starts[para - 1], para_starts[para]
    before = [c for c in cues if lo <= c.start < hi and c.speaker_head is not None]
    if not before:
        return None
    last = before[-1].tok
    doc = last.doc
    after = doc[_sent_end(last)].idx if _sent_end(last) < len(doc) else len(text)
    if re.search(r"[A-Za-z]", text[after:hi]):
        return None  # the paragraph goes on after the reporting sentence
    in_sent = [c for c in before if _sent_start(c.tok) == _sent_start(last)]
    return min(in_sent, key=lambda c: (_depth(c.tok), c.tok.i))


def _depth(tok: Tok) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _paragraph(para_starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(para_starts, pos) - 1)


def _before_other_statement(doc: Doc, start: int, taken: list[_Draft]) -> int | None:
    """Where a reported clause ends when a later part of it is another speaker's turn: just before the
    clause of that turn's cue ("…, to which O'Malley interjected: “…”"), if what is left before it is
    a clause of its own (a verb and at least four words); else None."""
    first = min(taken, key=lambda d: d.start)
    if first.cue is None or first.cue.kind != "verb" or first.start <= start:
        return None
    left = min(t.i for t in first.cue.tok.subtree)
    words = [t for t in doc[:left] if t.idx >= start and not t.is_punct and not t.is_space]
    if len(words) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in words) or first.cue.tok.idx <= start:
        return None
    return words[-1].idx + len(words[-1].text)


def _overlaps_marked(start: int, end: int, marked: list[Marked]) -> bool:
    return any(m.start < end and start < m.end for m in marked)


def _covered_tokens(doc: Doc, marked: list[Marked]) -> set[int]:
    covered: set[int] = set()
    for m in marked:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    return covered


# -- when ----------------------------------------------------------------------------------------


def _said_on(
    doc: Doc, cue: CueHit | None, start: int, end: int
) -> tuple[str | None, Literal["text", "publication"]]:
    published = doc._.published
    if cue is not None and cue.kind == "verb":
        zone = [doc[i] for i in sorted(cue.frame) if not (start <= doc[i].idx < end)]
        for expr in doc._.times or ():
            if expr.type not in {"DATE", "TIME"} or not _ISO_DATE.match(expr.value or ""):
                continue
            if any(expr.start < t.idx + len(t.text) and t.idx < expr.end for t in zone):
                return str(expr.value[:10]), "text"
    return (str(published)[:10] if published else None), "publication"
