"""The anonymous page cache: anonymous visitors share cached pages, members never do, and a
change that anonymous visitors should see (a published page, a profile) shows up at once."""

import pytest
from django.http import HttpResponse
from django.shortcuts import render
from django.template import engines
from django.urls import include, path
from django.views.decorators.cache import never_cache

from kopuro.accounts import services as account_services
from kopuro.accounts.models import Visibility
from kopuro.accounts.tests.factories import ProfileFactory
from kopuro.core.cache import HEADER
from kopuro.core.models import HomePage

# --- A small URLconf of views that each break one storing rule (used with @pytest.mark.urls) --

calls = {"n": 0}


def counted(request):
    calls["n"] += 1
    return HttpResponse(f"call {calls['n']}")


def sets_cookie(request):
    calls["n"] += 1
    response = HttpResponse(f"call {calls['n']}")
    response.set_cookie("seen", "1")
    return response


def uses_csrf(request):
    calls["n"] += 1
    template = engines["django"].from_string("{% csrf_token %}")
    return HttpResponse(template.render({}, request))


def uses_nonce(request):
    calls["n"] += 1
    return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")


def varies_on_agent(request):
    calls["n"] += 1
    response = HttpResponse(f"call {calls['n']}")
    response["Vary"] = "User-Agent"
    return response


@never_cache
def not_cacheable(request):
    calls["n"] += 1
    return HttpResponse(f"call {calls['n']}")


def flash(request):
    from django.contrib import messages

    messages.info(request, "Hello once")
    return HttpResponse("set")


def page(request):
    return render(request, "core/privacy.html", {"terms_version": "x"})


urlpatterns = [
    path("counted/", counted),
    path("sets-cookie/", sets_cookie),
    path("uses-csrf/", uses_csrf),
    path("uses-nonce/", uses_nonce),
    path("varies/", varies_on_agent),
    path("never/", not_cacheable),
    path("flash/", flash),
    path("page/", page),
    # base.html links to these
    path("accounts/", include("allauth.urls")),
    path("", include("kopuro.accounts.urls")),
    path("", include("kopuro.core.urls")),
]


@pytest.fixture
def page_cache(settings):
    from django.core.cache import cache

    cache.clear()
    settings.KOPURO_PAGE_CACHE_SECONDS = 60
    calls["n"] = 0
    yield
    cache.clear()


@pytest.fixture
def member_client(client, db):
    from django.test import Client

    member = Client()
    member.force_login(ProfileFactory(display_name="Member Mira").user)
    return member


def text(response) -> str:
    return response.content.decode()


# --- Anonymous visitors -------------------------------------------------------------------------


def test_anonymous_visitor_gets_the_cached_page(client, site, page_cache):
    first = client.get("/en/")
    HomePage.objects.filter(pk=site.pk).update(hero_title="Changed without publishing")
    second = client.get("/en/")

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert text(second) == text(first)
    assert "Changed without publishing" not in text(second)


@pytest.mark.urls(__name__)
def test_the_view_runs_once_for_many_anonymous_requests(client, db, page_cache):
    bodies = {text(client.get("/counted/")) for _ in range(3)}
    assert bodies == {"call 1"}
    assert calls["n"] == 1


def test_each_language_is_cached_on_its_own(client, site, page_cache):
    client.get("/en/")
    russian = client.get("/ru/")
    assert '<html lang="ru">' in text(russian)
    assert '<html lang="ru">' in text(client.get("/ru/"))
    assert '<html lang="en">' in text(client.get("/en/"))


def test_a_hit_keeps_the_security_headers(client, site, page_cache):
    first = client.get("/en/")
    hit = client.get("/en/")
    assert hit[HEADER] == "hit"
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Vary"):
        assert hit[name] == first[name]
    assert "Cookie" in hit["Vary"]


def test_head_is_answered_from_the_cache_without_a_body(client, site, page_cache):
    client.get("/en/")
    head = client.head("/en/")
    assert head[HEADER] == "hit"
    assert head.content == b""


@pytest.mark.urls(__name__)
def test_a_query_string_is_never_served_from_the_cache(client, db, page_cache):
    client.get("/counted/?a=1")
    assert text(client.get("/counted/?a=1")) == "call 2"


# --- Members ------------------------------------------------------------------------------------


def test_a_member_never_gets_the_cached_anonymous_page(client, member_client, site, page_cache):
    anonymous = client.get("/en/")
    assert "Join the community" in text(anonymous)

    as_member = member_client.get("/en/")

    assert HEADER not in as_member
    assert "Join the community" not in text(as_member)
    assert "Sign out" in text(as_member)


