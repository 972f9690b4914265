from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    name = "apps.organisasi"
    verbose_name = "Organisasi"
