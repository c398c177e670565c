"""Barriers put between the customer and their rights, found by their shape (see ``legal_shapes``):

- **phone pushed**: the telephone pressed on a customer who has said they can't use it;
- **adjustment charged**: a fee for the format a disabled customer needs;
- **redress discouraged**: an ombudsman or a court talked down as slow, futile or costly;
- **receipt demanded**: a missing receipt given as the reason for no refund, when other proof will do;
- **policy over the law**: the business's own rule held to as the last word where the law gives more;
- **deduction for trying**: money kept back from a cancellation for trying the item on;
- **nothing more**: "there's nothing more I can do", said outright.
"""

from __future__ import annotations

import re

from .legal_shapes import RELIEF
from .matching import Hit
from .text import Reply

# the agent proposing to telephone someone who has said they cannot use the phone
_PHONE_PUSHED = re.compile(
    r"\b(?:give you a (?:call|ring|bell|buzz)|(?:call|ring|phone|bell|telephone) you\b|(?:call|ring|phone) (?:us|me|"
    r"our \w+(?: line)?|the (?:helpline|office|team|number))\b|best (?:time|number) to (?:call|ring|phone|reach)|"
    r"(?:by|over the|on the) (?:phone|telephone)\b|(?:jump|hop|pop) on a call|a quick (?:call|chat on the phone))"
)
_PHONE_ON_THEM = re.compile(
    r"\b(?:get|ask|tell|have) (?:your (?:mum|mother|dad|father)|her|him|them|mrs \w+|mr \w+) to (?:ring|call|"
    r"phone)\b|\b(?:she|he|they|your (?:mum|mother|dad|father))(?:'ll| will| would|'d)? (?:have|need|"
    r"needs) to (?:ring|call|phone)"
)
_SPARED = re.compile(r"\b(?:rather than|instead of|no need to|without|won't|will not|never)\b[^.!?]{0,20}$")
_NOT_THE_PHONE = re.compile(r"\b(?:text|textphone|relay|email|e-mail|write|writing|letter|typetalk|bsl|minicom)\b")


def phone_pushed(reply: Reply, *, relative_on_the_line: bool = False) -> list[Hit]:
    """The phone pressed on a customer who cannot use it: a call offered, asked for or said to be quicker. With a
    relative on the line, who can take a call, only the phone pressed on the customer themself."""
    hits: list[Hit] = []
    for match in (_PHONE_ON_THEM if relative_on_the_line else _PHONE_PUSHED).finditer(reply.norm):
        start, end = match.span()
        clause = reply.norm[reply.clause_start(start) : reply.sentence_at(start).end]
        if reply.is_quoted(start, end) or reply.is_negated(start) or _NOT_THE_PHONE.search(clause):
            continue
        if _SPARED.search(reply.norm[reply.sentence_at(start).start : start]):
            continue
        hits.append(Hit(start, end, "shape", "phone pushed"))
    return hits


OMBUDSMAN = re.compile(r"\b(?:ombudsman|ombudsmen|adr|cisas|ofcom|fos|the regulator|ofgem)\b")
COURT = re.compile(r"\b(?:small claims|courts?|sue|suing|legal action|trading standards|citizens advice|solicitor)\b")
# what talks a customer out of a route to redress: it is slow, futile, costly or on the trader's side
_DISCOURAGING = re.compile(
    r"\b(?:drag (?:on|out|things|it|this)|takes? (?:months|ages|forever|years|a long time)|surprised if|(?:won't|"
    r"will not|wouldn't|would not|not) get (?:you )?anywhere|get(?:s)? (?:you )?nowhere|better off (?:letting|"
    r"leaving|staying|sticking|with us|dealing with us|sorting)|waste of (?:your |their |everyone's )?time|"
    r"pointless|not worth (?:it|the|your)|(?:wouldn't|would not|don't|do not) bother|no point|(?:only|just) (?:send|"
    r"refer|pass|bounce) (?:it|you|this) (?:straight )?back|side with us|on our side|cost you (?:more|a fortune)|"
    r"takes? (?:the|our|their) (?:\w+'s )?side|sides? with (?:the|us|them|companies|banks|insurers)|"
    r"wasting (?:your|their|everyone's) time|"
    r"(?:won't|will not|wouldn't) (?:be interested|care|want to know|do anything)|(?:can't|cannot) do anything|"
    r"nothing (?:they|it) can do|lose (?:the|your|any)|(?:offer|goodwill)\w* (?:is |gets |will be |"
    r"would be )?withdrawn|(?:you'll|you will) lose)\b"
)


