"""Profile photos: judged by content, size and pixel count; stored without metadata; a small
square rendition made; files removed when the photo is replaced or removed."""

import io
import os

import pytest
from django.test import override_settings
from PIL import Image

from kopuro.accounts.models import Profile, Visibility
from kopuro.accounts.tests.conftest import jpeg_bytes, png_bytes, png_header_only, upload

pytestmark = pytest.mark.django_db

PHOTO_URL = "/en/me/photo/"


def post_photo(client, f, **extra):
    return client.post(PHOTO_URL, {"photo": f, "photo_visibility": "public", **extra})


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Industries"  # camera maker
    exif[0x0110] = "Model X"
    exif[0x8825] = {  # GPS IFD: latitude/longitude of Bishkek
        1: "N",
        2: (42.0, 52.0, 29.0),
        3: "E",
        4: (74.0, 34.0, 11.0),
    }
    return jpeg_bytes(size=(800, 600), exif=exif)


def noisy_jpeg(side=300) -> bytes:
    img = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=95)
    return out.getvalue()


def errors_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode().replace("&#x27;", "'")


def assert_no_photo(profile):
    profile.refresh_from_db()
    assert not profile.photo
    assert not profile.photo_small


def test_gps_and_camera_data_are_stripped_and_rendition_made(member_client, member):
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as img:  # the test file really carries GPS data
        assert img.getexif().get_ifd(0x8825)

    response = post_photo(member_client, upload("holiday.jpg", original))

    assert response.status_code == 302
    member.refresh_from_db()
    stored = member.photo.read()
    assert b"SpyCam" not in stored and b"Exif" not in stored
    with Image.open(io.BytesIO(stored)) as img:
        assert img.format == "JPEG"
        assert img.size == (800, 600)
        assert not img.getexif()
        assert "exif" not in img.info
    with Image.open(member.photo_small.path) as small:
        assert small.size == (192, 192)
        assert not small.getexif()
    # Stored under a random name: the address says nothing about whose photo it is.
    assert "holiday" not in member.photo.name
    assert member.photo.name.startswith("profiles/")
    dashboard = member_client.get("/en/me/").content.decode()
    assert "Your photo is saved." in dashboard
    assert member.photo_small.url in dashboard


def test_big_photo_is_scaled_down(member_client, member):
    post_photo(member_client, upload("big.jpg", jpeg_bytes(size=(3000, 1500))))
    member.refresh_from_db()
    with Image.open(member.photo.path) as img:
        assert img.size == (1024, 512)


def test_transparent_png_stays_png(member_client, member):
    post_photo(member_client, upload("logo.png", png_bytes(), "image/png"))
    member.refresh_from_db()
    with Image.open(member.photo.path) as img:
        assert img.format == "PNG"
        assert img.mode == "RGBA"


def test_webp_and_gif_are_accepted(member_client, member):
    for fmt in ("WEBP", "GIF"):
        out = io.BytesIO()
        Image.new("RGB", (40, 40), (0, 128, 0)).save(out, format=fmt)
        response = post_photo(member_client, upload(f"p.{fmt.lower()}", out.getvalue()))
        assert response.status_code == 302, fmt


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.jpg", b"Just some text pretending to be a JPEG.\n" * 20),
        ("document.png", b"%PDF-1.7\n1 0 obj << >> endobj\n"),
        ("drawing.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("half.jpg", jpeg_bytes(size=(400, 400))[:300]),
    ],
    ids=["text-named-jpg", "pdf-named-png", "svg-named-jpg", "truncated-jpeg"],
)
def test_files_that_are_not_images_are_refused(member_client, member, name, content):
    html = errors_of(post_photo(member_client, upload(name, content)))
    assert "This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF." in html
    assert 'value="public" selected' in html  # the visibility chosen is kept
    assert_no_photo(member)


