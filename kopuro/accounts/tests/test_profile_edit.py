"""Editing the profile: every field is saved, bad input is refused with a clear message and
kept, and markup typed into any text field is shown as text, never run."""

import re

import pytest

from kopuro.accounts.models import Profile, Term

pytestmark = pytest.mark.django_db

EDIT_URL = "/en/me/profile/"


def ids(vocabulary, *slugs):
    return [str(Term.objects.get(vocabulary=vocabulary, slug=s).pk) for s in slugs]


def full_data(**overrides):
    data = {
        "display_name": "Nurlan Abdyrakhmanov",
        "headline": "Solar engineer in Seoul",
        "headline_visibility": "public",
        "bio": "I build solar farms.\nI was born in Talas.",
        "bio_visibility": "members",
        "origin_country": "KG",
        "origin_region": "Talas",
        "origin_visibility": "public",
        "residence_country": "KR",
        "residence_city": "Seoul",
        "residence_visibility": "private",
        "languages": ids("language", "ky", "ru", "ko"),
        "languages_visibility": "members",
        "expertise": ids("expertise", "renewable-energy", "engineering"),
        "interests": ids("expertise", "education"),
        "tags": "solar panels, grid storage , Solar Panels,  ",
        "expertise_visibility": "public",
        "offers": ids("contribution", "mentoring", "skills-transfer"),
        "seeks": ids("contribution", "partnerships"),
        "offers_visibility": "members",
        "website": "https://nurlan.example.org/",
        "linkedin": "https://www.linkedin.com/in/nurlan",
        "links_visibility": "private",
        "photo_visibility": "members",
        "in_directory": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def slugs(qs):
    return sorted(t.slug for t in qs.all())


def test_edit_page_shows_current_values(member_client, member):
    response = member_client.get(EDIT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{member.display_name}"' in html or member.display_name in html
    assert 'value="Moscow"' in html
    assert "For each part, choose who can see it" in html


def test_saving_every_field(member_client, member):
    response = member_client.post(EDIT_URL, full_data())
    assert response.status_code == 302
    assert response["Location"] == "/en/me/"

    p = Profile.objects.get(pk=member.pk)
    assert p.display_name == "Nurlan Abdyrakhmanov"
    assert p.headline == "Solar engineer in Seoul"
    assert p.bio == "I build solar farms.\nI was born in Talas."
    assert (p.origin_country.code, p.origin_region) == ("KG", "Talas")
    assert (p.residence_country.code, p.residence_city) == ("KR", "Seoul")
    assert slugs(p.languages) == ["ko", "ky", "ru"]
    assert slugs(p.expertise) == ["engineering", "renewable-energy"]
    assert slugs(p.interests) == ["education"]
    assert sorted(t.name for t in p.tags.all()) == ["grid storage", "solar panels"]
    assert slugs(p.offers) == ["mentoring", "skills-transfer"]
    assert slugs(p.seeks) == ["partnerships"]
    assert p.website == "https://nurlan.example.org/"
    assert p.linkedin == "https://www.linkedin.com/in/nurlan"
    assert p.in_directory is True
    assert (p.headline_visibility, p.bio_visibility, p.origin_visibility) == (
        "public",
        "members",
        "public",
    )
    assert (p.residence_visibility, p.languages_visibility, p.expertise_visibility) == (
        "private",
        "members",
        "public",
    )
    assert (p.offers_visibility, p.links_visibility, p.photo_visibility) == (
        "members",
        "private",
        "members",
    )
    # The handle (the profile's address) does not change with the name.
    assert p.handle == member.handle

    dashboard = member_client.get("/en/me/").content.decode()
    assert "Your profile is saved." in dashboard


def test_clearing_choices_and_tags(member_client, member):
    member_client.post(EDIT_URL, full_data())
    member_client.post(
        EDIT_URL,
        full_data(languages=None, expertise=None, interests=None, offers=None, seeks=None, tags=""),
    )
    p = Profile.objects.get(pk=member.pk)
    assert slugs(p.languages) == slugs(p.expertise) == slugs(p.offers) == []
    assert list(p.tags.all()) == []


def test_edit_form_shows_saved_tags_and_choices(member_client, member):
    member_client.post(EDIT_URL, full_data())
    html = member_client.get(EDIT_URL).content.decode()
    assert 'value="grid storage, solar panels"' in html
    korean = ids("language", "ko")[0]
    assert re.search(rf'name="languages" value="{korean}"[^>]*checked', html)


def test_words_of_a_vocabulary_cannot_be_smuggled_into_another(member_client, member):
    # A language is not a field of expertise, whatever the browser sends.
    response = member_client.post(EDIT_URL, full_data(expertise=ids("language", "ko")))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert slugs(Profile.objects.get(pk=member.pk).expertise) == []


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("display_name", 80),
        ("headline", 120),
        ("bio", 2000),
        ("origin_region", 80),
        ("residence_city", 80),
        ("tags", 500),
    ],
)
def test_over_long_text_is_refused_clearly_and_kept(member_client, member, field, limit):
    before = Profile.objects.get(pk=member.pk)
    too_long = ("x" * (limit - 6)) + " kept!!" if field != "tags" else "y" * (limit + 1)
    response = member_client.post(EDIT_URL, full_data(**{field: too_long}))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct the errors below." in html
    errors = re.search(rf'id="id_{field}_error">(.*?)</ul>', html, re.S).group(1)
    assert f"Ensure this value has at most {limit} characters (it has {len(too_long)})." in errors
    assert too_long in html  # what was typed is still there
    assert "Solar engineer in Seoul" in html or field == "headline"
    # Nothing was saved half-way: neither the long field nor the valid ones.
    after = Profile.objects.get(pk=member.pk)
    assert after.display_name == before.display_name
    assert after.headline == before.headline
    assert slugs(after.expertise) == []


