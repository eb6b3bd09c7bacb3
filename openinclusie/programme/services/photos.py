"""Uploaded photos: checked to be a real JPEG, PNG or WebP image of sane
size, turned upright, and re-encoded from the pixels alone, so EXIF (GPS
position, camera, owner) and other embedded data never reach storage. The
stored name is random."""

import io
import secrets
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from openinclusie.programme.models import ActivityPhoto

from .errors import InvalidPhotoError

MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PHOTOS_PER_UPDATE = 4
FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    content_type: str
    width: int
    height: int
    file_name: str


def clean_photo(upload: UploadedFile) -> CleanPhoto:
    try:
        from PIL import Image, ImageOps
    except ImportError as missing:  # pragma: no cover - Pillow comes with WeasyPrint
        raise InvalidPhotoError(_("Photos cannot be processed on this server.")) from missing

    if upload.size is None or upload.size > MAX_PHOTO_BYTES:
        raise InvalidPhotoError(_("A photo can be at most %(mb)s MB.") % {"mb": MAX_PHOTO_BYTES // (1024 * 1024)})
    raw = upload.read()
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise InvalidPhotoError(_("This file is not a photo we can read (use JPEG, PNG or WebP).")) from error
    if image_format not in FORMATS:
        raise InvalidPhotoError(_("This file is not a photo we can read (use JPEG, PNG or WebP)."))
    if width * height > MAX_PIXELS:
        raise InvalidPhotoError(_("This photo has too many pixels; make it smaller first."))
    content_type, extension = FORMATS[image_format]
    try:
        with Image.open(io.BytesIO(raw)) as image:
            upright = ImageOps.exif_transpose(image)
            pixels = upright.convert("RGBA" if upright.mode in ("RGBA", "LA", "P") else "RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise InvalidPhotoError(_("This file is not a photo we can read (use JPEG, PNG or WebP).")) from error
    # A new image holds only pixels: no EXIF, XMP, ICC or text chunks.
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    if image_format == "JPEG" and clean.mode != "RGB":
        clean = clean.convert("RGB")
    output = io.BytesIO()
    options = {"quality": 85, "optimize": True} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    clean.save(output, format=image_format, **options)
    return CleanPhoto(
        content=output.getvalue(),
        content_type=content_type,
        width=clean.width,
        height=clean.height,
        file_name=f"{secrets.token_hex(16)}.{extension}",
    )


def delete_photos(photos: QuerySet[ActivityPhoto]) -> int:
    """Delete the photos' rows now and their files once the transaction has
    committed (a rolled-back removal keeps its files)."""
    files = [(photo.file.storage, photo.file.name) for photo in photos]
    count, _deleted = photos.delete()

    def remove_files() -> None:
        for storage, name in files:
            if name:
                storage.delete(name)

    transaction.on_commit(remove_files)
    return count
