"""Reads of parcels, zoning and certificate requests, with who may see which request: its
requester, and an administrator."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from certificates import geometry
from certificates.models import CertificateRequest, Parcel, ZoningArea


def visible_certificate_requests(user: Any) -> QuerySet[CertificateRequest]:
    queryset = CertificateRequest.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.is_admin:
        return queryset
    return queryset.filter(requested_by=user)


def certificate_request_list(*, user: Any) -> QuerySet[CertificateRequest]:
    """One's requests, newest first, with what each line shows (no query per line)."""
    return (
        visible_certificate_requests(user)
        .select_related("parcel__organisation", "document")
        .order_by("-created_at", "-id")
    )


def certificate_request_get_for_user(*, user: Any, request_id: Any) -> CertificateRequest:
    found = certificate_request_list(user=user).filter(pk=request_id).first()
    if found is None:
        raise Http404
    return found


def parcel_search(*, text: str = "") -> QuerySet[Parcel]:
    """Parcels whose reference or address contains the text (any case), by reference."""
    queryset = Parcel.objects.select_related("organisation").order_by("reference")
    text = text.strip()
    if text:
        queryset = queryset.filter(Q(reference__icontains=text) | Q(address__icontains=text))
    return queryset


def parcel_find(value: str) -> Parcel | None:
    """A parcel by its id or its reference (any case, surrounding spaces ignored)."""
    value = value.strip()
    try:
        by_id = Parcel.objects.filter(pk=uuid.UUID(value)).select_related("organisation").first()
    except ValueError:
        by_id = None
    if by_id is not None:
        return by_id
    return Parcel.objects.filter(reference__iexact=value).select_related("organisation").first() if value else None


def zoning_of(parcel: Parcel) -> list[ZoningArea]:
    """The areas of the parcel's authority whose geometry covers the parcel's point, by code."""
    areas = ZoningArea.objects.filter(organisation_id=parcel.organisation_id).order_by("code")
    point = parcel.point
    return [area for area in areas if geometry.contains(area.geometry, point)]
