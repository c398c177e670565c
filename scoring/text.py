"""Reading a learner's reply: normalisation with a map back to the original characters, sentences, clauses,
negation scope, quoted or reported speech, and questions.

Matching runs on the normalised text (lower case, straight quotes, British spelling, common typos and text-speak
expanded); every span found there maps back to the learner's own words so evidence highlights what they typed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache, wraps
from typing import Literal, TypeVar

from .lexicon import Live, live, present_needles, spelling_map

QuestionKind = Literal["open", "closed", "rhetorical"]
ContextT = TypeVar("ContextT")
ResultT = TypeVar("ResultT")

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[^a-z0-9\s]|\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a3": "£", "\u2026": "."})
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:but|however|although|though|except|yet|whereas)\b|"
    r"\b(?:and|so) (?=(?:i|i'm|i'll|i've|we|we're|we'll|we've|you|you're|you'll|he|she|they|it|that)\b)"
)
_NEGATOR = re.compile(r"\b(?:not|no|never|nothing|neither|nor|cannot|hardly|nobody|none)\b|n't\b|\bwon't\b|\bcan't\b")
_REPORTING = re.compile(
    r"\b(?:says?|said|saying|states that|stated|reads|claims that|claimed|told you|were told|was told|quoted?|wording|"
    r"according to)\b"
)
_WH_START = re.compile(
    r"^(?:so,?\s+|ok(?:ay)?,?\s+|right,?\s+|and\s+|also,?\s+|first(?:ly)?,?\s+|just\s+)*"
    r"(?:(?:what|when|where|which|who|whose|how|why)(?:'s|'re| is| are| was| were| did| do| does| has| have| had| "
    r"would| could| can| will| should| long| many| much| often| exactly| time| day| date| number| one| happened)|"
    r"could you|can you|would you|will you|do you|did you|does|"
    r"have you|has|is it|is that|is there|are you|are there|was it|were you|may i|could i|can i|shall i|"
    r"would it|should i|am i|did it|does it|is this|is the|are they|did they|were they|do they|tell me|"
    r"talk me through|walk me through|please (?:tell|confirm|let me know|could)|let me know)\b"
)
_QUESTION_WORD = re.compile(
    r"\b(?:what|when|where|which|who|whose|how|why|is|are|was|were|do|does|did|can|could|would|will|have|has|had|"
    r"should|shall|may|might|isn't|aren't|don't|didn't|won't|any|tell|confirm|you'd|right|correct|ok|okay)\b|\w+'s\b"
)
_OPEN_START = re.compile(
    r"^(?:so,?\s+|ok(?:ay)?,?\s+|right,?\s+|and\s+|just\s+)*(?:what|how|why|tell me|talk me through|walk me through|"
    r"(?:could|can|would) you (?:tell|talk|walk|explain|describe|let me know|give me more)|describe|explain)\b"
)
_RHETORICAL = re.compile(
    r"\bwhy (?:didn't|did|would|don't|do|couldn't|wouldn't|haven't) you\b|\bdid you (?:not|even) \w+|"
    r"\bwhat did you expect\b|\bhow (?:hard|difficult) (?:is|was|can) it\b|\bdo you (?:even|really|"
    r"honestly) (?:think|expect|know|believe)\b|\bwhat do you want (?:me|us) to do\b|\bwho (?:reads|does that|"
    r"would)\b|(?:^|[,:;] )seriously[,?!]|\b(?:are|do|did) you seriously\b|\bare you (?:even )?(?:listening|serious|"
    r"joking|kidding)\b|\bhave you (?:even )?tried turning\b|\bcan you not\b|\bwhat part of\b|\bisn't it obvious\b|"
    r"\bwhy on earth\b|\bhow many times\b|\bwhat else did you expect\b|\bcan't you read\b|\bdidn't you read\b|"
    r"\bhave you tried (?:knocking|asking (?:your|the) neighbou?rs?|looking)\b|\bwhat's the point\b|"
    r"\bwhat more do you want\b"
)


_QUOTED = re.compile(r'"[^"\n]{1,200}"|(?:(?<=\s)|^)\'(?:[^\'\n]|(?<=[a-z])\'(?=[a-z])){1,200}\'(?=[\s.,;:!?)]|$)')


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the normalised text, ``start`` inclusive, ``end`` exclusive."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    question: QuestionKind | None


class Reply:
    """One reply, normalised once, with helpers the criteria share."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.norm, self._starts, self._ends = normalise(original)
        self._once: dict[str, tuple[object, object]] = {}
        self._live: dict[str, Live] = {}

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the learner's own characters."""
        if not self._starts or end <= start:
            return 0, 0
        start = min(max(start, 0), len(self._starts) - 1)
        end = min(max(end, start + 1), len(self._ends))
        return self._starts[start], self._ends[end - 1]

    @cached_property
    def needles(self) -> frozenset[str]:
        """The lexicon needles present in this reply (see :mod:`scoring.needles`)."""
        return present_needles(self.norm)

    def live(self, lexicon: str) -> Live:
        """The lexicon's phrases and alternatives worth searching in this reply (see :mod:`scoring.lexicon`)."""
        found = self._live.get(lexicon)
        if found is None:
            found = self._live[lexicon] = live(lexicon, self.needles)
        return found

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        found: list[Sentence] = []
        position = 0
        text = self.norm
        for match in _SENTENCE_END.finditer(text):
            end = match.end()
            _add_sentence(found, text, position, end)
            position = end
        _add_sentence(found, text, position, len(text))
        return tuple(found)

    @cached_property
    def quoted(self) -> tuple[Span, ...]:
        spans: list[Span] = []
        for match in _QUOTED.finditer(self.norm):
            spans.append(Span(match.start(), match.end()))
        return tuple(spans)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, position: int) -> Sentence:
        """The sentence holding ``position``; the last sentence for a position between or after sentences."""
        index = bisect_right(self._sentence_starts, position) - 1  # sentences are in order and never overlap
        if index >= 0 and position < self.sentences[index].end:
            return self.sentences[index]
        return self.sentences[-1] if self.sentences else Sentence(0, 0, "", None)

    def next_sentence_end(self, sentence: Sentence) -> int:
        """Where the sentence after ``sentence`` ends, or ``sentence``'s own end when it is the last."""
        following = [later for later in self.sentences if later.start >= sentence.end][:1]
        return following[0].end if following else sentence.end

    def clause_start(self, position: int) -> int:
        """Where the clause holding ``position`` begins: after the last comma, 'but', etc. in its sentence."""
        sentence = self.sentence_at(position)
        start = sentence.start
        # the search runs a little past the position so a break's look-ahead ("and I'm ...") can see its subject
        for match in _CLAUSE_BREAK.finditer(self.norm, sentence.start, min(sentence.end, position + 12)):
            if match.end() <= position:
                start = match.end()
        return start

    def is_negated(self, start: int, window: int = 9) -> bool:
        """True when a negator governs the words at ``start``: in the same clause, a few words before."""
        clause_start = self.clause_start(start)
        before = self.norm[clause_start:start]
        words = before.split()
        recent = " ".join(words[-window:])
        return bool(_NEGATOR.search(recent))

    def is_denial(self, start: int, end: int) -> bool:
        """True when the words carry their own negation ("nothing I can do", "can't refund"): a negator before them
        in the same clause is part of the same refusal ("if the till won't let me, there's nothing I can do"), not a
        denial of it."""
        return bool(_NEGATOR.search(self.norm, start, end))

    def is_quoted(self, start: int, end: int) -> bool:
        """True inside quotation marks or after a reporting frame ("the sign says ...") in the same sentence."""
        if any(span.start <= start and end <= span.end for span in self.quoted):
            return True
        # a reporting frame covers its own clause: "I'm not saying you broke it, but did you..." reports nothing
        before = self.norm[self.clause_start(start) : start]
        return bool(_REPORTING.search(" ".join(before.split()[-8:])))

    @cached_property
    def questions(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.question is not None)


