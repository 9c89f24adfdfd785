"""The public profile page honours each field group's visibility, the directory choice and
deletion, and costs the same number of queries however many terms a member has."""

import pytest

from kopuro.accounts import services
from kopuro.accounts.models import Term, Visibility
from kopuro.accounts.tests.conftest import jpeg_bytes, upload
from kopuro.accounts.tests.factories import ProfileFactory, TermFactory, UserFactory
from kopuro.core.testing import assert_queries_constant

pytestmark = pytest.mark.django_db


def term(vocabulary, slug):
    return Term.objects.get(vocabulary=vocabulary, slug=slug)


# Each group: how to fill it with something recognisable, and the text that shows it.
GROUPS = {
    "photo": None,  # filled with a real upload below; shown as the <img> of the avatar
    "headline": ({"headline": "Hydrologist-Headline-Mark"}, "Hydrologist-Headline-Mark"),
    "bio": ({"bio": "Bio-Mark: I map glaciers."}, "Bio-Mark: I map glaciers."),
    "origin": ({"origin_region": "Origin-Mark-Naryn"}, "Origin-Mark-Naryn"),
    "residence": ({"residence_city": "Residence-Mark-Incheon"}, "Residence-Mark-Incheon"),
    "languages": ({"languages": [("language", "ko")]}, "Korean"),
    "expertise": ({"expertise": [("expertise", "renewable-energy")]}, "Renewable energy"),
    "offers": ({"offers": [("contribution", "mentoring")]}, "Mentoring"),
    "links": ({"website": "https://links-mark.example.org/"}, "links-mark.example.org"),
}

VIEWERS = ["anonymous", "member", "owner"]

# (visibility, viewer) -> whether the viewer sees the group
SEES = {
    (Visibility.PUBLIC, "anonymous"): True,
    (Visibility.PUBLIC, "member"): True,
    (Visibility.PUBLIC, "owner"): True,
    (Visibility.MEMBERS, "anonymous"): False,
    (Visibility.MEMBERS, "member"): True,
    (Visibility.MEMBERS, "owner"): True,
    (Visibility.PRIVATE, "anonymous"): False,
    (Visibility.PRIVATE, "member"): False,
    (Visibility.PRIVATE, "owner"): True,
}


def fill_group(profile, group):
    if group == "photo":
        services.profile_set_photo(profile=profile, upload=upload("me.jpg", jpeg_bytes()))
        profile.refresh_from_db()
        return profile.photo_small.url
    values, shown = GROUPS[group]
    data = {}
    for key, value in values.items():
        if isinstance(value, list):
            data[key] = [term(v, s) for v, s in value]
        else:
            data[key] = value
    services.profile_update(profile=profile, data=data)
    return shown


def client_for(viewer, client, profile):
    if viewer == "member":
        client.force_login(UserFactory())
    elif viewer == "owner":
        client.force_login(profile.user)
    return client


