from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnggaranConfig(AppConfig):
    name = "apps.anggaran"
    verbose_name = _("Anggaran")
