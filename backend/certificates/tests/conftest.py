from pathlib import Path

import pytest

from signatures.pki import InternalCa


@pytest.fixture(scope="session")
def certificate_ca(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("certificate-pki")
    InternalCa(folder).create()
    return folder


@pytest.fixture(autouse=True)
def sealing(settings, certificate_ca):
    """The internal CA (and so its platform seal), no timestamping service."""
    settings.URBADESK = {
        **settings.URBADESK,
        "SIGNING": {**settings.URBADESK["SIGNING"], "KEYS": "internal", "PKI_DIR": str(certificate_ca), "TSA_URL": ""},
    }
    return settings
