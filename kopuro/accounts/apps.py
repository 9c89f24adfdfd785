from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kopuro.accounts"
    label = "accounts"
    verbose_name = _("Accounts and profiles")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from kopuro.accounts import auth_backends
        from kopuro.core.cache import register_member_read_ahead

        def forget(sender, instance, **kwargs):
            auth_backends.user_forget(instance.pk)

        user = get_user_model()
        post_save.connect(forget, sender=user, dispatch_uid="kopuro_user_forget_save", weak=False)
        post_delete.connect(forget, sender=user, dispatch_uid="kopuro_user_forget_del", weak=False)
        register_member_read_ahead(auth_backends.member_read_ahead_keys)
