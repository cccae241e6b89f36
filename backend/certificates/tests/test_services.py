"""Issuing a certificate: what it states (zoning, permits granted on the parcel), its seal, its
log, and a worker that runs it twice sealing it once."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from audit.models import AuditEvent
from audit.services import audit_verify_chain
from certificates import selectors, services, tasks
from certificates.models import CertificateRequest, CertificateStatus, ZoningArea
from certificates.tests.factories import ParcelFactory, ZoningAreaFactory, square
from dossiers.models import Decision
from dossiers.tests.factories import DossierFactory
from notifications.models import Notification
from signatures import pdfsign, pki
from signatures.models import Document, DocumentKind, DocumentStatus
from storage.services import get_storage

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    authority = OrganisationFactory(name="Commune urbaine de Casablanca")
    signer = UserFactory(role=Role.SIGNING_AUTHORITY, organisation=authority)
    parcel = ParcelFactory(organisation=authority, reference="TF 4521/C", address="12 rue des Orangers")
    inside = ZoningAreaFactory(organisation=authority, code="R+4")
    ZoningAreaFactory(  # elsewhere in town
        organisation=authority, code="UA", geometry={"type": "Polygon", "coordinates": [square(-7.70, 33.50, 0.01)]}
    )
    granted = DossierFactory(organisation=authority, parcel_reference="tf 4521/c", reference="PC-2025-000042")
    Decision.objects.create(dossier=granted, value="granted", text="Accordé.", decided_by=signer)
    refused = DossierFactory(organisation=authority, parcel_reference="TF 4521/C", reference="PC-2025-000043")
    Decision.objects.create(dossier=refused, value="refused", text="Refusé.", decided_by=signer)
    elsewhere = DossierFactory(organisation=authority, parcel_reference="TF 9/C", reference="PC-2025-000044")
    Decision.objects.create(dossier=elsewhere, value="granted", text="Accordé.", decided_by=signer)
    other_town = DossierFactory(
        organisation=OrganisationFactory(), parcel_reference="TF 4521/C", reference="PC-2025-000045"
    )
    Decision.objects.create(dossier=other_town, value="granted", text="Accordé.", decided_by=signer)
    DossierFactory(organisation=authority, parcel_reference="TF 4521/C", reference="PC-2025-000046")  # undecided
    return dict(authority=authority, parcel=parcel, zone=inside, requester=UserFactory(full_name="Salma Idrissi"))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def issued(world, language="fr") -> CertificateRequest:
    request = services.certificate_request_create(actor=world["requester"], parcel=world["parcel"], language=language)
    tasks.issue_certificate(str(request.id))
    return CertificateRequest.objects.select_related("document").get(pk=request.pk)


def stored(document: Document) -> bytes:
    with get_storage().open(document.file_key) as stream:
        return stream.read()


def test_the_certificate_states_the_zoning_and_the_permits_granted_and_is_sealed_valid(world):
    request = issued(world)
    assert request.status == CertificateStatus.READY and request.ready_at is not None
    document = request.document
    assert document.kind == DocumentKind.CERTIFICATE and document.status == DocumentStatus.SIGNED
    assert document.dossier_id is None and document.session_id is None
    assert document.organisation == world["authority"] and document.created_by == world["requester"]
    pdf = stored(document)
    text = text_of(pdf)
    assert "TF 4521/C" in text and "12 rue des Orangers" in text and "Salma Idrissi" in text
    assert "R+4" in text and "Hauteur maximale" in text and "UA —" not in text
    assert "PC-2025-000042" in text  # granted on this parcel (reference matched whatever its case)
    for other in ("PC-2025-000043", "PC-2025-000044", "PC-2025-000045", "PC-2025-000046"):
        assert other not in text  # refused, another parcel, another authority's parcel, undecided
    assert document.code in text.replace("\n", "")
    reports = pdfsign.verify(pdf, source=pki.key_source())
    assert len(reports) == 1
    seal = reports[0]
    assert seal.signer == pki.SEAL_NAME
    assert seal.intact and seal.valid and seal.trusted and seal.covers_document


def test_english_is_written_in_english(world):
    text = text_of(stored(issued(world, language="en").document))
    assert "Urban-planning information certificate" in text and "Maximum height" in text


def test_french_is_written_in_french(world):
    text = text_of(stored(issued(world, language="fr").document))
    assert "Zonage" in text and "Permis" in text and "Urban-planning" not in text


def test_running_the_worker_twice_seals_once(world):
    request = issued(world)
    tasks.issue_certificate(str(request.id))
    tasks.issue_certificate(str(request.id))
    assert Document.objects.filter(kind=DocumentKind.CERTIFICATE).count() == 1
    assert AuditEvent.objects.filter(action="document.sealed").count() == 1
    assert AuditEvent.objects.filter(action="certificate.issued").count() == 1
    assert CertificateRequest.objects.get(pk=request.pk).document_id == request.document_id
    # The requester hears of it once, though the worker ran three times.
    told = Notification.objects.get(event="certificate.ready")
    assert told.recipient == world["requester"] and "TF 4521/C" in told.title and told.url == "/certificates"


def test_requests_and_sealing_are_logged_in_the_audit_chain(world):
    request = issued(world)
    requested = AuditEvent.objects.get(action="certificate.requested")
    assert requested.actor_id == world["requester"].pk and requested.object_id == str(request.id)
    assert requested.changes["after"] == {"parcel": "TF 4521/C", "language": "fr"}
    assert AuditEvent.objects.get(action="certificate.issued").changes["after"]["code"] == request.document.code
    assert audit_verify_chain().ok


def test_a_request_the_worker_gives_up_on_is_marked_failed_and_then_left_alone(world):
    request = services.certificate_request_create(actor=world["requester"], parcel=world["parcel"], language="fr")
    tasks.certificate_gave_up({"args": [str(request.id)]}, {"retries": 6})
    tasks.certificate_gave_up({"args": [str(request.id)]}, {"retries": 6})  # told twice: marked once
    request.refresh_from_db()
    assert request.status == CertificateStatus.FAILED and request.failure
    tasks.issue_certificate(str(request.id))
    assert not Document.objects.exists()
    told = Notification.objects.get(event="certificate.failed")
    assert told.recipient == world["requester"] and "TF 4521/C" in told.body


def test_without_the_platform_seal_the_issuing_fails_and_may_be_retried(world, settings, tmp_path):
    settings.URBADESK["SIGNING"] = {**settings.URBADESK["SIGNING"], "KEYS": "pkcs12", "PKCS12_DIR": str(tmp_path)}
    request = services.certificate_request_create(actor=world["requester"], parcel=world["parcel"], language="fr")
    with pytest.raises(pki.KeysUnavailable, match="seal"):
        tasks.issue_certificate(str(request.id))
    request.refresh_from_db()
    assert request.status == CertificateStatus.PENDING and not Document.objects.exists()


def test_pending_requests_are_enqueued_again_after_a_restart(world):
    services.certificate_request_create(actor=world["requester"], parcel=world["parcel"], language="fr")
    issued(world)
    assert tasks.recover_pending_certificates() == 1


def test_a_parcel_drawn_as_an_outline_is_zoned_by_its_centroid(world):
    parcel = world["parcel"]
    parcel.outline = {"type": "Polygon", "coordinates": [square(-7.695, 33.505, 0.001)]}  # inside UA
    parcel.save()
    assert [area.code for area in selectors.zoning_of(parcel)] == ["UA"]


def test_zoning_areas_of_another_authority_do_not_apply(world):
    ZoningAreaFactory(organisation=OrganisationFactory(), code="X")
    assert [area.code for area in selectors.zoning_of(world["parcel"])] == ["R+4"]


def test_an_unclosed_or_misplaced_geometry_is_refused_on_save(world):
    area = ZoningArea(
        organisation=world["authority"],
        code="BAD",
        name_fr="x",
        name_en="x",
        text_fr="x",
        text_en="x",
        geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},
    )
    with pytest.raises(ValidationError, match="closed"):
        area.save()
    parcel = world["parcel"]
    parcel.outline = {"type": "Polygon", "coordinates": [[[0, 0], [0, 91], [1, 1], [0, 0]]]}
    with pytest.raises(ValidationError, match="latitude"):
        parcel.save()


def test_poppler_agrees_that_the_seal_is_valid(world, tmp_path):
    """A second engine: poppler's pdfsig checks the seal's signature (it does not know the
    development CA, so it cannot say the issuer is trusted)."""
    import shutil
    import subprocess

    pdfsig = shutil.which("pdfsig")
    assert pdfsig, "poppler-utils (pdfsig) is installed by .ci/run"
    path = tmp_path / "certificate.pdf"
    path.write_bytes(stored(issued(world).document))
    out = subprocess.run([pdfsig, str(path)], capture_output=True, text=True, check=False).stdout
    assert out.count("Signature #") == 1 and "Signature is Valid." in out, out


def test_in_production_the_seal_comes_from_seal_p12(world, settings, tmp_path, certificate_ca):
    """URBADESK_SIGNING_KEYS=pkcs12: `seal.p12` beside the signers' files, issued by the
    authority's CA (here the test CA, listed as the trust root)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    pki.InternalCa(certificate_ca).seal_keys()
    key = serialization.load_pem_private_key((certificate_ca / "seal.key.pem").read_bytes(), None)
    certificate = x509.load_pem_x509_certificate((certificate_ca / "seal.cert.pem").read_bytes())
    authority = x509.load_pem_x509_certificate((certificate_ca / "ca.cert.pem").read_bytes())
    bundle = pkcs12.serialize_key_and_certificates(
        b"seal", key, certificate, [authority], serialization.BestAvailableEncryption(b"s3cret")
    )
    (tmp_path / "seal.p12").write_bytes(bundle)
    settings.URBADESK["SIGNING"] = {
        **settings.URBADESK["SIGNING"],
        "KEYS": "pkcs12",
        "PKCS12_DIR": str(tmp_path),
        "PKCS12_PASSPHRASE": "s3cret",
        "TRUST_ROOTS": [str(certificate_ca / "ca.cert.pem")],
    }
    reports = pdfsign.verify(stored(issued(world).document), source=pki.key_source())
    assert reports[0].signer == pki.SEAL_NAME and reports[0].valid and reports[0].trusted


