"""Open data: the service's indicators per commission, procedure and month, small groups hidden."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from accounts.models import Role
from accounts.tests.factories import UserFactory
from commissions.models import CommissionOpinion
from commissions.tests.factories import CommissionFactory
from dossiers.models import Decision
from dossiers.tests.factories import DossierFactory
from portal.indicators import refresh
from portal.models import IndicatorRefresh

pytestmark = pytest.mark.django_db
CASABLANCA = ZoneInfo("Africa/Casablanca")
SUBMITTED = datetime(2026, 3, 2, 10, 0, tzinfo=CASABLANCA)


def examined(commission, procedure, days_to_decide, value="granted"):
    submitted = SUBMITTED
    dossier = DossierFactory(
        procedure_type_id=procedure,
        status="decision",
        submitted_at=submitted,
        completed_at=submitted + timedelta(days=5),
    )
    recorder = UserFactory()
    CommissionOpinion.objects.create(
        dossier=dossier,
        commission=commission,
        session_id=dossier.id,
        value="favourable",
        rule="chair",
        recorded_by=recorder,
    )
    decision = Decision.objects.create(dossier=dossier, value=value, text="…", decided_by=UserFactory())
    Decision.objects.filter(pk=decision.pk).update(decided_at=submitted + timedelta(days=days_to_decide))
    return dossier


@pytest.fixture
def served():
    commission = CommissionFactory(name="Commission d'Anfa")
    for days in (3, 6, 9, 12, 15):
        examined(commission, "PC", days)
    examined(commission, "PC", 200, value="refused")  # far past the legal time
    for days in (10, 12):
        examined(commission, "PD", days)  # two: too few to publish
    done = refresh()
    return commission, done


def test_the_indicators_count_time_and_hide_small_groups(served, api_client):
    _commission, done = served
    assert (done.dossiers, IndicatorRefresh.objects.count()) == (8, 1)
    rows = api_client.get("/api/v1/public/indicators/").json()["results"]
    by_key = {(r["procedure_type"], r["month"]): r for r in rows}
    received = by_key[("PC", "2026-03-01")]
    assert (received["commission"], received["received"]) == ("Commission d'Anfa", 6)
    decided_march = by_key[("PC", "2026-03-01")]
    assert decided_march["decided"] == 5  # the refused one was decided in September
    assert decided_march["median_days"] == 9.0 and decided_march["granted"] == 5
    assert decided_march["p90_days"] == 13.8
    assert decided_march["within_deadline"] == 1.0
    small = by_key[("PD", "2026-03-01")]
    assert small["received"] is None and small["decided"] is None and small["median_days"] is None
    assert {"received", "decided", "median_days"} <= set(small["suppressed"])
    september = by_key[("PC", "2026-09-01")]  # one decision: below the threshold too
    assert september["decided"] is None and "decided" in september["suppressed"]


def test_filters_csv_and_the_catalogue(served, api_client):
    commission, _done = served
    only = api_client.get("/api/v1/public/indicators/", {"procedure_type": "PD"}).json()
    assert {r["procedure_type"] for r in only["results"]} == {"PD"}
    listed = api_client.get("/api/v1/public/indicators/", {"commission": str(commission.id), "month_to": "2026-04-30"})
    assert {r["month"] for r in listed.json()["results"]} == {"2026-03-01"}
    bad = api_client.get("/api/v1/public/indicators/", {"month_from": "2026-05-01", "month_to": "2026-04-01"})
    assert bad.status_code == 400 and "month_to" in bad.json()["errors"]
    unknown = api_client.get("/api/v1/public/indicators/", {"commission": "9b2b61a0-7a4b-4c52-9a52-1f0e2b0f0e2b"})
    assert unknown.status_code == 400
    text = b"".join(api_client.get("/api/v1/public/indicators.csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {"PC", "PD"} == {r["procedure_type"] for r in rows}
    assert next(r for r in rows if r["procedure_type"] == "PD")["received"] == ""  # suppressed, not zero
    catalog = api_client.get("/api/v1/public/catalog/")
    assert catalog["Content-Type"].startswith("application/ld+json")
    body = catalog.json()
    assert body["@type"] == "dcat:Catalog" and len(body["dcat:dataset"]) == 2
    indicators = body["dcat:dataset"][1]
    assert indicators["dct:temporal"] == {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": "2026-03-01",
        "dcat:endDate": "2026-09-01",
    }
    assert indicators["dct:license"] and indicators["dct:accrualPeriodicity"].endswith("/DAILY")
    assert {d["dcat:mediaType"] for d in indicators["dcat:distribution"]} == {"application/json", "text/csv"}


def test_an_administrator_refreshes_on_demand(client_for, run_jobs, django_capture_on_commit_callbacks):
    assert client_for(UserFactory(role=Role.DESK_AGENT)).post("/api/v1/indicators/refresh/").status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        answer = client_for(UserFactory(role=Role.ADMIN)).post("/api/v1/indicators/refresh/")
    assert answer.status_code == 202 and answer.json()["queued"] is True
    run_jobs()
    assert IndicatorRefresh.objects.count() == 1
