"""Fixtures for the accounts tests: members, logged-in clients and image files made on the spot."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kopuro.accounts.tests.factories import ProfileFactory, UserFactory


@pytest.fixture
def member(db):
    """A member with a profile listed in the directory."""
    return ProfileFactory()


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client


@pytest.fixture
def bare_member(db):
    """A member who has just signed up: a profile with nothing but a name."""
    user = UserFactory()
    from kopuro.accounts.services import profile_create

    profile_create(user=user, display_name="Bare Member")
    return user.profile


def jpeg_bytes(size=(64, 48), colour=(200, 30, 30), exif=None) -> bytes:
    out = io.BytesIO()
    img = Image.new("RGB", size, colour)
    kwargs = {"exif": exif} if exif is not None else {}
    img.save(out, format="JPEG", **kwargs)
    return out.getvalue()


def png_bytes(size=(64, 64), mode="RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (10, 120, 200, 255) if mode == "RGBA" else 128).save(out, format="PNG")
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG signature and header that claims `width` × `height` pixels, with a tiny
    pixel stream: what a decompression bomb looks like to anything reading the header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
