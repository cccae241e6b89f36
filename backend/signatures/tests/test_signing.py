"""A decision signed by three people in turn (PAdES, incremental), checked by pyHanko and by
poppler's pdfsig; and everything that must be refused on the way."""

import datetime
import hashlib
import io
import os
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pyhanko.pdf_utils.generic import NumberObject, pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory
from audit.models import AuditEvent
from dossiers.models import Decision, DossierParty, DossierStatus
from dossiers.tests.factories import DossierFactory
from notifications.models import Notification
from signatures.models import Document
from signatures.pki import InternalCa
from signatures.tests.helpers import person, prepare, sign, stored, three_signers, verify
from storage.services import get_storage

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(signing):
    authority = OrganisationFactory(name="Commune urbaine de Casablanca")
    dossier = DossierFactory(organisation=authority, status=DossierStatus.DECISION)
    DossierParty.objects.get_or_create(dossier=dossier, user=dossier.created_by, defaults={"role": "applicant"})
    president = person(Role.SIGNING_AUTHORITY, authority, "Hassan Fassi")
    deputy = person(Role.SIGNING_AUTHORITY, authority, "Amina Berrada")
    agent = person(Role.DESK_AGENT, authority, "Karim Tazi")
    Decision.objects.create(
        dossier=dossier, value="granted_with_conditions", text="Permis accordé ; recul de 3 m.", decided_by=president
    )
    return dict(dossier=dossier, president=president, deputy=deputy, agent=agent)


def test_three_people_sign_in_turn_and_everyone_can_check_it(decided, client_for, api_client, settings):
    world = decided
    desk = client_for(world["agent"])
    prepared = prepare(desk, world["dossier"], three_signers(world))
    assert prepared.status_code == 201, prepared.data
    document = prepared.data
    assert (document["status"], document["next_signer"], document["pages"]) == ("signing", 0, 1)
    applicant = client_for(world["dossier"].created_by)
    assert applicant.get(f"/api/v1/documents/{document['id']}/").status_code == 404  # not before it is signed
    assert Notification.objects.filter(recipient=world["president"], event="document.to_sign").count() == 1

    # Out of turn, not a signer, a wrong password, a stale fingerprint: refused, nothing changes.
    assert sign(client_for(world["deputy"]), document).status_code == 409
    outsider = person(Role.DESK_AGENT, world["dossier"].organisation, "Other Agent")
    assert sign(client_for(outsider), document).status_code == 403
    wrong = sign(client_for(world["president"]), document, password="guess")
    assert wrong.status_code == 400 and "password" in wrong.data["errors"]
    assert sign(client_for(world["president"]), document, sha256="0" * 64).status_code == 409
    assert Document.objects.get().sha256 == document["sha256"]

    unsigned_size = document["size"]
    for signer in ("president", "deputy", "agent"):
        current = client_for(world[signer]).get(f"/api/v1/documents/{document['id']}/").data
        signed = sign(client_for(world[signer]), current)
        assert signed.status_code == 200, signed.data
        assert signed.data["sha256"] != current["sha256"]
    assert sign(client_for(world["agent"]), signed.data).status_code == 409  # twice
    document = signed.data
    assert document["status"] == "signed" and document["next_signer"] is None
    assert [s["signed_at"] is not None for s in document["signers"]] == [True, True, True]
    assert AuditEvent.objects.filter(action="document.signed").count() == 3
    assert Notification.objects.filter(recipient=world["dossier"].created_by, event="document.signed").exists()
    assert [d["id"] for d in applicant.get(f"/api/v1/dossiers/{world['dossier'].id}/documents/").data["results"]] == [
        document["id"]
    ]

    pdf = stored(document["id"])
    assert hashlib.sha256(pdf).hexdigest() == document["sha256"]
    assert pdf.count(b"/ByteRange") == 3 and pdf.startswith(b"%PDF-")
    checked = verify(api_client, pdf)
    assert checked.status_code == 200, checked.data
    assert checked.data["verdict"] == "valid" and checked.data["latest"] is True
    assert [s["signer"] for s in checked.data["signatures"]] == ["Hassan Fassi", "Amina Berrada", "Karim Tazi"]
    assert all(s["intact"] and s["valid"] and s["trusted"] for s in checked.data["signatures"])
    assert checked.data["document"]["code"] == document["code"]
    public = api_client.get(f"/api/v1/verify/{document['code']}/")
    assert public.status_code == 200 and public.data["signers"][0]["role"] == "Le président"
    assert api_client.get("/api/v1/verify/NOSUCHCODE/").status_code == 404
    assert len(pdf) > unsigned_size

    # A second engine agrees: poppler's pdfsig finds three valid signatures.
    pdfsig = shutil.which("pdfsig")
    assert pdfsig, "poppler-utils (pdfsig) is installed by .ci/run"
    path = Path(settings.URBADESK["SIGNING"]["PKI_DIR"]) / f"{document['id']}.pdf"
    path.write_bytes(pdf)
    report = subprocess.run([pdfsig, str(path)], capture_output=True, text=True).stdout
    assert report.count("Signature Validation: Signature is Valid.") == 3, report


