"""Surveys in the Wagtail admin: the builder, results and CSV/XLSX exports for staff."""
