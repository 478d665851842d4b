"""Claim frames: unit tests on hand-parsed Docs (no model), plus a few model tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from storyline.analyze.claims import extract_claims, has_phrase, keys_match, lexical_overlap, load_lexicon
from storyline.model import Analysis, Claim, Document, Quote, Speaker

_VOCAB = spacy.blank("en").vocab
US_OFFICIAL = Speaker(name="Jane Roe", role="spokesperson", org="State Department", code="USA GOV")


def parsed(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """A Doc from (word, pos, head index, dep, lemma) rows, as a parser would have left it."""
    words, pos, heads, deps, lemmas = zip(*rows, strict=True)
    return Doc(_VOCAB, words=list(words), pos=list(pos), heads=list(heads), deps=list(deps), lemmas=list(lemmas))


def whole(doc: Doc, speaker: Speaker = US_OFFICIAL, said_on: str = "2024-02-05", qid: str = "q1") -> Quote:
    return Quote(id=qid, kind="direct", start=0, end=len(doc.text), content=doc.text, speaker=speaker,
                 said_on=said_on)


BEFORE = [("Washington", "PROPN", 1, "nsubj", "Washington"), ("informed", "VERB", 1, "ROOT", "inform"),
          ("Iraq", "PROPN", 1, "dobj", "Iraq"), ("before", "ADP", 1, "prep", "before"),
          ("the", "DET", 5, "det", "the"), ("strikes", "NOUN", 3, "pobj", "strike"), (".", "PUNCT", 1, "punct", ".")]
AFTER = [("We", "PRON", 1, "nsubj", "we"), ("informed", "VERB", 1, "ROOT", "inform"),
         ("Iraq", "PROPN", 1, "dobj", "Iraq"), ("immediately", "ADV", 7, "advmod", "immediately"),
         ("after", "SCONJ", 7, "mark", "after"), ("the", "DET", 6, "det", "the"),
         ("strikes", "NOUN", 7, "nsubj", "strike"), ("took", "VERB", 1, "advcl", "take"),
         ("place", "NOUN", 7, "dobj", "place"), (".", "PUNCT", 1, "punct", ".")]
NOT_IN_ADVANCE = [("We", "PRON", 3, "nsubj", "we"), ("did", "AUX", 3, "aux", "do"), ("not", "PART", 3, "neg", "not"),
                  ("notify", "VERB", 3, "ROOT", "notify"), ("Iraq", "PROPN", 3, "dobj", "Iraq"),
                  ("in", "ADP", 3, "prep", "in"), ("advance", "NOUN", 5, "pobj", "advance"),
                  ("of", "ADP", 6, "prep", "of"), ("the", "DET", 9, "det", "the"),
                  ("strikes", "NOUN", 7, "pobj", "strike"), (".", "PUNCT", 3, "punct", ".")]
NOTIFIED_OF_THIS = [("We", "PRON", 3, "nsubj", "we"), ("have", "AUX", 3, "aux", "have"),
                    ("formally", "ADV", 3, "advmod", "formally"), ("notified", "VERB", 3, "ROOT", "notify"),
                    ("Iraq", "PROPN", 3, "dobj", "Iraq"), ("of", "ADP", 3, "prep", "of"),
                    ("this", "PRON", 5, "pobj", "this"), (".", "PUNCT", 3, "punct", ".")]
MORE_THAN = [("More", "ADJ", 2, "amod", "more"), ("than", "ADP", 2, "quantmod", "than"),
             ("165", "NUM", 3, "nummod", "165"), ("attacks", "NOUN", 4, "nsubj", "attack"),
             ("targeted", "VERB", 4, "ROOT", "target"), ("troops", "NOUN", 4, "dobj", "troop"),
             (".", "PUNCT", 4, "punct", ".")]
WOULD_RESPOND = [("We", "PRON", 2, "nsubj", "we"), ("would", "AUX", 2, "aux", "would"),
                 ("respond", "VERB", 2, "ROOT", "respond"), (".", "PUNCT", 2, "punct", ".")]


def only(doc: Doc, **kw: object) -> Claim:
    claims = extract_claims(doc, [whole(doc, **kw)])  # type: ignore[arg-type]
    assert len(claims) == 1, claims
    return claims[0]


def test_relation_before_with_its_anchor() -> None:
    c = only(parsed(BEFORE))
    assert (c.pclass, c.relation, c.anchor, c.anchor_key) == ("inform", "before", "the strikes", "strike")
    assert c.object_key == "IRQ" and not c.negated


def test_relation_from_a_subordinate_clause_keeps_its_modifier_and_the_event_as_anchor() -> None:
    c = only(parsed(AFTER))
    assert (c.relation, c.relation_mod, c.anchor_key) == ("after", "immediately", "strike")


def test_we_is_the_speakers_organisation() -> None:
    assert only(parsed(AFTER)).subject_key == "USA"


def test_in_advance_of_is_before_and_negation_is_kept() -> None:
    c = only(parsed(NOT_IN_ADVANCE))
    assert (c.predicate, c.pclass, c.relation, c.anchor_key) == ("notify", "inform", "before", "strike")
    assert c.negated


def test_notified_of_this_has_no_temporal_relation() -> None:
    c = only(parsed(NOTIFIED_OF_THIS))
    assert c.pclass == "inform" and c.relation is None and c.anchor is None


def test_hedged_quantity_is_an_open_interval() -> None:
    c = only(parsed(MORE_THAN))
    assert (c.low, c.high) == (165.0, None) and c.quantity == "More than 165"


def test_modal_clause_is_marked() -> None:
    assert only(parsed(WOULD_RESPOND)).modality == "would"


def test_speaker_and_date_travel_with_the_claim() -> None:
    c = only(parsed(BEFORE), said_on="2024-02-02")
    assert (c.speaker, c.speaker_key, c.said_on, c.quote) == ("Jane Roe", "roe", "2024-02-02", "q1")


def test_correction_words_make_a_meta_claim() -> None:
    doc = spacy.blank("en")("It was not as accurate as it could have been")
    claims = extract_claims(doc, [whole(doc)])
    assert any(c.kind == "meta" and c.stance == "correct" for c in claims)


def test_lexicon_and_helpers() -> None:
    lex = load_lexicon()
    assert lex.class_of("notify") == lex.class_of("tell") == "inform"
    assert lex.kind_of("believe") == "opinion"
    assert lex.incompatible_relations("before", "after") and not lex.incompatible_relations("after", "after")
    assert has_phrase("He later walked back his comments", lex.correction_context) == "walked back"
    assert has_phrase("They walked backwards", lex.correction_context) is None
    assert keys_match("iraq", "iraqi") and not keys_match("iran", "iraq") and not keys_match(None, "iraq")
    assert lexical_overlap(["a", "b"], ["b", "c", "d"]) == 0.5


def test_claims_survive_the_json_round_trip() -> None:
    claim = Claim(id="c1", quote="q1", start=0, end=5, text="x", predicate="inform", pclass="inform",
                  relation="before", anchor="the strikes", low=165.0, dates=["2024-02-02"], terms=["inform"])
    analysis = Analysis(document=Document(id="d", text="hello", published="2024-02-05"), claims=[claim])
    again = Analysis.from_dict(analysis.to_dict(), "hello")
    assert again.claims == [claim]
    assert Analysis.from_dict({"document": analysis.to_dict()["document"]}, "hello").claims == []


@pytest.mark.model
def test_mixed_quote_from_the_parse() -> None:
    from storyline.analyze.pipeline import get_pipeline

    nlp = get_pipeline()
    text = "Officials said Friday that Washington had informed Iraqi authorities “before” the strikes."
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        doc = proc(doc) if _ != "storyline_conflicts" else doc
    start = text.index("Washington")
    end = text.index("strikes") + len("strikes")
    quote = Quote(id="q1", kind="mixed", start=start, end=end, content=text[start:end],
                  speaker=Speaker(name="John Doe", code="USA GOV"), said_on="2024-02-02")
    (c,) = [c for c in extract_claims(doc, [quote]) if c.kind == "fact"]
    assert (c.pclass, c.object_key, c.relation, c.anchor) == ("inform", "IRQ", "before", "the strikes")


# ------------------------------------------------------------------ predicate classes and nominal predicates

DECLINED = [("She", "PRON", 1, "nsubj", "she"), ("declined", "VERB", 1, "ROOT", "decline"),
            ("the", "DET", 3, "det", "the"), ("invitation", "NOUN", 1, "dobj", "invitation"),
            (".", "PUNCT", 1, "punct", ".")]
SUPPORTER = [("Cruz", "PROPN", 1, "nsubj", "Cruz"), ("is", "AUX", 1, "ROOT", "be"), ("a", "DET", 3, "det", "a"),
             ("supporter", "NOUN", 1, "attr", "supporter"), ("of", "ADP", 3, "prep", "of"),
             ("tariffs", "NOUN", 4, "pobj", "tariff"), (".", "PUNCT", 1, "punct", ".")]
IN_FAVOR = [("Cruz", "PROPN", 1, "nsubj", "Cruz"), ("is", "AUX", 1, "ROOT", "be"), ("in", "ADP", 1, "prep", "in"),
            ("favor", "NOUN", 2, "pobj", "favor"), ("of", "ADP", 3, "prep", "of"),
            ("tariffs", "NOUN", 4, "pobj", "tariff"), (".", "PUNCT", 1, "punct", ".")]
RESPONSIBLE = [("Israel", "PROPN", 1, "nsubj", "Israel"), ("was", "AUX", 1, "ROOT", "be"),
               ("responsible", "ADJ", 1, "acomp", "responsible"), ("for", "ADP", 2, "prep", "for"),
               ("the", "DET", 5, "det", "the"), ("blast", "NOUN", 3, "pobj", "blast"), (".", "PUNCT", 1, "punct", ".")]
DISASTER = [("The", "DET", 1, "det", "the"), ("deal", "NOUN", 2, "nsubj", "deal"), ("is", "AUX", 2, "ROOT", "be"),
            ("a", "DET", 4, "det", "a"), ("disaster", "NOUN", 2, "attr", "disaster"), (".", "PUNCT", 2, "punct", ".")]
HIS_COMMENTS = [("his", "PRON", 1, "poss", "his"), ("comments", "NOUN", 1, "ROOT", "comment")]
HE_COMMENTED = [("he", "PRON", 1, "nsubj", "he"), ("made", "VERB", 1, "ROOT", "make"),
                ("comments", "NOUN", 1, "dobj", "comment")]


def test_a_converse_verb_is_its_class_negated() -> None:
    # "declined the invitation" states "did not accept the invitation"
    c = only(parsed(DECLINED))
    assert (c.predicate, c.pclass, c.negated, c.object_key) == ("decline", "accept", True, "~invitation")


def test_copula_with_a_predicate_noun_is_a_fact_of_that_class() -> None:
    for rows in (SUPPORTER, IN_FAVOR):
        c = only(parsed(rows))
        assert (c.pclass, c.kind, c.negated, c.subject_key, c.object_key) == ("support", "fact", False, "cruz",
                                                                              "~tariff")
    c = only(parsed(RESPONSIBLE))
    assert (c.pclass, c.kind, c.object_key) == ("cause", "fact", "~blast")


def test_hard_negative_a_judgement_with_be_stays_an_opinion() -> None:
    c = only(parsed(DISASTER))
    assert (c.pclass, c.kind) == ("be", "opinion")


def test_a_noun_phrase_naming_a_statement_is_not_a_statement() -> None:
    from storyline.analyze.claims import names_a_statement

    lex = load_lexicon()
    assert names_a_statement(parsed(HIS_COMMENTS)[:], lex)
    assert not names_a_statement(parsed(HE_COMMENTED)[:], lex)
    assert not names_a_statement(parsed(DISASTER)[:], lex)


# ------------------------------------------------------------------ participants: titles, possessors, pronouns

@pytest.mark.model
def test_titles_possessors_and_pronouns_in_participants() -> None:
    from storyline.analyze.pipeline import get_pipeline

    nlp = get_pipeline()
    text = ("Party campaign manager Corey Lewandowski spoke on Monday. "
            "“Trump's campaign manager grabbed her,” Fields said. "
            "“Iraq's government condemned the strikes,” a diplomat said. "
            "“Campaign manager Corey Lewandowski pushed the reporter,” Terris said.")
    doc = nlp(text)

    def quote(content: str, qid: str) -> Quote:
        start = text.index(content)
        return Quote(id=qid, kind="direct", start=start, end=start + len(content), content=content,
                     speaker=Speaker(name="Someone Else"), said_on="2016-03-15")

    claims = extract_claims(doc, [quote("Trump's campaign manager grabbed her", "q1"),
                                  quote("Iraq's government condemned the strikes", "q2"),
                                  quote("Campaign manager Corey Lewandowski pushed the reporter", "q3")])
    by_quote = {c.quote: c for c in claims}
    # the manager is not Trump; the article named one campaign manager, so "the manager" is him
    assert by_quote["q1"].subject_key == "lewandowski"
    assert by_quote["q1"].object == "her" and by_quote["q1"].object_key is None  # unknown, not absent
    # an institution is identified by its possessor
    assert by_quote["q2"].subject_key == "IRQ"
    # a title before a name only describes the person the name gives
    assert by_quote["q3"].subject_key == "lewandowski"


def test_a_title_given_to_two_people_is_no_alias() -> None:
    from storyline.analyze.claims import title_aliases

    rows = [("reporter", "NOUN", 2, "compound", "reporter"), ("Ann", "PROPN", 2, "compound", "Ann"),
            ("Lee", "PROPN", 2, "ROOT", "Lee"), ("and", "CCONJ", 2, "cc", "and"),
            ("reporter", "NOUN", 6, "compound", "reporter"), ("Bo", "PROPN", 6, "compound", "Bo"),
            ("Chan", "PROPN", 2, "conj", "Chan"),
            ("manager", "NOUN", 9, "compound", "manager"), ("Al", "PROPN", 9, "compound", "Al"),
            ("Ray", "PROPN", 2, "appos", "Ray")]
    aliases = title_aliases(parsed(rows))
    assert "reporter" not in aliases and aliases["manager"] == "ray"


def test_contractions_with_a_curly_apostrophe_are_forms_of_be() -> None:
    # "it’s not appropriate" is a judgement (be), not a fact with the predicate "’"
    rows = [("it", "PRON", 1, "nsubj", "it"), ("’s", "VERB", 1, "ROOT", "’"), ("not", "PART", 1, "neg", "not"),
            ("appropriate", "ADJ", 1, "acomp", "appropriate")]
    c = only(parsed(rows))
    assert (c.predicate, c.kind, c.negated) == ("be", "opinion", True)
    will = [("We", "PRON", 2, "nsubj", "we"), ("’ll", "AUX", 2, "aux", "’ll"),
            ("respond", "VERB", 2, "ROOT", "respond")]
    assert only(parsed(will)).modality == "will"


def test_base_form_phrases_match_inflected_text_through_lemmas() -> None:
    from storyline.analyze.claims import has_phrase

    phrases = ["regret any confusion"]
    assert has_phrase("she regretted any confusion", phrases) is None
    assert has_phrase("she regretted any confusion", phrases, "she regret any confusion") == "regret any confusion"
    assert has_phrase("no confusion here", phrases, "no confusion here") is None


# ------------------------------------------------------------------ stranded subjects, body parts, indefinite persons

def tagged(rows: list[tuple[str, str, str, int, str, str]]) -> Doc:
    """A Doc from (word, pos, tag, head index, dep, lemma) rows."""
    words, pos, tags, heads, deps, lemmas = zip(*rows, strict=True)
    return Doc(_VOCAB, words=list(words), pos=list(pos), tags=list(tags), heads=list(heads), deps=list(deps),
               lemmas=list(lemmas))


# "In Dover, the treasurer, Anna Berg, roughly grabbed the wrist of a journalist." — parsed the way a small
# parser misreads it: the treasurer an apposition of Dover, Berg an apposition of the treasurer, no subject.
GRABBED_WRIST = [
    ("In", "ADP", "IN", 10, "prep", "in"), ("Dover", "PROPN", "NNP", 0, "pobj", "Dover"),
    (",", "PUNCT", ",", 1, "punct", ","), ("the", "DET", "DT", 4, "det", "the"),
    ("treasurer", "NOUN", "NN", 1, "appos", "treasurer"), (",", "PUNCT", ",", 4, "punct", ","),
    ("Anna", "PROPN", "NNP", 7, "compound", "Anna"), ("Berg", "PROPN", "NNP", 4, "appos", "Berg"),
    (",", "PUNCT", ",", 1, "punct", ","), ("roughly", "ADV", "RB", 10, "advmod", "roughly"),
    ("grabbed", "VERB", "VBD", 10, "ROOT", "grab"), ("the", "DET", "DT", 12, "det", "the"),
    ("wrist", "NOUN", "NN", 10, "dobj", "wrist"), ("of", "ADP", "IN", 12, "prep", "of"),
    ("a", "DET", "DT", 15, "det", "a"), ("journalist", "NOUN", "NN", 13, "pobj", "journalist"),
    (".", "PUNCT", ".", 10, "punct", "."),
]


def test_a_finite_verb_left_without_subject_takes_the_apposition_before_it() -> None:
    c = only(tagged(GRABBED_WRIST))
    assert (c.pclass, c.subject, c.subject_key) == ("touch", "Anna Berg", "berg")


def test_hard_negative_a_verb_without_finite_tag_gets_no_stranded_subject() -> None:
    rows = list(GRABBED_WRIST)
    rows[10] = ("grab", "VERB", "VB", 10, "ROOT", "grab")  # an imperative has no subject to find
    assert only(tagged(rows)).subject is None


def test_a_body_part_stands_for_its_owner_and_an_indefinite_person_is_unknown() -> None:
    c = only(tagged(GRABBED_WRIST))
    assert (c.object, c.object_key) == ("a journalist", None)
    # "grabbed the wrist of Smith": the owner, named
    rows = [*GRABBED_WRIST[:14], ("Smith", "PROPN", "NNP", 13, "pobj", "Smith"), (".", "PUNCT", ".", 10, "punct", ".")]
    assert only(tagged(rows)).object_key == "smith"
    # hard negative: "the journalist" (definite) is someone identified, not unknown
    rows = list(GRABBED_WRIST)
    rows[14] = ("the", "DET", "DT", 15, "det", "the")
    assert only(tagged(rows)).object_key is not None
    # hard negative: an object that is not a body part keeps its own reading ("the camera of a journalist")
    rows = list(GRABBED_WRIST)
    rows[12] = ("camera", "NOUN", "NN", 10, "dobj", "camera")
    assert only(tagged(rows)).object_key == "~camera"


def test_a_statement_that_is_a_to_infinitive_is_not_a_fact_done() -> None:
    # "… urged him to close the border": the statement is the advice, not a report that the border was closed
    doc = tagged([("urged", "VERB", "VBD", 0, "ROOT", "urge"), ("him", "PRON", "PRP", 0, "dobj", "he"),
                  ("to", "PART", "TO", 3, "aux", "to"), ("close", "VERB", "VB", 0, "xcomp", "close"),
                  ("the", "DET", "DT", 5, "det", "the"), ("border", "NOUN", "NN", 3, "dobj", "border")])
    start = doc[2].idx
    quote = Quote(id="q1", kind="indirect", start=start, end=len(doc.text), content=doc.text[start:],
                  speaker=US_OFFICIAL, said_on="2024-02-05")
    [c] = extract_claims(doc, [quote])
    assert (c.predicate, c.modality) == ("close", "to")
    # hard negative: the finite clause "he closed the border" is a fact
    done = tagged([("he", "PRON", "PRP", 1, "nsubj", "he"), ("closed", "VERB", "VBD", 1, "ROOT", "close"),
                   ("the", "DET", "DT", 3, "det", "the"), ("border", "NOUN", "NN", 1, "dobj", "border")])
    assert only(done).modality is None


def test_dismiss_denies_a_statement_but_only_judges_a_person() -> None:
    from storyline.model import Cue

    def dismissed(rows: list[tuple[str, str, str, int, str, str]]) -> list[str | None]:
        doc = tagged(rows)
        start = doc[1].idx
        quote = Quote(id="q1", kind="indirect", start=start, end=len(doc.text), content=doc.text[start:],
                      speaker=US_OFFICIAL, said_on="2024-02-05", cue=Cue("dismissed", 0, 9))
        return [c.stance for c in extract_claims(doc, [quote])]

    # "dismissed the report as false": the report is a statement, rejected
    report = [("dismissed", "VERB", "VBD", 0, "ROOT", "dismiss"), ("the", "DET", "DT", 2, "det", "the"),
              ("report", "NOUN", "NN", 0, "dobj", "report"), ("as", "ADP", "IN", 2, "prep", "as"),
              ("false", "ADJ", "JJ", 3, "pobj", "false")]
    assert dismissed(report) == ["deny"]
    # hard negative: "dismissed the mayor as a lightweight" judges a person; it denies nothing said
    person = [("dismissed", "VERB", "VBD", 0, "ROOT", "dismiss"), ("the", "DET", "DT", 2, "det", "the"),
              ("mayor", "NOUN", "NN", 0, "dobj", "mayor"), ("as", "ADP", "IN", 2, "prep", "as"),
              ("a", "DET", "DT", 5, "det", "a"), ("lightweight", "NOUN", "NN", 3, "pobj", "lightweight")]
    assert "deny" not in dismissed(person)


def test_a_named_person_is_keyed_by_name_not_by_country() -> None:
    import storyline

    text = "A spokesperson said that Secretary of State Antony Blinken informed Iraq before the strikes."
    claims = storyline.analyze(text, "2024-02-05").claims
    informed = next(c for c in claims if c.predicate == "inform")
    # Blinken is coded USA GOV, but as a participant he is Blinken: another American is not him.
    assert informed.subject_key == "blinken"
