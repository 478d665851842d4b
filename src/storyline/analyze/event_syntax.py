"""Clause and noun-phrase structure for the event coder: subjects, objects, prepositional objects,
conjuncts, phrases and the numbers they count — general English syntax read from spaCy's
dependency parse, with no knowledge of events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative"})
#: Prepositions whose object is the one an action is directed at, in order of preference.
VERB_TARGET_PREPS = ("against", "on", "upon", "to", "toward", "towards", "with", "at", "into", "from")
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "off", "around"})
MODALS = frozenset(
    {"would", "could", "might", "may", "should", "will", "shall", "'ll", "must", "can", "wo", "ca"}
)
#: Nouns of a place's edge or extent: "on the Thai border" says where, not against whom.
BOUNDARY_NOUNS = frozenset({"border", "frontier", "coast", "soil", "territory", "waters", "airspace", "side"})
SEPARATORS = frozenset({",", ";", ":", "–", "—", '"', "“", "”"})
#: Nouns that name a part, member or possession of a group: their "of" phrase is the actor
#: ("targets of elite Iranian forces", "members of Hamas").
PART_NOUNS = frozenset(
    {
        "target",
        "position",
        "member",
        "base",
        "unit",
        "supporter",
        "leader",
        "head",
        "chief",
        "faction",
        "wing",
        "branch",
        "camp",
        "office",
        "facility",
        "site",
        "headquarters",
        "convoy",
        "residence",
        "home",
        "stronghold",
        "ally",
    }
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
}
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she"})


def verb_lemmas(tok: Token) -> list[str]:
    """The lemmatizer's lemma, then regular English de-inflections of the form: the small model
    lemmatises some verbs wrongly ("staged" → "stag")."""
    lemma, form = tok.lemma_.lower(), tok.lower_
    out = [lemma]
    for suffix, repl in (
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            out.append(form[: len(form) - len(suffix)] + repl)
    return out


def token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def conjuncts_of(tok: Token) -> Iterator[Token]:
    for c in tok.children:
        if c.dep_ == "conj":
            yield c
            yield from conjuncts_of(c)


def phrase(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without its conjuncts, relative clauses and trailing clauses."""
    cut = {"conj", "cc", "relcl", "acl", "advcl", "parataxis"}
    keep: list[Token] = [head]
    # A place phrase on a part noun says where it is, not whose it is ("positions in Iraq").
    part = head.lemma_.lower() in PART_NOUNS
    agent = head.dep_ == "pobj" and head.head.lower_ == "by"
    stack = [
        c
        for c in head.children
        if c.dep_ not in cut
        and not (c.dep_ == "punct" and c.text in SEPARATORS)
        and not (part and c.dep_ == "prep" and (c.lower_ in PLACE_PREPS or _names_boundary(c)))
        # "accused opposition leaders of inciting violence": the charge is no part of the name
        and not (c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children))
        # "the arrest of the opposition leader by the police": a "by" phrase read onto the nearer
        # noun names the act's author, not part of this party's name
        and not (c.dep_ == "prep" and c.lower_ == "by")
        # "an attack by militants on a base": neither is the target phrase read onto the agent
        and not (agent and c.dep_ == "prep" and c.lower_ in ("on", "against", "upon"))
    ]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "parataxis"))
    keep.sort(key=lambda t: t.i)
    # Keep the contiguous run around the head: a phrase is a span of text.
    run = [head]
    idx = {t.i for t in keep}
    i = head.i - 1
    while i in idx:
        run.insert(0, head.doc[i])
        i -= 1
    i = head.i + 1
    while i in idx:
        run.append(head.doc[i])
        i += 1
    return run


def _names_boundary(prep: Token) -> bool:
    """ "on the Thai border", "along the coast": a phrase that locates by a place's edge."""
    return any(g.dep_ == "pobj" and g.lemma_.lower() in BOUNDARY_NOUNS for g in prep.children)


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    # "were killed or wounded": a bare participle conjoined to a passive shares its auxiliary.
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_.startswith("aux") or c.dep_ in SUBJECT_DEPS for c in verb.children)
        and verb.head is not verb
        and any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.head.children)
    )


