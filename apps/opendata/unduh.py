"""Downloads of the public lists (CSV, XLSX, JSON) and their data dictionary (DESIGN §5, §6).

A download holds exactly the rows the public list `/data/<modul>/?<query>` shows, every page
of it: `.public()`, then the list's own filters (`apps.core.saringan`). Its columns are
the module's public fields under stable machine names (`kolom()`), the same in every format
and every language; the data dictionary (`/data/<modul>/kamus/`) describes them.

Rows are read in chunks (`iterator(chunk_size=…)`, the related rows joined, public child rows
prefetched once per chunk) and written as they are read, so a download of a million rows never
sits in memory: CSV and JSON are streamed, XLSX is written row by row (`ekspor.buku_xlsx`,
inline strings) into a temporary file that is then streamed.
"""

import datetime as dt
import json
import typing
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from django.conf import settings
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

from apps.core import publik, registry, saringan, tampilan
from apps.core.publik import Jenis
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
    """The columns of the module's downloads: `id`, then its public columns
    (`apps.core.publik`), then its public child rows flattened into one column each.
    `alamat` (scheme and host) makes file URLs absolute. Labels are in the active language;
    names never change with it."""
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
    baca = publik.baca(modul)
    for k in baca.kolom:
        result += _kolom(modul, k, alamat)
    result += [_kolom_anak(a) for a in baca.anak]
    return result


def _kolom(modul, k, alamat):
    """The download columns of one public column, as its kind says."""
    if k.jenis is Jenis.RELASI:
        return _kolom_relasi(k)
    if k.jenis is Jenis.PILIHAN:
        return _kolom_pilihan(k)
    if k.jenis is Jenis.BANYAK:
        ambil = _gabung(k)
    elif k.jenis is Jenis.BERKAS:
        ambil = _url_berkas(modul, k, alamat)
    elif k.dihitung and k.jenis is Jenis.TEKS:
        # without a return annotation the dictionary says text: the file says the same
        ambil = _sebagai_teks(k)
    else:
        ambil = attrgetter(k.atribut)
    return [
        Kolom(k.nama, k.label, _JENIS_UNDUH.get(k.jenis, k.jenis.value), ambil, (), k.keterangan)
    ]


_JENIS_UNDUH = {Jenis.BANYAK: "teks"}  # several names in one text cell


def _kolom_relasi(k):
    """A related row as its code (`satker_kode`; `<name>_id` when it has no code) and its
    name (`satker_nama`)."""
    name = k.nama

    def kode(obj):
        rel = getattr(obj, name)
        return None if rel is None else rel.kode

    return [
        Kolom(
            f"{name}_kode" if k.punya_kode else f"{name}_id",
            _("%(label)s (kode)") % {"label": k.label},
            "kode" if k.punya_kode else "bilangan_bulat",
            kode if k.punya_kode else attrgetter(k.atribut),
            keterangan=k.keterangan,
        ),
        Kolom(
            f"{name}_nama",
            _("%(label)s (nama)") % {"label": k.label},
            "teks",
            lambda obj: tampilan.tampil(getattr(obj, name)) or None,
        ),
    ]


def _kolom_pilihan(k):
    """A code (a choice field's, or a computed value's `kode_<name>`), plus its label in the
    language of the request."""
    pilihan = k.pilihan()
    if k.dihitung:
        kode, label = k.kode, (lambda obj: k.nilai(obj) or None)
    else:
        labels = dict(pilihan)
        kode, label = attrgetter(k.atribut), (lambda obj: labels.get(k.nilai(obj)))
    return [
        Kolom(k.nama, k.label, "kode", kode, pilihan, k.keterangan),
        Kolom(
            f"{k.nama}_label",
            _("%(label)s (label)") % {"label": k.label},
            "teks",
            label,
            keterangan=_("Label kode pada kolom %(kolom)s.") % {"kolom": k.nama},
        ),
    ]


def _url_berkas(modul, k, alamat):
    """A file as the absolute URL of its public download (empty when there is none)."""
    pola = publik.pola_url("portal:berkas", modul.kode, publik.ID, k.nama)
    return lambda obj: f"{alamat}{pola(obj.pk)}" if k.nilai(obj) else None


def _gabung(k):
    return lambda obj: "; ".join(tampilan.tampil(r) for r in k.nilai(obj).all()) or None


def _sebagai_teks(k):
    def teks(obj):
        value = k.nilai(obj)
        if value is None or isinstance(value, str):
            return value
        return str(ekspor.iso(value))

    return teks


def _kolom_anak(anak):
    """Public child rows in one text column named after the relation (`mitra`), each row as
    "first field (other fields)", rows separated by "; "."""
    kolom = anak.kolom

    def satu(row):
        nilai = [_teks_anak(row, k) for k in kolom]
        lain = ", ".join(v for v in nilai[1:] if v)
        return f"{nilai[0]} ({lain})" if lain else nilai[0]

    def gabung(obj):
        return "; ".join(satu(r) for r in anak.baris(obj)) or None

    pilihan = tuple(p for k in kolom for p in k.pilihan())
    bentuk = kolom[0].label
    if len(kolom) > 1:
        bentuk = f"{bentuk} ({', '.join(k.label for k in kolom[1:])})"
    return Kolom(
        anak.akses,
        anak.label,
        "teks",
        gabung,
        pilihan,
        _("Satu baris per %(label)s, ditulis “%(bentuk)s”, dipisahkan titik koma.")
        % {"label": anak.label.lower(), "bentuk": bentuk},
    )


def _teks_anak(row, k):
    if k.jenis is Jenis.RELASI:
        return tampilan.tampil(getattr(row, k.nama))
    value = k.nilai(row)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# ---- rows ------------------------------------------------------------------------------------


def rekaman(modul, qs):
    """The rows of `qs` newest first, as the public list orders them, read in chunks: related
    rows joined, public child rows prefetched once per chunk, never once per row."""
    return qs.order_by("-periode", "-id").iterator(chunk_size=UKURAN_POTONGAN)


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
    return response


# ---- views -----------------------------------------------------------------------------------


def unduh(request, modul, ext):
    """`/data/<modul>.csv|.xlsx|.json`: every public row the list shows with this query."""
    modul = registry.get(modul)
    s = saringan.baca(modul, request.GET)
    if s.errors:
        return _tolak(ext, list(s.errors))
    qs = s.terapkan(publik.baca(modul).qs())
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
