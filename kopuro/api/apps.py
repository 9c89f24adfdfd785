from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kopuro.api"
    label = "api"
    verbose_name = "API"
