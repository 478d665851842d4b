"""Quote rules added while measuring on PolNeAR train/dev (issue #4), each on sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.model import Quote


def run(text: str, published: str = "2024-03-04") -> list[Quote]:
    from storyline.analyze.pipeline import get_pipeline, make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published=published)))
    quotes: list[Quote] = doc._.quotes
    for q in quotes:
        assert q.content == text[q.start : q.end]
    return quotes


def _speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


@pytest.mark.model
def test_fragment_no_cue_took_makes_the_reported_clause_mixed() -> None:
    # The quoted words are a name (title case), so they are no statement of their own; the reported
    # clause holding them is still Ortiz's statement, a mixed quote.
    quotes = run("Mayor Lena Ortiz says the band known as “The Night Owls” is the pride of the city.")
    assert len(quotes) == 1 and quotes[0].kind == "mixed"
    assert quotes[0].content.startswith("the band") and "“The Night Owls”" in quotes[0].content
    assert _speaker(quotes[0]) == "Lena Ortiz"


@pytest.mark.model
def test_a_cue_in_the_previous_paragraph_does_not_frame_a_new_quote() -> None:
    text = (
        "Asked about the protests, Mayor Lena Ortiz acknowledged that there are still \"some people\" who feel "
        "that way, \"but not among the vast majority.\"\n\n"
        "\"I'll tell you, this city is more united than it has been in years. We will get through this.\""
    )
    quotes = run(text)
    mixed = next(q for q in quotes if "some people" in q.content)
    assert mixed.kind == "mixed" and mixed.content.startswith("there are still")
    opening = next(q for q in quotes if q.content.startswith("I'll tell you"))
    assert opening.kind == "direct" and opening.cue is None
    assert _speaker(opening) == "Lena Ortiz"


def test_a_cue_without_a_speaker_reports_the_enclosing_cue() -> None:
    from storyline.analyze.quotes import CueHit, _enclosing_cue

    # "Awad says in a statement that …": the model hung the that-clause on "statement".
    doc = _parsed(
        ["Awad", "says", "in", "a", "statement", "that", "it", "failed"],
        ["PROPN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "PRON", "VERB"],
        ["NNP", "VBZ", "IN", "DT", "NN", "IN", "PRP", "VBD"],
        [1, 1, 1, 4, 2, 7, 7, 4],
        ["nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "acl"],
        ["B-PERSON", "O", "O", "O", "O", "O", "O", "O"],
    )
    says = CueHit(doc[1], 5, 9, "verb", doc[0])
    statement = CueHit(doc[4], 20, 29, "noun", None)
    cues = {1: says, 4: statement}
    assert _enclosing_cue(statement, cues) is says
    # A speech noun that is the subject of the verb is not reported by it ("the statement says").
    doc2 = _parsed(
        ["The", "statement", "says", "it", "failed"],
        ["DET", "NOUN", "VERB", "PRON", "VERB"],
        ["DT", "NN", "VBZ", "PRP", "VBD"],
        [1, 2, 2, 4, 2],
        ["det", "nsubj", "ROOT", "nsubj", "ccomp"],
        ["O", "O", "O", "O", "O"],
    )
    subject = CueHit(doc2[1], 4, 13, "noun", None)
    assert _enclosing_cue(subject, {1: subject, 2: CueHit(doc2[2], 14, 18, "verb", doc2[1])}) is None


def test_name_before_a_subjectless_verb_across_a_place_aside() -> None:
    from storyline.analyze.quotes import _name_before

    # "Trump, in Kentucky, said Tuesday": the model read the name as an apposition of the line before.
    doc = _parsed(
        ["polls", "Trump", ",", "in", "Kentucky", ",", "said", "Tuesday"],
        ["NOUN", "PROPN", "PUNCT", "ADP", "PROPN", "PUNCT", "VERB", "PROPN"],
        ["NNS", "NNP", ",", "IN", "NNP", ",", "VBD", "NNP"],
        [6, 0, 0, 0, 3, 6, 6, 6],
        ["ccomp", "appos", "punct", "prep", "pobj", "punct", "ROOT", "npadvmod"],
        ["O", "B-PERSON", "O", "O", "B-GPE", "O", "O", "B-DATE"],
    )
    subject = _name_before(doc[6], set())
    assert subject is not None and subject.text == "Trump"


def _parsed(
    words: list[str], pos: list[str], tags: list[str], heads: list[int], deps: list[str], ents: list[str]
) -> Any:
    """A hand-made parse with the small model's mistakes in it (lemmas: the words, a plural's -s cut)."""
    import spacy
    from spacy.tokens import Doc

    lemmas = [w[:-1] if t in {"NNS", "NNPS"} else w for w, t in zip(words, tags, strict=True)]
    return Doc(
        spacy.blank("en").vocab, words=words, pos=pos, tags=tags, heads=heads, deps=deps, ents=ents, lemmas=lemmas
    )


@pytest.mark.model
def test_parenthetical_cue_attributes_the_clause_it_interrupts() -> None:
    text = (
        "Over the last decade, Mayor Tom Briggs said, most residents have come to believe "
        '"that the river is worth saving."'
    )
    quotes = run(text)
    assert len(quotes) == 1
    assert quotes[0].kind == "mixed" and quotes[0].content.startswith("most residents")
    assert _speaker(quotes[0]) == "Tom Briggs"


@pytest.mark.model
def test_paraphrase_after_the_closing_mark_belongs_to_the_quote() -> None:
    text = (
        "Senator Ruth Alvarez questioned the bank's chief executive for two hours.\n\n"
        "“You squeezed your tellers to the breaking point” to lift the share price, she said."
    )
    quotes = run(text)
    assert len(quotes) == 1 and quotes[0].kind == "mixed"
    assert quotes[0].content.endswith("share price") and _speaker(quotes[0]) == "Ruth Alvarez"


@pytest.mark.model
def test_a_thing_that_suggests_inside_a_statement_is_no_speaker() -> None:
    quotes = run("Mayor Lena Ortiz said Monday that the ad “plainly and wrongly” suggests that the police back him.")
    assert len(quotes) == 1 and quotes[0].kind == "mixed" and quotes[0].cue is not None
    assert quotes[0].cue.text == "said" and quotes[0].content.startswith("the ad")
    assert _speaker(quotes[0]) == "Lena Ortiz"


@pytest.mark.model
def test_object_of_the_governing_verb_does_the_infinitive() -> None:
    text = "The vote prompted Senator Ann Berg to call the new budget “a disgrace to this chamber.”"
    quotes = run(text)
    assert quotes and _speaker(quotes[0]) == "Ann Berg"


@pytest.mark.model
def test_call_for_is_a_speech_act_with_its_preposition() -> None:
    quotes = run("Governor Ann Berg called for an immediate end to the blockade on Monday.")
    assert len(quotes) == 1 and quotes[0].kind == "indirect"
    assert quotes[0].content == "an immediate end to the blockade" and _speaker(quotes[0]) == "Ann Berg"
    # "call" alone still only names things.
    assert run("The attack was claimed by a group called “Northern Front”.") == []


@pytest.mark.model
def test_he_is_the_latest_subject_rather_than_an_earlier_speaker() -> None:
    text = (
        '"We will win this," said Senator Tom Reyes.\n\n'
        'In Dallas, Mayor Jim Cole was just as blunt. "You would have to be blind not to see it," he said.'
    )
    quotes = run(text)
    assert [_speaker(q) for q in quotes] == ["Tom Reyes", "Jim Cole"]


@pytest.mark.model
def test_a_long_tag_after_a_question_is_still_the_frame() -> None:
    text = (
        '"Are you ready to vote? Will you bring a friend?" Martinez, a retired teacher from a small town '
        "in Ohio, said cheerfully into the phone."
    )
    quotes = run(text)
    assert len(quotes) == 1 and _speaker(quotes[0]) == "Martinez"
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"


@pytest.mark.model
def test_inverted_said_with_the_name_hung_on_a_later_verb() -> None:
    text = (
        '"I am not going to apologize, so forget about it," said retired surgeon Ben Walters, asked about '
        "his claims that he had met the king."
    )
    quotes = run(text)
    assert _speaker(quotes[0]) == "Ben Walters"


@pytest.mark.model
def test_apposition_before_a_subjectless_said_is_the_speaker() -> None:
    text = (
        "In a call with reporters on Dec. 2, Col. Mark Dunn, a military spokesman in Kabul, said, "
        '"A raid is a combat operation."'
    )
    quotes = run(text)
    assert len(quotes) == 1 and _speaker(quotes[0]) == "Mark Dunn"


@pytest.mark.model
def test_naming_verb_with_to_and_as_is_mixed_with_its_object() -> None:
    text = (
        "At the hearing, the mayor refers to the governor as “Jimmy,” while the governor refers to her as "
        "“Your Honor.”"
    )
    quotes = run(text)
    assert [q.kind for q in quotes] == ["mixed", "mixed"]
    assert quotes[0].content.startswith("the governor as") and quotes[1].content.startswith("her as")


@pytest.mark.model
def test_a_quote_left_open_at_a_paragraph_end_goes_on_with_the_same_cue() -> None:
    text = (
        "“We will rebuild the bridge, and we will do it this year,” Mayor Ann Berg said. “The money is there.\n\n"
        "“Nobody should doubt it.”"
    )
    quotes = run(text)
    assert len(quotes) == 3 and all(_speaker(q) == "Ann Berg" for q in quotes)
    assert quotes[2].cue is not None and quotes[2].cue == quotes[1].cue


@pytest.mark.model
def test_relative_clause_with_its_own_subject_can_name() -> None:
    quotes = run("The senators heard Mayor Ann Berg, who called the new budget “a betrayal of every family.”")
    assert len(quotes) == 1 and quotes[0].kind == "mixed" and quotes[0].content.startswith("the new budget")
    assert _speaker(quotes[0]) == "Ann Berg"


@pytest.mark.model
def test_continue_is_a_cue_but_not_with_an_infinitive() -> None:
    quotes = run("“We will not stop,” she continued. “Not now.”")
    assert quotes and quotes[0].cue is not None and quotes[0].cue.text == "continued"
    text = "In a statement, Senator Tom Reyes said he is sure Mayor Jim Cole will continue to be “a champion for us.”"
    quotes = run(text)
    assert len(quotes) == 1 and _speaker(quotes[0]) == "Tom Reyes"


@pytest.mark.model
def test_a_speech_is_its_speakers_words() -> None:
    quotes = run("But the goal is not growth; it is to curb waste, according to a speech Governor Ann Berg gave.")
    assert len(quotes) == 1 and _speaker(quotes[0]) == "Ann Berg"


def test_participle_takes_the_subject_of_the_clause_it_follows() -> None:
    from storyline.analyze.quotes import CueLexicon, _nearer_participle_subject

    # "The incident came, when farmers interrupted her, shouting": the model hung "shouting" on "came".
    doc = _parsed(
        ["The", "incident", "came", ",", "when", "farmers", "interrupted", "her", ",", "shouting"],
        ["DET", "NOUN", "VERB", "PUNCT", "SCONJ", "NOUN", "VERB", "PRON", "PUNCT", "VERB"],
        ["DT", "NN", "VBD", ",", "WRB", "NNS", "VBD", "PRP", ",", "VBG"],
        [1, 2, 2, 2, 6, 6, 2, 6, 9, 2],
        ["det", "nsubj", "ROOT", "punct", "advmod", "nsubj", "advcl", "dobj", "punct", "advcl"],
        ["O"] * 10,
    )
    found = _nearer_participle_subject(doc[9], doc[1], set(), CueLexicon.load())
    assert found is not None and found.text == "farmers"
    # A subject inside a reported clause is not the participle's ("said farmers were wrong, adding").
    doc2 = _parsed(
        ["Obama", "said", "farmers", "were", "wrong", ",", "adding"],
        ["PROPN", "VERB", "NOUN", "AUX", "ADJ", "PUNCT", "VERB"],
        ["NNP", "VBD", "NNS", "VBD", "JJ", ",", "VBG"],
        [1, 1, 3, 1, 3, 6, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct", "advcl"],
        ["B-PERSON", "O", "O", "O", "O", "O", "O"],
    )
    assert _nearer_participle_subject(doc2[6], doc2[0], set(), CueLexicon.load()) is None


@pytest.mark.model
def test_according_to_opening_a_sentence_the_model_swallowed() -> None:
    # The small model reads "reeks" as a noun in apposition to the source: the statement is what
    # follows the comma after the source's name.
    quotes = run("According to radio host Mark Levine, the plan reeks of “panic” and desperation.")
    assert len(quotes) == 1 and quotes[0].kind == "mixed"
    assert quotes[0].content == "the plan reeks of “panic” and desperation" and _speaker(quotes[0]) == "Mark Levine"


@pytest.mark.model
def test_a_share_of_those_polled_speaks() -> None:
    quotes = run('However, 63 percent said the mayor was "justified" in keeping the report private.')
    assert len(quotes) == 1 and _speaker(quotes[0]) == "63 percent"
    quotes = run('About four in 10 said they were "angry" with the way the city is run.')
    assert len(quotes) == 1 and _speaker(quotes[0]) == "About four in 10"
    # A time read as the subject of "says" is still a misparse, not a speaker.
    assert all(_speaker(q) is None or "p.m." not in (_speaker(q) or "") for q in run("5:45 p.m. says it all."))


@pytest.mark.model
def test_subject_given_to_the_participle_before_the_verb() -> None:
    quotes = run('Asked again, Mayor Ann Berg, exasperated, famously responded: "What difference does it make?"')
    assert len(quotes) == 1 and _speaker(quotes[0]) == "Ann Berg"


@pytest.mark.model
def test_a_name_in_apposition_to_the_subject_is_the_latest_subject() -> None:
    text = (
        "“We are not going anywhere,” said Tom Reyes, a farmer. His neighbor, Jill Cole, agreed. "
        "“This is our land,” she said."
    )
    quotes = run(text)
    assert [_speaker(q) for q in quotes] == ["Tom Reyes", "Jill Cole"]


@pytest.mark.model
def test_the_statement_belongs_to_whoever_released_it() -> None:
    text = "The company released a statement on Monday. “We regret the error and will correct it,” the statement said."
    quotes = run(text)
    assert len(quotes) == 1 and _speaker(quotes[0]) == "company"


@pytest.mark.model
def test_naming_verb_object_hung_on_the_label_is_still_its_object() -> None:
    quotes = run("Mayor Ann Berg called Wall Street bankers “fat cats” on Monday.")
    assert len(quotes) == 1 and quotes[0].kind == "mixed"
    assert quotes[0].content == "Wall Street bankers “fat cats”"


@pytest.mark.model
def test_a_dash_signature_on_the_next_paragraph_signs_the_quote() -> None:
    text = (
        "The council met for three hours.\n\n"
        "\"I will look into it. I don't know the status, but I will certainly look into it.\"\n\n"
        "- Mayor Ann Berg.\n\nThe council adjourned."
    )
    assert [_speaker(q) for q in run(text)] == ["Ann Berg"]
    text = (
        "\"Great speech. She's tested. She's ready.\"\n\n"
        "-Governor Tom Reyes, tweeting after the debate.\n\nThe polls closed at eight."
    )
    assert [_speaker(q) for q in run(text)] == ["Tom Reyes"]


@pytest.mark.model
def test_a_group_or_institution_before_a_colon_frames_the_quote() -> None:
    text = (
        "The Berg campaign, in a statement on its website, worded it even more carefully: "
        '"The mayor sent every work email to a government account."'
    )
    assert [_speaker(q) for q in run(text)] == ["Berg campaign"]
    text = 'Critics on the council ranged from skeptical to hostile: "Is it time for your strategy to change?"'
    assert [_speaker(q) for q in run(text)] == ["Critics"]
    # A thing before the colon is no speaker.
    text = 'The weather was miserable: "Is it time for your strategy to change?"'
    assert all(_speaker(q) is None for q in run(text))


@pytest.mark.model
def test_an_aside_after_a_dash_is_the_writers() -> None:
    text = "Senator Tom Reyes said he was “encouraged” by the plan — a modest boost for the mayor, who pushed it."
    assert [q.content for q in run(text)] == ["he was “encouraged” by the plan"]
    # A parenthesis closed by a second dash stays inside the statement.
    text = "Senator Tom Reyes said the plan — a modest proposal — was “encouraging” for the city."
    assert [q.content for q in run(text)] == ["the plan — a modest proposal — was “encouraging” for the city"]


def test_a_fronted_participle_shares_the_subject_after_its_comma() -> None:
    from storyline.analyze.quotes import _fronted_participle_subject

    # "Bemoaning the system, Trump accused Holt": the model hung "Bemoaning" on the sentence before.
    doc = _parsed(
        ["Bemoaning", "the", "system", ",", "Trump", "accused", "Holt"],
        ["VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PROPN"],
        ["VBG", "DT", "NN", ",", "NNP", "VBD", "NNP"],
        [5, 2, 0, 5, 5, 5, 5],
        ["advcl", "det", "dobj", "punct", "nsubj", "ROOT", "dobj"],
        ["O", "O", "O", "O", "B-PERSON", "O", "B-PERSON"],
    )
    found = _fronted_participle_subject(doc[0], set())
    assert found is not None and found.text == "Trump"
    # A thing after the comma is not who was bemoaning.
    doc2 = _parsed(
        ["Bemoaning", "the", "system", ",", "the", "report", "said"],
        ["VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB"],
        ["VBG", "DT", "NN", ",", "DT", "NN", "VBD"],
        [6, 2, 0, 6, 5, 6, 6],
        ["advcl", "det", "dobj", "punct", "det", "nsubj", "ROOT"],
        ["O"] * 7,
    )
    assert _fronted_participle_subject(doc2[0], set()) is None


@pytest.mark.model
def test_went_so_far_as_to_say_and_a_name_in_apposition_to_the_subject() -> None:
    text = "The Slate technology columnist David Auerbach went so far as to say: ''Twitter as we know it is over.''"
    quotes = run(text)
    assert len(quotes) == 1 and _speaker(quotes[0]) == "David Auerbach"


def test_as_read_as_a_preposition_still_gives_the_speaker() -> None:
    from storyline.analyze.quotes import _subject

    # "As Amar, a professor, put it, they lost": the model made "Amar" the object of "As".
    doc = _parsed(
        ["As", "Amar", ",", "put", "it", ",", "they", "lost"],
        ["SCONJ", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT", "PRON", "VERB"],
        ["IN", "NNP", ",", "VBD", "PRP", ",", "PRP", "VBD"],
        [3, 0, 1, 7, 3, 7, 7, 7],
        ["mark", "pobj", "punct", "advcl", "dobj", "punct", "nsubj", "ROOT"],
        ["O", "B-PERSON", "O", "O", "O", "O", "O", "O"],
    )
    subject = _subject(doc[3], set())
    assert subject is not None and subject.text == "Amar"


def test_things_and_people_by_their_nouns() -> None:
    from storyline.analyze.quotes import CueLexicon, _is_thing

    lex = CueLexicon.load()
    words = ["deal", "areas", "ad", "editor", "analyst", "president", "attendee", "agreement", "ministry"]
    doc = _parsed(words, ["NOUN"] * len(words), ["NN"] * len(words), list(range(len(words))), ["ROOT"] * len(words),
                  ["O"] * len(words))
    things = {t.text for t in doc if _is_thing(t, lex)}
    assert things == {"deal", "areas", "ad", "agreement"}


@pytest.mark.model
def test_disputing_or_refuting_an_account_reports_the_account_rejected() -> None:
    quotes = run("A police spokeswoman disputed their account.")
    assert [(q.content, _speaker(q)) for q in quotes] == [("their account", "A police spokeswoman")]
    quotes = run("The ministry refuted the story on Tuesday.")
    assert [q.content for q in quotes] == ["the story"]
    # what is disputed must be a statement: a result or a bill is no statement of anyone's
    assert run("The governor disputed the results of the vote.") == []


@pytest.mark.model
def test_a_reported_clause_ends_where_another_speaker_takes_the_floor() -> None:
    text = ("The mayor said that auditors had found her budget sound and balanced, to which Councilman Reyes "
            "shouted: “That is simply wrong.”")
    quotes = run(text)
    assert [(q.content, _speaker(q)) for q in quotes] == [
        ("auditors had found her budget sound and balanced", "The mayor"), ("That is simply wrong.", "Reyes")]


@pytest.mark.model
def test_the_movement_speaks_for_itself_not_for_the_last_person_on_stage() -> None:
    quotes = run("“We will cut taxes,” Senator Ann Berg said on Monday. The reaction was mixed. The labor movement "
                 "has long argued that wages should rise first.")
    assert [_speaker(q) for q in quotes] == ["Ann Berg", "labor movement"]
