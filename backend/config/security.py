"""Security headers that Django's own middleware does not set: the Content Security Policy and
the Permissions Policy.

Django already sends `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin`,
`Cross-Origin-Opener-Policy: same-origin` (SecurityMiddleware), `X-Frame-Options: DENY`
(XFrameOptionsMiddleware) and HSTS over HTTPS when `SECURE_HSTS_SECONDS` is set.

Three policies, by what a path serves:
- the SPA and the admin: scripts from this origin only (pdf.js's WebAssembly image decoders
  need `wasm-unsafe-eval`, never `unsafe-eval`), images and fetches from this origin, the
  object store's public endpoint (presigned uploads and downloads) and the map's tile server;
- the API's own docs (Swagger UI, ReDoc) whose pages carry inline scripts;
- everything else the API returns (JSON, PDFs, CSV, stored files): nothing may run.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DOCS_PATHS = ("/api/docs/", "/api/redoc/")
# Paths whose responses are data, not pages (the filesystem backend's stored files included).
DATA_PREFIXES = ("/api/",)


def origin_of(url: str) -> str | None:
    """`https://a.example.org:9000/x` → `https://a.example.org:9000`; a `{s}` tile subdomain → `*`."""
    if not url:
        return None
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if not parts.netloc:
        return None
    host = parts.netloc.replace("{s}", "*")
    return f"{parts.scheme}://{host}"


def _sources(*urls: str) -> str:
    extra = sorted({origin for origin in map(origin_of, urls) if origin})
    return " ".join(["'self'", *extra])


@lru_cache(maxsize=1)
def spa_policy() -> str:
    """Built once: the origins it names come from settings that do not change while running."""
    store = settings.STORAGE_S3["PUBLIC_ENDPOINT"] if settings.STORAGE_BACKEND == "s3" else ""
    tiles = settings.URBADESK["MAP_TILE_URL"]
    directives = {
        "default-src": "'self'",
        "script-src": "'self' 'wasm-unsafe-eval'",
        # React and Leaflet position elements with style attributes.
        "style-src": "'self' 'unsafe-inline'",
        "img-src": f"{_sources(store, tiles)} data: blob:",
        "connect-src": _sources(store),
        "worker-src": "'self' blob:",
        "font-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)


def policy_for(path: str) -> str:
    if path.startswith(DOCS_PATHS):
        return DOCS_POLICY
    if path.startswith(DATA_PREFIXES):
        return API_POLICY
    return spa_policy()


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", policy_for(request.path))
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Also on the SPA's files, which WhiteNoise serves before XFrameOptionsMiddleware runs.
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
