"""`/api/v1/`: the index, the OpenAPI document, and a list and a detail per registered module
(one route each, so the OpenAPI document names every module's paths)."""

from django.urls import path

from apps.core import registry
from apps.opendata.api import views

app_name = "api"
urlpatterns = [
    path("", views.Indeks.as_view(), name="indeks"),
    path("openapi.json", views.DokumenOpenApi.as_view(), name="openapi"),
]
for modul in registry.all_modules():
    urlpatterns += [
        path(
            f"{modul.kode}/",
            views.DaftarRekaman.as_view(modul_kode=modul.kode),
            name=f"{modul.kode}-daftar",
        ),
        path(
            f"{modul.kode}/<int:pk>/",
            views.DetailRekaman.as_view(modul_kode=modul.kode),
            name=f"{modul.kode}-detail",
        ),
    ]
