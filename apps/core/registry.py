"""The module registry: the one list of data modules the portal knows.

A data module is a small app whose `AppConfig.ready()` calls `register(Modul(...))`. Staff
pages, public pages, permissions and the shared tests iterate over this registry, so a new
module needs no new view, URL or test code.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404

# Base fields shown publicly for every module (never the workflow's people or internal notes).
BASE_PUBLIC_FIELDS = ("satker", "wilayah", "pemilihan", "tahapan", "periode", "klasifikasi")


@dataclass(frozen=True)
class Inline:
    """Child rows edited on the record's own form (e.g. the partners of an agreement)."""

    model: type
    fields: tuple[str, ...]
    label: str
    publik: bool = True  # shown on public pages (only `fields`)
    # personal data (UU 27/2022): shown and edited only by the office's case handlers
    # (`permissions.TANGANI`), every view audited, masked (`model.samaran(name)`) for other
    # staff, never public
    pribadi: bool = False
    min_num: int = 0
    extra: int = 1

    @property
    def prefix(self):
        return self.model._meta.model_name

    def kunci_induk(self, model):
        """The child model's foreign key to the record model `model`."""
        return next(
            f for f in self.model._meta.fields if f.is_relation and f.related_model is model
        )

    def akses_dari(self, model) -> str:
        """The name of the child rows on a `model` record (`mitra` for an agreement)."""
        return self.kunci_induk(model).remote_field.get_accessor_name()


@dataclass(frozen=True)
class FilterTambahan:
    """A list filter that is not a plain choice field (e.g. an agreement's computed validity).
    `terapkan(qs, value)` narrows the queryset for one of the `choices` values."""

    name: str
    label: str
    choices: tuple[tuple[str, str], ...]
    terapkan: Callable


@dataclass(frozen=True)
class BlokSatker:
    """How a module's public records show on an office's page (`/satker/<kode>/`): the
    template of the block (given `modul`, `rows`, `lebih`, `kantor`), the order and how many."""

    templat: str = "portal/_satker_modul.html"
    urutan: tuple[str, ...] = ("-periode", "-id")
    batas: int = 10


@dataclass(frozen=True)
class RujukanSel:
    """A related row an import names by several cells, within the row's own context, the way
    offices write it: a budget line by its activity and account codes, inside the row's office
    and the year of its reporting month (`apps.anggaran`).

    `field`: the record's foreign key (`pagu_anggaran`); not a column itself.
    `sel`: fields of the related model, each typed in a column of its own name (`kode_kegiatan`,
    `kode_akun`), compared as text in any case and spacing (521211 typed as a number is
    "521211"); the export writes them from the related row (`pagu_anggaran__kode_akun`).
    `konteks`: the rest of the related row's key, from the row's own values: (related field,
    record field, function turning the record's value into the related one, or None) —
    `("satker", "satker", None)`, `("tahun", "periode", tahun_dari_bulan)`. Those record fields
    are part of the import's key.
    `tidak_ada`: the message for a row whose cells name no related row; `%(name)s` of every
    `sel` field and every related field of `konteks` (an office as its name, a year).
    The related rows are read once per import (a dictionary), never a query per row."""

    field: str
    sel: tuple[str, ...]
    konteks: tuple[tuple[str, str, Callable | None], ...] = ()
    tidak_ada: object = ""