def test_a_members_page_is_never_cached(client, member_client, site, page_cache):
    assert "Sign out" in text(member_client.get("/en/"))

    anonymous = client.get("/en/")

    assert anonymous[HEADER] == "miss"
    assert "Sign out" not in text(anonymous)
    assert "Join the community" in text(anonymous)


@pytest.mark.urls(__name__)
def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, db, page_cache):
    client.get("/counted/")
    session = client.session
    session["something"] = "personal"
    session.save()
    client.cookies["sessionid"] = session.session_key

    assert text(client.get("/counted/")) == "call 2"


@pytest.mark.urls(__name__)
def test_a_pending_flash_message_is_not_lost_to_the_cache(client, site, page_cache):
    assert client.get("/page/")[HEADER] == "miss"  # now cached for anonymous visitors
    client.get("/flash/")  # leaves a message in the messages cookie
    shown = client.get("/page/")
    assert shown.get(HEADER) != "hit"
    assert "Hello once" in text(shown)


# --- What is never stored -----------------------------------------------------------------------


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    "url", ["/sets-cookie/", "/uses-csrf/", "/uses-nonce/", "/varies/", "/never/"]
)
def test_responses_that_must_not_be_shared_are_never_stored(client, db, page_cache, url):
    client.get(url)
    second = client.get(url)
    assert calls["n"] == 2
    assert second.get(HEADER) != "hit"


def test_a_response_with_set_cookie_is_never_cached(client, site, page_cache):
    # The sign-in form uses a CSRF token, so its response sets the CSRF cookie.
    first = client.get("/en/accounts/login/")
    assert first.cookies
    second = client.get("/en/accounts/login/")
    assert second.get(HEADER) is None
    assert second.cookies


# --- Changes show up ----------------------------------------------------------------------------


def test_a_published_page_change_shows_up(
    client, site, page_cache, django_capture_on_commit_callbacks
):
    assert "A bridge between home and the world" in text(client.get("/en/"))
    assert client.get("/en/")[HEADER] == "hit"

    home = HomePage.objects.get(pk=site.pk)
    home.hero_title = "Freshly published headline"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()

    after = client.get("/en/")
    assert after[HEADER] == "miss"
    assert "Freshly published headline" in text(after)


def test_an_unpublished_draft_does_not_clear_or_change_the_page(
    client, site, page_cache, django_capture_on_commit_callbacks
):
    client.get("/en/")
    home = HomePage.objects.get(pk=site.pk)
    home.hero_title = "Only a draft"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision()
    after = client.get("/en/")
    assert after[HEADER] == "hit"
    assert "Only a draft" not in text(after)


