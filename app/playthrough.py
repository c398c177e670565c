"""Running playthrough files: play the scripted replies through the real scorer and engine, check every expectation.

The file format is described in :mod:`app.playthrough_spec`. A run plays each reply with
:func:`app.conversation.take_turn`, exactly as a learner's reply is played, records what happened after it, and
compares that with what the file expects. A failure names the file and line, the turn, what was expected, what
happened instead and what the customer said, e.g.::

    tests/playthroughs/parcel-not-delivered/strong.yaml:21: turn 3: outcome: expected resolved, got ongoing
    (stage own); the customer said "So what are you going to do about it?"

Example::

    result = run_file(Path("tests/playthroughs/parcel-not-delivered/strong.yaml"))
    result.passed, [failure.message(result.file) for failure in result.failures]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenarios import CompiledScenario, Issue, ScenarioError, ScenarioFileError, get_builtin
from scoring import BANDS, CRITERIA, Assessment, transcript_report

from .conversation import Turn, begin, take_turn
from .playthrough_spec import (
    EndExpectations,
    Loc,
    Playthrough,
    PlaythroughFileError,
    TurnExpectations,
    format_path,
    line_of,
    read_playthrough,
)
from .scenario_ref import scenario_from_file


@dataclass(frozen=True, slots=True)
class Failure:
    """One expectation that did not hold: at a turn (or at the end, ``turn`` None), with the file line it came from."""

    turn: int | None
    check: str
    expected: str
    actual: str
    customer_line: str
    line: int | None = None

    def message(self, file: str) -> str:
        where = f"{file}:{self.line}" if self.line is not None else file
        when = f"turn {self.turn}" if self.turn is not None else "at the end"
        said = f'; the customer said "{self.customer_line}"' if self.customer_line else ""
        return f"{where}: {when}: {self.check}: expected {self.expected}, got {self.actual}{said}"


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """What happened on one turn of a playthrough."""

    number: int
    reply: str
    customer_line: str
    speaker: str
    stage: str
    reaction: str
    anger: int
    patience: int
    outcome: str
    escalations: tuple[str, ...]
    verdicts: dict[str, str]
    rules_broken: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "turn": self.number,
            "reply": self.reply,
            "customer": {"speaker": self.speaker, "says": self.customer_line},
            "stage": self.stage,
            "reaction": self.reaction,
            "mood": {"anger": self.anger, "patience": self.patience},
            "outcome": self.outcome,
            "escalations": list(self.escalations),
            "verdicts": self.verdicts,
            "rules_broken": list(self.rules_broken),
        }


@dataclass(frozen=True, slots=True)
class PlaythroughResult:
    """A playthrough's run: the transcript as played, the outcome and band, and every failed expectation."""

    file: str
    scenario_id: str
    scenario_version: int
    seed: int
    opening: str
    turns: tuple[TurnRecord, ...]
    outcome: str
    band: str
    failures: tuple[Failure, ...] = field(default=())

    @property
    def passed(self) -> bool:
        return not self.failures

    def messages(self) -> list[str]:
        return [failure.message(self.file) for failure in self.failures]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "scenario": {"id": self.scenario_id, "version": self.scenario_version},
            "seed": self.seed,
            "opening": self.opening,
            "turns": [turn.as_dict() for turn in self.turns],
            "outcome": self.outcome,
            "band": self.band,
            "passed": self.passed,
            "failures": self.messages(),
        }


