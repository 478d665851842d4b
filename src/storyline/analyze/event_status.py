"""Event status and date: whether a coded event happened, and when.

- a negation on the trigger or its governing verb → ``negated``;
- a modal, an "if" clause, an infinitive or a noun governed by a modal/intention verb →
  ``hypothetical`` (planned, threatened, conditional: not coded as having happened);
- **date**: the time expression whose syntactic attachment reaches the event's clause; otherwise
  the publication date, marked ``date_from="publication"``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.analyze.event_syntax import MODALS, OBJECT_DEPS, going_to, has_modal, judging_verb
from storyline.analyze.event_triggers import DEONTIC_MODALS, Trigger
from storyline.data import load_yaml
from storyline.model import DateFrom, Quote, TimeExpression

_WORDS = load_yaml("event_words.yml")  # documented in the file
#: Verbs whose complement is asserted not to have happened ("denied that its forces shelled …").
DENIAL_VERBS = frozenset(_WORDS["denial_verbs"])
#: Nouns of what is claimed, whose content a denial rejects ("denied reports that …").
CLAIM_NOUNS = frozenset(_WORDS["claim_nouns"])

#: Words whose complement is what their subject means to do, not (yet) a fact: intentions, plans,
#: threats, promises, readiness ("threatened to strike", "is willing to withdraw").
SELF_INTENT_GOVERNORS = frozenset(
    {
        "threaten",
        "plan",
        "intend",
        "want",
        "seek",
        "vow",
        "promise",
        "pledge",
        "agree",
        "offer",
        "prepare",
        "propose",
        "aim",
        "hope",
        "expect",
        "consider",
        "decide",
        "swear",
        "wish",
        "mean",
        "willing",
        "ready",
        "prepared",
        "determined",
        "eager",
        "set",
        "able",
        "unwilling",
        "afraid",
        "keen",
        "anxious",
        "open",
        "slate",
        "slated",
        "schedule",
        "scheduled",
        "due",
    }
)
#: Words whose complement is what someone else is asked, ordered or allowed to do.
OTHER_INTENT_GOVERNORS = frozenset(
    {
        "ask",
        "urge",
        "call",
        "demand",
        "warn",
        "order",
        "request",
        "appeal",
        "allow",
        "press",
        "force",
        "need",
        "want",
        "invite",
        "encourage",
        "tell",
    }
)
#: Words that negate their complement ("refused to withdraw", "failed to agree", "prohibit aid").
NEGATING_GOVERNORS = frozenset(
    {
        "refuse",
        "decline",
        "fail",
        "deny",
        "avoid",
        "prevent",
        "prohibit",
        "ban",
        "halt",
        "stop",
        "suspend",
        "cancel",
        "block",
        "postpone",
        "delay",
        "reject",
        "oppose",
        "forbid",
        "bar",
        "end",
        "abandon",
        "renege",
    }
)
#: Words whose "that" clause states what is required, not what happened ("demanded that the US cancel").
MANDATIVE_GOVERNORS = frozenset(
    {"demand", "request", "urge", "order", "insist", "propose", "recommend", "call", "press", "appeal", "ask",
     "want", "wish"}
)
#: Nouns whose "of" gerund is only entertained ("the idea of condemning Damascus").
IDEA_NOUNS = frozenset({"idea", "possibility", "prospect", "option", "notion", "thought", "question", "risk", "threat"})
#: Determiners and pronouns of a doer that make the act a kind, not an event ("any party who visits").
GENERIC_DETERMINERS = frozenset({"any", "every", "each"})
GENERIC_PRONOUNS = frozenset({"anyone", "anybody", "whoever", "everyone", "everybody"})
#: Verbs whose "of"/"for" gerund is what someone is accused of ("accused X of shelling").
ACCUSING_VERBS = frozenset({"accuse", "charge", "suspect", "blame", "indict", "allege", "fault"})
#: Modals of possibility or ability: what may or can happen is neither a promise nor a refusal.
POSSIBILITY_MODALS = frozenset({"can", "could", "may", "might", "ca"})
#: Readiness for an attack is a military move short of force (the manual: MOBILIZE).
PREPARATION_GOVERNORS = frozenset({"prepare", "ready", "prepared", "gear"})
IRREALIS_GOVERNORS = SELF_INTENT_GOVERNORS | OTHER_INTENT_GOVERNORS | NEGATING_GOVERNORS
#: Adjectives that make an event noun unrealised: "a planned attack", "possible strikes".
IRREALIS_ADJECTIVES = frozenset(
    {
        "planned",
        "possible",
        "potential",
        "future",
        "proposed",
        "threatened",
        "alleged",
        "imminent",
        "prospective",
        "intended",
    }
)


def denied(tok: Token) -> bool:
    """Whether ``tok`` (a verb, or an event noun) is in what a denial says did not happen: "denied that
    its forces shelled the village", "dismissed reports that troops fired", "denied responsibility for
    the attack", "rejected allegations of torture" (a denial that is itself negated denies nothing)."""
    node = tok
    for _ in range(3):
        head = node.head
        if node.dep_ in ("ccomp", "xcomp") and head.pos_ == "VERB" and head.lemma_.lower() in DENIAL_VERBS:
            return not any(c.dep_ == "neg" for c in head.children)
        claim: Token | None = None
        if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN":
            claim = head  # "reports that troops fired"
        elif node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
            claim = head.head  # "allegations of torture", "responsibility for the attack"
        if claim is None or claim.lemma_.lower() not in CLAIM_NOUNS:
            return False
        if claim.dep_ in ("dobj", "obj") and claim.head.pos_ == "VERB" and claim.head.lemma_.lower() in DENIAL_VERBS:
            return not any(c.dep_ == "neg" for c in claim.head.children)
        node = claim
    return False


