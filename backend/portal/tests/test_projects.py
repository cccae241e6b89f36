"""The public map's data: authorised projects as GeoJSON and CSV, with no personal data."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from accounts.tests.factories import OrganisationFactory, UserFactory
from commissions.models import CommissionOpinion
from commissions.tests.factories import CommissionFactory
from dossiers.models import Decision, DossierParty
from dossiers.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/public/projects/"


def decided(value="granted", *, lat="33.588312", lng="-7.632245", company=False, **fields):
    applicant = UserFactory(phone="+212600000000", organisation=OrganisationFactory(kind="firm") if company else None)
    dossier = DossierFactory(
        status="decision", latitude=Decimal(lat), longitude=Decimal(lng), created_by=applicant, **fields
    )
    DossierParty.objects.get_or_create(dossier=dossier, user=applicant, defaults={"role": "applicant"})
    signer = UserFactory(role=Role.SIGNING_AUTHORITY)
    Decision.objects.create(dossier=dossier, value=value, text=f"Accordé à {applicant.full_name}.", decided_by=signer)
    return dossier


def test_granted_projects_are_public_with_the_street_of_a_natural_person_and_nothing_personal(api_client):
    home = decided(address="12 rue des Orangers, Anfa, Casablanca")
    firm = decided(address="140 boulevard d'Anfa, Casablanca", company=True, lat="33.590900", lng="-7.631000")
    decided("refused", address="3 rue Ibn Batouta, Casablanca")
    answer = api_client.get(URL)
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/geo+json")
    body = answer.json()
    assert body["type"] == "FeatureCollection" and body["numberMatched"] == 2
    features = {f["id"]: f for f in body["features"]}
    assert set(features) == {home.reference, firm.reference}  # the refused one is not there
    private = features[home.reference]
    assert private["properties"]["address"] == "rue des Orangers, Anfa, Casablanca"
    assert private["geometry"] == {"type": "Point", "coordinates": [-7.632, 33.588]}  # longitude first (RFC 7946)
    exact = features[firm.reference]
    assert exact["properties"]["address"] == "140 boulevard d'Anfa, Casablanca"
    assert exact["geometry"]["coordinates"] == [-7.631, 33.5909]
    text = answer.content.decode()
    for dossier in (home, firm):
        person = dossier.created_by
        assert person.email not in text and person.full_name not in text and "+212600000000" not in text


def test_the_operator_may_publish_exact_addresses(api_client, settings):
    home = decided(address="12 rue des Orangers, Anfa, Casablanca")
    settings.URBADESK = {**settings.URBADESK, "PUBLIC_EXACT_ADDRESS": True}
    (feature,) = api_client.get(URL).json()["features"]
    assert feature["properties"]["address"] == home.address
    assert feature["geometry"]["coordinates"] == [-7.632245, 33.588312]


def test_the_view_box_dates_procedure_and_commission_filter_the_map(api_client):
    inside = decided(address="1 rue A, Casablanca")
    decided(address="1 rue B, Rabat", lat="34.020882", lng="-6.841650")
    commission = CommissionFactory()
    CommissionOpinion.objects.create(
        dossier=inside,
        commission=commission,
        session_id=inside.id,
        value="favourable",
        rule="chair",
        recorded_by=UserFactory(),
    )
    box = {"bbox": "-7.7,33.5,-7.5,33.7"}
    assert [f["id"] for f in api_client.get(URL, box).json()["features"]] == [inside.reference]
    by_commission = api_client.get(URL, {"commission": str(commission.id)}).json()
    assert [f["properties"]["commission"] for f in by_commission["features"]] == [commission.name]
    assert api_client.get(URL, {"procedure_type": "PD"}).json()["numberMatched"] == 0
    assert api_client.get(URL, {"decided_after": "2999-01-01"}).json()["numberMatched"] == 0


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"bbox": "-7.5,33.5,-7.7,33.7"}, "bbox"),  # west east of east
        ({"bbox": "-7.7,33.7,-7.5,33.5"}, "bbox"),  # south north of north
        ({"bbox": "-200,33.5,-7.5,33.7"}, "bbox"),
        ({"bbox": "-7.7,33.5,-7.5,95"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "-7.7,33.5,-7.5"}, "bbox"),
        ({"bbox": "nan,33.5,-7.5,33.7"}, "bbox"),
        ({"decided_after": "2026-12-01", "decided_before": "2026-11-01"}, "decided_before"),
        ({"decided_after": "yesterday"}, "decided_after"),
        ({"page_size": "5000"}, "page_size"),
        ({"page": "0"}, "page"),
        ({"commission": "9b2b61a0-7a4b-4c52-9a52-1f0e2b0f0e2b"}, "commission"),
        ({"commission": "not-a-uuid"}, "commission"),
        ({"procedure_type": "ZZ"}, "procedure_type"),
    ],
)
def test_bad_filters_get_a_clear_error(api_client, query, field):
    answer = api_client.get(URL, query)
    assert answer.status_code == 400 and field in answer.json()["errors"]


def test_the_map_reads_in_constant_queries_and_pages_with_a_next_link(api_client):
    def queries(page_size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api_client.get(URL, {"page_size": page_size}).status_code == 200
        return len(captured)

    for index in range(6):
        decided(address=f"{index} rue C, Casablanca")
    few = queries(2)
    assert queries(6) == few <= 3
    first = api_client.get(URL, {"page_size": 4}).json()
    assert (first["numberMatched"], first["numberReturned"]) == (6, 4)
    (link,) = first["links"]
    assert link["rel"] == "next" and "page=2" in link["href"]
    second = api_client.get(link["href"].split("testserver", 1)[1]).json()
    assert second["numberReturned"] == 2 and second["links"] == []


def test_the_same_projects_download_as_csv(api_client):
    home = decided(address="12 rue des Orangers, Anfa, Casablanca")
    decided("refused")
    answer = api_client.get("/api/v1/public/projects.csv")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    text = b"".join(answer.streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [(r["reference"], r["address"], r["latitude"]) for r in rows] == [
        (home.reference, "rue des Orangers, Anfa, Casablanca", "33.588")
    ]
    assert home.created_by.email not in text and home.created_by.full_name not in text
    assert api_client.get("/api/v1/public/projects.csv", {"bbox": "x"}).status_code == 400


def test_the_map_gets_its_base_layer_from_the_operator_or_none(api_client, settings):
    plain = api_client.get("/api/v1/public/map-config/").json()
    assert (
        plain["tile_url"] == ""
        and {"code": "PC", "name_fr": "Permis de construire", "name_en": "Building permit"}
        in (plain["procedure_types"])
    )
    commission = CommissionFactory(name="Commission d'Anfa")
    listed = api_client.get("/api/v1/public/map-config/").json()["commissions"]
    assert {"id": str(commission.id), "name": "Commission d'Anfa"} in listed
    settings.URBADESK = {**settings.URBADESK, "MAP_TILE_URL": "https://tiles.example/{z}/{x}/{y}.png"}
    assert api_client.get("/api/v1/public/map-config/").json()["tile_url"].endswith("{z}/{x}/{y}.png")
