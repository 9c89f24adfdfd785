"""Journey: a visitor and a member switch the interface to Russian and Kyrgyz and back.

The language is in the URL (/en/, /ru/, /ky/) and in <html lang>; the switcher keeps the person on
the same page.
"""

import re

from playwright.sync_api import expect

from e2e.support.steps import DEMO_MEMBER, heading, log_in

CYRILLIC = re.compile(r"[А-Яа-яЁёӨөҮүҢң]")


def switch_to(page, name: str):
    page.get_by_role("navigation", name=re.compile("Language|Язык|Тил")).get_by_role(
        "link", name=re.compile(name)
    ).click()


def test_visitor_switches_language_on_the_sign_in_page(page):
    page.goto("/en/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    english = heading(page).inner_text()

    switch_to(page, "Русский")
    expect(page).to_have_url(re.compile(r"/ru/accounts/login/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(heading(page)).to_have_text(CYRILLIC)  # allauth's own Russian: "Войти"
    russian = heading(page).inner_text()
    assert russian != english

    switch_to(page, "Кыргызча")
    expect(page).to_have_url(re.compile(r"/ky/accounts/login/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ky")
    expect(heading(page)).to_have_text(CYRILLIC)  # allauth's own Kyrgyz: "Кирүү"
    assert heading(page).inner_text() not in (english, russian)

    switch_to(page, "English")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(heading(page)).to_have_text(english)


def test_member_switches_language_on_the_dashboard_and_home_page(page):
    log_in(page, DEMO_MEMBER)
    expect(page).to_have_url(re.compile(r"/en/me/$"))

    switch_to(page, "Русский")
    expect(page).to_have_url(re.compile(r"/ru/me/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(heading(page)).to_have_text(DEMO_MEMBER.name)

    switch_to(page, "Кыргызча")
    expect(page).to_have_url(re.compile(r"/ky/me/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ky")

    page.goto("/ky/")
    expect(page.locator("html")).to_have_attribute("lang", "ky")
    switch_to(page, "Русский")
    expect(page).to_have_url(re.compile(r"/ru/"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
