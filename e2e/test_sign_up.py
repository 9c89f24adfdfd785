"""Journey: a visitor becomes a member with a complete profile.

Signs up, reads the confirmation e-mail, confirms, goes through every onboarding step including a
photo, and sees the dashboard with a full completeness meter.
"""

import re

from playwright.sync_api import expect

from e2e.support.steps import Person, confirm_email, field, fill_sign_up, heading, jpeg_bytes


def test_visitor_signs_up_confirms_and_completes_the_profile(page, mailbox):
    person = Person.new("Nurlan Asanov")

    page.goto("/en/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_visible()
    nav.get_by_role("link", name="Join", exact=True).click()
    expect(heading(page)).to_have_text(re.compile("sign up", re.I))
    fill_sign_up(page, person)
    expect(page.get_by_text(re.compile("sent an e-?mail", re.I))).to_be_visible()

    confirm_email(page, mailbox, person)

    # Onboarding, step 1: about.
    expect(page).to_have_url(re.compile(r"/en/me/welcome/"))
    expect(heading(page)).to_have_text(re.compile("Welcome"))
    expect(page.get_by_text("Step 1 of 5")).to_be_visible()
    field(page, "Headline").fill("Civil engineer in Moscow")
    field(page, "About me").fill("I build bridges and schools. Happy to mentor students.")
    page.get_by_role("button", name="Save and continue").click()

    # Step 2: where from, where now.
    expect(page.get_by_text("Step 2 of 5")).to_be_visible()
    field(page, "Country of origin").select_option(label="Kyrgyzstan")
    field(page, "Region or city of origin").fill("Naryn")
    field(page, "Country of residence").select_option(label="Russia")
    field(page, "City of residence").fill("Moscow")
    page.get_by_role("button", name="Save and continue").click()

    # Step 3: what I know, offer and seek.
    expect(page.get_by_text("Step 3 of 5")).to_be_visible()
    page.get_by_role("group", name="Languages I speak").get_by_label("Russian").check()
    page.get_by_role("group", name="Fields of expertise").get_by_label(
        "Engineering and construction"
    ).check()
    page.get_by_role("group", name="Interests").get_by_label("Renewable energy").check()
    page.get_by_role("group", name="What I offer").get_by_label("Mentoring").check()
    page.get_by_role("button", name="Save and continue").click()

    # Step 4: directory and photo visibility.
    expect(page.get_by_text("Step 4 of 5")).to_be_visible()
    field(page, "Show me in the member directory").check()
    page.get_by_role("button", name="Save and continue").click()

    # Step 5: the photo.
    expect(page.get_by_text("Step 5 of 5")).to_be_visible()
    expect(heading(page)).to_have_text("Add a photo")
    field(page, "Photo").set_input_files(
        {"name": "me.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}
    )
    page.get_by_role("button", name="Save and finish").click()

    # The dashboard: welcome message, the photo and a full completeness meter.
    expect(page).to_have_url(re.compile(r"/en/me/$"))
    expect(page.get_by_role("status")).to_contain_text("Your profile is ready")
    expect(heading(page)).to_have_text(person.name)
    meter = page.get_by_role("meter", name="Profile completeness")
    expect(meter).to_be_visible()
    expect(meter).to_have_attribute("value", "100")
    expect(page.locator("section", has=meter)).to_contain_text("100%")
    photo = page.locator("img.avatar")
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.naturalWidth") > 0, "the photo did not load"