# -- names the scenario must have --------------------------------------------------------------------------------
def check_names(playthrough: Playthrough, lines: dict[Loc, int], scenario: CompiledScenario, file: str) -> list[Issue]:
    """Stages, escalation points and outcomes the playthrough names but its scenario does not have."""
    conversation = scenario.spec.conversation
    escalations = [escalation.id for escalation in conversation.escalations]
    outcomes = [*conversation.outcomes, "ongoing"]
    issues: list[Issue] = []

    def unknown(loc: Loc, kind: str, name: str, known: Sequence[str]) -> None:
        message = f"scenario '{scenario.id}' has no {kind} '{name}'; it has: {', '.join(known) or 'none'}"
        issues.append(Issue("error", message, path=format_path(loc), line=line_of(loc, lines), file=file))

    for index, turn in enumerate(playthrough.turns):
        expect = turn.expect
        if expect is None:
            continue
        loc: Loc = ("turns", index, "expect")
        if expect.stage is not None and expect.stage not in scenario.stages:
            unknown((*loc, "stage"), "stage", expect.stage, scenario.stage_order)
        if expect.outcome is not None and expect.outcome not in outcomes:
            unknown((*loc, "outcome"), "outcome", expect.outcome, outcomes)
        for position, name in enumerate(expect.escalations):
            if name not in escalations:
                unknown((*loc, "escalations", position), "escalation point", name, escalations)
    end = playthrough.expect_end
    if end is not None:
        if end.outcome is not None and end.outcome not in outcomes:
            unknown(("expect_end", "outcome"), "outcome", end.outcome, outcomes)
        for position, name in enumerate(end.escalations or ()):
            if name not in escalations:
                unknown(("expect_end", "escalations", position), "escalation point", name, escalations)
    return issues


# -- checking one turn -------------------------------------------------------------------------------------------
def _words(values: Iterable[str]) -> str:
    listed = list(values)
    return ", ".join(listed) if listed else "none"


# Each check found wanting: the field it came from (for its line), what was checked, expected and got.
Miss = tuple[Loc, str, str, str]


def _turn_failures(expect: TurnExpectations, record: TurnRecord, reached: Sequence[str]) -> list[Miss]:
    found: list[Miss] = []
    if expect.stage is not None and expect.stage != record.stage:
        found.append((("stage",), "stage", expect.stage, record.stage))
    if expect.outcome is not None and expect.outcome != record.outcome:
        found.append((("outcome",), "outcome", expect.outcome, f"{record.outcome} (stage {record.stage})"))
    if expect.reaction is not None and expect.reaction != record.reaction:
        found.append((("reaction",), "reaction", expect.reaction, record.reaction))
    for criterion, wanted in expect.verdicts.items():
        if record.verdicts[criterion] not in wanted:
            got = record.verdicts[criterion]
            found.append((("verdicts", criterion), f"verdict of {criterion}", " or ".join(wanted), got))
    if any(rule not in record.rules_broken for rule in expect.rules_broken):
        wanted_rules = f"{_words(expect.rules_broken)} among them"
        found.append((("rules_broken",), "rules broken", wanted_rules, _words(record.rules_broken)))
    if any(name not in reached for name in expect.escalations):
        found.append((("escalations",), "escalation points reached", _words(expect.escalations), _words(reached)))
    for name, bounds, value in (("anger", expect.anger, record.anger), ("patience", expect.patience, record.patience)):
        if bounds is not None and not bounds.holds(value):
            found.append(((name,), name, str(bounds), str(value)))
    said = record.customer_line.casefold()
    for text in expect.customer_says:
        if text.casefold() not in said:
            found.append((("customer_says",), "the customer's line", f'to contain "{text}"', "a line without it"))
    if expect.speaker is not None and expect.speaker != record.speaker:
        found.append((("speaker",), "speaker", expect.speaker, record.speaker))
    return found


def _end_failures(
    expect: EndExpectations, outcome: str, band: str, reached: Sequence[str], broken: Sequence[str]
) -> list[Miss]:
    found: list[Miss] = []
    if expect.outcome is not None and expect.outcome != outcome:
        found.append((("outcome",), "outcome", expect.outcome, outcome))
    if expect.band is not None and expect.band != band:
        found.append((("band",), "grade band", expect.band, band))
    if expect.band_at_least is not None and BANDS.index(band) < BANDS.index(expect.band_at_least):
        found.append((("band_at_least",), "grade band", f"{expect.band_at_least} or better", band))
    if expect.escalations is not None and sorted(expect.escalations) != sorted(reached):
        found.append((("escalations",), "escalation points reached", _words(expect.escalations), _words(reached)))
    if expect.rules_broken is not None and sorted(expect.rules_broken) != sorted(broken):
        found.append((("rules_broken",), "rules broken", _words(expect.rules_broken), _words(broken)))
    return found


