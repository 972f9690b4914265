from django.urls import path

from apps.anggaran import views

app_name = "anggaran"
urlpatterns = [
    path("pagu/", views.pagu_daftar, name="pagu_daftar"),
    path("pagu/baru/", views.pagu_buat, name="pagu_buat"),
    path("pagu/<int:pk>/", views.pagu_detail, name="pagu_detail"),
    path("pagu/<int:pk>/revisi/", views.pagu_revisi, name="pagu_revisi"),
]
