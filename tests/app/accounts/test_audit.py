"""The audit log records reviews, overrides, sign-offs and exports made through the use cases."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts import add_members, add_user
from app.db import AuditEvent, Database
from app.services import (
    Actor,
    add_review,
    export_csv,
    export_json,
    import_builtins,
    sign_off,
    start_conversation,
    submit_reply,
)
from tests.storage.play import RESOLVING, SCENARIO, SEED


def test_reviews_overrides_sign_offs_and_exports_are_audited(database: Database) -> None:
    with database.session() as session:
        import_builtins(session)
        lena = Actor.of(add_user(session, "lena", "learner"))
        ada = Actor.of(add_user(session, "ada", "assessor"))
        add_members(session, "cohort-a", ["ada", "lena"])
        started = start_conversation(session, lena, SCENARIO, seed=SEED)
        for text in RESOLVING:
            submit_reply(session, lena, started.id, text)
        add_review(session, ada, started.id, turn=1, criterion="hear", verdict="met", reason="asked what happened")
        add_review(session, ada, started.id, turn=1, criterion="empathise", verdict="breach", reason="testing")
        sign_off(session, ada, started.id, note="fine")
        export_csv(session, ada)
        export_json(session, ada, scenario_id=SCENARIO)
        events = session.scalars(select(AuditEvent).where(AuditEvent.actor_name == "ada").order_by(AuditEvent.id)).all()
    kinds = [(event.action, event.target) for event in events]
    assert kinds == [
        ("review", started.id),  # the same verdict as the automatic one
        ("override", started.id),
        ("sign_off", started.id),
        ("export", "all"),
        ("export", SCENARIO),
    ]
    assert events[1].detail["automatic"] == "met"
    assert events[-1].detail == {"format": "json", "conversations": 1}
