"""Preparing documents for signature and signing them, one person after another."""

from __future__ import annotations

import hashlib
import io
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import PermissionDenied

from audit.services import audit_record
from config.exceptions import Conflict, DomainError
from dossiers import lifecycle
from dossiers.models import Decision, Dossier, DossierParty, Plan, VersionStatus
from dossiers.notify import parties
from notifications.services import notify
from signatures import documents, pdfsign, pki, selectors
from signatures.models import DecisionTemplate, Document, DocumentKind, DocumentStatus, RequiredSigner
from storage.services import get_storage

NO_DECISION = _("The decision is not recorded yet: record it before preparing its document.")
ALREADY_PREPARED = _("This dossier's decision document is already prepared; withdraw it to prepare another.")
NOT_THE_DESK = _("Only the permit desk of the dossier's authority prepares its documents.")
BAD_SIGNER = _("%(email)s cannot sign for this authority (signing authority or desk agent of it only).")
NOT_A_SIGNER = _("You are not among the people who must sign this document.")
ALREADY_SIGNED = _("You have already signed this document.")
NOT_YOUR_TURN = _("%(name)s must sign before you.")
NOT_SIGNING = _("This document is %(status)s: it cannot be signed.")
CHANGED = _("The document changed since you opened it: open it again and check it before signing.")
TAMPERED = _("The stored document does not match its fingerprint; signing is stopped. Tell the administrator.")
WRONG_PASSWORD = _("Wrong password.")
TSA_DOWN = _("The timestamping service is not answering; try again later.")
TSA_SKIPPED = _("Signed without a timestamp: the timestamping service did not answer.")
NOT_WITHDRAWABLE = _("Only a document still awaiting signatures can be withdrawn.")
NOT_GRANTED = _("The permit was refused: there are no authorised plans to stamp.")
NO_PLANS = _("The dossier has no plan ready to stamp.")
GRANTED = {"granted", "granted_with_conditions"}

TWICE = _("%(email)s is listed twice: each person signs once.")


@dataclass(frozen=True)
class SignerChoice:
    user: Any
    role: str


def _new_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed from paper
    return "".join(secrets.choice(alphabet) for _ in range(10))


def _store(document_id: Any, revision: int, pdf: bytes) -> str:
    key = f"signed/{document_id}/{revision:02d}.pdf"
    get_storage().put(key, io.BytesIO(pdf), size=len(pdf), content_type="application/pdf")
    return key


def _read(document: Document) -> bytes:
    with get_storage().open(document.file_key) as stream:
        return stream.read()


def _decision_facts(dossier: Dossier, decision: Decision, opinion: Any, language: str) -> documents.DecisionFacts:
    with translation.override(language):
        procedure = dossier.procedure_type
        template = DecisionTemplate.objects.filter(procedure_type=procedure).first()
        mentions = (template.legal_mentions_en if language == "en" else template.legal_mentions_fr) if template else ""
        authority = dossier.organisation.name if dossier.organisation_id else ""
        zone = ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])
        decided = decision.decided_at.astimezone(zone).strftime("%d/%m/%Y")
        opinion_words = ""
        if opinion is not None:
            opinion_words = str(opinion.get_value_display())
            if opinion.conditions:
                opinion_words += f" — {opinion.conditions}"
        applicants = DossierParty.objects.filter(dossier=dossier, role="applicant").select_related("user")
        return documents.DecisionFacts(
            authority=authority,
            reference=dossier.reference,
            procedure=procedure.name_en if language == "en" else procedure.name_fr,
            title=dossier.title,
            address=dossier.address,
            parcel=dossier.parcel_reference,
            applicants=[p.user.full_name or p.user.email for p in applicants],
            value=str(decision.get_value_display()),
            text=decision.text,
            commission_opinion=opinion_words,
            decided_at=decision.decided_at,
            time_zone=settings.URBADESK["LOCAL_TIME_ZONE"],
            legal_mentions=mentions.replace("{reference}", dossier.reference)
            .replace("{decided_at}", decided)
            .replace("{authority}", authority),
        )


