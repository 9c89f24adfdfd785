"""The public diaspora map at /insights/ (kopuro.insights.map_views)."""

app_name = "insights"
urlpatterns: list = []
