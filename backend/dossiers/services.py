"""Every write on dossiers, plans and versions: one function per use case.

Services are permission-free (views check who may call them), atomic, and append an audit
event in the same transaction as the write they describe.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import PermissionDenied

from accounts.models import Organisation, User
from audit.services import audit_record
from config.exceptions import Conflict, DomainError, PayloadTooLarge, UnprocessableFile
from dossiers import keys, signals
from dossiers.analysis import FileFacts, FileRefused, inspect_file
from dossiers.fees import Fee, FeeTooLarge, currency, fee_for
from dossiers.models import (
    EDITABLE_STATUSES,
    Dossier,
    DossierAccess,
    DossierParty,
    DossierStatus,
    Page,
    PartyRole,
    PaymentStatus,
    Plan,
    PlanVersion,
    ProcedureType,
    ReferenceCounter,
    Upload,
    UploadStatus,
    VersionStatus,
)
from dossiers.notify import lifecycle_event
from dossiers.procedure_forms import form_errors
from dossiers.sheets import Sheet
from storage.base import iter_chunks, safe_filename
from storage.services import get_storage

logger = logging.getLogger(__name__)

DOSSIER_NOT_EDITABLE = gettext_lazy("The dossier is %(status)s; its plans can no longer be changed.")
PROCEDURE_UNKNOWN = gettext_lazy("Unknown or inactive procedure type: %(code)s.")
FORM_INVALID = gettext_lazy("Some answers of the procedure's form are missing or not accepted.")
ORGANISATION_UNKNOWN = gettext_lazy("Unknown permitting authority: %(slug)s.")
ORGANISATION_REQUIRED = gettext_lazy("Several permitting authorities exist; say which one handles the dossier.")
SUBMIT_NEEDS_PLAN = gettext_lazy("A dossier can be submitted once at least one plan has a ready version.")
FILE_TOO_LARGE = gettext_lazy("The file is %(size)d bytes; the limit is %(limit)d bytes.")
UPLOAD_NOT_RECEIVED = gettext_lazy("The file has not reached the store yet; upload it to upload_url, then complete.")
UPLOAD_EXPIRED = gettext_lazy("This upload has expired; start a new one.")
UPLOAD_SIZE_MISMATCH = gettext_lazy("The stored file is %(actual)d bytes, not the %(declared)d bytes declared.")
PARTY_UNKNOWN = gettext_lazy("No active account uses this e-mail address; ask the person to register first.")
PARTY_ROLE_REFUSED = gettext_lazy("Only applicants and project authors can be parties of a dossier.")
UPLOAD_SHA_MISMATCH = gettext_lazy("The stored file's SHA-256 does not match the one declared.")


def _limits() -> dict[str, int]:
    return settings.URBADESK


# --- dossiers -------------------------------------------------------------------------


def _dossier_summary(dossier: Dossier) -> dict[str, Any]:
    return {
        "reference": dossier.reference,
        "procedure_type": dossier.procedure_type_id,
        "title": dossier.title,
        "address": dossier.address,
        "latitude": str(dossier.latitude) if dossier.latitude is not None else None,
        "longitude": str(dossier.longitude) if dossier.longitude is not None else None,
        "parcel_reference": dossier.parcel_reference,
        "form_data": dossier.form_data,
        "status": dossier.status,
    }


def _check_form(procedure: ProcedureType, form_data: Any, *, complete: bool) -> None:
    errors = form_errors(procedure.form_schema, form_data, complete=complete)
    if errors:
        raise DomainError(str(FORM_INVALID), errors=errors)


def _next_reference(*, prefix: str, year: int) -> str:
    # The counter row is locked until the dossier's transaction ends, so two creations never
    # get one number; a rolled-back creation releases its number (gaps are tolerated).
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(prefix=prefix, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}-{year}-{counter.last:06d}"


def _resolve_authority(slug: str | None) -> Organisation | None:
    authorities = Organisation.objects.filter(kind=Organisation.Kind.AUTHORITY)
    if slug:
        organisation = authorities.filter(slug=slug).first()
        if organisation is None:
            raise DomainError(
                str(ORGANISATION_UNKNOWN) % {"slug": slug},
                errors={"organisation": [str(ORGANISATION_UNKNOWN) % {"slug": slug}]},
            )
        return organisation
    found = list(authorities[:2])
    if len(found) > 1:
        raise DomainError(str(ORGANISATION_REQUIRED), errors={"organisation": [str(ORGANISATION_REQUIRED)]})
    return found[0] if found else None


@transaction.atomic
def dossier_create(
    *,
    actor: Any,
    procedure_type: str,
    title: str,
    address: str,
    description: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    parcel_reference: str = "",
    organisation: str | None = None,
    form_data: dict[str, Any] | None = None,
) -> Dossier:
    procedure = ProcedureType.objects.filter(code=procedure_type, is_active=True).first()
    if procedure is None:
        message = str(PROCEDURE_UNKNOWN) % {"code": procedure_type}
        raise DomainError(message, errors={"procedure_type": [message]})
    form_data = {} if form_data is None else form_data
    _check_form(procedure, form_data, complete=False)
    authority = _resolve_authority(organisation)
    dossier = Dossier(
        reference=_next_reference(prefix=procedure.code, year=timezone.now().year),
        procedure_type=procedure,
        organisation=authority,
        title=title,
        description=description,
        address=address,
        latitude=latitude,
        longitude=longitude,
        parcel_reference=parcel_reference,
        form_data=form_data,
        created_by=actor,
    )
    dossier.full_clean()
    dossier.save()
    DossierParty.objects.create(dossier=dossier, user=actor, role=_party_role_of(actor))
    audit_record(
        actor=actor,
        action="dossier.created",
        object_type="dossier",
        object_id=dossier.id,
        dossier_id=dossier.id,
        after=_dossier_summary(dossier),
    )
    return dossier


def _party_role_of(user: Any) -> str:
    return PartyRole.PROJECT_AUTHOR if getattr(user, "role", "") == "project_author" else PartyRole.APPLICANT


def _ensure_editable(dossier: Dossier) -> None:
    if dossier.status not in EDITABLE_STATUSES:
        raise Conflict(str(DOSSIER_NOT_EDITABLE) % {"status": dossier.get_status_display()})


@transaction.atomic
def dossier_update(*, actor: Any, dossier: Dossier, **fields: Any) -> Dossier:
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    _ensure_editable(dossier)
    before = _dossier_summary(dossier)
    if "form_data" in fields:
        _check_form(dossier.procedure_type, fields["form_data"], complete=False)
    for name in ("title", "description", "address", "latitude", "longitude", "parcel_reference", "form_data"):
        if name in fields:
            setattr(dossier, name, fields[name])
    dossier.full_clean()
    dossier.save()
    audit_record(
        actor=actor,
        action="dossier.updated",
        object_type="dossier",
        object_id=dossier.id,
        dossier_id=dossier.id,
        before=before,
        after=_dossier_summary(dossier),
    )
    return dossier


@transaction.atomic
def dossier_submit(*, actor: Any, dossier: Dossier) -> Dossier:
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.status != DossierStatus.DRAFT:
        raise Conflict(
            _("Only a draft can be submitted; this dossier is %(status)s.") % {"status": dossier.get_status_display()}
        )
    if not PlanVersion.objects.filter(plan__dossier=dossier, status=VersionStatus.READY).exists():
        raise Conflict(str(SUBMIT_NEEDS_PLAN))
    _check_form(dossier.procedure_type, dossier.form_data, complete=True)
    _freeze_fee(dossier)
    dossier.status = DossierStatus.SUBMITTED
    dossier.submitted_at = timezone.now()
    dossier.save(update_fields=["status", "submitted_at", "fee_amount", "fee_currency", "payment_status", "updated_at"])
    audit_record(
        actor=actor,
        action="dossier.submitted",
        object_type="dossier",
        object_id=dossier.id,
        dossier_id=dossier.id,
        before={"status": DossierStatus.DRAFT},
        after={
            "status": dossier.status,
            "fee_amount": str(dossier.fee_amount) if dossier.fee_amount is not None else None,
            "fee_currency": dossier.fee_currency,
        },
    )
    lifecycle_event(actor=actor, dossier=dossier, action="submitted")
    return dossier


FEE_TOO_LARGE = gettext_lazy("This answer leads to a fee too large to be recorded; check it.")


def _fee_of(procedure: ProcedureType, form_data: dict[str, Any]) -> Fee | None:
    try:
        return fee_for(procedure, form_data)
    except FeeTooLarge as error:
        raise DomainError(str(FEE_TOO_LARGE), errors={f"form_data.{error.field}": [str(FEE_TOO_LARGE)]}) from None


def fee_quote(*, procedure: ProcedureType, form_data: dict[str, Any]) -> Fee:
    """What the applicant sees before filing: free procedures quote zero rather than nothing."""
    _check_form(procedure, form_data, complete=False)
    fee = _fee_of(procedure, form_data)
    if fee is None:
        return Fee(amount=Decimal("0.00"), currency=currency(), basis="fixed", quantity=None, explanation=_("No fee."))
    return fee


def _freeze_fee(dossier: Dossier) -> None:
    """The fee owed is the one quoted at submission: later changes of the tariff or of the
    answers (during complements) do not change what was announced."""
    fee = _fee_of(dossier.procedure_type, dossier.form_data)
    if fee is None or fee.amount <= 0:
        dossier.fee_amount, dossier.fee_currency, dossier.payment_status = None, "", PaymentStatus.NONE
        return
    dossier.fee_amount, dossier.fee_currency, dossier.payment_status = fee.amount, fee.currency, PaymentStatus.UNPAID


def dossier_fee_set(*, dossier: Dossier, amount: Decimal, status: str) -> Dossier:
    """Called by the payments app when the desk sets the fee (it audits and tells); the dossier is
    locked by the caller. A dossier that had no fee takes the deployment's currency."""
    dossier.fee_amount, dossier.payment_status = amount, status
    dossier.fee_currency = dossier.fee_currency or currency()
    dossier.save(update_fields=["fee_amount", "fee_currency", "payment_status", "updated_at"])
    return dossier


