"""The world the authorisation matrix runs in: one of each actor and one "own" object per path parameter.

Built through the services (as `seed_demo` does) wherever they exist, so visibility comes from
the real rows a real procedure leaves: parties, organisations, dispatch to reviewers
(DossierAccess and review tasks), seats on commissions, signers of documents.

Dossier A (Casablanca, building permit) is under review and booked at session S of commission C;
it has two analysed versions of one plan, a remark shared with the applicant and an internal
one, a member's (internal) opinion, an open public inquiry and a decision document waiting for
the signing authority. Dossier B belongs to the foreign applicant and is examined by commission
C2 of another authority (Rabat), on which the foreign member sits. The former member reviewed A
for C, then left C. The owner of A also owns a direct upload, an annotated export, a webhook
endpoint and one of its deliveries: objects that belong to one person, hidden from everyone else.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import timezone

from accounts.models import Organisation, Role, User
from agenda import services as agenda_services
from agenda.models import Booking, Session, Slot
from annotations import services as annotation_services
from annotations.exports.cache import annotated_export
from annotations.models import AnnotatedExport, Annotation
from certificates.models import Parcel
from certificates.services import certificate_request_create
from commissions.models import Commission, CommissionMember, MemberKind, MemberRole, ReviewTask
from commissions.services import commission_create, member_remove, opinion_give
from dossiers import lifecycle
from dossiers import services as dossier_services
from dossiers.models import Dossier, DossierStatus, Plan, PlanKind, PlanVersion, Upload
from dossiers.samples import building_outline_pdf
from dossiers.tasks import analyse_plan_version
from notifications.models import WebhookDelivery, WebhookSubscription
from payments.models import Payment, PaymentState
from portal.models import Inquiry
from signatures.models import Document, DocumentKind, RequiredSigner
from storage.services import get_storage

PASSWORD = "matrix-password"

# Column order of the matrix (World.users holds None for the anonymous caller).
ACTORS = (
    "anonymous",  # no credentials
    "owner",  # applicant who created dossier A
    "architect",  # project author, co-party of A
    "foreign_applicant",  # party of dossier B only
    "agent",  # desk agent of A's authority (Casablanca)
    "foreign_agent",  # desk agent of another authority (Rabat)
    "member",  # plain member of commission C, dispatched to review A
    "chair",  # chair of commission C, dispatched to review A
    "foreign_member",  # member of commission C2 (Rabat), reviewing B
    "former_member",  # was on commission C, reviewed A, then left C
    "signer",  # signing authority of Casablanca, next signer of A's decision document
    "admin",  # administrator (staff)
)
# Actors to whom dossier A does not exist.
FOREIGN_ACTORS = ("foreign_applicant", "foreign_agent", "foreign_member", "former_member")


@dataclass
class World:
    users: dict[str, User | None]
    dossier: Dossier
    plan: Plan
    previous_version: PlanVersion
    version: PlanVersion
    upload: Upload
    annotation: Annotation
    export: AnnotatedExport
    commission: Commission
    seat: CommissionMember
    task: ReviewTask
    session: Session
    booking: Booking
    free_slot: Slot
    document: Document
    inquiry: Inquiry
    webhook: WebhookSubscription
    delivery: WebhookDelivery
    checklist_code: str
    authority: Organisation
    internal_remark: Annotation
    internal_reasons: str
    storage_root: Path | None = None  # where its files are stored (set by the fixture)
    certificate: Any = None  # the owner's request for a certificate of A's parcel
    payment: Any = None  # the owner's paid fee of dossier A

    def secrets_hidden_from(self, actor: str) -> dict[str, str]:
        """What must appear in no answer to this actor: the commission's inner workings for the
        applicant's side; for an actor foreign to dossier A, anything that names A as well."""
        inner = {"an internal remark": str(self.internal_remark.pk), "a member's reasons": self.internal_reasons}
        if actor in ("owner", "architect"):
            return inner
        if actor in FOREIGN_ACTORS:
            return {
                **inner,
                "dossier A's id": str(self.dossier.pk),
                "dossier A's reference": self.dossier.reference,
                "A's plan version": str(self.version.pk),
                "A's booking": str(self.booking.pk),
                "A's decision document": str(self.document.pk),
                "A's review task": str(self.task.pk),
            }
        return {}

    def path_value(self, name: str, path: str) -> str:
        """The "own" object for a path parameter, by its name (and, for `code`, by where it stands)."""
        if name == "code":
            if path.startswith("/api/v1/procedure-types/"):
                return self.dossier.procedure_type_id
            return self.checklist_code if "/checklist/" in path else self.document.code
        if name == "provider":
            return "dev"
        objects = {
            "dossier_id": self.dossier,
            "plan_id": self.plan,
            "version_id": self.version,
            "upload_id": self.upload,
            "annotation_id": self.annotation,
            "export_id": self.export,
            "commission_id": self.commission,
            "member_id": self.seat,
            "task_id": self.task,
            "session_id": self.session,
            "booking_id": self.booking,
            "document_id": self.document,
            "inquiry_id": self.inquiry,
            "webhook_id": self.webhook,
            "delivery_id": self.delivery,
            "certificate_id": self.certificate,
            "payment_id": self.payment,
        }
        if name not in objects:
            raise KeyError(
                f"The matrix's world has no object for path parameter {{{name}}} ({path}): "
                "add one to config/tests/matrix_world.py (World.path_value)."
            )
        return str(objects[name].pk)


