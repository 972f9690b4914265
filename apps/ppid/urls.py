from django.urls import include, path, re_path

from apps.core import registry
from apps.ppid import cari, dcat, dip, halaman, permohonan, statistik, unduh, views

app_name = "ppid"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    # search across modules and the public statistics (apps.ppid.cari, apps.ppid.statistik)
    path("cari/", cari.halaman, name="cari"),
    path("statistik/", statistik.indeks, name="statistik"),
    re_path(
        r"^statistik/(?P<modul>[-a-zA-Z0-9_]+)\.csv$", statistik.unduh_csv, name="statistik_csv"
    ),
    path("statistik/<slug:modul>/", statistik.halaman_modul, name="statistik_modul"),
    path("data/", views.katalog, name="katalog"),
    # downloads and the data dictionary, before the generic data/<modul>/ pages
    re_path(r"^data/(?P<modul>[-a-zA-Z0-9_]+)\.(?P<ext>csv|xlsx|json)$", unduh.unduh, name="unduh"),
    path("data/<slug:modul>/kamus/", unduh.kamus, name="kamus"),
    path("data/<slug:modul>/kamus.json", unduh.kamus_json, name="kamus_json"),
    path("catalog.jsonld", dcat.katalog, name="dcat"),
]
# module pages of their own (e.g. a roll-up) come before the generic ones
urlpatterns += [
    path(f"data/{m.kode}/", include(m.urls_publik)) for m in registry.all_modules() if m.urls_publik
]
urlpatterns += [
    path("data/<slug:modul>/", views.daftar, name="daftar"),
    path("data/<slug:modul>/<int:pk>/", views.detail, name="detail"),
    path("data/<slug:modul>/<int:pk>/berkas/<slug:field>/", views.unduh_berkas, name="berkas"),
    path("satker/<str:kode>/", views.satker, name="satker"),
]
# PPID: the PPID page, the DIP, information requests and their tracking links
urlpatterns += [
    path("ppid/", halaman.halaman, name="ppid"),
    path("ppid/dokumen/<int:pk>/berkas/", halaman.dokumen_berkas, name="dokumen_berkas"),
    path("ppid/dip/", dip.dip, name="dip"),
    path("ppid/dip.csv", dip.dip_csv, name="dip_csv"),
    path("ppid/dip.xlsx", dip.dip_xlsx, name="dip_xlsx"),
    path("ppid/permohonan/", permohonan.permohonan, name="permohonan"),
    path("ppid/permohonan/lacak/<str:token>/", permohonan.lacak, name="permohonan_lacak"),
    path(
        "ppid/permohonan/lacak/<str:token>/keberatan/",
        permohonan.keberatan,
        name="permohonan_keberatan",
    ),
    path(
        "ppid/permohonan/lacak/<str:token>/berkas/",
        permohonan.berkas_jawaban,
        name="permohonan_berkas",
    ),
]
