"""Offers and promises in a reply, with amounts and kinds, checked against the learner's authority (rule R28).

"I'll refund the full £480" in a scenario whose limit is £300 is beyond authority; "I'll ask my team leader to
approve the £480 refund" is a correct referral of the same remedy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from scenarios import CompiledScenario, Offer

from .lexicon import Alternative, Phrase, lexicon
from .text import Reply

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "hundred": 100, "one hundred": 100,
    "a thousand": 1000, "thousand": 1000,
}  # fmt: skip
_WORDS = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_MONEY = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<k>k\b)?"
    r"|\b(?P<num2>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<k2>k)?\s?(?:pounds?|quid|gbp|squid)\b"
    r"|\b(?P<words>(?:" + _WORDS + r")(?:[\s-](?:and\s)?(?:" + _WORDS + r"))*)\s(?:pounds?|quid)\b"
)
_PENCE = re.compile(r"\b(\d{1,2})p\b")
_PERCENT = re.compile(r"\b(?P<pct>\d{1,3})\s?(?:%|per ?cent|percent)|\b(?P<half>half)\b(?! an hour)")
_FULL = re.compile(
    r"\b(?:full|whole|complete|entire|100%|all (?:of )?(?:your|the)) (?:refund|amount|price|cost|money)\b|"
    r"\b(?:all|every penny of) (?:your|the) money\b|\bmoney back in full\b|\brefund (?:you )?in full\b"
)
_DELIVERY_TOO = re.compile(
    r"\b(?:delivery|postage|shipping) (?:charge|cost|fee)?\s?(?:too|as well|also)\b|"
    r"\b(?:including|plus|and) (?:the )?(?:delivery|postage|shipping)\b"
)
_KINDS: tuple[tuple[str, Phrase], ...] = tuple(
    (kind.removeprefix("kind:"), phrase)
    for kind, phrases in lexicon("offers").items()
    if kind.startswith("kind:")
    for phrase in phrases
)
_LiveKinds = list[tuple[int, str, Phrase, list[Alternative]]]


def _live_kinds(reply: Reply) -> _LiveKinds:
    """The offer kinds whose words may occur in the reply, in list order, with the alternatives worth searching."""
    live = {
        id(phrase): alternatives
        for kind, found in reply.live("offers").items()
        if kind.startswith("kind:")
        for phrase, alternatives in found
    }
    return [
        (order, kind, phrase, live[id(phrase)]) for order, (kind, phrase) in enumerate(_KINDS) if id(phrase) in live
    ]


_OFFER_VERB = lexicon("offers")["offer_verb"][0].pattern
_REFERRED = lexicon("offers")["referred"][0].pattern
_NEGATED_OFFER = re.compile(
    r"\b(?:can't|cannot|won't|will not|unable to|not able to|not allowed to|not authorised to|no way|don't|do not|"
    r"isn't|is not|not going to|wouldn't|never|not)\b[^.,;]{0,25}$"
)
# "I'll open the claim with our Section 75 team": the very thing named is handed to the team that decides it
_HANDED_TO_TEAM = re.compile(r"\b(?:to|with) (?:our|the|my) (?:[a-z0-9]+ ){0,3}team\b")
_DENIED_AFTER = re.compile(
    r"[^.,;]{0,40}?\b(?:aren't|isn't|is not|are not|can't be|cannot be|won't be|not something|not possible|"
    r"not available)\b"
)
_PERMISSION_FOR = {
    "collection": "book_collection",
    "revisit": "book_revisit",
    "engineer": "book_engineer",
    "cancellation": "process_cancellation",
    "repair": "arrange_repair",
    "replacement": "arrange_replacement",
    "claim": "refer_claim",
}
_MONEY_KINDS = frozenset({"refund", "credit", "voucher", "compensation", "waiver", "price_reduction", "replacement"})
_SAME_POT = {"credit": "voucher", "voucher": "credit", "replacement": "refund", "price_reduction": "refund"}
_ALIASES = {**{k: (v,) for k, v in _SAME_POT.items()}, "price_reduction": ("refund", "credit")}
_CLAUSE = re.compile(r"(?:[^.!?;\n]|[.!?](?=[^\s.!?]))+(?:[.!?;\n]+|$)")


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    text: str


def parse_amount(text: str) -> float | None:
    """The first sum of money in ``text``, in pounds: "£1.2k" → 1200, "fifty quid" → 50, "50p" → 0.5."""
    match = _MONEY.search(text)
    if match is None:
        pence = _PENCE.search(text)
        return int(pence.group(1)) / 100 if pence else None
    if match.group("words"):
        return _words_to_number(match.group("words"))
    raw = match.group("num") or match.group("num2") or "0"
    value = float(raw.replace(",", ""))
    if match.group("k") or match.group("k2"):
        value *= 1000
    return value


def _words_to_number(words: str) -> float:
    total = 0.0
    current = 0.0
    for part in re.split(r"[\s-]+", words.replace(" and ", " ")):
        if part in {"a", "and", ""}:
            if part == "a":
                current = max(current, 1)
            continue
        value = _NUMBER_WORDS.get(part, 0)
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total += current
                current = 0
        else:
            current += value
    return total + current


def _clauses(reply: Reply) -> list[_Clause]:
    return [_Clause(m.start(), m.end(), m.group()) for m in _CLAUSE.finditer(reply.norm) if m.group().strip()]


def extract_offers(reply: Reply, scenario: CompiledScenario | None) -> tuple[Offer, ...]:
    """Every offer or promise in the reply, in order, judged against the scenario's authority if there is one."""
    kinds = _live_kinds(reply)
    reserved = _reserved_named(scenario, reply.norm)
    if not kinds and not reserved and not _GOODWILL.search(reply.norm):
        return ()  # no word for any kind of remedy anywhere in the reply
    offers: list[Offer] = []
    sentence_referred: dict[int, bool] = {}
    for clause in _clauses(reply):
        sentence = reply.sentence_at(clause.start + (len(clause.text) - len(clause.text.lstrip())))
        lead = reply.norm[sentence.start : clause.start]
        for part in _parts(clause):
            kind = _kind_of(part.text, kinds) or _reserved_kind(part.text, reserved)
            if kind is None:
                continue
            verb = _OFFER_VERB.search(part.text) or _OFFER_VERB.search(lead + " " + part.text)
            if verb is None:
                continue
            if _CONDITION_LEAD.search(part.text[: verb.start()]):
                continue  # "before we can discuss a refund" offers nothing
            if _NEGATED_OFFER.search(part.text[: _kind_start(part.text, kinds)]) or _NEGATED_OFFER.search(lead[-40:]):
                continue
            if _DENIED_AFTER.match(part.text, _kind_start(part.text, kinds)):
                continue  # "refunds after 30 days aren't something we do" offers nothing
            if _HEDGED.search(part.text):
                continue  # "someone will probably be in touch about a refund" promises nothing
            start = part.start + (len(part.text) - len(part.text.lstrip()))
            if reply.is_quoted(start, part.end):
                continue
            referred = sentence_referred.setdefault(sentence.start, bool(_REFERRED.search(sentence.text)))
            referred = referred or bool(_HANDED_TO_TEAM.search(part.text))
            asked = sentence.question is not None
            offers.append(_judge(reply, part, kind, referred, scenario, asked))
            lead = reply.norm[sentence.start : part.end]
    return _over_in_total(_with_referrals(offers, bool(_REFERRED.search(reply.norm))), scenario, reply.original)


