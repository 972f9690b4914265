"""Public statistics: counts of `.public()` rows, never anything else (DESIGN §5).

- `ringkasan()`: public rows per module and per election in ONE query (a UNION ALL of one
  grouped count per module), for the home page, the statistics index and (per office) the
  office page.
- `/statistik/<modul>/`: one module's public rows by reporting month, by region (provinces;
  `?wilayah=18` → its kab/kota; `?wilayah=18.72` → its kecamatan), by election and by each of
  the module's choice fields, filterable by election, period range, region and the module's
  own choice filters. Each table is drawn as an SVG bar chart (`apps.portal.grafik`) and can be
  downloaded as CSV (`/statistik/<modul>.csv?tabel=…`), exactly the rows of the table.

A record's region is the region it names, or else its office's region (a budget report or an
agreement often names none): so the regional table adds up to the total and an office's
records count in its province. Bawaslu RI's records without a region form their own row.

The counts are computed once per publication token and filter (one grouped query per table,
whatever the number of rows) and cached; the labels are applied per request, in the reader's
language.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import CharField, Count, Value
from django.db.models.functions import Left
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.core import publikasi, registry
from apps.core.models import WILAYAH_EFEKTIF, Pemilihan
from apps.core.saringan import EFEKTIF, Saringan, baca, nilai
from apps.opendata import ekspor
from apps.portal import grafik
from apps.wilayah.models import Wilayah

UMUR_CACHE = 300  # seconds; the token changes the key the moment anything is (un)published
# months between the first and the last counted month are filled with zeros up to this span
BULAN_MAKS = 600


# ---- headline figures: per module and election, one query -------------------------------


def _per_pemilihan(moduls, **saring):
    """{(module code, election id or None): count} of public rows, one UNION ALL query."""
    bagian = [
        m.model.objects.public()
        .filter(**saring)
        .values("pemilihan_id")
        .annotate(modul=Value(m.kode, output_field=CharField()), n=Count("pk"))
        .order_by()
        for m in moduls
    ]
    if not bagian:
        return {}
    gabung = bagian[0].union(*bagian[1:], all=True).order_by()
    return {(r["modul"], r["pemilihan_id"]): r["n"] for r in gabung}


@dataclass
class Ringkasan:
    """Public rows per module (`per_modul`: [(module, total)]) and per election
    (`kolom`: the elections with public rows, newest first, then None for rows of no
    election; `matriks`: [(module, [count per column], total)])."""

    per_modul: list
    kolom: list
    matriks: list
    total: int


def ringkasan(moduls=None, **saring) -> Ringkasan:
    """Two queries: the counts, and the elections' names."""
    moduls = moduls if moduls is not None else registry.all_modules()
    angka = _per_pemilihan(moduls, **saring)
    ids = {p for (_m, p) in angka if p is not None}
    pemilihan = list(Pemilihan.objects.filter(pk__in=ids)) if ids else []  # ordered newest
    kolom = [*pemilihan, *([None] if any(p is None for (_m, p) in angka) else [])]
    matriks, per_modul = [], []
    for m in moduls:
        sel = [angka.get((m.kode, p.pk if p else None), 0) for p in kolom]
        matriks.append((m, sel, sum(sel)))
        per_modul.append((m, sum(sel)))
    return Ringkasan(per_modul, kolom, matriks, sum(n for _m, n in per_modul))


def jumlah_per_modul(**saring) -> dict:
    """{module code: public rows} (e.g. of one office), one query."""
    hasil = {}
    for (kode, _p), n in _per_pemilihan(registry.all_modules(), **saring).items():
        hasil[kode] = hasil.get(kode, 0) + n
    return hasil


def angka_utama_modul() -> list[tuple[str, str]]:
    """The headline figures modules add to the home page (`Modul.angka_utama`): (value,
    label) pairs, each from public data only."""
    return [a for m in registry.all_modules() if m.angka_utama for a in m.angka_utama()]


# ---- filters of a module's statistics -----------------------------------------------------
# The filter form is `apps.core.saringan` with the region a record counts in (`EFEKTIF`) and
# regions down to kab/kota (the tables drill down province → kab/kota → kecamatan).

TINGKAT_WILAYAH = (2, 5)


def terapkan(qs, saringan):
    return saringan.terapkan(qs, wilayah_menurut=EFEKTIF)


# ---- counting ---------------------------------------------------------------------------


def _panjang_kelompok(saringan):
    """Characters of the region code the rows are grouped by: provinces (18), kab/kota
    (18.72) inside a province, kecamatan (18.72.01) inside a kab/kota."""
    return {0: 2, 2: 5, 5: 8}[len(saringan.wilayah)]


