import pytest


@pytest.mark.parametrize("lang", ["en", "ru", "ky"])
def test_home_page_in_each_language(client, site, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


def test_root_redirects_to_a_language(client, site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_healthz_reports_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_unknown_page_is_a_friendly_404(client, site):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "We could not find this page" in response.content.decode()
