"""Account use cases: people and roles, cohorts, signing in and out, tokens, the audit log, export and erasure.

Like the other use cases they take a SQLAlchemy session and, where someone acts, the actor; the HTTP layer (``app.api``
and the pages) and the CLI call them.
"""

from .audit import Named, events_about, record
from .callers import InvalidCredentialsError, authenticate
from .cohorts import CohortSummary, add_members, describe, list_cohorts, remove_members
from .demo import DEMO_ACCOUNTS, DEMO_COHORT, DemoAccount, ensure_demo_accounts, sign_in_text
from .erasure import ERASABLE_ROLES, Removed, erase_learner, purge, remove_rows
from .errors import (
    AccountExistsError,
    AccountInputError,
    NotErasableError,
    SignInFailedError,
    SignInThrottledError,
    UnknownUserError,
)
from .export import EXPORT_FORMAT, WITHHELD_COLUMNS, export_user
from .signin import SignedIn, sign_in, sign_out, sign_out_everywhere, user_for_session
from .users import (
    UserSummary,
    add_user,
    find_user,
    issue_token,
    list_users,
    normalise_name,
    revoke_tokens,
    set_password,
    set_role,
    user_for_token,
)

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_COHORT",
    "ERASABLE_ROLES",
    "EXPORT_FORMAT",
    "WITHHELD_COLUMNS",
    "AccountExistsError",
    "AccountInputError",
    "CohortSummary",
    "DemoAccount",
    "InvalidCredentialsError",
    "Named",
    "NotErasableError",
    "Removed",
    "SignInFailedError",
    "SignInThrottledError",
    "SignedIn",
    "UnknownUserError",
    "UserSummary",
    "add_members",
    "add_user",
    "authenticate",
    "describe",
    "ensure_demo_accounts",
    "erase_learner",
    "events_about",
    "export_user",
    "find_user",
    "issue_token",
    "list_cohorts",
    "list_users",
    "normalise_name",
    "purge",
    "record",
    "remove_members",
    "remove_rows",
    "revoke_tokens",
    "set_password",
    "set_role",
    "sign_in",
    "sign_in_text",
    "sign_out",
    "sign_out_everywhere",
    "user_for_session",
    "user_for_token",
]
