"""The data catalog page: coverage, last update and license per dataset, from public rows
only."""

import datetime as dt

import pytest

from apps.core import registry

pytestmark = pytest.mark.django_db


def test_katalog_cakupan_dari_rekaman_publik_saja(client, buat):
    modul = registry.get("pencegahan")
    buat(modul, "18.72", "disetujui", "berkala", tanggal=dt.date(2021, 5, 10))
    buat(modul, "18.72", "disetujui", "dikecualikan", tanggal=dt.date(2019, 8, 10))
    buat(modul, "64.08", "diajukan", tanggal=dt.date(2022, 8, 10))
    html = client.get("/data/").content.decode()
    bagian = html.split('href="/data/pencegahan/"', 1)[1].split("</section>", 1)[0]
    assert "Mei 2021 – Mei 2021" in bagian
    assert "Lampung" in bagian
    assert "2019" not in bagian
    assert "2022" not in bagian
    assert "Kalimantan Timur" not in bagian
    assert "creativecommons.org/licenses/by/4.0" in html


def test_katalog_tanpa_data_publik(client):
    html = client.get("/data/").content.decode()
    assert "Belum ada data publik" in html
