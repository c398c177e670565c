"""Playthrough files: a trainer's unit tests for a scenario, as strict YAML.

A playthrough names a scenario and a seed, scripts the learner's replies, and says what should have happened after
any of them and at the end. ``frontline scenarios test PATH`` runs them (:mod:`app.playthrough`). Example::

    # A strong learner: hears, verifies, then puts it right.
    scenario: parcel-not-delivered            # a built-in scenario id ...
    # scenario_file: ../my-scenario.yaml      # ... or a scenario file, relative to this file (give one of the two)
    seed: 3
    description: Hears him out, checks who he is, reships.   # optional
    turns:
      - reply: "I'm so sorry, that's really frustrating. Can you tell me what happened?"
        expect:                               # optional; every key in it is optional
          stage: verify                       # the stage after this reply
          outcome: ongoing                    # resolved | escalated | customer_left | timed_out | ongoing
          reaction: calmer                    # neutral | calmer | angrier | pushback
          verdicts: {hear: met, legal: [met, n/a]}   # one verdict, or a list of acceptable ones
          rules_broken: [R28]                 # rule ids this reply broke (others may be broken too)
          escalations: [manager_requested]    # escalation points reached by now (others may be too)
          anger: {at_most: 60}                # at_least and/or at_most, 0-100
          patience: {at_least: 10}
          customer_says: "sorry"              # text (or a list of texts) the customer's line contains, any case
          speaker: Daniel Okafor              # who spoke for the customer
      - reply: "..."
    expect_end:                               # optional: after the last reply
      outcome: resolved
      band: Distinction                       # Refer | Pass | Merit | Distinction
      band_at_least: Merit
      escalations: []                         # at the end these two lists are exact: [] means none at all
      rules_broken: []

After a turn, ``escalations`` and ``rules_broken`` list what must be there (more is fine); under ``expect_end`` they
are exact. Files are read with the scenario loader's safe YAML parser; a malformed file is refused with every
problem located by file, line and field (:class:`PlaythroughFileError`). Names that depend on the scenario (stages,
escalation points, outcomes) are checked against it before anything is played.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, ValidationError, model_validator

from scenarios import MAX_BYTES, Issue, ScenarioFileError, parse_yaml

Criterion = Literal["hear", "empathise", "apologise", "own", "authority", "legal", "escalation", "professional"]
VerdictName = Literal["met", "missed", "breach", "n/a"]
OutcomeName = Literal["resolved", "escalated", "customer_left", "timed_out", "ongoing"]
ReactionName = Literal["neutral", "calmer", "angrier", "pushback"]
BandName = Literal["Refer", "Pass", "Merit", "Distinction"]
Text = Annotated[str, Strict(), Field(min_length=1)]
Name = Annotated[str, Strict(), Field(min_length=1, max_length=80)]
Level = Annotated[int, Strict(), Field(ge=0, le=100)]
Loc = tuple[str | int, ...]


def _listed(value: object) -> object:
    """Lets a trainer write one value where a list is allowed: ``met`` for ``[met]``."""
    return (value,) if isinstance(value, str) else value


Verdicts = Annotated[tuple[VerdictName, ...], BeforeValidator(_listed), Field(min_length=1)]
Texts = Annotated[tuple[Text, ...], BeforeValidator(_listed)]


class _Authored(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bounds(_Authored):
    """A range a mood level must be in: ``{at_least: 10, at_most: 60}``; give one or both."""

    at_least: Level | None = None
    at_most: Level | None = None

    @model_validator(mode="after")
    def _one_at_least(self) -> Bounds:
        if self.at_least is None and self.at_most is None:
            raise ValueError("give at_least, at_most or both")
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise ValueError(f"at_least ({self.at_least}) is above at_most ({self.at_most})")
        return self

    def holds(self, value: int) -> bool:
        return (self.at_least is None or value >= self.at_least) and (self.at_most is None or value <= self.at_most)

    def __str__(self) -> str:
        parts = [f"at least {self.at_least}" if self.at_least is not None else ""]
        parts.append(f"at most {self.at_most}" if self.at_most is not None else "")
        return " and ".join(part for part in parts if part)


class TurnExpectations(_Authored):
    """What should be true once the customer has answered one reply."""

    stage: Name | None = None
    outcome: OutcomeName | None = None
    reaction: ReactionName | None = None
    verdicts: dict[Criterion, Verdicts] = Field(default_factory=dict)
    rules_broken: tuple[Name, ...] = ()
    escalations: tuple[Name, ...] = ()
    anger: Bounds | None = None
    patience: Bounds | None = None
    customer_says: Texts = ()
    speaker: Name | None = None


class Turn(_Authored):
    """One learner reply and, optionally, what should be true after it."""

    reply: Text
    expect: TurnExpectations | None = None


class EndExpectations(_Authored):
    """What should be true after the last reply: the outcome, the grade band, what happened on the way."""

    outcome: OutcomeName | None = None
    band: BandName | None = None
    band_at_least: BandName | None = None
    rules_broken: tuple[Name, ...] | None = None
    escalations: tuple[Name, ...] | None = None


class Playthrough(_Authored):
    """One playthrough file."""

    scenario: Name | None = None
    scenario_file: Text | None = None
    seed: Annotated[int, Strict()]
    description: Text | None = None
    turns: tuple[Turn, ...] = Field(min_length=1)
    expect_end: EndExpectations | None = None

    @model_validator(mode="after")
    def _one_scenario(self) -> Playthrough:
        if (self.scenario is None) == (self.scenario_file is None):
            raise ValueError("give exactly one of 'scenario' (a built-in id) and 'scenario_file' (a path)")
        return self


class PlaythroughFileError(Exception):
    """A playthrough file could not be read, or names what its scenario does not have; ``issues`` say where."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


