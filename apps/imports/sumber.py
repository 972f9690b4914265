"""One django-import-export `ModelResource` per module, built from the registry as the staff
forms are: the base columns (office, region, election, stage, reporting month) and the
module's form fields, each with a widget from `apps.imports.nilai` chosen by the field's kind.
A new module with an `Impor` entry needs no code here.

Column names are the field names (`jumlah_tps`): stable, the same in the template, the export
and every language. The header of a file may also use the field's label (`Jumlah TPS`), any case.
Files (attachments) are not imported: they are uploaded on the record's own form.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import translation
from import_export import fields, resources

from apps.core import registry
from apps.core.models import Pemilihan
from apps.imports import nilai
from apps.organisasi.models import Satker
from apps.wilayah.models import Wilayah

KOLOM_DASAR = ("satker", "wilayah", "pemilihan", "tahapan", "periode")
RUJUKAN = {Satker: "kode", Wilayah: "kode", Pemilihan: "kode"}


@dataclass(frozen=True)
class Kolom:
    """One column of a module's import: the model field it fills and how a cell is read."""

    nama: str
    field: models.Field
    widget: nilai.Widget
    wajib: bool  # a row without it is refused
    kunci: bool  # part of the natural key

    @property
    def label(self) -> str:
        return str(self.field.verbose_name)

    @property
    def atribut(self) -> str:
        """Where the cleaned value goes on a record (`satker_id` for an office)."""
        return self.field.attname

    def nama_dikenal(self) -> set[str]:
        """The header texts that name this column: its name, and its label in every language
        of the portal (a file typed in Indonesian is read the same for a user reading English)."""
        dikenal = {nilai.normal(self.nama)}
        for bahasa, _nama in settings.LANGUAGES:
            with translation.override(bahasa):
                dikenal.add(nilai.normal(str(self.field.verbose_name)))
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


def kolom(kode: str) -> tuple[Kolom, ...]:
    """The import columns of module `kode`, in template order: the base columns, then the
    module's form fields (files and many-to-many fields left out). Built per import: the
    widgets of related rows hold that import's dictionaries."""
    modul = registry.get(kode)
    kunci = set(modul.impor.kunci) if modul.impor else set()
    nama = [n for n in KOLOM_DASAR if not (n == "periode" and modul.periode_dari)]
    nama += [n for n in modul.form_fields if n not in nama]
    result = []
    for n in nama:
        field = modul.field(n)
        if isinstance(field, models.FileField) or field.many_to_many:
            continue
        wajib = n in kunci or (
            not field.blank and not field.has_default() and not field.null and n != "tahapan"
        )
        result.append(Kolom(n, field, _widget(field), wajib, n in kunci))
    return tuple(result)


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
        k.nama: fields.Field(attribute=k.nama, column_name=k.nama, widget=k.widget) for k in cols
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
