"""A minimal, valid one-page PDF written by hand (PDF 1.4, Helvetica, no dependencies).

Used for the demo content's downloads (terms of reference, the sections of a request for
proposals, press releases) so that nothing is downloaded. Text is Latin-1; anything else is
replaced, which is fine for titles and a few lines of placeholder content.
"""

from __future__ import annotations

import textwrap


def _pdf_text(value: str) -> str:
    value = value.encode("latin-1", "replace").decode("latin-1")
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(title: str, lines: list[str]) -> bytes:
    """One A4 page: the title in bold, then the lines, wrapped at 90 characters."""
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(textwrap.wrap(line, 90) or [""])
    content = ["BT", "/F2 16 Tf", "56 780 Td", f"({_pdf_text(title)}) Tj", "/F1 11 Tf", "0 -28 Td"]
    for line in wrapped[:55]:
        content.append(f"({_pdf_text(line)}) Tj")
        content.append("0 -14 Td")
    content.append("ET")
    stream = "\n".join(content).encode("latin-1")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title (" + _pdf_text(title).encode("latin-1") + b") /Producer (Kopuro) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)
