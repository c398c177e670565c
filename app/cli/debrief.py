"""What ``frontline play`` prints around the conversation: the briefing before it, the debrief after it.

The debrief is the transcript report (:func:`scoring.transcript_report`) written for the learner: the grade band,
each criterion with the words that earned or lost it, HEAT coverage and order, how escalation points were handled,
the rules broken with the law behind them, and the rubric version, then the conversation turn by turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from scenarios import CompiledScenario
from scoring import CRITERIA, TranscriptReport

from ..conversation import Turn

VERDICT_COLOURS = {"met": "green", "breach": "bold red", "missed": "yellow", "n/a": "dim"}
BAND_COLOURS = {"Distinction": "bold green", "Merit": "green", "Pass": "yellow", "Refer": "bold red"}
HEAT_NAMES = {"hear": "hear", "empathise": "empathise", "apologise": "apologise", "own": "take ownership"}


def money(amount: float) -> str:
    return f"£{amount:,.0f}" if amount == int(amount) else f"£{amount:,.2f}"


def print_briefing(console: Console, scenario: CompiledScenario, seed: int, assessed: bool) -> None:
    spec = scenario.spec
    briefing, authority = spec.briefing, spec.briefing.authority
    console.rule(Text(spec.title, style="bold"))
    console.print(Text(f"{scenario.id} version {scenario.version} · {spec.channel} · {spec.difficulty} · seed {seed}"))
    console.print(Text(spec.summary))
    console.print(Text.assemble(("\nYou are: ", "bold"), f"{briefing.role}, {briefing.organisation}"))
    console.print(Text("Policy, as you have been told it:", style="bold"))
    console.print(Text(briefing.policy.rstrip()))
    console.print(Text("Your authority:", style="bold"))
    for limited, limit in authority.limits.items():
        console.print(Text(f"  {limited.replace('_', ' ')}: up to {money(limit)} without approval"))
    if authority.permissions:
        allowed = ", ".join(name.replace("_", " ") for name in authority.permissions)
        console.print(Text(f"  you may: {allowed}"))
    for reserved in authority.reserved:
        kind = reserved.kind.replace("_", " ")
        console.print(Text(f"  not yours to give: {kind} ({reserved.id}), decided by {reserved.decided_by}"))
    console.print(Text(f"  above your limits, refer to {authority.refer_to}"))
    if briefing.on_screen:
        console.print(Text("On your screen:", style="bold"))
        for item in briefing.on_screen:
            console.print(Text.assemble("  ", (f"{item.label}: ", "bold"), item.value))
    mode = (
        "assessed: no hints until the debrief"
        if assessed
        else "practice: the stage, the customer's mood and your verdicts after each reply"
    )
    console.print(Text.assemble(("\nMode: ", "bold"), mode))
    console.print(Text("Type each reply and press Enter. /quit ends the conversation and shows the debrief.\n"))


def customer_says(console: Console, speaker: str, line: str) -> None:
    console.print(Text.assemble((f"{speaker}: ", "bold cyan"), (line, "cyan")))


@dataclass(frozen=True, slots=True)
class Ending:
    """How the conversation stopped: an outcome, the learner's /quit, or the end of input."""

    outcome: str | None
    reason: str


