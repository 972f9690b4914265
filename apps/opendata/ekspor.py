"""The one CSV writer and the one XLSX writer of every spreadsheet the portal hands out — the
module downloads, the DIP and the statistics tables — and the guard against formula injection
they share (OWASP "CSV injection": a cell beginning with = + - @ or a tab is made plain text).

- CSV: UTF-8 with a byte order mark (so spreadsheet programs read the characters right),
  comma-separated, dates in ISO 8601, decimals without exponent, booleans `true`/`false`, empty
  for None; produced as an iterator of text pieces (one per chunk of rows), for streaming.
- XLSX: written here, row by row into a temporary file (deleted when closed): the package's
  few fixed parts, then each sheet's rows as SpreadsheetML text, deflated as they are written.
  Dates and times are real date cells, numbers numbers, text inline strings stripped of the
  characters XLSX cannot hold; a `Tebal` text is a bold cell (headings). The cells are the ones
  openpyxl's write-only mode wrote before (same types, styles, serial days and number text),
  so openpyxl and python-calamine read the files back as before. Why not a library: openpyxl,
  XlsxWriter and pyexcelerate spend 3.5–10 µs of Python per cell here, this about 1 µs with
  the compression (docs/impor.md, "Performance").
"""

import csv
import datetime as dt
import math
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils import timezone
from django.utils.functional import Promise

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
BARIS_PER_POTONGAN = 500

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def netralkan(teks: str) -> str:
    """A text a spreadsheet would run as a formula, made plain text."""
    return f"'{teks}" if teks.startswith(AWALAN_RUMUS) else teks


def iso(v):
    """A date or a time in ISO 8601 (times in local time); anything else as it is."""
    if isinstance(v, dt.datetime):
        return timezone.localtime(v).isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def sel_csv(v) -> str:
    """One value as CSV text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, str | Promise):
        return netralkan(str(v))
    return str(iso(v))


class _Gema:
    """csv.writer writes into this and gets the line back."""

    def write(self, value):
        return value


def alir_csv(kepala: Iterable, baris: Iterable[Iterable]) -> Iterator[str]:
    """The CSV text of a header and rows, in pieces of `BARIS_PER_POTONGAN` rows (the first
    piece carries the byte order mark and the header)."""
    penulis = csv.writer(_Gema())
    yield BOM + penulis.writerow([sel_csv(k) for k in kepala])
    potongan = []
    for b in baris:
        potongan.append(penulis.writerow([sel_csv(v) for v in b]))
        if len(potongan) >= BARIS_PER_POTONGAN:
            yield "".join(potongan)
            potongan = []
    if potongan:
        yield "".join(potongan)


def teks_csv(kepala: Iterable, baris: Iterable[Iterable]) -> str:
    """The whole CSV text (small tables)."""
    return "".join(alir_csv(kepala, baris))


class Tebal(str):
    """A text written as a bold cell (a heading)."""

    __slots__ = ()


@dataclass
class Lembar:
    """One sheet: its title and its rows (the first is usually the header, as `Tebal`)."""

    judul: str
    baris: Iterable[Iterable]


# ---- XLSX --------------------------------------------------------------------------------------

BARIS_MAKS = 1_048_576  # rows and columns of one Excel sheet
KOLOM_MAKS = 16_384
# what XML 1.0 cannot hold: control characters other than tab, line feed and carriage return
TAK_TERTULIS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TEKS_MAKS = 32_767  # characters of one cell (a longer text is cut, as openpyxl did)
# a text that looks like SpreadsheetML's escape of a character (_x0041_ is "A"): the underscore
# that opens each such escape (two may share one: `_x0041_x0042_`) is written as the escape of
# an underscore, _x005F_, so Excel and python-calamine read the text as it was typed
MIRIP_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
JUDUL_TERLARANG = re.compile(r"[\\*?:/\[\]]")
EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (with its 29 February 1900 counted, see _hari)


def _huruf(n: int) -> str:
    """Column letters of the 0-based column `n` (0 → A, 26 → AA)."""
    huruf = ""
    n += 1
    while n:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


HURUF = [_huruf(n) for n in range(KOLOM_MAKS)]

# the styles of cellXfs below, as the `s` attribute of a cell
TEBAL, TANGGAL, WAKTU = ' s="1"', ' s="2"', ' s="3"'
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS = "http://schemas.openxmlformats.org"
GAYA = (
    f'{XML}<styleSheet xmlns="{NS}/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
REL = f"{NS}/officeDocument/2006/relationships"
JENIS = "application/vnd.openxmlformats-officedocument.spreadsheetml"
AWAL_LEMBAR = f'{XML}<worksheet xmlns="{NS}/spreadsheetml/2006/main"><sheetData>'.encode()
AKHIR_LEMBAR = b"</sheetData></worksheet>"


def _bagian_tetap(judul: list[str]) -> dict[str, str]:
    """The package's parts other than the sheets, for sheets titled `judul`."""
    n = range(1, len(judul) + 1)
    return {
        "[Content_Types].xml": (
            f'{XML}<Types xmlns="{NS}/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{JENIS}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{JENIS}.styles+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                f'ContentType="{JENIS}.worksheet+xml"/>'
                for i in n
            )
            + "</Types>"
        ),
        "_rels/.rels": (
            f'{XML}<Relationships xmlns="{NS}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'{XML}<workbook xmlns="{NS}/spreadsheetml/2006/main" xmlns:r="{REL}">'
            '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
            + "".join(
                f'<sheet name={quoteattr(t)} sheetId="{i}" r:id="rId{i}"/>'
                for i, t in zip(n, judul, strict=True)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{XML}<Relationships xmlns="{NS}/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{REL}/worksheet" '
                f'Target="worksheets/sheet{i}.xml"/>'
                for i in n
            )
            + f'<Relationship Id="rId{len(judul) + 1}" Type="{REL}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": GAYA,
    }