def is_negated(trig: Trigger) -> bool:
    if trig.token.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in ("little", "scant") and not any(g.lower_ == "a" for g in c.children)
        for c in trig.token.children
    ):
        return True  # "received little support": next to none
    for tok in [trig.token, *([trig.governor] if trig.governor is not None else [])]:
        if any(
            c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("neg", "det", "advmod"))
            for c in tok.children
        ):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NEGATING_GOVERNORS:
            return True
        if denied(tok):
            return True
    # "would prohibit all aid", "prevented the demonstration": the object of a verb of stopping.
    tok = trig.token
    if tok.pos_ != "NOUN":
        return False
    verb = tok.head
    if (
        tok.dep_ in OBJECT_DEPS
        and verb.dep_ == "conj"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ == "neg" for c in verb.head.children)
    ):
        return True  # "didn't seek or receive Obama's endorsement": the negation spans the conjuncts
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # "reneged on his commitment"
    if (
        tok.dep_ == "pobj"
        and (tok.head.lower_ == "into" or (tok.head.lower_ == "to" and verb.lemma_.lower() in ENTRY_VERBS))
        and verb.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "neg" or (c.lower_ == "never" and c.dep_ == "advmod") for c in verb.children)
    ):
        # "had not yet thrown his army into battle", "has never gone to war": an act one did not
        # enter into did not happen.
        return True
    return tok.dep_ in OBJECT_DEPS | {"pobj"} and verb.lemma_.lower() in NEGATING_GOVERNORS


#: Verbs of going to an activity ("went to war", "came to the talks").
ENTRY_VERBS = frozenset({"go", "come", "return", "rush", "head", "march", "resort", "turn"})


#: Words of frequency ("every year", "usually"): with a present tense, a habit (see event_words.yml).
FREQUENCY_WORDS = frozenset(_WORDS["frequency_words"])


def direct_question(verb: Token) -> bool:
    """The main verb of a yes/no question: the sentence ends in a question mark and an auxiliary comes
    before the subject ("Do you support …?", "Will Iran attack?", "Has Russia withdrawn …?")."""
    sent = verb.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in ('"', "\u201d", "'", "\u2019")), None)
    if last is None or last.text != "?" or verb.dep_ != "ROOT":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ in ("aux", "auxpass") and c.i < subject.i and c.i == sent.start for c in verb.children
    )


def habitual(verb: Token) -> bool:
    """A simple present with a word of frequency: "meets every year", "usually holds talks"."""
    if verb.tag_ not in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ != "do" for c in verb.children
    ):
        return False
    return any(
        (c.dep_ == "advmod" and c.lower_ in FREQUENCY_WORDS)
        or (c.dep_ in ("npadvmod", "advmod", "obl") and any(
            g.dep_ == "det" and g.lower_ in ("every", "each") for g in c.children
        ))
        for c in verb.children
    )


