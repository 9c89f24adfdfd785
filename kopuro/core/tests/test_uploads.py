"""The upload policy (kopuro.core.uploads) against each kind of bad file, through the policy's
functions, the member photo page and Wagtail's admin uploads.

Files are built here, in memory: no fixtures on disk, nothing downloaded.
"""

from __future__ import annotations

import html
import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kopuro.accounts.tests.factories import ProfileFactory, UserFactory
from kopuro.core.uploads import (
    check_document,
    check_image,
    check_svg,
    clean_image,
)

# --- Building files ------------------------------------------------------------------------------


def image_bytes(fmt: str = "JPEG", size=(64, 48), mode: str = "RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (200, 60, 40) if mode == "RGB" else 0).save(out, format=fmt, **save)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` × `height` and whose pixel data is garbage: decoding
    it fails, so a refusal for its size proves the size was judged before any decoding."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", b"not deflate data")
        + chunk(b"IEND", b"")
    )


def gif_header_only(width: int, height: int) -> bytes:
    """A 1 × 1 GIF whose logical screen claims `width` × `height`."""
    data = bytearray(image_bytes("GIF", size=(1, 1), mode="P"))
    data[6:10] = struct.pack("<HH", width, height)
    return bytes(data)


def animated_gif() -> bytes:
    frames = [Image.new("P", (32, 32), i) for i in (1, 50, 100)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    return out.getvalue()


def zip_bytes(files: dict[str, bytes], *, stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        if stored_first:
            zf.writestr(stored_first, files[stored_first], compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            if name != stored_first:
                zf.writestr(name, data)
    return out.getvalue()


OOXML_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    b'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    b'.org/officeDocument/2006/relationships/officeDocument" Target="%s"/></Relationships>'
)


def content_types(part: str, content_type: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        f'"application/xml"/><Override PartName="/{part}" ContentType="{content_type}"/></Types>'
    ).encode()


def docx() -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": content_types(
                "word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            ),
            "_rels/.rels": OOXML_RELS % b"word/document.xml",
            "word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
            b'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Salam'
            b"</w:t></w:r></w:p></w:body></w:document>",
        }
    )


def xlsx() -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": content_types(
                "xl/workbook.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            ),
            "_rels/.rels": OOXML_RELS % b"xl/workbook.xml",
            "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.'
            b'openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
        }
    )


def odt() -> bytes:
    return zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest xmlns:manifest='
            b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
            b'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
            b'text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
            b'"text/xml"/></manifest:manifest>',
            "content.xml": b'<?xml version="1.0"?><office:document-content xmlns:office="urn:'
            b'oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:body>'
            b"<office:text/></office:body></office:document-content>",
        },
        stored_first="mimetype",
    )


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def refusal(check, f) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check(f)
    return caught.value


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Images --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"), [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp"), ("GIF", "a.gif")]
)
def test_accepted_image_formats(fmt, name):
    checked = check_image(upload(name, image_bytes(fmt, mode="RGB" if fmt != "GIF" else "P")))
    assert checked.format == fmt
    assert (checked.width, checked.height) == (64, 48)


