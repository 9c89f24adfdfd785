from django.urls import path

from kopuro.accounts import views

app_name = "accounts"

urlpatterns = [
    path("me/", views.dashboard, name="dashboard"),
    path("me/welcome/", views.onboarding, name="onboarding"),
    path("me/profile/", views.profile_edit, name="profile_edit"),
    path("me/photo/", views.photo_edit, name="photo_edit"),
    path("me/data/", views.my_data, name="my_data"),
    path("me/data/export/", views.data_export, name="data_export"),
    path("me/delete/", views.account_delete, name="account_delete"),
    path("members/<slug:handle>/", views.profile_detail, name="profile"),
]
