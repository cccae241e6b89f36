import math

import pytest
from django.test import override_settings

from annotations.models import Annotation
from annotations.tests.conftest import A1_H, A1_W, ready_version
from audit.models import AuditEvent
from dossiers.samples import MM_TO_PT

pytestmark = pytest.mark.django_db

# The seed plan's outline: 12 m x 8 m at 1:100, centred on the A1 sheet.
RW, RH = 120 * MM_TO_PT, 80 * MM_TO_PT
X0, Y0 = (A1_W - RW) / 2, (A1_H - RH) / 2
OUTLINE = [[X0, Y0], [X0 + RW, Y0], [X0 + RW, Y0 + RH], [X0, Y0 + RH]]


def url(world, suffix="annotations/"):
    return f"/api/v1/plan-versions/{world.version.id}/{suffix}"


def create(client, world, **body):
    payload = {"page_index": 1, "kind": "polygon", "geometry": {"points": OUTLINE}, **body}
    return client.post(url(world), payload, format="json")


def test_measuring_the_seed_outline_gives_96_square_metres(world, client_for):
    response = create(client_for(world.member), world, kind="measurement", measurement_kind="area")
    assert response.status_code == 201, response.data
    measurement = response.data["measurement"]
    assert measurement["unit"] == "m2"
    assert measurement["value"] == pytest.approx(96.0, rel=0.005)


def test_measurements_follow_the_calibration_and_viewports(world, client_for):
    client = client_for(world.member)
    side = create(client, world, kind="measurement", measurement_kind="distance", geometry={"points": OUTLINE[:2]})
    assert side.data["measurement"]["value"] == pytest.approx(12.0, rel=1e-6)
    calibrated = client.post(
        url(world, "calibrations/"),
        {"page_index": 1, "points": OUTLINE[:2], "known_length_m": 24},
        format="json",
    )
    assert calibrated.status_code == 200, calibrated.data
    assert calibrated.data["method"] == "two_points"
    again = client.get(f"/api/v1/annotations/{side.data['id']}/")
    assert again.data["measurement"]["value"] == pytest.approx(24.0, rel=1e-6)
    viewport = client.post(
        url(world, "viewports/"),
        {"page_index": 1, "rect": [X0 - 10, Y0 - 10, RW + 20, RH + 20], "scale": 50},
        format="json",
    )
    assert viewport.status_code == 201
    inside = client.get(f"/api/v1/annotations/{side.data['id']}/")
    assert inside.data["measurement"]["value"] == pytest.approx(6.0, rel=1e-6)  # 120 mm at 1:50
    assert AuditEvent.objects.filter(action="page.calibrated").get().changes["after"]["known_length_m"] == 24


def test_an_uncalibrated_page_gives_no_value_and_says_why(world, client_for):
    version = ready_version(world.version.plan, number=2, scale=None)
    response = client_for(world.member).post(
        f"/api/v1/plan-versions/{version.id}/annotations/",
        {"page_index": 1, "kind": "measurement", "measurement_kind": "distance", "geometry": {"points": OUTLINE[:2]}},
        format="json",
    )
    assert response.status_code == 201
    assert response.data["measurement"] == {"kind": "distance", "value": None, "unit": "m", "reason": "uncalibrated"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"geometry": {"points": [[-50, 10], [10, 10], [10, 40]]}}, "geometry"),
        ({"geometry": {"points": [[A1_W + 5, 10], [10, 10], [10, 40]]}}, "geometry"),
        ({"geometry": {"points": [[10, 10], [20, 20]]}}, "geometry"),  # a polygon needs 3
        ({"geometry": {"points": [[10, "x"], [20, 20], [5, 5]]}}, "geometry"),
        ({"kind": "hologram"}, "kind"),
        ({"page_index": 9}, "page_index"),
        ({"kind": "rectangle", "geometry": {"rect": [10, 10, -5, 10]}}, "geometry"),
        ({"kind": "measurement", "geometry": {"points": OUTLINE}}, "measurement_kind"),
    ],
)
def test_bad_geometry_is_refused_and_changes_nothing(world, client_for, body, field):
    response = create(client_for(world.member), world, **body)
    assert response.status_code == 400, response.data
    assert field in response.data["errors"]
    assert Annotation.objects.count() == 0


def test_nan_and_infinity_are_refused(world, client_for):
    client = client_for(world.member)
    for bad in ("NaN", "Infinity"):
        body = '{"page_index": 1, "kind": "line", "geometry": {"points": [[1, 1], [BAD, 2]]}}'.replace("BAD", bad)
        response = client.post(url(world), data=body, content_type="application/json")
        assert response.status_code == 400, bad
    assert Annotation.objects.count() == 0


