"""The controlled vocabularies profiles draw on, labelled in English, Russian and Kyrgyz.

Loaded by a data migration (and re-applied by `seed_demo`); staff can add terms in the admin.
Each row: (slug, English, Russian, Kyrgyz).
"""

EXPERTISE = [
    (
        "agriculture",
        "Agriculture and food",
        "Сельское хозяйство и продовольствие",
        "Айыл чарба жана азык-түлүк",
    ),
    ("education", "Education and research", "Образование и наука", "Билим берүү жана илим"),
    (
        "health",
        "Health and medicine",
        "Здравоохранение и медицина",
        "Саламаттык сактоо жана медицина",
    ),
    ("it", "Information technology", "Информационные технологии", "Маалымат технологиялары"),
    (
        "engineering",
        "Engineering and construction",
        "Инженерия и строительство",
        "Инженерия жана курулуш",
    ),
    (
        "renewable-energy",
        "Renewable energy",
        "Возобновляемая энергетика",
        "Кайра жаралуучу энергетика",
    ),
    ("finance", "Finance and banking", "Финансы и банковское дело", "Каржы жана банк иши"),
    (
        "business",
        "Business and entrepreneurship",
        "Бизнес и предпринимательство",
        "Бизнес жана ишкердик",
    ),
    ("law", "Law and human rights", "Право и права человека", "Укук жана адам укуктары"),
    (
        "public-administration",
        "Public administration",
        "Государственное управление",
        "Мамлекеттик башкаруу",
    ),
    ("tourism", "Tourism and hospitality", "Туризм и гостеприимство", "Туризм жана меймандостук"),
    (
        "culture",
        "Culture, arts and media",
        "Культура, искусство и СМИ",
        "Маданият, искусство жана ЖМК",
    ),
    ("environment", "Environment and climate", "Экология и климат", "Экология жана климат"),
    ("logistics", "Transport and logistics", "Транспорт и логистика", "Транспорт жана логистика"),
    (
        "social-work",
        "Social work and community",
        "Социальная работа и сообщества",
        "Социалдык иш жана коомчулук",
    ),
    ("migration", "Migration and mobility", "Миграция и мобильность", "Миграция жана мобилдүүлүк"),
    ("trade", "Trade and export", "Торговля и экспорт", "Соода жана экспорт"),
    ("mining", "Mining and geology", "Горное дело и геология", "Тоо-кен иши жана геология"),
    ("sport", "Sport", "Спорт", "Спорт"),
    (
        "languages-translation",
        "Languages and translation",
        "Языки и перевод",
        "Тилдер жана котормо",
    ),
]

CONTRIBUTION = [
    ("mentoring", "Mentoring", "Наставничество", "Насаатчылык"),
    ("investment", "Investment", "Инвестиции", "Инвестиция"),
    ("volunteering", "Volunteering", "Волонтёрство", "Ыктыярчылык"),
    (
        "skills-transfer",
        "Knowledge and skills transfer",
        "Передача знаний и навыков",
        "Билим жана көндүм берүү",
    ),
    ("donations", "Donations", "Пожертвования", "Кайрымдуулук"),
    ("partnerships", "Partnerships", "Партнёрство", "Өнөктөштүк"),
    ("jobs", "Jobs and internships", "Работа и стажировки", "Жумуш жана стажировка"),
    (
        "networking",
        "Contacts and networking",
        "Контакты и нетворкинг",
        "Байланыштар жана тааныштык",
    ),
]

LANGUAGE = [
    ("ky", "Kyrgyz", "Кыргызский", "Кыргызча"),
    ("ru", "Russian", "Русский", "Орусча"),
    ("en", "English", "Английский", "Англисче"),
    ("uz", "Uzbek", "Узбекский", "Өзбекче"),
    ("tg", "Tajik", "Таджикский", "Тажикче"),
    ("kk", "Kazakh", "Казахский", "Казакча"),
    ("tr", "Turkish", "Турецкий", "Түркчө"),
    ("ko", "Korean", "Корейский", "Корейче"),
    ("de", "German", "Немецкий", "Немисче"),
    ("ar", "Arabic", "Арабский", "Арабча"),
    ("zh", "Chinese", "Китайский", "Кытайча"),
    ("fr", "French", "Французский", "Французча"),
]

VOCABULARIES = {"expertise": EXPERTISE, "contribution": CONTRIBUTION, "language": LANGUAGE}


def load_vocabularies(term_model) -> int:
    """Create or update every term; returns how many were created. Works with the historical
    model in migrations as well as the real one."""
    created = 0
    for vocabulary, rows in VOCABULARIES.items():
        for position, (slug, en, ru, ky) in enumerate(rows):
            _obj, was_created = term_model.objects.update_or_create(
                vocabulary=vocabulary,
                slug=slug,
                defaults={"label_en": en, "label_ru": ru, "label_ky": ky, "position": position},
            )
            created += was_created
    return created
