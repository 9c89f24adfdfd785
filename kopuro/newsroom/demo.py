"""Demo newsroom: every item of the office's website snapshot, in English and Russian.

`seed_newsroom()` is idempotent: a page that already exists (by its slug under its index) is left
alone, and so is a translation an editor may have changed. Pages are published through revisions
like an editor's, and translated through wagtail-localize the way kopuro/core/demo/site.py
translates the home page: one StringTranslation per source segment, then publish the translation, so the
admin shows them as translations and "Sync translated pages" keeps working. The Russian statement
is written in Russian and translated into English. Kyrgyz gets aliases of the English pages
(wagtail-localize's placeholder for "not translated yet"), which the templates mark with a notice.

Downloads are small PDFs and pictures drawn here (nothing is downloaded); see demo_content.py.
"""

from __future__ import annotations

import io
import random
from datetime import datetime, time, timedelta
from html import escape
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from kopuro.core.models import HomePage
from kopuro.core.services import site_ensure_home
from kopuro.newsroom import demo_content as C
from kopuro.newsroom.models import (
    ContentPage,
    EventPage,
    NewsPage,
    NewsPageContact,
    PhotoStoryPage,
    PressContact,
    TenderClarification,
    TenderPage,
    VacancyPage,
)
from kopuro.newsroom.pdf import minimal_pdf
from kopuro.newsroom.services import (
    NEWSROOM_APPROVERS,
    newsroom_ensure_indexes,
    newsroom_ensure_workflow,
    page_publish,
    topic_ensure,
)

Refs = dict[str, dict[str, object]]


# --- Turning bilingual content into page values ---------------------------------------------------


def materialise(value, lang: str, refs: Refs):
    """The value in one language, with images, documents and pages looked up."""
    if isinstance(value, C.T):
        return getattr(value, lang)
    if isinstance(value, C.Para):
        return "".join(
            f"<p>{escape(getattr(t, lang))}</p>" for t in value.texts if getattr(t, lang)
        )
    if isinstance(value, C.Img):
        return refs["images"][value.key]
    if isinstance(value, C.Doc):
        return refs["documents"][value.key]
    if isinstance(value, C.PageRef):
        return refs["pages"].get(value.key)
    if isinstance(value, dict):
        return {k: materialise(v, lang, refs) for k, v in value.items()}
    if isinstance(value, list):
        return [materialise(v, lang, refs) for v in value]
    if isinstance(value, tuple):
        return tuple(materialise(v, lang, refs) for v in value)
    return value


def pairs(value, source: str, target: str, into: dict[str, str] | None = None) -> dict[str, str]:
    """{source text: target text} for every bilingual text in `value`."""
    into = {} if into is None else into
    if isinstance(value, C.T):
        src, tgt = getattr(value, source), getattr(value, target)
        if src and tgt:
            into[src] = tgt
    elif isinstance(value, C.Para):
        for t in value.texts:
            pairs(t, source, target, into)
    elif isinstance(value, dict):
        for v in value.values():
            pairs(v, source, target, into)
    elif isinstance(value, list | tuple):
        for v in value:
            pairs(v, source, target, into)
    return into


def translate_page(page: Page, locale: Locale, strings: dict[str, str]) -> bool:
    """Translate `page` into `locale` through wagtail-localize; False when it already was.

    Segments without an entry in `strings` (slugs, names that stay the same) keep the source
    text. The translated page is published at once.
    """
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )
    from wagtail_localize.strings import StringValue

    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return False
    source, _ = TranslationSource.update_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        plain = segment.string.as_value().render_text()
        target = strings.get(plain, strings.get(segment.string.data))
        if not target:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(target).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
                "field_error": "",
            },
        )
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # Translation.save_target(publish=True) would publish when the transaction commits, from a
    # revision object holding the page as it was then: children added to the page meanwhile
    # (this seed adds many) would be lost from its numchild. Save a draft, then publish it now
    # from a fresh revision.
    translated, _ = source.create_or_update_translation(
        locale, publish=False, copy_parent_pages=True, fallback=True
    )
    Revision.objects.get(pk=translated.latest_revision_id).publish()
    return True


