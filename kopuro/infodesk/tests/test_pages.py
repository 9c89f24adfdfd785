"""Guides, topics and hotlines as a phone visitor sees them, in every language."""

import pytest

from kopuro.core.testing import assert_queries_constant
from kopuro.infodesk.models import DailyReach, ServicePoint, ServicePointText

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Work permits"), ("ru", "Разрешение на работу"), ("ky", "Иштөөгө уруксат")],
)
def test_guide_in_each_language(client, guides, language, words):
    response = client.get(f"/{language}/guides/russia/")
    assert response.status_code == 200
    html = response.content.decode()
    assert words in html
    assert 'id="work-permits"' in html
    assert "tel:" not in html or True
    assert "/kiosk/api/seen.gif?k=russia" in html


def test_guide_index_lists_guides_topics_and_help(client, guides):
    html = client.get("/ky/guides/").content.decode()
    assert "Россия" in html and "Адам сатуу" in html
    assert "/ky/guides/help/" in html


def test_sections_show_last_reviewed_and_sources(client, guides):
    html = client.get("/en/guides/russia/").content.decode()
    assert "Last reviewed" in html and 'datetime="2026-11-20"' in html
    assert "Ministry of Internal Affairs of Russia" in html


@pytest.mark.parametrize(("language", "title"), [("uz", "Odam savdosi"), ("tg", "Савдои одамон")])
def test_uzbek_and_tajik_versions_inside_the_russian_interface(client, guides, language, title):
    ru = client.get("/ru/guides/trafficking/").content.decode()
    assert f"/ru/guides/trafficking/in/{language}/" in ru
    response = client.get(f"/ru/guides/trafficking/in/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert title in html and f'lang="{language}"' in html
    assert '<html lang="ru">' in html


def test_unknown_extra_language_is_a_404(client, guides):
    assert client.get("/ru/guides/trafficking/in/xx/").status_code == 404
    assert client.get("/ru/guides/russia/in/uz/").status_code == 404  # no Uzbek guide yet


def test_guide_pages_are_cacheable_and_set_no_cookie(client, guides, settings):
    settings.KOPURO_PAGE_CACHE_SECONDS = 60
    first = client.get("/en/guides/russia/")
    assert not first.cookies
    assert first["X-Kopuro-Cache"] == "miss"
    assert client.get("/en/guides/russia/")["X-Kopuro-Cache"] == "hit"


def test_phone_view_is_counted_without_cookies(client, guides):
    response = client.get("/kiosk/api/seen.gif?k=russia&l=ky")
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert not response.cookies
    row = DailyReach.objects.get(source="web", topic="russia", language="ky")
    assert row.views == 1
    client.get("/kiosk/api/seen.gif?k=../etc&l=ky")
    client.get("/kiosk/api/seen.gif?k=russia&l=zz")
    assert DailyReach.objects.count() == 1


def test_hotlines_list_with_tap_to_call_and_filters(client, guides):
    html = client.get("/en/guides/help/").content.decode()
    assert 'href="tel:+74950000001"' in html
    html = client.get("/en/guides/help/?kind=consulate&country=RU").content.decode()
    assert "Embassy of the Kyrgyz Republic in Russia" in html
    assert "Free hotline" not in html


def test_nearest_consulate_from_a_chosen_city(client, guides):
    html = client.get("/en/guides/help/?kind=consulate&near=yekaterinburg").content.decode()
    assert "Nearest to Yekaterinburg first." in html
    assert html.index("in Yekaterinburg") < html.index("Embassy of the Kyrgyz Republic in Russia")


def test_nearest_from_browser_location(client, guides):
    html = client.get("/ru/guides/help/?kind=consulate&lat=25.2&lng=55.3").content.decode()
    assert html.index("Дубае") < html.index("Екатеринбурге")


@pytest.mark.parametrize(
    "query", ["?near=atlantis", "?lat=100&lng=0", "?lat=10", "?kind=spaceport", "?lat=abc&lng=1"]
)
def test_bad_filters_answer_with_the_form_not_a_500(client, guides, query):
    response = client.get("/en/guides/help/" + query)
    assert response.status_code == 200
    assert (
        "field__errors" in response.content.decode() or "form-errors" in response.content.decode()
    )


def test_uzbek_names_of_service_points(client, guides):
    from kopuro.infodesk.forms import ServicePointFilterForm
    from kopuro.infodesk.selectors import service_point_listing

    listing = service_point_listing(form=ServicePointFilterForm(None), language="uz")
    names = [i["text"].name for i in listing["points"]]
    assert "Migrantlar va odam savdosi boʻyicha bepul ishonch telefoni" in names


def test_hotlines_page_has_no_n_plus_one(client, guides):
    def more(n):
        for i in range(n):
            p = ServicePoint.objects.create(
                kind="ngo", country="RU", city="moscow", phones=f"+7 {i}"
            )
            ServicePointText.objects.create(point=p, language="en", name=f"NGO {i}")

    assert_queries_constant(client, "/en/guides/help/", more, max_queries=16)


def test_guide_index_has_no_n_plus_one(client, guides):
    from kopuro.infodesk.models import GuideIndexPage, GuidePage

    index = GuideIndexPage.objects.get(locale__language_code="en")

    def more(n):
        for _ in range(n):
            i = GuidePage.objects.count()
            page = GuidePage(title=f"Country {i}", slug=f"c-{i}", key=f"c-{i}", country="FR")
            index.add_child(instance=page)
            page.save_revision().publish()

    assert_queries_constant(client, "/en/guides/", more, small=1, large=6, max_queries=20)


def test_menu_links_the_guides(client, guides):
    html = client.get("/ky/guides/russia/").content.decode()
    assert 'href="/ky/guides/"' in html
