"""The shapes of unlawful replies, found by structure rather than by exact phrase.

The lexicon (``data/lexicons/legal.tsv``) names the ways of breaking a rule that people say most often. Learners find
new ones. These detectors look for the shape each breach takes, in the context where it is a breach:

- **remedy refused**: a refund (or a cancellation) named in a clause that negates or limits it ("we can't give
  refunds on these", "the refund only comes once it's been tested"), where the law says it is due;
- **sent elsewhere**: the customer told to take the problem to someone else (the maker, the courier, their insurer,
  another tradesman) when the trader is the one responsible;
- **repair again**: after a failed repair, a reply that books another repair and offers no refund or price cut;
- **account told**: account figures or transactions given to someone who is not the account holder;
- **acts on the account**: a refund, claim or cancellation done at the word of someone who is not the holder;
- **data sent**: the holder's papers sent or read to someone who is not the holder.

The barriers put between a customer and their rights (the phone pressed on a deaf customer, an ombudsman talked
down, a policy held over the law...) are in ``legal_barriers``.

Each returns the span of the words that decided it; ``legal.py`` turns them into evidence for the rule they break.
"""

from __future__ import annotations

import itertools
import re

from .context import Context
from .matching import Hit
from .text import Reply

_REFUND = re.compile(r"\b(?:refund\w*|money back|cash back|your money|full price back|reimburs\w*)\b")
_CANCEL = re.compile(
    r"\b(?:cancel\w*|return (?:it|them|the \w+)|send (?:it|them|the \w+) back|returns?(?! (?:portal|page|team|"
    r"department|address|label|form)))\b"
)
_LIMITING = re.compile(
    r"\b(?:only|just) (?:an? |the )?(?:exchange|swap|repair|replacement|credit|voucher|store credit|credit note)\b|"
    r"\b(?:instead of|rather than) (?:a |your |the )?refund\b|\b(?:once|until|after|when) (?:it's|it has|it is|"
    r"we've|we have|they've|the (?:engineer|manufacturer|repair)\w*)\b[^.!?]{0,30}\b(?:tested|inspected|checked|"
    r"repaired|assessed|looked at|back from)\b|\b(?:isn't|is not|aren't|are not|not) (?:possible|an option|"
    r"available|allowed|something (?:we|i) (?:do|offer))\b|\b(?:can't|cannot|won't|will not|don't|do not|aren't|"
    r"are not|unable to|not able to|not allowed to) (?:be )?(?:give|offer|do|issue|process|provide|authorise|"
    r"approve|refund|accept|allow|take|cancel|return)"
)
# a negation that frees the customer rather than refusing them: "you don't need the receipt for a refund"
RELIEF = re.compile(
    r"\b(?:don't|do not|doesn't|does not|won't|will not) (?:need|have to|worry|matter|change|affect|stop)\b|"
    r"\bno (?:need|problem|worries|question|quibble|catch|receipt needed|(?:\w+ )?(?:fee|charge|deduction))\b|"
    r"\b(?:not|isn't|is not) a problem\b|\bwithout (?:a|the|any) (?:receipt|fee|charge|deduction)\b|"
    r"\bnothing (?:to pay|taken off|deducted)\b|\bcan't see (?:any|why)\b|\bstill (?:get|entitled|have|due)\b|"
    r"\b(?:i'll|i will|i've|i have|i'm|i am|we'll|we will|we've|we have) (?:\w+ )?(?:refund|cancel|process|put)|"
    r"\b(?:refund\w*|cancellation) (?:is |has been |)(?:done|through|processed|on its way|today|now)\b"
)
# a refusal by the trader, not a negation in the customer's story ("you didn't get your headphones")
_DENIAL = re.compile(
    r"\b(?:we|i|you)(?:'re| are| am|'m)? (?:can't|cannot|can not|won't|will not|don't|do not|aren't able to|"
    r"are not able to|am not able to|'m not able to|not able to|unable to|not allowed to|not entitled|"
    r"not eligible)\b|\bno (?:refunds?|cancellations?|returns?|money back)\b|\b(?:isn't|is not|not) (?:possible|"
    r"an option|available|allowed)\b|\b(?:can't|cannot|won't|will not) be (?:refunded|cancelled|returned|given)\b|"
    r"\b(?:non-?|not |isn't |aren't |is not |are not )refundable\b"
)
_ELSEWHERE = re.compile(
    r"\b(?:you(?:'ll| will| would|'d)? (?:need|have|want|be best|be better|should|could|can|must)(?: to)?|please|"
    r"best to|i'd (?:suggest|recommend)|i would (?:suggest|recommend)|i (?:suggest|recommend)|try|"
    r"just)\s+(?:(?:get in touch|speak|talk|deal|take (?:it|this|that|them) up|raise (?:it|this|that)|check|claim|"
    r"sort (?:it|this|that) out) with|contact|call|ring|phone|email|contacting|calling|ringing|emailing|write to|"
    r"chase|go (?:back )?to|report (?:it|this|that) to|claim (?:it )?(?:from|on))\s+(?:the |your |their |a |"
    r"an )?(?P<who>[a-z][a-z'&-]*(?: [a-z][a-z'&-]*)?)"
)
# "try the manufacturer", "the manufacturer are the best people for that"
_BEST_PLACED = re.compile(
    r"\b(?:try|ask|go to)\s+(?:the |your |their )?(?P<who>[a-z][a-z'&-]*(?: [a-z][a-z'&-]*)?)(?=[,.!?;]| (?:first|"
    r"instead|directly|direct|then|about|for|on|they|as|because|since))|\b(?:the |your |"
    r"their )(?P<who2>[a-z][a-z'&-]*(?: [a-z][a-z'&-]*)?) (?:are|is|'re|'s|would be|will be|'d be) (?:really |"
    r"honestly |probably |usually |much |far |definitely )?(?:the )?(?:best|right|better|quicker) (?:people|person|"
    r"place|ones|bet|option|placed|route|off)\b"
)
_OURS = re.compile(
    r"^(?:us|me|our|my|we|team|store|shop|branch|customer|claims|returns|complaints|manager|supervisor|ombudsman|"
    r"citizens|trading|consumer|adr|cisas|ofcom|bank(?! holiday)|card|credit|number|helpline of ours|line|chat|"
    r"colleague|section|retention|engineer (?:back|out)|email|app|website|account|form|link)\b"
)
_WHO_BY_CONTEXT = {
    "R04": re.compile(r"\b(?:manufacturer|maker|brand|makers?|warranty|guarantee) ?\w*"),
    "R14": re.compile(
        r"\b(?:courier|driver|delivery|royal mail|post office|police|neighbou?rs?|depot|[a-z]+ ?(?:run|"
        r"express|parcels?|logistics))\b"
    ),
    "R16": re.compile(r"\b(?:plumber|electrician|tradesman|fitter|another|someone|local|independent|builder)\b"),
    "R19": re.compile(r"\b(?:insur\w*|home cover|building cover)\b"),
}
_ACCOUNT_WORDS = re.compile(
    r"\b(?:balance|payment|paid|transaction|statement|spent|owe[sd]?|owing|arrears|limit|account|claim|refund|"
    r"interest|minimum|fee|bill|plan|a month|per month|contract|pays|booked|job sheet|report|visit|lives|"
    r"with us since|we have (?:her|him|them) at|due|job|email|engineer|appointment)\b"
)
_ACTS_ON_ACCOUNT = re.compile(
    r"\b(?:i'll|i will|i've|i have|we'll|we will|let me|i'm going to)\s+(?:just |now |go ahead and )?(?:refund|"
    r"cancel|opened|refunded|cancelled|processed|raised|started|open|process|put (?:the |a |his |her )?(?:claim|"
    r"refund|dispute) through|raise (?:the |a )?(?:claim|dispute)|start (?:the |a )?claim|change|update|close|"
    r"freeze|send (?:him|her) (?:a letter|a statement) with|get (?:it|that|this|the money|the £[\d,.]+) (?:refunded|"
    r"back|credited))\b"
)
_FIGURE = re.compile(
    r"£\s?\d[\d,.]*k?|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(?:since|in) (?:19|20)\d\d\b|\b\d{1,4}[a-z]? [a-z]+ (?:road|street|avenue|lane|close|drive|way|rise|grove|"
    r"court|crescent|gardens|terrace)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) \d{1,2}(?:am|"
    r"pm)?-\d|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:morning|"
    r"afternoon|evening)\b|\b\d{1,2} till \d{1,2}\b"
)
_BOOK_REPAIR = re.compile(
    r"\b(?:a|another|the) (?:repair|engineer visit|engineer)\b[^.!?]{0,20}\b(?:has been|is|"
    r"'s been) (?:now )?(?:booked|arranged|scheduled)\b|\b(?:i'll|i will|i've|i have|we'll|we will|let me|i can|"
    r"we can|i'm going to) (?:\w+ )?(?:book|arrange|send|get|schedule|organise) (?:an? |the |another |our |"
    r"you )?(?:engineer|repair|technician|someone|visit|appointment|[a-z]+ to come)\b|\b(?:fix|repair|mend) (?:it|"
    r"the machine) again\b"
)
_THRESHOLD = re.compile(r"\b(?:over|under|above|below|more than|less than|up to|between|and|at least)\s+$")
_OWN_LIMIT = re.compile(r"\s*(?:limit|authority|is (?:my|the most))\b")
_REFUND_CHOICE = re.compile(r"\b(?:refund|money back|reject|price reduction|reduce the price|replacement|new one)\b")