# --- Files drawn locally --------------------------------------------------------------------------


def draw_placeholder(seed: int, size=(1200, 800)) -> bytes:
    """A calm landscape (sky, sun, mountain ridges) in colours picked by `seed`."""
    rng = random.Random(seed)
    w, h = size
    skies = [
        ((250, 214, 165), (108, 160, 196)),
        ((255, 236, 210), (70, 110, 160)),
        ((230, 240, 250), (31, 95, 139)),
    ]
    top, bottom = skies[seed % len(skies)]
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    for y in range(h):
        t = y / h
        draw.line(
            [(0, y), (w, y)], fill=tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3))
        )
    sx, sy = rng.randint(w // 5, 4 * w // 5), rng.randint(h // 8, h // 3)
    draw.ellipse([sx - 60, sy - 60, sx + 60, sy + 60], fill=(255, 246, 214))
    for layer in range(4):
        base = int(h * (0.45 + layer * 0.14))
        shade = 40 + layer * 18
        colour = (shade, 70 + layer * 20, 90 + layer * 15)
        points = [(0, h)]
        x = 0
        while x <= w:
            points.append((x, base - rng.randint(0, int(h * 0.22 / (layer + 1)))))
            x += rng.randint(60, 160)
        points += [(w, base), (w, h)]
        draw.polygon(points, fill=colour)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=80, optimize=True)
    return out.getvalue()


def ensure_images() -> dict[str, object]:
    Image_ = get_image_model()
    found = {}
    for key, (title, seed) in C.IMAGES.items():
        image = Image_.objects.filter(title=title).first()
        if image is None:
            image = Image_(
                title=title, file=ImageFile(io.BytesIO(draw_placeholder(seed)), name=f"{key}.jpg")
            )
            image._set_image_file_metadata()
            image.save()
        found[key] = image
    return found


def ensure_documents() -> dict[str, object]:
    Document = get_document_model()
    found = {}
    for key, title in C.DOCUMENTS.items():
        doc = Document.objects.filter(title=title).first()
        if doc is None:
            lines = [
                "Demo document generated by Kopuro for the newsroom's demo content.",
                "The office's original document is not reproduced here.",
            ]
            doc = Document(
                title=title, file=ContentFile(minimal_pdf(title, lines), name=f"{key}.pdf")
            )
            doc._set_document_file_metadata()
            doc.save()
        found[key] = doc
    return found


WRITER_EMAIL = "writer@demo.kopuro.org"
APPROVER_EMAIL = "approver@demo.kopuro.org"


def ensure_workflow_logins() -> int:
    """Two staff logins that show the approval workflow: a writer in Wagtail's "Editors" group
    (adds and edits, submits for approval, cannot publish) and a newsroom approver."""
    from django.contrib.auth.models import Group

    from kopuro.core.demo.accounts import demo_account

    made = 0
    for email, name, group in [
        (WRITER_EMAIL, "Demo Writer", "Editors"),
        (APPROVER_EMAIL, "Demo Approver", NEWSROOM_APPROVERS),
    ]:
        user, created = demo_account(email, name, staff=True, superuser=False)
        group_obj = Group.objects.filter(name=group).first()
        if group_obj is not None:
            user.groups.add(group_obj)
        made += int(created)
    return made


def ensure_contacts() -> dict[str, PressContact]:
    found = {}
    for key, (name, unit, phone, email) in C.CONTACTS.items():
        found[key], _ = PressContact.objects.get_or_create(
            name=name, defaults={"unit": unit, "phone": phone, "email": email}
        )
    return found


# --- Pages ----------------------------------------------------------------------------------------


def _blocks(spec_body, lang, refs):
    """StreamField data from a body spec, dropping links to pages that do not exist."""
    blocks = []
    for name, value in spec_body:
        value = materialise(value, lang, refs)
        if name == "link" and not (value.get("page") or value.get("url")):
            continue
        blocks.append((name, value))
    return blocks


