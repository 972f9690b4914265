from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KampanyeConfig(AppConfig):
    name = "apps.kampanye"
    verbose_name = _("Kampanye")
