"""Speaker rules from a sweep of unannotated news (plural "they", hearers of "was told", tags after a quote,
scare quotes inside a naming verb's object, speakers resolved in text order), each on sentences of our own."""

from __future__ import annotations

from storyline.model import Quote


def quotes_of(text: str) -> list[Quote]:
    from storyline.analyze.pipeline import get_pipeline, make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc = nlp(make_doc(nlp, Document(id="t", text=text, published="2024-03-04")))
    quotes: list[Quote] = doc._.quotes
    for q in quotes:
        assert q.content == text[q.start : q.end]
    return quotes


def speaker_of(quotes: list[Quote], content: str) -> str | None:
    found = [q for q in quotes if content in q.content]
    assert found, f"no quote holds {content!r}: {[q.content for q in quotes]}"
    return found[0].speaker.name if found[0].speaker is not None else None


def test_they_refers_to_the_group_that_spoke_before() -> None:
    # A plural noun phrase that spoke is what "they" stands for; "him" (the mayor) never is.
    text = "Three local unions said the mayor had failed the city. They urged him to step down before the summer."
    assert speaker_of(quotes_of(text), "step down") == "Three local unions"


def test_the_passive_subject_of_tell_is_the_hearer_not_the_speaker() -> None:
    text = "Investors who were told they would double their money lost everything, the regulator said."
    quotes = quotes_of(text)
    assert all(q.speaker is None or q.speaker.name != "Investors" for q in quotes)
    assert not any(q.content == "they would double their money" for q in quotes)


def test_the_agent_of_a_passive_tell_is_the_speaker() -> None:
    text = "Voters were told by the county clerk that the polling station had moved."
    assert speaker_of(quotes_of(text), "polling station had moved") == "the county clerk"


def test_a_quoted_question_goes_to_its_tag_after_the_quote() -> None:
    text = (
        "If the deal collapses — as many analysts expect, but the ministry firmly denies — "
        "“what would we do then?” asked Okafor, a former trade envoy."
    )
    quotes = quotes_of(text)
    question = next(q for q in quotes if "what would we do" in q.content)
    assert question.kind == "direct"
    assert question.cue is not None and question.cue.text == "asked"
    assert question.speaker is not None and question.speaker.name == "Okafor"


def test_a_quote_ending_its_sentence_is_not_taken_by_the_next_sentence() -> None:
    # A full stop ends the quoted sentence: "Pressed for details, …" opens a new one and is no tag.
    text = "Her spokesman said she “has always backed the plan.” Pressed for details, the rival campaign offered none."
    quotes = quotes_of(text)
    assert all(q.cue is None or q.cue.text == "said" for q in quotes if "backed the plan" in q.content)


def test_a_question_after_a_colon_stays_with_the_cue_before_it() -> None:
    # The colon gives the quote to "replied"; "Her opponents cited …" is the next sentence, not a tag.
    text = (
        "Asked about the delay, Marsh, visibly tired, replied: “Why does that matter now?” "
        "Her opponents cited the remark as proof that she did not care."
    )
    assert speaker_of(quotes_of(text), "Why does that matter") == "Marsh"


def test_a_scare_quote_on_the_object_of_a_naming_verb_is_no_statement() -> None:
    text = "The senator again portrayed “reformed” lobbyists as a threat to the republic."
    assert not any(q.content == "reformed" for q in quotes_of(text))


def test_a_definite_role_that_spoke_earlier_is_who_she_is_even_when_quotes_come_first() -> None:
    # "the ambassador said" is an unquoted statement, built after the quotes; its speaker must still count
    # before the later "she said" looks back for the latest speaker.
    text = (
        "Ambassador Maria Lopes arrived in Geneva on Monday. The city was cold. Delegations filled the hotels. "
        "Rain fell all week. Few roads were open. Trains ran late. Shops closed early. "
        "The talks had two aims, the ambassador said. “I was not sent here to lose,” she said."
    )
    assert speaker_of(quotes_of(text), "not sent here to lose") == "Maria Lopes"


def test_it_never_refers_to_a_group_of_people() -> None:
    text = "Several nurses said the ward was unsafe. It said that staff were leaving."
    assert speaker_of(quotes_of(text), "staff were leaving") != "Several nurses"


def test_they_never_refers_to_a_person_whose_surname_the_ner_labelled_an_organisation() -> None:
    import spacy
    from spacy.tokens import Doc

    from storyline.analyze.quotes import CueLexicon
    from storyline.analyze.speakers import SpeakerResolver

    # "Chris Christie spoke. Christie left. They said.": the small model often tags a bare surname ORG.
    words = ["Chris", "Christie", "spoke", ".", "Christie", "left", ".", "They", "said", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * len(words),
        heads=[1, 2, 2, 2, 5, 5, 5, 8, 8, 8],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "O", "O", "O"],
    )
    speaker = SpeakerResolver(doc, CueLexicon.load().speakers).speaker(doc[7])
    assert speaker is not None and speaker.name == "They"
