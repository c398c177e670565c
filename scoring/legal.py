"""Legal rules R01…R45: each fires only in the context it applies to, on words that break it.

The rules' titles, laws, severities and feedback are data (``data/rules.yaml``); the phrases that break each rule
are in ``data/lexicons/legal.tsv``; the contexts are the closed set of pure conditions below, named in the data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

import yaml

from . import legal_barriers as barriers
from . import legal_shapes as shapes
from .context import Context
from .matching import Hit, evidence, find
from .model import Evidence
from .text import Reply, normalised_line, once_per_reply

Condition = Callable[[Context], bool]
Severity = Literal["critical", "major", "minor"]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    law: str
    severity: Severity
    applies: str
    feedback: str


def _days(ctx: Context) -> int | None:
    return ctx.legal.days_since_delivery if ctx.legal else None


def _faulty_goods(ctx: Context) -> bool:
    legal = ctx.legal
    return bool(legal and legal.supply == "goods" and legal.faulty)


def _within(days: int) -> Condition:
    def condition(ctx: Context) -> bool:
        since = _days(ctx)
        return since is None or since <= days

    return condition


def _distance_within_14_days(ctx: Context) -> bool:
    legal = ctx.legal
    if not legal or legal.purchase_route not in {"online", "phone", "doorstep"} or legal.supply != "goods":
        return False
    return legal.days_since_delivery is not None and legal.days_since_delivery <= 14 and not legal.faulty


def _failed_repair(ctx: Context) -> bool:
    return bool(_faulty_goods(ctx) and ctx.legal and ctx.legal.prior_repairs >= 1)


def _refund_due(ctx: Context) -> bool:
    legal = ctx.legal
    if legal is None:
        return False
    return (
        (_faulty_goods(ctx) and _within(30)(ctx))
        or _failed_repair(ctx)
        or _distance_within_14_days(ctx)
        or legal.delivered is False
    )


def adr_due(ctx: Context) -> bool:
    """True once the customer may take a telecoms complaint to ADR: 6 weeks from 8 April 2026, 8 before."""
    legal = ctx.legal
    if legal is None or legal.complaint_started is None or legal.today is None:
        return False
    weeks = 6 if legal.complaint_started.isoformat() >= "2026-04-08" else 8
    return (legal.today - legal.complaint_started).days >= weeks * 7


CONDITIONS: MappingProxyType[str, Condition] = MappingProxyType(
    {
        "always": lambda ctx: True,
        "any_scenario": lambda ctx: ctx.scenario is not None,
        "faulty_goods": _faulty_goods,
        "faulty_goods_within_30_days": lambda ctx: _faulty_goods(ctx) and _within(30)(ctx),
        "faulty_goods_within_6_months_after_30_days": lambda ctx: (
            _faulty_goods(ctx) and (_days(ctx) or 0) > 30 and _within(183)(ctx)
        ),
        "failed_repair": _failed_repair,
        "failed_repair_within_6_months": lambda ctx: _failed_repair(ctx) and _within(183)(ctx),
        "faulty_sale_item": lambda ctx: _faulty_goods(ctx) and bool(ctx.legal and ctx.legal.sale_item),
        "no_receipt": lambda ctx: bool(ctx.legal and not ctx.legal.has_receipt and ctx.legal.faulty),
        "not_delivered": lambda ctx: bool(ctx.legal and ctx.legal.delivered is False),
        "faulty_service": lambda ctx: bool(ctx.legal and ctx.legal.supply == "service" and ctx.legal.faulty),
        "consequential_loss": lambda ctx: bool(ctx.legal and ctx.legal.consequential_loss),
        "distance_within_14_days": _distance_within_14_days,
        "refund_due": _refund_due,
        "unverified_caller": lambda ctx: ctx.needs_verification,
        "third_party": lambda ctx: ctx.speaking_to_third_party,
        "disability_disclosed": lambda ctx: ctx.vulnerable,
    }
)


@cache
def rules() -> MappingProxyType[str, Rule]:
    """Rule id → rule, from ``data/rules.yaml``; every ``applies`` must name a known condition."""
    text = resources.files("scoring").joinpath("data", "rules.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    loaded: dict[str, Rule] = {}
    for rule_id, fields in raw.items():
        rule = Rule(id=rule_id, **fields)
        if rule.applies not in CONDITIONS:
            raise ValueError(f"rules.yaml: {rule_id} applies '{rule.applies}', which is not a known condition")
        loaded[rule_id] = rule
    return MappingProxyType(loaded)


_SAFE_CAPTURE = re.compile(
    r"\b(?:keypad|dtmf|(?:characters?|letters?|digits?) (?:of|from) your (?:password|passcode|memorable)|won't hear|"
    r"isn't recorded|not recorded|never (?:ask|need))"
)
_PHONE = re.compile(r"\b(?:ring|call|phone|bell)\b")
_ADDRESS = re.compile(r"\d{1,4}[a-z]? [a-z]+ (?:road|street|avenue|lane|close|drive|way|crescent|gardens|court|place)")
_NOT_NOW = re.compile(r"\b(?:used to|no longer|not|rather than|instead of|old rule|before april|was)\b")
_ADR_TIMING = re.compile(r"\b(?:8|eight) weeks?\b|\bdeadlock\b|\bnot yet\b|\buntil\b")


def _fires(rule: Rule, hit: Hit, reply: Reply, ctx: Context) -> bool:
    words = reply.norm[hit.start : hit.end]
    if rule.id == "R45" and _ADR_TIMING.search(words):
        sentence = reply.sentence_at(hit.start)
        return adr_due(ctx) and not _NOT_NOW.search(reply.norm[sentence.start : hit.start])
    if rule.id == "R32":
        sentence = reply.sentence_at(hit.start)
        if _SAFE_CAPTURE.search(reply.norm[sentence.start : sentence.end]):
            return False  # partial password characters or the keypad are the safe ways to check
    if rule.id == "R39" and _PHONE.search(words):
        return ctx.hearing_needs  # pushing the phone is a barrier only for someone who cannot use it
    if rule.id == "R30" and _ADDRESS.search(words):
        return words not in normalised_line(ctx.customer_line)  # reading back what the caller just said leaks nothing
    if rule.id == "R11" and barriers.receipt_excused(reply, hit.start):
        return False  # "without a receipt your bank app is fine"
    if rule.id == "R30" and _VERIFIED_NOW.search(reply.norm, 0, hit.start):
        return False  # "that's you verified ... you're at number 14": the check came first
    if rule.id == "R31" and _WAITS_FOR_HOLDER.search(reply.norm, reply.sentence_at(hit.start).start, hit.start):
        return False  # "once he's agreed, I'll open the claim for him" waits for the holder's authority
    verifying = bool(ctx.legal and ctx.legal.identity_check_required)
    asked_with = reply.sentence_at(hit.start).text
    return not (rule.id == "R33" and verifying and "birth" in words and not _NEVER_NEEDED.search(asked_with))


@once_per_reply
def legal_findings(reply: Reply, ctx: Context) -> list[tuple[Rule, Evidence]]:
    """Every applicable rule broken by the reply, with the words that broke it."""
    found: list[tuple[Rule, Evidence]] = []
    for rule in rules().values():
        if not CONDITIONS[rule.applies](ctx):
            continue
        for hit in find(reply, "legal", rule.id, skip_quoted=False):
            if reply.is_quoted(hit.start, hit.end) and not _endorsed(reply, hit):
                continue
            if _DENIED_AFTER.match(reply.norm, hit.end):
                continue  # "a restocking fee can't be charged when you cancel" states the rule, it doesn't break it
            if _fires(rule, hit, reply, ctx):
                found.append((rule, evidence(reply, hit, rule.id)))
                break
    named = {rule.id for rule, _ in found}
    for rule_id, hits in _shapes(reply, ctx):
        shaped = rules().get(rule_id)
        if shaped is not None and rule_id not in named and hits and CONDITIONS[shaped.applies](ctx):
            found.append((shaped, evidence(reply, hits[0], rule_id)))
            named.add(rule_id)
    return found


_VERIFIED_NOW = re.compile(
    r"\b(?:you're|you are|that's you|you've been|you have been) (?:now |all |fully )?(?:verified|"
    r"through security)\b|\b(?:passed|through|cleared) security\b|\bthanks for (?:confirming|verifying)\b"
)
_WAITS_FOR_HOLDER = re.compile(
    r"\b(?:once|when|after|as soon as|if)\b[^.!?]{0,40}\b(?:agreed|consent\w*|confirmed|authoris\w*|said yes)\b"
)

# data no identity check needs: asking for these is excessive even where a date of birth may be asked
_NEVER_NEEDED = re.compile(r"maiden|passport|national insurance|ni number|medical|medication|salary|religion")
_DENIED_AFTER = re.compile(
    r"[^.!?]{0,30}?\b(?:can't|cannot|can not|shouldn't|should not|isn't|is not|won't|will not|mustn't|must not|"
    r"doesn't|does not|aren't|are not) (?:be |have been )?(?:charged|applied|allowed|taken|deducted|legal|lawful|"
    r"right|correct|true|apply|count|used|offered)\b"
)
# the business's own words, reported by the learner: "the policy says...", "it says on the sign..."
_OWN_SOURCE = re.compile(
    r"\b(?:policy|policies|sign|notice|poster|terms|t&cs|system|website|rules?|it|till|screen|procedure|"
    r"process)\b[^.!?]{0,15}\b(?:says?|states?|reads)\b"
)
_DISAVOW = re.compile(
    r"\b(?:but|however|though|although|ignore|wrong|outdated|out of date|statutory rights|don't worry)\b|"
    r"\b(?:doesn't|does not|don't|do not|can't|cannot|won't) (?:apply|override|affect|change|count|stand|hold)\b|"
    r"\b(?:not|isn't|is not|wasn't) (?:true|right|correct|the law|how it works|valid|lawful|legal|accurate)\b"
)


def _endorsed(reply: Reply, hit: Hit) -> bool:
    """Reported words the learner goes on to apply: the business's own rule, quoted and not set aside after."""
    sentence = reply.sentence_at(hit.start)
    frames = list(_OWN_SOURCE.finditer(reply.norm, sentence.start, hit.start))
    if not frames:
        return False
    frame = frames[-1]
    end = reply.next_sentence_end(sentence)
    return not _DISAVOW.search(reply.norm, frame.start(), end)


