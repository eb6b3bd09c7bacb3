import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """The tests read the English texts, so they reverse (and so request)
    the English addresses; the Dutch pages are the same views under
    addresses without a language prefix (see test_dutch_is_the_default)."""
    with translation.override("en"):
        yield
