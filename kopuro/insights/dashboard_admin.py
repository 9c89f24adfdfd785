"""The staff dashboard in the Wagtail admin: a chart, a table and a CSV download per metric
(kopuro.insights.dashboard) for a date range (the last 12 weeks unless chosen).

Who may see it: superusers, and staff (`is_staff`) who may use the admin
(`wagtailadmin.access_admin`). Others are refused (Wagtail itself sends anyone without admin
access to its sign-in page first, and answers the 403 with a redirect to its home page and
a "no permission" message)."""

from __future__ import annotations

import csv
from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from kopuro.insights import dashboard


def can_view(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or (user.is_staff and user.has_perm("wagtailadmin.access_admin"))


class DateRangeForm(forms.Form):
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        default_start, default_end = dashboard.default_range()
        start = data.get("start") or default_start
        end = data.get("end") or default_end
        if start > end:
            raise ValidationError(_("The start date must be on or before the end date."))
        if (end - start).days > dashboard.MAX_DAYS:
            raise ValidationError(_("Choose at most two years."))
        data["start"], data["end"] = start, end
        return data

    def range(self):
        """(start, end): the chosen dates when valid, otherwise the last 12 weeks."""
        if self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return dashboard.default_range()


def dashboard_view(request):
    if not can_view(request.user):
        raise PermissionDenied
    default_start, default_end = dashboard.default_range()
    form = DateRangeForm(request.GET or None, initial={"start": default_start, "end": default_end})
    valid = form.is_valid() if request.GET else True
    start, end = form.range()
    only = request.GET.get("metric") or None
    if request.GET.get("format") == "csv" and valid:
        return _csv(dashboard.all_figures(start, end, only), start, end)
    figures = dashboard.all_figures(start, end)
    return TemplateResponse(
        request,
        "insights/admin/dashboard.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "valid": valid,
            "metrics": [{"figures": f, "chart": dashboard.chart(f)} for f in figures],
            "query": f"start={start:%Y-%m-%d}&end={end:%Y-%m-%d}",
        },
        status=200,
    )


def _csv(figures, start, end) -> HttpResponse:
    """One row per metric, series and week: metric, series, week_start, week_end, count."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = figures[0].metric.key if len(figures) == 1 else "dashboard"
    response["Content-Disposition"] = f'attachment; filename="insights-{name}-{start}-{end}.csv"'
    writer = csv.writer(response)
    writer.writerow(["metric", "series", "week_start", "week_end", "count"])
    for f in figures:
        for s in f.metric.series:
            for week, value in zip(f.weeks, f.values[s.key], strict=True):
                writer.writerow([f.metric.key, s.key, week, week + timedelta(days=6), value])
    return response


@hooks.register("register_admin_urls")
def urls():
    return [path("insights/dashboard/", dashboard_view, name="insights_dashboard")]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_admin_menu_item")
def dashboard_menu():
    return DashboardMenuItem(
        _("Insights dashboard"), reverse("insights_dashboard"), icon_name="table", order=902
    )
