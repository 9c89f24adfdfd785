"""The public diaspora map: k-anonymous cells, members' visibility, languages, no JavaScript
needed, a constant number of queries."""

import re

import pytest
from django.core.cache import cache

from kopuro.connect.tests.conftest import make_member
from kopuro.core.testing import assert_queries_constant, count_queries
from kopuro.insights import aggregates
from kopuro.insights.aggregates import Row, growth_periods, split

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
    labels = [label for label, _n in rows]
    assert "Busan" not in html
    # Korea 8 with Seoul 6 would give away Busan's 2: Seoul is folded into the rest instead.
    assert "Seoul" not in labels
    assert ("South Korea", "8") in rows
    # Every figure shown adds up with no remainder under 5.
    figures = dict(rows)
    assert all(int(n) >= 5 for n in figures.values())


def test_small_countries_merge_into_other_countries_only_when_that_is_five(client):
    members(5, residence_country="RU", residence_city="Moscow")
    members(3, residence_country="KZ", residence_city="Almaty")
    members(2, residence_country="TR", residence_city="Istanbul")
    rows = table(client.get(URL).content.decode(), "members-places")
    assert ("Other countries", "5") in rows
    assert ("Russia", "5") in rows and ("Moscow", "5") in rows
    assert rows[-1][1] == "10"  # the total: shown rows plus "other", nothing left over
    assert "Kazakhstan" not in dict(rows) and "Almaty" not in dict(rows)


def test_split_never_leaves_a_remainder_under_k():
    cases = [
        (8, [6, 2]),
        (12, [5, 5, 2]),
        (20, [7, 6, 5, 1, 1]),
        (10, [5, 5]),
        (9, [5]),
    ]
    for total, counts in cases:
        shown, other = split(total, [Row(label=str(i), count=c) for i, c in enumerate(counts)])
        assert all(r.count >= 5 for r in shown)
        assert other == 0 or other >= 5
        assert total - sum(r.count for r in shown) == other


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
