from django.urls import path

from apps.core import views

app_name = "core"
urlpatterns = [
    path("<slug:modul>/", views.daftar, name="daftar"),
    path("<slug:modul>/baru/", views.buat, name="buat"),
    path("<slug:modul>/<int:pk>/", views.detail, name="detail"),
    path("<slug:modul>/<int:pk>/ubah/", views.ubah, name="ubah"),
    path("<slug:modul>/<int:pk>/aksi/<slug:aksi>/", views.aksi, name="aksi"),
    path("<slug:modul>/<int:pk>/klasifikasi/", views.klasifikasi, name="klasifikasi"),
]
