"""Settings of the benchmark server (bench/report.py): the production settings, unchanged, with
a URLconf that adds the floor and ceiling views of bench/floor_views.py under /bench/.

Only the benchmark runner puts bench/ on PYTHONPATH and names this module; production never
imports it, so the floor views are not in the production URLconf.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
