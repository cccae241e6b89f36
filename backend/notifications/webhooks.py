"""Webhooks: which endpoints hear of an event, how a payload is signed, and how it is sent safely.

A receiver checks `Urbadesk-Signature: t=<unix time>,v1=<hex>` where the hex is
HMAC-SHA256(secret, "<t>." + raw body), and refuses a `t` older than a few minutes (a replay).
Delivery is at least once: a receiver deduplicates by the `Urbadesk-Delivery` header.

Every address an endpoint's name resolves to must be public, unless it falls in the operator's
allow-list (URBADESK_WEBHOOK_ALLOWED_NETWORKS): the server must not be a way into the private
network. The check is repeated when sending, and the connection goes to the address that was
checked (not to a second lookup), so a name that changes its answer cannot slip through.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import urllib3
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.models import WebhookDelivery, WebhookSubscription

PING = "ping"
SIGNATURE_HEADER = "Urbadesk-Signature"
USER_AGENT = "Urbadesk-Webhooks/1"

# Given the subscription owners' ids, a dossier id and whether the event is internal to the
# authority, answers which owners may hear of it. Registered by the dossiers app, which knows
# who sees what; with none registered, no dossier event leaves.
Audience = Callable[[Iterable[Any], Any, bool], set[Any]]
_audience: list[Audience] = []


def register_audience(provider: Audience) -> None:
    _audience[:] = [provider]


class UnsafeUrl(ValueError):
    """The endpoint cannot be used: wrong scheme, no host, or a private address."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def sign(*, secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(n.strip(), strict=False) for n in settings.URBADESK["WEBHOOK_ALLOWED_NETWORKS"]]


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def resolve(url: str) -> Target:
    """The endpoint's parts and the one address to connect to; raises UnsafeUrl with the reason."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise UnsafeUrl(_("Only http and https addresses can receive webhooks."))
    if not parts.hostname:
        raise UnsafeUrl(_("The address has no host name."))
    if parts.username or parts.password:
        raise UnsafeUrl(_("Put no user name or password in the address; check the signature instead."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        found = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as error:
        raise UnsafeUrl(_("The host name cannot be resolved.")) from error
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]
    allowed = _allowed_networks()
    for address in addresses:
        if not _is_public(address) and not any(address in network for network in allowed):
            raise UnsafeUrl(
                _("The address points at a private or reserved network (%(address)s).") % {"address": address}
            )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(parts.scheme, parts.hostname, port, path, str(addresses[0]))


def payload_for(*, event: str, event_id: uuid.UUID, dossier_id: Any, data: dict[str, Any], url: str) -> dict:
    base = settings.URBADESK["PUBLIC_URL"].rstrip("/")
    return {
        "id": str(event_id),
        "type": event,
        "created_at": timezone.now().isoformat(),
        "dossier_id": str(dossier_id) if dossier_id else None,
        "url": f"{base}{url}" if url else None,
        "data": {key: value if isinstance(value, (int, float, bool)) else str(value) for key, value in data.items()},
    }


def publish(
    *,
    event: str,
    dossier_id: Any,
    data: dict[str, Any],
    url: str = "",
    internal: bool = False,
    once_per: timedelta | None = None,
) -> list[WebhookDelivery]:
    """Queues the event for each active endpoint that asked for it and whose owner may see the
    dossier (internal events: only the authority's people). Sent after the caller commits."""
    subscriptions = [s for s in WebhookSubscription.objects.filter(active=True) if event in s.events]
    if not subscriptions or not _audience:
        return []
    hearing = _audience[0]({s.owner_id for s in subscriptions}, dossier_id, internal)
    subscriptions = [s for s in subscriptions if s.owner_id in hearing]
    if once_per is not None:
        told = set(
            WebhookDelivery.objects.filter(
                subscription__in=subscriptions,
                event=event,
                dossier_id=dossier_id,
                created_at__gte=timezone.now() - once_per,
                replay_of__isnull=True,
            ).values_list("subscription_id", flat=True)
        )
        subscriptions = [s for s in subscriptions if s.pk not in told]
    event_id = uuid.uuid4()
    payload = payload_for(event=event, event_id=event_id, dossier_id=dossier_id, data=data, url=url)
    deliveries = WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(subscription=s, event=event, event_id=event_id, dossier_id=dossier_id, payload=payload)
            for s in subscriptions
        ]
    )
    for delivery in deliveries:
        enqueue(delivery)
    return deliveries


def enqueue(delivery: WebhookDelivery) -> None:
    from notifications.tasks import deliver_webhook

    transaction.on_commit(lambda pk=str(delivery.pk): deliver_webhook.send(pk))


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def post(*, url: str, secret: str, body: bytes, headers: dict[str, str]) -> Outcome:
    """One POST to the checked address, no redirects followed, within the configured timeout."""
    started = time.monotonic()

    def done(status_code: int | None, error: str) -> Outcome:
        return Outcome(status_code, error[:2000], int((time.monotonic() - started) * 1000))

    try:
        target = resolve(url)
    except UnsafeUrl as refused:
        return done(None, f"refused: {refused}")
    seconds = settings.URBADESK["WEBHOOK_TIMEOUT_SECONDS"]
    options: dict[str, Any] = {
        "port": target.port,
        "timeout": urllib3.Timeout(connect=seconds, read=seconds),
        "retries": False,
        "maxsize": 1,
    }
    if target.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            target.address, server_hostname=target.host, assert_hostname=target.host, **options
        )
    else:
        pool = urllib3.HTTPConnectionPool(target.address, **options)
    host_header = target.host if target.port in (80, 443) else f"{target.host}:{target.port}"
    signed = {
        **headers,
        "Host": host_header,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: sign(secret=secret, timestamp=int(time.time()), body=body),
    }
    try:
        response = pool.urlopen("POST", target.path, body=body, headers=signed, redirect=False, preload_content=False)
        try:
            excerpt = response.read(500, decode_content=False).decode("utf-8", "replace")
        finally:
            response.release_conn()
    except urllib3.exceptions.HTTPError as error:
        return done(None, f"{type(error).__name__}: {error}")
    finally:
        pool.close()
    if 200 <= response.status < 300:
        return done(response.status, "")
    return done(response.status, f"HTTP {response.status}: {excerpt}")


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()
