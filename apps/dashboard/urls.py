from django.urls import path

from apps.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("tenggat/", views.tenggat, name="tenggat"),
    path("persetujuan/", views.persetujuan, name="persetujuan"),
    path("klasifikasi/", views.klasifikasi, name="klasifikasi"),
]
