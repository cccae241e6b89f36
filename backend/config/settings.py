"""Django settings: one module, every value from config.env (no production-only setting)."""

from __future__ import annotations

from datetime import timedelta

import dj_database_url

from config import env as env_module

ENV = env_module.load()
BASE_DIR = env_module.BASE_DIR
DATA_DIR = ENV.data_dir

SECRET_KEY = ENV.secret_key
DEBUG = ENV.debug
ALLOWED_HOSTS = ENV.allowed_hosts

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "config.apps.ConfigAppConfig",
    "accounts",
    "audit",
    "storage",
    "dossiers",
    "commissions",
    "agenda",
    "annotations",
    "notifications",
    "signatures",
    "portal",
    "certificates",
    "payments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]


def _database() -> dict:
    config = dj_database_url.parse(ENV.database_url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        # A database that does not answer fails the request in seconds (a 503), not minutes.
        # JIT compiling pays off for long analytic queries, not for ours: at 100,000 dossiers the
        # planner's estimates made every list page spend 130 ms compiling (bench/results.md).
        # (Behind PgBouncer, let it pass `options`: ignore_startup_parameters = options.)
        config.setdefault("OPTIONS", {}).update(connect_timeout=5, options="-c jit=off")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        # IMMEDIATE transactions take the write lock up front, so concurrent writers wait
        # (up to `timeout`) instead of failing with "database is locked" mid-transaction.
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

if ENV.redis_url:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": ENV.redis_url}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# The built SPA (frontend/dist) is served at the site root by WhiteNoise; unknown paths fall
# back to its index.html (see config.urls).
WHITENOISE_ROOT = ENV.frontend_dist if ENV.frontend_dist.is_dir() else None
WHITENOISE_INDEX_FILE = True

# Uploads: bodies above this many bytes go to a temporary file, never to memory whole.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_TEMP_DIR = None

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    # JSON in; the one upload endpoint that takes multipart says so itself.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "config.pagination.PageNumberPagination",
    # No `?format=` override: content comes by the Accept header (an unknown format was a 404).
    "URL_FORMAT_OVERRIDE": None,
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.exceptions.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "login": ENV.login_rate,
        "sign": "30/min",
        "verify": "60/min",
        "public": ENV.public_rate,
        "certificate": ENV.certificate_rate,
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=ENV.access_token_minutes),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=ENV.refresh_token_days),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "USER_ID_FIELD": "id",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Urbadesk API",
    "DESCRIPTION": (
        "Urban-planning permits, fully digital: dossiers, plans and their immutable versions, "
        "and the audit trail. Authenticate with `POST /api/v1/auth/token/` and send "
        "`Authorization: Bearer <access>`. Errors share one shape: `type`, `title`, `detail` "
        "and, for invalid input, per-field `errors`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "OpinionValueEnum": "commissions.models.OpinionValue",
        "DecisionValueEnum": "dossiers.models.DecisionValue",
        "ConsolidationRuleEnum": "commissions.models.ConsolidationRule",
        "RequestKindEnum": "dossiers.models.RequestKind",
        "DossierStatusEnum": "dossiers.models.DossierStatus",
        "VersionStatusEnum": "dossiers.models.VersionStatus",
        "PlanKindEnum": "dossiers.models.PlanKind",
        "OrganisationKindEnum": "accounts.models.Organisation.Kind",
        "ReviewTaskStatusEnum": "commissions.models.TaskStatus",
        "MeRoleEnum": "accounts.models.Role",
        "PartyRoleEnum": "dossiers.models.PartyRole",
        "MemberRoleEnum": "commissions.models.MemberRole",
        "NotificationEventEnum": "notifications.templates.EVENTS",
        "LanguageEnum": "config.settings.LANGUAGES",
        "MemberKindEnum": "commissions.models.MemberKind",
        "AnnotationKindEnum": "annotations.models.AnnotationKind",
        "MeasurementKindEnum": "annotations.models.MeasurementKind",
        "RemarkStatusEnum": "annotations.models.RemarkStatus",
        "AnnotationVisibilityEnum": "annotations.models.Visibility",
        "PaymentStatusEnum": "dossiers.models.PaymentStatus",
        "PaymentStateEnum": "payments.models.PaymentState",
        "ProcedureCategoryEnum": "dossiers.models.ProcedureCategory",
        "FeeBasisEnum": "dossiers.models.FeeBasis",
        # The same pending / ready / failed as certificate requests: one enum, keeping its first name.
        "AnnotatedExportStatusEnum": "annotations.models.ExportStatus",
    },
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.openapi.document_outages",
    ],
    # Swagger UI and ReDoc assets are served from this installation, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