def hitung(modul, saringan) -> dict:
    """The raw counts of every table (no labels): one grouped query per table."""
    qs = terapkan(modul.model.objects.public(), saringan).order_by()
    bulan = list(qs.values_list("periode").annotate(n=Count("pk")).order_by("periode"))
    panjang = _panjang_kelompok(saringan)
    wilayah = list(
        qs.annotate(k=Left(WILAYAH_EFEKTIF, panjang))
        .values_list("k")
        .annotate(n=Count("pk"))
        .order_by("k")
    )
    kode = [k for k, _n in wilayah if k]
    nama = dict(Wilayah.objects.filter(kode__in=kode).values_list("kode", "nama")) if kode else {}
    pemilihan = list(
        qs.values_list("pemilihan__kode", "pemilihan__nama", "pemilihan__tahun").annotate(
            n=Count("pk")
        )
    )
    pilihan = {
        name: dict(qs.values_list(name).annotate(n=Count("pk")).order_by())
        for name in modul.filter_fields
    }
    return {
        "bulan": bulan,
        "wilayah": wilayah,
        "nama_wilayah": nama,
        "panjang": panjang,
        "pemilihan": pemilihan,
        "pilihan": pilihan,
    }


def hitung_tersimpan(modul, saringan, token):
    kunci = f"statistik:{token}:{modul.kode}:{saringan.kunci()}"
    data = cache.get(kunci)
    if data is None:
        data = hitung(modul, saringan)
        cache.set(kunci, data, UMUR_CACHE)
    return data


# ---- tables -------------------------------------------------------------------------------


@dataclass
class Tabel:
    """One statistics table: its rows are exactly what its chart draws and its CSV holds."""

    kode: str
    judul: str
    kolom: tuple
    baris: list  # [(code, label, count)]
    tautan: list = field(default_factory=list)  # drill-down query string per row, or ""
    unduh: str = ""  # URL of its CSV

    @property
    def jumlah(self):
        return sum(n for _k, _l, n in self.baris)

    @property
    def isi(self):
        tautan = self.tautan or [""] * len(self.baris)
        return [(k, lb, n, t) for (k, lb, n), t in zip(self.baris, tautan, strict=True)]

    def grafik(self):
        return grafik.batang(self.kode, self.judul, [(lb, n) for _k, lb, n in self.baris])

    def csv(self) -> str:
        return ekspor.teks_csv(
            [str(k) for k in self.kolom], ([str(k), str(lb), n] for k, lb, n in self.baris)
        )


def _kolom_jumlah():
    return _("Jumlah rekaman publik")


def _tabel_bulan(data):
    angka = dict(data["bulan"])
    bulan = sorted(angka)
    if bulan and _selisih_bulan(bulan[0], bulan[-1]) <= BULAN_MAKS:
        semua, b = [], bulan[0]
        while b <= bulan[-1]:
            semua.append(b)
            b = (b + dt.timedelta(days=32)).replace(day=1)
        bulan = semua
    return Tabel(
        "bulan",
        _("Rekaman publik per bulan pelaporan"),
        (_("Periode"), _("Bulan"), _kolom_jumlah()),
        [(f"{b:%Y-%m}", date_format(b, "F Y"), angka.get(b, 0)) for b in bulan],
    )


def _selisih_bulan(a, b):
    return (b.year - a.year) * 12 + b.month - a.month


def _tabel_wilayah(data, saringan, wilayah):
    panjang = data["panjang"]
    nama = data["nama_wilayah"]
    tanpa_rincian = {
        5: _("%(nama)s (tanpa rincian kabupaten/kota)"),
        8: _("%(nama)s (tanpa rincian kecamatan)"),
    }
    baris, tautan = [], []
    for kode, n in data["wilayah"]:
        if not kode:
            baris.append(("", _("Tanpa wilayah (Bawaslu RI)"), n))
            tautan.append("")
            continue
        label = nama.get(kode, kode)
        if len(kode) < panjang:
            label = tanpa_rincian[panjang] % {"nama": label}
        baris.append((kode, label, n))
        bisa_dirinci = len(kode) == panjang and panjang < 8
        tautan.append(saringan.query(wilayah=kode) if bisa_dirinci else "")
    # rows without a region last
    urut = sorted(zip(baris, tautan, strict=True), key=lambda bt: (bt[0][0] == "", bt[0][0]))
    if wilayah is None:
        judul = _("Rekaman publik per provinsi")
    elif panjang == 5:
        judul = _("Rekaman publik per kabupaten/kota di %(w)s") % {"w": wilayah.nama}
    else:
        judul = _("Rekaman publik per kecamatan di %(w)s") % {"w": wilayah.nama}
    return Tabel(
        "wilayah",
        judul,
        (_("Kode wilayah"), _("Wilayah"), _kolom_jumlah()),
        [b for b, _t in urut],
        [t for _b, t in urut],
    )


