"""The PPID page: only public records (`.public()`) per category, the documents the PPID
published (and only those, served only as attachments), the time limits as the calendar holds
them, and a bounded number of queries."""

import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.audit.models import CatatanAudit
from apps.core.workflow import Aksi, transition
from apps.kalender.models import BatasWaktu
from apps.ppid.models import DokumenPublik
from tests.conftest import MODULS, PUBLIK, SKENARIO, modul_id

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _ids(html, modul):
    return {int(pk) for pk in re.findall(rf'href="/data/{modul.kode}/(\d+)/"', html)}


def _bagian(html, kode):
    return html.split(f'id="{kode}"', 1)[1].split("</section>", 1)[0]


def dokumen(kantor, **nilai):
    isian = {
        "judul": "Laporan tahunan PPID 2025",
        "kategori": "berkala",
        "satker": kantor,
        "tanggal": "2026-01-15",
        "terbit": True,
        "berkas": SimpleUploadedFile("laporan.pdf", PDF),
    }
    isian.update(nilai)
    return DokumenPublik.objects.create(**isian)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_hanya_rekaman_publik_per_kategori(client, buat, admin, modul):
    rows = [(status, klas, buat(modul, "18.72", status, klas)) for status, klas in SKENARIO]
    # a record that was public and was reopened
    ditarik = buat(modul, "18.01", "disetujui", "berkala")
    transition(ditarik, Aksi.BUKA_KEMBALI, admin, "Koreksi.")
    html = client.get("/ppid/").text
    publik = {r.pk for s, k, r in rows if s == "disetujui" and k in PUBLIK}
    assert _ids(html, modul) == publik
    for status, klas, r in rows:
        if status == "disetujui" and klas in PUBLIK:
            assert r.pk in _ids(_bagian(html, klas), modul), klas
            for lain in PUBLIK - {klas}:
                assert r.pk not in _ids(_bagian(html, lain), modul)
    assert ditarik.pk not in _ids(html, modul)


def test_rekaman_dibatasi_per_modul_terbaru_dulu(client, buat):
    from apps.ppid.halaman import PER_MODUL

    modul = MODULS[0]
    rows = [buat(modul, "18.72", "disetujui", "berkala", i=i) for i in range(8)]
    bagian = _bagian(client.get("/ppid/").text, "berkala")
    tampil = re.findall(rf'href="/data/{modul.kode}/(\d+)/"', bagian)
    assert len(tampil) == PER_MODUL
    terbaru = sorted(rows, key=lambda r: (r.periode, r.pk), reverse=True)[:PER_MODUL]
    assert [int(pk) for pk in tampil] == [r.pk for r in terbaru]


def test_dokumen_terbit_tampil_dan_diunduh_sebagai_lampiran(client, kantor):
    terbit = dokumen(kantor("18.72"), judul="Laporan layanan informasi 2025")
    draf = dokumen(kantor("18.72"), judul="Draf belum terbit", terbit=False)
    sm = dokumen(kantor("18"), judul="Pengumuman banjir TPS", kategori="serta_merta")
    html = client.get("/ppid/").text
    assert "Laporan layanan informasi 2025" in _bagian(html, "berkala")
    assert "Pengumuman banjir TPS" in _bagian(html, "serta_merta")
    assert "Draf belum terbit" not in html
    assert f"/ppid/dokumen/{draf.pk}/berkas/" not in html

    for d in (terbit, sm):
        response = client.get(f"/ppid/dokumen/{d.pk}/berkas/")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content) == PDF
    assert client.get(f"/ppid/dokumen/{draf.pk}/berkas/").status_code == 404
    assert client.get("/ppid/dokumen/999999/berkas/").status_code == 404


def test_ppid_mengunggah_dokumen_di_area_staf(client, kantor, ppid_lampung, operator_metro):
    client.force_login(ppid_lampung)
    data = {
        "judul": "Daftar informasi dikecualikan 2026",
        "ringkasan": "",
        "kategori": "setiap_saat",
        "satker": kantor("18.72").pk,
        "tanggal": "2026-02-01",
        "terbit": "on",
    }
    palsu = SimpleUploadedFile("skrip.pdf", b"<script>alert(1)</script>")
    response = client.post("/kelola/ppid/dokumen/baru/", {**data, "berkas": palsu})
    assert response.status_code == 200
    assert "bukan PDF yang sah" in response.text
    assert not DokumenPublik.objects.exists()

    response = client.post(
        "/kelola/ppid/dokumen/baru/", {**data, "berkas": SimpleUploadedFile("a.pdf", PDF)}
    )
    assert response.status_code == 302
    d = DokumenPublik.objects.get()
    assert (d.dibuat_oleh, d.terbit) == (ppid_lampung, True)
    assert CatatanAudit.objects.filter(aksi="simpan_dokumen", objek_id=str(d.pk)).exists()
    assert "Daftar informasi dikecualikan 2026" in client.get("/ppid/").text

    # withdrawn: gone from the page and its file from the public door
    response = client.post(f"/kelola/ppid/dokumen/{d.pk}/", {**data, "terbit": ""})
    assert response.status_code == 302
    assert "Daftar informasi dikecualikan 2026" not in client.get("/ppid/").text
    assert client.get(f"/ppid/dokumen/{d.pk}/berkas/").status_code == 404

    client.force_login(operator_metro)
    assert client.get("/kelola/ppid/dokumen/").status_code == 403
    assert client.post("/kelola/ppid/dokumen/baru/", data).status_code == 403
    assert client.get(f"/kelola/ppid/dokumen/{d.pk}/berkas/").status_code == 404


def test_dokumen_satker_lain_404_bagi_ppid(client, kantor, ppid_lampung):
    lain = dokumen(kantor("64.08"), judul="Dokumen Kutai Timur", terbit=False)
    client.force_login(ppid_lampung)
    assert client.get(f"/kelola/ppid/dokumen/{lain.pk}/").status_code == 404
    assert client.get(f"/kelola/ppid/dokumen/{lain.pk}/berkas/").status_code == 404
    assert "Dokumen Kutai Timur" not in client.get("/kelola/ppid/dokumen/").text


def test_batas_waktu_di_halaman_dari_kalender(client, db):
    html = client.get("/ppid/").text
    assert "paling lambat 10 hari kerja sejak permohonan diterima" in html
    BatasWaktu.objects.filter(kode="jawaban_ppid").update(panjang=12)
    BatasWaktu.objects.filter(kode="perpanjangan_ppid").update(panjang=5)
    html = client.get("/ppid/").text
    assert "paling lambat 12 hari kerja sejak permohonan diterima" in html
    assert "paling lama 5 hari kerja" in html
    assert "12 hari kerja" in client.get("/ppid/permohonan/").text


def test_halaman_ppid_jumlah_query_tetap(client, buat, django_assert_max_num_queries):
    """Token, the time limits, documents per category, then per category one query per module
    when the cached part misses; the same with more rows."""
    batas = 2 + 3 + 3 * len(MODULS)
    kueri = []
    for n in (1, 3):
        for modul in MODULS:
            while modul.model.objects.public().count() < n:
                buat(modul, "18.72", "disetujui", "berkala", i=modul.model.objects.count() % 8)
        client.get("/ppid/")
        cache.clear()
        with django_assert_max_num_queries(batas) as k:
            assert client.get("/ppid/").status_code == 200
        kueri.append(len(k))
    assert kueri[0] == kueri[1]
