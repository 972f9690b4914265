"""The portal's one XLSX writer (`ekspor.buku_xlsx`), read back by openpyxl (how users and the
tests read downloads) and python-calamine (how the importer reads them): every kind of value
keeps its type, bold headings and date formats stay, text is cleaned and neutralised."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from python_calamine import CalamineWorkbook

from apps.opendata import ekspor


def _tulis(*lembar):
    with ekspor.buku_xlsx(lembar) as berkas:
        assert berkas.tell() == 0
        return berkas.read()


def _openpyxl(isi):
    return openpyxl.load_workbook(io.BytesIO(isi))


def _calamine(isi):
    buku = CalamineWorkbook.from_filelike(io.BytesIO(isi))
    return {n: buku.get_sheet_by_name(n).to_python() for n in buku.sheet_names}


def test_nilai_dibaca_kembali_dengan_jenisnya():
    saat = timezone.make_aware(dt.datetime(2024, 3, 1, 12, 30, 15, 250000))
    baris = [
        ekspor.Tebal("judul"),
        12,
        -3,
        2.5,
        Decimal("1234567.89"),
        True,
        dt.date(2024, 3, 15),
        saat,
        "teks",
        gettext_lazy("Data"),
        dt.time(7, 30),
        None,
        "akhir",
    ]
    isi = _tulis(ekspor.Lembar("Data", [baris]))
    sel = next(_openpyxl(isi)["Data"].iter_rows())
    nilai = [c.value for c in sel]
    assert nilai[:11] == [
        "judul",
        12,
        -3,
        2.5,
        1234567.89,
        True,
        dt.datetime(2024, 3, 15),
        timezone.localtime(saat).replace(tzinfo=None),
        "teks",
        "Data",
        "07:30:00",
    ]
    assert [type(v) for v in nilai[1:6]] == [int, int, float, float, bool]
    assert nilai[11:] == [None, "akhir"]
    assert sel[0].font.b
    assert not sel[8].font.b
    assert sel[6].number_format == "yyyy-mm-dd"
    assert sel[7].number_format == "yyyy-mm-dd hh:mm:ss"
    assert sel[1].number_format == "General"
    dibaca = _calamine(isi)["Data"][0]
    assert dibaca[:7] == ["judul", 12, -3, 2.5, 1234567.89, True, dt.date(2024, 3, 15)]
    assert dibaca[7] == timezone.localtime(saat).replace(tzinfo=None)
    assert dibaca[11:] == ["", "akhir"]


def test_teks_dibersihkan_dinetralkan_dan_dibaca_utuh():
    teks = [
        "a\x01b\x0bc\x1f",  # characters XML cannot hold: removed
        "=1+2",
        "\rCR",
        "baris\r\nbaru",
        "_x0041_",  # looks like an escape: read back as typed
        "<b>&amp;</b>",
        "  spasi  ",
        "Daerah Istimewa Yogyakarta — “kutip” ✓",
        "",
    ]
    diharapkan = [
        "abc",
        "'=1+2",
        "'\nCR",
        "baris\nbaru",
        "_x0041_",
        "<b>&amp;</b>",
        "  spasi  ",
        "Daerah Istimewa Yogyakarta — “kutip” ✓",
    ]
    isi = _tulis(ekspor.Lembar("Data", [[t] for t in teks]))
    # an empty text is an empty cell: calamine's range ends before it
    assert [r[0] for r in _calamine(isi)["Data"]] == diharapkan
    ws = _openpyxl(isi)["Data"]
    dibaca = [r[0] for r in ws.iter_rows(values_only=True)]
    # openpyxl does not undo SpreadsheetML's _xHHHH_ escape (Excel and calamine do)
    assert dibaca == [*diharapkan[:4], "_x005F_x0041_", *diharapkan[5:], None]
    assert all(c.data_type == "s" for (c,) in ws.iter_rows(max_row=len(diharapkan)))


def test_teks_terlalu_panjang_dipotong_seperti_excel():
    isi = _tulis(ekspor.Lembar("Data", [["x" * 40_000]]))
    assert len(_calamine(isi)["Data"][0][0]) == ekspor.TEKS_MAKS


def test_tanggal_sebelum_maret_1900_mengikuti_excel():
    """Excel counts a 29 February 1900 that never was: 1 January 1900 is day 1, 1 March 61."""
    tanggal = [dt.date(1900, 1, 1), dt.date(1900, 2, 28), dt.date(1900, 3, 1), dt.date(2024, 1, 2)]
    isi = _tulis(ekspor.Lembar("Data", [[t] for t in tanggal]))
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        xml = arsip.read("xl/worksheets/sheet1.xml").decode()
    for hari in ("<v>1</v>", "<v>59</v>", "<v>61</v>", "<v>45293</v>"):
        assert hari in xml
    dibaca = [r[0] for r in _openpyxl(isi)["Data"].iter_rows(values_only=True)]
    assert dibaca == [dt.datetime.combine(t, dt.time()) for t in tanggal]


def test_beberapa_lembar_berurutan_dengan_judul_excel():
    jumlah = 0

    def data():
        nonlocal jumlah
        for i in range(3):
            jumlah += 1
            yield [i]

    def keterangan():
        yield [ekspor.Tebal("Jumlah baris"), jumlah]  # read after the data sheet is written

    isi = _tulis(
        ekspor.Lembar("Data & lain-lain yang judulnya panjang sekali", data()),
        ekspor.Lembar(gettext_lazy("Keterangan"), keterangan()),
    )
    buku = _openpyxl(isi)
    assert buku.sheetnames == ["Data & lain-lain yang judulnya ", "Keterangan"]
    assert list(buku["Keterangan"].iter_rows(values_only=True)) == [("Jumlah baris", 3)]
    assert list(_calamine(isi)) == buku.sheetnames


@pytest.mark.parametrize("judul", ["Data/2024", "a[1]", "", "'kutip'", "Data"])
def test_judul_lembar_yang_tidak_sah_ditolak(judul):
    with pytest.raises(ValueError, match="Judul lembar"):
        ekspor.buku_xlsx([ekspor.Lembar("DATA", [[1]]), ekspor.Lembar(judul, [[1]])])


def test_baris_kosong_dan_sel_kosong_tetap_di_tempatnya():
    isi = _tulis(ekspor.Lembar("Data", [[1, None, 3], [], [None, "b"]]))
    assert list(_openpyxl(isi)["Data"].iter_rows(values_only=True)) == [
        (1, None, 3),
        (None, None, None),
        (None, "b", None),
    ]
    assert _calamine(isi)["Data"] == [[1, "", 3], ["", "", ""], ["", "b", ""]]


def test_teks_mirip_escape_berimpitan_dan_bilangan_besar_terbaca_kembali():
    import io

    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    from apps.opendata import ekspor

    baris = [["_x0041_x0042_", 12345678901234567]]
    with ekspor.buku_xlsx([ekspor.Lembar("Data", baris)]) as f:
        isi = f.read()
    sel = CalamineWorkbook.from_filelike(io.BytesIO(isi)).get_sheet_by_index(0).to_python()
    assert sel[0][0] == "_x0041_x0042_"
    assert load_workbook(io.BytesIO(isi)).active["B1"].value == 12345678901234567
