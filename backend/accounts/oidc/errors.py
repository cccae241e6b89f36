"""Why an OpenID Connect login was refused: a stable code the SPA shows in words."""

from __future__ import annotations

# The codes the browser is sent back with (`/login/oidc#error=<code>`); the SPA words each one.
DISABLED = "disabled"
ACCESS_DENIED = "access_denied"
PROVIDER_ERROR = "provider_error"
PROVIDER_UNAVAILABLE = "provider_unavailable"
INVALID_STATE = "invalid_state"
INVALID_TOKEN = "invalid_token"
EMAIL_REQUIRED = "email_required"
ACCOUNT_CONFLICT = "account_conflict"
ACCOUNT_INACTIVE = "account_inactive"

CODES = (
    DISABLED,
    ACCESS_DENIED,
    PROVIDER_ERROR,
    PROVIDER_UNAVAILABLE,
    INVALID_STATE,
    INVALID_TOKEN,
    EMAIL_REQUIRED,
    ACCOUNT_CONFLICT,
    ACCOUNT_INACTIVE,
)


class OidcError(Exception):
    """A login refused: `code` goes to the browser, `reason` only to the server's log."""

    def __init__(self, code: str, reason: str = "") -> None:
        assert code in CODES, code
        super().__init__(f"{code}: {reason}" if reason else code)
        self.code = code
        self.reason = reason
