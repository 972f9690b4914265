"""Public pages of the module, included under /data/pelanggaran/ before the generic ones."""

from django.urls import path

from apps.core.rekap_perkara import rekap

app_name = "pelanggaran"
urlpatterns = [
    path("rekap/", rekap, {"modul_kode": "pelanggaran"}, name="rekap"),
]
