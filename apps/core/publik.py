"""The public read model: what of a module's records any public outlet may show, described once.

`baca(modul)` gives a `Publik`: one `Kolom` per public field of the module (the base's public
fields, then `Modul.public_fields`) saying its name, label, kind, choices and description and how
its value is read from a record; one `Anak` per public child-row set (`Modul.inlines_publik`:
`publik and not pribadi`) with its own columns; and `.qs()`, the one `.public()` queryset with
the joins and prefetches those columns need.

The outlets are thin readers of it, each deciding only how a kind is written in its format:
the HTML detail page (`Kolom.teks`), the API serializers and their schema
(`apps.opendata.api.serializers`), the downloads and the data dictionary (`apps.opendata.unduh`)
and search (`apps.portal.cari`, the columns with `dapat_dicari`). A field named in
`public_fields` therefore appears, typed by its kind, in all of them without a line of outlet
code (tests/opendata/test_bidang_baru.py).

The kinds (`Jenis`) are also the machine names the data dictionary uses.
"""

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core import tampilan
from apps.core.models import KLASIFIKASI_PUBLIK


class Jenis(enum.StrEnum):
    """The kind of a public column: what its value is, whatever the format."""

    TEKS = "teks"
    BILANGAN_BULAT = "bilangan_bulat"
    DESIMAL = "desimal"
    TANGGAL = "tanggal"
    WAKTU = "waktu"
    YA_TIDAK = "ya_tidak"
    PILIHAN = "kode"  # a stored (or computed) code with a label per code
    RELASI = "relasi"  # a related row: its code (or id) and the name pages show
    BANYAK = "banyak"  # several related rows, by the names pages show
    BERKAS = "url"  # a file: the URL of its public download


# python type of a value -> its kind; checked in this order (bool is an int, datetime a date)
_JENIS_TIPE = (
    (bool, Jenis.YA_TIDAK),
    (int, Jenis.BILANGAN_BULAT),
    (Decimal, Jenis.DESIMAL),
    (float, Jenis.DESIMAL),
    (dt.datetime, Jenis.WAKTU),
    (dt.date, Jenis.TANGGAL),
)


@dataclass(frozen=True)
class Kolom:
    """One public field of a model (a record's or a child row's).

    `field` is the model field, or None for a value computed on read (`@dihitung`); then
    `tipe` and `boleh_kosong` come from the property's return annotation (None and True when it
    has none), and `sumber_kode` names the property giving its stable code when the model has
    one (`kode_status_berlaku` for `status_berlaku`)."""

    nama: str
    model: type
    jenis: Jenis
    field: models.Field | None = None
    tipe: type | None = None
    boleh_kosong: bool = True
    sumber_kode: str | None = None
    # choices of a computed code, when a list filter of the module says what each code means
    _pilihan_tambahan: tuple = ()

    @property
    def label(self) -> str:
        """In the active language."""
        if self.field is not None:
            return str(self.field.verbose_name)
        return str(getattr(getattr(self.model, self.nama).fget, "label", self.nama))

    @property
    def keterangan(self) -> str:
        if self.nama == "periode":
            return _("Bulan pelaporan, ditulis sebagai tanggal pertama bulan itu.")
        return str(getattr(self.field, "help_text", "") or "")

    @property
    def dihitung(self) -> bool:
        return self.field is None

    @property
    def atribut(self) -> str:
        """Where the raw value is read on a record (`satker_id` for the office)."""
        return self.field.attname if self.field is not None else self.nama

    def pilihan(self) -> tuple[tuple[str, str], ...]:
        """(code, label) of a code column in the active language. Of the classification only
        the public ones: the others never reach a public outlet."""
        if self.field is not None and self.field.choices:
            result = tuple((str(k), str(v)) for k, v in self.field.flatchoices)
            if self.nama == "klasifikasi":
                result = tuple((k, v) for k, v in result if k in KLASIFIKASI_PUBLIK)
            return result
        if self._pilihan_tambahan:
            return tuple((str(k), str(v)) for k, v in self._pilihan_tambahan)
        if self.tipe is not None and issubclass(self.tipe, models.Choices):
            return tuple((str(k), str(v)) for k, v in self.tipe.choices)
        return ()

    def nilai(self, obj):
        """The raw value: a stored value or code, a related row, a computed value."""
        return getattr(obj, self.atribut)

    def kode(self, obj) -> str | None:
        """The code of a code column (a computed one's `kode_<name>` included)."""
        v = getattr(obj, self.sumber_kode or self.atribut)
        if v is None:
            return None
        return str(getattr(v, "value", v))

    def teks(self, obj) -> str:
        """How the value reads on a page, in the active language."""
        return tampilan.nilai(obj, self.nama)

    @property
    def punya_kode(self) -> bool:
        """A related row has a stable code (`kode`) the outlets name it by."""
        return self.jenis is Jenis.RELASI and any(
            f.name == "kode" for f in self.field.related_model._meta.fields
        )

    @property
    def dapat_dicari(self) -> bool:
        """Free text a search may match (not a code, not a computed value)."""
        return (
            self.jenis is Jenis.TEKS
            and isinstance(self.field, models.CharField | models.TextField)
            and not self.field.choices
        )