def _distinct(chosen: Sequence[SignerChoice]) -> None:
    seen = set()
    for choice in chosen:
        if choice.user.pk in seen:
            message = str(TWICE) % {"email": choice.user.email}
            raise DomainError(message, errors={"signers": [message]})
        seen.add(choice.user.pk)


def _refuse_outsiders(chosen: Sequence[SignerChoice], allowed: set[Any], refusal: Any) -> None:
    """A 400 on `signers` naming the first chosen person whose id is not in `allowed`."""
    for choice in chosen:
        if choice.user.pk not in allowed:
            message = str(refusal) % {"email": choice.user.email}
            raise DomainError(message, errors={"signers": [message]})


def _check_signers(dossier: Dossier, chosen: Sequence[SignerChoice]) -> None:
    _distinct(chosen)
    eligible = selectors.dossier_signers_eligible(dossier=dossier).filter(pk__in=[c.user.pk for c in chosen])
    _refuse_outsiders(chosen, set(eligible.values_list("pk", flat=True)), BAD_SIGNER)


def _prepare_checks(actor: Any, dossier: Dossier, kind: str) -> Decision:
    if not lifecycle.is_desk(actor, dossier):
        raise PermissionDenied(str(NOT_THE_DESK))
    decision = Decision.objects.filter(dossier=dossier).select_related("decided_by").first()
    if decision is None:
        raise Conflict(str(NO_DECISION))
    if Document.objects.filter(dossier=dossier, kind=kind).exclude(status="withdrawn").exists():
        raise Conflict(str(ALREADY_PREPARED))
    return decision


def _default_signers(decision: Decision, language: str) -> list[SignerChoice]:
    defaults = selectors.dossier_default_signers(decision=decision, language=language)
    return [SignerChoice(candidate.user, candidate.suggested_role) for candidate in defaults]


def _create(
    *,
    actor: Any,
    dossier: Dossier,
    kind: str,
    title: str,
    language: str,
    code: str,
    drawn: documents.Drawn,
    signers: Sequence[SignerChoice],
) -> Document:
    document = _new_document(
        actor=actor,
        kind=kind,
        organisation=dossier.organisation,
        title=title,
        language=language,
        code=code,
        drawn=drawn,
    )
    document.dossier = dossier
    return _save_new(actor=actor, document=document, drawn=drawn, signers=signers, conflict=ALREADY_PREPARED)


def _new_document(
    *, actor: Any, kind: str, organisation: Any, title: str, language: str, code: str, drawn: documents.Drawn
) -> Document:
    return Document(
        kind=kind,
        organisation=organisation,
        title=title,
        language=language,
        code=code,
        sha256=hashlib.sha256(drawn.pdf).hexdigest(),
        size=len(drawn.pdf),
        pages=drawn.pages,
        created_by=actor,
    )


def _save_new(
    *, actor: Any, document: Document, drawn: documents.Drawn, signers: Sequence[SignerChoice], conflict: Any
) -> Document:
    """Stores the drawn PDF, records the document and its signers' boxes, asks the first to sign."""
    document.file_key = _store(document.id, 0, drawn.pdf)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as error:  # someone else prepared it at the same instant
        raise Conflict(str(conflict)) from error
    RequiredSigner.objects.bulk_create(
        RequiredSigner(
            document=document,
            position=index,
            user=choice.user,
            role=choice.role[:120],
            page=placement.page,
            box=list(placement.box),
        )
        for index, (choice, placement) in enumerate(zip(signers, drawn.placements, strict=True))
    )
    audit_record(
        actor=actor,
        action="document.prepared",
        object_type="document",
        object_id=document.id,
        dossier_id=document.dossier_id,
        after={"kind": document.kind, "sha256": document.sha256, "signers": [c.user.email for c in signers]},
    )
    _ask_next(document)
    return document


def _locked(dossier: Dossier) -> Dossier:
    return (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("organisation", "procedure_type")
        .get(pk=dossier.pk)
    )