@dataclass(frozen=True)
class Impor:
    """How a module's records come in from spreadsheets (`apps.imports`).

    `kunci`: the natural key — one record per value of these fields; a re-imported row with
    the same key updates (or leaves) that record instead of adding one. Named in the template.
    `periksa_massal(baris)`: the module's rules that look at other records (the DB or other
    rows of the file), checked for all rows at once; `baris` carry every field's value under
    its attribute name (`wilayah_id`, `tahap`) and `pk` (not model instances: a file holds
    100,000 of them); returns {index in the list: {field: [messages]}}. The rules of one
    record alone are its `Rekaman.periksa_baris()`.
    `contoh`: (column, value) of the template's example row where a generic value would not
    pass the module's rules.
    `tanpa`: form fields left out of the import and its export (entered on the record's own
    form: a link to another record that a cell cannot name sensibly).
    `rujukan`: related rows named by several cells of the row (`RujukanSel`).
    `anak`: the child rows read from and written to one cell, named by the `Inline`'s accessor
    (`mitra`): `Name (kind); Other name (kind)`. Only an inline of two fields, a text and a
    choice, never a personal-data (`pribadi`) one.
    `diisi_modul`: fields the module's `sebelum_simpan` fills when left empty (a register
    number, the respondent): on an existing record an empty cell keeps the stored value, so a
    file re-imported with the cell still empty changes nothing — unless the module's rules of
    one record refuse that value in the row (a number on a case no longer registered)."""

    kunci: tuple[str, ...]
    periksa_massal: Callable | None = None
    contoh: tuple[tuple[str, object], ...] = ()
    tanpa: tuple[str, ...] = ()
    rujukan: tuple[RujukanSel, ...] = ()
    anak: str | None = None
    diisi_modul: tuple[str, ...] = ()


@dataclass(frozen=True)
class Modul:
    kode: str  # URL segment and permission suffix: /data/<kode>/, isi_<kode>
    model: type
    nama: str
    deskripsi: str
    # The only fields ever serialized or shown publicly (besides the base's public fields).
    public_fields: tuple[str, ...]
    # Fields the staff form edits (besides satker/wilayah/pemilihan from the base form).
    form_fields: tuple[str, ...]
    # Columns of the staff and public lists.
    list_fields: tuple[str, ...]
    # Extra filters offered on lists (choice fields of the module).
    filter_fields: tuple[str, ...] = ()
    filter_tambahan: tuple[FilterTambahan, ...] = ()
    # Related rows shown in list columns, fetched with the list (no query per row).
    select_related: tuple[str, ...] = ()
    # Text fields searched by `?q=` (default: the title field).
    cari_fields: tuple[str, ...] = ()
    # Field whose date decides the reporting month; None when the form asks for periode.
    periode_dari: str | None = None
    judul_field: str = "judul"
    form_class: type | None = None
    # Optional grouping of the staff form into fieldsets: ((legend, (field, …)), …); fields
    # not named are shown first, ungrouped. Case modules group by step.
    kelompok_form: tuple[tuple[str, tuple[str, ...]], ...] = ()
    inlines: tuple[Inline, ...] = ()
    # Dotted paths of extra URLconfs, included under /data/<kode>/ and /kelola/<kode>/ before
    # the generic pages (e.g. a roll-up page).
    urls_publik: str | None = None
    urls_kelola: str | None = None
    # Links to those pages, (label, URL name), shown on the module's public / staff list.
    tautan_publik: tuple[tuple[str, str], ...] = ()
    tautan_kelola: tuple[tuple[str, str], ...] = ()
    urutan: int = 100
    # Headline figures on the home page: angka_utama() -> [(value, label)], public data only.
    angka_utama: Callable | None = None
    # The module's block on an office's public page.
    blok_satker: BlokSatker = BlokSatker()
    # Choice fields counted on a case module's public rekap page (`/data/<kode>/rekap/`).
    rekap: tuple[str, ...] = ()
    # Demo data (seed_demo, generate_scale and the tests' factories):
    # demo_records(satker, i) returns an unsaved, valid record of any kab/kota office;
    demo_records: Callable | None = None
    # demo_setup() creates the lookup rows the demo needs (idempotent);
    demo_setup: Callable | None = None
    # demo_serahkan(record, satker, i) hands such a record to another office when setting
    # `satker` alone would not be valid (a budget line belongs to one office);
    demo_serahkan: Callable | None = None
    # demo_anak(record, i) adds the child rows a form would have added (seed_demo only).
    demo_anak: Callable | None = None
    # False: generate_scale cannot copy demo rows of this module (unique keys, step order).
    skala: bool = True
    # Spreadsheet import (`/kelola/impor/`, `manage.py import_data`); None: not importable.
    impor: Impor | None = None

    def __str__(self):
        return str(self.nama)

    @property
    def semua_public_fields(self) -> tuple[str, ...]:
        return BASE_PUBLIC_FIELDS + self.public_fields

    @property
    def inlines_publik(self) -> tuple[Inline, ...]:
        """The child rows every public outlet shows (never personal data)."""
        return tuple(i for i in self.inlines if i.publik and not i.pribadi)

    def field(self, name):
        return self.model._meta.get_field(name)

    @property
    def inline_impor(self) -> Inline | None:
        """The child rows an import reads from one cell (`Impor.anak`), or None."""
        if self.impor is None or self.impor.anak is None:
            return None
        return next(i for i in self.inlines if i.akses_dari(self.model) == self.impor.anak)


