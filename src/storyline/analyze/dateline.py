"""The storyline_dateline component: keep a wire dateline out of the first sentence's syntax, and
end a sentence at every paragraph break.

Wire copy opens with a dateline — ``TRIPOLI (Reuters) -``, ``WASHINGTON, Feb 5 (AP) —``,
``(Washington)`` — that is not part of the sentence after it, but the parser happily makes it an
apposition of the subject ("Reuters fought a battle"). Run before the parser, this component
marks the first token after the dateline as a sentence start, which the parser respects. The
text is not touched.

A line break ends a sentence in news copy (paragraphs, headlines, captions, transcript turns), but
the small model's sentences run over them ("…reporters?’”\n\nFormer reporter Jane Doe accused …"
parsed as one sentence). The first token of every line is therefore marked as a sentence start too,
unless it begins with a lower-case letter (a line that goes on with the same sentence). Text
hard-wrapped at a fixed width ("…said President\nBush…") is recognised by its line lengths (no line
longer than ``WRAP_WIDTH`` and several close to it); there only a blank line ends a sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

#: Place in capitals with an optional date, then the agency or place in parentheses, then a dash
#: (or nothing, as in "(Washington) The United States …"). Only at the very start of a document.
DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’ -]{1,40}(?:,[^()\n]{1,40})?\s*)?\([A-Za-z][\w.&'’ -]{1,40}\)\s*(?:[-–—]{1,2}\s*)?"
)


class DatelineSplitter:
    def __call__(self, doc: Doc) -> Doc:
        end = dateline_end(doc.text[:120])
        if end:
            for token in doc:
                if token.idx >= end:
                    if token.i > 0:
                        token.is_sent_start = True
                    break
        mark_line_starts(doc)
        return doc


#: A run of white space with at least one line break in it.
_LINE_GAP = re.compile(r"[^\S\n]*\n\s*")
#: Hard-wrapped text has no line longer than this and at least ``WRAPPED_LINES`` lines near it.
WRAP_WIDTH = 100
WRAPPED_LINES = 3


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` is wrapped at a fixed width, so that a single line break means nothing."""
    lengths = [len(line) for line in text.splitlines()]
    return bool(lengths) and max(lengths) <= WRAP_WIDTH and sum(n >= WRAP_WIDTH * 0.6 for n in lengths) >= WRAPPED_LINES


def mark_line_starts(doc: Doc) -> None:
    """Mark the first word of each line (of each paragraph, in hard-wrapped text) as a sentence
    start, unless it goes on in lower case."""
    text = doc.text
    breaks_needed = 2 if hard_wrapped(text) else 1
    # Each run of white space holding a line break, between two words; only the word after it is
    # looked at (the document's tokens are not walked one by one).
    for gap in _LINE_GAP.finditer(text):
        if gap.start() == 0 or gap.end() >= len(text) or gap.group().count("\n") < breaks_needed:
            continue
        span = doc.char_span(gap.end(), gap.end() + 1, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span[0]
        if token.idx == gap.end() and not token.is_space and not token.text[:1].islower():
            token.is_sent_start = True


def dateline_end(head: str) -> int:
    """Where the text after a leading dateline starts (0 when there is none)."""
    match = DATELINE.match(head)
    if not match or match.end() >= len(head.rstrip()):
        return 0
    # The dateline must be followed by the story: a capitalised word or an opening quote.
    following = head[match.end():match.end() + 1]
    return match.end() if following.isupper() or following in "\"“‘'" else 0


@Language.factory("storyline_dateline")
def make_dateline(nlp: Language, name: str) -> DatelineSplitter:
    return DatelineSplitter()
