from django.apps import AppConfig


class WilayahConfig(AppConfig):
    name = "apps.wilayah"
    verbose_name = "Wilayah"
