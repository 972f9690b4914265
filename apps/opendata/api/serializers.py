"""Serializers built from the module registry: one `ModelSerializer` subclass per module whose
fields are exactly `modul.semua_public_fields`, plus `id`, `url` and the module's public child
rows. A new module needs no code here.

How a value reads in the API: related rows by stable codes (an office and a region by `kode`
and `nama`, an election by its `kode`, anything else by the name the public pages show),
choice fields by their stored code, files by their public download URL (or null), and values
computed on read (`@dihitung`) as the property gives them.
"""

import datetime as dt
import enum
import functools
import types
import typing
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core import registry, tampilan
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
    the property's return annotation; a property without one is served as text."""

    def __init__(self, model, name, **kwargs):
        kode = f"kode_{name}"
        self.sumber_nilai = kode if isinstance(getattr(model, kode, None), property) else name
        self.tipe, nullable = _tipe_kembalian(getattr(model, self.sumber_nilai))
        super().__init__(source="*", read_only=True, allow_null=nullable, **kwargs)
        set_override(self, "field", _skema_tipe(self.tipe, nullable))

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


def _tipe_kembalian(prop) -> tuple[type | None, bool]:
    """(the type a property returns, whether it may return None); (None, True) when the
    property does not say."""
    try:
        hint = typing.get_type_hints(prop.fget).get("return")
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


def field_publik(model, name):
    """The serializer field of one public field name, or None to let `ModelSerializer` build
    it (plain values; choices as their stored code)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return NilaiDihitung(model, name)
    if field.is_relation:
        return _field_relasi(field)
    if isinstance(field, models.FileField):
        return BerkasPublik(name)
    if field.choices and field.blank:
        # ModelSerializer drops allow_blank on read-only fields: the schema would then refuse
        # the empty code a not-yet-decided step has
        return serializers.ChoiceField(
            choices=field.choices, allow_blank=True, allow_null=field.null, read_only=True
        )
    return None


def _bidang(model, names):
    """Declared fields for `names` (those `ModelSerializer` would build wrongly)."""
    return {n: f for n in names if (f := field_publik(model, n)) is not None}


# ---- public child rows ----------------------------------------------------------------------


def nama_anak(inline, model):
    """The key of the child rows in a record's JSON: the relation's name (`mitra`), or the
    child model's name when the relation has none."""
    accessor = inline.akses_dari(model)
    return accessor if accessor and not accessor.endswith("+") else inline.prefix


def _atribut_anak(inline):
    return f"_api_anak_{inline.prefix}"


def muat_anak(modul, rows):
    """Read the public child rows of all `rows` at once: one query per inline, not per row."""
    rows = list(rows)
    for inline in modul.inlines_publik:
        fk = inline.kunci_induk(modul.model)
        terkait = [
            n
            for n in inline.fields
            if inline.model._meta.get_field(n).is_relation
            and not inline.model._meta.get_field(n).many_to_many
        ]
        per_induk = {r.pk: [] for r in rows}
        anak = inline.model.objects.filter(**{f"{fk.name}__in": list(per_induk)})
        if terkait:
            anak = anak.select_related(*terkait)
        anak = anak.order_by(fk.attname, "pk")
        for row in anak:
            per_induk[getattr(row, fk.attname)].append(row)
        for r in rows:
            setattr(r, _atribut_anak(inline), per_induk[r.pk])
    return rows


def _serializer_anak(inline):
    meta = type("Meta", (), {"model": inline.model, "fields": tuple(inline.fields)})
    return type(
        inline.model.__name__,
        (serializers.ModelSerializer,),
        {"Meta": meta, **_bidang(inline.model, inline.fields)},
    )


# ---- one serializer per module --------------------------------------------------------------


class DaftarRekamanPublik(serializers.ListSerializer):
    """A page of records: their child rows are read for the whole page at once."""

    def to_representation(self, data):
        rows = list(data.all() if isinstance(data, models.manager.BaseManager) else data)
        return super().to_representation(muat_anak(self.child.modul, rows))


class RekamanPublik(serializers.ModelSerializer):
    modul = None  # set per module by `serializer_untuk`

    url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, obj) -> str:
        return f"{self._awalan_url}{obj.pk}/"

    @functools.cached_property
    def _awalan_url(self):
        """The detail URL without the id: reversed once per list, not per row."""
        awalan = reverse(f"api:{self.modul.kode}-detail", args=[0])[: -len("0/")]
        request = self.context.get("request")
        return request.build_absolute_uri(awalan) if request else awalan

    def to_representation(self, instance):
        if any(not hasattr(instance, _atribut_anak(i)) for i in self.modul.inlines_publik):
            muat_anak(self.modul, [instance])
        return super().to_representation(instance)


@functools.cache
def serializer_untuk(kode):
    """The serializer class of module `kode`: a `ModelSerializer` whose fields are exactly the
    module's public fields (plus `id`, `url` and its public child rows), named after the model
    (the name of its schema in the OpenAPI document)."""
    modul = registry.get(kode)
    model = modul.model
    bidang = _bidang(model, modul.semua_public_fields)
    anak = {}
    for inline in modul.inlines_publik:
        anak[nama_anak(inline, model)] = _serializer_anak(inline)(
            source=_atribut_anak(inline), many=True, read_only=True
        )
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": ("id", "url", *modul.semua_public_fields, *anak),
            "read_only_fields": ("id", *modul.semua_public_fields),
            "list_serializer_class": DaftarRekamanPublik,
        },
    )
    return type(
        model.__name__,
        (RekamanPublik,),
        # no docstring: the schema describes the module on its operations, in the reader's
        # language (this class is built once)
        {"Meta": meta, "modul": modul, "__doc__": "", **bidang, **anak},
    )


def relasi_publik(modul):
    """(select_related, prefetch_related) of the module's public fields, so a page of rows is
    read in one query whatever related rows it shows."""
    pilih, ambil = ["satker", "wilayah", "pemilihan", *modul.select_related], []
    for name in modul.semua_public_fields:
        try:
            field = modul.field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_many:
            ambil.append(name)
        elif field.is_relation and name not in pilih:
            pilih.append(name)
    return pilih, ambil


def publik(modul):
    """The only rows the API reads: `.public()`, with the related rows its fields show."""
    pilih, ambil = relasi_publik(modul)
    return modul.model.objects.public().select_related(*pilih).prefetch_related(*ambil)
