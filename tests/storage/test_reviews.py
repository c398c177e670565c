"""Reviews, reports, imports and exports in storage: overrides sit beside the automatic verdicts."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select

from app.db import ConversationTurn, Database, Review
from app.services import (
    Actor,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    add_review,
    conversation_report,
    ensure_user,
    export_csv,
    export_json,
    get_import,
    import_builtins,
    import_transcript,
    list_reviews,
    local_learner,
    parse_text,
    sign_off,
    start_conversation,
    submit_reply,
)

from .play import RESOLVING, SCENARIO, SEED


def staff(database: Database, name: str, role: str) -> Actor:
    with database.session() as session:
        user = ensure_user(session, name, role, name.title())  # type: ignore[arg-type]
        session.commit()
        return Actor.of(user)


@pytest.fixture
def played(database: Database) -> tuple[Actor, str]:
    with database.session() as session:
        import_builtins(session)
        learner = local_learner(session)
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        for text in RESOLVING:
            submit_reply(session, learner, started.id, text)
    return learner, started.id


def test_an_override_sits_beside_the_automatic_verdict(database: Database, played: tuple[Actor, str]) -> None:
    learner, conversation_id = played
    reviewer = staff(database, "tutor", "admin")
    with database.session() as session:
        before = conversation_report(session, learner, conversation_id)
        automatic = before.automatic["criteria"]["hear"]["verdict"]
        flipped = "missed" if automatic == "met" else "met"
        review = add_review(
            session, reviewer, conversation_id, turn=2, criterion="hear", verdict=flipped, reason="Asked for postcode"
        )
        after = conversation_report(session, learner, conversation_id)
        stored = session.scalars(
            select(ConversationTurn).where(
                ConversationTurn.conversation_id == conversation_id, ConversationTurn.position == 3
            )
        ).one()
        reviews = list_reviews(session, learner, conversation_id)
    assert review.automatic_verdict == stored.assessment["criteria"]["hear"]["verdict"]  # type: ignore[index]
    assert review.reviewer == "Tutor"
    assert review.turn == 2
    assert after.automatic == before.automatic
    assert after.overrides == 1
    assert [r.id for r in reviews] == [review.id]


def test_sign_off_is_once_and_closes_reviews(database: Database, played: tuple[Actor, str]) -> None:
    learner, conversation_id = played
    reviewer = staff(database, "tutor", "admin")
    with database.session() as session:
        with pytest.raises(PermissionDeniedError):
            sign_off(session, learner, conversation_id)
        with pytest.raises(NotFoundError, match="no reply number 9"):
            add_review(session, reviewer, conversation_id, turn=9, criterion="hear", verdict="met", reason="x")
        with pytest.raises(InvalidInputError, match="reason"):
            add_review(session, reviewer, conversation_id, turn=1, criterion="hear", verdict="met", reason=" ")
        signed = sign_off(session, reviewer, conversation_id, note="Good recovery")
        with pytest.raises(ConflictError, match="already signed off"):
            sign_off(session, reviewer, conversation_id)
        with pytest.raises(ConflictError, match="signed off"):
            add_review(session, reviewer, conversation_id, turn=1, criterion="hear", verdict="met", reason="late")
        assert session.scalars(select(Review)).all() == []
    assert signed.band in {"Refer", "Pass", "Merit", "Distinction"}


def test_an_unfinished_conversation_cannot_be_signed_off(database: Database) -> None:
    reviewer = staff(database, "tutor", "admin")
    with database.session() as session:
        import_builtins(session)
        learner = local_learner(session)
        started = start_conversation(session, learner, SCENARIO, seed=SEED)
        with pytest.raises(ConflictError, match="has not ended"):
            sign_off(session, reviewer, started.id)


TEXT = """Customer: It says DELIVERED. It was NOT delivered. Second time!
Agent: I'm so sorry, that's really frustrating.
  I'll send a replacement today.
Customer: Fine.
"""


def test_plain_text_transcripts_are_parsed_and_scored(database: Database) -> None:
    reviewer = staff(database, "tutor", "admin")
    assert parse_text(TEXT) == [
        ("customer", "It says DELIVERED. It was NOT delivered. Second time!"),
        ("learner", "I'm so sorry, that's really frustrating. I'll send a replacement today."),
        ("customer", "Fine."),
    ]
    with database.session() as session:
        import_builtins(session)
        imported = import_transcript(session, reviewer, TEXT, scenario_id=SCENARIO, source="call 17")
        again = get_import(session, reviewer, imported.id)
    assert imported.lines[1].assessment is not None
    assert imported.lines[1].assessment["criteria"]["apologise"]["verdict"] == "met"
    assert imported.report["turns"] == 1
    assert again == imported


def test_json_transcripts_and_unreadable_ones(database: Database) -> None:
    reviewer = staff(database, "tutor", "admin")
    payload = json.dumps({"turns": [{"speaker": "customer", "text": "Hi"}, {"speaker": "agent", "text": "Sorry!"}]})
    with database.session() as session:
        learner = local_learner(session)
        assert import_transcript(session, reviewer, payload, format="json").report["turns"] == 1
        with pytest.raises(InvalidInputError, match="line 1 does not start"):
            import_transcript(session, reviewer, "Hello there\nAgent: hi")
        with pytest.raises(InvalidInputError, match='turn 1 needs "speaker"'):
            import_transcript(session, reviewer, '[{"who": "agent"}]', format="json")
        with pytest.raises(InvalidInputError, match="no agent lines"):
            import_transcript(session, reviewer, "Customer: hello")
        with pytest.raises(PermissionDeniedError):
            import_transcript(session, learner, TEXT)


def test_exports_list_what_the_caller_may_see(database: Database, played: tuple[Actor, str]) -> None:
    learner, conversation_id = played
    other = staff(database, "sam", "learner")
    reviewer = staff(database, "tutor", "admin")
    with database.session() as session:
        rows = list(csv.DictReader(io.StringIO(export_csv(session, reviewer))))
        whole = export_json(session, learner)
        assert export_json(session, other) == []
    assert [row["id"] for row in rows] == [conversation_id]
    assert rows[0]["outcome"] == "resolved"
    assert rows[0]["band"]
    assert whole[0]["id"] == conversation_id
    assert len(whole[0]["lines"]) == 7


def test_csv_cells_never_run_as_formulas(database: Database) -> None:
    with database.session() as session:
        user = ensure_user(session, "eve", "learner", '=HYPERLINK("x")')
        session.commit()
        eve = Actor.of(user)
        import_builtins(session)
        start_conversation(session, eve, SCENARIO, seed=SEED)
        text = export_csv(session, eve)
    assert "'=HYPERLINK" in text
