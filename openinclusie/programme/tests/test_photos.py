"""Uploaded photos: only real images, not too big, and never with EXIF."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from openinclusie.accounts.models import Role
from openinclusie.programme.models import ActivityPhoto
from openinclusie.programme.services.errors import InvalidPhotoError
from openinclusie.programme.services.photos import MAX_PHOTO_BYTES, clean_photo

from .factories import ActivityFactory, LineFactory, ProgrammeFactory

GPS_IFD = 0x8825


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x0131] = "Secret software"  # Software
    exif[GPS_IFD] = {1: "N", 2: (52.0, 3.0, 40.0), 3: "E", 4: (4.0, 29.0, 50.0)}
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes())
    return output.getvalue()


def test_exif_and_gps_are_removed_and_the_name_is_random():
    raw = jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(GPS_IFD)  # the fixture really has GPS
    clean = clean_photo(SimpleUploadedFile("holiday.jpg", raw, content_type="image/jpeg"))
    reopened = Image.open(io.BytesIO(clean.content))
    assert reopened.format == "JPEG"
    assert dict(reopened.getexif()) == {}
    assert "exif" not in reopened.info
    assert b"Secret software" not in clean.content
    assert clean.file_name.endswith(".jpg")
    assert "holiday" not in clean.file_name
    assert (clean.width, clean.height) == (64, 48)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.jpg", b"<script>alert(1)</script>"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        (
            "animation.gif",
            b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
            b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        ),
    ],
)
def test_only_jpeg_png_and_webp_are_accepted(name, content):
    with pytest.raises(InvalidPhotoError):
        clean_photo(SimpleUploadedFile(name, content))


def test_a_too_large_file_is_refused():
    upload = SimpleUploadedFile("big.jpg", b"0" * 10, content_type="image/jpeg")
    upload.size = MAX_PHOTO_BYTES + 1
    with pytest.raises(InvalidPhotoError):
        clean_photo(upload)


@pytest.mark.django_db
def test_a_partner_posts_an_update_with_a_photo(world, client_for):
    programme = ProgrammeFactory(municipality=world["town_a"])
    activity = ActivityFactory(line=LineFactory(programme=programme), lead_organisation=world["partner_a"])
    partner = client_for(Role.PARTNER_MEMBER)
    response = partner.post(
        reverse("programme:update_create", args=[activity.pk]),
        {
            "happened_on": datetime.date(2025, 3, 21).isoformat(),
            "text": "Activiteit op 21 maart.",
            "links": "https://example.org/verslag",
            "photo_1": SimpleUploadedFile("IMG_0001.jpg", jpeg_with_gps(), content_type="image/jpeg"),
            "photo_1_description": "Deelnemers bij de bibliotheek",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    photo = ActivityPhoto.objects.get()
    assert photo.description == "Deelnemers bij de bibliotheek"
    assert "IMG_0001" not in str(photo.file.name)
    served = partner.get(reverse("programme:photo", args=[photo.pk]))
    body = b"".join(served.streaming_content)
    assert dict(Image.open(io.BytesIO(body)).getexif()) == {}

    # A photo without a description is refused, with the error on the form.
    response = partner.post(
        reverse("programme:update_create", args=[activity.pk]),
        {
            "happened_on": "2025-03-22",
            "text": "Nog een.",
            "photo_1": SimpleUploadedFile("b.jpg", jpeg_with_gps(), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 200
    assert ActivityPhoto.objects.count() == 1