def reduced_relative(verb: Token) -> bool:
    """A past participle after a noun, with no subject or auxiliary of its own, is a passive
    relative clause: the noun is what the act is done to ("aid workers kidnapped in Somalia" =
    who were kidnapped), and a "by" phrase names who does it ("hostages seized by Hamas"). A bare
    participle after an apposition is rather a misread past tense closing the sentence ("…, a
    rights group protested here Wednesday"): a passive relative carries a phrase of its own. Nor is
    it one when its noun is the root — then the participle is the sentence's misread main verb
    ("Hundreds of ethnic Hungarians protested in Romania")."""
    if not (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.dep_ != "ROOT"
        and not any(c.dep_.startswith("aux") or c.dep_ in SUBJECT_DEPS for c in verb.children)
    ):
        return False
    return verb.head.dep_ != "appos" or any(c.dep_ in ("prep", "agent") for c in verb.children)


def infinitive(verb: Token) -> bool:
    """A "to" infinitive ("plans to attack")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subject_of(verb: Token) -> list[Token]:
    """The subject of ``verb``, inherited along xcomp/conj/advcl chains when it has none."""
    seen = 0
    v: Token | None = verb
    while v is not None and seen < 6:
        seen += 1
        subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            s = subj[0]
            if (
                len(subj) > 1
                and s.pos_ == "NOUN"
                and subj[1].pos_ == "PROPN"
                and s.right_edge.i + 1 == subj[1].left_edge.i
            ):
                # "The opposition Syrian National Council rejected …": a common noun right before
                # a name is its modifier the parser took for a second subject; the name is the subject.
                s = subj[1]
            if s.tag_ in ("WDT", "WP") or s.lower_ in ("that", "which", "who"):
                # A relative pronoun stands for the noun the clause modifies, also through a
                # reporting verb ("groups which they say have killed 1,100 soldiers").
                antecedent = relative_antecedent(s)
                return [antecedent] if antecedent is not None else []
            if s.lower_ in REPORTED_PRONOUNS and v.dep_ == "ccomp" and v.head.pos_ in ("VERB", "AUX"):
                # "Switzerland said it had expelled …": the pronoun of a reported clause is the
                # reporter (news English names the actor in the main clause).
                outer = subject_of(v.head)
                if outer and outer[0].pos_ != "PRON":
                    return outer
            return [s]
        if v.tag_ == "VBG" and (owner := [c for c in v.children if c.dep_ == "poss"]):
            return owner  # "the United States' backing independence for Kosovo"
        passive_subject = [c for c in v.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if v is not verb and passive_subject:
            # "was indicted by the court and will resign", "was ordered to leave": a clause that
            # shares a passive verb's subject shares the grammatical subject, not the agent.
            s = passive_subject[0]
            if s.tag_ in ("WDT", "WP") or s.lower_ in ("that", "which", "who"):
                return [v.head] if v.dep_ == "relcl" else []
            return [s]
        agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent
        judge = judging_verb(v)
        parties = judged_parties(judge) if judge is not None else []
        if parties:
            # "accused the rebels of violating the truce", "lashed out at Turkey for having shot
            # down a bomber", "accused Western powers of hypocrisy by backing the rebels": the one
            # judged does the gerund.
            return parties[:1]
        if v.dep_ == "advcl" and v.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in v.children):
            return []  # "Asked if …, Assad said": a past participle adjunct is passive; Assad was asked
        if v.dep_ == "xcomp" and (controller := object_controller(v.head)) is not None:
            return [controller]
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "told reporters after meeting Obama": the gerund's subject is the clause's
        elif v.dep_ == "xcomp" and v.head.dep_ == "acomp" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head  # "Turkey is unlikely to approve …": the adjective's clause's subject
        elif v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and infinitive(v):
            # "Israel has no plans to attack Iran", "Russia's decision to withdraw", "the right of
            # troops to fire": whose plan or right it is does the act — the noun's possessor or "of"
            # phrase, or the subject of its verb.
            owner = (
                [c for c in v.head.children if c.dep_ == "poss"]
                or prep_objects(v.head, ("of",))
                # "the U.S. move to ask the council": a name before the noun owns it
                or [c for c in v.head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            )
            if owner:
                return owner
            if v.head.dep_ in ("dobj", "obj") and v.head.head.pos_ in ("VERB", "AUX"):
                v = v.head.head
            else:
                return []
        elif v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return [v.head]
        else:
            return []
    return []


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of the relative clause it is in ("the Free
    Syrian Army, which opposition sources said had killed …", "the group, which Paris blamed for …")."""
    if not (pronoun.tag_ in ("WDT", "WP") or pronoun.lower_ in ("that", "which", "who", "whom")):
        return None
    node = pronoun
    for _ in range(3):
        node = node.head
        if node.dep_ == "relcl":
            return node.head if node.head.pos_ in ("NOUN", "PROPN") else None
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head is node:
            return None
    return None


