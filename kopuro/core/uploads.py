"""The upload policy, in one place, for every upload field in Kopuro.

Files are judged by their content, never by their name or the browser's content type:
- images: JPEG, PNG, WebP or GIF as Pillow reads them; at most KOPURO_IMAGE_MAX_PIXELS pixels,
  checked from the header before any pixel is decoded (a decompression bomb is refused in
  milliseconds); EXIF and other metadata stripped by re-encoding.
- SVG: accepted only where a field allows it, and never with script, event handlers,
  `javascript:` links or foreign objects.
- documents: an allow-list of kinds recognised by their signature (PDF, OOXML, OpenDocument,
  plain text and CSV).
Every file: at most KOPURO_UPLOAD_MAX_BYTES.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}

error_messages = {
    "too_large": _("The file is too large: %(size)s. The most we accept is %(limit)s."),
    "empty": _("The file is empty."),
    "not_image": _("This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF."),
    "image_format": _("Images must be JPEG, PNG, WebP or GIF; this one is %(format)s."),
    "too_many_pixels": _(
        "The image is too large: %(width)s × %(height)s pixels. "
        "The most we accept is %(limit)s million pixels."
    ),
    "svg_script": _("This SVG contains script or event handlers, which we do not accept."),
    "document_type": _(
        "This kind of document is not accepted. Upload a PDF, a Word, Excel or "
        "PowerPoint file, an OpenDocument file, or plain text or CSV."
    ),
}


def _limit_bytes() -> int:
    return settings.KOPURO_UPLOAD_MAX_BYTES


def _limit_pixels() -> int:
    return settings.KOPURO_IMAGE_MAX_PIXELS


def _read_all(f) -> bytes:
    f.seek(0)
    data = f.read()
    f.seek(0)
    return data


def check_size(f) -> None:
    size = getattr(f, "size", None)
    if size is None:
        size = len(_read_all(f))
    if size == 0:
        raise ValidationError(error_messages["empty"], code="empty")
    if size > _limit_bytes():
        raise ValidationError(
            error_messages["too_large"],
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(_limit_bytes())},
        )


@dataclass
class CheckedImage:
    format: str
    width: int
    height: int


def check_image(f) -> CheckedImage:
    """Refuse anything that is not a readable image of an accepted format and size."""
    check_size(f)
    f.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns (and at twice the limit raises) about decompression bombs; the pixel
            # check below gives the user a clear message instead.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(f) as img:
                fmt, (width, height) = img.format, img.size
    except Image.DecompressionBombError:
        raise ValidationError(
            error_messages["too_many_pixels"],
            code="too_many_pixels",
            params={"width": "?", "height": "?", "limit": _limit_pixels() // 1_000_000},
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise ValidationError(error_messages["not_image"], code="not_image") from None
    finally:
        f.seek(0)
    if fmt not in IMAGE_FORMATS:
        raise ValidationError(
            error_messages["image_format"], code="image_format", params={"format": fmt}
        )
    if width * height > _limit_pixels():
        raise ValidationError(
            error_messages["too_many_pixels"],
            code="too_many_pixels",
            params={"width": width, "height": height, "limit": _limit_pixels() // 1_000_000},
        )
    # Decode it once, fully: a truncated or corrupt file fails here rather than on display.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(f) as img:
                img.load()
    except Exception:
        raise ValidationError(error_messages["not_image"], code="not_image") from None
    finally:
        f.seek(0)
    return CheckedImage(format=fmt, width=width, height=height)


def clean_image(f, *, max_side: int = 1600, quality: int = 85) -> ContentFile:
    """A re-encoded copy of an accepted image: upright, at most `max_side`, no metadata.

    Re-encoding the pixels is what strips EXIF (camera, GPS position) and any other payload.
    """
    checked = check_image(f)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(f) as img:
            img = ImageOps.exif_transpose(img)
            has_alpha = img.mode in ("RGBA", "LA", "P") and checked.format in ("PNG", "WEBP", "GIF")
            img = img.convert("RGBA" if has_alpha else "RGB")
            img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if has_alpha:
                img.save(out, format="PNG", optimize=True)
                ext = "png"
            else:
                img.save(out, format="JPEG", quality=quality, optimize=True, progressive=True)
                ext = "jpg"
    f.seek(0)
    return ContentFile(out.getvalue(), name=f"image.{ext}")


def rendition(content: bytes, *, side: int, quality: int = 80) -> ContentFile:
    """A square-cropped JPEG rendition (for avatars) from already-cleaned image bytes."""
    with Image.open(io.BytesIO(content)) as img:
        img = ImageOps.fit(img.convert("RGB"), (side, side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        img.save(out, format="JPEG", quality=quality, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name=f"image-{side}.jpg")


_SVG_DANGER = re.compile(
    rb"<\s*script|\son[a-z]+\s*=|javascript\s*:|<\s*foreignObject|<!ENTITY|xlink:href\s*=\s*[\"']?\s*data:",
    re.IGNORECASE,
)


def check_svg(f) -> None:
    check_size(f)
    data = _read_all(f)
    if b"<svg" not in data[:4096].lower():
        raise ValidationError(error_messages["not_image"], code="not_image")
    if _SVG_DANGER.search(data):
        raise ValidationError(error_messages["svg_script"], code="svg_script")


DOCUMENT_KINDS = {
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
    "odt": "OpenDocument text",
    "ods": "OpenDocument spreadsheet",
    "odp": "OpenDocument presentation",
    "txt": "plain text",
}


def document_kind(data: bytes) -> str | None:
    """What kind of document these bytes are, by signature; None when not on the allow-list."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
                if "mimetype" in names:
                    mimetype = zf.read("mimetype").decode("ascii", "replace").strip()
                    return {
                        "application/vnd.oasis.opendocument.text": "odt",
                        "application/vnd.oasis.opendocument.spreadsheet": "ods",
                        "application/vnd.oasis.opendocument.presentation": "odp",
                    }.get(mimetype)
                if "[Content_Types].xml" in names:
                    if any(n.startswith("word/") for n in names):
                        return "docx"
                    if any(n.startswith("xl/") for n in names):
                        return "xlsx"
                    if any(n.startswith("ppt/") for n in names):
                        return "pptx"
        except zipfile.BadZipFile:
            return None
        return None
    if b"\x00" in data[:8192]:
        return None
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError:
        return None
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<svg", b"<?xml", b"<script")):
        return None
    return "txt"


def check_document(f) -> str:
    check_size(f)
    kind = document_kind(_read_all(f))
    if kind is None:
        raise ValidationError(error_messages["document_type"], code="document_type")
    return kind


class PolicyImageField(forms.FileField):
    """A form field for images that applies the upload policy (not Django's ImageField, whose
    one message, "upload a valid image", tells the user nothing about what went wrong)."""

    widget = forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"})

    def to_python(self, data):
        f = super().to_python(data)
        if f is None:
            return None
        check_image(f)
        return f


class PolicyDocumentField(forms.FileField):
    """A form field for documents on the allow-list, checked by content."""

    def to_python(self, data):
        f = super().to_python(data)
        if f is None:
            return None
        check_document(f)
        return f
