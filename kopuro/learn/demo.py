"""Learn's demo content (called from `seed_demo` through kopuro.contribute.demo; idempotent).

The office's own materials, written in our words from the facts of the website snapshot
(/work/shared/reference/office-website-snapshot.txt), in English and Russian; then a seeded mix
of guides, toolkits, research, laws, information materials, courses, videos and data sets so
that every facet has something to show (more than 60 resources). Files are small PDFs made on
the spot; a resource waits in the moderation queue and one was returned, so moderators have
something to do.
"""

from __future__ import annotations

import random

from django.core.files.base import ContentFile
from django.utils import timezone

from kopuro.accounts.models import Term, User
from kopuro.core.demo.accounts import EDITOR_EMAIL, MEMBER_EMAIL
from kopuro.learn.models import Bookmark, Resource, ResourceRevision

SEED = 6

# (slug, kind, lang, title, summary, publisher, year, topics, countries, licence)
OFFICE = [
    (
        "migrant-vulnerabilities-central-asia",
        "research",
        "en",
        "Migrant vulnerabilities and integration needs in Central Asia",
        "A regional field assessment of why people leave, what happens to them abroad and what "
        "they need when they come back: the social and economic effects of return migration, "
        "with recommendations for governments, local authorities and civil society.",
        "UN Migration Agency, Central Asia office",
        2016,
        ["migration", "social-work"],
        ["KG", "KZ", "TJ", "UZ"],
        "reuse",
    ),
    (
        "uyazvimost-migrantov-centralnaya-aziya",
        "research",
        "ru",
        "Уязвимость мигрантов и потребности в интеграции в Центральной Азии",
        "Региональное полевое исследование о причинах отъезда, трудностях за рубежом и "
        "потребностях вернувшихся мигрантов, с рекомендациями для государственных органов, "
        "местных властей и гражданского общества.",
        "Агентство ООН по миграции, офис в Центральной Азии",
        2016,
        ["migration", "social-work"],
        ["KG", "KZ", "TJ", "UZ"],
        "reuse",
    ),
    (
        "internal-migration-kyrgyz-republic-study",
        "research",
        "en",
        "Internal migration in the Kyrgyz Republic: a study in two parts",
        "Survey figures and interviews on people moving from the regions to Bishkek and Osh: "
        "who moves, why, and how they find housing, work, schools and health care.",
        "UN Migration Agency in the Kyrgyz Republic",
        2019,
        ["migration", "public-administration"],
        ["KG"],
        "cc-by",
    ),
    (
        "migrants-right-to-health-recommendations",
        "law",
        "en",
        "Migrants' right to health in Central Asia: recommendations",
        "What government and non-governmental participants from Kazakhstan, Kyrgyzstan and "
        "Turkmenistan agreed at the regional workshop in Bishkek on making health services "
        "reachable for migrants, in line with international standards.",
        "UN Migration Agency, Central Asia office",
        2017,
        ["health", "law"],
        ["KG", "KZ", "TM"],
        "reuse",
    ),
    (
        "pravo-migrantov-na-zdorove",
        "law",
        "ru",
        "Право мигрантов на здоровье в Центральной Азии: рекомендации",
        "Итоги регионального семинара в Бишкеке: как сделать медицинскую помощь доступной для "
        "мигрантов в Казахстане, Кыргызстане и Туркменистане.",
        "Агентство ООН по миграции, офис в Центральной Азии",
        2017,
        ["health", "law"],
        ["KG", "KZ", "TM"],
        "reuse",
    ),
    (
        "migrant-workers-right-to-rest",
        "information",
        "ru",
        "Право трудящихся-мигрантов на отдых: памятка",
        "Коротко о том, сколько работник-мигрант может работать, какие выходные и отпуск ему "
        "положены и куда обращаться, если работодатель их не даёт.",
        "Агентство ООН по миграции",
        2019,
        ["law", "migration"],
        ["RU", "KZ"],
        "public-domain",
    ),
    (
        "information-terminals-for-migrants",
        "information",
        "en",
        "Before you travel: the information terminals for migrants",
        "Where the touch-screen terminals stand (Manas airport, the Ak-Jol crossing, the "
        "regional centres) and what they tell you: departure and arrival rules, your rights, "
        "risks and the hotlines to call. About 700,000 Kyrgyz citizens live and work abroad.",
        "State Migration Service and the UN Migration Agency",
        2017,
        ["migration"],
        ["KG"],
        "public-domain",
    ),
    (
        "migrants-invisible-force-photostory",
        "information",
        "en",
        "Migrants: an invisible force in Central Asia (exhibition catalogue)",
        "More than forty photographs and the texts that go with them, from artists and "
        "students across Central Asia, with two writers' stories: an exhibition against "
        "xenophobia and for migrants' rights.",
        "UN Migration Agency and the American University of Central Asia",
        2017,
        ["culture", "migration"],
        ["KG", "KZ", "TJ", "UZ"],
        "reserved",
    ),
    (
        "migrants-invisible-force-film",
        "video",
        "en",
        "Migrants: an invisible force (short documentary, 10 min)",
        "The short film shown at the PhotoStory exhibition: migrants and their families talk "
        "about leaving, working abroad and coming home.",
        "UN Migration Agency",
        2017,
        ["culture", "migration"],
        ["KG"],
        "reserved",
    ),
    (
        "youth-vulnerability-radicalisation-research",
        "research",
        "en",
        "Young people, migration and violent extremism: vulnerability and resilience",
        "An analysis across six domains of what makes young people in communities affected by "
        "migration vulnerable, and what protects them, with lessons for NGOs and religious "
        "leaders.",
        "American University of Central Asia",
        2018,
        ["social-work", "education"],
        ["KG"],
        "reuse",
    ),
    (
        "idiaspora-engagement-guide",
        "guide",
        "en",
        "Engaging your diaspora: a practical guide for governments",
        "How governments enable, empower and engage their diaspora: mapping and surveys, "
        "consultations, partnerships with diaspora associations and the Global Compact's "
        "objective 19.",
        "UN Migration Agency",
        2018,
        ["public-administration", "migration"],
        [],
        "cc-by",
    ),
    (
        "rukovodstvo-vzaimodeystvie-s-diasporoy",
        "guide",
        "ru",
        "Взаимодействие с диаспорой: практическое руководство для государственных органов",
        "Как государству вовлекать соотечественников за рубежом: исследования и опросы, "
        "консультации, партнёрство с объединениями диаспоры и цель 19 Глобального договора.",
        "Агентство ООН по миграции",
        2018,
        ["public-administration", "migration"],
        [],
        "cc-by",
    ),
]