BAD_IMAGES = [
    pytest.param("a.jpg", b"", "empty", "The file is empty.", id="empty"),
    pytest.param(
        "a.jpg",
        b"Just some words, not a photo.\n",
        "not_image",
        "This file is not an image we can read",
        id="text-named-jpg",
    ),
    pytest.param(
        "a.png",
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        "not_image",
        "This file is not an image we can read",
        id="html-named-png",
    ),
    pytest.param(
        "a.jpg",
        image_bytes("JPEG", size=(400, 300))[:600],
        "not_image",
        "This file is not an image we can read",
        id="truncated-jpeg",
    ),
    pytest.param(
        "bomb.png",
        png_header_only(100_000, 100_000),
        "too_many_pixels",
        "The image is too large. The most we accept is 40 million pixels.",
        id="decompression-bomb-png",
    ),
    pytest.param(
        "bomb.gif",
        gif_header_only(65_535, 65_535),
        "too_many_pixels",
        "The most we accept is 40 million pixels.",
        id="decompression-bomb-gif",
    ),
    pytest.param(
        "big.png",
        png_header_only(8_000, 6_000),
        "too_many_pixels",
        "The image is too large: 8000 × 6000 pixels. The most we accept is 40 million pixels.",
        id="over-the-pixel-limit",
    ),
    pytest.param(
        "a.bmp",
        image_bytes("BMP"),
        "image_format",
        "Images must be JPEG, PNG, WebP or GIF; this one is BMP.",
        id="bmp",
    ),
    pytest.param(
        "a.tiff",
        image_bytes("TIFF"),
        "image_format",
        "Images must be JPEG, PNG, WebP or GIF; this one is TIFF.",
        id="tiff",
    ),
    pytest.param(
        "a.ico",
        image_bytes("ICO", size=(32, 32)),
        "image_format",
        "Images must be JPEG, PNG, WebP or GIF; this one is ICO.",
        id="ico",
    ),
    pytest.param(
        "a.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
        "not_image",
        "This file is not an image we can read",
        id="svg-where-a-photo-is-expected",
    ),
]


@pytest.mark.parametrize(("name", "data", "code", "text"), BAD_IMAGES)
def test_bad_images_are_refused_with_a_clear_message(name, data, code, text):
    error = refusal(check_image, upload(name, data, "image/jpeg"))
    assert error.code == code
    assert text in message(error)


def test_a_too_large_file_is_refused(settings):
    settings.KOPURO_UPLOAD_MAX_BYTES = 2_000
    data = image_bytes("PNG", size=(300, 300), mode="RGB")  # noise-free but over 2 kB as PNG
    data += b"\x00" * max(0, 2_001 - len(data))
    error = refusal(check_image, upload("big.png", data, "image/png"))
    assert error.code == "too_large"
    assert "The file is too large" in message(error)
    assert "The most we accept is 2.0\xa0KB." in message(error)


def test_an_animated_gif_is_accepted_as_a_still_image():
    f = upload("moving.gif", animated_gif(), "image/gif")
    assert check_image(f).format == "GIF"
    cleaned = clean_image(f)
    with Image.open(cleaned) as img:
        assert getattr(img, "n_frames", 1) == 1


def jpeg_with_exif(size=(60, 40), orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "KopuroCam Maker"  # Make
    exif[0x0110] = "KopuroCam 3000"  # Model
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (42.0, 52.0, 30.0)  # Bishkek
    gps[3] = "E"
    gps[4] = (74.0, 36.0, 0.0)
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_clean_image_strips_exif_and_gps():
    original = jpeg_with_exif()
    with Image.open(io.BytesIO(original)) as img:  # the test file really carries them
        assert img.getexif().get_ifd(0x8825)[2] == (42.0, 52.0, 30.0)
        assert img.getexif()[0x010F] == "KopuroCam Maker"

    cleaned = clean_image(upload("holiday.jpg", original, "image/jpeg")).read()

    with Image.open(io.BytesIO(cleaned)) as img:
        assert img.format == "JPEG"
        assert not img.getexif()
        assert "exif" not in img.info
    assert b"KopuroCam" not in cleaned
    assert b"Exif" not in cleaned


def test_clean_image_turns_the_picture_upright_before_dropping_orientation():
    # Orientation 6: the camera was turned; the stored 60 × 40 picture shows as 40 × 60.
    cleaned = clean_image(upload("turned.jpg", jpeg_with_exif(orientation=6), "image/jpeg"))
    with Image.open(cleaned) as img:
        assert img.size == (40, 60)


# --- Member photo page ----------------------------------------------------------------------------


@pytest.fixture
def member_client(client, site):
    profile = ProfileFactory()
    client.force_login(profile.user)
    client.profile = profile
    return client


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        ("notes.jpg", b"Just some words.\n", "This file is not an image we can read"),
        ("bomb.png", png_header_only(100_000, 100_000), "The image is too large."),
        ("scan.tiff", image_bytes("TIFF"), "this one is TIFF"),
    ],
    ids=["text", "bomb", "tiff"],
)
def test_photo_page_refuses_a_bad_file_with_its_message(member_client, name, data, text):
    response = member_client.post(
        "/en/me/photo/", {"photo": upload(name, data, "image/jpeg"), "photo_visibility": "public"}
    )
    assert response.status_code == 200
    assert text in html.unescape(response.content.decode())
    member_client.profile.refresh_from_db()
    assert not member_client.profile.photo