def print_debrief(
    console: Console,
    scenario: CompiledScenario,
    seed: int,
    turns: Sequence[Turn],
    report: TranscriptReport,
    ending: Ending,
) -> None:
    console.print()
    console.rule(Text("Debrief", style="bold"))
    console.print(Text.assemble(("Outcome: ", "bold"), ending.reason))
    band = Text.assemble(("Grade band: ", "bold"), (report.band, BAND_COLOURS[report.band]))
    band.append(f" (score {report.score:.0%})")
    if report.capped:
        band.append(f", capped by the critical breach of {', '.join(report.critical_breaches)}", style="red")
    console.print(band)
    console.print(Text("\nCriteria", style="bold"))
    for summary in report.criteria:
        colour = VERDICT_COLOURS.get(summary.verdict, "")
        line = Text.assemble("  ", (f"{summary.name:<22}", "bold"), (f"{summary.verdict:<8}", colour))
        turns_of = summary.turns_breached if summary.verdict == "breach" else summary.turns_met
        if turns_of:
            line.append(f" turn{'s' if len(turns_of) > 1 else ''} {', '.join(map(str, turns_of))}")
        console.print(line)
        for turn, evidence in summary.evidence:
            quoted = (f"\u201c{evidence.text}\u201d", colour)
            console.print(Text.assemble(f"      turn {turn}: ", quoted, f" ({evidence.rule})"))
        if summary.feedback:
            console.print(Text(f"      {summary.feedback}", style="dim"))
    _print_heat(console, report)
    _print_escalation(console, scenario, turns, report)
    _print_breaches(console, turns, report)
    _print_turns(console, turns)
    console.print(
        Text(
            f"\nRubric version {report.rubric_version} · scenario {scenario.id} version {scenario.version} · "
            f"seed {seed} (replay: frontline play {scenario.id} --seed {seed})",
            style="dim",
        )
    )


def _print_heat(console: Console, report: TranscriptReport) -> None:
    parts = []
    for name, turn in report.heat_first_turn.items():
        parts.append(f"{HEAT_NAMES[name]} turn {turn}" if turn is not None else f"{HEAT_NAMES[name]} not shown")
    order = "in order" if report.heat_in_order else "out of order (aim for hear, empathise, apologise, then own)"
    console.print(Text.assemble(("\nHEAT: ", "bold"), " · ".join(parts), f"; {order}"))


def _print_escalation(
    console: Console, scenario: CompiledScenario, turns: Sequence[Turn], report: TranscriptReport
) -> None:
    points = {point.id: point for point in scenario.spec.conversation.escalations}
    reached = [(number, name) for number, turn in enumerate(turns, 1) for name in turn.step.escalations]
    console.print(Text("Escalation", style="bold"))
    if not reached:
        console.print(Text("  no escalation points were reached"))
    for number, name in reached:
        point = points[name]
        expects = "" if point.expects == "none" else f"; good handling next: {point.expects}"
        console.print(Text(f"  turn {number}: {name} ({point.event.replace('_', ' ')}){expects}"))
    summary = next(item for item in report.criteria if item.criterion == "escalation")
    if summary.verdict == "n/a":
        console.print(Text("  no referral was needed"))
    else:
        done = f"made properly at turn {summary.turns_met[0]}" if summary.turns_met else "needed but not made properly"
        console.print(Text(f"  referral: {done}"))


def _print_breaches(console: Console, turns: Sequence[Turn], report: TranscriptReport) -> None:
    console.print(Text("Rules broken", style="bold"))
    if not report.rules_broken:
        console.print(Text("  none"))
    for rule in report.rules_broken:
        when = [str(n) for n, turn in enumerate(turns, 1) if rule["id"] in turn.assessment.signals.breaches]
        critical = " · critical" if rule["id"] in report.critical_breaches else ""
        console.print(
            Text.assemble(
                "  ",
                (rule["id"], "bold red"),
                f" {rule['title']} ({rule['law']}){critical}; turn{'s' if len(when) > 1 else ''} {', '.join(when)}",
            )
        )


def verdict_line(turn: Turn) -> Text:
    """Every criterion's verdict on one reply, coloured."""
    line = Text()
    for index, name in enumerate(CRITERIA):
        verdict = turn.assessment.verdict(name)
        line.append(" · " if index else "")
        line.append(f"{name} ")
        line.append(verdict, style=VERDICT_COLOURS[verdict])
    return line


def _print_turns(console: Console, turns: Sequence[Turn]) -> None:
    if not turns:
        return
    console.print(Text("\nTurn by turn", style="bold"))
    for number, turn in enumerate(turns, 1):
        step = turn.step
        mood = f"anger {step.mood.anger}, patience {step.mood.patience}"
        console.print(Text(f"  turn {number}: stage {step.stage}, {mood}"))
        console.print(Text.assemble("    ", verdict_line(turn)))


__all__ = ["Ending", "customer_says", "money", "print_briefing", "print_debrief", "verdict_line"]
