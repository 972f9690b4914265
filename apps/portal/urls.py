"""The public portal: home, catalog, module lists and records, office pages, search and
statistics (namespace `portal`). Module pages of their own (a roll-up) come before the generic
ones; the downloads (`apps.opendata.urls`) are included before this URLconf."""

from django.urls import include, path, re_path

from apps.core import registry
from apps.portal import cari, statistik, views

app_name = "portal"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("cari/", cari.halaman, name="cari"),
    path("statistik/", statistik.indeks, name="statistik"),
    re_path(
        r"^statistik/(?P<modul>[-a-zA-Z0-9_]+)\.csv$", statistik.unduh_csv, name="statistik_csv"
    ),
    path("statistik/<slug:modul>/", statistik.halaman_modul, name="statistik_modul"),
    path("data/", views.katalog, name="katalog"),
]
urlpatterns += [
    path(f"data/{m.kode}/", include(m.urls_publik)) for m in registry.all_modules() if m.urls_publik
]
urlpatterns += [
    path("data/<slug:modul>/", views.daftar, name="daftar"),
    path("data/<slug:modul>/<int:pk>/", views.detail, name="detail"),
    path("data/<slug:modul>/<int:pk>/berkas/<slug:field>/", views.unduh_berkas, name="berkas"),
    path("satker/<str:kode>/", views.satker, name="satker"),
]