_modules: dict[str, Modul] = {}


def _periksa_anak_impor(modul):
    """`Impor.anak` names a public inline of (text, choice): what one cell can hold and an
    export may show. Personal data never goes through a spreadsheet."""
    from django.db import models

    inline = next((i for i in modul.inlines if i.akses_dari(modul.model) == modul.impor.anak), None)
    if inline is None:
        raise ValueError(f"modul {modul.kode!r}: Impor.anak {modul.impor.anak!r} bukan inline")
    if inline.pribadi:
        raise ValueError(f"modul {modul.kode!r}: data pribadi tidak boleh diimpor: {inline.label}")
    jenis = [inline.model._meta.get_field(n) for n in inline.fields]
    if not (
        len(jenis) == 2
        and isinstance(jenis[0], models.CharField)
        and not jenis[0].choices
        and isinstance(jenis[1], models.CharField)
        and jenis[1].choices
    ):
        raise ValueError(
            f"modul {modul.kode!r}: Impor.anak hanya untuk inline (teks, pilihan): {inline.fields}"
        )


def register(modul: Modul) -> Modul:
    if modul.kode in _modules and _modules[modul.kode].model is not modul.model:
        raise ValueError(f"modul {modul.kode!r} sudah terdaftar")
    # What public pages show, search, filter or count by must never reach past the public
    # fields: a list column, a search field (its hits would reveal the text), a filter, a
    # counted choice on the rekap page, the title. A lookup (`wilayah__nama`) counts by its
    # first part.
    publik = set(modul.semua_public_fields)
    for nama, daftar in (
        ("list_fields", modul.list_fields),
        ("cari_fields", modul.cari_fields),
        ("filter_fields", modul.filter_fields),
        ("rekap", modul.rekap),
        ("judul_field", (modul.judul_field,)),
    ):
        bocor = sorted(n for n in daftar if n.split("__", 1)[0] not in publik)
        if bocor:
            raise ValueError(f"modul {modul.kode!r}: {nama} bukan public_fields: {bocor}")
    pribadi_publik = [i.label for i in modul.inlines if i.pribadi and i.publik]
    if pribadi_publik:
        raise ValueError(f"modul {modul.kode!r}: data pribadi tidak boleh publik: {pribadi_publik}")
    if modul.impor is not None and modul.impor.anak is not None:
        _periksa_anak_impor(modul)
    modul.model.modul_kode = modul.kode
    _modules[modul.kode] = modul
    return modul


def get(kode: str) -> Modul:
    """The module of that code, or 404: the URL segment comes from the user."""
    try:
        return _modules[kode]
    except KeyError:
        raise Http404(kode) from None


def for_model(model) -> Modul:
    return _modules[model.modul_kode]


def all_modules() -> list[Modul]:
    return sorted(_modules.values(), key=lambda m: (m.urutan, m.kode))


def codes() -> list[str]:
    return [m.kode for m in all_modules()]