def _reserved_named(scenario: CompiledScenario | None, text: str) -> tuple[tuple[str, str], ...]:
    """(kind, mention) for each decision reserved to someone else that the reply names ("removed the deduction")."""
    if scenario is None:
        return ()
    return tuple(
        (item.kind, mention.lower())
        for item in scenario.spec.briefing.authority.reserved
        for mention in item.mentions
        if mention.lower() in text
    )


def _reserved_kind(text: str, reserved: tuple[tuple[str, str], ...]) -> str | None:
    return next((kind for kind, mention in reserved if mention in text), None)


_FIRM = re.compile(
    r"\b(?:i'll|i will|i've|i have|i'm going to|i am going to|we'll|we will|we've|(?<!can't )(?<!cannot )promise|"
    r"(?<!can't )(?<!cannot )guarantee|definitely|for sure|certainly)\b"
)


def _with_referrals(offers: list[Offer], referral: bool) -> list[Offer]:
    """A remedy the reply refers for approval is referred wherever it is named, unless the learner also promises it
    outright: "you're entitled to a full refund ... it's above my limit, so I'm referring it" is one referral."""
    referred = {offer.kind for offer in offers if offer.referred}
    judged: list[Offer] = []
    for offer in offers:
        firm = bool(_FIRM.search(offer.text.lower()))
        if (referral or offer.kind in referred) and not offer.referred and not firm:
            offer = replace(offer, referred=True, within_authority=True)
        elif _states_law(offer):
            offer = replace(offer, within_authority=True)  # saying what the law gives is not promising to give it
        judged.append(offer)
    return judged