def test_too_many_own_words(member_client, member):
    words = ", ".join(f"word{i}" for i in range(21))
    response = member_client.post(EDIT_URL, full_data(tags=words))
    assert response.status_code == 200
    assert "Add at most 20 of your own words." in response.content.decode()
    assert list(Profile.objects.get(pk=member.pk).tags.all()) == []


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "not a link", "ftp://files.example.org/x", "https://"]
)
def test_links_must_be_web_addresses(member_client, member, url):
    response = member_client.post(EDIT_URL, full_data(website=url))
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert Profile.objects.get(pk=member.pk).website == ""


def test_display_name_is_required(member_client, member):
    response = member_client.post(EDIT_URL, full_data(display_name="  "))
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_unknown_visibility_is_refused(member_client, member):
    response = member_client.post(EDIT_URL, full_data(bio_visibility="friends"))
    assert response.status_code == 200
    assert "Select a valid choice. friends is not one of the available choices." in (
        response.content.decode().replace("&#x27;", "'")
    )


PAYLOAD = "<script>alert('x')</script><b onmouseover=alert(1)>bold</b>"
ESCAPED = (
    "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b onmouseover=alert(1)&gt;bold&lt;/b&gt;"
)


def test_markup_in_every_text_field_is_shown_literally(member_client, member, client):
    text_fields = ["display_name", "headline", "bio", "origin_region", "residence_city"]
    data = full_data(**{f: PAYLOAD for f in text_fields}, tags=PAYLOAD.replace(",", " "))
    data.update({f"{g}_visibility": "public" for g in Profile.VISIBILITY_GROUPS})
    assert member_client.post(EDIT_URL, data).status_code == 302

    p = Profile.objects.get(pk=member.pk)
    for f in text_fields:
        assert getattr(p, f) == PAYLOAD  # stored exactly as typed
    assert [t.name for t in p.tags.all()] == [PAYLOAD]

    for viewer_client in (member_client, client):  # the owner and an anonymous visitor
        for url in (f"/en/members/{p.handle}/", "/en/me/", EDIT_URL):
            if viewer_client is client and url != f"/en/members/{p.handle}/":
                continue
            html = viewer_client.get(url).content.decode()
            assert "<script>alert" not in html, url
            assert "<b onmouseover" not in html, url
            assert "&lt;script&gt;alert(" in html, url
    html = client.get(f"/en/members/{p.handle}/").content.decode()
    # display name (twice: title and heading), headline, bio, origin, residence, tag
    assert html.count(ESCAPED) >= 6


def test_linkedin_must_be_a_linkedin_address(member_client, member):
    response = member_client.post(EDIT_URL, full_data(linkedin="https://evil.example.org/in/x"))
    assert response.status_code == 200
    assert "Enter the address of your LinkedIn profile" in response.content.decode()
    assert Profile.objects.get(pk=member.pk).linkedin == ""


def test_a_missing_visibility_keeps_the_current_choice(member_client, member):
    data = full_data()
    del data["bio_visibility"]
    assert member_client.post(EDIT_URL, data).status_code == 302
    assert Profile.objects.get(pk=member.pk).bio_visibility == "members"


def test_each_visibility_choice_says_what_it_is_for(member_client):
    html = member_client.get(EDIT_URL).content.decode()
    for label in (
        "Who can see your headline",
        "Who can see where you live",
        "Who can see your links",
        "Who can see your photo",
    ):
        assert label in html


@pytest.mark.parametrize("value", ["9223372036854775808", "-1", "1.5", "abc", "１２", "1" * 40])
def test_odd_choice_values_are_refused_not_crashed(member_client, member, value):
    response = member_client.post(EDIT_URL, full_data(languages=[value]))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
