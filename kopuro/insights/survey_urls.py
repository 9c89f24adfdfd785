"""Surveys: answering, results and one's own responses (kopuro.insights.survey_views)."""

from django.urls import path

from kopuro.insights import survey_views as views

app_name = "surveys"
urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("mine/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<slug:slug>/", views.answer, name="answer"),
    path("<slug:slug>/thanks/", views.thanks, name="thanks"),
    path("<slug:slug>/results/", views.results, name="results"),
    path("<slug:slug>/results/export.<str:fmt>", views.export, name="export"),
]