def format_path(loc: Loc) -> str:
    """``('turns', 2, 'expect', 'stage')`` → ``turns[2].expect.stage``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(loc: Loc, lines: dict[Loc, int]) -> int | None:
    """The line of the field at ``loc``, or of the nearest field around it."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _model_at(loc: Loc) -> type[BaseModel] | None:
    model: Any = Playthrough
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        found = [arg for arg in _flatten(field.annotation) if isinstance(arg, type) and issubclass(arg, BaseModel)]
        model = found[0] if found else None
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _flatten(annotation: Any) -> Iterator[Any]:
    yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _flatten(arg)


def _describe(error: Any, loc: Loc) -> str:
    kind, given = error["type"], error.get("input")
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        allowed = f"; allowed here: {', '.join(model.model_fields)}" if model else ""
        return f"'{loc[-1]}' is not a field of a playthrough (check the spelling){allowed}"
    if kind == "missing":
        return f"the required field '{loc[-1]}' is missing"
    if kind == "string_type" and isinstance(given, bool):
        return "expected text but YAML read a yes/no value; put the words in quotes"
    if kind == "literal_error":
        return f"{given!r} is not allowed here; expected {error['ctx']['expected']}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {given!r}"
    if kind == "too_short":
        return f"needs at least {error.get('ctx', {}).get('min_length', 1)} item(s) here"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a set of 'key: value' fields, got {given!r}"[:200]
    message = str(error["msg"]).removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def _issues(exc: ValidationError, lines: dict[Loc, int], file: str) -> list[Issue]:
    errors = [(tuple(part for part in error["loc"] if part != "[key]"), error) for error in exc.errors()]
    issues = []
    for loc, error in errors:
        # A list whose items failed also reports itself as too short; the items' errors say what is wrong.
        deeper = any(len(other) > len(loc) and other[: len(loc)] == loc for other, _ in errors)
        if error["type"] == "too_short" and deeper:
            continue
        issues.append(Issue("error", _describe(error, loc), path=format_path(loc), line=line_of(loc, lines), file=file))
    return issues


def parse_playthrough(text: str, file: str = "<playthrough>") -> tuple[Playthrough, dict[Loc, int]]:
    """Validate a playthrough's text; return it with the line of every field, or raise :class:`PlaythroughFileError`."""
    try:
        data, lines = parse_yaml(text, file)
    except ScenarioFileError as exc:  # the safe YAML reader is the scenario loader's; its issues are located alike
        raise PlaythroughFileError(exc.issues) from None
    if not isinstance(data, dict):
        message = "a playthrough must be a set of 'key: value' fields at the top level"
        raise PlaythroughFileError([Issue("error", message, line=1, file=file)])
    try:
        return Playthrough.model_validate(data), lines
    except ValidationError as exc:
        raise PlaythroughFileError(_issues(exc, lines, file)) from None


def read_playthrough(path: Path) -> tuple[Playthrough, dict[Loc, int]]:
    """Read and validate one playthrough file (refused above the scenario size limit, or if not UTF-8)."""
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PlaythroughFileError([Issue("error", f"cannot read the file: {exc.strerror}", file=file)]) from None
    if len(data) > MAX_BYTES:
        message = f"the file is {len(data):,} bytes; a playthrough may be at most {MAX_BYTES:,} bytes"
        raise PlaythroughFileError([Issue("error", message, file=file)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"the file is not UTF-8 text (byte {exc.start} cannot be read)"
        raise PlaythroughFileError([Issue("error", message, file=file)]) from None
    return parse_playthrough(text, file)


__all__ = [
    "BandName",
    "Bounds",
    "Criterion",
    "EndExpectations",
    "Playthrough",
    "PlaythroughFileError",
    "Turn",
    "TurnExpectations",
    "format_path",
    "line_of",
    "parse_playthrough",
    "read_playthrough",
]
