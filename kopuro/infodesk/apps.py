from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfodeskConfig(AppConfig):
    name = "kopuro.infodesk"
    label = "infodesk"
    verbose_name = _("Information service")

    def ready(self):
        # Registers the home page's reach figure (kopuro.core.selectors registry) and the
        # receivers that queue the "Listen" audio when a page is published.
        from kopuro.infodesk import selectors  # noqa: F401
        from kopuro.infodesk.signals import connect

        connect()
