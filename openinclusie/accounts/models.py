from typing import Any

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openinclusie.organisations.models import Organisation


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A staff member of an ADV, municipality, partner or the platform.
    Residents never have an account."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(condition=Q(email=models.functions.Lower("email")), name="user_email_lowercase"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"


class Role(models.TextChoices):
    ADV_CONSULTANT = "adv_consultant", _("ADV consultant")
    ADV_COORDINATOR = "adv_coordinator", _("ADV coordinator")
    PROGRAMME_OFFICER = "programme_officer", _("Programme officer")
    PARTNER_MEMBER = "partner_member", _("Partner member")
    PLATFORM_ADMIN = "platform_admin", _("Platform admin")


# Which roles an organisation of each kind can give. Platform management is a
# role any organisation can hold; it never grants access to case files.
ROLES_BY_ORGANISATION_KIND = {
    "adv": {Role.ADV_CONSULTANT, Role.ADV_COORDINATOR, Role.PLATFORM_ADMIN},
    "municipality": {Role.PROGRAMME_OFFICER, Role.PLATFORM_ADMIN},
    "partner": {Role.PARTNER_MEMBER, Role.PLATFORM_ADMIN},
    "platform": {Role.PLATFORM_ADMIN},
}


class Membership(models.Model):
    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user.email}: {self.get_role_display()} @ {self.organisation}"
