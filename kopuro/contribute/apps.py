from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributeConfig(AppConfig):
    name = "kopuro.contribute"
    label = "contribute"
    verbose_name = _("Contribute")

    def ready(self):
        from kopuro.accounts.export import register_erasure, register_export_section
        from kopuro.contribute import kinds, services

        kinds.register()
        register_export_section("contribute", services.export_contribute)
        register_erasure(services.erase_contribute)
