"""Cities a visitor without location services can pick for "nearest to me".

Each has a map point and its name in the five languages of the service. Adding a city is a
line here (and service points name it in their `city` field).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    key: str
    country: str
    lat: float
    lng: float
    names: dict[str, str]

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("ru") or self.names["en"]


def _c(key, country, lat, lng, en, ru, ky, uz, tg) -> City:
    return City(key, country, lat, lng, {"en": en, "ru": ru, "ky": ky, "uz": uz, "tg": tg})


CITIES: dict[str, City] = {
    c.key: c
    for c in [
        _c("bishkek", "KG", 42.8746, 74.5698, "Bishkek", "Бишкек", "Бишкек", "Bishkek", "Бишкек"),
        _c("osh", "KG", 40.5140, 72.8161, "Osh", "Ош", "Ош", "Oʻsh", "Ӯш"),
        _c(
            "jalal-abad",
            "KG",
            40.9333,
            73.0000,
            "Jalal-Abad",
            "Джалал-Абад",
            "Жалал-Абад",
            "Jalolobod",
            "Ҷалолобод",
        ),
        _c("batken", "KG", 40.0628, 70.8194, "Batken", "Баткен", "Баткен", "Botkent", "Боткент"),
        _c("naryn", "KG", 41.4287, 75.9911, "Naryn", "Нарын", "Нарын", "Norin", "Норин"),
        _c("talas", "KG", 42.5228, 72.2427, "Talas", "Талас", "Талас", "Talas", "Талас"),
        _c(
            "karakol",
            "KG",
            42.4907,
            78.3936,
            "Karakol",
            "Каракол",
            "Каракол",
            "Qoraqoʻl",
            "Қарақӯл",
        ),
        _c("moscow", "RU", 55.7558, 37.6173, "Moscow", "Москва", "Москва", "Moskva", "Маскав"),
        _c(
            "saint-petersburg",
            "RU",
            59.9311,
            30.3609,
            "Saint Petersburg",
            "Санкт-Петербург",
            "Санкт-Петербург",
            "Sankt-Peterburg",
            "Санкт-Петербург",
        ),
        _c(
            "yekaterinburg",
            "RU",
            56.8389,
            60.6057,
            "Yekaterinburg",
            "Екатеринбург",
            "Екатеринбург",
            "Yekaterinburg",
            "Екатеринбург",
        ),
        _c(
            "novosibirsk",
            "RU",
            55.0084,
            82.9357,
            "Novosibirsk",
            "Новосибирск",
            "Новосибирск",
            "Novosibirsk",
            "Новосибирск",
        ),
        _c("almaty", "KZ", 43.2220, 76.8512, "Almaty", "Алматы", "Алматы", "Olmaota", "Алмаато"),
        _c("astana", "KZ", 51.1605, 71.4704, "Astana", "Астана", "Астана", "Astana", "Астана"),
        _c(
            "istanbul",
            "TR",
            41.0082,
            28.9784,
            "Istanbul",
            "Стамбул",
            "Стамбул",
            "Istanbul",
            "Истанбул",
        ),
        _c("ankara", "TR", 39.9334, 32.8597, "Ankara", "Анкара", "Анкара", "Anqara", "Анкара"),
        _c("seoul", "KR", 37.5665, 126.9780, "Seoul", "Сеул", "Сеул", "Seul", "Сеул"),
        _c("ansan", "KR", 37.3219, 126.8309, "Ansan", "Ансан", "Ансан", "Ansan", "Ансан"),
        _c("dubai", "AE", 25.2048, 55.2708, "Dubai", "Дубай", "Дубай", "Dubay", "Дубай"),
        _c(
            "abu-dhabi",
            "AE",
            24.4539,
            54.3773,
            "Abu Dhabi",
            "Абу-Даби",
            "Абу-Даби",
            "Abu-Dabi",
            "Абу-Дабӣ",
        ),
        _c(
            "tashkent",
            "UZ",
            41.2995,
            69.2401,
            "Tashkent",
            "Ташкент",
            "Ташкент",
            "Toshkent",
            "Тошкент",
        ),
        _c(
            "dushanbe",
            "TJ",
            38.5598,
            68.7870,
            "Dushanbe",
            "Душанбе",
            "Душанбе",
            "Dushanbe",
            "Душанбе",
        ),
    ]
}


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine), good enough to rank places by nearness."""
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def city_choices(language: str) -> list[tuple[str, str]]:
    return sorted(((c.key, c.name(language)) for c in CITIES.values()), key=lambda kv: kv[1])
