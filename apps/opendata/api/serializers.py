"""Serializers built from the public read model (`apps.core.publik`): one `ModelSerializer`
subclass per module whose fields are exactly its public columns, plus `id`, `url` and the
module's public child rows. A new module or public field needs no code here: each column's kind
decides its serializer field and schema.

How a value reads in the API: related rows by stable codes (an office and a region by `kode`
and `nama`, an election by its `kode`, anything else by the name the public pages show),
choice fields by their stored code, files by their public download URL (or null), and values
computed on read (`@dihitung`) as the property gives them.
"""

import datetime as dt
import enum
import functools
from decimal import Decimal

from django.urls import reverse
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core import publik, registry, tampilan
from apps.core.models import Pemilihan
from apps.organisasi.models import Satker
from apps.wilayah.models import Wilayah


class SatkerRingkas(serializers.ModelSerializer):
    """An office by its code (`18.72`, the region's Kemendagri code; `00` for Bawaslu RI)."""

    class Meta:
        model = Satker
        fields = ("kode", "nama")


class WilayahRingkas(serializers.ModelSerializer):
    """A region by its dotted Kemendagri code and name."""

    class Meta:
        model = Wilayah
        fields = ("kode", "nama")


class NamaTerkait(serializers.StringRelatedField):
    """Any other related row by the name the public pages show (a campaign's participant)."""

    def to_representation(self, value):
        return str(tampilan.tampil(value))


@extend_schema_field({"type": "string", "format": "uri"})
class BerkasPublik(serializers.Field):
    """A file field as the URL of its public download (`portal:berkas`), null when empty. The
    stored file name never shows: it is random, and the download names the file itself."""

    def __init__(self, nama_field, **kwargs):
        self.nama_field = nama_field
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        if not getattr(value, self.nama_field):
            return None
        url = reverse("portal:berkas", args=[value.modul_kode, value.pk, self.nama_field])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class NilaiDihitung(serializers.Field):
    """A value computed on read (`@dihitung`: a budget's absorption, an agreement's validity).

    Where the model also has a property `kode_<name>` (an agreement's `kode_status_berlaku`),
    its stable code is served instead of the label in the reader's language, as a choice
    field serves its code; the list filter takes the same codes. The schema type comes from
    the property's return annotation (`publik.Kolom.tipe`); a property without one is served
    as text."""

    def __init__(self, kolom, **kwargs):
        self.sumber_nilai = kolom.sumber_kode or kolom.nama
        self.tipe = kolom.tipe
        super().__init__(source="*", read_only=True, allow_null=kolom.boleh_kosong, **kwargs)
        set_override(self, "field", _skema_tipe(self.tipe, kolom.boleh_kosong))

    def to_representation(self, value):
        nilai = getattr(value, self.sumber_nilai)
        if nilai is None:
            return None
        if isinstance(nilai, enum.Enum):
            nilai = nilai.value
        if isinstance(nilai, Decimal):
            return format(nilai, "f")
        if isinstance(nilai, dt.datetime):
            return serializers.DateTimeField().to_representation(nilai)
        if isinstance(nilai, dt.date):
            return nilai.isoformat()
        if self.tipe is None or self.tipe is str:
            return str(nilai)
        return nilai


# checked in this order: bool is an int, datetime is a date
SKEMA_TIPE = (
    (bool, {"type": "boolean"}),
    (int, {"type": "integer"}),
    (float, {"type": "number"}),
    (Decimal, {"type": "string", "format": "decimal"}),
    (dt.datetime, {"type": "string", "format": "date-time"}),
    (dt.date, {"type": "string", "format": "date"}),
)


def _skema_tipe(tipe, nullable):
    if tipe is not None and issubclass(tipe, enum.Enum):
        values = [m.value for m in tipe]
        skema = {"type": "integer" if isinstance(values[0], int) else "string", "enum": values}
        if nullable:
            skema["enum"] = [*values, None]
        return skema
    for jenis, skema in SKEMA_TIPE:
        if tipe is not None and issubclass(tipe, jenis):
            return dict(skema)
    return {"type": "string"}


