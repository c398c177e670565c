"""Storage rows: users, scenario versions, conversations with their append-only turns, reviews, imported transcripts.

These are the storage family of models: routes never return them, services turn them into plain results. Every
timestamp is UTC. Turns are only ever inserted; an assessor's review sits beside the automatic assessment and never
replaces it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UtcDateTime, utcnow

ROLES: Final = ("learner", "assessor", "trainer", "admin")
SCENARIO_STATUSES: Final = ("draft", "published", "retired")
MODES: Final = ("practice", "assessed")
SPEAKERS: Final = ("learner", "customer")
VERDICTS: Final = ("met", "missed", "breach", "n/a")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({listed})"


class User(Base):
    """Anyone who signs in: a learner, an assessor, a trainer or an admin."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_one_of("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ScenarioVersion(Base):
    """One text of one scenario. Built-in files arrive published; trainers' texts start as drafts.

    At most one published row per scenario id and version number (the services keep to it); a built-in file changed
    without a new version number retires the row it replaces, which stays playable for conversations started on it.
    The YAML text is loaded only when asked for: compiled scenarios are cached by content hash.
    """

    __tablename__ = "scenario_versions"
    __table_args__ = (
        UniqueConstraint("scenario_id", "content_hash"),
        CheckConstraint(_one_of("status", SCENARIO_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    yaml_text: Mapped[str] = mapped_column(Text, deferred=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    builtin: Mapped[bool] = mapped_column(default=False)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class Conversation(Base):
    """A learner's role-play: the scenario text and seed it was played with, and the engine state after each turn.

    ``row_version`` goes up by one with every turn; a turn is stored only if the version it read is still current.
    """

    __tablename__ = "conversations"
    __table_args__ = (
        CheckConstraint(_one_of("mode", MODES), name="mode"),
        CheckConstraint("row_version >= 1", name="row_version"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"), index=True)
    seed: Mapped[int] = mapped_column(BigInteger)
    mode: Mapped[str] = mapped_column(String(16))
    state_json: Mapped[str] = mapped_column(Text)
    turn_count: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[str] = mapped_column(String(100))
    anger: Mapped[int] = mapped_column(Integer)
    patience: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str | None] = mapped_column(String(32), default=None)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    row_version: Mapped[int] = mapped_column(Integer, default=1)


class ConversationTurn(Base):
    """One line of a conversation, never updated. Position 0 is the customer's opening; then learner, customer, ….

    A learner line carries its assessment (with the rubric version); a customer line carries the state after it:
    ``state`` for people (stage, mood, escalations, outcome) and ``engine_state`` for the engine, so a re-score
    can judge each reply in exactly the context it was given.
    """

    __tablename__ = "turns"
    __table_args__ = (
        UniqueConstraint("conversation_id", "position"),
        CheckConstraint(_one_of("speaker", SPEAKERS), name="speaker"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(16))
    speaker_name: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    assessment: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    rubric_version: Mapped[str | None] = mapped_column(String(40), default=None)
    state: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    engine_state: Mapped[str | None] = mapped_column(Text, default=None)


class Review(Base):
    """An assessor's verdict on one criterion of one learner turn, beside the automatic verdict it overrides."""

    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint(_one_of("verdict", VERDICTS), name="verdict"),
        CheckConstraint(_one_of("automatic_verdict", VERDICTS), name="automatic_verdict"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    criterion: Mapped[str] = mapped_column(String(32))
    verdict: Mapped[str] = mapped_column(String(16))
    automatic_verdict: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class SignOff(Base):
    """An assessor's sign-off of a conversation's review: once per conversation."""

    __tablename__ = "signoffs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), unique=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    band: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ImportedTranscript(Base):
    """A conversation held outside Frontline, imported to be scored: the raw text, its turns and their scores."""

    __tablename__ = "imported_transcripts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    importer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scenario_id: Mapped[str | None] = mapped_column(String(100), default=None)
    source: Mapped[str] = mapped_column(String(200))
    format: Mapped[str] = mapped_column(String(16))
    raw_text: Mapped[str] = mapped_column(Text)
    turns: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    rubric_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


__all__ = [
    "MODES",
    "ROLES",
    "SCENARIO_STATUSES",
    "SPEAKERS",
    "VERDICTS",
    "Conversation",
    "ConversationTurn",
    "ImportedTranscript",
    "Review",
    "ScenarioVersion",
    "SignOff",
    "User",
]
