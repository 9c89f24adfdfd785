"""The Russian and Kyrgyz catalogs: complete, compiled, placeholders intact, and seen on the pages.

The catalogs are locale/<lang>/LC_MESSAGES/django.po, compiled by `make messages` (Babel,
docs/decisions/0003). These tests read them with Babel and request real pages in each language.
"""

import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django_countries import countries

from kopuro.accounts.models import Visibility
from kopuro.accounts.tests.factories import ProfileFactory
from kopuro.core.i18n_upstream import COUNTRY_NAMES

LANGS = ["ru", "ky"]
PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    # As Django's and allauth's own Kyrgyz catalogs: a noun after a number does not change.
    "ky": "nplurals=1; plural=0;",
}


def po_path(lang: str) -> Path:
    return Path(settings.BASE_DIR) / "locale" / lang / "LC_MESSAGES" / "django.po"


def catalog(lang: str):
    with po_path(lang).open("rb") as f:
        return read_po(f)


def entries(lang: str):
    return [m for m in catalog(lang) if m.id]


def forms(message) -> list[str]:
    return list(message.string) if message.pluralizable else [message.string]


def sources(message) -> list[str]:
    return list(message.id) if message.pluralizable else [message.id]


def key(message) -> tuple[str, ...]:
    """A message's identity in a catalog: its context (pgettext's, e.g. "alt. month") and id."""
    return (message.context or "", *sources(message))


# --- The catalogs --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated_and_none_is_fuzzy(lang):
    messages = entries(lang)
    assert len(messages) > 400
    untranslated = [m.id for m in messages if not all(s.strip() for s in forms(m))]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("lang", LANGS)
def test_header_names_the_language_and_its_plural_forms(lang):
    cat = catalog(lang)
    headers = dict(cat.mime_headers)
    assert headers["Language"] == lang
    assert " ".join(headers["Plural-Forms"].split()) == PLURAL_FORMS[lang]
    assert not cat.fuzzy
    expected = int(PLURAL_FORMS[lang].split("nplurals=")[1].split(";")[0])
    for m in entries(lang):
        if m.pluralizable:
            assert len(m.string) == expected, m.id


@pytest.mark.parametrize("lang", LANGS)
def test_babel_checkers_find_nothing(lang):
    """Babel's checks (python-format placeholders, number of plural forms), as `make messages`."""
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog(lang).check()]
    assert problems == []


PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]*\}|%[sd]")
TAG = re.compile(r"</?([a-z]+)[^>]*>")


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_and_markup_are_kept(lang):
    """Also brace placeholders and HTML tags, which Babel's checkers do not look at."""
    broken = []
    for m in entries(lang):
        english = sources(m)
        for i, text in enumerate(forms(m)):
            source = english[min(i, len(english) - 1)]
            # The singular of a plural may leave the number out ("one day"), no other form may.
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)) and not (
                m.pluralizable
                and set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(source))
            ):
                broken.append((source, text))
            if sorted(TAG.findall(text)) != sorted(TAG.findall(source)):
                broken.append((source, text))
    assert broken == []


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalog_matches_the_source(lang):
    """`make messages` (run by `make install` and `make test`) compiled what the .po holds."""
    mo = po_path(lang).with_suffix(".mo")
    assert mo.exists(), "run `make messages`"
    with mo.open("rb") as f:
        compiled = {key(m): forms(m) for m in read_mo(f) if m.id}
    stale = [m.id for m in entries(lang) if compiled.get(key(m)) != forms(m)]
    assert stale == [], "the .mo is older than the .po: run `make messages`"


# --- Country names (django-countries has no Kyrgyz catalog; kopuro/core/i18n_upstream.py) --------


def test_every_country_django_countries_shows_is_listed_for_translation():
    with translation.override("en"):
        shown = {c.code: str(c.name) for c in countries}
    assert COUNTRY_NAMES == shown


