"""Kopuro's API v1 (django-ninja, https://django-ninja.dev/): the routers of each capability,
assembled at /api/v1/: public reads, member reads, information terminals and organisations'
integrations; see docs/api.md.

The routers live here, not in each app's `api.py`, and read only through the apps' selectors,
so the API shows exactly what the public pages show (live, public pages; published resources;
open opportunities by the same rule).
"""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from kopuro.api import contribute, infodesk, learn, members, newsroom, partner, terminal

api = NinjaAPI(
    title="Kopuro API",
    version="1",
    description=(
        "Public, read-only listings of Kopuro's content. Every list takes `lang` (en, ru, ky), "
        "`limit` (1-50) and `offset`; invalid parameters answer 422 with `detail`. Member "
        "endpoints (tag `members`) answer a signed-in session or a personal token sent as "
        "`Authorization: Bearer kp_…` (made at /en/me/api-tokens/), each token limited to its "
        "scopes. Partner endpoints (tag `partners`) answer a partner token bound to one "
        "organisation; terminal endpoints (tag `terminals`) answer an information terminal "
        "sending `Authorization: Terminal <code>:<token>`. Every caller has a rate limit per "
        "minute (429 with Retry-After)."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # Swagger UI from ninja's own static files ("ninja" is in INSTALLED_APPS), never a CDN; its
    # page has no inline script, so it runs under the site's Content-Security-Policy.
    docs=Swagger(settings={"persistAuthorization": False}),
)
api.add_router("", newsroom.router)
api.add_router("", infodesk.router)
api.add_router("", learn.router)
api.add_router("", contribute.router)
api.add_router("", members.router)
api.add_router("", terminal.router)
api.add_router("", partner.router)