def redress_discouraged(reply: Reply, routes: re.Pattern[str], customer_line: str) -> list[Hit]:
    """A route to redress (an ombudsman, a court) named in the reply, or raised by the customer, and talked down in
    the same or the next sentence (anywhere in the reply when the customer raised it)."""
    hits: list[Hit] = []
    named = [s for s in reply.sentences if routes.search(s.text)]
    if not named and routes.search(customer_line.lower()):
        named = list(reply.sentences)
    for sentence in named:
        end = reply.next_sentence_end(sentence)
        for match in _DISCOURAGING.finditer(reply.norm, sentence.start, end):
            start = match.start()
            if reply.is_quoted(start, match.end()) or (
                reply.is_negated(start) and not reply.is_denial(start, match.end())
            ):
                continue
            hits.append(Hit(start, match.end(), "shape", "redress discouraged"))
            return hits
    return hits


_RECEIPT_LACK = re.compile(
    r"\b(?:without|with no|no|don't have|do not have|haven't got|not got|no proof of) (?:a |the |your |"
    r"any )?(?:till |original |paper |proper |printed |actual )?receipt\b|\b(?:need|needs|must have|have to (?:see|"
    r"have|show)|require|requires|only with|has to be|bring (?:in |back )?) (?:the |a |your )?(?:till |original |"
    r"paper |proper |printed |actual )?receipt\b"
)
_RECEIPT_REFUSED = re.compile(
    r"\b(?:can't|cannot|won't|unable|not able|nothing (?:i|we) can|hands are tied|no refunds?|"
    r"only (?:an? )?(?:exchange|credit|voucher|swap)|credit note|not possible|computer says no|(?:till|"
    r"system) (?:won't|doesn't|will not)|no can do|policy|rules are rules|out of (?:my|our) hands|not (?:allowed|"
    r"permitted))\b"
)
_RECEIPT_FINE = re.compile(
    r"\b(?:is|are|will do|works?|would do) (?:just )?(?:fine|enough|ok|okay|perfect|great)\b|\bdon't (?:need|"
    r"worry)\b|\bdoesn't matter\b|\bno (?:problem|worries|need)\b|\bstill\b|\bas long as\b|\bjust as good\b|"
    r"\binstead\b|\bunless (?:a |my |the )?(?:supervisor|manager|team leader)\b|\bcan't see (?:a |any )?(?:problem|"
    r"issue|reason|why)\b|\b(?:doesn't|does not|won't|will not) (?:change|affect|stop)\b|\b(?:won't|will not|don't|"
    r"do not) have to\b|\bbut (?:\w+ ){0,3}(?:paid|card|app|statement|bank)\b"
)


def receipt_excused(reply: Reply, position: int) -> bool:
    """True when the sentence at ``position``, or the next, accepts other proof or lets the receipt go."""
    sentence = reply.sentence_at(position)
    end = reply.next_sentence_end(sentence)
    return bool(_RECEIPT_FINE.search(reply.norm, sentence.start, end))


def receipt_demanded(reply: Reply) -> list[Hit]:
    """A missing receipt given as the reason the remedy can't be had, when other proof of purchase will do."""
    hits: list[Hit] = []
    for match in _RECEIPT_LACK.finditer(reply.norm):
        sentence = reply.sentence_at(match.start())
        end = reply.next_sentence_end(sentence)
        if reply.is_quoted(match.start(), match.end()) or sentence.question is not None:
            continue
        if receipt_excused(reply, match.start()):
            continue
        if _RECEIPT_REFUSED.search(reply.norm, sentence.start, end):
            hits.append(Hit(sentence.start, sentence.end, "shape", "receipt demanded"))
    return hits


# the business's own rule held to as the last word ("our 7-day policy applies to every customer")
_OWN_RULE = re.compile(
    r"\b(?:our|the|company|store|shop) (?:\w+[- ])?(?:policy|policies|terms|t&cs|rules?|process|procedure)\b|\b(?:7|"
    r"seven)[- ]days?\b|\byou agreed to (?:our|the) terms\b|\bhead office\b|\bit's in (?:our|the) terms\b"
)
_LAST_WORD = re.compile(
    r"\b(?:applies to (?:every|all)|for (?:every|all) customers?|(?:is|are) clearly (?:displayed|stated|shown)|"
    r"nothing (?:more|else|further) (?:i|we) can|(?:i|we) can only go by|i've (?:already )?(?:told|explained)|"
    r"as i've (?:already )?(?:said|explained)|you agreed to|it's in (?:our|the) terms|(?:that's|is) final|(?:is|"
    r"are) the (?:policy|rules?)|rules are rules|policy is policy|(?:applies|apply|stands)\b)"
)
# terms that may lawfully bind: the customer pays return postage when told so before buying
_LAWFUL_TERM = re.compile(
    r"\b(?:return postage|postage back|return (?:delivery|shipping)|returns? label|send it back)\b"
)
_LAW_GRANTED = re.compile(
    r"\b(?:the law|legally|by law|statutory|your rights?|entitled|14 days|fourteen days|consumer (?:rights|"
    r"contracts)|i'll (?:\w+ )?(?:refund|process|cancel|put)|i've (?:\w+ )?(?:refunded|processed|cancelled)|"
    r"override|exception)\b"
)


