"""Scenario versions in storage: built-ins imported once, trainers' drafts, publishing, and the compiled cache."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import Database, ScenarioVersion
from app.services import (
    Actor,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ScenarioCache,
    TooLargeError,
    ensure_user,
    import_builtins,
    list_scenarios,
    local_learner,
    prepare_database,
    publish,
    save_draft,
    scenario_detail,
    start_conversation,
    validate_scenario,
)
from scenarios import MAX_BYTES, builtin_scenarios, library_texts

PARCEL = library_texts()["parcel-not-delivered.yaml"]


def draft_text(version: int = 1, title: str = "Parcel, trainer's copy") -> str:
    text = PARCEL.replace("id: parcel-not-delivered", "id: trainer-parcel", 1)
    text = text.replace("version: 1\n", f"version: {version}\n", 1)
    return text.replace("title: '\"Delivered\" parcel that never arrived, for the second time'", f"title: {title}", 1)


def staff(database: Database, name: str, role: str) -> Actor:
    with database.session() as session:
        user = ensure_user(session, name, role, name.title())  # type: ignore[arg-type]
        session.commit()
        return Actor.of(user)


def test_built_ins_are_imported_once_as_published_versions(database: Database) -> None:
    assert prepare_database(database).scenarios_added == len(builtin_scenarios())
    assert prepare_database(database).scenarios_added == 0
    with database.session() as session:
        rows = session.scalars(select(ScenarioVersion)).all()
        learner = local_learner(session)
        listed = list_scenarios(session, learner)
    assert {row.status for row in rows} == {"published"}
    assert all(row.builtin and row.author_id is None for row in rows)
    assert [item.id for item in listed] == sorted(builtin_scenarios())
    assert learner.role == "learner"


def test_a_changed_built_in_text_retires_the_old_row_and_keeps_it_playable(database: Database) -> None:
    with database.session() as session:
        import_builtins(session)
        learner = local_learner(session)
        started = start_conversation(session, learner, "parcel-not-delivered", seed=1)
        row = session.scalars(
            select(ScenarioVersion).where(ScenarioVersion.scenario_id == "parcel-not-delivered")
        ).one()
        row.content_hash = "0" * 64  # as if the file had changed since this row was imported
        session.commit()
        assert import_builtins(session) == 1
        statuses = sorted(
            r.status
            for r in session.scalars(
                select(ScenarioVersion).where(ScenarioVersion.scenario_id == "parcel-not-delivered")
            )
        )
    assert statuses == ["published", "retired"]
    assert started.scenario_version == 1


def test_a_trainer_drafts_and_publishes_a_version(database: Database) -> None:
    trainer = staff(database, "tess", "trainer")
    with database.session() as session:
        import_builtins(session)
        learner = local_learner(session)
        draft = save_draft(session, trainer, draft_text())
        assert draft.status == "draft"
        assert save_draft(session, trainer, draft_text()) == draft  # the same text twice is one draft
        replaced = save_draft(session, trainer, draft_text(title="Parcel, second go"))
        assert replaced.status == "draft"
        assert replaced.title == "Parcel, second go"
        assert "trainer-parcel" not in [item.id for item in list_scenarios(session, learner)]
        assert "trainer-parcel" in [item.id for item in list_scenarios(session, trainer)]
        with pytest.raises(NotFoundError):
            start_conversation(session, learner, "trainer-parcel")
        played = start_conversation(session, trainer, "trainer-parcel", version=1)
        assert played.title == "Parcel, second go"
        published = publish(session, trainer, "trainer-parcel", 1)
        assert published.status == "published"
        assert publish(session, trainer, "trainer-parcel", 1) == published
        with pytest.raises(ConflictError, match="change 'version:' to 2"):
            save_draft(session, trainer, draft_text(title="Parcel, third go"))
        detail = scenario_detail(session, learner, "trainer-parcel", cache=ScenarioCache())
    assert detail.scenario.version == 1
    assert detail.briefing


def test_drafts_are_for_trainers_and_must_compile(database: Database) -> None:
    trainer = staff(database, "tess", "trainer")
    with database.session() as session:
        learner = local_learner(session)
        with pytest.raises(PermissionDeniedError, match="trainer or admin"):
            save_draft(session, learner, draft_text())
        with pytest.raises(InvalidInputError) as refused:
            save_draft(session, trainer, draft_text().replace("next: empathise", "next: nowhere", 1))
        assert refused.value.details
        assert refused.value.details[0]["line"]
        with pytest.raises(TooLargeError, match="256 KB"):
            save_draft(session, trainer, "#" * (MAX_BYTES + 1))


def test_validation_reports_lines_and_fields_without_storing() -> None:
    issues = validate_scenario(draft_text().replace("version: 1\n", "version: one\n", 1))
    assert issues
    assert issues[0].severity == "error"
    assert issues[0].line == 4
    assert issues[0].path == "version"
    with pytest.raises(TooLargeError):
        validate_scenario("x" * (MAX_BYTES + 1))