def test_photo_page_stores_a_photo_without_exif(member_client):
    response = member_client.post(
        "/en/me/photo/",
        {"photo": upload("me.jpg", jpeg_with_exif(), "image/jpeg"), "photo_visibility": "public"},
    )
    assert response.status_code == 302
    profile = member_client.profile
    profile.refresh_from_db()
    with profile.photo.open("rb") as fh:
        stored = fh.read()
    assert b"KopuroCam" not in stored
    with Image.open(io.BytesIO(stored)) as img:
        assert not img.getexif()


# --- SVG -----------------------------------------------------------------------------------------

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'

CLEAN_SVGS = {
    "shapes": f'{SVG_OPEN} viewBox="0 0 10 10"><title>Logo</title><g fill="#1f5f8b">'
    '<circle cx="5" cy="5" r="4"/><path d="M0 0L10 10"/></g></svg>',
    "gradient-and-use": f'{SVG_OPEN}><defs><linearGradient id="g"><stop offset="0" '
    'stop-color="red"/></linearGradient><rect id="r" width="2" height="2"/></defs>'
    '<use xlink:href="#r" fill="url(#g)"/><use href="#r" x="3"/></svg>',
    "style-element": f"{SVG_OPEN}><style>.a{{fill:#123456}} .b{{fill:url(#g)}}</style>"
    '<rect class="a" width="3" height="3"/></svg>',
    "inkscape-metadata": '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    f'{SVG_OPEN} xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
    'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" inkscape:version="1.3">'
    '<sodipodi:namedview id="base" pagecolor="#ffffff"/><metadata><rdf:RDF/></metadata>'
    '<a href="https://example.org/"><text x="1" y="5">Kopuro</text></a></svg>',
}

DANGEROUS_SVGS = {
    "script": f"{SVG_OPEN}><script>alert(1)</script></svg>",
    "script-uppercase": f"{SVG_OPEN}><SCRIPT>alert(1)</SCRIPT></svg>",
    "script-cdata": f"{SVG_OPEN}><script><![CDATA[alert(1)]]></script></svg>",
    "script-with-namespace-prefix": '<svg xmlns="http://www.w3.org/2000/svg" '
    'xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
    "xhtml-script": f'{SVG_OPEN} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)'
    "</h:script></svg>",
    "onload": f'{SVG_OPEN} onload="alert(1)"><rect width="1" height="1"/></svg>',
    "onclick-on-child": f'{SVG_OPEN}><rect width="1" height="1" onclick="alert(1)"/></svg>',
    "javascript-href": f'{SVG_OPEN}><a href="javascript:alert(1)"><text>x</text></a></svg>',
    "javascript-xlink-href": f'{SVG_OPEN}><a xlink:href="javascript:alert(1)"><text>x</text>'
    "</a></svg>",
    "javascript-entity-encoded": f'{SVG_OPEN}><a href="&#106;avascript:alert(1)"><text>x'
    "</text></a></svg>",
    "javascript-with-newline": f'{SVG_OPEN}><a href="java&#10;script:alert(1)"><text>x</text>'
    "</a></svg>",
    "foreign-object": f'{SVG_OPEN}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
    "hi</div></foreignObject></svg>",
    "entity-xxe": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM '
    '"file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>',
    "billion-laughs": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b '
    '"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    '<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>',
    "external-use": f'{SVG_OPEN}><use href="https://evil.example/x.svg#a"/></svg>',
    "data-url-use": f'{SVG_OPEN}><use xlink:href="data:image/svg+xml;base64,PHN2Zz4="/></svg>',
    "external-image": f'{SVG_OPEN}><image href="https://tracker.example/p.png"/></svg>',
    "animate-to-javascript": f'{SVG_OPEN}><a><animate attributeName="href" '
    'values="javascript:alert(1)"/><text>x</text></a></svg>',
    "set-href": f'{SVG_OPEN}><a><set attributeName="xlink:href" to="#x"/><text>x</text></a></svg>',
    "iframe": f'{SVG_OPEN}><iframe src="https://evil.example/"/></svg>',
    "css-import": f'{SVG_OPEN}><style>@import url("https://evil.example/x.css");</style></svg>',
    "css-escaped-import": f"{SVG_OPEN}><style>@\\69mport 'https://evil.example/x.css';</style></svg>",
    "css-entity-split-import": f"{SVG_OPEN}><style>@&#105;mport 'https://evil.example/x.css';"
    "</style></svg>",
    "css-escaped-url": f'{SVG_OPEN}><rect style="fill:u\\72l(https://evil.example/a)"/></svg>',
    "css-external-url": f'{SVG_OPEN}><rect style="fill:url(https://evil.example/a)"/></svg>',
    "stylesheet-processing-instruction": '<?xml-stylesheet href="https://evil.example/x.xsl" '
    'type="text/xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
}


