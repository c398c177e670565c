"""Finding the scenario a trainer or learner names: a built-in id, or the path of a scenario file.

Used wherever a command takes ``ID_OR_PATH`` (``frontline play``, ``frontline scenarios diagram``) and by
playthrough files. A name ending in ``.yaml`` or ``.yml``, or naming a file that exists, is a path; anything else is
a built-in id.
"""

from __future__ import annotations

from pathlib import Path

from scenarios import CompiledScenario, compile_scenario, get_builtin, read_scenario_file


def looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or Path(ref).is_file()


def scenario_from_file(path: Path) -> CompiledScenario:
    """Read and compile a scenario file; :class:`~scenarios.ScenarioFileError` with located issues if it is wrong."""
    return compile_scenario(read_scenario_file(path), file=str(path))


def load_scenario(ref: str) -> CompiledScenario:
    """The built-in scenario with this id, or the scenario in this file.

    Raises :class:`~scenarios.UnknownScenarioError` (naming the built-in ids) or
    :class:`~scenarios.ScenarioFileError`.
    """
    if looks_like_path(ref):
        return scenario_from_file(Path(ref))
    return get_builtin(ref)


__all__ = ["load_scenario", "looks_like_path", "scenario_from_file"]
