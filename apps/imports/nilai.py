"""How a cell typed by an office worker becomes a value: django-import-export widgets that read
what people actually type, and say in Indonesian what is wrong with a value they cannot read.

- numbers: `1.234.567` (Indonesian thousands), `1,5` (decimal comma), `1234567`, Excel numbers
  (`12.0` from a numeric cell is 12); `12a` is refused as "bukan angka";
- dates: date cells, `dd/mm/yyyy` (also with `-` or `.`), `yyyy-mm-dd` (a bare number is
  refused: as Excel's day count it would silently become a day of the 1900s);
- reporting months: `Maret 2024`, `Mar 2024`, `2024-03`, `03/2024`, or any date in the month;
- choices: the stored code (`dpt`) or the label (`DPT`, `Daftar pemilih tetap`), any case;
- related rows (an office, a region, an election): by code or by name, any case and spacing
  (`KOTA METRO`, `Kota Metro`, `18.72`), from a dictionary read once per import — never a
  query per row; a name two rows share is refused with the codes to choose from;
- child rows of a name and a kind in one cell: `Universitas Lampung (perguruan_tinggi);
  Lampung Post (Media)`, the kind by its code or label.

Every widget's `clean()` raises `NilaiSalah` whose text completes the sentence
`Baris 1.204, kolom "Jumlah TPS": "12a" …`.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets

from apps.opendata.ekspor import AWALAN_RUMUS

BULAN = {
    nama: i
    for i, daftar in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb", "pebruari", "peb"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt", "ags", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov", "nop"),
            ("desember", "des", "dec"),
        ),
        start=1,
    )
    for nama in daftar
}
_ANGKA_ID = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234.567 / 1.234,5
_ANGKA_KOMA = re.compile(r"^[+-]?\d+,\d+$")  # 1234,5
_ANGKA_TITIK = re.compile(r"^[+-]?\d+(\.\d+)?$")  # 1234 / 1234.5
_TANGGAL_HBT = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TANGGAL_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_BULAN_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_BULAN_BT = re.compile(r"^(\d{1,2})[-/](\d{4})$")
_BULAN_NAMA = re.compile(r"^([a-z]+)\.?\s+(\d{4})$")
# one child row: the name (which may hold parentheses itself), then its kind in parentheses
_ANAK = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


class NilaiSalah(ValueError):
    """A value that cannot be read; `str(e)` says why, after the value in quotes."""


def normal(teks) -> str:
    """Text as compared for names and labels: lower case, single spaces."""
    return " ".join(str(teks).split()).lower()


def nama_lain(nama) -> set[str]:
    """The ways a region or an office is written: `Kabupaten Lampung Selatan`, `Kab. Lampung
    Selatan`, `Lampung Selatan`; `Kota Metro`, `Metro`; `Bawaslu Kota Metro` and all of those.
    A short form two regions share (`Bekasi`) is refused where it is used, with both codes."""
    n = normal(nama)
    hasil = {n}
    if n.startswith("bawaslu "):
        hasil |= nama_lain(n.removeprefix("bawaslu "))
    for awalan, ganti in (
        ("kabupaten ", ("kab. ", "kab ", "")),
        ("kota ", ("")),
        ("provinsi ", ("prov. ", "prov ", "")),
    ):
        if n.startswith(awalan):
            sisa = n.removeprefix(awalan)
            hasil |= {g + sisa for g in ganti} if isinstance(ganti, tuple) else {sisa}
    return hasil


def teks(v) -> str:
    """A cell as text: numbers from numeric cells without a trailing `.0`; the apostrophe a
    spreadsheet export put before a formula-like text is taken off again."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    s = str(v).strip()
    if s.startswith("'") and s[1:2] and s[1] in AWALAN_RUMUS:
        return s[1:]
    return s


def desimal(v) -> Decimal:
    if isinstance(v, bool):
        raise NilaiSalah(_("bukan angka"))
    if isinstance(v, int | Decimal):
        return Decimal(v)
    if isinstance(v, float):
        # a whole number from a numeric cell (9000000.0) has no decimals: a rupiah field with
        # none would refuse "9000000.0"
        return Decimal(int(v)) if v.is_integer() else Decimal(repr(v))
    s = "".join(str(v).split()).removeprefix("Rp").removeprefix("rp")
    if _ANGKA_ID.match(s):
        s = s.replace(".", "").replace(",", ".")
    elif _ANGKA_KOMA.match(s):
        s = s.replace(",", ".")
    elif not _ANGKA_TITIK.match(s):
        raise NilaiSalah(_("bukan angka"))
    try:
        return Decimal(s)
    except InvalidOperation:
        raise NilaiSalah(_("bukan angka")) from None


