"""Downloads of the public lists (CSV, XLSX, JSON) and their data dictionary (DESIGN §5, §6).

A download holds exactly the rows the public list `/data/<modul>/?<query>` shows, every page
of it: `.public()`, then the list's own filters (`apps.core.saringan`). Its columns are
the module's public fields under stable machine names (`kolom()`), the same in every format
and every language; the data dictionary (`/data/<modul>/kamus/`) describes them.

Rows are read in chunks (`iterator(chunk_size=…)`, the related rows joined, public child rows
prefetched once per chunk) and written as they are read, so a download of a million rows never
sits in memory: CSV and JSON are streamed, XLSX is written row by row (openpyxl write-only,
inline strings) into a temporary file that is then streamed.
"""

import datetime as dt
import json
import typing
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Prefetch
from django.http import (
    FileResponse,
    HttpResponseBadRequest,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from apps.core import registry, saringan, tampilan
from apps.core.models import KLASIFIKASI_PUBLIK
from apps.opendata import ekspor

# Rows read per database round trip; the public child rows are prefetched once per chunk.
UKURAN_POTONGAN = 2000
# One Excel sheet holds 1,048,576 rows, the header included. Larger sets are refused in XLSX
# (CSV and JSON have no limit): the file is built whole before it is sent.
BATAS_BARIS_XLSX = 1_048_575
MEDIA = {**ekspor.MEDIA, "json": "application/json"}

# jenis kolom (machine code in kamus.json) -> how the dictionary page names it
JENIS = {
    "bilangan_bulat": lambda: _("bilangan bulat"),
    "desimal": lambda: _("bilangan desimal (titik sebagai pemisah desimal)"),
    "tanggal": lambda: _("tanggal (TTTT-BB-HH)"),
    "waktu": lambda: _("tanggal dan waktu (ISO 8601)"),
    "ya_tidak": lambda: _("ya/tidak (true/false)"),
    "kode": lambda: _("kode"),
    "teks": lambda: _("teks"),
    "url": lambda: _("alamat unduhan (URL)"),
}


@dataclass(frozen=True)
class Kolom:
    """One column of a download: its stable machine name, how the dictionary describes it,
    and how its value is read from a record (str, int, Decimal, date, bool or None)."""

    nama: str
    label: str
    jenis: str
    ambil: typing.Callable
    pilihan: tuple[tuple[str, str], ...] = ()
    keterangan: str = ""

    def kamus(self):
        return {
            "nama": self.nama,
            "label": self.label,
            "jenis": self.jenis,
            "pilihan": dict(self.pilihan),
            "keterangan": self.keterangan,
        }


# ---- columns ---------------------------------------------------------------------------------


def kolom(modul, alamat=""):
    """The columns of the module's downloads: `id`, then its public fields, then its public
    child rows flattened into one column each. `alamat` (scheme and host) makes file URLs
    absolute. Labels are in the active language; names never change with it."""
    result = [
        Kolom(
            "id",
            _("nomor rekaman"),
            "bilangan_bulat",
            attrgetter("pk"),
            keterangan=_("Nomor tetap rekaman; halaman rinciannya ada di /data/%(modul)s/<id>/.")
            % {"modul": modul.kode},
        )
    ]
    for name in modul.semua_public_fields:
        try:
            field = modul.field(name)
        except FieldDoesNotExist:
            result += _kolom_dihitung(modul, name)
            continue
        if field.many_to_many:
            result.append(_kolom_banyak(field))
        elif field.is_relation:
            result += _kolom_relasi(field)
        elif field.choices:
            result += _kolom_pilihan(field)
        elif isinstance(field, models.FileField):
            result.append(_kolom_berkas(modul, field, alamat))
        else:
            result.append(_kolom_biasa(field))
    result += [_kolom_anak(modul, inline) for inline in modul.inlines_publik]
    return result


def _kolom_biasa(field):
    keterangan = str(field.help_text or "")
    if field.name == "periode":
        keterangan = _("Bulan pelaporan, ditulis sebagai tanggal pertama bulan itu.")
    return Kolom(
        field.name,
        str(field.verbose_name),
        _jenis_field(field),
        attrgetter(field.attname),
        keterangan=keterangan,
    )


def _jenis_field(field):
    if isinstance(field, models.BooleanField):
        return "ya_tidak"
    if isinstance(field, models.IntegerField):
        return "bilangan_bulat"
    if isinstance(field, models.DecimalField | models.FloatField):
        return "desimal"
    if isinstance(field, models.DateTimeField):
        return "waktu"
    if isinstance(field, models.DateField):
        return "tanggal"
    return "teks"


def _kolom_relasi(field):
    """A related row as its code (`satker_kode`; `<name>_id` when it has no code) and its
    name (`satker_nama`)."""
    name = field.name
    punya_kode = any(f.name == "kode" for f in field.related_model._meta.fields)
    label = str(field.verbose_name)

    def kode(obj):
        rel = getattr(obj, name)
        return None if rel is None else rel.kode

    return [
        Kolom(
            f"{name}_kode" if punya_kode else f"{name}_id",
            _("%(label)s (kode)") % {"label": label},
            "kode" if punya_kode else "bilangan_bulat",
            kode if punya_kode else attrgetter(field.attname),
            keterangan=str(field.help_text or ""),
        ),
        Kolom(
            f"{name}_nama",
            _("%(label)s (nama)") % {"label": label},
            "teks",
            lambda obj: tampilan.tampil(getattr(obj, name)) or None,
        ),
    ]


def _kolom_pilihan(field):
    """A choice field as its code, plus its label in the language of the request."""
    pilihan = [(str(k), str(v)) for k, v in field.flatchoices]
    if field.name == "klasifikasi":
        # the other categories never reach a public download
        pilihan = [(k, v) for k, v in pilihan if k in KLASIFIKASI_PUBLIK]
    labels = dict(pilihan)
    label = str(field.verbose_name)
    return [
        Kolom(
            field.name,
            label,
            "kode",
            attrgetter(field.attname),
            tuple(pilihan),
            str(field.help_text or ""),
        ),
        Kolom(
            f"{field.name}_label",
            _("%(label)s (label)") % {"label": label},
            "teks",
            lambda obj, a=field.attname: labels.get(getattr(obj, a)),
            keterangan=_("Label kode pada kolom %(kolom)s.") % {"kolom": field.name},
        ),
    ]


def _kolom_berkas(modul, field, alamat):
    """A file as the absolute URL of its public download (empty when there is none)."""
    contoh = reverse("portal:berkas", args=[modul.kode, 0, field.name])
    awal, akhir = contoh.split("/0/", 1)  # one reverse(), then an f-string per row

    def url(obj):
        return f"{alamat}{awal}/{obj.pk}/{akhir}" if getattr(obj, field.attname) else None

    return Kolom(field.name, str(field.verbose_name), "url", url, (), str(field.help_text or ""))


def _kolom_banyak(field):
    name = field.name

    def gabung(obj):
        return "; ".join(tampilan.tampil(r) for r in getattr(obj, name).all()) or None

    return Kolom(name, str(field.verbose_name), "teks", gabung, (), str(field.help_text or ""))


def _kolom_dihitung(modul, name):
    """A value computed on read (`@dihitung`). When the model also has `kode_<name>`, the
    column holds that code and a `<name>_label` column the text (an agreement's validity)."""
    prop = getattr(modul.model, name)
    label = str(getattr(prop.fget, "label", name))
    kode = getattr(modul.model, f"kode_{name}", None)
    if not isinstance(kode, property):
        jenis = _jenis_anotasi(prop.fget)
        if jenis != "teks":
            return [Kolom(name, label, jenis, attrgetter(name))]
        # without a return annotation the dictionary says text: the file says the same
        return [Kolom(name, label, jenis, lambda obj: _sebagai_teks(getattr(obj, name)))]
    pilihan = _pilihan_dihitung(modul, name, kode.fget)

    def nilai_kode(obj):
        v = getattr(obj, f"kode_{name}")
        return None if v is None else str(getattr(v, "value", v))

    return [
        Kolom(name, label, "kode", nilai_kode, pilihan),
        Kolom(
            f"{name}_label",
            _("%(label)s (label)") % {"label": label},
            "teks",
            lambda obj: getattr(obj, name) or None,
            keterangan=_("Label kode pada kolom %(kolom)s.") % {"kolom": name},
        ),
    ]


def _sebagai_teks(value):
    if value is None or isinstance(value, str):
        return value
    return str(ekspor.iso(value))


def _pilihan_dihitung(modul, name, fget):
    """The codes of a computed value: the module's list filter of the same name says what
    each means; otherwise the choices its `kode_<name>` is annotated to return."""
    for tambahan in modul.filter_tambahan:
        if tambahan.name == name:
            return tuple((str(k), str(v)) for k, v in tambahan.choices)
    for jenis in _anotasi(fget):
        if isinstance(jenis, type) and issubclass(jenis, models.Choices):
            return tuple((str(k), str(v)) for k, v in jenis.choices)
    return ()


def _anotasi(fget):
    try:
        hasil = typing.get_type_hints(fget).get("return")
    except (NameError, TypeError):
        return ()
    if hasil is None:
        return ()
    return typing.get_args(hasil) or (hasil,)


def _jenis_anotasi(fget):
    """The column type of a computed value from its return annotation; text without one."""
    for jenis, kode in (
        (bool, "ya_tidak"),
        (int, "bilangan_bulat"),
        (Decimal, "desimal"),
        (float, "desimal"),
        (dt.datetime, "waktu"),
        (dt.date, "tanggal"),
    ):
        if jenis in _anotasi(fget):
            return kode
    return "teks"


def _kolom_anak(modul, inline):
    """Public child rows in one text column named after the relation (`mitra`), each row as
    "first field (other fields)", rows separated by "; "."""
    akses = inline.akses_dari(modul.model)
    fields = [inline.model._meta.get_field(n) for n in inline.fields]

    def satu(row):
        nilai = [_teks_anak(row, f) for f in fields]
        lain = ", ".join(v for v in nilai[1:] if v)
        return f"{nilai[0]} ({lain})" if lain else nilai[0]

    def gabung(obj):
        return "; ".join(satu(r) for r in getattr(obj, akses).all()) or None

    pilihan = tuple((str(k), str(v)) for f in fields if f.choices for k, v in f.flatchoices)
    bentuk = fields[0].verbose_name
    if len(fields) > 1:
        bentuk = f"{bentuk} ({', '.join(str(f.verbose_name) for f in fields[1:])})"
    return Kolom(
        akses,
        str(inline.label),
        "teks",
        gabung,
        pilihan,
        _("Satu baris per %(label)s, ditulis “%(bentuk)s”, dipisahkan titik koma.")
        % {"label": str(inline.label).lower(), "bentuk": bentuk},
    )


def _teks_anak(row, field):
    value = getattr(row, field.attname)
    if field.is_relation:
        return tampilan.tampil(getattr(row, field.name))
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# ---- rows ------------------------------------------------------------------------------------


def rekaman(modul, qs):
    """The rows of `qs` newest first, as the public list orders them, read in chunks: related
    rows joined, public child rows prefetched once per chunk, never once per row."""
    fields = [f for n in modul.semua_public_fields if (f := _field(modul, n)) is not None]
    relasi = [f.name for f in fields if f.is_relation and not f.many_to_many]
    banyak = [f.name for f in fields if f.many_to_many]
    anak = []
    for inline in modul.inlines_publik:
        anak_qs = inline.model.objects.order_by("pk")
        rel = [n for n in inline.fields if inline.model._meta.get_field(n).is_relation]
        if rel:
            anak_qs = anak_qs.select_related(*rel)
        anak.append(Prefetch(inline.akses_dari(modul.model), queryset=anak_qs))
    return (
        qs.select_related(*relasi, *modul.select_related)
        .prefetch_related(*banyak, *anak)
        .order_by("-periode", "-id")
        .iterator(chunk_size=UKURAN_POTONGAN)
    )


def _field(modul, name):
    try:
        return modul.field(name)
    except FieldDoesNotExist:
        return None


def _untuk_json(v):
    if isinstance(v, Promise):
        return str(v)
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return ekspor.iso(v)


# ---- what every download says about itself --------------------------------------------------


@dataclass(frozen=True)
class Sumber:
    modul: object
    judul: str
    lisensi: dict
    diunduh_pada: dt.datetime
    url_daftar: str  # the public list with the same filter
    url_kamus: str
    url_kamus_json: str

    def nama_berkas(self, ext):
        return f"{self.modul.kode}-{self.diunduh_pada:%Y-%m-%d}.{ext}"


def lisensi():
    """The license of every public download and of the catalog (`settings.LISENSI_DATA`)."""
    return getattr(
        settings,
        "LISENSI_DATA",
        {"nama": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    )


def _sumber(request, modul):
    params = request.GET.copy()
    params.pop("hal", None)  # every page, not one
    daftar = request.build_absolute_uri(reverse("portal:daftar", args=[modul.kode]))
    return Sumber(
        modul=modul,
        judul=str(modul.nama),
        lisensi=lisensi(),
        diunduh_pada=timezone.localtime(),
        url_daftar=f"{daftar}?{params.urlencode()}" if params else daftar,
        url_kamus=request.build_absolute_uri(reverse("opendata:kamus", args=[modul.kode])),
        url_kamus_json=request.build_absolute_uri(
            reverse("opendata:kamus_json", args=[modul.kode])
        ),
    )


def _kepala(response, sumber, ext):
    response["Content-Disposition"] = f'attachment; filename="{sumber.nama_berkas(ext)}"'
    response["Link"] = ", ".join(
        (
            f'<{sumber.url_kamus_json}>; rel="describedby"; type="application/json"',
            f'<{sumber.url_kamus}>; rel="describedby"; type="text/html"',
            f'<{sumber.lisensi["url"]}>; rel="license"',
        )
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ---- views -----------------------------------------------------------------------------------


def unduh(request, modul, ext):
    """`/data/<modul>.csv|.xlsx|.json`: every public row the list shows with this query."""
    modul = registry.get(modul)
    s = saringan.baca(modul, request.GET)
    if s.errors:
        return _tolak(ext, list(s.errors))
    qs = s.terapkan(modul.model.objects.public())
    sumber = _sumber(request, modul)
    cols = kolom(modul, alamat=f"{request.scheme}://{request.get_host()}")
    if ext == "xlsx":
        if qs.order_by()[BATAS_BARIS_XLSX : BATAS_BARIS_XLSX + 1].exists():
            return _tolak(
                ext,
                [
                    _(
                        "Data yang cocok lebih dari %(n)s baris, batas satu lembar XLSX; "
                        "unduh CSV atau JSON, atau persempit saringan."
                    )
                    % {"n": number_format(BATAS_BARIS_XLSX, force_grouping=True)}
                ],
            )
        berkas = _buku_xlsx(cols, rekaman(modul, qs), sumber)
        response = FileResponse(berkas, content_type=MEDIA["xlsx"])
    elif ext == "json":
        response = StreamingHttpResponse(
            _alir_json(cols, rekaman(modul, qs), sumber), content_type=MEDIA["json"]
        )
    else:
        response = StreamingHttpResponse(
            ekspor.alir_csv([k.nama for k in cols], _baris(cols, rekaman(modul, qs))),
            content_type=MEDIA["csv"],
        )
    return _kepala(response, sumber, ext)


def _tolak(ext, errors):
    if ext == "json":
        return JsonResponse(
            {"kesalahan": errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    return HttpResponseBadRequest(
        "\n".join(errors) + "\n", content_type="text/plain; charset=utf-8"
    )


def _baris(cols, rows):
    ambil = [k.ambil for k in cols]
    for obj in rows:
        yield [f(obj) for f in ambil]


def _amplop(sumber):
    return {
        "judul": sumber.judul,
        "lisensi": sumber.lisensi,
        "diunduh_pada": sumber.diunduh_pada.isoformat(timespec="seconds"),
        "sumber": sumber.url_daftar,
        "kamus": sumber.url_kamus_json,
    }


def _alir_json(cols, rows, sumber):
    """`{"lisensi": …, "diunduh_pada": …, "sumber": …, "kamus": …, "data": [rows]}`, the
    envelope first and the rows as they are read."""
    kepala = json.dumps(_amplop(sumber), ensure_ascii=False)
    yield kepala[:-1] + ', "data": ['
    nama = [k.nama for k in cols]
    ambil = [k.ambil for k in cols]
    potongan = []
    pemisah = "\n"
    for obj in rows:
        baris = {n: _untuk_json(f(obj)) for n, f in zip(nama, ambil, strict=True)}
        potongan.append(pemisah + json.dumps(baris, ensure_ascii=False))
        pemisah = ",\n"
        if len(potongan) >= 500:
            yield "".join(potongan)
            potongan = []
    yield "".join(potongan) + "\n]}\n"


def _buku_xlsx(cols, rows, sumber):
    """Sheet "Data" with the rows, sheet "Keterangan" with the license, the source, the time
    of extraction, the number of rows and the data dictionary."""
    jumlah = 0

    def data():
        nonlocal jumlah
        yield ekspor.judul(k.nama for k in cols)
        for baris in _baris(cols, rows):
            jumlah += 1
            yield baris

    def keterangan():
        yield [ekspor.Tebal(_("Data")), sumber.judul]
        yield [ekspor.Tebal(_("Lisensi")), f"{sumber.lisensi['nama']} — {sumber.lisensi['url']}"]
        yield [ekspor.Tebal(_("Sumber (dengan saringan)")), sumber.url_daftar]
        yield [ekspor.Tebal(_("Diunduh pada")), sumber.diunduh_pada.isoformat(timespec="seconds")]
        yield [ekspor.Tebal(_("Jumlah baris")), jumlah]  # read after the data sheet is written
        yield [ekspor.Tebal(_("Kamus data")), sumber.url_kamus]
        yield []
        yield ekspor.judul(
            (_("Kolom"), _("Label"), _("Jenis"), _("Nilai yang mungkin"), _("Keterangan"))
        )
        for k in cols:
            pilihan = "; ".join(f"{a} = {b}" for a, b in k.pilihan)
            yield [k.nama, k.label, JENIS[k.jenis](), pilihan, k.keterangan]

    return ekspor.buku_xlsx(
        [ekspor.Lembar(_("Data"), data()), ekspor.Lembar(_("Keterangan"), keterangan())]
    )


def kamus(request, modul):
    """`/data/<modul>/kamus/`: what each column of the downloads holds."""
    modul = registry.get(modul)
    cols = kolom(modul)
    return render(
        request,
        "opendata/kamus.html",
        {
            "modul": modul,
            "kolom": [(k, JENIS[k.jenis]()) for k in cols],
            "lisensi": lisensi(),
        },
    )


def kamus_json(request, modul):
    """`/data/<modul>/kamus.json`: the data dictionary for programs."""
    modul = registry.get(modul)
    return JsonResponse(
        {
            "modul": modul.kode,
            "judul": str(modul.nama),
            "deskripsi": str(modul.deskripsi),
            "lisensi": lisensi(),
            "jenis": {kode: label() for kode, label in JENIS.items()},
            "kolom": [k.kamus() for k in kolom(modul)],
        },
        json_dumps_params={"ensure_ascii": False},
    )
