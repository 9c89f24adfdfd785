"""Background work: spoken versions ("Listen") of guide and topic sections.

espeak-ng (Debian's package; `make espeak` installs it) speaks each section to a WAV file,
lame (when installed) makes it a small mono MP3 that kiosks can keep offline; without lame the
WAV is kept. A language espeak-ng has no voice for (Tajik, today) is recorded as unavailable
and the page says so. A section whose text has not changed is not spoken again.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import strip_tags
from django_tasks import task

logger = logging.getLogger(__name__)

VOICES = {"en": "en", "ru": "ru", "ky": "ky", "uz": "uz", "tg": "tg"}
TIMEOUT = 60


@functools.cache
def voice_available(language: str) -> bool:
    program = shutil.which(settings.KOPURO_INFODESK_ESPEAK)
    voice = VOICES.get(language)
    if program is None or voice is None:
        return False
    try:
        out = subprocess.run(  # noqa: S603 - fixed program, no shell
            [program, f"--voices={voice}"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return any(line.split()[1:2] == [voice] for line in out.splitlines()[1:] if line.split())


def section_text(section) -> str:
    body = strip_tags(str(section.body.source if hasattr(section.body, "source") else section.body))
    return f"{section.heading}.\n{' '.join(body.split())}"


def speak(text: str, language: str) -> tuple[bytes, str]:
    """(audio bytes, extension) for `text` in `language`; raises OSError on failure."""
    program = shutil.which(settings.KOPURO_INFODESK_ESPEAK)
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "s.wav"
        subprocess.run(  # noqa: S603 - fixed program, text passed on stdin
            [program, "-v", VOICES[language], "-s", "150", "-w", str(wav), "--stdin"],
            input=text.encode(),
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )
        lame = shutil.which("lame")
        if lame:
            mp3 = Path(tmp) / "s.mp3"
            subprocess.run(  # noqa: S603
                [lame, "--quiet", "-m", "m", "-b", "24", "--resample", "16", str(wav), str(mp3)],
                check=True,
                capture_output=True,
                timeout=TIMEOUT,
            )
            return mp3.read_bytes(), "mp3"
        return wav.read_bytes(), "wav"


def section_audio_make(*, page_id: int, section, language: str) -> str:
    """Make (or keep) the audio of one section; returns its status."""
    from kopuro.infodesk.models import SectionAudio

    text = section_text(section)
    digest = hashlib.sha256(f"{language}|{text}".encode()).hexdigest()
    existing = SectionAudio.objects.filter(
        page_id=page_id, section=section.kind, language=language
    ).first()
    if existing is not None and existing.text_digest == digest and existing.status != "failed":
        return existing.status
    audio = existing or SectionAudio(page_id=page_id, section=section.kind, language=language)
    audio.text_digest = digest
    audio.made_at = timezone.now()
    old_file = audio.file.name if audio.file else ""
    if not voice_available(language):
        audio.status = SectionAudio.Status.UNAVAILABLE
        audio.file = ""
        audio.bytes = 0
    else:
        try:
            data, ext = speak(text, language)
        except (OSError, subprocess.SubprocessError) as error:
            logger.warning("espeak-ng failed for page %s %s: %s", page_id, section.kind, error)
            audio.status = SectionAudio.Status.FAILED
        else:
            audio.status = SectionAudio.Status.READY
            audio.file.save(
                f"{page_id}-{section.kind}-{language}.{ext}", ContentFile(data), save=False
            )
            audio.bytes = len(data)
    audio.save()
    if old_file and old_file != audio.file.name:
        audio.file.storage.delete(old_file)
    return audio.status


@task()
def page_audio_generate(page_id: int) -> dict[str, int]:
    """Spoken versions of every section of a guide or topic, in its language and in its
    Uzbek and Tajik versions."""
    from collections import Counter

    from wagtail.models import Page

    from kopuro.infodesk.selectors import sections_of

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return {}
    page = page.specific
    done: Counter = Counter()
    language = page.locale.language_code
    for section in sections_of(page.sections, page_id=page.pk, language=language):
        done[section_audio_make(page_id=page.pk, section=section, language=language)] += 1
    first = Page.objects.filter(translation_key=page.translation_key).order_by("pk").first()
    if first is None or first.pk != page.pk:
        return dict(done)  # Uzbek and Tajik versions are read from the first translation
    for version in page.extra_languages.all():
        for section in sections_of(version.sections, page_id=page.pk, language=version.language):
            done[
                section_audio_make(page_id=page.pk, section=section, language=version.language)
            ] += 1
    return dict(done)