def test_with_a_hardware_module_the_seal_is_the_key_under_its_configured_label(settings, tmp_path):
    settings.URBADESK["SIGNING"] = {
        **settings.URBADESK["SIGNING"],
        "KEYS": "pkcs11",
        "PKCS11_LIB": str(tmp_path / "no-such-module.so"),
        "SEAL_KEY_LABEL": "cachet-urbadesk",
    }
    source = pki.key_source()
    assert isinstance(source, pki.Pkcs11Module) and source.seal_label == "cachet-urbadesk"
    with pytest.raises(pki.KeysUnavailable):  # the module cannot be opened: no sealing now, a 503
        source.seal_keys()


def test_the_demo_has_parcels_zoned_with_a_hole_and_a_granted_permit_once():
    from django.core.management import call_command

    from certificates.models import Parcel

    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    assert Parcel.objects.count() == 5 and ZoningArea.objects.count() == 2
    assert [a.code for a in selectors.zoning_of(Parcel.objects.get(reference="TF 24680/C"))] == ["R+4"]
    assert [a.code for a in selectors.zoning_of(Parcel.objects.get(reference="TF 11111/C"))] == ["EV"]
    assert selectors.zoning_of(Parcel.objects.get(reference="TF 13579/C")) == []
    from dossiers.selectors import granted_permits_on_parcel

    assert len(granted_permits_on_parcel(reference="TF 24680/C")) == 1


def test_the_visible_seal_names_the_platform_under_its_label(world):
    page = PdfReader(io.BytesIO(stored(issued(world, language="en").document))).pages[0]
    (widget,) = [a.get_object() for a in page["/Annots"] if a.get_object().get("/FT") == "/Sig"]
    drawn = widget["/AP"]["/N"].get_object().get_data()
    assert drawn.count(b"(Sealed by)") == 1 and b"(Urbadesk" in drawn
    assert b"(Electronic seal of the platform)" in drawn