@transaction.atomic
def dossier_payment_status_set(*, dossier_id: Any, status: str) -> Dossier:
    """Called by the payments app when a payment or a refund settles; it audits its own event."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier_id)
    if dossier.payment_status != status:
        dossier.payment_status = status
        dossier.save(update_fields=["payment_status", "updated_at"])
    return dossier


FOLLOW_UP_REFUSED = gettext_lazy("A %(procedure)s does not follow a %(parent)s.")
FOLLOW_UP_NOT_GRANTED = gettext_lazy("Only a granted permit can be followed by this procedure.")
FOLLOW_UP_EXISTS = gettext_lazy("This permit already has a %(procedure)s under way: %(reference)s.")
FOLLOW_UP_PARTIES_ONLY = gettext_lazy("Only the permit's applicant or project author opens its follow-up procedures.")
GRANTED_DECISIONS = ("granted", "granted_with_conditions")


@transaction.atomic
def dossier_follow_up_open(*, actor: Any, parent: Dossier, procedure_type: str) -> Dossier:
    """Opens, on a granted permit, the procedure that follows it (occupancy permit, certificate of
    conformity): a new draft at the same place, linked to the permit, with the same parties."""
    from dossiers.lifecycle import is_party
    from dossiers.models import Decision

    parent = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("procedure_type", "organisation")
        .get(pk=parent.pk)
    )
    if not is_party(actor, parent):
        raise PermissionDenied(str(FOLLOW_UP_PARTIES_ONLY))
    procedure = ProcedureType.objects.filter(code=procedure_type, is_active=True).first()
    if procedure is None or not procedure.follows.filter(pk=parent.procedure_type_id).exists():
        names = {
            "procedure": procedure.name_fr if procedure else procedure_type,
            "parent": parent.procedure_type.name_fr,
        }
        message = str(FOLLOW_UP_REFUSED) % names
        raise DomainError(message, errors={"procedure_type": [message]})
    if not Decision.objects.filter(dossier=parent, value__in=GRANTED_DECISIONS).exists():
        raise Conflict(str(FOLLOW_UP_NOT_GRANTED))
    running = parent.follow_ups.filter(procedure_type=procedure).exclude(status=DossierStatus.CLOSED).first()
    if running is not None:
        raise Conflict(str(FOLLOW_UP_EXISTS) % {"procedure": procedure.name_fr, "reference": running.reference})
    dossier = Dossier.objects.create(
        reference=_next_reference(prefix=procedure.code, year=timezone.now().year),
        procedure_type=procedure,
        organisation=parent.organisation,
        title=f"{procedure.name_fr} — {parent.title}"[:200],
        address=parent.address,
        latitude=parent.latitude,
        longitude=parent.longitude,
        parcel_reference=parent.parcel_reference,
        parent=parent,
        created_by=actor,
    )
    DossierParty.objects.bulk_create(
        DossierParty(dossier=dossier, user_id=party.user_id, role=party.role) for party in parent.parties.all()
    )
    audit_record(
        actor=actor,
        action="dossier.follow_up_opened",
        object_type="dossier",
        object_id=dossier.id,
        dossier_id=parent.id,
        after={"reference": dossier.reference, "procedure_type": procedure.code},
    )
    audit_record(
        actor=actor,
        action="dossier.created",
        object_type="dossier",
        object_id=dossier.id,
        dossier_id=dossier.id,
        after={**_dossier_summary(dossier), "parent": parent.reference},
    )
    return dossier


# --- plans ----------------------------------------------------------------------------


@transaction.atomic
def plan_create(*, actor: Any, dossier: Dossier, kind: str, title: str) -> Plan:
    _ensure_editable(dossier)
    plan = Plan(dossier=dossier, kind=kind, title=title)
    plan.full_clean()
    plan.save()
    audit_record(
        actor=actor,
        action="plan.created",
        object_type="plan",
        object_id=plan.id,
        dossier_id=dossier.id,
        after={"kind": kind, "title": title},
    )
    return plan


# --- plan versions --------------------------------------------------------------------


@dataclass(frozen=True)
class ExaminedFile:
    path: Path
    sha256: str
    size: int
    facts: FileFacts


@contextmanager
def _spooled_copy(stream: BinaryIO) -> Iterator[tuple[Path, str, int]]:
    """Copy a stream to a temporary file in chunks, hashing it; yield (path, sha256, size)."""
    limit = _limits()["MAX_UPLOAD_BYTES"]
    digest = hashlib.sha256()
    size = 0
    with tempfile.NamedTemporaryFile(prefix="urbadesk-", suffix=".bin") as tmp:
        for chunk in iter_chunks(stream):
            size += len(chunk)
            if size > limit:
                raise PayloadTooLarge(str(FILE_TOO_LARGE) % {"size": size, "limit": limit})
            digest.update(chunk)
            tmp.write(chunk)
        tmp.flush()
        yield Path(tmp.name), digest.hexdigest(), size


def examine(path: Path) -> FileFacts:
    """Inspect a local file against the configured limits; FileRefused becomes a 422."""
    limits = _limits()
    with path.open("rb") as handle:
        try:
            return inspect_file(handle, max_pages=limits["MAX_PDF_PAGES"], max_pixels=limits["MAX_IMAGE_PIXELS"])
        except FileRefused as exc:
            raise UnprocessableFile(str(exc), errors={"file": [str(exc)]}) from exc


def _check_size(size: int) -> None:
    limit = _limits()["MAX_UPLOAD_BYTES"]
    if size > limit:
        raise PayloadTooLarge(str(FILE_TOO_LARGE) % {"size": size, "limit": limit})


def _store_version(
    *,
    actor: Any,
    plan: Plan,
    filename: str,
    sha256: str,
    size: int,
    media_type: str,
    declared_scale: int | None,
    write: Any,
) -> PlanVersion:
    """Allocate the next number, write the object with `write(key)`, create the row.

    The plan row stays locked until commit, so concurrent uploads get v1, v2… in order; if
    anything fails after the object was written, the object is deleted again.
    """
    storage = get_storage()
    key = None
    try:
        with transaction.atomic():
            locked = Plan.objects.select_for_update().select_related("dossier").get(pk=plan.pk)
            _ensure_editable(locked.dossier)
            number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
            key = keys.version_key(
                dossier_id=locked.dossier_id, plan_id=locked.id, number=number, sha256=sha256, media_type=media_type
            )
            write(key)
            version = PlanVersion.objects.create(
                plan=locked,
                number=number,
                storage_key=key,
                sha256=sha256,
                size=size,
                media_type=media_type,
                original_filename=safe_filename(filename),
                declared_scale=declared_scale,
                uploaded_by=actor,
            )
            audit_record(
                actor=actor,
                action="plan_version.created",
                object_type="plan_version",
                object_id=version.id,
                dossier_id=locked.dossier_id,
                after={
                    "plan": str(locked.id),
                    "number": number,
                    "sha256": sha256,
                    "size": size,
                    "media_type": media_type,
                },
            )
            transaction.on_commit(lambda: _enqueue_analysis(version.id))
    except BaseException:
        if key is not None:
            _discard_object(storage, key)
        raise
    return version


def _discard_object(storage: Any, key: str) -> None:
    """Best effort: when the store itself has failed, keep the first error, not the cleanup's."""
    try:
        storage.delete(key)
    except Exception:  # an orphan object costs space, never correctness: no row names it
        logger.warning("could not delete %s after a failed upload", key, exc_info=True)


