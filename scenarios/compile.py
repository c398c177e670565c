"""The compile step: checks a validated scenario as a whole, then freezes it for the engine.

Field-level checks belong to the models in :mod:`scenarios.spec`; this module checks what no single field can:
stages that are unknown, unreachable or dead ends, outcomes that cannot be reached, placeholders naming no fact,
lines missing for a stage or reaction, escalation points that can never fire. Each problem is an
:class:`~scenarios.errors.Issue` with a severity and a located path. Compiled scenarios are cached by the SHA-256
of their text, so the same file is compiled once per process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from .errors import Issue, ScenarioFileError, Severity
from .loader import Loc, decode_text, format_path, line_for, load_spec
from .spec import PLACEHOLDER, REACTIONS, ScenarioSpec, Stage

SUCCESS_OUTCOMES = ("resolved", "escalated")


@dataclass(frozen=True)
class CompiledScenario:
    """A checked scenario ready to play: the spec, its content hash and the stage graph."""

    spec: ScenarioSpec
    content_hash: str
    source: str
    issues: tuple[Issue, ...] = ()
    stages: MappingProxyType[str, Stage] = field(default_factory=lambda: MappingProxyType({}))
    stage_order: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def version(self) -> int:
        return self.spec.version

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(issue for issue in self.issues if issue.severity == "warning")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Checker:
    def __init__(self, spec: ScenarioSpec, lines: dict[Loc, int], file: str) -> None:
        self.spec = spec
        self.lines = lines
        self.file = file
        self.issues: list[Issue] = []

    def add(self, severity: Severity, loc: Loc, message: str) -> None:
        self.issues.append(
            Issue(severity, message, path=format_path(loc), line=line_for(loc, self.lines), file=self.file)
        )

    def run(self) -> list[Issue]:
        self.check_stages()
        self.check_outcomes()
        self.check_lines()
        self.check_escalations()
        self.check_wants_and_authority()
        return self.issues

    # -- the stage graph ---------------------------------------------------------------------------------
    def reachable(self) -> set[str]:
        stages = {stage.id: stage for stage in self.spec.conversation.stages}
        seen: set[str] = set()
        current: str | None = self.spec.conversation.start
        while current is not None and current in stages and current not in seen:
            seen.add(current)
            current = stages[current].next
        return seen

    def check_stages(self) -> None:
        conversation = self.spec.conversation
        ids: dict[str, int] = {}
        for index, stage in enumerate(conversation.stages):
            if stage.id in ids:
                self.add(
                    "error",
                    ("conversation", "stages", index, "id"),
                    f"the stage id '{stage.id}' is used twice",
                )
            ids[stage.id] = index
        if conversation.start not in ids:
            self.add("error", ("conversation", "start"), f"the start stage '{conversation.start}' is not a stage")
        for index, stage in enumerate(conversation.stages):
            if stage.next is not None and stage.next not in ids:
                self.add(
                    "error",
                    ("conversation", "stages", index, "next"),
                    f"stage '{stage.id}' goes to '{stage.next}', which is not a stage; known: {', '.join(ids)}",
                )
            if stage.next == stage.id:
                self.add("error", ("conversation", "stages", index, "next"), f"stage '{stage.id}' goes to itself")
        reachable = self.reachable()
        for index, stage in enumerate(conversation.stages):
            if stage.id not in reachable and conversation.start in ids:
                self.add(
                    "warning",
                    ("conversation", "stages", index, "id"),
                    f"stage '{stage.id}' can never be reached from the start stage '{conversation.start}'",
                )
        for index, stage in enumerate(conversation.stages):
            if stage.next is None and stage.id in reachable and not self.success_possible_in(stage.id):
                self.add(
                    "error",
                    ("conversation", "stages", index),
                    f"stage '{stage.id}' is a dead end: it has no next stage and no 'resolved' or 'escalated' "
                    "outcome can happen in it",
                )

    def success_possible_in(self, stage_id: str) -> bool:
        for name in SUCCESS_OUTCOMES:
            outcome = self.spec.conversation.outcomes.get(name)  # type: ignore[call-overload]
            if outcome is not None and (not outcome.reachable_from or stage_id in outcome.reachable_from):
                return True
        return False

    def check_outcomes(self) -> None:
        conversation = self.spec.conversation
        ids = {stage.id for stage in conversation.stages}
        reachable = self.reachable()
        if not any(name in conversation.outcomes for name in SUCCESS_OUTCOMES):
            self.add(
                "error",
                ("conversation", "outcomes"),
                "add a 'resolved' or 'escalated' outcome: nobody can win",
            )
        for name, outcome in conversation.outcomes.items():
            loc: Loc = ("conversation", "outcomes", name)
            if name in SUCCESS_OUTCOMES and outcome.when is None:
                self.add("error", (*loc, "when"), f"the '{name}' outcome needs a 'when' condition")
            if name not in SUCCESS_OUTCOMES and outcome.when is not None:
                self.add(
                    "warning",
                    (*loc, "when"),
                    f"'{name}' happens by mood or turn count; its 'when' is ignored",
                )
            for index, stage_id in enumerate(outcome.reachable_from):
                if stage_id not in ids:
                    self.add("error", (*loc, "reachable_from", index), f"'{stage_id}' is not a stage")
            if outcome.reachable_from and not set(outcome.reachable_from) & reachable:
                self.add("error", loc, f"the '{name}' outcome cannot be reached: none of its stages can be reached")
            if outcome.when == "referral_made" and not self.spec.briefing.authority.refer_to:
                self.add("error", (*loc, "when"), "a referral outcome needs briefing.authority.refer_to")

    # -- lines ---------------------------------------------------------------------------------------------
    def iter_lines(self) -> Iterator[tuple[Loc, tuple[str, ...]]]:
        conversation = self.spec.conversation
        yield ("conversation", "opening"), conversation.opening
        for index, stage in enumerate(conversation.stages):
            for reaction, lines in stage.lines.items():
                yield ("conversation", "stages", index, "lines", reaction), lines
        for name, value in conversation.reactions:
            if value is not None:
                yield ("conversation", "reactions", name), value
        for index, escalation in enumerate(conversation.escalations):
            yield ("conversation", "escalations", index, "says"), escalation.says
        for name, outcome in conversation.outcomes.items():
            yield ("conversation", "outcomes", name, "says"), outcome.says
        for key, fact in self.spec.customer.facts.items():
            yield ("customer", "facts", key, "say"), fact.say

    def check_lines(self) -> None:
        facts = self.spec.customer.facts
        for loc, lines in self.iter_lines():
            if len(set(lines)) != len(lines):
                self.add("warning", loc, "two variants here are identical")
            for index, line in enumerate(lines):
                for name in PLACEHOLDER.findall(line):
                    if name not in facts:
                        known = ", ".join(sorted(facts)) or "none"
                        self.add(
                            "error",
                            (*loc, index),
                            f"the placeholder {{{name}}} names no fact of the customer; facts: {known}",
                        )
        for index, stage in enumerate(self.spec.conversation.stages):
            for reaction in REACTIONS:
                if reaction not in stage.lines:
                    self.add(
                        "error",
                        ("conversation", "stages", index, "lines"),
                        f"stage '{stage.id}' has no '{reaction}' lines (each stage needs {', '.join(REACTIONS)})",
                    )
                elif len(stage.lines[reaction]) < 2:
                    self.add(
                        "warning",
                        ("conversation", "stages", index, "lines", reaction),
                        f"only one '{reaction}' line in stage '{stage.id}': the customer will repeat it",
                    )
        needs_verification = self.spec.legal.identity_check_required or any(
            stage.advance_when == "identity_verified" for stage in self.spec.conversation.stages
        )
        if needs_verification and self.spec.conversation.reactions.verification is None:
            self.add(
                "error",
                ("conversation", "reactions"),
                "identity checks are required, so add 'verification' lines (the customer answering them)",
            )

    # -- escalations, wants, authority -------------------------------------------------------------------------
    def check_escalations(self) -> None:
        conversation = self.spec.conversation
        seen: set[str] = set()
        for index, escalation in enumerate(conversation.escalations):
            loc: Loc = ("conversation", "escalations", index)
            if escalation.id in seen:
                self.add("error", (*loc, "id"), f"the escalation id '{escalation.id}' is used twice")
            seen.add(escalation.id)
            trigger = escalation.trigger
            if trigger.after_turn is not None and trigger.after_turn >= conversation.turn_limit:
                self.add(
                    "warning",
                    (*loc, "trigger", "after_turn"),
                    f"turn {trigger.after_turn} is at or past the turn limit "
                    f"({conversation.turn_limit}): it never fires",
                )
            start_anger = self.spec.customer.temperament.anger
            if trigger.anger_at_least is not None and trigger.anger_at_least <= start_anger:
                self.add(
                    "warning",
                    (*loc, "trigger", "anger_at_least"),
                    f"the customer starts at anger {start_anger}, so this fires on the first turn",
                )
            if escalation.becomes_third_party and escalation.speaker is None:
                self.add("error", (*loc, "speaker"), "say who the new speaker is when a third party joins")

    def check_wants_and_authority(self) -> None:
        wants = self.spec.customer.wants
        if wants.remedy not in wants.accepts:
            self.add("warning", ("customer", "wants", "accepts"), f"the customer would not accept '{wants.remedy}'")
        reserved = [item.id for item in self.spec.briefing.authority.reserved]
        for index, item_id in enumerate(reserved):
            if reserved.index(item_id) != index:
                self.add("error", ("briefing", "authority", "reserved", index, "id"), f"'{item_id}' is used twice")


def check(spec: ScenarioSpec, lines: dict[Loc, int] | None = None, file: str = "<scenario>") -> list[Issue]:
    """Whole-scenario checks of a validated spec."""
    return _Checker(spec, lines or {}, file).run()


def _freeze(spec: ScenarioSpec, text: str, issues: list[Issue]) -> CompiledScenario:
    return CompiledScenario(
        spec=spec,
        content_hash=content_hash(text),
        source=text,
        issues=tuple(issues),
        stages=MappingProxyType({stage.id: stage for stage in spec.conversation.stages}),
        stage_order=tuple(stage.id for stage in spec.conversation.stages),
    )


def validate_text(text: str | bytes, file: str = "<scenario>") -> list[Issue]:
    """Every issue of a scenario's text, errors and warnings, without raising."""
    try:
        spec, lines = load_spec(text, file)
    except ScenarioFileError as exc:
        return list(exc.issues)
    return check(spec, lines, file)


@lru_cache(maxsize=256)
def _compile_cached(text: str, digest: str) -> CompiledScenario:
    spec, lines = load_spec(text)
    issues = check(spec, lines)
    if any(issue.severity == "error" for issue in issues):
        raise ScenarioFileError(issues)
    return _freeze(spec, text, issues)


def compile_scenario(text: str | bytes, file: str = "<scenario>") -> CompiledScenario:
    """Load, validate and check a scenario; raise :class:`ScenarioFileError` on any error. Cached by content."""
    if isinstance(text, bytes):
        text = decode_text(text, file)
    try:
        return _compile_cached(text, content_hash(text))
    except ScenarioFileError as exc:
        raise ScenarioFileError([Issue(i.severity, i.message, i.path, i.line, file) for i in exc.issues]) from None


def compile_cache_info() -> str:
    return str(_compile_cached.cache_info())
