"""Errors raised by the scenarios package.

ScenarioError                 base class: anything wrong with a scenario or a conversation
├── ScenarioFileError         a file could not be read as a scenario (size, YAML, fields); carries issues
├── UnknownScenarioError      no scenario with that id
├── StateError                a saved conversation state cannot be restored (bad JSON, other version)
└── ConversationOverError     a turn was sent to a conversation that has ended
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a scenario file, located for a trainer."""

    severity: Severity
    message: str
    path: str = ""
    line: int | None = None
    file: str = ""

    def __str__(self) -> str:
        where = self.file or "<scenario>"
        if self.line is not None:
            where += f":{self.line}"
        field = f" [{self.path}]" if self.path else ""
        return f"{where}: {self.severity}:{field} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "file": self.file,
        }


class ScenarioError(Exception):
    """Base class for every error of this package."""


class ScenarioFileError(ScenarioError):
    """A scenario file was refused; ``issues`` says what was wrong and where."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


class UnknownScenarioError(ScenarioError, LookupError):
    """No scenario has the id asked for."""


class StateError(ScenarioError):
    """A saved conversation state is unreadable or belongs to another version of the scenario."""


class ConversationOverError(ScenarioError):
    """The conversation has ended; it takes no more turns."""
