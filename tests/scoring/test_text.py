"""Reading a reply: normalisation, evidence in the learner's own characters, questions, and determinism."""

from __future__ import annotations

import pytest

from scenarios import CompiledScenario, compile_scenario
from scoring import CRITERIA, classify_question, normalise

from .variants import evidence_maps, judge, kettle, kettle_text, rules_fired

KETTLE = kettle()
SALE = kettle(sale_item=True, price=45)

# -- normalisation: lower case, straight quotes, British spelling, text-speak expanded -----------------------------

NORMALISED = [
    pytest.param("I apologize for the delay.", "apologise", id="US spelling"),
    pytest.param("I recognize that's annoying.", "recognise", id="recognize"),
    pytest.param("Sorry u had to wait.", "you had to wait", id="u"),
    pytest.param("Can u tell me what happened?", "can you tell me", id="u in a question"),
    pytest.param("I’m sorry", "i'm sorry", id="curly apostrophe"),
    pytest.param("The sign says ‘no refunds’.", "'no refunds'", id="curly single quotes"),
    pytest.param("The sign says “no refunds”.", '"no refunds"', id="curly double quotes"),
    pytest.param("CALM DOWN", "calm down", id="lower case"),
]


@pytest.mark.parametrize(("text", "contains"), NORMALISED)
def test_normalise(text: str, contains: str) -> None:
    norm, starts, ends = normalise(text)
    assert contains in norm
    assert len(starts) == len(ends) == len(norm)
    assert all(0 <= start <= end <= len(text) for start, end in zip(starts, ends, strict=True))
    assert starts == sorted(starts)


def test_normalise_leaves_words_that_merely_contain_u_alone() -> None:
    norm, _, _ = normalise("Our unit is under guarantee.")
    assert norm == "our unit is under guarantee."


SAME_VERDICT = [
    pytest.param("I apologize for the delay with your kettle.", "apologise", "met", id="apologize"),
    pytest.param("I'm so sorry u had to come back in about this.", "apologise", "met", id="sorry u"),
    pytest.param("Can u tell me what happened when you switched it on?", "hear", "met", id="can u tell me"),
    pytest.param("I’ll process the refund now.", "own", "met", id="curly I’ll"),
    pytest.param("CALM DOWN.", "professional", "breach", id="shouted calm down"),
    pytest.param("I can see why you’re angry.", "empathise", "met", id="curly you’re"),
]


@pytest.mark.parametrize(("reply", "criterion", "verdict"), SAME_VERDICT)
def test_normalised_variants_are_judged_like_the_plain_text(reply: str, criterion: str, verdict: str) -> None:
    result = judge(reply, KETTLE).results[criterion]
    assert result.verdict == verdict
    assert evidence_maps(reply, result) == []


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param("The sign says ‘no refunds on sale items’, but that doesn’t apply to faulty goods.", id="‘’"),
        pytest.param("The sign says “no refunds on sale items”, but that doesn’t apply to faulty goods.", id="“”"),
    ],
)
def test_curly_quotes_still_mark_quoted_speech(reply: str) -> None:
    assert "R10" not in rules_fired(judge(reply, SALE))


# -- evidence: spans map back to the learner's own characters ------------------------------------------------------

# (reply, scenario, criterion, words the evidence must include, as typed)
EVIDENCE = [
    pytest.param("I’m so sorry u had to wait 😞 I’ll refund the £25 now.", KETTLE, "apologise", "sorry", id="apol"),
    pytest.param("I’m so sorry u had to wait 😞 I’ll refund the £25 now.", KETTLE, "own", "refund", id="own emoji"),
    pytest.param("Pls  CALM DOWN, I'm trying to help.", KETTLE, "professional", "CALM DOWN", id="calm down caps"),
    pytest.param("I apologize, that’s not good enough at all.", KETTLE, "apologise", "apologize", id="apologize"),
    pytest.param("Can u tell me what happened?", KETTLE, "hear", "tell me", id="hear text-speak"),
    pytest.param(
        "That must be SO frustrating.\nI can see why you’re angry.", KETTLE, "empathise", "frustrating", id="emp"
    ),
    pytest.param("Hi!! 😀 No refunds on sale items, sorry.", SALE, "legal", "refunds on sale items", id="legal"),
    pytest.param("Right… I can give you a £75 refund.", KETTLE, "authority", "75", id="authority ellipsis"),
    pytest.param("Honestly?? You must have dropped it.", KETTLE, "professional", "must have dropped", id="blame"),
]