# -- running -----------------------------------------------------------------------------------------------------
def _record(number: int, turn: Turn) -> TurnRecord:
    step, assessment = turn.step, turn.assessment
    return TurnRecord(
        number=number,
        reply=turn.text,
        customer_line=step.text,
        speaker=step.speaker,
        stage=step.stage,
        reaction=step.reaction,
        anger=step.mood.anger,
        patience=step.mood.patience,
        outcome=step.outcome or "ongoing",
        escalations=step.escalations,
        verdicts={name: assessment.verdict(name) for name in CRITERIA},
        rules_broken=tuple(assessment.signals.breaches),
    )


def run_playthrough(
    playthrough: Playthrough,
    scenario: CompiledScenario,
    *,
    file: str = "<playthrough>",
    lines: dict[Loc, int] | None = None,
) -> PlaythroughResult:
    """Play every reply and check every expectation; a reply after the conversation ended is itself a failure."""
    lines = lines or {}
    issues = check_names(playthrough, lines, scenario, file)
    if issues:
        raise PlaythroughFileError(issues)
    state, opening = begin(scenario, playthrough.seed)
    records: list[TurnRecord] = []
    assessments: list[Assessment] = []
    failures: list[Failure] = []
    for index, scripted in enumerate(playthrough.turns):
        number = index + 1
        if state.ended:
            line = line_of(("turns", index, "reply"), lines)
            ended = f"the conversation ended ({state.outcome}) after turn {state.turn}"
            failures.append(Failure(number, "reply", "the conversation to go on", ended, state.last_line, line))
            break
        turn = take_turn(scenario, state, scripted.reply)
        state = turn.step.state
        record = _record(number, turn)
        records.append(record)
        assessments.append(turn.assessment)
        if scripted.expect is not None:
            for where, check, expected, actual in _turn_failures(scripted.expect, record, state.escalations):
                line = line_of(("turns", index, "expect", *where), lines)
                failures.append(Failure(number, check, expected, actual, record.customer_line, line))
    outcome = state.outcome or "ongoing"
    report = transcript_report(assessments, state.outcome)
    if playthrough.expect_end is not None:
        broken = tuple(dict.fromkeys(rule for a in assessments for rule in a.signals.breaches))
        end = _end_failures(playthrough.expect_end, outcome, report.band, state.escalations, broken)
        for where, check, expected, actual in end:
            line = line_of(("expect_end", *where), lines)
            failures.append(Failure(None, check, expected, actual, state.last_line, line))
    return PlaythroughResult(
        file=file,
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        seed=playthrough.seed,
        opening=opening,
        turns=tuple(records),
        outcome=outcome,
        band=report.band,
        failures=tuple(failures),
    )


def scenario_for(playthrough: Playthrough, lines: dict[Loc, int], path: Path) -> CompiledScenario:
    """The scenario a playthrough names: a built-in id, or a file relative to the playthrough's folder."""
    file = str(path)
    if playthrough.scenario is not None:
        try:
            return get_builtin(playthrough.scenario)
        except ScenarioError as exc:
            issue = Issue("error", str(exc), "scenario", line_of(("scenario",), lines), file)
            raise PlaythroughFileError([issue]) from None
    target = path.parent / str(playthrough.scenario_file)
    try:
        return scenario_from_file(target)
    except ScenarioFileError as exc:
        line = line_of(("scenario_file",), lines)
        head = Issue("error", f"the scenario file {target} has errors", "scenario_file", line, file)
        raise PlaythroughFileError([head, *exc.issues]) from None


def run_file(path: Path) -> PlaythroughResult:
    """Read, check and run one playthrough file; :class:`PlaythroughFileError` if it is malformed."""
    playthrough, lines = read_playthrough(path)
    scenario = scenario_for(playthrough, lines, path)
    return run_playthrough(playthrough, scenario, file=str(path), lines=lines)


def playthrough_files(paths: Iterable[Path]) -> list[Path]:
    """Each file given, and every ``*.yaml`` under each folder given (recursively, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(item for item in path.rglob("*.yaml") if item.is_file()))
        else:
            found.append(path)
    return found


__all__ = [
    "Failure",
    "PlaythroughResult",
    "TurnRecord",
    "check_names",
    "playthrough_files",
    "run_file",
    "run_playthrough",
    "scenario_for",
]
