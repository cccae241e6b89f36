"""Test settings: the real settings with a stub broker and fast password hashing."""

import os
import tempfile

os.environ.setdefault("URBADESK_BROKER", "stub")
os.environ.setdefault("URBADESK_DATA_DIR", tempfile.mkdtemp(prefix="urbadesk-test-"))

from config.settings import *  # noqa: F403
from config.settings import REST_FRAMEWORK, STATIC_ROOT

STATIC_ROOT.mkdir(parents=True, exist_ok=True)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "login": "1000/min",
        "sign": "1000/min",
        "verify": "1000/min",
        "public": "1000/min",
        "certificate": "1000/min",
    },
}
