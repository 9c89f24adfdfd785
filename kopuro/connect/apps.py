from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectConfig(AppConfig):
    name = "kopuro.connect"
    label = "connect"
    verbose_name = _("Connect")

    def ready(self):
        from kopuro.accounts.export import register_erasure, register_export_section
        from kopuro.accounts.profile_hooks import register_profile_actions, register_profile_gate
        from kopuro.connect import kinds, profile_extras, selectors, services, signals
        from kopuro.core.cache import register_member_read_ahead

        signals.connect()
        profile_extras.connect_signals()
        register_profile_gate(profile_extras.profile_gate)
        register_profile_actions(profile_extras.profile_actions)
        kinds.register()
        register_export_section("connect", services.export_connect)
        register_erasure(services.erase_connect)
        register_member_read_ahead(selectors.member_read_ahead_keys)
