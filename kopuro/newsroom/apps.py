from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "kopuro.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        # Registers the newsroom's section of the home page (kopuro.core.selectors registry).
        from kopuro.newsroom import selectors  # noqa: F401
        from kopuro.newsroom.signals import connect

        connect()
