"""``frontline scenarios ...``: list, validate, schema, diagram, test (playthrough files)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from scenarios import (
    Issue,
    ScenarioError,
    ScenarioFileError,
    builtin_scenarios,
    check,
    load_spec,
    read_scenario_file,
    schema_json,
    to_mermaid,
)

from ..playthrough import PlaythroughResult, playthrough_files, run_file
from ..playthrough_spec import PlaythroughFileError
from ..scenario_ref import load_scenario

scenarios_app = typer.Typer(help="List, validate and inspect scenarios.", no_args_is_help=True)
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


@scenarios_app.command("list")
def list_scenarios(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the built-in scenarios."""
    scenarios = builtin_scenarios()
    if as_json:
        rows = [
            {
                "id": s.id,
                "version": s.version,
                "title": s.spec.title,
                "sector": s.spec.sector,
                "channel": s.spec.channel,
                "difficulty": s.spec.difficulty,
                "laws": list(s.spec.laws),
            }
            for s in scenarios.values()
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    table = Table("id", "title", "sector", "channel", "difficulty")
    for s in scenarios.values():
        table.add_row(s.id, s.spec.title, s.spec.sector, s.spec.channel, s.spec.difficulty)
    console.print(table)


def validate_path(path: Path) -> list[Issue]:
    """Every issue of one file, errors and warnings, without raising."""
    file = str(path)
    try:
        spec, lines = load_spec(read_scenario_file(path), file)
    except ScenarioFileError as exc:
        return list(exc.issues)
    return check(spec, lines, file)


@scenarios_app.command("validate")
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Scenario YAML files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check scenario files; exit 1 if any has an error."""
    report = {str(path): validate_path(path) for path in paths}
    errors = sum(1 for issues in report.values() for i in issues if i.severity == "error")
    if as_json:
        payload = {
            "files": [
                {
                    "file": f,
                    "ok": not any(i.severity == "error" for i in issues),
                    "issues": [i.as_dict() for i in issues],
                }
                for f, issues in report.items()
            ],
            "errors": errors,
        }
        typer.echo(json.dumps(payload, indent=2))
    else:
        for file, issues in report.items():
            if not issues:
                console.print(f"[green]ok[/green]   {file}")
            for issue in issues:
                colour = "red" if issue.severity == "error" else "yellow"
                console.print(f"[{colour}]{issue}[/{colour}]", soft_wrap=True)
        warnings = sum(len(issues) for issues in report.values()) - errors
        console.print(f"{len(report)} file(s), {errors} error(s), {warnings} warning(s)")
    raise typer.Exit(1 if errors else 0)


@scenarios_app.command("schema")
def schema() -> None:
    """Print the JSON Schema of scenario files (for editor completion)."""
    typer.echo(schema_json(), nl=False)


@scenarios_app.command("diagram")
def diagram(
    scenario: Annotated[str, typer.Argument(help="A built-in scenario id, or the path of a scenario file.")],
) -> None:
    """Print a scenario's state machine as a Mermaid state diagram."""
    try:
        compiled = load_scenario(scenario)
    except ScenarioFileError as exc:
        for issue in exc.issues:
            err_console.print(f"[red]{issue}[/red]", soft_wrap=True, markup=False)
        raise typer.Exit(2) from None
    except ScenarioError as exc:
        err_console.print(f"error: {exc}", soft_wrap=True, markup=False)
        raise typer.Exit(2) from None
    typer.echo(to_mermaid(compiled), nl=False)


def _print_result(result: PlaythroughResult) -> None:
    summary = f"{result.scenario_id}, seed {result.seed}, {len(result.turns)} turn(s), {result.outcome}, {result.band}"
    if result.passed:
        console.print(f"[green]PASS[/green]  {escape(result.file)} ({escape(summary)})", soft_wrap=True)
        return
    console.print(f"[red]FAIL[/red]  {escape(result.file)} ({escape(summary)})", soft_wrap=True)
    for message in result.messages():
        console.print(f"      {escape(message)}", soft_wrap=True)


@scenarios_app.command("test")
def run_playthroughs(
    paths: Annotated[list[Path], typer.Argument(help="Playthrough files, or folders to search for *.yaml.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Run playthrough files (scripted learners with expectations); exit 1 if any fails, 2 if any is malformed."""
    files = playthrough_files(paths)
    if not files:
        err_console.print(f"error: no playthrough files (*.yaml) under {', '.join(map(str, paths))}", markup=False)
        raise typer.Exit(2)
    results: list[PlaythroughResult] = []
    broken: dict[str, list[Issue]] = {}
    for path in files:
        try:
            results.append(run_file(path))
        except PlaythroughFileError as exc:
            broken[str(path)] = list(exc.issues)
    failed = sum(1 for result in results if not result.passed)
    if as_json:
        payload = {
            "results": [result.as_dict() for result in results],
            "malformed": [{"file": file, "issues": [i.as_dict() for i in issues]} for file, issues in broken.items()],
            "passed": len(results) - failed,
            "failed": failed,
        }
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for result in results:
            _print_result(result)
        for file, issues in broken.items():
            console.print(f"[red]ERROR[/red] {escape(file)}", soft_wrap=True)
            for issue in issues:
                console.print(f"      {escape(str(issue))}", soft_wrap=True)
        console.print(
            f"{len(files)} playthrough(s): {len(results) - failed} passed, {failed} failed, {len(broken)} malformed"
        )
    raise typer.Exit(2 if broken else 1 if failed else 0)
