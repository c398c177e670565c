"""users, scenario versions, conversations, turns, reviews, sign-offs, imported transcripts

Revision ID: 0001
Revises: (none: the first revision)
Created: 2026-11-27 09:17:56.820070
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('learner', 'assessor', 'trainer', 'admin')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "imported_transcripts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("importer_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.String(length=100), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("turns", sa.JSON(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("rubric_version", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["importer_id"], ["users.id"], name=op.f("fk_imported_transcripts_importer_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_transcripts")),
    )
    op.create_index(op.f("ix_imported_transcripts_importer_id"), "imported_transcripts", ["importer_id"], unique=False)
    op.create_table(
        "scenario_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("yaml_text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('draft', 'published', 'retired')", name=op.f("ck_scenario_versions_status")),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_scenario_versions_author_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_versions")),
        sa.UniqueConstraint("scenario_id", "content_hash", name=op.f("uq_scenario_versions_scenario_id_content_hash")),
    )
    op.create_index(op.f("ix_scenario_versions_scenario_id"), "scenario_versions", ["scenario_id"], unique=False)
    op.create_table(
        "conversations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("scenario_version_id", sa.Integer(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("state_json", sa.Text(), nullable=False),
        sa.Column("turn_count", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=100), nullable=False),
        sa.Column("anger", sa.Integer(), nullable=False),
        sa.Column("patience", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.CheckConstraint("mode IN ('practice', 'assessed')", name=op.f("ck_conversations_mode")),
        sa.CheckConstraint("row_version >= 1", name=op.f("ck_conversations_row_version")),
        sa.ForeignKeyConstraint(["learner_id"], ["users.id"], name=op.f("fk_conversations_learner_id_users")),
        sa.ForeignKeyConstraint(
            ["scenario_version_id"],
            ["scenario_versions.id"],
            name=op.f("fk_conversations_scenario_version_id_scenario_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
    )
    op.create_index(op.f("ix_conversations_learner_id"), "conversations", ["learner_id"], unique=False)
    op.create_index(
        op.f("ix_conversations_scenario_version_id"), "conversations", ["scenario_version_id"], unique=False
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=32), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("automatic_verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "automatic_verdict IN ('met', 'missed', 'breach', 'n/a')", name=op.f("ck_reviews_automatic_verdict")
        ),
        sa.CheckConstraint("verdict IN ('met', 'missed', 'breach', 'n/a')", name=op.f("ck_reviews_verdict")),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_reviews_conversation_id_conversations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"], name=op.f("fk_reviews_reviewer_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    op.create_index(op.f("ix_reviews_conversation_id"), "reviews", ["conversation_id"], unique=False)
    op.create_table(
        "signoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_signoffs_conversation_id_conversations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"], name=op.f("fk_signoffs_reviewer_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signoffs")),
        sa.UniqueConstraint("conversation_id", name=op.f("uq_signoffs_conversation_id")),
    )
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.String(length=16), nullable=False),
        sa.Column("speaker_name", sa.String(length=120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("assessment", sa.JSON(), nullable=True),
        sa.Column("rubric_version", sa.String(length=40), nullable=True),
        sa.Column("state", sa.JSON(), nullable=True),
        sa.Column("engine_state", sa.Text(), nullable=True),
        sa.CheckConstraint("speaker IN ('learner', 'customer')", name=op.f("ck_turns_speaker")),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_turns_conversation_id_conversations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turns")),
        sa.UniqueConstraint("conversation_id", "position", name=op.f("uq_turns_conversation_id_position")),
    )


def downgrade() -> None:
    op.drop_table("turns")
    op.drop_table("signoffs")
    op.drop_table("reviews")
    op.drop_table("conversations")
    op.drop_table("scenario_versions")
    op.drop_table("imported_transcripts")
    op.drop_table("users")
