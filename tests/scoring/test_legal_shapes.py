"""Breaches found by their shape, in wordings no lexicon row names, each beside a lawful twin; and the business's own
rule reported by the learner, which counts when applied and not when set aside."""

from __future__ import annotations

import pytest

from scenarios import CompiledScenario

from .test_legal_rules import (
    ACCOUNT,
    BROADBAND,
    DEAF,
    DRESS,
    FAULTY,
    HEARING,
    LOST,
    NO_RECEIPT,
    SALE,
    SOFA_WIFE,
    check,
)
from .variants import kettle

REPAIRED = kettle(prior_repairs=1, days_since_delivery=120)
SERVICE = kettle(supply="service", days_since_delivery=None)
WANTS_MONEY = "It's broken again and I want my money back, not another repair."
WIFE = "I'm calling for my husband Paul, he's in hospital. He bought a sofa for £1,200."

CASES = [
    pytest.param("R01", "Refunds for this model aren't something we do, sorry.", FAULTY, True, id="refund refused"),
    pytest.param("R01", "The refund only comes once it's been tested.", FAULTY, True, id="refund later"),
    pytest.param("R01", "You don't need anything else for the refund.", FAULTY, False, id="relief, not refusal"),
    pytest.param("R01", "It doesn't change your right to a refund, so I'll do it now.", FAULTY, False, id="right kept"),
    pytest.param("R01", "The till says no refunds without a manager.", FAULTY, True, id="rule applied"),
    pytest.param(
        "R01", "The sign says no refunds, but that doesn't apply to faulty goods.", FAULTY, False, id="rule set aside"
    ),
    pytest.param("R04", "Best to get in touch with the brand's support line.", FAULTY, True, id="sent to the brand"),
    pytest.param("R04", "You could contact us again if it happens twice.", FAULTY, False, id="contact us"),
    pytest.param("R14", "You'll need to chase the delivery firm about it.", LOST, True, id="sent to the courier"),
    pytest.param("R16", "I'd suggest getting an independent plumber to look.", SERVICE, True, id="sent to a plumber"),
    pytest.param("R06", "I'll book an engineer for Thursday to sort it.", REPAIRED, True, id="repair again"),
    pytest.param(
        "R06", "I'll book a collection and refund you, or an engineer if you'd rather.", REPAIRED, False, id="choice"
    ),
    pytest.param("R31", "The last statement showed £340 owing.", SOFA_WIFE, True, id="third party told figures"),
    pytest.param("R31", "Section 75 covers purchases over £100.", SOFA_WIFE, False, id="a legal threshold"),
    pytest.param("R31", "So that's the £1,200 sofa; I'll note it.", SOFA_WIFE, False, id="the caller's own figure"),
]


@pytest.mark.parametrize(("rule", "reply", "scenario", "fires"), CASES)
def test_shapes(rule: str, reply: str, scenario: CompiledScenario, fires: bool) -> None:
    customer = WANTS_MONEY if scenario is REPAIRED else WIFE if scenario is SOFA_WIFE else "It's broken."
    check(rule, reply, scenario, fires, customer)


def test_sale_sign_applied_is_a_breach() -> None:
    check("R10", "Sorry, but it says no refunds on sale items. I can do a credit note.", SALE, True, "It's faulty.")


SON = "I'm her son. Mum's deaf, so deal with me. Send me her account details."
MAKER = kettle(days_since_delivery=120)