@transaction.atomic
def decision_document_prepare(
    *, actor: Any, dossier: Dossier, signers: Sequence[SignerChoice] | None = None
) -> Document:
    """Draws the decision's PDF with a box per signer, stores it, and asks the first to sign."""
    dossier = _locked(dossier)
    decision = _prepare_checks(actor, dossier, DocumentKind.DECISION)
    opinion = selectors.last_opinion(dossier)
    language = selectors.language_after(opinion)
    signers = signers or _default_signers(decision, language)
    _check_signers(dossier, signers)
    code = _new_code()
    drawn = documents.decision_pdf(
        _decision_facts(dossier, decision, opinion, language), code=code, signers=len(signers), language=language
    )
    title = f"{dossier.reference} — {decision.get_value_display()}"
    return _create(
        actor=actor,
        dossier=dossier,
        kind=DocumentKind.DECISION,
        title=title,
        language=language,
        code=code,
        drawn=drawn,
        signers=signers,
    )


NO_ATTENDANCE = _("Record who sat at the session before drawing up its minutes.")
MINUTES_EXIST = _("This session's minutes are already prepared; withdraw them to prepare others.")
NOT_PRESENT = _("%(email)s did not sit at this session: only members present sign its minutes.")
NO_CHAIR = _("Nobody chairing or keeping the minutes sat: say who signs them.")
NOT_THE_COMMISSION_DESK = _("Only the desk of the commission's authority prepares its minutes.")


def _minutes_facts(session: Any, language: str) -> documents.MinutesFacts:
    from agenda.selectors import agenda_items
    from commissions.models import CommissionOpinion, ReviewTask

    commission = session.commission
    zone = ZoneInfo(commission.timezone)
    with translation.override(language):
        attendance = list(
            session.attendance.select_related("member__user", "member__body").order_by(
                "member__role", "member__user__full_name"
            )
        )

        def seat(row: Any) -> documents.MinutesMember:
            member = row.member
            return documents.MinutesMember(
                member.user.full_name or member.user.email, member.body.name, str(member.get_role_display())
            )

        items = []
        bookings = list(agenda_items(session=session))
        dossier_ids = [b.dossier_id for b in bookings]
        tasks: dict[Any, list[Any]] = {}
        for task in (
            ReviewTask.objects.filter(session_id=session.id, dossier_id__in=dossier_ids)
            .exclude(status="cancelled")
            .select_related("member__user", "member__body")
            .order_by("member__role", "member__user__full_name")
        ):
            tasks.setdefault(task.dossier_id, []).append(task)
        opinions = {
            o.dossier_id: o for o in CommissionOpinion.objects.filter(session_id=session.id, dossier_id__in=dossier_ids)
        }
        for booking in bookings:
            dossier = booking.dossier
            recorded = opinions.get(dossier.pk)
            consolidated = ""
            if recorded is not None:
                consolidated = str(recorded.get_value_display()) + (
                    f" — {recorded.conditions}" if recorded.conditions else ""
                )
            applicants = getattr(dossier, "applicants", [])
            items.append(
                documents.MinutesItem(
                    reference=dossier.reference,
                    title=dossier.title,
                    address=dossier.address,
                    procedure=dossier.procedure_type.name_en if language == "en" else dossier.procedure_type.name_fr,
                    applicant=", ".join(p.user.full_name or p.user.email for p in applicants),
                    opinions=[
                        documents.MinutesOpinion(
                            member=t.member.user.full_name or t.member.user.email,
                            body=t.member.body.name,
                            opinion=str(t.get_opinion_display()) if t.opinion else "",
                            reasons=t.reasons,
                            conditions=t.conditions,
                        )
                        for t in tasks.get(dossier.pk, [])
                    ],
                    consolidated=consolidated,
                    rule=str(recorded.get_rule_display()) if recorded is not None else "",
                )
            )
        return documents.MinutesFacts(
            authority=commission.organisation.name,
            commission=commission.name,
            date=session.starts_at.astimezone(zone).strftime("%d/%m/%Y"),
            hours=f"{session.starts_at.astimezone(zone):%H:%M}–{session.ends_at.astimezone(zone):%H:%M}",
            place=session.place,
            present=[seat(row) for row in attendance if row.present],
            absent=[seat(row) for row in attendance if not row.present],
            items=items,
        )


