"""Scenarios: what a trainer may write, whether it is coherent, and how a conversation moves."""

from .compile import CompiledScenario, check, compile_scenario, content_hash, validate_text
from .errors import (
    ConversationOverError,
    Issue,
    ScenarioError,
    ScenarioFileError,
    StateError,
    UnknownScenarioError,
)
from .library import builtin_scenarios, get_builtin, library_texts
from .loader import MAX_BYTES, load_spec, parse_yaml, read_scenario_file
from .schema import schema_json
from .signals import Offer, Signals, Verdict
from .spec import HEAT_STAGES, REACTIONS, LegalContext, OfferKind, ScenarioSpec

__all__ = [
    "HEAT_STAGES",
    "MAX_BYTES",
    "REACTIONS",
    "CompiledScenario",
    "ConversationOverError",
    "Issue",
    "LegalContext",
    "Offer",
    "OfferKind",
    "ScenarioError",
    "ScenarioFileError",
    "ScenarioSpec",
    "Signals",
    "StateError",
    "UnknownScenarioError",
    "Verdict",
    "builtin_scenarios",
    "check",
    "compile_scenario",
    "content_hash",
    "get_builtin",
    "library_texts",
    "load_spec",
    "parse_yaml",
    "read_scenario_file",
    "schema_json",
    "validate_text",
]
