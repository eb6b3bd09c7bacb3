"""Every transactional test starts from the migrated database, seed data
included, whatever ran before it. Loaded from the root ``conftest.py``.

A ``transaction=True`` test (and every ``live_server`` test) empties the
database afterwards. Ordinary tests never notice, because pytest-django runs
them first, but the transactional tests that follow would find no data that
migrations seed (the classification start version) and, worse, mixing plain
and ``serialized_rollback`` transactional tests breaks: the plain flush
recreates content types under new ids, and restoring the serialized copy
then collides with them (IntegrityError on django_content_type).

So this plugin gives every transactional test ``serialized_rollback=True``:
each starts from the serialized copy of the freshly migrated database, and
each flush leaves nothing behind for the next one to trip over."""

from typing import Any

import pytest


def _is_transactional(item: pytest.Item) -> tuple[bool, dict[str, Any]]:
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    kwargs: dict[str, Any] = dict(marker.kwargs) if marker else {}
    if marker and marker.args:
        # django_db(transaction, reset_sequences, databases, ...) positionally.
        names = ["transaction", "reset_sequences", "databases", "serialized_rollback", "available_apps"]
        kwargs.update(dict(zip(names, marker.args, strict=False)))
    transactional = bool(
        kwargs.get("transaction")
        or kwargs.get("reset_sequences")
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )
    return transactional, kwargs


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if getattr(item, "cls", None) is not None:
            continue  # unittest-style TestCase classes set their own flags
        transactional, kwargs = _is_transactional(item)
        if transactional and not kwargs.get("serialized_rollback"):
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
