# syntax=docker/dockerfile:1
# The Urbadesk backend: the API (gunicorn), and by command override the dramatiq worker, the
# scheduler of the periodic jobs and the one-shot migration (see docker/compose.yaml).
# Build from the repository root:  docker build -f docker/backend.Dockerfile -t urbadesk-backend .

# --- builder: the locked requirements in a virtualenv ------------------------------------------
FROM python:3.11-slim-bookworm AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy
# The same uv as the Makefile's UV_VERSION. Every requirement ships as a wheel (psycopg[binary],
# Pillow, pypdfium2, cryptography…), so no compiler or -dev package is needed.
RUN pip install --no-cache-dir uv==0.13.8 \
    && python -m venv /opt/venv
COPY backend/requirements.txt /tmp/requirements.txt
RUN uv pip install --no-cache --python /opt/venv/bin/python -r /tmp/requirements.txt

# --- runtime ------------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime

# One system package beyond the base image: the DejaVu fonts, embedded in the PDFs we draw so
# that names in Arabic or Tifinagh show (URBADESK_PDF_FONT_DIR). The backend never shells out
# (no poppler, no ImageMagick); thumbnails come from pypdfium2's own PDFium. A PKCS#11 signing
# module (URBADESK_SIGNING_KEYS=pkcs11) is the vendor's library, mounted with its configuration.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    URBADESK_DATA_DIR=/var/lib/urbadesk \
    URBADESK_BIND=0.0.0.0:8000

RUN groupadd --system --gid 10001 urbadesk \
    && useradd --system --uid 10001 --gid urbadesk --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin urbadesk

COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
# Code and collected static files stay root-owned: the app user only writes its data folder.
COPY backend/ /app/
COPY docker/healthcheck.py /usr/local/bin/urbadesk-healthcheck

# Static files (admin, API docs) are collected into the image, under the data folder
# (STATIC_ROOT = URBADESK_DATA_DIR/static), and served by WhiteNoise. The throw-away key only
# keeps collectstatic from writing a secret_key file into the image.
RUN DJANGO_SECRET_KEY=collectstatic-only-not-a-secret python manage.py collectstatic --no-input -v 0 \
    && python -m compileall -q /app \
    && mkdir -p /var/lib/urbadesk/pki \
    && chown urbadesk:urbadesk /var/lib/urbadesk /var/lib/urbadesk/pki \
    && chmod 0700 /var/lib/urbadesk/pki

# Mount a volume on /var/lib/urbadesk/pki only (the internal CA's key and certificate, made by
# `signatures_init_ca`); the image's ownership of that folder carries over to a new volume.
# A volume over the whole data folder would hide a newer image's static files behind old ones.

# Numeric, so that an orchestrator can tell it is not root without reading /etc/passwd.
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "/usr/local/bin/urbadesk-healthcheck", "http://127.0.0.1:8000/api/v1/health/live/"]

# Override for the other processes of the same image:
#   dramatiq config.worker --processes 2 --threads 4
#   python manage.py run_schedule
#   sh -c "python manage.py migrate --no-input && python manage.py signatures_init_ca"
CMD ["gunicorn", "config.wsgi", "-c", "config/gunicorn.py"]
