"""Demo data: one login per role and a sample dossier with a measurable plan. Idempotent."""

from __future__ import annotations

import io
from decimal import Decimal

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Organisation, Role, User
from dossiers import lifecycle, services
from dossiers.models import Dossier, PlanKind
from dossiers.samples import building_outline_pdf
from dossiers.tasks import analyse_plan_version

DEMO_PASSWORD = "urbadesk-demo"
DEMO_DOMAIN = "demo.urbadesk.org"
DEMO_USERS = [
    ("applicant", "Salma Bennani", Role.APPLICANT, None),
    ("applicant2", "Youssef El Idrissi", Role.APPLICANT, None),
    ("architect", "Nadia Alaoui, architecte", Role.PROJECT_AUTHOR, "atelier-alaoui"),
    ("agent", "Karim Tazi, guichet", Role.DESK_AGENT, "casablanca"),
    ("member1", "Leila Chraibi, agence urbaine", Role.COMMISSION_MEMBER, "agence-urbaine"),
    ("member2", "Omar Berrada, protection civile", Role.COMMISSION_MEMBER, "protection-civile"),
    ("signer", "Hassan Fassi, président", Role.SIGNING_AUTHORITY, "casablanca"),
    ("admin", "Administrateur Urbadesk", Role.ADMIN, "casablanca"),
]
ORGANISATIONS = {
    "casablanca": ("Commune urbaine de Casablanca", Organisation.Kind.AUTHORITY),
    "agence-urbaine": ("Agence urbaine de Casablanca", Organisation.Kind.AGENCY),
    "protection-civile": ("Protection civile", Organisation.Kind.UTILITY),
    "atelier-alaoui": ("Atelier Alaoui Architectes", Organisation.Kind.FIRM),
}
SAMPLE_TITLE = "Villa R+1, quartier Anfa (démonstration)"
SUBMITTED_TITLE = "Immeuble R+3, boulevard d'Anfa (démonstration, déposé)"
DECIDED_TITLE = "Extension R+1, rue Ibn Toufail (démonstration, accordé)"
INQUIRY_TITLE = "Lotissement Les Orangers, 24 lots (démonstration, enquête publique)"


def _demo_answers(procedure: str, width_m: float, depth_m: float) -> dict:
    """Answers to the procedure's form that match the demo plan: its fee follows from them."""
    if procedure == "PC":
        return {"built_surface": round(width_m * depth_m * 2), "dwellings": 2, "floors": 2, "use": "housing"}
    return {}


