"""The public register of disputes and published decisions, and the public counts: only
records that are approved and classified public, and only their public fields."""

import html

import pytest

from tests.factories import PemilihanFactory

pytestmark = pytest.mark.django_db


def _teks(response):
    return html.unescape(response.content.decode())


def test_detail_publik_menampilkan_register_dan_putusan(modul, buat, client):
    obj = buat(modul, "18.72", "disetujui", "berkala", i=6)
    teks = _teks(client.get(f"/data/sengketa/{obj.pk}/"))
    for nilai in (
        obj.nomor_register,
        obj.pemohon,
        obj.termohon,
        obj.nomor_objek,
        obj.pokok_permohonan,
        obj.ringkasan_putusan,
        "Diputus",
        "Ditolak",
        "Tidak sepakat",
    ):
        assert nilai in teks, nilai
    assert f'href="/data/sengketa/{obj.pk}/berkas/dokumen_putusan/"' in teks
    for internal in (
        obj.petitum,
        obj.catatan_internal,
        obj.catatan_adjudikasi,
        "Petitum",
        "Catatan adjudikasi",
        "Upaya hukum",
        "Alasan keterlambatan",
    ):
        assert internal not in teks, internal


def test_alasan_tidak_diregistrasi_dan_keterlambatan_internal(modul, buat, client):
    tidak = buat(modul, "18.72", "disetujui", "berkala", i=7)
    terlambat = buat(modul, "18.72", "disetujui", "berkala", i=5)
    assert tidak.keterangan_registrasi not in _teks(client.get(f"/data/sengketa/{tidak.pk}/"))
    assert terlambat.alasan_terlambat not in _teks(client.get(f"/data/sengketa/{terlambat.pk}/"))


@pytest.mark.parametrize(
    ("saringan", "cocok"),
    [
        ({"status_sengketa": "diputus"}, {4, 6}),
        ({"status_sengketa": "selesai_mediasi"}, {2}),
        ({"amar_putusan": "ditolak"}, {6}),
        ({"amar_putusan": "tidak_dapat_diterima"}, {7}),
    ],
)
def test_saringan_status_dan_amar_di_daftar_publik(modul, buat, client, saringan, cocok):
    rows = {i: buat(modul, "18.72", "disetujui", "berkala", i=i) for i in (2, 4, 6, 7)}
    teks = client.get("/data/sengketa/", saringan).content.decode()
    tampil = {i for i, r in rows.items() if f'href="/data/sengketa/{r.pk}/"' in teks}
    assert tampil == cocok


def test_daftar_publik_menautkan_rekap(client):
    assert 'href="/data/sengketa/rekap/"' in client.get("/data/sengketa/").content.decode()


@pytest.fixture
def arsip(modul, buat):
    """Public disputes of Kota Metro (2), Lampung Selatan (1) and Kutai Timur (1); and in
    Kota Metro one of each non-public kind, all decided "ditolak", which must count nowhere."""
    pemilu = PemilihanFactory()
    pilkada = PemilihanFactory(kode="pilkada-2024", nama="Pilkada 2024", jenis="pilkada")
    publik = [
        buat(modul, "18.72", "disetujui", "berkala", i=4, pemilihan=pemilu),
        buat(modul, "18.72", "disetujui", "serta_merta", i=5, pemilihan=pemilu),
        buat(modul, "18.01", "disetujui", "setiap_saat", i=2, pemilihan=pilkada),
        buat(modul, "64.08", "disetujui", "berkala", i=7, pemilihan=pemilu),
    ]
    for status, klas in (
        ("draft", "belum"),
        ("diajukan", "belum"),
        ("dikembalikan", "belum"),
        ("disetujui", "belum"),
        ("disetujui", "dikecualikan"),
    ):
        buat(modul, "18.72", status, klas, i=6, pemilihan=pemilu)
    return pemilu, pilkada, publik


def _hitungan(response):
    ctx = response.context
    dimensi = {name: {v: n for _label, n, v in baris} for _l, name, baris in ctx["dimensi"]}
    wilayah = {kode: n for kode, _nama, n in ctx["wilayah_rows"]}
    return ctx["total"], dimensi, wilayah


def test_rekap_hanya_menghitung_rekaman_publik(client, arsip):
    response = client.get("/data/sengketa/rekap/")
    assert response.status_code == 200
    total, dimensi, wilayah = _hitungan(response)
    assert total == 4
    assert dimensi["status_sengketa"] == {
        "diputus": 2,
        "selesai_mediasi": 1,
        "tidak_diregistrasi": 1,
    }
    # the dispute settled at mediation has no amar: "belum ditentukan"
    assert dimensi["amar_putusan"] == {
        "dikabulkan_seluruhnya": 1,
        "dikabulkan_sebagian": 1,
        "tidak_dapat_diterima": 1,
        "": 1,
    }
    assert "ditolak" not in dimensi["amar_putusan"]
    assert wilayah == {"18": 3, "64": 1}
    teks = _teks(response)
    assert "Dikabulkan seluruhnya" in teks
    assert "Selesai melalui mediasi (sepakat)" in teks


def test_rekap_per_kabkota_satu_provinsi(client, arsip):
    total, dimensi, wilayah = _hitungan(client.get("/data/sengketa/rekap/", {"provinsi": "18"}))
    assert total == 3
    assert wilayah == {"18.72": 2, "18.01": 1}
    assert dimensi["status_sengketa"] == {"diputus": 2, "selesai_mediasi": 1}


def test_rekap_per_pemilihan(client, arsip):
    total, dimensi, wilayah = _hitungan(
        client.get("/data/sengketa/rekap/", {"pemilihan": "pilkada-2024"})
    )
    assert total == 1
    assert dimensi["status_sengketa"] == {"selesai_mediasi": 1}
    assert wilayah == {"18": 1}
    total, _dimensi, wilayah = _hitungan(
        client.get("/data/sengketa/rekap/", {"pemilihan": "pemilu-2024", "provinsi": "18"})
    )
    assert total == 2
    assert wilayah == {"18.72": 2}


def test_rekap_saringan_salah_disebut(client, arsip):
    teks = _teks(client.get("/data/sengketa/rekap/", {"pemilihan": "pemilu-1999"}))
    assert "Pemilihan “pemilu-1999” tidak dikenal." in teks
    teks = _teks(client.get("/data/sengketa/rekap/", {"provinsi": "Lampung"}))
    assert "Kode provinsi “Lampung” tidak dikenal (contoh: 18)." in teks
