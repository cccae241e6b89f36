"""Log in with an external identity provider through OpenID Connect (authorization code + PKCE).

`client` speaks the protocol (discovery, keys, code exchange, ID token checks); `flow` keeps
the logins in flight and the one-time tickets the SPA exchanges for its tokens; linking the
identity to an account is `accounts.services.external_identity_login`.
"""
