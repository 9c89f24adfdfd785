"""Demo personas: who each demo member is, drawn from a seeded random generator.

A persona depends only on `(seed, index)`, so member 17 is the same person whether you seed 50 or
100,000 members, and a second run recognises the members it made before (by e-mail address).
Pure Python: no database, no files. `kopuro.core.demo.members` turns personas into rows.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from kopuro.accounts.handles import handle_base
from kopuro.core.demo import data

DEMO_SEED = 2026
DEMO_PASSWORD = "kopuro-demo"  # noqa: S105 - published in the README on purpose
DEMO_EMAIL_DOMAIN = "demo.kopuro.org"

VISIBILITY_GROUPS = (
    "photo",
    "headline",
    "bio",
    "origin",
    "residence",
    "languages",
    "expertise",
    "offers",
    "links",
)
# (public, members, only me) weights per visibility group: most share with members or everyone.
VISIBILITY_WEIGHTS = {
    "photo": (75, 22, 3),
    "headline": (82, 15, 3),
    "bio": (35, 55, 10),
    "origin": (40, 50, 10),
    "residence": (55, 38, 7),
    "languages": (45, 50, 5),
    "expertise": (70, 27, 3),
    "offers": (40, 55, 5),
    "links": (30, 60, 10),
}
PHOTO_STYLES = (("portrait", 70), ("initials", 15), ("pattern", 15))
PROFESSIONAL = {
    "software",
    "data",
    "researcher",
    "policy",
    "banker",
    "journalist",
    "student",
    "translator",
    "doctor",
    "entrepreneur",
    "solar",
    "lawyer",
}

_GENDERED = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")


def gender(text: str, sex: str) -> str:
    """Resolve `[masculine|feminine]` endings: "Готов[|а]" is "Готов" or "Готова"."""
    return _GENDERED.sub(lambda m: m.group(1 if sex == "m" else 2), text)


def _feminine(surname: str) -> str:
    if surname.endswith(("ov", "ev", "in")):
        return surname + "a"
    if surname.endswith(("ов", "ев", "ин")):
        return surname + "а"
    return surname


class _Pool:
    """Items with weights, ready for `random.choices` (cumulative weights computed once)."""

    __slots__ = ("items", "cum")

    def __init__(self, pairs):
        self.items, self.cum, total = [], [], 0.0
        for item, weight in pairs:
            if weight > 0:
                total += weight
                self.items.append(item)
                self.cum.append(total)

    def pick(self, rng: random.Random):
        return rng.choices(self.items, cum_weights=self.cum)[0]


_COUNTRIES = _Pool((c, w) for c, (w, _cities) in data.RESIDENCES.items())
_CITIES = {
    c: _Pool((city, city[3]) for city in cities) for c, (_w, cities) in data.RESIDENCES.items()
}
_OCCUPATIONS = {
    c: _Pool(
        (o, o["weight"] * o["boost"].get(c, o["boost"].get("*", 1.0))) for o in data.OCCUPATIONS
    )
    for c in data.RESIDENCES
}
_ETHNICITIES = _Pool((e, v[0]) for e, v in data.ETHNICITIES.items())
_ORIGINS = {
    e: _Pool((o, o[3][col]) for o in data.ORIGINS) for col, e in enumerate(("kg", "uz", "ru"))
}
_PHOTO_STYLES = _Pool(PHOTO_STYLES)
_VISIBILITY = {
    group: _Pool(zip(("public", "members", "private"), weights, strict=True))
    for group, weights in VISIBILITY_WEIGHTS.items()
}


@dataclass(slots=True)
class Persona:
    """Everything the demo says about one member, in plain values (vocabularies as slugs)."""

    index: int
    seed: int
    sex: str
    display_name: str
    latin_name: str
    email: str
    lang: str
    occupation: str
    headline: str = ""
    bio: str = ""
    origin_country: str = ""
    origin_region: str = ""
    residence_country: str = ""
    residence_city: str = ""
    languages: list[str] = field(default_factory=list)
    expertise: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    seeks: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    website: str = ""
    linkedin: str = ""
    visibility: dict[str, str] = field(default_factory=dict)
    in_directory: bool = True
    onboarded: bool = True
    joined_days_ago: float = 0.0
    photo_style: str | None = None
    photo_seed: int = 0

    @property
    def handle_base(self) -> str:
        return handle_base(self.latin_name)

    @property
    def initials(self) -> str:
        """Latin initials, for avatars (the embedded font draws Latin letters only)."""
        parts = [p for p in self.latin_name.replace(".", "").split() if p[:1].isalpha()]
        return "".join(p[0] for p in parts[:2]).upper() or "K"


def make_persona(index: int, seed: int = DEMO_SEED) -> Persona:
    """The demo member number `index` (0-based) for `seed`: same inputs, same person."""
    rng = random.Random(f"kopuro-demo:{seed}:{index}")

    country = _COUNTRIES.pick(rng)
    occupation = _OCCUPATIONS[country].pick(rng)
    sex = "f" if rng.random() < occupation["women"] else "m"
    ethnicity = _ETHNICITIES.pick(rng)
    _w, males, females, surnames = data.ETHNICITIES[ethnicity]

    if country in data.RUSSIAN_SPEAKING:
        lang = "ru" if rng.random() < 0.75 else "en"
    else:
        lang = "en" if rng.random() < 0.7 else "ru"
    cyrillic = rng.random() < (0.7 if lang == "ru" else 0.08)
    script = 1 if cyrillic else 0

    first = rng.choice(females if sex == "f" else males)
    if ethnicity == "kg" and rng.random() < 0.12:
        father = rng.choice([m for m in data.KG_MALE if m != first])
        suffix = ("kyzy", "кызы") if sex == "f" else ("uulu", "уулу")
        last = (f"{father[0]} {suffix[0]}", f"{father[1]} {suffix[1]}")
    else:
        last = rng.choice(surnames)
        if sex == "f":
            last = (_feminine(last[0]), _feminine(last[1]))
    latin_name = f"{first[0]} {last[0]}"
    display_name = f"{first[script]} {last[script]}"
    if rng.random() < 0.04:
        display_name = f"{first[script]} {last[script][0]}."
    # The address is the member's identity across runs: plain ASCII from the Latin name, never
    # from code that might change (such as the handle rules).
    local = re.sub(r"[^a-z]+", ".", latin_name.lower()).strip(".")
    email = f"{local}.{index}@{DEMO_EMAIL_DOMAIN}"

    p = Persona(
        index=index,
        seed=seed,
        sex=sex,
        display_name=display_name,
        latin_name=latin_name,
        email=email,
        lang=lang,
        occupation=occupation["key"],
    )

    # Where they come from and where they live.
    origin = None
    if rng.random() < 0.96:
        p.origin_country = "KG"
        origin = _ORIGINS[ethnicity].pick(rng)
        if rng.random() < 0.9:
            p.origin_region = origin[0] if lang == "en" else origin[1]
    city = _CITIES[country].pick(rng)
    p.residence_country = country
    if rng.random() < 0.97:
        p.residence_city = city[0] if lang == "en" else city[1]
    city_name = city[0] if lang == "en" else city[1]

    # What they say about themselves.
    headline_pool = occupation["headline_en" if lang == "en" else "headline_ru"]
    if rng.random() < 0.95:
        p.headline = gender(rng.choice(headline_pool), sex).format(city=city_name)

    p.expertise = [occupation["expertise"][0]]
    extra = [e for e in occupation["extra_expertise"] if e not in p.expertise]
    for _ in range(rng.choices((0, 1, 2), weights=(40, 45, 15))[0]):
        if extra:
            p.expertise.append(extra.pop(rng.randrange(len(extra))))
    interests_pool = [i for i in occupation["interests"] if i not in p.expertise]
    rng.shuffle(interests_pool)
    p.interests = interests_pool[: rng.randint(1, 3)]
    offers_pool = list(occupation["offers"])
    p.offers = (
        [offers_pool.pop(0)]
        if rng.random() < 0.6
        else [offers_pool.pop(rng.randrange(len(offers_pool)))]
    )
    rng.shuffle(offers_pool)
    p.offers += offers_pool[: rng.choices((0, 1, 2), weights=(40, 45, 15))[0]]
    seeks_pool = [s for s in occupation["seeks"] if s not in p.offers]
    rng.shuffle(seeks_pool)
    p.seeks = seeks_pool[: rng.choices((0, 1, 2), weights=(25, 55, 20))[0]]

    p.languages = _languages(rng, ethnicity, country, lang, occupation["key"])

    year = rng.randint(2019, 2025) if occupation["key"] == "student" else rng.randint(2006, 2025)
    if rng.random() < 0.9:
        p.bio = _bio(rng, p, occupation, origin, city, year)

    tag_pool = list(occupation["tags"])
    rng.shuffle(tag_pool)
    chosen = tag_pool[: rng.choices((0, 1, 2), weights=(25, 50, 25))[0]]
    common = list(data.COMMON_TAGS)
    rng.shuffle(common)
    chosen += common[: rng.choices((0, 1, 2), weights=(45, 40, 15))[0]]
    russian_tags = lang == "ru" and rng.random() < 0.7
    p.tags = sorted({t[1] if russian_tags else t[0] for t in chosen})

    links_likely = 0.35 if occupation["key"] in PROFESSIONAL else 0.08
    if rng.random() < links_likely:
        p.linkedin = f"https://www.linkedin.com/in/{p.handle_base}-{index}"
    if rng.random() < 0.12:
        p.website = f"https://{p.handle_base}.example.com/"

    p.visibility = {group: _VISIBILITY[group].pick(rng) for group in VISIBILITY_GROUPS}
    p.in_directory = rng.random() < 0.8
    p.onboarded = p.in_directory or rng.random() < 0.8
    p.joined_days_ago = round(720 * rng.random() ** 1.4, 3)
    if rng.random() < 0.6:
        p.photo_style = _PHOTO_STYLES.pick(rng)
    p.photo_seed = rng.getrandbits(32)
    return p


def _languages(rng: random.Random, ethnicity: str, country: str, lang: str, occupation: str):
    langs = []
    if rng.random() < {"kg": 0.92, "uz": 0.5, "ru": 0.15}[ethnicity]:
        langs.append("ky")
    if rng.random() < (1.0 if ethnicity == "ru" else 0.93):
        langs.append("ru")
    if ethnicity == "uz" and rng.random() < 0.95:
        langs.append("uz")
    if country in data.ENGLISH_SPEAKING:
        en = 1.0
    elif lang == "en" or occupation in PROFESSIONAL:
        en = 0.85
    elif country in data.EUROPE:
        en = 0.6
    else:
        en = 0.2
    if rng.random() < en:
        langs.append("en")
    local = data.LOCAL_LANGUAGE.get(country)
    if local and local[0] not in langs and rng.random() < local[1]:
        langs.append(local[0])
    if ethnicity == "kg" and "tr" not in langs and rng.random() < 0.05:
        langs.append("tr")
    if rng.random() < 0.02:
        langs.append("tg")
    return langs or ["ky"]


def _bio(rng: random.Random, p: Persona, occupation, origin, city, year: int) -> str:
    en = p.lang == "en"
    sentences = [rng.choice(occupation["intro_en" if en else "intro_ru"])]
    if rng.random() < 0.15:
        return gender(sentences[0], p.sex)
    if p.residence_country == "KG":
        if en:
            sentences.append(data.RETURNEE_SENTENCE_EN.format(city=city[0], year=year))
        else:
            to = data.RETURN_TO_RU.get(city[0], "домой")
            sentences.append(data.RETURNEE_SENTENCE_RU.format(city_to=to, year=year))
    elif origin is not None:
        if en:
            template = rng.choice(data.ORIGIN_SENTENCE_EN)
            sentences.append(template.format(origin=origin[0], city=city[0], year=year))
        else:
            template = rng.choice(data.ORIGIN_SENTENCE_RU)
            sentences.append(template.format(origin_from=origin[2], city_in=city[2], year=year))
    sentences.append(data.OFFER_SENTENCE[p.offers[0]][0 if en else 1])
    if p.seeks and rng.random() < 0.6:
        template = data.SEEK_SENTENCE[p.seeks[0]][0 if en else 1]
        sentences.append(template.format(city=city[0], city_in=city[2]))
    return gender(" ".join(sentences), p.sex)