@pytest.mark.parametrize("svg", CLEAN_SVGS.values(), ids=CLEAN_SVGS.keys())
def test_a_clean_svg_is_accepted(svg):
    check_svg(upload("logo.svg", svg.encode(), "image/svg+xml"))


@pytest.mark.parametrize("svg", DANGEROUS_SVGS.values(), ids=DANGEROUS_SVGS.keys())
def test_an_svg_that_could_run_script_or_fetch_is_refused(svg):
    error = refusal(check_svg, upload("logo.svg", svg.encode(), "image/svg+xml"))
    assert error.code == "svg_script"
    assert "This SVG contains script" in message(error)


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", b"<svg><rect></svg>", b"\x89PNG\r\n\x1a\n"],
    ids=["empty", "text", "broken-xml", "png"],
)
def test_an_svg_that_is_not_one_is_refused(data):
    error = refusal(check_svg, upload("logo.svg", data, "image/svg+xml"))
    assert error.code in {"empty", "not_image"}


# --- Documents -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.pdf", PDF, "pdf"),
        ("letter.docx", docx(), "docx"),
        ("figures.xlsx", xlsx(), "xlsx"),
        ("minutes.odt", odt(), "odt"),
        ("notes.txt", "Кыргызча текст, English text.\n".encode(), "txt"),
        ("members.csv", b"country,count\nKG,12\n", "txt"),
    ],
)
def test_allowed_documents_are_accepted(name, data, kind):
    assert check_document(upload(name, data)) == kind