def _tabel_pemilihan(data):
    rows = sorted(data["pemilihan"], key=lambda r: (r[0] is None, -(r[2] or 0), r[0] or ""))
    return Tabel(
        "pemilihan",
        _("Rekaman publik per pemilihan"),
        (_("Kode pemilihan"), _("Pemilihan"), _kolom_jumlah()),
        [(k or "", nm if k else _("Tanpa pemilihan"), n) for k, nm, _t, n in rows],
    )


def _tabel_pilihan(modul, name, data):
    f = modul.field(name)
    angka = dict(data["pilihan"][name])
    baris = [(str(v), str(label), angka.pop(v, 0)) for v, label in f.flatchoices]
    # not filled in yet (a case before its study), or a value stored before a choice was
    # renamed: still counted, under its code
    kosong = angka.pop(None, 0) + angka.pop("", 0)
    baris += [(str(v), str(v), n) for v, n in sorted(angka.items(), key=lambda vn: str(vn[0]))]
    if kosong:
        baris.append(("", _("Belum diisi"), kosong))
    return Tabel(
        name,
        _("Rekaman publik menurut %(f)s") % {"f": f.verbose_name},
        (_("Kode"), str(f.verbose_name).capitalize(), _kolom_jumlah()),
        baris,
    )


def susun_tabel(modul, data, saringan, wilayah) -> list[Tabel]:
    return [
        _tabel_bulan(data),
        _tabel_wilayah(data, saringan, wilayah),
        _tabel_pemilihan(data),
        *(_tabel_pilihan(modul, n, data) for n in modul.filter_fields),
    ]


# ---- views --------------------------------------------------------------------------------


def indeks(request):
    """`/statistik/`: public rows per module and election, and a way into each module."""
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)

    def isi():
        r = ringkasan()
        tabel = Tabel(
            "modul",
            _("Rekaman publik per modul"),
            (_("Modul"), _("Nama"), _kolom_jumlah()),
            [(m.kode, str(m.nama), n) for m, n in r.per_modul],
        )
        return {"ringkasan": r, "tabel": tabel}

    return render(
        request,
        "portal/statistik.html",
        {"isi": isi, "token": token, "moduls": registry.all_modules()},
    )


@dataclass
class Statistik:
    """One module's statistics under a filter, as a page or a CSV needs them."""

    modul: object
    saringan: Saringan
    wilayah: object
    errors: list
    pemilihan_list: list
    tabel: list


def _siapkan(request, kode) -> Statistik:
    modul = registry.get(kode)
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)
    pemilihan_list = list(Pemilihan.objects.all())
    saringan = baca(modul, request.GET, tingkat_wilayah=TINGKAT_WILAYAH)
    wilayah, errors = saringan.wilayah_obj, list(saringan.errors)
    data = hitung_tersimpan(modul, saringan, token)
    tabel = susun_tabel(modul, data, saringan, wilayah)
    csv_url = reverse("portal:statistik_csv", args=[modul.kode])
    for t in tabel:
        t.unduh = csv_url + saringan.query(tabel=t.kode)
    return Statistik(modul, saringan, wilayah, errors, pemilihan_list, tabel)


def halaman_modul(request, modul):
    """`/statistik/<modul>/`: every table of one module under the filter, with its chart."""
    st = _siapkan(request, modul)
    induk = None
    if st.wilayah is not None and len(st.wilayah.kode) == 5:
        induk = (st.saringan.query(wilayah=st.wilayah.kode[:2]), st.wilayah.induk)
    return render(
        request,
        "portal/statistik_modul.html",
        {
            "st": st,
            "modul": st.modul,
            "induk": induk,
            "nasional": st.saringan.query(wilayah=""),
            "pilihan_filter": st.saringan.pilihan_form(),
            "jumlah": st.tabel[0].jumlah,
        },
    )


def unduh_csv(request, modul):
    """`/statistik/<modul>.csv?tabel=…&<filters>`: the rows of one table, as the page shows
    them (codes and labels as text, counts as plain integers)."""
    st = _siapkan(request, modul)
    errors = st.errors
    pilih = nilai(request.GET, "tabel", errors) or "bulan"
    per_kode = {t.kode: t for t in st.tabel}
    if pilih not in per_kode:
        errors.append(
            _("Tabel: “%(v)s” tidak ada; pilih salah satu dari: %(daftar)s.")
            % {"v": pilih[:50], "daftar": ", ".join(per_kode)}
        )
    if errors:
        return HttpResponseBadRequest(
            "\n".join(errors) + "\n", content_type="text/plain; charset=utf-8"
        )
    response = HttpResponse(per_kode[pilih].csv(), content_type=ekspor.MEDIA["csv"])
    nama = f"statistik-{st.modul.kode}-{pilih}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response
