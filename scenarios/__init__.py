"""Scenarios: what a trainer may write, whether it is coherent, and how a conversation moves."""

from .compile import CompiledScenario, check, compile_scenario, content_hash, validate_text
from .diagram import to_mermaid
from .engine import Step, advance, allowed_moves, start
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
from .machine import Move
from .mood import CustomerMood
from .schema import schema_json
from .signals import Offer, Signals, Verdict
from .spec import HEAT_STAGES, REACTIONS, LegalContext, OfferKind, ScenarioSpec
from .state import STATE_FORMAT, ConversationState, OfferMade
from .state import from_json as state_from_json
from .state import to_json as state_to_json

__all__ = [
    "HEAT_STAGES",
    "MAX_BYTES",
    "REACTIONS",
    "STATE_FORMAT",
    "CompiledScenario",
    "ConversationOverError",
    "ConversationState",
    "CustomerMood",
    "Issue",
    "LegalContext",
    "Move",
    "Offer",
    "OfferKind",
    "OfferMade",
    "ScenarioError",
    "ScenarioFileError",
    "ScenarioSpec",
    "Signals",
    "StateError",
    "Step",
    "UnknownScenarioError",
    "Verdict",
    "advance",
    "allowed_moves",
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
    "start",
    "state_from_json",
    "state_to_json",
    "to_mermaid",
    "validate_text",
]
