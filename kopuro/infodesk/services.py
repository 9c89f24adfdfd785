"""Writes for the information service: terminals and their tokens, heartbeats, anonymous
event batches and their daily aggregation, phone views, and the guides index.

Event batches are all-or-nothing: a batch is validated in full before anything is written,
then counted and recorded under its id in one transaction, so a replay (the kiosk did not
hear the answer and sends again) is recognised and not counted twice.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kopuro.core.audit import log_action
from kopuro.infodesk.languages import all_languages
from kopuro.infodesk.models import DailyReach, EventBatch, Terminal, hash_token

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
EVENT_TYPES = ("session", "view", "helpful")
MAX_AGE_DAYS = 60  # events older than this are refused (a kiosk offline for two months)


class BatchError(ValueError):
    """A batch that cannot be counted; `message` says why (sent back as JSON)."""

    error_messages = {
        "not_object": _("The body must be a JSON object."),
        "batch_id": _("'batch' must be a UUID."),
        "events": _("'events' must be a list of 1 to %(max)d events."),
        "event": _("Event %(n)d is not valid: %(why)s"),
    }

    def __init__(self, code: str, **params):
        self.code = code
        self.message = (
            str(self.error_messages[code]) % params if params else str(self.error_messages[code])
        )
        super().__init__(self.message)


@dataclass(frozen=True)
class Event:
    type: str
    day: object
    topic: str
    section: str
    language: str
    helpful: bool | None


# --- Terminals ------------------------------------------------------------------------------------


@transaction.atomic
def terminal_issue_token(*, terminal: Terminal, actor=None) -> str:
    """A new secret token for `terminal` (the old one stops working). Returned once, kept hashed."""
    token = Terminal.new_token()
    terminal.token_hash = hash_token(token)
    terminal.token_issued_at = timezone.now()
    terminal.token_revoked_at = None
    terminal.save(update_fields=["token_hash", "token_issued_at", "token_revoked_at"])
    log_action("terminal.token_issued", actor=actor, target=terminal)
    return token


@transaction.atomic
def terminal_revoke_token(*, terminal: Terminal, actor=None) -> Terminal:
    terminal.token_revoked_at = timezone.now()
    terminal.save(update_fields=["token_revoked_at"])
    log_action("terminal.token_revoked", actor=actor, target=terminal)
    return terminal


def terminal_authenticate(*, code: str, token: str) -> Terminal | None:
    terminal = Terminal.objects.filter(code=code).first()
    if terminal is None or not terminal.token_matches(token):
        return None
    return terminal


def terminal_heartbeat(*, terminal: Terminal, app_version: str, content_version: str) -> Terminal:
    terminal.last_seen_at = timezone.now()
    terminal.app_version = app_version[:40]
    terminal.content_version = content_version[:40]
    terminal.save(update_fields=["last_seen_at", "app_version", "content_version"])
    return terminal


# --- Events ---------------------------------------------------------------------------------------


def parse_batch(payload) -> tuple[uuid.UUID, list[Event]]:
    """Validate a whole batch; raises BatchError naming the first problem."""
    if not isinstance(payload, dict):
        raise BatchError("not_object")
    try:
        batch_id = uuid.UUID(str(payload.get("batch", "")))
    except ValueError:
        raise BatchError("batch_id") from None
    raw = payload.get("events")
    limit = settings.KOPURO_KIOSK_BATCH_MAX_EVENTS
    if not isinstance(raw, list) or not 1 <= len(raw) <= limit:
        raise BatchError("events", max=limit)
    return batch_id, [_parse_event(n, item) for n, item in enumerate(raw, 1)]


def _parse_event(n: int, item) -> Event:
    def bad(why: str):
        return BatchError("event", n=n, why=why)

    if not isinstance(item, dict):
        raise bad("not an object")
    kind = item.get("type")
    if kind not in EVENT_TYPES:
        raise bad("'type' must be one of " + ", ".join(EVENT_TYPES))
    at = item.get("at")
    if not isinstance(at, str):
        raise bad("'at' must be an ISO 8601 time")
    try:
        when = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        raise bad("'at' must be an ISO 8601 time") from None
    if timezone.is_naive(when):
        raise bad("'at' needs a time zone")
    now = timezone.now()
    if when > now + timedelta(hours=1) or when < now - timedelta(days=MAX_AGE_DAYS):
        raise bad(f"'at' must be within the last {MAX_AGE_DAYS} days")
    language = item.get("lang", "")
    if language not in all_languages():
        raise bad("'lang' must be one of " + ", ".join(all_languages()))
    topic, section = item.get("topic", ""), item.get("section", "")
    for name, value in (("topic", topic), ("section", section)):
        if not isinstance(value, str) or (value and not KEY_RE.match(value)):
            raise bad(f"'{name}' must be a key such as 'russia'")
    if kind in ("view", "helpful") and not topic:
        raise bad("'topic' is required")
    helpful = item.get("helpful")
    if kind == "helpful" and not isinstance(helpful, bool):
        raise bad("'helpful' must be true or false")
    return Event(
        type=kind,
        day=timezone.localtime(when).date(),
        topic=topic if kind != "session" else "",
        section=section if kind != "session" else "",
        language=language,
        helpful=helpful if kind == "helpful" else None,
    )


def events_record(*, terminal: Terminal, payload) -> dict:
    """Count a batch for `terminal`; {"status": "counted"|"duplicate", "events": n}."""
    batch_id, events = parse_batch(payload)
    if EventBatch.objects.filter(terminal=terminal, batch_id=batch_id).exists():
        return {"status": "duplicate", "events": 0}
    try:
        with transaction.atomic():
            EventBatch.objects.create(terminal=terminal, batch_id=batch_id, events=len(events))
            _aggregate(events, source=terminal.code, terminal=terminal)
    except IntegrityError:
        # The same batch arrived twice at once: the other request counted it.
        return {"status": "duplicate", "events": 0}
    return {"status": "counted", "events": len(events)}


def _aggregate(events: list[Event], *, source: str, terminal: Terminal | None) -> None:
    counts: Counter = Counter()
    for e in events:
        key = (e.day, e.topic, e.section, e.language)
        if e.type == "session":
            counts[(key, "sessions")] += 1
        elif e.type == "view":
            counts[(key, "views")] += 1
        else:
            counts[(key, "helpful_yes" if e.helpful else "helpful_no")] += 1
    by_row: dict[tuple, dict[str, int]] = {}
    for (key, column), n in counts.items():
        by_row.setdefault(key, {})[column] = n
    for (day, topic, section, language), columns in sorted(by_row.items()):
        _add(
            day=day,
            source=source,
            terminal=terminal,
            topic=topic,
            section=section,
            language=language,
            columns=columns,
        )


def _add(*, day, source, terminal, topic, section, language, columns: dict[str, int]) -> None:
    where = {"day": day, "source": source, "topic": topic, "section": section, "language": language}
    updated = DailyReach.objects.filter(**where).update(**{c: F(c) + n for c, n in columns.items()})
    if updated:
        return
    try:
        with transaction.atomic():
            DailyReach.objects.create(terminal=terminal, **where, **columns)
    except IntegrityError:  # created meanwhile by another request
        DailyReach.objects.filter(**where).update(**{c: F(c) + n for c, n in columns.items()})


def web_view_record(*, topic: str, section: str, language: str) -> bool:
    """A phone's view of a guide or topic (no cookie, nothing about the reader)."""
    if not KEY_RE.match(topic or "") or (section and not KEY_RE.match(section)):
        return False
    if language not in all_languages():
        return False
    _add(
        day=timezone.localdate(),
        source=DailyReach.WEB,
        terminal=None,
        topic=topic,
        section=section,
        language=language,
        columns={"views": 1},
    )
    return True


# --- Pages ----------------------------------------------------------------------------------------


@transaction.atomic
def guides_ensure_index(*, home):
    """The /guides/ index under `home` (published), created when missing."""
    from kopuro.infodesk.models import GuideIndexPage

    index = GuideIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    home.refresh_from_db()  # a stale numchild would give the new page a taken tree path
    index = GuideIndexPage(
        title="Guides for migrants",
        slug="guides",
        locale=home.locale,
        intro=(
            "Rules, rights, risks and whom to call: before you leave, while you are abroad "
            "and when you come home."
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def audio_enqueue(*, page) -> None:
    """Queue the spoken versions of `page`'s sections once the transaction commits."""
    if not settings.KOPURO_INFODESK_AUDIO:
        return
    from kopuro.infodesk.tasks import page_audio_generate

    page_id = page.pk
    transaction.on_commit(lambda: page_audio_generate.enqueue(page_id=page_id))
