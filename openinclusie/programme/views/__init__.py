"""Programme screens, one module per part. Every view: one access decorator,
the scope from the request, one query or service call, render."""

from openinclusie.accounts.models import Role

# Who may open which kind of screen (see the access table in PRODUCT.md);
# which objects they then see is scoped by the queries.
READERS = (Role.PROGRAMME_OFFICER, Role.ADV_CONSULTANT, Role.ADV_COORDINATOR, Role.PLATFORM_ADMIN)
EDITORS = (Role.PROGRAMME_OFFICER, Role.PLATFORM_ADMIN)
ACTIVITY_READERS = (*READERS, Role.PARTNER_MEMBER)
# The ADV takes part in the network like a partner: its staff post updates on
# the activities their ADV leads or takes part in (scope.partner_organisation_ids).
UPDATE_POSTERS = (*EDITORS, Role.PARTNER_MEMBER, Role.ADV_CONSULTANT, Role.ADV_COORDINATOR)
