"""The staff dashboard's figures: counts per week for a date range, from each app's own tables.

A metric is a few series (a label and a function `(start, end) -> {day: count}`); each is
counted in one grouped query per series, whatever the number of rows. Staff see aggregate
counts only: no person is listed, so k-anonymity does not apply here.

Another app (or the surveys in this one) adds a metric with `register_metric(...)`:

    from kopuro.insights.dashboard import Series, per_day, register_metric

    register_metric(
        "survey_responses",
        _("Survey responses"),
        [Series("responses", _("Responses"), lambda start, end: per_day(Response.objects, "submitted_at", start, end))],
    )

Survey responses are counted without that call when kopuro.insights has a `Response` model
with a `submitted_at` (or `created_at`) field (`_survey_metric`, looked up with apps.get_model).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_WEEKS = 12
MAX_DAYS = 2 * 366


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def default_range(today: date | None = None) -> tuple[date, date]:
    """The last 12 weeks, this one included (Monday of 11 weeks ago → today)."""
    today = today or timezone.localdate()
    return week_start(today) - timedelta(weeks=DEFAULT_WEEKS - 1), today


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def per_day(qs, field_name: str, start: date, end: date, *, value=None) -> dict[date, int]:
    """{day: count} of `qs` rows whose `field_name` falls in [start, end] (local days); `value`
    (an aggregate such as Sum("x")) instead of counting rows. One query."""
    lo, hi = _bounds(start, end)
    rows = (
        qs.filter(**{f"{field_name}__gte": lo, f"{field_name}__lt": hi})
        .annotate(day=TruncDate(field_name))
        .values("day")
        .annotate(n=value if value is not None else Count("pk"))
        .order_by()
    )
    out: dict[date, int] = {}
    for r in rows:
        out[r["day"]] = out.get(r["day"], 0) + (r["n"] or 0)
    return out


@dataclass
class Series:
    key: str
    label: str
    days: Callable[[date, date], dict[date, int]]


@dataclass
class Metric:
    key: str
    label: str
    series: list[Series]
    note: str = ""


_REGISTRY: dict[str, Metric] = {}


def register_metric(key: str, label, series: list[Series], *, note="") -> Metric:
    """Add (or replace) a metric on the dashboard; shown after the built-in ones."""
    metric = Metric(key=key, label=label, series=series, note=note)
    _REGISTRY[key] = metric
    return metric


# --- Built-in metrics ----------------------------------------------------------------------------


def _users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.all()


def _members() -> Metric:
    return Metric(
        "members",
        _("New and active members"),
        [
            Series("new", _("New members"), lambda s, e: per_day(_users(), "date_joined", s, e)),
            Series(
                "active",
                _("Signed in (last sign-in)"),
                lambda s, e: per_day(_users(), "last_login", s, e),
            ),
        ],
        note=_(
            "Only each member's last sign-in is kept: a member active in several weeks counts "
            "in the latest one."
        ),
    )


def _connect() -> Metric:
    from kopuro.connect.models import Connection, Message

    return Metric(
        "connect",
        _("Connections and messages"),
        [
            Series(
                "requests",
                _("Connection requests"),
                lambda s, e: per_day(Connection.objects, "created_at", s, e),
            ),
            Series(
                "accepted",
                _("Connections accepted"),
                lambda s, e: per_day(
                    Connection.objects.filter(status=Connection.Status.ACCEPTED),
                    "answered_at",
                    s,
                    e,
                ),
            ),
            Series(
                "messages", _("Messages"), lambda s, e: per_day(Message.objects, "created_at", s, e)
            ),
        ],
    )


def _learn() -> Metric:
    from kopuro.learn.models import Resource

    published = Resource.objects.filter(status=Resource.Status.PUBLISHED)
    return Metric(
        "learn",
        _("Resources and downloads"),
        [
            Series(
                "published",
                _("Resources published"),
                lambda s, e: per_day(published, "published_at", s, e),
            ),
            Series(
                "downloads",
                _("Downloads so far of those resources"),
                lambda s, e: per_day(published, "published_at", s, e, value=Sum("download_count")),
            ),
        ],
        note=_(
            "Downloads are counted per resource, not per day: the figure is every download so "
            "far of the resources published that week."
        ),
    )


def _contribute() -> Metric:
    from kopuro.contribute.models import Interest, Opportunity

    return Metric(
        "contribute",
        _("Opportunities and interest"),
        [
            Series(
                "opportunities",
                _("Opportunities posted"),
                lambda s, e: per_day(Opportunity.objects, "created_at", s, e),
            ),
            Series(
                "interests",
                _("Expressions of interest"),
                lambda s, e: per_day(Interest.objects, "created_at", s, e),
            ),
        ],
    )


def _expertise() -> Metric:
    from kopuro.contribute.models import ExpertiseMatch, ExpertiseRequest

    return Metric(
        "expertise",
        _("Requests for expertise"),
        [
            Series(
                "requests",
                _("Requests"),
                lambda s, e: per_day(ExpertiseRequest.objects, "created_at", s, e),
            ),
            Series(
                "accepted",
                _("Invitations accepted"),
                lambda s, e: per_day(
                    ExpertiseMatch.objects.filter(status=ExpertiseMatch.Status.ACCEPTED),
                    "answered_at",
                    s,
                    e,
                ),
            ),
        ],
    )


def _reach() -> Metric:
    """Kiosk sessions and section views per day from kopuro.infodesk.selectors.reach, read
    once for both series."""
    from kopuro.infodesk.selectors import ReachFilters, reach

    memo: dict = {}

    def days(start: date, end: date, key: str) -> dict[date, int]:
        if (start, end) not in memo:
            memo[(start, end)] = reach(filters=ReachFilters(start=start, end=end)).days
        return {d["day"]: d[key] for d in memo[(start, end)]}

    return Metric(
        "reach",
        _("Information terminals and phones: reach"),
        [
            Series("sessions", _("Kiosk sessions"), lambda s, e: days(s, e, "sessions")),
            Series("views", _("Section views"), lambda s, e: days(s, e, "views")),
        ],
        note=_("From the information service's reach figures (anonymous counts)."),
    )


def _survey_metric() -> Metric | None:
    """Survey responses per week, when kopuro.insights has a Response model."""
    try:
        model = apps.get_model("insights", "Response")
    except LookupError:
        return None
    names = {f.name for f in model._meta.get_fields()}
    when = next((n for n in ("submitted_at", "created_at") if n in names), None)
    if when is None:
        return None
    qs = model.objects.all()
    if "withdrawn_at" in names:
        qs = qs.filter(Q(withdrawn_at__isnull=True))
    return Metric(
        "surveys",
        _("Survey responses"),
        [Series("responses", _("Responses"), lambda s, e: per_day(qs, when, s, e))],
    )


def metrics() -> list[Metric]:
    built_in = [_members(), _connect(), _learn(), _contribute(), _expertise(), _reach()]
    if "surveys" not in _REGISTRY and "survey_responses" not in _REGISTRY:
        if (survey := _survey_metric()) is not None:
            built_in.append(survey)
    return built_in + list(_REGISTRY.values())


# --- Figures -------------------------------------------------------------------------------------


@dataclass
class Figures:
    metric: Metric
    weeks: list[date]
    values: dict[str, list[int]] = field(default_factory=dict)  # series key -> one per week

    @property
    def rows(self) -> list[tuple[date, list[int]]]:
        return [
            (w, [self.values[s.key][i] for s in self.metric.series])
            for i, w in enumerate(self.weeks)
        ]

    @property
    def totals(self) -> list[int]:
        return [sum(self.values[s.key]) for s in self.metric.series]


def weeks_between(start: date, end: date) -> list[date]:
    weeks, w = [], week_start(start)
    while w <= end:
        weeks.append(w)
        w += timedelta(weeks=1)
    return weeks


def figures(metric: Metric, start: date, end: date) -> Figures:
    weeks = weeks_between(start, end)
    index = {w: i for i, w in enumerate(weeks)}
    result = Figures(metric=metric, weeks=weeks)
    for s in metric.series:
        values = [0] * len(weeks)
        for day, n in s.days(start, end).items():
            if isinstance(day, datetime):
                day = day.date()
            i = index.get(week_start(day))
            if i is not None:
                values[i] += n
        result.values[s.key] = values
    return result


def all_figures(start: date, end: date, only: str | None = None) -> list[Figures]:
    return [figures(m, start, end) for m in metrics() if only in (None, "", m.key)]


def chart(fig: Figures, *, width: int = 640, height: int = 220, pad: int = 28) -> dict:
    """Lines (one per series) for an SVG drawn by the template."""
    top = max((v for vals in fig.values.values() for v in vals), default=0) or 1
    n = len(fig.weeks)
    step = (width - 2 * pad) / max(n - 1, 1)
    lines = []
    for number, s in enumerate(fig.metric.series, 1):
        points = [
            {
                "x": round(pad + i * step, 1),
                "y": round(height - pad - (height - 2 * pad) * v / top, 1),
                "value": v,
                "week": fig.weeks[i],
            }
            for i, v in enumerate(fig.values[s.key])
        ]
        lines.append(
            {
                "label": s.label,
                "number": number,
                "points": points,
                "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
            }
        )
    return {
        "lines": lines,
        "width": width,
        "height": height,
        "base": height - pad,
        "pad": pad,
        "top": top,
    }
