"""Who sees whose conversations, and a learner's data: export, erasure from every table, retention purge."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.accounts import (
    NotErasableError,
    add_members,
    add_user,
    erase_learner,
    events_about,
    export_user,
    find_user,
    issue_token,
    purge,
    sign_in,
)
from app.db import AuditEvent, Base, Conversation, Database, ImportedTranscript, User
from app.security import ThrottleRules, can_view_conversation, visible_conversations

from .rows import WHEN, conversation, scenario_version

SECRET_WORDS = "my-unique-learner-words-7f3a"


def people(session: Session) -> dict[str, User]:
    found = {
        name: add_user(session, name, role, password="a long enough secret", display_name=f"{name.title()} Person")
        for name, role in (
            ("lena", "learner"),
            ("liam", "learner"),
            ("ada", "assessor"),
            ("otto", "assessor"),
            ("tara", "trainer"),
            ("root", "admin"),
        )
    }
    add_members(session, "cohort-a", ["ada", "lena"])
    add_members(session, "cohort-b", ["otto", "liam"])
    return found


def test_each_role_sees_the_conversations_the_rule_allows(database: Database) -> None:
    with database.session() as session:
        who = people(session)
        version = scenario_version(session)
        lenas = conversation(session, who["lena"], version, conversation_id="c-lena")
        conversation(session, who["liam"], version, conversation_id="c-liam")
        conversation(session, who["tara"], version, conversation_id="c-tara")
        expected = {
            "lena": {"c-lena"},
            "liam": {"c-liam"},
            "ada": {"c-lena"},
            "otto": {"c-liam"},
            "tara": {"c-tara"},
            "root": {"c-lena", "c-liam", "c-tara"},
        }
        for name, ids in expected.items():
            listed = set(session.scalars(visible_conversations(select(Conversation.id), who[name])))
            assert listed == ids, name
            assert can_view_conversation(session, who[name], lenas) == ("c-lena" in ids), name


def test_an_assessor_does_not_see_another_assessor_through_a_cohort(database: Database) -> None:
    with database.session() as session:
        who = people(session)
        version = scenario_version(session)
        add_members(session, "cohort-a", ["otto"])
        ottos = conversation(session, who["otto"], version, conversation_id="c-otto")
        assert not can_view_conversation(session, who["ada"], ottos)


def every_value(session: Session, table: Table) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in session.execute(select(table))]


def test_erasure_leaves_nothing_of_the_learner_in_any_table_but_the_audit_log(database: Database) -> None:
    with database.session() as session:
        who = people(session)
        version = scenario_version(session, author=who["tara"])
        conversation(session, who["lena"], version, conversation_id="c-lena", reviewer=who["ada"], words=SECRET_WORDS)
        conversation(session, who["liam"], version, conversation_id="c-liam", reviewer=who["otto"])
        issue_token(session, "lena")
        sign_in(
            session,
            "lena",
            "a long enough secret",
            address="10.0.0.1",
            user_agent="test",
            now=WHEN,
            rules=ThrottleRules(),
            lifetime=timedelta(hours=1),
        )
        lena_id = who["lena"].id
        removed = erase_learner(session, "lena", actor=who["root"], address="10.0.0.9")
        assert removed.rows["users"] == 1
        assert removed.rows["turns"] == 2

    traces = {str(lena_id), "lena", "Lena Person", SECRET_WORDS, "c-lena"}
    with database.session() as session:
        for table in Base.metadata.sorted_tables:
            if table.name == AuditEvent.__tablename__:
                continue
            user_columns = [fk.parent.name for fk in table.foreign_keys if fk.column.table.name == "users"]
            for row in every_value(session, table):
                for column in user_columns:
                    assert row[column] != lena_id, (table.name, column, row)
                texts = [value for value in row.values() if isinstance(value, str | dict | list)]
                for value in texts:
                    for trace in traces - {str(lena_id)}:
                        assert trace not in str(value), (table.name, row)
        assert session.get(Conversation, "c-liam") is not None  # others' work is untouched
        erasure = session.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).one()
        assert (erasure.actor_name, erasure.target, erasure.address) == ("root", "lena", "10.0.0.9")


def test_only_learners_are_erased(database: Database) -> None:
    with database.session() as session:
        who = people(session)
        with pytest.raises(NotErasableError):
            erase_learner(session, "ada", actor=who["root"])


def test_a_learner_exports_everything_held_about_them(database: Database) -> None:
    with database.session() as session:
        who = people(session)
        version = scenario_version(session)
        conversation(session, who["lena"], version, conversation_id="c-lena", reviewer=who["ada"], words=SECRET_WORDS)
        conversation(session, who["liam"], version, conversation_id="c-liam")
        issue_token(session, "lena", label="laptop")
        exported = export_user(session, find_user(session, "lena"), address="10.0.0.1")
        tables = exported["tables"]
        assert exported["user"]["name"] == "lena"
        assert "password_hash" not in exported["user"]
        assert [row["id"] for row in tables["conversations"]] == ["c-lena"]
        assert SECRET_WORDS in {row["text"] for row in tables["turns"]}
        assert {row["conversation_id"] for row in tables["turns"]} == {"c-lena"}
        assert tables["reviews"][0]["reason"] == "a concrete promise"
        assert tables["api_tokens"][0]["label"] == "laptop"
        assert "digest" not in tables["api_tokens"][0]
        assert tables["cohort_members"][0]["user_id"] == who["lena"].id
        assert any(event["action"] == "user_added" for event in tables["audit_events"])
        assert events_about(session, who["lena"].id, "lena")[-1].action == "export"


def test_purge_removes_conversations_past_retention(database: Database) -> None:
    with database.session() as session:
        who = people(session)
        version = scenario_version(session)
        conversation(session, who["lena"], version, conversation_id="c-old", when=WHEN - timedelta(days=400))
        conversation(session, who["lena"], version, conversation_id="c-new", when=WHEN - timedelta(days=10))
        session.add(
            ImportedTranscript(
                id="i-old",
                importer_id=who["ada"].id,
                source="old.txt",
                format="text",
                raw_text="Agent: hi",
                turns=[],
                report={},
                rubric_version="1",
                created_at=WHEN - timedelta(days=400),
            )
        )
        session.commit()
        removed = purge(session, now=WHEN, retention_days=365)
        assert removed.rows["conversations"] == 1
        assert removed.rows["imported_transcripts"] == 1
        assert set(session.scalars(select(Conversation.id))) == {"c-new"}
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).one().detail["rows"]
