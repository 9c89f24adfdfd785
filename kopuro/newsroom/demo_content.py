"""The newsroom's demo content, in English and Russian: every item of the office's website
snapshot (shared/reference/office-website-snapshot.txt), retold in our own words with its facts
(dates, places, names, figures) kept.

Each text is a T(en, ru) pair; demo.py builds the page in the source language and hands the
pairs to wagtail-localize as the translation. Where the snapshot is silent, the gap is named in
a comment rather than filled with an invented fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

BISHKEK = ZoneInfo("Asia/Bishkek")
ALMATY = ZoneInfo("Asia/Almaty")


@dataclass(frozen=True)
class T:
    """One text in both languages."""

    en: str
    ru: str


@dataclass(frozen=True)
class Para:
    """A rich-text block: one <p> per text."""

    texts: tuple[T, ...]

    def __init__(self, *texts: T):
        object.__setattr__(self, "texts", texts)


@dataclass(frozen=True)
class Img:
    key: str


@dataclass(frozen=True)
class Doc:
    key: str


@dataclass(frozen=True)
class PageRef:
    key: str


# The index pages' English titles and introductions are those newsroom_ensure_indexes() writes.
# --- Shared pieces --------------------------------------------------------------------------------

IOM_SRO = T(
    "IOM, the UN Migration Agency, Sub-regional Coordination Office for Central Asia",
    "МОМ, Агентство ООН по миграции, Субрегиональный координационный офис для Центральной Азии",
)
DIGNITY_PROJECT = T("USAID Dignity and Rights Project", "Проект USAID «Достоинство и права»")

INDEXES = {
    "news": (
        T("News", "Новости"),
        T(
            "Press releases, statements and announcements.",
            "Пресс-релизы, заявления и объявления.",
        ),
    ),
    "events": (
        T("Events", "Мероприятия"),
        T("Workshops, conferences and exhibitions.", "Семинары, конференции и выставки."),
    ),
    "vacancies": (
        T("Vacancies", "Вакансии"),
        T(
            "Open posts at the office, nearest deadline first.",
            "Открытые вакансии офиса: сначала те, срок которых истекает раньше.",
        ),
    ),
    "tenders": (
        T("Procurement notices", "Закупки"),
        T(
            "Requests for proposals and quotations, with their timelines and clarifications.",
            "Запросы предложений и котировок со сроками и разъяснениями.",
        ),
    ),
}

# Topics news is filed under: English name -> (Russian, Kyrgyz).
TOPICS = {
    "diaspora": ("диаспора", "диаспора"),
    "iDiaspora": ("iDiaspora", "iDiaspora"),
    "gender": ("гендер", "гендер"),
    "human rights": ("права человека", "адам укуктары"),
    "prevention": ("профилактика", "алдын алуу"),
    "youth": ("молодёжь", "жаштар"),
    "photostory": ("фотоистория", "фотобаян"),
    "migrants' rights": ("права мигрантов", "мигранттардын укуктары"),
    "health": ("здоровье", "ден соолук"),
    "information terminals": ("информационные терминалы", "маалымат терминалдары"),
    "labour rights": ("трудовые права", "эмгек укуктары"),
}

CONTACTS = {
    "fernandes": ("Deepali Fernandes", "IOM HQ, Geneva", "+41 22 717 9547", "dfernandes@iom.int"),
    "okoth": ("Vanessa Okoth-Obbo", "IOM HQ, Geneva", "+41 22 717 9366", "vokoth@iom.int"),
    # The snapshot gives no unit for this contact.
    "belonossova": ("Aliya Belonossova", "", "+7 777 779 28 74", "aalikova@iom.int"),
}

# Documents are small generated PDFs (demo.py); the real files are not in the snapshot.
DOCUMENTS = {
    "tor-receptionist": "Receptionist Admin Clerk G3 Kyrgyzstan - Terms of Reference",
    "tor-terminal-assistant": "Information Terminal Assistant G4 Osh (sample) - Terms of Reference",
    "rfq-leaflets-1": "RFQ Printing of information leaflets (sample) - Technical Specifications",
    "rfq-leaflets-2": "RFQ Printing of information leaflets (sample) - Price Quotation Form",
    "rfp-1": "RFP Internal Migration Study - Section I. Instructions to Service Providers / Consulting Firms",
    "rfp-2": "RFP Internal Migration Study - Section II. Technical Proposal - Standard Forms",
    "rfp-3": "RFP Internal Migration Study - Section III. Financial Proposal - Standard Forms",
    "rfp-4": "RFP Internal Migration Study - Section IV. Terms of Reference",
    "rfp-5": "RFP Internal Migration Study - Section V. IOM Policy on Preventing Sexual Exploitation and Abuse",
    "rfp-6": "RFP Internal Migration Study - Section VI. IOM Policy on Confidentiality and Protection of Personal Data",
    "rfp-7": "RFP Internal Migration Study - Section VII. Use of IOM and Donor Logo in Media",
    "rfp-8": "RFP Internal Migration Study - Section VIII. Standard Form of Contract",
    "pa-photostory": "Press Announcement - PhotoStory exhibition Migrants: An Invisible Force in Central Asia",
    "pr-terminals": "Press Release - Information terminals for migrants, 10 April 2017",
    "pr-osh-workshop": "Press Release - Regional Thematic Workshop Migration and Prevention, Osh, April 2017",
}

# Images are drawn locally (demo.py); the snapshot's photographs are not reproduced.
IMAGES = {
    "banner": ("Office banner (placeholder)", 11),
    "terminal": ("Information terminal (placeholder)", 12),
    "exhibition": ("PhotoStory exhibition (placeholder)", 13),
    "workshop": ("Workshop (placeholder)", 14),
    "photo-1": ("PhotoStory: Artists/Photographers category 1 (placeholder)", 21),
    "photo-2": ("PhotoStory: Artists/Photographers category 2 (placeholder)", 22),
    "photo-3": ("PhotoStory: Artists/Photographers category 3 (placeholder)", 23),
    "photo-4": ("PhotoStory: University Students category 1 (placeholder)", 24),
    "photo-5": ("PhotoStory: University Students category 2 (placeholder)", 25),
}
PLACEHOLDER_CREDIT = T(
    "Placeholder drawn for the demo; the exhibition's photographs are not reproduced here",
    "Иллюстрация-заглушка для демонстрации; фотографии выставки здесь не воспроизводятся",
)

# --- Content pages --------------------------------------------------------------------------------

CONTENT_PAGES = [
    {
        "key": "about",
        "slug": "about",
        "title": T("About the office", "Об офисе"),
        "lead": T(
            "A message from the IOM office for Central Asia.",
            "Обращение офиса МОМ для Центральной Азии.",
        ),
        "body": [
            (
                "heading",
                T("Message from IOM for Central Asia", "Обращение МОМ для Центральной Азии"),
            ),
            (
                "paragraph",
                Para(
                    T(
                        "People move more today than at any time before. More of us live outside "
                        "the place we were born than ever in history, and migration has become "
                        "one of the questions that define the early twenty-first century.",
                        "Сегодня люди перемещаются больше, чем когда-либо прежде. Никогда ещё "
                        "столько людей не жило вдали от мест, где они родились, и миграция стала "
                        "одним из главных вопросов начала XXI века.",
                    ),
                    T(
                        "The office works with governments, civil society and migrants themselves "
                        "across Central Asia so that migration is safe, orderly and dignified: "
                        "information before departure, protection of rights abroad, and support "
                        "for the communities that people leave and join.",
                        "Офис работает с правительствами, гражданским обществом и самими "
                        "мигрантами по всей Центральной Азии, чтобы миграция была безопасной, "
                        "упорядоченной и достойной: информация до выезда, защита прав за рубежом "
                        "и поддержка сообществ, которые люди покидают и в которые приезжают.",
                    ),
                ),
            ),
            (
                "image",
                {
                    "image": Img("banner"),
                    "alt": T(
                        "A banner picture for the office's home page",
                        "Баннер для главной страницы офиса",
                    ),
                    "caption": T(
                        "The banner of the office's website front page.",
                        "Баннер главной страницы сайта офиса.",
                    ),
                    "credit": PLACEHOLDER_CREDIT,
                },
            ),
        ],
    },
    {
        "key": "contacts",
        "slug": "contacts",
        "title": T("Contacts and useful links", "Контакты и полезные ссылки"),
        "lead": T(
            "Where to find the office, and services people often ask about.",
            "Как найти офис и сервисы, о которых часто спрашивают.",
        ),
        "body": [
            ("heading", T("The office in Bishkek", "Офис в Бишкеке")),
            (
                "paragraph",
                Para(
                    T(
                        "6 Ryskulov Street (at the corner of Isanov Street), first floor, Bishkek, "
                        "Kyrgyz Republic.",
                        "Бишкек, ул. Рыскулова, 6 (угол ул. Исанова), первый этаж, Кыргызская "
                        "Республика.",
                    ),
                    T(
                        "Applications for vacancies go to hrkg@iom.int. Press contacts are given "
                        "under each press release.",
                        "Заявки на вакансии принимаются по адресу hrkg@iom.int. Контакты для прессы "
                        "указаны под каждым пресс-релизом.",
                    ),
                ),
            ),
            ("heading", T("Useful links", "Полезные ссылки")),
            (
                "paragraph",
                Para(
                    # The snapshot names the Canada Visa Application Centre but gives no address.
                    T(
                        "Canada Visa Application Centre: the office's website links to it for "
                        "people applying for a Canadian visa.",
                        "Визовый центр Канады: сайт офиса даёт ссылку на него для тех, кто "
                        "подаёт документы на канадскую визу.",
                    ),
                    T(
                        "Social media: the office's accounts are linked at the foot of every page.",
                        "Социальные сети: ссылки на страницы офиса есть внизу каждой страницы.",
                    ),
                ),
            ),
        ],
    },
]

# --- News -----------------------------------------------------------------------------------------

NEWS = [
    {
        "slug": "idiaspora-platform-launch",
        "kind": "press_release",
        "date": date(2018, 10, 9),
        "dateline_place": T("GENEVA", "ЖЕНЕВА"),
        "title": T(
            "UN Migration Agency launches a digital platform to engage diaspora members in development",
            "Агентство ООН по миграции запустило цифровую платформу для участия диаспор в развитии",
        ),
        "lead": T(
            "IOM officially launched iDiaspora, a global engagement and knowledge-exchange hub for "
            "transnational communities, on 8 October at a side event of the International "
            "Dialogue on Migration in Geneva.",
            "8 октября на параллельном мероприятии Международного диалога по миграции в Женеве "
            "МОМ официально запустила iDiaspora — глобальную площадку для взаимодействия и обмена "
            "знаниями для транснациональных сообществ.",
        ),
        "topics": ["diaspora", "iDiaspora"],
        "contacts": ["fernandes", "okoth"],
        "body": [
            (
                "paragraph",
                Para(
                    T(
                        "iDiaspora is meant for transnational communities and for everyone who "
                        "wants to work with them. Because the initiative is global and diverse, "
                        "further launches are planned in Cairo, London and Washington DC.",
                        "iDiaspora создана для транснациональных сообществ и для всех, кто хочет с "
                        "ними работать. Инициатива глобальна и разнообразна, поэтому запланированы "
                        "также презентации в Каире, Лондоне и Вашингтоне.",
                    ),
                    T(
                        "Evidence keeps growing that diaspora members play an important part in "
                        "reaching the Sustainable Development Goals, in the countries they come "
                        "from and the countries they live in. They transfer skills, knowledge and "
                        "know-how, invest, start businesses and trade. Diaspora organisations, "
                        "associations and confederations at local, national and international "
                        "level show that communities are more and more aware of that role. The "
                        "platform is meant as one space where individuals, their organisations and "
                        "partners can meet and exchange ideas on shared development goals.",
                        "Становится всё больше данных о том, что представители диаспор вносят "
                        "важный вклад в достижение Целей устойчивого развития — и в странах "
                        "происхождения, и в странах проживания. Они передают навыки, знания и "
                        "опыт, инвестируют, открывают бизнес и торгуют. Многочисленные "
                        "организации, ассоциации и конфедерации диаспор на местном, национальном и "
                        "международном уровнях показывают, что сообщества всё лучше осознают эту "
                        "роль. Платформа задумана как единое пространство, где люди, их "
                        "организации и партнёры могут общаться и обмениваться идеями ради общих "
                        "целей развития.",
                    ),
                    T(
                        "People register at idiaspora.org with a Facebook, Google+ or LinkedIn "
                        "account, or fill in a profile with their name, location, fields of "
                        "expertise, interests and a photo. They help shape the platform and use it "
                        "to Connect, Learn and Contribute: to find like-minded people from their "
                        "own and other communities, to use and add to a growing library of "
                        "resources, and to find concrete ways to give their skills and resources "
                        "back to their home and host communities.",
                        "Зарегистрироваться на idiaspora.org можно через Facebook, Google+ или "
                        "LinkedIn либо заполнив профиль: имя, место проживания, области "
                        "экспертизы, интересы и фотография. Пользователи помогают развивать "
                        "платформу и пользуются ею, чтобы общаться, учиться и вносить вклад: "
                        "находить единомышленников в своём и других сообществах, пользоваться "
                        "растущей библиотекой материалов и пополнять её, а также находить "
                        "конкретные способы применить свои навыки и ресурсы на родине и в стране "
                        "проживания.",
                    ),
                    T(
                        "The idea of the platform was first presented in July 2017 in New York, "
                        "during consultations on the Global Compact for Safe, Orderly and Regular "
                        "Migration (GCM). Those sessions showed strong interest from diaspora "
                        "associations and individuals who support economic development in their "
                        "countries of origin or heritage and advocate better migration policies in "
                        "the GCM. IOM then consulted diaspora associations and international "
                        "partners in the United States and the United Kingdom to fit the platform "
                        "to their needs.",
                        "Идея платформы впервые была представлена в июле 2017 года в Нью-Йорке, на "
                        "консультациях по Глобальному договору о безопасной, упорядоченной и "
                        "легальной миграции (ГДМ). Эти встречи показали большой интерес со стороны "
                        "ассоциаций диаспор и отдельных людей, которые поддерживают экономическое "
                        "развитие стран происхождения и выступают за более справедливую "
                        "миграционную политику в рамках ГДМ. Затем МОМ провела консультации с "
                        "ассоциациями диаспор и международными партнёрами в США и "
                        "Великобритании, чтобы платформа отвечала их потребностям.",
                    ),
                ),
            ),
            ("heading", T("The launch event", "Презентация")),
            (
                "paragraph",
                Para(
                    T(
                        "The launch session, “Reaching out to Diaspora via Technology”, was "
                        "moderated by IOM Deputy Director General Laura Thompson. The panel:",
                        "Презентацию под названием «Связь с диаспорой с помощью технологий» вела "
                        "заместитель Генерального директора МОМ Лаура Томпсон. Участники дискуссии:",
                    ),
                ),
            ),
            (
                "list",
                {
                    "numbered": False,
                    "items": [
                        Para(
                            T(
                                "El Habib Nadir, Ministry in charge of Moroccans living abroad and "
                                "migration affairs, Chair of the GFMD",
                                "Эль Хабиб Надир, министерство по делам марокканцев, живущих за "
                                "рубежом, и по вопросам миграции, председатель ГФМР",
                            )
                        ),
                        Para(
                            T(
                                "Colman Lydon, Vice President of Strategic Partnerships at "
                                "Everwise, member of the iDiaspora Advisory Board",
                                "Колман Лайдон, вице-президент по стратегическим партнёрствам "
                                "Everwise, член Консультативного совета iDiaspora",
                            )
                        ),
                        Para(
                            T(
                                "Honey Thaljieh, Corporate Communications Manager at FIFA",
                                "Хани Талджие, менеджер по корпоративным коммуникациям ФИФА",
                            )
                        ),
                        Para(
                            T(
                                "Gibril Faal, LSE Visiting Professor in Practice and ADEPT Special "
                                "Adviser",
                                "Гибрил Фаал, приглашённый профессор-практик LSE, специальный "
                                "советник ADEPT",
                            )
                        ),
                    ],
                },
            ),
            (
                "quote",
                {
                    "text": T(
                        "The early development of iDiaspora is a fine example of working across "
                        "disciplines, drawing on the expertise of the IOM team and of leaders in "
                        "academia and business worldwide. Modern software platforms can engage "
                        "very large numbers of people, so this initiative can grow in service of "
                        "diaspora communities in a new and purposeful way.",
                        "Ранний этап разработки iDiaspora — отличный пример сотрудничества разных "
                        "дисциплин: в нём объединились опыт команды МОМ и лидеров научного и "
                        "делового мира. Современные программные платформы способны вовлечь "
                        "огромное число людей, поэтому эта инициатива может по-новому и "
                        "целенаправленно служить диаспорам.",
                    ),
                    "attribution": T("Colman Lydon", "Колман Лайдон"),
                    "role": T(
                        "member of the iDiaspora Advisory Board",
                        "член Консультативного совета iDiaspora",
                    ),
                },
            ),
            (
                "paragraph",
                Para(
                    T(
                        "Objective 19 of the Global Compact confirms the role of diasporas in "
                        "development: governments commit to empower migrants and diasporas to "
                        "catalyse their development contributions and to harness the benefits of "
                        "migration as a source of sustainable development.",
                        "Цель 19 Глобального договора подтверждает роль диаспор в развитии: "
                        "правительства обязуются расширять возможности мигрантов и диаспор, "
                        "чтобы их вклад в развитие был весомее, а миграция служила источником "
                        "устойчивого развития.",
                    ),
                    T(
                        "iDiaspora will keep growing with its online community. A survey on the "
                        "site collects feedback that the developers use to improve it step by "
                        "step, and an Advisory Board of recognised diaspora leaders and "
                        "specialists from academia and the private and public sectors advises on "
                        "concept, operations and content and helps keep the initiative "
                        "sustainable.",
                        "iDiaspora будет развиваться вместе со своим онлайн-сообществом. Опрос на "
                        "сайте собирает отзывы, по которым разработчики постепенно улучшают "
                        "платформу, а Консультативный совет из признанных лидеров диаспор и "
                        "специалистов из научной среды, частного и государственного секторов "
                        "консультирует по концепции, работе и содержанию и помогает сделать "
                        "инициативу устойчивой.",
                    ),
                ),
            ),
            (
                "quote",
                {
                    "text": T(
                        "There is no doubt that the diaspora is critical to the transformation of "
                        "its country of origin. Through remittances or through return, it has been "
                        "a deciding factor in great improvements in people’s lives.",
                        "Несомненно, диаспора играет ключевую роль в преобразовании страны "
                        "происхождения. Через денежные переводы или через возвращение на родину "
                        "она стала решающим фактором огромных улучшений в жизни людей.",
                    ),
                    "attribution": T("Eric Guichard", "Эрик Гишар"),
                    "role": T(
                        "founder of Movement Capital (formerly Homestrings), member of the "
                        "iDiaspora board",
                        "основатель Movement Capital (ранее Homestrings), член совета iDiaspora",
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": T(
                        "Diasporas are naturally efficient at reducing poverty at the micro level. "
                        "Real, substantial engagement and partnership with institutions make it "
                        "possible to scale up, replicate and multiply the impact at the macro "
                        "level.",
                        "Диаспоры по своей природе эффективно сокращают бедность на микроуровне. "
                        "Настоящее, весомое взаимодействие и партнёрство с институтами позволяют "
                        "масштабировать, тиражировать и усиливать этот эффект на макроуровне.",
                    ),
                    "attribution": T("Gibril Faal", "Гибрил Фаал"),
                    "role": T("", ""),
                },
            ),
            (
                "paragraph",
                Para(
                    T(
                        "IOM coordinates iDiaspora's development and operation, building on its "
                        "lead on diaspora engagement since the 2013 Ministerial Conference and its "
                        "work on capacity and partnerships for migration and development. In the "
                        "last five years IOM has supported more than 150 diaspora mappings and "
                        "surveys worldwide; in 2017 alone more than 70 IOM country offices "
                        "advised governments on how to enable, empower and engage their "
                        "diasporas. The platform carries no institutional branding, so that every "
                        "stakeholder working with diaspora communities is treated equally.",
                        "МОМ координирует развитие и работу iDiaspora, опираясь на своё лидерство "
                        "в работе с диаспорами со времени Министерской конференции 2013 года и на "
                        "опыт укрепления потенциала и партнёрств в сфере миграции и развития. За "
                        "последние пять лет МОМ поддержала более 150 исследований и опросов "
                        "диаспор по всему миру; только в 2017 году более 70 страновых офисов МОМ "
                        "консультировали правительства о том, как вовлекать диаспоры и расширять "
                        "их возможности. Платформа не несёт институционального брендинга, чтобы "
                        "все, кто работает с диаспорами, были в равном положении.",
                    ),
                ),
            ),
            (
                "heading",
                T(
                    "About the International Dialogue on Migration",
                    "О Международном диалоге по миграции",
                ),
            ),
            (
                "paragraph",
                Para(
                    T(
                        "The International Dialogue on Migration (IDM) is IOM's main forum for "
                        "migration policy. Founded in 2001, it is open to IOM Member and Observer "
                        "States, international and non-governmental organisations, migrants, and "
                        "partners from the media, academia and the private sector, to analyse "
                        "current and emerging questions of migration governance and share "
                        "experience and good practice. Each year's theme is chosen by the IOM "
                        "membership through informal consultations.",
                        "Международный диалог по миграции (МДМ) — главный форум МОМ по "
                        "миграционной политике. Он основан в 2001 году и открыт для государств — "
                        "членов и наблюдателей МОМ, международных и неправительственных "
                        "организаций, мигрантов, партнёров из СМИ, научной среды и частного "
                        "сектора. Здесь анализируют текущие и новые вопросы управления миграцией "
                        "и делятся опытом и лучшими практиками. Тему каждого года выбирают "
                        "государства — члены МОМ в ходе неофициальных консультаций.",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "un-statement-bride-kidnapping-child-marriage",
        "kind": "statement",
        "date": date(2018, 5, 31),
        "dateline_place": T("BISHKEK", "БИШКЕК"),
        "title": T(
            "IOM joins the UN statement in the Kyrgyz Republic on bride kidnapping and child marriage",
            "МОМ присоединяется к заявлению системы ООН в Кыргызской Республике о похищении невест "
            "и детских браках",
        ),
        "lead": T(
            "The United Nations system in Kyrgyzstan is alarmed by the murder, reported in the "
            "media, of a young woman by the man who had abducted her to marry her.",
            "Система ООН в Кыргызстане встревожена сообщениями СМИ об убийстве девушки "
            "похитившим её с целью женитьбы мужчиной.",
        ),
        "topics": ["gender", "human rights"],
        "body": [
            (
                "paragraph",
                Para(
                    T(
                        "According to the latest available data for Kyrgyzstan, 13.8 per cent of "
                        "women under 24 were married under some form of coercion. The United "
                        "Nations in the Kyrgyz Republic treat ending these unlawful practices as a "
                        "priority, in line with the agreements signed with the Government of "
                        "Kyrgyzstan that run until 2022.",
                        "По последним доступным данным по Кыргызстану, 13,8 процента женщин "
                        "моложе 24 лет вступили в брак под тем или иным принуждением. ООН в "
                        "Кыргызской Республике считает искоренение этой незаконной практики "
                        "приоритетом в соответствии с соглашениями с Правительством Кыргызстана, "
                        "действующими до 2022 года.",
                    ),
                    T(
                        "Child and forced marriage is a fundamental violation of human rights. It "
                        "harms not only the people directly involved but the well-being of the "
                        "whole of society. Bride kidnapping, forced marriage and ala-kachuu are "
                        "not part of Kyrgyz culture and tradition: they violate the rights of "
                        "vulnerable people.",
                        "Детские и принудительные браки — грубое нарушение прав человека. Они "
                        "вредят не только непосредственно пострадавшим, но и благополучию всего "
                        "общества. Похищение невест, принудительные браки и ала-качуу не "
                        "являются частью кыргызской культуры и традиций: это нарушение прав "
                        "уязвимых людей.",
                    ),
                    T(
                        "Kyrgyzstan has taken important steps to strengthen its laws, such as "
                        "prohibiting religious marriage ceremonies for children. More needs to be "
                        "done to prevent these crimes, to prosecute those responsible and to "
                        "protect victims.",
                        "Кыргызстан сделал важные шаги для укрепления законодательства, например "
                        "запретил проведение религиозных обрядов бракосочетания с участием детей. "
                        "Но нужно сделать больше для предупреждения этих преступлений, "
                        "преследования виновных и защиты пострадавших.",
                    ),
                    T(
                        "The UN agencies in Kyrgyzstan call on the authorities to take every "
                        "appropriate measure to stop these practices and to apply the country's "
                        "own laws and the international treaties it has joined.",
                        "Агентства ООН в Кыргызстане призывают власти принять все необходимые "
                        "меры, чтобы прекратить эту практику, и выполнять национальное "
                        "законодательство и международные договоры, к которым присоединилась "
                        "страна.",
                    ),
                ),
            ),
            (
                "link",
                {
                    "label": T(
                        "The UN statement on bride kidnapping and child marriage",
                        "Заявление ООН о похищении невест и детских браках",
                    ),
                    "url": "http://kg.one.un.org/content/unct/kyrgyzstan/en/home/news/kg-news/2018/un-statement-on-bride-kidnapping-and-child-marriage/",
                    "description": T(
                        "On the UN in Kyrgyzstan website.", "На сайте ООН в Кыргызстане."
                    ),
                },
            ),
        ],
    },
    {
        "slug": "workshop-youth-radicalization-almaty",
        "kind": "press_release",
        "date": date(2018, 4, 23),
        "dateline_place": T("ALMATY", "АЛМАТЫ"),
        "title": T(
            "USAID hosts a workshop for NGOs and religious leaders on reducing the risks of youth "
            "radicalization in communities affected by migration",
            "USAID провёл семинар для НКО и религиозных лидеров о снижении рисков радикализации "
            "молодёжи в сообществах, затронутых миграцией",
        ),
        "lead": T(
            "Under the USAID Dignity and Rights Project, IOM Central Asia held a regional workshop "
            "in Almaty on 18–19 April 2018 for NGOs and religious leaders on reducing the risks of "
            "radicalization among young people in communities affected by migration.",
            "В рамках проекта USAID «Достоинство и права» МОМ в Центральной Азии провела 18–19 "
            "апреля 2018 года в Алматы региональный семинар для НКО и религиозных лидеров о "
            "снижении рисков радикализации молодёжи в сообществах, затронутых миграцией.",
        ),
        "topics": ["prevention", "youth"],
        "event": "almaty-workshop",
        "body": [
            (
                "paragraph",
                Para(
                    T(
                        "The workshop at the Holiday Inn Almaty brought together a wide range of "
                        "non-governmental partners and religious leaders to look for new ways of "
                        "making young people's engagement a force for preventing violent "
                        "extremism.",
                        "Семинар в отеле Holiday Inn Almaty собрал широкий круг неправительственных "
                        "партнёров и религиозных лидеров, чтобы найти новые способы сделать "
                        "участие молодёжи силой, предупреждающей насильственный экстремизм.",
                    ),
                    T(
                        "Over two days, experts, NGOs, civil society partners and religious "
                        "organisations from across Central Asia shared their experience and "
                        "regional and international lessons, and discussed how to reduce young "
                        "men's and women's vulnerability to violent extremism. Participants "
                        "studied the concepts and practice of prevention and the challenges young "
                        "people face when they decide to migrate, in Central Asian conditions.",
                        "За два дня эксперты, НКО, партнёры из гражданского общества и "
                        "религиозные организации со всей Центральной Азии обменялись опытом, "
                        "региональными и международными уроками и обсудили, как снизить "
                        "уязвимость юношей и девушек перед насильственным экстремизмом. "
                        "Участники изучили теорию и практику профилактики и трудности, с "
                        "которыми молодые люди сталкиваются, решив уехать, в условиях "
                        "Центральной Азии.",
                    ),
                ),
            ),
            ("heading", T("Invited experts and speakers", "Приглашённые эксперты и спикеры")),
            (
                "list",
                {
                    "numbered": False,
                    "items": [
                        Para(
                            T(
                                "Hanif Qadir (CEO, Active Change Foundation, United Kingdom) "
                                "shared his experience of engaging young people to reduce their "
                                "vulnerability to violent extremism.",
                                "Ханиф Кадир (генеральный директор Active Change Foundation, "
                                "Великобритания) рассказал о своём опыте работы с молодёжью для "
                                "снижения её уязвимости перед насильственным экстремизмом.",
                            )
                        ),
                        Para(
                            T(
                                "Emil Nasritdinov (Associate Professor, Department of "
                                "Anthropology, American University of Central Asia, Kyrgyzstan) "
                                "presented his research “Vulnerability and resilience of young "
                                "people in Kyrgyzstan to radicalization, violence and extremism: "
                                "analysis across six domains”.",
                                "Эмиль Насритдинов (доцент кафедры антропологии Американского "
                                "университета в Центральной Азии, Кыргызстан) представил "
                                "исследование «Уязвимость и устойчивость молодёжи Кыргызстана к "
                                "радикализации, насилию и экстремизму: анализ по шести "
                                "направлениям».",
                            )
                        ),
                        Para(
                            T(
                                "Chinara Esengul (Central Asian Adviser and Kyrgyzstan Country "
                                "Manager, Peace Nexus Foundation) shared her findings on engaging "
                                "young people in preventing violent extremism.",
                                "Чинара Эсенгул (советник по Центральной Азии и руководитель "
                                "программы в Кыргызстане, фонд Peace Nexus) поделилась выводами "
                                "о вовлечении молодёжи в профилактику насильственного "
                                "экстремизма.",
                            )
                        ),
                    ],
                },
            ),
            (
                "paragraph",
                Para(
                    T(
                        "On the first day the speakers led sessions on their experience and "
                        "moderated a panel discussion among participants. On the second day the "
                        "participants worked in groups: they set out the problems and challenges "
                        "behind different kinds of vulnerability, and agreed recommendations for "
                        "reducing the vulnerability of young people in communities affected by "
                        "migration to violent extremism in Central Asia.",
                        "В первый день спикеры провели сессии и модерировали дискуссию среди "
                        "участников. Во второй день участники работали в группах: "
                        "сформулировали проблемы и вызовы, связанные с разными видами "
                        "уязвимости, и выработали рекомендации по снижению уязвимости молодёжи "
                        "в сообществах, затронутых миграцией, перед насильственным экстремизмом в "
                        "Центральной Азии.",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "press-announcement-photostory-exhibition",
        "kind": "press_announcement",
        "date": date(2017, 9, 26),
        "dateline_place": T("BISHKEK", "БИШКЕК"),
        "title": T(
            "Press announcement: PhotoStory exhibition “Migrants: An Invisible Force in Central "
            "Asia”, 26 September, Bishkek",
            "Анонс для прессы: выставка PhotoStory «Мигранты: невидимая сила Центральной Азии», "
            "26 сентября, Бишкек",
        ),
        "lead": T(
            "On 26 September 2017 at 19:30 the IOM Sub-regional Coordination Office for Central "
            "Asia and the American University of Central Asia open the PhotoStory exhibition in "
            "the university's Main Conference Hall, 7/6 Aaly Tokombaev Street.",
            "26 сентября 2017 года в 19:30 Субрегиональный координационный офис МОМ для "
            "Центральной Азии и Американский университет в Центральной Азии открывают выставку "
            "PhotoStory в главном конференц-зале университета, ул. Аалы Токомбаева, 7/6.",
        ),
        "topics": ["photostory", "migrants' rights"],
        "image": Img("exhibition"),
        "event": "photostory-opening",
        "body": [
            (
                "paragraph",
                Para(
                    T(
                        "IOM's Sub-regional Coordination Office for Central Asia presents the "
                        "exhibition in partnership with the American University of Central Asia "
                        "(Tian Shan Policy Center). It shows more than forty photographs with "
                        "their texts by artists, photographers and university students from "
                        "Central Asia, and stories by two Central Asian writers who took part in "
                        "the project.",
                        "Субрегиональный координационный офис МОМ для Центральной Азии "
                        "представляет выставку в партнёрстве с Американским университетом в "
                        "Центральной Азии (Тянь-Шаньский аналитический центр). На ней более сорока "
                        "фотографий с текстами художников, фотографов и студентов из Центральной "
                        "Азии, а также рассказы двух центральноазиатских писателей — участников "
                        "проекта.",
                    ),
                    T(
                        "The PhotoStory project aims to raise awareness of migrants' rights, to "
                        "build tolerance and to end xenophobia and racism towards migrants and "
                        "their communities.",
                        "Цель проекта PhotoStory — рассказать о правах мигрантов, укреплять "
                        "толерантность и искоренять ксенофобию и расизм по отношению к мигрантам "
                        "и их сообществам.",
                    ),
                ),
            ),
            (
                "link",
                {
                    "label": T("The photo story and its winners", "Фотоистория и её победители"),
                    "page": PageRef("photostory"),
                    "description": T("", ""),
                },
            ),
            (
                "document",
                {
                    "document": Doc("pa-photostory"),
                    "title": T("Download the press announcement", "Скачать анонс для прессы"),
                    "description": T("", ""),
                },
            ),
        ],
    },
    {
        "slug": "workshop-migrants-right-to-health",
        "kind": "press_release",
        "date": date(2017, 6, 13),
        "dateline_place": T("BISHKEK", "БИШКЕК"),
        "title": T(
            "Central Asian Regional Workshop on Migrants' Right to Health",
            "Центральноазиатский региональный семинар о праве мигрантов на здоровье",
        ),
        "lead": T(
            "The IOM missions in Kazakhstan, the Kyrgyz Republic and Turkmenistan hold a regional "
            "workshop on migrants' right to health on Thursday 15 and Friday 16 June at the Orion "
            "Hotel in Bishkek.",
            "Миссии МОМ в Казахстане, Кыргызской Республике и Туркменистане проводят в четверг, "
            "15 июня, и пятницу, 16 июня, в отеле «Орион» в Бишкеке региональный семинар о праве "
            "мигрантов на здоровье.",
        ),
        "topics": ["health", "migrants' rights"],
        "event": "health-workshop",
        "body": [
            (
                "paragraph",
                Para(
                    T(
                        "The workshop is part of the project “Towards an Effective Migrants' Right "
                        "to Health in Central Asia: Assisting Governments in Enhancing the "
                        "Provision of Health Services for Migrants”. It is a forum for government "
                        "and non-government stakeholders to look for new ways to improve the "
                        "quality of, and access to, health services for migrants in the region.",
                        "Семинар проходит в рамках проекта «На пути к эффективному праву мигрантов "
                        "на здоровье в Центральной Азии: содействие правительствам в улучшении "
                        "медицинского обслуживания мигрантов». Это площадка для государственных и "
                        "негосударственных участников, чтобы найти новые способы повысить "
                        "качество и доступность медицинских услуг для мигрантов в регионе.",
                    ),
                    T(
                        "Over two days, government representatives from Kazakhstan, Kyrgyzstan "
                        "and Turkmenistan, IOM experts and partners from NGOs and civil society "
                        "will share experience and regional findings and discuss how to realise "
                        "migrants' right to health in line with international standards and good "
                        "practice.",
                        "В течение двух дней представители правительств Казахстана, Кыргызстана и "
                        "Туркменистана, эксперты МОМ, партнёры из НКО и гражданского общества "
                        "обменяются опытом и региональными данными и обсудят, как обеспечить "
                        "право мигрантов на здоровье в соответствии с международными стандартами "
                        "и лучшей практикой.",
                    ),
                    T(
                        "Participants will deepen their knowledge of the concepts and practice of "
                        "migration and health. The workshop is expected to end with "
                        "recommendations agreed by all participating stakeholders for further "
                        "realising migrants' right to health in Central Asia.",
                        "Участники углубят знания о теории и практике в сфере миграции и здоровья. "
                        "Ожидается, что по итогам семинара участники совместно выработают "
                        "рекомендации для дальнейшей реализации права мигрантов на здоровье в "
                        "Центральной Азии.",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "information-terminals-for-migrants",
        "kind": "press_release",
        "date": date(2017, 4, 10),
        "dateline_place": T("BISHKEK", "БИШКЕК"),
        "title": T(
            "Information terminals for migrants open at Manas International Airport",
            "В международном аэропорту «Манас» открылись информационные терминалы для мигрантов",
        ),
        "lead": T(
            "On 10 April 2017 a ceremony in the international departures lounge on the second "
            "floor of Manas International Airport opened information terminals for citizens of "
            "Kyrgyzstan travelling abroad.",
            "10 апреля 2017 года в зале международных вылетов на втором этаже международного "
            "аэропорта «Манас» прошла церемония открытия информационных терминалов для граждан "
            "Кыргызстана, выезжающих за рубеж.",
        ),
        "topics": ["information terminals", "migrants' rights"],
        "image": Img("terminal"),
        "event": "terminals-ceremony",
        "body": [
            (
                "paragraph",
                Para(
                    T(
                        "According to the State Migration Service under the Government of the "
                        "Kyrgyz Republic, an estimated 700,000 citizens of Kyrgyzstan live and "
                        "work abroad: by far the most in Russia (660,000) and Kazakhstan "
                        "(113,000), others in Korea (14,000), Turkey (10,000) and the Gulf "
                        "countries (the United Arab Emirates, Qatar and Saudi Arabia).",
                        "По данным Государственной миграционной службы при Правительстве "
                        "Кыргызской Республики, за рубежом живут и работают около 700 000 "
                        "граждан Кыргызстана: больше всего в России (660 000) и Казахстане "
                        "(113 000), а также в Корее (14 000), Турции (10 000) и странах "
                        "Персидского залива (ОАЭ, Катар, Саудовская Аравия).",
                    ),
                    T(
                        "To give migrants better access to information, the State Migration "
                        "Service keeps using new technology to raise awareness, together with the "
                        "International Organization for Migration (IOM) and with support from the "
                        "United States Government through USAID.",
                        "Чтобы мигранты получали больше нужной информации, Государственная "
                        "миграционная служба продолжает применять новые технологии для "
                        "информирования вместе с Международной организацией по миграции (МОМ) при "
                        "поддержке Правительства США через USAID.",
                    ),
                    T(
                        "Terminals are also installed at the Ak-Jol border crossing, at the "
                        "Information and Consultation Centres of the State Migration Service, and "
                        "in local government buildings in the Osh, Jalal-Abad, Batken, Talas, "
                        "Naryn and Issyk-Kul regions.",
                        "Терминалы также установлены на пункте пропуска «Ак-Жол», в "
                        "информационно-консультационных центрах Государственной миграционной "
                        "службы и в зданиях органов местной власти в Ошской, Джалал-Абадской, "
                        "Баткенской, Таласской, Нарынской и Иссык-Кульской областях.",
                    ),
                ),
            ),
            (
                "quote",
                {
                    "text": T(
                        "Twelve information terminals will be installed around the country where "
                        "people live most densely. Citizens can use them on their own to find the "
                        "basic rules for leaving and entering, the risks of human trafficking and "
                        "how to protect themselves from every kind of exploitation during "
                        "migration.",
                        "Двенадцать информационных терминалов будут установлены по всей стране в "
                        "самых густонаселённых местах. Граждане смогут сами получить основную "
                        "информацию о правилах выезда и въезда, о рисках торговли людьми и о том, "
                        "как защитить себя от любой эксплуатации в миграции.",
                    ),
                    "attribution": T("Medetbek Aidaraliev", "Медетбек Айдаралиев"),
                    "role": T(
                        "Chair of the State Migration Service",
                        "председатель Государственной миграционной службы",
                    ),
                },
            ),
            (
                "paragraph",
                Para(
                    T(
                        "The terminals were installed under the USAID Dignity and Rights Project, "
                        "which helps citizens protect themselves at every stage of migration.",
                        "Терминалы установлены в рамках проекта USAID «Достоинство и права», "
                        "который помогает гражданам защитить себя на всех этапах миграции.",
                    ),
                ),
            ),
            (
                "quote",
                {
                    "text": T(
                        "Informing people, migrants above all, about their rights is one of the "
                        "project's main goals. Since it began, its information campaigns have "
                        "reached more than 100,000 people, and the number keeps growing. USAID is "
                        "also supporting special centres of the State Migration Service in "
                        "Bishkek and Osh that advise migrants.",
                        "Информирование населения, прежде всего мигрантов, о их правах — одна из "
                        "главных задач проекта. С его начала информационные кампании охватили "
                        "более 100 000 человек, и их число растёт. USAID также поддерживает "
                        "специальные центры Государственной миграционной службы в Бишкеке и Оше, "
                        "которые консультируют мигрантов.",
                    ),
                    "attribution": T("Kimberly Rosen", "Кимберли Розен"),
                    "role": T(
                        "USAID Country Director in the Kyrgyz Republic",
                        "директор USAID в Кыргызской Республике",
                    ),
                },
            ),
            (
                "document",
                {
                    "document": Doc("pr-terminals"),
                    "title": T("Download the press release", "Скачать пресс-релиз"),
                    "description": T("", ""),
                },
            ),
        ],
    },
    {
        "slug": "regional-workshop-migration-and-prevention-osh",
        "kind": "press_release",
        "date": date(2017, 3, 30),
        "dateline_place": T("OSH", "ОШ"),
        "title": T(
            "Regional Thematic Workshop “Migration and Prevention”, 5–6 April 2017, Osh",
            "Региональный тематический семинар «Миграция и профилактика», 5–6 апреля 2017 года, Ош",
        ),
        "lead": T(
            "IOM's Sub-regional Coordination Office for Central Asia, with IOM Kyrgyzstan and "
            "Search for Common Ground and in close cooperation with the Osh Mayor's office, holds "
            "a regional workshop on migration and prevention on 5–6 April 2017 in Osh.",
            "Субрегиональный координационный офис МОМ для Центральной Азии вместе с МОМ в "
            "Кыргызстане и организацией Search for Common Ground, в тесном сотрудничестве с "
            "мэрией Оша, проводит 5–6 апреля 2017 года в Оше региональный семинар по миграции и "
            "профилактике.",
        ),
        "topics": ["prevention", "migrants' rights"],
        "contacts": ["belonossova"],
        "event": "osh-workshop",
        "body": [
            (
                "paragraph",
                Para(
                    T(
                        "The workshop is held under the USAID Dignity and Rights Project. It "
                        "brings together government officials and community, spiritual, "
                        "religious, civil society and diaspora leaders from Central Asian "
                        "countries to discuss the social and economic sides of migration, the "
                        "integration and reintegration of migrants, their vulnerabilities, the "
                        "risk that the most vulnerable are radicalized, and strategies for "
                        "preventing violent extremism.",
                        "Семинар проходит в рамках проекта USAID «Достоинство и права». Он "
                        "собирает государственных служащих, лидеров общин, духовных и "
                        "религиозных лидеров, представителей гражданского общества и диаспор из "
                        "стран Центральной Азии, чтобы обсудить социальные и экономические "
                        "аспекты миграции, интеграцию и реинтеграцию мигрантов, их уязвимость, "
                        "риск радикализации наиболее уязвимых и стратегии профилактики "
                        "насильственного экстремизма.",
                    ),
                    T(
                        "Participants will also hear the recommendations of the 2016 regional "
                        "field assessment “Migrant Vulnerabilities and Integration Needs in "
                        "Central Asia: Root causes, social and economic impact of return "
                        "migration”, produced under the same project.",
                        "Участники также познакомятся с рекомендациями регионального полевого "
                        "исследования 2016 года «Уязвимость мигрантов и потребности в интеграции в "
                        "Центральной Азии: коренные причины, социальные и экономические "
                        "последствия возвратной миграции», подготовленного в рамках того же "
                        "проекта.",
                    ),
                    T(
                        "The workshop takes place at the Shanghai City hotel, 22 Nurmatov Street, "
                        "Osh.",
                        "Семинар проходит в отеле «Шанхай Сити», ул. Нурматова, 22, Ош.",
                    ),
                    T(
                        "The USAID Dignity and Rights Project, implemented by IOM's Sub-regional "
                        "Coordination Office for Central Asia, works to advance human rights and "
                        "dignity in Central Asia, in public policy and in civic culture. It is one "
                        "of many assistance projects in Central Asia made possible by the "
                        "American people through USAID.",
                        "Проект USAID «Достоинство и права», который реализует Субрегиональный "
                        "координационный офис МОМ для Центральной Азии, продвигает права и "
                        "достоинство человека в Центральной Азии — в государственной политике и в "
                        "гражданской культуре. Это один из многих проектов помощи в Центральной "
                        "Азии, ставших возможными благодаря американскому народу через USAID.",
                    ),
                ),
            ),
            (
                "document",
                {
                    "document": Doc("pr-osh-workshop"),
                    "title": T("Download the press release", "Скачать пресс-релиз"),
                    "description": T("", ""),
                },
            ),
        ],
    },
]

# The statement was written in Russian: its Russian page is the source, English the translation.
# The snapshot gives it no date; it sits between the items of October and May 2018, so the demo
# dates it June 2018.
STATEMENT_RU_SOURCE = {
    "slug": "statement-migrant-workers-right-to-rest",
    "kind": "statement",
    "date": date(2018, 6, 20),
    "dateline_place": T("BISHKEK", "БИШКЕК"),
    "title": T(
        "Statement by IOM, the UN Migration Agency, on migrant workers' right to rest",
        "Заявление МОМ / Агентства ООН по миграции о праве трудящихся-мигрантов на отдых",
    ),
    "lead": T(
        "The IOM mission in the Kyrgyz Republic urges the countries that receive migrant workers "
        "from Kyrgyzstan to work with employers so that they fully respect migrant workers' "
        "rights and interests, including the right to rest.",
        "Миссия МОМ в Кыргызской Республике призывает страны, принимающие "
        "трудящихся-мигрантов из Кыргызстана, проводить работу с работодателями, чтобы те "
        "неукоснительно соблюдали права и интересы трудящихся-мигрантов, включая право на отдых.",
    ),
    "topics": ["labour rights", "migrants' rights"],
    "body": [
        (
            "paragraph",
            Para(
                T(
                    "Under international labour standards every worker, migrant workers "
                    "included, is entitled to a minimum of daily and weekly rest.",
                    "Согласно международным трудовым стандартам, все работники, в том числе "
                    "трудящиеся-мигранты, имеют право на минимальный ежедневный и еженедельный "
                    "отдых.",
                ),
                T(
                    "Daily and weekly rest are set by each country's national law; where that "
                    "law conflicts with international standards, the international standards "
                    "prevail. Under those standards the working day is 8 hours in a 40-hour week, "
                    "and 6 hours in a 36-hour week.",
                    "Ежедневный и еженедельный отдых регулируется национальным законодательством "
                    "стран, но если оно противоречит международным стандартам, действуют "
                    "международные стандарты. По этим стандартам рабочий день составляет 8 часов "
                    "при 40-часовой рабочей неделе и 6 часов при 36-часовой.",
                ),
                T(
                    "IOM also calls on migrant workers to defend their right to decent work "
                    "through every lawful means available to them, national and international.",
                    "МОМ также призывает трудящихся-мигрантов отстаивать своё право на достойный "
                    "труд всеми доступными законными способами — через национальные и "
                    "международные инстанции.",
                ),
            ),
        ),
    ],
}

# --- Events ---------------------------------------------------------------------------------------

EVENTS = [
    {
        "key": "almaty-workshop",
        "slug": "workshop-youth-radicalization-almaty-2018",
        "title": T(
            "Regional workshop for NGOs and religious leaders on reducing the risks of youth "
            "radicalization",
            "Региональный семинар для НКО и религиозных лидеров о снижении рисков радикализации "
            "молодёжи",
        ),
        "start": datetime(2018, 4, 18, 0, 0, tzinfo=ALMATY),
        "end": datetime(2018, 4, 19, 23, 59, tzinfo=ALMATY),
        "all_day": True,
        "time_zone": "Asia/Almaty",
        "venue": T("Holiday Inn Almaty", "Holiday Inn Almaty"),
        "address": T("Almaty, Kazakhstan", "Алматы, Казахстан"),
        "lead": T(
            "Two days for NGOs, civil society and religious leaders from across Central Asia on "
            "young people, migration and the prevention of violent extremism.",
            "Два дня для НКО, гражданского общества и религиозных лидеров со всей Центральной Азии "
            "о молодёжи, миграции и профилактике насильственного экстремизма.",
        ),
        "organisers": [IOM_SRO, DIGNITY_PROJECT],
        "speakers": [
            (
                T("Hanif Qadir", "Ханиф Кадир"),
                T(
                    "CEO, Active Change Foundation, United Kingdom",
                    "генеральный директор Active Change Foundation, Великобритания",
                ),
                T(
                    "Engaging young people to reduce their vulnerability to violent extremism.",
                    "Работа с молодёжью для снижения её уязвимости перед насильственным экстремизмом.",
                ),
            ),
            (
                T("Emil Nasritdinov", "Эмиль Насритдинов"),
                T(
                    "Associate Professor, Department of Anthropology, American University of Central Asia",
                    "доцент кафедры антропологии, Американский университет в Центральной Азии",
                ),
                T(
                    "Vulnerability and resilience of young people in Kyrgyzstan to radicalization, "
                    "violence and extremism: analysis across six domains.",
                    "Уязвимость и устойчивость молодёжи Кыргызстана к радикализации, насилию и "
                    "экстремизму: анализ по шести направлениям.",
                ),
            ),
            (
                T("Chinara Esengul", "Чинара Эсенгул"),
                T(
                    "Central Asian Adviser and Kyrgyzstan Country Manager, Peace Nexus Foundation",
                    "советник по Центральной Азии и руководитель программы в Кыргызстане, фонд Peace Nexus",
                ),
                T(
                    "Engaging young people in preventing violent extremism.",
                    "Вовлечение молодёжи в профилактику насильственного экстремизма.",
                ),
            ),
        ],
        "news": "workshop-youth-radicalization-almaty",
    },
    {
        "key": "photostory-opening",
        "slug": "photostory-exhibition-opening-2017",
        "title": T(
            "Opening of the PhotoStory exhibition “Migrants: An Invisible Force in Central Asia”",
            "Открытие выставки PhotoStory «Мигранты: невидимая сила Центральной Азии»",
        ),
        # The snapshot gives the opening time (19:30) but no end time.
        "start": datetime(2017, 9, 26, 19, 30, tzinfo=BISHKEK),
        "end": None,
        "all_day": False,
        "time_zone": "Asia/Bishkek",
        "venue": T(
            "Main Conference Hall, American University of Central Asia",
            "Главный конференц-зал, Американский университет в Центральной Азии",
        ),
        "address": T("7/6 Aaly Tokombaev Street, Bishkek", "Бишкек, ул. Аалы Токомбаева, 7/6"),
        "lead": T(
            "More than forty photographs and texts by Central Asian artists, photographers and "
            "students, stories by two writers, and a short documentary.",
            "Более сорока фотографий и текстов художников, фотографов и студентов из Центральной "
            "Азии, рассказы двух писателей и короткий документальный фильм.",
        ),
        "image": Img("exhibition"),
        "organisers": [
            IOM_SRO,
            T(
                "American University of Central Asia (Tian Shan Policy Center)",
                "Американский университет в Центральной Азии (Тянь-Шаньский аналитический центр)",
            ),
        ],
        "speakers": [],
        "news": "press-announcement-photostory-exhibition",
    },
    {
        "key": "health-workshop",
        "slug": "workshop-migrants-right-to-health-2017",
        "title": T(
            "Central Asian Regional Workshop on Migrants' Right to Health",
            "Центральноазиатский региональный семинар о праве мигрантов на здоровье",
        ),
        "start": datetime(2017, 6, 15, 0, 0, tzinfo=BISHKEK),
        "end": datetime(2017, 6, 16, 23, 59, tzinfo=BISHKEK),
        "all_day": True,
        "time_zone": "Asia/Bishkek",
        "venue": T("Orion Hotel", "Отель «Орион»"),
        "address": T("Bishkek, Kyrgyzstan", "Бишкек, Кыргызстан"),
        "lead": T(
            "Governments, IOM experts, NGOs and civil society from Kazakhstan, Kyrgyzstan and "
            "Turkmenistan on better and more accessible health services for migrants.",
            "Правительства, эксперты МОМ, НКО и гражданское общество Казахстана, Кыргызстана и "
            "Туркменистана — о более качественной и доступной медицинской помощи мигрантам.",
        ),
        "organisers": [
            T("IOM Kazakhstan", "МОМ в Казахстане"),
            T("IOM Kyrgyzstan", "МОМ в Кыргызстане"),
            T("IOM Turkmenistan", "МОМ в Туркменистане"),
        ],
        "speakers": [],
        "news": "workshop-migrants-right-to-health",
    },
    {
        "key": "terminals-ceremony",
        "slug": "information-terminals-ceremony-2017",
        "title": T(
            "Ceremony opening the information terminals for migrants",
            "Церемония открытия информационных терминалов для мигрантов",
        ),
        # The snapshot gives the day but not the hour.
        "start": datetime(2017, 4, 10, 0, 0, tzinfo=BISHKEK),
        "end": datetime(2017, 4, 10, 23, 59, tzinfo=BISHKEK),
        "all_day": True,
        "time_zone": "Asia/Bishkek",
        "venue": T(
            "Manas International Airport, international departures lounge, second floor",
            "Международный аэропорт «Манас», зал международных вылетов, второй этаж",
        ),
        "address": T(
            "Manas International Airport, Bishkek", "Международный аэропорт «Манас», Бишкек"
        ),
        "latitude": "43.061300",
        "longitude": "74.477600",
        "lead": T(
            "The State Migration Service, IOM and USAID open touch-screen terminals where people "
            "leaving the country can check the rules before they travel.",
            "Государственная миграционная служба, МОМ и USAID открывают сенсорные терминалы, на "
            "которых выезжающие из страны могут проверить правила перед поездкой.",
        ),
        "image": Img("terminal"),
        "organisers": [
            T(
                "State Migration Service under the Government of the Kyrgyz Republic",
                "Государственная миграционная служба при Правительстве Кыргызской Республики",
            ),
            T(
                "International Organization for Migration (IOM)",
                "Международная организация по миграции (МОМ)",
            ),
            T("USAID", "USAID"),
        ],
        "speakers": [
            (
                T("Medetbek Aidaraliev", "Медетбек Айдаралиев"),
                T(
                    "Chair of the State Migration Service",
                    "председатель Государственной миграционной службы",
                ),
                T("", ""),
            ),
            (
                T("Kimberly Rosen", "Кимберли Розен"),
                T(
                    "USAID Country Director in the Kyrgyz Republic",
                    "директор USAID в Кыргызской Республике",
                ),
                T("", ""),
            ),
        ],
        "news": "information-terminals-for-migrants",
    },
    {
        "key": "osh-workshop",
        "slug": "regional-workshop-migration-and-prevention-2017",
        "title": T(
            "Regional Thematic Workshop “Migration and Prevention”",
            "Региональный тематический семинар «Миграция и профилактика»",
        ),
        "start": datetime(2017, 4, 5, 0, 0, tzinfo=BISHKEK),
        "end": datetime(2017, 4, 6, 23, 59, tzinfo=BISHKEK),
        "all_day": True,
        "time_zone": "Asia/Bishkek",
        "venue": T("Shanghai City hotel", "Отель «Шанхай Сити»"),
        "address": T(
            "22 Nurmatov Street, Osh, Kyrgyz Republic",
            "Кыргызская Республика, Ош, ул. Нурматова, 22",
        ),
        "lead": T(
            "Officials and community, religious, civil society and diaspora leaders from Central "
            "Asia on migration, reintegration and the prevention of violent extremism.",
            "Государственные служащие, лидеры общин, религиозные лидеры, гражданское общество и "
            "диаспоры Центральной Азии — о миграции, реинтеграции и профилактике "
            "насильственного экстремизма.",
        ),
        "organisers": [
            IOM_SRO,
            T("IOM Kyrgyzstan", "МОМ в Кыргызстане"),
            T("Search for Common Ground", "Search for Common Ground"),
            T("Osh Mayor's office", "Мэрия города Ош"),
        ],
        "speakers": [],
        "news": "regional-workshop-migration-and-prevention-osh",
    },
]

PHOTO_STORY = {
    "key": "photostory",
    "slug": "migrants-an-invisible-force-in-central-asia",
    "date": date(2017, 9, 26),
    "title": T(
        "Migrants: An Invisible Force in Central Asia",
        "Мигранты: невидимая сила Центральной Азии",
    ),
    "lead": T(
        "The IOM Central Asia PhotoStory Project Award: photographs and texts by Central Asian "
        "artists, photographers and university students on migration and migrants' rights.",
        "Премия проекта PhotoStory МОМ в Центральной Азии: фотографии и тексты художников, "
        "фотографов и студентов из Центральной Азии о миграции и правах мигрантов.",
    ),
    "image": Img("exhibition"),
    "gallery": [
        (
            "photo-1",
            T(
                "Winning series, Artists/Photographers category: Elyor Nematov",
                "Работа победителя в категории «Художники/фотографы»: Элёр Нематов",
            ),
        ),
        (
            "photo-2",
            T(
                "Winning series, Artists/Photographers category: Didor Sadulloev",
                "Работа победителя в категории «Художники/фотографы»: Дидор Садуллоев",
            ),
        ),
        (
            "photo-3",
            T(
                "Winning series, Artists/Photographers category: Diana Mindubayeva",
                "Работа победителя в категории «Художники/фотографы»: Диана Миндубаева",
            ),
        ),
        (
            "photo-4",
            T(
                "Winning work, University Students category: Almazbek Duyishebaev",
                "Работа победителя в категории «Студенты»: Алмазбек Дуйшебаев",
            ),
        ),
        (
            "photo-5",
            T(
                "Winning work, University Students category: Rakhat Sagynbek Kyzy",
                "Работа победителя в категории «Студенты»: Рахат Сагынбек кызы",
            ),
        ),
    ],
    "awards": [
        (
            T("Artists/Photographers", "Художники/фотографы"),
            [
                T("Elyor Nematov", "Элёр Нематов"),
                T("Didor Sadulloev", "Дидор Садуллоев"),
                T("Diana Mindubayeva", "Диана Миндубаева"),
            ],
        ),
        (
            T("University Students", "Студенты"),
            [
                T("Almazbek Duyishebaev", "Алмазбек Дуйшебаев"),
                T("Rakhat Sagynbek Kyzy", "Рахат Сагынбек кызы"),
            ],
        ),
    ],
    "body": [
        ("heading", T("About the project", "О проекте")),
        (
            "paragraph",
            Para(
                T(
                    "The exhibition grew out of an open call to artists, photographers and "
                    "university students from Central Asia, which ran from March to May 2017. In "
                    "mid-June a photo jury of five met at the IOM office in Almaty and chose three "
                    "winners among the artists and photographers and two among the students.",
                    "Выставка выросла из открытого конкурса для художников, фотографов и студентов "
                    "из Центральной Азии, который длился с марта по май 2017 года. В середине "
                    "июня фотожюри из пяти человек собралось в офисе МОМ в Алматы и выбрало трёх "
                    "победителей среди художников и фотографов и двух — среди студентов.",
                ),
                T(
                    "Every participant sent texts that explain or accompany their series. IOM "
                    "Central Asia also invited two Central Asian writers, Dr. Nafisa Abdullaeva "
                    "and Yermek Tursunov, to write their own stories in response to the winning "
                    "photographs of the Artists/Photographers category.",
                    "Каждый участник прислал тексты, поясняющие или сопровождающие его серию. МОМ "
                    "в Центральной Азии также пригласила двух писателей из Центральной Азии — "
                    "д-ра Нафису Абдуллаеву и Ермека Турсунова — написать собственные рассказы по "
                    "мотивам фотографий победителей в категории «Художники/фотографы».",
                ),
                T(
                    "The exhibition shows the photographs and texts of the three winning artists "
                    "and photographers, a slide show of the two winning students, the writers' "
                    "original stories, and a short documentary (10 minutes) directed by Misko "
                    "Necak. Its aim is to raise awareness of migrants' rights and to start a "
                    "conversation about migration.",
                    "На выставке представлены фотографии и тексты трёх победителей-художников и "
                    "фотографов, слайд-шоу двух победителей-студентов, оригинальные рассказы "
                    "писателей и короткий документальный фильм (10 минут) режиссёра Мишко Нечака. "
                    "Её цель — рассказать о правах мигрантов и начать разговор о миграции.",
                ),
            ),
        ),
    ],
}

# --- Vacancies ------------------------------------------------------------------------------------

VACANCIES = [
    {
        "slug": "receptionist-administrative-clerk",
        "title": T(
            "Vacancy announcement: Receptionist / Administrative Clerk",
            "Объявление о вакансии: секретарь-референт / административный ассистент",
        ),
        "position": T(
            "Receptionist / Administrative Clerk", "Секретарь-референт / административный ассистент"
        ),
        "grade": "G3",
        "duty_station": T("Bishkek", "Бишкек"),
        "contract_type": "",
        # The snapshot gives the deadline but no posting date.
        "posting_date": None,
        "deadline": datetime(2019, 7, 5, 18, 0, tzinfo=BISHKEK),
        "terms_of_reference": Doc("tor-receptionist"),
        "apply_email": "hrkg@iom.int",
        "apply_by_hand": T(
            "In a sealed envelope marked «Receptionist / Administrative Clerk».",
            "В запечатанном конверте с пометкой «Receptionist / Administrative Clerk».",
        ),
        "application_documents": T(
            "a CV, a cover letter and references", "резюме, сопроводительное письмо и рекомендации"
        ),
        "lead": T(
            "IOM, the UN Migration Agency, in the Kyrgyz Republic is looking for qualified "
            "candidates for the post of Receptionist / Administrative Clerk in Bishkek.",
            "МОМ, Агентство ООН по миграции, в Кыргызской Республике ищет квалифицированных "
            "кандидатов на должность секретаря-референта / административного ассистента в Бишкеке.",
        ),
        "body": [
            (
                "paragraph",
                Para(
                    T(
                        "The detailed terms of reference are attached below. Only the most "
                        "suitable candidates will be invited to a written test and an interview.",
                        "Подробное техническое задание приложено ниже. На письменный тест и "
                        "собеседование будут приглашены только наиболее подходящие кандидаты.",
                    ),
                ),
            ),
        ],
    },
]

# A sample open vacancy, with its deadline set relative to the day the demo is loaded, so the
# open list, "closes in N days" and the deadline in the reader's time zone can be seen.
SAMPLE_VACANCY = {
    "slug": "sample-information-terminal-assistant",
    "title": T(
        "Vacancy announcement: Information Terminal Assistant (sample)",
        "Объявление о вакансии: ассистент по информационным терминалам (пример)",
    ),
    "position": T(
        "Information Terminal Assistant (sample)", "Ассистент по информационным терминалам (пример)"
    ),
    "grade": "G4",
    "duty_station": T("Osh", "Ош"),
    "contract_type": "fixed_term",
    "apply_email": "hrkg@iom.int",
    "apply_by_hand": T("", ""),
    "application_documents": T(
        "a CV, a cover letter and references", "резюме, сопроводительное письмо и рекомендации"
    ),
    "lead": T(
        "A sample notice in the demo content: it shows how an open vacancy looks. Its deadline is "
        "set three weeks after the demo content was loaded.",
        "Пример объявления в демонстрационных данных: так выглядит открытая вакансия. Срок подачи "
        "— через три недели после загрузки демо-данных.",
    ),
    "terms_of_reference": Doc("tor-terminal-assistant"),
    "body": [],
}

# --- Procurement ----------------------------------------------------------------------------------

RFP_TITLE = T(
    "Technical and financial proposals for quantitative and qualitative research for a study on "
    "internal migration in the Kyrgyz Republic – 2 lots",
    "Технические и финансовые предложения на проведение количественного и качественного "
    "исследования внутренней миграции в Кыргызской Республике – 2 лота",
)

TENDER = {
    "slug": "rfp-internal-migration-study-2018",
    "title": RFP_TITLE,
    # The snapshot leaves the reference number blank ("Ref. No.: ____").
    "reference_number": "",
    "project": DIGNITY_PROJECT,
    "donor": T("USAID", "USAID"),
    "addressed_to": T("Service providers", "Поставщики услуг"),
    "selection_method": "qcbs",
    "announced_on": date(2018, 5, 7),
    "questions_deadline": datetime(2018, 5, 20, 23, 59, tzinfo=BISHKEK),
    "answers_published_at": datetime(2018, 5, 21, 17, 0, tzinfo=BISHKEK),
    "submission_deadline": datetime(2018, 5, 23, 17, 0, tzinfo=BISHKEK),
    "lead": T(
        "IOM, the UN Migration Agency, intends to hire service providers under the USAID "
        "Dignity and Rights Project and invites technical and financial proposals for "
        "quantitative and qualitative research for a study on internal migration in the Kyrgyz "
        "Republic, in two lots.",
        "МОМ, Агентство ООН по миграции, намерена привлечь поставщиков услуг в рамках проекта "
        "USAID «Достоинство и права» и приглашает подать технические и финансовые предложения на "
        "количественное и качественное исследование внутренней миграции в Кыргызской "
        "Республике, в двух лотах.",
    ),
    # The snapshot names two lots without describing them; the title's two kinds of research are
    # the natural split, and the lots say no more than that.
    "lots": [
        ("1", T("Quantitative research", "Количественное исследование")),
        ("2", T("Qualitative research", "Качественное исследование")),
    ],
    "body": [
        (
            "paragraph",
            Para(
                T(
                    "The service provider will be chosen by quality- and cost-based selection, as "
                    "described in this request for proposals (RFP). Answers to questions are "
                    "published on this page.",
                    "Поставщик услуг будет выбран на основе качества и стоимости, как описано в "
                    "настоящем запросе предложений. Ответы на вопросы публикуются на этой "
                    "странице.",
                ),
                T(
                    "IOM reserves the right to accept or reject any proposal, and to annul the "
                    "selection process and reject all proposals at any time before the contract "
                    "is awarded, without any liability to the service providers affected.",
                    "МОМ оставляет за собой право принять или отклонить любое предложение, а также "
                    "аннулировать процесс отбора и отклонить все предложения в любое время до "
                    "заключения контракта, не неся никакой ответственности перед поставщиками "
                    "услуг.",
                ),
                T("IOM Procurement", "Отдел закупок МОМ"),
            ),
        ),
    ],
    "documents": [
        (
            "rfp-1",
            T(
                "Section I. Instructions to service providers / consulting firms",
                "Раздел I. Инструкции для поставщиков услуг / консалтинговых компаний",
            ),
        ),
        (
            "rfp-2",
            T(
                "Section II. Technical proposal – standard forms",
                "Раздел II. Техническое предложение – стандартные формы",
            ),
        ),
        (
            "rfp-3",
            T(
                "Section III. Financial proposal – standard forms",
                "Раздел III. Финансовое предложение – стандартные формы",
            ),
        ),
        ("rfp-4", T("Section IV. Terms of reference", "Раздел IV. Техническое задание")),
        (
            "rfp-5",
            T(
                "Section V. IOM policy on preventing sexual exploitation and abuse",
                "Раздел V. Политика МОМ по предотвращению сексуальной эксплуатации и насилия",
            ),
        ),
        (
            "rfp-6",
            T(
                "Section VI. IOM policy on confidentiality and protection of personal data",
                "Раздел VI. Политика МОМ о конфиденциальности и защите персональных данных",
            ),
        ),
        (
            "rfp-7",
            T(
                "Section VII. Use of the IOM and donor logo in media",
                "Раздел VII. Использование логотипа МОМ и донора в СМИ",
            ),
        ),
        (
            "rfp-8",
            T(
                "Section VIII. Standard form of contract",
                "Раздел VIII. Стандартная форма контракта",
            ),
        ),
    ],
    "submission_instructions": [
        T(
            "Mark the proposal with the subject “Methodology and Budget for Internal Migration "
            "Research”.",
            "Укажите на предложении тему «Methodology and Budget for Internal Migration Research» "
            "(«Методология и бюджет исследования внутренней миграции»).",
        ),
        T(
            "Deliver it by hand to the IOM office, 6 Ryskulov Street (at the corner of Isanov "
            "Street), first floor, Bishkek, on or before 5:00 PM on Wednesday 23 May 2018.",
            "Доставьте его лично в офис МОМ: Бишкек, ул. Рыскулова, 6 (угол ул. Исанова), первый "
            "этаж, не позднее 17:00 в среду, 23 мая 2018 года.",
        ),
        T(
            "Late proposals are not accepted.",
            "Предложения, поданные с опозданием, не принимаются.",
        ),
    ],
    # The snapshot publishes no questions; this one restates what the request itself says.
    "clarifications": [
        (
            date(2018, 5, 21),
            T(
                "May proposals be sent by e-mail?",
                "Можно ли отправить предложение по электронной почте?",
            ),
            T(
                "No. Proposals are delivered by hand to the IOM office at 6 Ryskulov Street, "
                "Bishkek, by 5:00 PM on 23 May 2018; proposals that arrive later are not accepted.",
                "Нет. Предложения доставляются лично в офис МОМ по адресу: Бишкек, ул. Рыскулова, "
                "6, до 17:00 23 мая 2018 года; предложения, поступившие позже, не принимаются.",
            ),
        ),
    ],
}


# A sample request for quotations that is under way on the day the demo is loaded (its dates are
# set relative to that day, in days), so the timeline's "where it stands today", the open list
# and a recent clarification can be seen. Not from the snapshot: it says so in its lead.
SAMPLE_TENDER = {
    "slug": "sample-rfq-information-leaflets",
    "title": T(
        "Request for quotations: printing of information leaflets for migrants (sample)",
        "Запрос котировок: печать информационных листовок для мигрантов (пример)",
    ),
    "reference_number": "RFQ-KG-SAMPLE-01",
    "project": DIGNITY_PROJECT,
    "donor": T("USAID", "USAID"),
    "addressed_to": T("Printing houses", "Типографии"),
    "selection_method": "rfq",
    "days": {"announced": -5, "questions": 3, "answers": 5, "submission": 12},
    "lead": T(
        "A sample notice in the demo content: printing of leaflets on safe migration for the "
        "information terminals. Its dates are set relative to the day the demo was loaded.",
        "Пример объявления в демонстрационных данных: печать листовок о безопасной миграции для "
        "информационных терминалов. Его даты отсчитываются от дня загрузки демо-данных.",
    ),
    "lots": [("1", T("Leaflets, A5, full colour", "Листовки формата A5, полноцветные"))],
    "body": [],
    "documents": [
        ("rfq-leaflets-1", T("Technical specifications", "Технические требования")),
        ("rfq-leaflets-2", T("Price quotation form", "Форма ценового предложения")),
    ],
    "submission_instructions": [
        T(
            "Send the signed quotation form in a sealed envelope marked “Leaflets” to the IOM "
            "office, 6 Ryskulov Street, Bishkek, by the submission deadline.",
            "Направьте подписанную форму ценового предложения в запечатанном конверте с пометкой "
            "«Листовки» в офис МОМ: Бишкек, ул. Рыскулова, 6, до окончания срока подачи.",
        ),
    ],
    "clarifications": [
        (
            -1,
            T("Is a sample leaflet required?", "Нужно ли приложить образец листовки?"),
            T(
                "Yes: one printed sample on the paper you quote for, with the quotation.",
                "Да: один напечатанный образец на бумаге, которую вы предлагаете, вместе с "
                "предложением.",
            ),
        ),
    ],
}

# A sample event coming up (start relative to the day the demo is loaded, in days).
SAMPLE_EVENT = {
    "key": "sample-info-session",
    "slug": "sample-information-session-diaspora-organisations",
    "title": T(
        "Information session for diaspora organisations (sample)",
        "Информационная встреча для организаций диаспоры (пример)",
    ),
    "days_ahead": 10,
    "hours": (15, 17),
    "all_day": False,
    "time_zone": "Asia/Bishkek",
    "venue": T("IOM office, first floor", "Офис МОМ, первый этаж"),
    "address": T(
        "6 Ryskulov Street (corner of Isanov Street), Bishkek",
        "Бишкек, ул. Рыскулова, 6 (угол ул. Исанова)",
    ),
    "lead": T(
        "A sample event in the demo content: how diaspora organisations can post opportunities "
        "and find partners on the platform. Its date is set relative to the day the demo was "
        "loaded.",
        "Пример мероприятия в демонстрационных данных: как организациям диаспоры публиковать "
        "возможности и находить партнёров на платформе. Его дата отсчитывается от дня загрузки "
        "демо-данных.",
    ),
    "organisers": [IOM_SRO],
    "speakers": [],
}
