"""Empathy in the everyday ways learners write it, each beside a look-alike that is not empathy."""

from __future__ import annotations

import pytest

from .variants import judge

CUSTOMER = "I'm a pensioner and £120 is a lot of money to me. I've been without heating all week."

CASES = [
    pytest.param("I know money's tight, and I'm going to sort this today.", True, id="I know money's tight"),
    pytest.param("A week without heating isn't easy for you at all.", True, id="isn't easy for you"),
    pytest.param("That's a really difficult situation to be in.", True, id="names the situation"),
    pytest.param("Completely understand wanting it fixed today.", True, id="subjectless understand"),
    pytest.param("£120 is a big chunk of a pension, I know.", True, id="a big chunk"),
    pytest.param("I get it, but policy is policy.", False, id="get it, but policy"),
    pytest.param("I know it's a repair job for the engineer.", False, id="know, no feeling"),
    pytest.param("Oh I'm sure it's been such a nightmare.", False, id="sarcastic"),
    pytest.param("No wonder you're fed up after a week without heating.", True, id="no wonder"),
    pytest.param("That's a lot to be dealing with on a pension.", True, id="a lot to deal with"),
    pytest.param("I can see you're worried. Unfortunately we only do repairs.", False, id="cancelled by a refusal"),
    pytest.param("I appreciate you telling me about the heating.", False, id="thanks, not empathy"),
    pytest.param("A week of that would wear anyone down.", True, id="would wear anyone down"),
    pytest.param("Honestly, I'd want my money back too.", True, id="I'd want it too"),
    pytest.param("I'm so sorry for your loss.", True, id="condolences"),
    pytest.param("I get that, but the process is clear: it has to go to the repairer.", False, id="process wall"),
    pytest.param("You've been through the wringer with this kettle.", True, id="through the wringer"),
    pytest.param("You sound shattered, and you're right to be angry.", True, id="you sound shattered"),
    pytest.param("That's brutal after a week without heating.", True, id="that's brutal"),
]


@pytest.mark.parametrize(("reply", "met"), CASES)
def test_empathy_phrasings(reply: str, met: bool) -> None:
    result = judge(reply, None, CUSTOMER).results["empathise"]
    assert (result.verdict == "met") is met, f"{result.verdict} for {reply!r}: {result.evidence}"
