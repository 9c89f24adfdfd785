"""Access-control rows for Connect, on the accounts' visibility table (GROUPS × visibility ×
viewer in kopuro/accounts/tests/test_profile_page.py): a hidden field never leaks through the
directory (cards, search, filters), suggestions or the map; a message is readable only by its
two members."""

import pytest

from kopuro.accounts import services as account_services
from kopuro.accounts.models import Visibility
from kopuro.accounts.tests.test_profile_page import GROUPS, SEES, fill_group
from kopuro.connect import services
from kopuro.connect.suggestions import suggestions_recompute
from kopuro.connect.tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

# The groups a directory card or the search can show (links and bio are never on a card, but
# the bio is searchable).
SEARCHABLE = ["headline", "bio", "origin", "residence", "languages", "expertise", "offers"]


@pytest.mark.parametrize("group", SEARCHABLE)
@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_directory_search_and_cards(client, group, visibility, viewer):
    profile = make_member(
        display_name="Zarina Probe", headline="", bio="", origin_region="", residence_city=""
    )
    shown = fill_group(profile, group)
    account_services.profile_update(profile=profile, data={f"{group}_visibility": visibility})
    if viewer == "member":
        client = client_for(make_member(display_name="Viewer"))
    sees = SEES[(visibility, viewer)]
    word = shown.split(":")[0].split(".")[0].split()[0].lower().strip(",")
    partial = {"HX-Request": "true", "HX-Target": "directory-results"}  # the results alone
    found = (
        "Zarina Probe" in client.get("/en/members/", {"q": word}, headers=partial).content.decode()
    )
    assert found == sees, f"search for {word!r} in {group} ({visibility}) by {viewer}"
    listing = client.get("/en/members/", headers=partial).content.decode()
    if not sees:
        assert shown not in listing


@pytest.mark.parametrize(
    "group,code_text",
    [
        ("expertise", "You both work in"),
        ("offers", "offers Mentoring"),
        ("origin", "Also from"),
        ("residence", "Lives in your city"),
    ],
)
@pytest.mark.parametrize("visibility", list(Visibility))
def test_suggestion_reasons(group, code_text, visibility):
    me = make_member(
        display_name="Me",
        expertise=["health"],
        seeks=["mentoring"],
        origin_region="Naryn",
        residence_country="KR",
        residence_city="Ansan",
    )
    other = make_member(
        display_name="Other",
        expertise=["health"],
        offers=["mentoring"],
        origin_region="Naryn",
        residence_country="KR",
        residence_city="Ansan",
        expertise_visibility=Visibility.MEMBERS,
        offers_visibility=Visibility.MEMBERS,
    )
    account_services.profile_update(profile=other, data={f"{group}_visibility": visibility})
    suggestions_recompute(user_id=me.user_id)
    html = client_for(me).get("/en/members/for-you/").content.decode()
    assert (code_text in html) == SEES[(visibility, "member")]


@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_map(client, visibility, viewer):
    for _ in range(5):
        make_member(residence_country="KG", residence_city="Talas", residence_visibility=visibility)
    if viewer == "member":
        client = client_for(
            make_member(display_name="Viewer", residence_city="", residence_country="")
        )
    html = client.get("/en/members/map/").content.decode()
    assert ("Talas" in html) == SEES[(visibility, viewer)]


def test_a_message_is_readable_only_by_its_two_members(client):
    a, b, c = make_member(), make_member(), make_member()
    services.member_settings_update(user=b.user, messages_from_anyone=True)
    conv = services.conversation_open(sender=a.user, recipient=b.user)
    services.message_send(conversation=conv, sender=a.user, body="Only-for-b")
    url = f"/en/messages/{conv.pk}/"
    assert "Only-for-b" in client_for(a).get(url).content.decode()
    assert "Only-for-b" in client_for(b).get(url).content.decode()
    assert client_for(c).get(url).status_code == 404
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert "Only-for-b" not in client_for(c).get("/en/messages/").content.decode()
    assert "Only-for-b" not in client_for(c).get("/en/notifications/").content.decode()


def test_groups_table_is_the_accounts_one():
    assert set(SEARCHABLE) <= set(GROUPS)
