"""How a delivery leaves: e-mail through Django's backends, SMS through a provider interface."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

logger = logging.getLogger("urbadesk.sms")


class SmsBackend(Protocol):
    def send(self, *, to: str, text: str) -> None: ...


class LogSmsBackend:
    """Development SMS: the message goes to the `urbadesk.sms` log instead of a phone."""

    def send(self, *, to: str, text: str) -> None:
        logger.info("SMS to %s: %s", to, text)


def sms_backend() -> SmsBackend:
    return import_string(settings.URBADESK["SMS_BACKEND"])()


class NotDeliverable(Exception):
    """This channel cannot reach the person (no phone number…): no point retrying."""


def send(channel: str, *, user: Any, title: str, body: str, url: str) -> None:
    """Sends one message; raises on a failure worth retrying (server down, timeout)."""
    if channel == "email":
        link = f"\n\n{settings.URBADESK['PUBLIC_URL'].rstrip('/')}{url}" if url else ""
        send_mail(title, f"{body}{link}", None, [user.email], fail_silently=False)
    elif channel == "sms":
        phone = getattr(user, "phone", "") or ""
        if not phone:
            raise NotDeliverable("no phone number")
        sms_backend().send(to=phone, text=f"{title}. {body}"[:459])
