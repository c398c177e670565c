"""``frontline users ...``, ``frontline purge`` and the checks ``frontline serve`` makes before it starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app import Settings, create_app
from app.cli import cli
from app.cli.users_cmd import before_serving


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("FRONTLINE_DATABASE_URL", f"sqlite:///{tmp_path / 'frontline.sqlite3'}")
    monkeypatch.setenv("FRONTLINE_ENVIRONMENT", "test")
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


def test_add_list_token_and_cohorts(runner: CliRunner) -> None:
    added = runner.invoke(cli, ["users", "add", "Jo.Smith", "--role", "learner", "--password", "a long secret"])
    assert (added.exit_code, added.output.strip()) == (0, "added jo.smith (learner)")
    prompted = runner.invoke(cli, ["users", "add", "ada", "--role", "assessor"], input="a long secret\na long secret\n")
    assert prompted.exit_code == 0, prompted.output
    assert "a long secret" not in prompted.output
    mismatch = runner.invoke(cli, ["users", "add", "bo", "--role", "learner"], input="a long secret\nanother one\n")
    assert mismatch.exit_code != 0
    assert runner.invoke(cli, ["users", "add", "jo.smith", "--role", "learner", "--no-password"]).exit_code == 1
    bad_role = runner.invoke(cli, ["users", "add", "cy", "--role", "owner", "--no-password"])
    assert (bad_role.exit_code, "'owner' is not a role" in bad_role.output) == (1, True)

    cohort = runner.invoke(cli, ["users", "cohort", "add", "group-a", "ada", "jo.smith"])
    assert cohort.output.strip() == "group-a: assessors ada; learners jo.smith"
    listed = runner.invoke(cli, ["users", "list"])
    assert "jo.smith" in listed.output
    assert "group-a" in listed.output

    token = runner.invoke(cli, ["users", "token", "jo.smith"])
    assert token.exit_code == 0
    lines = token.output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("fl_")


def test_the_token_printed_signs_in_to_the_api(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(cli, ["users", "add", "jo", "--role", "learner", "--no-password"])
    token = runner.invoke(cli, ["users", "token", "jo"]).output.strip()
    app = create_app(Settings(environment="test", database_url=f"sqlite:///{tmp_path / 'frontline.sqlite3'}"))
    with TestClient(app) as client:
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.json()["name"] == "jo"


def test_erase_and_purge(runner: CliRunner) -> None:
    runner.invoke(cli, ["users", "add", "jo", "--role", "learner", "--no-password"])
    runner.invoke(cli, ["users", "add", "ada", "--role", "assessor", "--no-password"])
    assert runner.invoke(cli, ["users", "erase", "ada", "--yes"]).exit_code == 1
    assert runner.invoke(cli, ["users", "erase", "jo"], input="n\n").exit_code == 1
    erased = runner.invoke(cli, ["users", "erase", "jo", "--yes"])
    assert erased.exit_code == 0
    assert erased.output.startswith("erased jo: ")
    assert "jo" not in runner.invoke(cli, ["users", "list"]).output.replace("command line", "")
    purged = runner.invoke(cli, ["purge", "--days", "30"])
    assert (purged.exit_code, purged.output.startswith("purged what was older than 30 days")) == (0, True)


def test_production_with_the_built_in_secret_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINE_HOST", "127.0.0.1")  # restored after the test; serve sets it
    monkeypatch.setenv("FRONTLINE_ENVIRONMENT", "production")
    monkeypatch.delenv("FRONTLINE_SECRET_KEY", raising=False)
    with pytest.raises(ValueError, match="FRONTLINE_SECRET_KEY must be set"):
        create_app()
    served = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert served.exit_code == 2
    assert "FRONTLINE_SECRET_KEY must be set" in served.output
    monkeypatch.setenv("FRONTLINE_SECRET_KEY", "short")
    with pytest.raises(ValueError, match="at least 32 characters"):
        create_app()


def test_demo_accounts_only_on_loopback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FRONTLINE_HOST", "127.0.0.1")  # restored after the test; serve sets it
    monkeypatch.setenv("FRONTLINE_DEMO", "true")
    served = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert served.exit_code == 2
    assert "only on a loopback address" in served.output
    monkeypatch.delenv("FRONTLINE_DEMO")
    assert not Settings(host="0.0.0.0", environment="development").demo_enabled


def test_demo_mode_on_localhost_prints_how_to_sign_in(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRONTLINE_DATABASE_URL", f"sqlite:///{tmp_path / 'frontline.sqlite3'}")
    monkeypatch.setenv("FRONTLINE_ENVIRONMENT", "development")
    monkeypatch.setenv("FRONTLINE_HOST", "127.0.0.1")
    monkeypatch.setenv("COLUMNS", "200")
    before_serving("127.0.0.1", 8000)
    first = capsys.readouterr().out
    assert "sign in at http://127.0.0.1:8000/signin" in first
    for name in ("learner", "assessor", "trainer", "admin"):
        assert f"  {name} " in first
    before_serving("127.0.0.1", 8000)
    assert "already exist" in capsys.readouterr().out
