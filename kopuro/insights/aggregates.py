"""The public diaspora map's figures: members and organisations by country and city, expertise
and offers, opportunities by sector, and growth; every figure k-anonymous.

The rule (kopuro.core.selectors.K_ANONYMITY, docs/data-protection.md): no figure shown to the
public describes fewer than K people or organisations, and no hidden figure can be worked out by
subtracting shown ones. So, at every level of a table (all places → countries → cities):

- a city under K is not shown; a country's members in such cities (or with no city) are shown
  as the country's "other places" when they are at least K, and otherwise pooled with the
  other countries' leftovers into one "other places" row at the end (shown only when that pool
  is itself at least K, else left out);
- every figure shown is at least K and every total is exactly the sum of the rows shown under
  it, so subtracting shown figures only ever gives shown figures. Cities of at least K are never
  folded away: Connect's map (kopuro.connect.selectors.map_groups) shows the same ones to
  anonymous visitors, so hiding one here would protect nothing.

Distributions where one person counts in several rows (fields of expertise, offers, sectors) show
no total and no "other" row, only the rows of at least K. Growth is shown in periods of whole
months merged until each has at least K new members, so the cumulative line never reveals a
month with fewer.

Only what a member lets the public see counts: where they live when `residence_visibility` is
public (the same filter as Connect's map for an anonymous viewer), their expertise and offers
likewise; only members listed in the directory (kopuro.connect.selectors.listed_profiles).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.db.models.functions import Lower, TruncMonth
from django.utils import timezone, translation

from kopuro.core.selectors import K_ANONYMITY

CACHE_SECONDS = 600  # capped by settings.KOPURO_DATA_CACHE_SECONDS (kopuro.core.cache)


@dataclass
class Row:
    label: str
    count: int
    key: str = ""
    lat: float | None = None
    lng: float | None = None
    children: list[Row] = field(default_factory=list)
    other: int = 0  # children left out, summed (0 when none, or never under K)


def keep(children: list[Row], k: int = K_ANONYMITY) -> list[Row]:
    """The rows of at least `k`, largest first."""
    return sorted((c for c in children if c.count >= k), key=lambda c: (-c.count, c.label))


def _language() -> str:
    return (translation.get_language() or "en")[:2]


def _term_label(row: dict, prefix: str) -> str:
    lang = _language()
    return row.get(f"{prefix}label_{lang}") or row.get(f"{prefix}label_en") or ""


def _public_profiles():
    from kopuro.accounts.selectors import VISIBLE_TO
    from kopuro.connect.selectors import listed_profiles

    return listed_profiles(None), VISIBLE_TO["anonymous"]


def places(rows: list[dict], *, k: int = K_ANONYMITY) -> Row:
    """Rows of {"country", "city", "n"} → a tree: all places → countries → cities, split."""
    from django_countries import countries

    from kopuro.connect.cities import locate

    by_country: dict[str, int] = defaultdict(int)
    by_city: dict[tuple[str, str], Row] = {}
    for r in rows:
        country = str(r["country"] or "")
        if not country:
            continue
        by_country[country] += r["n"]
        city = (r["city"] or "").strip()
        if not city:
            continue
        place = locate(country, city)
        name = place[0] if place else city.title()
        key = (country, name.lower())
        if key not in by_city:
            by_city[key] = Row(
                label=name,
                count=0,
                key=country,
                lat=place[1] if place else None,
                lng=place[2] if place else None,
            )
        by_city[key].count += r["n"]
    country_rows, pool = [], 0
    for country, n in by_country.items():
        cities = keep([c for (cc, _name), c in by_city.items() if cc == country], k)
        rest = n - sum(c.count for c in cities)
        if rest < k:  # too few in small cities or with no city: pooled, never shown apart
            pool, rest = pool + rest, 0
        if cities or rest:
            row = Row(label=str(countries.name(country)), count=0, key=country)
            row.children, row.other = cities, rest
            row.count = sum(c.count for c in cities) + rest
            country_rows.append(row)
    root = Row(label="", count=0)
    root.children = keep(country_rows, k)
    root.other = pool if pool >= k else 0
    root.count = sum(c.count for c in root.children) + root.other
    return root


def member_places() -> Row:
    profiles, public = _public_profiles()
    rows = (
        profiles.filter(residence_visibility__in=public)
        .exclude(residence_country="")
        .annotate(city_key=Lower("residence_city"))
        .values("residence_country", "city_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return places(
        [{"country": r["residence_country"], "city": r["city_key"], "n": r["n"]} for r in rows]
    )


def organisation_places() -> Row:
    from kopuro.contribute.models import Organisation

    rows = (
        Organisation.objects.exclude(country="")
        .annotate(city_key=Lower("city"))
        .values("country", "city_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return places([{"country": r["country"], "city": r["city_key"], "n": r["n"]} for r in rows])


def _distribution(rows, prefix: str, k: int = K_ANONYMITY) -> list[Row]:
    out = [
        Row(label=_term_label(r, prefix), count=r["n"], key=r[f"{prefix}slug"])
        for r in rows
        if r["n"] >= k
    ]
    return sorted(out, key=lambda r: (-r.count, r.label))


def term_distribution(relation: str) -> list[Row]:
    """Members per term of `relation` ("expertise" or "offers"), among those who show it to
    the public; terms under K left out."""
    profiles, public = _public_profiles()
    prefix = f"{relation}__"
    rows = (
        profiles.filter(**{f"{relation}_visibility__in": public, f"{relation}__isnull": False})
        .values(f"{prefix}slug", f"{prefix}label_en", f"{prefix}label_ru", f"{prefix}label_ky")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return _distribution(rows, prefix)


def opportunities_by_sector() -> list[Row]:
    """Open opportunities per sector; sectors under K left out."""
    from kopuro.contribute.models import Opportunity

    prefix = "sectors__"
    rows = (
        Opportunity.objects.filter(Opportunity.open_q(), sectors__isnull=False)
        .values(f"{prefix}slug", f"{prefix}label_en", f"{prefix}label_ru", f"{prefix}label_ky")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return _distribution(rows, prefix)


@dataclass
class Period:
    start: date  # first day of the first month
    end: date  # first day of the last month
    joined: int
    total: int


def growth_periods(months: list[tuple[date, int]], k: int = K_ANONYMITY) -> list[Period]:
    """Months (first day, members joined) in order → periods of whole months, each with at least
    `k` joined (a short last period joins the one before it); [] when fewer than `k` in all."""
    periods: list[Period] = []
    start, joined, total = None, 0, 0
    for month, n in months:
        if start is None:
            start = month
        joined += n
        total += n
        if joined >= k:
            periods.append(Period(start=start, end=month, joined=joined, total=total))
            start, joined = None, 0
    if joined and periods:
        last = periods[-1]
        last.end, last.joined, last.total = months[-1][0], last.joined + joined, total
    return periods


def growth() -> list[Period]:
    profiles, _public = _public_profiles()
    rows = (
        profiles.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    months: dict[date, int] = defaultdict(int)
    for r in rows:
        m = r["month"]
        if hasattr(m, "date"):
            m = timezone.localtime(m).date() if timezone.is_aware(m) else m.date()
        months[m.replace(day=1)] += r["n"]
    return growth_periods(sorted(months.items()))


def diaspora_map() -> dict:
    """Everything the public map shows, in the active language (six grouped queries)."""
    return {
        "members": member_places(),
        "organisations": organisation_places(),
        "expertise": term_distribution("expertise"),
        "offers": term_distribution("offers"),
        "sectors": opportunities_by_sector(),
        "growth": growth(),
    }


def cached_diaspora_map() -> dict:
    from kopuro.core.cache import cached_data

    return cached_data(
        f"insights:map:{_language()}", diaspora_map, seconds=CACHE_SECONDS, local=False
    )


# --- SVG charts (drawn by the templates; no JavaScript) ------------------------------------------


def bar_chart(rows: list[Row], *, width: int = 440) -> dict:
    """Horizontal bars: kopuro.infodesk.selectors.bar_chart, fed with our rows."""
    from kopuro.infodesk.selectors import bar_chart as infodesk_bar_chart

    return infodesk_bar_chart(
        [{"label": r.label, "value": r.count} for r in rows],
        label="label",
        value="value",
        width=width,
    )


def line_chart(values: list[int], *, width: int = 640, height: int = 200, pad: int = 24) -> dict:
    """A polyline's points for `values` (evenly spaced), with each point's position."""
    top = max(values, default=0) or 1
    n = len(values)
    step = (width - 2 * pad) / max(n - 1, 1)
    points = []
    for i, v in enumerate(values):
        x = round(pad + i * step, 1)
        y = round(height - pad - (height - 2 * pad) * v / top, 1)
        points.append({"x": x, "y": y, "value": v})
    return {
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "width": width,
        "height": height,
        "base": height - pad,
        "top": top,
        "pad": pad,
    }