# a caller speaking of their parent is a relative on the line, who can take a call
_RELATIVE = re.compile(
    r"\b(?:mum|mum's|mummy|mother|mother's|mom|dad|dad's|father|father's|her (?:password|account))\b"
)

# the rule a refused refund breaks, most specific context first
_REFUSAL_RULES = ("R10", "R11", "R01", "R06", "R14", "R21")


def _shapes(reply: Reply, ctx: Context) -> Iterator[tuple[str, list[Hit]]]:
    """Breaches found by their shape (see ``legal_shapes`` and ``legal_barriers``), each named by the rule its context
    makes it break. A fee for a disabled customer's adjustment, the phone pressed on a deaf one and an ombudsman
    talked down are breaches in any complaint; the rest need the scenario's facts."""
    if ctx.vulnerable:
        yield "R39", barriers.adjustment_charged(reply)
    if ctx.hearing_needs:
        relative = ctx.speaking_to_third_party or bool(_RELATIVE.search(ctx.customer_line.lower()))
        yield "R39", barriers.phone_pushed(reply, relative_on_the_line=relative)
    yield "R45", barriers.redress_discouraged(reply, barriers.OMBUDSMAN, ctx.customer_line)
    if ctx.legal is None:
        return
    refusal_rule = next((r for r in _REFUSAL_RULES if r in rules() and CONDITIONS[rules()[r].applies](ctx)), None)
    if refusal_rule is not None:
        yield refusal_rule, shapes.remedy_refused(reply)
        if not ctx.speaking_to_third_party:  # to a third party, a refusal is the lawful answer
            yield refusal_rule, barriers.nothing_more(reply) + barriers.policy_over_law(reply, ctx.customer_line)
    if CONDITIONS["distance_within_14_days"](ctx):
        yield "R21", shapes.cancellation_refused(reply)
        yield "R23", barriers.deduction_for_trying(reply)
    for rule_id in ("R04", "R14", "R16", "R19"):
        if rule_id in rules() and CONDITIONS[rules()[rule_id].applies](ctx):
            yield rule_id, shapes.sent_elsewhere(reply, rule_id)
    if CONDITIONS["failed_repair"](ctx):
        yield "R06", shapes.repair_again(reply, ctx)
    if CONDITIONS["third_party"](ctx):
        yield "R31", shapes.account_told(reply, ctx) + shapes.acts_on_account(reply) + shapes.data_sent(reply)
    if CONDITIONS["no_receipt"](ctx):
        yield "R11", barriers.receipt_demanded(reply)
    yield "R26", barriers.redress_discouraged(reply, barriers.COURT, ctx.customer_line)


def is_critical(rule_id: str) -> bool:
    rule = rules().get(rule_id)
    return bool(rule and rule.severity == "critical")