def kolom(model, nama: str, pilihan_tambahan: tuple = ()) -> Kolom:
    """The column description of field (or `@dihitung` property) `nama` of `model`."""
    try:
        field = model._meta.get_field(nama)
    except FieldDoesNotExist:
        return _kolom_dihitung(model, nama, pilihan_tambahan)
    if field.many_to_many:
        jenis = Jenis.BANYAK
    elif field.is_relation:
        jenis = Jenis.RELASI
    elif field.choices:
        jenis = Jenis.PILIHAN
    elif isinstance(field, models.FileField):
        jenis = Jenis.BERKAS
    elif isinstance(field, models.BooleanField):
        jenis = Jenis.YA_TIDAK
    elif isinstance(field, models.IntegerField):
        jenis = Jenis.BILANGAN_BULAT
    elif isinstance(field, models.DecimalField | models.FloatField):
        jenis = Jenis.DESIMAL
    elif isinstance(field, models.DateTimeField):
        jenis = Jenis.WAKTU
    elif isinstance(field, models.DateField):
        jenis = Jenis.TANGGAL
    else:
        jenis = Jenis.TEKS
    return Kolom(nama, model, jenis, field, boleh_kosong=field.null)


def _kolom_dihitung(model, nama, pilihan_tambahan):
    prop = getattr(model, nama)
    kode = f"kode_{nama}"
    if isinstance(getattr(model, kode, None), property):
        tipe, kosong = tipe_kembalian(getattr(model, kode).fget)
        return Kolom(nama, model, Jenis.PILIHAN, None, tipe, kosong, kode, pilihan_tambahan)
    tipe, kosong = tipe_kembalian(prop.fget)
    jenis = next(
        (j for t, j in _JENIS_TIPE if tipe is not None and issubclass(tipe, t)), Jenis.TEKS
    )
    return Kolom(nama, model, jenis, None, tipe, kosong)


def tipe_kembalian(fget) -> tuple[type | None, bool]:
    """(the type a property returns, whether it may return None); (None, True) when the
    property does not say or says more than one type."""
    try:
        hint = typing.get_type_hints(fget).get("return")
    except (NameError, TypeError):
        hint = None
    if hint is None:
        return None, True
    args = (
        typing.get_args(hint)
        if typing.get_origin(hint) in (typing.Union, types.UnionType)
        else (hint,)
    )
    inti = [a for a in args if a is not type(None)]
    if len(inti) != 1 or not isinstance(inti[0], type):
        return None, True
    return inti[0], type(None) in args


