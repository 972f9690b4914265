"""Staff exports of the module lists, under the lists' own path (`/kelola/<modul>/ekspor.csv`)."""

from django.urls import path

from apps.imports import views

app_name = "ekspor_staf"
urlpatterns = [
    path("<slug:modul>/ekspor.<str:ext>", views.ekspor_staf, name="unduh"),
]
