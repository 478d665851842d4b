"""False alarms found by reading the conflicts flagged on unannotated news: each rule that removes one,
on sentences of our own, with a control that the rule leaves the real conflict in place.

The quotes are given by hand (speaker, cue, content), so that these tests exercise the conflict logic
and not the quote extractor; the model still parses the text."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from storyline.analyze.claims import claims_of_span, is_question, load_lexicon, quote_span
from storyline.analyze.conflicts import compare, past_tense
from storyline.model import Claim, Cue, Quote, Speaker

LEX = load_lexicon()


def _quote(text: str, qid: str, content: str, who: str, cue: str, *, after: int = 0) -> Quote:
    start = text.index(content, after)
    end = start + len(content)
    cue_at = text.find(cue, end)
    if cue_at < 0 or cue_at - end > 40:  # the cue is before the words ("X denied the claims")
        cue_at = text.rindex(cue, 0, start)
    name_at = text.find(who.split()[-1])
    return Quote(id=qid, kind="indirect", start=start, end=end, content=content,
                 speaker=Speaker(name=who, start=name_at if name_at >= 0 else None,
                                 end=name_at + len(who.split()[-1]) if name_at >= 0 else None),
                 cue=Cue(cue, cue_at, cue_at + len(cue)), said_on="2024-05-02")


def _pairs(text: str, quotes: list[Quote]) -> set[tuple[str, str, str]]:
    from storyline.analyze.pipeline import COMPONENTS, get_pipeline

    nlp = get_pipeline()
    doc = nlp.make_doc(text)
    doc._.published = "2024-05-02"
    doc = nlp(doc, disable=list(COMPONENTS))
    doc._.quotes = quotes
    doc = nlp.get_pipe("storyline_conflicts")(doc)
    return {(c.kind, c.a, c.b) for c in doc._.conflicts}


def _claims(text: str, content: str) -> list[Claim]:
    from storyline.analyze.pipeline import COMPONENTS, get_pipeline

    nlp = get_pipeline()
    doc = nlp(nlp.make_doc(text), disable=list(COMPONENTS))
    quote = _quote(text, "q1", content, "Ann Cole", "said")
    span = quote_span(doc, quote)
    assert span is not None
    return claims_of_span(doc, span, quote, LEX)


def claim(**kw: Any) -> Claim:
    base: dict[str, Any] = dict(id="c", quote="q1", start=0, end=1, text="…", predicate="do", pclass="do",
                                subject="Reed", subject_key="reed", object="it", object_key=None,
                                speaker="A", speaker_key="a", said_on="2024-05-02")
    base.update(kw)
    return Claim(**base)


def test_a_question_asserts_nothing() -> None:
    assert is_question("Why would the mayor need the money?")
    assert is_question("“Who built it?”")
    assert not is_question("Why? Because the mayor needed the money.")


@pytest.mark.model
def test_a_question_has_no_frame_and_denies_nothing() -> None:
    assert _claims("“Why would anyone deny that the mayor took the money?” Ann Cole said.",
                   "Why would anyone deny that the mayor took the money?") == []
    assert _claims("“The mayor took the money,” Ann Cole said.", "The mayor took the money")


@pytest.mark.model
def test_a_denial_phrase_with_a_subject_of_its_own_states_a_fact_about_it() -> None:
    own = _claims("“The promised recovery of the steel towns never happened,” Ann Cole said.",
                  "The promised recovery of the steel towns never happened")
    assert not any(c.kind == "meta" and c.stance == "deny" for c in own)
    for words in ("That never happened", "The story is not true", "It is simply not true", "The charges are false"):
        back = _claims(f"“{words},” Ann Cole said.", words)
        assert any(c.kind == "meta" and c.stance == "deny" for c in back), words


@pytest.mark.model
def test_a_bare_denial_phrase_with_its_own_subject_contradicts_no_earlier_statement() -> None:
    text = ("“The new plant will bring thousands of jobs to the valley,” Governor Tom Reed said.\n\n"
            "Economists at the university studied the towns. “The promised boom never happened,” Ann Cole said.")
    quotes = [_quote(text, "q1", "The new plant will bring thousands of jobs to the valley", "Tom Reed", "said"),
              _quote(text, "q2", "The promised boom never happened", "Ann Cole", "said")]
    assert _pairs(text, quotes) == set()
    control = text.replace("The promised boom never happened", "That never happened")
    quotes[1] = _quote(control, "q2", "That never happened", "Ann Cole", "said")
    quotes[0] = _quote(control, "q1", quotes[0].content, "Tom Reed", "said")
    assert {(a, b) for _, a, b in _pairs(control, quotes)} == {("q1", "q2")}


@pytest.mark.model
def test_the_complement_of_a_negated_or_modal_verb_of_saying_is_not_asserted() -> None:
    for words in ("I'm not going to tell you the mayor didn't build the bridge",
                  "I never said the mayor built the bridge",
                  "I don't think the mayor built the bridge"):
        frames = [c for c in _claims(f"“{words},” Ann Cole said.", words) if c.predicate == "build"]
        assert frames and all(c.modality is not None for c in frames), words
    plain = [c for c in _claims("“The mayor didn't build the bridge,” Ann Cole said.", "The mayor didn't build the "
                                "bridge") if c.predicate == "build"]
    assert plain and plain[0].modality is None and plain[0].negated


@pytest.mark.model
def test_hard_negative_did_it_is_not_a_named_object_and_not_telling_is_not_denying() -> None:
    text = ("“The mayor built the bridge,” Tom Reed said. “I'm not going to tell you the mayor didn't build the "
            "bridge, but the town paid for it,” Ann Cole said.")
    quotes = [_quote(text, "q1", "The mayor built the bridge", "Tom Reed", "said"),
              _quote(text, "q2", "I'm not going to tell you the mayor didn't build the bridge, but the town paid for "
                                 "it", "Ann Cole", "said")]
    assert _pairs(text, quotes) == set()
    control = text.replace("I'm not going to tell you the mayor didn't build the bridge, but the town paid for it",
                           "The mayor didn't build the bridge")
    quotes = [_quote(control, "q1", "The mayor built the bridge", "Tom Reed", "said"),
              _quote(control, "q2", "The mayor didn't build the bridge", "Ann Cole", "said")]
    assert {(a, b) for _, a, b in _pairs(control, quotes)} == {("q1", "q2")}


def test_an_it_object_does_not_stand_in_for_a_named_one() -> None:
    did_it = claim()
    no_good = claim(quote="q2", object="good things", object_key="~thing", negated=True, speaker="B", speaker_key="b")
    assert compare(did_it, no_good, LEX) is None
    yanked_her = claim(predicate="yank", pclass="touch", object="her")
    never_touched = claim(quote="q2", predicate="touch", pclass="touch", object="the reporter", object_key="~reporter",
                          negated=True, speaker="B", speaker_key="b")
    assert compare(yanked_her, never_touched, LEX) is not None


@pytest.mark.model
def test_hard_negative_a_revision_cue_that_reports_the_next_statement_is_not_this_ones() -> None:
    text = ("“The budget is balanced,” Governor Tom Reed said on Monday.\n\n"
            "“The plan is the best one we have,” the governor said, before clarifying that the plan still needed "
            "more money.")
    quotes = [_quote(text, "q1", "The budget is balanced", "Tom Reed", "said"),
              _quote(text, "q2", "The plan is the best one we have", "Tom Reed", "said"),
              _quote(text, "q3", "the plan still needed more money", "Tom Reed", "clarifying")]
    pairs = _pairs(text, quotes)
    assert not any(b == "q2" for _, _, b in pairs)  # "clarifying" reports q3, not q2
    assert ("correction", "q2", "q3") in pairs


@pytest.mark.model
def test_hard_negative_a_walk_back_by_another_party_is_not_the_speakers() -> None:
    text = ("“The plant will stay open,” Tom Reed said in March.\n\n"
            "“The budget is a mess,” Ann Cole said on Monday. Ann Cole attacked Reed, saying that the plant will "
            "close, and reminded voters of comments Reed made and later walked back.")
    quotes = [_quote(text, "q1", "The plant will stay open", "Tom Reed", "said"),
              _quote(text, "q2", "The budget is a mess", "Ann Cole", "said"),
              _quote(text, "q3", "the plant will close", "Ann Cole", "saying")]
    assert not any(k == "correction" for k, _, _ in _pairs(text, quotes))
    control = text.replace("Ann Cole attacked Reed, saying that the plant will close, and reminded voters of comments "
                           "Reed made and later walked back.",
                           "Cole later walked back her comments, saying that the plant will close.")
    quotes = [_quote(control, "q1", "The plant will stay open", "Tom Reed", "said"),
              _quote(control, "q2", "The budget is a mess", "Ann Cole", "said"),
              _quote(control, "q3", "the plant will close", "Ann Cole", "saying")]
    assert ("correction", "q2", "q3") in _pairs(control, quotes)


@pytest.mark.model
def test_hard_negative_a_critic_saying_someone_else_misspoke_revises_nothing_of_theirs() -> None:
    text = "Jim Hale said the senator's plan was careless. Reed “kind of misspoke. The plan should wait,” Hale said."
    quotes = [_quote(text, "q1", "the senator's plan was careless", "Jim Hale", "said"),
              _quote(text, "q2", "kind of misspoke. The plan should wait", "Jim Hale", "said")]
    assert _pairs(text, quotes) == set()
    control = "Jim Hale said the senator's plan was careless. “I kind of misspoke. The plan is fine,” Hale said."
    quotes = [_quote(control, "q1", "the senator's plan was careless", "Jim Hale", "said"),
              _quote(control, "q2", "I kind of misspoke. The plan is fine", "Jim Hale", "said")]
    assert ("correction", "q1", "q2") in _pairs(control, quotes)


@pytest.mark.model
def test_hard_negative_denying_something_about_oneself_answers_only_what_was_said_about_one() -> None:
    text = ("“The party needs a new leader in the Senate,” Ann Cole said. Tom Reed, who once hoped to lead the "
            "party, has denied that he would seriously consider it.")
    quotes = [_quote(text, "q1", "The party needs a new leader in the Senate", "Ann Cole", "said"),
              _quote(text, "q2", "he would seriously consider it", "Tom Reed", "denied")]
    assert _pairs(text, quotes) == set()
    control = ("“Reed met party leaders to plan a run for the Senate,” Ann Cole said. Tom Reed, who once hoped to "
               "lead the party, has denied that he would seriously consider it.")
    quotes = [_quote(control, "q1", "Reed met party leaders to plan a run for the Senate", "Ann Cole", "said"),
              _quote(control, "q2", "he would seriously consider it", "Tom Reed", "denied")]
    assert {(a, b) for _, a, b in _pairs(control, quotes)} == {("q1", "q2")}


@pytest.mark.model
def test_denying_the_claims_answers_the_accusation_not_a_statement_reported_inside_it() -> None:
    text = ("Two lawsuits have alleged that the company cheated its customers, who were told they would get full "
            "refunds. The company denied the fraud claims.")
    outer = "the company cheated its customers, who were told they would get full refunds"

    def quotes(t: str, denied: str) -> list[Quote]:
        return [_quote(t, "q1", outer, "Two lawsuits", "alleged"),
                _quote(t, "q2", "they would get full refunds", "customers", "told"),
                _quote(t, "q3", denied, "company", "denied")]

    assert _pairs(text, quotes(text, "the fraud claims")) == {("dispute", "q1", "q3")}
    # control: a denial that names no accusation goes to the nearest assertion before it
    other = text.replace("the fraud claims", "the report")
    assert {(a, b) for _, a, b in _pairs(other, quotes(other, "the report"))} == {("q2", "q3")}


def test_past_participles_of_mean_and_spend() -> None:
    assert past_tense("mean") == "meant" and past_tense("spend") == "spent"


@pytest.mark.model
def test_hard_negative_not_disputing_is_conceding() -> None:
    text = ("Two former aides said Tom Reed quietly advises the chairman on the budget. But Reed did not dispute "
            "that he advises the chairman on the budget.")
    quotes = [_quote(text, "q1", "Tom Reed quietly advises the chairman on the budget", "aides", "said"),
              _quote(text, "q2", "he advises the chairman on the budget", "Tom Reed", "dispute")]
    assert _pairs(text, quotes) == set()
    control = text.replace("did not dispute", "disputed")
    quotes = [_quote(control, "q1", "Tom Reed quietly advises the chairman on the budget", "aides", "said"),
              _quote(control, "q2", "he advises the chairman on the budget", "Tom Reed", "disputed")]
    assert {(a, b) for _, a, b in _pairs(control, quotes)} == {("q1", "q2")}


@pytest.mark.model
def test_denying_the_charges_is_a_dispute_over_an_accusation() -> None:
    for denied, kind in (("the charges", "dispute"), ("the report", "contradiction")):
        text = f"“Reed kept the donations for himself,” said Ann Cole, a former aide. Tom Reed denied {denied}."
        quotes = [_quote(text, "q1", "Reed kept the donations for himself", "Ann Cole", "said"),
                  _quote(text, "q2", denied, "Tom Reed", "denied")]
        assert _pairs(text, quotes) == {(kind, "q1", "q2")}, denied


@pytest.mark.model
def test_a_walk_back_reported_as_taking_the_comments_marks_what_follows_as_the_revision() -> None:
    text = ("“The plant will close in May,” Tom Reed said on Monday.\n\n"
            "Reed later walked back the comments, saying that the plant would stay open.")
    quotes = [_quote(text, "q1", "The plant will close in May", "Tom Reed", "said"),
              _quote(text, "q2", "the comments", "Tom Reed", "walked back"),
              _quote(text, "q3", "the plant would stay open", "Tom Reed", "saying")]
    assert ("correction", "q1", "q3") in _pairs(text, quotes)


def test_two_unasserted_clauses_are_never_compared() -> None:
    never_said = claim(predicate="lie", pclass="lie", object=None, modality="unasserted")
    wont_say = claim(quote="q2", predicate="lie", pclass="lie", object=None, modality="unasserted", negated=True,
                     speaker="B", speaker_key="b")
    assert compare(never_said, wont_say, LEX) is None
    assert compare(dataclasses.replace(never_said, modality="would"), dataclasses.replace(wont_say, modality="would"),
                   LEX) is not None