#: Verbs that judge someone for what they did: their object does the gerund after "of"/"for"/"with"
#: ("accused the rebels of violating", "thanked Qatar for mediating"; not "saw scope for tightening").
JUDGING_VERBS = frozenset(
    {"accuse", "blame", "thank", "praise", "criticize", "criticise", "charge", "condemn", "congratulate",
     "commend", "fault", "forgive", "suspect", "punish", "reward", "credit", "applaud", "hail", "rebuke",
     "chastise", "slam", "sue", "indict", "convict", "arrest", "detain", "jail", "sentence", "fine", "denounce",
     "lash", "rail", "round", "castigate", "lambaste", "berate", "censure", "reprimand", "scold", "assail",
     "excoriate", "honor", "honour", "rap", "attack"}
)
def judging_verb(verb: Token) -> Token | None:
    """The verb that judges someone for ``verb``, a gerund that names what they did, or None:
    "accused X of shelling", "thanked X for mediating", "lashed out at X for having shot down …",
    "accused X of hypocrisy by backing …" (the charge's means), and the later items of a list of
    charges the parser attaches to the judging verb ("accusing X of bombing, shelling and shooting")."""
    while (
        verb.dep_ == "conj"
        and verb.head.pos_ == "VERB"
        and verb.head.tag_ == "VBG"
        and verb.head.lemma_.lower() not in JUDGING_VERBS
    ):
        verb = verb.head
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in JUDGING_VERBS:
        judge = head.head
        if head.lower_ in CHARGE_PREPS:
            return judge
        if head.lower_ == "by" and any(
            p.dep_ == "prep" and p.lower_ in CHARGE_PREPS and p.i < head.i
            for p in (*judge.children, *(c for o in judged_parties(judge) for c in o.children))
        ):
            return judge
        return None
    if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and head.lemma_.lower() in JUDGING_VERBS and verb.i > 1:
        charge = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in CHARGE_PREPS), None)
        if charge is not None and charge.right_edge.i == verb.i - 2 and verb.doc[verb.i - 1].text == ",":
            return head
    return None


def judged_parties(judge: Token) -> list[Token]:
    """Whom a judging verb judges: its object ("accused Iran"), or the object of the preposition of
    a prepositional verb ("lashed out at Turkey", "railed against Washington")."""
    objects = [c for c in judge.children if c.dep_ in ("dobj", "obj")]
    if objects:
        return objects
    return [g for c in judge.children if c.dep_ == "prep" and c.lower_ in JUDGED_PREPS for g in c.children
            if g.dep_ == "pobj"]


#: Prepositions that introduce the charge a judging verb names ("accused of", "praised for").
CHARGE_PREPS = frozenset({"of", "for", "with"})
#: Prepositions of prepositional judging verbs ("lash out at", "rail against", "round on").
JUDGED_PREPS = frozenset({"at", "against", "on", "upon"})
#: Verbs whose prepositional object does their infinitive ("called on Israel to withdraw").
PREPOSITIONAL_CONTROL = {
    "on": frozenset({"call", "prevail", "rely", "count"}),
    "upon": frozenset({"call", "prevail"}),
    "to": frozenset({"appeal", "signal", "plead"}),
}
#: Verbs whose infinitive is done by their subject even with an object ("promised Iraq to help").
SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "swear", "threaten"})
#: Verbs whose object is a means, and whose subject does their infinitive ("used tear gas to disperse").
INSTRUMENT_VERBS = frozenset({"use", "employ"})


