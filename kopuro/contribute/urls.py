from django.urls import path

from kopuro.contribute import views

app_name = "contribute"

urlpatterns = [
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/new/", views.organisation_new, name="organisation_new"),
    path("organisations/<slug:slug>/", views.organisation, name="organisation"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisations/<slug:slug>/members/",
        views.organisation_members,
        name="organisation_members",
    ),
    path("opportunities/", views.opportunities, name="opportunities"),
    path("opportunities/new/", views.opportunity_new, name="opportunity_new"),
    path("opportunities/<int:pk>/", views.opportunity, name="opportunity"),
    path("opportunities/<int:pk>/edit/", views.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/responses/", views.responses, name="responses"),
    path("expertise/", views.expertise_requests, name="expertise_requests"),
    path("expertise/new/", views.expertise_request_new, name="expertise_request_new"),
    path("expertise/<int:pk>/", views.expertise_request, name="expertise_request"),
    path("me/contributions/", views.my_contributions, name="my_contributions"),
    path(
        "me/contributions/interest/<int:pk>/withdraw/",
        views.interest_withdraw,
        name="interest_withdraw",
    ),
]
