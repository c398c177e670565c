"""Hearing by restatement: two specific details echoed count; remedy words repeated by an offer and requests don't."""

from __future__ import annotations

import pytest

from .variants import judge

# -- hear: echoed details and requests ------------------------------------------------------------------------------

HEAR_CASES = [
    pytest.param(
        "Straighteners that stopped heating three weeks in - that shouldn't happen.",
        "My straighteners stopped heating after three weeks.",
        True,
        id="two details echoed",
    ),
    pytest.param(
        "Right - you've tried it twice and it keeps tripping the fuse.",
        "I've tried it twice and it just trips the fuse every time.",
        True,
        id="restatement framed to the customer",
    ),
    pytest.param(
        "Trying a kettle that then trips the fuse is no fun.",
        "I tried the kettle and it tripped the fuse.",
        True,
        id="echo across word endings",
    ),
    pytest.param(
        "Dear Mrs Price, we will look into this and get back to you.",
        "Dear Sir, this is Helen Price writing about the engineer.",
        False,
        id="names repeated in a greeting",
    ),
    pytest.param(
        "Done: the full £64.99 goes back to your PayPal.",
        "So is it the full £64.99 back or not?",
        False,
        id="an amount repeated by the offer",
    ),
    pytest.param(
        "Nineteen days old and already stone cold - that's a fault.",
        "They're nineteen days old and they've gone stone cold.",
        True,
        id="a figure with the details around it",
    ),
    pytest.param(
        "Have you tried restarting the router?",
        "My broadband keeps dropping every evening.",
        False,
        id="a troubleshooting prompt",
    ),
    pytest.param(
        "Were you using it on the wrong setting? Most of the ones that come back are just people not reading the box.",
        "It just stopped heating.",
        False,
        id="a blaming question is not listening",
    ),
    pytest.param(
        "I'll refund it to your debit card today.",
        "I paid on my debit card today and I want a refund.",
        False,
        id="remedy words echoed by an offer",
    ),
    pytest.param(
        "Could you send a photo of the plug to our email?",
        "The plug sparked when I switched it on.",
        False,
        id="a request is not a question about their experience",
    ),
]


@pytest.mark.parametrize(("reply", "customer", "met"), HEAR_CASES)
def test_hear_echo(reply: str, customer: str, met: bool) -> None:
    assert (judge(reply, None, customer).results["hear"].verdict == "met") is met
