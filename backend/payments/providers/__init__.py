"""Payment providers behind one interface; `provider()` returns the one the deployment chose."""

from __future__ import annotations

from django.conf import settings

from payments.providers.base import BadCallback, CallbackEvent, Checkout, Provider, ProviderUnavailable


def provider(name: str | None = None) -> Provider:
    """The configured provider, or the one a callback names (None when it is not in use here)."""
    configured = settings.URBADESK["PAYMENTS"]["PROVIDER"]
    name = name or configured
    if name != configured or name == "none":
        raise LookupError(name)
    if name == "stripe":
        from payments.providers.stripe import StripeProvider

        return StripeProvider()
    from payments.providers.dev import DevProvider

    return DevProvider()


__all__ = ["BadCallback", "CallbackEvent", "Checkout", "Provider", "ProviderUnavailable", "provider"]
