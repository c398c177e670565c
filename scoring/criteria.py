"""The HEAT and conduct criteria as small pure functions of a reply and its context.

Each returns a :class:`Judgement`: the verdict, the evidence behind it (spans and rule ids) and the tags the engine
uses to move the customer's mood. Feedback sentences come from the rubric data, chosen by verdict and the first
rule in the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scenarios import Verdict

from .context import Context
from .echo import echoes
from .lexicon import search_any
from .matching import Hit, evidence, find, overlaps
from .model import Evidence
from .text import Reply, once_per_reply


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    tags: tuple[str, ...] = ()


_APOLOGY_LEAD = re.compile(r"\bsorry (?:that )?$|\bsorry (?:that )?(?:you|you've|you have) $")
_CONTRAST = re.compile(r"\b(?:but|however|although|though|yet|unfortunately|sadly|that said|regardless)\b")
# thanks, not empathy: "I appreciate you bringing them back"
_THANKS = re.compile(
    r"\bappreciate (?:you|your) (?:bringing|coming|calling|contacting|getting|letting|telling|taking|being|waiting|"
    r"patience|time|help|understanding|call|message|email)"
)


# what follows a "but" that takes the acknowledgement back: a refusal or a rule, not a reassurance or an action
_REFUSES = re.compile(
    r"\b(?:can't|cannot|won't|don't|doesn't|isn't|aren't|not|nothing|only|applies|apply|every customer|"
    r"all customers|everyone|the contract|terms|policy|rules|unable)\b"
)
_REASSURES = re.compile(
    r"\b(?:don't worry|no need|not a problem|no problem|won't have to|don't have to|doesn't (?:change|affect) your|"
    r"doesn't matter|not too late|you're (?:fine|right|entitled|within|covered)|swear\w*|i'll|i will|we'll|we will|"
    r"i've|i have|let me|i'm going to|i can|here's what|unless|as soon as|once|spoken to like that|swearing|"
    r"language|civil)\b"
)


def _takes_back(after: str) -> bool:
    """True when the words after a 'but' wall the customer off (the lexicon's ways), or refuse or cite a rule with no
    reassurance or action beside them."""
    if search_any("empathy", "cancel", after.strip()):
        return True
    return bool(_REFUSES.search(after)) and not _REASSURES.search(after)


def _valid(hits: list[Hit], blockers: list[Hit]) -> list[Hit]:
    return [hit for hit in hits if not any(overlaps(hit, block) for block in blockers)]


def _after_contrast(reply: Reply, hit: Hit) -> str:
    """Words after a 'but' / 'however' that follows the hit, in the same or the next sentence."""
    sentence = reply.sentence_at(hit.start)
    rest = reply.norm[hit.end : sentence.end]
    match = _CONTRAST.search(rest)
    if match is not None:
        return rest[match.end() :]
    following = reply.norm[sentence.end : reply.sentence_at(sentence.end + 1).end].lstrip(" .!")
    # "... I really can. Sorry, but I can only book a repair": the contrast opens the next sentence
    match = _CONTRAST.search(following, 0, 20)
    if match is not None:
        return following[match.end() :]
    return ""


def facts_asked(reply: Reply, ctx: Context) -> tuple[str, ...]:
    """Keys of the customer's facts that the reply's questions or requests ask for."""
    if ctx.scenario is None:
        return ()
    asked: list[str] = []
    asking = [q.text for q in reply.questions if q.question != "rhetorical"]
    asking += [
        s.text
        for s in reply.sentences
        if re.search(r"\b(?:please (?:tell|give|confirm|send)|i need|i'll need)", s.text)
    ]
    for key, fact in ctx.scenario.spec.customer.facts.items():
        if any(any(word.lower() in text for word in fact.asked_by) for text in asking):
            asked.append(key)
    return tuple(asked)


def _details_source(ctx: Context) -> str:
    """The customer's line, plus what the scenario says they told us (their facts), as text to echo."""
    if ctx.scenario is None:
        return ctx.customer_line
    facts = " . ".join(fact.value for fact in ctx.scenario.spec.customer.facts.values() if not fact.hidden)
    return f"{ctx.customer_line} . {facts}"


def _breach_spans(reply: Reply, ctx: Context) -> list[Hit]:
    """Where the reply breaks a legal or conduct rule: a question there asks for the wrong thing."""
    from .legal import legal_findings

    spans = [Hit(*reply_span(reply, e.start, e.end), "breach", "") for _, e in legal_findings(reply, ctx)]
    conduct = professional(reply, ctx)
    if conduct.verdict == "breach":
        spans += [Hit(*reply_span(reply, e.start, e.end), "breach", "") for e in conduct.evidence]
    return spans


def reply_span(reply: Reply, start: int, end: int) -> tuple[int, int]:
    """Normalised span for evidence given in original characters (identity when nothing was rewritten)."""
    starts = [i for i, value in enumerate(reply._starts) if value >= start]
    ends = [i for i, value in enumerate(reply._ends) if value <= end]
    return (starts[0] if starts else 0), (ends[-1] + 1 if ends else 0)


def _breaks_rules(reply: Reply, ctx: Context) -> bool:
    from .legal import legal_findings

    return bool(legal_findings(reply, ctx)) or professional(reply, ctx).verdict == "breach"


def hear(reply: Reply, ctx: Context) -> Judgement:
    irrelevant = list(find(reply, "hear", "irrelevant", skip_negated=False))
    if ctx.legal and ctx.legal.identity_check_required:
        irrelevant = [hit for hit in irrelevant if "birth" not in reply.norm[hit.start : hit.end]]
    proof: list[Evidence] = []
    breaches = _breach_spans(reply, ctx)
    # a reply that blames, mocks or talks down to the customer is not listening, whatever it asks
    conduct = professional(reply, ctx).verdict == "breach"
    for question in () if conduct else reply.questions:
        if question.question == "rhetorical" or search_any("hear", "procedural", question.text):
            continue
        span = Hit(question.start, question.end, "question", "")
        if any(overlaps(span, bad) for bad in irrelevant + breaches):
            continue
        proof.append(evidence(reply, span, "R56"))
    for kind in ("check", "restate", "ask_want"):
        proof.extend(evidence(reply, hit, "R56") for hit in find(reply, "hear", kind, skip_negated=False))
    if not proof and not _breaks_rules(reply, ctx):
        # restating the customer's details counts as listening, unless it only serves a refusal or a put-down
        proof.extend(evidence(reply, hit, "R56") for hit in echoes(reply, _details_source(ctx)))
    if proof:
        return Judgement("met", tuple(sorted(dict.fromkeys(proof), key=lambda e: e.start)), ("question",))
    bad = [evidence(reply, hit, "R33") for hit in irrelevant]
    bad += [evidence(reply, Hit(q.start, q.end, "", ""), "R54") for q in reply.questions if q.question == "rhetorical"]
    return Judgement("missed", tuple(bad))


def empathise(reply: Reply, ctx: Context) -> Judgement:
    dismissive = list(find(reply, "empathy", "dismissive", skip_negated=False))
    sarcasm = list(find(reply, "professional", "sarcasm", skip_negated=False))
    if dismissive or sarcasm:
        return Judgement("missed", tuple(evidence(reply, hit, "R53") for hit in dismissive + sarcasm), ("sarcasm",))
    genuine: list[Evidence] = []
    cancelled: list[Evidence] = []
    for hit in find(reply, "empathy", "feeling"):
        if _APOLOGY_LEAD.search(reply.norm[max(0, hit.start - 16) : hit.start]):
            continue  # "I'm sorry you've been let down" apologises for the impact; it is not empathy on its own
        if _THANKS.search(reply.norm, hit.start, min(len(reply.norm), hit.end + 24)):
            continue
        after = _after_contrast(reply, hit)
        if after and _takes_back(after):
            cancelled.append(evidence(reply, hit, "R53"))
        else:
            genuine.append(evidence(reply, hit, "R53"))
    if genuine:
        return Judgement("met", tuple(genuine), ("empathy",))
    return Judgement("missed", tuple(cancelled), ("dismissive",) if cancelled else ())


def apologise(reply: Reply, ctx: Context) -> Judgement:
    refused = list(find(reply, "apology", "refused", skip_negated=False))
    blockers = (
        list(find(reply, "apology", "non_apology", skip_negated=False))
        + list(find(reply, "apology", "pardon", skip_negated=False))
        + refused
    )
    sincere: list[Evidence] = []
    hollow: list[Evidence] = [evidence(reply, hit, "R52") for hit in blockers if hit.kind != "pardon"]
    for hit in _valid(list(find(reply, "apology", "apology")), blockers):
        after = _after_contrast(reply, hit)
        if after and search_any("apology", "refusal_after", after):
            hollow.append(evidence(reply, hit, "R52"))
            continue
        sincere.append(evidence(reply, hit, "R52"))
    if sincere and not refused:
        return Judgement("met", tuple(sincere), ("apology",))
    return Judgement("missed", tuple(hollow), ("non_apology",) if hollow else ())


# a question that opens with a commitment still makes it: "I'm booking an engineer now: is Wednesday better for you?"
_COMMITTING = ("i'll", "i will", "i've", "i have", "i'm", "i am", "we'll", "we've", "we're")


def own(reply: Reply, ctx: Context) -> Judgement:
    vague = list(find(reply, "ownership", "vague", skip_negated=False))
    deflect = list(find(reply, "ownership", "deflect", skip_negated=False))
    commits = []
    hedged = {reply.sentence_at(hit.start).start for hit in vague}
    for hit in _valid(list(find(reply, "ownership", "commit")), vague):
        sentence = reply.sentence_at(hit.start)
        if sentence.question is not None and not sentence.text.startswith(_COMMITTING):
            continue
        if sentence.start in hedged:
            continue  # "I'll pass it on, and someone might ring you at some point"
        commits.append(evidence(reply, hit, "R58"))
    if commits:
        return Judgement("met", tuple(commits), ("ownership",))
    tags = (("deflection",) if deflect else ()) + (("vague_promise",) if vague else ())
    bad = [evidence(reply, hit, "R04" if hit.kind == "deflect" else "R44") for hit in deflect + vague]
    return Judgement("missed", tuple(sorted(bad, key=lambda e: e.start)), tags)


_PROFESSIONAL_KINDS = ("calm_down", "blame", "rude", "sarcasm", "swearing", "threat", "policy_wall")
_RULE_FOR = {
    "calm_down": "R53",
    "blame": "R54",
    "rude": "R57",
    "sarcasm": "R53",
    "swearing": "R57",
    "threat": "R27",
    "policy_wall": "R55",
}


# ending the conversation, or showing the customer the door
_ENDING = re.compile(
    r"\b(?:end (?:the|this|our) (?:call|chat|conversation)|(?<!we )(?<!you )hang(?:ing)? up(?! and)|put (?:the|"
    r"this) phone down|terminate (?:the|this) (?:call|chat)|get out\b(?! of the)|leave (?:the|my|this) (?:store|"
    r"shop|restaurant|premises)|call(?:ing)? (?:the police|security))"
)
# what makes a boundary a polite one: the learner still offers to help, or gets on with it
_STILL_HELPING = re.compile(
    r"\b(?:help|sort (?:this|it)|get (?:this|it) sorted|resolve|i'd rather not|i've (?:logged|noted|booked|sent|"
    r"passed|arranged|raised)|i'll (?:\w+ )?(?:log|note|book|send|email|pass|arrange|raise|refund|call you back))\b"
)


_CONDITIONAL = re.compile(r"\b(?:if|unless|or|otherwise|again|carry on|keep|any more|anymore)\b")
_FIRST_PERSON = re.compile(r"\b(?:i'll|i will|i'm|i am|i have to|i've got to|we'll|we will)\b")


def _ultimatum(reply: Reply) -> list[Hit]:
    """A threat to end the conversation with no offer to go on helping: a boundary, but not a polite one."""
    if _STILL_HELPING.search(reply.norm):
        return []
    hits: list[Hit] = []
    for match in _ENDING.finditer(reply.norm):
        sentence = reply.sentence_at(match.start())
        threat = _CONDITIONAL.search(sentence.text) and _FIRST_PERSON.search(reply.norm, sentence.start, match.start())
        if (threat or match.group().startswith(("get out", "leave", "call"))) and not reply.is_quoted(*match.span()):
            hits.append(Hit(match.start(), match.end(), "threat", "ending the conversation with no offer to help"))
    return hits


@once_per_reply
def professional(reply: Reply, ctx: Context) -> Judgement:
    boundaries = list(find(reply, "professional", "boundary", skip_negated=False))
    bounded = {reply.sentence_at(hit.start).start for hit in boundaries}
    hits: list[Hit] = []
    for kind in _PROFESSIONAL_KINDS:
        for hit in find(reply, "professional", kind, skip_negated=kind in {"calm_down", "blame", "rude", "threat"}):
            if bounded and kind in {"rude", "calm_down", "swearing"} and reply.sentence_at(hit.start).start in bounded:
                continue
            hits.append(hit)
    hits += _ultimatum(reply)
    # a rhetorical question at the customer ("did you not keep the receipt?") blames or mocks them
    hits += [
        Hit(q.start, q.end, "blame", "a rhetorical question") for q in reply.questions if q.question == "rhetorical"
    ]
    # sarcastic or dismissive "empathy" and discriminatory remarks are conduct failures as well
    hits += [Hit(h.start, h.end, "sarcasm", h.note) for h in find(reply, "empathy", "dismissive", skip_negated=False)]
    hits += [Hit(h.start, h.end, "rude", h.note) for h in find(reply, "legal", "R40")]
    if hits:
        hits.sort(key=lambda hit: hit.start)
        tags = tuple(dict.fromkeys(hit.kind for hit in hits))
        return Judgement("breach", tuple(evidence(reply, hit, _RULE_FOR[hit.kind]) for hit in hits), tags)
    boundary_tags = ("boundary",) if boundaries else ()
    return Judgement("met", tuple(evidence(reply, hit, "R57") for hit in boundaries), boundary_tags)
