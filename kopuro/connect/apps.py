from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectConfig(AppConfig):
    name = "kopuro.connect"
    label = "connect"
    verbose_name = _("Connect")

    def ready(self):
        from kopuro.accounts.export import register_erasure, register_export_section
        from kopuro.connect import kinds, services, signals

        signals.connect()
        kinds.register()
        register_export_section("connect", services.export_connect)
        register_erasure(services.erase_connect)
