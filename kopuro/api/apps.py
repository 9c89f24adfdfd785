from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kopuro.api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from kopuro.accounts.export import register_erasure, register_export_section
        from kopuro.api import services

        register_export_section("api_tokens", services.export_tokens)
        register_erasure(services.erase_tokens)
