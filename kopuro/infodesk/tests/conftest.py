import pytest


@pytest.fixture(autouse=True)
def _no_audio(settings):
    """No espeak-ng runs unless a test asks for it (test_audio.py)."""
    settings.KOPURO_INFODESK_AUDIO = False


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def guides(site, monkeypatch, django_capture_on_commit_callbacks):
    """The guides index with the Russia guide and the trafficking topic (with its Uzbek and
    Tajik versions) in English, Russian and Kyrgyz, twelve service points and terminals."""
    from kopuro.core.demo.site import home_seed_english, home_seed_translations
    from kopuro.infodesk import demo_content as C
    from kopuro.infodesk.demo import seed_infodesk_now

    monkeypatch.setattr(C, "GUIDES", C.GUIDES[:1])
    monkeypatch.setattr(C, "TOPICS", C.TOPICS[:1])
    with django_capture_on_commit_callbacks(execute=True):
        home_seed_english(home=site)
        home_seed_translations(home=site)
    with django_capture_on_commit_callbacks(execute=True):
        seed_infodesk_now(home=site)
    return site


def make_terminal(code: str = "FRU-TEST", languages: str = "ky,ru,en,uz,tg"):
    """A terminal with a token issued; the token itself is in `plain_token`."""
    from kopuro.infodesk.models import Terminal
    from kopuro.infodesk.services import terminal_issue_token

    t = Terminal.objects.create(
        code=code, name="Test kiosk", place="Hall", region="Chui", languages=languages
    )
    t.plain_token = terminal_issue_token(terminal=t)
    return t


@pytest.fixture
def terminal(db):
    return make_terminal()