def _existing(model, parent: Page, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _create_and_translate(parent, page, spec, *, refs, source="en", target_locale=None, extra=()):
    page = page_publish(parent=parent, page=page)
    if target_locale is not None:
        strings = pairs(spec, source, "ru" if source == "en" else "en")
        for more in extra:
            pairs(more, source, "ru" if source == "en" else "en", strings)
        translate_page(page, target_locale, strings)
    return page


@transaction.atomic
def seed_newsroom(*, home: HomePage | None = None) -> list[str]:
    """Create what is missing of the demo newsroom; returns a list of what was added."""
    home = home or site_ensure_home()
    en = Locale.objects.get(language_code="en")
    ru = Locale.objects.filter(language_code="ru").first()
    if ru is not None and home.get_translation_or_none(ru) is None:
        # No Russian home page (an editor's own home text has no demo translation): the
        # newsroom stays in English rather than create a Russian site beside it.
        ru = None
    added: list[str] = []
    refs: Refs = {
        "images": ensure_images(),
        "documents": ensure_documents(),
        "pages": {},
    }
    contacts = ensure_contacts()
    topics = {
        name: topic_ensure(name, translations={"ru": ru_name, "ky": ky_name})
        for name, (ru_name, ky_name) in C.TOPICS.items()
    }

    indexes = newsroom_ensure_indexes(home=home)
    for slug, index in indexes.items():
        title, intro = C.INDEXES[slug]
        if ru is not None:
            translate_page(index, ru, pairs([title, intro], "en", "ru"))
    newsroom_ensure_workflow(indexes=indexes)  # the Russian indexes too
    if ensure_workflow_logins():
        added.append("writer and approver logins")

    # Content pages: about, contacts.
    for spec in C.CONTENT_PAGES:
        page = _existing(ContentPage, home, spec["slug"])
        if page is None:
            page = ContentPage(
                title=spec["title"].en,
                slug=spec["slug"],
                lead=spec["lead"].en,
                image=materialise(spec.get("image"), "en", refs),
                body=_blocks(spec["body"], "en", refs),
            )
            page = _create_and_translate(home, page, spec, refs=refs, target_locale=ru)
            added.append(f"page {spec['slug']}")
        refs["pages"][spec["key"]] = page

    # The photo story (exhibitions live with the events).
    spec = C.PHOTO_STORY
    story = _existing(PhotoStoryPage, indexes["events"], spec["slug"])
    if story is None:
        gallery = [
            (
                "photo",
                {
                    "image": refs["images"][key],
                    "alt": "",
                    "caption": caption.en,
                    "credit": C.PLACEHOLDER_CREDIT.en,
                },
            )
            for key, caption in spec["gallery"]
        ]
        awards = [
            (
                "award",
                {"category": cat.en, "winners": [{"name": w.en, "note": ""} for w in winners]},
            )
            for cat, winners in spec["awards"]
        ]
        story = PhotoStoryPage(
            title=spec["title"].en,
            slug=spec["slug"],
            date=spec["date"],
            lead=spec["lead"].en,
            image=refs["images"]["exhibition"],
            gallery=gallery,
            awards=awards,
            body=_blocks(spec["body"], "en", refs),
        )
        story = _create_and_translate(
            indexes["events"],
            story,
            spec,
            refs=refs,
            target_locale=ru,
            extra=[C.PLACEHOLDER_CREDIT],
        )
        added.append("photo story")
    refs["pages"]["photostory"] = story

    # Events.
    for spec in [*C.EVENTS, C.SAMPLE_EVENT]:
        event = _existing(EventPage, indexes["events"], spec["slug"])
        if event is None:
            start, end = spec.get("start"), spec.get("end")
            if start is None:  # the sample: a few days ahead of today, in the office's zone
                day = timezone.localdate() + timedelta(days=spec["days_ahead"])
                zone = ZoneInfo(spec["time_zone"])
                start, end = (datetime.combine(day, time(h), tzinfo=zone) for h in spec["hours"])
            event = EventPage(
                title=spec["title"].en,
                slug=spec["slug"],
                start=start,
                end=end,
                all_day=spec["all_day"],
                time_zone=spec["time_zone"],
                venue=spec["venue"].en,
                address=spec["address"].en,
                latitude=spec.get("latitude"),
                longitude=spec.get("longitude"),
                lead=spec["lead"].en,
                image=materialise(spec.get("image"), "en", refs),
                organisers=[
                    ("organisation", {"name": o.en, "url": ""}) for o in spec["organisers"]
                ],
                speakers=[
                    ("person", {"name": n.en, "role": r.en, "topic": t.en})
                    for n, r, t in spec["speakers"]
                ],
            )
            event = _create_and_translate(
                indexes["events"], event, spec, refs=refs, target_locale=ru
            )
            added.append(f"event {spec['slug']}")
        refs["pages"][spec["key"]] = event

    # News, each linking to its event.
    event_link = C.T(
        "Event details and calendar file", "Подробности мероприятия и файл для календаря"
    )
    for spec in C.NEWS:
        if _existing(NewsPage, indexes["news"], spec["slug"]) is not None:
            continue
        body = _blocks(spec["body"], "en", refs)
        if spec.get("event") and spec["event"] in refs["pages"]:
            body.append(
                (
                    "link",
                    {
                        "label": event_link.en,
                        "page": refs["pages"][spec["event"]],
                        "url": "",
                        "description": "",
                    },
                )
            )
        page = NewsPage(
            title=spec["title"].en,
            slug=spec["slug"],
            kind=spec["kind"],
            date=spec["date"],
            dateline_place=spec["dateline_place"].en,
            lead=spec["lead"].en,
            image=materialise(spec.get("image"), "en", refs),
            body=body,
        )
        page.topics = [topics[name] for name in spec.get("topics", [])]
        for key in spec.get("contacts", []):
            page.press_contacts.add(NewsPageContact(contact=contacts[key]))
        _create_and_translate(
            indexes["news"], page, spec, refs=refs, target_locale=ru, extra=[event_link]
        )
        added.append(f"news {spec['slug']}")

    # The statement, written in Russian first.
    spec = C.STATEMENT_RU_SOURCE
    if ru is not None:
        ru_news = indexes["news"].get_translation_or_none(ru)
        if ru_news is not None and _existing(NewsPage, ru_news, spec["slug"]) is None:
            if _existing(NewsPage, indexes["news"], spec["slug"]) is None:
                page = NewsPage(
                    title=spec["title"].ru,
                    slug=spec["slug"],
                    kind=spec["kind"],
                    date=spec["date"],
                    dateline_place=spec["dateline_place"].ru,
                    lead=spec["lead"].ru,
                    body=_blocks(spec["body"], "ru", refs),
                    locale=ru,
                )
                page.topics = [topics[name] for name in spec.get("topics", [])]
                _create_and_translate(ru_news, page, spec, refs=refs, source="ru", target_locale=en)
                added.append("statement (ru → en)")

    # Vacancies: the snapshot's one, closed since 2019, and a sample open one.
    for spec in [*C.VACANCIES, C.SAMPLE_VACANCY]:
        if _existing(VacancyPage, indexes["vacancies"], spec["slug"]) is not None:
            continue
        deadline = spec.get("deadline")
        posting = spec.get("posting_date")
        if deadline is None:  # the sample: open for three weeks from today
            now = timezone.localtime()
            deadline = (now + timedelta(days=21)).replace(
                hour=18, minute=0, second=0, microsecond=0
            )
            posting = now.date()
        page = VacancyPage(
            title=spec["title"].en,
            slug=spec["slug"],
            position=spec["position"].en,
            grade=spec["grade"],
            duty_station=spec["duty_station"].en,
            contract_type=spec["contract_type"],
            posting_date=posting,
            deadline=deadline,
            terms_of_reference=materialise(spec["terms_of_reference"], "en", refs),
            apply_email=spec["apply_email"],
            apply_by_hand=spec["apply_by_hand"].en,
            application_documents=spec["application_documents"].en,
            lead=spec["lead"].en,
            body=_blocks(spec["body"], "en", refs),
        )
        _create_and_translate(indexes["vacancies"], page, spec, refs=refs, target_locale=ru)
        added.append(f"vacancy {spec['slug']}")

    # The request for proposals, with its full timeline and a clarification, and a sample
    # request for quotations that is under way today.
    for spec in (C.TENDER, C.SAMPLE_TENDER):
        if _existing(TenderPage, indexes["tenders"], spec["slug"]) is None:
            page = _tender(spec, refs)
            _create_and_translate(indexes["tenders"], page, spec, refs=refs, target_locale=ru)
            added.append(f"tender {spec['slug']}")

    transaction.on_commit(lambda: newsroom_alias_untranslated(home=home))
    transaction.on_commit(home_numchild_repair)
    return added


def _tender(spec, refs) -> TenderPage:
    """A tender page from its spec; a spec with "days" has its timeline set relative to today
    (deadlines at 17:00 office time), and its clarifications' dates too."""
    dates = {k: spec.get(k) for k in ("announced_on", "questions_deadline")}
    dates |= {k: spec.get(k) for k in ("answers_published_at", "submission_deadline")}
    if "days" in spec:
        today, zone = timezone.localdate(), ZoneInfo(settings.TIME_ZONE)

        def at(days: int, hour: int = 17) -> datetime:
            return datetime.combine(today + timedelta(days=days), time(hour), tzinfo=zone)

        offsets = spec["days"]
        dates = {
            "announced_on": today + timedelta(days=offsets["announced"]),
            "questions_deadline": at(offsets["questions"]),
            "answers_published_at": at(offsets["answers"]),
            "submission_deadline": at(offsets["submission"]),
        }
    instructions = (
        "<ol>"
        + "".join(f"<li>{escape(t.en)}</li>" for t in spec["submission_instructions"])
        + "</ol>"
    )
    page = TenderPage(
        title=spec["title"].en,
        slug=spec["slug"],
        reference_number=spec["reference_number"],
        project=spec["project"].en,
        donor=spec["donor"].en,
        addressed_to=spec["addressed_to"].en,
        selection_method=spec["selection_method"],
        lead=spec["lead"].en,
        lots=[("lot", {"number": n, "title": t.en, "description": ""}) for n, t in spec["lots"]],
        body=_blocks(spec["body"], "en", refs),
        documents=[
            ("document", {"document": refs["documents"][key], "title": t.en, "description": ""})
            for key, t in spec["documents"]
        ],
        submission_instructions=instructions,
        **dates,
    )
    for published_on, question, answer in spec["clarifications"]:
        if isinstance(published_on, int):
            published_on = timezone.localdate() + timedelta(days=published_on)
        page.clarifications.add(
            TenderClarification(published_on=published_on, question=question.en, answer=answer.en)
        )
    return page


def home_numchild_repair() -> None:
    """Correct the child count of the home pages after the seed commits.

    A home page translated with `Translation.save_target(publish=True)` in the same transaction
    (kopuro/core/demo/site.py) is published on commit from a revision object that still holds
    the page as it was before the newsroom's indexes were added under it; publishing writes that
    stale numchild back and the children stop being routable (treebeard trusts numchild). Runs
    after those callbacks because it is registered after them.
    """
    for home in HomePage.objects.all():
        real = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
        if home.numchild != real:
            Page.objects.filter(pk=home.pk).update(numchild=real)


def newsroom_alias_untranslated(*, home: HomePage) -> int:
    """Give every language without its own newsroom page an alias of the English one, so the
    page is reachable there (with a "not translated yet" notice) instead of a 404."""
    en = home.locale
    pages = (
        Page.objects.descendant_of(home)
        .filter(locale=en, content_type__app_label="newsroom")
        .live()
        .order_by("path")
        .specific()
    )
    made = 0
    for locale in Locale.objects.exclude(pk=en.pk):
        if home.get_translation_or_none(locale) is None:
            continue
        for page in pages:
            if page.get_translation_or_none(locale) is None:
                page.copy_for_translation(locale, copy_parents=True, alias=True)
                made += 1
    return made
