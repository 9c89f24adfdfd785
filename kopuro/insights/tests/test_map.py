"""The public diaspora map: k-anonymous cells, members' visibility, languages, no JavaScript
needed, a constant number of queries."""

import re

import pytest
from django.core.cache import cache

from kopuro.connect.tests.conftest import make_member
from kopuro.core.testing import assert_queries_constant, count_queries
from kopuro.insights import aggregates
from kopuro.insights.aggregates import growth_periods

pytestmark = pytest.mark.django_db
URL = "/en/insights/"


def members(n, **kwargs):
    kwargs.setdefault("residence_visibility", "public")
    return [make_member(**kwargs) for _ in range(n)]


def table(html: str, table_id: str) -> list[tuple[str, str]]:
    """(label, figure) of each row of the table `table_id`, tags stripped."""
    body = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    rows = []
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        ]
        if len(cells) == 2 and cells[1].isdigit():
            rows.append((cells[0], cells[1]))
    return rows


def test_four_in_a_city_are_not_shown_five_are(client):
    members(4, residence_country="KR", residence_city="Busan")
    html = client.get(URL).content.decode()
    assert "Busan" not in html
    members(1, residence_country="KR", residence_city="Busan")
    html = client.get(URL).content.decode()
    assert ("Busan", "5") in table(html, "members-places")
    assert '"count": 5' in html  # the map's points (Connect's map.js)


def test_a_hidden_city_cannot_be_found_by_subtraction(client):
    members(6, residence_country="KR", residence_city="Seoul")
    members(2, residence_country="KR", residence_city="Busan")
    html = client.get(URL).content.decode()
    rows = table(html, "members-places")
    assert "Busan" not in html
    # South Korea counts only what is shown under it: 8 - 6 would give away Busan's 2.
    assert rows == [
        ("South Korea", "6"),
        ("Seoul", "6"),
        ("All members who show where they live", "6"),
    ]
    # Connect's map shows anonymous visitors the same cities, so nothing more is learnt there.
    assert '"count": 6' in client.get("/en/members/map/").content.decode()


def test_small_groups_are_pooled_into_other_places_only_when_that_is_five(client):
    members(5, residence_country="RU", residence_city="Moscow")
    members(2, residence_country="RU", residence_city="Kazan")
    members(3, residence_country="KZ", residence_city="Almaty")
    members(1, residence_country="TR", residence_city="Istanbul")
    rows = table(client.get(URL).content.decode(), "members-places")
    assert rows == [
        ("Russia", "5"),
        ("Moscow", "5"),
        ("Other places (small groups together)", "6"),
        ("All members who show where they live", "11"),
    ]
    members(1, residence_country="TR", residence_city="Istanbul")  # the pool stays above 5
    members(4, residence_country="TR", residence_city="Istanbul")  # Türkiye leaves the pool
    rows = table(client.get(URL).content.decode(), "members-places")
    assert ("Other places (small groups together)", "5") in rows
    assert ("Türkiye", "6") in rows and rows[-1][1] == "16"


def test_a_pool_under_five_is_left_out_and_not_in_the_total(client):
    members(5, residence_country="RU", residence_city="Moscow")
    members(3, residence_country="KZ", residence_city="Almaty")
    rows = table(client.get(URL).content.decode(), "members-places")
    assert rows[-1] == ("All members who show where they live", "5")
    assert "Other places (small groups together)" not in dict(rows)


def test_every_figure_is_five_or_more_and_totals_are_sums_of_shown_rows():
    import random

    rng = random.Random(8)
    for _case in range(300):
        rows = [
            {
                "country": rng.choice("ABCD"),
                "city": rng.choice(["x", "y", "z", ""]),
                "n": rng.randint(1, 7),
            }
            for _i in range(rng.randint(1, 12))
        ]
        root = aggregates.places(rows)
        figures = [root.count] if root.count else []
        assert root.count == sum(c.count for c in root.children) + root.other
        assert root.other == 0 or root.other >= 5
        for country in root.children:
            assert country.count == sum(c.count for c in country.children) + country.other
            assert country.other == 0 or country.other >= 5
            figures += [country.count] + [c.count for c in country.children]
        assert all(f >= 5 for f in figures)


