"""The public MoU list and detail page, and the demo agreements that fill them."""

import html

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from apps.core.services import buat_rekaman
from apps.mou.demo import demo_records
from apps.mou.models import PILIHAN_FILTER_STATUS, Mou, StatusBerlaku

# filled by buat_rekaman, not by the person entering data
DIISI_SERVIS = ["periode", "created_by", "updated_by"]


@pytest.fixture
def publik(modul, buat):
    return buat(modul, "18.72", "disetujui", "berkala", i=4)


def test_detail_publik_menampilkan_mitra_dan_tautan_pdf(publik, client):
    response = client.get(f"/data/mou/{publik.pk}/")
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "Mitra kerja sama" in text
    for mitra in publik.mitra.all():
        assert mitra.nama in text
        assert mitra.get_jenis_display() in text
    assert f'href="/data/mou/{publik.pk}/berkas/dokumen/"' in text
    for teks in (publik.nomor, publik.ruang_lingkup, publik.status_berlaku):
        assert teks in text
    assert date_format(publik.berlaku_sampai, "j F Y") in text


def test_detail_publik_tanpa_catatan_internal_dan_petugas(publik, client):
    text = html.unescape(client.get(f"/data/mou/{publik.pk}/").text)
    assert "Catatan internal" not in text
    assert publik.catatan_internal not in text
    assert publik.created_by.nama_lengkap not in text


def test_detail_staf_juga_menampilkan_mitra(modul, buat, client, operator_metro):
    mou = buat(modul, "18.72")
    client.force_login(operator_metro)
    text = html.unescape(client.get(f"/kelola/mou/{mou.pk}/").text)
    assert mou.mitra.get().nama in text
    assert f'href="/kelola/mou/{mou.pk}/berkas/dokumen/"' in text


def test_mitra_rekaman_nonpublik_tidak_tampil(modul, buat, client):
    draf = buat(modul, "18.72", i=7)
    assert client.get(f"/data/mou/{draf.pk}/").status_code == 404
    daftar = html.unescape(client.get("/data/mou/").text)
    assert draf.judul not in daftar


def test_daftar_publik_berkolom_perjanjian(publik, client):
    response = client.get("/data/mou/")
    assert response.status_code == 200
    text = html.unescape(response.text)
    kolom = [
        "Tanggal tanda tangan",
        "Judul",
        "Nomor perjanjian",
        "Status berlaku",
        "Berlaku sampai",
        "Satker",
    ]
    for k in kolom:
        assert f'<th scope="col">{k}</th>' in text
    assert f'<a href="/data/mou/{publik.pk}/">{publik.judul}</a>' in text
    assert publik.status_berlaku in text
    # the status filter is offered with the three computed states, explained
    for kode, label in PILIHAN_FILTER_STATUS:
        assert f'<option value="{kode}">{label}</option>' in text
    assert "Akan berakhir (dalam 90 hari)" in text


def _jumlah_query(client, url):
    cache.clear()  # the public list is cached per public-content token
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _publik_banyak(kantor, admin, n, mulai):
    """`n` public agreements in one INSERT (the list does not read their partners)."""
    metro = kantor("18.72")
    rows = []
    for i in range(mulai, mulai + n):
        mou = demo_records(metro, i % 8)
        mou.nomor = f"{i:03d}/UJI/{mou.nomor}"
        mou.periode = mou.tanggal_ttd.replace(day=1)
        mou.status, mou.klasifikasi = "disetujui", "berkala"
        mou.created_by = mou.updated_by = admin
        rows.append(mou)
    Mou.objects.bulk_create(rows)


def test_daftar_publik_tanpa_n_plus_1(client, kantor, admin):
    _publik_banyak(kantor, admin, 2, 0)
    sedikit = _jumlah_query(client, "/data/mou/")
    _publik_banyak(kantor, admin, 48, 2)
    assert Mou.objects.public().count() == 50
    assert _jumlah_query(client, "/data/mou/") == sedikit
    assert _jumlah_query(client, "/data/mou/?status_berlaku=berlaku&jenis_mitra=media") == sedikit


# ---- demo ----------------------------------------------------------------------------------


def test_demo_menghasilkan_ketiga_status_di_rekaman_publik_seed(kantor, operator_metro):
    """seed_demo makes records 4, 5 and 6 public: the public list shows all three states."""
    metro = kantor("18.72")
    rows = [buat_rekaman(demo_records(metro, i), operator_metro) for i in range(8)]
    assert {rows[i].kode_status_berlaku for i in (4, 5, 6)} == set(StatusBerlaku)
    assert {r.kode_status_berlaku for r in rows} == set(StatusBerlaku)
    for row in rows:
        assert row.mitra.exists(), row.judul
        assert row.dokumen
        assert row.tanggal_ttd <= timezone.localdate()
    assert len({r.judul for r in rows}) == 8
    assert len({r.nomor for r in rows}) == 8


def test_demo_mitra_setempat(kantor, operator_metro):
    metro = kantor("18.72")
    nama = {
        m.nama
        for i in range(8)
        for m in buat_rekaman(demo_records(metro, i), operator_metro).mitra.all()
    }
    assert {"Pemerintah Kota Metro", "Universitas Muhammadiyah Metro"} <= nama


def test_demo_untuk_satker_mana_pun(kantor, outsider):
    kutim = kantor("64.08")
    for i in range(10):
        mou = demo_records(kutim, i)
        mou.full_clean(exclude=DIISI_SERVIS)
        buat_rekaman(mou, outsider)
        assert mou.mitra.exists()


def test_daftar_publik_dalam_bahasa_inggris(publik, client):
    with translation.override(translation.get_language()):
        text = html.unescape(client.get("/data/mou/", HTTP_ACCEPT_LANGUAGE="en").text)
    for teks in ("Memoranda of understanding (MoU)", "Date signed", "Valid until", "Validity"):
        assert teks in text
    assert "Ending soon (within 90 days)" in text
    assert "Tanggal tanda tangan" not in text
