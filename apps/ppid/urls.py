"""The PPID's public service under UU 14/2008 (namespace `ppid`): the PPID page, the DIP,
information requests and their tracking links, objections."""

from django.urls import path

from apps.ppid import dip, halaman, permohonan

app_name = "ppid"
urlpatterns = [
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
