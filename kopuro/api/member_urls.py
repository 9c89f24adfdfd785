"""The member's API tokens page (inside i18n_patterns)."""

from django.urls import path

from kopuro.api import views

app_name = "api_tokens"
urlpatterns = [
    path("me/api-tokens/", views.tokens, name="tokens"),
    path("me/api-tokens/<int:pk>/revoke/", views.revoke, name="revoke"),
]
