from django.urls import include, path

from apps.core import registry
from apps.ppid import views

app_name = "ppid"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("data/", views.katalog, name="katalog"),
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
