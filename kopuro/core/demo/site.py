"""Demo branding and the home page in English, Russian and Kyrgyz.

The Russian and Kyrgyz home pages are made the way an editor makes them: through
wagtail-localize, as translations synced with the English source (the admin shows them as
translations, and "Sync translated pages" keeps working). We write one StringTranslation per
source segment, then let wagtail-localize build and publish the translated page.

Nothing here overwrites an editor's work: the English text is written only while the home page
still has the placeholder text of a fresh install, a translation only when that language has no
page yet (or only an alias), and branding fields only while they are empty.
"""

from __future__ import annotations

import html

from django.db import transaction
from wagtail.models import Locale, Site

from kopuro.core.models import BrandingSettings, HomePage
from kopuro.core.services import DEFAULT_HOME

# Facts from the office's reference snapshot (shared/reference/office-website-snapshot.txt):
# the office's address in Bishkek. The snapshot gives no general phone number or e-mail address
# for the office (only a recruitment mailbox and a press contact in Almaty), so none is shown.
FOOTER_CONTACTS = "6 Ryskulov Street (corner of Isanov Street), 1st floor\nBishkek, Kyrgyz Republic"
# One line for all three languages: the footer is not translated.
TAGLINE = "Көпүрө · Мост · Bridge"

HOME_EN = {
    "seo_title": "Diaspora hub, migrant information and news",
    "search_description": (
        "Kopuro connects people from Kyrgyzstan who live abroad with each other and with home, "
        "gives migrants trustworthy information before they travel, and publishes the office's "
        "news."
    ),
    "hero_title": "A bridge between Kyrgyzstan and its people around the world",
    "hero_text": (
        "By official estimates some 700,000 citizens of Kyrgyzstan live and work abroad, most of "
        "them in Russia and Kazakhstan, many in Turkey, Korea and the Gulf. Kopuro brings them "
        "together: meet people from your region and your profession, find information you can "
        "trust before you travel, and follow the news of the office in Bishkek."
    ),
    "hub_text": (
        "Find people from home in Moscow, Almaty, Seoul or New York, share what you know, and put "
        "your skills, time or savings into projects in Kyrgyzstan."
    ),
    "info_text": (
        "Rules for leaving and arriving, your rights at work, how to spot trafficking and whom to "
        "call. The same guides run on information terminals at Manas airport, the Ak-Jol border "
        "crossing and local offices around the country."
    ),
    "newsroom_text": (
        "Press releases, events and exhibitions, photo stories, vacancies and calls for "
        "proposals from the office, in English, Russian and Kyrgyz."
    ),
    "body": (
        "<h2>Why a bridge</h2>"
        "<p>Kopuro is the Kyrgyz word for a bridge. People who work abroad send home more than "
        "money: skills, contacts and ideas travel with them. Kopuro gives them one place to meet, "
        "to learn from each other and to find concrete ways to help their home and host "
        "communities.</p>"
        "<h2>Information where people travel</h2>"
        "<p>Since April 2017 touch-screen information terminals have helped people leaving "
        "Kyrgyzstan check the rules before they go: in the departures lounge of Manas "
        "International Airport, at the Ak-Jol border crossing, at the consultation centres of the "
        "State Migration Service and in local government buildings in the Osh, Jalal-Abad, "
        "Batken, Talas, Naryn and Issyk-Kul regions. Kopuro serves the same trusted guides to "
        "phones and terminals, and keeps working when the connection drops.</p>"
        "<h2>Your data, your choice</h2>"
        "<ul>"
        "<li>You decide who sees each part of your profile: everyone, members only or only "
        "you.</li>"
        "<li>You can leave the member directory, download everything we hold about you or delete "
        "your account at any time.</li>"
        "<li>Figures we publish never describe a group of fewer than five people.</li>"
        "</ul>"
    ),
}

