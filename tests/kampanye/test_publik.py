"""Public list filters of the campaign module show public records only; public pages never
show internal notes; lists do not grow queries with rows."""

import re

import pytest

from apps.core import registry
from apps.kampanye.models import MetodeKampanye
from tests import factories
from tests.conftest import TIDAK_PUBLIK


@pytest.fixture
def modul():
    return registry.get("kampanye")


def _id_di(response):
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r'href="/data/kampanye/(\d+)/"', response.text)}


@pytest.fixture
def arsip(buat, modul):
    """Demo scenario 3 is an APK record with a suspected violation, scenario 4 a social-media
    record without: each once public (berkala) and once in every non-public state."""
    rows = {}
    for i in (3, 4):
        rows[i, "publik"] = buat(modul, "18.72", "disetujui", "berkala", i=i)
        rows[i, "tidak"] = [buat(modul, "18.72", st, kl, i=i) for st, kl in TIDAK_PUBLIK]
    assert rows[3, "publik"].metode == MetodeKampanye.APK
    assert rows[3, "publik"].dugaan_pelanggaran is True
    assert rows[4, "publik"].metode == MetodeKampanye.MEDIA_SOSIAL
    assert rows[4, "publik"].dugaan_pelanggaran is False
    return rows


def test_saring_metode_hanya_rekaman_publik(client, arsip):
    apk, medsos = arsip[3, "publik"].pk, arsip[4, "publik"].pk
    assert _id_di(client.get("/data/kampanye/")) == {apk, medsos}
    assert _id_di(client.get("/data/kampanye/", {"metode": "apk"})) == {apk}
    assert _id_di(client.get("/data/kampanye/", {"metode": "media_sosial"})) == {medsos}
    assert _id_di(client.get("/data/kampanye/", {"metode": "rapat_umum"})) == set()


def test_saring_dugaan_pelanggaran_hanya_rekaman_publik(client, arsip):
    apk, medsos = arsip[3, "publik"].pk, arsip[4, "publik"].pk
    assert _id_di(client.get("/data/kampanye/", {"dugaan_pelanggaran": "ya"})) == {apk}
    assert _id_di(client.get("/data/kampanye/", {"dugaan_pelanggaran": "tidak"})) == {medsos}
    gabungan = {"dugaan_pelanggaran": "ya", "metode": "media_sosial"}
    assert _id_di(client.get("/data/kampanye/", gabungan)) == set()


def test_saringan_tampil_di_formulir_publik(client, arsip):
    html = client.get("/data/kampanye/", {"dugaan_pelanggaran": "ya"}).text
    assert '<label for="f-metode">Metode kampanye</label>' in html
    assert '<label for="f-dugaan_pelanggaran">Dugaan pelanggaran</label>' in html
    assert '<option value="ya" selected>Ya</option>' in html
    assert "Pemasangan alat peraga kampanye (APK) di tempat umum" in html


def test_staf_dapat_menyaring_rekaman_tidak_publik(client, arsip, koorsek_metro):
    client.force_login(koorsek_metro)
    html = client.get("/kelola/kampanye/", {"metode": "apk", "dugaan_pelanggaran": "ya"}).text
    ids = {int(pk) for pk in re.findall(r'href="/kelola/kampanye/(\d+)/"', html)}
    assert ids == {arsip[3, "publik"].pk} | {r.pk for r in arsip[3, "tidak"]}


def test_detail_publik_tanpa_catatan_internal(client, arsip):
    rek = arsip[3, "publik"]
    html = client.get(f"/data/kampanye/{rek.pk}/").text
    assert rek.judul in html
    assert "4 Partai Golongan Karya (Golkar)" in html or "Partai Golongan Karya (Golkar)" in html
    assert "Pemasangan alat peraga kampanye (APK) di tempat umum" in html
    assert "Saran perbaikan tertulis kepada tim kampanye" in html
    assert rek.catatan_internal
    assert rek.catatan_internal not in html
    assert "0812-0000-0000" not in html
    for rows in arsip.values():
        for r in rows if isinstance(rows, list) else [rows]:
            if not r.is_public:
                assert client.get(f"/data/kampanye/{r.pk}/").status_code == 404


def test_public_fields_tanpa_catatan_internal(modul):
    assert "catatan_internal" not in modul.semua_public_fields
    assert set(modul.list_fields) <= set(modul.semua_public_fields)
    assert set(modul.cari_fields) <= set(modul.semua_public_fields)


@pytest.mark.parametrize("n", [3, 40])
def test_daftar_publik_jumlah_kueri_tetap(
    n, client, modul, kantor, operator_metro, django_assert_max_num_queries
):
    factories.banyak_rekaman(
        modul, kantor("18.72"), n, oleh=operator_metro, status="disetujui", klasifikasi="berkala"
    )
    with django_assert_max_num_queries(4):
        response = client.get("/data/kampanye/", {"metode": "apk", "dugaan_pelanggaran": "ya"})
    assert len(_id_di(response)) == len([i for i in range(n) if i % 8 == 3])


@pytest.mark.parametrize("n", [3, 30])
def test_daftar_staf_jumlah_kueri_tetap(
    n, client, modul, kantor, operator_metro, django_assert_max_num_queries
):
    factories.banyak_rekaman(modul, kantor("18.72"), n, oleh=operator_metro)
    client.force_login(operator_metro)
    with django_assert_max_num_queries(12):
        response = client.get("/kelola/kampanye/")
    assert response.status_code == 200