def _enqueue_analysis(version_id: Any) -> None:
    from dossiers.tasks import analyse_plan_version

    analyse_plan_version.send(str(version_id))


def plan_version_create_from_stream(
    *, actor: Any, plan: Plan, stream: BinaryIO, filename: str, declared_scale: int | None = None
) -> PlanVersion:
    """The multipart path: the request body was spooled to disk by Django; store it as a version."""
    _ensure_editable(plan.dossier)
    with _spooled_copy(stream) as (path, sha256, size):
        facts = examine(path)

        def write(key: str) -> None:
            with path.open("rb") as handle:
                get_storage().put(key, handle, size=size, content_type=facts.media_type)

        return _store_version(
            actor=actor,
            plan=plan,
            filename=filename,
            sha256=sha256,
            size=size,
            media_type=facts.media_type,
            declared_scale=declared_scale,
            write=write,
        )


@transaction.atomic
def upload_create(
    *,
    actor: Any,
    plan: Plan,
    filename: str,
    size: int,
    media_type: str = "",
    sha256: str = "",
    declared_scale: int | None = None,
) -> tuple[Upload, Any]:
    """Open a direct upload: returns the row and where the client must PUT the bytes."""
    _ensure_editable(plan.dossier)
    _check_size(size)
    limits = _limits()
    upload = Upload(
        plan=plan,
        created_by=actor,
        filename=safe_filename(filename),
        size=size,
        media_type=media_type,
        sha256=sha256.lower(),
        declared_scale=declared_scale,
        expires_at=timezone.now() + timedelta(seconds=limits["UPLOAD_URL_TTL_SECONDS"]),
    )
    upload.staging_key = keys.staging_key(upload_id=upload.id)
    upload.save()
    target = get_storage().upload_url(
        upload.staging_key,
        expires_in=limits["UPLOAD_URL_TTL_SECONDS"],
        content_type=media_type or "application/octet-stream",
    )
    audit_record(
        actor=actor,
        action="upload.created",
        object_type="upload",
        object_id=upload.id,
        dossier_id=plan.dossier_id,
        after={"plan": str(plan.id), "filename": upload.filename, "size": size},
    )
    return upload, target