def test_a_member_hiding_a_field_disappears_from_the_cached_profile(
    client, db, page_cache, django_capture_on_commit_callbacks
):
    profile = ProfileFactory(headline="Civil engineer in Almaty")
    url = f"/en/members/{profile.handle}/"
    assert "Civil engineer in Almaty" in text(client.get(url))
    assert client.get(url)[HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        account_services.profile_update(
            profile=profile, data={"headline_visibility": Visibility.PRIVATE}
        )

    assert "Civil engineer in Almaty" not in text(client.get(url))


def test_the_cache_is_off_when_the_setting_is_zero(client, site, settings):
    settings.KOPURO_PAGE_CACHE_SECONDS = 0
    client.get("/en/")
    assert HEADER not in client.get("/en/")


# --- Cached data (branding, community figures, profiles), for members too ----------------------


def test_branding_is_read_from_the_cache_and_a_saved_change_shows_up(
    member_client, site, data_cache
):
    from wagtail.models import Site

    from kopuro.core.models import BrandingSettings

    brand = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    assert "· Kopuro</title>" in text(member_client.get("/en/"))

    BrandingSettings.objects.filter(pk=brand.pk).update(platform_name="Not through save")
    assert "Not through save" not in text(member_client.get("/en/"))  # served from the cache

    brand.refresh_from_db()
    brand.platform_name = "Bishkek Bridge"
    brand.save()
    assert "· Bishkek Bridge</title>" in text(member_client.get("/en/"))


def test_a_new_member_shows_up_on_the_home_page(member_client, site, data_cache):
    assert "Nurlan Newcomer" not in text(member_client.get("/en/"))
    ProfileFactory(display_name="Nurlan Newcomer")
    assert "Nurlan Newcomer" in text(member_client.get("/en/"))


def test_a_profiles_new_expertise_shows_up_for_members(member_client, db, data_cache):
    from kopuro.accounts.models import Term

    profile = ProfileFactory()
    url = f"/en/members/{profile.handle}/"
    term = Term.objects.filter(vocabulary=Term.Vocabulary.EXPERTISE).first()
    assert term.label not in text(member_client.get(url))

    account_services.profile_update(profile=profile, data={"expertise": [term]})

    assert term.label in text(member_client.get(url))


def test_a_deactivated_members_profile_is_gone_at_once(member_client, db, data_cache):
    profile = ProfileFactory()
    url = f"/en/members/{profile.handle}/"
    assert member_client.get(url).status_code == 200

    profile.user.is_active = False
    profile.user.save()

    assert member_client.get(url).status_code == 404


def test_signing_in_does_not_clear_the_cache(db, data_cache):
    from kopuro.core.cache import content_version

    user = ProfileFactory().user
    before = content_version()
    user.save(update_fields=["last_login"])
    assert content_version() == before


def test_language_links_are_right_with_the_data_cache(member_client, site, data_cache):
    for lang in ("en", "ru", "en"):
        page = text(member_client.get(f"/{lang}/"))
        for code in ("en", "ru", "ky"):
            assert f'hreflang="{code}"' in page
        assert f'lang="{lang}" hreflang="{lang}" aria-current="true"' in page


# --- {% cachefragment %} ------------------------------------------------------------------------


def render_string(source: str, context: dict, request=None) -> str:
    return engines["django"].from_string("{% load kopuro %}" + source).render(context, request)


def test_a_fragment_is_shared_by_viewers_with_the_same_key(db, data_cache):
    source = '{% cachefragment "t" kind %}{{ secret }}{% endcachefragment %}'
    assert render_string(source, {"kind": "member", "secret": "first"}) == "first"
    assert render_string(source, {"kind": "member", "secret": "second"}) == "first"
    assert render_string(source, {"kind": "owner", "secret": "mine"}) == "mine"


def test_a_fragment_with_a_csrf_token_is_never_shared(db, data_cache):
    from django.middleware.csrf import CsrfViewMiddleware
    from django.test import RequestFactory

    source = '{% cachefragment "form" %}{% csrf_token %}{% endcachefragment %}'
    outputs = []
    for _ in range(2):
        request = RequestFactory().get("/")
        CsrfViewMiddleware(lambda r: None).process_request(request)
        outputs.append(render_string(source, {}, request))
    assert "csrfmiddlewaretoken" in outputs[0]
    assert outputs[0] != outputs[1]


def test_a_fragment_with_a_nonce_is_never_shared(db, data_cache):
    source = '{% cachefragment "script" %}<script nonce="{{ n }}"></script>{% endcachefragment %}'
    assert "one" in render_string(source, {"n": "one"})
    assert "two" in render_string(source, {"n": "two"})


def test_a_hole_is_rendered_for_each_viewer_in_a_shared_fragment(db, data_cache):
    source = (
        '{% cachefragment "t" %}{{ shared }}|{% nocache %}{{ mine }}{% endnocache %}|'
        "{% endcachefragment %}"
    )
    assert render_string(source, {"shared": "first", "mine": "a"}) == "first|a|"
    assert render_string(source, {"shared": "second", "mine": "b"}) == "first|b|"


def test_holes_are_filled_with_the_cache_off(db, settings):
    settings.KOPURO_DATA_CACHE_SECONDS = 0
    source = (
        '{% cachefragment "t" %}{{ x }}{% nocache %}{{ y }}{% endnocache %}{% endcachefragment %}'
    )
    assert render_string(source, {"x": 1, "y": 2}) == "12"
    assert render_string(source, {"x": 3, "y": 4}) == "34"


def test_a_csrf_token_in_a_hole_is_each_visitors_own(db, data_cache):
    from django.middleware.csrf import CsrfViewMiddleware, _unmask_cipher_token, get_token
    from django.test import RequestFactory

    source = (
        '{% cachefragment "form" %}<form>{{ label }}{% nocache %}{% csrf_token %}{% endnocache %}'
        "</form>{% endcachefragment %}"
    )
    for label in ("Shared label", "Another label"):
        request = RequestFactory().get("/")
        CsrfViewMiddleware(lambda r: None).process_request(request)
        html = render_string(source, {"label": label}, request)
        assert "Shared label" in html  # the stored HTML
        token = html.split('value="')[1].split('"')[0]
        # This visitor's own token: it unmasks to the secret in their own CSRF cookie.
        assert _unmask_cipher_token(token) == _unmask_cipher_token(get_token(request))


def test_a_hole_in_a_nested_fragment_is_refused():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError, match="nested"):
        engines["django"].from_string(
            '{% load kopuro %}{% cachefragment "outer" %}{% cachefragment "inner" %}'
            "{% nocache %}x{% endnocache %}{% endcachefragment %}{% endcachefragment %}"
        )


