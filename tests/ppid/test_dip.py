"""The Daftar Informasi Publik: the seven columns of Perki 1/2021, one row per module with
public records (none for a module whose records are all unpublished), the PPID's manual
entries, the office filter, and CSV/XLSX downloads that a spreadsheet cannot run as formulas."""

import csv
import io

import pytest
from openpyxl import load_workbook

from apps.audit.models import CatatanAudit
from apps.ppid.dip import susun_dip
from apps.ppid.models import EntriDip
from tests.conftest import MODULS, TIDAK_PUBLIK

KOLOM_PERKI = [
    "Nomor",
    "Ringkasan isi informasi",
    "Pejabat/unit/satuan kerja yang menguasai informasi",
    "Penanggung jawab pembuatan atau penerbitan informasi",
    "Waktu dan tempat pembuatan informasi",
    "Bentuk informasi yang tersedia",
    "Jangka waktu penyimpanan atau retensi arsip",
]


def _csv(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    teks = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(teks)))


def _xlsx(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    wb = load_workbook(io.BytesIO(response.content))
    return wb.active


def _baris_modul(rows, modul):
    return [r for r in rows[1:] if r[1].startswith(f"{modul.nama}: ")]


def entri(kantor, **nilai):
    isian = {
        "satker": kantor,
        "judul": "Rencana strategis Bawaslu 2025–2029",
        "ringkasan": "Dokumen perencanaan lima tahunan.",
        "penguasa": "Bagian Perencanaan",
        "penanggung_jawab": "Kepala Biro Perencanaan",
        "waktu_tempat": "2025; Jakarta",
        "bentuk": "Softcopy (PDF), hardcopy",
        "retensi": "10 tahun",
    }
    isian.update(nilai)
    return EntriDip.objects.create(**isian)


def test_satu_baris_per_modul_yang_punya_data_publik(client, buat):
    """Even-indexed modules get one public record; the others get every non-public
    status × classification and must have no row."""
    publik, tertutup = MODULS[::2], MODULS[1::2]
    assert tertutup, "the test needs a module without public records"
    for modul in publik:
        buat(modul, "18.72", "disetujui", "berkala")
        buat(modul, "18.01", "disetujui", "setiap_saat")
    for modul in tertutup:
        for status, klas in TIDAK_PUBLIK:
            buat(modul, "18.72", status, klas)

    assert sorted(b.modul for b in susun_dip() if b.modul) == sorted(m.kode for m in publik)
    rows = _csv(client.get("/ppid/dip.csv"))
    assert rows[0] == KOLOM_PERKI
    for modul in publik:
        (baris,) = _baris_modul(rows, modul)
        assert baris[5] == "Softcopy: CSV, XLSX, JSON, API"
        assert "Bawaslu" in baris[2]
    for modul in tertutup:
        assert not _baris_modul(rows, modul)
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, len(rows))]

    html = client.get("/ppid/dip/").text
    for modul in publik:
        assert f'href="/data/{modul.kode}/"' in html
    for modul in tertutup:
        assert f'href="/data/{modul.kode}/"' not in html

    ws = _xlsx(client.get("/ppid/dip.xlsx"))
    xlsx = [[c if c is not None else "" for c in r] for r in ws.iter_rows(values_only=True)]
    assert xlsx[0] == KOLOM_PERKI
    assert len(xlsx) == len(rows)


def test_rentang_waktu_dari_periode_data_publik(buat):
    modul = MODULS[0]
    a = buat(modul, "18.72", "disetujui", "berkala", i=0)
    b = buat(modul, "18.72", "disetujui", "berkala", i=5)
    # an unpublished record outside the range must not widen it
    buat(modul, "18.72", "disetujui", "dikecualikan", i=3)
    (baris,) = [r for r in susun_dip() if r.modul == modul.kode]
    bulan = {a.periode, b.periode}
    from django.utils.formats import date_format

    for periode in (min(bulan), max(bulan)):
        assert date_format(periode, "F Y") in baris.waktu_tempat


def test_saring_menurut_satker(client, buat, kantor):
    modul_a, modul_b = MODULS[0], MODULS[1]
    buat(modul_a, "18.72", "disetujui", "berkala")
    buat(modul_b, "18.01", "disetujui", "berkala")
    entri(kantor("18.72"), judul="Entri Kota Metro")
    entri(kantor("18.01"), judul="Entri Lampung Selatan")

    rows = _csv(client.get("/ppid/dip.csv?satker=18.72"))
    assert len(_baris_modul(rows, modul_a)) == 1
    assert not _baris_modul(rows, modul_b)
    assert _baris_modul(rows, modul_a)[0][2] == "Bawaslu Kota Metro"
    assert _baris_modul(rows, modul_a)[0][3] == "PPID Bawaslu Kota Metro"
    teks = "\n".join(",".join(r) for r in rows)
    assert "Entri Kota Metro" in teks
    assert "Entri Lampung Selatan" not in teks

    html = client.get("/ppid/dip/?satker=18.72").text
    assert "Entri Kota Metro" in html
    assert "Entri Lampung Selatan" not in html

    salah = client.get("/ppid/dip/?satker=99.99").text
    assert "Satker dengan kode “99.99” tidak dikenal" in salah
    assert "Entri Lampung Selatan" in salah


