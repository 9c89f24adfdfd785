"""Journey: a member downloads everything Kopuro holds about them, then deletes the account."""

import json
import re
import zipfile

from playwright.sync_api import expect

from e2e.support.steps import Person, heading, join, log_in, main_nav


def test_member_downloads_their_data_and_deletes_the_account(page, mailbox, tmp_path):
    person = Person.new("Bakyt Omurov")
    join(page, mailbox, person)

    page.get_by_role("link", name=re.compile("My data")).click()
    expect(heading(page)).to_have_text("My data")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download my data").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".zip")
    archive = tmp_path / download.suggested_filename
    download.save_as(archive)
    with zipfile.ZipFile(archive) as z:
        assert "data.json" in z.namelist(), z.namelist()
        data = json.loads(z.read("data.json"))
    dumped = json.dumps(data, ensure_ascii=False)
    assert person.email in dumped
    assert person.name in dumped

    page.get_by_role("link", name=re.compile("Delete my account")).click()
    expect(heading(page)).to_have_text("Delete my account")
    page.get_by_label("Type your e-mail address to confirm").fill(person.email)
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_role("status")).to_contain_text("Your account is deleted")
    expect(main_nav(page).get_by_role("link", name="Sign in")).to_be_visible()

    log_in(page, person)
    expect(page).to_have_url(re.compile(r"/en/accounts/login/"))
    expect(page.get_by_role("alert")).to_contain_text(re.compile("not correct", re.I))
