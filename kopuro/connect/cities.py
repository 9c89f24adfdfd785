"""Where cities are, for the members' map: (country, English name, Russian name, latitude,
longitude). Members type their city freely; a city not in this list is still counted in the
map's list view, just not drawn as a point. Operators can extend the list (a pull request or a
deployment's own module); coordinates are city centres, rounded to 0.01 degree.
"""

CITIES = [
    ("KG", "Bishkek", "Бишкек", 42.87, 74.59),
    ("KG", "Osh", "Ош", 40.51, 72.80),
    ("KG", "Karakol", "Каракол", 42.49, 78.39),
    ("KG", "Jalal-Abad", "Джалал-Абад", 40.93, 73.00),
    ("KG", "Naryn", "Нарын", 41.43, 75.99),
    ("KG", "Talas", "Талас", 42.52, 72.24),
    ("KG", "Batken", "Баткен", 40.06, 70.82),
    ("RU", "Moscow", "Москва", 55.76, 37.62),
    ("RU", "Saint Petersburg", "Санкт-Петербург", 59.94, 30.31),
    ("RU", "Yekaterinburg", "Екатеринбург", 56.84, 60.61),
    ("RU", "Novosibirsk", "Новосибирск", 55.03, 82.92),
    ("RU", "Kazan", "Казань", 55.79, 49.12),
    ("RU", "Krasnoyarsk", "Красноярск", 56.01, 92.87),
    ("RU", "Irkutsk", "Иркутск", 52.29, 104.28),
    ("RU", "Surgut", "Сургут", 61.25, 73.40),
    ("RU", "Yakutsk", "Якутск", 62.03, 129.73),
    ("RU", "Tyumen", "Тюмень", 57.15, 65.53),
    ("RU", "Samara", "Самара", 53.20, 50.15),
    ("KZ", "Almaty", "Алматы", 43.24, 76.89),
    ("KZ", "Astana", "Астана", 51.17, 71.45),
    ("KZ", "Shymkent", "Шымкент", 42.32, 69.59),
    ("KZ", "Taraz", "Тараз", 42.90, 71.37),
    ("TR", "Istanbul", "Стамбул", 41.01, 28.98),
    ("TR", "Ankara", "Анкара", 39.93, 32.86),
    ("TR", "Antalya", "Анталья", 36.90, 30.71),
    ("TR", "Izmir", "Измир", 38.42, 27.14),
    ("KR", "Seoul", "Сеул", 37.57, 126.98),
    ("KR", "Ansan", "Ансан", 37.32, 126.83),
    ("KR", "Incheon", "Инчхон", 37.46, 126.71),
    ("KR", "Busan", "Пусан", 35.18, 129.08),
    ("KR", "Daegu", "Тэгу", 35.87, 128.60),
    ("US", "New York", "Нью-Йорк", 40.71, -74.01),
    ("US", "Chicago", "Чикаго", 41.88, -87.63),
    ("US", "Washington, DC", "Вашингтон", 38.91, -77.04),
    ("US", "Seattle", "Сиэтл", 47.61, -122.33),
    ("US", "Los Angeles", "Лос-Анджелес", 34.05, -118.24),
    ("US", "Philadelphia", "Филадельфия", 39.95, -75.17),
    ("DE", "Berlin", "Берлин", 52.52, 13.40),
    ("DE", "Munich", "Мюнхен", 48.14, 11.58),
    ("DE", "Frankfurt", "Франкфурт-на-Майне", 50.11, 8.68),
    ("DE", "Hamburg", "Гамбург", 53.55, 9.99),
    ("AE", "Dubai", "Дубай", 25.20, 55.27),
    ("AE", "Abu Dhabi", "Абу-Даби", 24.45, 54.38),
    ("AE", "Sharjah", "Шарджа", 25.35, 55.42),
    ("GB", "London", "Лондон", 51.51, -0.13),
    ("GB", "Manchester", "Манчестер", 53.48, -2.24),
    ("JP", "Tokyo", "Токио", 35.68, 139.69),
    ("JP", "Osaka", "Осака", 34.69, 135.50),
    ("CN", "Beijing", "Пекин", 39.90, 116.41),
    ("CN", "Shanghai", "Шанхай", 31.23, 121.47),
    ("CN", "Urumqi", "Урумчи", 43.83, 87.62),
    ("CN", "Guangzhou", "Гуанчжоу", 23.13, 113.26),
    ("CZ", "Prague", "Прага", 50.08, 14.44),
    ("CZ", "Brno", "Брно", 49.20, 16.61),
    ("PL", "Warsaw", "Варшава", 52.23, 21.01),
    ("PL", "Krakow", "Краков", 50.06, 19.94),
    ("PL", "Wroclaw", "Вроцлав", 51.11, 17.04),
    ("IT", "Milan", "Милан", 45.46, 9.19),
    ("IT", "Rome", "Рим", 41.90, 12.50),
    ("IT", "Naples", "Неаполь", 40.85, 14.27),
    ("CA", "Toronto", "Торонто", 43.65, -79.38),
    ("CA", "Vancouver", "Ванкувер", 49.28, -123.12),
    ("CA", "Calgary", "Калгари", 51.05, -114.07),
    ("QA", "Doha", "Доха", 25.29, 51.53),
    ("FR", "Paris", "Париж", 48.86, 2.35),
    ("FR", "Lyon", "Лион", 45.76, 4.84),
    ("SE", "Stockholm", "Стокгольм", 59.33, 18.07),
    ("SE", "Gothenburg", "Гётеборг", 57.71, 11.97),
    ("FI", "Helsinki", "Хельсинки", 60.17, 24.94),
    ("SA", "Riyadh", "Эр-Рияд", 24.71, 46.68),
    ("SA", "Jeddah", "Джидда", 21.49, 39.19),
    ("AT", "Vienna", "Вена", 48.21, 16.37),
    ("CH", "Geneva", "Женева", 46.20, 6.14),
    ("CH", "Zurich", "Цюрих", 47.37, 8.54),
    ("NL", "Amsterdam", "Амстердам", 52.37, 4.90),
    ("AU", "Melbourne", "Мельбурн", -37.81, 144.96),
    ("AU", "Sydney", "Сидней", -33.87, 151.21),
    ("UZ", "Tashkent", "Ташкент", 41.30, 69.24),
]

# (country, lower-case name in either language) -> (English name, lat, lng)
_INDEX = {}
for _country, _en, _ru, _lat, _lng in CITIES:
    _INDEX[(_country, _en.lower())] = (_en, _lat, _lng)
    _INDEX[(_country, _ru.lower())] = (_en, _lat, _lng)


def locate(country: str, city: str):
    """(canonical name, lat, lng) for a member's city, or None when it is not known."""
    return _INDEX.get((str(country or ""), (city or "").strip().lower()))


def names_of(country: str, city: str) -> list[str]:
    """Every spelling we know of the city (English and Russian), or just the one given."""
    for c, en, ru, _lat, _lng in CITIES:
        if c == str(country or "") and city.strip().lower() in (en.lower(), ru.lower()):
            return [en, ru]
    return [city.strip()]
