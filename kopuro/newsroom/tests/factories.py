"""Builders for newsroom pages in tests (and the benchmark): published through revisions, like
an editor would, with times relative to now so "open" and "closed" never depend on the date."""

from __future__ import annotations

import io
import itertools
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from kopuro.newsroom.models import (
    EventPage,
    NewsKind,
    NewsPage,
    PhotoStoryPage,
    TenderPage,
    VacancyPage,
)
from kopuro.newsroom.services import page_publish, topic_ensure

_seq = itertools.count(1)


def _n() -> int:
    return next(_seq)


def make_image(title: str = "Photo", colour=(31, 95, 139), size=(64, 48), renditions=()):
    buf = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buf, format="PNG")
    image = get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(buf.getvalue()), name=f"photo-{_n()}.png")
    )
    for spec in renditions:
        image.get_rendition(spec)
    return image


def listing_image(title: str = "Photo"):
    """An image whose listing and sharing renditions exist already (the steady state: a
    rendition is made once, the first time a page shows it)."""
    from kopuro.newsroom.selectors import LISTING_RENDITION

    image = make_image(title)
    for spec in (LISTING_RENDITION, "fill-1200x630-c50", "width-1200"):
        image.get_rendition(spec)
    return image


def make_document(title: str = "Terms of reference"):
    from kopuro.newsroom.pdf import minimal_pdf

    document = get_document_model()(title=title)
    document.file.save(
        f"doc-{_n()}.pdf", ContentFile(minimal_pdf(title, ["Test document."])), save=False
    )
    document.save()
    return document


def news(index, **fields) -> NewsPage:
    n = _n()
    defaults = {
        "title": f"News item {n}",
        "slug": f"news-{n}",
        "kind": NewsKind.PRESS_RELEASE,
        "date": timezone.localdate(),
        "dateline_place": "BISHKEK",
        "lead": "What happened, in a sentence.",
        "body": [("paragraph", "<p>Body text.</p>")],
    }
    defaults.update(fields)
    topics = [topic_ensure(name) for name in defaults.pop("topics", [])]
    page = NewsPage(**defaults)
    page.topics = topics
    return page_publish(parent=index, page=page)


def event(index, *, starts_in=timedelta(days=7), hours=2, **fields) -> EventPage:
    n = _n()
    start = timezone.now() + starts_in
    defaults = {
        "title": f"Workshop {n}",
        "slug": f"event-{n}",
        "start": start,
        "end": start + timedelta(hours=hours),
        "time_zone": "Asia/Bishkek",
        "venue": "Orion Hotel",
        "address": "Bishkek, Kyrgyzstan",
        "latitude": "42.874600",
        "longitude": "74.569800",
        "lead": "A two-day workshop.",
    }
    defaults.update(fields)
    return page_publish(parent=index, page=EventPage(**defaults))


def vacancy(index, *, closes_in=timedelta(days=10), **fields) -> VacancyPage:
    n = _n()
    defaults = {
        "title": f"Vacancy announcement: Clerk {n}",
        "slug": f"vacancy-{n}",
        "position": f"Clerk {n}",
        "grade": "G3",
        "duty_station": "Bishkek",
        "deadline": timezone.now() + closes_in,
        "apply_email": "hr@example.org",
    }
    defaults.update(fields)
    return page_publish(parent=index, page=VacancyPage(**defaults))


def tender(index, *, closes_in=timedelta(days=10), **fields) -> TenderPage:
    n = _n()
    submission = timezone.now() + closes_in
    defaults = {
        "title": f"Request for proposals {n}",
        "slug": f"tender-{n}",
        "reference_number": f"RFP-{n}",
        "project": "Dignity and Rights",
        "donor": "USAID",
        "selection_method": "qcbs",
        "announced_on": timezone.localdate(submission - timedelta(days=16)),
        "questions_deadline": submission - timedelta(days=3),
        "answers_published_at": submission - timedelta(days=2),
        "submission_deadline": submission,
    }
    defaults.update(fields)
    return page_publish(parent=index, page=TenderPage(**defaults))


def photo_story(index, *, photos=3, **fields) -> PhotoStoryPage:
    n = _n()
    from kopuro.newsroom.templatetags.newsroom import GALLERY_RENDITIONS

    gallery = [
        (
            "photo",
            {
                "image": make_image(f"Photo {i}", renditions=GALLERY_RENDITIONS),
                "caption": f"Caption {i}",
                "credit": "© Test",
                "alt": "",
            },
        )
        for i in range(photos)
    ]
    defaults = {
        "title": f"Photo story {n}",
        "slug": f"story-{n}",
        "gallery": gallery,
        "awards": [
            ("award", {"category": "Students", "winners": [{"name": "A. Winner", "note": ""}]})
        ],
    }
    defaults.update(fields)
    return page_publish(parent=index, page=PhotoStoryPage(**defaults))
