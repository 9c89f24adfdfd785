"""Journey: two members find each other with a filtered search, connect and write to each other
(both see their unread counts change); one blocks the other and the conversation is gone; a
third member reports a profile and a moderator resolves the report in the admin.
"""

import re
import secrets

from playwright.sync_api import Page, expect

from e2e.support.steps import DEMO_PASSWORD, Person, field, heading, join, log_in, open_menu

EDITOR = Person("Editor", "editor@demo.kopuro.org", DEMO_PASSWORD)


def list_in_directory(page: Page, *, headline: str, country: str) -> str:
    """Fill in a headline and country of residence, join the directory; returns the handle."""
    page.goto("/en/me/profile/")
    field(page, "Headline").fill(headline)
    field(page, "Country of residence").select_option(label=country)
    field(page, "Show me in the member directory").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile is saved")
    page.get_by_role("link", name="View my profile").click()
    return page.url.rstrip("/").rsplit("/", 1)[-1]


def unread(page: Page, what: str):
    """The header's unread count for "messages" or "notifications" (absent when zero)."""
    return page.get_by_test_id(f"unread-{what}")


def test_members_find_each_other_connect_write_block_and_report(new_page, mailbox):
    tag = secrets.token_hex(3)
    word = f"glaciologist{tag}"

    # Two new members list themselves in the directory.
    asel_page = new_page()
    asel = Person.new("Asel Nurlanova")
    join(asel_page, mailbox, asel)
    asel_handle = list_in_directory(
        asel_page, headline=f"Hydrologist and {word}", country="Kazakhstan"
    )
    bakyt_page = new_page(width=360, height=780)  # Bakyt is on his phone
    bakyt = Person.new("Bakyt Osmonov")
    join(bakyt_page, mailbox, bakyt)
    bakyt_handle = list_in_directory(bakyt_page, headline="Water engineer", country="Kazakhstan")

    # Bakyt searches with a word and a filter and finds Asel.
    bakyt_page.goto("/en/members/")
    expect(heading(bakyt_page)).to_have_text("Member directory")
    field(bakyt_page, "Search").fill(word)
    bakyt_page.get_by_text("Filters", exact=True).click()
    field(bakyt_page, "Lives in (country)").select_option(label="Kazakhstan")
    bakyt_page.get_by_role("button", name="Search").click()
    results = bakyt_page.locator("#directory-results")
    expect(results.get_by_role("heading", name=asel.name)).to_be_visible()
    expect(results.get_by_text("1 member", exact=True)).to_be_visible()
    results.get_by_role("link", name=re.compile(rf"Connect.*{asel.name}")).click()

    # He asks to connect, with a note.
    expect(bakyt_page).to_have_url(re.compile(rf"/en/members/{asel_handle}/connect/$"))
    field(bakyt_page, "A note (optional)").fill("Hello Asel, we both work on water. Bakyt")
    bakyt_page.get_by_role("button", name="Ask to connect").click()
    expect(bakyt_page.get_by_role("status")).to_contain_text("Your request is sent")

    # Asel sees a notification and accepts.
    asel_page.goto("/en/me/")
    expect(unread(asel_page, "notifications")).to_have_text("1")
    asel_page.goto("/en/me/connections/")
    expect(asel_page.get_by_text("we both work on water")).to_be_visible()
    asel_page.get_by_role("button", name=f"Accept {bakyt.name}").click()
    expect(asel_page.get_by_role("status")).to_contain_text("You are now connected")

    # Bakyt writes; Asel's unread count goes up, then down when she reads.
    bakyt_page.goto(f"/en/members/{asel_handle}/connect/")
    bakyt_page.get_by_role("button", name="Send a message").click()
    field(bakyt_page, "Your message").fill("Salam! Shall we talk about the Naryn dam study?")
    bakyt_page.get_by_role("button", name="Send").click()
    expect(bakyt_page.locator(".cx-thread")).to_contain_text("Naryn dam study")
    expect(field(bakyt_page, "Your message")).to_have_value("")
    conversation_path = re.sub(r"^https?://[^/]+", "", bakyt_page.url).split("#")[0]

    asel_page.goto("/en/me/")
    expect(unread(asel_page, "messages")).to_have_text("1")
    asel_page.get_by_test_id("nav-messages").click()
    asel_page.get_by_role("link", name=re.compile(bakyt.name)).click()
    expect(asel_page.locator(".cx-thread")).to_contain_text("Naryn dam study")
    expect(unread(asel_page, "messages")).to_have_count(0)
    field(asel_page, "Your message").fill("Yes, gladly. Tomorrow at ten?")
    asel_page.get_by_role("button", name="Send").click()
    expect(asel_page.locator(".cx-thread")).to_contain_text("Tomorrow at ten")

    bakyt_page.goto("/en/me/")
    open_menu(bakyt_page)
    expect(unread(bakyt_page, "messages")).to_have_text("1")
    bakyt_page.goto(conversation_path)
    expect(bakyt_page.locator(".cx-thread")).to_contain_text("Tomorrow at ten")
    expect(unread(bakyt_page, "messages")).to_have_count(0)

    # Asel blocks Bakyt: the conversation disappears for both of them.
    asel_page.get_by_role("link", name="Connection, block, report").click()
    asel_page.get_by_role("link", name="Block", exact=True).click()
    expect(heading(asel_page)).to_have_text(f"Block {bakyt.name}?")
    asel_page.get_by_role("button", name="Block").click()
    expect(asel_page.get_by_role("status")).to_contain_text("You blocked")
    expect(heading(asel_page)).to_have_text("Blocked members")
    expect(asel_page.get_by_role("button", name=f"Unblock {bakyt.name}")).to_be_visible()
    asel_page.wait_for_load_state("load")
    asel_page.goto("/en/messages/")
    expect(asel_page.get_by_text("No messages yet.")).to_be_visible()
    bakyt_page.goto("/en/messages/")
    expect(bakyt_page.get_by_text("No messages yet.")).to_be_visible()
    # The word that found her at the start finds no one for him now.
    bakyt_page.goto(f"/en/members/?q={word}")
    expect(bakyt_page.locator("#directory-results")).to_contain_text("No member matches.")
    expect(bakyt_page.locator(f'#directory-results a[href*="/{asel_handle}/"]')).to_have_count(0)
    # The thread's address answers "not found" to him now (asked without opening a page).
    assert bakyt_page.request.get(conversation_path).status == 404

    # A third member reports Bakyt's profile.
    cholpon_page = new_page()
    cholpon = Person.new("Cholpon Sadykova")
    join(cholpon_page, mailbox, cholpon)
    cholpon_page.goto(f"/en/members/{bakyt_handle}/connect/")
    cholpon_page.get_by_role("link", name="Report this profile").click()
    cholpon_page.get_by_label("Spam or advertising").check()
    field(cholpon_page, "Details (optional)").fill(f"Sends advertising to everyone ({tag})")
    cholpon_page.get_by_role("button", name="Send report").click()
    expect(cholpon_page.get_by_role("status")).to_contain_text("The moderators will look")

    # A moderator resolves it in the Wagtail admin (without JavaScript: Wagtail's own admin is
    # not what this journey audits).
    moderator = new_page(javascript=False)
    log_in(moderator, EDITOR)
    moderator.goto("/admin/moderation/reports/?status=open")
    moderator.get_by_role("link", name=re.compile("profile · Spam or advertising")).first.click()
    expect(moderator.get_by_text(f"Sends advertising to everyone ({tag})")).to_be_visible()
    moderator.get_by_role("button", name=re.compile("Dismiss")).click()
    expect(moderator.get_by_text("Report dismissed.")).to_be_visible()
