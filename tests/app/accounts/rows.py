"""Stored rows for account tests: a scenario version, and a conversation with turns, a review and a sign-off."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.db import Conversation, ConversationTurn, Review, ScenarioVersion, SignOff, User

WHEN = datetime(2026, 5, 25, 9, 0, tzinfo=UTC)


def scenario_version(session: Session, author: User | None = None) -> ScenarioVersion:
    row = ScenarioVersion(
        scenario_id="parcel-test",
        version=1,
        title="Parcel",
        yaml_text="id: parcel-test",
        content_hash="0" * 64,
        status="published",
        builtin=author is None,
        author_id=author.id if author else None,
        created_at=WHEN,
    )
    session.add(row)
    session.flush()
    return row


def conversation(
    session: Session,
    learner: User,
    version: ScenarioVersion,
    *,
    conversation_id: str,
    reviewer: User | None = None,
    words: str = "I'm so sorry, I'll send a replacement today.",
    when: datetime = WHEN,
) -> Conversation:
    row = Conversation(
        id=conversation_id,
        learner_id=learner.id,
        scenario_version_id=version.id,
        seed=7,
        mode="practice",
        state_json="{}",
        turn_count=1,
        stage="hear",
        anger=5,
        patience=5,
        started_at=when,
        updated_at=when,
    )
    session.add(row)
    session.flush()
    session.add_all(
        [
            ConversationTurn(
                conversation_id=row.id, position=0, speaker="customer", speaker_name="Sam", text="Where is it?"
            ),
            ConversationTurn(
                conversation_id=row.id, position=1, speaker="learner", speaker_name=learner.display_name, text=words
            ),
        ]
    )
    if reviewer is not None:
        session.add(
            Review(
                conversation_id=row.id,
                position=1,
                criterion="own",
                verdict="met",
                automatic_verdict="missed",
                reason="a concrete promise",
                reviewer_id=reviewer.id,
            )
        )
        session.add(SignOff(conversation_id=row.id, reviewer_id=reviewer.id, band="Pass", note="good"))
    session.commit()
    return row