def bulat(v) -> int:
    if type(v) is int:  # a number cell, most of them
        return v
    if type(v) is float and v.is_integer():
        return int(v)
    d = desimal(v)
    if d != d.to_integral_value():
        raise NilaiSalah(_("bukan bilangan bulat"))
    return int(d)


def tanggal(v) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool):
        # a date cell reaches us as a date; a bare number (2024, 3, 45) is no date: read as
        # Excel's day count it would silently become a day of the 1900s
        raise NilaiSalah(_("bukan tanggal (angka; tulis hh/bb/tttt atau pakai sel tanggal)"))
    s = teks(v)
    try:
        if m := _TANGGAL_HBT.match(s):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := _TANGGAL_ISO.match(s):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise NilaiSalah(_("bukan tanggal yang ada")) from None
    raise NilaiSalah(_("bukan tanggal (tulis hh/bb/tttt, mis. 17/08/2024)"))


def bulan(v) -> dt.date:
    """The first day of the month `v` names."""
    if isinstance(v, dt.date):
        return (v.date() if isinstance(v, dt.datetime) else v).replace(day=1)
    s = normal(teks(v))
    tahun = bln = None
    if m := _BULAN_ISO.match(s):
        tahun, bln = int(m[1]), int(m[2])
    elif m := _BULAN_BT.match(s):
        bln, tahun = int(m[1]), int(m[2])
    elif (m := _BULAN_NAMA.match(s)) and m[1] in BULAN:
        bln, tahun = BULAN[m[1]], int(m[2])
    elif _TANGGAL_HBT.match(s) or _TANGGAL_ISO.match(s) or not isinstance(v, str):
        return tanggal(v).replace(day=1)  # a date in the month; says so when it is no date
    else:
        raise NilaiSalah(_("bukan bulan (tulis mis. Maret 2024 atau 2024-03)"))
    if not 1 <= bln <= 12 or not 1900 <= tahun <= 2200:
        raise NilaiSalah(_("bukan bulan yang ada"))
    return dt.date(tahun, bln, 1)


class Widget(widgets.Widget):
    """An import-export widget over one of the readers above. Empty cells are None; `wajib`
    fields are reported as missing by the importer, not here."""

    baca = staticmethod(teks)

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return self.baca(value)
        except NilaiSalah:
            raise
        except (ArithmeticError, ValueError):  # inf, 1e400: no number, date or month
            raise NilaiSalah(_("bukan nilai yang dapat dibaca")) from None


class Teks(Widget):
    def clean(self, value, row=None, **kwargs):
        return teks_sah(teks(value))


def teks_sah(s: str) -> str:
    """`s`, when PostgreSQL can store it: no NUL character, no half of a UTF-16 pair (JSON
    can carry both; a spreadsheet cannot)."""
    if "\x00" in s:
        raise NilaiSalah(_("berisi karakter NUL, yang tidak dapat disimpan"))
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        raise NilaiSalah(_("berisi karakter yang tidak sah (separuh pasangan UTF-16)")) from None
    return s


class Bulat(Widget):
    baca = staticmethod(bulat)


class Desimal(Widget):
    baca = staticmethod(desimal)


class Tanggal(Widget):
    baca = staticmethod(tanggal)

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class Bulan(Widget):
    baca = staticmethod(bulan)

    def render(self, value, obj=None, **kwargs):
        return f"{value:%Y-%m}" if value else ""


class YaTidak(Widget):
    YA = {"ya", "y", "true", "benar", "1", "iya"}
    TIDAK = {"tidak", "t", "false", "salah", "0", "tdk"}

    def baca(self, v):
        if isinstance(v, bool):
            return v
        s = normal(teks(v))
        if s in self.YA:
            return True
        if s in self.TIDAK:
            return False
        raise NilaiSalah(_("bukan ya/tidak"))


