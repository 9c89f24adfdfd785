from django.urls import path

from kopuro.core import views

app_name = "core"

urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
]
