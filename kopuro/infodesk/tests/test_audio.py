"""'Listen': spoken sections made in the background with espeak-ng, served as files."""

import shutil

import pytest

from kopuro.infodesk.models import SectionAudio, TopicPage
from kopuro.infodesk.tasks import page_audio_generate, voice_available

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (make espeak)"
    ),
]


def test_publishing_makes_audio_and_tajik_is_unavailable(
    client, guides, settings, django_capture_on_commit_callbacks
):
    settings.KOPURO_INFODESK_AUDIO = True
    page = TopicPage.objects.get(key="trafficking", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert SectionAudio.objects.filter(page=page, language="en", status="ready").count() == 4
    assert SectionAudio.objects.filter(page=page, language="uz", status="ready").count() == 4
    assert SectionAudio.objects.filter(page=page, language="tg", status="unavailable").count() == 4
    audio = SectionAudio.objects.filter(page=page, language="en").first()
    response = client.get(audio.url)
    assert response.status_code == 200 and response["Content-Type"] in ("audio/mpeg", "audio/wav")
    head = b"".join(response.streaming_content)[:4]
    assert head[:3] in (b"ID3", b"RIF") or head[0] == 0xFF  # an MP3 frame or a WAV file
    html = client.get("/en/guides/trafficking/").content.decode()
    assert audio.url in html
    tg = client.get("/ru/guides/trafficking/in/tg/").content.decode()
    assert "Нет озвученной версии" in tg or "There is no spoken version" in tg


def test_unchanged_text_is_not_spoken_again(guides, settings):
    page = TopicPage.objects.get(key="trafficking", locale__language_code="ky")
    page_audio_generate.call(page_id=page.pk)
    made = dict(SectionAudio.objects.filter(page=page).values_list("pk", "made_at"))
    page_audio_generate.call(page_id=page.pk)
    assert dict(SectionAudio.objects.filter(page=page).values_list("pk", "made_at")) == made


def test_voices():
    assert voice_available("ky") and voice_available("ru")
    assert not voice_available("tg")
