"""Storage: the SQL tables, engines and sessions, and migrations (SQLite by default, PostgreSQL to scale out).

Every table's model must be imported here, so ``Base.metadata`` (what migrations are checked against) is complete.
"""

from .accounts import AUDIT_ACTIONS, ApiToken, AuditEvent, BrowserSession, Cohort, CohortMember, SignInAttempt
from .base import NAMING_CONVENTION, Base, UtcDateTime, utcnow
from .engine import POOL_SIZE, SQLITE_BUSY_TIMEOUT_MS, Database, DatabaseURLError, make_engine, one_writer, parse_url
from .migrate import alembic_config, current_revision, downgrade, head_revision, migration_lock, upgrade
from .models import (
    MODES,
    ROLES,
    SCENARIO_STATUSES,
    SPEAKERS,
    VERDICTS,
    Conversation,
    ConversationTurn,
    ImportedTranscript,
    Review,
    ScenarioVersion,
    SignOff,
    User,
)

__all__ = [
    "AUDIT_ACTIONS",
    "MODES",
    "NAMING_CONVENTION",
    "POOL_SIZE",
    "ROLES",
    "SCENARIO_STATUSES",
    "SPEAKERS",
    "SQLITE_BUSY_TIMEOUT_MS",
    "VERDICTS",
    "ApiToken",
    "AuditEvent",
    "Base",
    "BrowserSession",
    "Cohort",
    "CohortMember",
    "Conversation",
    "ConversationTurn",
    "Database",
    "DatabaseURLError",
    "ImportedTranscript",
    "Review",
    "ScenarioVersion",
    "SignInAttempt",
    "SignOff",
    "User",
    "UtcDateTime",
    "alembic_config",
    "current_revision",
    "downgrade",
    "head_revision",
    "make_engine",
    "migration_lock",
    "one_writer",
    "parse_url",
    "upgrade",
    "utcnow",
]
