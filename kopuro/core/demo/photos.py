"""Profile pictures for demo members, drawn locally with Pillow (nothing is downloaded).

Three styles: a soft illustrated portrait (head and shoulders on a landscape), initials on a
coloured gradient, and overlapping translucent circles. Shapes are drawn at twice the size and
halved, which gives smooth edges without an anti-aliasing library. The same
`(style, seed)` always gives the same picture.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFont

BACKGROUNDS = [
    ("#dbeafe", "#93c5fd"),
    ("#fde68a", "#fca5a5"),
    ("#d1fae5", "#6ee7b7"),
    ("#e9d5ff", "#a5b4fc"),
    ("#fee2e2", "#fdba74"),
    ("#e0f2fe", "#5eead4"),
    ("#fef3c7", "#fcd34d"),
    ("#ede9fe", "#f9a8d4"),
    ("#ccfbf1", "#7dd3fc"),
    ("#fae8ff", "#c4b5fd"),
]
SKIN = ["#f3d2b3", "#e8b895", "#dca47c", "#c98d62", "#b07850", "#eec5a4"]
HAIR = ["#2b1d14", "#3b2a20", "#1c1c1c", "#4a3426", "#5e4330", "#2f2f38"]
CLOTHES = [
    "#1f5f8b",
    "#b83b3b",
    "#2e7d32",
    "#6a1b9a",
    "#e07b1a",
    "#37474f",
    "#00838f",
    "#ad1457",
    "#5d4037",
    "#283593",
    "#f5f5f4",
]
SCARVES = ["#c2410c", "#0f766e", "#7c3aed", "#be123c", "#1d4ed8", "#a16207"]
INITIALS_COLOURS = [
    ("#1f5f8b", "#2f86c0"),
    ("#0f766e", "#14b8a6"),
    ("#7c2d12", "#ea580c"),
    ("#581c87", "#9333ea"),
    ("#9f1239", "#e11d48"),
    ("#1e3a8a", "#3b82f6"),
    ("#365314", "#65a30d"),
    ("#78350f", "#d97706"),
]


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _shade(hex_colour: str, factor: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, round(c * factor))) for c in _rgb(hex_colour))


def _gradient(size: int, top: str, bottom: str) -> Image.Image:
    a, b = _rgb(top), _rgb(bottom)
    column = Image.new("RGB", (1, 64))
    column.putdata(
        [tuple(round(a[k] + (b[k] - a[k]) * y / 63) for k in range(3)) for y in range(64)]
    )
    column = column.resize((1, size), Image.Resampling.BILINEAR)
    return column.resize((size, size), Image.Resampling.NEAREST)


def draw_avatar(
    *, style: str, seed: int, sex: str = "f", initials: str = "K", size: int = 480
) -> bytes:
    """A JPEG picture of `size` pixels square; see the module docstring for the styles."""
    rng = random.Random(seed)
    big = size * 2
    if style == "initials":
        img = _initials(rng, big, initials)
    elif style == "pattern":
        img = _pattern(rng, big)
    else:
        img = _portrait(rng, big, sex)
    img = img.reduce(2)  # a box filter: smooth edges, and fast
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=88)
    return out.getvalue()


def _portrait(rng: random.Random, s: int, sex: str) -> Image.Image:
    top, bottom = rng.choice(BACKGROUNDS)
    img = _gradient(s, top, bottom)
    layer = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)

    # The landscape: a pale sun and two ranges of mountains.
    if rng.random() < 0.6:
        r = s * rng.uniform(0.08, 0.13)
        cx, cy = s * rng.uniform(0.15, 0.85), s * rng.uniform(0.12, 0.28)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(255, 255, 255, 150))
    for depth, alpha in ((0.62, 70), (0.72, 110)):
        base = s * depth
        points = [(0, s), (0, base)]
        x = 0.0
        while x < s:
            x += s * rng.uniform(0.12, 0.25)
            points.append((x, base - s * rng.uniform(0.05, 0.2)))
            x += s * rng.uniform(0.08, 0.18)
            points.append((x, base + s * rng.uniform(0.0, 0.05)))
        points += [(s, base), (s, s)]
        d.polygon(points, fill=(*_shade(bottom, 0.72), alpha))
    img.paste(layer, (0, 0), layer)

    d = ImageDraw.Draw(img)
    skin = rng.choice(SKIN)
    hair = rng.choice(HAIR)
    clothes = rng.choice(CLOTHES)
    cx = s / 2 + s * rng.uniform(-0.03, 0.03)
    head_w, head_h = s * 0.27, s * 0.33
    head_top = s * 0.28
    head = (cx - head_w / 2, head_top, cx + head_w / 2, head_top + head_h)
    scarf = sex == "f" and rng.random() < 0.15
    long_hair = sex == "f" and not scarf and rng.random() < 0.8

    if long_hair:  # hair falling behind the shoulders
        d.rounded_rectangle(
            (cx - head_w * 0.66, head_top - s * 0.02, cx + head_w * 0.66, head_top + head_h * 1.55),
            radius=s * 0.12,
            fill=hair,
        )
    if scarf:
        scarf_colour = rng.choice(SCARVES)
        d.ellipse(
            (cx - head_w * 0.72, head_top - s * 0.05, cx + head_w * 0.72, head_top + head_h * 1.25),
            fill=scarf_colour,
        )
    # Shoulders and neck.
    d.ellipse((cx - s * 0.37, s * 0.7, cx + s * 0.37, s * 1.3), fill=clothes)
    d.rounded_rectangle(
        (cx - head_w * 0.2, head_top + head_h * 0.7, cx + head_w * 0.2, s * 0.76),
        radius=s * 0.03,
        fill=_shade(skin, 0.9),
    )
    if clothes != "#f5f5f4" and rng.random() < 0.5:  # a collar
        d.polygon(
            [(cx - head_w * 0.35, s * 0.72), (cx, s * 0.83), (cx + head_w * 0.35, s * 0.72)],
            fill="#f8fafc",
        )
    d.ellipse(head, fill=skin)
    if scarf:
        d.chord(
            (cx - head_w * 0.62, head_top - s * 0.04, cx + head_w * 0.62, head_top + head_h * 0.75),
            180,
            360,
            fill=scarf_colour,
        )
    elif long_hair:
        d.chord(
            (cx - head_w * 0.55, head_top - s * 0.03, cx + head_w * 0.55, head_top + head_h * 0.7),
            180,
            360,
            fill=hair,
        )
    else:  # short hair
        d.chord(
            (
                cx - head_w * 0.53,
                head_top - s * 0.025,
                cx + head_w * 0.53,
                head_top + head_h * 0.62,
            ),
            165,
            375,
            fill=hair,
        )
        if rng.random() < 0.12:  # an ak-kalpak, the white felt hat
            brim_y = head_top + head_h * 0.12
            d.polygon(
                [
                    (cx - head_w * 0.55, brim_y),
                    (cx - head_w * 0.3, head_top - s * 0.13),
                    (cx + head_w * 0.3, head_top - s * 0.13),
                    (cx + head_w * 0.55, brim_y),
                ],
                fill="#f7f4ec",
            )
            d.rectangle(
                (cx - head_w * 0.57, brim_y - s * 0.025, cx + head_w * 0.57, brim_y + s * 0.005),
                fill="#1c1c1c",
            )
    if rng.random() < 0.2:  # glasses
        eye_y = head_top + head_h * 0.5
        r = head_w * 0.14
        width = max(2, round(s * 0.006))
        for ex in (cx - head_w * 0.2, cx + head_w * 0.2):
            d.ellipse((ex - r, eye_y - r, ex + r, eye_y + r), outline="#1f2937", width=width)
        d.line((cx - head_w * 0.06, eye_y, cx + head_w * 0.06, eye_y), fill="#1f2937", width=width)
    return img


def _initials(rng: random.Random, s: int, initials: str) -> Image.Image:
    dark, light = rng.choice(INITIALS_COLOURS)
    img = _gradient(s, light, dark)
    d = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=round(s * 0.36))
    d.text(
        (s / 2, s / 2),
        initials[:2],
        font=font,
        anchor="mm",
        fill="#ffffff",
        stroke_width=round(s * 0.008),
        stroke_fill="#ffffff",
    )
    return img


def _pattern(rng: random.Random, s: int) -> Image.Image:
    top, bottom = rng.choice(BACKGROUNDS)
    img = _gradient(s, top, bottom)
    for _ in range(rng.randint(4, 7)):
        r = s * rng.uniform(0.15, 0.4)
        cx, cy = s * rng.random(), s * rng.random()
        box = tuple(round(v) for v in (cx - r, cy - r, cx + r, cy + r))
        accent = rng.choice(INITIALS_COLOURS)[1]
        colour = _shade(rng.choice((top, bottom, accent)), rng.uniform(0.8, 1.1))
        mask = Image.new("L", (s, s), 0)
        ImageDraw.Draw(mask).ellipse(box, fill=rng.randint(70, 150))
        img.paste(colour, (0, 0, s, s), mask)
    return img
