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
    assert xfdf_import(client_for(world.applicant), world, document).status_code == 404


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


MEASURED = [
    ("distance", [[100, 100], [400, 100]], "LineDimension", "line"),
    ("polyline_length", [[100, 100], [200, 100], [200, 300]], "PolyLineDimension", "polyline"),
    ("perimeter", [[100, 100], [200, 100], [200, 300]], "PolyLineDimension", "polygon"),
    ("area", [[100, 100], [440.157, 100], [440.157, 326.772], [100, 326.772]], "PolygonDimension", "polygon"),
    ("angle", [[300, 100], [100, 100], [100, 300]], None, "polyline"),
    ("count", [[50, 50], [60, 60], [70, 70]], None, "ink"),
]


def test_xfdf_measurements_round_trip_with_their_scale(world, client_for):
    member = client_for(world.member)
    for measurement_kind, points, _, _ in MEASURED:
        annotate(
            member,
            world,
            page_index=1,
            kind="measurement",
            measurement_kind=measurement_kind,
            geometry={"points": points},
            text="Salon" if measurement_kind == "area" else "",
        )
    before = {a["measurement_kind"]: a["measurement"] for a in member.get(_list(world)).data["results"]}
    exported = member.get(f"/api/v1/plan-versions/{world.version.id}/annotations.xfdf")
    markups = list(ElementTree.fromstring(exported.content)[0])
    by_intent = {(m.tag.split("}")[-1], m.get("IT"), m.get("subject")) for m in markups}
    for measurement_kind, _, intent, tag in MEASURED:
        assert any(t == tag and i == intent for t, i, _ in by_intent), measurement_kind
    area = next(m for m in markups if m.get("IT") == "PolygonDimension")
    axis = next(c for m in area if m.tag.endswith("measure") for c in m if c.tag.endswith("axis"))
    assert float(axis.get("factor")) == pytest.approx(0.0254 / 72 * 100, rel=1e-6)
    assert axis.get("unit") == "m"

    Annotation.objects.all().delete()
    imported = xfdf_import(member, world, exported.content)
    assert imported.status_code == 201, imported.data
    assert (imported.data["skipped"], imported.data["scale_mismatches"]) == (0, 0)
    after = {a["measurement_kind"]: a for a in imported.data["created"]}
    assert set(after) == {m[0] for m in MEASURED}
    for kind, annotation in after.items():
        assert annotation["kind"] == "measurement"
        assert annotation["measurement"]["value"] == pytest.approx(before[kind]["value"], rel=1e-4), kind
    assert after["area"]["measurement"]["value"] == pytest.approx(96.0, rel=0.005)
    assert after["area"]["text"] == "Salon"
    assert after["count"]["measurement"]["value"] == 3


def test_xfdf_measurement_at_another_scale_is_flagged(world, client_for):
    """A Bluebeam-style area taken at 1:200 in millimetres: imported, valued at our 1:100, flagged."""
    mm_per_point_at_200 = 25.4 / 72 * 200
    document = f"""<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots>
      <polygon page="0" rect="100,100,200,200" IT="PolygonDimension" subject="Area Measurement">
        <contents>40.00 sq m</contents>
        <vertices>100,100;200,100;200,200;100,200</vertices>
        <measure rateValue="1 in = 200 in"><axis factor="{mm_per_point_at_200}" unit="mm"/></measure>
      </polygon></annots></xfdf>"""
    response = xfdf_import(client_for(world.member), world, document)
    assert response.status_code == 201, response.data
    assert response.data["scale_mismatches"] == 1
    (area,) = response.data["created"]
    assert (area["measurement_kind"], area["text"]) == ("area", "")
    assert area["measurement"]["value"] == pytest.approx(100 * 100 * (0.0254 / 72 * 100) ** 2, rel=1e-6)


