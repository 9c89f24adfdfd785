"""The public diaspora map at /insights/ (kopuro.insights.map_views)."""

from django.urls import path

from kopuro.insights import map_views

app_name = "insights"
urlpatterns = [path("", map_views.diaspora_map, name="map")]