def test_entri_manual_hanya_yang_tampil(client, kantor):
    entri(kantor("18.72"), judul="Entri yang tampil")
    entri(kantor("18.72"), judul="Entri yang disembunyikan", terbit=False)
    html = client.get("/ppid/dip/").text
    assert "Entri yang tampil" in html
    assert "Entri yang disembunyikan" not in html
    rows = _csv(client.get("/ppid/dip.csv"))
    assert rows[1][1] == "Entri yang tampil: Dokumen perencanaan lima tahunan."
    assert rows[1][2:] == [
        "Bagian Perencanaan",
        "Kepala Biro Perencanaan",
        "2025; Jakarta",
        "Softcopy (PDF), hardcopy",
        "10 tahun",
    ]


@pytest.mark.parametrize("awal", ["=", "+", "-", "@", "\t", "\r"])
def test_rumus_dinetralkan_di_unduhan(client, kantor, awal):
    berbahaya = f'{awal}HYPERLINK("http://jahat.example","klik")'
    entri(
        kantor("18.72"),
        judul="Aman",
        ringkasan="x",
        penguasa=berbahaya,
        penanggung_jawab=berbahaya,
        retensi=berbahaya,
    )
    rows = _csv(client.get("/ppid/dip.csv"))
    for sel in (rows[1][2], rows[1][3], rows[1][6]):
        assert sel == "'" + berbahaya
    ws = _xlsx(client.get("/ppid/dip.xlsx"))
    baris = next(ws.iter_rows(min_row=2, max_row=2))
    for cell in (baris[2], baris[3], baris[6]):
        assert cell.data_type == "s"
        # XML reads a carriage return back as a line feed
        assert cell.value == "'" + berbahaya.replace("\r", "\n")


def test_ppid_mengelola_entri_dip_di_area_staf(client, kantor, ppid_lampung, operator_metro):
    client.force_login(ppid_lampung)
    data = {
        "satker": kantor("18.72").pk,
        "judul": "Laporan layanan informasi 2025",
        "ringkasan": "Rekap permohonan dan keberatan.",
        "penguasa": "PPID Bawaslu Kota Metro",
        "penanggung_jawab": "Sekretaris Bawaslu Kota Metro",
        "waktu_tempat": "Januari 2026; Kota Metro",
        "bentuk": "Softcopy (PDF)",
        "retensi": "5 tahun",
        "urutan": 10,
        "terbit": "on",
    }
    response = client.post("/kelola/ppid/dip/baru/", data)
    assert response.status_code == 302
    e = EntriDip.objects.get()
    assert e.diubah_oleh == ppid_lampung
    assert CatatanAudit.objects.filter(aksi="simpan_entri_dip", objek_id=str(e.pk)).exists()
    assert "Laporan layanan informasi 2025" in client.get("/ppid/dip/").text

    response = client.post(f"/kelola/ppid/dip/{e.pk}/", {**data, "judul": "Diubah"})
    assert response.status_code == 302
    assert EntriDip.objects.get().judul == "Diubah"

    # an office outside the PPID's province is not a choice
    response = client.post("/kelola/ppid/dip/baru/", {**data, "satker": kantor("64.08").pk})
    assert response.status_code == 200
    assert "bukan kantor tempat Anda bertugas sebagai PPID" in response.text
    assert EntriDip.objects.count() == 1

    # an operator is no PPID: refused, and another office's entry is 404 to a PPID elsewhere
    client.force_login(operator_metro)
    assert client.get("/kelola/ppid/dip/").status_code == 403
    assert client.post("/kelola/ppid/dip/baru/", data).status_code == 403
    assert EntriDip.objects.count() == 1


def test_entri_satker_lain_404_bagi_ppid(client, kantor, ppid_lampung):
    lain = entri(kantor("64.08"), judul="Entri Kutai Timur")
    client.force_login(ppid_lampung)
    assert client.get(f"/kelola/ppid/dip/{lain.pk}/").status_code == 404
    assert "Entri Kutai Timur" not in client.get("/kelola/ppid/dip/").text
