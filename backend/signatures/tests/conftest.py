from pathlib import Path

import pytest

from signatures.pki import InternalCa


@pytest.fixture(scope="session")
def ca_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pki")
    InternalCa(folder).create()
    return folder


@pytest.fixture
def signing(settings, ca_folder):
    settings.URBADESK = {
        **settings.URBADESK,
        "SIGNING": {**settings.URBADESK["SIGNING"], "KEYS": "internal", "PKI_DIR": str(ca_folder), "TSA_URL": ""},
    }
    return settings