@pytest.mark.parametrize("group", list(GROUPS))
@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("viewer", VIEWERS)
def test_profile_page_shows_each_group_only_to_whom_it_may(client, group, visibility, viewer):
    profile = ProfileFactory(
        headline="", bio="", origin_region="", residence_city="", display_name="Bermet Asanova"
    )
    shown = fill_group(profile, group)
    services.profile_update(profile=profile, data={f"{group}_visibility": visibility})

    response = client_for(viewer, client, profile).get(f"/en/members/{profile.handle}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bermet Asanova" in html  # the name is shown to whoever may open the profile
    if SEES[(visibility, viewer)]:
        assert shown in html
    else:
        assert shown not in html


def test_hidden_groups_say_nothing_at_all_to_anonymous_visitors(client):
    profile = ProfileFactory(display_name="Quiet Member")
    for group in GROUPS:
        fill_group(profile, group)
    services.profile_update(
        profile=profile, data={f"{g}_visibility": Visibility.MEMBERS for g in GROUPS}
    )
    html = client.get(f"/en/members/{profile.handle}/").content.decode()
    assert "Quiet Member" in html
    for group, spec in GROUPS.items():
        if spec:
            assert spec[1] not in html, group
    assert "<img" not in html.split('<main id="main"', 1)[1]
    assert "Members see more of this profile." in html


def test_member_not_in_directory_is_hidden_from_others_but_not_from_themselves(client):
    profile = ProfileFactory(in_directory=False)
    url = f"/en/members/{profile.handle}/"
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(profile.user)
    response = client.get(url)
    assert response.status_code == 200
    assert "This is your profile as you see it." in response.content.decode()


def test_deleted_member_profile_is_gone(client):
    profile = ProfileFactory()
    handle = profile.handle
    user = profile.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get(f"/en/members/{handle}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/en/members/{handle}/").status_code == 404


def test_unknown_handle_is_a_friendly_404(client, site):
    response = client.get("/en/members/no-such-member/")
    assert response.status_code == 404
    assert "We could not find this page" in response.content.decode()


def test_member_photo_has_alt_text_free_of_name_duplication(client):
    profile = ProfileFactory()
    fill_group(profile, "photo")
    html = client.get(f"/en/members/{profile.handle}/").content.decode()
    assert profile.photo_small.url in html
    assert 'alt=""' in html  # decorative: the name is the heading next to it


@pytest.mark.parametrize("viewer", VIEWERS)
def test_profile_page_query_count_does_not_grow_with_terms(client, viewer):
    """3 or 30 terms in every vocabulary field and 3 or 30 tags: the same queries."""
    profile = ProfileFactory(**{f"{g}_visibility": Visibility.PUBLIC for g in GROUPS})
    if viewer == "member":
        client.force_login(UserFactory())
    elif viewer == "owner":
        client.force_login(profile.user)
    added = {"n": 0}

    def add_terms(n):
        start = added["n"]
        added["n"] += n
        for vocabulary, fields in (
            ("expertise", ["expertise", "interests"]),
            ("contribution", ["offers", "seeks"]),
            ("language", ["languages"]),
        ):
            terms = TermFactory.create_batch(n, vocabulary=vocabulary)
            for name in fields:
                getattr(profile, name).add(*terms)
        profile.tags.add(*[f"skill {i}" for i in range(start, start + n)])

    # With the data cache off, as here: the profile's columns (what every request needs), then
    # the profile with its vocabularies (only when the page's cached content is rendered).
    count = assert_queries_constant(
        client, f"/en/members/{profile.handle}/", add_terms, max_queries=14
    )
    html = client.get(f"/en/members/{profile.handle}/").content.decode()
    assert "skill 29" in html
    assert html.count('class="badge') >= 30 * 4  # expertise, interests, tags, offers, seeks
    assert count


def test_owner_sees_who_else_sees_each_part(client):
    profile = ProfileFactory(bio_visibility=Visibility.PRIVATE, headline_visibility="public")
    client.force_login(profile.user)
    html = client.get(f"/en/members/{profile.handle}/").content.decode()
    assert "Visible to: </span>Only me" in html
    assert "Visible to: </span>Everyone" in html
    client.force_login(UserFactory())
    assert "Visible to:" not in client.get(f"/en/members/{profile.handle}/").content.decode()


def test_own_words_are_listed_in_order(client):
    profile = ProfileFactory(expertise_visibility=Visibility.PUBLIC)
    services.profile_update(profile=profile, data={"tags": ["zoology", "accounting", "music"]})
    html = client.get(f"/en/members/{profile.handle}/").content.decode()
    # Within the interests list: a random headline ("Music therapist") may say one word earlier.
    words = html[html.index("<h2>Interests") :]
    assert words.index("accounting") < words.index("music") < words.index("zoology")


def test_profile_read_for_pages_carries_no_account_secrets():
    """Profiles read for pages are cached: no e-mail address or password hash inside."""
    import pickle

    from kopuro.accounts import selectors

    profile = ProfileFactory()
    read = selectors.profile_get_for_viewer(handle=profile.handle, viewer=profile.user)
    blob = pickle.dumps(read)
    assert profile.user.email.encode() not in blob
    assert profile.user.password.encode() not in blob
