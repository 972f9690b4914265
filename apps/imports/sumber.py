"""One django-import-export `ModelResource` per module, built from the registry as the staff
forms are: the base columns (office, region, election, stage, reporting month) and the
module's form fields, each with a widget from `apps.imports.nilai` chosen by the field's kind.
A new module with an `Impor` entry needs no code here.

Column names are the field names (`jumlah_tps`): stable, the same in the template, the export
and every language. The header of a file may also use the field's label (`Jumlah TPS`), any case.
Files (attachments) are not imported: they are uploaded on the record's own form; nor are the
fields a module leaves out (`Impor.tanpa`). A related row named by several cells
(`Impor.rujukan`) gives one column per cell instead of its foreign key; the child rows of
`Impor.anak` are one more column after the module's fields.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, StringAgg, Subquery, Value
from django.db.models.functions import Concat
from django.utils import translation
from import_export import fields, resources

from apps.core import registry
from apps.core.models import Pemilihan
from apps.imports import nilai
from apps.organisasi.models import Satker
from apps.wilayah.models import Wilayah

KOLOM_DASAR = ("satker", "wilayah", "pemilihan", "tahapan", "periode")
RUJUKAN = {Satker: "kode", Wilayah: "kode", Pemilihan: "kode"}
# the export's name for the child rows' cell (an annotation: the accessor itself is taken)
ANOTASI_ANAK = "sel_anak_impor"
# Workflow columns a staff export adds before the import's columns (`ekspor.baris`): the
# importer skips them, so a staff export imports back too.
KOLOM_ALUR = ("id", "status", "klasifikasi", "diajukan_pada", "disetujui_pada")
# a case handler's export adds the personal data as `pribadi_<inline>` (`ekspor.kolom_pribadi`):
# never read back (personal data is entered on the record's own form)
AWALAN_PRIBADI = "pribadi_"


@dataclass(frozen=True)
class Kolom:
    """One column of a module's import: the model field it fills and how a cell is read. A
    cell naming a related row with others (`rujukan`) holds a field of that related row; the
    child rows' cell (`anak`) holds the inline's name field."""

    nama: str
    field: models.Field
    widget: nilai.Widget
    wajib: bool  # a row without it is refused
    kunci: bool  # part of the natural key
    rujukan: registry.RujukanSel | None = None
    anak: registry.Inline | None = None

    def _label(self):
        return self.anak.label if self.anak else self.field.verbose_name

    @property
    def label(self) -> str:
        return str(self._label())

    @property
    def di_rekaman(self) -> bool:
        """The cell is a field of the record itself (compared, checked and written as one)."""
        return self.rujukan is None and self.anak is None

    @property
    def atribut(self) -> str:
        """Where the cleaned value goes on a record (`satker_id` for an office)."""
        return self.field.attname

    @property
    def lookup(self) -> str:
        """What the export reads of a record (`values_list`): the attribute, a related row's
        field (`pagu_anggaran__kode_akun`) or the child rows' annotation."""
        if self.rujukan is not None:
            return f"{self.rujukan.field}__{self.nama}"
        if self.anak is not None:
            return ANOTASI_ANAK
        return self.atribut

    def nama_dikenal(self) -> set[str]:
        """The header texts that name this column: its name, and its label in every language
        of the portal (a file typed in Indonesian is read the same for a user reading English)."""
        dikenal = {nilai.normal(self.nama)}
        for bahasa, _nama in settings.LANGUAGES:
            with translation.override(bahasa):
                dikenal.add(nilai.normal(str(self._label())))
        return dikenal


# field class -> widget, checked in this order (a DateTimeField is a DateField)
WIDGET_MENURUT_JENIS = (
    (models.BooleanField, nilai.YaTidak),
    (models.IntegerField, nilai.Bulat),
    (models.DecimalField, nilai.Desimal),
    (models.FloatField, nilai.Desimal),
    (models.DateTimeField, nilai.Teks),
    (models.DateField, nilai.Tanggal),
)


def _widget(field):
    if field.is_relation:
        return nilai.Rujukan(field.related_model, RUJUKAN.get(field.related_model, "pk"))
    if field.choices:
        return nilai.Pilihan(field.flatchoices)
    if field.name == "periode":
        return nilai.Bulan()
    jenis = next((w for f, w in WIDGET_MENURUT_JENIS if isinstance(field, f)), nilai.Teks)
    return jenis()


