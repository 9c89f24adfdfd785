"""The upload policy, in one place, for every upload field in Kopuro.

Files are judged by their content, never by their name or the browser's content type:
- images: JPEG, PNG, WebP or GIF as Pillow reads them; at most KOPURO_IMAGE_MAX_PIXELS pixels,
  checked from the header before any pixel is decoded (a decompression bomb is refused in
  milliseconds); EXIF and other metadata stripped by re-encoding.
- SVG: accepted only where a field allows it; parsed, and refused with script, event handlers,
  `javascript:` or outside links, foreign objects, DTDs or entities.
- documents: an allow-list of kinds recognised by their signature (PDF, OOXML, OpenDocument,
  plain text and CSV), without macros, named as what they hold.
Every file: at most KOPURO_UPLOAD_MAX_BYTES.

Where it is used: the member photo (PolicyImageField), and Wagtail's image and document
uploads (kopuro.core.forms, wired by WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE). A new upload field uses PolicyImageField or
PolicyDocumentField, or calls check_image / check_svg / check_document.
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
    "too_many_pixels_unknown": _(
        "The image is too large. The most we accept is %(limit)s million pixels."
    ),
    "svg_script": _(
        "This SVG contains script, event handlers or links to other files, which we do not accept."
    ),
    "document_type": _(
        "This kind of document is not accepted. Upload a PDF, a Word, Excel or PowerPoint "
        "file (.docx, .xlsx, .pptx), an OpenDocument file (.odt, .ods, .odp), or plain text "
        "or CSV."
    ),
    "document_macros": _("Documents with macros are not accepted. Save it without macros."),
    "document_name": _(
        "The file's name ends in .%(extension)s but it holds %(kind)s. Rename it or upload "
        "the right file."
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
            error_messages["too_many_pixels_unknown"],
            code="too_many_pixels",
            params={"limit": _limit_pixels() // 1_000_000},
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


# --- SVG -----------------------------------------------------------------------------------------
# SVG is a document format that can run script, so it is parsed (never pattern-matched: an
# entity-encoded `javascript:` or a namespace-prefixed <x:script> slips past any pattern) and
# every element and attribute is judged. Anything that could run script or fetch another file
# is refused: script and foreign elements, event handlers, links other than to a fragment of the
# same file, DTDs and entities (XXE, "billion laughs"), processing instructions, CSS imports.

SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"
SVG_ELEMENTS = frozenset(
    """svg g defs symbol use title desc metadata switch view a style image
    path rect circle ellipse line polyline polygon text tspan textPath
    linearGradient radialGradient stop pattern clipPath mask marker
    filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
    feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
    feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight
    feSpecularLighting feSpotLight feTile feTurbulence
    animate animateMotion animateTransform set mpath""".split()
)
_RASTER_DATA_URL = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.IGNORECASE)
_CSS_DANGER = re.compile(r"@import|url\((?!['\"]?#)|expression\(|-moz-binding|behavior:", re.I)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


class _UnsafeSVG(Exception):
    pass


class _SVGInspector:
    def __init__(self):
        from xml.parsers import expat

        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartDoctypeDeclHandler = self._refuse
        self.parser.EntityDeclHandler = self._refuse
        self.parser.ExternalEntityRefHandler = self._refuse
        self.parser.ProcessingInstructionHandler = self._refuse
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.buffer_text = True  # a text node arrives whole, not split at entities
        self.in_style = False
        self.style_text: list[str] = []
        self.root_seen = False

    def feed(self, data: bytes) -> None:
        self.parser.Parse(data, True)

    def _refuse(self, *args):
        raise _UnsafeSVG

    @staticmethod
    def _split(name: str) -> tuple[str, str]:
        ns, _sep, local = name.rpartition(" ")
        return ns, local

    def _start(self, name, attrs):
        ns, local = self._split(name)
        if not self.root_seen:
            self.root_seen = True
            if local != "svg":
                raise _UnsafeSVG
        if ns == XHTML_NS or local.lower() in {"script", "foreignobject", "handler", "listener"}:
            raise _UnsafeSVG
        # Elements in other namespaces (Inkscape's, RDF metadata) are inert in a browser.
        is_svg = ns in ("", SVG_NS)
        if is_svg and local not in SVG_ELEMENTS:
            raise _UnsafeSVG
        self.in_style = is_svg and local == "style"
        for attr_name, value in attrs.items():
            self._attribute(local, self._split(attr_name)[1], value)
        if is_svg and local in {"animate", "set"}:
            target = attrs.get("attributeName", "").rpartition(":")[2].lower()
            if target == "href" or target.startswith("on"):
                raise _UnsafeSVG

    def _attribute(self, element: str, name: str, value: str) -> None:
        squeezed = _INVISIBLE.sub("", value).lower()
        if name.lower().startswith("on"):
            raise _UnsafeSVG
        if "javascript:" in squeezed or "vbscript:" in squeezed:
            raise _UnsafeSVG
        if name == "href":
            local_ref = squeezed.startswith("#")
            web_link = element == "a" and squeezed.startswith(("https:", "http:", "mailto:"))
            embedded = element == "image" and _RASTER_DATA_URL.match(squeezed)
            if not (local_ref or web_link or embedded):
                raise _UnsafeSVG
        elif "data:" in squeezed:
            raise _UnsafeSVG
        if name == "style":
            self._css(value)

    @staticmethod
    def _css(text: str) -> None:
        """Refuse CSS that fetches or runs anything, its escapes (`@\\69mport`) decoded."""

        def unescape(m: re.Match) -> str:
            if m.group(1):
                code = int(m.group(1), 16)
                return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
            return m.group(2)

        if _CSS_DANGER.search(_CSS_ESCAPE.sub(unescape, _CSS_COMMENT.sub("", text))):
            raise _UnsafeSVG

    def _end(self, name):
        if self.in_style:
            self._css("".join(self.style_text))
        self.in_style = False
        self.style_text = []

    def _text(self, data):
        if self.in_style:
            self.style_text.append(data)


def check_svg(f) -> None:
    """Accept an SVG only when it can neither run script nor fetch anything."""
    from xml.parsers.expat import ExpatError

    check_size(f)
    data = _read_all(f)
    if b"<svg" not in data[:4096].lower():
        raise ValidationError(error_messages["not_image"], code="not_image")
    try:
        _SVGInspector().feed(data)
    except _UnsafeSVG:
        raise ValidationError(error_messages["svg_script"], code="svg_script") from None
    except (ExpatError, ValueError):
        raise ValidationError(error_messages["not_image"], code="not_image") from None


# --- Documents -----------------------------------------------------------------------------------

DOCUMENT_KINDS = {
    "pdf": _("a PDF document"),
    "docx": _("a Word document"),
    "xlsx": _("an Excel workbook"),
    "pptx": _("a PowerPoint presentation"),
    "odt": _("an OpenDocument text"),
    "ods": _("an OpenDocument spreadsheet"),
    "odp": _("an OpenDocument presentation"),
    "txt": _("plain text"),
}
# The file name extensions each kind may carry (a PDF named .docx is refused, so is HTML named
# .pdf: a browser or an office program would open it as the name says).
DOCUMENT_EXTENSIONS = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
    "txt": {"txt", "csv"},
}
_OPENDOCUMENT = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


class _Macros(Exception):
    pass


def _zip_document_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if any(n.lower().endswith("vbaproject.bin") or n.startswith("Basic/") for n in names):
                raise _Macros
            if "mimetype" in names:
                with zf.open("mimetype") as fh:  # read a few bytes: never inflate a zip bomb
                    mimetype = fh.read(100).decode("ascii", "replace").strip()
                return _OPENDOCUMENT.get(mimetype)
            if "[Content_Types].xml" in names:
                for prefix, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
                    if any(n.startswith(prefix) for n in names):
                        return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return None
    return None


def document_kind(data: bytes) -> str | None:
    """What kind of document these bytes are, by signature; None when not on the allow-list."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_document_kind(data)
    if b"\x00" in data[:8192]:
        return None
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the 64 KiB boundary is still text.
        if exc.start < 65536 - 4:
            return None
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body")):
        return None
    return "txt"


def check_document(f) -> str:
    """Refuse anything but an allow-listed kind of document whose name matches its content."""
    check_size(f)
    try:
        kind = document_kind(_read_all(f))
    except _Macros:
        raise ValidationError(error_messages["document_macros"], code="document_macros") from None
    if kind is None:
        raise ValidationError(error_messages["document_type"], code="document_type")
    name = getattr(f, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension and extension not in DOCUMENT_EXTENSIONS[kind]:
        raise ValidationError(
            error_messages["document_name"],
            code="document_name",
            params={"extension": extension, "kind": DOCUMENT_KINDS[kind]},
        )
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
