"""What the catalogue and briefing pages show of a scenario: typed views built from the compiled spec."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from scenarios import CompiledScenario

from .labels import law_name, money, words


@dataclass(frozen=True, slots=True)
class ScenarioCard:
    """One scenario in the catalogue."""

    id: str
    title: str
    summary: str
    sector: str
    channel: str
    difficulty: str
    laws: tuple[str, ...]
    topics: tuple[str, ...]
    customer: str


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Filters:
    """The catalogue's filters as chosen (empty means any) and the options each offers."""

    sector: str = ""
    law: str = ""
    difficulty: str = ""
    sectors: tuple[Option, ...] = ()
    laws: tuple[Option, ...] = ()
    difficulties: tuple[Option, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.sector or self.law or self.difficulty)


@dataclass(frozen=True, slots=True)
class Limit:
    what: str
    amount: str


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a learner reads before they start: who they are, the rules they work to, who is calling."""

    id: str
    version: int
    title: str
    summary: str
    sector: str
    channel: str
    difficulty: str
    laws: tuple[str, ...]
    role: str
    organisation: str
    policy: tuple[str, ...]
    limits: tuple[Limit, ...]
    permissions: tuple[str, ...]
    reserved: tuple[Limit, ...]
    refer_to: str
    on_screen: tuple[Limit, ...]
    customer_name: str
    customer_age: int | None
    situation: str
    turn_limit: int


DIFFICULTY_ORDER = ("foundation", "intermediate", "advanced")


def card(scenario: CompiledScenario) -> ScenarioCard:
    spec = scenario.spec
    return ScenarioCard(
        id=spec.id,
        title=spec.title,
        summary=spec.summary,
        sector=spec.sector,
        channel=spec.channel,
        difficulty=spec.difficulty,
        laws=spec.laws,
        topics=spec.topics,
        customer=spec.customer.name,
    )


def _options(values: Iterable[str], name: Callable[[str], str] = words) -> tuple[Option, ...]:
    return tuple(Option(value, name(value)) for value in sorted(set(values), key=lambda v: name(v).lower()))


def catalogue(
    scenarios: Iterable[CompiledScenario], sector: str = "", law: str = "", difficulty: str = ""
) -> tuple[list[ScenarioCard], Filters]:
    """The cards that pass the chosen filters, in id order, and the filters with every option the library has."""
    cards = sorted((card(scenario) for scenario in scenarios), key=lambda c: c.id)
    filters = Filters(
        sector=sector,
        law=law,
        difficulty=difficulty,
        sectors=_options(c.sector for c in cards),
        laws=_options((item for c in cards for item in c.laws), law_name),
        difficulties=tuple(Option(d, words(d)) for d in DIFFICULTY_ORDER if any(c.difficulty == d for c in cards)),
    )
    chosen = [
        c
        for c in cards
        if (not sector or c.sector == sector)
        and (not law or law in c.laws)
        and (not difficulty or c.difficulty == difficulty)
    ]
    return chosen, filters


NUMBERED = re.compile(r"(?:^|(?<=[.!?:)]))\s+(?=\d{1,2}\.\s)")
POINT = re.compile(r"^\s*(?:[-*•]|\d{1,2}(?:\.\d{1,2})*[.)]?)\s")


def policy_points(policy: str) -> tuple[str, ...]:
    """A policy as its points: a line starting "1." or "-" opens one, "1. … 2. …" in one line are split apart."""
    points: list[str] = []
    for line in policy.splitlines():
        if not line.strip():
            continue
        if points and not POINT.match(line):
            points[-1] += " " + line.strip()
        else:
            points.append(line.strip())
    return tuple(part.strip() for point in points for part in NUMBERED.split(point) if part.strip()) or (policy,)


def briefing(scenario: CompiledScenario) -> Briefing:
    spec = scenario.spec
    authority = spec.briefing.authority
    return Briefing(
        id=spec.id,
        version=spec.version,
        title=spec.title,
        summary=spec.summary,
        sector=spec.sector,
        channel=spec.channel,
        difficulty=spec.difficulty,
        laws=spec.laws,
        role=spec.briefing.role,
        organisation=spec.briefing.organisation,
        policy=policy_points(spec.briefing.policy),
        limits=tuple(Limit(words(kind), money(amount)) for kind, amount in authority.limits.items()),
        permissions=tuple(words(permission) for permission in authority.permissions),
        reserved=tuple(Limit(words(item.kind), item.decided_by) for item in authority.reserved),
        refer_to=authority.refer_to,
        on_screen=tuple(Limit(item.label, item.value) for item in spec.briefing.on_screen),
        customer_name=spec.customer.name,
        customer_age=spec.customer.age,
        situation=spec.customer.situation,
        turn_limit=spec.conversation.turn_limit,
    )


__all__ = ["Briefing", "Filters", "Limit", "Option", "ScenarioCard", "briefing", "card", "catalogue"]