@pytest.mark.parametrize("lang", LANGS)
def test_every_country_name_is_translated(lang):
    with translation.override("en"):
        english = {c.code: str(c.name) for c in countries}
    with translation.override(lang):
        named = {c.code: str(c.name) for c in countries}
    assert [code for code, name in named.items() if name == english[code]] == []
    assert not any(re.search("[A-Za-z]{3}", name) for name in named.values())


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("ru", ["Кыргызстан", "Россия", "Казахстан", "Турция", "Южная Корея", "Германия"]),
        ("ky", ["Кыргызстан", "Орусия", "Казакстан", "Түркия", "Түштүк Корея", "Германия"]),
    ],
)
def test_common_destinations_are_named_in_the_language(lang, names):
    with translation.override(lang):
        shown = {str(countries.name(code)) for code in ["KG", "RU", "KZ", "TR", "KR", "DE"]}
    assert shown == set(names)


# --- Pages ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected", "english"),
    [
        (
            "ru",
            ["Ваше имя", "Зарегистрируйтесь", "Пароль", "Адрес электронной почты"],
            ["Your name", "Sign Up"],
        ),
        (
            "ky",
            ["Атыңыз", "Катталуу", "Купуя", "Электрондук почта"],
            ["Your name", "Sign Up", "экат", "Сырсөз"],
        ),
    ],
)
def test_sign_up_page_is_in_the_language(client, site, lang, expected, english):
    html = client.get(f"/{lang}/accounts/signup/").content.decode()
    for text in expected:
        assert text in html
    for text in english:
        assert f">{text}<" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", ["Войти", "Вступить", "Главная"]), ("ky", ["Кирүү", "Катталуу", "Башкы бет"])],
)
def test_home_page_navigation_is_in_the_language(client, site, lang, expected):
    html = client.get(f"/{lang}/").content.decode()
    for text in expected:
        assert f">{text}<" in html
    for text in ["Sign in", "Join", "Home", "Skip to content"]:
        assert f">{text}<" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", ["Войти", "Пароль"]), ("ky", ["Кирүү", "Купуя"])],
)
def test_login_page_is_in_the_language(client, site, lang, expected):
    html = client.get(f"/{lang}/accounts/login/").content.decode()
    for text in expected:
        assert text in html
    assert ">Sign In<" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", ["Заполненность профиля", "Изменить профиль", "Сменить пароль"]),
        ("ky", ["Профилдин толуктугу", "Профилди түзөтүү", "Купуяны өзгөртүү"]),
    ],
)
def test_dashboard_is_in_the_language(client, lang, expected):
    client.force_login(ProfileFactory().user)
    html = client.get(f"/{lang}/me/").content.decode()
    for text in expected:
        assert text in html
    assert "Profile completeness" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", ["Место жительства:", "Москва", "Россия", "Родом из", "Кыргызстан"]),
        ("ky", ["Жашаган жери:", "Орусия", "Туулган жери", "Кыргызстан"]),
    ],
)
def test_profile_page_names_countries_in_the_language(client, lang, expected):
    profile = ProfileFactory(
        residence_city="Москва",
        residence_visibility=Visibility.PUBLIC,
        origin_visibility=Visibility.PUBLIC,
    )
    html = client.get(f"/{lang}/members/{profile.handle}/").content.decode()
    for text in expected:
        assert text in html
    assert "Russia" not in html
    assert "Kyrgyzstan" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "members", "expected"),
    [
        ("en", 6, "<strong>6</strong> members in the directory"),
        ("ru", 6, "<strong>6</strong> участников в каталоге"),
        ("ru", 22, "<strong>22</strong> участника в каталоге"),
        ("ru", 21, "<strong>21</strong> участник в каталоге"),
        ("ky", 22, "<strong>22</strong> мүчө каталогдо"),
    ],
)
def test_home_page_counts_agree_with_their_number(client, site, lang, members, expected):
    ProfileFactory.create_batch(members)
    html = client.get(f"/{lang}/").content.decode()
    assert expected in html
