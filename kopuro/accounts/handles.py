"""Profile addresses (`/members/<handle>/`) made from display names in any of our scripts."""

import re

from django.utils.text import slugify

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүһ",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya ng o u h".split(),
        strict=True,
    )
)


# Addresses under /members/ that are pages, not members (kopuro/connect/urls.py): a member named
# "Map" gets /members/map-2/. A test checks every such page's address is listed here.
RESERVED_HANDLES = frozenset({"map", "for-you"})


def transliterate(text: str) -> str:
    out = []
    for ch in text.lower():
        t = _CYRILLIC.get(ch)
        out.append("" if t == "-" else (t if t is not None else ch))
    return "".join(out)


def handle_base(display_name: str) -> str:
    # Dots, underscores and the like separate words ("aida.t", "Dr.Aida"), as spaces do.
    spaced = re.sub(r"[._+@&/\\]+", " ", transliterate(display_name))
    base = slugify(spaced)[:30].strip("-")
    return re.sub(r"-{2,}", "-", base) or "member"