def test_image_in_a_format_we_do_not_take_is_refused(member_client, member):
    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, format="BMP")
    html = errors_of(post_photo(member_client, upload("p.jpg", out.getvalue())))
    assert "Images must be JPEG, PNG, WebP or GIF; this one is BMP." in html
    assert_no_photo(member)


@override_settings(KOPURO_UPLOAD_MAX_BYTES=20_000)
def test_too_large_file_is_refused(member_client, member):
    content = noisy_jpeg()
    assert len(content) > 20_000
    html = errors_of(post_photo(member_client, upload("big.jpg", content)))
    assert "The file is too large:" in html
    assert "The most we accept is 19.5\xa0KB." in html
    assert_no_photo(member)


def test_empty_file_is_refused(member_client, member):
    html = errors_of(post_photo(member_client, upload("empty.jpg", b"")))
    assert "The submitted file is empty." in html or "The file is empty." in html
    assert_no_photo(member)


def test_decompression_bomb_is_refused_from_its_header(member_client, member):
    # 30000 × 30000 pixels claimed, 100 bytes of data: decoding it is never attempted (the
    # pixel stream is far too short to decode, so a "not an image" error would mean it was).
    bomb = png_header_only(30000, 30000)
    assert len(bomb) < 200
    html = errors_of(post_photo(member_client, upload("bomb.png", bomb, "image/png")))
    assert "The image is too large. The most we accept is 40 million pixels." in html
    assert_no_photo(member)


def test_image_over_the_pixel_limit_says_its_size(member_client, member):
    html = errors_of(
        post_photo(member_client, upload("huge.png", png_header_only(8000, 6000), "image/png"))
    )
    assert (
        "The image is too large: 8000 × 6000 pixels. The most we accept is 40 million pixels."
        in html
    )
    assert_no_photo(member)


@override_settings(KOPURO_IMAGE_MAX_PIXELS=1_000_000)
def test_pixel_limit_follows_the_setting(member_client, member):
    html = errors_of(post_photo(member_client, upload("p.jpg", jpeg_bytes(size=(1200, 1000)))))
    assert "1200 × 1000 pixels. The most we accept is 1 million pixels." in html


def test_no_file_chosen(member_client, member):
    html = errors_of(member_client.post(PHOTO_URL, {"photo_visibility": "public"}))
    assert "Choose a photo to upload." in html


def test_replacing_a_photo_deletes_the_old_files(
    member_client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_photo(member_client, upload("one.jpg", jpeg_bytes()))
    member.refresh_from_db()
    old = [member.photo.path, member.photo_small.path]
    assert all(os.path.exists(p) for p in old)
    with django_capture_on_commit_callbacks(execute=True):
        post_photo(member_client, upload("two.jpg", jpeg_bytes(colour=(0, 0, 255))))
    member.refresh_from_db()
    assert not any(os.path.exists(p) for p in old)
    assert os.path.exists(member.photo.path) and os.path.exists(member.photo_small.path)


def test_removing_the_photo_deletes_its_files(
    member_client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_photo(member_client, upload("one.jpg", jpeg_bytes()))
    member.refresh_from_db()
    paths = [member.photo.path, member.photo_small.path]
    page = member_client.get(PHOTO_URL).content.decode()
    assert "Remove photo" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(PHOTO_URL, {"remove": "1"})

    assert response.status_code == 302
    assert_no_photo(member)
    assert not any(os.path.exists(p) for p in paths)
    assert "Your photo is removed." in member_client.get("/en/me/").content.decode()


def test_changing_only_who_sees_the_photo(member_client, member):
    post_photo(member_client, upload("one.jpg", jpeg_bytes()))
    member.refresh_from_db()
    name = member.photo.name
    response = member_client.post(PHOTO_URL, {"photo_visibility": "private"})
    assert response.status_code == 302
    p = Profile.objects.get(pk=member.pk)
    assert p.photo_visibility == Visibility.PRIVATE
    assert p.photo.name == name


def test_photo_pages_need_sign_in(client, db):
    response = client.get(PHOTO_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
