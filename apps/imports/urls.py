from django.urls import path

from apps.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("templat/<slug:modul>.xlsx", views.templat, name="templat"),
    path("<int:pk>/", views.job, name="job"),
    path("<int:pk>/kemajuan.json", views.kemajuan, name="kemajuan"),
    path("<int:pk>/simpan/", views.simpan, name="simpan"),
    path("<int:pk>/ulangi/", views.ulangi, name="ulangi"),
    path("<int:pk>/galat.csv", views.galat_csv, name="galat_csv"),
]