def policy_over_law(reply: Reply, customer_line: str = "") -> list[Hit]:
    """The business's own rule held to as the last word, where the law gives the customer more, with nothing in the
    reply granting what the law gives (nor a lawful term, such as return postage, being what was asked about)."""
    if _LAW_GRANTED.search(reply.norm) or _LAWFUL_TERM.search(customer_line.lower()):
        return []
    for sentence in reply.sentences:
        if sentence.question is not None or _LAWFUL_TERM.search(sentence.text):
            continue
        if _OWN_RULE.search(sentence.text) and _LAST_WORD.search(sentence.text):
            return [Hit(sentence.start, sentence.end, "shape", "policy over the law")]
    return []


_ADJUSTMENT_FORMAT = re.compile(
    r"\b(?:email|e-mail|text|sms|braille|large print|big(?:ger)? (?:print|writing)|audio|relay|bsl|interpreter|"
    r"writing|written|letters?|by post|bring-to-door|to (?:your|the) door|carry|carried|ramp|assistance|"
    r"accessible|wheelchair|hearing loop|extra time)\b"
)
_CHARGED = re.compile(r"\b(?:fee|charge|surcharge|costs? extra|pay extra)\b|£\s?\d[\d.]* (?:a|per|each) \w+")
_CHARGE_LIFTED = re.compile(r"\b(?:refund\w*|waiv\w*|free|no charge|at no (?:extra )?cost|cover(?:ed|ing)?)\b")


def adjustment_charged(reply: Reply) -> list[Hit]:
    """A charge for the format a disabled customer needs: the adjustment must be free."""
    hits: list[Hit] = []
    for sentence in reply.sentences:
        charge = _CHARGED.search(sentence.text)
        if charge is None or not _ADJUSTMENT_FORMAT.search(sentence.text):
            continue
        start = sentence.start + charge.start()
        if reply.is_negated(start) or reply.is_quoted(start, start + 1) or _CHARGE_LIFTED.search(sentence.text):
            continue
        hits.append(Hit(sentence.start, sentence.end, "shape", "adjustment charged"))
    return hits


_TAKEN_OFF = re.compile(
    r"\b(?:knock|take|deduct|charge|keep|hold back|dock)\w*\b[^.!?]{0,40}\b(?:off|from (?:the|your) refund|fee|"
    r"for (?:it )?(?:having been )?(?:tried|trying|worn|handling|re-?steam\w*|restock\w*|resell\w*))\b"
)
_FOR_HANDLING = re.compile(r"\b(?:tried|trying|handling|re-?steam\w*|restock\w*|resell\w*|re-?pack\w*|checking)\b")
_WORN = re.compile(r"\b(?:worn|damage\w*|reduced value|diminished|handled more|marks?|stain\w*)\b")


def deduction_for_trying(reply: Reply) -> list[Hit]:
    """Money kept back from a cancellation for trying the item on or handling it as in a shop."""
    hits: list[Hit] = []
    for match in _TAKEN_OFF.finditer(reply.norm):
        sentence = reply.sentence_at(match.start())
        if not _FOR_HANDLING.search(sentence.text) or reply.is_negated(match.start()):
            continue
        if _IF_CLAUSE.search(sentence.text) or _WORN.search(sentence.text):
            continue  # a deduction only for wear beyond trying on is lawful
        if reply.is_quoted(*match.span()) or RELIEF.search(sentence.text):
            continue
        hits.append(Hit(match.start(), match.end(), "shape", "deduction for trying"))
    return hits


_NOTHING_MORE = re.compile(r"\bnothing (?:more |else |further )?(?:i|we) can (?:do|offer)\b")
_SOMEONE_ELSES = re.compile(
    r"\b(?:without|decided|decision|data protection|cardholder|account holder|before then|until then|for now|yet)\b"
)
_IF_CLAUSE = re.compile(r"\b(?:if|unless|until|once|when)\b")


def nothing_more(reply: Reply) -> list[Hit]:
    """'There's nothing more I can do', said outright (not 'if it's misuse, there's nothing I can do')."""
    hits: list[Hit] = []
    for match in _NOTHING_MORE.finditer(reply.norm):
        sentence = reply.sentence_at(match.start())
        if _IF_CLAUSE.search(reply.norm, sentence.start, match.start()) or reply.is_quoted(*match.span()):
            continue
        if _SOMEONE_ELSES.search(sentence.text):
            continue  # "nothing I can do without Paul", "the returns team decided": not the learner's refusal
        hits.append(Hit(match.start(), match.end(), "shape", "nothing more"))
    return hits
