"""Surveys: answering, results and one's own responses (kopuro.insights.survey_views)."""

app_name = "surveys"
urlpatterns: list = []