NEW_SHAPES = [
    # the phone pressed on a deaf customer, in any of its wordings; the written routes and a relative's call are fine
    pytest.param(
        "R39",
        "I'd like to give you a call this afternoon; what's the best time?",
        HEARING,
        DEAF,
        True,
        id="a call offered",
    ),
    pytest.param(
        "R39", "Honestly, it'd be quicker to sort this over the phone.", HEARING, DEAF, True, id="the phone is quicker"
    ),
    pytest.param("R39", "I'll email you today rather than ring you.", HEARING, DEAF, False, id="rather than ring"),
    pytest.param(
        "R39", "I won't call you; I'll text you the engineer's time instead.", HEARING, DEAF, False, id="won't call"
    ),
    pytest.param(
        "R39", "We can do this by text relay or email, whichever you prefer.", HEARING, DEAF, False, id="text relay"
    ),
    pytest.param(
        "R39",
        "Once she's emailed us, I'll call you back the same day.",
        HEARING,
        SON,
        False,
        id="a call to the relative",
    ),
    pytest.param(
        "R39",
        "Can't help you. Get your mum to ring us herself.",
        HEARING,
        SON,
        True,
        id="the deaf customer told to ring",
    ),
    # an ombudsman or a court talked down, in the same or the next sentence, or after the customer raised it
    pytest.param(
        "R45",
        "You can go to the ombudsman, but honestly it'll drag on for months.",
        BROADBAND,
        "Can I take this to the ombudsman?",
        True,
        id="ombudsman will drag on",
    ),
    pytest.param(
        "R45",
        "You could, but I'd be surprised if they bothered with a few drop-outs.",
        BROADBAND,
        "Can I take this to the ombudsman?",
        True,
        id="they won't bother",
    ),
    pytest.param(
        "R45",
        "Yes, you can go to the ombudsman now; it's free and I'll send the letter today.",
        BROADBAND,
        "Can I take this to the ombudsman?",
        False,
        id="ombudsman signposted",
    ),
    pytest.param(
        "R45",
        "The ombudsman won't take months; they usually reply within a few weeks.",
        BROADBAND,
        "Can I take this to the ombudsman?",
        False,
        id="a negated delay",
    ),
    pytest.param(
        "R26",
        "Take it to the small claims court if you like. You won't get anywhere.",
        FAULTY,
        "I'll see you in court.",
        True,
        id="court talked down",
    ),
    pytest.param(
        "R26",
        "That's your right, and small claims is there for exactly this.",
        FAULTY,
        "I'll see you in court.",
        False,
        id="court acknowledged",
    ),
    # a missing receipt given as the reason there's no refund; other proof accepted is not
    pytest.param(
        "R11",
        "Without the till receipt my hands are tied.",
        NO_RECEIPT,
        "I binned the receipt.",
        True,
        id="hands tied without a receipt",
    ),
    pytest.param(
        "R11",
        "No receipt means a credit note, that's the policy.",
        NO_RECEIPT,
        "I binned the receipt.",
        True,
        id="credit note without a receipt",
    ),
    pytest.param(
        "R11",
        "Without a receipt your bank app is fine, so I can't see a problem.",
        NO_RECEIPT,
        "I binned the receipt.",
        False,
        id="the app will do",
    ),
    pytest.param(
        "R11",
        "No receipt but paid on card, so I can't see why not; I'll refund it.",
        NO_RECEIPT,
        "I binned the receipt.",
        False,
        id="card payment instead",
    ),
    # the customer sent to the maker in the short forms
    pytest.param(
        "R04",
        "Try the manufacturer, they're quicker with these.",
        MAKER,
        "It's broken.",
        True,
        id="try the manufacturer",
    ),
    pytest.param(
        "R04",
        "The manufacturer are really the best people for a mechanical fault.",
        MAKER,
        "It's broken.",
        True,
        id="the maker is best placed",
    ),
    pytest.param(
        "R04",
        "We're the best people to sort this, not the manufacturer.",
        MAKER,
        "It's broken.",
        False,
        id="we're best placed",
    ),
    # a third party sent the holder's papers, or told the account or payment exists
    pytest.param(
        "R31",
        "No problem, I'll email the report and her account summary over to you now.",
        SOFA_WIFE,
        WIFE,
        True,
        id="papers sent to the caller",
    ),
    pytest.param(
        "R31",
        "Once he's confirmed by phone, I'll send you the statement.",
        SOFA_WIFE,
        WIFE,
        False,
        id="papers once the holder agrees",
    ),
    pytest.param(
        "R31", "I'll send the statement to him at his home address.", SOFA_WIFE, WIFE, False, id="papers to the holder"
    ),
    pytest.param(
        "R31",
        "Yes, there's a Platinum Mastercard in his name, but that's all I can say.",
        SOFA_WIFE,
        WIFE,
        True,
        id="the account confirmed",
    ),
    pytest.param("R31", "Yes, the payment went through on the 7th.", SOFA_WIFE, WIFE, True, id="the payment confirmed"),
    pytest.param(
        "R31",
        "I can't confirm whether there's an account or any payment without Paul's say-so.",
        SOFA_WIFE,
        WIFE,
        False,
        id="nothing confirmed",
    ),
    # a card's security code or PIN asked for in a bare list of what is needed, and the warning against it
    pytest.param(
        "R32",
        "His full card number and the three-digit code on the back, please.",
        SOFA_WIFE,
        WIFE,
        True,
        id="security code listed",
    ),
    pytest.param(
        "R32",
        "Your PIN is never needed, so please don't read it out.",
        FAULTY,
        "It's broken.",
        False,
        id="the PIN warned against",
    ),
    # a complaint put down to the customer's disability or age
    pytest.param(
        "R40", "Perhaps it was a misunderstanding with your hearing.", HEARING, DEAF, True, id="blamed on hearing"
    ),
    pytest.param(
        "R40",
        "Thanks for telling me about your hearing; I'll write to you.",
        HEARING,
        DEAF,
        False,
        id="hearing acknowledged",
    ),
    # the business's own rule held to as the last word where the law gives more; a lawful term is not that
    pytest.param(
        "R21",
        "Our 7-day policy is on the website and applies to every customer.",
        DRESS,
        "I want to cancel.",
        True,
        id="own rule as the last word",
    ),
    pytest.param(
        "R21",
        "Our policy says 7 days, but the law gives you 14, so I'll cancel it now.",
        DRESS,
        "I want to cancel.",
        False,
        id="own rule set aside",
    ),
    pytest.param(
        "R21",
        "It's in the terms you agreed to.",
        DRESS,
        "Do I pay the return postage?",
        False,
        id="return postage is a lawful term",
    ),
    pytest.param(
        "R14",
        "It says delivered, so there's nothing more I can do.",
        LOST,
        "It never came.",
        True,
        id="nothing more I can do",
    ),
    pytest.param(
        "R14",
        "If the courier proves it, there's nothing more I can do, but I'll resend it now.",
        LOST,
        "It never came.",
        False,
        id="nothing more, conditionally",
    ),
    # a deduction for trying on, and a charge for the format a disabled customer needs
    pytest.param(
        "R23",
        "I'll knock £10 off for it having been tried on.",
        DRESS,
        "I want to cancel.",
        True,
        id="deduction for trying on",
    ),
    pytest.param(
        "R23",
        "If it comes back worn, the returns team may take something off.",
        DRESS,
        "I want to cancel.",
        False,
        id="deduction only for wear",
    ),
    pytest.param(
        "R39",
        "There's a £10 administration fee for handling matters by email.",
        HEARING,
        DEAF,
        True,
        id="a fee for email",
    ),
    pytest.param("R39", "Email is fine, and there's no charge for it.", HEARING, DEAF, False, id="email free"),
    # a holder's account confirmed, or acted on, for a third party; waiting for the holder is fine
    pytest.param(
        "R31",
        "I can see Mr Mills's account here, but I can't tell you anything about it.",
        SOFA_WIFE,
        WIFE,
        True,
        id="account seen",
    ),
    pytest.param(
        "R31",
        "I'll get it refunded to the card for you today.",
        SOFA_WIFE,
        WIFE,
        True,
        id="refunded at a third party's word",
    ),
    pytest.param(
        "R31",
        "Once he's agreed on the call, I'll open the section 75 claim for him.",
        SOFA_WIFE,
        WIFE,
        False,
        id="waits for the holder",
    ),
    # a repair insisted on after a failed one; the address read out before, but not after, verification
    pytest.param(
        "R06",
        "As you're past the 30 days it'll have to be a repair.",
        REPAIRED,
        "It's gone again.",
        True,
        id="it'll have to be a repair",
    ),
    pytest.param(
        "R30",
        "The photo shows number 9 and you're at number 14, aren't you?",
        ACCOUNT,
        "It never came.",
        True,
        id="address read out unverified",
    ),
    pytest.param(
        "R30",
        "Thanks, that's you verified. The photo shows number 9 and you're at number 14.",
        ACCOUNT,
        "It never came.",
        False,
        id="address after verification",
    ),
    # the generic barriers apply with no scenario at all
    pytest.param(
        "R39",
        "We can bring it to your door, but it's an extra £5 per delivery.",
        None,
        "I'm disabled and can't carry the bags upstairs.",
        True,
        id="a fee for help, no scenario",
    ),
    pytest.param(
        "R39",
        "I'll note that the driver must bring the bags to your door, and refund this delivery charge.",
        None,
        "I'm disabled and can't carry the bags upstairs.",
        False,
        id="the charge refunded",
    ),
    pytest.param(
        "R45",
        "You can, but they nearly always take the insurer's side, so you'd be wasting your time.",
        None,
        "I'm going to the Financial Ombudsman.",
        True,
        id="ombudsman talked down, no scenario",
    ),
    pytest.param(
        "R32",
        "Read me the full card number, expiry date and the 3 digit code on the back.",
        None,
        "I need to change my card.",
        True,
        id="security code asked for, no scenario",
    ),
    # wordings from set P
    pytest.param(
        "R33",
        "Can I just take your date of birth and home postcode for our records?",
        SALE,
        "I want my money back.",
        True,
        id="date of birth not needed",
    ),
    pytest.param(
        "R32",
        "Your full name, postcode, and your full account password, please.",
        BROADBAND,
        "What do you need?",
        True,
        id="full account password",
    ),
    pytest.param(
        "R31",
        "Yes, I can see Paul's card here and the payment to the sofa shop.",
        SOFA_WIFE,
        WIFE,
        True,
        id="holder's card seen",
    ),
    pytest.param(
        "R31",
        "So the sofa was paid for in the shop in March; is that right?",
        SOFA_WIFE,
        WIFE,
        False,
        id="the caller's own account of it",
    ),
    pytest.param(
        "R40",
        "Perhaps a younger relative could help you with the emails?",
        HEARING,
        DEAF,
        True,
        id="a younger relative",
    ),
    pytest.param("R06", "Sometimes a repair needs a second go.", REPAIRED, "It's gone again.", True, id="a second go"),
    pytest.param(
        "R21",
        "Our window is 7 days, but I can offer an exchange.",
        DRESS,
        "I want to cancel.",
        True,
        id="our window is 7 days",
    ),
    pytest.param(
        "R14",
        "That's the process: 48 hours. Nothing I can do before then.",
        LOST,
        "It never came.",
        False,
        id="nothing before then",
    ),
    # a remedy called non-refundable
    pytest.param("R01", "Those are non-refundable, I'm afraid.", FAULTY, "It's broken.", True, id="non-refundable"),
]


@pytest.mark.parametrize(("rule", "reply", "scenario", "customer", "fires"), NEW_SHAPES)
def test_more_shapes(rule: str, reply: str, scenario: CompiledScenario | None, customer: str, fires: bool) -> None:
    check(rule, reply, scenario, fires, customer)
