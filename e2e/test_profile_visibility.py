"""Journey: a member's profile as another member, as an anonymous visitor and as its owner sees it.

Each part of a profile has its own visibility (everyone / members only / only me); the page shows a
viewer exactly the parts their kind may see.
"""

import re

from playwright.sync_api import expect

from e2e.support.steps import DEMO_MEMBER, Person, field, heading, join, log_in

BIO = "I teach physics in Bishkek and run a robotics club on weekends."


def test_profile_shows_members_only_parts_to_members_and_hides_them_from_visitors(
    new_page, mailbox
):
    owner = new_page()
    person = Person.new("Gulnara Sadykova")
    join(owner, mailbox, person)

    owner.get_by_role("link", name="Edit profile").click()
    field(owner, "Headline").fill("Physics teacher and robotics coach")
    field(owner, "About me").fill(BIO)
    owner.locator("select[name=bio_visibility]").select_option(label="Members only")
    field(owner, "Country of origin").select_option(label="Kyrgyzstan")
    field(owner, "Region or city of origin").fill("Talas")
    owner.locator("select[name=origin_visibility]").select_option(label="Members only")
    field(owner, "Country of residence").select_option(label="Kazakhstan")
    field(owner, "City of residence").fill("Almaty")
    owner.locator("select[name=residence_visibility]").select_option(label="Only me")
    field(owner, "Show me in the member directory").check()
    owner.get_by_role("button", name="Save profile").click()
    expect(owner.get_by_role("status")).to_contain_text("Your profile is saved")

    owner.get_by_role("link", name="View my profile").click()
    expect(owner).to_have_url(re.compile(r"/en/members/[\w-]+/$"))
    profile_path = re.sub(r"^https?://[^/]+", "", owner.url)
    # The owner sees everything, including what only they may see.
    expect(owner.get_by_text("This is your profile as you see it")).to_be_visible()
    expect(owner.get_by_text(BIO)).to_be_visible()
    expect(owner.get_by_text("Lives in Almaty, Kazakhstan")).to_be_visible()

    # Another member (the demo member, in a browser of her own).
    member = new_page()
    log_in(member, DEMO_MEMBER)
    expect(member).to_have_url(re.compile(r"/en/me/"))
    member.goto(profile_path)
    expect(heading(member)).to_have_text(person.name)
    expect(member.get_by_text("Physics teacher and robotics coach")).to_be_visible()
    expect(member.get_by_role("heading", name="About")).to_be_visible()
    expect(member.get_by_text(BIO)).to_be_visible()
    expect(member.get_by_text("Talas, Kyrgyzstan")).to_be_visible()
    expect(member.get_by_text("Almaty")).to_have_count(0)  # only me
    expect(member.get_by_text("This is your profile as you see it")).to_have_count(0)

    # An anonymous visitor.
    visitor = new_page()
    visitor.goto(profile_path)
    expect(heading(visitor)).to_have_text(person.name)
    expect(visitor.get_by_text("Physics teacher and robotics coach")).to_be_visible()
    expect(visitor.get_by_text(BIO)).to_have_count(0)
    expect(visitor.get_by_role("heading", name="About")).to_have_count(0)
    expect(visitor.get_by_text("Talas")).to_have_count(0)
    expect(visitor.get_by_text("Almaty")).to_have_count(0)
    expect(visitor.get_by_text("Members see more of this profile.")).to_be_visible()
