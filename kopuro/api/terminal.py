"""Information terminals (kiosks): heartbeat, anonymous event batches and the content manifest,
for a terminal that sends `Authorization: Terminal <code>:<token>` (kopuro/api/auth.py).

They call the same services and selectors as the kiosk's own endpoints in kopuro/infodesk/views.py
(`terminal_heartbeat`, `events_record`, `kiosk_manifest`), which deployed kiosks keep using: a
batch is validated in full, counted once under its id (a replay answers "duplicate") and nothing
about a person is accepted. The schemas here are as strict as the service (and forbid any other
field), so no free text can ride along in a batch.
"""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from django.conf import settings
from django.http import HttpResponse
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from pydantic import AwareDatetime, ConfigDict

from kopuro.api.auth import TerminalToken
from kopuro.api.common import ErrorOut
from kopuro.infodesk import selectors, services
from kopuro.infodesk.languages import all_languages

router = Router(tags=["terminals"], auth=TerminalToken())

TERMINAL_ERRORS = {400: ErrorOut, 401: ErrorOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut}
# A guide's, topic's or section's key (kopuro.infodesk.services.KEY_RE), or nothing.
KEY_OR_EMPTY = r"^([a-z0-9][a-z0-9-]{0,59})?$"
VERSION = r"^[A-Za-z0-9._+-]{0,40}$"
KioskLanguage = Literal[tuple(all_languages())]  # type: ignore[valid-type]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class HeartbeatIn(Strict):
    app_version: str = Field("", pattern=VERSION, description="The kiosk's script version.")
    content_version: str = Field(
        "", pattern=VERSION, description="The manifest version the kiosk holds offline."
    )


class HeartbeatOut(Schema):
    status: Literal["ok"]
    content_version: str = Field(description="The current content version.")


@router.post(
    "/terminal/heartbeat",
    response={200: HeartbeatOut, **TERMINAL_ERRORS},
    summary="A terminal says it is alive, and which versions it runs",
)
def heartbeat(request, payload: HeartbeatIn):
    services.terminal_heartbeat(
        terminal=request.auth,
        app_version=payload.app_version,
        content_version=payload.content_version,
    )
    return {"status": "ok", "content_version": selectors.content_version()}


class EventIn(Strict):
    """One anonymous event: a session started, a section viewed, a "was this helpful?" answer.
    Nothing about the person: no text, no identifier."""

    type: Literal[services.EVENT_TYPES]  # type: ignore[valid-type]
    at: AwareDatetime = Field(description=f"Within the last {services.MAX_AGE_DAYS} days.")
    lang: KioskLanguage
    topic: str = Field("", pattern=KEY_OR_EMPTY, description="Required for view and helpful.")
    section: str = Field("", pattern=KEY_OR_EMPTY)
    helpful: bool | None = Field(None, description="Required for helpful.")


class EventBatchIn(Strict):
    batch: UUID = Field(description="The batch's id: a resend with the same id is not counted.")
    events: list[EventIn] = Field(min_length=1, max_length=settings.KOPURO_KIOSK_BATCH_MAX_EVENTS)


class EventBatchOut(Schema):
    status: Literal["counted", "duplicate"]
    events: int


@router.post(
    "/terminal/events",
    response={200: EventBatchOut, **TERMINAL_ERRORS},
    summary="A batch of anonymous kiosk events, counted once",
)
def events(request, payload: EventBatchIn):
    try:
        return services.events_record(
            terminal=request.auth, payload=payload.model_dump(mode="json", exclude_none=True)
        )
    except services.BatchError as error:
        raise HttpError(422, error.message) from None


class ManifestOut(Schema):
    version: str
    app_version: str
    urls: list[str]


@router.get(
    "/terminal/manifest",
    response={200: ManifestOut, **TERMINAL_ERRORS},
    summary="Everything the terminal must hold to work offline, with its version",
)
def manifest(request, response: HttpResponse):
    response["Cache-Control"] = "no-cache"
    return selectors.kiosk_manifest(terminal=request.auth)