def _refuse_upload(upload: Upload, error: DomainError) -> DomainError:
    """Drop a refused upload: its staged object and its row; nothing stays behind."""
    get_storage().delete(upload.staging_key)
    Upload.objects.filter(pk=upload.pk, status=UploadStatus.PENDING).delete()
    return error


def upload_complete(*, actor: Any, upload: Upload) -> PlanVersion:
    """Check the staged object (exists, size, declared SHA-256, content) and make it a version.

    Completing twice returns the same version, so a client may safely retry.
    """
    if upload.status == UploadStatus.COMPLETED and upload.version_id:
        return PlanVersion.objects.get(pk=upload.version_id)
    if upload.expires_at < timezone.now():
        raise _refuse_upload(upload, Conflict(str(UPLOAD_EXPIRED)))
    storage = get_storage()
    info = storage.stat(upload.staging_key)
    if info is None:
        raise Conflict(str(UPLOAD_NOT_RECEIVED))
    if info.size > _limits()["MAX_UPLOAD_BYTES"]:
        raise _refuse_upload(
            upload, PayloadTooLarge(str(FILE_TOO_LARGE) % {"size": info.size, "limit": _limits()["MAX_UPLOAD_BYTES"]})
        )
    if info.size != upload.size:
        message = str(UPLOAD_SIZE_MISMATCH) % {"actual": info.size, "declared": upload.size}
        raise _refuse_upload(upload, UnprocessableFile(message, errors={"size": [message]}))
    try:
        with storage.open(upload.staging_key) as stream, _spooled_copy(stream) as (path, sha256, size):
            if upload.sha256 and upload.sha256 != sha256:
                raise UnprocessableFile(str(UPLOAD_SHA_MISMATCH), errors={"sha256": [str(UPLOAD_SHA_MISMATCH)]})
            facts = examine(path)
            # The version is written from this checked copy, never copied again from the staging
            # object, which a client could overwrite (a presigned PUT works until it expires).
            return _complete_from(actor, upload, path, sha256, size, facts)
    except FileNotFoundError:
        return _completed_by_another(upload)
    except DomainError as error:
        if isinstance(error, Conflict):
            raise
        raise _refuse_upload(upload, error) from error


