"""Accounts over HTTP: sign-in and privacy pages, the ``/api/v1/me`` and admin account routes, and the route rules.

``install_auth(app)`` puts them on the app. Pages read the viewer with ``current_viewer(request)`` in templates, or
depend on ``app.api.CurrentUser`` / ``requires(...)`` like the API; an anonymous page request is sent to ``/signin``.
"""

from .deps import PUBLIC, Public, install_template_globals, public, rule_of, viewer
from .install import install_auth, not_signed_in
from .pages import PrivacyView, SignInView

__all__ = [
    "PUBLIC",
    "PrivacyView",
    "Public",
    "SignInView",
    "install_auth",
    "install_template_globals",
    "not_signed_in",
    "public",
    "rule_of",
    "viewer",
]
