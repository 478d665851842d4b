"""The storyline_dateline component: keep a wire dateline out of the first sentence's syntax.

Wire copy opens with a dateline — ``TRIPOLI (Reuters) -``, ``WASHINGTON, Feb 5 (AP) —``,
``(Washington)`` — that is not part of the sentence after it, but the parser happily makes it an
apposition of the subject ("Reuters fought a battle"). Run before the parser, this component
marks the first token after the dateline as a sentence start, which the parser respects. The
text is not touched.
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
        return doc


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