class Command(BaseCommand):
    help = "Create the demo organisations, one login per role, and a sample dossier (idempotent)."

    def handle(self, *args, **options) -> None:
        users = self._users()
        self._sample_dossier(users["applicant"], users["architect"])
        self._submitted_dossier(users["applicant"])
        self._decided_dossier(users["applicant"], users["agent"], users["signer"])
        self._inquiry_dossier(users["architect"], users["agent"])
        call_command("seed_demo_agenda", stdout=self.stdout)
        call_command("seed_demo_certificates", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password: {DEMO_PASSWORD}):"))
        for login, name, role, _org in DEMO_USERS:
            self.stdout.write(f"  {login + '@' + DEMO_DOMAIN:<32} {role.label} — {name}")

    @transaction.atomic
    def _users(self) -> dict[str, User]:
        organisations = {
            slug: Organisation.objects.update_or_create(slug=slug, defaults={"name": name, "kind": kind})[0]
            for slug, (name, kind) in ORGANISATIONS.items()
        }
        users: dict[str, User] = {}
        for login, name, role, org in DEMO_USERS:
            email = f"{login}@{DEMO_DOMAIN}"
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email, DEMO_PASSWORD)
            user.full_name, user.role = name, role
            user.organisation = organisations[org] if org else None
            user.is_staff = user.is_superuser = role == Role.ADMIN
            user.save()
            users[login] = user
        return users

    def _sample_dossier(self, applicant: User, architect: User) -> None:
        if Dossier.objects.filter(title=SAMPLE_TITLE, created_by=applicant).exists():
            return
        dossier = services.dossier_create(
            actor=applicant,
            procedure_type="PC",
            title=SAMPLE_TITLE,
            description="Maison individuelle de 12 m × 8 m sur un lot de 300 m².",
            address="12 rue des Orangers, Anfa, Casablanca",
            latitude=Decimal("33.588300"),
            longitude=Decimal("-7.632200"),
            parcel_reference="TF 12345/C",
            organisation="casablanca",
        )
        services.dossier_party_add(actor=applicant, dossier=dossier, user=architect)
        plan = services.plan_create(actor=applicant, dossier=dossier, kind=PlanKind.SITE, title="Plan de masse")
        version = services.plan_version_create_from_stream(
            actor=applicant,
            plan=plan,
            stream=io.BytesIO(building_outline_pdf()),
            filename="plan-de-masse-A1-1-100.pdf",
            declared_scale=100,
        )
        analyse_plan_version(str(version.pk))  # run now, so the demo is ready without a worker

    def _submitted(
        self, applicant: User, *, title: str, description: str, place: tuple, plan: tuple, procedure: str = "PC"
    ) -> Dossier:
        """A submitted dossier with one analysed site plan (`place`: address, latitude, longitude,
        parcel; `plan`: outline width and depth in metres, file name)."""
        address, latitude, longitude, parcel = place
        width_m, depth_m, filename = plan
        dossier = services.dossier_create(
            actor=applicant,
            procedure_type=procedure,
            title=title,
            description=description,
            address=address,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            parcel_reference=parcel,
            organisation="casablanca",
            form_data=_demo_answers(procedure, width_m, depth_m),
        )
        site = services.plan_create(actor=applicant, dossier=dossier, kind=PlanKind.SITE, title="Plan de masse")
        version = services.plan_version_create_from_stream(
            actor=applicant,
            plan=site,
            stream=io.BytesIO(building_outline_pdf(width_m=width_m, depth_m=depth_m)),
            filename=filename,
            declared_scale=100,
        )
        analyse_plan_version(str(version.pk))
        return services.dossier_submit(actor=applicant, dossier=dossier)

    def _submitted_dossier(self, applicant: User) -> None:
        """A dossier already submitted, so the demo can book a commission slot at once."""
        if Dossier.objects.filter(title=SUBMITTED_TITLE, created_by=applicant).exists():
            return
        self._submitted(
            applicant,
            title=SUBMITTED_TITLE,
            description="Immeuble de logements R+3 avec commerce en rez-de-chaussée.",
            place=("140 boulevard d'Anfa, Casablanca", "33.590900", "-7.631000", "TF 67890/C"),
            plan=(20, 14, "plan-de-masse-immeuble.pdf"),
        )

    def _decided_dossier(self, applicant: User, agent: User, signer: User) -> None:
        """A dossier whose permit is granted, so the demo can prepare and sign its decision and
        authorised plans, and open its occupancy permit."""
        if Dossier.objects.filter(title=DECIDED_TITLE, created_by=applicant).exists():
            return
        dossier = self._submitted(
            applicant,
            title=DECIDED_TITLE,
            description="Surélévation d'une villa existante.",
            place=("8 rue Ibn Toufail, Casablanca", "33.585100", "-7.626400", "TF 24680/C"),
            plan=(10, 9, "plan-de-masse-extension.pdf"),
        )
        lifecycle.dossier_start_check(actor=agent, dossier=dossier)
        for item in lifecycle.checklist_items(dossier):
            lifecycle.checklist_check(actor=agent, dossier=dossier, code=item.code, satisfied=True)
        lifecycle.dossier_declare_complete(actor=agent, dossier=dossier)
        lifecycle.dossier_record_opinion(actor=agent, dossier=dossier, opinion={"value": "favourable"})
        lifecycle.dossier_decide(
            actor=signer,
            dossier=dossier,
            value="granted_with_conditions",
            text="Permis accordé sous réserve d'un recul de 3 m sur la limite nord.",
        )

    def _inquiry_dossier(self, author: User, agent: User) -> None:
        """An allotment under review with its public inquiry open, so the public portal shows one and
        a visitor can send an observation."""
        if Dossier.objects.filter(title=INQUIRY_TITLE, created_by=author).exists():
            return
        from portal.inquiries import inquiry_open

        dossier = self._submitted(
            author,
            title=INQUIRY_TITLE,
            description="Lotissement résidentiel de 24 lots avec voirie et espaces verts.",
            place=("Route d'Azemmour, Dar Bouazza", "33.523400", "-7.821900", "TF 13579/C"),
            plan=(40, 30, "plan-de-lotissement.pdf"),
            procedure="PL",
        )
        lifecycle.dossier_start_check(actor=agent, dossier=dossier)
        for item in lifecycle.checklist_items(dossier):
            lifecycle.checklist_check(actor=agent, dossier=dossier, code=item.code, satisfied=True)
        lifecycle.dossier_declare_complete(actor=agent, dossier=dossier)
        version = dossier.plans.get().versions.get()
        inquiry_open(
            actor=agent,
            dossier=dossier,
            public_versions=[version.pk],
            notice="Lotissement de 24 lots ; voirie raccordée à la route d'Azemmour.",
        )
