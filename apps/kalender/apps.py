from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KalenderConfig(AppConfig):
    name = "apps.kalender"
    verbose_name = _("Kalender dan batas waktu")
