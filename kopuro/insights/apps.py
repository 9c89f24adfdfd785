from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """Surveys (feedback and diaspora mapping), the public diaspora map at /insights/ and the
    staff dashboard: what the office learns about the people it serves, always k-anonymous in
    public (kopuro.core.selectors.K_ANONYMITY)."""

    name = "kopuro.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self):
        from kopuro.accounts.export import register_erasure, register_export_section
        from kopuro.insights import survey_results

        register_export_section("surveys", survey_results.export_surveys)
        register_erasure(survey_results.erase_surveys)
