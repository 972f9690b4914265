"""A public field is declared once — in the module's registry entry — and every outlet shows it,
correctly typed, without a line of outlet code: the detail page, the API and its OpenAPI
schema, the CSV, XLSX and JSON downloads and the data dictionary. The field here is thrown away
after the test: a computed value (`@dihitung`) added to the model and named in `public_fields`."""

import csv
import dataclasses
import io
import json

import pytest
from django.utils.formats import number_format
from openpyxl import load_workbook

from apps.core import registry
from apps.core.tampilan import dihitung
from apps.opendata.api.serializers import serializer_untuk
from apps.opendata.api.views import DokumenOpenApi

NAMA = "angka_uji_sekali_pakai"


def _angka(self) -> int:
    return self.pk * 7 + 3


@pytest.fixture
def bidang_baru(monkeypatch):
    modul = registry.get("pencegahan")
    monkeypatch.setattr(
        modul.model, NAMA, dihitung("angka uji sekali pakai")(_angka), raising=False
    )
    monkeypatch.setitem(
        registry._modules,
        "pencegahan",
        dataclasses.replace(modul, public_fields=(*modul.public_fields, NAMA)),
    )
    # what is built once per process from the code: the serializers and the OpenAPI document
    serializer_untuk.cache_clear()
    monkeypatch.setattr(DokumenOpenApi, "_tersimpan", {})
    yield registry.get("pencegahan")
    serializer_untuk.cache_clear()


def _isi(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_bidang_publik_baru_ada_di_setiap_pintu(bidang_baru, buat, client):
    rek = buat(bidang_baru, "18.72", "disetujui", "berkala")
    nilai = rek.pk * 7 + 3

    detail = client.get(f"/data/pencegahan/{rek.pk}/").text
    assert "angka uji sekali pakai" in detail.lower()
    assert number_format(nilai, force_grouping=True) in detail  # "2.446", read the Indonesian way

    api = client.get(f"/api/v1/pencegahan/{rek.pk}/").json()
    assert api[NAMA] == nilai
    skema = client.get("/api/v1/openapi.json").json()
    properti = skema["components"]["schemas"][bidang_baru.model.__name__]["properties"]
    assert properti[NAMA]["type"] == "integer"

    teks = _isi(client.get("/data/pencegahan.csv")).decode("utf-8-sig")
    (baris,) = list(csv.DictReader(io.StringIO(teks)))
    assert baris[NAMA] == str(nilai)

    data = json.loads(_isi(client.get("/data/pencegahan.json")))["data"]
    assert data[0][NAMA] == nilai

    ws = load_workbook(io.BytesIO(_isi(client.get("/data/pencegahan.xlsx"))))["Data"]
    kepala = [c.value for c in next(ws.iter_rows(max_row=1))]
    nilai_xlsx = [c.value for c in next(ws.iter_rows(min_row=2, max_row=2))]
    assert nilai_xlsx[kepala.index(NAMA)] == nilai

    kamus = client.get("/data/pencegahan/kamus.json").json()
    (kolom,) = [k for k in kamus["kolom"] if k["nama"] == NAMA]
    assert kolom["jenis"] == "bilangan_bulat"
    assert NAMA in client.get("/data/pencegahan/kamus/").text