def test_xfdf_replies_become_threads(world, client_for):
    member = client_for(world.member)
    existing = annotate(
        member, world, page_index=1, kind="rectangle", geometry={"rect": [10, 10, 40, 40]}, is_remark=True
    )
    document = f"""<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots>
      <square page="0" rect="100,100,200,200" name="m1"><contents>Recul insuffisant</contents></square>
      <text page="0" rect="100,100,120,120" name="r1" inreplyto="m1" title="Alice"><contents>Vu</contents></text>
      <text page="0" rect="100,100,120,120" name="r2" inreplyto="m1"><contents>Corrigé</contents></text>
      <text page="0" rect="10,10,20,20" name="r3" inreplyto="{existing["id"]}" title="Bob"><contents>OK</contents></text>
      <text page="0" rect="10,10,20,20" name="r4" inreplyto="nowhere"><contents>?</contents></text>
      <stamp page="0" rect="10,10,20,20" name="s1"/>
    </annots></xfdf>"""
    response = xfdf_import(member, world, document)
    assert response.status_code == 201, response.data
    assert (response.data["replies"], response.data["skipped"]) == (3, 2)  # r4 unanchored, the stamp not drawn
    (remark,) = response.data["created"]
    assert remark["is_remark"] and remark["status"] == "open" and remark["visibility"] == "internal"
    assert [c["body"] for c in remark["comments"]] == ["Alice : Vu", "Corrigé"]
    thread = member.get(f"/api/v1/annotations/{existing['id']}/").data["comments"]
    assert [c["body"] for c in thread] == ["Bob : OK"]


def test_xfdf_export_of_a_thread_imports_back_as_a_thread(world, client_for):
    member = client_for(world.member)
    remark = annotate(member, world, page_index=1, kind="note", geometry={"points": [[50, 50]]}, is_remark=True)
    member.post(f"/api/v1/annotations/{remark['id']}/comments/", {"body": "Première réponse"}, format="json")
    exported = member.get(f"/api/v1/plan-versions/{world.version.id}/annotations.xfdf").content
    Annotation.objects.all().delete()
    response = xfdf_import(member, world, exported)
    assert response.status_code == 201, response.data
    (note,) = response.data["created"]
    assert note["is_remark"] and note["comments"][0]["body"].endswith("Première réponse")


def _list(world):
    return f"/api/v1/plan-versions/{world.version.id}/annotations/"


def test_xfdf_desktop_threads_groups_and_counts(world, client_for):
    document = """<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots>
      <square page="0" rect="100,100,200,200" name="m1"><contents>Recul</contents></square>
      <text page="0" rect="1,1,2,2" name="r1" inreplyto="m1" title="A"><contents>Un</contents></text>
      <text page="0" rect="1,1,2,2" name="r2" inreplyto="r1" title="B"><contents>Deux</contents></text>
      <polygon page="0" rect="1,1,60,60" name="g1" inreplyto="m1" replyType="group">
        <vertices>10,10;60,10;35,50</vertices></polygon>
      <ink page="0" rect="0,0,100,100" subject="Count Measurement">
        <inklist><gesture>10,10;12,12;10,14</gesture><gesture>50,50;52,52;50,54</gesture></inklist></ink>
      <square page="0" rect="300,300,310,310" name="dup"/><square page="0" rect="320,320,330,330" name="dup"/>
    </annots></xfdf>"""
    response = xfdf_import(client_for(world.member), world, document)
    assert response.status_code == 201, response.data
    assert (response.data["replies"], response.data["skipped"]) == (2, 0)  # the reply to a reply joins the thread
    kinds = sorted((a["kind"], a["measurement_kind"]) for a in response.data["created"])
    assert kinds == [("measurement", "count"), ("polygon", ""), ("rectangle", ""), ("rectangle", ""), ("rectangle", "")]
    count = next(a for a in response.data["created"] if a["measurement_kind"] == "count")
    assert count["measurement"]["value"] == 2  # one mark per gesture
    remark = next(a for a in response.data["created"] if a["is_remark"])
    assert [c["body"] for c in remark["comments"]] == ["A : Un", "B : Deux"]
