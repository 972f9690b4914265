"""Spreadsheets written the way the importer reads them: the export of a module's records
(`manage.py export_data`), which imports back changing nothing, and the template of a module
(`/kelola/impor/templat/<modul>.xlsx`): the header row, one example row and a sheet with the
data dictionary. Written with the portal's one CSV/XLSX writer (`apps.opendata.ekspor`)."""

import datetime as dt

from django.utils.translation import gettext as _

from apps.core.models import Pemilihan
from apps.imports import nilai, sumber
from apps.opendata import ekspor

JENIS = {
    nilai.Bulat: lambda: _("bilangan bulat; titik ribuan boleh (1.234.567)"),
    nilai.Desimal: lambda: _("bilangan; koma desimal boleh (1.234,5)"),
    nilai.Tanggal: lambda: _("tanggal: hh/bb/tttt, tttt-bb-hh atau sel tanggal Excel"),
    nilai.Bulan: lambda: _("bulan: “Maret 2024”, “2024-03” atau tanggal mana pun di bulan itu"),
    nilai.YaTidak: lambda: _("ya/tidak"),
    nilai.Pilihan: lambda: _("salah satu kode (atau labelnya)"),
    nilai.Teks: lambda: _("teks"),
    nilai.DaftarAnak: lambda: _("daftar: Nama (jenis); Nama lain (jenis)"),
}


def nilai_ekspor_rujukan(k, terkait):
    """A related row as the importer reads it back: its code, else how it reads."""
    if terkait is None:
        return None
    kode = sumber.RUJUKAN.get(k.field.related_model)
    return str(getattr(terkait, kode)) if kode else str(terkait)


def _penulis_sel(k):
    """How the raw value of column `k` (as `values_list` reads it) becomes its cell: a related
    row's id through a dictionary of its code (or how it reads) made once, the month as
    `2024-03`, an empty optional text as an empty cell."""
    if k.field.is_relation:
        model = k.field.related_model
        kode = sumber.RUJUKAN.get(model)
        if kode == model._meta.pk.attname:  # a region: its id is its code
            return lambda v: v
        peta = {o.pk: str(getattr(o, kode)) if kode else str(o) for o in model.objects.all()}
        return lambda v: None if v is None else peta.get(v)
    if k.nama == "periode":
        return lambda v: v.isoformat()[:7] if v else None
    if not k.wajib:
        return lambda v: None if v == "" else v
    return None


def kolom_pribadi(inline) -> str:
    """The export column of a personal-data inline (`pribadi_pelapor`): the importer skips
    every such column (`sumber.AWALAN_PRIBADI`)."""
    return f"{sumber.AWALAN_PRIBADI}{inline.prefix}"


def _teks_pribadi(modul, inline, qs_pribadi) -> dict[int, str]:
    """{record id: "Nama (NIK; alamat; …) | Nama lain (…)"} of the child rows of `inline` of
    the records of `qs_pribadi` (one query)."""
    fk = inline.kunci_induk(modul.model).attname
    nama, *lain = inline.fields
    hasil = {}
    qs = inline.model.objects.filter(**{f"{fk}__in": qs_pribadi.values("pk")}).order_by("pk")
    for induk, n, *isi in qs.values_list(fk, nama, *lain):
        rinci = "; ".join(str(v) for v in isi if v not in ("", None))
        teks = f"{n} ({rinci})" if rinci else str(n)
        hasil[induk] = f"{hasil[induk]} | {teks}" if induk in hasil else teks
    return hasil


def baris(modul, qs, alur=False, qs_pribadi=None):
    """The header and the rows of `qs`, read as plain values in chunks (no model instance per
    row); with `alur`, the workflow columns first (staff exports); with `qs_pribadi` (the
    records whose personal data the reader may see — a case handler's), a column per
    personal-data inline after the import's columns, filled for those records only."""
    cols = sumber.kolom(modul.kode)
    depan = sumber.KOLOM_ALUR if alur else ()
    pribadi = []
    if qs_pribadi is not None:
        pribadi = [(i, _teks_pribadi(modul, i, qs_pribadi)) for i in modul.inlines if i.pribadi]
    yield [*depan, *(k.nama for k in cols), *(kolom_pribadi(i) for i, _t in pribadi)]
    penulis = [None] * len(depan) + [_penulis_sel(k) for k in cols]
    pasangan = list(enumerate(penulis))
    ubah = [(i, f) for i, f in pasangan if f is not None]
    if any(k.anak is not None for k in cols):  # the child rows' cell: one aggregate subquery
        qs = qs.annotate(**{sumber.ANOTASI_ANAK: sumber.sel_anak(modul)})
    nilai_qs = qs.order_by("periode", "pk").values_list(
        *depan, *(k.lookup for k in cols), *(("pk",) if pribadi else ())
    )
    for mentah in nilai_qs.iterator(chunk_size=2000):
        row = list(mentah)
        for i, f in ubah:
            row[i] = f(row[i])
        if pribadi:
            pk = row.pop()
            row += [teks.get(pk) for _i, teks in pribadi]
        yield row


def tulis(modul, qs, path):
    """Write the records of `qs` to `path` (.xlsx or .csv, by its extension)."""
    rows = baris(modul, qs)
    if str(path).lower().endswith(".csv"):
        with open(path, "w", encoding="utf-8", newline="") as f:
            for potong in ekspor.alir_csv(next(rows), rows):
                f.write(potong)
        return
    with ekspor.buku_xlsx([ekspor.Lembar(modul.kode, rows)]) as berkas, open(path, "wb") as f:
        while potong := berkas.read(1 << 20):
            f.write(potong)


