"""What a person does on Kopuro, as reusable steps: sign up, confirm the e-mail, sign in and out,
get through onboarding. Journeys combine these and assert what the person sees."""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass

from PIL import Image
from playwright.sync_api import Page, expect

from e2e.support.mail import Mailbox

DEMO_MEMBER_EMAIL = "aida@demo.kopuro.org"
DEMO_PASSWORD = "kopuro-demo"


@dataclass
class Person:
    name: str
    email: str
    password: str

    @classmethod
    def new(cls, name: str = "Nurlan Asanov") -> Person:
        """A person who has no account yet; the e-mail address is unique to this run."""
        tag = secrets.token_hex(4)
        return cls(
            name=name,
            email=f"{name.split()[0].lower()}.{tag}@example.org",
            password=f"bridge-{tag}-Tian-Shan",
        )


DEMO_MEMBER = Person("Aida Toktogulova", DEMO_MEMBER_EMAIL, DEMO_PASSWORD)


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def field(page: Page, label: str):
    """The form control labelled exactly `label` (a required field's "*" marker ignored)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def sign_up(page: Page, person: Person) -> None:
    """Open the sign-up form, fill it in and send it."""
    page.goto("/en/accounts/signup/")
    fill_sign_up(page, person)


def fill_sign_up(page: Page, person: Person) -> None:
    """Fill in the open sign-up form and send it; the person lands on "verify your e-mail"."""
    field(page, "Your name").fill(person.name)
    field(page, "Email").fill(person.email)
    field(page, "Password").fill(person.password)
    field(page, "Password (again)").fill(person.password)
    page.get_by_label(re.compile("I accept the")).check()
    page.get_by_role("button", name=re.compile("sign up", re.I)).click()
    expect(heading(page)).to_have_text(re.compile(r"(verify|confirm|check).*e-?mail", re.I))


def confirm_email(page: Page, mailbox: Mailbox, person: Person) -> None:
    """Open the link from the confirmation e-mail and confirm; allauth then signs the person in."""
    link = mailbox.link(to=person.email, containing="/confirm-email/")
    page.goto(link)
    page.get_by_role("button", name=re.compile("confirm", re.I)).click()


def join(page: Page, mailbox: Mailbox, person: Person) -> None:
    """Sign up, confirm, and skip the onboarding: a member with a bare profile, on the dashboard."""
    sign_up(page, person)
    confirm_email(page, mailbox, person)
    expect(page).to_have_url(re.compile(r"/en/me/welcome/"))
    skip_onboarding(page)


def skip_onboarding(page: Page) -> None:
    """Skip every remaining onboarding step ("Step n of m"), ending on the dashboard."""
    counter = page.get_by_text(re.compile(r"^\s*Step \d+ of \d+\s*$"))
    while True:
        n, total = map(int, re.findall(r"\d+", counter.inner_text()))
        if n < total:
            page.get_by_role("link", name=re.compile("skip this step", re.I)).click()
            expect(counter).to_have_text(re.compile(rf"Step {n + 1} of {total}"))
        else:
            page.get_by_role("button", name=re.compile("skip for now", re.I)).click()
            expect(page).to_have_url(re.compile(r"/en/me/$"))
            return


def log_in(page: Page, person: Person) -> None:
    page.goto("/en/accounts/login/")
    field(page, "Email").fill(person.email)
    field(page, "Password").fill(person.password)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()


def log_out(page: Page) -> None:
    nav_item(page, "button", "Sign out").click()
    # allauth asks again on GET; from the menu's POST it signs out straight away.
    expect(main_nav(page).get_by_role("link", name="Sign in")).to_be_attached()


def main_nav(page: Page):
    return page.get_by_role("navigation", name="Main")


def nav_item(page: Page, role: str, name: str):
    """A link or button of the header menu, made visible to click: the menu unfolded on a phone,
    its group (a <details> dropdown: Community, Newsroom, My account) opened on a wide screen."""
    open_menu(page)
    header = page.locator("header")
    item = header.get_by_role(role, name=name, exact=True, include_hidden=True)
    if not item.is_visible():
        inner = page.get_by_role(role, name=name, exact=True, include_hidden=True)
        header.locator("details.nav-group").filter(has=inner).locator("> summary").click()
    return item


def open_menu(page: Page) -> None:
    """Open the header menu if it is folded away (a <details> on narrow screens)."""
    menu = page.locator("details.nav-toggle")
    summary = menu.locator("> summary")
    if summary.is_visible() and menu.get_attribute("open") is None:
        summary.click()


def jpeg_bytes(width: int = 640, height: int = 480) -> bytes:
    """A real JPEG photo (a gradient), made on the spot."""
    image = Image.new("RGB", (width, height))
    image.putdata(
        [(x * 255 // width, y * 255 // height, 140) for y in range(height) for x in range(width)]
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def switch_language(page: Page, name: str) -> None:
    """Click a language in the header's switcher ("Русский", "Кыргызча", "English")."""
    page.get_by_role("navigation", name=re.compile("Language|Язык|Тил")).get_by_role(
        "link", name=re.compile(name)
    ).click()


def download(page: Page, link, folder) -> tuple[str, bytes]:
    """Click `link` (a locator) and wait for the download: its suggested name and its bytes."""
    with page.expect_download() as info:
        link.click()
    arrived = info.value
    assert arrived.failure() is None, arrived.failure()
    path = folder / arrived.suggested_filename
    arrived.save_as(path)
    return arrived.suggested_filename, path.read_bytes()


def log_in_to(page: Page, person: Person, path: str) -> None:
    """Sign in from the sign-in page with `next`, landing straight on `path`."""
    from urllib.parse import quote

    page.goto(f"/en/accounts/login/?next={quote(path)}")
    field(page, "Email").fill(person.email)
    field(page, "Password").fill(person.password)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(re.escape(path.split("?")[0]) + r"(\?|$)"))