def _judul_lembar(judul, sudah: set[str]) -> str:
    teks = str(judul)[:31]
    kutip = teks.startswith("'") or teks.endswith("'")  # Excel refuses these too
    if not teks or kutip or JUDUL_TERLARANG.search(teks) or teks.lower() in sudah:
        raise ValueError(f"Judul lembar XLSX tidak sah atau kembar: {teks!r}")
    sudah.add(teks.lower())
    return teks


def teks_xlsx(v) -> str:
    """A text as its cell holds it: the characters XLSX cannot hold removed, a formula made
    plain text, line ends as line feeds (what an XML reader makes of a carriage return)."""
    teks = str(v)
    if teks.isprintable():  # no control character: the common case, checked in C
        teks = netralkan(teks)
    else:
        teks = netralkan(TAK_TERTULIS.sub("", teks))
        teks = teks.replace("\r\n", "\n").replace("\r", "\n")
    return teks if len(teks) <= TEKS_MAKS else teks[:TEKS_MAKS]


def _sel_teks(ref, v, gaya=""):
    teks = teks_xlsx(v)
    if not teks:
        return f'<c r="{ref}"{gaya} t="inlineStr"/>'
    if "&" in teks or "<" in teks or ">" in teks:
        teks = escape(teks)
    if "_x" in teks:
        teks = MIRIP_ESCAPE.sub("_x005F_", teks)
    ruang = ' xml:space="preserve"' if teks[0].isspace() or teks[-1].isspace() else ""
    return f'<c r="{ref}"{gaya} t="inlineStr"><is><t{ruang}>{teks}</t></is></c>'


def _sel_angka(ref, v):
    v = float(v)  # as openpyxl wrote a Decimal: 16 significant digits
    if not math.isfinite(v):
        return ""  # not a number a cell can hold (NaN, infinity): an empty cell
    return f'<c r="{ref}" t="n"><v>{v:.16g}</v></c>'


