"""The built-in scenarios shipped inside the package, compiled once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from .compile import CompiledScenario, compile_scenario
from .errors import UnknownScenarioError

_PACKAGE = "scenarios"
_FOLDER = "library"


def library_texts() -> dict[str, str]:
    """File name → text of every built-in scenario file."""
    folder = resources.files(_PACKAGE).joinpath(_FOLDER)
    return {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda item: item.name)
        if entry.name.endswith(".yaml")
    }


@lru_cache(maxsize=1)
def builtin_scenarios() -> MappingProxyType[str, CompiledScenario]:
    """Scenario id → compiled scenario, for every built-in file, in id order."""
    compiled = [compile_scenario(text, file=f"{_FOLDER}/{name}") for name, text in library_texts().items()]
    return MappingProxyType({scenario.id: scenario for scenario in sorted(compiled, key=lambda s: s.id)})


def get_builtin(scenario_id: str) -> CompiledScenario:
    """The built-in scenario with this id, or :class:`UnknownScenarioError` naming the ones that exist."""
    scenarios = builtin_scenarios()
    try:
        return scenarios[scenario_id]
    except KeyError:
        known = ", ".join(scenarios) or "none"
        raise UnknownScenarioError(f"no scenario with id '{scenario_id}'; built-in scenarios: {known}") from None
