"""Reading an uploaded spreadsheet into a header and rows of plain Python values.

`.xlsx` is read with python-calamine (≈ 13× faster than openpyxl's read-only mode here, DESIGN
§7a), the first sheet only; `.csv` as UTF-8 (with or without a byte order mark), separated by
commas or semicolons, whichever the header line uses. Every way a file can be wrong is answered
with `BerkasTidakSah` and one Indonesian sentence that says what to do; nothing is written
before the file has been read whole.

What people leave in spreadsheets is tolerated: title rows above the header (the header is the
first row, among the first `BARIS_JUDUL_MAKS`, that names the expected columns), trailing empty
rows and columns, cells of spaces, headers in merged or styled cells (read by their text).
Formulas: the value Excel saved with the file is used, and the summary says so; a formula cell
with no saved value (a file written by a program that never calculated it) is refused.
"""

import csv
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook, PasswordError

BARIS_JUDUL_MAKS = 10  # rows above the header that may hold a title
# Unpacked size of an .xlsx's parts: 200,000 rows of 20 columns unpack to about 200 MB.
BATAS_TERBUKA_MB = 500
# An encrypted (password-protected) .xlsx is not a zip but an OLE compound file.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
# a formula cell without a saved value: <c …><f>…</f></c> (an empty <v></v> is a calculated
# empty text, as LibreOffice saves `=IF(A2="";"";A2)`)
_RUMUS_TANPA_NILAI = re.compile(rb"<f[ >][^<]*(?:</f>)?\s*(?:<v\s*/>|</c>)")
# the grid the reader builds spans the used range: its last row and its widest column
_BARIS = re.compile(rb'<row r="([0-9]{1,7})"')
_KOLOM_LEBAR = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
# cells of that grid (≈ 30 bytes each in the reader): 200,000 rows of 30 columns
BATAS_SEL = 6_000_000
_RUMUS = re.compile(rb"<f[ >/]")


class BerkasTidakSah(Exception):
    """The file cannot be read as a table; `str(e)` says why, in Indonesian."""


@dataclass
class Tabel:
    kepala: list[str]  # the header cells as typed (stripped)
    # (row number in the file, values) of the data rows, empty rows left out; read as they are
    # iterated (a 100,000-row sheet is never held whole), raising `BerkasTidakSah` past the limit
    baris: Iterator[tuple[int, list]]
    baris_kepala: int  # the header's row number in the file
    catatan: list[str] = field(default_factory=list)  # what the reader decided (formulas…)
    perkiraan: int | None = None  # data rows the file seems to hold (for a progress bar)


def baca(berkas, nama: str, dikenal: set[str], batas_baris: int) -> Tabel:
    """The table of `berkas` (a binary file object) named `nama`. `dikenal` are header names
    (normalised with `normal_kepala`) that identify the header row; `batas_baris` is the most
    data rows accepted."""
    awal = berkas.read(8)
    berkas.seek(0)
    ext = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if ext == "xlsx":
        rows, catatan, tinggi = _baris_xlsx(berkas, awal)
    elif ext == "csv":
        if awal.startswith((OLE, ZIP)):
            raise BerkasTidakSah(
                _(
                    "Berkas %(nama)s bukan CSV (isinya lembar kerja Excel); simpan ulang sebagai "
                    "CSV UTF-8 atau unggah dengan akhiran .xlsx."
                )
                % {"nama": nama}
            )
        (rows, tinggi), catatan = _baris_csv(berkas, nama), []
    else:
        raise BerkasTidakSah(
            _("Berkas %(nama)s tidak didukung: unggah .xlsx atau .csv.") % {"nama": nama}
        )
    tabel = _susun(rows, nama, dikenal, batas_baris, catatan)
    tabel.perkiraan = max(0, tinggi - tabel.baris_kepala)
    return tabel


def normal_kepala(teks) -> str:
    """A header as compared: lower case, single spaces, no surrounding spaces or stars
    (a required column is often marked `Jumlah TPS *`)."""
    return " ".join(str(teks or "").replace("*", " ").split()).lower()


