"""A conversation's state as data: what the engine needs to take the next turn, and its versioned JSON form.

The state names the scenario it was played on (id, version and content hash) and its seed; everything random is
drawn from the seed and the turn number, so a restored state continues exactly as if it had never stopped. A state
saved against another scenario, or another version or text of the same scenario, is refused with a message naming
both, because its stage, facts and escalation points may no longer mean the same thing.

Example::

    text = to_json(state)                 # compact, sorted keys: the same state always gives the same bytes
    assert from_json(text, scenario) == state
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

from .compile import CompiledScenario
from .errors import StateError
from .guards import Flag, Progress
from .spec import Expectation, Outcome

STATE_FORMAT: Final = 1
OfferResponse = Literal["accepted", "rejected", "unheard", "beyond_authority", "referred"]


@dataclass(frozen=True, slots=True)
class OfferMade:
    """An offer the learner made and what became of it."""

    turn: int
    kind: str
    amount: float | None
    response: OfferResponse


@dataclass(frozen=True, slots=True)
class ConversationState:
    """Everything about a conversation between turns. Immutable: each turn makes a new one."""

    scenario_id: str
    scenario_version: int
    content_hash: str
    seed: int
    turn: int
    stage: str
    anger: int
    patience: int
    progress: Progress = frozenset()
    facts_revealed: tuple[str, ...] = ()
    offers: tuple[OfferMade, ...] = ()
    escalations: tuple[str, ...] = ()
    expectations: tuple[Expectation, ...] = ()
    speaker: str | None = None
    third_party: bool = False
    disclosed: tuple[str, ...] = ()
    last_lines: tuple[str, ...] = ()
    outcome: Outcome | None = None

    @property
    def ended(self) -> bool:
        return self.outcome is not None

    @property
    def last_line(self) -> str:
        """What the customer (or whoever speaks for them) said last."""
        return " ".join(self.last_lines)


# -- JSON -------------------------------------------------------------------------------------------------------
Text = Annotated[str, Strict(), Field(min_length=1)]
Whole = Annotated[int, Strict(), Field(ge=0)]
Level = Annotated[int, Strict(), Field(ge=0, le=100)]


class _Saved(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _SavedScenario(_Saved):
    id: Text
    version: Annotated[int, Strict(), Field(ge=1)]
    hash: Annotated[str, Strict(), Field(pattern=r"^[0-9a-f]{64}$")]


class _SavedOffer(_Saved):
    turn: Whole
    kind: Text
    amount: float | None
    response: OfferResponse


class _SavedState(_Saved):
    format: Literal[1]
    scenario: _SavedScenario
    seed: Annotated[int, Strict()]
    turn: Whole
    stage: Text
    anger: Level
    patience: Level
    progress: tuple[Flag, ...]
    facts: tuple[Text, ...]
    offers: tuple[_SavedOffer, ...]
    escalations: tuple[Text, ...]
    expects: tuple[Expectation, ...]
    speaker: Text | None
    third_party: Annotated[bool, Strict()]
    disclosed: tuple[Text, ...]
    last: tuple[Text, ...]
    outcome: Outcome | None


def to_json(state: ConversationState) -> str:
    """The state as compact, canonical JSON (sorted keys, no spaces): equal states give equal text."""
    data: dict[str, Any] = {
        "format": STATE_FORMAT,
        "scenario": {"id": state.scenario_id, "version": state.scenario_version, "hash": state.content_hash},
        "seed": state.seed,
        "turn": state.turn,
        "stage": state.stage,
        "anger": state.anger,
        "patience": state.patience,
        "progress": sorted(state.progress),
        "facts": list(state.facts_revealed),
        "offers": [{"turn": o.turn, "kind": o.kind, "amount": o.amount, "response": o.response} for o in state.offers],
        "escalations": list(state.escalations),
        "expects": list(state.expectations),
        "speaker": state.speaker,
        "third_party": state.third_party,
        "disclosed": list(state.disclosed),
        "last": list(state.last_lines),
        "outcome": state.outcome,
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _describe(scenario_id: object, version: object, digest: object) -> str:
    return f"scenario '{scenario_id}' version {version} (content {str(digest)[:12]})"


def _check_scenario(saved: Any, scenario: CompiledScenario) -> None:
    if not isinstance(saved, dict):
        raise StateError("the saved state does not say which scenario it belongs to")
    saved_id, version, digest = saved.get("id"), saved.get("version"), saved.get("hash")
    if saved_id != scenario.id:
        raise StateError(f"this conversation belongs to scenario '{saved_id}', not '{scenario.id}'")
    if version != scenario.version or digest != scenario.content_hash:
        changed = "" if version != scenario.version else " (same version number, different text)"
        raise StateError(
            f"this conversation was saved against {_describe(saved_id, version, digest)}, "
            f"but the scenario loaded is {_describe(scenario.id, scenario.version, scenario.content_hash)}"
            f"{changed}; a conversation cannot continue on a changed scenario: finish it on the version it "
            "started with, or start again"
        )


def _check_names(saved: _SavedState, scenario: CompiledScenario) -> None:
    spec = scenario.spec
    problems: list[str] = []
    if saved.stage not in scenario.stages:
        problems.append(f"stage '{saved.stage}' is not a stage of the scenario")
    unknown_facts = sorted(set(saved.facts) - set(spec.customer.facts))
    if unknown_facts:
        problems.append(f"facts {unknown_facts} are not the customer's")
    known_points = {escalation.id for escalation in spec.conversation.escalations}
    unknown_points = sorted(set(saved.escalations) - known_points)
    if unknown_points:
        problems.append(f"escalation points {unknown_points} are not in the scenario")
    if saved.outcome is not None and saved.outcome not in spec.conversation.outcomes:
        problems.append(f"the scenario has no '{saved.outcome}' outcome")
    if problems:
        raise StateError("the saved state does not fit its scenario: " + "; ".join(problems))


def from_json(text: str | bytes, scenario: CompiledScenario) -> ConversationState:
    """Restore a state saved by :func:`to_json`; :class:`StateError` if it is unreadable or from another scenario."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise StateError(f"the saved state is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise StateError("the saved state is not a JSON object")
    if data.get("format") != STATE_FORMAT:
        raise StateError(
            f"the saved state has format {data.get('format')!r}; this engine reads state format {STATE_FORMAT}"
        )
    _check_scenario(data.get("scenario"), scenario)
    try:
        saved = _SavedState.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise StateError(f"the saved state is damaged: {where}: {first['msg']}") from None
    _check_names(saved, scenario)
    return ConversationState(
        scenario_id=saved.scenario.id,
        scenario_version=saved.scenario.version,
        content_hash=saved.scenario.hash,
        seed=saved.seed,
        turn=saved.turn,
        stage=saved.stage,
        anger=saved.anger,
        patience=saved.patience,
        progress=frozenset(saved.progress),
        facts_revealed=saved.facts,
        offers=tuple(OfferMade(o.turn, o.kind, o.amount, o.response) for o in saved.offers),
        escalations=saved.escalations,
        expectations=saved.expects,
        speaker=saved.speaker,
        third_party=saved.third_party,
        disclosed=saved.disclosed,
        last_lines=saved.last,
        outcome=saved.outcome,
    )


__all__ = ["STATE_FORMAT", "ConversationState", "OfferMade", "OfferResponse", "from_json", "to_json"]
