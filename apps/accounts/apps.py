from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    verbose_name = _("Akun dan peran")

    def ready(self):
        from apps.accounts import permissions, signals  # noqa: F401

        post_migrate.connect(permissions.pastikan_permission_ada, sender=self)