@override_settings(
    URBADESK={
        "MAX_ANNOTATION_VERTICES": 5,
        "MAX_UPLOAD_BYTES": 1,
        "MAX_PDF_PAGES": 1,
        "MAX_IMAGE_PIXELS": 1,
        "UPLOAD_URL_TTL_SECONDS": 1,
        "DOWNLOAD_URL_TTL_SECONDS": 1,
        "THUMBNAIL_SIZE": 1,
    }
)
def test_too_many_vertices(world, client_for):
    points = [[10 + i, 10 + (i % 2) * 5] for i in range(6)]
    response = create(client_for(world.member), world, kind="polyline", geometry={"points": points})
    assert response.status_code == 400 and "Trop de sommets" in str(response.data["errors"]["geometry"])


def test_a_rejected_version_takes_no_annotation(world, client_for):
    world.version.status = "rejected"
    world.version.save()
    assert create(client_for(world.member), world).status_code == 409


def test_the_applicant_sees_only_shared_remarks_and_answers_them(world, client_for):
    member = client_for(world.member)
    internal = create(member, world, is_remark=True, text="Interne").data
    shared = create(member, world, is_remark=True, visibility="shared", text="Reculer de 3 m").data
    create(member, world, kind="note", geometry={"points": [[50, 50]]}, text="aide-mémoire")
    applicant = client_for(world.applicant)
    listed = applicant.get(url(world)).data["results"]
    assert [a["id"] for a in listed] == [shared["id"]]
    assert applicant.get(f"/api/v1/annotations/{internal['id']}/").status_code == 404
    assert create(applicant, world).status_code == 404
    shared_url = f"/api/v1/annotations/{shared['id']}/"
    edit = applicant.patch(shared_url, {"revision": shared["revision"], "text": "?"}, format="json")
    assert edit.status_code == 404
    assert applicant.delete(f"{shared_url}?revision={shared['revision']}").status_code == 404
    answer = applicant.post(f"/api/v1/annotations/{shared['id']}/comments/", {"body": "Corrigé en v2"}, format="json")
    assert answer.status_code == 201
    assert member.get(f"/api/v1/annotations/{shared['id']}/").data["comments"][0]["body"] == "Corrigé en v2"
    assert (
        applicant.post(f"/api/v1/annotations/{internal['id']}/comments/", {"body": "?"}, format="json").status_code
        == 404
    )
    assert len(member.get(url(world)).data["results"]) == 3


def test_a_stale_edit_is_409_and_loses_nothing(world, client_for):
    client = client_for(world.member)
    created = create(client, world, is_remark=True).data
    first = client.patch(f"/api/v1/annotations/{created['id']}/", {"revision": 1, "text": "A"}, format="json")
    assert first.status_code == 200 and first.data["revision"] == 2
    stale = client.patch(f"/api/v1/annotations/{created['id']}/", {"revision": 1, "text": "B"}, format="json")
    assert stale.status_code == 409 and stale.data["type"] == "stale_revision"
    assert Annotation.objects.get().text == "A"
    assert client.delete(f"/api/v1/annotations/{created['id']}/?revision=1").status_code == 409
    resolved = client.patch(
        f"/api/v1/annotations/{created['id']}/", {"revision": 2, "status": "resolved"}, format="json"
    )
    assert resolved.data["status"] == "resolved"
    note = create(client, world, kind="note", geometry={"points": [[5, 5]]}).data
    refused = client.patch(f"/api/v1/annotations/{note['id']}/", {"revision": 1, "status": "resolved"}, format="json")
    assert refused.status_code == 400


