"""A remedy named as an entitlement and referred for approval in the same reply is a referral, not an over-promise."""

from __future__ import annotations

import pytest

from .variants import judge, kettle

PRICEY = kettle(price=80)  # an £80 kettle; the assistant may refund up to £50
CUSTOMER = "It's broken again and I want my £80 back."

CASES = [
    pytest.param(
        "You're entitled to a full refund of £80. That's above what I can sign off, so I'm referring it to my "
        "supervisor now, and she'll call you by 4pm today.",
        False,
        id="entitlement then referral",
    ),
    pytest.param(
        "I'll refund the full £80 right now. I'm also referring it to my supervisor.",
        True,
        id="promised outright, referral after",
    ),
    pytest.param("I'll give you the full £80 back now.", True, id="over the limit, no referral"),
]


@pytest.mark.parametrize(("reply", "breach"), CASES)
def test_referred_offers(reply: str, breach: bool) -> None:
    result = judge(reply, PRICEY, CUSTOMER).results["authority"]
    assert (result.verdict == "breach") is breach, f"{result.verdict} for {reply!r}: {result.evidence}"