def _complete_from(actor: Any, upload: Upload, path: Path, sha256: str, size: int, facts: FileFacts) -> PlanVersion:
    storage = get_storage()

    def write(key: str) -> None:
        with path.open("rb") as handle:
            storage.put(key, handle, size=size, content_type=facts.media_type)

    with transaction.atomic():
        locked = Upload.objects.select_for_update().get(pk=upload.pk)
        if locked.status == UploadStatus.COMPLETED:
            return PlanVersion.objects.get(pk=locked.version_id)
        version = _store_version(
            actor=actor,
            plan=locked.plan,
            filename=locked.filename,
            sha256=sha256,
            size=size,
            media_type=facts.media_type,
            declared_scale=locked.declared_scale,
            write=write,
        )
        locked.status = UploadStatus.COMPLETED
        locked.version = version
        locked.save(update_fields=["status", "version"])
        audit_record(
            actor=actor,
            action="upload.completed",
            object_type="upload",
            object_id=locked.id,
            dossier_id=version.plan.dossier_id,
            after={"version": str(version.id)},
        )
        transaction.on_commit(lambda: storage.delete(locked.staging_key))
    return version


def _completed_by_another(upload: Upload) -> PlanVersion:
    upload.refresh_from_db()
    if upload.status == UploadStatus.COMPLETED and upload.version_id:
        return PlanVersion.objects.get(pk=upload.version_id)
    raise Conflict(str(UPLOAD_NOT_RECEIVED))