KIND_TITLES = {
    "guide": [
        ("en", "A guide to {topic} for people moving to {country}"),
        ("ru", "Справочник: {topic_ru} для переезжающих в {country_ru}"),
    ],
    "toolkit": [
        ("en", "Toolkit: starting a {topic} project with your home community"),
        ("ru", "Инструменты: проект в сфере «{topic_ru}» с земляками"),
    ],
    "research": [
        ("en", "{topic} and the diaspora in {country}: survey findings"),
        ("ru", "{topic_ru} и диаспора в стране {country_ru}: итоги опроса"),
    ],
    "law": [
        ("en", "{country}: rules on work and residence for foreign workers"),
        ("ru", "{country_ru}: правила работы и проживания для иностранных работников"),
    ],
    "information": [
        ("en", "Know your rights: {topic} in {country}"),
        ("ru", "Знайте свои права: {topic_ru}, {country_ru}"),
    ],
    "course": [
        ("en", "Online course: {topic} for beginners"),
        ("ru", "Онлайн-курс: {topic_ru} для начинающих"),
    ],
    "video": [
        ("en", "Video: a day in the life of a {topic} professional in {country}"),
        ("ru", "Видео: один день специалиста в сфере «{topic_ru}», {country_ru}"),
    ],
    "dataset": [
        ("en", "Data set: {topic} indicators by region, {country}"),
        ("ru", "Набор данных: показатели «{topic_ru}» по регионам, {country_ru}"),
    ],
}
SUMMARIES = {
    "en": (
        "Written for members of the diaspora and their families. It explains the essentials "
        "step by step, with examples from {country}, and lists where to get help."
    ),
    "ru": (
        "Для соотечественников за рубежом и их семей: главное по шагам, с примерами из страны "
        "{country_ru}, и куда обращаться за помощью."
    ),
}
PUBLISHERS = [
    "Kopuro editorial team",
    "Diaspora Council of Kyrgyzstan",
    "Central Asian Migration Research Network",
    "State Migration Service",
    "Bishkek Business Club abroad",
    "Women Engineers of Central Asia",
]
COUNTRIES = [
    ("RU", "Russia", "Россия"),
    ("KZ", "Kazakhstan", "Казахстан"),
    ("KR", "South Korea", "Южная Корея"),
    ("TR", "Türkiye", "Турция"),
    ("US", "the United States", "США"),
    ("DE", "Germany", "Германия"),
    ("KG", "Kyrgyzstan", "Кыргызстан"),
]
TOPICS = [
    "migration",
    "law",
    "health",
    "education",
    "business",
    "finance",
    "it",
    "renewable-energy",
    "agriculture",
    "social-work",
]


