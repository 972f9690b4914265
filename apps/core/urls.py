from django.urls import include, path

from apps.core import registry, views

app_name = "core"
# module pages of their own (e.g. a roll-up) come before the generic ones
urlpatterns = [
    path(f"{m.kode}/", include(m.urls_kelola)) for m in registry.all_modules() if m.urls_kelola
]
urlpatterns += [
    path("<slug:modul>/", views.daftar, name="daftar"),
    path("<slug:modul>/baru/", views.buat, name="buat"),
    path("<slug:modul>/<int:pk>/", views.detail, name="detail"),
    path("<slug:modul>/<int:pk>/ubah/", views.ubah, name="ubah"),
    path("<slug:modul>/<int:pk>/aksi/<slug:aksi>/", views.aksi, name="aksi"),
    path("<slug:modul>/<int:pk>/klasifikasi/", views.klasifikasi, name="klasifikasi"),
    path("<slug:modul>/<int:pk>/berkas/<slug:field>/", views.unduh_berkas, name="berkas"),
]
