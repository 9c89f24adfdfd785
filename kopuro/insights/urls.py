"""Insights' public addresses (inside i18n_patterns): the diaspora map and the surveys."""

from django.urls import include, path

urlpatterns = [
    path("insights/", include("kopuro.insights.map_urls")),
    path("surveys/", include("kopuro.insights.survey_urls")),
]
