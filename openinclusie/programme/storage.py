"""Where programme files live: photos of activity updates and the generated
letters. Outside the web root (never under MEDIA_ROOT or STATIC_ROOT) and
without a public URL; files are only ever sent by access-checked views."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


def private_root() -> Path:
    """``settings.PRIVATE_MEDIA_ROOT`` when a deployment sets it, else a
    folder next to the code that no URL maps to."""
    return Path(getattr(settings, "PRIVATE_MEDIA_ROOT", settings.BASE_DIR / "private_media"))


class PrivateStorage(FileSystemStorage):
    """A file system storage that reads its folder from the settings on every
    use (so tests can point it at a temporary folder) and has no URL."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(private_root())

    @property  # type: ignore[override]
    def location(self) -> str:
        return str(private_root().resolve())

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL; serve them through an access-checked view.")


_storage = PrivateStorage()


def private_storage() -> Storage:
    """The storage for ``FileField(storage=...)`` (a callable, so migrations
    stay stable): a ``"private"`` alias in ``settings.STORAGES`` when the
    deployment defines one; else, when files live on disk, the private
    folder above; else the default storage (an object store without public
    URLs, or the in-memory storage of the tests)."""
    if "private" in settings.STORAGES:
        return storages["private"]
    if isinstance(storages["default"], FileSystemStorage):
        return _storage
    return storages["default"]
