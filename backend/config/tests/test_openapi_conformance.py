"""schemathesis against the live schema: no 500, and every response matches the schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import AccessToken
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from config.wsgi import application
from dossiers.tests.factories import PlanFactory

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@schemathesis.serializer("application/vnd.adobe.xfdf", "application/xml")
def _raw_xml(ctx, value) -> bytes:
    """XFDF bodies are sent as they are generated (the endpoint must refuse junk with a 400)."""
    return value if isinstance(value, bytes) else str(value).encode()


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Calls go through the raw WSGI app, whose request signals would close the test's
    transaction-wrapped connection; Django's own test client unhooks them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    plan = PlanFactory()  # something to find, so some generated ids can hit real rows
    return str(AccessToken.for_user(plan.dossier.created_by))


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, token):
    # Schema-valid input may still break a domain rule (an unknown procedure code, a missing
    # file): a clear 4xx there is right, so the "positive data is accepted" check is off. And
    # like every django-filter API, an empty filter value (`?created_before=`) means "no
    # filter" rather than a 400, so the "negative data is rejected" check is off too.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        excluded_checks=[positive_data_acceptance, negative_data_rejection],
    )
