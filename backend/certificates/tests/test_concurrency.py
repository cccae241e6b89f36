"""Two workers given the same request at once (a redelivered message): the row lock makes one
seal it and the other find it ready."""

import pytest
from django.db import connection

from accounts.tests.factories import OrganisationFactory, UserFactory
from certificates import services, tasks
from certificates.models import CertificateRequest, CertificateStatus
from certificates.tests.factories import ParcelFactory
from dossiers.tests.test_concurrency import in_parallel
from signatures.models import Document

pytestmark = [
    # serialized_rollback keeps the rows seeded by migrations (procedure types, audit head).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency"),
]


def test_four_workers_on_one_request_seal_it_once():
    parcel = ParcelFactory(organisation=OrganisationFactory())
    request = services.certificate_request_create(actor=UserFactory(), parcel=parcel, language="fr")
    results = in_parallel(4, lambda _: tasks.issue_certificate(str(request.id)))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Document.objects.count() == 1
    request = CertificateRequest.objects.get(pk=request.pk)
    assert request.status == CertificateStatus.READY and request.document_id == Document.objects.get().pk