# --- analysis results (called by the worker) ------------------------------------------


@transaction.atomic
def plan_version_mark_ready(
    *,
    version_id: Any,
    facts: FileFacts,
    thumbnails: dict[int, tuple[str, int, int]],
    sheets: dict[int, Sheet] | None = None,
) -> PlanVersion | None:
    """Record the pages and thumbnails; a version already analysed is left as it is."""
    version = PlanVersion.objects.select_for_update().select_related("plan").filter(pk=version_id).first()
    if version is None or version.status != VersionStatus.PROCESSING:
        return version
    Page.objects.bulk_create(
        Page(
            version=version,
            index=page.index,
            width_pt=page.width_pt,
            height_pt=page.height_pt,
            origin_x_pt=page.origin_x_pt,
            origin_y_pt=page.origin_y_pt,
            rotation=page.rotation,
            user_unit=page.user_unit,
            declared_scale=version.declared_scale,
            thumbnail_key=thumbnails.get(page.index, ("", None, None))[0],
            thumbnail_width=thumbnails.get(page.index, ("", None, None))[1],
            thumbnail_height=thumbnails.get(page.index, ("", None, None))[2],
            sheet_number=(sheets or {}).get(page.index, Sheet(page.index)).number,
            sheet_title=(sheets or {}).get(page.index, Sheet(page.index)).title,
            fingerprint=(sheets or {}).get(page.index, Sheet(page.index)).fingerprint,
        )
        for page in facts.pages
    )
    version.status = VersionStatus.READY
    version.page_count = facts.page_count
    version.media_type = facts.media_type
    version.analysed_at = timezone.now()
    version.save(update_fields=["status", "page_count", "media_type", "analysed_at"])
    audit_record(
        actor=None,
        action="plan_version.ready",
        object_type="plan_version",
        object_id=version.id,
        dossier_id=version.plan.dossier_id,
        after={"page_count": facts.page_count},
    )
    transaction.on_commit(lambda: signals.plan_version_ready.send(sender=PlanVersion, version=version))
    return version


