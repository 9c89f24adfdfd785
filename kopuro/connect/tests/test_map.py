"""The members' map: k-anonymous groups by city, visibility, the list without JavaScript."""

import pytest
from django.test import override_settings

from kopuro.connect.tests.conftest import make_member
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db
URL = "/en/members/map/"


def test_groups_under_five_are_never_shown(client):
    for i in range(5):
        make_member(
            display_name=f"Seoul {i}",
            residence_country="KR",
            residence_city="Seoul",
            residence_visibility="public",
        )
    for i in range(4):
        make_member(
            display_name=f"Busan {i}",
            residence_country="KR",
            residence_city="Busan",
            residence_visibility="public",
        )
    html = client.get(URL).content.decode()
    assert "Seoul" in html and "Busan" not in html
    assert '"count": 5' in html  # the map's data


def test_only_residences_the_viewer_may_see(client, alice_client):
    for _i in range(5):
        make_member(
            residence_country="TR", residence_city="Istanbul", residence_visibility="members"
        )
    assert "Istanbul" not in client.get(URL).content.decode()
    assert "Istanbul" in alice_client.get(URL).content.decode()
    for _i in range(5):
        make_member(residence_country="TR", residence_city="Ankara", residence_visibility="private")
    assert "Ankara" not in alice_client.get(URL).content.decode()


def test_city_names_in_either_language_are_one_group(client):
    for name in ["Москва", "Moscow", "moscow", "Москва", "MOSCOW"]:
        make_member(residence_country="RU", residence_city=name, residence_visibility="public")
    html = client.get(URL).content.decode()
    assert "Moscow" in html and '"count": 5' in html


@override_settings(KOPURO_MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png")
def test_tile_url_from_settings_and_assets_self_hosted(client):
    for _i in range(5):
        make_member(residence_country="KR", residence_city="Seoul", residence_visibility="public")
    html = client.get(URL).content.decode()
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert "/static/connect/vendor/leaflet/leaflet.js" in html
    assert "unpkg" not in html and "cdn" not in html.lower()


def test_budget(client):
    cities = ["Seoul", "Busan", "Incheon", "Daegu", "Ansan"]

    def add(n):
        for i in range(n):
            make_member(
                residence_country="KR", residence_city=cities[i % 5], residence_visibility="public"
            )

    assert_queries_constant(client, URL, add, max_queries=6)