def _hari(tanggal: dt.date) -> int:
    """Excel's serial day of `tanggal`: it counts a 29 February 1900 that never was, so the
    days before March 1900 are one less (as openpyxl and Excel reckon them)."""
    hari = (tanggal - EPOCH).days
    return hari - 1 if 0 < hari <= 60 else hari


def _sel_tanggal(ref, v):
    return f'<c r="{ref}"{TANGGAL} t="n"><v>{_hari(v)}</v></c>'


def _sel_waktu(ref, v):
    """A date and time, in local time (a cell has no time zone)."""
    v = timezone.localtime(v)
    detik = v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 10**6
    return f'<c r="{ref}"{WAKTU} t="n"><v>{_hari(v.date()) + detik / 86400:.16g}</v></c>'


SEL = {
    str: _sel_teks,
    Tebal: lambda ref, v: _sel_teks(ref, v, TEBAL),
    int: lambda ref, v: f'<c r="{ref}" t="n"><v>{v}</v></c>',  # every digit, as openpyxl did
    float: _sel_angka,
    Decimal: _sel_angka,
    bool: lambda ref, v: f'<c r="{ref}" t="b"><v>{int(v)}</v></c>',
    dt.datetime: _sel_waktu,
    dt.date: _sel_tanggal,
}
URUTAN_KELAS = (bool, Tebal, dt.datetime, dt.date, int, float, Decimal)


def _sel_lain(ref, v):
    """A value of a subclass (or of any other class: as its text)."""
    kelas = next((k for k in URUTAN_KELAS if isinstance(v, k)), str)
    return SEL[kelas](ref, v)


def _tulis_lembar(keluar, baris: Iterable[Iterable]):
    """The sheet's XML into `keluar` (a binary file), a piece per `BARIS_PER_POTONGAN` rows;
    an empty value (None) is no cell."""
    keluar.write(AWAL_LEMBAR)
    sel, huruf, lain = SEL.get, HURUF, _sel_lain
    potongan = []
    for n, b in enumerate(baris, 1):
        if n > BARIS_MAKS:
            raise ValueError(f"Lembar XLSX lebih dari {BARIS_MAKS} baris")
        r = str(n)
        try:
            isi = "".join(
                [sel(v.__class__, lain)(huruf[c] + r, v) for c, v in enumerate(b) if v is not None]
            )
        except IndexError:
            raise ValueError(f"Baris {n} lebih dari {KOLOM_MAKS} kolom XLSX") from None
        potongan.append(f'<row r="{r}">{isi}</row>')
        if len(potongan) >= BARIS_PER_POTONGAN:
            keluar.write("".join(potongan).encode())
            potongan = []
    keluar.write("".join(potongan).encode())
    keluar.write(AKHIR_LEMBAR)


def buku_xlsx(lembar: Iterable[Lembar]):
    """The workbook of `lembar`, in a temporary file at position 0: a `FileResponse` closes
    it, which deletes it. The sheets are written in order, each row as it is read (a sheet's
    rows may be a generator that reads what an earlier sheet counted)."""
    lembar = list(lembar)
    sudah = set()
    judul = [_judul_lembar(lb.judul, sudah) for lb in lembar]
    berkas = tempfile.TemporaryFile()  # noqa: SIM115 - the caller's response closes it
    try:
        with zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED) as arsip:
            for nama, isi in _bagian_tetap(judul).items():
                arsip.writestr(nama, isi)
            for i, lb in enumerate(lembar, 1):
                # the size of a sheet is not known before it is written: ZIP64 allowed
                with arsip.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as keluar:
                    _tulis_lembar(keluar, lb.baris)
    except BaseException:
        berkas.close()
        raise
    berkas.seek(0)
    return berkas


def judul(kepala: Iterable) -> list[Tebal]:
    """A header row of bold cells."""
    return [Tebal(str(k)) for k in kepala]
