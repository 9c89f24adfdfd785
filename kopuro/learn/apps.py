from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnConfig(AppConfig):
    name = "kopuro.learn"
    label = "learn"
    verbose_name = _("Learn")

    def ready(self):
        from kopuro.accounts.export import register_erasure, register_export_section
        from kopuro.learn import kinds, services

        kinds.register()
        register_export_section("learn", services.export_learn)
        register_erasure(services.erase_learn)
