"""Offers and amounts (rule R28): sums of money however they are written, and offers judged against the limits.

The kettle scenario: a £25 kettle; the assistant may refund up to £50 and give a voucher up to £5.
"""

from __future__ import annotations

import pytest

from scenarios import CompiledScenario
from scoring import parse_amount

from .variants import judge, kettle

KETTLE = kettle()
DEAR = kettle(price=80, wants="{remedy: refund, amount: 80, accepts: [refund, replacement]}")
TIGHT = kettle(limits="{refund: 10, voucher: 5}")

AMOUNTS = [
    pytest.param("£45", 45.0, id="£45"),
    pytest.param("a refund of £1,200 today", 1200.0, id="thousands comma"),
    pytest.param("£4.99 delivery", 4.99, id="pence as decimals"),
    pytest.param("£10.50", 10.5, id="£10.50"),
    pytest.param("30 pounds", 30.0, id="digits + pounds"),
    pytest.param("fifty quid", 50.0, id="fifty quid"),
    pytest.param("a hundred quid", 100.0, id="a hundred quid"),
    pytest.param("seventy-five pounds", 75.0, id="hyphenated words"),
    pytest.param("twenty five pounds", 25.0, id="spaced words"),
    pytest.param("two hundred and fifty pounds", 250.0, id="hundred and fifty"),
    pytest.param("£1.2k", 1200.0, id="£1.2k"),
    pytest.param("£2k", 2000.0, id="£2k"),
    pytest.param("50p", 0.5, id="50p"),
    pytest.param("I'll call you back at 3pm", None, id="a time is not money"),
    pytest.param("your order number is 55812", None, id="an order number is not money"),
    pytest.param("I can take 15% off", None, id="a percentage is not a sum"),
    pytest.param("I'll sort it out for you", None, id="no amount"),
]


@pytest.mark.parametrize(("text", "pounds"), AMOUNTS)
def test_parse_amount(text: str, pounds: float | None) -> None:
    assert parse_amount(text) == (pytest.approx(pounds) if pounds is not None else None)


# (reply, scenario, kind, amount, full, within authority)
OFFERS = [
    pytest.param("I'll refund the £25 to your card now.", KETTLE, "refund", 25.0, False, True, id="refund £25"),
    pytest.param("I can give you a £5 voucher.", KETTLE, "voucher", 5.0, False, True, id="voucher at the limit"),
    pytest.param("I can give you a £20 voucher.", KETTLE, "voucher", 20.0, False, False, id="voucher over"),
    pytest.param("I'll refund you sixty quid.", KETTLE, "refund", 60.0, False, False, id="sixty quid over"),
    pytest.param("I'll give you a full refund.", KETTLE, "refund", None, True, True, id="full refund within"),
    pytest.param("I'll give you a full refund.", DEAR, "refund", None, True, False, id="full refund over"),
    pytest.param("I'll refund you £12.50 now.", KETTLE, "refund", 12.5, False, True, id="decimal amount"),
    pytest.param("I'll refund you £1,200.", KETTLE, "refund", 1200.0, False, False, id="thousands comma"),
    pytest.param("I can offer you a £1.2k refund.", KETTLE, "refund", 1200.0, False, False, id="£1.2k"),
    pytest.param("I'll refund 50% of the price.", TIGHT, "refund", 12.5, False, False, id="percentage over"),
    pytest.param("I can refund 20% of what you paid.", TIGHT, "refund", 5.0, False, True, id="percentage within"),
]


@pytest.mark.parametrize(("reply", "scenario", "kind", "amount", "full", "within"), OFFERS)
def test_offer_is_read_and_judged(
    reply: str, scenario: CompiledScenario, kind: str, amount: float | None, full: bool, within: bool
) -> None:
    offers = judge(reply, scenario).signals.offers
    assert len(offers) == 1, offers
    offer = offers[0]
    assert offer.kind == kind
    if amount is not None:
        assert offer.amount == pytest.approx(amount)
    assert offer.full is full
    assert offer.within_authority is within
    assert reply[offer.start : offer.end] == offer.text


NOT_OFFERS = [
    pytest.param("Can you tell me what happened?", id="a question"),
    pytest.param("I can't give you a refund of £100.", id="negated"),
    pytest.param("The sign says 'refunds of up to £100', but that was an old promotion.", id="quoted"),
    pytest.param("It cost £25, didn't it?", id="a price is not an offer"),
]


@pytest.mark.parametrize("reply", NOT_OFFERS)
def test_no_offer_is_made(reply: str) -> None:
    offers = judge(reply, KETTLE).signals.offers
    assert [offer for offer in offers if not offer.referred] == []


def test_a_referred_request_is_marked_referred_and_not_a_breach() -> None:
    reply = "I can't authorise £200 myself, so I'm referring it to my supervisor, who'll call you by 4pm today."
    assessment = judge(reply, KETTLE, "I want £200 for the hassle.")
    assert all(offer.referred for offer in assessment.signals.offers if offer.amount == 200)
    assert assessment.results["authority"].verdict != "breach"
    assert "R28" not in assessment.signals.breaches


def test_offer_spans_map_to_the_reply() -> None:
    reply = "I’ll refund u the £25 now, and I can add a £5 voucher too."
    offers = judge(reply, KETTLE).signals.offers
    assert offers
    for offer in offers:
        assert reply[offer.start : offer.end] == offer.text
