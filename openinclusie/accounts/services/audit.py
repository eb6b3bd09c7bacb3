"""The trail of management actions."""

import logging
from datetime import datetime

from django.db import models

from openinclusie.accounts.models import AdminAction, AdminActionKind, User

audit_logger = logging.getLogger("openinclusie.audit")


def record_admin_action(
    *,
    actor: User,
    action: AdminActionKind,
    target: models.Model,
    now: datetime,
    target_user: User | None = None,
    detail: str = "",
) -> AdminAction:
    """Adds one entry to the append-only trail, and writes the same event to
    the ``openinclusie.audit`` log so it can be shipped to a log store the
    application cannot rewrite."""
    if target_user is None and isinstance(target, User):
        target_user = target
    entry = AdminAction.objects.create(
        actor=actor,
        action=action,
        target_user=target_user,
        target_type=target._meta.model_name or "",
        target_id=target.pk,
        target_label=str(target)[:200],
        detail=detail[:300],
        at=now,
    )
    audit_logger.info(
        "admin_action action=%s actor=%s target=%s:%s",
        action,
        actor.pk,
        entry.target_type,
        entry.target_id,
        extra={
            "actor_id": actor.pk,
            "action": str(action),
            "target_type": entry.target_type,
            "target_id": entry.target_id,
            "target_user_id": target_user.pk if target_user else None,
            "at": now.isoformat(),
        },
    )
    return entry
