"""Open data for programs and spreadsheets (namespace `opendata`): the downloads of every
module's filtered public list, its data dictionary and the DCAT catalog. Included before the
portal, whose `data/<modul>/` pages would otherwise take `data/<modul>.csv`. The API has its
own URLconf (`apps.opendata.api.urls`, under `/api/v1/`)."""

from django.urls import path, re_path

from apps.opendata import dcat, unduh

app_name = "opendata"
urlpatterns = [
    re_path(r"^data/(?P<modul>[-a-zA-Z0-9_]+)\.(?P<ext>csv|xlsx|json)$", unduh.unduh, name="unduh"),
    path("data/<slug:modul>/kamus/", unduh.kamus, name="kamus"),
    path("data/<slug:modul>/kamus.json", unduh.kamus_json, name="kamus_json"),
    path("catalog.jsonld", dcat.katalog, name="dcat"),
]