def test_polling_with_etag_and_updated_since_sees_deletions(world, client_for):
    client = client_for(world.member)
    created = create(client, world).data
    first = client.get(url(world))
    assert client.get(url(world), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = created["updated_at"]
    assert client.delete(f"/api/v1/annotations/{created['id']}/?revision=1").status_code == 204
    assert client.get(url(world), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    changes = client.get(url(world), {"updated_since": since}).data["results"]
    assert [(c["id"], c["deleted"]) for c in changes] == [(created["id"], True)]
    assert client.get(url(world)).data["count"] == 0
    assert client.get(url(world), {"updated_since": "yesterday"}).status_code == 400


def test_filters(world, client_for):
    client = client_for(world.member)
    create(client, world, is_remark=True, visibility="shared")
    create(client, world, page_index=2, kind="note", geometry={"points": [[5, 5]]})
    assert client.get(url(world), {"page": 2}).data["count"] == 1
    assert client.get(url(world), {"kind": "note"}).data["count"] == 1
    assert client.get(url(world), {"status": "open"}).data["count"] == 1
    assert client.get(url(world), {"visibility": "shared"}).data["count"] == 1
    assert client.get(url(world), {"author": world.member.email}).data["count"] == 2


def test_open_remarks_carry_forward_to_the_next_version(world, client_for):
    from annotations.services import remarks_carry_forward

    client = client_for(world.member)
    open_remark = create(client, world, is_remark=True, visibility="shared", text="Reculer").data
    done = create(client, world, is_remark=True, text="OK").data
    client.patch(f"/api/v1/annotations/{done['id']}/", {"revision": 1, "status": "resolved"}, format="json")
    v2 = ready_version(world.version.plan, number=2)
    assert remarks_carry_forward(version=v2) == 1
    assert remarks_carry_forward(version=v2) == 0  # idempotent
    carried = Annotation.objects.get(version=v2)
    assert str(carried.carried_from_id) == open_remark["id"]
    assert carried.status == "open" and carried.visibility == "shared"
    listed = client.get(f"/api/v1/plan-versions/{v2.id}/annotations/").data["results"]
    assert (listed[0]["carried_from_version"], listed[0]["carried_from_page"]) == (str(world.version.id), 1)
    assert client.get(url(world)).data["results"][0]["carried_from_version"] is None


@pytest.mark.parametrize("count", [1, 50])
def test_list_query_count_does_not_grow(world, client_for, django_assert_num_queries, count):
    client = client_for(world.member)
    for i in range(count):
        created = create(
            client,
            world,
            kind="measurement",
            measurement_kind="distance",
            is_remark=True,
            geometry={"points": [[10, 10 + i], [100, 10 + i]]},
        )
        comment = client.post(f"/api/v1/annotations/{created.data['id']}/comments/", {"body": f"Vu {i}"}, format="json")
        assert comment.status_code == 201
    # version, pages, calibrations, viewports, etag aggregate, count, annotations, comments
    with django_assert_num_queries(8):
        response = client.get(url(world))
    assert response.data["count"] == count
    assert sorted(a["comments"][0]["body"] for a in response.data["results"]) == sorted(f"Vu {i}" for i in range(count))
    assert all(math.isfinite(a["measurement"]["value"]) for a in response.data["results"])


def test_a_new_ready_version_receives_the_open_remarks(world, client_for, django_capture_on_commit_callbacks):
    from dossiers.analysis import FileFacts, PageFacts
    from dossiers.models import PlanVersion
    from dossiers.services import plan_version_mark_ready

    create(client_for(world.member), world, is_remark=True, text="Reculer de 3 m")
    v2 = PlanVersion.objects.create(
        plan=world.version.plan,
        number=2,
        storage_key="k/v2.pdf",
        sha256="1" * 64,
        size=10,
        media_type="application/pdf",
        original_filename="v2.pdf",
        uploaded_by=world.applicant,
    )
    facts = FileFacts("application/pdf", (PageFacts(index=1, width_pt=A1_W, height_pt=A1_H),))
    with django_capture_on_commit_callbacks(execute=True):
        plan_version_mark_ready(version_id=v2.pk, facts=facts, thumbnails={})
    carried = Annotation.objects.get(version=v2)
    assert carried.text == "Reculer de 3 m" and carried.carried_from is not None


def test_a_degenerate_angle_is_refused(world, client_for):
    response = create(
        client_for(world.member),
        world,
        kind="measurement",
        measurement_kind="angle",
        geometry={"points": [[10, 10], [10, 10], [20, 30]]},
    )
    assert response.status_code == 400 and "geometry" in response.data["errors"]
    assert Annotation.objects.count() == 0


def test_the_applicant_history_hides_the_commissions_drawing(world, client_for):
    create(client_for(world.member), world, text="interne")
    history = client_for(world.applicant).get(f"/api/v1/dossiers/{world.version.plan.dossier_id}/history/")
    assert not [e for e in history.data["results"] if e["action"].startswith(("annotation.", "page."))]


def test_a_degenerate_measurement_already_stored_lists_without_a_value(world, client_for):
    Annotation.objects.create(
        version=world.version,
        page_index=1,
        kind="measurement",
        measurement_kind="angle",
        author=world.member,
        geometry={"points": [[10, 10], [10, 10], [20, 30]]},
    )
    response = client_for(world.member).get(url(world))
    assert response.status_code == 200
    assert response.data["results"][0]["measurement"]["reason"] == "degenerate"
