from django.urls import path

from kopuro.learn import views

app_name = "learn"

urlpatterns = [
    path("resources/", views.library, name="library"),
    path("resources/contribute/", views.contribute, name="contribute"),
    path("resources/<slug:slug>/", views.detail, name="detail"),
    path("resources/<slug:slug>/download/", views.download, name="download"),
    path("resources/<slug:slug>/save/", views.bookmark, name="bookmark"),
    path("resources/<slug:slug>/edit/", views.edit, name="edit"),
    path("me/library/", views.my_library, name="my_library"),
]
