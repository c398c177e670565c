"""The customer's voice: which authored line they say, with their facts filled in, and how they take an offer.

Choices among variants come from a ``random.Random`` seeded with the conversation's seed and the turn number, never
the global generator, so the same seed and the same replies give the same words, and a restored conversation draws
exactly what an uninterrupted one would. A line just said is not chosen again on the next turn while the pool has
another; a line naming a hidden fact is avoided until the learner has asked for that fact.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from .compile import CompiledScenario
from .signals import Offer
from .spec import PLACEHOLDER, Wants
from .state import OfferMade, OfferResponse

_CACHE_SIZE: Final = 256


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    facts: tuple[str, ...]
    hidden: frozenset[str]


class Voice:
    """A scenario's lines with the customer's facts filled in; one per compiled scenario, shared and read-only."""

    def __init__(self, scenario: CompiledScenario) -> None:
        self._facts = scenario.spec.customer.facts
        self._hidden = frozenset(key for key, fact in self._facts.items() if fact.hidden)
        self._rendered: dict[str, _Line] = {}

    def render(self, line: str) -> _Line:
        found = self._rendered.get(line)
        if found is None:
            names = tuple(dict.fromkeys(PLACEHOLDER.findall(line)))
            text = PLACEHOLDER.sub(lambda match: self._facts[match[1]].value, line)
            found = self._rendered[line] = _Line(text, names, self._hidden.intersection(names))
        return found

    def knows(self, fact: str) -> bool:
        return fact in self._facts

    def answers_for(self, fact: str) -> tuple[str, ...]:
        return self._facts[fact].say


_VOICES: dict[str, Voice] = {}
_VOICES_LOCK = threading.Lock()


def voice(scenario: CompiledScenario) -> Voice:
    """The shared voice of a compiled scenario (keyed by content hash)."""
    found = _VOICES.get(scenario.content_hash)
    if found is None:
        found = Voice(scenario)
        with _VOICES_LOCK:
            if len(_VOICES) >= _CACHE_SIZE:
                _VOICES.pop(next(iter(_VOICES)))
            found = _VOICES.setdefault(scenario.content_hash, found)
    return found


def turn_random(seed: int, turn: int) -> random.Random:
    """The generator for one turn: a string seed is hashed (SHA-512), so it is the same in every process."""
    return random.Random(f"{seed}:{turn}")


class Speech:
    """What the customer says on one turn, built part by part."""

    def __init__(
        self, voice: Voice, rng: random.Random, last_lines: Sequence[str], revealed: Iterable[str] = ()
    ) -> None:
        self._voice = voice
        self._rng = rng
        self._last = frozenset(last_lines)
        self.revealed: dict[str, None] = dict.fromkeys(revealed)
        self.parts: list[str] = []

    def say(self, pool: Sequence[str]) -> None:
        """Add one line chosen from ``pool``."""
        options = [self._voice.render(line) for line in pool]
        # Prefer lines that keep unasked hidden facts back, then lines not said last turn; fall back rather than
        # go silent (the compile step warns about pools with a single line).
        discreet = [line for line in options if line.hidden.issubset(self.revealed)] or options
        fresh = [line for line in discreet if line.text not in self._last and line.text not in self.parts]
        chosen = self._rng.choice(fresh or discreet)
        self.parts.append(chosen.text)
        self.revealed.update(dict.fromkeys(chosen.facts))

    def answer(self, facts_asked: Sequence[str], unknown: Sequence[str]) -> None:
        """Answer each fact asked about, in the order asked; one "no idea" for anything the customer does not know."""
        puzzled = False
        for fact in dict.fromkeys(facts_asked):
            if self._voice.knows(fact):
                self.revealed[fact] = None
                self.say(self._voice.answers_for(fact))
            else:
                puzzled = True
        if puzzled:
            self.say(unknown)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def accepts(wants: Wants, offer: Offer) -> bool:
    """Whether the customer takes this offer: a remedy they would accept, and not less money than they will take.

    The floor is the authored ``minimum``, or failing that the ``amount`` asked for the remedy they want. An offer
    with no amount, or flagged ``full``, meets any floor.
    """
    if offer.kind not in wants.accepts:
        return False
    floor = wants.minimum if wants.minimum is not None else wants.amount if offer.kind == wants.remedy else None
    if floor is None or offer.full or offer.amount is None:
        return True
    return offer.amount >= floor


def answer_offers(wants: Wants, offers: Sequence[Offer], turn: int, *, listening: bool) -> tuple[OfferMade, ...]:
    """What becomes of each offer in a reply. A customer who is pushing back is not listening to offers yet."""
    made: list[OfferMade] = []
    for offer in offers:
        response: OfferResponse
        if offer.referred:
            response = "referred"
        elif not offer.within_authority:
            response = "beyond_authority"
        elif not listening:
            response = "unheard"
        else:
            response = "accepted" if accepts(wants, offer) else "rejected"
        # Amounts are stored as floats so a saved and restored state writes the same JSON (25.0, never 25).
        amount = None if offer.amount is None else float(offer.amount)
        made.append(OfferMade(turn, offer.kind, amount, response))
    return tuple(made)


__all__ = ["Speech", "Voice", "accepts", "answer_offers", "turn_random", "voice"]
