"""Staff pages of the PPID, included under /kelola/ppid/."""

from django.urls import path

from apps.ppid import kelola

app_name = "ppid_kelola"
urlpatterns = [
    path("permohonan/", kelola.antrean, name="antrean"),
    path("permohonan/<int:pk>/", kelola.detail, name="permohonan"),
    path("permohonan/<int:pk>/perpanjang/", kelola.perpanjang, name="perpanjang"),
    path("permohonan/<int:pk>/jawab/", kelola.jawab, name="jawab"),
    path("permohonan/<int:pk>/keberatan/", kelola.tanggapi, name="tanggapi"),
    path("permohonan/<int:pk>/berkas/", kelola.berkas, name="berkas"),
    path("dokumen/", kelola.dokumen_daftar, name="dokumen"),
    path("dokumen/baru/", kelola.dokumen_form, name="dokumen_baru"),
    path("dokumen/<int:pk>/", kelola.dokumen_form, name="dokumen_ubah"),
    path("dokumen/<int:pk>/berkas/", kelola.dokumen_berkas, name="dokumen_berkas"),
    path("dip/", kelola.dip_daftar, name="dip"),
    path("dip/baru/", kelola.dip_form, name="dip_baru"),
    path("dip/<int:pk>/", kelola.dip_form, name="dip_ubah"),
]
