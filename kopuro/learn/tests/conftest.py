"""Fixtures for Learn's tests: members, staff, files made on the spot."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kopuro.accounts.models import Term
from kopuro.accounts.tests.factories import ProfileFactory, UserFactory
from kopuro.learn.demo import pdf_bytes


def client_for(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def member(db):
    return ProfileFactory(display_name="Nurila Member").user


@pytest.fixture
def staff(db):
    user = UserFactory(is_staff=True, is_superuser=True)
    ProfileFactory(user=user, display_name="Office Editor")
    return user


def pdf(name="guide.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes("A guide"), content_type="application/pdf")


def term_ids(vocabulary, *slugs) -> list[str]:
    return [
        str(pk)
        for pk in Term.objects.filter(vocabulary=vocabulary, slug__in=slugs).values_list(
            "pk", flat=True
        )
    ]


def resource_post(**overrides) -> dict:
    data = {
        "title": "Working in Korea: a guide",
        "summary": "Contracts, clinics and sending money home.",
        "kind": "guide",
        "languages": term_ids("language", "en"),
        "topics": term_ids("expertise", "law", "migration"),
        "countries": ["KR"],
        "publisher": "Ansan Centre",
        "year": "2024",
        "licence": "cc-by",
        "external_url": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