#: Subordinators of time: their clause happens relative to the clause it hangs on.
TEMPORAL_MARKERS = frozenset({"before", "until", "till", "once", "after", "when"})
#: Verbs that pass their complement's status through: "resumed shelling" is shelling; "tried to
#: hack" is an attempt, which event data codes as the act (the manual: attempted assassinations).
ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "keep", "try", "attempt", "go", "renew"})


def irrealis_kind(trig: Trigger) -> str | None:
    """Why the event has not (yet) happened, or None: ``condition`` (an "if" clause), ``modal``
    (will, would, may …), ``intent`` (the complement or object of plan, threaten, demand …),
    ``purpose`` (a bare infinitive: "created to fight"), ``adjective`` ("a planned attack"),
    ``generic`` (a bare plural under a modal: "would respond to attacks")."""
    tok = trig.token
    clause_verbs = [tok] if tok.pos_ == "VERB" else []
    if trig.governor is not None:
        clause_verbs.append(trig.governor)
    for verb in list(clause_verbs):
        # Climb through aspectual verbs: their own status is the event's ("prepared to resume shelling").
        while (
            verb.dep_ in ("xcomp", "conj")
            and verb.head.lemma_.lower() in ASPECTUAL
            and verb.head not in clause_verbs
        ):
            verb = verb.head
            clause_verbs.append(verb)
    for verb in list(clause_verbs):
        # "should abandon its weapons and engage in talks": a conjunct with no subject or auxiliary of
        # its own shares the first conjunct's modal.
        if (
            verb.dep_ == "conj"
            and verb.tag_ == "VB"  # a base form ("should abandon … and engage"), not "said … and accused"
            and verb.head.pos_ in ("VERB", "AUX")
            and verb.head not in clause_verbs
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
        ):
            clause_verbs.append(verb.head)
    for verb in list(clause_verbs):
        # A condition scopes over the complements of its verb: in "unless the president agrees to
        # step down", stepping down is as conditional as agreeing.
        while verb.dep_ == "xcomp" and verb.head is not verb:
            verb = verb.head
            if verb.dep_ in ("advcl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
            ):
                return "condition"
    first = tok
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head  # "ready for a cease-fire and negotiations"
    if (
        tok.pos_ == "NOUN"
        and first.dep_ == "pobj"
        and first.head.lower_ in ("for", "to")
        and first.head.head.lemma_.lower() in SELF_INTENT_GOVERNORS
        and first.head.head.pos_ == "ADJ"
    ):
        return "intent"  # "ready for negotiations", "open to talks"
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.head.children
    ):
        return "condition"  # "if the objections are lifted": the act named by the subject of a condition
    if tok.pos_ == "NOUN":
        realised = (
            trig.governor is not None and trig.governor in trig.anchors
        )  # "mounted its long-threatened invasion"
        if not realised and any(
            c.lower_ in IRREALIS_ADJECTIVES or c.lower_.split("-")[-1] in IRREALIS_ADJECTIVES
            for c in tok.children
            if c.dep_ in ("amod", "compound")
        ):
            return "adjective"
        if tok.dep_ in OBJECT_DEPS | {"pobj"} and tok.head.pos_ == "VERB" and trig.governor is None:
            clause_verbs.append(tok.head)
        elif (
            tok.dep_ == "pobj"
            and tok.head.lower_ in ("in", "of")
            and tok.head.head.dep_ in OBJECT_DEPS
            and tok.head.head.head.pos_ == "VERB"
            and trig.governor is None
        ):
            # "pledged 500 million euros in military aid", "promised a package of aid": the act
            # is the thing an amount is of, and its status is the amount's verb's.
            clause_verbs.append(tok.head.head.head)
        elif (
            is_generic_plural(tok)
            and tok.dep_ == "pobj"
            and trig.governor is None
            and tok.head.head.pos_ == "VERB"
            and has_modal(tok.head.head)
        ):
            # "we would respond to attacks targeting our troops": a bare plural names a kind of
            # event, and a modal on its verb says what would be done about any such event.
            return "generic"
    if tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.tag_ == "VBG" and trig.type in ("REJECT", "SUPPORT"):
        return "generic"  # "rebels opposing Gaddafi", "groups backing the plan": who they are, no event
    for verb in clause_verbs:
        if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lemma_.lower() in IDEA_NOUNS:
            return "idea"  # "revisit the idea of condemning Damascus", "the prospect of withdrawing"
        if verb.dep_ in ("csubj", "csubjpass") and verb.tag_ == "VBG":
            return "generic"  # "Attacking immigrants … is a contradiction": a kind of act as a subject
        if verb.dep_ == "ccomp" and any(
            c.tag_ == "WRB" and c.lower_ in ("how", "why", "whether") and c.i < verb.i for c in verb.children
        ):
            return "question"  # "I don't know how you're going to deport them"
    for verb in clause_verbs:
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and any(
            c.tag_ == "WRB" and c.i < verb.i for c in verb.children
        ):
            return "question"  # "decide when and where to protest", "asked how to respond": an open choice
        if direct_question(verb):
            return "question"  # "Do you support Donald Trump?", "Will Russia attack?": asked, not asserted
        if habitual(verb):
            return "generic"  # "the Congress meets in Tripoli every year": a habit, no event that happened
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
        ):
            return "condition"
        if (
            verb.dep_ == "relcl"
            and verb.tag_ in ("VBP", "VBZ")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        ):
            return "generic"  # "people who oppose same-sex marriage": a habit or a stance, not an event
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "relcl" and doers and doers[0].lower_ in ("who", "that", "which"):
            doers = [verb.head]
        if doers and (
            doers[0].lower_ in GENERIC_PRONOUNS
            or any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in doers[0].children)
        ):
            return "generic"  # "any candidate who will be arriving", "anyone who attacks us"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
            return "condition"
        if verb.dep_ == "advcl" and has_modal(verb.head) and any(
            c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKERS for c in verb.children
        ):
            # "must agree to changes before they demobilize": what is to happen before (until,
            # once) an act that is only required or foreseen lies in the same unrealised future.
            return "condition"
        if verb.dep_ == "ccomp" and any(
            c.dep_ in OBJECT_DEPS and c.lemma_.lower() in MANDATIVE_GOVERNORS for c in verb.head.children
        ):
            # "reiterated its demand today that Israel ease restrictions": the clause, set after the
            # verb, is the content of the demand noun — what is asked for, not what happened.
            return "request"
        if (
            verb.dep_ == "pcomp"
            and verb.tag_ == "VBG"
            and verb.head.dep_ == "prep"
            and verb.head.head.lemma_.lower() in SELF_INTENT_GOVERNORS
        ):
            # "a meeting aimed at establishing relations", "committed to ending the war": the gerund
            # after an intention word's preposition is what is intended, not what happened.
            return "purpose" if verb.head.head.lemma_.lower() == "aim" else "intent"
        if (judge := judging_verb(verb)) is not None and judge.lemma_.lower() in ACCUSING_VERBS:
            # "accused the rebels of violating the truce": what someone is accused of is alleged.
            return "alleged"
        governor = verb.head.lemma_.lower()
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        if (
            verb.dep_ == "advcl"
            and infinitive
            and governor in SELF_INTENT_GOVERNORS
            and not any(c.dep_ in OBJECT_DEPS | {"prt"} for c in verb.head.children)
        ):
            # "have sworn to fight", "vowed to retaliate": the parser may attach the infinitive
            # of an intention verb as an adverbial clause; it is still the intended act (with an
            # object, "set up roadblocks to stop …", the infinitive is a purpose).
            return "intent"
        if (verb.dep_ == "xcomp" and governor in IRREALIS_GOVERNORS) or (
            verb.dep_ in ("ccomp", "acl") and governor in MANDATIVE_GOVERNORS
        ):
            # "threatened to strike" (intent), "its demand that Israel ease restrictions" (request);
            # a "that" clause of other verbs ("officials told AFP the army lifted …") is a report.
            return intent_kind(governor)
        # The object of an intention ("threatened a strike", "called for a ceasefire") is not a fact;
        # a light verb carries the act ("set fire to" is no "set to").
        if verb is not tok and verb not in trig.anchors and verb.lemma_.lower() in IRREALIS_GOVERNORS:
            return intent_kind(verb.lemma_.lower())
        if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) and any(
            c.dep_ == "aux" and c.lower_ in ("have", "'ve", "of") for c in verb.children
        ):
            # "would have been hacked", "could have attacked": a modal perfect tells what did not
            # happen (or might have), never a promise or a threat.
            return "counterfactual"
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in DEONTIC_MODALS:
                return "obligation"  # "X should reduce its exercises": what someone ought to do
            if c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS:
                return "possibility"  # "could make deals", "may impose sanctions": no promise or threat
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return "modal"
            if c.dep_ == "aux" and c.lower_ == "to" and c.tag_ == "TO":
                if going_to(verb):
                    return "modal"  # "is going to negotiate": the future
                if verb.head.lemma_.lower() in ASPECTUAL:
                    continue
                return "intent" if verb.dep_ == "xcomp" and has_modal(verb.head) else "purpose"
    return None


