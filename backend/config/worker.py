"""Entry module of standalone workers: `dramatiq config.worker` (with REDIS_URL set)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from dossiers import tasks  # noqa: E402,F401