def pdf_bytes(title: str) -> bytes:
    """A one-page PDF with the title on it (Latin letters only; enough for a demo download)."""
    text = "".join(c for c in title if c.isascii() and c not in "()\\")[:80] or "Kopuro"
    stream = f"BT /F1 18 Tf 50 780 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
        b"5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _terms(vocabulary: str) -> dict[str, Term]:
    return {t.slug: t for t in Term.objects.filter(vocabulary=vocabulary)}


def _make(spec: dict, *, topics, languages, contributor, status, when) -> Resource:
    r = Resource(
        contributor=contributor,
        status=status,
        published_at=when if status == Resource.Status.PUBLISHED else None,
        **{k: v for k, v in spec.items() if k not in ("topics", "languages", "file")},
    )
    if spec.get("file"):
        r.file.save(f"{spec['slug'][:60]}.pdf", ContentFile(pdf_bytes(spec["title"])), save=False)
        r.file_kind, r.file_size = "pdf", r.file.size
    r.save()
    r.topics.set([topics[s] for s in spec["topics"] if s in topics])
    r.languages.set([languages[s] for s in spec["languages"] if s in languages])
    ResourceRevision.objects.create(resource=r, author=contributor, action=status, data={})
    return r


def seed_learn() -> int:
    """Add the demo library once; returns how many resources were added."""
    if Resource.objects.filter(slug=OFFICE[0][0]).exists():
        return 0
    rng = random.Random(SEED)
    topics = _terms(Term.Vocabulary.EXPERTISE)
    languages = _terms(Term.Vocabulary.LANGUAGE)
    editor = User.objects.filter(email=EDITOR_EMAIL).first()
    aida = User.objects.filter(email=MEMBER_EMAIL).first()
    members = list(
        User.objects.filter(is_active=True, is_staff=False, profile__isnull=False)
        .exclude(email=MEMBER_EMAIL)
        .order_by("pk")[:40]
    )
    now = timezone.now()
    made = []
    for i, (
        slug,
        kind,
        lang,
        title,
        summary,
        publisher,
        year,
        tps,
        countries,
        licence,
    ) in enumerate(OFFICE):
        spec = {
            "slug": slug,
            "kind": kind,
            "title": title,
            "summary": summary,
            "publisher": publisher,
            "year": year,
            "countries": countries,
            "licence": licence,
            "topics": tps,
            "languages": [lang],
            "file": kind != "video",
            "external_url": "https://www.youtube.com/results?search_query=migrants+invisible+force"
            if kind == "video"
            else "",
        }
        when = now - timezone.timedelta(days=400 - i * 7)
        made.append(
            _make(
                spec,
                topics=topics,
                languages=languages,
                contributor=editor,
                status=Resource.Status.PUBLISHED,
                when=when,
            )
        )
    n = 0
    kinds = list(KIND_TITLES)
    while len(made) < 64:
        kind = kinds[n % len(kinds)]
        lang, pattern = KIND_TITLES[kind][(n // len(kinds)) % 2]
        code, country_en, country_ru = COUNTRIES[rng.randrange(len(COUNTRIES))]
        topic_slug = TOPICS[rng.randrange(len(TOPICS))]
        topic = topics.get(topic_slug)
        if topic is None:
            break
        title = pattern.format(
            topic=topic.label_en,
            topic_ru=topic.label_ru
            if pattern.startswith("{topic_ru}")
            else topic.label_ru[0].lower() + topic.label_ru[1:],
            country=country_en,
            country_ru=country_ru,
        )
        title = title[0].upper() + title[1:]
        extra_topic = TOPICS[rng.randrange(len(TOPICS))]
        spec = {
            "slug": f"demo-{n + 1:03d}-{kind}",
            "kind": kind,
            "title": title,
            "summary": SUMMARIES[lang].format(country=country_en, country_ru=country_ru),
            "publisher": PUBLISHERS[rng.randrange(len(PUBLISHERS))],
            "year": 2015 + rng.randrange(11),
            "countries": [code],
            "licence": rng.choice(Resource.Licence.values),
            "topics": sorted({topic_slug, extra_topic}),
            "languages": [lang] if rng.random() < 0.8 else ["ru", "en"],
            "file": kind not in ("video", "course"),
            "external_url": (
                f"https://www.youtube.com/results?search_query={topic_slug}+diaspora"
                if kind == "video"
                else ""
            ),
        }
        if kind == "course":
            spec.update(
                provider=rng.choice(["Kopuro Academy", "AUCA Online", "Open Migration School"]),
                duration=rng.choice(["4 weeks", "6 hours", "3 months"]),
                level=rng.choice(Resource.Level.values),
                certificate=rng.random() < 0.5,
                enrolment_url="https://www.edx.org/",
            )
        contributor = members[n % len(members)] if members and n % 3 == 0 else editor
        made.append(
            _make(
                spec,
                topics=topics,
                languages=languages,
                contributor=contributor,
                status=Resource.Status.PUBLISHED,
                when=now - timezone.timedelta(days=rng.randrange(1, 380), hours=n),
            )
        )
        n += 1
    # Saves and downloads, so "most saved" means something.
    for r in made:
        Resource.objects.filter(pk=r.pk).update(
            save_count=rng.randrange(0, 40), download_count=rng.randrange(0, 400)
        )
    if aida is not None:
        for r in made[:3] + made[14:16]:
            Bookmark.objects.get_or_create(user=aida, resource=r)
        base = {
            "kind": "toolkit",
            "summary": "Drawings, a materials list and a step-by-step plan for heating a "
            "village school with solar collectors, from our pilot in At-Bashy.",
            "publisher": "Aida Toktogulova",
            "year": 2025,
            "countries": ["KG"],
            "licence": "cc-by-sa",
            "topics": ["renewable-energy", "education"],
            "languages": ["en", "ru"],
            "file": True,
            "external_url": "",
        }
        _make(
            {
                **base,
                "slug": "solar-heating-village-schools",
                "title": "Solar heating for village schools: a toolkit",
            },
            topics=topics,
            languages=languages,
            contributor=aida,
            status=Resource.Status.SUBMITTED,
            when=now,
        )
        returned = _make(
            {
                **base,
                "slug": "seismic-checklist-draft",
                "kind": "guide",
                "title": "Seismic safety checklist for small clinics",
                "topics": ["engineering", "health"],
            },
            topics=topics,
            languages=languages,
            contributor=aida,
            status=Resource.Status.RETURNED,
            when=now,
        )
        returned.return_reason = (
            "Please add the year and the standard the checklist follows (SNiP or Eurocode 8)."
        )
        returned.save(update_fields=["return_reason"])
    return len(made)
