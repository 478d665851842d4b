"""Speaker roles and definite descriptions: a title is only the words of the name's own noun phrase,
a second description in one sentence is a second person, and "the man" is the unnamed person just
brought in. Sentences of our own."""

from __future__ import annotations

from typing import Any

from storyline.model import Quote


def quotes_of(text: str) -> list[Quote]:
    from storyline.analyze.pipeline import get_pipeline, make_doc
    from storyline.model import Document

    nlp = get_pipeline()
    doc: Any = nlp(make_doc(nlp, Document(id="t", text=text, published="2024-03-04")))
    quotes: list[Quote] = doc._.quotes
    return quotes


def _by_content(quotes: list[Quote], words: str) -> Quote:
    return min((q for q in quotes if words in q.content), key=lambda q: len(q.content))


def _parsed(rows: list[tuple[str, int, str, str]]) -> Any:
    """A document parsed by hand: (word, head index, dependency, entity IOB tag) per word."""
    import spacy
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * len(words),
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        ents=[r[3] for r in rows],
    )


def test_a_title_is_not_taken_from_another_clause() -> None:
    from storyline.analyze.quotes import CueLexicon
    from storyline.analyze.speakers import SpeakerResolver

    # "There's no missing the mayor's new rival : Tom Harlan ." with the clause hung on the name,
    # as the small parser does when the name is the last phrase of a sentence.
    doc = _parsed(
        [
            ("There", 1, "expl", "O"),
            ("'s", 10, "ccomp", "O"),
            ("no", 3, "det", "O"),
            ("missing", 7, "amod", "O"),
            ("the", 5, "det", "O"),
            ("mayor", 7, "poss", "O"),
            ("new", 7, "amod", "O"),
            ("rival", 1, "attr", "O"),
            (":", 10, "punct", "O"),
            ("Tom", 10, "compound", "B-PERSON"),
            ("Harlan", 10, "ROOT", "I-PERSON"),
            (".", 10, "punct", "O"),
        ]
    )
    resolver = SpeakerResolver(doc, CueLexicon.load().speakers)
    role, _org, span = resolver._description(doc[10])
    assert role is None
    assert span is not None and doc.text[span[0] : span[1]] == "Tom Harlan"


def test_a_title_keeps_its_former() -> None:
    from storyline.analyze.quotes import CueLexicon
    from storyline.analyze.speakers import SpeakerResolver

    doc = _parsed(
        [
            ("former", 2, "amod", "O"),
            ("trade", 2, "compound", "O"),
            ("envoy", 4, "compound", "O"),
            ("Tom", 4, "compound", "B-PERSON"),
            ("Harlan", 5, "nsubj", "I-PERSON"),
            ("said", 5, "ROOT", "O"),
        ]
    )
    resolver = SpeakerResolver(doc, CueLexicon.load().speakers)
    role, _org, span = resolver._description(doc[4])
    assert role == "former trade envoy"
    assert span is not None and doc.text[span[0] : span[1]] == "former trade envoy Tom Harlan"


def test_a_title_before_a_name_is_kept_as_the_role() -> None:
    text = "Agency spokesman Ronald Pettigrew said “we will not comment.”"
    q = _by_content(quotes_of(text), "will not comment")
    assert q.speaker is not None and q.speaker.role == "spokesman"


def test_a_second_description_in_one_sentence_is_another_person() -> None:
    text = (
        "Prime Minister Anna Varga will visit Berlin. “We are partners,” Varga said. "
        "Aides said the prime minister's trip was planned in May, long before the billionaire developer "
        "called for closing the border."
    )
    q = _by_content(quotes_of(text), "closing the border")
    assert q.speaker is not None and "Varga" not in q.speaker.name


def test_the_man_is_the_unnamed_person_just_brought_in() -> None:
    text = (
        "Senator Paul Hendricks spoke to supporters in a gym in Des Moines. "
        "A man in the bleachers stood up and waved a flag. “Build the road!” the man shouted. "
        "“We will,” Hendricks said."
    )
    quotes = quotes_of(text)
    shout = _by_content(quotes, "Build the road")
    assert shout.speaker is not None and "Hendricks" not in shout.speaker.name
    assert "man" in shout.speaker.name
    reply = _by_content(quotes, "We will")
    assert reply.speaker is not None and "Hendricks" in reply.speaker.name


def test_the_woman_skips_an_unnamed_man() -> None:
    text = (
        "Governor Ruth Calloway took questions at the library. A man near the door asked about taxes, "
        "then a protester stood up. “Shame on you!” the woman yelled."
    )
    q = _by_content(quotes_of(text), "Shame on you")
    assert q.speaker is not None and q.speaker.name == "a protester"