@dataclass(frozen=True)
class Anak:
    """A public child-row set of a module (an agreement's partners): its columns and how the
    rows of many records are read at once (`prefetch`, into `atribut`)."""

    inline: object  # registry.Inline
    induk: type  # the record model

    @functools.cached_property
    def kunci(self) -> models.ForeignKey:
        return self.inline.kunci_induk(self.induk)

    @property
    def akses(self) -> str:
        """The relation's name on a record (`mitra`)."""
        return self.inline.akses_dari(self.induk)

    @property
    def atribut(self) -> str:
        """Where `prefetch` puts a record's rows (a list)."""
        return f"anak_publik_{self.inline.prefix}"

    @property
    def label(self) -> str:
        return str(self.inline.label)

    @functools.cached_property
    def kolom(self) -> tuple[Kolom, ...]:
        return tuple(kolom(self.inline.model, n) for n in self.inline.fields)

    def prefetch(self) -> Prefetch:
        qs = self.inline.model.objects.order_by("pk")
        terkait = [k.nama for k in self.kolom if k.jenis is Jenis.RELASI]
        if terkait:
            qs = qs.select_related(*terkait)
        return Prefetch(self.akses, queryset=qs, to_attr=self.atribut)

    def baris(self, rekaman) -> list:
        """The record's rows, oldest first: prefetched when they were, else read now."""
        if hasattr(rekaman, self.atribut):
            return getattr(rekaman, self.atribut)
        return list(self.prefetch().queryset.filter(**{self.kunci.name: rekaman}))


@dataclass(frozen=True)
class Publik:
    """The public read model of one module (see the module docstring)."""

    modul: object  # registry.Modul

    @functools.cached_property
    def kolom(self) -> tuple[Kolom, ...]:
        tambahan = {t.name: t.choices for t in self.modul.filter_tambahan}
        return tuple(
            kolom(self.modul.model, n, tambahan.get(n, ())) for n in self.modul.semua_public_fields
        )

    @functools.cached_property
    def anak(self) -> tuple[Anak, ...]:
        return tuple(Anak(i, self.modul.model) for i in self.modul.inlines_publik)

    def qs(self, anak: bool = True):
        """`.public()` with every related row the columns show joined (several rows
        prefetched), and with `anak` the public child rows prefetched: a page of rows is read
        in a fixed number of queries, never one per row."""
        pilih = ["satker", "wilayah", "pemilihan", *self.modul.select_related]
        pilih += [k.nama for k in self.kolom if k.jenis is Jenis.RELASI and k.nama not in pilih]
        banyak = [k.nama for k in self.kolom if k.jenis is Jenis.BANYAK]
        ambil = [*banyak, *(a.prefetch() for a in self.anak)] if anak else banyak
        return self.modul.model.objects.public().select_related(*pilih).prefetch_related(*ambil)

    def baris(self, rekaman) -> list[tuple[str, str]]:
        """[(label, how it reads)] of a record, for its public detail page."""
        return [(k.label, k.teks(rekaman)) for k in self.kolom]

    def baris_anak(self, rekaman) -> list[tuple[Anak, list[list[tuple[str, str]]]]]:
        """Per public child-row set, its rows as [(label, how it reads)]."""
        return [
            (a, [[(k.label, k.teks(row)) for k in a.kolom] for row in a.baris(rekaman)])
            for a in self.anak
        ]

    def berkas(self, rekaman) -> list[tuple[str, str, str]]:
        """[(label, field name, file name)] of the record's non-empty public files."""
        return [
            (k.label, k.nama, k.teks(rekaman))
            for k in self.kolom
            if k.jenis is Jenis.BERKAS and k.nilai(rekaman)
        ]


_tersimpan: dict[str, Publik] = {}


def baca(modul) -> Publik:
    """The read model of `modul`, built once per registry entry (a replaced entry gets a new
    one): its columns hold no text of any language (labels and choices are read when asked),
    so one serves every request."""
    p = _tersimpan.get(modul.kode)
    if p is None or p.modul is not modul:
        p = _tersimpan[modul.kode] = Publik(modul)
    return p


class _Id:
    def __repr__(self):
        return "ID"


ID = _Id()  # where the row's id goes in `pola_url`
_CONTOH_ID = 987654321987  # reversed in its place, then cut out


def pola_url(nama_url: str, *args) -> Callable[[object], str]:
    """`reverse()` once for many rows: `pola_url("portal:detail", "mou", ID)(12)` is
    `/data/mou/12/`. Reversing per row is the most expensive part of a long list."""
    contoh = reverse(nama_url, args=[_CONTOH_ID if a is ID else a for a in args])
    awal, akhir = contoh.split(str(_CONTOH_ID), 1)
    return lambda pk: f"{awal}{pk}{akhir}"
