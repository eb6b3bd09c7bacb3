from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
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
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # The stubs type AbstractUser.objects as Django's username-based manager;
    # this model has no username, so its manager differs on purpose.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(condition=Q(email=Lower("email")), name="user_email_lowercase"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"


class Role(models.TextChoices):
    ADV_CONSULTANT = "adv_consultant", _("ADV consultant")
    ADV_COORDINATOR = "adv_coordinator", _("ADV coordinator")
    PROGRAMME_OFFICER = "programme_officer", _("Programme officer")
    PARTNER_MEMBER = "partner_member", _("Partner member")
    PLATFORM_ADMIN = "platform_admin", _("Platform admin")


# The roles of an ADV's own staff. Only a coordinator of that ADV gives or
# takes them away (docs/adr/0007-adv-manages-its-own-staff.md).
ADV_ROLES = frozenset({Role.ADV_CONSULTANT, Role.ADV_COORDINATOR})


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


class AdminActionKind(models.TextChoices):
    USER_CREATED = "user_created", _("Account created")
    USER_RENAMED = "user_renamed", _("Name changed")
    USER_DEACTIVATED = "user_deactivated", _("Account switched off")
    USER_REACTIVATED = "user_reactivated", _("Account switched on again")
    PASSWORD_LINK_ISSUED = "password_link_issued", _("Set-password link made")
    PASSWORD_SET = "password_set", _("Password set with a link")
    MFA_RESET = "mfa_reset", _("Two-step login reset")
    MEMBERSHIP_ADDED = "membership_added", _("Role given")
    MEMBERSHIP_REMOVED = "membership_removed", _("Role taken away")
    ORGANISATION_CREATED = "organisation_created", _("Organisation created")
    ORGANISATION_CHANGED = "organisation_changed", _("Organisation changed")
    MUNICIPALITY_CREATED = "municipality_created", _("Municipality created")
    MUNICIPALITY_CHANGED = "municipality_changed", _("Municipality changed")
    NEIGHBOURHOOD_ADDED = "neighbourhood_added", _("Neighbourhood added")
    NEIGHBOURHOOD_CHANGED = "neighbourhood_changed", _("Neighbourhood changed")
    NEIGHBOURHOOD_REMOVED = "neighbourhood_removed", _("Neighbourhood removed")


class AdminAction(models.Model):
    """Append-only trail of what platform management and ADV coordinators
    changed: accounts, roles, second factors, organisations, municipalities
    and neighbourhoods.
    Rows are only ever added, by ``services.record_admin_action``. The target
    is kept as a label too, so an entry still reads right after the target
    was renamed or removed."""

    actor = models.ForeignKey(User, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("action"), max_length=30, choices=AdminActionKind.choices)
    # Set for every action about an account, its roles or its second factor.
    target_user = models.ForeignKey(
        User, verbose_name=_("account"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_type = models.CharField(_("kind of object"), max_length=30)
    target_id = models.PositiveBigIntegerField(_("object number"), null=True, blank=True)
    target_label = models.CharField(_("object"), max_length=200)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("management action")
        verbose_name_plural = _("management actions")
        constraints = [
            models.CheckConstraint(condition=Q(action__in=AdminActionKind.values), name="admin_action_valid"),
        ]
        indexes = [
            models.Index(fields=["target_user", "at"], name="admin_action_by_user"),
            models.Index(fields=["target_type", "target_id", "at"], name="admin_action_by_target"),
            models.Index(fields=["actor", "at"], name="admin_action_by_actor"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.target_label}"
