import pytest


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Should private files ever go to disk in a test, they go to a
    temporary folder."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
