"""``frontline play``: a role-play in the terminal, from a keyboard or a pipe.

Prints the briefing and the customer's opening line, then reads the learner's replies one line at a time (an empty
line is skipped). Practice mode shows the stage, the customer's mood and the verdicts after each reply; assessed
mode shows nothing but the customer until the debrief. The conversation stops on an outcome, on ``/quit`` or at
the end of input, and the debrief follows. The seed is printed so a run can be replayed: the same scenario, seed
and replies always give the same conversation::

    printf 'Sorry, what happened?\\n...\\n' | frontline play parcel-not-delivered --seed 3
"""

from __future__ import annotations

import secrets
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from scenarios import CompiledScenario, ScenarioError, ScenarioFileError
from scoring import transcript_report

from ..conversation import Turn, begin, take_turn
from ..scenario_ref import load_scenario
from .debrief import VERDICT_COLOURS, Ending, customer_says, print_briefing, print_debrief, verdict_line

QUIT = "/quit"
SEED_RANGE = 1_000_000


def _read_reply(console: Console, interactive: bool) -> str | None:
    """The learner's next line, stripped (blank if they just pressed Enter); None at the end of input."""
    try:
        raw = console.input(Text("You: ", style="bold")) if interactive else sys.stdin.readline()
    except (EOFError, KeyboardInterrupt):
        return None
    if not interactive and raw == "":
        return None
    text = raw.strip()
    if text and text != QUIT and not interactive:
        console.print(Text.assemble(("You: ", "bold"), text))  # so a piped run reads as a transcript
    return text


def _practice_notes(console: Console, scenario: CompiledScenario, turn: Turn) -> None:
    step = turn.step
    console.print(
        Text(
            f"  stage {step.stage} · anger {step.mood.anger} · patience {step.mood.patience} · {step.reaction}",
            style="dim",
        )
    )
    console.print(Text.assemble("  ", verdict_line(turn)))
    for name, result in turn.assessment.results.items():
        if result.verdict != "breach":
            continue
        quoted = "; ".join(f"\u201c{item.text}\u201d ({item.rule})" for item in result.evidence)
        console.print(Text(f"  {name} breach: {quoted}", style=VERDICT_COLOURS["breach"]))
        console.print(Text(f"    {result.feedback}", style="dim"))
    points = {point.id: point for point in scenario.spec.conversation.escalations}
    for name in step.escalations:
        point = points[name]
        expects = "" if point.expects == "none" else f"; good handling next: {point.expects}"
        console.print(Text(f"  escalation point: {name} ({point.event.replace('_', ' ')}){expects}", style="magenta"))


def play_conversation(
    console: Console, scenario: CompiledScenario, seed: int, *, assessed: bool, interactive: bool
) -> list[Turn]:
    """Run one conversation on ``console``, reading replies from stdin, and print the debrief; return the turns."""
    print_briefing(console, scenario, seed, assessed)
    state, opening = begin(scenario, seed)
    customer_says(console, scenario.spec.customer.name, opening)
    turns: list[Turn] = []
    while not state.ended:
        text = _read_reply(console, interactive)
        if text is None or text == QUIT:
            how = "the input ended" if text is None else "you left with /quit"
            ending = Ending(None, f"not finished: {how} after {state.turn} turn(s)")
            break
        if not text:
            continue
        turn = take_turn(scenario, state, text)
        turns.append(turn)
        state = turn.step.state
        customer_says(console, turn.step.speaker, turn.step.text)
        if not assessed:
            _practice_notes(console, scenario, turn)
    if state.ended:
        ending = Ending(state.outcome, f"{str(state.outcome).replace('_', ' ')} after {state.turn} turn(s)")
    report = transcript_report([turn.assessment for turn in turns], state.outcome)
    print_debrief(console, scenario, seed, turns, report, ending)
    return turns


def register_play(cli: typer.Typer) -> None:
    @cli.command("play")
    def play(
        scenario: Annotated[str, typer.Argument(help="A built-in scenario id, or the path of a scenario file.")],
        seed: Annotated[
            int | None, typer.Option("--seed", help="Seed for the customer's lines; left out, a random one is printed.")
        ] = None,
        assessed: Annotated[
            bool, typer.Option("--assessed", help="Assessed mode: no stage, mood or verdicts until the debrief.")
        ] = False,
    ) -> None:
        """Role-play a complaint against the simulated customer; replies are read line by line (a pipe works too)."""
        console = Console(highlight=False, soft_wrap=True)
        try:
            compiled = load_scenario(scenario)
        except ScenarioFileError as exc:
            for issue in exc.issues:
                Console(stderr=True, highlight=False).print(Text(str(issue), style="red"), soft_wrap=True)
            raise typer.Exit(2) from None
        except ScenarioError as exc:
            Console(stderr=True, highlight=False).print(Text.assemble(("error: ", "red"), str(exc)), soft_wrap=True)
            raise typer.Exit(2) from None
        chosen = seed if seed is not None else secrets.randbelow(SEED_RANGE)
        play_conversation(console, compiled, chosen, assessed=assessed, interactive=sys.stdin.isatty())


__all__ = ["play_conversation", "register_play"]
