"""Playthrough files: the built-in scenarios' own pass, a wrong expectation fails at its turn, bad files are located."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.playthrough import playthrough_files, run_file
from app.playthrough_spec import Criterion, PlaythroughFileError, parse_playthrough
from scenarios import builtin_scenarios
from scoring import CRITERIA

PLAYTHROUGHS = Path(__file__).resolve().parents[1] / "playthroughs"
FILES = playthrough_files([PLAYTHROUGHS])
STRONG_PARCEL = PLAYTHROUGHS / "parcel-not-delivered" / "strong.yaml"


def write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    """The strong parcel playthrough with one expectation changed."""
    text = STRONG_PARCEL.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path, text.replace(old, new, 1), "broken.yaml")


# -- the built-in scenarios' playthroughs --------------------------------------------------------------------------
@pytest.mark.parametrize("path", FILES, ids=[str(path.relative_to(PLAYTHROUGHS)) for path in FILES])
def test_every_playthrough_passes(path: Path) -> None:
    result = run_file(path)
    assert result.passed, "\n".join(result.messages())


@pytest.mark.parametrize("scenario_id", list(builtin_scenarios()))
def test_every_builtin_scenario_has_a_strong_a_rude_and_a_caught_learner(scenario_id: str) -> None:
    folder = PLAYTHROUGHS / scenario_id
    names = {path.stem for path in folder.glob("*.yaml")}
    assert {"strong", "rude"} <= names
    caught = names & {"overpromise", "law"}
    assert caught, f"{scenario_id} needs overpromise.yaml or law.yaml"
    assert run_file(folder / "strong.yaml").outcome in {"resolved", "escalated"}
    assert run_file(folder / "rude.yaml").outcome == "customer_left"
    for name in caught:
        result = run_file(folder / f"{name}.yaml")
        breached = [t for t in result.turns if t.verdicts["authority"] == "breach" or t.verdicts["legal"] == "breach"]
        assert breached, f"{scenario_id}/{name}.yaml: no authority or legal breach was found"


def test_the_cli_runs_the_whole_folder() -> None:
    result = CliRunner().invoke(cli, ["scenarios", "test", str(PLAYTHROUGHS)])
    assert result.exit_code == 0, result.output
    assert f"{len(FILES)} playthrough(s): {len(FILES)} passed, 0 failed, 0 malformed" in result.output
    assert "PASS" in result.output
    assert "FAIL" not in result.output


def test_the_cli_prints_json() -> None:
    result = CliRunner().invoke(cli, ["scenarios", "test", "--json", str(STRONG_PARCEL)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert (payload["passed"], payload["failed"], payload["malformed"]) == (1, 0, [])
    [played] = payload["results"]
    assert (played["scenario"]["id"], played["outcome"], played["band"]) == (
        "parcel-not-delivered",
        "resolved",
        "Distinction",
    )
    assert [turn["turn"] for turn in played["turns"]] == [1, 2, 3]


def test_the_criteria_a_file_may_name_are_the_scorers() -> None:
    assert Criterion.__args__ == CRITERIA  # type: ignore[attr-defined]


# -- failures name the turn and what differed ----------------------------------------------------------------------
def test_a_wrong_expected_outcome_fails_at_its_turn(tmp_path: Path) -> None:
    path = broken_copy(
        tmp_path,
        "      outcome: resolved\n      verdicts: {own: met",
        "      outcome: customer_left\n      verdicts: {own: met",
    )
    result = run_file(path)
    assert not result.passed
    [message] = result.messages()
    assert message.startswith(f"{path}:")
    assert "turn 3: outcome: expected customer_left, got resolved" in message
    assert 'the customer said "' in message
    assert result.turns[2].customer_line in message


def test_the_failure_points_at_the_line_of_the_expectation(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "      stage: own\n", "      stage: resolution\n")
    [failure] = run_file(path).failures
    line = path.read_text(encoding="utf-8").splitlines()[(failure.line or 0) - 1]
    assert line.strip() == "stage: resolution"
    assert (failure.turn, failure.check, failure.expected, failure.actual) == (2, "stage", "resolution", "own")


def test_a_wrong_final_band_fails_at_the_end(tmp_path: Path) -> None:
    path = broken_copy(tmp_path, "  band: Distinction\n", "  band: Pass\n")
    [message] = run_file(path).messages()
    assert "at the end: grade band: expected Pass, got Distinction" in message


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("verdicts: {hear: met,", "verdicts: {hear: missed,", "turn 1: verdict of hear: expected missed, got met"),
        ("anger: {at_most: 60}", "anger: {at_most: 20}", "turn 1: anger: expected at most 20, got 50"),
        (
            "customer_says: S11 8RT",
            "customer_says: SW1A 1AA",
            'turn 2: the customer\'s line: expected to contain "SW1A 1AA"',
        ),
        (
            "  escalations: []\n",
            "  escalations: [manager_requested]\n",
            "escalation points reached: expected manager_requested, got none",
        ),
        ("  rules_broken: []\n", "  rules_broken: [R14]\n", "at the end: rules broken: expected R14, got none"),
    ],
)
def test_each_kind_of_expectation_reports_what_differed(tmp_path: Path, old: str, new: str, words: str) -> None:
    messages = run_file(broken_copy(tmp_path, old, new)).messages()
    assert any(words in message for message in messages), messages


def test_a_reply_after_the_conversation_ended_is_a_failure(tmp_path: Path) -> None:
    text = STRONG_PARCEL.read_text(encoding="utf-8").replace(
        "expect_end:", '  - reply: "Anything else I can help with?"\nexpect_end:'
    )
    [message] = run_file(write(tmp_path, text)).messages()
    assert (
        "turn 4: reply: expected the conversation to go on, got the conversation ended (resolved) after turn 3"
        in message
    )


def test_a_broken_playthrough_fails_the_cli_with_exit_code_1(tmp_path: Path) -> None:
    shutil.copy(STRONG_PARCEL, tmp_path / "good.yaml")
    broken = broken_copy(tmp_path, "  outcome: resolved\n  band:", "  outcome: timed_out\n  band:")
    result = CliRunner().invoke(cli, ["scenarios", "test", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert f"FAIL  {broken}" in result.output
    assert "at the end: outcome: expected timed_out, got resolved" in result.output
    assert "2 playthrough(s): 1 passed, 1 failed, 0 malformed" in result.output


def test_a_scenario_file_next_to_the_playthrough(tmp_path: Path) -> None:
    library = Path(__file__).resolve().parents[2] / "scenarios" / "library" / "parcel-not-delivered.yaml"
    (tmp_path / "scenarios").mkdir()
    shutil.copy(library, tmp_path / "scenarios" / "parcel.yaml")
    text = STRONG_PARCEL.read_text(encoding="utf-8").replace(
        "scenario: parcel-not-delivered\n", "scenario_file: scenarios/parcel.yaml\n"
    )
    (tmp_path / "plays").mkdir()
    result = run_file(
        write(tmp_path / "plays", text.replace("scenario_file: scenarios/", "scenario_file: ../scenarios/"))
    )
    assert result.passed, result.messages()


# -- malformed files -----------------------------------------------------------------------------------------------
GOOD = 'scenario: parcel-not-delivered\nseed: 1\nturns:\n  - reply: "Hello, how can I help?"\n'


@pytest.mark.parametrize(
    ("text", "line", "path", "words"),
    [
        (GOOD + "    expekt: {stage: hear}\n", 5, "turns[0].expekt", "not a field of a playthrough"),
        (
            GOOD + "    expect: {verdicts: {hear: maybe}}\n",
            5,
            "turns[0].expect.verdicts.hear[0]",
            "'maybe' is not allowed",
        ),
        (GOOD + "    expect: {verdicts: {heer: met}}\n", 5, "turns[0].expect.verdicts.heer", "'heer' is not allowed"),
        (GOOD + "    expect: {anger: {at_least: 80, at_most: 20}}\n", 5, "turns[0].expect.anger", "above at_most"),
        (GOOD + "    expect: {outcome: won}\n", 5, "turns[0].expect.outcome", "'won' is not allowed"),
        (GOOD + "expect_end: {band: Good}\n", 5, "expect_end.band", "'Good' is not allowed"),
        (GOOD.replace("seed: 1", "seed: one"), 2, "seed", "expected a whole number"),
        (GOOD.replace("seed: 1\n", ""), 1, "seed", "the required field 'seed' is missing"),
        (GOOD.replace('"Hello, how can I help?"', "yes"), 4, "turns[0].reply", "yes/no"),
        ("scenario: parcel-not-delivered\nseed: 1\nturns: []\n", 3, "turns", "at least 1 item"),
        (GOOD.replace("seed: 1", "scenario_file: x.yaml\nseed: 1"), 1, "", "exactly one of 'scenario'"),
        (GOOD + "  - reply: [unclosed\n", 6, "", "not valid YAML"),
        ("- just\n- a list\n", 1, "", "set of 'key: value' fields"),
    ],
)
def test_a_malformed_file_is_refused_with_its_line(text: str, line: int, path: str, words: str) -> None:
    with pytest.raises(PlaythroughFileError) as caught:
        parse_playthrough(text, "case.yaml")
    [issue] = caught.value.issues
    assert (issue.file, issue.line, issue.path) == ("case.yaml", line, path)
    assert words in issue.message
    assert str(issue).startswith(f"case.yaml:{line}: error:")


@pytest.mark.parametrize(
    ("addition", "line", "words"),
    [
        ("    expect: {stage: triage}\n", 5, "scenario 'parcel-not-delivered' has no stage 'triage'; it has: hear,"),
        (
            "    expect: {escalations: [lawyer_called]}\n",
            5,
            "no escalation point 'lawyer_called'; it has: manager_requested",
        ),
        ("expect_end: {escalations: [nope]}\n", 5, "no escalation point 'nope'"),
        ("expect_end: {outcome: escalated}\n", 5, "has no outcome 'escalated'; it has: resolved, customer_left"),
    ],
)
def test_names_the_scenario_does_not_have_are_refused(tmp_path: Path, addition: str, line: int, words: str) -> None:
    with pytest.raises(PlaythroughFileError) as caught:
        run_file(write(tmp_path, GOOD + addition))
    [issue] = caught.value.issues
    assert issue.line == line
    assert words in issue.message


def test_an_unknown_scenario_names_the_builtins(tmp_path: Path) -> None:
    with pytest.raises(PlaythroughFileError) as caught:
        run_file(write(tmp_path, GOOD.replace("parcel-not-delivered", "parcel-not-deliverd")))
    [issue] = caught.value.issues
    assert (issue.line, issue.path) == (1, "scenario")
    assert "no scenario with id 'parcel-not-deliverd'" in issue.message
    assert "parcel-not-delivered" in issue.message.split("built-in scenarios:")[1]


def test_a_broken_scenario_file_is_reported_with_its_own_issues(tmp_path: Path) -> None:
    write(tmp_path, "format: 1\nid: nope\n", "scenario.yaml")
    with pytest.raises(PlaythroughFileError) as caught:
        run_file(write(tmp_path, GOOD.replace("scenario: parcel-not-delivered", "scenario_file: scenario.yaml")))
    head, *rest = caught.value.issues
    assert (head.line, head.path) == (1, "scenario_file")
    assert rest
    assert all(issue.file.endswith("scenario.yaml") for issue in rest)


def test_malformed_and_missing_files_exit_2(tmp_path: Path) -> None:
    bad = write(tmp_path, GOOD + "    expekt: {}\n", "bad.yaml")
    result = CliRunner().invoke(cli, ["scenarios", "test", str(bad), str(STRONG_PARCEL)])
    assert result.exit_code == 2, result.output
    assert f"ERROR {bad}" in result.output
    assert f"{bad}:5: error: [turns[0].expekt]" in result.output
    assert "1 passed, 0 failed, 1 malformed" in result.output
    missing = CliRunner().invoke(cli, ["scenarios", "test", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 2
    assert "cannot read the file" in missing.output
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = CliRunner().invoke(cli, ["scenarios", "test", str(empty)])
    assert nothing.exit_code == 2
    assert "no playthrough files" in nothing.output


def test_folders_are_searched_recursively_for_yaml_only(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    for name in ("b/deeper/two.yaml", "a.yaml", "b/one.yaml", "b/notes.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    found = playthrough_files([tmp_path])
    assert [str(path.relative_to(tmp_path)) for path in found] == ["a.yaml", "b/deeper/two.yaml", "b/one.yaml"]
