"""Conversations in storage, on SQLite and PostgreSQL: one transaction per turn, races, finished conversations,
and transcripts that replay exactly."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.db import Conversation, ConversationTurn, Database
from app.services import (
    Actor,
    ConflictError,
    ConversationFinishedError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ScenarioCache,
    ensure_user,
    import_builtins,
    local_learner,
    plan_reply,
    record_reply,
    replay,
    rescore,
    start_conversation,
    submit_reply,
    transcript,
)

from .play import RESOLVING, SCENARIO, SEED, WALKOUT


@pytest.fixture
def learner(database: Database) -> Actor:
    with database.session() as session:
        import_builtins(session)
        return local_learner(session)


def actor(database: Database, name: str, role: str) -> Actor:
    with database.session() as session:
        user = ensure_user(session, name, role, name.title())  # type: ignore[arg-type]
        session.commit()
        return Actor.of(user)


def count_lines(database: Database, conversation_id: str) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).where(ConversationTurn.conversation_id == conversation_id)) or 0)


def test_a_played_conversation_is_stored_line_by_line(database: Database, learner: Actor) -> None:
    with database.session() as session:
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        results = [submit_reply(session, learner, started.id, text) for text in RESOLVING]
        found = transcript(session, learner, started.id)
    assert started.messages[0].speaker == "customer"
    assert [r.turn for r in results] == [1, 2, 3]
    assert results[-1].outcome == "resolved"
    assert [line.position for line in found.lines] == list(range(7))
    assert [line.speaker for line in found.lines] == ["customer"] + ["learner", "customer"] * 3
    assert [line.text for line in found.lines if line.speaker == "learner"] == list(RESOLVING)
    assert all(line.assessment is not None for line in found.lines if line.speaker == "learner")
    assert all(line.state is not None for line in found.lines if line.speaker == "customer")
    assert found.lines[-1].state is not None
    assert found.lines[-1].state["outcome"] == "resolved"
    assert found.outcome == "resolved"
    assert found.finished_at is not None


def test_a_replayed_conversation_reproduces_storage_exactly(database: Database, learner: Actor) -> None:
    with database.session() as session:
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        for text in RESOLVING:
            submit_reply(session, learner, started.id, text)
    # A new process: nothing cached, everything read back from the database.
    with database.session() as session:
        check = replay(session, learner, started.id, cache=ScenarioCache())
        again = rescore(session, learner, started.id, cache=ScenarioCache())
    assert check.reproduced, check.differences
    assert check.turns == len(RESOLVING)
    assert again.changes == ()
    assert again.stored == again.current


def test_replay_names_a_line_that_was_tampered_with(database: Database, learner: Actor) -> None:
    with database.session() as session:
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        submit_reply(session, learner, started.id, RESOLVING[0])
        line = session.scalars(
            select(ConversationTurn).where(
                ConversationTurn.conversation_id == started.id, ConversationTurn.position == 2
            )
        ).one()
        line.state = {**(line.state or {}), "anger": 0}
        session.commit()
        check = replay(session, learner, started.id)
    assert [(d.position, d.field) for d in check.differences] == [(2, "state")]


def test_two_replies_racing_for_one_turn_store_one(database: Database, learner: Actor) -> None:
    with database.session() as first, database.session() as second:
        started = start_conversation(first, learner, SCENARIO, seed=SEED)
        planned_first = plan_reply(first, learner, started.id, RESOLVING[0])
        planned_second = plan_reply(second, learner, started.id, "Sorry to hear that. What happened?")
        first.rollback()
        second.rollback()
        stored = record_reply(first, learner, planned_first)
        with pytest.raises(ConflictError, match="stored first") as refused:
            record_reply(second, learner, planned_second)
    assert refused.value.error_code == "turn_taken"
    assert stored.turn == 1
    assert count_lines(database, started.id) == 3
    with database.session() as session:
        row = session.get(Conversation, started.id)
        assert row is not None
        assert row.row_version == 2
        assert row.turn_count == 1


def test_a_reply_for_a_turn_already_taken_is_refused(database: Database, learner: Actor) -> None:
    with database.session() as session:
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        submit_reply(session, learner, started.id, RESOLVING[0], expected_turn=1)
        with pytest.raises(ConflictError, match="turn 1"):
            submit_reply(session, learner, started.id, RESOLVING[0], expected_turn=1)
    assert count_lines(database, started.id) == 3


def test_a_finished_conversation_takes_no_more_replies(database: Database, learner: Actor) -> None:
    with database.session() as session:
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        ended = submit_reply(session, learner, started.id, WALKOUT)
        assert ended.outcome == "customer_left"
        with pytest.raises(ConversationFinishedError, match="ended \\(customer_left\\)"):
            submit_reply(session, learner, started.id, "Sorry, come back")
    assert count_lines(database, started.id) == 3


def test_replies_are_checked_before_anything_is_read(database: Database, learner: Actor) -> None:
    with database.session() as session:
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        with pytest.raises(InvalidInputError, match="at most 2,000"):
            submit_reply(session, learner, started.id, "x" * 2001)
        with pytest.raises(InvalidInputError, match="empty"):
            submit_reply(session, learner, started.id, "   ")
        with pytest.raises(NotFoundError):
            submit_reply(session, learner, "0" * 32, "hello")


def test_assessed_mode_withholds_hints_from_the_learner_until_the_end(database: Database, learner: Actor) -> None:
    reviewer = actor(database, "tutor", "admin")
    with database.session() as session:
        started = start_conversation(session, learner, SCENARIO, seed=SEED, mode="assessed")
        first = submit_reply(session, learner, started.id, RESOLVING[0])
        hidden = transcript(session, learner, started.id)
        seen = transcript(session, reviewer, started.id)
        for text in RESOLVING[1:]:
            last = submit_reply(session, learner, started.id, text)
        shown = transcript(session, learner, started.id)
    assert started.stage is None
    assert started.mood is None
    assert first.assessment is None
    assert first.stage is None
    assert first.mood is None
    assert all(line.assessment is None and line.state is None for line in hidden.lines)
    assert seen.lines[1].assessment is not None
    assert last.outcome == "resolved"
    assert last.assessment is not None
    assert shown.lines[1].assessment is not None


def test_learners_see_only_their_own_conversations(database: Database, learner: Actor) -> None:
    other = actor(database, "sam", "learner")
    with database.session() as session:
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        with pytest.raises(NotFoundError):
            transcript(session, other, started.id)
        with pytest.raises(NotFoundError):
            submit_reply(session, other, started.id, "hello")
        reviewer = actor(database, "tutor", "admin")
        with pytest.raises(PermissionDeniedError, match="only the learner"):
            submit_reply(session, reviewer, started.id, "hello")


def test_unknown_scenarios_and_bad_starts_are_refused(database: Database, learner: Actor) -> None:
    with database.session() as session:
        with pytest.raises(NotFoundError, match="published scenarios: boiler-leak"):
            start_conversation(session, learner, "no-such-scenario")
        with pytest.raises(InvalidInputError, match="mode"):
            start_conversation(session, learner, SCENARIO, mode="exam")
        with pytest.raises(InvalidInputError, match="seed"):
            start_conversation(session, learner, SCENARIO, seed=-1)