@pytest.mark.parametrize(("reply", "scenario", "criterion", "words"), EVIDENCE)
def test_evidence_maps_to_the_original_characters(
    reply: str, scenario: CompiledScenario, criterion: str, words: str
) -> None:
    assessment = judge(reply, scenario)
    for name in CRITERIA:
        assert evidence_maps(reply, assessment.results[name]) == [], name
    shown = [item.text for item in assessment.results[criterion].evidence]
    assert any(words in text for text in shown), shown


# -- questions: open, closed, rhetorical, or not a question --------------------------------------------------------

QUESTIONS = [
    pytest.param("What happened when you switched it on?", "open", id="what happened"),
    pytest.param("How can I help?", "open", id="how can I help"),
    pytest.param("Why did it stop working, do you think?", "open", id="non-blaming why"),
    pytest.param("Can you talk me through what happened?", "open", id="talk me through"),
    pytest.param("Is it still under guarantee?", "closed", id="is it"),
    pytest.param("Did you buy it in store?", "closed", id="did you"),
    pytest.param("Do you have the receipt?", "closed", id="do you have"),
    pytest.param("Why didn't you read the terms?", "rhetorical", id="blaming why"),
    pytest.param("How hard can it be?", "rhetorical", id="how hard can it be"),
    pytest.param("Do you really expect a refund for that?", "rhetorical", id="really expect"),
    pytest.param("I'll refund you now.", None, id="a statement"),
]


@pytest.mark.parametrize(("sentence", "kind"), QUESTIONS)
def test_classify_question(sentence: str, kind: str | None) -> None:
    norm, _, _ = normalise(sentence)
    assert classify_question(norm) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("What happened when you switched it on?", id="open"),
        pytest.param("Is it still under guarantee?", id="closed"),
        pytest.param("Do you really expect a refund for that?", id="rhetorical"),
    ],
)
def test_classify_question_reads_the_sentence_as_typed(sentence: str) -> None:
    norm, _, _ = normalise(sentence)
    assert classify_question(sentence) == classify_question(norm)


@pytest.mark.parametrize(
    ("reply", "count"),
    [
        pytest.param("What happened? Did you buy it here?", 2, id="two real questions"),
        pytest.param("Why didn't you read the terms?", 0, id="rhetorical is not counted"),
        pytest.param("I'll refund you now.", 0, id="no questions"),
    ],
)
def test_questions_signal_counts_real_questions(reply: str, count: int) -> None:
    assert judge(reply, KETTLE).signals.questions == count


# -- determinism: the same input always gives the same output ------------------------------------------------------

REPLIES = [
    "I'm so sorry it stopped working. Can you tell me what happened? I'll refund the £25 now.",
    "Calm down. No refunds on sale items, and you must have dropped it.",
    "I can't authorise £200, so I'm referring it to my supervisor, who'll call you by 4pm.",
]


@pytest.mark.parametrize("reply", REPLIES)
def test_same_input_same_output(reply: str) -> None:
    first = judge(reply, SALE).as_dict()
    for other in REPLIES:
        judge(other, KETTLE)
    again = judge(reply, SALE).as_dict()
    rebuilt = judge(reply, compile_scenario(kettle_text(sale_item=True, price=45))).as_dict()
    assert first == again == rebuilt
