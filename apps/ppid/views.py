"""The public portal. Every query here starts from `.public()` and shows only the module's
public fields (DESIGN §3, §5)."""

from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from apps.core import registry, tampilan
from apps.core.filters import pilihan_filter, saring
from apps.core.models import Pemilihan
from apps.core.views import kirim_berkas
from apps.organisasi.models import Satker

PER_HALAMAN = 50


def _publik(modul):
    return modul.model.objects.public().select_related("satker", "wilayah", "pemilihan")


def beranda(request):
    moduls = registry.all_modules()
    terbaru = []
    for modul in moduls:
        terbaru += [(modul, r) for r in _publik(modul).order_by("-periode", "-id")[:5]]
    terbaru.sort(key=lambda mr: (mr[1].periode, mr[1].pk), reverse=True)
    return render(request, "ppid/beranda.html", {"moduls": moduls, "terbaru": terbaru[:10]})


def katalog(request):
    return render(request, "ppid/katalog.html", {"moduls": registry.all_modules()})


def daftar(request, modul):
    """Newest-first public rows, paged without COUNT(*) (DESIGN §7a): one extra row tells
    whether a next page exists."""
    modul = registry.get(modul)
    qs, errors = saring(_publik(modul), modul, request.GET, staf=False)
    try:
        hal = max(1, int(request.GET.get("hal", "1")))
    except ValueError:
        hal = 1
    start = (hal - 1) * PER_HALAMAN
    rows = list(qs.order_by("-periode", "-id")[start : start + PER_HALAMAN + 1])
    ada_berikut = len(rows) > PER_HALAMAN
    rows = rows[:PER_HALAMAN]
    kolom = [tampilan.label(modul.model, n) for n in modul.list_fields]
    return render(
        request,
        "ppid/daftar.html",
        {
            "modul": modul,
            "kolom": kolom,
            "baris": [(r, [tampilan.nilai(r, n) for n in modul.list_fields]) for r in rows],
            "hal": hal,
            "ada_berikut": ada_berikut,
            "errors": errors,
            "pilihan_filter": pilihan_filter(modul, request.GET),
            "pemilihan_list": Pemilihan.objects.all(),
        },
    )


def detail(request, modul, pk):
    modul = registry.get(modul)
    rekaman = get_object_or_404(_publik(modul), pk=pk)
    return render(
        request,
        "ppid/detail.html",
        {
            "modul": modul,
            "rekaman": rekaman,
            "fields": tampilan.baris(rekaman, modul.semua_public_fields),
            "anak": [(i, tampilan.anak(rekaman, i)) for i in modul.inlines if i.publik],
            "berkas": tampilan.berkas(rekaman, modul.public_fields),
        },
    )


def unduh_berkas(request, modul, pk, field):
    """A public record's file, only when the field is one of the module's public fields."""
    modul = registry.get(modul)
    if field not in modul.public_fields:
        raise Http404
    rekaman = get_object_or_404(_publik(modul), pk=pk)
    return kirim_berkas(rekaman, field)


def satker(request, kode):
    kantor = get_object_or_404(Satker.objects.select_related("induk", "wilayah"), kode=kode)
    per_modul = []
    for modul in registry.all_modules():
        rows = list(_publik(modul).filter(satker=kantor).order_by("-periode", "-id")[:10])
        if rows:
            per_modul.append((modul, rows))
    return render(request, "ppid/satker.html", {"kantor": kantor, "per_modul": per_modul})


def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means not ready
        return JsonResponse({"status": "database tidak dapat dijangkau"}, status=503)
    return JsonResponse({"status": "ok"})
