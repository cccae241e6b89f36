"""Floor and ceiling views for bench/report.py: what the API's reads cost at the least.

A floor view does the work the API cannot skip and nothing else: it authenticates the bearer
token as the API does (simplejwt: check the signature, load the user), runs the same visibility
query through the same selectors, reads plain rows with `.values()` and dumps them with
`JsonResponse`, in the same shape as the API (field names, pagination envelope). No DRF view,
no serializer, no filter backend, no ETag.

The ceiling view returns bytes the runner saved beforehand (the API's own answer): what Django
and gunicorn cost per request with no work at all.

Served only by the benchmark server (bench_settings, bench_urls); never in production.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import get_language
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication

from annotations import geometry
from annotations import selectors as annotation_selectors
from annotations.models import Comment
from dossiers import selectors as dossier_selectors

DOSSIER_PAGE_SIZE = 20  # REST_FRAMEWORK["PAGE_SIZE"], the API's default
ANNOTATION_PAGE_SIZE = 500  # annotations.api.views.AnnotationPagination.page_size

DOSSIER_FIELDS = (
    "id",
    "reference",
    "procedure_type",
    "procedure_type__name_fr",
    "procedure_type__name_en",
    "organisation__slug",
    "title",
    "description",
    "address",
    "latitude",
    "longitude",
    "parcel_reference",
    "status",
    "created_at",
    "updated_at",
    "submitted_at",
)
ANNOTATION_FIELDS = (
    "id",
    "version",
    "page_index",
    "kind",
    "geometry",
    "style",
    "text",
    "measurement_kind",
    "is_remark",
    "status",
    "visibility",
    "author__email",
    "author__full_name",
    "carried_from",
    "carried_from__version",
    "carried_from__page_index",
    "revision",
    "created_at",
    "updated_at",
)
COMMENT_FIELDS = ("id", "annotation", "author__email", "author__full_name", "body", "created_at")

_authentication = JWTAuthentication()


def _unauthorised() -> JsonResponse:
    return JsonResponse({"type": "not_authenticated", "status": 401}, status=401)


def _user(request: HttpRequest):
    try:
        found = _authentication.authenticate(request)
    except AuthenticationFailed:
        return None
    return found[0] if found else None


def _dossier(row: dict, english: bool) -> dict:
    name_fr, name_en = row.pop("procedure_type__name_fr"), row.pop("procedure_type__name_en")
    return {
        "id": row["id"],
        "reference": row["reference"],
        "procedure_type": row["procedure_type"],
        "procedure_type_name": name_en if english else name_fr,
        "organisation": row.pop("organisation__slug"),
        **{k: v for k, v in row.items() if k not in {"id", "reference", "procedure_type"}},
    }


def dossier_list(request: HttpRequest) -> HttpResponse:
    """GET /api/v1/dossiers/ (page 1, 20 per page) by hand: a count and one page of rows."""
    user = _user(request)
    if user is None:
        return _unauthorised()
    english = (get_language() or "fr").startswith("en")
    queryset = dossier_selectors.dossier_list(user=user).order_by("-created_at")
    count = queryset.count()
    rows = [_dossier(row, english) for row in queryset.values(*DOSSIER_FIELDS)[:DOSSIER_PAGE_SIZE]]
    following = request.build_absolute_uri("?page=2") if count > DOSSIER_PAGE_SIZE else None
    return JsonResponse({"count": count, "next": following, "previous": None, "results": rows})


def dossier_detail(request: HttpRequest, dossier_id) -> HttpResponse:
    """GET /api/v1/dossiers/{id}/ by hand: the one visible row (without what the detail adds:
    the caller's permissions, the decision, the deadline, the parent and follow-ups)."""
    user = _user(request)
    if user is None:
        return _unauthorised()
    row = dossier_selectors.dossier_list(user=user).filter(pk=dossier_id).values(*DOSSIER_FIELDS).first()
    if row is None:
        raise Http404
    return JsonResponse(_dossier(row, (get_language() or "fr").startswith("en")))


def annotation_list(request: HttpRequest, version_id) -> HttpResponse:
    """GET /api/v1/plan-versions/{id}/annotations/ (first page of 500) by hand: the visible
    version, its visible annotations, their comments, and the measurements at the version's
    declared scale (the benchmark's pages have no calibration or viewport of their own)."""
    user = _user(request)
    if user is None:
        return _unauthorised()
    version = dossier_selectors.visible_plan_versions(user).filter(pk=version_id).values("declared_scale").first()
    if version is None:
        raise Http404
    queryset = (
        annotation_selectors.visible_annotations(user)
        .filter(version_id=version_id, deleted_at__isnull=True)
        .order_by("page_index", "created_at")
    )
    rows = list(queryset.values(*ANNOTATION_FIELDS)[:ANNOTATION_PAGE_SIZE])
    count = len(rows) if len(rows) < ANNOTATION_PAGE_SIZE else queryset.count()
    threads: dict = {}
    comments = Comment.objects.filter(annotation_id__in=[row["id"] for row in rows]).order_by("created_at")
    for comment in comments.values(*COMMENT_FIELDS):
        threads.setdefault(comment.pop("annotation"), []).append(
            {
                "id": comment["id"],
                "author": comment["author__email"],
                "author_name": comment["author__full_name"],
                "body": comment["body"],
                "created_at": comment["created_at"],
            }
        )
    scale = version["declared_scale"]
    metres_per_point = geometry.metres_per_point_for_scale(scale) if scale else None
    results = []
    for row in rows:
        measurement = None
        if row["kind"] == "measurement":
            points = [tuple(p) for p in row["geometry"].get("points", [])]
            try:
                value = geometry.measure(row["measurement_kind"], points, metres_per_point)
                measurement = {"kind": value.kind, "value": value.value, "unit": value.unit, "reason": value.reason}
            except ValueError:
                unit = geometry.UNITS[row["measurement_kind"]]
                measurement = {"kind": row["measurement_kind"], "value": None, "unit": unit, "reason": "degenerate"}
        results.append(
            {
                "id": row["id"],
                "version": row["version"],
                "page_index": row["page_index"],
                "kind": row["kind"],
                "geometry": row["geometry"],
                "style": row["style"],
                "text": row["text"],
                "measurement_kind": row["measurement_kind"],
                "measurement": measurement,
                "is_remark": row["is_remark"],
                "status": row["status"],
                "visibility": row["visibility"],
                "author": row["author__email"],
                "author_name": row["author__full_name"],
                "carried_from": row["carried_from"],
                "carried_from_version": row["carried_from__version"],
                "carried_from_page": row["carried_from__page_index"],
                "revision": row["revision"],
                "comments": threads.get(row["id"], []),
                "created_at": row["created_at"],
                "updated_at": row["updated_at"],
                "deleted": False,
            }
        )
    return JsonResponse({"count": count, "next": None, "previous": None, "results": results})


_saved: dict[str, bytes] = {}


def ceiling(request: HttpRequest, name: str) -> HttpResponse:
    """The bytes the runner saved as BENCH_CEILING_DIR/<name>.json, read once per process."""
    body = _saved.get(name)
    if body is None:
        path = Path(os.environ["BENCH_CEILING_DIR"]) / f"{name}.json"
        if not path.is_file():
            raise Http404
        body = _saved[name] = path.read_bytes()
    return HttpResponse(body, content_type="application/json")
