"""Public inquiries (enquête publique, annonce de projet): the desk opens one on a dossier whose
procedure requires it; anyone with an account sends observations until it closes, on the server's
clock; the desk reads them, with their authors, and takes them as a PDF for the file."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer
from rest_framework.exceptions import PermissionDenied

from audit.services import audit_record
from config.exceptions import Conflict, DomainError, PayloadTooLarge, UnprocessableFile
from config.pdf_text import paragraph, stylesheet
from dossiers import keys, lifecycle
from dossiers.analysis import FileRefused, inspect_file
from dossiers.models import Dossier, PlanVersion, VersionStatus
from notifications.services import notify
from portal.models import Inquiry, InquiryRule, Observation, ObservationAttachment
from storage.base import safe_filename
from storage.services import get_storage

NO_RULE = _("This procedure requires no public inquiry.")
ALREADY_OPEN = _("An inquiry on this dossier is already planned or open, until %(closes)s.")
NOT_THE_DESK = _("Only the permit desk of the dossier's authority opens its inquiry.")
NOT_OPEN = _("The inquiry is not open: it runs from %(opens)s to %(closes)s.")
FOREIGN_VERSION = _("A document to publish must be a ready plan version of this dossier.")
BAD_PERIOD = _("The inquiry must close after it opens.")
TOO_MANY_FILES = _("At most %(count)s attachments.")
FILE_TOO_LARGE = _("Each attachment may weigh at most %(mb)s MB.")
EMPTY_TEXT = _("Say what your observation is.")

MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def _zone(dossier: Dossier) -> ZoneInfo:
    return ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])


def _when(moment: datetime, dossier: Dossier) -> str:
    return moment.astimezone(_zone(dossier)).strftime("%d/%m/%Y %H:%M")


@transaction.atomic
def inquiry_open(
    *,
    actor: Any,
    dossier: Dossier,
    public_versions: Sequence[Any] = (),
    notice: str = "",
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
) -> Inquiry:
    """Opens (now, or at `opens_at`) the inquiry the dossier's procedure requires; by default it
    closes at midnight, local time, after the rule's number of days."""
    dossier = Dossier.objects.select_for_update(of=("self",)).select_related("procedure_type").get(pk=dossier.pk)
    if not lifecycle.is_desk(actor, dossier):
        raise PermissionDenied(str(NOT_THE_DESK))
    rule = InquiryRule.objects.filter(procedure_type=dossier.procedure_type).first()
    if rule is None:
        raise Conflict(str(NO_RULE))
    now = timezone.now()
    running = dossier.inquiries.filter(closes_at__gt=now).first()
    if running is not None:
        raise Conflict(str(ALREADY_OPEN) % {"closes": _when(running.closes_at, dossier)})
    opens_at = opens_at or now
    if closes_at is None:
        last_day = opens_at.astimezone(_zone(dossier)).date() + timedelta(days=rule.days)
        closes_at = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=_zone(dossier))
    if closes_at <= opens_at:
        raise DomainError(str(BAD_PERIOD), errors={"closes_at": [str(BAD_PERIOD)]})
    versions = list(
        PlanVersion.objects.filter(pk__in=list(public_versions), plan__dossier=dossier, status=VersionStatus.READY)
    )
    if len(versions) != len(set(public_versions)):
        raise DomainError(str(FOREIGN_VERSION), errors={"public_versions": [str(FOREIGN_VERSION)]})
    inquiry = Inquiry.objects.create(
        dossier=dossier, opens_at=opens_at, closes_at=closes_at, notice=notice.strip(), opened_by=actor
    )
    inquiry.public_versions.set(versions)
    audit_record(
        actor=actor,
        action="inquiry.opened",
        object_type="inquiry",
        object_id=inquiry.id,
        dossier_id=dossier.id,
        after={"opens_at": opens_at, "closes_at": closes_at, "public_versions": [str(v.pk) for v in versions]},
    )
    return inquiry