def remedy_refused(reply: Reply, words: re.Pattern[str] = _REFUND) -> list[Hit]:
    """Clauses where a due remedy is named and negated or limited, not merely discussed."""
    hits: list[Hit] = []
    for match in words.finditer(reply.norm):
        start, end = match.span()
        if reply.is_quoted(start, end):
            continue
        clause_start = reply.clause_start(start)
        sentence = reply.sentence_at(start)
        clause = reply.norm[clause_start : sentence.end]
        if RELIEF.search(clause) or sentence.question is not None:
            continue
        if _DENIAL.search(clause) or _LIMITING.search(clause):
            hits.append(Hit(clause_start, sentence.end, "shape", "remedy refused"))
    return hits


def cancellation_refused(reply: Reply) -> list[Hit]:
    return remedy_refused(reply, _CANCEL)


def sent_elsewhere(reply: Reply, rule_id: str) -> list[Hit]:
    """The customer told to take the problem to someone the context makes the wrong address."""
    who_pattern = _WHO_BY_CONTEXT[rule_id]
    hits: list[Hit] = []
    for match in itertools.chain(_ELSEWHERE.finditer(reply.norm), _BEST_PLACED.finditer(reply.norm)):
        group = "who" if match.group("who") is not None else "who2"
        who = match.group(group)
        start, end = match.span()
        if _OURS.match(who) or not who_pattern.search(reply.norm[match.start(group) : match.end(group) + 20]):
            continue
        if reply.is_quoted(start, end) or reply.is_negated(start) or RELIEF.search(reply.norm[start:end]):
            continue
        hits.append(Hit(start, end, "shape", "sent elsewhere"))
    return hits


