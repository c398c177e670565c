"""Escalation (rule R47): when a referral is needed, is it made properly: why, to whom, what next and when?"""

from __future__ import annotations

import re
from functools import lru_cache

from scenarios import Offer

from .context import Context
from .criteria import Judgement
from .lexicon import search_any
from .matching import Hit, evidence, find
from .offers import extract_offers
from .text import Reply, normalised_line

_RISK = re.compile(
    r"\b(?:solicitor|lawyer|court|sue|legal action|trading standards|ombudsman|regulator|ofcom|ofgem|fca|ico|press|"
    r"allerg\w*|epipen|anaphyla\w*|ambulance|a&e|injur\w*|gas leak|carbon monoxide|electric shock|cisas|adr|"
    r"newspaper|journalist|twitter|tiktok|facebook|social media|review|trustpilot|fraud|scam|harm myself|end it all|"
    r"misleading|discriminat\w*|racist|sexist|complain about (?:the|your|that) (?:staff|sign|manager|engineer|"
    r"driver|member|assistant|adviser|colleague))\b"
)


_LIMIT_REASON = re.compile(
    r"\b(?:(?:above|over|beyond|outside) (?:my|what i can)|(?:can't|cannot|not able to|unable to|not allowed to|not "
    r"authorised to) (?:authorise|approve|agree|waive|promise|decide|sign off|give|offer|do|pay|cover|refund|credit|"
    r"compensate)|only (?:the|my|our) [a-z ]"
    r"{2,25}(?:can|could|is able|are able|decides?|handles?)|needs? (?:approval|authorisation|sign-off|sign off|an "
    r"override|a (?:supervisor|manager)|to be (?:approved|authorised|signed off))|isn't (?:mine|my decision)|is not "
    r"(?:mine|my decision)|not my decision|(?:sits|rests|lies) with|(?:they|who|she|he) (?:decides?|handles?|deals? "
    r"with|assess(?:es)?|specialises?)|my limit|my authority|the most i can|the most i'm (?:allowed|able) to|"
    r"(?:for|anything) (?:a )?(?:higher|bigger|larger) (?:amount|sum)|anything (?:more|beyond|above) (?:that|this))\b"
)


_SIGNPOST = re.compile(r"\b(?:ombudsman|cisas|adr)\b")


@lru_cache(maxsize=4096)
def manager_asked(customer_line: str) -> bool:
    """True when the customer's line asks for a manager or someone senior."""
    return search_any("escalation", "asked_manager", normalised_line(customer_line)) is not None


def _names_deciding_team(text: str, ctx: Context) -> bool:
    """The reply hands the matter to a team the scenario says decides it (its ``decided_by`` or ``refer_to``)."""
    if ctx.scenario is None:
        return False
    teams = _TEAMS.get(ctx.scenario.content_hash)
    if teams is None:
        authority = ctx.scenario.spec.briefing.authority
        names = [item.decided_by for item in authority.reserved] + [authority.refer_to]
        teams = frozenset(match.group() for name in names for match in _TEAM.finditer(name.lower()))
        _TEAMS[ctx.scenario.content_hash] = teams
    return any(team in text for team in teams)


_TEAMS: dict[str, frozenset[str]] = {}


_TEAM = re.compile(r"\b(?!the |our |your |a |my )[a-z0-9]+ (?:team|line support|leader|manager|supervisor)\b")


def referral_needed(ctx: Context, offers: tuple[Offer, ...]) -> bool:
    """A manager was asked for, the engine expects a referral, or the remedy wanted is beyond the learner's limits."""
    if "referral" in ctx.expects or _RISK.search(normalised_line(ctx.customer_line)):
        return True
    if manager_asked(ctx.customer_line):
        return True
    if any(not offer.within_authority or offer.referred for offer in offers):
        return True
    if ctx.scenario is None:
        return False
    wants = ctx.scenario.spec.customer.wants
    authority = ctx.scenario.spec.briefing.authority
    if any(item.kind == wants.remedy for item in authority.reserved):
        return True
    amount = wants.amount if wants.amount is not None else ctx.scenario.spec.legal.price
    limit = authority.limits.get(wants.remedy)
    return limit is not None and amount is not None and amount > limit


def _handovers(reply: Reply) -> list[Hit]:
    """Sentences that name who takes the matter over and either hand it to them or say they will follow up."""
    found: list[Hit] = []
    recipients = list(find(reply, "escalation", "recipient", skip_negated=False))
    sentences = reply.sentences
    for index, sentence in enumerate(sentences):
        named = [
            hit
            for hit in recipients
            if sentence.start <= hit.start < sentence.end and not _SIGNPOST.search(reply.norm, hit.start, hit.end)
        ]  # the ombudsman is pointed to, not handed the matter
        if not named:
            continue
        # "My manager, Helen, is free at 2pm. I'll book her to call you then." hands over across the next sentences
        following = [later.text for later in sentences[index + 1 : index + 3]]
        hands_over = any(
            search_any("escalation", kind, text)
            for kind in ("transfer", "follow_up")
            for text in (sentence.text, *following)
        )
        first = named[0]
        if hands_over and not reply.is_negated(first.start) and not reply.is_quoted(first.start, first.end):
            found.append(Hit(sentence.start, sentence.end, "handover", ""))
    return found


def escalation(reply: Reply, ctx: Context, offers: tuple[Offer, ...] | None = None) -> tuple[Judgement, bool, bool]:
    """The judgement, whether a referral was made, and whether it was made properly."""
    if offers is None:
        offers = extract_offers(reply, ctx.scenario)
    referrals = list(find(reply, "escalation", "referral")) + list(find(reply, "escalation", "warm"))
    referrals += _handovers(reply)
    vague = list(find(reply, "escalation", "vague_referral", skip_negated=False))
    needed = referral_needed(ctx, offers)
    if not referrals and not vague:
        return (Judgement("missed") if needed else Judgement("n/a")), False, False
    text = reply.norm
    who = search_any("escalation", "recipient", text) is not None
    when = search_any("escalation", "when", text) is not None
    warm = search_any("escalation", "warm", text) is not None
    # Why is often carried by the context (a manager was asked for, the sum is over the limit); who and when are
    # what the customer needs to rely on the referral.
    proper = bool(referrals) and who and (when or warm)
    proof = tuple(evidence(reply, hit, "R47") for hit in sorted(referrals + vague, key=lambda hit: hit.start))
    # the learner's own reason ("it's above my limit") shows the referral was needed even where the context doesn't
    needed = needed or _LIMIT_REASON.search(text) is not None or _names_deciding_team(text, ctx)
    # telling the customer the way to the ombudsman is never a needless referral
    signposts = [hit for hit in referrals if _SIGNPOST.search(text, hit.start, hit.end)]
    needed = needed or bool(signposts)
    # pointing the way to the ombudsman hands nothing over: the conversation goes on
    handed_over = len(signposts) < len(referrals)
    if proper and not vague and needed:
        return Judgement("met", proof, ("referral",) if handed_over else ("signpost",)), handed_over, handed_over
    return Judgement("missed", proof, ("vague_promise",) if vague else ()), handed_over, False
