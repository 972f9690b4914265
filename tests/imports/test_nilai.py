"""What people type, read the way they mean it — and what cannot be read, named."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from apps.imports import baca, nilai


@pytest.mark.parametrize(
    ("ketik", "harap"),
    [
        ("1.234.567", 1234567),
        ("1234567", 1234567),
        (" 12 ", 12),
        (12.0, 12),
        ("1.234,0", 1234),
        ("+7", 7),
    ],
)
def test_bilangan_bulat(ketik, harap):
    assert nilai.bulat(ketik) == harap


@pytest.mark.parametrize(
    ("ketik", "harap"),
    [
        ("1.234,5", Decimal("1234.5")),
        ("1234,56", Decimal("1234.56")),
        ("Rp 1.500.000", Decimal(1500000)),
        (0.1, Decimal("0.1")),
    ],
)
def test_desimal(ketik, harap):
    assert nilai.desimal(ketik) == harap


def test_bilangan_utuh_dari_sel_angka_tanpa_desimal():
    """9000000.0 from a numeric cell is 9000000: a field of whole rupiah would refuse the
    one decimal place of Decimal("9000000.0")."""
    assert nilai.desimal(9000000.0).as_tuple().exponent == 0


def test_pilihan_dengan_label_bahasa_mana_pun():
    """A label typed in Indonesian is read for a person browsing in English, and the other
    way round."""
    from django.utils import translation

    from apps.mou.models import JenisMitra

    with translation.override("en"):
        w = nilai.Pilihan(JenisMitra.choices)
        assert w.clean("PERGURUAN TINGGI") == "perguruan_tinggi"
        assert w.clean("University") == "perguruan_tinggi"
        assert w.clean("pemda") == "pemda"


JENIS_MITRA = [("pemda", "Pemerintah daerah"), ("perguruan_tinggi", "Perguruan tinggi")]


def test_daftar_anak_dalam_satu_sel():
    w = nilai.DaftarAnak(JENIS_MITRA, 200)
    baca = w.clean(
        "Pemerintah Kota Metro (pemda);Institut Agama Islam Negeri (IAIN) Metro "
        "( Perguruan TINGGI ) ; ;"
    )
    assert baca == [
        ("Pemerintah Kota Metro", "pemda"),
        ("Institut Agama Islam Negeri (IAIN) Metro", "perguruan_tinggi"),
    ]
    assert w.render(baca) == (
        "Pemerintah Kota Metro (pemda); Institut Agama Islam Negeri (IAIN) Metro (perguruan_tinggi)"
    )
    assert w.clean(w.render(baca)) == baca


@pytest.mark.parametrize(
    ("ketik", "pesan"),
    [
        ("Pemerintah Kota Metro", "harus berupa nama lalu jenisnya dalam kurung"),
        ("(pemda)", "harus berupa nama lalu jenisnya dalam kurung"),
        ("Unila (kampus)", "jenis “kampus” pada “Unila” tidak dikenal; pilih salah satu: pemda"),
        ("Unila (pemda); UNILA (pemda)", "“UNILA” disebut dua kali"),
        ("x" * 201 + " (pemda)", "lebih dari 200 karakter"),
    ],
)
def test_daftar_anak_salah(ketik, pesan):
    with pytest.raises(nilai.NilaiSalah, match=re.escape(pesan)):
        nilai.DaftarAnak(JENIS_MITRA, 200).clean(ketik)


@pytest.mark.parametrize(
    ("ketik", "pesan"),
    [
        ("12a", "bukan angka"),
        ("1,234,567", "bukan angka"),
        ("1,5", "bukan bilangan bulat"),
        (True, "bukan angka"),
    ],
)
def test_bukan_bilangan(ketik, pesan):
    with pytest.raises(nilai.NilaiSalah, match=pesan):
        nilai.bulat(ketik)


@pytest.mark.parametrize(
    ("ketik", "harap"),
    [
        ("17/08/2024", dt.date(2024, 8, 17)),
        ("17-08-2024", dt.date(2024, 8, 17)),
        ("2024-08-17", dt.date(2024, 8, 17)),
        (dt.datetime(2024, 8, 17, 9, 30), dt.date(2024, 8, 17)),
    ],
)
def test_tanggal(ketik, harap):
    assert nilai.tanggal(ketik) == harap


@pytest.mark.parametrize("angka", [2024, 3, 45, 202403, 45521.0])
def test_angka_bukan_tanggal_atau_bulan(angka):
    """A bare number is never read as Excel's day count (2024 would become July 1905)."""
    with pytest.raises(nilai.NilaiSalah, match="angka"):
        nilai.tanggal(angka)
    with pytest.raises(nilai.NilaiSalah):
        nilai.bulan(angka)