def _field_relasi(field):
    kwargs = {"read_only": True}
    if field.many_to_many:
        return NamaTerkait(many=True, **kwargs)
    kwargs["allow_null"] = field.null
    if field.related_model is Satker:
        return SatkerRingkas(**kwargs)
    if field.related_model is Wilayah:
        return WilayahRingkas(**kwargs)
    if field.related_model is Pemilihan:
        return serializers.SlugRelatedField(slug_field="kode", **kwargs)
    return NamaTerkait(**kwargs)


def field_publik(kolom):
    """The serializer field of one public column (`publik.Kolom`), or None to let
    `ModelSerializer` build it (plain values; choices as their stored code)."""
    if kolom.dihitung:
        return NilaiDihitung(kolom)
    if kolom.jenis in (publik.Jenis.RELASI, publik.Jenis.BANYAK):
        return _field_relasi(kolom.field)
    if kolom.jenis is publik.Jenis.BERKAS:
        return BerkasPublik(kolom.nama)
    if kolom.field.choices and kolom.field.blank:
        # ModelSerializer drops allow_blank on read-only fields: the schema would then refuse
        # the empty code a not-yet-decided step has
        return serializers.ChoiceField(
            choices=kolom.field.choices,
            allow_blank=True,
            allow_null=kolom.field.null,
            read_only=True,
        )
    return None


def _bidang(kolom):
    """Declared fields for the columns `ModelSerializer` would build wrongly."""
    return {k.nama: f for k in kolom if (f := field_publik(k)) is not None}


def nama_anak(inline, model):
    """The key of `inline`'s rows in the JSON of a `model` record: the relation's name
    (`mitra`), or the child model's name when the relation has none."""
    akses = inline.akses_dari(model)
    return akses if akses and not akses.endswith("+") else inline.prefix


def _serializer_anak(anak):
    meta = type("Meta", (), {"model": anak.inline.model, "fields": tuple(anak.inline.fields)})
    return type(
        anak.inline.model.__name__,
        (serializers.ModelSerializer,),
        {"Meta": meta, **_bidang(anak.kolom)},
    )


# ---- one serializer per module --------------------------------------------------------------


class RekamanPublik(serializers.ModelSerializer):
    modul = None  # set per module by `serializer_untuk`

    url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, obj) -> str:
        return self._url(obj.pk)

    @functools.cached_property
    def _url(self):
        """The detail URL of an id: reversed once per list, not per row."""
        pola = publik.pola_url(f"api:{self.modul.kode}-detail", publik.ID)
        request = self.context.get("request")
        if request is None:
            return pola
        host = request.build_absolute_uri("/")[:-1]  # scheme and host
        return lambda pk: host + pola(pk)

    def to_representation(self, instance):
        # rows not read through `publik.Publik.qs()` (one record alone): read its child rows
        for anak in publik.baca(self.modul).anak:
            if not hasattr(instance, anak.atribut):
                setattr(instance, anak.atribut, anak.baris(instance))
        return super().to_representation(instance)


@functools.cache
def serializer_untuk(kode):
    """The serializer class of module `kode`: a `ModelSerializer` whose fields are exactly the
    module's public columns (`publik.baca(modul).kolom`, plus `id`, `url` and its public child
    rows), named after the model (the name of its schema in the OpenAPI document)."""
    modul = registry.get(kode)
    baca = publik.baca(modul)
    anak = {
        nama_anak(a.inline, a.induk): _serializer_anak(a)(
            source=a.atribut, many=True, read_only=True
        )
        for a in baca.anak
    }
    nama = tuple(k.nama for k in baca.kolom)
    meta = type(
        "Meta",
        (),
        {
            "model": modul.model,
            "fields": ("id", "url", *nama, *anak),
            "read_only_fields": ("id", *nama),
        },
    )
    return type(
        modul.model.__name__,
        (RekamanPublik,),
        # no docstring: the schema describes the module on its operations, in the reader's
        # language (this class is built once)
        {"Meta": meta, "modul": modul, "__doc__": "", **_bidang(baca.kolom), **anak},
    )