def _organisation(slug: str, name: str, kind: str = Organisation.Kind.AUTHORITY) -> Organisation:
    return Organisation.objects.create(slug=slug, name=name, kind=kind)


def _user(key: str, role: str, organisation: Organisation | None = None, **fields: Any) -> User:
    return User.objects.create_user(
        f"matrix-{key}@example.org", PASSWORD, full_name=f"Matrix {key}", role=role, organisation=organisation, **fields
    )


def _weekly_sessions(*, agent: User, commission: Commission) -> None:
    agenda_services.planning_rule_create(
        actor=agent,
        commission=commission,
        weekdays=[1, 2, 3, 4, 5],
        start_time=time(9),
        end_time=time(11),
        slot_minutes=30,
        capacity=2,
        valid_from=timezone.now().date(),
        place="Salle du conseil",
        booking_opens_days=28,
        booking_closes_hours=24,
        cancellation_hours=48,
    )
    agenda_services.sessions_generate(actor=agent, commission=commission, weeks=3)


def _bookable_slots(commission: Commission):
    return Slot.objects.filter(
        session__commission=commission, starts_at__gt=timezone.now() + timedelta(days=3)
    ).order_by("starts_at")


def _analysed_version(*, actor: User, plan: Plan, width_m: float) -> PlanVersion:
    version = dossier_services.plan_version_create_from_stream(
        actor=actor,
        plan=plan,
        stream=io.BytesIO(building_outline_pdf(width_m=width_m)),
        filename=f"plan-de-masse-{width_m:g}.pdf",
        declared_scale=100,
    )
    analyse_plan_version(str(version.pk))
    return PlanVersion.objects.get(pk=version.pk)