BAD_DOCUMENTS = [
    pytest.param("empty.pdf", b"", "empty", id="empty"),
    pytest.param(
        "setup.pdf",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100,
        "document_type",
        id="exe",
    ),
    pytest.param("tool.pdf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 100, "document_type", id="elf"),
    pytest.param(
        "archive.docx", zip_bytes({"readme.txt": b"hi"}), "document_type", id="zip-not-ooxml"
    ),
    pytest.param(
        "invoice.pdf",
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        "document_type",
        id="html-named-pdf",
    ),
    pytest.param(
        "notes.txt", b"  <html><body onload=alert(1)>", "document_type", id="html-named-txt"
    ),
    pytest.param(
        "logo.txt", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "document_type", id="svg"
    ),
    pytest.param("photo.pdf", image_bytes("JPEG"), "document_type", id="jpeg"),
    pytest.param(
        "legacy.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        "document_type",
        id="ole-doc",
    ),
    pytest.param(
        "macro.docm",
        zip_bytes(
            {
                "[Content_Types].xml": b"<Types/>",
                "word/document.xml": b"<w:document/>",
                "word/vbaProject.bin": b"\xd0\xcf\x11\xe0",
            }
        ),
        "document_macros",
        id="docx-with-macros",
    ),
    pytest.param("report.docx", PDF, "document_name", id="pdf-named-docx"),
    pytest.param("report.pdf", b"plain words\n", "document_name", id="text-named-pdf"),
]


@pytest.mark.parametrize(("name", "data", "code"), BAD_DOCUMENTS)
def test_bad_documents_are_refused(name, data, code):
    error = refusal(check_document, upload(name, data))
    assert error.code == code
    assert message(error)


# --- Wagtail admin uploads ------------------------------------------------------------------------


@pytest.fixture
def staff_client(client, site):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    return client


def test_admin_document_upload_refuses_a_bad_document_with_the_message(staff_client):
    from wagtail.documents.models import Document

    response = staff_client.post(
        "/admin/documents/add/",
        {
            "title": "Tender notice",
            "file": upload("tender.pdf", b"<!doctype html><script>alert(1)</script>"),
            "collection": _root_collection_id(),
        },
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "This kind of document is not accepted." in page
    assert "File extension" not in page  # one clear message, not Wagtail's second one
    assert not Document.objects.exists()


def test_admin_document_upload_accepts_a_pdf(staff_client):
    from wagtail.documents.models import Document

    response = staff_client.post(
        "/admin/documents/add/",
        {
            "title": "Tender notice",
            "file": upload("tender.pdf", PDF),
            "collection": _root_collection_id(),
        },
    )
    assert response.status_code == 302
    assert Document.objects.get().title == "Tender notice"


def test_admin_multiple_document_upload_refuses_a_bad_document(staff_client):
    from wagtail.documents.models import Document

    response = staff_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("run.pdf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64)},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "This kind of document is not accepted." in response.json()["error_message"]
    assert not Document.objects.exists()


def test_admin_image_upload_refuses_a_bomb_with_the_message(staff_client):
    from wagtail.images.models import Image as WagtailImage

    response = staff_client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload("bomb.png", png_header_only(8_000, 6_000), "image/png")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "pixels" in response.json()["error_message"]
    assert not WagtailImage.objects.exists()


def test_admin_image_upload_accepts_a_photo(staff_client):
    from wagtail.images.models import Image as WagtailImage

    response = staff_client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload("bishkek.jpg", image_bytes("JPEG"), "image/jpeg")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert WagtailImage.objects.count() == 1


def _root_collection_id() -> int:
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


# --- The policy is used by every upload field -----------------------------------------------------


def test_every_upload_field_in_kopuro_forms_applies_the_policy():
    """A FileField in any kopuro/<app>/forms.py must be one of the policy's fields."""
    import importlib
    import pkgutil

    from django import forms

    import kopuro
    from kopuro.core.forms import PolicyWagtailImageField
    from kopuro.core.uploads import PolicyDocumentField, PolicyImageField

    policy_fields = (PolicyImageField, PolicyDocumentField, PolicyWagtailImageField)
    checked = []
    for info in pkgutil.walk_packages(kopuro.__path__, "kopuro."):
        if not info.name.endswith(".forms"):
            continue
        module = importlib.import_module(info.name)
        for form in vars(module).values():
            if not (isinstance(form, type) and issubclass(form, forms.BaseForm)):
                continue
            for name, field in form.base_fields.items():
                if isinstance(field, forms.FileField):
                    checked.append(f"{form.__name__}.{name}")
                    assert isinstance(field, policy_fields), f"{form.__name__}.{name}"
    assert "PhotoForm.photo" in checked


def test_wagtail_builds_its_upload_forms_on_the_policy_forms():
    from wagtail.documents.forms import get_document_form
    from wagtail.documents.models import Document
    from wagtail.images.forms import get_image_form
    from wagtail.images.models import Image as WagtailImage

    from kopuro.core.forms import PolicyDocumentForm, PolicyImageForm

    assert issubclass(get_image_form(WagtailImage), PolicyImageForm)
    assert issubclass(get_document_form(Document), PolicyDocumentForm)
