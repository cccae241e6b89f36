from __future__ import annotations

import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A body that acts in the procedure: a commune, an urban agency, civil protection…"""

    class Kind(models.TextChoices):
        AUTHORITY = "authority", _("Permitting authority")
        AGENCY = "agency", _("Urban agency")
        UTILITY = "utility", _("Utility or public service")
        FIRM = "firm", _("Architecture firm")
        OTHER = "other", _("Other")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.AUTHORITY)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    PROJECT_AUTHOR = "project_author", _("Project author (architect)")
    DESK_AGENT = "desk_agent", _("Desk agent")
    COMMISSION_MEMBER = "commission_member", _("Commission member")
    SIGNING_AUTHORITY = "signing_authority", _("Signing authority")
    ADMIN = "admin", _("Administrator")
    SERVICE = "service", _("Service account (third-party system)")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> User:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        fields.setdefault("role", Role.ADMIN)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person or a service account; logs in with an e-mail address."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.APPLICANT)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    language = models.CharField(max_length=8, default="fr")
    phone = models.CharField(
        max_length=32, blank=True, help_text="International format (+212…): where SMS notifications go."
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or self.role == Role.ADMIN


class ExternalIdentity(models.Model):
    """A person's account at an external identity provider (OpenID Connect), linked to a user.

    The provider names the person by (issuer, subject), never by e-mail: the link is what lets
    the same person back in when their e-mail changes there. The identity level is the
    provider's assurance level (`acr`, or the configured claim) at the last login.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="external_identities")
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    identity_level = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["issuer", "subject"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="external_identity_issuer_subject_unique")
        ]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.issuer}"


class OidcLogin(models.Model):
    """One login sent to the provider and not back yet: what the callback must match.

    Kept server-side (the SPA has no session cookie to hold it); a row lives ten minutes and is
    deleted when its callback arrives, so a replayed callback finds nothing.
    """

    state = models.CharField(max_length=64, primary_key=True)
    nonce = models.CharField(max_length=64)
    code_verifier = models.CharField(max_length=128)
    next_path = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)


class OidcTicket(models.Model):
    """A one-time ticket that the SPA exchanges for its tokens, a minute at most after the login.

    Only the ticket's SHA-256 is kept, so that what the database holds cannot be exchanged.
    """

    ticket_hash = models.CharField(max_length=64, primary_key=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
