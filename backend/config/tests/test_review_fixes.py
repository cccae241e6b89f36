"""Regressions found by review: each was a 500, a leak or a stale right."""

import pytest

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["page_size=%C2%B2", "page_size=" + "9" * 5000])
def test_odd_digits_in_page_size_are_400(client_for, query):
    assert client_for(UserFactory()).get(f"/api/v1/dossiers/?{query}").status_code == 400


def test_a_far_future_range_is_400(client_for):
    from dossiers.tests.factories import DossierFactory

    dossier = DossierFactory()
    response = client_for(dossier.created_by).get(f"/api/v1/dossiers/{dossier.id}/available-slots/?from=9999-12-30")
    assert response.status_code == 400
