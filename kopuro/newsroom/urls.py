from django.urls import path

from kopuro.newsroom import views

app_name = "newsroom"

urlpatterns = [
    path("search/", views.search, name="search"),
]
