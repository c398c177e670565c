"""What a reply is judged against: the scenario, the customer's last line and the conversation so far."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scenarios import CompiledScenario, LegalContext


@dataclass(frozen=True, slots=True)
class Context:
    """Everything outside the reply that the criteria may look at. A bare reply has ``scenario=None``."""

    scenario: CompiledScenario | None = None
    customer_line: str = ""
    identity_verified: bool = False
    third_party: bool | None = None
    expects: tuple[str, ...] = ()
    earlier_replies: tuple[str, ...] = ()
    turn: int = 1

    @property
    def legal(self) -> LegalContext | None:
        return self.scenario.spec.legal if self.scenario else None

    @property
    def speaking_to_third_party(self) -> bool:
        """The engine's word if it has one; else the scenario's caller, or a customer line such as "I'm her son"."""
        if self.third_party is not None:
            return self.third_party
        if self.legal and self.legal.caller == "third-party":
            return not _verified_line(self.customer_line)
        return _third_party_line(self.customer_line)

    @property
    def vulnerable(self) -> bool:
        return bool(self.legal and self.legal.vulnerability) or bool(disclosed_needs(self.customer_line))

    @property
    def hearing_needs(self) -> bool:
        in_scenario = bool(self.legal and any("hearing" in item or "deaf" in item for item in self.legal.vulnerability))
        return in_scenario or "hearing" in disclosed_needs(self.customer_line)

    @property
    def needs_verification(self) -> bool:
        """Account talk needs an identity check first: the scenario says so, or the customer is on the phone."""
        if self.identity_verified or self.scenario is None or _verified_line(self.customer_line):
            return False
        legal = self.scenario.spec.legal
        return legal.identity_check_required or self.scenario.spec.channel == "phone"


_THIRD_PARTY = re.compile(
    r"\b(?:on behalf of|i'm (?:his|her|their) (?:wife|husband|son|daughter|partner|mum|mother|dad|father|carer|brother|"
    r"sister|friend|neighbour)|i'm (?:[a-z]+ ){0,2}[a-z]+'s (?:wife|husband|son|daughter|partner|mum|mother|dad|father|"
    r"carer|brother|"
    r"sister|friend|neighbour)|(?:my|his|her) (?:husband|wife|mum|mother|dad|father|son|daughter|partner)'s (?:account|"
    r"card|order|details|balance)|calling (?:for|about) my (?:husband|wife|mum|mother|dad|father|son|daughter)|it's "
    r"(?:his|her) (?:account|card)|(?:mum|dad|mother|father|husband|wife)'s account)\b"
)
_VERIFIED = re.compile(r"\[[^\]]*verified[^\]]*\]|\bthat's (?:you|me) verified\b|\bpassed security\b")
_NEEDS = {
    "hearing": re.compile(r"\b(?:deaf|hard of hearing|hearing (?:loss|aid|impair)|can't hear|cannot hear|lip-?read)"),
    "sight": re.compile(r"\b(?:blind|partially sighted|visually impaired|sight loss|can't see|cannot see)\b"),
    "reading": re.compile(r"\b(?:dyslexi\w*|can't read|cannot read|struggle (?:with|to) (?:read|write|forms))\b"),
    "health": re.compile(
        r"\b(?:disabled|disability|wheelchair|ms\b|multiple sclerosis|dementia|autis\w*|adhd|stroke|cancer|"
        r"mental health|anxiety|depression|learning difficult\w*|in hospital|heart (?:surgery|attack|condition))"
    ),
}


@lru_cache(maxsize=4096)
def disclosed_needs(customer_line: str) -> frozenset[str]:
    """Needs the customer's own words disclose: hearing, sight, reading, health."""
    lowered = customer_line.lower()
    return frozenset(name for name, pattern in _NEEDS.items() if pattern.search(lowered))


@lru_cache(maxsize=4096)
def _third_party_line(customer_line: str) -> bool:
    return bool(_THIRD_PARTY.search(customer_line.lower().replace("\u2019", "'")))


def _verified_line(customer_line: str) -> bool:
    return bool(_VERIFIED.search(customer_line.lower()))
