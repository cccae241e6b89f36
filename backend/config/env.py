"""The one place that reads the process environment.

Every setting has an embedded default so that a fresh clone runs with no configuration
(SQLite, an in-process worker, files on the local disk); the variables switch to
PostgreSQL, Redis and an S3 store.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


def _str(name: str, default: str = "") -> str:
    return os.environ.get(name) or default


@dataclass(frozen=True)
class Env:
    debug: bool
    secret_key: str
    allowed_hosts: list[str]
    data_dir: Path
    database_url: str
    redis_url: str
    s3_endpoint: str
    s3_access_key: str
    s3_secret_key: str
    s3_public_endpoint: str
    s3_bucket: str
    s3_region: str
    max_upload_bytes: int
    max_pdf_pages: int
    max_image_pixels: int
    access_token_minutes: int
    refresh_token_days: int
    login_rate: str
    frontend_dist: Path
    public_url: str
    local_time_zone: str
    sms_backend: str
    webhook_allowed_networks: list[str]
    webhook_timeout_seconds: int
    daily_jobs_at: time
    signing_keys: str  # internal, pkcs12 or pkcs11
    pkcs11_lib: str
    pkcs11_token: str
    pkcs11_pin: str
    pkcs12_dir: str
    pkcs12_passphrase: str
    trust_roots: list[str]
    seal_key_label: str
    pdf_font_dir: str
    certificate_rate: str
    tsa_url: str
    tsa_required: bool
    signing_location: str
    public_exact_address: bool
    public_rate: str
    map_tile_url: str
    map_attribution: str
    open_data_min_group: int
    open_data_licence: str
    email: str  # console, file or smtp
    email_host: str
    email_port: int
    email_user: str
    email_password: str
    email_tls: bool
    email_from: str
    https: bool
    hsts_seconds: int
    behind_proxy: bool
    oidc_issuer: str
    oidc_client_id: str
    oidc_client_secret: str
    oidc_scopes: str
    oidc_claim_email: str
    oidc_claim_name: str
    oidc_claim_level: str
    oidc_label: str
    currency: str
    payment_provider: str  # none, dev or stripe
    stripe_secret_key: str
    stripe_webhook_secret: str
    stripe_api_base: str


def _choice(name: str, default: str, allowed: set[str]) -> str:
    value = _str(name, default)
    if value not in allowed:
        raise ImproperlyConfigured(f"{name}: one of {', '.join(sorted(allowed))}, not {value!r}")
    return value


def _clock(name: str, default: str) -> time:
    try:
        return time.fromisoformat(_str(name, default))
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: a time of day such as 06:00 ({error})") from error


def _networks(name: str) -> list[str]:
    """Comma-separated networks (CIDR); a typo stops the start with the variable's name."""
    try:
        return [str(ipaddress.ip_network(n.strip(), strict=False)) for n in _str(name).split(",") if n.strip()]
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from error


def _secret_key(data_dir: Path) -> str:
    """DJANGO_SECRET_KEY, or a random key made once and kept in the data folder.

    So an installation that sets nothing still never runs with a key known to the world.
    """
    if os.environ.get("DJANGO_SECRET_KEY"):
        return os.environ["DJANGO_SECRET_KEY"]
    path = data_dir / "secret_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _default_payment_provider(public_url: str) -> str:
    """The simulated provider marks fees paid without money: by default only on this machine
    (`make run`, the tests); a deployment left unconfigured takes fees at the desk."""
    host = urlsplit(public_url).hostname or ""
    return "dev" if host in {"127.0.0.1", "localhost", "::1", "testserver"} else "none"