def _baris_xlsx(berkas, awal):
    if awal.startswith(OLE):
        raise BerkasTidakSah(
            _(
                "Berkas dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata sandinya "
                "(Berkas › Info › Proteksi), simpan, lalu unggah lagi."
            )
        )
    if not awal.startswith(ZIP):
        raise BerkasTidakSah(
            _(
                "Berkas ini bukan lembar kerja .xlsx walaupun bernama .xlsx; simpan ulang dari "
                "Excel sebagai “Buku Kerja Excel (.xlsx)” atau sebagai CSV."
            )
        )
    catatan = _periksa_arsip(berkas)
    berkas.seek(0)
    try:
        buku = CalamineWorkbook.from_filelike(berkas)
        if not buku.sheet_names:
            raise BerkasTidakSah(_("Berkas tidak berisi lembar kerja."))
        lembar = buku.get_sheet_by_index(0)
        rows, tinggi = lembar.iter_rows(), lembar.height
    except PasswordError:
        raise BerkasTidakSah(
            _("Berkas dilindungi kata sandi; hapus kata sandinya di Excel lalu unggah lagi.")
        ) from None
    except (CalamineError, ValueError, OSError) as e:
        raise BerkasTidakSah(
            _(
                "Berkas .xlsx rusak atau tidak dapat dibaca (%(sebab)s); buka dan simpan ulang di "
                "Excel, lalu unggah lagi."
            )
            % {"sebab": str(e)[:120]}
        ) from None
    return rows, catatan, tinggi


def _periksa_arsip(berkas) -> list[str]:
    """The archive's unpacked size is checked (a small file can unpack to gigabytes), then
    the first sheet's XML is scanned for formulas (the reader only sees their values)."""
    try:
        with zipfile.ZipFile(berkas) as z:
            terbuka = sum(i.file_size for i in z.infolist())
            if terbuka > BATAS_TERBUKA_MB * 1024 * 1024:
                raise BerkasTidakSah(
                    _(
                        "Isi berkas .xlsx terlalu besar setelah dibuka (%(mb)s MB, batas "
                        "%(batas)s MB); bagi menjadi beberapa berkas atau simpan sebagai CSV."
                    )
                    % {"mb": terbuka // (1024 * 1024), "batas": BATAS_TERBUKA_MB}
                )
            lembar = sorted(
                n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)
            )
            if not lembar:
                return []
            ada = False
            baris_akhir, kolom = 0, set()
            with z.open(lembar[0]) as f:
                sisa = b""
                while potong := f.read(1 << 20):
                    teks = sisa + potong
                    kolom.update(_KOLOM_LEBAR.findall(teks))
                    if m := list(_BARIS.finditer(teks[-(1 << 16) :])):
                        baris_akhir = max(baris_akhir, int(m[-1][1]))
                    if _RUMUS_TANPA_NILAI.search(teks):
                        raise BerkasTidakSah(
                            _(
                                "Berkas berisi rumus yang belum pernah dihitung (tanpa nilai "
                                "tersimpan); buka di Excel, simpan, lalu unggah lagi — atau salin "
                                "lalu tempel sebagai nilai."
                            )
                        )
                    ada = ada or bool(_RUMUS.search(teks))
                    sisa = teks[-200:]
            _periksa_luas(baris_akhir, kolom)
    except zipfile.BadZipFile:
        raise BerkasTidakSah(
            _("Berkas .xlsx rusak (arsipnya tidak utuh); simpan ulang di Excel lalu unggah lagi.")
        ) from None
    if ada:
        return [
            _("Berkas berisi rumus: nilai hasil hitungan yang tersimpan di berkas yang dipakai.")
        ]
    return []


def _nomor_kolom(huruf: bytes) -> int:
    n = 0
    for h in huruf:
        n = n * 26 + h - 64
    return n


