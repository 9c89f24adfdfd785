"""Journeys through Learn and Contribute.

1. Aida contributes a resource with a PDF; a moderator returns it with a reason; she fixes it
   and resubmits; the moderator publishes it. A new member on a 360-px phone finds it with a
   facet and a word, saves it to "My library" and downloads it.
2. Aida posts an opportunity for the organisation she administers; the new member expresses
   interest; Aida shortlists and accepts; the member sees "Accepted" in "My contributions".
3. An invitation to a request for expertise reaches Aida, who accepts it.
"""

import re
import secrets
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from e2e.support.steps import (
    DEMO_MEMBER,
    DEMO_PASSWORD,
    Person,
    download,
    field,
    heading,
    join,
    log_in_to,
)
from kopuro.learn.demo import pdf_bytes

EDITOR = Person("Editor", "editor@demo.kopuro.org", DEMO_PASSWORD)


def contribute_resource(page: Page, title: str, word: str) -> str:
    page.goto("/en/resources/contribute/")
    expect(heading(page)).to_have_text("Contribute a resource")
    field(page, "Title").fill(title)
    field(page, "Kind").select_option(label="Toolkit")
    field(page, "Summary").fill(f"How a village cooperative measured its {word} output.")
    page.get_by_role("group", name="Languages").get_by_label("English").check()
    page.get_by_role("group", name="Topics").get_by_label("Mining and geology").check()
    # A file outside the allow-list first: refused, and what was typed stays.
    page.get_by_label("File", exact=True).set_input_files(
        {"name": "tool.html", "mimeType": "text/html", "buffer": b"<html><script>x</script>"}
    )
    page.get_by_role("button", name="Send for moderation").click()
    expect(page.get_by_text("This kind of file is not accepted")).to_be_visible()
    expect(field(page, "Title")).to_have_value(title)
    page.get_by_role("group", name="Languages").get_by_label("English").check()
    page.get_by_role("group", name="Topics").get_by_label("Mining and geology").check()
    page.get_by_label("File", exact=True).set_input_files(
        {"name": "toolkit.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(title)}
    )
    page.get_by_role("button", name="Send for moderation").click()
    expect(page.get_by_role("status").first).to_contain_text("waiting for a moderator")
    return page.url


def moderate(page: Page, resource_url: str, *, reason: str = "") -> None:
    if page.url != resource_url:
        page.goto(resource_url)
    page.goto(page.get_by_role("link", name="Moderate", exact=True).get_attribute("href"))
    if reason:
        page.get_by_label("Why is it returned?").fill(reason)
        page.get_by_role("button", name="Return with this reason").click()
    else:
        page.get_by_role("button", name="Publish").click()
    expect(page).to_have_url(resource_url)
    expect(page.get_by_role("status").first).to_contain_text(
        "Returned to the contributor." if reason else "Published."
    )


def test_a_resource_is_moderated_found_saved_and_downloaded(new_page, mailbox, tmp_path):
    tag = secrets.token_hex(3)
    word = f"quartz{tag}"
    title = f"Measuring {word} in small mines"

    aida = new_page()
    log_in_to(aida, DEMO_MEMBER, "/en/resources/contribute/")
    resource_url = contribute_resource(aida, title, word)

    editor = new_page()
    log_in_to(editor, EDITOR, urlsplit(resource_url).path)
    moderate(editor, resource_url, reason="Please add the year it was measured.")

    # Aida is told why, fixes it and sends it again.
    aida.goto("/en/notifications/")
    expect(aida.get_by_text("Please add the year it was measured.")).to_be_visible()
    aida.goto(resource_url)
    aida.get_by_role("link", name="Fix and resubmit").click()
    field(aida, "Year").fill("2024")
    aida.get_by_role("button", name="Save").click()
    expect(aida.get_by_role("status").first).to_contain_text("back in the moderation queue")

    moderate(editor, resource_url)

    # A new member on a phone finds it through a facet and a word.
    phone = new_page(width=360, height=780)
    reader = Person.new("Kanykei Osmonova")
    join(phone, mailbox, reader)
    phone.goto("/en/resources/")
    expect(heading(phone)).to_have_text("Resource library")
    phone.get_by_text("Filters", exact=True).click()
    field(phone, "Topic").select_option("mining")
    field(phone, "Search").fill(word)
    phone.get_by_role("button", name="Search", exact=True).click()
    expect(phone).to_have_url(re.compile(rf"q={word}"))  # the search's results, not the facet's
    results = phone.locator("#library-results")
    expect(results.get_by_text("1 resource", exact=True)).to_be_visible()
    results.get_by_role("button", name=re.compile(rf"Save.*{word}")).click()
    expect(results.get_by_role("button", name=re.compile("Saved"))).to_be_visible()
    results.get_by_role("link", name=title).click()
    expect(heading(phone)).to_have_text(title)
    name, content = download(
        phone, phone.get_by_role("link", name=re.compile("Download")), tmp_path
    )
    assert name.endswith(".pdf") and content.startswith(b"%PDF-")
    phone.reload()
    expect(phone.get_by_text(re.compile(r"\b1 download\b"))).to_be_visible()
    phone.goto("/en/me/library/")
    expect(phone.get_by_role("link", name=title)).to_be_visible()


def test_an_organisation_posts_a_member_offers_and_is_accepted(new_page, mailbox):
    tag = secrets.token_hex(3)
    title = f"Guides for a trek in Naryn {tag}"

    aida = new_page()
    log_in_to(aida, DEMO_MEMBER, "/en/opportunities/new/")
    field(aida, "Title").fill(title)
    field(aida, "Kind").select_option(label="Volunteering")
    field(aida, "Posted by").select_option(label="Manas Society of Almaty")
    field(aida, "Description").fill("Two weekends of guiding students through the mountains.")
    aida.get_by_role("group", name="Sectors").get_by_label("Tourism and hospitality").check()
    field(aida, "Deadline").fill("2000-01-01")
    aida.get_by_role("button", name="Post").click()
    expect(aida.get_by_text("The deadline has passed already")).to_be_visible()
    expect(field(aida, "Title")).to_have_value(title)
    aida.get_by_role("group", name="Sectors").get_by_label("Tourism and hospitality").check()
    field(aida, "Deadline").fill("")
    aida.get_by_role("button", name="Post").click()
    expect(heading(aida)).to_have_text(title)
    opportunity_url = aida.url

    member = new_page(width=360, height=780)
    person = Person.new("Bakyt Asanov")
    join(member, mailbox, person)
    member.goto("/en/opportunities/")
    field(member, "Kind").select_option(label="Volunteering")
    member.get_by_role("button", name="Search", exact=True).click()
    member.get_by_role("link", name=title).click()
    field(member, "Your message").fill("I have guided three treks around Song-Kol.")
    member.get_by_role("button", name="Express interest").click()
    expect(member.get_by_role("status").first).to_contain_text("Your interest is sent")

    aida.goto(opportunity_url)
    aida.get_by_role("link", name="See the responses").click()
    expect(aida.get_by_text("I have guided three treks around Song-Kol.")).to_be_visible()
    aida.get_by_role("button", name=f"Shortlist {person.name}").click()
    expect(aida.get_by_text("Shortlisted", exact=True)).to_be_visible()
    aida.get_by_role("button", name=f"Accept {person.name}").click()
    expect(aida.get_by_role("status").first).to_contain_text("They have been told")

    member.goto("/en/me/contributions/")
    row = member.get_by_role("listitem").filter(has_text=title)
    expect(row.get_by_text("Accepted")).to_be_visible()
    member.goto("/en/notifications/")
    expect(
        member.get_by_text(re.compile(f"Your offer for .{re.escape(title)}. is accepted"))
    ).to_be_visible()


def test_an_invitation_to_a_request_for_expertise_is_accepted(new_page):
    page = new_page()
    log_in_to(page, DEMO_MEMBER, "/en/me/contributions/")
    invitations = page.get_by_role("region", name="Invitations to requests for expertise")
    invitations.get_by_role("link", name="Seismic assessment of rural schools").click()
    expect(page.get_by_role("heading", name="Your invitation")).to_be_visible()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("status").first).to_contain_text("You accepted")
    expect(page.get_by_text("Your answer:")).to_be_visible()