def once_per_reply(judge: Callable[[Reply, ContextT], ResultT]) -> Callable[[Reply, ContextT], ResultT]:
    """Remember ``judge(reply, ctx)`` on the reply for that same context object.

    Several criteria ask whether a reply breaks a legal or conduct rule; the answer is worked out once. The result
    is shared, so callers must not change it.
    """
    key = judge.__qualname__

    @wraps(judge)
    def judged_once(reply: Reply, ctx: ContextT) -> ResultT:
        known = reply._once.get(key)
        if known is not None and known[0] is ctx:
            return known[1]  # type: ignore[return-value]
        result = judge(reply, ctx)
        reply._once[key] = (ctx, result)
        return result

    return judged_once


@lru_cache(maxsize=4096)
def normalised_line(line: str) -> str:
    """The normalised text of a customer's line; their authored lines recur, so each is normalised once."""
    return Reply(line).norm


def _add_sentence(found: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    end = start + len(stripped)
    found.append(Sentence(start, end, stripped, classify_question(stripped)))


def classify_question(sentence: str) -> QuestionKind | None:
    """open / closed / rhetorical for a question sentence, None for a statement."""
    body = sentence.strip().lstrip("\"'(").strip().lower()
    asks = body.endswith("?") or bool(_WH_START.match(body))
    if not asks or not _QUESTION_WORD.search(body):
        return None
    if _RHETORICAL.search(body):
        return "rhetorical"
    if _OPEN_START.match(body):
        return "open"
    return "closed"


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_ODD_SPACE = re.compile(r"\s{2,}|[\t\r\f\v]")


def _needs_no_rewrite(lowered: str, replacements: Mapping[str, str]) -> bool:
    """True when no token would change and the spacing is plain, so the text maps to itself."""
    if _ODD_SPACE.search(lowered):
        return False
    return replacements.keys().isdisjoint(_WORD.findall(lowered))


def normalise(text: str) -> tuple[str, list[int], list[int]]:
    """Lower-case, straighten quotes, fix spellings; return the text and, per character, the original span."""
    lowered = text.translate(_QUOTES).lower()
    replacements = spelling_map()
    if _needs_no_rewrite(lowered, replacements):
        return lowered, list(range(len(lowered))), list(range(1, len(lowered) + 1))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _TOKEN.finditer(lowered):
        token = match.group()
        start, end = match.span()
        if token[0].isspace():
            token = " " if "\n" not in token else "\n"
        replacement = replacements.get(token, token)
        pieces.append(replacement)
        if len(replacement) == end - start:
            starts.extend(range(start, end))
            ends.extend(range(start + 1, end + 1))
        else:
            starts.extend([start] * len(replacement))
            ends.extend([end] * len(replacement))
    return "".join(pieces), starts, ends
