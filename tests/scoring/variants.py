"""Inline variants of the MINIMAL kettle scenario, so each scoring test states the facts it is judged against.

``kettle(**legal)`` swaps values in the scenario's ``legal:`` block (``None`` removes a key); ``limits``,
``reserved``, ``wants`` and ``sector`` change the briefing and the customer. Compiled scenarios are cached, so a
table of cases that share a variant compiles it once.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from scenarios import CompiledScenario, compile_scenario
from scoring import Assessment, Context, CriterionResult, assess

from ..scenarios.minimal import MINIMAL

BASE_LEGAL: dict[str, Any] = {
    "supply": "goods",
    "purchase_route": "in-store",
    "price": 25,
    "days_since_delivery": 7,
    "faulty": True,
}
_LEGAL_BLOCK = (
    "legal:\n  supply: goods\n  purchase_route: in-store\n  price: 25\n  days_since_delivery: 7\n  faulty: true\n"
)
_LIMITS = "limits: {refund: 50, voucher: 5}"
_WANTS = "wants: {remedy: refund, amount: 25, accepts: [refund, replacement]}"
_PERMISSIONS = "    permissions: [process_refund]\n"
_UNKNOWN = '    unknown_question: ["I\'ve no idea.", "No clue, sorry."]\n'
_VERIFICATION = '    verification: ["It\'s Sam Lee, LS1 4AB.", "Sam Lee, and the postcode is LS1 4AB."]\n'

DEFAULT_CUSTOMER = "My kettle's broken already. It won't even switch on."


def _render(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_render(item) for item in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def kettle_text(
    *,
    limits: str | None = None,
    reserved: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (),
    wants: str | None = None,
    sector: str | None = None,
    **legal: Any,
) -> str:
    """The MINIMAL text with the changes asked for (see the module docstring)."""
    assert _LEGAL_BLOCK in MINIMAL, "MINIMAL's legal block changed; update tests/scoring/variants.py"
    merged = {**BASE_LEGAL, **legal}
    block = "legal:\n" + "".join(f"  {key}: {_render(value)}\n" for key, value in merged.items() if value is not None)
    text = MINIMAL.replace(_LEGAL_BLOCK, block).replace(_UNKNOWN, _UNKNOWN + _VERIFICATION)
    if limits is not None:
        text = text.replace(_LIMITS, f"limits: {limits}")
    if wants is not None:
        text = text.replace(_WANTS, f"wants: {wants}")
    if sector is not None:
        text = text.replace("sector: retail", f"sector: {sector}")
    if reserved:
        lines = "    reserved:\n"
        for item_id, kind, decided_by, mentions in reserved:
            lines += f"      - id: {item_id}\n        kind: {kind}\n        decided_by: {decided_by}\n"
            lines += "        mentions: [" + ", ".join(mentions) + "]\n"
        text = text.replace(_PERMISSIONS, _PERMISSIONS + lines)
    return text


@lru_cache(maxsize=128)
def _compiled(text: str) -> CompiledScenario:
    return compile_scenario(text)


def kettle(
    *,
    limits: str | None = None,
    reserved: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (),
    wants: str | None = None,
    sector: str | None = None,
    **legal: Any,
) -> CompiledScenario:
    """The kettle scenario, compiled, with the changes asked for."""
    return _compiled(kettle_text(limits=limits, reserved=reserved, wants=wants, sector=sector, **legal))


def judge(
    reply: str,
    scenario: CompiledScenario | None = None,
    customer: str = DEFAULT_CUSTOMER,
    *,
    verified: bool = False,
    third_party: bool | None = None,
    expects: tuple[str, ...] = (),
) -> Assessment:
    """Assess ``reply`` in a context built from the arguments."""
    ctx = Context(
        scenario=scenario,
        customer_line=customer,
        identity_verified=verified,
        third_party=third_party,
        expects=expects,
    )
    return assess(reply, ctx)


def evidence_maps(reply: str, result: CriterionResult) -> list[str]:
    """Problems with ``result``'s evidence: spans that fall outside ``reply`` or don't show the recorded words."""
    problems = []
    for item in result.evidence:
        if not (0 <= item.start < item.end <= len(reply)):
            problems.append(f"span {item.start}:{item.end} is outside the reply")
        elif reply[item.start : item.end] != item.text:
            problems.append(f"{item.start}:{item.end} is {reply[item.start : item.end]!r}, evidence says {item.text!r}")
    return problems


def rules_fired(assessment: Assessment) -> set[str]:
    """Rule ids the legal criterion cites as breached."""
    legal = assessment.results["legal"]
    return {item.rule for item in legal.evidence} | (set(assessment.signals.breaches) - {"R28"})
