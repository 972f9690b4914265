"""Public pages of the module, included under /data/sengketa/ before the generic ones."""

from django.urls import path

from apps.core.rekap_perkara import rekap

app_name = "sengketa"
urlpatterns = [
    path("rekap/", rekap, {"modul_kode": "sengketa"}, name="rekap"),
]
