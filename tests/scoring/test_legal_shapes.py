"""Breaches found by their shape, in wordings no lexicon row names, each beside a lawful twin; and the business's own
rule reported by the learner, which counts when applied and not when set aside."""

from __future__ import annotations

import pytest

from scenarios import CompiledScenario

from .test_legal_rules import FAULTY, LOST, SALE, SOFA_WIFE, check
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