def object_controller(verb: Token) -> Token | None:
    """Who is to do what an infinitive after ``verb`` says: its object ("urged the Palestinians to
    accept", "called on Israel to withdraw", "appealed to the rebels to lay down their arms"), or
    None when the subject is (no object, or a verb of promising)."""
    if verb.lemma_.lower() in SUBJECT_CONTROL | INSTRUMENT_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if objects:
        return objects[0]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")):
        if verb.lemma_.lower() not in PREPOSITIONAL_CONTROL.get(prep.lower_, ()):
            continue
        objs = [g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
        if objs:
            return objs[0]
    return None


def verb_arguments(verb: Token) -> tuple[list[Token], list[Token]]:
    if is_passive(verb) or reduced_relative(verb):
        sources = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        targets = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if targets and targets[0].lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            targets = [verb.head]
        if not targets and reduced_relative(verb):
            targets = [verb.head]
        return sources, targets
    sources = subject_of(verb)
    # Candidates in order of preference; the first that names a country wins ("offered its
    # troops to Lebanon's president": the troops are the sender's, Lebanon is the recipient).
    targets = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    targets += prep_objects(verb, VERB_TARGET_PREPS)
    # "pledged 5 billion euros in aid to Ukraine", "offered a loan of $1 billion to Egypt": the
    # recipient phrase is read onto the object, or onto the thing the amount is of.
    for obj in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
        targets += prep_objects(obj, ("to",))
        targets += [g for inner in prep_objects(obj, ("in", "of")) for g in prep_objects(inner, ("to",))]
    return sources, targets


def complement_targets(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "ccomp" or c.dep_ == "xcomp":
            subj = [g for g in c.children if g.dep_ in SUBJECT_DEPS]
            if c.dep_ == "ccomp" and subj:
                out.extend(subj)
            out.extend(g for g in c.children if g.dep_ in OBJECT_DEPS)
            out.extend(prep_objects(c, ("against", "with", "to", "on", "from")))
    return out


def place_objects(prep: Token) -> list[Token]:
    """The objects of a place preposition, also of a complex one ("outside of the city")."""
    out = [g for g in prep.children if g.dep_ == "pobj"]
    if not out:
        of = [g for g in prep.children if g.dep_ == "prep" and g.lower_ == "of"]
        out = [o for g in of for o in g.children if o.dep_ == "pobj"]
    return out


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    order = list(preps)
    found: list[tuple[int, Token]] = []
    # A preposition may hang on a particle ("kidnapped up to 16 advisers").
    prep_tokens = [c for c in tok.children if c.dep_ in ("prep", "dative", "agent")]
    prep_tokens += [g for c in tok.children if c.dep_ == "prt" for g in c.children if g.dep_ == "prep"]
    for c in prep_tokens:
        if c.lower_ in order:
            for g in c.children:
                if g.dep_ == "pobj":
                    found.append((order.index(c.lower_), g))
    found.sort(key=lambda p: p[0])
    return [g for _, g in found]


def number(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(tok.lower_)


def count(noun: Token) -> tuple[int | None, int | None]:
    """The number a noun phrase counts, as a range: "more than 165" → (166, None), "three" → (3, 3)."""
    num_tok = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if num_tok is None:
        # "165 drone strikes": the parser may hang the number on the compound.
        num_tok = next(
            (
                g
                for c in noun.children
                if c.dep_ == "compound" and c.i < noun.i
                for g in c.children
                if g.dep_ == "nummod"
            ),
            None,
        )
    if num_tok is None and noun.like_num:
        num_tok = noun
    if num_tok is None:
        return None, None
    value = number(num_tok)
    if value is None:
        return None, None
    words = {t.lower_ for t in num_tok.subtree if t.i != num_tok.i}
    words |= {c.lower_ for c in noun.children if c.dep_ in ("quantmod", "advmod")}
    if words & {"more", "over", "above", "exceeding"}:
        return value + 1, None
    if "least" in words:
        return value, None
    if words & {"less", "fewer", "under", "below"}:
        return None, value - 1
    if words & {"most", "nearly", "almost", "up"}:
        return None, value
    return value, value


def has_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) or going_to(verb)


def going_to(verb: Token) -> bool:
    """ "is going to negotiate", "are going to keep": the future with "be going to"."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )
