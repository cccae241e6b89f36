"""Benchmark: a 40-page A1 plan set stamped and signed by three people in turn.

Runs on the embedded defaults in a throw-away data folder (SQLite, files on disk, the internal
CA). Reports the time to stamp the set, each signature's time, the file's size unsigned and
signed, and the verdicts of pyHanko's validation and of poppler's `pdfsig`. Writes
bench/signatures-results.json.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = int(os.environ.get("PAGES", "40"))


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="urbadesk-bench-sign-"))
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

    from accounts.models import Organisation, User
    from dossiers.models import Decision, Dossier, Plan, PlanVersion, ProcedureType
    from dossiers.samples import building_outline_pdf
    from signatures import pdfsign, pki, services
    from signatures.models import Document
    from storage.services import get_storage

    call_command("migrate", verbosity=0)
    call_command("signatures_init_ca", verbosity=0)
    authority = Organisation.objects.create(slug="bench", name="Commune urbaine de Casablanca")
    people = [
        User.objects.create_user(f"{login}@bench.example", "pw", role=role, organisation=authority, full_name=name)
        for login, role, name in (
            ("president", "signing_authority", "Hassan Fassi"),
            ("deputy", "signing_authority", "Amina Berrada"),
            ("agent", "desk_agent", "Karim Tazi"),
        )
    ]
    applicant = User.objects.create_user("applicant@bench.example", "pw")
    dossier = Dossier.objects.create(
        reference="PC-2026-000123",
        procedure_type=ProcedureType.objects.get(code="PC"),
        organisation=authority,
        title="Immeuble R+3",
        address="Boulevard d'Anfa, Casablanca",
        status="decision",
        created_by=applicant,
    )
    plan_pdf = building_outline_pdf(pages=PAGES)
    plan = Plan.objects.create(dossier=dossier, kind="site", title="Plans d'exécution")
    key = "bench/plan-set.pdf"
    get_storage().put(key, io.BytesIO(plan_pdf), size=len(plan_pdf), content_type="application/pdf")
    PlanVersion.objects.create(
        plan=plan,
        number=1,
        status="ready",
        storage_key=key,
        sha256=hashlib.sha256(plan_pdf).hexdigest(),
        size=len(plan_pdf),
        media_type="application/pdf",
        original_filename="plans.pdf",
        page_count=PAGES,
        uploaded_by=applicant,
    )
    Decision.objects.create(dossier=dossier, value="granted", text="Accordé.", decided_by=people[0])

    began = time.perf_counter()
    document = services.authorised_plans_prepare(
        actor=people[2],
        dossier=dossier,
        signers=[
            services.SignerChoice(p, role)
            for p, role in zip(people, ("Le président", "La vice-présidente", "Pour ampliation"), strict=True)
        ],
    )
    stamp_seconds = time.perf_counter() - began
    unsigned = document.size
    sign_seconds = []
    for person in people:
        document.refresh_from_db()
        began = time.perf_counter()
        services.document_sign(actor=person, document=document, password="pw", sha256=document.sha256)
        sign_seconds.append(time.perf_counter() - began)
    document = Document.objects.get(pk=document.pk)
    with get_storage().open(document.file_key) as stream:
        signed = stream.read()
    reports = pdfsign.verify(signed, source=pki.key_source())
    pyhanko_verdict = [
        f"{r.signer}: intact={r.intact} valid={r.valid} trusted={r.trusted} covers={r.covers_document}" for r in reports
    ]
    pdfsig_verdict = "pdfsig not installed"
    if shutil.which("pdfsig"):
        path = data / "signed.pdf"
        path.write_bytes(signed)
        out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
        pdfsig_verdict = (
            f"{out.count('Signature is Valid.')} of {out.count('Signature #')} signatures valid; "
            f"{out.count('Certificate issuer isn')} with an issuer poppler does not trust "
            "(the development CA is not in its NSS store)"
        )
    results = {
        "pages": PAGES + 1,
        "plan_set_mib": round(len(plan_pdf) / 2**20, 2),
        "stamp_and_cover_seconds": round(stamp_seconds, 2),
        "sign_seconds": [round(s, 2) for s in sign_seconds],
        "three_signers_seconds": round(sum(sign_seconds), 2),
        "unsigned_bytes": unsigned,
        "signed_bytes": len(signed),
        "signed_over_unsigned": round(len(signed) / unsigned, 3),
        "pyhanko": pyhanko_verdict,
        "pdfsig": pdfsig_verdict,
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    (ROOT / "bench" / "signatures-results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
