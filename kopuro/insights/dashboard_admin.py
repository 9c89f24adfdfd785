"""The staff dashboard in the Wagtail admin."""
