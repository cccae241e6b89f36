"""Start-up checks of the payment configuration: mistakes that would cost money or lose it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def payment_provider_settings(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    config = settings.URBADESK["PAYMENTS"]
    found: list[checks.CheckMessage] = []
    if config["PROVIDER"] == "dev" and settings.URBADESK["PUBLIC_URL"].startswith("https://"):
        found.append(
            checks.Warning(
                "The development payment provider is in use on a public https deployment: anyone can mark a fee paid.",
                hint="Set URBADESK_PAYMENT_PROVIDER to stripe, or to none to take fees at the desk.",
                id="urbadesk.W101",
            )
        )
    if config["PROVIDER"] == "stripe" and not (config["STRIPE_SECRET_KEY"] and config["STRIPE_WEBHOOK_SECRET"]):
        found.append(
            checks.Error(
                "Stripe is the payment provider but its secret key or webhook secret is missing.",
                hint="Set URBADESK_STRIPE_SECRET_KEY and URBADESK_STRIPE_WEBHOOK_SECRET.",
                id="urbadesk.E101",
            )
        )
    return found
