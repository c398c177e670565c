"""``frontline play`` from a pipe, through the real console script, and ``frontline scenarios diagram``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from app.cli import cli
from app.playthrough import run_file
from app.playthrough_spec import read_playthrough
from scenarios import builtin_scenarios, get_builtin, to_mermaid

ROOT = Path(__file__).resolve().parents[2]
FRONTLINE = Path(sys.executable).parent / "frontline"
PLAYTHROUGHS = ROOT / "tests" / "playthroughs"


def replies_of(name: str) -> list[str]:
    playthrough, _ = read_playthrough(PLAYTHROUGHS / name)
    return [turn.reply for turn in playthrough.turns]


def play(*args: str, lines: list[str]) -> subprocess.CompletedProcess[str]:
    """``frontline play ARGS`` through the installed console script, with the lines piped in as a script would."""
    assert FRONTLINE.exists(), f"the console script is not installed at {FRONTLINE}: pip install -e '.[dev]'"
    return subprocess.run(
        [str(FRONTLINE), "play", *args],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": str(FRONTLINE.parent), "NO_COLOR": "1", "COLUMNS": "100"},
        check=False,
    )


def play_in_process(*args: str, lines: list[str]) -> Result:
    """The same command in this process (quicker), its input piped the same way."""
    return CliRunner().invoke(cli, ["play", *args], input="".join(f"{line}\n" for line in lines))


def before_debrief(output: str) -> str:
    return output.split("Debrief", 1)[0]


@pytest.fixture(scope="module")
def strong_parcel() -> subprocess.CompletedProcess[str]:
    return play("parcel-not-delivered", "--seed", "3", lines=replies_of("parcel-not-delivered/strong.yaml"))


def test_a_piped_strong_learner_hears_every_customer_line_and_gets_a_debrief(
    strong_parcel: subprocess.CompletedProcess[str],
) -> None:
    assert strong_parcel.returncode == 0, strong_parcel.stderr
    out = strong_parcel.stdout
    expected = run_file(PLAYTHROUGHS / "parcel-not-delivered" / "strong.yaml")
    assert f"Daniel Okafor: {expected.opening}" in out
    for turn in expected.turns:
        assert f"You: {turn.reply}" in out
        assert f"{turn.speaker}: {turn.customer_line}" in out
    debrief = out.split("Debrief", 1)[1]
    assert "Outcome: resolved after 3 turn(s)" in debrief
    assert "Grade band: Distinction" in debrief
    assert "HEAT: hear turn 1 · empathise turn 1 · apologise turn 1 · take ownership turn 3; in order" in debrief
    assert "Rules broken\n  none" in debrief
    assert re.search(r"Rubric version \S+ · scenario parcel-not-delivered version 1 · seed 3", debrief)


def test_the_briefing_comes_first(strong_parcel: subprocess.CompletedProcess[str]) -> None:
    briefing = strong_parcel.stdout.split("Daniel Okafor: ", 1)[0]
    spec = get_builtin("parcel-not-delivered").spec
    assert "seed 3" in briefing
    assert f"You are: {spec.briefing.role}, {spec.briefing.organisation}" in briefing
    assert "5. Advisers may reship or refund orders up to £150" in briefing
    assert "refund: up to £150 without approval" in briefing
    assert "not yours to give: compensation (compensation), decided by the Customer Relations team" in briefing
    assert "Proof-of-delivery photo: A blue front door" in briefing
    assert "Mode: practice" in briefing


def test_practice_mode_shows_stage_mood_and_verdicts_after_each_reply(
    strong_parcel: subprocess.CompletedProcess[str],
) -> None:
    conversation = before_debrief(strong_parcel.stdout)
    assert "stage verify · anger 50 · patience 41 · calmer" in conversation
    assert conversation.count("hear met · empathise met · apologise met") == 1
    assert conversation.count(" · professional met") == 3


def test_assessed_mode_shows_only_the_customer_until_the_debrief(
    strong_parcel: subprocess.CompletedProcess[str],
) -> None:
    assessed = play(
        "parcel-not-delivered", "--seed", "3", "--assessed", lines=replies_of("parcel-not-delivered/strong.yaml")
    )
    assert assessed.returncode == 0, assessed.stderr
    conversation = before_debrief(assessed.stdout)
    assert "Mode: assessed" in conversation
    assert "stage " not in conversation
    assert "anger" not in conversation
    assert " met" not in conversation
    for line in before_debrief(strong_parcel.stdout).splitlines():
        if line.startswith(("Daniel Okafor: ", "You: ")):
            assert line in conversation
    # The debrief is the same whichever mode the conversation was played in.
    assert assessed.stdout.split("Debrief", 1)[1] == strong_parcel.stdout.split("Debrief", 1)[1]


def test_a_breach_is_named_with_its_rule_in_the_debrief() -> None:
    run = play_in_process("parcel-not-delivered", "--seed", "3", lines=replies_of("parcel-not-delivered/law.yaml"))
    conversation, debrief = run.output.split("Debrief", 1)
    assert "legal breach: “take it up with the courier” (R14)" in conversation
    assert "escalation point: small_claims (legal action threatened)" in conversation
    assert re.search(r"\n  R14 .*\(Consumer Rights Act 2015, s 29\).*turn 3", debrief)
    assert "turn 3: small_claims (legal action threatened)" in debrief


def test_a_rude_learner_is_left_by_the_customer() -> None:
    run = play_in_process("parcel-not-delivered", "--seed", "3", lines=replies_of("parcel-not-delivered/rude.yaml"))
    debrief = run.output.split("Debrief", 1)[1]
    assert "Outcome: customer left after 2 turn(s)" in debrief
    assert "Grade band: Refer" in debrief


def test_quit_ends_the_conversation_with_a_debrief() -> None:
    lines = ["", "Can you tell me what happened?", "/quit", "A reply after quitting"]
    run = play_in_process("parcel-not-delivered", "--seed", "3", lines=lines)
    assert run.exit_code == 0
    assert "A reply after quitting" not in run.output
    assert "Outcome: not finished: you left with /quit after 1 turn(s)" in run.output
    assert "Grade band:" in run.output


def test_the_end_of_input_ends_the_conversation() -> None:
    run = play_in_process("sale-straighteners-no-receipt", "--seed", "1", lines=["What's happened with them?"])
    assert "Outcome: not finished: the input ended after 1 turn(s)" in run.output
    assert "Turn by turn\n  turn 1: stage" in run.output


def test_without_a_seed_one_is_printed_and_replays_the_same_conversation() -> None:
    lines = replies_of("sale-straighteners-no-receipt/strong.yaml")
    first = play("sale-straighteners-no-receipt", lines=lines)
    found = re.search(r"· seed (\d+)\n", first.stdout)
    assert found, first.stdout[:400]
    again = play("sale-straighteners-no-receipt", "--seed", found[1], lines=lines)
    assert again.stdout == first.stdout


def test_a_scenario_file_can_be_played() -> None:
    run = play_in_process("scenarios/library/parcel-not-delivered.yaml", "--seed", "3", lines=["/quit"])
    assert run.exit_code == 0, run.output
    assert "parcel-not-delivered version 1" in run.output


def test_an_unknown_scenario_exits_2_listing_the_builtins() -> None:
    result = CliRunner().invoke(cli, ["play", "parcel-lost", "--seed", "1"], input="")
    assert result.exit_code == 2
    assert "no scenario with id 'parcel-lost'" in result.output
    for scenario_id in builtin_scenarios():
        assert scenario_id in result.output


def test_a_broken_scenario_file_exits_2_with_its_issues(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format: 1\nid: broken\nversion: yes\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["play", str(path)], input="")
    assert result.exit_code == 2
    assert f"{path}:3: error: [version]" in result.output


# -- diagram -------------------------------------------------------------------------------------------------------
def test_diagram_of_a_builtin_and_of_a_file_is_the_mermaid_text() -> None:
    expected = to_mermaid(get_builtin("boiler-leak-hearing-loss"))
    by_id = CliRunner().invoke(cli, ["scenarios", "diagram", "boiler-leak-hearing-loss"])
    by_path = CliRunner().invoke(cli, ["scenarios", "diagram", "scenarios/library/boiler-leak-hearing-loss.yaml"])
    assert by_id.exit_code == by_path.exit_code == 0
    assert by_id.output == by_path.output == expected
    assert expected.startswith("stateDiagram-v2\n")


def test_diagram_of_an_unknown_scenario_exits_2() -> None:
    result = CliRunner().invoke(cli, ["scenarios", "diagram", "nope"])
    assert result.exit_code == 2
    assert "built-in scenarios: boiler-leak-hearing-loss" in result.output