# ---- the template -------------------------------------------------------------------------


# the example value of a column by its widget, when the module gives none
CONTOH_MENURUT_WIDGET = (
    (nilai.Bulat, 0),
    (nilai.Desimal, 0),
    (nilai.Tanggal, dt.date(2024, 3, 15)),
    (nilai.YaTidak, "ya"),
)
CONTOH_DASAR = {"satker": "18.72", "wilayah": "18.72.01", "periode": "2024-03"}


def _per_pemilihan(model) -> bool:
    return model is not Pemilihan and any(f.name == "pemilihan" for f in model._meta.fields)


def _contoh(modul, k):
    contoh = {**CONTOH_DASAR, **dict(modul.impor.contoh if modul.impor else ())}
    if k.nama in contoh:
        return contoh[k.nama]
    if k.field.is_relation:  # the newest row there is (an election by its code)
        terbaru = k.field.related_model.objects.order_by("-pk").first()
        if k.field.related_model is Pemilihan:
            # the election of the newest related row of an election (a campaign's
            # participant), so that the example's participant stands in it
            lain = [
                f.related_model
                for f in modul.model._meta.fields
                if f.is_relation and f.name in modul.form_fields and _per_pemilihan(f.related_model)
            ]
            baris = lain[0].objects.order_by("-pk").first() if lain else None
            terbaru = baris.pemilihan if baris is not None else terbaru
        return nilai_ekspor_rujukan(k, terbaru)
    if isinstance(k.widget, nilai.Pilihan):
        return k.widget.choices[0][0]
    for jenis, v in CONTOH_MENURUT_WIDGET:
        if isinstance(k.widget, jenis):
            return v
    if not k.wajib:
        return None
    return str(k.field.verbose_name).capitalize()


def _nilai_boleh_sel(k):
    """What a cell that is no field of the record may hold: child rows, a related row's
    code."""
    if k.anak is not None:
        return _(
            "jenis: %(daftar)s; nama paling banyak %(n)s karakter, tidak ada yang dua kali"
        ) % {
            "daftar": "; ".join(f"{kode} = {label}" for kode, label in k.widget.jenis.choices),
            "n": k.widget.panjang,
        }
    return _(
        "bersama kolom %(sel)s menunjuk satu %(jenis)s menurut %(konteks)s baris ini; "
        "%(jenis)s itu harus sudah ada"
    ) % {
        "sel": ", ".join(k.rujukan.sel),
        "jenis": k.field.model._meta.verbose_name,
        "konteks": ", ".join(f for _t, f, _u in k.rujukan.konteks),
    }


def _nilai_boleh(k):
    if not k.di_rekaman:
        return _nilai_boleh_sel(k)
    if isinstance(k.widget, nilai.Pilihan):
        return "; ".join(f"{kode} = {label}" for kode, label in k.widget.choices)
    if k.nama == "satker":
        return _("kode satker (18.72) atau namanya (Bawaslu Kota Metro, Kota Metro)")
    if k.nama == "wilayah":
        return _("kode Kemendagri (18.72.01) atau nama wilayah di wilayah kerja satker")
    if k.field.related_model is Pemilihan:
        return "; ".join(f"{p.kode} = {p.nama}" for p in Pemilihan.objects.order_by("-tahun"))
    return ""


def templat(modul):
    """The module's template workbook, in a temporary file at position 0."""
    cols = sumber.kolom(modul.kode)
    kunci = ", ".join(sumber.nama_kunci(modul.kode))
    data = [ekspor.judul(k.nama for k in cols), [_contoh(modul, k) for k in cols]]
    kamus = [
        [ekspor.Tebal(_("Modul")), str(modul.nama)],
        [
            ekspor.Tebal(_("Kunci")),
            _(
                "Satu rekaman per nilai kolom %(kunci)s: baris dengan kunci yang sudah ada "
                "mengubah rekaman itu (selama masih draf), bukan menambah."
            )
            % {"kunci": kunci},
        ],
        [
            ekspor.Tebal(_("Cara mengisi")),
            _(
                "Baris pertama lembar Data adalah judul kolom (boleh memakai label kolom); "
                "hapus baris contoh sebelum mengunggah. Baris dan kolom kosong diabaikan."
            ),
        ],
        [],
        ekspor.judul(
            (_("Kolom"), _("Arti"), _("Wajib"), _("Jenis"), _("Nilai yang boleh"), _("Contoh"))
        ),
    ]
    for k in cols:
        arti = k.label
        if k.field.help_text and k.anak is None:
            arti += f" — {k.field.help_text}"
        jenis = JENIS.get(type(k.widget), JENIS[nilai.Teks])()
        if isinstance(k.widget, nilai.Rujukan):
            jenis = _("kode atau nama")
        kamus.append(
            [
                k.nama,
                arti,
                _("ya (kunci)") if k.kunci else (_("ya") if k.wajib else _("tidak")),
                jenis,
                _nilai_boleh(k),
                _contoh(modul, k),
            ]
        )
    return ekspor.buku_xlsx([ekspor.Lembar(_("Data"), data), ekspor.Lembar(_("Kamus data"), kamus)])
