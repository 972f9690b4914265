"""Spreadsheet import (apps.imports.proses): every sample file of fixtures/impor/ gets its
message, a broken one changes nothing (row counts and a checksum of the tables before and
after), a good one is written whole, a re-import changes nothing, and the permission and scope
are checked per row."""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from apps.audit.models import CatatanAudit
from apps.core import registry
from apps.core.demo import pemilihan_demo
from apps.core.models import Riwayat
from apps.dpt.models import Dpt
from apps.imports import proses

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "impor"
DPT = registry.get("dpt")


@pytest.fixture(autouse=True)
def pemilu(db):
    return pemilihan_demo("pemilu-2024")


def jejak():
    """Row counts and a checksum of every table an import may write."""
    hasil = []
    with connection.cursor() as c:
        for tabel in (Dpt._meta.db_table, Riwayat._meta.db_table, CatatanAudit._meta.db_table):
            sql = f"SELECT md5(string_agg(t::text, '|' ORDER BY t::text)), count(*) FROM {tabel} t"  # noqa: S608 - table names from the models
            c.execute(sql)
            hasil.append(c.fetchone())
    return hasil


def impor(nama, user, **kw):
    path = FIXTURE / nama
    with path.open("rb") as f:
        return proses.jalankan(DPT, f, path.name, user, **kw)


def test_berkas_sah_diperiksa_tanpa_menulis(admin):
    sebelum = jejak()
    hasil = impor("dpt-sah.xlsx", admin)
    assert [str(g) for g in hasil.galat] == []
    assert (hasil.baris, hasil.baru, hasil.berubah, hasil.sama) == (96, 96, 0, 0)
    assert not hasil.disimpan
    assert jejak() == sebelum


def test_berkas_sah_ditulis_lalu_impor_ulang_tidak_mengubah_apa_pun(admin, kasek_lampung):
    hasil = impor("dpt-sah.xlsx", kasek_lampung, simpan=True)
    assert hasil.disimpan, [str(g) for g in hasil.galat]
    assert Dpt.objects.count() == 96
    assert set(Dpt.objects.values_list("status", flat=True)) == {"diajukan"}
    assert set(Dpt.objects.values_list("klasifikasi", flat=True)) == {"belum"}
    assert Riwayat.objects.filter(aksi="impor", ke="diajukan").count() == 96
    (audit,) = CatatanAudit.objects.filter(aksi="impor")
    with (FIXTURE / "dpt-sah.xlsx").open("rb") as f:
        assert audit.data["sha256"] == hashlib.sha256(f.read()).hexdigest()
    assert audit.data["baru"] == 96
    # what people typed became the right values
    metro = Dpt.objects.get(satker__kode="18.72", tahap="dpt", periode="2024-03-01")
    assert metro.wilayah_id == "18.72.01"
    assert (metro.pemilih_laki, metro.pemilih_perempuan) == (
        21_000 + 37 * 3 + 22,
        21_000 + 53 * 3 + 14,
    )
    assert metro.pemilih_total == metro.pemilih_laki + metro.pemilih_perempuan

    sebelum = jejak()
    lagi = impor("dpt-sah.xlsx", kasek_lampung, simpan=True)
    assert (lagi.baru, lagi.berubah, lagi.sama, lagi.galat) == (0, 0, 96, [])
    assert lagi.ringkasan.startswith("0 baru, 0 berubah")
    assert jejak()[0] == sebelum[0]  # the records are untouched


def test_csv_titik_koma_dengan_bom(admin):
    hasil = impor("dpt-sah.csv", admin)
    assert (hasil.baru, [str(g) for g in hasil.galat]) == (24, [])


def test_rumus_memakai_nilai_tersimpan_dan_dikatakan(admin):
    hasil = impor("dpt-rumus.xlsx", admin)
    assert hasil.galat == []
    assert hasil.baru == 5
    assert any("rumus" in c for c in hasil.catatan)


RUSAK = [
    (
        "dpt-kepala-salah.xlsx",
        ["tidak sesuai templat", "“jumlah tps2”", "jumlah_tps", "pemilih_total"],
    ),
    ("dpt-bukan-xlsx.xlsx", ["bukan lembar kerja .xlsx"]),
    ("dpt-terenkripsi.xlsx", ["kata sandi"]),
    ("dpt-rumus-tanpa-nilai.xlsx", ["rumus", "tanpa nilai tersimpan"]),
    ("dpt-bukan-utf8.csv", ["bukan teks UTF-8", "baris 2"]),
    ("dpt-kosong.xlsx", ["tidak berisi baris data"]),
]


