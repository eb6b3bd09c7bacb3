import pytest


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Photos and letter files go to a temporary folder in every test."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