def build_world() -> World:
    """Every row of the world; run inside a transaction that the caller rolls back."""
    casablanca = _organisation("matrix-casablanca", "Commune de Casablanca (matrix)")
    rabat = _organisation("matrix-rabat", "Commune de Rabat (matrix)")
    agency = _organisation("matrix-agence", "Agence urbaine (matrix)", Organisation.Kind.AGENCY)
    firm = _organisation("matrix-atelier", "Atelier (matrix)", Organisation.Kind.FIRM)

    users: dict[str, User | None] = {
        "anonymous": None,
        "owner": _user("owner", Role.APPLICANT),
        "architect": _user("architect", Role.PROJECT_AUTHOR, firm),
        "foreign_applicant": _user("foreign-applicant", Role.APPLICANT),
        "agent": _user("agent", Role.DESK_AGENT, casablanca),
        "foreign_agent": _user("foreign-agent", Role.DESK_AGENT, rabat),
        "member": _user("member", Role.COMMISSION_MEMBER, agency),
        "chair": _user("chair", Role.COMMISSION_MEMBER, casablanca),
        "foreign_member": _user("foreign-member", Role.COMMISSION_MEMBER, agency),
        "former_member": _user("former-member", Role.COMMISSION_MEMBER, agency),
        "signer": _user("signer", Role.SIGNING_AUTHORITY, casablanca),
        "admin": User.objects.create_superuser("matrix-admin@example.org", PASSWORD, full_name="Matrix admin"),
    }
    owner, agent = users["owner"], users["agent"]
    assert set(users) == set(ACTORS)

    # Commissions, their seats and sessions.
    commission = commission_create(
        actor=agent, organisation=casablanca, name="Commission d'Anfa (matrix)", timezone="Africa/Casablanca",
        procedure_types=["PC"],
    )  # fmt: skip
    seat = CommissionMember.objects.create(
        commission=commission, user=users["member"], body=agency, kind=MemberKind.PERMANENT, role=MemberRole.MEMBER
    )
    CommissionMember.objects.create(
        commission=commission, user=users["chair"], body=casablanca, kind=MemberKind.PERMANENT, role=MemberRole.CHAIR
    )
    former_seat = CommissionMember.objects.create(
        commission=commission, user=users["former_member"], body=agency, kind=MemberKind.PERMANENT
    )
    _weekly_sessions(agent=agent, commission=commission)
    foreign_commission = commission_create(
        actor=users["foreign_agent"], organisation=rabat, name="Commission de Rabat (matrix)",
        timezone="Africa/Casablanca", procedure_types=["PC"],
    )  # fmt: skip
    CommissionMember.objects.create(
        commission=foreign_commission, user=users["foreign_member"], body=agency, kind=MemberKind.PERMANENT
    )
    _weekly_sessions(agent=users["foreign_agent"], commission=foreign_commission)

    # Dossier A: drawn up by its parties, checked by the desk, under review, booked and dispatched.
    dossier = dossier_services.dossier_create(
        actor=owner,
        procedure_type="PC",
        title="Villa R+1 (matrix)",
        address="12 rue des Orangers, Casablanca",
        latitude=Decimal("33.588300"),
        longitude=Decimal("-7.632200"),
        parcel_reference="TF 1/C",
        organisation=casablanca.slug,
    )
    dossier_services.dossier_party_add(actor=owner, dossier=dossier, user=users["architect"])
    plan = dossier_services.plan_create(actor=owner, dossier=dossier, kind=PlanKind.SITE, title="Plan de masse")
    previous_version = _analysed_version(actor=owner, plan=plan, width_m=12)
    version = _analysed_version(actor=users["architect"], plan=plan, width_m=14)
    upload, _target = dossier_services.upload_create(
        actor=owner, plan=plan, filename="v3.pdf", size=1234, media_type="application/pdf", declared_scale=100
    )
    dossier_services.dossier_submit(actor=owner, dossier=dossier)
    lifecycle.dossier_start_check(actor=agent, dossier=dossier)
    items = lifecycle.checklist_items(dossier)
    for item in items:
        lifecycle.checklist_check(actor=agent, dossier=dossier, code=item.code, satisfied=True)
    lifecycle.dossier_declare_complete(actor=agent, dossier=dossier)
    slots = list(_bookable_slots(commission)[:2])
    booking = agenda_services.booking_create(actor=owner, dossier=dossier, slot=slots[0])
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.UNDER_REVIEW
    task = ReviewTask.objects.get(dossier=dossier, member=seat)

    # Dossier B: the foreign applicant's, examined by the other authority's commission.
    other = dossier_services.dossier_create(
        actor=users["foreign_applicant"],
        procedure_type="PC",
        title="Immeuble (matrix, other)",
        address="1 avenue Mohammed V, Rabat",
        organisation=rabat.slug,
    )
    Dossier.objects.filter(pk=other.pk).update(status=DossierStatus.SUBMITTED)
    agenda_services.booking_create(
        actor=users["foreign_applicant"], dossier=other, slot=_bookable_slots(foreign_commission).first()
    )

    # What the commission's side drew: a remark shared with the applicant.
    annotation = annotation_services.annotation_create(
        actor=users["member"],
        version=version,
        page_index=1,
        kind="rectangle",
        geometry={"rect": [100, 100, 200, 150]},
        text="Reculer de 3 m",
        is_remark=True,
        visibility="shared",
    )
    internal_remark = annotation_services.annotation_create(
        actor=users["chair"],
        version=version,
        page_index=1,
        kind="rectangle",
        geometry={"rect": [300, 100, 400, 150]},
        text="Pour la commission seulement",
        is_remark=True,
        visibility="internal",
    )
    export = annotated_export(user=owner, version=version)
    internal_reasons = f"MATRIX-REASONS-{uuid.uuid4().hex}"
    opinion_give(actor=users["member"], task=task, value="unfavourable", reasons=internal_reasons)
    # The former member gave their opinion on A, then left the commission.
    former_task = ReviewTask.objects.get(dossier=dossier, member=former_seat)
    opinion_give(actor=users["former_member"], task=former_task, value="favourable", reasons="Rien à redire.")
    member_remove(actor=agent, member=former_seat)

    # The decision document of A, waiting for the signing authority.
    pdf = building_outline_pdf(title="Arrete (matrix)")
    document = Document(
        kind=DocumentKind.DECISION,
        dossier=dossier,
        organisation=casablanca,
        title=f"{dossier.reference} (matrix)",
        code="MATRIX" + uuid.uuid4().hex[:8].upper(),
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        pages=1,
        created_by=agent,
    )
    document.file_key = f"signatures/{document.id}/0.pdf"
    get_storage().put(document.file_key, io.BytesIO(pdf), size=len(pdf), content_type="application/pdf")
    document.save()
    RequiredSigner.objects.create(
        document=document, position=0, user=users["signer"], role="Le président", page=0, box=[50, 50, 250, 120]
    )

    # A's public inquiry, open now.
    now = timezone.now()
    inquiry = Inquiry.objects.create(
        dossier=dossier, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=14), opened_by=agent
    )
    inquiry.public_versions.set([version])

    # The owner's webhook endpoint and one of its deliveries.
    webhook = WebhookSubscription.objects.create(
        owner=owner, url="https://hooks.example.org/urbadesk", events=["dossier.submitted"], secret="s" * 32
    )
    delivery = WebhookDelivery.objects.create(
        subscription=webhook,
        event="dossier.submitted",
        event_id=uuid.uuid4(),
        dossier_id=dossier.id,
        payload={"event": "dossier.submitted", "dossier": str(dossier.id)},
    )

    # The owner's request for an urban-planning information certificate of A's parcel.
    parcel = Parcel.objects.create(
        organisation=casablanca, reference="TF 1/C", address=dossier.address, latitude=dossier.latitude,
        longitude=dossier.longitude,
    )  # fmt: skip
    certificate = certificate_request_create(actor=owner, parcel=parcel, language="fr")

    # The owner's fee of A, paid (so that its receipt exists and the desk may refund it).
    payment = Payment.objects.create(
        dossier=dossier, amount=Decimal("800.00"), currency="MAD", provider="dev", status=PaymentState.PAID,
        receipt_number="R-2026-999999", paid_at=timezone.now(), created_by=owner,
    )  # fmt: skip

    return World(
        payment=payment,
        certificate=certificate,
        users=users,
        dossier=dossier,
        plan=plan,
        previous_version=previous_version,
        version=version,
        upload=upload,
        annotation=annotation,
        export=export,
        commission=commission,
        seat=seat,
        task=task,
        session=booking.slot.session,
        booking=booking,
        free_slot=slots[1],
        document=document,
        inquiry=inquiry,
        webhook=webhook,
        delivery=delivery,
        checklist_code=items[0].code,
        authority=casablanca,
        internal_remark=internal_remark,
        internal_reasons=internal_reasons,
    )
