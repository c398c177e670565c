"""``frontline scenarios ...``: list, validate, schema, diagram, test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from scenarios import (
    Issue,
    ScenarioFileError,
    builtin_scenarios,
    check,
    load_spec,
    read_scenario_file,
    schema_json,
)

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