def test_private_or_members_only_location_is_not_counted_by_place(client):
    members(4, residence_country="DE", residence_city="Berlin")
    members(1, residence_country="DE", residence_city="Berlin", residence_visibility="members")
    members(3, residence_country="DE", residence_city="Berlin", residence_visibility="private")
    html = client.get(URL).content.decode()
    assert "Berlin" not in html and "Germany" not in html


def test_members_outside_the_directory_are_not_counted(client):
    members(4, residence_country="DE", residence_city="Berlin")
    members(1, residence_country="DE", residence_city="Berlin", in_directory=False)
    assert "Berlin" not in client.get(URL).content.decode()


def test_expertise_and_offers_need_five_who_show_them(client):
    members(5, expertise=["it"], offers=["mentoring"], offers_visibility="public")
    members(3, offers=["mentoring"])  # offers are for members only by default: not counted
    members(4, expertise=["health"])
    members(3, expertise=["health"], expertise_visibility="members")
    html = client.get(URL).content.decode()
    expertise = dict(table(html, "expertise-table"))
    assert len(expertise) == 1 and list(expertise.values()) == ["5"]
    offers = dict(table(html, "offers-table"))
    assert list(offers.values()) == ["5"]


def test_growth_periods_hold_at_least_five():
    from datetime import date

    months = [(date(2025, m, 1), n) for m, n in [(1, 2), (2, 4), (3, 6), (4, 1)]]
    periods = growth_periods(months)
    assert [(p.start.month, p.end.month, p.joined, p.total) for p in periods] == [
        (1, 2, 6, 6),
        (3, 4, 7, 13),
    ]
    assert growth_periods([(date(2025, 1, 1), 4)]) == []


def test_page_in_every_language_with_tables_and_no_script_needed(client):
    members(5, residence_country="RU", residence_city="Moscow", expertise=["it"])
    members(7, residence_country="RU", residence_city="Kazan", expertise=["health"])
    for lang, title in (("en", "Our diaspora on the map"), ("ru", None), ("ky", None)):
        response = client.get(f"/{lang}/insights/")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="members-places"' in html and 'id="growth-table"' in html
        assert "<svg" in html and 'id="k-note"' in html
        assert f'lang="{lang}"' in html
        if title:
            assert title in html
        # SVG coordinates are never written with a decimal comma (ru, ky number formats).
        assert not re.search(r'(width|cx|cy|dx)="\d+,\d', html)
    # The map needs JavaScript; the table under it does not: scripts are only Leaflet's.
    assert "<script>" not in html


def test_the_header_links_the_map(client):
    assert 'href="/en/insights/"' in client.get("/en/members/").content.decode()


def test_aggregates_are_cached_briefly(client, settings):
    settings.KOPURO_DATA_CACHE_SECONDS = 600
    cache.clear()
    members(5, residence_country="RU", residence_city="Moscow")
    assert aggregates.cached_diaspora_map()["members"].count == 5
    with count_queries() as counted:
        assert aggregates.cached_diaspora_map()["members"].count == 5
    assert len(counted) == 0  # read from the cache
    # A change to a profile bumps the content version (kopuro.core.cache): fresh figures.
    members(5, residence_country="RU", residence_city="Moscow")
    assert aggregates.cached_diaspora_map()["members"].count == 10
    cache.clear()


def test_the_map_costs_the_same_queries_with_10_or_100_members(client):
    def add(n):
        for i in range(n):
            make_member(
                residence_country="RU",
                residence_city=["Moscow", "Kazan", "Novosibirsk"][i % 3],
                residence_visibility="public",
            )

    assert_queries_constant(client, URL, add, small=10, large=100, max_queries=30)
