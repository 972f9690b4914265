"""`/api/v1/masuk/<modul>/`: the write API (`apps.imports.api`), one route per module so the
OpenAPI document names each module's record fields."""

from django.urls import path

from apps.core import registry
from apps.imports import api

app_name = "masuk"
urlpatterns = [
    path(f"{modul.kode}/", api.MasukRekaman.as_view(modul_kode=modul.kode), name=modul.kode)
    for modul in registry.all_modules()
]
