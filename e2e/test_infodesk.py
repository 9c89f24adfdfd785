"""Journeys: an information terminal works offline and reports its use; a phone visitor finds
the nearest consulate from a chosen city, without JavaScript.

The kiosk is loaded once with its token (as the installer does), the network is cut, a person
reads the Kyrgyz trafficking topic and a destination guide and listens to a section; the idle
timeout sends the kiosk back to the language choice; the network returns and the queued
events arrive and show in the staff dashboard's totals.
"""

import re
import subprocess
import sys

from playwright.sync_api import expect

from e2e.support.server import REPO, server_env
from e2e.support.steps import Person, log_in

EDITOR = Person("Editor", "editor@demo.kopuro.org", "kopuro-demo")


def issue_token(server, code: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "kiosk_token", code],
        cwd=REPO,
        env=server_env(server.tmp),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_kiosk_offline_reading_listening_idle_reset_and_reach(server, new_page):
    token = issue_token(server, "FRU-AIRPORT")
    kiosk = new_page(width=1080, height=1920)
    kiosk.clock.install()
    kiosk.goto(f"/kiosk/FRU-AIRPORT/#token={token}")
    expect(kiosk.locator("html[data-kiosk-ready]")).to_be_attached(timeout=120_000)
    expect(kiosk).to_have_url(re.compile(r"/kiosk/FRU-AIRPORT/$"))  # the token left the address

    kiosk.context.set_offline(True)
    kiosk.get_by_role("link", name="Кыргызча").click()
    expect(kiosk.locator("html")).to_have_class(re.compile("k-is-offline"))
    kiosk.get_by_role("link", name=re.compile("Адам сатуу")).click()
    kiosk.get_by_role("link", name=re.compile("Коркунучтуу белгилер")).click()
    expect(kiosk.get_by_role("heading", level=1)).to_contain_text("Коркунучтуу белгилер")
    audio = kiosk.locator("audio")
    audio.evaluate("a => { a.muted = true; return a.play(); }")
    kiosk.clock.run_for(1500)
    kiosk.wait_for_timeout(1500)
    assert audio.evaluate("a => a.currentTime") > 0  # played from the offline cache
    kiosk.get_by_role("button", name="Ооба").click()
    expect(kiosk.get_by_text("Рахмат!")).to_be_visible()

    kiosk.get_by_role("link", name=re.compile("Башкы бет")).click()
    kiosk.get_by_role("link", name="Россия").click()
    kiosk.get_by_role("link", name=re.compile("Иштөөгө уруксат")).click()
    expect(kiosk.locator(".k-body")).to_contain_text("патент")

    kiosk.clock.run_for(91_000)  # nobody touches it for the idle timeout
    expect(kiosk).to_have_url(re.compile(r"/kiosk/FRU-AIRPORT/$"))
    expect(kiosk.get_by_role("link", name="Тоҷикӣ")).to_be_visible()

    kiosk.context.set_offline(False)
    kiosk.clock.run_for(21_000)  # the next send, at the latest
    expect(kiosk.locator("html[data-kiosk-sent]")).to_be_attached(timeout=30_000)

    staff = new_page()
    log_in(staff, EDITOR)
    staff.goto("/admin/infodesk/reach/?terminal=FRU-AIRPORT")
    assert int(staff.locator("#total-sessions").inner_text()) >= 1
    assert int(staff.locator("#total-views").inner_text()) >= 2
    expect(staff.locator("table").nth(2)).to_contain_text("trafficking")
    # Leave the report only once its accessibility audit is done: a navigation made while the
    # audit of this admin page runs was parked and, in CI runs, never let go (the audit's gate,
    # e2e/support/audit.py; not yet understood).
    staff.wait_for_function("() => window.__kopuroAxe && window.__kopuroAxe.done")
    staff.goto("/admin/infodesk/fleet/")
    expect(staff.get_by_role("row", name=re.compile("FRU-AIRPORT"))).to_contain_text("online")


def test_phone_visitor_finds_the_nearest_consulate_from_a_chosen_city(new_page):
    phone = new_page(javascript=False, width=360, height=800)
    phone.goto("/en/guides/")
    phone.get_by_role("link", name="Hotlines and service points").first.click()
    phone.get_by_label("Kind").select_option("consulate")
    phone.get_by_label("Nearest to").select_option(label="Yekaterinburg")
    phone.get_by_role("button", name="Show").click()
    expect(phone.get_by_text("Nearest to Yekaterinburg first.")).to_be_visible()
    first = phone.locator(".id-point").first
    expect(first).to_contain_text("Yekaterinburg")
    expect(first.locator("a[href^='tel:']")).to_have_count(1)