def _kunci(impor) -> set[str]:
    """The record fields of the natural key, with those a named related row is found in."""
    if impor is None:
        return set()
    kunci = set(impor.kunci)
    for r in impor.rujukan:
        kunci |= {field for _terkait, field, _ubah in r.konteks}
    return kunci


def kolom(kode: str) -> tuple[Kolom, ...]:
    """The import columns of module `kode`, in template order: the base columns, then the
    module's form fields (files, many-to-many fields and `Impor.tanpa` left out; a related row
    of `Impor.rujukan` as its cells), then the child rows' cell (`Impor.anak`). Built per
    import: the widgets of related rows hold that import's dictionaries."""
    modul = registry.get(kode)
    impor = modul.impor
    kunci = _kunci(impor)
    tanpa = set(impor.tanpa) if impor else set()
    rujukan = {r.field: r for r in impor.rujukan} if impor else {}
    nama = [n for n in KOLOM_DASAR if not (n == "periode" and modul.periode_dari)]
    nama += [n for n in modul.form_fields if n not in nama]
    result = []
    for n in nama:
        field = modul.field(n)
        if isinstance(field, models.FileField) or field.many_to_many or n in tanpa:
            continue
        wajib = n in kunci or (
            not field.blank and not field.has_default() and not field.null and n != "tahapan"
        )
        if n in rujukan:
            terkait = field.related_model._meta
            result += [
                Kolom(s, terkait.get_field(s), nilai.Teks(), wajib, n in kunci, rujukan=rujukan[n])
                for s in rujukan[n].sel
            ]
            continue
        result.append(Kolom(n, field, _widget(field), wajib, n in kunci))
    inline = modul.inline_impor
    if inline is not None:
        nama_anak, jenis_anak = (inline.model._meta.get_field(n) for n in inline.fields)
        widget = nilai.DaftarAnak(jenis_anak.flatchoices, nama_anak.max_length)
        result.append(Kolom(impor.anak, nama_anak, widget, inline.min_num > 0, False, anak=inline))
    return tuple(result)


def nama_kunci(kode: str) -> list[str]:
    """The columns of the natural key as a file names them: a related row named by cells as
    the row's fields it is found in and those cells (`satker, periode, kode_kegiatan,
    kode_akun`)."""
    impor = registry.get(kode).impor
    rujukan = {r.field: r for r in impor.rujukan}
    hasil = []
    for n in impor.kunci:
        if n in rujukan:
            hasil += [field for _t, field, _u in rujukan[n].konteks] + list(rujukan[n].sel)
        else:
            hasil.append(n)
    return list(dict.fromkeys(hasil))


def sel_anak(modul):
    """The child rows of each record as the import reads them back (`Name (kind); …`, in
    the order they were entered): a subquery aggregating them, for the export's one query."""
    inline = modul.inline_impor
    fk = inline.kunci_induk(modul.model).name
    nama, jenis = inline.fields
    pemisah = nilai.DaftarAnak.PEMISAH
    return Subquery(
        inline.model.objects.filter(**{fk: OuterRef("pk")})
        .order_by()
        .values(fk)
        .annotate(
            sel=StringAgg(
                Concat(nama, Value(" ("), jenis, Value(")"), output_field=models.TextField()),
                Value(pemisah),
                order_by="pk",
            )
        )
        .values("sel")
    )


class SumberRekaman(resources.ModelResource):
    """The base of every module's resource (see `resource_untuk`)."""

    modul = None

    class Meta:
        skip_diff = True
        use_bulk = True
        batch_size = 1000
        clean_model_instances = False


@functools.cache
def resource_untuk(kode: str) -> type[SumberRekaman]:
    """The `ModelResource` class of module `kode`: its import columns as fields (with their
    widgets), the natural key as `import_id_fields`. Used to export records the way they are
    imported, so an export imports back changing nothing."""
    modul = registry.get(kode)
    cols = kolom(kode)
    bidang = {
        k.nama: fields.Field(
            attribute=k.nama if k.di_rekaman else k.lookup, column_name=k.nama, widget=k.widget
        )
        for k in cols
        if k.anak is None  # child rows are no attribute of the record (`sel_anak` reads them)
    }
    meta = type(
        "Meta",
        (SumberRekaman.Meta,),
        {
            "model": modul.model,
            "fields": tuple(bidang),
            "import_id_fields": tuple(modul.impor.kunci) if modul.impor else (),
        },
    )
    return type(
        f"Sumber{modul.model.__name__}",
        (SumberRekaman,),
        {"Meta": meta, "modul": modul, **bidang},
    )
