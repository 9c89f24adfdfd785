"""Journey: the site works with JavaScript off: join, sign out, sign in, edit the profile."""

import re

from playwright.sync_api import expect

from e2e.support.steps import Person, field, heading, join, log_in, log_out


def test_member_joins_signs_in_and_edits_the_profile_without_javascript(new_page, mailbox):
    page = new_page(javascript=False)
    person = Person.new("Ainura Bekova")
    join(page, mailbox, person)
    log_out(page)

    log_in(page, person)
    expect(page).to_have_url(re.compile(r"/en/me/$"))
    page.get_by_role("link", name="Edit profile").click()
    field(page, "Headline").fill("Nurse in Seoul")
    page.get_by_role("group", name="Languages I speak").get_by_label("Korean").check()
    page.get_by_role("button", name="Save profile").click()

    expect(page.get_by_role("status")).to_contain_text("Your profile is saved")
    expect(heading(page)).to_have_text(person.name)
    expect(page.get_by_text("Nurse in Seoul")).to_be_visible()