def _minutes_signers(session: Any, chosen: Sequence[SignerChoice] | None) -> list[SignerChoice]:
    """By default the chair then the secretary who sat; any chosen signer must have sat."""
    candidates = selectors.session_signer_candidates(session=session)
    if chosen:
        _distinct(chosen)
        _refuse_outsiders(chosen, {candidate.user.pk for candidate in candidates}, NOT_PRESENT)
        return list(chosen)
    bureau = [SignerChoice(c.user, c.suggested_role) for c in candidates if c.default]
    if not bureau:
        raise Conflict(str(NO_CHAIR))
    return bureau


@transaction.atomic
def minutes_prepare(*, actor: Any, session: Any, signers: Sequence[SignerChoice] | None = None) -> Document:
    """Draws up the session's minutes and asks the chair (then the secretary) to sign them."""
    from agenda.models import Session
    from commissions.selectors import can_manage_commission

    session = (
        Session.objects.select_for_update(of=("self",)).select_related("commission__organisation").get(pk=session.pk)
    )
    commission = session.commission
    if not can_manage_commission(actor, commission):
        raise PermissionDenied(str(NOT_THE_COMMISSION_DESK))
    if not session.attendance.filter(present=True).exists():
        raise Conflict(str(NO_ATTENDANCE))
    if Document.objects.filter(session_id=session.id, kind=DocumentKind.MINUTES).exclude(status="withdrawn").exists():
        raise Conflict(str(MINUTES_EXIST))
    language = commission.language
    signers = _minutes_signers(session, signers)
    facts = _minutes_facts(session, language)
    code = _new_code()
    drawn = documents.minutes_pdf(facts, code=code, signers=len(signers), language=language)
    with translation.override(language):
        title = gettext("Minutes — %(commission)s — %(date)s") % {"commission": commission.name, "date": facts.date}
    document = _new_document(
        actor=actor,
        kind=DocumentKind.MINUTES,
        organisation=commission.organisation,
        title=title,
        language=language,
        code=code,
        drawn=drawn,
    )
    document.session_id = session.id
    return _save_new(actor=actor, document=document, drawn=drawn, signers=signers, conflict=MINUTES_EXIST)


def _sheets(dossier: Dossier) -> list[documents.Sheet]:
    """The latest ready version of each of the dossier's plans, as PDF."""
    sheets = []
    for plan in Plan.objects.filter(dossier=dossier).order_by("created_at"):
        version = plan.versions.filter(status=VersionStatus.READY).order_by("-number").first()
        if version is None:
            continue
        with get_storage().open(version.storage_key) as stream:
            data = stream.read()
        if version.media_type != "application/pdf":
            data = _image_as_pdf(data, version)
        sheets.append(
            documents.Sheet(
                plan=plan.title,
                version=version.number,
                filename=version.original_filename,
                sha256=version.sha256,
                pages=version.page_count or 1,
                pdf=data,
            )
        )
    return sheets


def _image_as_pdf(data: bytes, version: Any) -> bytes:
    """An image plan on PDF pages of the size its analysis found (so its scale holds)."""
    from PIL import Image

    first = version.pages.order_by("index").first()
    out = io.BytesIO()
    with Image.open(io.BytesIO(data)) as image:
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(image.convert("RGB"))
    resolution = 72.0 * frames[0].width / first.width_pt if first is not None else 72.0
    frames[0].save(out, format="PDF", resolution=resolution, save_all=True, append_images=frames[1:])
    return out.getvalue()


