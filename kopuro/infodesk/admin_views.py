"""Staff views in the Wagtail admin: the terminal fleet (table and map), issuing and revoking
a terminal's token, and the reach dashboard (SVG charts, tables, CSV)."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopuro.infodesk import selectors, services
from kopuro.infodesk.models import Terminal


def _require(request, perm: str):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def fleet(request):
    _require(request, "infodesk.view_terminal")
    now = timezone.now()
    current = selectors.content_version()
    rows = []
    for t in Terminal.objects.all():
        rows.append(
            {"terminal": t, **selectors.terminal_status(t, now=now, current_version=current)}
        )
    items = [
        {"point": r["terminal"], "online": r["online"]}
        for r in rows
        if r["terminal"].latitude is not None
    ]
    fleet_map = selectors.points_map(items)
    return TemplateResponse(
        request,
        "infodesk/admin/fleet.html",
        {
            "rows": rows,
            "map": fleet_map,
            "content_version": current,
            "online_count": sum(1 for r in rows if r["online"]),
        },
    )


@require_POST
def token_issue(request, pk: int):
    _require(request, "infodesk.change_terminal")
    terminal = get_object_or_404(Terminal, pk=pk)
    token = services.terminal_issue_token(terminal=terminal, actor=request.user)
    setup_url = request.build_absolute_uri(reverse("infodesk:kiosk", args=[terminal.code]))
    response = TemplateResponse(
        request,
        "infodesk/admin/token.html",
        {"terminal": terminal, "token": token, "setup_url": f"{setup_url}#token={token}"},
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def token_revoke(request, pk: int):
    _require(request, "infodesk.change_terminal")
    terminal = get_object_or_404(Terminal, pk=pk)
    services.terminal_revoke_token(terminal=terminal, actor=request.user)
    messages.success(request, _("The token of %(code)s is revoked.") % {"code": terminal.code})
    return redirect("infodesk_fleet")


def reach_dashboard(request):
    _require(request, "infodesk.view_dailyreach")
    filters = selectors.ReachFilters.from_query(request.GET)
    figures = selectors.reach(filters=filters)
    if request.GET.get("format") == "csv":
        return _csv(filters)
    helpful_total = figures.totals["helpful_yes"] + figures.totals["helpful_no"]
    return TemplateResponse(
        request,
        "infodesk/admin/reach.html",
        {
            "filters": filters,
            "figures": figures,
            "days_chart": selectors.day_chart(figures.days),
            "terminal_chart": selectors.bar_chart(
                figures.by_terminal, label="source", value="sessions"
            ),
            "topic_chart": selectors.bar_chart(figures.topics, label="topic", value="views"),
            "language_chart": selectors.bar_chart(
                figures.languages, label="language", value="views"
            ),
            "helpful_share": round(100 * figures.totals["helpful_yes"] / helpful_total)
            if helpful_total
            else None,
            "terminals": Terminal.objects.values_list("code", flat=True),
            "csv_query": request.GET.urlencode(),
        },
    )


def _csv(filters) -> HttpResponse:
    from kopuro.infodesk.models import DailyReach

    rows = DailyReach.objects.filter(day__gte=filters.start, day__lte=filters.end).order_by(
        "day", "source", "topic", "section", "language"
    )
    if filters.terminal:
        rows = rows.filter(source=filters.terminal)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="reach-{filters.start}-{filters.end}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(
        [
            "day",
            "source",
            "topic",
            "section",
            "language",
            "sessions",
            "views",
            "helpful_yes",
            "helpful_no",
        ]
    )
    for r in rows.values_list(
        "day",
        "source",
        "topic",
        "section",
        "language",
        "sessions",
        "views",
        "helpful_yes",
        "helpful_no",
    ).iterator():
        writer.writerow(r)
    return response
