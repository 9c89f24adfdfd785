"""The demo content: seed_demo is reproducible and idempotent, the home page is in three
languages through wagtail-localize, and the bulk generator for benchmarks works.

Seeding the whole demo (every app's content) takes about half a minute, so most tests here share
one seeded database (`demo`, once for the class `TestSeededDemo` in each test process that runs
some of its tests, rolled back afterwards); only the tests that need what comes before a first
seed start from an empty one."""

from collections import Counter

import pytest
from django.core.management import call_command
from PIL import Image
from wagtail.models import Page, Revision

from kopuro.accounts.models import Profile, User, Visibility
from kopuro.core.demo.people import make_persona
from kopuro.core.testing import seeded_once

pytestmark = pytest.mark.django_db
DEMO_MEMBERS = 20

EN_HEADLINE = "A bridge between Kyrgyzstan and its people around the world"
RU_HEADLINE = "Мост между Кыргызстаном и его людьми по всему миру"
KY_HEADLINE = "Кыргызстан менен дүйнө жүзүндөгү мекендештердин ортосундагы көпүрө"


@pytest.fixture
def seed(django_capture_on_commit_callbacks):
    """Run seed_demo and its after-commit work (wagtail-localize publishes on commit)."""

    def run(members=30, **options):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("seed_demo", members=members, stdout=_Sink(), **options)
        return _Sink.last

    return run


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo seeded once (DEMO_MEMBERS members with photos) for the class's tests; yields
    the media folder that holds the demo's photos."""
    media = tmp_path_factory.mktemp("demo-media")

    def seed():
        call_command("seed_demo", members=DEMO_MEMBERS, stdout=_Sink())

    with seeded_once(django_db_blocker, media, seed):
        yield media


class _Sink:
    last = ""

    def write(self, text, *args, **kwargs):
        _Sink.last = text

    def flush(self):
        pass


def _counts():
    from allauth.account.models import EmailAddress
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    from kopuro.accounts.models import Consent, TaggedProfile
    from kopuro.core.models import BrandingSettings

    return {
        "users": User.objects.count(),
        "profiles": Profile.objects.count(),
        "photos": Profile.objects.exclude(photo="").count(),
        "emails": EmailAddress.objects.count(),
        "consents": Consent.objects.count(),
        "tags": TaggedProfile.objects.count(),
        "languages": Profile.languages.through.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "branding": list(BrandingSettings.objects.values_list("footer_contacts", "tagline")),
    }


class TestSeededDemo:
    """On the shared seed (`demo`)."""

    def test_seed_demo_twice_adds_and_changes_nothing(self, demo, seed):
        first = _counts()
        # The members, Aida, the editor, the newsroom writer and approver.
        assert first["users"] == DEMO_MEMBERS + 4
        assert first["photos"] >= 5
        handles = dict(Profile.objects.values_list("user__email", "handle"))

        message = seed(members=DEMO_MEMBERS)
        assert "nothing to add" in message
        assert _counts() == first
        assert dict(Profile.objects.values_list("user__email", "handle")) == handles

    def test_more_members_later_only_adds_the_missing_ones(self, demo, seed):
        emails = set(User.objects.values_list("email", flat=True))
        seed(members=DEMO_MEMBERS + 5, no_photos=True)
        after = set(User.objects.values_list("email", flat=True))
        assert emails < after and len(after - emails) == 5

    def test_home_page_in_english_russian_and_kyrgyz(self, client, demo):
        pages = {}
        for lang, headline in (("en", EN_HEADLINE), ("ru", RU_HEADLINE), ("ky", KY_HEADLINE)):
            response = client.get(f"/{lang}/")
            html = response.content.decode()
            assert response.status_code == 200
            assert f"<h1>{headline}</h1>" in html
            pages[lang] = html
        assert "Почему «мост»" in pages["ru"]
        assert "Эмне үчүн «көпүрө»" in pages["ky"]
        # The language switcher links the three pages to each other.
        for html in pages.values():
            for lang in ("en", "ru", "ky"):
                assert f'href="/{lang}/" lang="{lang}"' in html
        # The footer carries the office's contacts.
        assert "Ryskulov Street" in pages["ru"]

    def test_translations_are_synced_wagtail_localize_translations(self, demo):
        from wagtail_localize.models import Translation

        from kopuro.core.models import HomePage

        source_page = HomePage.objects.get(locale__language_code="en")
        for lang in ("ru", "ky"):
            translation = Translation.objects.get(
                source__object_id=source_page.translation_key, target_locale__language_code=lang
            )
            assert translation.enabled
            target = translation.get_target_instance()
            assert target.live and target.alias_of_id is None
            assert target.translation_key == source_page.translation_key

    def test_demo_logins(self, client, demo):
        assert client.login(email="aida@demo.kopuro.org", password="kopuro-demo")
        aida = Profile.objects.get(user__email="aida@demo.kopuro.org")
        assert aida.in_directory and aida.onboarded_at is not None
        assert aida.photo and aida.photo_small
        assert aida.expertise.exists() and aida.offers.exists() and aida.languages.count() == 4
        editor = User.objects.get(email="editor@demo.kopuro.org")
        assert editor.is_staff and editor.is_superuser
        assert client.login(email="editor@demo.kopuro.org", password="kopuro-demo")

    def test_new_in_the_community_shows_demo_photos(self, client, demo):
        html = client.get("/en/").content.decode()
        assert "Aida Toktogulova" in html
        assert html.count('class="card__image"') >= 2

    def test_demo_photos_went_through_the_upload_policy(self, demo, settings):
        settings.MEDIA_ROOT = demo
        for profile in Profile.objects.exclude(photo=""):
            with Image.open(profile.photo.path) as img:
                assert img.format == "JPEG" and max(img.size) <= 1024
                assert not img.getexif()
            with Image.open(profile.photo_small.path) as small:
                assert small.size == (192, 192)


