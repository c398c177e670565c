"""The checkable legal rules (domain-reference.md, R01-R45): each fires in its context, on words that break it.

Each table holds cases where the rule MUST fire and cases where it MUST NOT: a correct statement, the same words
quoted or reported ("the sign says ..."), the words negated, and the same words in a context the rule does not
cover (not faulty, past the deadline, bought in store, identity already verified...). A case only looks at its own
rule: another rule may fire on the same words. The facts are inline variants of the kettle scenario.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from scenarios import CompiledScenario

from .variants import evidence_maps, judge, kettle, rules_fired

FAULTY = kettle()  # £25 kettle, bought in store, faulty, 7 days since delivery, receipt kept
NOT_FAULTY = kettle(faulty=False)
DAY_30 = kettle(days_since_delivery=30)
DAY_31 = kettle(days_since_delivery=31)
DAY_45 = kettle(days_since_delivery=45)
OLD = kettle(days_since_delivery=400)
ONLINE = kettle(purchase_route="online")
SALE = kettle(sale_item=True, price=45)
SALE_DAY_45 = kettle(sale_item=True, price=45, days_since_delivery=45)
SALE_NOT_FAULTY = kettle(sale_item=True, price=45, faulty=False)
NO_RECEIPT = kettle(has_receipt=False, payment_method="debit-card")
NO_RECEIPT_NOT_FAULTY = kettle(has_receipt=False, payment_method="debit-card", faulty=False)
LOST = kettle(purchase_route="online", delivered=False, days_since_delivery=None, faulty=None)
DELIVERED_ONLINE = kettle(purchase_route="online", delivered=True)
DRESS = kettle(purchase_route="online", faulty=False, days_since_delivery=10, price=60, delivery_charge=4.99)
DRESS_DAY_14 = kettle(purchase_route="online", faulty=False, days_since_delivery=14, price=60, delivery_charge=4.99)
DRESS_DAY_20 = kettle(purchase_route="online", faulty=False, days_since_delivery=20, price=60, delivery_charge=4.99)
PHONE_ORDER = kettle(purchase_route="phone", faulty=False, days_since_delivery=5)
IN_STORE_CHANGE = kettle(faulty=False, days_since_delivery=10)
_SOFA = {
    "supply": "credit",
    "purchase_route": "online",
    "price": 1200,
    "payment_method": "credit-card",
    "trader_insolvent": True,
    "delivered": False,
    "days_since_delivery": None,
    "faulty": None,
}
SOFA = kettle(**_SOFA)  # the cardholder calls: the sofa was never delivered and the retailer is bust
SOFA_WIFE = kettle(**{**_SOFA, "caller": "third-party"})  # his wife calls about his card
ACCOUNT = kettle(purchase_route="online", identity_check_required=True)
HEARING = kettle(vulnerability=["hearing_loss", "age_78"])
_BROADBAND = {
    "sector": "telecoms",
    "supply": "service",
    "purchase_route": "phone",
    "days_since_delivery": None,
    "price": 35,
}
BROADBAND = kettle(**_BROADBAND, complaint_started=dt.date(2026, 4, 10), today=dt.date(2026, 5, 25))  # 6.4 weeks
BROADBAND_NEW = kettle(**_BROADBAND, complaint_started=dt.date(2026, 5, 20), today=dt.date(2026, 5, 25))  # 5 days


def check(rule: str, reply: str, scenario: CompiledScenario | None, fires: bool, customer: str, **ctx: Any) -> None:
    assessment = judge(reply, scenario, customer, **ctx)
    fired = rules_fired(assessment)
    assert (rule in fired) is fires, f"{rule} {'did not fire' if fires else 'fired'} on {reply!r}; fired: {fired}"
    legal = assessment.results["legal"]
    assert evidence_maps(reply, legal) == []
    if fires:
        assert legal.verdict == "breach"
        assert any(item.rule == rule for item in legal.evidence), f"no evidence cites {rule}"


# -- R01: 30-day right to reject (faulty, 30 days or fewer, wants money back) --------------------------------------

R01 = [
    pytest.param("We only do exchanges.", FAULTY, True, id="only exchanges"),
    pytest.param("We'll have to send it away for repair first.", FAULTY, True, id="repair first"),
    pytest.param("I can refund you less a usage charge.", FAULTY, True, id="usage charge"),
    pytest.param("We only do exchanges.", DAY_30, True, id="only exchanges on day 30"),
    pytest.param("Sorry, we don't give refunds, only replacements.", FAULTY, True, id="no refunds, replacements"),
    pytest.param(
        "It's within 30 days and it's faulty, so you're entitled to a full refund. I'll put it back on the card "
        "you used.",
        FAULTY,
        False,
        id="correct: full refund",
    ),
    pytest.param(
        "You can have your money back, or a repair or replacement if you'd rather. It's your choice.",
        FAULTY,
        False,
        id="correct: your choice",
    ),
    pytest.param(
        "The poster says 'we only do exchanges', but that doesn't apply to a faulty kettle, so I'll refund you.",
        FAULTY,
        False,
        id="quoted sign",
    ),
    pytest.param("I won't make you send it away for repair first; I'll refund you now.", FAULTY, False, id="negated"),
    pytest.param("We only do exchanges.", NOT_FAULTY, False, id="not faulty"),
    pytest.param("We only do exchanges.", DAY_31, False, id="day 31"),
    pytest.param("We'll have to send it away for repair first.", DAY_45, False, id="repair first on day 45"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R01)
def test_r01_short_term_right_to_reject(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R01", reply, scenario, fires, "It stopped working after a week. I want my money back.")


# -- R02: no forced credit note; refund by the original payment method ---------------------------------------------

R02 = [
    pytest.param("We only give store credit on returns.", FAULTY, True, id="store credit only"),
    pytest.param("Refunds are by gift card only.", FAULTY, True, id="gift card only"),
    pytest.param("I can only give you a credit note, not cash.", FAULTY, True, id="credit note only"),
    pytest.param("Sale returns are credit note only.", SALE, True, id="sale item credit note"),
    pytest.param("Without a receipt it has to be store credit.", NO_RECEIPT, True, id="no receipt store credit"),
    pytest.param(
        "The refund goes back to your debit card, unless you'd prefer something else.",
        FAULTY,
        False,
        id="correct: back to card",
    ),
    pytest.param(
        "You don't have to take a credit note; I'll put the money back on your card.", FAULTY, False, id="negated"
    ),
    pytest.param(
        "If you'd rather have store credit than the refund, I can do that instead.",
        FAULTY,
        False,
        id="credit as the customer's option",
    ),
    pytest.param(
        "The poster says 'store credit only', but that doesn't apply to faulty goods, so the refund goes back on "
        "your card.",
        FAULTY,
        False,
        id="quoted poster",
    ),
    pytest.param("We only give store credit on returns.", NOT_FAULTY, False, id="change of mind: no refund due"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R02)
def test_r02_no_forced_credit_note(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R02", reply, scenario, fires, "I want a refund, not a voucher.")


# -- R04: the retailer, not the manufacturer, is responsible (fault of any age) ------------------------------------

R04 = [
    pytest.param("You need to contact the manufacturer.", FAULTY, True, id="contact the manufacturer"),
    pytest.param("Manufacturer faults aren't our responsibility.", FAULTY, True, id="not our responsibility"),
    pytest.param("You'll have to take it up with the manufacturer.", DAY_45, True, id="day 45"),
    pytest.param("That's one for the manufacturer, not us.", OLD, True, id="400 days"),
    pytest.param("Ring the maker's helpline, it's their problem.", FAULTY, True, id="maker's problem"),
    pytest.param(
        "Your contract is with us, so we'll sort this out for you.", FAULTY, False, id="correct: contract with us"
    ),
    pytest.param(
        "You can use the manufacturer's guarantee if it's quicker, but you don't have to.",
        FAULTY,
        False,
        id="correct: optional guarantee",
    ),
    pytest.param("You don't need to contact the manufacturer; we'll deal with it.", FAULTY, False, id="negated"),
    pytest.param(
        "The leaflet in the box says 'contact the manufacturer', but your contract is with us, so I'll sort it out.",
        FAULTY,
        False,
        id="quoted leaflet",
    ),
    pytest.param("You need to contact the manufacturer.", NOT_FAULTY, False, id="no fault"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R04)
def test_r04_retailer_not_manufacturer(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R04", reply, scenario, fires, "It's stopped working. What are you going to do about it?")


# -- R10: sale items keep their rights (faulty item bought in a sale) ----------------------------------------------

R10 = [
    pytest.param("No refunds on sale items.", SALE, True, id="no refunds on sale items"),
    pytest.param("Sale goods are sold as seen.", SALE, True, id="sold as seen"),
    pytest.param("Because it was in the sale, we can't refund it.", SALE, True, id="because it was in the sale"),
    pytest.param("Sale items can't be returned.", SALE_DAY_45, True, id="day 45 still has rights"),
    pytest.param("Sale items are non-returnable, I'm afraid.", SALE, True, id="non-returnable"),
    pytest.param(
        "Being in the sale doesn't change your rights if it's faulty. The only exception is a fault we pointed "
        "out when you bought it.",
        SALE,
        False,
        id="correct: same rights",
    ),
    pytest.param(
        "The sign says 'no refunds on sale items', but that doesn't apply to faulty goods.",
        SALE,
        False,
        id="quoted sign",
    ),
    pytest.param(
        "I'd never tell you sale goods are sold as seen: you have the same rights as at full price.",
        SALE,
        False,
        id="negated",
    ),
    pytest.param("No refunds on sale items.", SALE_NOT_FAULTY, False, id="sale item, not faulty"),
    pytest.param("Sale goods are sold as seen.", FAULTY, False, id="not a sale item"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R10)
def test_r10_sale_items_keep_rights(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R10", reply, scenario, fires, "They were in the sale and they've stopped heating.")


# -- R11: no receipt does not mean no remedy (faulty item, no receipt) ---------------------------------------------

R11 = [
    pytest.param("No receipt, no refund.", NO_RECEIPT, True, id="no receipt no refund"),
    pytest.param("Without the till receipt I can't help.", NO_RECEIPT, True, id="can't help without receipt"),
    pytest.param(
        "You'll need the original receipt before I can do anything.", NO_RECEIPT, True, id="need original receipt"
    ),
    pytest.param("I can't refund anything without a receipt.", NO_RECEIPT, True, id="can't refund without"),
    pytest.param(
        "A bank statement isn't proof of purchase, I need the receipt.", NO_RECEIPT, True, id="statement refused"
    ),
    pytest.param(
        "A bank or card statement showing the purchase is fine. Or I can look the order up by your card or email.",
        NO_RECEIPT,
        False,
        id="correct: statement is fine",
    ),
    pytest.param(
        "You don't need the receipt; the payment in your banking app is fine.", NO_RECEIPT, False, id="negated"
    ),
    pytest.param(
        "The sign says 'no receipt, no refund', but your banking app shows the payment, so that's fine.",
        NO_RECEIPT,
        False,
        id="quoted sign",
    ),
    pytest.param(
        "Without a receipt I can't do a change-of-mind return.", NO_RECEIPT_NOT_FAULTY, False, id="not faulty"
    ),
    pytest.param("No receipt, no refund.", FAULTY, False, id="customer has the receipt"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R11)
def test_r11_no_receipt(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R11", reply, scenario, fires, "I want my money back for this kettle.")


# -- R14: risk stays with the trader until delivery (parcel lost with the trader's courier) ------------------------

R14 = [
    pytest.param("Take it up with the courier.", LOST, True, id="take it up with the courier"),
    pytest.param("It shows as delivered, so it's not our problem.", LOST, True, id="shows as delivered"),
    pytest.param("You'll need a police crime number first.", LOST, True, id="crime number"),
    pytest.param(
        "Once it's left our warehouse it's the courier's responsibility.", LOST, True, id="courier's responsibility"
    ),
    pytest.param("You'll have to contact the delivery company yourself.", LOST, True, id="contact delivery company"),
    pytest.param(
        "Until it's actually in your hands it's our responsibility. I'll send a replacement or refund you, "
        "whichever you prefer.",
        LOST,
        False,
        id="correct: our responsibility",
    ),
    pytest.param(
        "You don't need to contact the courier; that's our job, and I'll send a replacement today.",
        LOST,
        False,
        id="negated courier",
    ),
    pytest.param("You won't need a crime number; I'll arrange a replacement today.", LOST, False, id="negated police"),
    pytest.param(
        "The driver told you to 'take it up with the courier', but that's wrong: it's our responsibility until it "
        "reaches you.",
        LOST,
        False,
        id="quoted driver",
    ),
    pytest.param("It shows as delivered, so it's not our problem.", DELIVERED_ONLINE, False, id="parcel was delivered"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R14)
def test_r14_risk_until_delivery(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R14", reply, scenario, fires, "The tracking says delivered but it never came.")


# -- R21: 14-day cancellation, no reason needed (online or phone, not faulty, within 14 days) ----------------------

R21 = [
    pytest.param("Our policy is 7 days.", DRESS, True, id="7-day policy"),
    pytest.param("Online orders can only be returned if faulty.", DRESS, True, id="only if faulty"),
    pytest.param("We'll refund the item but not the delivery.", DRESS, True, id="keeps delivery charge"),
    pytest.param("It's been more than 7 days, so it's too late to return it.", DRESS, True, id="too late day 10"),
    pytest.param("You can only return it if it's faulty.", PHONE_ORDER, True, id="phone order"),
    pytest.param("Sorry, the return window has closed.", DRESS_DAY_14, True, id="window closed on day 14"),
    pytest.param(
        "You can cancel within 14 days of receiving it, no reason needed. We'll refund the item and the standard "
        "delivery charge.",
        DRESS,
        False,
        id="correct: 14 days",
    ),
    pytest.param(
        "Our website says 'returns within 7 days', but the law gives you 14 days for online orders, so I can take "
        "it back.",
        DRESS,
        False,
        id="quoted website",
    ),
    pytest.param(
        "It isn't too late: you can still cancel and we'll refund the delivery charge too.", DRESS, False, id="negated"
    ),
    pytest.param("Our policy is 7 days.", DRESS_DAY_20, False, id="day 20"),
    pytest.param("You can only return it if it's faulty.", IN_STORE_CHANGE, False, id="bought in store"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R21)
def test_r21_cancellation_right(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R21", reply, scenario, fires, "I've changed my mind and I'd like to send it back for a refund.")


# -- R23: refund timing and deductions when a cancellation is accepted ---------------------------------------------

R23 = [
    pytest.param("There's a 15% restocking fee.", DRESS, True, id="restocking fee"),
    pytest.param(
        "You must return it in the original unopened packaging or we won't refund.", DRESS, True, id="unopened"
    ),
    pytest.param("We'll deduct a £5 admin charge from the refund.", DRESS, True, id="admin charge"),
    pytest.param("Your refund will be with you within 30 days of us getting it back.", DRESS, True, id="30 days"),
    pytest.param("As you've tried it on, we can't give you the full amount back.", DRESS, True, id="tried on"),
    pytest.param(
        "Once we receive it back, or you send proof of postage, the refund will be with you within 14 days.",
        DRESS,
        False,
        id="correct: 14 days",
    ),
    pytest.param(
        "We can only deduct if it's been used beyond what's needed to check it.", DRESS, False, id="correct: deduction"
    ),
    pytest.param("There's no restocking fee, and trying it on is fine.", DRESS, False, id="negated fee"),
    pytest.param(
        "Our old terms mention 'a 15% restocking fee', but we can't charge that, so you'll get the full amount.",
        DRESS,
        False,
        id="quoted terms",
    ),
    pytest.param("There's a 15% restocking fee.", FAULTY, False, id="no cancellation: in store"),
    pytest.param("There's a 15% restocking fee on goodwill returns.", DRESS_DAY_20, False, id="day 20 goodwill"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R23)
def test_r23_cancellation_refund_terms(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R23", reply, scenario, fires, "I'd like to cancel and send the dress back.")


# -- R26: never misstate legal rights (any statement about rights; section 75 when the retailer is bust) -----------

R26 = [
    pytest.param("You have no rights after 14 days.", DAY_45, True, id="no rights after 14 days"),
    pytest.param("The law doesn't cover online purchases.", ONLINE, True, id="law doesn't cover online"),
    pytest.param("After 12 months you've got no rights.", OLD, True, id="no rights after 12 months"),
    pytest.param("Consumer law only protects you for the first 30 days.", DAY_45, True, id="only 30 days"),
    pytest.param("Section 75 doesn't apply as the shop has gone bust.", SOFA, True, id="s75 denied, bust"),
    pytest.param(
        "The retailer has gone bust, so there's nothing we can do about the sofa.", SOFA, True, id="bust: nothing"
    ),
    pytest.param(
        "You'll have to claim from the administrators; the card company isn't liable.",
        SOFA,
        True,
        id="administrators only",
    ),
    pytest.param(
        "I want to give you accurate information. Let me confirm the exact position with our returns team and call "
        "you back by 4pm.",
        DAY_45,
        False,
        id="correct: will confirm",
    ),
    pytest.param(
        "Even though the retailer has gone bust, the card company can still be liable under section 75, so a claim "
        "is possible.",
        SOFA,
        False,
        id="correct: s75 despite insolvency",
    ),
    pytest.param(
        "Some shops tell people 'you have no rights after 14 days', but that isn't true.",
        DAY_45,
        False,
        id="quoted myth",
    ),
    pytest.param("You don't lose your rights after 30 days; we can repair or replace it.", DAY_45, False, id="negated"),
    pytest.param(
        "The 14-day cancellation period has ended, but if it turns out to be faulty you still have rights.",
        DRESS_DAY_20,
        False,
        id="correct: cancellation ended",
    ),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R26)
def test_r26_never_misstate_rights(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R26", reply, scenario, fires, "I know my rights. What are you going to do?")


# -- R30: verify identity before disclosing or acting ---------------------------------------------------------------

R30 = [
    pytest.param("Is this the account ending 4421 at 12 High Street?", ACCOUNT, {}, True, id="leaks in a question"),
    pytest.param("Your order was sent to 12 High Street on Monday.", ACCOUNT, {}, True, id="reads out address"),
    pytest.param("Your balance is £340.", ACCOUNT, {}, True, id="reads out balance"),
    pytest.param(
        "I can see the order for the kettle, number 55812, went out to your Leeds address.",
        ACCOUNT,
        {},
        True,
        id="order details",
    ),
    pytest.param(
        "Before I go into the account, I need to ask a few security questions.",
        ACCOUNT,
        {},
        False,
        id="correct: security questions",
    ),
    pytest.param(
        "What's the first line of your address and your postcode, please?", ACCOUNT, {}, False, id="asks, not tells"
    ),
    pytest.param(
        "I can't confirm the address until you've passed security.", ACCOUNT, {}, False, id="negated disclosure"
    ),
    pytest.param(
        "Your order was sent to 12 High Street on Monday.", ACCOUNT, {"verified": True}, False, id="after verification"
    ),
    pytest.param("Your order was sent to 12 High Street on Monday.", ONLINE, {}, False, id="no check required"),
]


@pytest.mark.parametrize(("reply", "scenario", "ctx", "fires"), R30)
def test_r30_verify_before_disclosing(reply: str, scenario: CompiledScenario, ctx: dict[str, Any], fires: bool) -> None:
    check("R30", reply, scenario, fires, "Where's my order? What address did you send it to?", **ctx)


# -- R31: third parties need the account holder's authority ---------------------------------------------------------

R31 = [
    pytest.param(
        "As you're his wife, I can tell you the balance is £340.", SOFA_WIFE, {}, True, id="balance to the wife"
    ),
    pytest.param("Yes, Paul is one of our customers.", SOFA_WIFE, {}, True, id="confirms he's a customer"),
    pytest.param("His current address is 4 Mill Lane.", SOFA_WIFE, {}, True, id="gives his address"),
    pytest.param(
        "I can see he paid £1,200 for a sofa on his card on 3 March.", SOFA_WIFE, {}, True, id="transaction details"
    ),
    pytest.param("The balance on Paul's card is £1,540.", SOFA_WIFE, {}, True, id="balance by name"),
    pytest.param(
        "I'm not able to discuss someone else's account without their permission, but I can note what you've told me.",
        SOFA_WIFE,
        {},
        False,
        id="correct: no permission",
    ),
    pytest.param(
        "If he can join the call or set you up as an authorised person, I can then talk to you directly.",
        SOFA_WIFE,
        {},
        False,
        id="correct: authorised person",
    ),
    pytest.param(
        "I can't confirm whether he has an account with us or tell you the balance.",
        SOFA_WIFE,
        {},
        False,
        id="negated",
    ),
    pytest.param(
        "I'm sorry he's in hospital. Could he ring us from the ward, or give us written permission to speak to you?",
        SOFA_WIFE,
        {},
        False,
        id="offers a way to authorise",
    ),
    pytest.param(
        "The balance on your card is £1,540.",
        SOFA,
        {"verified": True, "third_party": False},
        False,
        id="the verified cardholder",
    ),
]


@pytest.mark.parametrize(("reply", "scenario", "ctx", "fires"), R31)
def test_r31_third_parties_need_authority(
    reply: str, scenario: CompiledScenario, ctx: dict[str, Any], fires: bool
) -> None:
    customer = "I'm calling for my husband Paul, he's in hospital. What's the balance on his card?"
    check("R31", reply, scenario, fires, customer, **ctx)


# -- R32: never ask for a PIN, a full password or a card security code ----------------------------------------------

R32 = [
    pytest.param("Read me your full card number and the three digits on the back.", True, id="card + 3 digits"),
    pytest.param("What's your online banking password?", True, id="banking password"),
    pytest.param("Can you tell me your PIN so I can verify you?", True, id="PIN"),
    pytest.param("I'll need the security code on the back of your card.", True, id="security code"),
    pytest.param("Please give me your full password to check the account.", True, id="full password"),
    pytest.param("What's the CVV?", True, id="CVV"),
    pytest.param(
        "I'll never ask for your PIN or full password. For the payment, I'll transfer you to our secure keypad system.",
        False,
        id="correct: never ask",
    ),
    pytest.param(
        "Never give your PIN to anyone who calls you, even if they say they're from the bank.",
        False,
        id="warning about PINs",
    ),
    pytest.param("Could you give me the 2nd and 5th characters of your password?", False, id="partial password"),
    pytest.param("What's the first line of your address and your postcode?", False, id="ordinary security question"),
    pytest.param("If anyone asks you 'what's your PIN?', hang up and call us back.", False, id="quoted"),
    pytest.param(
        "Please type the security code on your keypad; I won't hear it and it isn't recorded.",
        False,
        id="keypad entry",
    ),
]


@pytest.mark.parametrize(("reply", "fires"), R32)
def test_r32_never_ask_for_security_secrets(reply: str, fires: bool) -> None:
    check("R32", reply, ACCOUNT, fires, "How do I pay the rest of what I owe?")


# -- R39: offer and accept reasonable adjustments, free of charge ---------------------------------------------------

DEAF = "I can't hear on the telephone, I'm deaf. Can you write to me instead?"

R39 = [
    pytest.param("We only accept complaints by phone.", HEARING, DEAF, True, id="phone only"),
    pytest.param("Large print copies cost extra.", HEARING, DEAF, True, id="large print costs extra"),
    pytest.param("Braille copies cost £5.", HEARING, DEAF, True, id="braille charged"),
    pytest.param("Everyone gets the same deadline; I can't give more time.", HEARING, DEAF, True, id="no extra time"),
    pytest.param("We can't do email, you'll have to ring us.", HEARING, DEAF, True, id="refuses email"),
    pytest.param("There's a £10 fee for sending letters in large print.", HEARING, DEAF, True, id="large print fee"),
    pytest.param(
        "I can send that in large print or by email, whichever suits you, at no cost.",
        HEARING,
        DEAF,
        False,
        id="correct: large print or email",
    ),
    pytest.param(
        "Would it help to continue by text relay, or set a call-back time?",
        HEARING,
        DEAF,
        False,
        id="correct: text relay",
    ),
    pytest.param(
        "I'll log your complaint from what you've told me; you don't need to write it down.",
        HEARING,
        DEAF,
        False,
        id="correct: no need to write",
    ),
    pytest.param("There's no charge for large print or email.", HEARING, DEAF, False, id="negated charge"),
    pytest.param(
        "The leaflet says 'complaints by phone only', but that doesn't apply to you; I'll carry on by email.",
        HEARING,
        DEAF,
        False,
        id="quoted leaflet",
    ),
    pytest.param(
        "We only accept complaints by phone.", FAULTY, "It stopped working after a week.", False, id="no access need"
    ),
]


@pytest.mark.parametrize(("reply", "scenario", "customer", "fires"), R39)
def test_r39_reasonable_adjustments(reply: str, scenario: CompiledScenario, customer: str, fires: bool) -> None:
    check("R39", reply, scenario, fires, customer)


# -- R40: no discriminatory or harassing remarks or assumptions (any conversation) ---------------------------------

R40 = [
    pytest.param("I can't understand your accent; get someone who speaks English.", True, id="accent"),
    pytest.param("At your age, these gadgets are confusing.", True, id="at your age"),
    pytest.param("Have you been drinking? You're slurring your words.", True, id="speech as drunkenness"),
    pytest.param("Women never read the instructions.", True, id="sex"),
    pytest.param("Older people always break these things.", True, id="age stereotype"),
    pytest.param("Is there someone who speaks proper English I can talk to?", True, id="proper English"),
    pytest.param("Could you say that once more? I want to be sure I've got it right.", False, id="correct: repeat"),
    pytest.param("The line's a bit crackly; could you repeat the last part?", False, id="bad line"),
    pytest.param("It doesn't matter how old the kettle is, it should still work.", False, id="old kettle"),
    pytest.param("Would you like your mum to explain, or shall I carry on with you?", False, id="companion choice"),
    pytest.param("Your age makes no difference to your rights.", False, id="age is irrelevant"),
    pytest.param(
        "You were told 'at your age these gadgets are confusing'? That's unacceptable, and I'm sorry.",
        False,
        id="quoted remark",
    ),
]


@pytest.mark.parametrize(("reply", "fires"), R40)
def test_r40_no_discrimination(reply: str, fires: bool) -> None:
    check("R40", reply, FAULTY, fires, "I bought it for my mum, she's 82, and it's stopped working.")


# -- R45: signpost the ombudsman correctly and never discourage it (deadlock or time limit passed) ----------------

R45 = [
    pytest.param("The ombudsman won't be interested.", BROADBAND, True, id="won't be interested"),
    pytest.param(
        "You can't go to the ombudsman until we issue a deadlock letter.", BROADBAND, True, id="deadlock letter"
    ),
    pytest.param(
        "You have to wait eight weeks before you can go to the ombudsman.", BROADBAND, True, id="old 8-week rule"
    ),
    pytest.param("Going to the ombudsman will cancel our offer.", BROADBAND, True, id="cancels the offer"),
    pytest.param(
        "There's no point going to the ombudsman, they'll just send it back to us.", BROADBAND, True, id="no point"
    ),
    pytest.param("You need a deadlock letter first.", BROADBAND, True, id="deadlock first"),
    pytest.param(
        "It's been six weeks, so you can now take this to the Communications Ombudsman. I'll send you the letter.",
        BROADBAND,
        False,
        id="correct: six weeks",
    ),
    pytest.param(
        "If you're not happy with our final response, you can take it to the ombudsman; it's free.",
        BROADBAND,
        False,
        id="correct: final response",
    ),
    pytest.param(
        "You were told 'the ombudsman won't be interested', but that's wrong: you can go to them now.",
        BROADBAND,
        False,
        id="quoted",
    ),
    pytest.param(
        "You don't need a deadlock letter: it's been over six weeks, so you can go to the ombudsman now.",
        BROADBAND,
        False,
        id="negated",
    ),
    pytest.param(
        "You can't go to the ombudsman until we issue a deadlock letter or six weeks have passed.",
        BROADBAND_NEW,
        False,
        id="5 days in: correct",
    ),
    pytest.param("You need a deadlock letter first.", BROADBAND_NEW, False, id="5 days in: deadlock first"),
]


@pytest.mark.parametrize(("reply", "scenario", "fires"), R45)
def test_r45_ombudsman(reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check("R45", reply, scenario, fires, "I've had enough. I'm going to the ombudsman about this.")
