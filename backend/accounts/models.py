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
