"""Over-promising in the ways learners write it: "here's a voucher", outcomes guaranteed, a decision reserved to
another team made on the spot, costs covered by amount; each beside a twin that stays within authority."""

from __future__ import annotations

import pytest

from scenarios import CompiledScenario

from .variants import judge, kettle

KETTLE = kettle()  # £25 kettle; refund up to £50, voucher up to £5
COSTS = kettle(limits="{refund: 50, voucher: 5, compensation: 30}")  # may also pay costs up to £30
PRICEY = kettle(price=80)
TWO_POTS = kettle(limits="{refund: 30, replacement: 30}")
THIRD_PARTY = kettle(caller="third-party", supply="credit", payment_method="credit-card")
RESERVED = kettle(reserved=(("deductions", "price_reduction", "the Returns team", ("deduction",)),))
CUSTOMER = "It's broken and I want this sorted."

CASES = [
    pytest.param("Here's a £20 voucher for your trouble.", KETTLE, True, id="here's a voucher over the limit"),
    pytest.param("Here's a £5 voucher for your trouble.", KETTLE, False, id="here's a voucher within the limit"),
    pytest.param("You'll get every penny back, whatever condition it's in.", KETTLE, True, id="every penny"),
    pytest.param("It'll be in your account by Friday, 100%.", KETTLE, True, id="100 percent by Friday"),
    pytest.param("You won't have any more problems with it, I promise.", KETTLE, True, id="no more problems"),
    pytest.param("I can't promise it won't happen again, but I'll log it.", KETTLE, False, id="no promise, negated"),
    pytest.param("I've removed the deduction, so you'll get it all.", RESERVED, True, id="reserved decision made"),
    pytest.param(
        "The deduction is for the Returns team to decide; I'll ask them today and email you by 5pm.",
        RESERVED,
        False,
        id="reserved decision referred",
    ),
    pytest.param("We'll cover the £600 for the damage.", COSTS, True, id="cover an amount"),
    pytest.param("We'll cover the £20 postage.", COSTS, False, id="cover an amount within the limit"),
    pytest.param("I'm sure my manager will approve it, it's basically guaranteed.", KETTLE, True, id="guaranteed"),
    pytest.param("I'll do you a credit note for the £25.", KETTLE, False, id="store credit is not extra money"),
    pytest.param("You're entitled to a refund of £80 by law.", PRICEY, False, id="stating the law, no promise"),
    pytest.param("I'll send a new one and refund the £25 too.", TWO_POTS, True, id="two remedies for one item"),
    pytest.param("I'll send a new one today.", TWO_POTS, False, id="one remedy within its limit"),
    pytest.param("I can't approve that myself, so it's decided by my supervisor.", PRICEY, False, id="not mine"),
    pytest.param("I'll open the claim for him now.", THIRD_PARTY, True, id="acting for a third party"),
    pytest.param("He'll need to open the claim himself.", THIRD_PARTY, False, id="holder acts"),
    pytest.param("It'll be collected first thing tomorrow, guaranteed.", KETTLE, True, id="guaranteed at the end"),
    pytest.param("She'll approve it and the money will be back by Friday.", PRICEY, True, id="promising the approval"),
    pytest.param("I know every penny counts, so I've refunded the £25.", KETTLE, False, id="every penny counts"),
    pytest.param("I'm refunding the whole £80 now.", PRICEY, True, id="I'm refunding"),
    pytest.param("Let me sort the refund out with my team leader.", PRICEY, False, id="with the team leader"),
    pytest.param("Someone will probably be in touch about a refund.", PRICEY, False, id="hedged, not a promise"),
    pytest.param("I'll take 10% off for the wear.", RESERVED, True, id="a reserved kind at any amount"),
    pytest.param("Trust me, that engineer will be sacked.", KETTLE, True, id="trust me"),
    pytest.param("I'll personally make sure you get the full £80.", PRICEY, True, id="personally make sure"),
    pytest.param("You'll get the £25 back, don't worry.", THIRD_PARTY, True, id="promised to a third party"),
    pytest.param("To open the claim I'll need his consent first.", THIRD_PARTY, False, id="what's needed first"),
    pytest.param("That's above what I can approve, so I'm passing it to my supervisor.", PRICEY, False, id="above"),
]


@pytest.mark.parametrize(("reply", "scenario", "breach"), CASES)
def test_authority_phrasings(reply: str, scenario: CompiledScenario, breach: bool) -> None:
    result = judge(reply, scenario, CUSTOMER).results["authority"]
    assert (result.verdict == "breach") is breach, f"{result.verdict} for {reply!r}: {result.evidence}"


def test_the_guarantee_hint_never_hides_a_guarantee() -> None:
    """The quick test in front of the guarantee search must pass every text the search would match."""
    import json
    from pathlib import Path

    from scoring.assess import _GUARANTEE, _GUARANTEE_HINT
    from scoring.text import Reply

    texts = [str(p.values[0]) for p in CASES]
    for path in sorted((Path(__file__).resolve().parent.parent / "data").glob("labelled-*.jsonl")):
        texts += [json.loads(line)["response"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    hidden = [t for t in texts if _GUARANTEE.search(Reply(t).norm) and not _GUARANTEE_HINT.search(Reply(t).norm)]
    assert hidden == []