def test_a_document_changed_after_signing_shows_as_altered(decided, client_for, api_client):
    world = decided
    document = prepare(client_for(world["agent"]), world["dossier"]).data
    signed = sign(client_for(world["president"]), document).data
    pdf = stored(signed["id"])

    # A byte of the signed content changed: the signature no longer matches.
    at = pdf.index(b"/Title")
    tampered = pdf[:at] + b"/Titre" + pdf[at + 6 :]
    assert verify(api_client, tampered).data["verdict"] in {"altered", "invalid"}

    # A later revision that rewrites the page: the signature is intact but no longer covers it.
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page[pdf_name("/Rotate")] = NumberObject(90)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    later = verify(api_client, out.getvalue()).data
    assert later["verdict"] == "altered"
    assert later["signatures"][0]["intact"] is True and later["signatures"][0]["covers_document"] is False
    assert later["document"] is None  # not a version we issued


def test_broken_stripped_and_foreign_files_get_clear_answers(decided, client_for, api_client):
    world = decided
    document = prepare(client_for(world["agent"]), world["dossier"]).data
    unsigned = stored(document["id"])
    assert verify(api_client, unsigned).data["verdict"] == "unsigned"
    signed = sign(client_for(world["president"]), document).data
    pdf = stored(signed["id"])
    start = pdf.index(b"/Contents <") + len(b"/Contents <")
    stripped = pdf[:start] + b"0" * 64 + pdf[start + 64 :]  # the signature's bytes wiped
    broken = verify(api_client, stripped)
    assert broken.status_code == 200 and broken.data["verdict"] in {"invalid", "altered"}
    assert broken.data["signatures"][0]["valid"] is False
    not_pdf = verify(api_client, b"PK\x03\x04 a zip, not a PDF")
    assert not_pdf.status_code == 400 and "file" in not_pdf.data["errors"]
    assert verify(api_client, b"%PDF-1.7\n garbage").status_code == 400


def test_preparing_is_for_the_desk_after_the_decision_with_signers_of_the_authority(decided, client_for):
    world = decided
    dossier = world["dossier"]
    assert prepare(client_for(dossier.created_by), dossier).status_code == 403
    bad = prepare(client_for(world["agent"]), dossier, [{"user": str(dossier.created_by.id), "role": "Demandeur"}])
    assert bad.status_code == 400 and "signers" in bad.data["errors"]
    unknown = prepare(client_for(world["agent"]), dossier, [{"user": str(world["agent"].organisation_id), "role": "x"}])
    assert unknown.status_code == 400
    twice = three_signers(world)[:1] * 2
    doubled = prepare(client_for(world["agent"]), dossier, twice)
    assert doubled.status_code == 400 and "signers" in doubled.data["errors"]
    assert prepare(client_for(world["agent"]), dossier).status_code == 201
    assert prepare(client_for(world["agent"]), dossier).status_code == 409  # one at a time
    assert not Document.objects.exclude(status="signing").exists() and Document.objects.count() == 1
    undecided = DossierFactory(organisation=dossier.organisation, status=DossierStatus.COMMISSION_OPINION)
    assert prepare(client_for(world["agent"]), undecided).status_code == 409
    stranger = person(Role.DESK_AGENT, OrganisationFactory(), "Elsewhere")
    assert prepare(client_for(stranger), dossier).status_code == 404


def test_a_stored_file_that_no_longer_matches_its_fingerprint_stops_signing(decided, client_for):
    world = decided
    document = prepare(client_for(world["agent"]), world["dossier"]).data
    key = Document.objects.get().file_key
    get_storage().put(key, io.BytesIO(b"%PDF-1.7 replaced"), size=17, content_type="application/pdf")
    assert sign(client_for(world["president"]), document).status_code == 409
    assert Document.objects.get().signers.get().signed_at is None


