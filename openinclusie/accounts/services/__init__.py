"""Writes for accounts: users, memberships, second factors, an ADV's own
team, and the trail of management actions.

Split by subject; callers import from here. Every change on behalf of a
person goes through ``rules.py``: ADV staff are managed by their ADV's
coordinator, everything else by platform management
(docs/adr/0007-adv-manages-its-own-staff.md)."""

from .audit import audit_logger, record_admin_action
from .memberships import (
    MembershipExists,
    NotYetAdvStaff,
    RoleNotAllowedForOrganisation,
    add_membership,
    grant_membership,
    membership_label,
    remove_membership,
)
from .rules import (
    AccountError,
    LastCoordinator,
    ManagedByAdv,
    NeedsPlatformManagement,
    OwnAccount,
    check_may_manage_account,
    check_may_manage_role,
)
from .second_factor import (
    base32_secret,
    confirm_totp_device,
    confirmed_device,
    current_totp_token,
    demo_totp_key,
    otpauth_uri,
    start_totp_enrolment,
)
from .team import (
    AdvHasCoordinator,
    AlreadyInTeam,
    Invitation,
    NotAnAdv,
    NotAnAdvRole,
    NotInTeam,
    RolesOutsideAdvs,
    SwitchOff,
    create_adv_coordinator,
    invite_to_adv,
    switch_off_in_adv,
)
from .users import (
    AccountSwitchedOff,
    EmailInUse,
    InvalidPasswordLink,
    NewAccount,
    PasswordLink,
    create_user,
    deactivate_user,
    issue_password_link,
    reactivate_user,
    rename_user,
    reset_second_factor,
    set_password_with_link,
)

__all__ = [
    "AccountError",
    "AccountSwitchedOff",
    "AdvHasCoordinator",
    "AlreadyInTeam",
    "EmailInUse",
    "InvalidPasswordLink",
    "Invitation",
    "LastCoordinator",
    "ManagedByAdv",
    "MembershipExists",
    "NeedsPlatformManagement",
    "NewAccount",
    "NotAnAdv",
    "NotAnAdvRole",
    "NotInTeam",
    "NotYetAdvStaff",
    "OwnAccount",
    "PasswordLink",
    "RoleNotAllowedForOrganisation",
    "RolesOutsideAdvs",
    "SwitchOff",
    "add_membership",
    "audit_logger",
    "base32_secret",
    "check_may_manage_account",
    "check_may_manage_role",
    "confirm_totp_device",
    "confirmed_device",
    "create_adv_coordinator",
    "create_user",
    "current_totp_token",
    "deactivate_user",
    "demo_totp_key",
    "grant_membership",
    "invite_to_adv",
    "issue_password_link",
    "membership_label",
    "otpauth_uri",
    "reactivate_user",
    "record_admin_action",
    "remove_membership",
    "rename_user",
    "reset_second_factor",
    "set_password_with_link",
    "start_totp_enrolment",
    "switch_off_in_adv",
]
