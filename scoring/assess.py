"""Assessing one reply: every criterion, the evidence, the feedback and the signals the engine needs.

``assess(text, Context(...))`` is a pure, deterministic function of its inputs.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from scenarios import Offer, Signals, Verdict

from .context import Context
from .criteria import Judgement, apologise, empathise, facts_asked, hear, own, professional
from .escalation import escalation
from .legal import legal_findings
from .matching import Hit, evidence, find
from .model import Assessment, CriterionResult, Evidence
from .offers import extract_offers
from .rubric import rubric
from .text import Reply

_IDENTITY_CHECK = re.compile(
    r"\b(?:security (?:questions?|check|details)|verify|verification|confirm (?:your|the) (?:full name|name|postcode|"
    r"address|date of birth|first line|email|order number|account number|identity)|(?:what's|what is|can i (?:take|"
    r"have|get)|could you (?:give|confirm|tell|provide)|please (?:give|confirm|provide)|can you (?:give|confirm|tell)) "
    r"(?:me )?(?:your|the) (?:postcode|full name|name and|date of birth|first line|email address|account number|order "
    r"number|registered)|pass (?:security|data protection))"
)
_ADJUSTMENT = re.compile(
    r"\b(?:by email|by text|text relay|relay uk|email you|text you|email instead|large print|braille|in writing|"
    r"call-?back|extra time|take your time|whatever suits you|what suits you|would email|would text|prefer (?:email|"
    r"text|us to)|how (?:would you like|do you prefer) (?:us|me) to (?:contact|keep in touch)|best way to (?:contact|"
    r"reach|keep in touch)|no (?:extra )?(?:cost|charge) (?:for|to) you|keep to (?:email|text|writing)|(?:email|text) "
    r"and (?:text|email)|no need for (?:any )?(?:phone )?calls|note on (?:your|her|his|the) account|priority "
    r"(?:collection|slot|appointment|visit|booking)|keep (?:it|things|this) (?:short|simple|brief)|flag (?:it|that|"
    r"this) on (?:your|her|his|the) (?:account|file)|vulnerab\w* (?:flag|marker|register)|(?:slower|step by step))\b"
)
_GUARANTEE = re.compile(
    r"\b(?:i guarantee|guaranteed|i promise(?: you)?|you'll definitely|you will definitely|"
    r"(?:he|she|they|it)(?:'ll| will) definitely|definitely (?:be|get|cover|pay|refund|approve|waive|agree)|100% "
    r"(?:be|get)|i can assure you (?:you'll|it will)|i'll (?:personally )?make sure you get)\b[^.!?]{0,80}\b"
    r"(?:fixed|compensat\w*|paid|"
    r"waive\w*|approved?|money|floor|damage|fee|refund|credit|cover|back|sorted by|tomorrow|today|costs?|it|full|"
    r"£\s?\d)"
    r"|\b(?:get|have|receive|see) every (?:single )?penny\b"
    r"|\b(?:whatever (?:the )?condition|no matter what (?:condition|state))\b"
    r"|\b(?:by|on|before|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the weekend)"
    r"\b,? 100%"
    r"|\b(?:you won't|you will not|you'll never) (?:have|get|see) (?:any )?(?:more|another|any other|further) "
    r"(?:problems?|issues?|trouble|faults?|drop-?outs?)\b|\b(?:it|this) (?:won't|will not|will never) happen again\b"
    r"|,? guaranteed[.!]*$|\byou have my word\b|\bi (?:can )?guarantee\b|\bi'll make sure of (?:it|that)\b|"
    r"\b(?:she|he|they)(?:'ll| will) (?:definitely |certainly )?approve (?:it|that|this)\b"
    r"|\btrust me\b|\bwill be (?:sacked|fired|disciplined)\b"
    r"|\b(?:basically|practically|pretty much|all but) guaranteed\b|\bi'm (?:sure|certain|confident) (?:they|he|she|"
    r"the \w+ team|retention|claims|my manager|my team leader)(?:'ll| will) (?:waive|approve|agree|refund|pay|accept)"
)
# one of these words is in every match of _GUARANTEE: a quick test that spares most replies the full search
_GUARANTEE_HINT = re.compile(
    r"guarantee|promise|definitely|100%|assure|make sure|penny|condition|no matter|won't (?:have|get|see)|"
    r"will not (?:have|get|see)|"
    r"never|happen again|my word|approve|trust me|sacked|fired|disciplined|\bi'm (?:sure|certain|confident)"
)
# acting on an account for someone who is not its holder, before they have authority ("once he's said yes" waits)
_ONCE_AUTHORISED = re.compile(
    r"\b(?:once|when|after|as soon as|if|until|the moment|to open)\b|\bgiven (?:his|her|their|your) consent\b|"
    r"\b(?:has|have) consented\b|\bwith (?:his|her|their) (?:consent|authority|permission)\b"
)
_ACTS = frozenset({"claim", "refund", "cancellation", "credit", "waiver", "compensation"})
_ACTING = re.compile(
    r"\b(?:i'll|i will|i've|i have|i'm going to|we'll|we will|let me|you'll get|you will get)\b(?! need)|"
    r"\bwill be with you\b|\bmake an exception\b"
)


def _authority(reply: Reply, ctx: Context, offers: tuple[Offer, ...]) -> Judgement:
    if ctx.scenario is None:
        return Judgement("n/a")
    over = [offer for offer in offers if not offer.within_authority]
    guarantees = [
        Hit(m.start(), m.end(), "guarantee", "")
        for m in (_GUARANTEE.finditer(reply.norm) if _GUARANTEE_HINT.search(reply.norm) else ())
        if not reply.is_negated(m.start()) and not reply.is_quoted(m.start(), m.end())
    ]
    if ctx.speaking_to_third_party:
        over += [
            o
            for o in offers
            if o.kind in _ACTS
            and not (o.asked or o.referred)
            and _ACTING.search(o.text.lower())
            and not _ONCE_AUTHORISED.search(reply.original[max(0, o.start - 60) : o.end].lower())
        ]
    if over or guarantees:
        proof = [Evidence(o.start, o.end, o.text, "R28") for o in over]
        proof += [evidence(reply, hit, "R28") for hit in guarantees]
        return Judgement("breach", tuple(sorted(dict.fromkeys(proof), key=lambda e: e.start)), ("over_promise",))
    if offers:
        return Judgement("met", tuple(Evidence(o.start, o.end, o.text, "R28") for o in offers))
    return Judgement("n/a")


def _legal(reply: Reply, ctx: Context) -> tuple[Judgement, tuple[str, ...]]:
    findings = legal_findings(reply, ctx)
    if findings:
        ids = tuple(rule.id for rule, _ in findings)
        tags = ["unlawful_refusal"]
        if {"R30", "R31", "R32"} & set(ids):
            tags.append("data_breach")
        return Judgement("breach", tuple(proof for _, proof in findings), tuple(tags)), ids
    return Judgement("met"), ()


def _result(name: str, judgement: Judgement, feedback: str, extra: str = "") -> CriterionResult:
    text = feedback if not extra else f"{feedback} {extra}"
    return CriterionResult(name, judgement.verdict, judgement.evidence, text)


def assess(text: str, ctx: Context | None = None) -> Assessment:
    """Grade one reply in its context. With no scenario only the generic criteria and rules apply."""
    ctx = ctx or Context()
    reply = Reply(text)
    offers = extract_offers(reply, ctx.scenario)
    legal, breached_rules = _legal(reply, ctx)
    esc, referral_made, referral_proper = escalation(reply, ctx, offers)
    judgements: dict[str, Judgement] = {
        "hear": hear(reply, ctx),
        "empathise": empathise(reply, ctx),
        "apologise": apologise(reply, ctx),
        "own": own(reply, ctx),
        "authority": _authority(reply, ctx, offers),
        "legal": legal,
        "escalation": esc,
        "professional": professional(reply, ctx),
    }
    book = rubric()
    results: dict[str, CriterionResult] = {}
    for name, judgement in judgements.items():
        extra = ""
        if name == "legal" and breached_rules:
            from .legal import rules

            extra = " ".join(
                f"{rule_id} ({rules()[rule_id].law}): {rules()[rule_id].feedback}" for rule_id in breached_rules
            )
        results[name] = _result(name, judgement, book.feedback(name, judgement.verdict), extra)
    tags: list[str] = []
    for judgement in judgements.values():
        tags.extend(judgement.tags)
    if referral_made:
        tags.append("referral")
    breaches = breached_rules + (("R28",) if judgements["authority"].verdict == "breach" else ())
    verdicts: dict[str, Verdict] = {name: judgement.verdict for name, judgement in judgements.items()}
    account_talk = any(True for _ in find(reply, "legal", "R30"))
    signals = Signals(
        verdicts=MappingProxyType(verdicts),
        offers=offers,
        questions=len([q for q in reply.questions if q.question != "rhetorical"]),
        facts_asked=facts_asked(reply, ctx),
        referral_made=referral_made,
        referral_proper=referral_proper,
        identity_check=bool(_IDENTITY_CHECK.search(reply.norm)),
        adjustment_offered=bool(_ADJUSTMENT.search(reply.norm)) and "R39" not in breached_rules,
        account_talk=account_talk,
        solution_offered=bool(offers) or judgements["own"].verdict == "met",
        breaches=breaches,
        tags=tuple(dict.fromkeys(tags)),
    )
    return Assessment(results=results, signals=signals, rubric_version=book.version)