@pytest.mark.parametrize(("nama", "kata"), RUSAK, ids=[r[0] for r in RUSAK])
def test_berkas_rusak_ditolak_dengan_pesan_dan_tidak_mengubah_apa_pun(nama, kata, admin):
    sebelum = jejak()
    hasil = impor(f"rusak/{nama}", admin, simpan=True)
    assert not hasil.disimpan
    (galat,) = hasil.galat
    for k in kata:
        assert k in str(galat), str(galat)
    assert (hasil.baru, hasil.berubah, hasil.sama) == (0, 0, 0)
    assert jejak() == sebelum


def test_nilai_salah_disebut_per_baris_dan_kolom(admin):
    sebelum = jejak()
    hasil = impor("rusak/dpt-nilai-salah.csv", admin, simpan=True)
    pesan = [str(g) for g in hasil.galat]
    assert pesan[0] == 'Baris 2, kolom "Jumlah TPS": "12a" bukan angka'
    assert any(p.startswith('Baris 3, kolom "Wilayah": "Kecamatan Antah Berantah"') for p in pesan)
    assert any(p.startswith('Baris 4, kolom "Periode pelaporan": "31/02/2024"') for p in pesan)
    assert any(p.startswith('Baris 5, kolom "Jumlah pemilih"') and "tidak sama" in p for p in pesan)
    assert any(p.startswith('Baris 7, kolom "Tahap daftar pemilih": "DPX"') for p in pesan)
    # row 6 repeats row 2's key; row 2 is itself wrong, so row 6 stands alone and is valid
    assert not any(p.startswith("Baris 6") for p in pesan)
    assert not hasil.disimpan
    assert jejak() == sebelum


def test_kunci_ganda_dalam_berkas(admin, tmp_path):
    isi = (FIXTURE / "dpt-sah.csv").read_text(encoding="utf-8-sig").splitlines()
    path = tmp_path / "ganda.csv"
    path.write_text("\n".join([*isi[:3], isi[1]]) + "\n", encoding="utf-8")
    with path.open("rb") as f:
        hasil = proses.jalankan(DPT, f, "ganda.csv", admin)
    assert [str(g) for g in hasil.galat] == [
        "Baris 4: data yang sama (satker, pemilihan, tahap, wilayah, periode) sudah ada di "
        "baris 2 berkas ini"
    ]


def test_wilayah_di_luar_wilayah_kerja(admin):
    hasil = impor("rusak/dpt-luar-wilayah.csv", admin, simpan=True)
    assert len(hasil.galat) == 2
    assert all("di luar wilayah kerja" in str(g) for g in hasil.galat)
    assert Dpt.objects.count() == 0


def test_provinsi_ditolak_oleh_aturan_modul(admin):
    hasil = impor("rusak/dpt-provinsi.xlsx", admin)
    assert any("adalah provinsi" in str(g) for g in hasil.galat)


def test_batas_baris(admin, monkeypatch):
    monkeypatch.setattr(proses, "BATAS_BARIS", 50)
    hasil = impor("dpt-sah.xlsx", admin, simpan=True)
    (galat,) = hasil.galat
    assert "lebih dari 50 baris" in str(galat)
    assert Dpt.objects.count() == 0


# ---- who may import what -----------------------------------------------------------------------


@pytest.mark.parametrize("nama", ["operator_metro", "pimpinan_lampung", "ppid_lampung", "outsider"])
def test_tanpa_hak_impor_setiap_baris_ditolak(nama, persona):
    user = persona(nama)
    hasil = impor("dpt-sah.xlsx", user, simpan=True)
    assert len(hasil.galat) == 96
    assert all("tidak berwenang" in str(g) for g in hasil.galat)
    assert Dpt.objects.count() == 0


def test_koordinator_kabkota_hanya_untuk_satkernya(koorsek_metro):
    hasil = impor("dpt-sah.xlsx", koorsek_metro, simpan=True)
    ditolak = {g.baris for g in hasil.galat}
    assert len(ditolak) == 48  # the Lampung Selatan rows
    assert all("Lampung Selatan" in str(g) for g in hasil.galat)
    assert Dpt.objects.count() == 0  # all or nothing


def test_satker_tetap_di_luar_cakupan(koorsek_metro):
    hasil = impor("dpt-sah.csv", koorsek_metro, satker_kode="18.01")
    (galat,) = hasil.galat
    assert "tidak berwenang" in str(galat)


