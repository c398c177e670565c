"""A stronger reply to compare with the learner's weakest one, built from data and checked by the scorer.

The parts come from ``data/exemplars.yaml``, filled in from the scenario (the customer's name, a remedy they accept
that the learner may give, who to refer to). Each part is kept only if, scored in the context the learner's reply
was given in, it earns its criterion and adds no breach; so what the debrief shows as stronger is stronger by the
same rubric that graded the learner, never a hand-written answer per scenario.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from scenarios import CompiledScenario
from scoring import Assessment, Context, assess

from .labels import words

BREACHES = ("authority", "legal", "professional")


@dataclass(frozen=True, slots=True)
class Stronger:
    """The learner's reply at ``turn``, and a reply that scores better in the same place."""

    turn: int
    original: str
    reply: str
    original_verdicts: dict[str, str]
    verdicts: dict[str, str]


@cache
def _parts() -> tuple[tuple[str, tuple[str, ...]], ...]:
    text = resources.files("app.pages").joinpath("data", "exemplars.yaml").read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    return tuple((str(part["criterion"]), tuple(str(line) for line in part["say"])) for part in loaded["parts"])


def _fill(scenario: CompiledScenario) -> dict[str, str]:
    spec = scenario.spec
    limits = spec.briefing.authority.limits
    wants = spec.customer.wants
    price = spec.legal.price or wants.amount or 0
    remedy = next((kind for kind in wants.accepts if kind in limits and limits[kind] >= price), None)
    return {
        "first_name": spec.customer.name.split()[0],
        "remedy": words(remedy).lower() if remedy else "",
        "refer_to": spec.briefing.authority.refer_to,
    }


def _score(assessment: Assessment) -> int:
    verdicts = {name: result.verdict for name, result in assessment.results.items()}
    return sum(v == "met" for v in verdicts.values()) - 3 * sum(verdicts.get(name) == "breach" for name in BREACHES)


def _breaches(assessment: Assessment) -> int:
    return sum(assessment.verdict(name) == "breach" for name in BREACHES)


def stronger_reply(scenario: CompiledScenario, context: Context, original: str) -> tuple[str, Assessment] | None:
    """A reply built part by part that scores better than ``original`` in ``context``; None if none does."""
    fill = _fill(scenario)
    before = assess(original, context)
    kept: list[str] = []
    current: Assessment | None = None
    owned = False
    for criterion, lines in _parts():
        if criterion == "verify" and not (
            scenario.spec.legal.identity_check_required and not context.identity_verified
        ):
            continue
        if criterion == "escalation" and owned and "referral" not in context.expects:
            continue  # a remedy the learner may give needs no referral, and offering both would contradict itself
        for line in lines:
            if "{remedy}" in line and not fill["remedy"]:
                continue
            candidate = " ".join([*kept, line.format(**fill)])
            scored = assess(candidate, context)
            earned = criterion == "verify" or scored.verdict(criterion) == "met"
            if earned and _breaches(scored) == 0 and (current is None or _score(scored) >= _score(current)):
                kept.append(line.format(**fill))
                current = scored
                owned = owned or criterion == "own"
                break
    if current is None or _score(current) <= _score(before):
        return None
    return " ".join(kept), current


def compare(
    scenario: CompiledScenario, contexts: Sequence[Context], replies: Sequence[str], assessments: Sequence[Assessment]
) -> Stronger | None:
    """The stronger reply for the turn where one would gain the most marks (the first of equals), or None."""
    best: tuple[int, int, str, Assessment] | None = None
    for index, (context, text, before) in enumerate(zip(contexts, replies, assessments, strict=False)):
        found = stronger_reply(scenario, context, text)
        if found is None:
            continue
        gain = _score(found[1]) - _score(before)
        if best is None or gain > best[0]:
            best = (gain, index, found[0], found[1])
    if best is None:
        return None
    _, index, reply, scored = best
    return Stronger(
        turn=index + 1,
        original=replies[index],
        reply=reply,
        original_verdicts={name: r.verdict for name, r in assessments[index].results.items()},
        verdicts={name: r.verdict for name, r in scored.results.items()},
    )


__all__ = ["Stronger", "compare", "stronger_reply"]
