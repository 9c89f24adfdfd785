"""Who may open what: every URL that shows or changes personal data, for each kind of visitor.

The table
---------
`ROWS` is the whole policy: one `Row` per URL (and method), one expected outcome per column.

Columns (who asks):
- ``anonymous``: nobody signed in.
- ``member``: a signed-in member who is *not* the person the URL is about.
- ``owner``: the member the URL is about, signed in (for ``/me/...`` URLs, whoever is signed in).
- ``staff``: a signed-in staff editor with access to the Wagtail admin, not the person either.

Cells (what they get): an HTTP status (200, 403, 404, 405) or ``LOGIN`` (302 to the sign-in page,
with ``next`` back to the URL; the Wagtail admin sends people there too). Every
200 for a signed-in person must also say ``Cache-Control: private``.

Adding a row
------------
A later issue that adds a page with personal data adds one line to ``ROWS``, e.g.::

    Row("/en/connect/messages/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/connect/block/{handle}/", method="post", anonymous=LOGIN, member=302, owner=400,
        staff=302),

``{handle}`` in the URL is the handle of the member the row is about: the *listed* member (in
the directory) by default, ``subject="unlisted"`` for one who left the directory. ``data`` is
the POST body. If a row needs someone else (say, a moderator), add a column to `Row`, `ROLES`
and the `people` fixture, and give every existing row a value for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest

from kopuro.accounts.tests.factories import ProfileFactory, UserFactory

LOGIN = "302 to the sign-in page"

Expect = int | str


@dataclass(frozen=True)
class Row:
    url: str
    anonymous: Expect
    member: Expect
    owner: Expect
    staff: Expect
    method: str = "get"
    subject: str = "listed"
    data: dict = field(default_factory=dict)


ROWS: list[Row] = [
    # Accounts: my own pages (kopuro/accounts/urls.py)
    Row("/en/me/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/me/welcome/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/me/profile/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/me/photo/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/me/data/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/me/data/export/", method="post", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/me/data/export/", anonymous=LOGIN, member=405, owner=405, staff=405),
    Row("/en/me/delete/", anonymous=LOGIN, member=200, owner=200, staff=200),
    # A wrong confirmation re-renders the form and deletes nothing.
    Row(
        "/en/me/delete/",
        method="post",
        data={"confirm_email": "someone-else@example.org"},
        anonymous=LOGIN,
        member=200,
        owner=200,
        staff=200,
    ),
    # Profiles: listed members are open to all; unlisted ones only to themselves.
    Row("/en/members/{handle}/", anonymous=200, member=200, owner=200, staff=200),
    Row(
        "/en/members/{handle}/",
        subject="unlisted",
        anonymous=404,
        member=404,
        owner=200,
        staff=404,
    ),
    Row("/en/members/no-such-member/", anonymous=404, member=404, owner=404, staff=404),
    # allauth: e-mail addresses, password, two-factor authentication
    Row("/en/accounts/email/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/accounts/password/change/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/accounts/2fa/", anonymous=LOGIN, member=200, owner=200, staff=200),
    # Learn and Contribute: my library, my contributions, drafts, responses, organisation roles
    # ({draft}, {opportunity}, {organisation} belong to the subject: kopuro/contribute/tests/access.py)
    Row("/en/me/library/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/me/contributions/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/resources/contribute/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/resources/{draft}/", anonymous=404, member=404, owner=200, staff=200),
    Row("/en/resources/{draft}/edit/", anonymous=LOGIN, member=404, owner=200, staff=200),
    Row("/en/resources/{draft}/download/", anonymous=404, member=404, owner=302, staff=302),
    Row(
        "/en/opportunities/{opportunity}/responses/",
        anonymous=LOGIN,
        member=404,
        owner=200,
        staff=200,
    ),
    Row("/en/opportunities/{opportunity}/edit/", anonymous=LOGIN, member=404, owner=200, staff=200),
    Row(
        "/en/organisations/{organisation}/members/",
        anonymous=LOGIN,
        member=404,
        owner=200,
        staff=200,
    ),
    Row(
        "/en/organisations/{organisation}/edit/", anonymous=LOGIN, member=404, owner=200, staff=200
    ),
    Row("/en/expertise/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/en/expertise/new/", anonymous=LOGIN, member=200, owner=200, staff=200),
    Row("/admin/moderation/resources/", anonymous=LOGIN, member=LOGIN, owner=LOGIN, staff=200),
    Row("/admin/contribute/organisations/", anonymous=LOGIN, member=LOGIN, owner=LOGIN, staff=200),
    # API: a signed-in session is neither an organisation's integration nor a terminal (their
    # tokens are tested in kopuro/api/tests/test_partner.py and test_terminal.py).
    Row(
        "/api/v1/partner/organisations/{organisation}/opportunities",
        anonymous=401,
        member=401,
        owner=401,
        staff=401,
    ),
    Row(
        "/api/v1/partner/organisations/{organisation}/opportunities",
        method="post",
        anonymous=401,
        member=401,
        owner=401,
        staff=401,
    ),
    Row("/api/v1/terminal/manifest", anonymous=401, member=401, owner=401, staff=401),
    Row("/api/v1/terminal/events", method="post", anonymous=401, member=401, owner=401, staff=401),
    # Wagtail admin: staff only
    Row("/admin/", anonymous=LOGIN, member=LOGIN, owner=LOGIN, staff=200),
    Row("/admin/users/", anonymous=LOGIN, member=LOGIN, owner=LOGIN, staff=200),
]

ROLES = ("anonymous", "member", "owner", "staff")


@pytest.fixture
def people(site):
    """The listed and the unlisted member the rows are about, another member, and staff."""
    listed = ProfileFactory(in_directory=True)
    unlisted = ProfileFactory(in_directory=False)
    return {
        "listed": listed,
        "unlisted": unlisted,
        "member": ProfileFactory(in_directory=True).user,
        "staff": UserFactory(is_staff=True, is_superuser=True),
    }


def _cases():
    for row in ROWS:
        for role in ROLES:
            label = f"{row.method.upper()} {row.url}"
            if row.subject != "listed":
                label += f" ({row.subject})"
            yield pytest.param(row, role, id=f"{label} as {role}")


@pytest.mark.parametrize(("row", "role"), list(_cases()))
def test_access(client, people, row: Row, role: str):
    subject = people[row.subject]
    user = {
        "anonymous": None,
        "member": people["member"],
        "owner": subject.user,
        "staff": people["staff"],
    }[role]
    if user is not None:
        client.force_login(user)
    from kopuro.contribute.tests.access import placeholders

    url = row.url.format(handle=subject.handle, **placeholders(row.url, subject))

    response = getattr(client, row.method)(url, row.data)

    expected = getattr(row, role)
    if expected == LOGIN:
        assert response.status_code == 302, response.status_code
        location = urlsplit(response["Location"])
        assert location.path == "/en/accounts/login/"
        assert parse_qs(location.query)["next"] == [url]
    else:
        assert response.status_code == expected
    if user is not None and response.status_code == 200:
        # What a signed-in person sees is never kept by a shared cache.
        assert "private" in response.get("Cache-Control", "")


def test_every_account_url_has_a_row():
    """A new URL in kopuro/accounts/urls.py needs a row (and a decision) in the table."""
    from kopuro.accounts.urls import urlpatterns

    covered = {row.url for row in ROWS}
    for pattern in urlpatterns:
        url = "/en/" + str(pattern.pattern).replace("<slug:handle>", "{handle}")
        assert url in covered, f"{url} has no row in ROWS"
