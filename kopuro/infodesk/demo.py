"""Demo information service: guides, topics, service points and terminals.

`seed_infodesk(home=...)` is idempotent: a guide or topic that exists (by its key) is left
alone, and so are service points and terminals once there. Pages are written in English,
published, then translated into Russian and Kyrgyz through wagtail-localize the same way as the
demo newsroom (kopuro/newsroom/demo.py: translate_page), so "Sync translated pages" works;
the trafficking topic carries its Uzbek and Tajik versions as inline rows
(docs/decisions/0005-uzbek-and-tajik.md).
"""

from __future__ import annotations

import json
import uuid
from html import escape

from django.db import transaction
from wagtail.models import Locale, Page

from kopuro.infodesk import demo_content as C
from kopuro.infodesk.blocks import GUIDE_SECTION_ORDER
from kopuro.infodesk.models import (
    GuideIndexPage,
    GuidePage,
    ServicePoint,
    ServicePointText,
    Terminal,
    TopicExtraLanguage,
    TopicPage,
)
from kopuro.infodesk.services import guides_ensure_index


def _html(paragraphs: list[str], items: list[str]) -> str:
    html = "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    if len(items) == 1 and not paragraphs:
        return f"<p>{escape(items[0], quote=False)}</p>"
    if items:
        html += "<ul>" + "".join(f"<li>{escape(i, quote=False)}</li>" for i in items) + "</ul>"
    return html


def _section(kind: str, heading: str, html: str, source: tuple[str, str] | None) -> dict:
    sources = (
        [{"type": "item", "value": {"title": source[0], "url": source[1]}, "id": str(uuid.uuid4())}]
        if source
        else []
    )
    return {
        "type": "section",
        "id": str(uuid.uuid4()),
        "value": {
            "kind": kind,
            "heading": heading,
            "body": html,
            "last_reviewed": C.REVIEWED.isoformat(),
            "sources": sources,
        },
    }


class Strings:
    """Collects {English: translation} for one target language while English is written."""

    def __init__(self):
        self.by_language: dict[str, dict[str, str]] = {"ru": {}, "ky": {}}

    def en(self, text: C.T) -> str:
        for code, target in self.by_language.items():
            target[text.en] = getattr(text, code)
        return text.en


def _guide_sections(spec: dict, strings: Strings) -> list[dict]:
    sections = []
    if "sections" in spec:  # written section by section (the home guide, topics)
        for kind, (heading, items) in spec["sections"].items():
            body = _html([], [strings.en(i) for i in items])
            sections.append(_section(kind, strings.en(heading), body, spec["source"]))
        return sections
    for kind in GUIDE_SECTION_ORDER:
        heading, items = C.GENERIC[kind]
        line = spec["lines"].get(kind)
        body = _html([strings.en(line)] if line else [], [strings.en(i) for i in items])
        source = spec["source"] if line else C.IOM
        sections.append(_section(kind, strings.en(heading), body, source))
    return sections


def _extra_rows(spec: dict) -> list[TopicExtraLanguage]:
    rows = []
    for language, version in spec.get("extra", {}).items():
        sections = [
            _section(kind, heading, _html([], items), spec["source"])
            for kind, (heading, items) in version["sections"].items()
        ]
        rows.append(
            TopicExtraLanguage(
                language=language,
                title=version["title"],
                summary=version["summary"],
                sections=json.dumps(sections),
            )
        )
    return rows


def seed_pages(*, home) -> list[str]:
    from kopuro.newsroom.demo import translate_page

    index = guides_ensure_index(home=home)
    strings = Strings()
    index_strings = {
        "ru": {C.INDEX["title"].en: C.INDEX["title"].ru, C.INDEX["intro"].en: C.INDEX["intro"].ru},
        "ky": {C.INDEX["title"].en: C.INDEX["title"].ky, C.INDEX["intro"].en: C.INDEX["intro"].ky},
    }
    if index.title != C.INDEX["title"].en:
        index.title, index.intro = C.INDEX["title"].en, C.INDEX["intro"].en
        index.save_revision().publish()
    locales = {code: Locale.objects.filter(language_code=code).first() for code in ("ru", "ky")}
    for code, locale in locales.items():
        if locale is not None and home.get_translation_or_none(locale) is not None:
            translate_page(index, locale, index_strings[code])

    made = []
    specs = [(GuidePage, g) for g in [*C.GUIDES, C.HOME_GUIDE]] + [(TopicPage, t) for t in C.TOPICS]
    for model, spec in specs:
        page = model.objects.child_of(index).filter(key=spec["key"]).first()
        sections = _guide_sections(spec, strings)
        if page is None:
            fields = {
                "title": strings.en(spec["title"]),
                "slug": spec["key"],
                "key": spec["key"],
                "summary": strings.en(spec["summary"]),
                "sections": json.dumps(sections),
                "locale": index.locale,
            }
            if model is GuidePage:
                fields.update(country=spec["country"], audience=spec.get("audience", "leaving"))
            else:
                fields.update(icon=spec["icon"])
            page = model(**fields)
            if model is TopicPage:
                page.extra_languages = _extra_rows(spec)
            index.add_child(instance=page)
            page.save_revision().publish()
            made.append(spec["key"])
        else:
            strings.en(spec["title"])
            strings.en(spec["summary"])
        for code, locale in locales.items():
            if locale is not None and home.get_translation_or_none(locale) is not None:
                translate_page(page, locale, strings.by_language[code])
    return made