# Translations of every segment wagtail-localize extracts from the English page, by language:
# {English segment: translation}. Rich text is split into one segment per block.
TRANSLATIONS = {
    "ru": {
        "Kopuro": "Kopuro",
        "home": "glavnaya",
        HOME_EN["seo_title"]: "Диаспора, информация для мигрантов и новости",
        HOME_EN["search_description"]: (
            "Kopuro объединяет выходцев из Кыргызстана, живущих за рубежом, друг с другом и с "
            "родиной, даёт мигрантам достоверную информацию перед поездкой и публикует новости "
            "офиса."
        ),
        HOME_EN["hero_title"]: "Мост между Кыргызстаном и его людьми по всему миру",
        HOME_EN["hero_text"]: (
            "По официальным оценкам, около 700 000 граждан Кыргызстана живут и работают за "
            "рубежом — больше всего в России и Казахстане, многие в Турции, Корее и странах "
            "Персидского залива. Kopuro объединяет их: знакомьтесь с земляками и коллегами, "
            "находите достоверную информацию перед поездкой и следите за новостями офиса в "
            "Бишкеке."
        ),
        HOME_EN["hub_text"]: (
            "Находите земляков в Москве, Алматы, Сеуле или Нью-Йорке, делитесь опытом и "
            "вкладывайте свои знания, время или сбережения в проекты в Кыргызстане."
        ),
        HOME_EN["info_text"]: (
            "Правила выезда и въезда, ваши трудовые права, как распознать торговлю людьми и куда "
            "звонить. Те же материалы есть на информационных терминалах в аэропорту «Манас», на "
            "пункте пропуска «Ак-Жол» и в местных органах власти по всей стране."
        ),
        HOME_EN["newsroom_text"]: (
            "Пресс-релизы, мероприятия и выставки, фотоистории, вакансии и конкурсы предложений "
            "от офиса — на английском, русском и кыргызском языках."
        ),
        "Why a bridge": "Почему «мост»",
        (
            "Kopuro is the Kyrgyz word for a bridge. People who work abroad send home more than "
            "money: skills, contacts and ideas travel with them. Kopuro gives them one place to "
            "meet, to learn from each other and to find concrete ways to help their home and host "
            "communities."
        ): (
            "«Көпүрө» по-кыргызски значит «мост». Люди, работающие за рубежом, отправляют домой "
            "не только деньги: вместе с ними путешествуют знания, связи и идеи. Kopuro даёт им "
            "место, где можно познакомиться, поучиться друг у друга и найти конкретные способы "
            "помочь родным местам и стране, в которой они живут."
        ),
        "Information where people travel": "Информация там, где люди в пути",
        (
            "Since April 2017 touch-screen information terminals have helped people leaving "
            "Kyrgyzstan check the rules before they go: in the departures lounge of Manas "
            "International Airport, at the Ak-Jol border crossing, at the consultation centres of "
            "the State Migration Service and in local government buildings in the Osh, "
            "Jalal-Abad, Batken, Talas, Naryn and Issyk-Kul regions. Kopuro serves the same "
            "trusted guides to phones and terminals, and keeps working when the connection drops."
        ): (
            "С апреля 2017 года сенсорные информационные терминалы помогают тем, кто уезжает из "
            "Кыргызстана, заранее узнать правила: в зале вылета международного аэропорта "
            "«Манас», на пункте пропуска «Ак-Жол», в консультационных центрах Государственной "
            "миграционной службы и в зданиях местных органов власти Ошской, Джалал-Абадской, "
            "Баткенской, Таласской, Нарынской и Иссык-Кульской областей. Kopuro выводит те же "
            "проверенные материалы на телефоны и терминалы и продолжает работать, даже когда "
            "пропадает связь."
        ),
        "Your data, your choice": "Ваши данные — ваш выбор",
        ("You decide who sees each part of your profile: everyone, members only or only you."): (
            "Вы решаете, кто видит каждую часть вашего профиля: все, только участники или только "
            "вы."
        ),
        (
            "You can leave the member directory, download everything we hold about you or delete "
            "your account at any time."
        ): (
            "В любой момент вы можете уйти из каталога участников, скачать все данные о себе или "
            "удалить аккаунт."
        ),
        "Figures we publish never describe a group of fewer than five people.": (
            "Публикуемые нами цифры никогда не описывают группу меньше чем из пяти человек."
        ),
    },
    "ky": {
        "Kopuro": "Kopuro",
        "home": "bashky-bet",
        HOME_EN["seo_title"]: "Диаспора, мигранттар үчүн маалымат жана жаңылыктар",
        HOME_EN["search_description"]: (
            "Kopuro чет өлкөлөрдө жашаган кыргызстандыктарды бири-бири жана мекени менен "
            "байланыштырат, мигранттарга жолго чыгаардан мурун ишенимдүү маалымат берет жана "
            "кеңсенин жаңылыктарын жарыялайт."
        ),
        HOME_EN["hero_title"]: "Кыргызстан менен дүйнө жүзүндөгү мекендештердин ортосундагы көпүрө",
        HOME_EN["hero_text"]: (
            "Расмий баалоолор боюнча, Кыргызстандын 700 000ге жакын жараны чет өлкөлөрдө жашап, "
            "иштейт — алардын көбү Орусияда жана Казакстанда, көптөрү Түркияда, Кореяда жана "
            "Перс булуңундагы өлкөлөрдө. Kopuro аларды бириктирет: жердештериңиз жана "
            "кесиптештериңиз менен таанышыңыз, жолго чыгаардан мурун ишенимдүү маалымат табыңыз "
            "жана Бишкектеги кеңсенин жаңылыктарын окуп туруңуз."
        ),
        HOME_EN["hub_text"]: (
            "Москвадан, Алматыдан, Сеулдан же Нью-Йорктон мекендештериңизди табыңыз, "
            "тажрыйбаңыз менен бөлүшүңүз жана билимиңизди, убактыңызды же каражатыңызды "
            "Кыргызстандагы долбоорлорго жумшаңыз."
        ),
        HOME_EN["info_text"]: (
            "Өлкөдөн чыгуу жана кирүү эрежелери, эмгек укуктарыңыз, адам сатуунун коркунучун "
            "кантип байкоо жана жардам үчүн кимге кайрылуу керектиги. Ушул эле маалымат «Манас» "
            "аэропортундагы, «Ак-Жол» өткөрүү пунктундагы жана өлкө боюнча жергиликтүү бийлик "
            "имараттарындагы маалымат терминалдарында да бар."
        ),
        HOME_EN["newsroom_text"]: (
            "Кеңсенин пресс-релиздери, иш-чаралары жана көргөзмөлөрү, фотобаяндары, бош "
            "орундары жана сунуштарды кабыл алуу боюнча конкурстары — англис, орус жана кыргыз "
            "тилдеринде."
        ),
        "Why a bridge": "Эмне үчүн «көпүрө»",
        (
            "Kopuro is the Kyrgyz word for a bridge. People who work abroad send home more than "
            "money: skills, contacts and ideas travel with them. Kopuro gives them one place to "
            "meet, to learn from each other and to find concrete ways to help their home and host "
            "communities."
        ): (
            "Kopuro — бул кыргызча «көпүрө». Чет өлкөдө иштегендер үйгө акча гана жөнөтпөйт: "
            "алар менен кошо билим, байланыштар жана идеялар да жол жүрөт. Kopuro аларга "
            "таанышуу, бири-биринен үйрөнүү жана туулган жерине, ошондой эле жашап жаткан "
            "өлкөсүнө жардам берүүнүн так жолдорун табуу үчүн бир аянтча берет."
        ),
        "Information where people travel": "Жолдо жүргөндөр үчүн маалымат",
        (
            "Since April 2017 touch-screen information terminals have helped people leaving "
            "Kyrgyzstan check the rules before they go: in the departures lounge of Manas "
            "International Airport, at the Ak-Jol border crossing, at the consultation centres of "
            "the State Migration Service and in local government buildings in the Osh, "
            "Jalal-Abad, Batken, Talas, Naryn and Issyk-Kul regions. Kopuro serves the same "
            "trusted guides to phones and terminals, and keeps working when the connection drops."
        ): (
            "2017-жылдын апрелинен бери сенсордук маалымат терминалдары Кыргызстандан чыгып "
            "жаткандарга эрежелерди алдын ала билүүгө жардам берип келет: «Манас» эл аралык "
            "аэропортунун учуу залында, «Ак-Жол» өткөрүү пунктунда, Мамлекеттик миграция "
            "кызматынын консультациялык борборлорунда жана Ош, Жалал-Абад, Баткен, Талас, Нарын "
            "жана Ысык-Көл облустарындагы жергиликтүү бийлик имараттарында. Kopuro ошол эле "
            "текшерилген маалыматты телефондорго жана терминалдарга жеткирет жана байланыш "
            "үзүлгөндө да иштей берет."
        ),
        "Your data, your choice": "Сиздин маалыматыңыз — сиздин тандооңуз",
        ("You decide who sees each part of your profile: everyone, members only or only you."): (
            "Профилиңиздин ар бир бөлүгүн ким көрөрүн өзүңүз чечесиз: баары, катышуучулар гана "
            "же өзүңүз гана."
        ),
        (
            "You can leave the member directory, download everything we hold about you or delete "
            "your account at any time."
        ): (
            "Каалаган убакта катышуучулардын каталогунан чыгып, өзүңүз тууралуу бардык "
            "маалыматты жүктөп алып же аккаунтуңузду өчүрө аласыз."
        ),
        "Figures we publish never describe a group of fewer than five people.": (
            "Биз жарыялаган сандар эч качан беш адамдан аз топту сүрөттөбөйт."
        ),
    },
}