def test_a_named_person_is_still_the_man_when_no_one_unnamed_came_in() -> None:
    text = "Mark Denholm, 52, said he was innocent. “I was at home,” the man told reporters."
    q = _by_content(quotes_of(text), "at home")
    assert q.speaker is not None and q.speaker.name == "Mark Denholm"


def test_a_title_inside_the_name_entity_is_the_role() -> None:
    text = "Estonian Foreign Minister Kadri Tamm said “the border stays open.”"
    q = _by_content(quotes_of(text), "border stays open")
    assert q.speaker is not None and q.speaker.name == "Kadri Tamm"
    assert q.speaker.role is not None and q.speaker.role.endswith("Minister")


def test_a_title_with_an_of_phrase_keeps_its_head() -> None:
    text = "Former Secretary of State Janet Orr said “we were warned.”"
    q = _by_content(quotes_of(text), "we were warned")
    assert q.speaker is not None and q.speaker.role == "Former Secretary of State"


def test_ex_stays_on_a_description() -> None:
    text = "“We never got an answer,” the ex-ambassador said."
    q = _by_content(quotes_of(text), "never got an answer")
    assert q.speaker is not None and (q.speaker.mention or "").startswith("ex-")


def test_a_name_in_apposition_takes_the_description_before_it() -> None:
    text = "The former trade envoy, Tom Harlan, said “the deal is dead.”"
    q = _by_content(quotes_of(text), "deal is dead")
    assert q.speaker is not None and q.speaker.name == "Tom Harlan"
    assert q.speaker.role == "former trade envoy"


def test_another_given_name_is_another_person_even_when_the_ner_mislabels_it() -> None:
    text = (
        "Libyan leader Omar Mukhtar was looking for a deal. "
        '"The situation is very dangerous," Salim Mukhtar said in an interview.'
    )
    q = _by_content(quotes_of(text), "situation is very dangerous")
    assert q.speaker is not None and q.speaker.name == "Salim Mukhtar"


def test_one_of_a_group_with_a_name_in_apposition_is_that_name() -> None:
    text = "Ali Kemal ran the firm for years. One of Kemal's daughters, Leyla, said the firm would close."
    q = _by_content(quotes_of(text), "firm would close")
    assert q.speaker is not None and q.speaker.name == "Leyla"


def test_a_local_title_is_no_part_of_the_name() -> None:
    text = 'Assemblywoman Rosa Delgado said "the budget is late." "We will vote," Delgado said.'
    quotes = quotes_of(text)
    for words in ("budget is late", "We will vote"):
        q = _by_content(quotes, words)
        assert q.speaker is not None and q.speaker.name == "Rosa Delgado"


def test_they_is_not_a_singular_institution_noun() -> None:
    text = (
        "Many lawmakers, aides said, had expected the party to split quickly. "
        "They said the anger felt by voters would grow."
    )
    q = _by_content(quotes_of(text), "anger felt by voters")
    assert q.speaker is not None and q.speaker.name == "aides"


def test_it_still_takes_a_singular_institution_noun() -> None:
    text = "The senator's campaign backtracked on Monday, putting out a statement. The plan, it said, was never final."
    q = _by_content(quotes_of(text), "was never final")
    assert q.speaker is not None and "campaign" in q.speaker.name


def test_a_demonstrative_is_no_speaker() -> None:
    text = "All this and more in his long record indicate that the governor is not serious about reform."
    for q in quotes_of(text):
        assert q.speaker is None or q.speaker.name.lower() != "this"


def test_they_takes_a_plural_of_people_that_was_a_subject() -> None:
    text = (
        "Over the summer, Peruvian officials held town meetings across the country and met farm groups. "
        "The meetings, they said, showed deep anger over water prices."
    )
    q = _by_content(quotes_of(text), "deep anger")
    assert q.speaker is not None and "officials" in q.speaker.name


def test_they_takes_a_singular_institution_noun_of_its_own_sentence() -> None:
    text = "The mayor's campaign is trying to contrast her plan with what they call the governor's “empty promises.”"
    q = _by_content(quotes_of(text), "empty promises")
    assert q.speaker is not None and "campaign" in q.speaker.name


def test_those_who_is_a_group_that_speaks() -> None:
    text = "Those who said schools were their top issue split about evenly between the two mayors."
    q = _by_content(quotes_of(text), "schools were their top issue")
    assert q.speaker is not None and q.speaker.name.lower().startswith("those")


def test_those_close_to_him_speak() -> None:
    text = "Those close to him say that he would have to consider a former mayor for the post."
    q = _by_content(quotes_of(text), "consider a former mayor")
    assert q.speaker is not None and q.speaker.name.lower().startswith("those")
