"""Shared by the survey tests: a small survey with every kind of question, and clients."""

from __future__ import annotations

import json
import uuid

from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from kopuro.insights.models import Answer, Response, Survey


def q(kind, key, text, **extra):
    value = {
        "key": key,
        "text": text,
        "help": "",
        "required": extra.pop("required", False),
        "show_if_question": "",
        "show_if_answer": "",
    }
    if "show_if" in extra:
        value["show_if_question"], value["show_if_answer"] = extra.pop("show_if")
    if "choices" in extra:
        value["choices"] = [
            {"type": "item", "value": {"value": v, "label": label}, "id": str(uuid.uuid4())}
            for v, label in extra.pop("choices")
        ]
    value.update(extra)
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


QUESTIONS = [
    q("country", "country", "Where do you live?", required=True),
    q("number", "since", "Since which year?", required=True, min_value=1950, max_value=2026),
    q(
        "single_choice",
        "willing",
        "Would you help?",
        required=True,
        choices=[("yes", "Yes"), ("no", "No")],
    ),
    q(
        "multiple_choice",
        "ways",
        "How would you help?",
        required=True,
        show_if=("willing", "yes"),
        choices=[("mentoring", "Mentoring"), ("investment", "Investment")],
    ),
    q(
        "scale",
        "happy",
        "How happy are you?",
        min_value=1,
        max_value=5,
        min_label="sad",
        max_label="",
    ),
    q("text", "comment", "Anything else?"),
]


def make_survey(**fields) -> Survey:
    for lang in ("en", "ru", "ky"):
        Locale.objects.get_or_create(language_code=lang)
    defaults = {
        "locale": Locale.objects.get(language_code="en"),
        "title": "Diaspora check-in",
        "slug": "check-in",
        "results_public": True,
    }
    defaults.update(fields)
    survey = Survey(**defaults)
    survey.questions = json.dumps(QUESTIONS)
    survey.save()
    return survey


def translate(survey: Survey, lang: str, title: str) -> Survey:
    copy = survey.copy_for_translation(Locale.objects.get(language_code=lang))
    copy.title = title
    copy.save()
    return copy


def valid_post(**overrides) -> dict:
    data = {
        "q_country": "KR",
        "q_since": "2015",
        "q_willing": "yes",
        "q_ways": ["mentoring"],
        "q_happy": "4",
        "q_comment": "Thanks",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def add_responses(survey: Survey, n: int, *, country="KR", language="en", willing="yes", happy=4):
    now = timezone.now()
    for _i in range(n):
        r = Response.objects.create(
            survey=survey, country=country, language=language, consent_at=now
        )
        Answer.objects.bulk_create(
            [
                Answer(response=r, question="country", value=country),
                Answer(response=r, question="since", value="2010", number=2010),
                Answer(response=r, question="willing", value=willing),
                Answer(response=r, question="happy", value=str(happy), number=happy),
                Answer(response=r, question="comment", text="secret words"),
            ]
        )


def client_for(user) -> Client:
    c = Client()
    c.force_login(user)
    return c
