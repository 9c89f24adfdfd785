"""Demo content for the information service, written for Kopuro (facts from public rules and
the office's website snapshot: twelve terminals, the airport ceremony on 10 April 2017).

Plain language, short sections. English, Russian and Kyrgyz for every guide and topic; Uzbek
and Tajik for the trafficking topic and for every service point. Phone numbers of service
points are made up (the demo says so); emergency numbers are the countries' real ones.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class T(NamedTuple):
    en: str
    ru: str
    ky: str


REVIEWED = date(2026, 11, 20)

INDEX = {
    "title": T("Guides for migrants", "Справочник для мигрантов", "Мигранттар үчүн колдонмо"),
    "intro": T(
        "Rules, rights, risks and whom to call: before you leave, while you are abroad and when you come home.",
        "Правила, права, риски и куда звонить: перед отъездом, за границей и после возвращения домой.",
        "Эрежелер, укуктар, тобокелдиктер жана кайда чалуу керек: жолго чыгаар алдында, чет өлкөдө жана үйгө кайтканда.",
    ),
}

# --- Destination guides: the same eight sections; some lines are about the country ---------------

GENERIC = {
    "before-you-leave": (
        T("Before you leave", "Перед отъездом", "Жолго чыгаар алдында"),
        [
            T(
                "Get a foreign-travel passport that is valid for the whole trip. Make copies of all your documents and leave one set with your family.",
                "Оформите заграничный паспорт, действующий на всё время поездки. Сделайте копии всех документов и оставьте один комплект семье.",
                "Сапардын бүт мөөнөтүнө жарактуу чет өлкөлүк паспорт алыңыз. Бардык документтериңиздин көчүрмөсүн жасап, бир топтомун үй-бүлөңүзгө калтырыңыз.",
            ),
            T(
                "Sign a written contract in a language you understand before you go. It must name the employer, the job, the pay and the working hours.",
                "До отъезда подпишите письменный договор на понятном вам языке. В нём должны быть указаны работодатель, работа, зарплата и рабочее время.",
                "Жолго чыкканга чейин өзүңүз түшүнгөн тилде жазуу жүзүндөгү келишимге кол коюңуз. Анда иш берүүчү, жумуш, эмгек акы жана иш убактысы көрсөтүлүшү керек.",
            ),
            T(
                "Use only licensed recruitment agencies. A legal agency never keeps your passport and does not ask you for large fees.",
                "Обращайтесь только в лицензированные агентства по трудоустройству. Законное агентство никогда не забирает паспорт и не требует больших денег.",
                "Лицензиясы бар жумушка орноштуруу агенттиктерине гана кайрылыңыз. Мыйзамдуу агенттик паспортуңузду эч качан алып калбайт жана чоң акча талап кылбайт.",
            ),
        ],
    ),
    "entry-and-registration": (
        T("Entry and registration", "Въезд и регистрация", "Кирүү жана каттоо"),
        [
            T(
                "Keep your migration card and registration papers with you. Show your documents only to officials, and never give your passport to anyone to keep.",
                "Храните миграционную карту и документы о регистрации при себе. Показывайте документы только должностным лицам и никому не отдавайте паспорт на хранение.",
                "Миграциялык картаңызды жана каттоо документтериңизди өзүңүз менен алып жүрүңүз. Документтериңизди кызматтык адамдарга гана көрсөтүңүз, паспортуңузду эч кимге сактоого бербеңиз.",
            ),
        ],
    ),
    "work-permits": (
        T("Work permits", "Разрешение на работу", "Иштөөгө уруксат"),
        [
            T(
                "Keep a copy of your contract and your pay slips: they prove your work if there is a dispute.",
                "Храните копию договора и расчётные листки: они подтверждают вашу работу, если возникнет спор.",
                "Келишимдин көчүрмөсүн жана эмгек акы барактарын сактаңыз: талаш чыкса, алар сиздин ишиңизди тастыктайт.",
            ),
        ],
    ),
    "work-and-rest": (
        T("Work and rest rights", "Право на труд и отдых", "Эмгек жана эс алуу укуктары"),
        [
            T(
                "Overtime must be paid extra. Your employer may not keep your passport or hold back your wages.",
                "Сверхурочная работа оплачивается дополнительно. Работодатель не вправе забирать ваш паспорт или задерживать зарплату.",
                "Ашыкча иштеген убакыт кошумча төлөнөт. Иш берүүчү паспортуңузду алып калууга же эмгек акыңызды кармап калууга укугу жок.",
            ),
        ],
    ),
    "health": (
        T("Health", "Здоровье", "Ден соолук"),
        [
            T(
                "Buy health insurance before you travel, and take your medicines with their prescriptions.",
                "Купите медицинскую страховку до поездки и возьмите с собой лекарства вместе с рецептами.",
                "Сапарга чейин медициналык камсыздандыруу сатып алыңыз, дары-дармектериңизди рецепттери менен кошо алыңыз.",
            ),
            T(
                "In an emergency call the emergency number: urgent care is given to everyone.",
                "В экстренном случае звоните по номеру экстренной помощи: неотложную помощь оказывают всем.",
                "Шашылыш учурда тез жардам номерине чалыңыз: шашылыш жардам бардыгына көрсөтүлөт.",
            ),
        ],
    ),
    "money": (
        T("Money and remittances", "Деньги и переводы", "Акча жана которуулар"),
        [
            T(
                "Send money home through banks and licensed transfer services, never through strangers.",
                "Отправляйте деньги домой через банки и лицензированные системы переводов, никогда через незнакомых людей.",
                "Үйгө акчаны банктар жана лицензиясы бар которуу системалары аркылуу жөнөтүңүз, бейтааныш адамдар аркылуу эч качан жөнөтпөңүз.",
            ),
            T(
                "Keep your savings on your own card or account, and never tell anyone your PIN.",
                "Храните сбережения на своей карте или счёте и никому не сообщайте ПИН-код.",
                "Топтогон акчаңызды өз картаңызда же эсебиңизде сактаңыз, ПИН-кодуңузду эч кимге айтпаңыз.",
            ),
        ],
    ),
    "emergencies": (
        T("Emergencies", "Экстренные случаи", "Өзгөчө кырдаалдар"),
        [
            T(
                "If you lose your passport, are arrested or are in danger, contact the embassy or consulate of Kyrgyzstan: find them under Hotlines and service points.",
                "Если вы потеряли паспорт, задержаны или в опасности, обратитесь в посольство или консульство Кыргызстана: их контакты в разделе «Горячие линии и пункты помощи».",
                "Паспортуңузду жоготсоңуз, кармалсаңыз же коркунучта болсоңуз, Кыргызстандын элчилигине же консулдугуна кайрылыңыз: байланыштары «Ишеним телефондору жана жардам пункттары» бөлүмүндө.",
            ),
        ],
    ),
    "coming-home": (
        T("Coming home", "Возвращение домой", "Үйгө кайтуу"),
        [
            T(
                "Before you leave, collect your last pay and a written record of your work.",
                "Перед отъездом получите последнюю зарплату и письменное подтверждение вашего стажа.",
                "Кетээр алдында акыркы эмгек акыңызды жана иштегениңизди тастыктаган жазуу жүзүндөгү документти алыңыз.",
            ),
            T(
                "At home, migration service centres help returning migrants find work and training.",
                "Дома центры миграционных услуг помогают вернувшимся мигрантам найти работу и обучение.",
                "Мекенде миграциялык кызмат көрсөтүү борборлору кайтып келген мигранттарга жумуш жана окуу табууга жардам берет.",
            ),
        ],
    ),
}

IOM = ("IOM: safe migration", "https://www.iom.int/")

GUIDES = [
    {
        "key": "russia",
        "country": "RU",
        "title": T("Russia", "Россия", "Россия"),
        "summary": T(
            "Work and live in Russia legally: registration, contracts, rest and help.",
            "Как законно работать и жить в России: регистрация, договор, отдых и помощь.",
            "Россияда мыйзамдуу иштөө жана жашоо: каттоо, келишим, эс алуу жана жардам.",
        ),
        "source": (
            "Ministry of Internal Affairs of Russia: migration",
            "https://xn--b1aew.xn--p1ai/",
        ),
        "lines": {
            "entry-and-registration": T(
                "Citizens of Kyrgyzstan enter Russia with a foreign-travel passport. Register at your address within 30 days of arrival: your landlord or employer files the notification.",
                "Граждане Кыргызстана въезжают в Россию по заграничному паспорту. Встаньте на миграционный учёт по месту пребывания в течение 30 дней: уведомление подаёт принимающая сторона.",
                "Кыргызстандын жарандары Россияга чет өлкөлүк паспорт менен кирет. Келгенден кийин 30 күндүн ичинде жашаган дарегиңиз боюнча каттоодон өтүңүз: кабарламаны кабыл алуучу тарап берет.",
            ),
            "work-permits": T(
                "Kyrgyzstan is a member of the Eurasian Economic Union: you need no work patent, but you need a written employment contract. Your employer must inform the migration authorities within 3 working days.",
                "Кыргызстан входит в Евразийский экономический союз: патент не нужен, но нужен письменный трудовой договор. Работодатель обязан уведомить органы миграции в течение 3 рабочих дней.",
                "Кыргызстан Евразиялык экономикалык биримдиктин мүчөсү: патенттин кереги жок, бирок жазуу жүзүндөгү эмгек келишими керек. Иш берүүчү 3 жумуш күнүнүн ичинде миграция органдарына кабарлоого милдеттүү.",
            ),
            "work-and-rest": T(
                "The standard working week is 40 hours. You have the right to at least 42 hours of uninterrupted rest each week and 28 calendar days of paid leave a year.",
                "Нормальная рабочая неделя — 40 часов. Еженедельный непрерывный отдых — не менее 42 часов, оплачиваемый отпуск — 28 календарных дней в году.",
                "Кадимки иш жумасы — 40 саат. Жума сайын кеминде 42 саат үзгүлтүксүз эс алууга жана жылына 28 календардык күн акы төлөнүүчү өргүүгө укугуңуз бар.",
            ),
            "emergencies": T(
                "Emergency number in Russia: 112, free from any phone.",
                "Единый номер экстренных служб в России: 112, бесплатно с любого телефона.",
                "Россиядагы бирдиктүү шашылыш кызмат номери: 112, каалаган телефондон акысыз.",
            ),
        },
    },
    {
        "key": "kazakhstan",
        "country": "KZ",
        "title": T("Kazakhstan", "Казахстан", "Казакстан"),
        "summary": T(
            "Work in Kazakhstan: registration, your contract, rest days and where to get help.",
            "Работа в Казахстане: регистрация, договор, дни отдыха и где получить помощь.",
            "Казакстанда иштөө: каттоо, келишим, эс алуу күндөрү жана жардамды кайдан алуу.",
        ),
        "source": (
            "Ministry of Labour and Social Protection of Kazakhstan",
            "https://www.gov.kz/memleket/entities/enbek",
        ),
        "lines": {
            "entry-and-registration": T(
                "Citizens of Kyrgyzstan enter Kazakhstan with a passport. If you stay longer than 30 days, register at your address.",
                "Граждане Кыргызстана въезжают в Казахстан по паспорту. Если вы остаётесь дольше 30 дней, зарегистрируйтесь по месту пребывания.",
                "Кыргызстандын жарандары Казакстанга паспорт менен кирет. 30 күндөн ашык калсаңыз, жашаган дарегиңиз боюнча катталыңыз.",
            ),
            "work-permits": T(
                "As a citizen of a Eurasian Economic Union country you need no work permit: a written employment contract is enough, and you may stay for its whole term.",
                "Как гражданину страны Евразийского экономического союза вам не нужно разрешение на работу: достаточно письменного трудового договора, и вы можете оставаться на весь его срок.",
                "Евразиялык экономикалык биримдиктин өлкөсүнүн жараны катары сизге иштөөгө уруксаттын кереги жок: жазуу жүзүндөгү эмгек келишими жетиштүү, анын бүт мөөнөтүнө кала аласыз.",
            ),
            "work-and-rest": T(
                "The standard working week is 40 hours, with at least 24 hours of rest each week and at least 24 calendar days of paid leave a year.",
                "Нормальная рабочая неделя — 40 часов, еженедельный отдых — не менее 24 часов, оплачиваемый отпуск — не менее 24 календарных дней в году.",
                "Кадимки иш жумасы — 40 саат, жума сайын кеминде 24 саат эс алуу жана жылына кеминде 24 календардык күн акы төлөнүүчү өргүү.",
            ),
            "emergencies": T(
                "Emergency number in Kazakhstan: 112.",
                "Номер экстренных служб в Казахстане: 112.",
                "Казакстандагы шашылыш кызмат номери: 112.",
            ),
        },
    },
    {
        "key": "turkey",
        "country": "TR",
        "title": T("Turkey", "Турция", "Түркия"),
        "summary": T(
            "A visit is not a job: what you need to work in Turkey legally.",
            "Поездка — ещё не работа: что нужно, чтобы законно работать в Турции.",
            "Сапар — бул жумуш эмес: Түркияда мыйзамдуу иштөө үчүн эмне керек.",
        ),
        "source": ("Ministry of Labour and Social Security of Turkey", "https://www.csgb.gov.tr/"),
        "lines": {
            "entry-and-registration": T(
                "Citizens of Kyrgyzstan may visit Turkey without a visa for a limited time, but a visit does not allow you to work.",
                "Граждане Кыргызстана могут посещать Турцию без визы на ограниченный срок, но такой визит не даёт права работать.",
                "Кыргызстандын жарандары Түркияга чектелген мөөнөткө визасыз бара алат, бирок мындай сапар иштөөгө укук бербейт.",
            ),
            "work-permits": T(
                "To work legally you need a work permit, which your employer applies for. Working without one leaves you without protection.",
                "Чтобы работать законно, нужно разрешение на работу, которое оформляет работодатель. Работа без него оставляет вас без защиты.",
                "Мыйзамдуу иштөө үчүн иш берүүчү тарабынан таризделген иштөөгө уруксат керек. Уруксатсыз иштөө сизди коргоосуз калтырат.",
            ),
            "work-and-rest": T(
                "The working week is at most 45 hours, with at least 24 hours of rest each week and at least 14 days of paid leave after a year of work.",
                "Рабочая неделя — не более 45 часов, еженедельный отдых — не менее 24 часов, после года работы — не менее 14 дней оплачиваемого отпуска.",
                "Иш жумасы — 45 сааттан ашпайт, жума сайын кеминде 24 саат эс алуу жана бир жыл иштегенден кийин кеминде 14 күн акы төлөнүүчү өргүү.",
            ),
            "emergencies": T(
                "Emergency number in Turkey: 112.",
                "Номер экстренных служб в Турции: 112.",
                "Түркиядагы шашылыш кызмат номери: 112.",
            ),
        },
    },
    {
        "key": "south-korea",
        "country": "KR",
        "title": T("South Korea", "Южная Корея", "Түштүк Корея"),
        "summary": T(
            "Going to Korea through the Employment Permit System, and your rights there.",
            "Работа в Корее по Системе разрешений на работу и ваши права там.",
            "Кореяга Иштөөгө уруксат берүү системасы аркылуу баруу жана ал жактагы укуктарыңыз.",
        ),
        "source": ("Employment Permit System (EPS)", "https://www.eps.go.kr/"),
        "lines": {
            "entry-and-registration": T(
                "Workers go to Korea with an E-9 visa under the Employment Permit System. Apply for your residence card within 90 days of arrival.",
                "Работники едут в Корею с визой E-9 по Системе разрешений на работу. Оформите карту резидента в течение 90 дней после въезда.",
                "Жумушчулар Кореяга Иштөөгө уруксат берүү системасы боюнча E-9 визасы менен барышат. Келгенден кийин 90 күндүн ичинде резидент картасын алыңыз.",
            ),
            "work-permits": T(
                "Recruitment goes only through the state programme: the Korean language test and the state agency at home. Nobody can sell you a place in it.",
                "Набор идёт только через государственную программу: экзамен по корейскому языку и государственное агентство дома. Никто не может продать вам место в ней.",
                "Жумушка алуу мамлекеттик программа аркылуу гана жүрөт: корей тили боюнча сынак жана мекендеги мамлекеттик агенттик. Андагы орунду сизге эч ким сата албайт.",
            ),
            "work-and-rest": T(
                "The standard working week is 40 hours, and no more than 52 with overtime. You have a paid day off each week and 15 days of paid leave after a year.",
                "Нормальная рабочая неделя — 40 часов, со сверхурочными — не более 52. Вам положен оплачиваемый выходной каждую неделю и 15 дней отпуска после года работы.",
                "Кадимки иш жумасы — 40 саат, ашыкча иш менен 52 сааттан ашпайт. Жума сайын акы төлөнүүчү дем алыш жана бир жылдан кийин 15 күн өргүү берилет.",
            ),
            "emergencies": T(
                "In Korea call 112 for the police and 119 for fire and ambulance. The immigration contact centre 1345 answers in many languages.",
                "В Корее звоните 112 в полицию и 119 в пожарную службу и скорую помощь. Иммиграционный контакт-центр 1345 отвечает на многих языках.",
                "Кореяда полицияга 112ге, өрт жана тез жардам кызматына 119га чалыңыз. 1345 иммиграциялык байланыш борбору көп тилде жооп берет.",
            ),
        },
    },
    {
        "key": "uae",
        "country": "AE",
        "title": T(
            "United Arab Emirates", "Объединённые Арабские Эмираты", "Бириккен Араб Эмираттары"
        ),
        "summary": T(
            "A work visa before you fly, your passport in your own hands, and whom to call.",
            "Рабочая виза до вылета, паспорт — только у вас, и куда звонить.",
            "Учууга чейин жумуш визасы, паспорт — өз колуңузда, жана кайда чалуу керек.",
        ),
        "source": ("Ministry of Human Resources and Emiratisation", "https://www.mohre.gov.ae/"),
        "lines": {
            "entry-and-registration": T(
                "You need a work visa sponsored by your employer before you travel. In the country you receive an Emirates ID and a residence visa.",
                "До поездки нужна рабочая виза, оформленная работодателем. В стране вы получаете удостоверение Emirates ID и вид на жительство.",
                "Сапарга чейин иш берүүчү тарабынан таризделген жумуш визасы керек. Өлкөдө Emirates ID күбөлүгүн жана жашоого уруксат аласыз.",
            ),
            "work-permits": T(
                "Your employer applies and pays for the work permit. Charging workers recruitment fees is forbidden, and so is keeping a worker's passport.",
                "Разрешение на работу оформляет и оплачивает работодатель. Брать с работников плату за трудоустройство запрещено, как и забирать их паспорта.",
                "Иштөөгө уруксатты иш берүүчү тариздейт жана төлөйт. Жумушчулардан жумушка орноштуруу үчүн акы алууга, ошондой эле паспортун алып калууга тыюу салынат.",
            ),
            "work-and-rest": T(
                "A working day is normally 8 hours and 48 hours a week, with at least one rest day a week and 30 days of paid leave a year.",
                "Рабочий день обычно 8 часов, 48 часов в неделю, не менее одного выходного в неделю и 30 дней оплачиваемого отпуска в году.",
                "Иш күнү адатта 8 саат, жумасына 48 саат, жумасына кеминде бир дем алыш күн жана жылына 30 күн акы төлөнүүчү өргүү.",
            ),
            "emergencies": T(
                "In the Emirates call 999 for the police and 998 for an ambulance.",
                "В Эмиратах звоните 999 в полицию и 998 в скорую помощь.",
                "Эмираттарда полицияга 999га, тез жардамга 998ге чалыңыз.",
            ),
        },
    },
]

HOME_GUIDE = {
    "key": "kyrgyzstan",
    "country": "KG",
    "audience": "returning",
    "title": T("Coming home to Kyrgyzstan", "Возвращение в Кыргызстан", "Кыргызстанга кайтуу"),
    "summary": T(
        "For returning migrants: documents, work, health, savings and support at home.",
        "Для вернувшихся мигрантов: документы, работа, здоровье, сбережения и поддержка дома.",
        "Кайтып келген мигранттар үчүн: документтер, жумуш, ден соолук, топтолгон акча жана мекендеги колдоо.",
    ),
    "source": (
        "Ministry of Labour, Social Security and Migration of the Kyrgyz Republic",
        "https://mlsp.gov.kg/",
    ),
    "sections": {
        "before-you-leave": (
            T("Before you travel back", "Перед возвращением", "Кайтаар алдында"),
            [
                T(
                    "Collect your last pay, your contract and any certificate of your work.",
                    "Получите последнюю зарплату, договор и справку о работе.",
                    "Акыркы эмгек акыңызды, келишимиңизди жана иштегениңиз тууралуу маалымкатты алыңыз.",
                ),
                T(
                    "Check that no fine or entry ban is recorded against you before you leave.",
                    "Перед отъездом проверьте, нет ли у вас штрафов или запрета на въезд.",
                    "Кетээр алдында айып пулуңуз же кирүүгө тыюу жок экенин текшериңиз.",
                ),
            ],
        ),
        "entry-and-registration": (
            T("Documents at home", "Документы дома", "Мекендеги документтер"),
            [
                T(
                    "If your passport was lost or taken abroad, the consulate issues a certificate for your return.",
                    "Если паспорт утерян или отобран за границей, консульство выдаст свидетельство на возвращение.",
                    "Паспортуңуз чет өлкөдө жоголсо же алынып калса, консулдук кайтуу үчүн күбөлүк берет.",
                )
            ],
        ),
        "work-permits": (
            T("Finding work at home", "Работа дома", "Мекенде жумуш табуу"),
            [
                T(
                    "Register at the local employment centre: it offers vacancies, training and help to start a small business.",
                    "Встаньте на учёт в местном центре занятости: там предлагают вакансии, обучение и помощь в открытии своего дела.",
                    "Жергиликтүү иш менен камсыз кылуу борборуна катталыңыз: ал жакта бош орундар, окуу жана чакан бизнес ачууга жардам сунушталат.",
                )
            ],
        ),
        "work-and-rest": (
            T("Your rights at home", "Ваши права дома", "Мекендеги укуктарыңыз"),
            [
                T(
                    "Years you worked abroad with a contract can count towards your pension: keep your papers.",
                    "Годы работы за границей по договору могут засчитываться в пенсионный стаж: сохраняйте документы.",
                    "Чет өлкөдө келишим менен иштеген жылдарыңыз пенсиялык стажга эсептелиши мүмкүн: документтериңизди сактаңыз.",
                )
            ],
        ),
        "health": (
            T("Health", "Здоровье", "Ден соолук"),
            [
                T(
                    "See a doctor after you return, especially if you were ill or injured abroad. Primary care at the family medicine centre is free.",
                    "После возвращения сходите к врачу, особенно если вы болели или были травмированы за границей. Первичная помощь в центре семейной медицины бесплатна.",
                    "Кайтып келгенден кийин дарыгерге көрүнүңүз, өзгөчө чет өлкөдө ооруп же жаракат алсаңыз. Үй-бүлөлүк медицина борборундагы алгачкы жардам акысыз.",
                )
            ],
        ),
        "money": (
            T("Your savings", "Ваши сбережения", "Топтогон акчаңыз"),
            [
                T(
                    "Keep savings in a bank, and be careful with offers that promise quick profit.",
                    "Храните сбережения в банке и остерегайтесь предложений быстрой прибыли.",
                    "Топтогон акчаңызды банкта сактаңыз жана тез пайда убада кылган сунуштардан сак болуңуз.",
                )
            ],
        ),
        "emergencies": (
            T("Emergencies", "Экстренные случаи", "Өзгөчө кырдаалдар"),
            [
                T(
                    "In Kyrgyzstan call 112 in an emergency, 102 for the police and 103 for an ambulance.",
                    "В Кыргызстане в экстренном случае звоните 112, в милицию — 102, в скорую помощь — 103.",
                    "Кыргызстанда шашылыш учурда 112ге, милицияга 102ге, тез жардамга 103кө чалыңыз.",
                )
            ],
        ),
        "coming-home": (
            T(
                "Support after return",
                "Поддержка после возвращения",
                "Кайтып келгенден кийинки колдоо",
            ),
            [
                T(
                    "Information and consultation centres of the migration service help returnees with documents, work and, after trafficking, with shelter and care.",
                    "Информационно-консультационные центры миграционной службы помогают вернувшимся с документами, работой, а пострадавшим от торговли людьми — с приютом и помощью.",
                    "Миграциялык кызматтын маалымат-консультациялык борборлору кайтып келгендерге документтер, жумуш, ал эми адам сатуудан жабыр тарткандарга баш калкалоочу жай жана жардам менен көмөктөшөт.",
                )
            ],
        ),
    },
}

# --- Topics ----------------------------------------------------------------------------------------

TOPICS = [
    {
        "key": "trafficking",
        "icon": "warning",
        "title": T(
            "Human trafficking: signs, risks and protection",
            "Торговля людьми: признаки, риски и защита",
            "Адам сатуу: белгилери, тобокелдиктери жана коргонуу",
        ),
        "summary": T(
            "How traffickers deceive people, how to recognise it and where to get help.",
            "Как торговцы людьми обманывают, как это распознать и где получить помощь.",
            "Адам сатуучулар кантип алдайт, аны кантип таануу жана жардамды кайдан алуу.",
        ),
        "source": ("IOM: counter-trafficking", "https://www.iom.int/counter-trafficking"),
        "sections": {
            "signs": (
                T("Warning signs", "Тревожные признаки", "Коркунучтуу белгилер"),
                [
                    T(
                        "A job abroad with very high pay and no skills needed.",
                        "Работа за границей с очень высокой зарплатой и без требований к навыкам.",
                        "Эч кандай көндүм талап кылынбаган, өтө жогору айлыктуу чет өлкөдөгү жумуш.",
                    ),
                    T(
                        "Someone pays for your ticket and says you will pay it back from your wages.",
                        "Кто-то оплачивает вам билет и говорит, что вы вернёте деньги из зарплаты.",
                        "Кимдир бирөө билетиңизге төлөп, акчаны айлыктан кайтарасыз дейт.",
                    ),
                    T(
                        "Your passport is taken, you cannot leave your workplace or contact your family.",
                        "У вас забирают паспорт, вы не можете уйти с работы или связаться с семьёй.",
                        "Паспортуңузду алып коюшат, жумуштан кете албайсыз же үй-бүлөңүз менен байланыша албайсыз.",
                    ),
                ],
            ),
            "risks": (
                T("Risks", "Риски", "Тобокелдиктер"),
                [
                    T(
                        "Forced labour without pay, debts that never end, sexual exploitation.",
                        "Принудительный труд без оплаты, бесконечные долги, сексуальная эксплуатация.",
                        "Акысыз мажбурлап иштетүү, бүтпөгөн карыздар, сексуалдык эксплуатация.",
                    ),
                    T(
                        "Anyone can be deceived: men and women, young and old, with or without education.",
                        "Обмануть могут любого: мужчин и женщин, молодых и пожилых, с образованием и без.",
                        "Ар бир адамды алдашы мүмкүн: эркектерди жана аялдарды, жаштарды жана улгайгандарды, билимдүүлөрдү жана билими жоктарды.",
                    ),
                ],
            ),
            "protect-yourself": (
                T("How to protect yourself", "Как защитить себя", "Өзүңүздү кантип коргойсуз"),
                [
                    T(
                        "Check the agency and the employer before you agree; ask for a written contract.",
                        "Проверьте агентство и работодателя до согласия; требуйте письменный договор.",
                        "Макул болгонго чейин агенттикти жана иш берүүчүнү текшериңиз; жазуу жүзүндөгү келишим талап кылыңыз.",
                    ),
                    T(
                        "Keep your passport yourself and leave copies and your address abroad with your family.",
                        "Держите паспорт при себе, а копии документов и адрес за границей оставьте семье.",
                        "Паспортуңузду өзүңүздө кармаңыз, документтердин көчүрмөлөрүн жана чет өлкөдөгү дарегиңизди үй-бүлөңүзгө калтырыңыз.",
                    ),
                    T(
                        "Agree on a code word with your family that means you need help.",
                        "Договоритесь с семьёй о кодовом слове, которое означает, что вам нужна помощь.",
                        "Үй-бүлөңүз менен жардам керек экенин билдирген шарттуу сөз жөнүндө макулдашыңыз.",
                    ),
                ],
            ),
            "get-help": (
                T("Where to get help", "Куда обратиться за помощью", "Жардамды кайдан алса болот"),
                [
                    T(
                        "Call the free hotline for migrants or the nearest consulate of Kyrgyzstan: see Hotlines and service points.",
                        "Позвоните на бесплатную горячую линию для мигрантов или в ближайшее консульство Кыргызстана: см. раздел «Горячие линии и пункты помощи».",
                        "Мигранттар үчүн акысыз ишеним телефонуна же Кыргызстандын жакынкы консулдугуна чалыңыз: «Ишеним телефондору жана жардам пункттары» бөлүмүн караңыз.",
                    ),
                    T(
                        "Help for victims of trafficking is free and confidential, whatever your documents.",
                        "Помощь пострадавшим от торговли людьми бесплатна и конфиденциальна, независимо от ваших документов.",
                        "Адам сатуудан жабыр тарткандарга жардам документтериңизге карабастан акысыз жана купуя.",
                    ),
                ],
            ),
        },
        "extra": {
            "uz": {
                "title": "Odam savdosi: belgilar, xavflar va himoya",
                "summary": "Odam savdogarlari qanday aldaydi, buni qanday bilish mumkin va yordamni qayerdan olish kerak.",
                "sections": {
                    "signs": (
                        "Xavfli belgilar",
                        [
                            "Hech qanday malaka talab qilmaydigan, juda yuqori maoshli chet eldagi ish.",
                            "Kimdir chiptangizni toʻlaydi va pulni maoshingizdan qaytarasiz deydi.",
                            "Pasportingizni olib qoʻyishadi, ishdan keta olmaysiz yoki oilangiz bilan bogʻlana olmaysiz.",
                        ],
                    ),
                    "risks": (
                        "Xavflar",
                        [
                            "Haqsiz majburiy mehnat, tugamaydigan qarzlar, jinsiy ekspluatatsiya.",
                            "Har kimni aldashlari mumkin: erkaklar va ayollarni, yoshlar va keksalarni.",
                        ],
                    ),
                    "protect-yourself": (
                        "Oʻzingizni qanday himoya qilasiz",
                        [
                            "Rozi boʻlishdan oldin agentlik va ish beruvchini tekshiring; yozma shartnoma talab qiling.",
                            "Pasportingizni oʻzingizda saqlang, hujjatlar nusxasini va chet eldagi manzilingizni oilangizga qoldiring.",
                            "Oilangiz bilan yordam kerakligini bildiruvchi shartli soʻz kelishib oling.",
                        ],
                    ),
                    "get-help": (
                        "Yordamni qayerdan olish mumkin",
                        [
                            "Migrantlar uchun bepul ishonch telefoniga yoki eng yaqin konsullikka qoʻngʻiroq qiling: «Ishonch telefonlari va yordam» boʻlimiga qarang.",
                            "Odam savdosi qurbonlariga yordam bepul va maxfiy, hujjatlaringizdan qatʼi nazar.",
                        ],
                    ),
                },
            },
            "tg": {
                "title": "Савдои одамон: аломатҳо, хатарҳо ва ҳифз",
                "summary": "Савдогарони одамон чӣ тавр фиреб медиҳанд, инро чӣ тавр шинохтан мумкин ва аз куҷо кӯмак гирифтан мумкин.",
                "sections": {
                    "signs": (
                        "Аломатҳои хатарнок",
                        [
                            "Кор дар хориҷа бо маоши хеле баланд, ки ҳеҷ маҳорат талаб намекунад.",
                            "Касе чиптаи шуморо пардохт мекунад ва мегӯяд, ки пулро аз маош бармегардонед.",
                            "Шиносномаи шуморо мегиранд, шумо наметавонед аз кор равед ё бо оилаатон тамос гиред.",
                        ],
                    ),
                    "risks": (
                        "Хатарҳо",
                        [
                            "Меҳнати маҷбурӣ бе музд, қарзҳои бепоён, истисмори ҷинсӣ.",
                            "Ҳар касро фиреб додан мумкин: мардон ва занон, ҷавонон ва пиронсолонро.",
                        ],
                    ),
                    "protect-yourself": (
                        "Чӣ тавр худро ҳифз кунед",
                        [
                            "Пеш аз розӣ шудан агентӣ ва корфарморо санҷед; шартномаи хаттӣ талаб кунед.",
                            "Шиносномаатонро худатон нигоҳ доред, нусхаи ҳуҷҷатҳо ва суроғаи худро дар хориҷа ба оила гузоред.",
                            "Бо оилаатон калимаи шартӣ муқаррар кунед, ки маънояш «ба ман кӯмак лозим аст» бошад.",
                        ],
                    ),
                    "get-help": (
                        "Аз куҷо кӯмак гирифтан мумкин",
                        [
                            "Ба хати ройгони боварӣ барои муҳоҷирон ё ба консулгарии наздиктарин занг занед: бахши «Хатҳои боварӣ ва кӯмак»-ро бинед.",
                            "Кӯмак ба қурбониёни савдои одамон ройгон ва махфӣ аст, новобаста аз ҳуҷҷатҳои шумо.",
                        ],
                    ),
                },
            },
        },
    },
    {
        "key": "safe-migration",
        "icon": "check",
        "title": T(
            "Safe migration checklist",
            "Памятка безопасной миграции",
            "Коопсуз миграция боюнча эскертме",
        ),
        "summary": T(
            "Ten minutes before you go can save months of trouble.",
            "Десять минут перед отъездом могут избавить от месяцев проблем.",
            "Жолго чыгаар алдындагы он мүнөт айлар бою кыйынчылыктан сактап калышы мүмкүн.",
        ),
        "source": IOM,
        "sections": {
            "checklist": (
                T("Checklist", "Памятка", "Эскертме"),
                [
                    T(
                        "A valid passport, with copies at home and on your phone.",
                        "Действующий паспорт, копии — дома и в телефоне.",
                        "Жарактуу паспорт, көчүрмөлөрү — үйдө жана телефонуңузда.",
                    ),
                    T(
                        "A written contract you have read and understood.",
                        "Письменный договор, который вы прочитали и поняли.",
                        "Окуп, түшүнгөн жазуу жүзүндөгү келишим.",
                    ),
                    T(
                        "The address and phone of your employer and of the consulate.",
                        "Адрес и телефон работодателя и консульства.",
                        "Иш берүүчүнүн жана консулдуктун дареги жана телефону.",
                    ),
                    T(
                        "Health insurance and money for the first weeks.",
                        "Медицинская страховка и деньги на первые недели.",
                        "Медициналык камсыздандыруу жана алгачкы жумалар үчүн акча.",
                    ),
                    T(
                        "Your family knows where you go and how to reach you.",
                        "Семья знает, куда вы едете и как с вами связаться.",
                        "Үй-бүлөңүз кайда бара жатканыңызды жана сиз менен кантип байланышууну билет.",
                    ),
                ],
            ),
            "get-help": (
                T("Where to get help", "Куда обратиться за помощью", "Жардамды кайдан алса болот"),
                [
                    T(
                        "Free advice before you go: the migration service centres and the hotline for migrants.",
                        "Бесплатная консультация перед отъездом: центры миграционных услуг и горячая линия для мигрантов.",
                        "Жолго чыгаар алдында акысыз кеңеш: миграциялык кызмат көрсөтүү борборлору жана мигранттар үчүн ишеним телефону.",
                    )
                ],
            ),
        },
    },
    {
        "key": "labour-rights",
        "icon": "scales",
        "title": T("Your rights at work", "Ваши трудовые права", "Эмгек укуктарыңыз"),
        "summary": T(
            "Rights that apply to every worker, wherever you work.",
            "Права, которые есть у каждого работника, где бы вы ни работали.",
            "Кайда иштебеңиз, ар бир жумушчуга таандык укуктар.",
        ),
        "source": ("International Labour Organization", "https://www.ilo.org/"),
        "sections": {
            "rights": (
                T("Your rights", "Ваши права", "Укуктарыңыз"),
                [
                    T(
                        "To be paid in full and on time, as your contract says.",
                        "Получать зарплату полностью и вовремя, как сказано в договоре.",
                        "Келишимде жазылгандай эмгек акыны толук жана өз убагында алуу.",
                    ),
                    T(
                        "To keep your own passport and documents.",
                        "Хранить свой паспорт и документы у себя.",
                        "Өз паспортуңузду жана документтериңизди өзүңүздө сактоо.",
                    ),
                    T(
                        "To safe working conditions and medical help after an accident at work.",
                        "На безопасные условия труда и медицинскую помощь после несчастного случая на работе.",
                        "Коопсуз эмгек шарттарына жана жумуштагы кырсыктан кийин медициналык жардамга.",
                    ),
                ],
            ),
            "work-and-rest": (
                T("Working time and rest", "Рабочее время и отдых", "Иш убактысы жана эс алуу"),
                [
                    T(
                        "Limited working hours, a break every day and at least one day off each week.",
                        "Ограниченное рабочее время, перерыв каждый день и не менее одного выходного в неделю.",
                        "Чектелген иш убактысы, күн сайын тыныгуу жана жумасына кеминде бир дем алыш күн.",
                    ),
                    T(
                        "Paid annual leave: how many days depends on the country.",
                        "Оплачиваемый ежегодный отпуск: число дней зависит от страны.",
                        "Акы төлөнүүчү жыл сайын берилүүчү өргүү: күндөрдүн саны өлкөгө жараша болот.",
                    ),
                ],
            ),
            "get-help": (
                T("Where to get help", "Куда обратиться за помощью", "Жардамды кайдан алса болот"),
                [
                    T(
                        "Legal aid centres and the consulate help with unpaid wages and disputes, free of charge.",
                        "Центры юридической помощи и консульство бесплатно помогают при невыплате зарплаты и спорах.",
                        "Юридикалык жардам борборлору жана консулдук эмгек акы төлөнбөгөндө жана талаштарда акысыз жардам беришет.",
                    )
                ],
            ),
        },
    },
    {
        "key": "forced-marriage",
        "icon": "shield",
        "title": T(
            "Forced and child marriage: where to get help",
            "Принудительный и ранний брак: куда обратиться",
            "Мажбурлап жана эрте никелөө: кайда кайрылуу керек",
        ),
        "summary": T(
            "Bride kidnapping and forced or child marriage are crimes, not tradition.",
            "Похищение невест, принудительный и ранний брак — это преступления, а не традиция.",
            "Кыз ала качуу, мажбурлап жана эрте никелөө — салт эмес, кылмыш.",
        ),
        "source": ("UNFPA Kyrgyzstan", "https://kyrgyzstan.unfpa.org/"),
        "sections": {
            "signs": (
                T("What it is", "Что это такое", "Бул эмне"),
                [
                    T(
                        "Marriage without the free and full consent of both people, or before the age of 18.",
                        "Брак без свободного и полного согласия обоих людей или до 18 лет.",
                        "Эки адамдын эркин жана толук макулдугусуз же 18 жашка чейин никелөө.",
                    ),
                    T(
                        "Bride kidnapping (ala-kachuu) is a violation of rights, punished by law.",
                        "Похищение невесты (ала-качуу) — нарушение прав, наказуемое законом.",
                        "Кыз ала качуу — мыйзам менен жазаланган укук бузуу.",
                    ),
                ],
            ),
            "rights": (
                T("Your rights", "Ваши права", "Укуктарыңыз"),
                [
                    T(
                        "You have the right to say no, to leave and to be protected, and so do your daughters and sisters.",
                        "Вы вправе отказаться, уйти и получить защиту — как и ваши дочери и сёстры.",
                        "Сиз баш тартууга, кетүүгө жана коргоо алууга укуктуусуз — кыздарыңыз жана эжелериңиз, сиңдилериңиз да.",
                    )
                ],
            ),
            "get-help": (
                T("Where to get help", "Куда обратиться за помощью", "Жардамды кайдан алса болот"),
                [
                    T(
                        "Call 102 for the police, or go to a crisis centre or shelter: help is free and confidential.",
                        "Звоните в милицию по номеру 102 или обратитесь в кризисный центр или приют: помощь бесплатна и конфиденциальна.",
                        "Милицияга 102ге чалыңыз же кризистик борборго, баш калкалоочу жайга кайрылыңыз: жардам акысыз жана купуя.",
                    )
                ],
            ),
        },
    },
]

# --- Service points --------------------------------------------------------------------------------

HOURS = {
    "office": {
        "en": "Mon–Fri 9:00–18:00",
        "ru": "Пн–Пт 9:00–18:00",
        "ky": "Дш–Жм 9:00–18:00",
        "uz": "Du–Ju 9:00–18:00",
        "tg": "Дш–Ҷм 9:00–18:00",
    },
    "always": {
        "en": "24 hours, every day",
        "ru": "Круглосуточно",
        "ky": "Күнү-түнү",
        "uz": "Kecha-kunduz",
        "tg": "Шабонарӯзӣ",
    },
}
DEMO_NOTE = {
    "en": "Demo entry: the phone number is made up.",
    "ru": "Демонстрационная запись: номер телефона вымышлен.",
    "ky": "Демо жазуу: телефон номери ойдон чыгарылган.",
    "uz": "Namuna yozuv: telefon raqami oʻylab topilgan.",
    "tg": "Сабти намунавӣ: рақами телефон сохта аст.",
}

SERVICE_POINTS = [
    {
        "kind": "hotline",
        "country": "KG",
        "city": "bishkek",
        "phones": "+996 800 000 001",
        "languages": "ky,ru,uz,tg",
        "free": True,
        "always": True,
        "name": {
            "en": "Free hotline for migrants and on human trafficking",
            "ru": "Бесплатная горячая линия для мигрантов и по вопросам торговли людьми",
            "ky": "Мигранттар үчүн жана адам сатуу маселелери боюнча акысыз ишеним телефону",
            "uz": "Migrantlar va odam savdosi boʻyicha bepul ishonch telefoni",
            "tg": "Хати ройгони боварӣ барои муҳоҷирон ва оид ба савдои одамон",
        },
    },
    {
        "kind": "centre",
        "country": "KG",
        "city": "bishkek",
        "phones": "+996 312 000 010",
        "languages": "ky,ru",
        "free": True,
        "name": {
            "en": "Information and consultation centre of the migration service, Bishkek",
            "ru": "Информационно-консультационный центр миграционной службы, Бишкек",
            "ky": "Миграциялык кызматтын маалымат-консультациялык борбору, Бишкек",
            "uz": "Migratsiya xizmatining axborot-maslahat markazi, Bishkek",
            "tg": "Маркази иттилоотӣ-машваратии хадамоти муҳоҷират, Бишкек",
        },
    },
    {
        "kind": "centre",
        "country": "KG",
        "city": "osh",
        "phones": "+996 3222 0 00 11",
        "languages": "ky,ru,uz",
        "free": True,
        "name": {
            "en": "Information and consultation centre of the migration service, Osh",
            "ru": "Информационно-консультационный центр миграционной службы, Ош",
            "ky": "Миграциялык кызматтын маалымат-консультациялык борбору, Ош",
            "uz": "Migratsiya xizmatining axborot-maslahat markazi, Oʻsh",
            "tg": "Маркази иттилоотӣ-машваратии хадамоти муҳоҷират, Ӯш",
        },
    },
    {
        "kind": "shelter",
        "country": "KG",
        "city": "bishkek",
        "phones": "+996 312 000 020",
        "languages": "ky,ru",
        "free": True,
        "always": True,
        "name": {
            "en": "Crisis centre and shelter for women and children",
            "ru": "Кризисный центр и приют для женщин и детей",
            "ky": "Аялдар жана балдар үчүн кризистик борбор жана баш калкалоочу жай",
            "uz": "Ayollar va bolalar uchun inqiroz markazi va boshpana",
            "tg": "Маркази бӯҳронӣ ва паноҳгоҳ барои занон ва кӯдакон",
        },
    },
    {
        "kind": "legal",
        "country": "KG",
        "city": "osh",
        "phones": "+996 3222 0 00 21",
        "languages": "ky,ru,uz",
        "free": True,
        "name": {
            "en": "Free legal aid for migrants and their families",
            "ru": "Бесплатная юридическая помощь мигрантам и их семьям",
            "ky": "Мигранттарга жана алардын үй-бүлөлөрүнө акысыз юридикалык жардам",
            "uz": "Migrantlar va ularning oilalariga bepul huquqiy yordam",
            "tg": "Кӯмаки ройгони ҳуқуқӣ ба муҳоҷирон ва оилаҳои онҳо",
        },
    },
    {
        "kind": "consulate",
        "country": "RU",
        "city": "moscow",
        "phones": "+7 495 000 00 01\n+7 495 000 00 02",
        "languages": "ky,ru",
        "free": True,
        "name": {
            "en": "Embassy of the Kyrgyz Republic in Russia",
            "ru": "Посольство Кыргызской Республики в России",
            "ky": "Кыргыз Республикасынын Россиядагы элчилиги",
            "uz": "Qirgʻiz Respublikasining Rossiyadagi elchixonasi",
            "tg": "Сафорати Ҷумҳурии Қирғизистон дар Русия",
        },
    },
    {
        "kind": "consulate",
        "country": "RU",
        "city": "yekaterinburg",
        "phones": "+7 343 000 00 03",
        "languages": "ky,ru",
        "free": True,
        "name": {
            "en": "Consulate General of the Kyrgyz Republic in Yekaterinburg",
            "ru": "Генеральное консульство Кыргызской Республики в Екатеринбурге",
            "ky": "Кыргыз Республикасынын Екатеринбургдагы башкы консулдугу",
            "uz": "Qirgʻiz Respublikasining Yekaterinburgdagi bosh konsulligi",
            "tg": "Консулгарии генералии Ҷумҳурии Қирғизистон дар Екатеринбург",
        },
    },
    {
        "kind": "ngo",
        "country": "RU",
        "city": "moscow",
        "phones": "+7 495 000 00 04",
        "languages": "ru,ky,uz,tg",
        "free": True,
        "name": {
            "en": "Migrant support NGO: advice and legal help",
            "ru": "НКО поддержки мигрантов: консультации и юридическая помощь",
            "ky": "Мигранттарды колдоо боюнча КЭУ: кеңеш жана юридикалык жардам",
            "uz": "Migrantlarni qoʻllab-quvvatlash NNT: maslahat va huquqiy yordam",
            "tg": "Созмони ғайридавлатии дастгирии муҳоҷирон: машварат ва кӯмаки ҳуқуқӣ",
        },
    },
    {
        "kind": "consulate",
        "country": "KZ",
        "city": "almaty",
        "phones": "+7 727 000 00 05",
        "languages": "ky,ru",
        "free": True,
        "name": {
            "en": "Consulate General of the Kyrgyz Republic in Almaty",
            "ru": "Генеральное консульство Кыргызской Республики в Алматы",
            "ky": "Кыргыз Республикасынын Алматыдагы башкы консулдугу",
            "uz": "Qirgʻiz Respublikasining Olmaotadagi bosh konsulligi",
            "tg": "Консулгарии генералии Ҷумҳурии Қирғизистон дар Алмаато",
        },
    },
    {
        "kind": "consulate",
        "country": "TR",
        "city": "istanbul",
        "phones": "+90 212 000 00 06",
        "languages": "ky,ru,tr",
        "free": True,
        "name": {
            "en": "Consulate General of the Kyrgyz Republic in Istanbul",
            "ru": "Генеральное консульство Кыргызской Республики в Стамбуле",
            "ky": "Кыргыз Республикасынын Стамбулдагы башкы консулдугу",
            "uz": "Qirgʻiz Respublikasining Istanbuldagi bosh konsulligi",
            "tg": "Консулгарии генералии Ҷумҳурии Қирғизистон дар Истанбул",
        },
    },
    {
        "kind": "consulate",
        "country": "KR",
        "city": "seoul",
        "phones": "+82 2 000 0007",
        "languages": "ky,ru,ko",
        "free": True,
        "name": {
            "en": "Embassy of the Kyrgyz Republic in the Republic of Korea",
            "ru": "Посольство Кыргызской Республики в Республике Корея",
            "ky": "Кыргыз Республикасынын Корея Республикасындагы элчилиги",
            "uz": "Qirgʻiz Respublikasining Koreya Respublikasidagi elchixonasi",
            "tg": "Сафорати Ҷумҳурии Қирғизистон дар Ҷумҳурии Корея",
        },
    },
    {
        "kind": "consulate",
        "country": "AE",
        "city": "dubai",
        "phones": "+971 4 000 0008",
        "languages": "ky,ru,ar",
        "free": True,
        "name": {
            "en": "Consulate General of the Kyrgyz Republic in Dubai",
            "ru": "Генеральное консульство Кыргызской Республики в Дубае",
            "ky": "Кыргыз Республикасынын Дубайдагы башкы консулдугу",
            "uz": "Qirgʻiz Respublikasining Dubaydagi bosh konsulligi",
            "tg": "Консулгарии генералии Ҷумҳурии Қирғизистон дар Дубай",
        },
    },
]

# --- Terminals (the office's website: twelve terminals; the first opened at Manas airport on
# 10 April 2017, then the Ak-Jol crossing, the service's centres and six regional authorities) ---

TERMINALS = [
    (
        "FRU-AIRPORT",
        "Manas airport, departures",
        "International departures lounge, second floor",
        "Chui",
        43.0613,
        74.4776,
        date(2017, 4, 10),
    ),
    (
        "FRU-ARRIVALS",
        "Manas airport, arrivals",
        "Arrivals hall",
        "Chui",
        43.0610,
        74.4790,
        date(2017, 4, 10),
    ),
    (
        "AKJOL-BORDER",
        "Ak-Jol border crossing",
        "Passenger hall of the checkpoint",
        "Chui",
        42.8920,
        73.7560,
        date(2017, 5, 2),
    ),
    (
        "BISHKEK-ICC",
        "Migration service centre, Bishkek",
        "Information and consultation centre, waiting room",
        "Bishkek",
        42.8746,
        74.5698,
        date(2017, 5, 15),
    ),
    (
        "OSH-ICC",
        "Migration service centre, Osh",
        "Information and consultation centre, waiting room",
        "Osh",
        40.5140,
        72.8161,
        date(2017, 5, 20),
    ),
    (
        "OSH-REGION",
        "Osh regional administration",
        "Ground floor, reception",
        "Osh",
        40.5283,
        72.7985,
        date(2017, 6, 1),
    ),
    (
        "JALALABAD",
        "Jalal-Abad regional administration",
        "Ground floor, reception",
        "Jalal-Abad",
        40.9333,
        73.0000,
        date(2017, 6, 5),
    ),
    (
        "BATKEN",
        "Batken regional administration",
        "Ground floor, reception",
        "Batken",
        40.0628,
        70.8194,
        date(2017, 6, 9),
    ),
    (
        "TALAS",
        "Talas regional administration",
        "Ground floor, reception",
        "Talas",
        42.5228,
        72.2427,
        date(2017, 6, 14),
    ),
    (
        "NARYN",
        "Naryn regional administration",
        "Ground floor, reception",
        "Naryn",
        41.4287,
        75.9911,
        date(2017, 6, 19),
    ),
    (
        "KARAKOL",
        "Issyk-Kul regional administration",
        "Ground floor, reception",
        "Issyk-Kul",
        42.4907,
        78.3936,
        date(2017, 6, 23),
    ),
    (
        "TOKMOK",
        "Chui regional centre, Tokmok",
        "Public service hall",
        "Chui",
        42.8420,
        75.3000,
        date(2017, 7, 3),
    ),
]