def load() -> Env:
    data_dir = Path(_str("URBADESK_DATA_DIR", str(REPO_DIR / "var"))).resolve()
    public_url = _str("URBADESK_PUBLIC_URL", "http://127.0.0.1:8000")
    return Env(
        debug=_bool("DJANGO_DEBUG", False),
        secret_key=_secret_key(data_dir),
        allowed_hosts=_str("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(","),
        data_dir=data_dir,
        database_url=_str("DATABASE_URL", f"sqlite:///{data_dir / 'urbadesk.sqlite3'}"),
        redis_url=_str("REDIS_URL"),
        s3_endpoint=_str("S3_ENDPOINT"),
        s3_access_key=_str("S3_ACCESS_KEY"),
        s3_secret_key=_str("S3_SECRET_KEY"),
        s3_public_endpoint=_str("S3_PUBLIC_ENDPOINT"),
        s3_bucket=_str("S3_BUCKET", "urbadesk"),
        s3_region=_str("S3_REGION", "us-east-1"),
        max_upload_bytes=_int("URBADESK_MAX_UPLOAD_BYTES", 200 * 1024 * 1024),
        max_pdf_pages=_int("URBADESK_MAX_PDF_PAGES", 200),
        max_image_pixels=_int("URBADESK_MAX_IMAGE_PIXELS", 150_000_000),
        access_token_minutes=_int("URBADESK_ACCESS_TOKEN_MINUTES", 10),
        refresh_token_days=_int("URBADESK_REFRESH_TOKEN_DAYS", 7),
        login_rate=_str("URBADESK_LOGIN_RATE", "10/min"),
        frontend_dist=Path(_str("URBADESK_FRONTEND_DIST", str(REPO_DIR / "frontend" / "dist"))),
        public_url=public_url,
        local_time_zone=_str("URBADESK_TIME_ZONE", "Africa/Casablanca"),
        sms_backend=_str("URBADESK_SMS_BACKEND", "notifications.channels.LogSmsBackend"),
        webhook_allowed_networks=_networks("URBADESK_WEBHOOK_ALLOWED_NETWORKS"),
        webhook_timeout_seconds=_int("URBADESK_WEBHOOK_TIMEOUT_SECONDS", 10),
        daily_jobs_at=_clock("URBADESK_DAILY_JOBS_AT", "06:00"),
        signing_keys=_choice("URBADESK_SIGNING_KEYS", "internal", {"internal", "pkcs12", "pkcs11"}),
        pkcs11_lib=_str("URBADESK_PKCS11_LIB"),
        pkcs11_token=_str("URBADESK_PKCS11_TOKEN"),
        pkcs11_pin=_str("URBADESK_PKCS11_PIN"),
        pkcs12_dir=_str("URBADESK_PKCS12_DIR"),
        pkcs12_passphrase=_str("URBADESK_PKCS12_PASSPHRASE"),
        trust_roots=[p.strip() for p in _str("URBADESK_TRUST_ROOTS").split(",") if p.strip()],
        seal_key_label=_str("URBADESK_SEAL_KEY_LABEL", "seal"),
        pdf_font_dir=_str("URBADESK_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"),
        certificate_rate=_str("URBADESK_CERTIFICATE_RATE", "20/hour"),
        tsa_url=_str("URBADESK_TSA_URL"),
        tsa_required=_bool("URBADESK_TSA_REQUIRED", False),
        signing_location=_str("URBADESK_SIGNING_LOCATION", "Casablanca"),
        public_exact_address=_bool("URBADESK_PUBLIC_EXACT_ADDRESS", False),
        public_rate=_str("URBADESK_PUBLIC_RATE", "120/min"),
        map_tile_url=_str("URBADESK_MAP_TILE_URL"),
        map_attribution=_str("URBADESK_MAP_ATTRIBUTION"),
        open_data_min_group=_int("URBADESK_OPEN_DATA_MIN_GROUP", 5),
        open_data_licence=_str(
            "URBADESK_OPEN_DATA_LICENCE", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
        ),
        email=_str("URBADESK_EMAIL", "console"),
        email_host=_str("EMAIL_HOST", "localhost"),
        email_port=_int("EMAIL_PORT", 25),
        email_user=_str("EMAIL_HOST_USER"),
        email_password=_str("EMAIL_HOST_PASSWORD"),
        email_tls=_bool("EMAIL_USE_TLS", False),
        email_from=_str("DEFAULT_FROM_EMAIL", "Urbadesk <no-reply@urbadesk.invalid>"),
        # Served over HTTPS (the public URL says so): HSTS and secure cookies.
        https=public_url.startswith("https://"),
        hsts_seconds=_int("URBADESK_HSTS_SECONDS", 365 * 24 * 3600),
        behind_proxy=_bool("URBADESK_BEHIND_PROXY", False),
        # Log in with an OpenID Connect provider (a national or regional eID); no issuer, no such login.
        oidc_issuer=_str("URBADESK_OIDC_ISSUER").rstrip("/"),
        oidc_client_id=_str("URBADESK_OIDC_CLIENT_ID"),
        oidc_client_secret=_str("URBADESK_OIDC_CLIENT_SECRET"),
        oidc_scopes=_str("URBADESK_OIDC_SCOPES", "openid email profile"),
        oidc_claim_email=_str("URBADESK_OIDC_CLAIM_EMAIL", "email"),
        oidc_claim_name=_str("URBADESK_OIDC_CLAIM_NAME", "name"),
        oidc_claim_level=_str("URBADESK_OIDC_CLAIM_LEVEL", "acr"),
        oidc_label=_str("URBADESK_OIDC_LABEL", "OpenID Connect"),
        currency=_str("URBADESK_CURRENCY", "MAD").upper(),
        payment_provider=_choice(
            "URBADESK_PAYMENT_PROVIDER", _default_payment_provider(public_url), {"none", "dev", "stripe"}
        ),
        stripe_secret_key=_str("URBADESK_STRIPE_SECRET_KEY"),
        stripe_webhook_secret=_str("URBADESK_STRIPE_WEBHOOK_SECRET"),
        stripe_api_base=_str("URBADESK_STRIPE_API_BASE"),
    )
