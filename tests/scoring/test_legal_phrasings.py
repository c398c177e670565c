"""More of the ways learners break the legal rules, each beside a correct, negated or out-of-context twin.

The rule tables in test_legal_rules.py pin each rule's core; these cases pin the wider phrasings: a refusal that
carries its own negation after an earlier one, "only an exchange" worded as a passive, fees named on their own,
the cancellation period misstated in either direction, the phone pushed through a relative, and a third party
waved through.
"""

from __future__ import annotations

import pytest

from scenarios import CompiledScenario

from .test_legal_rules import BROADBAND, DRESS, FAULTY, HEARING, LOST, NO_RECEIPT, NOT_FAULTY, SALE, SOFA_WIFE, check
from .variants import kettle

REPAIRED = kettle(prior_repairs=1, days_since_delivery=120)
REPAIRED_LONG_AGO = kettle(prior_repairs=1, days_since_delivery=120, faulty=False)
SERVICE = kettle(supply="service", days_since_delivery=None)
CUSTOMER = "It's broken and I want this sorted."

CASES = [
    pytest.param("R01", "If the till won't let me, there's nothing I can do.", FAULTY, True, id="R01 double negation"),
    pytest.param("R01", "Faulty kettles can only be exchanged, I'm afraid.", FAULTY, True, id="R01 passive only"),
    pytest.param("R01", "You only get a repair, not a refund.", FAULTY, True, id="R01 you only get"),
    pytest.param("R01", "Elsewhere it can only be exchanged.", NOT_FAULTY, False, id="R01 ctx"),
    pytest.param("R03", "There's a £5 admin fee, so I'll refund £20.", FAULTY, True, id="R03 fee"),
    pytest.param("R03", "I'll refund the full £25 without any admin fee.", FAULTY, False, id="R03 without fee"),
    pytest.param("R03", "There's no admin fee on a faulty item.", FAULTY, False, id="R03 negated"),
    pytest.param("R04", "Faulty items go back to the manufacturer.", FAULTY, True, id="R04 goes back"),
    pytest.param("R04", "No need to send it back to the maker.", FAULTY, False, id="R04 neg"),
    pytest.param("R06", "We'll get an engineer to fix it again.", REPAIRED, True, id="R06 fix it again"),
    pytest.param("R06", "The refund window has closed, so it's a repair.", REPAIRED, True, id="R06 window closed"),
    pytest.param("R06", "I won't ask you to let us fix it again; it's a refund.", REPAIRED, False, id="R06 negated"),
    pytest.param("R06", "We'll get an engineer to fix it again.", REPAIRED_LONG_AGO, False, id="R06 not faulty"),
    pytest.param("R07", "It's the way you're using it, so not covered.", REPAIRED, True, id="R07 blame use"),
    pytest.param("R07", "You're covered: within six months it's presumed faulty.", REPAIRED, False, id="R07 covered"),
    pytest.param("R10", "Sale items can only be exchanged.", SALE, True, id="R10 passive only"),
    pytest.param("R10", "Sale items can only be exchanged if they're not faulty.", NOT_FAULTY, False, id="R10 ctx"),
    pytest.param("R11", "I'll need the original receipt, I'm afraid.", NO_RECEIPT, True, id="R11 need receipt"),
    pytest.param("R11", "You won't need the receipt; the bank app is fine.", NO_RECEIPT, False, id="R11 negated"),
    pytest.param("R14", "Have you tried knocking on your neighbours' doors?", LOST, True, id="R14 knock on doors"),
    pytest.param("R14", "Technically it was delivered, just not to you.", LOST, True, id="R14 technically"),
    pytest.param("R14", "You don't need to ask the neighbours; it's ours to sort.", LOST, False, id="R14 negated"),
    pytest.param("R16", "You'll need a plumber to replace the fitting.", SERVICE, True, id="R16 need a plumber"),
    pytest.param("R16", "You won't need a plumber; our engineer will come back free.", SERVICE, False, id="R16 neg"),
    pytest.param("R21", "Our returns window is 7 days from delivery.", DRESS, True, id="R21 window 7 days"),
    pytest.param("R21", "We can exchange it but we can't refund after 7 days.", DRESS, True, id="R21 can't after 7"),
    pytest.param("R21", "By law you have 30 days to send back anything bought online.", DRESS, True, id="R21 30 days"),
    pytest.param("R21", "Cancellations have to be done over the phone.", DRESS, True, id="R21 phone only"),
    pytest.param("R21", "Online orders can only be returned if they're faulty.", DRESS, True, id="R21 only if faulty"),
    pytest.param("R21", "By law you have 14 days to cancel, so that's fine.", DRESS, False, id="R21 right"),
    pytest.param("R21", "Our returns window is 7 days from delivery.", FAULTY, False, id="R21 in store"),
    pytest.param("R26", "Our policy is perfectly legal.", DRESS, True, id="R26 perfectly legal"),
    pytest.param("R26", "Trading Standards won't be interested in this.", DRESS, True, id="R26 regulator"),
    pytest.param("R26", "Trading Standards would be interested, yes.", DRESS, False, id="R26"),
    pytest.param("R31", "Great, that's good enough for me. His balance is £1,540.", SOFA_WIFE, True, id="R31 waved"),
    pytest.param("R31", "He's all up to date, don't worry.", SOFA_WIFE, True, id="R31 account status"),
    pytest.param("R31", "That's good enough for me.", FAULTY, False, id="R31 not a third party"),
    pytest.param("R33", "To add the flag I'll need her diagnosis and her NHS number.", HEARING, True, id="R33 health"),
    pytest.param("R33", "I won't need any medical details, just your preference.", HEARING, False, id="R33 negated"),
    pytest.param("R39", "Claims have to be done over the phone, sorry.", HEARING, True, id="R39 must phone"),
    pytest.param("R39", "Maybe a family member could ring them for you?", HEARING, True, id="R39 relative rings"),
    pytest.param("R39", "It doesn't have to be done over the phone; I'll email you.", HEARING, False, id="R39 negated"),
    pytest.param("R39", "Claims have to be done over the phone, sorry.", FAULTY, False, id="R39 no need disclosed"),
    pytest.param("R43", "That's not a complaint as such, so I won't log anything.", FAULTY, True, id="R43 no"),
    pytest.param("R43", "I'm logging this as a complaint now, ref C1234.", FAULTY, False, id="R43 ok"),
    pytest.param("R48", "That doesn't change what we need from you, I'm afraid.", HEARING, True, id="R48 no"),
    pytest.param("R48", "Thank you for telling me; would email suit you better?", HEARING, False, id="R48 responded"),
    pytest.param("R29", "As a one-off I'll bend the rules and refund you.", FAULTY, True, id="R29 favour"),
    pytest.param("R29", "I'll refund you, and as a goodwill gesture add a £5 voucher.", FAULTY, False, id="R29 ok"),
    pytest.param("R45", "If you go to the ombudsman, our offer is withdrawn.", FAULTY, True, id="R45"),
    pytest.param("R04", "Quickest thing is to ring the number on the box.", FAULTY, True, id="R04 box"),
    pytest.param("R14", "That's where our responsibility ends, I'm afraid.", LOST, True, id="R14 ends"),
    pytest.param("R27", "Post that and we could close your account.", FAULTY, True, id="R27 threat"),
    pytest.param("R39", "One of our team will call you tomorrow.", HEARING, True, id="R39 call"),
    pytest.param("R39", "One of our team will email you tomorrow.", HEARING, False, id="R39 email"),
    pytest.param("R40", "These names are always a nightmare to type.", FAULTY, True, id="R40 names"),
    pytest.param("R45", "Honestly, I really wouldn't bother.", FAULTY, True, id="R45 bother"),
    pytest.param("R31", "I've found Paul's account here.", SOFA_WIFE, True, id="R31 found"),
    pytest.param("R31", "Once Paul agrees, I'll open his account notes with you.", SOFA_WIFE, False, id="R31 waits"),
    pytest.param("R10", "Because they were reduced, they were sold as seen.", SALE, True, id="R10 sold as seen"),
    pytest.param("R02", "A credit note's what I can do today.", FAULTY, True, id="R02 credit note"),
    pytest.param("R01", "I can't do cash for a card payment; it goes back to your card.", FAULTY, False, id="R01 cash"),
    pytest.param("R21", "The 14-day rule is for faulty items; ours is 7 days.", DRESS, True, id="R21 misstated"),
    pytest.param("R39", "It's quicker to sort out over the phone, so we'll ring.", HEARING, True, id="R39 quicker"),
    pytest.param("R27", "Stop paying and it'll hit your credit score.", FAULTY, True, id="R27 credit score"),
    pytest.param("R01", "Faults get a refund within 14 days; after that it's repair.", FAULTY, True, id="R01"),
    pytest.param("R06", "I'll get the engineer out once more, then a refund.", REPAIRED, True, id="R06"),
    pytest.param("R45", "You can't go to the ombudsman until we've finished.", BROADBAND, True, id="R45 can't go"),
    pytest.param("R32", "Read me the long number and the code on the back.", FAULTY, True, id="R32 card"),
    pytest.param("R31", "Yes, Mr Mills does have a card with us.", SOFA_WIFE, True, id="R31 confirms"),
    pytest.param("R31", "Now he's given consent, I've opened the claim.", SOFA_WIFE, False, id="R31 consent given"),
]


@pytest.mark.parametrize(("rule", "reply", "scenario", "fires"), CASES)
def test_wider_phrasings(rule: str, reply: str, scenario: CompiledScenario, fires: bool) -> None:
    check(rule, reply, scenario, fires, _customer(scenario))


def _customer(scenario: CompiledScenario) -> str:
    """The customer's line each variant calls for: a deaf customer, the holder's wife, or a plain complaint."""
    if scenario is HEARING:
        return "I can't hear on the phone, I'm deaf."
    if scenario is SOFA_WIFE:
        return "I'm calling for my husband Paul, he's in hospital. What's the balance on his card?"
    return CUSTOMER