def repair_again(reply: Reply, ctx: Context) -> list[Hit]:
    """Another repair booked after a failed one, once the customer has asked for their money back, with no refund or
    price cut offered beside it."""
    if _REFUND_CHOICE.search(reply.norm) or not _REFUND_CHOICE.search(ctx.customer_line.lower()):
        return []
    hits = []
    for match in _BOOK_REPAIR.finditer(reply.norm):
        if not reply.is_negated(match.start()) and not reply.is_quoted(match.start(), match.end()):
            hits.append(Hit(match.start(), match.end(), "shape", "repair again"))
    return hits


def account_told(reply: Reply, ctx: Context) -> list[Hit]:
    """Account figures or dates given to a caller who is not the account holder (figures they said themselves, and
    the learner's own limits, aside)."""
    said = ctx.customer_line.lower()
    if ctx.scenario is not None:
        said += " " + " ".join(f.value.lower() for f in ctx.scenario.spec.customer.facts.values() if not f.hidden)
    hits: list[Hit] = []
    for sentence in reply.sentences:
        if not _ACCOUNT_WORDS.search(sentence.text):
            continue
        for figure in _FIGURE.finditer(reply.norm, sentence.start, sentence.end):
            if figure.group().replace(" ", "") in said.replace(" ", ""):
                continue  # what the caller told us
            if _THRESHOLD.search(reply.norm[sentence.start : figure.start()]) or _OWN_LIMIT.match(
                reply.norm, figure.end()
            ):
                continue  # a threshold of the law ("over £100"), not a figure from the account
            if not reply.is_quoted(figure.start(), figure.end()):
                hits.append(Hit(sentence.start, sentence.end, "shape", "account told"))
                break
    return hits


