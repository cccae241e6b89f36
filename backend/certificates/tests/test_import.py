import io
import json

import pytest
from django.core.management import CommandError, call_command

from accounts.tests.factories import OrganisationFactory
from certificates.models import Parcel, ZoningArea
from certificates.tests.factories import square

pytestmark = pytest.mark.django_db


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def test_parcels_and_zoning_are_imported_from_geojson_and_updated_on_a_second_run(tmp_path):
    OrganisationFactory(slug="rabat")
    parcels = tmp_path / "parcels.geojson"
    parcels.write_text(
        collection(
            {
                "type": "Feature",
                "properties": {"reference": "TF 1/R", "address": "1 avenue Mohammed V"},
                "geometry": {"type": "Point", "coordinates": [-6.84, 34.02]},
            },
            {
                "type": "Feature",
                "properties": {"reference": "TF 2/R"},
                "geometry": {"type": "Polygon", "coordinates": [square(-6.85, 34.01, 0.002)]},
            },
        )
    )
    zoning = tmp_path / "zoning.geojson"
    feature = {
        "type": "Feature",
        "properties": {"code": "UA", "name_fr": "Centre", "name_en": "Centre", "text_fr": "R+3", "text_en": "G+3"},
        "geometry": {"type": "MultiPolygon", "coordinates": [[square(-6.9, 34.0, 0.1)]]},
    }
    zoning.write_text(collection(feature))
    for _ in range(2):
        call_command("certificates_import", "parcels", str(parcels), authority="rabat", stdout=io.StringIO())
        call_command("certificates_import", "zoning", str(zoning), authority="rabat", stdout=io.StringIO())
    assert Parcel.objects.count() == 2 and ZoningArea.objects.count() == 1
    outlined = Parcel.objects.get(reference="TF 2/R")
    assert float(outlined.longitude) == pytest.approx(-6.849) and outlined.outline["type"] == "Polygon"


def test_a_wrong_feature_imports_nothing_and_says_which(tmp_path):
    OrganisationFactory(slug="rabat")
    bad = tmp_path / "zoning.geojson"
    good = {
        "type": "Feature",
        "properties": {"code": "UA", "name_fr": "x", "name_en": "x", "text_fr": "x", "text_en": "x"},
        "geometry": {"type": "Polygon", "coordinates": [square(0, 0, 1)]},
    }
    unclosed = {**good, "properties": {**good["properties"], "code": "UB"}}
    unclosed["geometry"] = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}
    bad.write_text(collection(good, unclosed))
    with pytest.raises(CommandError, match="Feature 1"):
        call_command("certificates_import", "zoning", str(bad), authority="rabat", stdout=io.StringIO())
    assert not ZoningArea.objects.exists()