def _checked(upload: UploadedFile) -> str:
    """The attachment's media type, read from its content; refuses what is too large or not a
    sound PDF or image (structure and size checked, as for plans)."""
    if upload.size > MAX_ATTACHMENT_BYTES:
        message = str(FILE_TOO_LARGE) % {"mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)}
        raise PayloadTooLarge(message, errors={"files": [message]})
    try:
        facts = inspect_file(
            upload.file, max_pages=settings.URBADESK["MAX_PDF_PAGES"], max_pixels=settings.URBADESK["MAX_IMAGE_PIXELS"]
        )
    except FileRefused as refused:
        raise UnprocessableFile(str(refused), errors={"files": [str(refused)]}) from refused
    upload.file.seek(0)
    return facts.media_type


def _stored(upload: UploadedFile, media_type: str, observation: Observation, index: int) -> ObservationAttachment:
    key = keys.observation_attachment_key(
        inquiry_id=observation.inquiry_id, observation_id=observation.id, index=index, media_type=media_type
    )
    get_storage().put(key, upload.file, size=upload.size, content_type=media_type)
    return ObservationAttachment(
        observation=observation,
        storage_key=key,
        filename=safe_filename(upload.name or "", default="attachment"),
        media_type=media_type,
        size=upload.size,
    )


@transaction.atomic
def observation_submit(
    *, actor: Any, inquiry: Inquiry, kind: str, text: str, files: Sequence[UploadedFile] = ()
) -> Observation:
    """Records an observation while the inquiry is open (the server's clock), with its checked
    attachments, and acknowledges it by e-mail. Nothing is kept when a file is refused."""
    inquiry = Inquiry.objects.select_for_update().select_related("dossier").get(pk=inquiry.pk)
    now = timezone.now()
    if not inquiry.opens_at <= now < inquiry.closes_at:
        raise Conflict(
            str(NOT_OPEN)
            % {"opens": _when(inquiry.opens_at, inquiry.dossier), "closes": _when(inquiry.closes_at, inquiry.dossier)}
        )
    if not text.strip():
        raise DomainError(str(EMPTY_TEXT), errors={"text": [str(EMPTY_TEXT)]})
    if len(files) > MAX_ATTACHMENTS:
        message = str(TOO_MANY_FILES) % {"count": MAX_ATTACHMENTS}
        raise DomainError(message, errors={"files": [message]})
    media_types = [_checked(upload) for upload in files]  # every file checked before anything is kept
    observation = Observation.objects.create(inquiry=inquiry, author=actor, kind=kind, text=text.strip())
    ObservationAttachment.objects.bulk_create(
        [
            _stored(upload, media, observation, index)
            for index, (upload, media) in enumerate(zip(files, media_types, strict=True))
        ]
    )
    audit_record(
        actor=actor,
        action="inquiry.observation_submitted",
        object_type="observation",
        object_id=observation.id,
        dossier_id=inquiry.dossier_id,
        after={"kind": kind, "attachments": len(files)},
    )
    notify(
        event="inquiry.observation_received",
        recipients=[actor],
        context={"reference": inquiry.dossier.reference, "closes": _when(inquiry.closes_at, inquiry.dossier)},
        url="",
    )
    return observation


def inquiry_suspensions(dossiers: list[Dossier]) -> dict[object, list[tuple[date, date | None]]]:
    """The inquiry periods stop the dossier's legal clock (registered with the deadlines)."""
    zone = ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])
    periods: dict[object, list[tuple[date, date | None]]] = {}
    for inquiry in Inquiry.objects.filter(dossier__in=[d.pk for d in dossiers]).only(
        "dossier_id", "opens_at", "closes_at"
    ):
        periods.setdefault(inquiry.dossier_id, []).append(
            (inquiry.opens_at.astimezone(zone).date(), inquiry.closes_at.astimezone(zone).date())
        )
    return periods


def observations_pdf(inquiry: Inquiry, observations: Sequence[Observation], *, language: str) -> bytes:
    """The list of observations for the dossier's file and the commission, with their authors."""
    with translation.override(language):
        styles = stylesheet()
        buffer = io.BytesIO()
        document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, title="Urbadesk")
        dossier = inquiry.dossier
        story = [
            paragraph(gettext("Public inquiry — %(reference)s") % {"reference": dossier.reference}, styles["Title"]),
            paragraph(
                gettext("From %(opens)s to %(closes)s: %(count)s observation(s).")
                % {
                    "opens": _when(inquiry.opens_at, dossier),
                    "closes": _when(inquiry.closes_at, dossier),
                    "count": len(observations),
                },
                styles["Normal"],
            ),
            Spacer(1, 6 * mm),
        ]
        for number, observation in enumerate(observations, start=1):
            author = observation.author
            head = (
                f"{number}. {observation.get_kind_display()} — {author.full_name or author.email} <{author.email}> — "
            )
            story += [
                paragraph(head + _when(observation.created_at, dossier), styles["Heading4"]),
                paragraph(observation.text, styles["BodyText"]),
            ]
            names = [a.filename for a in observation.attachments.all()]
            if names:
                story.append(
                    paragraph(gettext("Attachments: %(names)s") % {"names": ", ".join(names)}, styles["Italic"])
                )
        document.build(story)
        return buffer.getvalue()


def closed_inquiry_notices(*, now: datetime | None = None) -> int:
    """Tells the desk of each inquiry closed in the last day that its observations are ready
    (their number, and the PDF for the file); once per inquiry."""
    from dossiers.notify import desk_agents

    now = now or timezone.now()
    told = 0
    for inquiry in Inquiry.objects.filter(closes_at__lte=now, closes_at__gt=now - timedelta(days=1)).select_related(
        "dossier"
    ):
        told += len(
            notify(
                event="inquiry.closed",
                recipients=desk_agents(inquiry.dossier),
                context={"reference": inquiry.dossier.reference, "count": inquiry.observations.count()},
                url=f"/dossiers/{inquiry.dossier_id}",
                dossier_id=inquiry.dossier_id,
                once_per=timedelta(days=2),
            )
        )
    return told