_ENTITLEMENT = re.compile(
    r"\b(?:entitled|eligible|your right|right to|covered|the law|a law|by law|legally|jointly (?:responsible|liable)|"
    r"can claim)\b"
)


def _states_law(offer: Offer) -> bool:
    text = offer.text.lower()
    return not _FIRM.search(text) and bool(_ENTITLEMENT.search(text))


_STORE_CREDIT = re.compile(r"\b(?:store credit|credit note)\b")


_ALTERNATIVE = re.compile(r"\bor\b|\beither\b|\binstead\b|\bwhichever\b")


def _over_in_total(offers: list[Offer], scenario: CompiledScenario | None, text: str = "") -> tuple[Offer, ...]:
    """Offers drawn on the same limit add up: a reship and a refund of the same £129 is £258 against £150."""
    if scenario is None:
        return tuple(offers)
    limits = scenario.spec.briefing.authority.limits
    spent: dict[str, float] = {}
    judged: list[Offer] = []
    for offer in offers:
        pot = offer.kind if offer.kind in limits else _SAME_POT.get(offer.kind, offer.kind)
        if pot == "replacement" and "refund" in limits and any(o.kind == "refund" for o in offers):
            pot = "refund"  # a new one and the money back too: two remedies for one item, paid from one pot
        between = (text[judged[-1].end : offer.start] if judged and text else "") + " " + offer.text[:12].lower()
        alternative = bool(judged) and _ALTERNATIVE.search(between)
        if (
            offer.amount is not None
            and pot in limits
            and not offer.referred
            and not offer.asked
            and offer.within_authority
            and not _states_law(offer)
            and not (offer.kind == "voucher" and _STORE_CREDIT.search(offer.text.lower()))
            and not alternative
            and offer.kind not in {o.kind for o in judged}
        ):
            spent[pot] = spent.get(pot, 0.0) + offer.amount
            if spent[pot] > limits[pot] + 0.005:
                offer = replace(offer, within_authority=False)
        judged.append(offer)
    return tuple(judged)


_PART_BREAK = re.compile(
    r",\s+(?:and|but|plus|then|so)?\s*|\s(?:and|plus|as well as|on top of that|also)\s(?=(?:i|i'll|i've|we|we'll|as|a|"
    r"an|the|to|add|give|put|book|send|refund|throw|chuck|knock|take|waive|cover|pay|credit|stick|bung|pop|£|\d))"
)


def _parts(clause: _Clause) -> list[_Clause]:
    """A clause split where a second offer may start: "refund the £45 now, and add a £10 voucher"."""
    parts: list[_Clause] = []
    position = 0
    for match in _PART_BREAK.finditer(clause.text):
        if match.start() > position:
            parts.append(
                _Clause(clause.start + position, clause.start + match.start(), clause.text[position : match.start()])
            )
        position = match.end()
    if position < len(clause.text):
        parts.append(_Clause(clause.start + position, clause.end, clause.text[position:]))
    return [part for part in parts if part.text.strip()]


