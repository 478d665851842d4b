"""Quote, speaker and claim rules added for conflict recall (issue #6), each on sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.model import Conflict, Quote


def run(text: str, published: str = "2024-03-04") -> Any:
    from storyline.analyze.pipeline import get_pipeline, make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published=published)))
    for q in doc._.quotes:
        assert q.content == text[q.start : q.end]
    return doc


def quotes_of(text: str) -> list[Quote]:
    quotes: list[Quote] = run(text)._.quotes
    return quotes


def _speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


def _resolver(words: list[str], ents: list[str]) -> Any:
    import spacy
    from spacy.tokens import Doc

    from storyline.analyze.quotes import CueLexicon
    from storyline.analyze.speakers import SpeakerResolver

    n = len(words)
    # A flat parse: every word hangs on the last one, which is the root.
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * n,
        heads=[n - 1] * n,
        deps=["dep"] * (n - 1) + ["ROOT"],
        pos=["PROPN"] * n,
        ents=ents,
    )
    return SpeakerResolver(doc, CueLexicon.load().speakers)


# -- sentences end at line breaks ------------------------------------------------------------------


def test_every_line_starts_a_sentence_unless_it_goes_on_in_lower_case() -> None:
    import spacy

    from storyline.analyze.dateline import mark_line_starts

    nlp = spacy.blank("en")
    doc = nlp("He asked, “Why ‘now’?”\n\nFormer aide Jo Kim disagreed.\nShe left\nearly.")
    mark_line_starts(doc)
    starts = {t.text for t in doc if t.is_sent_start}
    assert "Former" in starts and "She" in starts
    assert "early" not in starts  # a hard-wrapped line goes on with its sentence


def test_text_wrapped_at_a_fixed_width_ends_sentences_only_at_blank_lines() -> None:
    import spacy

    from storyline.analyze.dateline import hard_wrapped, mark_line_starts

    wrapped = (
        "The minister said on Monday that the talks would resume after the holiday and that President\n"
        "Bush would attend the meeting in Geneva with officials from France and Germany, who had\n"
        "asked for the talks to take place as soon as possible after the elections held there.\n"
        "\n"
        "Rebels attacked an army post near the border on Sunday, the army said in a statement."
    )
    assert hard_wrapped(wrapped) and not hard_wrapped(wrapped.replace("\n", " ", 2))
    doc = spacy.blank("en")(wrapped)
    mark_line_starts(doc)
    starts = {t.text for t in doc if t.is_sent_start}
    assert "Rebels" in starts and "Bush" not in starts


@pytest.mark.model
def test_a_paragraph_after_a_nested_quote_is_a_new_sentence_with_its_own_statement() -> None:
    text = (
        "“What a strange year,” Mayor Tom Briggs said. “Who would ask, ‘Should a city close its parks?’”\n\n"
        "Former councillor Ann Ruiz accused the parks director Paul Wend of hiding the budget from the council."
    )
    quotes = quotes_of(text)
    accusation = next(q for q in quotes if "hiding the budget" in q.content)
    assert _speaker(accusation) == "Ann Ruiz"


# -- names -----------------------------------------------------------------------------------------


def test_a_word_joined_to_a_name_by_a_spaced_dash_is_not_part_of_the_fullest_name() -> None:
    resolver = _resolver(
        ["Lena", "Ortiz", "spoke", ".", "Weak", "-", "Ortiz", "won"],
        ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"],
    )
    assert resolver.by_surname["ortiz"] == "Lena Ortiz"


def test_a_hyphenated_name_without_spaces_is_kept() -> None:
    import spacy
    from spacy.tokens import Doc

    from storyline.analyze.quotes import CueLexicon
    from storyline.analyze.speakers import SpeakerResolver

    words = ["Ana", "Ruiz", "-", "Soto", "won"]
    doc = Doc(
        spacy.blank("en").vocab, words=words, spaces=[True, False, False, True, False],
        heads=[3, 3, 3, 4, 4], deps=["dep", "dep", "dep", "nsubj", "ROOT"], pos=["PROPN"] * 4 + ["VERB"],
        ents=["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"],
    )
    resolver = SpeakerResolver(doc, CueLexicon.load().speakers)
    assert resolver.by_surname["soto"] == "Ana Ruiz-Soto"


def test_a_headline_verb_between_two_names_splits_them() -> None:
    resolver = _resolver(
        ["Jane", "Morrow", "Slams", "Peter", "Hale", "Over", "Taxes", ".", "Peter", "Hale", "said", "no"],
        ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O",
         "O"],
    )
    assert resolver.by_surname["hale"] == "Peter Hale"
    assert all("Slams" not in name for name in resolver.by_surname.values())


# -- speakers ----------------------------------------------------------------------------------------


@pytest.mark.model
def test_a_book_that_accuses_someone_is_the_speaker_not_the_accused() -> None:
    text = (
        "Officer Dan Reyes ran the station for two years.\n\n"
        "The book accuses Reyes of ignoring the warnings of \"three separate informants.\""
    )
    quotes = quotes_of(text)
    accusation = next(q for q in quotes if "ignoring" in q.content)
    assert _speaker(accusation) != "Dan Reyes"
    assert (_speaker(accusation) or "").lower() == "the book"


@pytest.mark.model
def test_a_description_known_as_a_name_is_that_person() -> None:
    text = '"Nobody ever told us to wait," said the station chief known as Bob, speaking for the first time.'
    quotes = quotes_of(text)
    assert quotes and _speaker(quotes[0]) == "Bob"


@pytest.mark.model
def test_it_refers_to_an_institution_noun_that_was_the_subject() -> None:
    text = (
        "Mayor Lena Ortiz called for a ban on fireworks.\n"
        "Ortiz’s campaign quickly backtracked, issuing a statement. On fireworks, it said, “families should decide.”"
    )
    quotes = quotes_of(text)
    q = next(q for q in quotes if q.content.startswith("families"))
    assert _speaker(q) == "Ortiz’s campaign"


# -- content ---------------------------------------------------------------------------------------


@pytest.mark.model
def test_an_aside_naming_what_someone_denied_is_a_statement_of_theirs() -> None:
    text = (
        "Two aides told me they believed Mr. Wend was planning a run for governor -- something he denied "
        "to me as absurd in an interview on Monday."
    )
    quotes = quotes_of(text)
    denial = next(q for q in quotes if q.content.startswith("something he denied"))
    assert _speaker(denial) == "Wend"
    planning = next(q for q in quotes if "planning a run" in q.content)
    assert "--" not in planning.content


@pytest.mark.model
def test_a_demonstrative_that_after_said_stays_in_the_clause() -> None:
    text = 'The report faults Mayor Tom Briggs for the delay. He said that is a "distortion" of the record.'
    quotes = quotes_of(text)
    q = next(q for q in quotes if "distortion" in q.content)
    assert q.content.startswith("that is")


# -- claims and conflicts ------------------------------------------------------------------------------


@pytest.mark.model
def test_the_accused_is_the_doer_of_the_act_an_accusation_reports() -> None:
    doc = run('The book accuses Reyes of ignoring the "warnings of three informants." Reyes said that is a lie.')
    claims = [c for c in doc._.claims if c.predicate == "ignore"]
    assert claims and claims[0].subject == "Reyes"
    conflicts: list[Conflict] = doc._.conflicts
    assert any(c.kind == "dispute" for c in conflicts)


@pytest.mark.model
def test_criticising_someone_for_an_act_asserts_no_act() -> None:
    doc = run("Ann Ruiz criticized Wend for accusing the council of hiding the budget.")
    assert not [c for c in doc._.claims if c.predicate == "accuse" and c.kind == "fact"]


@pytest.mark.model
def test_a_denial_pointing_at_she_rejects_a_person_not_a_group_quoted_between() -> None:
    text = (
        "Senator Ann Ruiz said on Saturday that the company had moved its factories to Mexico.\n\n"
        "Economists noted that the company moved some offices to Texas last year.\n\n"
        "“She just made it up,” the company’s chief executive, Paul Wend, said on Sunday."
    )
    doc = run(text)
    quotes = {q.id: q for q in doc._.quotes}
    pairs = [(_speaker(quotes[c.a]), _speaker(quotes[c.b])) for c in doc._.conflicts]
    assert ("Ann Ruiz", "Paul Wend") in pairs
    assert all(a != "Economists" for a, _ in pairs)


# -- embedded posts and markup -------------------------------------------------------------------------


@pytest.mark.model
def test_an_embedded_post_is_its_signed_authors_statement() -> None:
    text = (
        "The mayor answered on Twitter.\n\n"
        '<tweet id="12" author="@MayorLenaOrtiz" datetime="2024-03-01">The bridge will reopen in May, not in June. '
        "Ask anyone! — Lena Ortiz (@MayorLenaOrtiz) March 1, 2024</tweet>.\n\n"
        "Lena Ortiz has been mayor since 2019."
    )
    quotes = quotes_of(text)
    post = next(q for q in quotes if q.content.startswith("The bridge will reopen"))
    assert _speaker(post) == "Lena Ortiz"
    assert post.content.endswith("Ask anyone!")


def test_markup_is_never_a_speaker() -> None:
    # The small model takes a piece of an embedded post's markup for the subject of "accused".
    resolver = _resolver(['datetime="2016', "accused"], ["O", "O"])
    assert resolver.speaker(resolver.doc[0]) is None
    assert resolver.speaker(_resolver(["Ortiz", "accused"], ["B-PERSON", "O"]).doc[0]) is not None


def test_he_or_she_is_never_a_group_or_an_institution() -> None:
    from storyline.analyze.conflicts import participants_agree
    from storyline.model import Claim

    def claim(subject: str, key: str | None, negated: bool) -> Claim:
        return Claim(id="c", quote="q", start=0, end=1, text="", predicate="work", pclass="work", kind="fact",
                     subject=subject, subject_key=key, object="with Manafort", object_key="manafort", negated=negated)

    assert not participants_agree(claim("he", None, False), claim("her group", "~group", True))
    assert participants_agree(claim("he", None, False), claim("the adviser", "~adviser", True))


def test_two_people_of_one_surname_keep_their_own_quotes() -> None:
    text = (
        "Former governor Mark Delgado spoke at the rally on Monday.\n\n"
        '"We will win this election," Rosa Delgado said.\n'
    )
    assert [_speaker(q) for q in quotes_of(text)] == ["Rosa Delgado"]


def test_an_organisation_the_tagger_reads_as_a_person_is_no_he() -> None:
    text = (
        "'It is a bold plan,' Xinhua, the official news agency, wrote.\n\n"
        "The criticism had one goal, the minister said. 'It is not true,' he said."
    )
    speakers = [_speaker(q) for q in quotes_of(text)]
    assert speakers[-1] != "Xinhua"


def test_it_is_the_nearer_organisation_the_one_that_just_acted() -> None:
    text = (
        "The statement drew sharp criticism from both sides. The anti-tax movement has traditionally "
        "argued that farmers should be spared, but not traders.\n"
        "The governor's campaign immediately backtracked, putting out a statement contradicting his earlier "
        "comments. In cases of hardship, it said, \u201cthe farmer is a victim.\u201d"
    )
    last = [q for q in quotes_of(text) if "victim" in q.content]
    assert last and _speaker(last[0]) == "governor's campaign"


def test_a_description_naming_its_side_is_only_someone_of_that_side() -> None:
    # The subject on stage is Jordan's king: "the Israeli leader" is not him.
    (q,) = quotes_of(
        "King Abdullah of Jordan met Benjamin Netanyahu, the Israeli prime minister, on Monday. "
        "The Israeli leader said the talks were useful."
    )
    assert q.speaker is not None and q.speaker.code == "ISR GOV"
    assert "Abdullah" not in q.speaker.name
    # The person of that side on stage is who the description stands for.
    (q,) = quotes_of(
        "Israeli Prime Minister Benjamin Netanyahu met the king on Monday. "
        "The Israeli leader said the talks were useful."
    )
    assert _speaker(q) == "Benjamin Netanyahu"


def test_an_organisation_named_in_a_description_is_not_the_last_person() -> None:
    quotes = quotes_of(
        "Italian Prime Minister Giuseppe Conte said the plan was late. "
        "Later the EU executive urged member states to do more for the refugees."
    )
    urged = next(q for q in quotes if "refugees" in q.content)
    assert urged.speaker is not None and urged.speaker.code is not None
    assert urged.speaker.code.startswith("EUR") and "Conte" not in urged.speaker.name


def test_a_collective_speaker_is_named_by_its_of_phrase() -> None:
    (q,) = quotes_of("A coalition of Kenyan church leaders told the president that the vote was unfair.")
    assert _speaker(q) == "A coalition of Kenyan church leaders"
    assert q.speaker is not None and q.speaker.code is not None and q.speaker.code.startswith("KEN")
    # A clause describing the members is not part of the name.
    (q,) = quotes_of("A group of army officers, who defected last week, said the army would not fire on crowds.")
    assert _speaker(q) == "A group of army officers"


def test_only_a_noun_naming_a_person_is_read_like_he_or_she() -> None:
    # "the survey" is no person on stage; "the tycoon" is.
    (q,) = quotes_of("Senator Jane Ortiz toured the plant on Monday. The survey said most voters were still undecided.")
    assert q.speaker is not None and "Ortiz" not in q.speaker.name
    (q,) = quotes_of("Harold Voss bought the team in March. The tycoon said the stadium would be rebuilt.")
    assert _speaker(q) == "Harold Voss"


def test_a_gendered_description_skips_people_of_the_other_gender() -> None:
    quotes = quotes_of(
        "Senator Maria Lopez toured the port. “It raises security issues,” she said. "
        "The Texas businessman has praised the plan, saying it was overdue."
    )
    praised = next(q for q in quotes if "overdue" in q.content)
    assert praised.speaker is not None and "Lopez" not in praised.speaker.name


def test_a_description_with_an_of_phrase_naming_a_body_is_that_body() -> None:
    (q,) = quotes_of(
        "Officer Dan Cole closed the road. Nine towns were under rebel control, "
        "the president of the International Committee of the Red Cross said."
    )
    assert q.speaker is not None and "Cole" not in q.speaker.name
    assert q.speaker.name.endswith("Red Cross")


def test_a_possessive_pronoun_owner_of_a_speech_noun_is_resolved() -> None:
    quotes = quotes_of(
        "Mayor Tom Park spoke on Tuesday. He repeated his claim that the budget was balanced."
    )
    claim = next(q for q in quotes if "budget" in q.content)
    assert _speaker(claim) == "Tom Park"
