"""The public diaspora map (kopuro.insights.aggregates): a map when JavaScript runs (Connect's
self-hosted Leaflet and map.js), tables and SVG charts always."""

from django.conf import settings
from django.shortcuts import render

from kopuro.core.selectors import K_ANONYMITY
from kopuro.insights import aggregates


def diaspora_map(request):
    data = aggregates.cached_diaspora_map()
    members = data["members"]
    points = [
        {
            "city": city.label,
            "country": country.label,
            "count": city.count,
            "lat": city.lat,
            "lng": city.lng,
        }
        for country in members.children
        for city in country.children
        if city.lat is not None
    ]
    growth = data["growth"]
    return render(
        request,
        "insights/map.html",
        {
            **data,
            "points": points,
            "tile_url": settings.KOPURO_MAP_TILE_URL,
            "tile_attribution": settings.KOPURO_MAP_TILE_ATTRIBUTION,
            "k": K_ANONYMITY,
            "charts": {
                name: aggregates.bar_chart(data[name])
                for name in ("expertise", "offers", "sectors")
            },
            "growth_chart": aggregates.line_chart([p.total for p in growth]),
        },
    )