def test_unless_renders_the_fragment_afresh(db, data_cache):
    source = '{% cachefragment "t" unless fresh %}{{ x }}{% endcachefragment %}'
    assert render_string(source, {"x": "stored", "fresh": False}) == "stored"
    assert render_string(source, {"x": "new", "fresh": True}) == "new"
    assert render_string(source, {"x": "new", "fresh": False}) == "stored"


def test_a_local_fragment_stays_in_the_worker(db, data_cache, cache_calls):
    from kopuro.core.cache import content_version, page_cache_clear

    source = '{% cachefragment "t" kind local %}{{ x }}{% endcachefragment %}'
    content_version()
    assert render_string(source, {"kind": "a", "x": "first"}) == "first"
    cache_calls.clear()
    assert render_string(source, {"kind": "a", "x": "second"}) == "first"
    assert cache_calls == {}  # no round trip to the shared cache
    page_cache_clear()  # a content change: the worker's copy is stale
    assert render_string(source, {"kind": "a", "x": "third"}) == "third"


def test_asset_is_the_static_url(settings):
    from django.templatetags.static import static

    from kopuro.core.templatetags.kopuro import asset

    assert asset("core/css/kopuro.css") == static("core/css/kopuro.css")


def test_the_owners_view_of_a_profile_never_reaches_other_members(
    client, member_client, db, data_cache
):
    profile = ProfileFactory(bio="Only I can read this", bio_visibility=Visibility.PRIVATE)
    client.force_login(profile.user)
    url = f"/en/members/{profile.handle}/"
    assert "Only I can read this" in text(client.get(url))

    assert "Only I can read this" not in text(member_client.get(url))


def test_a_cached_profile_body_follows_a_profile_change(member_client, db, data_cache):
    from django.test import Client

    profile = ProfileFactory(headline="Nurse in Seoul")
    url = f"/en/members/{profile.handle}/"
    assert "Nurse in Seoul" in text(member_client.get(url))

    Profile = type(profile)
    Profile.objects.filter(pk=profile.pk).update(headline="Changed behind the cache's back")
    other = Client()
    other.force_login(ProfileFactory().user)  # creating a profile clears the cache
    assert "Changed behind the cache" in text(other.get(url))

    Profile.objects.filter(pk=profile.pk).update(headline="Changed again, quietly")
    assert "Changed behind the cache" in text(other.get(url))  # shared, from the cache

    account_services.profile_update(profile=profile, data={"headline": "Head nurse in Seoul"})
    assert "Head nurse in Seoul" in text(member_client.get(url))


# --- The site from the cache --------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    ["localhost", "localhost:8000", "a.example", "a.example:8080", "b.example", "unknown.example"],
)
def test_the_cached_site_is_the_site_wagtail_finds(site, data_cache, host):
    from django.test import RequestFactory
    from wagtail.models import Site

    from kopuro.core.cache import find_site

    root = Site.objects.get(is_default_site=True).root_page
    Site.objects.create(hostname="a.example", port=80, root_page=root)
    Site.objects.create(hostname="a.example", port=8080, root_page=root)
    Site.objects.create(hostname="b.example", port=80, root_page=root)
    Site.objects.create(hostname="b.example", port=443, root_page=root)

    request = RequestFactory().get("/", HTTP_HOST=host)
    expected = Site._find_for_request(request)
    assert find_site(request) == expected


def test_a_new_site_is_found_at_once(site, data_cache):
    from django.test import RequestFactory
    from wagtail.models import Site

    from kopuro.core.cache import find_site

    request = RequestFactory().get("/", HTTP_HOST="c.example")
    assert find_site(request).is_default_site
    new = Site.objects.create(hostname="c.example", port=80, root_page=site)
    assert find_site(RequestFactory().get("/", HTTP_HOST="c.example")) == new


def test_the_menu_and_footer_are_shared_but_mark_the_page_they_are_on(
    member_client, site, data_cache
):
    """The main menu is cached per page address (it marks the current page), the footer per
    language; what belongs to the member (their links, the sign-out form) is never cached."""
    from django.core.cache import cache

    members = text(member_client.get("/en/members/"))
    assert 'href="/en/members/" aria-current="page"' in members
    home = text(member_client.get("/en/"))
    assert 'href="/en/members/" aria-current="page"' not in home
    members_again = text(member_client.get("/en/members/"))
    assert 'href="/en/members/" aria-current="page"' in members_again
    assert "csrfmiddlewaretoken" in members_again  # the sign-out form, rendered for this visit
    assert "Terms and privacy" in home and "Условия" in text(member_client.get("/ru/"))
    fragments = [k for k in cache._cache if "fragment:" in k]
    assert fragments  # the menu and the footer came from the cache


