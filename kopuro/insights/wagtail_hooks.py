"""Insights in the Wagtail admin: the survey builder and exports (surveys_admin) and the staff
dashboard (dashboard_admin), each in its own module."""

from kopuro.insights import dashboard_admin, surveys_admin  # noqa: F401 - they register hooks