def acts_on_account(reply: Reply) -> list[Hit]:
    """The learner acts on the account (refund, claim, cancellation) at the word of someone who is not its holder."""
    return [
        Hit(m.start(), m.end(), "shape", "acts on the account")
        for m in _ACTS_ON_ACCOUNT.finditer(reply.norm)
        if not reply.is_negated(m.start())
        and not reply.is_quoted(m.start(), m.end())
        and not _ONCE.search(reply.norm, reply.sentence_at(m.start()).start, m.start())
    ]


# "once he's confirmed, I'll open the claim" waits for the holder's authority
_ONCE = re.compile(
    r"\b(?:once|when|after|as soon as|if|until|the moment)\b|\bgiven (?:his |her |their |your )?consent\b|\b(?:has|"
    r"have) consented\b|\bwith (?:his|her|their) (?:consent|authority|permission)\b"
)


_SENDS = re.compile(
    r"\b(?:i'll|i will|i'm going to|i am going to|let me|i can|i've|i have|we'll|we will|we can|i'm|"
    r"i am)\s+(?:just |now |happily |gladly |also )?(?:email|e-mail|send|sent|sending|emailing|forward|forwarded|"
    r"post|posted|pass|passed|give|read|go through|run through|copy)\b[^.!?]{0,60}?\b(?:report|account|details|"
    r"statement|job sheet|records?|history|notes|summary|balance|transactions?|bills?|payments?|paperwork|file|"
    r"everything)\b"
)
_TO_CALLER = re.compile(r"\b(?:you|your|over)\b")
_TO_THEM = re.compile(
    r"^\s*(?:him|her|them)\b|\bto (?:your )?(?:mum|mother|dad|father|husband|wife|paul|mrs|mr|him|her|them)\b"
)


def data_sent(reply: Reply) -> list[Hit]:
    """Someone else's account papers sent or read to the caller, now rather than once the holder has agreed."""
    hits: list[Hit] = []
    for match in _SENDS.finditer(reply.norm):
        start, end = match.span()
        sentence = reply.sentence_at(start)
        rest = reply.norm[start : sentence.end]
        verb_end = reply.norm.find(" ", start + len(match.group().split()[0]) + 1)
        if not _TO_CALLER.search(rest) or _TO_THEM.search(reply.norm[verb_end : sentence.end]):
            continue
        if reply.is_negated(start) or reply.is_quoted(start, end) or sentence.question is not None:
            continue
        if _ONCE.search(reply.norm, sentence.start, sentence.end):
            continue  # "once she's confirmed, I'll send you the report" waits for the holder
        hits.append(Hit(start, end, "shape", "data sent"))
    return hits
