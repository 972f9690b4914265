"""Public pages of the module, included under /data/dpt/ before the generic ones."""

from django.urls import path

from apps.dpt import views

app_name = "dpt"
urlpatterns = [
    path("rekap/", views.rekapitulasi, name="rekap"),
]