def _periksa_luas(baris_akhir, kolom):
    """Refuse a sheet whose used range is too large to read (a cell far away — typed once,
    or planted — makes the reader build the whole grid up to it)."""
    lebar = max((_nomor_kolom(k) for k in kolom), default=26)
    if baris_akhir * lebar > BATAS_SEL:
        raise BerkasTidakSah(
            _(
                "Lembar kerja terpakai sampai baris %(b)s dan kolom ke-%(k)s (%(n)s sel), lebih "
                "dari yang dapat dibaca; hapus baris dan kolom di luar data (Ctrl+End di Excel "
                "menunjukkan sel terakhir yang terpakai) atau simpan sebagai CSV."
            )
            % {
                "b": number_format(baris_akhir, force_grouping=True),
                "k": lebar,
                "n": number_format(baris_akhir * lebar, force_grouping=True),
            }
        )


def _baris_csv(berkas, nama):
    data = berkas.read()
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        baris = data[: e.start].count(b"\n") + 1
        raise BerkasTidakSah(
            _(
                "Berkas %(nama)s bukan teks UTF-8 (baris %(baris)s); di Excel pilih Simpan "
                "Sebagai › “CSV UTF-8 (dipisahkan koma)”."
            )
            % {"nama": nama, "baris": baris}
        ) from None
    if "\x00" in teks:
        raise BerkasTidakSah(_("Berkas %(nama)s bukan CSV (berisi data biner).") % {"nama": nama})
    pertama = teks.split("\n", 1)[0]
    pemisah = ";" if pertama.count(";") > pertama.count(",") else ","
    tinggi = teks.count("\n") + (0 if teks.endswith("\n") else 1)
    return csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah), tinggi


def _kosong(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _susun(rows, nama, dikenal, batas_baris, catatan) -> Tabel:
    rows = _aman(rows)
    awal = list(itertools.islice(rows, BARIS_JUDUL_MAKS))
    indeks = None
    for i, row in enumerate(awal):
        if len({normal_kepala(v) for v in row} & dikenal) >= min(2, len(dikenal)):
            indeks = i
            break
    if indeks is None:
        raise BerkasTidakSah(
            _(
                "Baris judul kolom tidak ditemukan di %(n)s baris pertama %(nama)s; pakai templat "
                "modul ini (baris judulnya memuat mis. %(contoh)s)."
            )
            % {"n": BARIS_JUDUL_MAKS, "nama": nama, "contoh": ", ".join(sorted(dikenal)[:4])}
        )
    kepala = [str(v).strip() if not _kosong(v) else "" for v in awal[indeks]]
    while kepala and not kepala[-1]:
        kepala.pop()
    sisa = itertools.chain(awal[indeks + 1 :], rows)
    return Tabel(kepala, _data(sisa, indeks + 2, len(kepala), batas_baris), indeks + 1, catatan)


def _aman(rows):
    """The rows, with csv's own error (an unclosed quote running on, a field past its size
    limit) said as a sentence about the file."""
    nomor = 0
    rows = iter(rows)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as e:
            raise BerkasTidakSah(
                _("Baris %(b)s berkas CSV tidak dapat dibaca (%(sebab)s); periksa tanda petiknya.")
                % {"b": nomor + 1, "sebab": str(e)[:80]}
            ) from None
        nomor += 1
        yield row


def _data(rows, mulai, lebar, batas_baris):
    jumlah = 0
    for nomor, row in enumerate(rows, start=mulai):
        # text stripped, an empty or blank cell as None, in one pass
        nilai = [((v.strip() or None) if isinstance(v, str) else v) for v in row[:lebar]]
        if nilai.count(None) == len(nilai):
            continue
        jumlah += 1
        if jumlah > batas_baris:
            raise BerkasTidakSah(
                _(
                    "Berkas berisi lebih dari %(n)s baris data, batas satu impor; bagi menjadi "
                    "beberapa berkas."
                )
                % {"n": number_format(batas_baris, force_grouping=True)}
            )
        nilai += [None] * (lebar - len(nilai))
        yield nomor, nilai
