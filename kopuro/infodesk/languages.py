"""Which languages the information service speaks, and what it says in Uzbek and Tajik.

The interface (menus, buttons) is translated with gettext into English, Russian and Kyrgyz,
the site's LANGUAGES. Wagtail refuses a content language that is not also an interface
language (`WAGTAIL_CONTENT_LANGUAGES must be a subset of LANGUAGES`), so Uzbek and Tajik are
not Wagtail locales: guides and topics carry their Uzbek and Tajik versions as inline rows,
and service points carry a text row per language (docs/decisions/0005-uzbek-and-tajik.md).
The few words the kiosk's chrome needs in Uzbek and Tajik are in `CHROME` below; the phone
pages show Uzbek and Tajik content inside the Russian interface.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Languages with their own name in their own script, in the order the kiosk offers them.
ENDONYMS = {
    "ky": "Кыргызча",
    "ru": "Русский",
    "en": "English",
    "uz": "Oʻzbekcha",
    "tg": "Тоҷикӣ",
}
EXTRA_LANGUAGES = ("uz", "tg")  # content languages that are not interface languages
EXTRA_LANGUAGE_CHOICES = [("uz", "Oʻzbekcha"), ("tg", "Тоҷикӣ")]
# The interface language that frames content in an extra language (menus, buttons).
FRAME_LANGUAGE = {"uz": "ru", "tg": "ru"}


def interface_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def all_languages() -> list[str]:
    return [*interface_languages(), *EXTRA_LANGUAGES]


def language_choices() -> list[tuple[str, str]]:
    return [(code, ENDONYMS.get(code, code)) for code in all_languages()]


def frame_language(code: str) -> str:
    return FRAME_LANGUAGE.get(code, code)


# The kiosk's own words in the extra languages (the interface languages use gettext).
CHROME: dict[str, dict[str, str]] = {
    "uz": {
        "home": "Bosh sahifa",
        "back": "Orqaga",
        "text_size": "Matn hajmi",
        "choose_language": "Tilni tanlang",
        "guides": "Davlatlar boʻyicha qoʻllanmalar",
        "topics": "Muhim mavzular",
        "help": "Ishonch telefonlari va yordam",
        "helpful": "Bu foydali boʻldimi?",
        "yes": "Ha",
        "no": "Yoʻq",
        "thanks": "Rahmat!",
        "listen": "Tinglash",
        "no_audio": "Bu tilda ovozli versiya yoʻq.",
        "last_reviewed": "Oxirgi tekshiruv",
        "sources": "Manbalar",
        "scan": "Telefoningizda ochish uchun skanerlang",
        "offline": "Internet yoʻq: saqlangan maʼlumotlar koʻrsatilmoqda.",
        "not_translated": "Bu sahifa hali tarjima qilinmagan.",
        "call": "Qoʻngʻiroq qilish",
        "free": "Bepul",
        "hours": "Ish vaqti",
    },
    "tg": {
        "home": "Саҳифаи асосӣ",
        "back": "Ба қафо",
        "text_size": "Андозаи матн",
        "choose_language": "Забонро интихоб кунед",
        "guides": "Дастурҳо аз рӯи кишварҳо",
        "topics": "Мавзӯъҳои муҳим",
        "help": "Хатҳои боварӣ ва кӯмак",
        "helpful": "Ин муфид буд?",
        "yes": "Ҳа",
        "no": "Не",
        "thanks": "Ташаккур!",
        "listen": "Гӯш кардан",
        "no_audio": "Барои ин забон версияи овозӣ нест.",
        "last_reviewed": "Охирин санҷиш",
        "sources": "Манбаъҳо",
        "scan": "Барои кушодан дар телефон скан кунед",
        "offline": "Интернет нест: маълумоти захирашуда нишон дода мешавад.",
        "not_translated": "Ин саҳифа ҳанӯз тарҷума нашудааст.",
        "call": "Занг задан",
        "free": "Ройгон",
        "hours": "Соатҳои корӣ",
    },
}


def chrome_words() -> dict[str, str]:
    """The kiosk's words in the active interface language, through gettext."""
    return {
        "home": _("Home"),
        "back": _("Back"),
        "text_size": _("Text size"),
        "choose_language": _("Choose your language"),
        "guides": _("Guides by country"),
        "topics": _("Important topics"),
        "help": _("Hotlines and help"),
        "helpful": _("Was this helpful?"),
        "yes": _("Yes"),
        "no": _("No"),
        "thanks": _("Thank you!"),
        "listen": _("Listen"),
        "no_audio": _("There is no spoken version in this language."),
        "last_reviewed": _("Last reviewed"),
        "sources": _("Sources"),
        "scan": _("Scan to open on your phone"),
        "offline": _("No connection: showing the saved information."),
        "not_translated": _("This page is not translated yet."),
        "call": _("Call"),
        "free": _("Free"),
        "hours": _("Opening hours"),
    }


def words_for(code: str) -> dict[str, str]:
    """The kiosk's words in `code`: gettext for interface languages, CHROME for the others."""
    from django.utils import translation

    if code in CHROME:
        with translation.override(frame_language(code)):
            base = {k: str(v) for k, v in chrome_words().items()}
        return {**base, **CHROME[code]}
    with translation.override(code):
        return {k: str(v) for k, v in chrome_words().items()}