@transaction.atomic
def authorised_plans_prepare(
    *, actor: Any, dossier: Dossier, signers: Sequence[SignerChoice] | None = None
) -> Document:
    """Stamps every page of the final plans and gathers them behind a cover with the signers'
    boxes: the whole set is signed in one go by each signer."""
    dossier = _locked(dossier)
    decision = _prepare_checks(actor, dossier, DocumentKind.AUTHORISED_PLANS)
    if decision.value not in GRANTED:
        raise Conflict(str(NOT_GRANTED))
    sheets = _sheets(dossier)
    if not sheets:
        raise Conflict(str(NO_PLANS))
    language = selectors.language_after(selectors.last_opinion(dossier))
    signers = signers or _default_signers(decision, language)
    _check_signers(dossier, signers)
    code = _new_code()
    with translation.override(language):
        stamp = gettext("APPROVED — %(reference)s — %(date)s") % {
            "reference": dossier.reference,
            "date": decision.decided_at.date().isoformat(),
        }
        title = gettext("%(reference)s — authorised plans") % {"reference": dossier.reference}
    drawn = documents.authorised_plans_pdf(
        sheets, reference=dossier.reference, stamp=stamp, code=code, signers=len(signers), language=language
    )
    return _create(
        actor=actor,
        dossier=dossier,
        kind=DocumentKind.AUTHORISED_PLANS,
        title=title,
        language=language,
        code=code,
        drawn=drawn,
        signers=signers,
    )


def next_signer(document: Document) -> RequiredSigner | None:
    return document.signers.filter(signed_at__isnull=True).order_by("position").select_related("user").first()


def _ask_next(document: Document) -> None:
    waiting = next_signer(document)
    if waiting is None:
        return
    notify(
        event="document.to_sign",
        recipients=[waiting.user],
        context={"title": document.title, "reference": document.dossier.reference if document.dossier else ""},
        url=f"/documents/{document.id}",
        dossier_id=document.dossier_id,
    )


@transaction.atomic
def document_sign(*, actor: Any, document: Document, password: str, sha256: str) -> Document:
    """Adds the actor's signature if it is their turn, they confirm with their password, and the
    document is the one they were shown (its fingerprint)."""
    document = Document.objects.select_for_update(of=("self",)).select_related("dossier").get(pk=document.pk)
    seat = document.signers.filter(user=actor).first()
    if seat is None:
        raise PermissionDenied(str(NOT_A_SIGNER))
    if document.status != DocumentStatus.SIGNING:
        raise Conflict(str(NOT_SIGNING) % {"status": document.get_status_display()})
    if seat.signed_at is not None:
        raise Conflict(str(ALREADY_SIGNED))
    waiting = next_signer(document)
    if waiting is not None and waiting.pk != seat.pk:
        raise Conflict(str(NOT_YOUR_TURN) % {"name": waiting.user.full_name or waiting.user.email})
    if not actor.check_password(password):
        raise DomainError(str(WRONG_PASSWORD), errors={"password": [str(WRONG_PASSWORD)]})
    if sha256 != document.sha256:
        raise Conflict(str(CHANGED))
    pdf = _read(document)
    if hashlib.sha256(pdf).hexdigest() != document.sha256:
        raise Conflict(str(TAMPERED))

    source = pki.key_source()
    keys = source.keys_for(actor)
    try:
        signed = _signed_bytes(document, seat, pdf, keys=keys, source=source)
    finally:
        keys.close()
    before = document.sha256
    revision = seat.position + 1
    document.file_key = _store(document.id, revision, signed)
    document.sha256 = hashlib.sha256(signed).hexdigest()
    document.size = len(signed)
    seat.signed_at = timezone.now()
    seat.save(update_fields=["signed_at", "timestamped", "note"])
    finished = next_signer(document) is None
    if finished:
        document.status, document.signed_at = DocumentStatus.SIGNED, seat.signed_at
    document.save(update_fields=["file_key", "sha256", "size", "status", "signed_at"])
    audit_record(
        actor=actor,
        action="document.signed",
        object_type="document",
        object_id=document.id,
        dossier_id=document.dossier_id,
        before={"sha256": before},
        after={"sha256": document.sha256, "position": seat.position, "timestamped": seat.timestamped},
    )
    if finished:
        _announce(document)
    else:
        _ask_next(document)
    return document


