"""Entry module of standalone workers: `dramatiq config.worker` (with REDIS_URL set)."""

import os

import django
from django.utils.module_loading import autodiscover_modules

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

# Every app's actors (its tasks.py), so that a worker consumes every queue, a new app's included.
autodiscover_modules("tasks")
