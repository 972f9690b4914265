from django.apps import AppConfig


class PpidConfig(AppConfig):
    name = "apps.ppid"
    verbose_name = "PPID dan portal publik"