def test_disetujui_hanya_admin(kasek_lampung, admin):
    hasil = impor("dpt-sah.csv", kasek_lampung, simpan=True, setujui=True)
    assert "Hanya admin" in str(hasil.galat[0])
    hasil = impor("dpt-sah.csv", admin, simpan=True, setujui=True)
    assert hasil.disimpan
    assert set(Dpt.objects.values_list("status", "klasifikasi")) == {("disetujui", "belum")}


# ---- changes -------------------------------------------------------------------------------------


def test_rekaman_yang_bukan_draf_tidak_ditimpa(admin, tmp_path):
    assert impor("dpt-sah.csv", admin, simpan=True).disimpan
    isi = (FIXTURE / "dpt-sah.csv").read_text(encoding="utf-8-sig").splitlines()
    kolom = isi[3].split(";")
    kolom[6] = "999"  # row 4: another number of polling stations
    isi[3] = ";".join(kolom)
    path = tmp_path / "ubah.csv"
    path.write_text("\n".join(isi) + "\n", encoding="utf-8")
    sebelum = jejak()
    with path.open("rb") as f:
        hasil = proses.jalankan(DPT, f, "ubah.csv", admin, simpan=True)
    (galat,) = hasil.galat
    assert str(galat).startswith("Baris 4: mengubah data yang sudah berstatus “Diajukan”")
    assert jejak() == sebelum


def test_draf_diubah_dan_diajukan(admin, tmp_path):
    assert impor("dpt-sah.csv", admin, simpan=True).disimpan
    Dpt.objects.update(status="draft")
    isi = (FIXTURE / "dpt-sah.csv").read_text(encoding="utf-8-sig").splitlines()
    kolom = isi[3].split(";")
    kolom[6] = "999"
    isi[3] = ";".join(kolom)
    path = tmp_path / "ubah.csv"
    path.write_text("\n".join(isi) + "\n", encoding="utf-8")
    with path.open("rb") as f:
        hasil = proses.jalankan(DPT, f, "ubah.csv", admin, simpan=True)
    assert (hasil.baru, hasil.berubah, hasil.sama, hasil.galat) == (0, 1, 23, [])
    ubah = Dpt.objects.get(jumlah_tps=999)
    assert (ubah.status, ubah.version) == ("diajukan", 2)
    assert Riwayat.objects.filter(aksi="impor", dari="draft", ke="diajukan").count() == 1


def test_gagal_di_tengah_penulisan_tidak_meninggalkan_apa_pun(admin, monkeypatch):
    """A crash after the records and their history were inserted (at the audit row, the last
    write) rolls everything back."""

    def rusak(*a, **kw):
        raise RuntimeError("worker mati")

    monkeypatch.setattr(proses, "catat", rusak)
    sebelum = jejak()
    with pytest.raises(RuntimeError):
        impor("dpt-sah.xlsx", admin, simpan=True)
    assert jejak() == sebelum


# ---- command line ------------------------------------------------------------------------------


def test_perintah_impor_dan_ekspor_bolak_balik(admin, tmp_path):
    keluar = io.StringIO()
    call_command("import_data", "dpt", str(FIXTURE / "dpt-sah.xlsx"), "--dry-run", stdout=keluar)
    assert "96 baru, 0 berubah, 0 tidak berubah (uji coba" in keluar.getvalue()
    assert Dpt.objects.count() == 0
    call_command("import_data", "dpt", str(FIXTURE / "dpt-sah.xlsx"), stdout=io.StringIO())
    assert Dpt.objects.count() == 96
    for ext in ("xlsx", "csv"):
        berkas = tmp_path / f"dpt.{ext}"
        call_command("export_data", "dpt", str(berkas), stdout=io.StringIO())
        keluar = io.StringIO()
        call_command("import_data", "dpt", str(berkas), stdout=keluar)
        assert "0 baru, 0 berubah, 96 tidak berubah" in keluar.getvalue()


def test_perintah_keluar_gagal_bila_ada_kesalahan(admin):
    keluar = io.StringIO()
    with pytest.raises(CommandError, match="Tidak ada yang ditulis"):
        call_command(
            "import_data", "dpt", str(FIXTURE / "rusak/dpt-nilai-salah.csv"), stdout=keluar
        )
    assert 'Baris 2, kolom "Jumlah TPS": "12a" bukan angka' in keluar.getvalue()
    assert Dpt.objects.count() == 0


