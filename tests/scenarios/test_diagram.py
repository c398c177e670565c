"""The Mermaid diagram of a scenario: stages, guards, and outcomes as end states."""

from __future__ import annotations

from scenarios import compile_scenario
from scenarios.diagram import to_mermaid

from .minimal import MINIMAL
from .parcel import PARCEL

KETTLE = """\
stateDiagram-v2
    %% kettle-fault version 1: Faulty kettle
    state "hear: Find out what happened" as hear
    state "own: Agree what happens next" as own
    state "resolved" as RESOLVED
    state "customer left" as CUSTOMER_LEFT
    state "timed out" as TIMED_OUT
    [*] --> hear
    hear --> own: heard
    hear --> CUSTOMER_LEFT: anger 100 or patience 0
    hear --> TIMED_OUT: turn 8
    own --> RESOLVED: offer_accepted
    own --> CUSTOMER_LEFT: anger 100 or patience 0
    own --> TIMED_OUT: turn 8
    RESOLVED --> [*]
    CUSTOMER_LEFT --> [*]
    TIMED_OUT --> [*]
    %% escalation manager: manager_demanded on anger at least 80, expects referral
"""


def test_a_small_scenario_draws_exactly() -> None:
    assert to_mermaid(compile_scenario(MINIMAL)) == KETTLE


def test_outcomes_are_end_states_reached_only_from_their_stages() -> None:
    text = to_mermaid(compile_scenario(PARCEL))
    assert "resolution --> RESOLVED: offer_accepted" in text
    assert "own --> RESOLVED" not in text
    assert text.count("--> ESCALATED: referral_made") == 5
    assert 'state "escalated (referred)" as ESCALATED' in text
    for ending in ("RESOLVED", "ESCALATED", "CUSTOMER_LEFT", "TIMED_OUT"):
        assert f"    {ending} --> [*]" in text
    assert "%% escalation wife: third_party_joins on a professional breach, expects boundary" in text


def test_authored_text_cannot_break_the_diagram() -> None:
    text = to_mermaid(compile_scenario(MINIMAL.replace("Find out what happened", 'Ask "what"; then <listen> No.#1')))
    assert 'state "hear: Ask #quot;what#quot;#59; then #lt;listen#gt; No.#35;1" as hear' in text
