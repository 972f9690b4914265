"""The public portal. Every query here starts from `.public()` and shows only the module's
public fields (DESIGN §3, §5)."""

from functools import partial

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core import berkas, publik, publikasi, registry, saringan, tampilan
from apps.core.models import Pemilihan
from apps.core.publik import Jenis
from apps.organisasi.models import Satker, TingkatSatker
from apps.portal import statistik

PER_HALAMAN = 50
TERBARU = 10  # records in the home page's "latest published" list
# list orders: both read the partial public index (-periode, -id), forwards or backwards
URUTAN = {
    "baru": (gettext_lazy("Periode terbaru dahulu"), ("-periode", "-id")),
    "lama": (gettext_lazy("Periode terlama dahulu"), ("periode", "id")),
}


def _publik(modul):
    """Public rows with the related rows their columns show (child rows not read)."""
    return publik.baca(modul).qs(anak=False)


def beranda(request):
    """What the portal is, its headline figures from public data (per module and per
    election, the national budget absorption), the latest published records and the ways in.
    Everything below the token is read only when the page is not cached under it."""
    moduls = registry.all_modules()
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)

    def terbaru(n=TERBARU):
        # the newest n of every module, then the newest n of those: fewer per module would
        # skip a module's newer records when it has most of the newest
        rows = []
        for modul in moduls:
            rows += [(modul, r) for r in _publik(modul).order_by("-periode", "-id")[:n]]
        rows.sort(key=lambda mr: (mr[1].periode, mr[1].pk), reverse=True)
        return rows[:n]

    return render(
        request,
        "portal/beranda.html",
        {
            "moduls": moduls,
            "angka": statistik.ringkasan,
            "angka_modul": statistik.angka_utama_modul,
            "terbaru": terbaru,
            "token": token,
        },
    )


def katalog(request):
    """The datasets with their coverage (first and last month, provinces), last update and
    license, all read from public rows only (the DCAT catalog's summary), cached under the
    publication token."""
    from apps.opendata.dcat import ringkasan_publik
    from apps.opendata.unduh import lisensi

    moduls = registry.all_modules()
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)

    def dataset():
        ringkasan = ringkasan_publik()
        return [(m, ringkasan[m.kode]) for m in moduls]

    return render(
        request,
        "portal/katalog.html",
        {"moduls": moduls, "dataset": dataset, "token": token, "lisensi": lisensi()},
    )


def daftar(request, modul):
    """Newest-first public rows, paged without COUNT(*) (DESIGN §7a): one extra row tells
    whether a next page exists. The rows are read and rendered only when the page is not in
    the cache under the current public-content token."""
    modul = registry.get(modul)
    s = saringan.baca(modul, request.GET)
    qs, errors = s.terapkan(_publik(modul)), list(s.errors)
    urut = saringan.nilai(request.GET, "urut", errors) or "baru"
    if urut not in URUTAN:
        errors.append(_("Urutan “%(v)s” tidak dikenal.") % {"v": urut})
        urut = "baru"
    hal = saringan.nomor_halaman(request.GET, errors)
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)
    return render(
        request,
        "portal/daftar.html",
        {
            "modul": modul,
            "kolom": [tampilan.label(modul.model, n) for n in modul.list_fields],
            "halaman": partial(_halaman_daftar, modul, qs, hal, URUTAN[urut][1]),
            "urut": urut,
            "pilihan_urut": [(k, label) for k, (label, _o) in URUTAN.items()],
            "hal": hal,
            "token": token,
            "errors": errors,
            "pilihan_filter": s.pilihan_form(),
            "pemilihan_list": Pemilihan.objects.all(),
        },
    )


def _halaman_daftar(modul, qs, hal, urutan=("-periode", "-id")):
    start = (hal - 1) * PER_HALAMAN
    rows = list(qs.order_by(*urutan)[start : start + PER_HALAMAN + 1])
    detail = publik.pola_url("portal:detail", modul.kode, publik.ID)
    satker = publik.pola_url("portal:satker", publik.ID)
    judul = (
        modul.list_fields.index(modul.judul_field) if modul.judul_field in modul.list_fields else 0
    )
    kolom = tampilan.penyaji(modul.model, modul.list_fields)
    baris = [
        {
            "url": detail(r.pk),
            "satker_url": satker(r.satker.kode),
            "satker": r.satker.nama,
            "sel": [(f(r), i == judul) for i, f in enumerate(kolom)],
        }
        for r in rows[:PER_HALAMAN]
    ]
    return {"baris": baris, "ada_berikut": len(rows) > PER_HALAMAN}


def detail(request, modul, pk):
    modul = registry.get(modul)
    baca = publik.baca(modul)
    rekaman = get_object_or_404(baca.qs(), pk=pk)
    return render(
        request,
        "portal/detail.html",
        {
            "modul": modul,
            "rekaman": rekaman,
            "fields": baca.baris(rekaman),
            "anak": baca.baris_anak(rekaman),
            "berkas": baca.berkas(rekaman),
        },
    )


def unduh_berkas(request, modul, pk, field):
    """A public record's file, only when the field is one of the module's public fields."""
    modul = registry.get(modul)
    if not any(k.nama == field and k.jenis is Jenis.BERKAS for k in publik.baca(modul).kolom):
        raise Http404
    rekaman = get_object_or_404(_publik(modul), pk=pk)
    return berkas.kirim_field(rekaman, field)


def satker(request, kode):
    """An office: what it is (level, region, the office above it, the offices under it), how
    many records it has published per module, its latest published records per module and
    its agreements with their validity. Public rows only."""
    kantor = get_object_or_404(Satker.objects.select_related("induk", "wilayah"), kode=kode)
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)
    moduls = registry.all_modules()

    def isi():
        jumlah = statistik.jumlah_per_modul(satker=kantor)
        per_modul = [_blok_satker(modul, kantor) for modul in moduls if jumlah.get(modul.kode)]
        return {
            "angka": [(m, jumlah.get(m.kode, 0)) for m in moduls],
            "per_modul": per_modul,
            # the offices under it: a province's kab/kota, Bawaslu RI's provinces
            "bawahan": list(Satker.objects.filter(induk=kantor).only("kode", "nama"))
            if kantor.tingkat != TingkatSatker.KABKOTA
            else [],
        }

    return render(
        request,
        "portal/satker.html",
        {
            "kantor": kantor,
            "isi": isi,
            "token": token,
        },
    )


def _blok_satker(modul, kantor):
    """One module's block on an office's page, as its registry entry says (`BlokSatker`):
    the office's public records with their public child rows; `lebih` says whether there are
    more than shown."""
    blok = modul.blok_satker
    rows = list(
        publik.baca(modul).qs().filter(satker=kantor).order_by(*blok.urutan)[: blok.batas + 1]
    )
    return {
        "modul": modul,
        "templat": blok.templat,
        "rows": rows[: blok.batas],
        "lebih": len(rows) > blok.batas,
    }
