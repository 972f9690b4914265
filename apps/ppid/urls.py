from django.urls import path

from apps.ppid import views

app_name = "ppid"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("data/", views.katalog, name="katalog"),
    path("data/<slug:modul>/", views.daftar, name="daftar"),
    path("data/<slug:modul>/<int:pk>/", views.detail, name="detail"),
    path("satker/<str:kode>/", views.satker, name="satker"),
]
