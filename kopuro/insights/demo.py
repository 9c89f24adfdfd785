"""Demo surveys: the platform feedback survey (linked from every page's footer) and the diaspora
mapping survey, in English, Russian and Kyrgyz, with enough demo responses for the results
pages to show every group (each shown group has at least K_ANONYMITY respondents).

    from kopuro.insights.demo import seed_insights_demo
    seed_insights_demo()            # idempotent: creates what is missing, returns the surveys
    seed_insights_demo(responses=False)  # the surveys only
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from kopuro.insights.models import Answer, Response, Survey

FEEDBACK_SLUG = "platform-feedback"
MAPPING_SLUG = "diaspora-mapping"

T = dict  # {"en": ..., "ru": ..., "ky": ...}

YES_NO = [
    ("yes", T(en="Yes", ru="Да", ky="Ооба")),
    ("no", T(en="No", ru="Нет", ky="Жок")),
]

FEEDBACK = {
    "slug": FEEDBACK_SLUG,
    "kind": Survey.Kind.FEEDBACK,
    "title": T(
        en="How are we doing? Platform feedback",
        ru="Как у нас дела? Отзыв о платформе",
        ky="Биз кандай иштеп жатабыз? Платформа боюнча пикир",
    ),
    "intro": T(
        en="Five minutes, anonymous unless you are signed in. Your answers help the office "
        "improve this platform.",
        ru="Пять минут, анонимно, если вы не вошли в аккаунт. Ваши ответы помогут офису "
        "улучшить платформу.",
        ky="Беш мүнөт, аккаунтка кирбесеңиз анонимдүү. Жоопторуңуз кеңсеге платформаны "
        "жакшыртууга жардам берет.",
    ),
    "questions": [
        {
            "kind": "scale",
            "key": "satisfaction",
            "required": True,
            "text": T(
                en="How satisfied are you with the platform?",
                ru="Насколько вы довольны платформой?",
                ky="Платформага канчалык канааттанасыз?",
            ),
            "min_label": T(en="not at all", ru="совсем нет", ky="такыр жок"),
            "max_label": T(en="very", ru="очень", ky="абдан"),
        },
        {
            "kind": "multiple_choice",
            "key": "used",
            "text": T(
                en="Which parts have you used?",
                ru="Какими разделами вы пользовались?",
                ky="Кайсы бөлүмдөрдү колдондуңуз?",
            ),
            "choices": [
                ("news", T(en="News", ru="Новости", ky="Жаңылыктар")),
                (
                    "information",
                    T(
                        en="Migration information",
                        ru="Информация о миграции",
                        ky="Миграция боюнча маалымат",
                    ),
                ),
                ("network", T(en="Diaspora network", ru="Сеть диаспоры", ky="Диаспора тармагы")),
                ("library", T(en="Resource library", ru="Библиотека", ky="Китепкана")),
            ],
        },
        {
            "kind": "single_choice",
            "key": "found",
            "required": True,
            "text": T(
                en="Did you find what you were looking for?",
                ru="Вы нашли то, что искали?",
                ky="Издегениңизди таптыңызбы?",
            ),
            "choices": [
                YES_NO[0],
                ("partly", T(en="Partly", ru="Частично", ky="Жарым-жартылай")),
                YES_NO[1],
            ],
        },
        {
            "kind": "text",
            "key": "missing",
            "show_if": ("found", "no"),
            "text": T(
                en="What were you looking for?",
                ru="Что вы искали?",
                ky="Эмне издеп жаттыңыз?",
            ),
        },
        {
            "kind": "text",
            "key": "improve",
            "text": T(
                en="What should we improve?",
                ru="Что нам улучшить?",
                ky="Эмнени жакшыртышыбыз керек?",
            ),
        },
    ],
}

MAPPING = {
    "slug": MAPPING_SLUG,
    "kind": Survey.Kind.MAPPING,
    "title": T(
        en="Diaspora mapping: where you are and how you would like to help",
        ru="Карта диаспоры: где вы и как хотели бы помочь",
        ky="Диаспоранын картасы: кайдасыз жана кантип жардам бергиңиз келет",
    ),
    "intro": T(
        en="The office learns where its diaspora lives, what it knows and how it wants to "
        "contribute. Only summaries of at least 5 people are ever published.",
        ru="Офис узнаёт, где живёт диаспора, что она умеет и как хочет участвовать. "
        "Публикуются только сводки не менее чем по 5 людям.",
        ky="Кеңсе диаспора кайда жашаарын, эмнени билерин жана кантип салым кошкусу келерин "
        "билет. Жок дегенде 5 адам боюнча жыйынтыктар гана жарыяланат.",
    ),
    "questions": [
        {
            "kind": "country",
            "key": "country",
            "required": True,
            "text": T(
                en="Which country do you live in?",
                ru="В какой стране вы живёте?",
                ky="Кайсы өлкөдө жашайсыз?",
            ),
        },
        {
            "kind": "number",
            "key": "since",
            "required": True,
            "min": 1950,
            "max": 2026,
            "text": T(
                en="Since which year have you lived there?",
                ru="С какого года вы там живёте?",
                ky="Ал жерде качантан бери жашайсыз (жыл)?",
            ),
        },
        {
            "kind": "single_choice",
            "key": "occupation",
            "required": True,
            "text": T(
                en="What is your main occupation?",
                ru="Ваше основное занятие?",
                ky="Негизги ишиңиз кандай?",
            ),
            "choices": [
                ("employed", T(en="Employed", ru="Работаю по найму", ky="Жалданып иштейм")),
                (
                    "self-employed",
                    T(en="Self-employed or business", ru="Свой бизнес", ky="Өз бизнесим"),
                ),
                ("student", T(en="Studying", ru="Учусь", ky="Окуйм")),
                ("seeking", T(en="Looking for work", ru="Ищу работу", ky="Иш издеп жатам")),
                ("other", T(en="Other", ru="Другое", ky="Башка")),
            ],
        },
        {
            "kind": "multiple_choice",
            "key": "expertise",
            "text": T(
                en="In which fields do you have expertise?",
                ru="В каких областях у вас есть опыт?",
                ky="Кайсы тармактарда тажрыйбаңыз бар?",
            ),
            "choices": [
                ("health", T(en="Health", ru="Здравоохранение", ky="Саламаттык")),
                ("it", T(en="IT", ru="ИТ", ky="IT")),
                ("engineering", T(en="Engineering", ru="Инженерия", ky="Инженерия")),
                ("education", T(en="Education", ru="Образование", ky="Билим берүү")),
                ("business", T(en="Business and finance", ru="Бизнес и финансы", ky="Бизнес")),
                ("construction", T(en="Construction", ru="Строительство", ky="Курулуш")),
            ],
        },
        {
            "kind": "single_choice",
            "key": "willing",
            "required": True,
            "text": T(
                en="Would you like to contribute to development at home?",
                ru="Хотели бы вы участвовать в развитии родины?",
                ky="Мекениңиздин өнүгүүсүнө салым кошкуңуз келеби?",
            ),
            "choices": [
                YES_NO[0],
                ("maybe", T(en="Maybe later", ru="Возможно, позже", ky="Балким кийин")),
                YES_NO[1],
            ],
        },
        {
            "kind": "multiple_choice",
            "key": "ways",
            "show_if": ("willing", "yes"),
            "text": T(
                en="How would you like to contribute?",
                ru="Как бы вы хотели участвовать?",
                ky="Кантип салым кошкуңуз келет?",
            ),
            "choices": [
                ("mentoring", T(en="Mentoring", ru="Наставничество", ky="Насаатчылык")),
                ("investment", T(en="Investment", ru="Инвестиции", ky="Инвестиция")),
                ("volunteering", T(en="Volunteering", ru="Волонтёрство", ky="Ыктыярчылык")),
                (
                    "knowledge",
                    T(en="Sharing knowledge", ru="Обмен знаниями", ky="Билим бөлүшүү"),
                ),
            ],
        },
        {
            "kind": "multiple_choice",
            "key": "channels",
            "text": T(
                en="How may the office reach you?",
                ru="Как офис может с вами связаться?",
                ky="Кеңсе сиз менен кантип байланыша алат?",
            ),
            "choices": [
                ("email", T(en="Email", ru="Эл. почта", ky="Электрондук почта")),
                ("telegram", T(en="Telegram", ru="Telegram", ky="Telegram")),
                ("whatsapp", T(en="WhatsApp", ru="WhatsApp", ky="WhatsApp")),
                ("platform", T(en="This platform", ru="Эта платформа", ky="Ушул платформа")),
            ],
        },
        {
            "kind": "single_choice",
            "key": "remit",
            "help": T(en="Optional.", ru="Необязательно.", ky="Милдеттүү эмес."),
            "text": T(
                en="Do you send money home?",
                ru="Вы отправляете деньги домой?",
                ky="Үйгө акча жөнөтөсүзбү?",
            ),
            "choices": [
                YES_NO[0],
                YES_NO[1],
                (
                    "private",
                    T(en="Prefer not to say", ru="Предпочитаю не отвечать", ky="Айткым келбейт"),
                ),
            ],
        },
        {
            "kind": "single_choice",
            "key": "remit-amount",
            "show_if": ("remit", "yes"),
            "text": T(
                en="About how much a month (US dollars)?",
                ru="Примерно сколько в месяц (в долларах США)?",
                ky="Айына болжол менен канча (АКШ доллары)?",
            ),
            "choices": [
                ("under-100", T(en="Under 100", ru="До 100", ky="100гө чейин")),
                ("100-300", T(en="100–300", ru="100–300", ky="100–300")),
                ("300-1000", T(en="300–1,000", ru="300–1000", ky="300–1000")),
                ("over-1000", T(en="Over 1,000", ru="Больше 1000", ky="1000ден ашык")),
            ],
        },
        {
            "kind": "multiple_choice",
            "key": "remit-channel",
            "show_if": ("remit", "yes"),
            "text": T(
                en="How do you send it?",
                ru="Каким способом вы отправляете?",
                ky="Кантип жөнөтөсүз?",
            ),
            "choices": [
                ("bank", T(en="Bank transfer", ru="Банковский перевод", ky="Банк аркылуу")),
                (
                    "service",
                    T(en="Money transfer service", ru="Система переводов", ky="Которуу системасы"),
                ),
                ("app", T(en="Mobile app", ru="Мобильное приложение", ky="Мобилдик тиркеме")),
                ("people", T(en="Cash with people", ru="Наличными с людьми", ky="Адамдар аркылуу")),
            ],
        },
    ],
}


def _stream(spec: dict, lang: str, ids: list[str]) -> str:
    blocks = []
    for q, block_id in zip(spec["questions"], ids, strict=True):
        value = {
            "key": q["key"],
            "text": q["text"][lang],
            "help": q["help"][lang] if "help" in q else "",
            "required": bool(q.get("required")),
            "show_if_question": q["show_if"][0] if "show_if" in q else "",
            "show_if_answer": q["show_if"][1] if "show_if" in q else "",
        }
        if "choices" in q:
            value["choices"] = [
                {
                    "type": "item",
                    "value": {"value": v, "label": label[lang]},
                    "id": f"{block_id}-{v}",
                }
                for v, label in q["choices"]
            ]
        if q["kind"] == "scale":
            value.update(
                min_value=1,
                max_value=5,
                min_label=q["min_label"][lang],
                max_label=q["max_label"][lang],
            )
        if q["kind"] == "number":
            value.update(min_value=q.get("min"), max_value=q.get("max"))
        blocks.append({"type": q["kind"], "value": value, "id": block_id})
    return json.dumps(blocks, ensure_ascii=False)


def _ensure_survey(spec: dict) -> Survey:
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    survey = Survey.objects.filter(locale=default, slug=spec["slug"]).first()
    ids = [
        str(uuid.uuid5(uuid.NAMESPACE_URL, f"{spec['slug']}/{q['key']}")) for q in spec["questions"]
    ]
    if survey is None:
        survey = Survey(
            locale=default,
            slug=spec["slug"],
            kind=spec["kind"],
            audience=Survey.Audience.ANYONE,
            limit=Survey.Limit.SESSION,
            results_public=True,
            title=spec["title"]["en"],
            intro=spec["intro"]["en"],
        )
        survey.questions = _stream(spec, "en", ids)
        survey.save()
    for lang in ("ru", "ky"):
        locale = Locale.objects.get(language_code=lang)
        if survey.has_translation(locale):
            continue
        copy = survey.copy_for_translation(locale)
        copy.title = spec["title"][lang]
        copy.intro = spec["intro"][lang]
        copy.questions = _stream(spec, lang, ids)
        copy.save()
    return survey


def _answers_feedback(rng: random.Random) -> list[dict]:
    found = rng.choice(["yes", "yes", "partly", "no"])
    rows = [
        {"question": "satisfaction", "value": str(n), "number": n}
        for n in [rng.choice([3, 4, 4, 5, 5, 2])]
    ]
    rows += [
        {"question": "used", "value": v}
        for v in rng.sample(["news", "information", "network", "library"], rng.randint(1, 3))
    ]
    rows.append({"question": "found", "value": found})
    if found == "no":
        rows.append({"question": "missing", "text": "Rules for renewing a work permit."})
    if rng.random() < 0.4:
        rows.append({"question": "improve", "text": "More news in Kyrgyz, please."})
    return rows


def _answers_mapping(rng: random.Random, country: str) -> list[dict]:
    since = rng.randint(2005, 2024)
    willing = rng.choice(["yes", "yes", "maybe", "no"])
    remit = rng.choice(["yes", "yes", "no", "private"])
    rows = [
        {"question": "country", "value": country},
        {"question": "since", "value": str(since), "number": since},
        {
            "question": "occupation",
            "value": rng.choice(["employed", "employed", "self-employed", "student", "seeking"]),
        },
        {"question": "willing", "value": willing},
    ]
    rows += [
        {"question": "expertise", "value": v}
        for v in rng.sample(
            ["health", "it", "engineering", "education", "business", "construction"], 2
        )
    ]
    if willing == "yes":
        rows += [
            {"question": "ways", "value": v}
            for v in rng.sample(["mentoring", "investment", "volunteering", "knowledge"], 2)
        ]
    rows += [
        {"question": "channels", "value": v}
        for v in rng.sample(["email", "telegram", "whatsapp", "platform"], 2)
    ]
    rows.append({"question": "remit", "value": remit})
    if remit == "yes":
        rows.append(
            {"question": "remit-amount", "value": rng.choice(["100-300", "300-1000", "100-300"])}
        )
        rows.append({"question": "remit-channel", "value": rng.choice(["bank", "service", "app"])})
    return rows


def _seed_responses(survey: Survey, answer_sets: list[tuple[str, str, list[dict]]]) -> None:
    now = timezone.now()
    for i, (language, country, rows) in enumerate(answer_sets):
        when = now - timedelta(days=i % 60, hours=i)
        response = Response.objects.create(
            survey=survey, language=language, country=country, consent_at=when, submitted_at=when
        )
        Answer.objects.bulk_create(Answer(response=response, **row) for row in rows)


@transaction.atomic
def seed_insights_demo(*, responses: bool = True) -> dict[str, Survey]:
    """Both demo surveys in en/ru/ky; with `responses`, demo responses for any that has none."""
    feedback = _ensure_survey(FEEDBACK)
    mapping = _ensure_survey(MAPPING)
    if responses:
        rng = random.Random(8)
        langs = ["ru", "ru", "ky", "ky", "en"]
        if not Response.objects.filter(survey=feedback).exists():
            _seed_responses(
                feedback, [(langs[i % 5], "", _answers_feedback(rng)) for i in range(24)]
            )
        if not Response.objects.filter(survey=mapping).exists():
            countries = ["RU"] * 14 + ["KR"] * 8 + ["TR"] * 6 + ["US"] * 5 + ["DE"] * 3
            _seed_responses(
                mapping,
                [(langs[i % 5], c, _answers_mapping(rng, c)) for i, c in enumerate(countries)],
            )
    return {"feedback": feedback, "mapping": mapping}
