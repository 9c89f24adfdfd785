"""The kiosk's pages: languages in their own script, no cookies, no outside links, offline."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_language_choice_names_each_language_in_its_own_script(client, guides, terminal):
    response = client.get("/kiosk/FRU-TEST/")
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("Кыргызча", "Русский", "English", "Oʻzbekcha", "Тоҷикӣ"):
        assert name in html
    assert not response.cookies
    assert "nonce" not in html and "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize("language", ["ky", "ru", "en", "uz", "tg"])
def test_every_kiosk_page_renders_without_cookies_or_outside_links(
    client, guides, terminal, language
):
    urls = [f"/kiosk/FRU-TEST/{language}/", f"/kiosk/FRU-TEST/{language}/help/"]
    urls += [
        f"/kiosk/FRU-TEST/{language}/trafficking/",
        f"/kiosk/FRU-TEST/{language}/trafficking/signs/",
    ]
    urls += [f"/kiosk/FRU-TEST/{language}/russia/work-permits/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies
        html = response.content.decode()
        assert not re.search(r'href="https?://', html), url
        assert 'href="tel:' not in html


def test_kiosk_section_in_kyrgyz_has_home_back_and_helpful(client, guides, terminal):
    html = client.get("/kiosk/FRU-TEST/ky/trafficking/signs/").content.decode()
    assert "Коркунучтуу белгилер" in html
    assert 'href="/kiosk/FRU-TEST/ky/"' in html and 'href="/kiosk/FRU-TEST/ky/trafficking/"' in html
    assert "data-helpful" in html
    assert "/kiosk/qr/" in html  # the source's address as a QR code


def test_uzbek_kiosk_shows_the_uzbek_version(client, guides, terminal):
    html = client.get("/kiosk/FRU-TEST/uz/trafficking/signs/").content.decode()
    assert "Xavfli belgilar" in html and '<html lang="uz"' in html
    russia = client.get("/kiosk/FRU-TEST/uz/russia/").content.decode()
    assert "Bu sahifa hali tarjima qilinmagan." in russia  # shown in Russian, and says so


def test_kiosk_pages_are_cached_for_everyone(client, guides, terminal, settings):
    settings.KOPURO_PAGE_CACHE_SECONDS = 60
    assert client.get("/kiosk/FRU-TEST/ky/")["X-Kopuro-Cache"] == "miss"
    assert client.get("/kiosk/FRU-TEST/ky/")["X-Kopuro-Cache"] == "hit"


@pytest.mark.parametrize(
    "url", ["/kiosk/NOPE/", "/kiosk/NOPE/ky/", "/kiosk/FRU-TEST/xx/", "/kiosk/FRU-TEST/ky/nope/"]
)
def test_unknown_terminal_or_page_is_a_clear_404(client, guides, terminal, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "terminal" in response.content.decode().lower()


def test_inactive_terminal_is_unknown(client, terminal):
    terminal.active = False
    terminal.save()
    assert client.get("/kiosk/FRU-TEST/").status_code == 404


def test_manifest_lists_everything_for_offline_use(client, guides, terminal):
    response = client.get("/kiosk/FRU-TEST/manifest.json")
    data = response.json()
    assert data["version"]
    urls = data["urls"]
    assert "/kiosk/FRU-TEST/" in urls and "/kiosk/FRU-TEST/ky/trafficking/signs/" in urls
    assert "/kiosk/FRU-TEST/tg/help/" in urls
    assert any(u.startswith("/static/infodesk/js/kiosk.js") for u in urls)
    assert client.get("/kiosk/NOPE/manifest.json").status_code == 404


def test_manifest_version_changes_with_content(client, guides, terminal):
    from kopuro.infodesk.models import GuidePage

    before = client.get("/kiosk/FRU-TEST/manifest.json").json()["version"]
    page = GuidePage.objects.get(key="russia", locale__language_code="en")
    page.summary = "Changed"
    page.save_revision().publish()
    assert client.get("/kiosk/FRU-TEST/manifest.json").json()["version"] != before


def test_service_worker_is_served_for_the_kiosk_scope(client):
    response = client.get("/kiosk/sw.js")
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/kiosk/"
    assert "javascript" in response["Content-Type"]


def test_qr_codes_only_for_signed_addresses(client):
    from kopuro.infodesk.selectors import qr_url

    response = client.get(qr_url("https://www.iom.int/"))
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert client.get("/kiosk/qr/forged.svg").status_code == 404
