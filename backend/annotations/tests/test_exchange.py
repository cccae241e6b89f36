"""XFDF out and in, and W3C Web Annotations."""

import json

import pytest
from defusedxml import ElementTree

from annotations.models import Annotation
from annotations.tests.conftest import A1_H, A1_W

pytestmark = pytest.mark.django_db


def annotate(client, world, **body):
    response = client.post(f"/api/v1/plan-versions/{world.version.id}/annotations/", body, format="json")
    assert response.status_code == 201, response.data
    return response.data


def xfdf_import(client, world, document: str | bytes):
    data = document.encode() if isinstance(document, str) else document
    return client.generic(
        "POST",
        f"/api/v1/plan-versions/{world.version.id}/import-xfdf/",
        data,
        content_type="application/vnd.adobe.xfdf",
    )


def test_xfdf_round_trip_keeps_shapes_in_place(world, client_for):
    member = client_for(world.member)
    annotate(
        member,
        world,
        page_index=1,
        kind="rectangle",
        geometry={"rect": [100, 200, 50, 40]},
        style={"color": "#ff0000", "fill": "#00ff00"},
        text="Bâtiment",
    )
    annotate(member, world, page_index=2, kind="polygon", geometry={"points": [[10, 10], [60, 10], [35, 50]]})
    annotate(member, world, page_index=1, kind="arrow", geometry={"points": [[300, 300], [400, 350]]})
    exported = member.get(f"/api/v1/plan-versions/{world.version.id}/annotations.xfdf")
    assert exported.status_code == 200
    root = ElementTree.fromstring(exported.content)
    assert sorted(child.tag.split("}")[-1] for child in root[0]) == ["line", "polygon", "square"]
    square = next(c for c in root[0] if c.tag.endswith("square"))
    x0, y0, x1, y1 = (float(v) for v in square.get("rect").split(","))
    assert (x0, x1) == pytest.approx((100, 150), abs=1e-3)
    assert (y0, y1) == pytest.approx((A1_H - 240, A1_H - 200), abs=1e-3)  # PDF user space, y up

    Annotation.objects.all().delete()
    imported = xfdf_import(member, world, exported.content)
    assert imported.status_code == 201, imported.data
    assert imported.data["skipped"] == 0
    rectangle = Annotation.objects.get(kind="rectangle")
    assert rectangle.geometry["rect"] == pytest.approx([100, 200, 50, 40], abs=1e-3)
    assert rectangle.style["fill"] == "#00FF00"
    assert Annotation.objects.get(kind="polygon").page_index == 2
    arrow = [c for point in Annotation.objects.get(kind="arrow").geometry["points"] for c in point]
    assert arrow == pytest.approx([300, 300, 400, 350], abs=1e-3)


@pytest.mark.parametrize(
    "document",
    [
        "<xfdf><annots><square page='0' rect='1,2,3'",  # malformed
        "<notxfdf/>",
        "<xfdf xmlns='http://ns.adobe.com/xfdf/'><annots><square page='7' rect='1,1,20,20'/></annots></xfdf>",
        "<xfdf><annots><polygon page='0' rect='0,0,1,1'><vertices>1,2,3</vertices></polygon></annots></xfdf>",
        "<xfdf><annots><square page='0' rect='-500,-500,10,10'/></annots></xfdf>",  # outside the page
        "<!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;'>]><xfdf>&b;</xfdf>",  # entities refused
    ],
)
def test_bad_xfdf_is_refused_and_imports_nothing(world, client_for, document):
    good = "<square page='0' rect='10,10,40,40'/>"
    if "<annots>" in document:
        document = document.replace("<annots>", f"<annots>{good}", 1)
    response = xfdf_import(client_for(world.member), world, document)
    assert response.status_code == 400, response.data
    assert Annotation.objects.count() == 0


def test_the_applicant_cannot_import(world, client_for):
    document = "<xfdf><annots><square page='0' rect='10,10,40,40'/></annots></xfdf>"
    assert xfdf_import(client_for(world.applicant), world, document).status_code == 403


def test_web_annotation_export(world, client_for):
    member = client_for(world.member)
    annotate(
        member,
        world,
        page_index=1,
        kind="measurement",
        measurement_kind="distance",
        geometry={"points": [[0, 0], [A1_W / 2, 0]]},
        text="Façade",
    )
    response = member.get(f"/api/v1/plan-versions/{world.version.id}/annotations.jsonld")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/ld+json")
    document = json.loads(response.content)
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["total"] == 1
    item = document["first"]["items"][0]
    assert item["motivation"] == "assessing"
    assert item["target"]["selector"]["value"].startswith("page=1&viewrect=0.00,0.00,")
    assert "<polyline" in item["target"]["selector"]["refinedBy"]["value"]
    assert item["body"][0]["value"] == "Distance : 42,05 m — Façade"  # 420.5 mm on paper at 1:100


@pytest.mark.parametrize("width", ["abc", "nan", "-1"])
def test_a_bad_xfdf_width_is_400(world, client_for, width):
    document = f"<xfdf><annots><square page='0' rect='10,10,40,40' width='{width}'/></annots></xfdf>"
    assert xfdf_import(client_for(world.member), world, document).status_code == 400
    assert Annotation.objects.count() == 0