def is_generic_plural(noun: Token) -> bool:
    """ "attacks", "air strikes": a plural noun with no determiner, possessor or number."""
    return noun.pos_ == "NOUN" and noun.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod", "predet") for c in noun.children
    )


def intent_kind(lemma: str) -> str:
    if lemma in SELF_INTENT_GOVERNORS:
        return "intent"
    return "negated" if lemma in NEGATING_GOVERNORS else "request"


def governor_lemma(trig: Trigger) -> str | None:
    tok = trig.governor if trig.governor is not None else trig.token
    while tok.dep_ in ("xcomp", "conj") and tok.head.lemma_.lower() in ASPECTUAL:
        tok = tok.head
    return tok.head.lemma_.lower() if tok.dep_ in ("xcomp", "ccomp", "acl") else tok.lemma_.lower()


def linked_quote(trig: Trigger, quotes: list[Quote]) -> str | None:
    tok = trig.token
    start, end = tok.idx, tok.idx + len(tok.text)
    for q in quotes:
        if q.cue is not None and q.cue.start < end and start < q.cue.end:
            return q.id
    # Otherwise the quote must be the act's own complement (what was condemned, denied …), not
    # something said in an adjoining clause.
    for c in tok.children:
        if c.dep_ not in ("ccomp", "dobj", "xcomp", "attr", "parataxis", "obj"):
            continue
        left, right = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
        for q in quotes:
            if left - 1 <= q.start and q.end <= right + 1:
                return q.id
    return None