def seed_service_points() -> int:
    if ServicePoint.objects.exists():
        return 0
    from kopuro.infodesk.cities import CITIES

    for spec in C.SERVICE_POINTS:
        city = CITIES[spec["city"]]
        point = ServicePoint.objects.create(
            kind=spec["kind"],
            country=spec["country"],
            city=spec["city"],
            latitude=city.lat,
            longitude=city.lng,
            phones=spec["phones"],
            languages=spec["languages"],
            free=spec["free"],
            around_the_clock=spec.get("always", False),
        )
        hours = C.HOURS["always" if spec.get("always") else "office"]
        ServicePointText.objects.bulk_create(
            ServicePointText(
                point=point,
                language=code,
                name=name,
                address=city.name(code),
                hours=hours[code],
                note=C.DEMO_NOTE[code],
                sort_order=n,
            )
            for n, (code, name) in enumerate(spec["name"].items())
        )
    return len(C.SERVICE_POINTS)


def seed_terminals() -> int:
    made = 0
    for code, name, place, region, lat, lng, installed in C.TERMINALS:
        _t, created = Terminal.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "place": place,
                "region": region,
                "latitude": lat,
                "longitude": lng,
                "installed_on": installed,
                "contact": "Information and consultation centre of the migration service",
            },
        )
        made += created
    return made


def seed_needed(*, home) -> bool:
    from kopuro.infodesk.models import GuideIndexPage

    keys = [g["key"] for g in [*C.GUIDES, C.HOME_GUIDE, *C.TOPICS]]
    index = GuideIndexPage.objects.child_of(home).first()
    if index is None or not ServicePoint.objects.exists():
        return True
    if Terminal.objects.filter(code__in=[t[0] for t in C.TERMINALS]).count() < len(C.TERMINALS):
        return True
    pages = Page.objects.descendant_of(index).filter(content_type__app_label="infodesk")
    translated_locales = Locale.objects.filter(
        language_code__in=["ru", "ky"],
        pk__in=Page.objects.filter(translation_key=home.translation_key).values("locale"),
    ).count()
    found = (
        Page.objects.filter(
            translation_key__in=pages.values("translation_key"), content_type__app_label="infodesk"
        )
        .exclude(pk=index.pk)
        .count()
    )
    return pages.count() < len(keys) or found < len(keys) * (1 + translated_locales)


def seed_infodesk(*, home) -> str:
    """Load the demo information service; '' when everything is already there.

    Inside seed_demo's transaction the work waits until it commits: wagtail-localize publishes
    the translated home pages on commit from revisions that hold their old child count, and the
    newsroom adds its aliases then; guides added under those home pages before that would be
    given a tree path that is already taken.
    """
    if not seed_needed(home=home):
        return ""
    if transaction.get_connection().in_atomic_block:
        home_pk = home.pk
        transaction.on_commit(lambda: seed_infodesk_now(home=Page.objects.get(pk=home_pk).specific))
        return "guides and topics in English, Russian and Kyrgyz, service points, terminals"
    return seed_infodesk_now(home=home)


@transaction.atomic
def seed_infodesk_now(*, home) -> str:
    done = []
    if pages := seed_pages(home=home):
        done.append(f"{len(pages)} guides and topics in English, Russian and Kyrgyz")
    if points := seed_service_points():
        done.append(f"{points} service points")
    if terminals := seed_terminals():
        done.append(f"{terminals} terminals")
    return ", ".join(done)


__all__ = ["GuideIndexPage", "seed_infodesk"]
