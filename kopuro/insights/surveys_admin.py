"""Surveys in the Wagtail admin: the builder (a translatable snippet; wagtail-localize adds the
"Translate" action as for newsroom topics) with links to each survey's results and exports."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kopuro.insights.models import Survey


class ResultsColumn(Column):
    def get_value(self, instance):
        url = reverse("surveys:results", args=[instance.slug])
        return format_html('<a href="{}">{}</a>', url, _("Results and exports"))


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "list-ul"
    menu_label = _("Surveys")
    add_to_admin_menu = True
    menu_order = 850
    list_display = [
        "title",
        "kind",
        "audience",
        "opens_at",
        "closes_at",
        ResultsColumn("results", label=_("Results")),
    ]
    list_filter = ["kind", "audience"]


register_snippet(SurveyViewSet)