def _signed_bytes(document: Document, seat: RequiredSigner, pdf: bytes, *, keys: Any, source: Any) -> bytes:
    """The PDF with the seat's signature, timestamped when a service is configured; without the
    timestamp, or refused, when that service is down, as configured."""
    placement = pdfsign.Placement(page=seat.page, box=tuple(seat.box))
    with translation.override(document.language):
        label = gettext("Signed by")
    tsa = pdfsign.timestamper()
    field = f"Signature{seat.position + 1}"
    try:
        signed = pdfsign.sign(
            pdf, keys=keys, source=source, field_name=field, placement=placement, label=label, role=seat.role, tsa=tsa
        )
        seat.timestamped = tsa is not None
        return signed
    except pdfsign.TimestampUnavailable as error:
        if settings.URBADESK["SIGNING"]["TSA_REQUIRED"]:
            raise pki.KeysUnavailable(str(TSA_DOWN)) from error
        signed = pdfsign.sign(
            pdf, keys=keys, source=source, field_name=field, placement=placement, label=label, role=seat.role, tsa=None
        )
        with translation.override(document.language):
            seat.note = str(TSA_SKIPPED)
    return signed


def _announce(document: Document) -> None:
    if document.dossier is None:
        return
    notify(
        event="document.signed",
        recipients=parties(document.dossier),
        context={"title": document.title, "reference": document.dossier.reference},
        url=f"/dossiers/{document.dossier_id}",
        dossier_id=document.dossier_id,
    )


@transaction.atomic
def document_withdraw(*, actor: Any, document: Document) -> Document:
    document = Document.objects.select_for_update(of=("self",)).select_related("dossier").get(pk=document.pk)
    if not (actor.is_admin or (actor.role == "desk_agent" and actor.organisation_id == document.organisation_id)):
        raise PermissionDenied(str(NOT_THE_DESK))
    if document.status != DocumentStatus.SIGNING:
        raise Conflict(str(NOT_WITHDRAWABLE))
    document.status = DocumentStatus.WITHDRAWN
    document.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="document.withdrawn",
        object_type="document",
        object_id=document.id,
        dossier_id=document.dossier_id,
        after={"status": document.status},
    )
    return document


SEALED_BY = _("Sealed by")
SEAL_ROLE = _("Electronic seal of the platform")


def _sealed_bytes(pdf: bytes, placement: pdfsign.Placement, language: str) -> tuple[bytes, bool]:
    """The PDF with the platform's seal (PAdES), timestamped when a service is configured; the
    same rule as people's signatures when that service is down."""
    source = pki.key_source()
    keys = source.seal_keys()
    with translation.override(language):
        label, role = str(SEALED_BY), str(SEAL_ROLE)
    tsa = pdfsign.timestamper()
    try:
        try:
            signed = pdfsign.sign(
                pdf, keys=keys, source=source, field_name="Seal", placement=placement, label=label, role=role, tsa=tsa
            )
            return signed, tsa is not None
        except pdfsign.TimestampUnavailable as error:
            if settings.URBADESK["SIGNING"]["TSA_REQUIRED"]:
                raise pki.KeysUnavailable(str(TSA_DOWN)) from error
            signed = pdfsign.sign(
                pdf, keys=keys, source=source, field_name="Seal", placement=placement, label=label, role=role, tsa=None
            )
            return signed, False
    finally:
        keys.close()


@transaction.atomic
def sealed_document_create(
    *, actor: Any, kind: str, organisation: Any, title: str, language: str, code: str, drawn: documents.Drawn
) -> Document:
    """A document the platform issues on its own: sealed at once with the platform's electronic
    seal, stored, and recorded as signed, so that its verification link and QR code answer as for
    any signed document. `actor` is who asked for it (its `created_by`); nobody signs in turn."""
    signed, timestamped = _sealed_bytes(drawn.pdf, drawn.placements[0], language)
    document = _new_document(
        actor=actor,
        kind=kind,
        organisation=organisation,
        title=title,
        language=language,
        code=code,
        drawn=documents.Drawn(pdf=signed, placements=drawn.placements, pages=drawn.pages),
    )
    document.file_key = _store(document.id, 0, signed)
    document.status, document.signed_at = DocumentStatus.SIGNED, timezone.now()
    document.save()
    audit_record(
        actor=actor,
        action="document.sealed",
        object_type="document",
        object_id=document.id,
        after={"kind": document.kind, "sha256": document.sha256, "code": document.code, "timestamped": timestamped},
    )
    return document


def new_verification_code() -> str:
    """A fresh code for a document's verification link."""
    return _new_code()