def time_index(doc: Doc, times: list[TimeExpression]) -> dict[int, TimeExpression]:
    """Token index of each time expression's syntactic root → the expression."""
    index: dict[int, TimeExpression] = {}
    for t in times:
        if t.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            index[span.root.i] = t
    return index


def event_date(
    doc: Doc, trig: Trigger, times: dict[int, TimeExpression], published: str | None
) -> tuple[str | None, DateFrom]:
    anchors = {t.i for t in trig.anchors}
    found = _attached_date(doc, anchors, trig.token.sent, times)
    verb = trig.token
    # "In May 2005, Ethiopia held elections and invited observers": a verb conjoined to another
    # shares its time when it has none of its own and does not look ahead ("and will return").
    while found is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ == "aux" and c.lemma_.lower() in _MODAL_LEMMAS for c in verb.children
    ):
        verb = verb.head
        found = _attached_date(doc, {verb.i}, trig.token.sent, times)
    return (found, "text") if found is not None else (published, "publication")


_MODAL_LEMMAS = frozenset({"will", "would", "shall", "should", "may", "might", "can", "could", "must"})


def _attached_date(doc: Doc, anchors: set[int], sent: Span, times: dict[int, TimeExpression]) -> str | None:
    """The value of a time expression of ``sent`` that hangs on one of ``anchors`` (through nouns
    and prepositions, not through another verb)."""
    for root_i, expr in times.items():
        if not sent.start <= root_i < sent.end:
            continue
        tok = doc[root_i]
        for _ in range(8):
            if tok.i in anchors:
                value = date_value(expr)
                if value:
                    return value
                break
            if (tok.pos_ in ("VERB", "AUX") and tok.i != root_i) or tok.head.i == tok.i:
                break
            tok = tok.head
    return None


def date_value(expr: TimeExpression) -> str | None:
    value = expr.value or ""
    if len(value) >= 10 and value[:4].isdigit() and value[4] == "-" and value[7] == "-":
        return value[:10]
    if value[:4].isdigit():
        return value
    return None
