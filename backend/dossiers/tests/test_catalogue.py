"""The procedure catalogue: public, each procedure with its form, documents, deadlines and fee;
the form checked against its schema; the fee quoted before filing and frozen at submission."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from accounts.tests.factories import UserFactory
from dossiers.fees import fee_for
from dossiers.models import (
    Dossier,
    DossierStatus,
    FeeBasis,
    FeeRule,
    PaymentStatus,
    PlanVersion,
    ProcedureType,
    VersionStatus,
)
from dossiers.procedure_forms import SchemaError, form_errors, normalised_schema
from dossiers.services import dossier_submit
from dossiers.tests.factories import DossierFactory, PlanFactory

pytestmark = pytest.mark.django_db

SHOP = {"trade_name": "Librairie du Centre", "activity": "retail", "sales_area": 80}


def test_the_catalogue_is_public_and_holds_permits_and_economic_authorisations(
    api_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = api_client.get("/api/v1/procedure-types/", {"page_size": 100}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.data["results"]}
    assert {code for code, row in rows.items() if row["category"] == "urban_planning"} == {"PC", "PH", "CC", "PL", "PD"}
    assert {code for code, row in rows.items() if row["category"] == "economic"} == {"DOC", "EC", "IT", "EP"}
    shop = rows["DOC"]
    assert shop["description"].startswith("Declare the opening")
    assert shop["form_schema"]["x-order"] == ["trade_name", "activity", "sales_area", "opening_date"]
    assert next(item["label"] for item in shop["checklist"]) == "Commercial lease or title deed"
    assert {d["phase"]: d["days"] for d in shop["deadlines"]} == {"completeness": 10, "decision": 30}
    assert shop["fee"] == {
        "basis": "per_m2",
        "amount": "0.00",
        "rate": "10.00",
        "quantity_field": "sales_area",
        "minimum": "200.00",
        "maximum": "5000.00",
        "currency": "MAD",
    }


def test_the_catalogue_list_keeps_its_query_count_as_procedures_grow(api_client, django_assert_num_queries):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert api_client.get("/api/v1/procedure-types/", {"page_size": 100}).status_code == 200
        return len(queries)

    before = count()
    for n in range(5):
        procedure = ProcedureType.objects.create(code=f"X{n}", name_fr=f"X{n}", name_en=f"X{n}")
        FeeRule.objects.create(procedure_type=procedure, amount=10)
    assert count() == before


def test_one_procedure_and_an_unknown_one(api_client):
    assert api_client.get("/api/v1/procedure-types/EP/").data["name_en"] == "Advertising sign"
    response = api_client.get("/api/v1/procedure-types/NOPE/")
    assert response.status_code == 404 and response.data["type"] == "not_found"


@pytest.mark.parametrize(
    ("code", "answers", "amount", "explained"),
    [
        ("DOC", {"sales_area": 80}, "800.00", "80 m² × 10,00 MAD = 800,00 MAD"),
        ("DOC", {"sales_area": 5}, "200.00", "5 m² × 10,00 MAD (minimum 200,00 MAD) = 200,00 MAD"),
        ("DOC", {"sales_area": 1000}, "5000.00", "(maximum 5"),
        ("PH", {"dwellings": 12}, "2400.00", "12 logements × 200,00 MAD"),
        ("EC", {}, "1500.00", "Redevance fixe : 1"),
        ("PC", {}, "500.00", "(minimum 500,00 MAD)"),  # nothing declared yet
    ],
)
def test_the_fee_quote_applies_the_rule(api_client, code, answers, amount, explained):
    response = api_client.post(f"/api/v1/procedure-types/{code}/fee-quote/", {"form_data": answers}, format="json")
    assert response.status_code == 200, response.data
    assert response.data["amount"] == amount
    assert response.data["currency"] == "MAD"
    assert explained in response.data["explanation"]


def test_a_free_procedure_quotes_zero(api_client):
    FeeRule.objects.filter(procedure_type="CC").delete()
    response = api_client.post("/api/v1/procedure-types/CC/fee-quote/", {"form_data": {}}, format="json")
    assert response.data["amount"] == "0.00"


def test_the_quote_refuses_answers_the_form_does_not_accept(api_client):
    response = api_client.post(
        "/api/v1/procedure-types/DOC/fee-quote/",
        {"form_data": {"sales_area": "lots", "colour": "blue", "activity": "casino"}},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.data["errors"]) == {"form_data.sales_area", "form_data.colour", "form_data.activity"}
    assert response.data["errors"]["form_data.sales_area"] == ["Saisissez un nombre."]


def test_form_data_must_be_an_object(api_client):
    response = api_client.post("/api/v1/procedure-types/DOC/fee-quote/", {"form_data": [1, 2]}, format="json")
    assert response.status_code == 400 and "form_data" in response.data["errors"]


def test_a_draft_keeps_partial_answers_and_refuses_wrong_ones(client_for):
    client = client_for(UserFactory())
    base = {"procedure_type": "DOC", "title": "Librairie", "address": "3 rue Tahar Sebti"}
    created = client.post("/api/v1/dossiers/", {**base, "form_data": {"trade_name": "Librairie"}}, format="json")
    assert created.status_code == 201, created.data
    assert created.data["form_data"] == {"trade_name": "Librairie"}
    assert created.data["payment_status"] == "none" and created.data["fee_amount"] is None
    refused = client.post("/api/v1/dossiers/", {**base, "form_data": {"sales_area": -3}}, format="json")
    assert refused.status_code == 400
    assert refused.data["errors"] == {"form_data.sales_area": ["Doit être au moins 1."]}
    assert Dossier.objects.filter(title="Librairie").count() == 1
    patched = client.patch(f"/api/v1/dossiers/{created.data['id']}/", {"form_data": SHOP}, format="json")
    assert patched.status_code == 200 and patched.data["form_data"] == SHOP
    bad = client.patch(
        f"/api/v1/dossiers/{created.data['id']}/", {"form_data": {"opening_date": "31/12"}}, format="json"
    )
    assert bad.status_code == 400 and bad.data["errors"] == {
        "form_data.opening_date": ["Saisissez une date au format AAAA-MM-JJ."]
    }
    assert Dossier.objects.get(pk=created.data["id"]).form_data == SHOP


def _ready(dossier: Dossier) -> Dossier:
    plan = PlanFactory(dossier=dossier)
    PlanVersion.objects.create(
        plan=plan,
        number=1,
        status=VersionStatus.READY,
        storage_key=f"k/{plan.pk}",
        sha256="0" * 64,
        size=1,
        media_type="application/pdf",
        original_filename="a.pdf",
        uploaded_by=dossier.created_by,
    )
    return dossier


def test_submission_needs_the_required_answers_and_freezes_the_fee(client_for):
    dossier = _ready(
        DossierFactory(procedure_type=ProcedureType.objects.get(code="DOC"), form_data={"trade_name": "L"})
    )
    client = client_for(dossier.created_by)
    refused = client.post(f"/api/v1/dossiers/{dossier.pk}/submit/")
    assert refused.status_code == 400
    assert set(refused.data["errors"]) == {"form_data.activity", "form_data.sales_area"}
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DRAFT and dossier.fee_amount is None
    client.patch(f"/api/v1/dossiers/{dossier.pk}/", {"form_data": SHOP}, format="json")
    submitted = client.post(f"/api/v1/dossiers/{dossier.pk}/submit/")
    assert submitted.status_code == 200, submitted.data
    dossier.refresh_from_db()
    assert (dossier.fee_amount, dossier.fee_currency, dossier.payment_status) == (Decimal("800.00"), "MAD", "unpaid")
    FeeRule.objects.filter(procedure_type="DOC").update(rate=99)
    dossier.refresh_from_db()
    assert dossier.fee_amount == Decimal("800.00")


def test_a_free_procedure_owes_nothing_at_submission():
    FeeRule.objects.filter(procedure_type="PC").delete()
    dossier = _ready(DossierFactory())
    dossier_submit(actor=dossier.created_by, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.payment_status == PaymentStatus.NONE and dossier.fee_amount is None


def test_the_desk_filters_unpaid_dossiers(client_for):
    unpaid = DossierFactory(status=DossierStatus.SUBMITTED, fee_amount=Decimal(100), payment_status="unpaid")
    DossierFactory(status=DossierStatus.SUBMITTED, fee_amount=Decimal(100), payment_status="paid")
    admin = UserFactory(role="admin")
    response = client_for(admin).get("/api/v1/dossiers/", {"payment_status": "unpaid"})
    assert [row["id"] for row in response.data["results"]] == [str(unpaid.pk)]


# --- the schema an administrator writes ---------------------------------------------------


def test_a_schema_the_form_cannot_show_is_refused_with_reasons():
    with pytest.raises(SchemaError) as refused:
        normalised_schema(
            {
                "type": "object",
                "properties": {
                    "Bad Name": {"type": "string", "title": "x"},
                    "photo": {"type": "array", "title": "Photos"},
                    "notes": {"type": "string"},
                    "area": {"type": "number", "title": "Surface", "pattern": "x"},
                },
                "required": ["missing"],
                "allOf": [],
            }
        )
    text = " | ".join(refused.value.messages)
    for expected in ("Bad Name", "photo", "notes", "pattern", "allOf", "required"):
        assert expected in text


def test_the_field_order_survives_storage():
    schema = normalised_schema(
        {
            "type": "object",
            "properties": {"b": {"type": "string", "title": "B"}, "a": {"type": "integer", "title": "A"}},
        }
    )
    assert schema["x-order"] == ["b", "a"]
    procedure = ProcedureType(code="ZZ", name_fr="Z", name_en="Z", form_schema=schema)
    procedure.full_clean()
    procedure.save()
    procedure.refresh_from_db()
    assert procedure.form_schema["x-order"] == ["b", "a"]


def test_the_admin_cannot_save_an_unrenderable_schema():
    procedure = ProcedureType(code="ZZ", name_fr="Z", name_en="Z", form_schema={"type": "array"})
    with pytest.raises(ValidationError) as refused:
        procedure.full_clean()
    assert "form_schema" in refused.value.message_dict


def test_a_fee_rule_must_name_a_numeric_field_of_the_form():
    procedure = ProcedureType.objects.get(code="DOC")
    rule = FeeRule(procedure_type=procedure, basis=FeeBasis.PER_M2, rate=1, quantity_field="trade_name")
    with pytest.raises(ValidationError) as refused:
        rule.full_clean()
    assert "quantity_field" in refused.value.message_dict


def test_booleans_are_not_numbers_and_unknown_fields_are_named():
    schema = ProcedureType.objects.get(code="EP").form_schema
    errors = form_errors(schema, {"sign_area": True, "illuminated": "yes", "size": 3}, complete=False)
    assert set(errors) == {"form_data.sign_area", "form_data.illuminated", "form_data.size"}


def test_fee_for_ignores_nonsense_quantities():
    procedure = ProcedureType.objects.select_related("fee_rule").get(code="DOC")
    assert fee_for(procedure, {"sales_area": "NaN"}).amount == Decimal("200.00")
    assert fee_for(procedure, {"sales_area": -50}).amount == Decimal("200.00")


@pytest.mark.parametrize("raw", ["1e13", "1e400", "-1e400", "1000000000"], ids=["huge", "infinity", "-infinity", "1e9"])
def test_a_number_past_a_billion_or_infinite_is_a_400_on_its_field(api_client, client_for, raw):
    """JSON reads 1e400 as infinity, which the database refuses; past a billion, fees overflow."""
    body = f'{{"form_data": {{"built_surface": {raw}}}}}'
    quoted = api_client.post("/api/v1/procedure-types/PC/fee-quote/", data=body, content_type="application/json")
    assert quoted.status_code == 400
    assert quoted.data["errors"] == {"form_data.built_surface": ["Saisissez un nombre inférieur à un milliard."]}
    dossier = DossierFactory(procedure_type=ProcedureType.objects.get(code="PC"))
    patched = client_for(dossier.created_by).patch(
        f"/api/v1/dossiers/{dossier.pk}/", data=body, content_type="application/json"
    )
    assert patched.status_code == 400 and "form_data.built_surface" in patched.data["errors"]
    assert Dossier.objects.get(pk=dossier.pk).form_data == dossier.form_data


def test_answers_leading_to_a_fee_too_large_to_record_are_refused_on_their_field(api_client, client_for):
    # 200 MAD per dwelling, no maximum: 99,999,999 dwellings would owe some 20 billion.
    answers = {"dwellings": 99_999_999}
    quoted = api_client.post("/api/v1/procedure-types/PH/fee-quote/", {"form_data": answers}, format="json")
    assert quoted.status_code == 400 and list(quoted.data["errors"]) == ["form_data.dwellings"]
    dossier = _ready(DossierFactory(procedure_type=ProcedureType.objects.get(code="PH"), form_data=answers))
    submitted = client_for(dossier.created_by).post(f"/api/v1/dossiers/{dossier.pk}/submit/")
    assert submitted.status_code == 400 and list(submitted.data["errors"]) == ["form_data.dwellings"]
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DRAFT and dossier.fee_amount is None