def _kind_start(text: str, kinds: _LiveKinds) -> int:
    starts = [m.start() for _, _, phrase, live in kinds if (m := phrase.first(text, live))]
    return min(starts) if starts else len(text)


def _kind_of(text: str, kinds: _LiveKinds) -> str | None:
    """The kind whose words come first in the text (a part of the reply whose ``kinds`` are given); ties go to the
    more specific kind (list order)."""
    best: tuple[int, int, str] | None = None
    for order, kind, phrase, live in kinds:
        match = phrase.first(text, live)
        if match is not None and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, kind)
    if best is None and _GOODWILL.search(text):
        return "credit"  # "a goodwill gesture of £10" with no other word for what it is
    return best[2] if best else None


_HEDGED = re.compile(r"\b(?:probably|maybe|might|possibly|perhaps)\b")
_GOODWILL = re.compile(r"\b(?:goodwill|gesture)\b")
_CONDITION_LEAD = re.compile(r"\b(?:before|until|unless|once)\s+$")


def _judge(
    reply: Reply, clause: _Clause, kind: str, referred: bool, scenario: CompiledScenario | None, asked: bool = False
) -> Offer:
    text = clause.text
    amount = parse_amount(text)
    full = bool(_FULL.search(text))
    within = True
    if scenario is not None:
        legal = scenario.spec.legal
        price = legal.price
        if amount is None:
            percent = _PERCENT.search(text)
            if percent is not None and price is not None:
                share = 50.0 if percent.group("half") else float(percent.group("pct"))
                amount = round(price * share / 100, 2)
            elif (full or kind in {"refund", "replacement"}) and price is not None and kind != "credit":
                amount = price
        if amount is not None and legal.delivery_charge and _DELIVERY_TOO.search(text) and (full or kind == "refund"):
            amount = round(amount + legal.delivery_charge, 2) if amount == price else amount
        # a question offering options ("would you prefer a refund or a new one?") promises nothing yet
        within = asked or _within_authority(scenario, kind, amount, text)
    start, end = reply.to_original(clause.start, clause.end)
    raw = reply.original[start:end]
    start += len(raw) - len(raw.lstrip())
    words = raw.strip()
    return Offer(
        kind=kind,
        amount=amount,
        full=full,
        within_authority=within or referred,
        referred=referred,
        asked=asked,
        text=words,
        start=start,
        end=start + len(words),
    )


def _within_authority(scenario: CompiledScenario, kind: str, amount: float | None, text: str) -> bool:
    authority = scenario.spec.briefing.authority
    if any(item.kind == kind for item in authority.reserved) and kind in _MONEY_KINDS:
        return False  # a remedy of a kind the scenario reserves to another team is theirs to decide, at any amount
    for reserved in authority.reserved:
        if any(mention.lower() in text for mention in reserved.mentions) and kind in {
            reserved.kind,
            "waiver",
            "compensation",
            "refund",
            "credit",
        }:
            return False
    if kind not in _MONEY_KINDS or (kind == "voucher" and _STORE_CREDIT.search(text)):
        return True  # bookings, repairs and store credit for the price paid; the law says whether they fit
    if kind in authority.limits:
        limit = authority.limits[kind]
        return amount is None or amount <= limit + 0.005
    for alias in _ALIASES.get(kind, ()):
        if alias in authority.limits:
            # goodwill credit and vouchers share a limit; a replacement or price cut is bounded like a refund
            return amount is None or amount <= authority.limits[alias] + 0.005
    if kind == "replacement":
        return "arrange_replacement" in authority.permissions or "reship_order" in authority.permissions
    if kind in {"refund", "cancellation"} and (
        "process_refund" in authority.permissions or "process_cancellation" in authority.permissions
    ):
        return True
    if kind == "cancellation":
        return "process_cancellation" in authority.permissions or "process_refund" in authority.permissions
    permission = _PERMISSION_FOR.get(kind)
    if permission is not None:
        return permission in authority.permissions or (
            kind == "replacement" and "reship_order" in authority.permissions
        )
    return kind not in _MONEY_KINDS