def test_rumus_tanpa_nilai_dan_teks_kosong_hasil_hitung():
    assert baca._RUMUS_TANPA_NILAI.search(b'<c r="J2"><f>H2+I2</f><v /></c>')
    assert baca._RUMUS_TANPA_NILAI.search(b'<c r="J2"><f>H2+I2</f></c>')
    # LibreOffice's calculated empty text is a value, not a missing one
    assert not baca._RUMUS_TANPA_NILAI.search(
        b'<c r="K2" t="str"><f>IF(A2="","",A2)</f><v></v></c>'
    )


def test_tanggal_yang_tidak_ada():
    with pytest.raises(nilai.NilaiSalah, match="bukan tanggal yang ada"):
        nilai.tanggal("31/02/2024")
    with pytest.raises(nilai.NilaiSalah, match="bukan tanggal"):
        nilai.tanggal("kemarin")


@pytest.mark.parametrize(
    ("ketik", "harap"),
    [
        ("Maret 2024", dt.date(2024, 3, 1)),
        ("maret  2024", dt.date(2024, 3, 1)),
        ("Mar 2024", dt.date(2024, 3, 1)),
        ("Agt 2024", dt.date(2024, 8, 1)),
        ("2024-03", dt.date(2024, 3, 1)),
        ("03/2024", dt.date(2024, 3, 1)),
        ("15/03/2024", dt.date(2024, 3, 1)),
        (dt.date(2024, 3, 15), dt.date(2024, 3, 1)),
    ],
)
def test_bulan(ketik, harap):
    assert nilai.bulan(ketik) == harap


@pytest.mark.parametrize("ketik", ["Maretz 2024", "2024-13", "13/2024"])
def test_bukan_bulan(ketik):
    with pytest.raises(nilai.NilaiSalah):
        nilai.bulan(ketik)


def test_nama_wilayah_dan_kantor():
    assert {"kabupaten lampung selatan", "kab. lampung selatan", "lampung selatan"} <= (
        nilai.nama_lain("Kabupaten Lampung Selatan")
    )
    assert {"bawaslu kota metro", "kota metro", "metro"} <= nilai.nama_lain("Bawaslu Kota Metro")


def test_rujukan_kode_nama_dan_nama_ganda():
    from apps.wilayah.models import Wilayah

    w = nilai.Rujukan(Wilayah).isi(
        [(1, "32.16", ["Kabupaten Bekasi"]), (2, "32.75", ["Kota Bekasi"])]
    )
    assert w.clean("32.16") == 1
    assert w.clean("KOTA  BEKASI") == 2
    with pytest.raises(nilai.NilaiSalah, match=r"32\.16, 32\.75"):
        w.clean("Bekasi")


def test_teks_dari_ekspor_kehilangan_tanda_petik_lagi():
    assert nilai.teks("'=SUM(A1)") == "=SUM(A1)"
    assert nilai.teks("'biasa") == "'biasa"
    assert nilai.teks(12.0) == "12"


def test_judul_bergabung_dan_bergaya_dibaca_dari_teksnya():
    """A merged title row above a bold, coloured header; the header found by its text."""
    wb = Workbook()
    ws = wb.active
    ws.append(["LAPORAN PENGAWASAN DAFTAR PEMILIH"])
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["Satker", "Wilayah", "Jumlah TPS", None, None])
    for sel in ws[3][:3]:
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="FFFF00")
    ws.append(["18.72", "18.72.01", 12, None, None])
    ws.append([None, None, None])
    b = io.BytesIO()
    wb.save(b)
    b.seek(0)
    tabel = baca.baca(b, "x.xlsx", {"satker", "wilayah", "jumlah tps"}, 10)
    assert tabel.kepala == ["Satker", "Wilayah", "Jumlah TPS"]
    assert tabel.baris_kepala == 3
    assert list(tabel.baris) == [(4, ["18.72", "18.72.01", 12.0])]


@pytest.mark.parametrize(
    ("widget", "nilai_sel", "pesan"),
    [
        (nilai.Teks(), "a\x00b", "NUL"),
        (nilai.Teks(), "\ud800", "UTF-16"),
        (nilai.Bulat(), float("inf"), "dapat dibaca"),
        (nilai.Bulat(), 1e400, "dapat dibaca"),
        (nilai.Tanggal(), 1e300, "tanggal"),
    ],
)
def test_nilai_yang_tidak_dapat_disimpan_ditolak_dengan_pesan(widget, nilai_sel, pesan):
    with pytest.raises(nilai.NilaiSalah, match=pesan):
        widget.clean(nilai_sel)