@transaction.atomic
def plan_version_mark_rejected(*, version_id: Any, reason: str) -> PlanVersion | None:
    version = PlanVersion.objects.select_for_update().select_related("plan").filter(pk=version_id).first()
    if version is None or version.status != VersionStatus.PROCESSING:
        return version
    version.status = VersionStatus.REJECTED
    version.rejection_reason = reason
    version.analysed_at = timezone.now()
    version.save(update_fields=["status", "rejection_reason", "analysed_at"])
    audit_record(
        actor=None,
        action="plan_version.rejected",
        object_type="plan_version",
        object_id=version.id,
        dossier_id=version.plan.dossier_id,
        after={"reason": reason},
    )
    return version


@transaction.atomic
def dossier_party_add(*, actor: Any, dossier: Dossier, user: Any) -> DossierParty:
    """Make `user` a party of the dossier, as applicant or project author by their role."""
    party, created = DossierParty.objects.get_or_create(
        dossier=dossier, user=user, defaults={"role": _party_role_of(user)}
    )
    if created:
        audit_record(
            actor=actor,
            action="dossier.party_added",
            object_type="dossier",
            object_id=dossier.id,
            dossier_id=dossier.id,
            after={"user": user.email, "role": party.role},
        )
    return party


def upload_purge_expired(*, grace: timedelta = timedelta(hours=1)) -> int:
    """Drop pending uploads past their expiry (plus a grace period) and their staged objects."""
    storage = get_storage()
    count = 0
    for upload in Upload.objects.filter(status=UploadStatus.PENDING, expires_at__lt=timezone.now() - grace):
        storage.delete(upload.staging_key)
        upload.delete()
        count += 1
    return count


PARTY_ROLES = {"applicant", "project_author"}


def dossier_party_invite(*, actor: Any, dossier: Dossier, email: str) -> DossierParty:
    """Add the account with this e-mail as a party; adding a party twice changes nothing."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise DomainError(str(PARTY_UNKNOWN), errors={"email": [str(PARTY_UNKNOWN)]})
    if user.role not in PARTY_ROLES:
        raise DomainError(str(PARTY_ROLE_REFUSED), errors={"email": [str(PARTY_ROLE_REFUSED)]})
    _ensure_editable(dossier)
    return dossier_party_add(actor=actor, dossier=dossier, user=user)


@transaction.atomic
def dossier_access_grant(*, actor: Any, dossier: Dossier, user: Any, reason: str) -> bool:
    """Let `user` see the dossier for `reason`; returns False if they already had that access."""
    _access, created = DossierAccess.objects.get_or_create(dossier=dossier, user=user, reason=reason)
    if created:
        audit_record(
            actor=actor,
            action="dossier.access_granted",
            object_type="dossier",
            object_id=dossier.id,
            dossier_id=dossier.id,
            after={"user": user.email, "reason": reason},
        )
    return created


@transaction.atomic
def dossier_access_revoke(*, actor: Any, dossier: Dossier, user: Any, reason: str) -> bool:
    deleted, _ = DossierAccess.objects.filter(dossier=dossier, user=user, reason=reason).delete()
    if deleted:
        audit_record(
            actor=actor,
            action="dossier.access_revoked",
            object_type="dossier",
            object_id=dossier.id,
            dossier_id=dossier.id,
            before={"user": user.email, "reason": reason},
        )
    return bool(deleted)