def branding_seed(*, site: Site) -> bool:
    """Fill the footer contacts and tagline while they are empty; the name stays "Kopuro"."""
    branding = BrandingSettings.for_site(site)
    changed = [
        name
        for name, value in (("footer_contacts", FOOTER_CONTACTS), ("tagline", TAGLINE))
        if not getattr(branding, name)
    ]
    for name in changed:
        setattr(branding, name, {"footer_contacts": FOOTER_CONTACTS, "tagline": TAGLINE}[name])
    if branding.pk is None or changed:
        branding.save()
    return bool(changed)


def home_seed_english(*, home: HomePage) -> bool:
    """Write the English demo text while the page still has a fresh install's placeholder."""
    if home.hero_title != DEFAULT_HOME["hero_title"]:
        return False
    for name, value in HOME_EN.items():
        setattr(home, name, value)
    home.save_revision(log_action=True).publish()
    return True


@transaction.atomic
def home_seed_translations(*, home: HomePage) -> list[str]:
    """Create the Russian and Kyrgyz home pages through wagtail-localize; returns the languages
    created. A language that already has a real (non-alias) page is left alone, and so is every
    language when the English page holds text we have no translation for (an editor's text)."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    created = []
    targets = []
    for code, strings in TRANSLATIONS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        existing = home.get_translation_or_none(locale)
        if existing is not None and existing.alias_of_id is None:
            continue
        targets.append((locale, strings))
    if not targets:
        return created

    source, _ = TranslationSource.update_or_create_from_instance(home)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for locale, strings in targets:
        found = {s.pk: _lookup(strings, s.string.data) for s in segments}
        if None in found.values():
            continue
        for segment in segments:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": found[segment.pk],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "has_error": False,
                    "field_error": "",
                },
            )
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        # Builds the page and publishes it once the transaction commits.
        translation.save_target(publish=True)
        created.append(locale.language_code)
    return created


def _lookup(strings: dict[str, str], segment: str) -> str | None:
    """The translation of a segment (wagtail-localize may hold it HTML-escaped)."""
    if segment in strings:
        return strings[segment]
    plain = html.unescape(segment)
    return strings.get(plain)