def test_seed_keeps_what_an_editor_wrote(seed):
    from kopuro.core.models import HomePage
    from kopuro.core.services import site_ensure_home

    home = site_ensure_home()
    home.hero_title = "Our own headline"
    home.save_revision().publish()
    seed(members=0, no_photos=True)
    assert HomePage.objects.get(pk=home.pk).hero_title == "Our own headline"
    # No translation is made from text we have no translation for.
    assert HomePage.objects.count() == 1


def test_personas_are_reproducible_and_varied():
    people = [make_persona(i, seed=2026) for i in range(200)]
    assert [p.display_name for p in people] == [
        make_persona(i, seed=2026).display_name for i in range(200)
    ]
    assert [p.display_name for p in people[:20]] != [
        make_persona(i, seed=1).display_name for i in range(20)
    ]
    countries = Counter(p.residence_country for p in people)
    assert len(countries) >= 20
    assert countries.most_common(1)[0][0] == "RU"
    assert 0.7 <= sum(p.in_directory for p in people) / 200 <= 0.9
    assert 0.45 <= sum(bool(p.photo_style) for p in people) / 200 <= 0.75
    assert {p.lang for p in people} == {"en", "ru"}
    assert any(any("а" <= ch <= "я" for ch in p.display_name.lower()) for p in people)
    for group in ("photo", "bio", "links"):
        assert {p.visibility[group] for p in people} == {
            Visibility.PUBLIC,
            Visibility.MEMBERS,
            Visibility.PRIVATE,
        }
    assert len({p.email for p in people}) == 200


def test_bulk_insert_members_for_benchmarks(client):
    from kopuro.core.demo.members import bulk_insert_members

    assert bulk_insert_members(60, seed=7, batch=25) == 60
    assert bulk_insert_members(60, seed=7, batch=25) == 0
    assert Profile.objects.count() == 60
    assert Profile.objects.filter(expertise__isnull=False).distinct().count() == 60
    assert Profile.languages.through.objects.count() >= 60
    assert len(set(Profile.objects.values_list("created_at", flat=True))) > 50
    member = User.objects.order_by("pk").first()
    assert client.login(email=member.email, password="kopuro-demo")


def test_demo_profile_factory_makes_a_full_member():
    from kopuro.accounts.tests.factories import DemoProfileFactory, ProfileFactory

    profile = DemoProfileFactory()
    assert profile.pk and profile.user.pk
    assert profile.display_name and profile.residence_country
    assert profile.expertise.exists() and profile.languages.exists()
    assert ProfileFactory().pk  # the plain factory still works
