from django.urls import path

from apps.anggaran import views

app_name = "anggaran"
urlpatterns = [
    path("serapan/", views.serapan, name="serapan"),
]
