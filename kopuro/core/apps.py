from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kopuro.core"
    label = "core"
    verbose_name = _("Kopuro core")

    def ready(self):
        from kopuro.core.cache import connect_signals

        connect_signals()  # publishing pages and editing profiles clears the anonymous page cache
