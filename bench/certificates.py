"""Benchmark: urban-planning information certificates issued (drawn and sealed) by one worker.

Runs on the embedded defaults in a throw-away data folder (SQLite, files on disk, the internal CA
and its platform seal), one process, one thread: N requests, each through the worker's actor
function (`issue_certificate`), which draws the PDF (zoning text, permits granted on the parcel,
the verification QR code), seals it (PAdES with embedded validation data, no timestamping
service), stores it and records the signed document. The first certificate, which also issues
the seal's certificate and parses the keys, is timed apart. Writes bench/results/certificates.json.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CERTIFICATES = int(os.environ.get("CERTIFICATES", "200"))


def _setup() -> Path:
    data = Path(tempfile.mkdtemp(prefix="urbadesk-bench-certificates-"))
    os.environ.update(
        {
            "URBADESK_DATA_DIR": str(data),
            "DATABASE_URL": f"sqlite:///{data / 'bench.sqlite3'}",
            "URBADESK_BROKER": "stub",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
    )
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("S3_ENDPOINT", None)
    sys.path.insert(0, str(ROOT / "backend"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("signatures_init_ca", verbosity=0)
    return data


def _world():
    """An authority with the demo's parcels and zoning, and a few permits granted on one parcel."""
    from django.core.management import call_command

    from accounts.models import Organisation, User
    from certificates.models import Parcel
    from dossiers.models import Decision, Dossier, ProcedureType

    authority = Organisation.objects.create(slug="casablanca", name="Commune urbaine de Casablanca")
    call_command("seed_demo_certificates", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    signer = User.objects.create_user("signer@bench.example", "pw", role="signing_authority", organisation=authority)
    requester = User.objects.create_user("applicant@bench.example", "pw", full_name="Salma Bennani")
    parcel = Parcel.objects.get(reference="TF 24680/C")
    for number in range(3):
        dossier = Dossier.objects.create(
            reference=f"PC-2025-{number:06d}",
            procedure_type=ProcedureType.objects.get(code="PC"),
            organisation=authority,
            title="Extension",
            address=parcel.address,
            parcel_reference=parcel.reference,
            status="decision",
            created_by=requester,
        )
        Decision.objects.create(dossier=dossier, value="granted", text="Accordé.", decided_by=signer)
    return requester, parcel


def main() -> None:
    data = _setup()
    from certificates import services
    from certificates.models import CertificateRequest
    from certificates.tasks import issue_certificate
    from signatures import pdfsign, pki
    from storage.services import get_storage

    requester, parcel = _world()
    ids = [
        str(services.certificate_request_create(actor=requester, parcel=parcel, language=("fr", "en")[n % 2]).id)
        for n in range(CERTIFICATES + 1)
    ]
    began = time.perf_counter()
    issue_certificate(ids[0])
    first_seconds = time.perf_counter() - began
    each = []
    began = time.perf_counter()
    for request_id in ids[1:]:
        started = time.perf_counter()
        issue_certificate(request_id)
        each.append(time.perf_counter() - started)
    wall = time.perf_counter() - began
    ready = CertificateRequest.objects.filter(status="ready").select_related("document")
    sample = ready.first()
    with get_storage().open(sample.document.file_key) as stream:
        pdf = stream.read()
    report = pdfsign.verify(pdf, source=pki.key_source())[0]
    results = {
        "certificates": CERTIFICATES,
        "ready": ready.count(),
        "per_minute_one_worker": round(CERTIFICATES / wall * 60, 1),
        "wall_seconds": round(wall, 2),
        "median_ms": round(statistics.median(each) * 1000, 1),
        "p95_ms": round(sorted(each)[int(len(each) * 0.95) - 1] * 1000, 1),
        "first_with_seal_issue_ms": round(first_seconds * 1000, 1),
        "pdf_bytes": len(pdf),
        "seal": f"{report.signer}: intact={report.intact} valid={report.valid} trusted={report.trusted}",
        "engines": "SQLite, filesystem storage, internal CA, no timestamping service",
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "certificates.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