URBADESK = {
    # Fees are computed and paid in this currency (ISO 4217).
    "CURRENCY": ENV.currency,
    # Online payment: `dev` simulates a provider's page and its signed callback (never in
    # production: it lets anyone mark a payment paid); `stripe` is Stripe Checkout.
    "PAYMENTS": {
        "PROVIDER": ENV.payment_provider,
        "STRIPE_SECRET_KEY": ENV.stripe_secret_key,
        "STRIPE_WEBHOOK_SECRET": ENV.stripe_webhook_secret,
        "STRIPE_API_BASE": ENV.stripe_api_base,
    },
    "MAX_UPLOAD_BYTES": ENV.max_upload_bytes,
    "MAX_PDF_PAGES": ENV.max_pdf_pages,
    "MAX_IMAGE_PIXELS": ENV.max_image_pixels,
    "UPLOAD_URL_TTL_SECONDS": 15 * 60,
    "DOWNLOAD_URL_TTL_SECONDS": 5 * 60,
    "THUMBNAIL_SIZE": 512,
    "MAX_ANNOTATION_VERTICES": 10_000,
    # Links in e-mails point here; SMS leave through this class (the default only logs them).
    "PUBLIC_URL": ENV.public_url,
    # The zone of the authority's calendar: legal deadlines count its days, not UTC's.
    "LOCAL_TIME_ZONE": ENV.local_time_zone,
    "SMS_BACKEND": ENV.sms_backend,
    # Webhook endpoints must be public addresses, except in these networks (e.g. "10.0.0.0/8").
    "WEBHOOK_ALLOWED_NETWORKS": ENV.webhook_allowed_networks,
    "WEBHOOK_TIMEOUT_SECONDS": ENV.webhook_timeout_seconds,
    # The daily jobs (reminders) run at this local time of the authority's calendar.
    "DAILY_JOBS_AT": ENV.daily_jobs_at,
    # A natural person's project is shown at street level in public outputs unless this is true.
    "PUBLIC_EXACT_ADDRESS": ENV.public_exact_address,
    # The public map's base layer ({z}/{x}/{y} tiles); without one it draws on a plain background.
    "MAP_TILE_URL": ENV.map_tile_url,
    "MAP_ATTRIBUTION": ENV.map_attribution,
    # An open-data figure over fewer dossiers than this is left empty, so no one is singled out.
    "OPEN_DATA_MIN_GROUP": ENV.open_data_min_group,
    "OPEN_DATA_LICENCE": ENV.open_data_licence,
    # Signing keys: the development CA under the data folder, one PKCS#12 file per signer, or a
    # PKCS#11 hardware module.
    "SIGNING": {
        "KEYS": ENV.signing_keys,
        "PKI_DIR": str(DATA_DIR / "pki"),
        "PKCS12_DIR": ENV.pkcs12_dir,
        "PKCS12_PASSPHRASE": ENV.pkcs12_passphrase,
        "PKCS11_LIB": ENV.pkcs11_lib,
        "PKCS11_TOKEN": ENV.pkcs11_token,
        "PKCS11_PIN": ENV.pkcs11_pin,
        "TRUST_ROOTS": ENV.trust_roots,
        "SEAL_KEY_LABEL": ENV.seal_key_label,
        "TSA_URL": ENV.tsa_url,
        "TSA_REQUIRED": ENV.tsa_required,
        "LOCATION": ENV.signing_location,
    },
    # The Unicode font embedded in the PDFs we draw (DejaVu Sans: Latin, Arabic, Tifinagh…).
    "PDF_FONT_DIR": ENV.pdf_font_dir,
    # Log in with an external identity provider (OpenID Connect); an empty issuer turns it off.
    "OIDC": {
        "ISSUER": ENV.oidc_issuer,
        "CLIENT_ID": ENV.oidc_client_id,
        "CLIENT_SECRET": ENV.oidc_client_secret,
        "SCOPES": ENV.oidc_scopes,
        "CLAIM_EMAIL": ENV.oidc_claim_email,
        "CLAIM_NAME": ENV.oidc_claim_name,
        "CLAIM_LEVEL": ENV.oidc_claim_level,
        "LABEL": ENV.oidc_label,
    },
}

# E-mail: printed on the console unless configured (the file backend writes under the data folder;
# production sets smtp and the EMAIL_HOST… variables).
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}[ENV.email]
EMAIL_FILE_PATH = str(DATA_DIR / "mail")
EMAIL_HOST = ENV.email_host
EMAIL_PORT = ENV.email_port
EMAIL_HOST_USER = ENV.email_user
EMAIL_HOST_PASSWORD = ENV.email_password
EMAIL_USE_TLS = ENV.email_tls
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = ENV.email_from

STORAGE_BACKEND = "s3" if ENV.s3_endpoint else "filesystem"
STORAGE_FILESYSTEM_ROOT = DATA_DIR / "objects"
STORAGE_S3 = {
    "ENDPOINT": ENV.s3_endpoint,
    "PUBLIC_ENDPOINT": ENV.s3_public_endpoint or ENV.s3_endpoint,
    "ACCESS_KEY": ENV.s3_access_key,
    "SECRET_KEY": ENV.s3_secret_key,
    "BUCKET": ENV.s3_bucket,
    "REGION": ENV.s3_region,
}


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Django's defaults already send nosniff, X-Frame-Options DENY, Referrer-Policy and COOP
# (config.security adds CSP and Permissions-Policy). Over HTTPS, browsers must keep to it.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if ENV.https:
    SECURE_HSTS_SECONDS = ENV.hsts_seconds
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
if ENV.behind_proxy:
    # One reverse proxy (docker/nginx) in front: it sets X-Forwarded-Proto and appends the
    # client's address to X-Forwarded-For, which the rate limits must count, not the proxy's.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    REST_FRAMEWORK["NUM_PROXIES"] = 1

from config.broker import setup_broker  # noqa: E402  (actors bind to the broker at import)

setup_broker(redis_url=ENV.redis_url)
