from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DptConfig(AppConfig):
    name = "apps.dpt"
    verbose_name = _("DPT")