def test_an_error_pages_address_is_never_a_cache_key(client, site, data_cache):
    """Anyone can ask for any address: the menu of a 404 page is rendered, not cached, so
    made-up addresses cannot fill the cache."""
    from django.core.cache import cache

    client.get("/en/")
    before = {k for k in cache._cache if "fragment:" in k}
    for n in range(5):
        assert client.get(f"/en/no-such-page-{n}/").status_code == 404
    assert {k for k in cache._cache if "fragment:" in k} == before


# --- Read-ahead: a member's page reads the cache in one round trip ------------------------------


@pytest.fixture
def cache_calls(monkeypatch):
    """Round trips to the cache, by method: `get` and `get_many` (the local-memory cache's
    get_many calls get for each key: those are not counted)."""
    from collections import Counter

    from django.core.cache.backends.locmem import LocMemCache

    counts = Counter()
    inside = []
    for name in ("get", "get_many"):
        original = getattr(LocMemCache, name)

        def counted(self, *args, _name=name, _original=original, **kwargs):
            if not inside:
                counts[_name] += 1
            inside.append(_name)
            try:
                return _original(self, *args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(LocMemCache, name, counted)
    return counts


@pytest.fixture
def cached_sessions(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"


def signed_in(user):
    """A client signed in through the sign-in form, as a member is."""
    from django.test import Client

    from kopuro.accounts.tests.factories import TEST_PASSWORD

    member = Client()
    response = member.post("/en/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return member


def test_the_sign_in_form_records_a_backend_that_reads_the_account_from_the_cache(db):
    from django.contrib.auth import BACKEND_SESSION_KEY, load_backend

    from kopuro.accounts.auth_backends import CachedUserMixin

    member = signed_in(ProfileFactory().user)
    assert isinstance(load_backend(member.session[BACKEND_SESSION_KEY]), CachedUserMixin)


def test_a_members_warm_profile_page_is_one_cache_read_and_no_query(
    site, data_cache, cached_sessions, cache_calls, django_assert_num_queries
):
    viewer = signed_in(ProfileFactory(display_name="Viewer Vera").user)
    profile = ProfileFactory(headline="Engineer in Almaty")
    url = f"/en/members/{profile.handle}/"
    assert "Engineer in Almaty" in text(viewer.get(url))  # remembers "en" for the member
    viewer.get(url)  # fills the cache

    cache_calls.clear()
    with django_assert_num_queries(0):
        response = viewer.get(url)
    page = text(response)
    assert "Engineer in Almaty" in page and "Sign out" in page
    # The session, then one read for the content version, the account, blocks, header counts,
    # the header, the footer, the profile and its body.
    assert cache_calls == {"get": 1, "get_many": 1}


def test_the_cached_account_follows_a_change_at_once(site, data_cache, cached_sessions):
    user = ProfileFactory().user
    member = signed_in(user)
    assert member.get("/en/me/").status_code == 200
    assert member.get("/en/me/").status_code == 200  # from the cache now

    user.is_active = False
    user.save()
    assert member.get("/en/me/").status_code == 302  # signed out: to the sign-in page

    user.is_active = True
    user.save()
    member = signed_in(user)
    assert member.get("/en/me/").status_code == 200
    user.set_password("a new long passphrase 42")
    user.save()  # the session's hash of the old password no longer matches
    assert member.get("/en/me/").status_code == 302


def test_a_members_language_is_remembered_through_the_cached_account(
    site, data_cache, cached_sessions
):
    from kopuro.accounts.models import User

    user = ProfileFactory().user
    member = signed_in(user)
    member.get("/en/me/")
    member.get("/ru/me/")
    assert User.objects.get(pk=user.pk).language == "ru"
    member.get("/en/me/")  # the cached account said "ru" no longer: written back to "en"
    assert User.objects.get(pk=user.pk).language == "en"


def test_an_old_cache_entry_of_another_shape_is_not_read_as_an_account(site, data_cache):
    from django.core.cache import cache

    from kopuro.accounts.auth_backends import AuthenticationBackend, user_key

    user = ProfileFactory().user
    cache.set(user_key(user.pk), ("too", "short"))
    assert AuthenticationBackend().get_user(user.pk) == user