def test_without_its_timestamping_service_signing_goes_on_or_stops_as_configured(decided, client_for, settings):
    world = decided
    closed_port = "http://127.0.0.1:9/tsa"  # discard port: nothing answers
    settings.URBADESK = {
        **settings.URBADESK,
        "SIGNING": {**settings.URBADESK["SIGNING"], "TSA_URL": closed_port, "TSA_REQUIRED": True},
    }
    document = prepare(client_for(world["agent"]), world["dossier"]).data
    refused = sign(client_for(world["president"]), document)
    assert refused.status_code == 503
    assert Document.objects.get().sha256 == document["sha256"]
    assert not AuditEvent.objects.filter(action="document.signed").exists()

    settings.URBADESK["SIGNING"]["TSA_REQUIRED"] = False
    signed = sign(client_for(world["president"]), document)
    assert signed.status_code == 200, signed.data
    (seat,) = signed.data["signers"]
    assert seat["timestamped"] is False and "horodatage" in seat["note"]  # in the document's language


class TimestampingService:
    """An RFC 3161 service over HTTP on this machine, answering with pyHanko's test responder and a
    certificate from the installation's CA (so its timestamps are trusted)."""

    def __init__(self, ca_folder: Path) -> None:
        ca_key = serialization.load_pem_private_key((ca_folder / "ca.key.pem").read_bytes(), password=None)
        ca_cert = x509.load_pem_x509_certificate((ca_folder / "ca.cert.pem").read_bytes())
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = datetime.datetime.now(datetime.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Urbadesk test TSA")]))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        responder = DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            tsa_key=asn1_keys.PrivateKeyInfo.load(
                key.private_bytes(
                    serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
            ),
        )
        self.requests = 0
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
                service.requests += 1
                answer = responder.request_tsa_response(request).dump()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_with_a_timestamping_service_each_signature_is_timestamped_for_the_long_term(
    decided, client_for, api_client, settings, ca_folder
):
    tsa = TimestampingService(ca_folder)
    settings.URBADESK = {**settings.URBADESK, "SIGNING": {**settings.URBADESK["SIGNING"], "TSA_URL": tsa.url}}
    world = decided
    document = prepare(client_for(world["agent"]), world["dossier"], three_signers(world)[:2]).data
    for signer in ("president", "deputy"):
        current = client_for(world[signer]).get(f"/api/v1/documents/{document['id']}/").data
        assert sign(client_for(world[signer]), current).status_code == 200
    tsa.server.shutdown()
    pdf = stored(document["id"])
    # Per signature at least its own timestamp and the document timestamp after it (B-LTA);
    # pyHanko also asks one to size the signature's room.
    assert tsa.requests >= 4
    assert pdf.count(b"/DocTimeStamp") == 2 and b"/DSS" in pdf
    checked = verify(api_client, pdf).data
    assert checked["verdict"] == "valid"
    assert [s["timestamped"] for s in checked["signatures"]] == [True, True]
    assert all(seat.timestamped for seat in Document.objects.get().signers.all())


def test_production_keys_come_from_each_signers_pkcs12_file(
    decided, client_for, api_client, settings, ca_folder, tmp_path
):
    """A PKCS#12 file per signer, issued by the authority's CA (here: the test CA, as if it were
    theirs), listed as the trust root."""
    world = decided
    keys = InternalCa(ca_folder).keys_for(world["president"])  # a key and certificate from that CA
    signer_key = serialization.load_pem_private_key(
        (ca_folder / "signers" / f"{world['president'].pk}.key.pem").read_bytes(), None
    )
    certificate = x509.load_der_x509_certificate(keys.signer.signing_cert.dump())
    ca_certificate = x509.load_pem_x509_certificate((ca_folder / "ca.cert.pem").read_bytes())
    bundle = pkcs12.serialize_key_and_certificates(
        b"president", signer_key, certificate, [ca_certificate], serialization.BestAvailableEncryption(b"s3cret")
    )
    (tmp_path / f"{world['president'].email}.p12").write_bytes(bundle)
    settings.URBADESK = {
        **settings.URBADESK,
        "SIGNING": {
            **settings.URBADESK["SIGNING"],
            "KEYS": "pkcs12",
            "PKCS12_DIR": str(tmp_path),
            "PKCS12_PASSPHRASE": "s3cret",
            "TRUST_ROOTS": [str(ca_folder / "ca.cert.pem")],
        },
    }
    document = prepare(client_for(world["agent"]), world["dossier"], three_signers(world)[:2]).data
    signed = sign(client_for(world["president"]), document)
    assert signed.status_code == 200, signed.data
    checked = verify(api_client, stored(document["id"])).data
    assert checked["signatures"][0]["signer"] == "Hassan Fassi" and checked["signatures"][0]["trusted"] is True
    # The deputy has no file: a clear 503, and the document stays as it was.
    missing = sign(client_for(world["deputy"]), signed.data)
    assert missing.status_code == 503 and world["deputy"].email in missing.data["detail"]
    assert Document.objects.get().sha256 == signed.data["sha256"]


SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"


@pytest.fixture(scope="session")
def hsm(tmp_path_factory) -> dict:
    """A SoftHSM token (the software stand-in for a hardware module), made once: the library reads
    its configuration when it is first loaded in the process."""
    assert Path(SOFTHSM).exists() and shutil.which("softhsm2-util"), "SoftHSM is installed by .ci/run"
    folder = tmp_path_factory.mktemp("hsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", "urbadesk", "--pin", "1234", "--so-pin", "123456"],
        check=True,
        capture_output=True,
    )
    return {"folder": folder}


def _install_on_token(hsm: dict, ca_folder: Path, user) -> None:
    """Puts a signer's key and certificate on the token, both labelled with their e-mail."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    InternalCa(ca_folder).keys_for(user)  # issues the key and certificate from the test CA
    key_path = ca_folder / "signers" / f"{user.pk}.key.pem"
    certificate = x509.load_pem_x509_certificate((ca_folder / "signers" / f"{user.pk}.cert.pem").read_bytes())
    subprocess.run(
        [
            "softhsm2-util",
            "--import",
            str(key_path),
            "--token",
            "urbadesk",
            "--label",
            user.email,
            "--id",
            "01",
            "--pin",
            "1234",
        ],
        check=True,
        capture_output=True,
    )
    token = pkcs11.lib(SOFTHSM).get_token(token_label="urbadesk")
    with token.open(rw=True, user_pin="1234") as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: user.email,
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: certificate.subject.public_bytes(),
                Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
            }
        )


def test_keys_that_never_leave_a_hardware_module_sign_through_pkcs11(
    decided, client_for, api_client, settings, ca_folder, hsm
):
    world = decided
    _install_on_token(hsm, ca_folder, world["president"])
    pkcs11_settings = {
        "KEYS": "pkcs11",
        "PKCS11_LIB": SOFTHSM,
        "PKCS11_TOKEN": "urbadesk",
        "PKCS11_PIN": "1234",
        "TRUST_ROOTS": [str(ca_folder / "ca.cert.pem")],
    }
    settings.URBADESK = {**settings.URBADESK, "SIGNING": {**settings.URBADESK["SIGNING"], **pkcs11_settings}}
    document = prepare(client_for(world["agent"]), world["dossier"], three_signers(world)[:2]).data
    signed = sign(client_for(world["president"]), document)
    assert signed.status_code == 200, signed.data
    checked = verify(api_client, stored(document["id"])).data
    assert checked["verdict"] == "valid" and checked["signatures"][0]["signer"] == "Hassan Fassi"

    missing = sign(client_for(world["deputy"]), signed.data)  # nothing on the token under that label
    assert missing.status_code == 503 and world["deputy"].email in missing.data["detail"]
    settings.URBADESK["SIGNING"]["PKCS11_PIN"] = "0000"
    refused = sign(client_for(world["deputy"]), signed.data)
    assert refused.status_code == 503
    assert Document.objects.get().sha256 == signed.data["sha256"]


def test_the_documents_list_reads_in_constant_queries(decided, client_for):
    world = decided
    desk = client_for(world["agent"])

    def listed() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert desk.get("/api/v1/documents/").status_code == 200
        return len(queries)

    prepare(desk, world["dossier"], three_signers(world))
    one = listed()
    for _ in range(4):
        other = DossierFactory(organisation=world["dossier"].organisation, status=DossierStatus.DECISION)
        Decision.objects.create(dossier=other, value="granted", text="Accordé.", decided_by=world["president"])
        prepare(desk, other, three_signers(world))
    assert listed() == one
