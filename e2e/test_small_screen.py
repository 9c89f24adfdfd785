"""Journey: on a 390 px wide phone the menu opens and no page scrolls sideways.

Every page a 390 px page visits is also checked for sideways scrolling by the audit (see
support/audit.py); this journey visits the main pages on purpose.
"""

import re

from playwright.sync_api import expect

from e2e.support.steps import Person, heading, join

PHONE = {"width": 390, "height": 844}


def test_phone_menu_opens_and_pages_fit_the_screen(new_page, mailbox):
    page = new_page(**PHONE)
    page.goto("/en/")
    menu = page.locator("details.nav-toggle")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(menu).to_have_attribute("open", "")
    expect(nav).to_be_visible()
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    # The menu button stays in reach (not under the open menu) and folds the menu away again.
    page.get_by_text("Menu", exact=True).click()
    expect(nav).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    nav.get_by_role("link", name="Join", exact=True).click()
    expect(heading(page)).to_have_text(re.compile("sign up", re.I))

    for path in ["/en/accounts/login/", "/en/privacy/", "/ru/", "/ky/accounts/signup/"]:
        page.goto(path)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide"

    person = Person.new("Erlan Mamytov")
    join(page, mailbox, person)
    for link in ["Edit profile", "View my profile"]:
        page.goto("/en/me/")
        page.get_by_role("link", name=link).click()
        expect(heading(page)).to_be_visible()
    for path in ["/en/me/photo/", "/en/me/data/", "/en/me/delete/"]:
        page.goto(path)
        expect(heading(page)).to_be_visible()
    for step in range(1, 6):
        page.goto(f"/en/me/welcome/?step={step}")
        expect(page.get_by_text(f"Step {step} of 5")).to_be_visible()
    page.get_by_text("Menu", exact=True).click()
    expect(nav.get_by_role("button", name="Sign out")).to_be_visible()
