"""Accounts and data protection: passwords, tokens, sessions, CSRF, throttling, security headers and limits.

Callers import from here. The middleware is installed by :func:`install_security` in ``create_app``.
"""

from .access import Caller, can_view_conversation, can_view_learner, learner_filter, visible_conversations
from .cookies import SESSION_COOKIE, SessionCookie
from .csrf import ANONYMOUS_COOKIE, CSRF_FIELD, CSRF_HEADER, CSRFMiddleware, CsrfState, csrf_token, csrf_token_for
from .headers import CONTENT_SECURITY_POLICY, SECURITY_HEADERS, SecurityHeadersMiddleware
from .install import install_security
from .limits import BodySizeLimitMiddleware, RequestTooLarge
from .passwords import (
    MAX_PASSWORD_CHARS,
    MIN_PASSWORD_CHARS,
    PasswordCheck,
    WeakPasswordError,
    check_new_password,
    hash_password,
    verify_password,
)
from .requests import (
    SIGN_IN_PATH,
    NotSignedIn,
    client_address,
    request_time,
    safe_next,
    session_token,
    sign_in_url,
)
from .responses import refusal, wants_json
from .throttle import Attempt, Clock, ThrottleDecision, ThrottleRules, decide, utc_now
from .tokens import IssuedToken, api_token_prefix, digests_match, issue_api_token, issue_session_token, token_digest

__all__ = [
    "ANONYMOUS_COOKIE",
    "CONTENT_SECURITY_POLICY",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "MAX_PASSWORD_CHARS",
    "MIN_PASSWORD_CHARS",
    "SECURITY_HEADERS",
    "SESSION_COOKIE",
    "SIGN_IN_PATH",
    "Attempt",
    "BodySizeLimitMiddleware",
    "CSRFMiddleware",
    "Caller",
    "Clock",
    "CsrfState",
    "IssuedToken",
    "NotSignedIn",
    "PasswordCheck",
    "RequestTooLarge",
    "SecurityHeadersMiddleware",
    "SessionCookie",
    "ThrottleDecision",
    "ThrottleRules",
    "WeakPasswordError",
    "api_token_prefix",
    "can_view_conversation",
    "can_view_learner",
    "check_new_password",
    "client_address",
    "csrf_token",
    "csrf_token_for",
    "decide",
    "digests_match",
    "hash_password",
    "install_security",
    "issue_api_token",
    "issue_session_token",
    "learner_filter",
    "refusal",
    "request_time",
    "safe_next",
    "session_token",
    "sign_in_url",
    "token_digest",
    "utc_now",
    "verify_password",
    "visible_conversations",
    "wants_json",
]