def test_xlsx_yang_membesar_saat_dibuka_ditolak(admin, monkeypatch):
    """A small file that unpacks to gigabytes (a "zip bomb") is refused before it is read."""
    from apps.imports import baca

    monkeypatch.setattr(baca, "BATAS_TERBUKA_MB", 0)
    sebelum = jejak()
    hasil = impor("dpt-sah.xlsx", admin, simpan=True)
    (galat,) = hasil.galat
    assert "terlalu besar setelah dibuka" in str(galat)
    assert jejak() == sebelum


def test_dua_rekaman_dengan_kunci_sama_tidak_ditebak(buat, admin, tmp_path):
    """Two drafts entered on the form share office, date and title: a row with that key is
    refused, never matched to one of them (it would overwrite it)."""
    modul = registry.get("pencegahan")
    a = buat(modul, "18.72", "draft")
    b = buat(modul, "18.72", "draft")
    modul.model.objects.filter(pk=b.pk).update(tanggal=a.tanggal, periode=a.periode, judul=a.judul)
    path = tmp_path / "p.csv"
    path.write_text(
        "satker,Jenis kegiatan,Nama kegiatan,Tanggal kegiatan,sasaran,Ringkasan kegiatan\n"
        f"18.72,patroli,{a.judul},{a.tanggal:%d/%m/%Y},warga,Isi lain yang menimpa\n",
        encoding="utf-8",
    )
    sebelum = list(modul.model.objects.order_by("pk").values_list("ringkasan", flat=True))
    with path.open("rb") as f:
        hasil = proses.jalankan(modul, f, "p.csv", admin, simpan=True)
    (galat,) = hasil.galat
    assert "2 rekaman yang sudah ada" in str(galat)
    assert f"#{a.pk}" in str(galat)
    assert list(modul.model.objects.order_by("pk").values_list("ringkasan", flat=True)) == sebelum


def test_lembar_dengan_sel_jauh_ditolak_sebelum_dibaca(admin, tmp_path):
    """A tiny file whose used range reaches ZZ100000 would make the reader build a grid of
    70 million cells (gigabytes): refused first, with where the sheet ends."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["satker", "wilayah", "pemilihan", "tahap", "periode", "judul"])
    ws["ZZ100000"] = "x"
    path = tmp_path / "jauh.xlsx"
    wb.save(path)
    assert path.stat().st_size < 20_000
    with path.open("rb") as f:
        hasil = proses.jalankan(DPT, f, "jauh.xlsx", admin)
    (galat,) = hasil.galat
    assert "baris 100.000 dan kolom ke-702" in str(galat)


@pytest.fixture
def batas_csv_bawaan():
    """csv's own field size limit (a library imported elsewhere may have raised it)."""
    import csv

    sebelum = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(sebelum)


def test_csv_yang_tidak_dapat_dibaca(admin, tmp_path, batas_csv_bawaan):
    path = tmp_path / "panjang.csv"
    path.write_text(
        "satker,wilayah,pemilihan,tahap,periode,judul\n18.72,18.72.01,pemilu-2024,dpt,2024-03,"
        + "x" * 140_000
        + "\n",
        encoding="utf-8",
    )
    with path.open("rb") as f:
        hasil = proses.jalankan(DPT, f, "panjang.csv", admin)
    (galat,) = hasil.galat
    assert "tidak dapat dibaca" in str(galat)


def test_aturan_yang_hanya_dijaga_basis_data_jadi_pesan(admin, tmp_path):
    """A campaign row without a region passes the row checks but not the database's rule:
    nothing is written and the rule's own message says why (not a system error)."""
    modul = registry.get("kampanye")
    modul.demo_setup()
    path = tmp_path / "k.csv"
    path.write_text(
        "satker,pemilihan,Nama kegiatan,Tanggal kegiatan,Peserta pemilu,Metode kampanye,"
        "tempat,Hasil pengawasan\n"
        "18.72,pemilu-2024,Rapat umum,02/01/2024,Partai Buruh,apk,Lapangan,Tertib\n",
        encoding="utf-8",
    )
    with path.open("rb") as f:
        hasil = proses.jalankan(modul, f, "k.csv", admin, simpan=True)
    (galat,) = hasil.galat
    assert "Wilayah wajib diisi" in str(galat)
    assert not hasil.disimpan
    assert modul.model.objects.count() == 0