class Pilihan(Widget):
    """A choice by its code or its label in any language of the portal, any case (a file
    typed in Indonesian reads the same for a person browsing in English)."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self._asli = list(choices)  # the labels as given (lazy: translated when read)
        self.choices = [(str(k), str(v)) for k, v in choices]
        self._peta = None

    def peta(self):
        if self._peta is None:  # read once: labels in every language, then the codes
            peta = {}
            for bahasa, _nama in settings.LANGUAGES:
                with translation.override(bahasa):
                    peta |= {normal(str(v)): str(k) for k, v in self._asli}
            self._peta = peta | {normal(k): k for k, _v in self.choices}
        return self._peta

    def baca(self, v):
        kode = self.peta().get(normal(teks(v)))
        if kode is None:
            raise NilaiSalah(
                _("bukan pilihan yang dikenal; pilih salah satu: %(daftar)s")
                % {"daftar": ", ".join(k for k, _v in self.choices)}
            )
        return kode


class Rujukan(Widget):
    """A related row by its code or one of its names (any case and spacing), looked up in a
    dictionary the importer fills once (`isi`): {code: pk} and {normalised name: [pk, …]}. The
    cleaned value is the related row's primary key (the importer sets `<field>_id`)."""

    def __init__(self, model, nama_kode="kode", nama_nama="nama", **kwargs):
        super().__init__(**kwargs)
        self.model = model
        self.nama_kode, self.nama_nama = nama_kode, nama_nama
        self.kode: dict[str, object] = {}
        self.nama: dict[str, list] = {}
        self.label_kode: dict[object, str] = {}

    def isi(self, baris, kelompok=None):
        """Fill the dictionary from (pk, code, [names…]) of the rows a file may name.
        `kelompok` ({pk: group}) lets a name be looked up within a group first (a campaign
        participant within the row's election)."""
        self.kode, self.nama, self.label_kode = {}, {}, {}
        self.kelompok = kelompok or {}
        for pk, kode, nama in baris:
            self.kode[normal(kode)] = pk
            for n in set().union(*(nama_lain(x) for x in nama if x)):
                self.nama.setdefault(n, []).append(pk)
            self.label_kode[pk] = kode
        return self

    def clean(self, value, row=None, kelompok=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.baca(value, kelompok)

    def baca(self, v, kelompok=None):
        s = normal(teks(v))
        if s in self.kode:
            return self.kode[s]
        calon = self.nama.get(s, [])
        if kelompok is not None and len(calon) > 1:
            calon = [pk for pk in calon if self.kelompok.get(pk) == kelompok] or calon
        if len(calon) == 1:
            return calon[0]
        if calon:
            kode = sorted(str(self.label_kode[pk]) for pk in calon)
            raise NilaiSalah(
                _("nama ini dipakai %(n)s %(jenis)s (%(kode)s); tulis kodenya")
                % {"n": len(calon), "jenis": self.model._meta.verbose_name, "kode": ", ".join(kode)}
            )
        raise NilaiSalah(
            _("%(jenis)s tidak dikenal (tulis kode atau nama persisnya)")
            % {"jenis": self.model._meta.verbose_name}
        )

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(getattr(value, self.nama_kode, value))


class DaftarAnak(Widget):
    """Child rows of (name, kind) in one cell, separated by semicolons: `Universitas Lampung
    (perguruan_tinggi); Lampung Post (media)`. The kind by its code or label, any case; a name
    at most `panjang` characters, none twice. Read as [(name, kind code), …] in the cell's
    order (an empty list for a cell of only separators)."""

    PEMISAH = "; "

    def __init__(self, choices, panjang, **kwargs):
        super().__init__(**kwargs)
        self.jenis = Pilihan(choices)
        self.panjang = panjang

    def baca(self, v):
        hasil, dilihat = [], set()
        for mentah in teks(v).split(";"):
            bagian = mentah.strip()
            if not bagian:
                continue
            m = _ANAK.match(bagian)
            if m is None or not m[1].strip():
                raise NilaiSalah(
                    _(
                        "bagian “%(bagian)s” harus berupa nama lalu jenisnya dalam kurung, mis. "
                        "“Universitas Lampung (%(jenis)s)”; pisahkan dengan titik koma"
                    )
                    % {"bagian": bagian, "jenis": self.jenis.choices[0][0]}
                )
            nama = m[1].strip()
            kode = self.jenis.peta().get(normal(m[2]))
            if kode is None:
                raise NilaiSalah(
                    _(
                        "jenis “%(jenis)s” pada “%(nama)s” tidak dikenal; pilih salah satu: "
                        "%(daftar)s"
                    )
                    % {
                        "jenis": m[2].strip(),
                        "nama": nama,
                        "daftar": ", ".join(k for k, _v in self.jenis.choices),
                    }
                )
            if len(nama) > self.panjang:
                raise NilaiSalah(
                    _("nama “%(awal)s…” lebih dari %(n)s karakter")
                    % {"awal": nama[:40], "n": self.panjang}
                )
            if normal(nama) in dilihat:
                raise NilaiSalah(_("“%(nama)s” disebut dua kali") % {"nama": nama})
            dilihat.add(normal(nama))
            hasil.append((nama, kode))
        return hasil

    def render(self, value, obj=None, **kwargs):
        return self.PEMISAH.join(f"{nama} ({jenis})" for nama, jenis in value or ())
