"""``frontline score`` and ``frontline eval``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from app.services import assessment_json
from scenarios import ScenarioError, get_builtin
from scoring import CRITERIA, Assessment, Context, assess
from scoring.evaluate import LabelledFileError, Split, evaluate, parse_labelled, select

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)
_COLOURS = {"met": "green", "breach": "bold red", "missed": "yellow", "n/a": "dim"}


def _fail(message: str) -> typer.Exit:
    err_console.print(f"[red]error:[/red] {message}")
    return typer.Exit(2)


def highlighted(text: str, assessment: Assessment, criterion: str) -> Text:
    """The reply with the evidence for one criterion highlighted."""
    styled = Text(text)
    colour = _COLOURS[assessment.verdict(criterion)]
    for item in assessment.results[criterion].evidence:
        styled.stylize(f"underline {colour}", item.start, item.end)
    return styled


def print_assessment(text: str, assessment: Assessment) -> None:
    for name in CRITERIA:
        result = assessment.results[name]
        colour = _COLOURS[result.verdict]
        console.print(f"[bold]{name:<13}[/bold] [{colour}]{result.verdict}[/{colour}]")
        for item in result.evidence:
            console.print(f"    [{colour}]\u201c{item.text}\u201d[/{colour}] [dim]({item.rule})[/dim]")
        if result.verdict in {"missed", "breach"}:
            console.print(f"    [dim]{result.feedback}[/dim]")


def register_scoring(cli: typer.Typer) -> None:
    @cli.command("score")
    def score(
        text: Annotated[str, typer.Argument(help="The learner's reply.")],
        scenario: Annotated[str | None, typer.Option("--scenario", help="Built-in scenario id for context.")] = None,
        customer: Annotated[str, typer.Option("--customer", help="The customer's line being answered.")] = "",
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Score one reply and show the words behind every verdict."""
        try:
            compiled = get_builtin(scenario) if scenario else None
        except ScenarioError as exc:
            raise _fail(str(exc)) from None
        assessment = assess(text, Context(scenario=compiled, customer_line=customer))
        if as_json:
            typer.echo(json.dumps(assessment_json(assessment), indent=2))
            return
        print_assessment(text, assessment)

    @cli.command("eval")
    def eval_command(
        files: Annotated[list[Path], typer.Argument(help="Labelled replies, JSON Lines (one file or more).")],
        split: Annotated[
            Split, typer.Option("--split", help="all, dev, or held-out (replies whose id number is a multiple of 5).")
        ] = "all",
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        errors: Annotated[bool, typer.Option("--errors", help="List disagreements with the evidence.")] = False,
    ) -> None:
        """Measure the scorer against labelled replies: precision, recall and F1 per criterion."""
        replies = []
        for file in files:
            try:
                replies += parse_labelled(file.read_text(encoding="utf-8").splitlines())
            except OSError as exc:
                raise _fail(f"cannot read {file}: {exc.strerror}") from None
            except LabelledFileError as exc:
                raise _fail(f"{file}: {exc}") from None
        result = evaluate(select(replies, split), get_builtin)
        if as_json:
            typer.echo(json.dumps(result.as_dict(), indent=2))
        else:
            table = Table("criterion", "n", "precision", "recall", "F1", "tp", "fp", "fn", "tn")
            for name, counts in result.counts.items():
                if counts.n:
                    table.add_row(
                        name, str(counts.n), f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}",
                        str(counts.tp), str(counts.fp), str(counts.fn), str(counts.tn),
                    )  # fmt: skip
            console.print(table)
            console.print(f"{result.replies} replies")
        if errors:
            for item in result.disagreements:
                kind = "false positive" if item.predicted else "false negative"
                console.print(
                    f"\n[bold]{item.reply.id}[/bold] {item.criterion}: {kind} (scenario {item.reply.scenario})"
                )
                if item.reply.customer:
                    console.print(f"  customer: {item.reply.customer}")
                console.print(
                    Text("  reply:    ").append(highlighted(item.reply.response, item.assessment, item.criterion))
                )
                for evidence in item.assessment.results[item.criterion].evidence:
                    console.print(f"    evidence: \u201c{evidence.text}\u201d ({evidence.rule})")
