"""The PPID page (/ppid/): what the PPID is, how to ask for information, and the public
information per category — public records of every registered module (`.public()` only, the
newest few per module) and the documents the PPID published."""

from collections.abc import Callable
from dataclasses import dataclass

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from apps.core import publikasi, registry
from apps.core.berkas import kirim
from apps.core.models import Klasifikasi
from apps.kalender.models import BatasWaktu
from apps.ppid import services
from apps.ppid.models import KATEGORI_PUBLIK, DokumenPublik

# newest public records shown per module and category, and documents per category
PER_MODUL = 5
DOKUMEN_PER_KATEGORI = 20

KODE_BATAS = (
    services.JAWABAN,
    services.PERPANJANGAN,
    services.PENGAJUAN_KEBERATAN,
    services.TANGGAPAN_KEBERATAN,
)


def batas_waktu() -> dict:
    """The PPID's legal time limits by code, as the calendar app holds them (never constants
    in a page)."""
    return {b.kode: b for b in BatasWaktu.objects.filter(kode__in=KODE_BATAS)}


PENJELASAN = {
    Klasifikasi.BERKALA: _(
        "Informasi yang wajib disediakan dan diumumkan secara berkala (UU 14/2008 Pasal 9)."
    ),
    Klasifikasi.SERTA_MERTA: _(
        "Informasi yang dapat mengancam hajat hidup orang banyak dan ketertiban umum, "
        "diumumkan tanpa penundaan (UU 14/2008 Pasal 10)."
    ),
    Klasifikasi.SETIAP_SAAT: _(
        "Informasi yang wajib tersedia setiap saat dan dapat diperoleh tanpa menunggu "
        "permohonan bila sudah diumumkan (UU 14/2008 Pasal 11)."
    ),
}


@dataclass(frozen=True)
class Kategori:
    kode: str
    label: str
    penjelasan: str
    dokumen: list
    # [(modul, [records])], read only when the page's cached part misses (the template
    # calls it inside {% cache %})
    rekaman: Callable


def _rekaman(kode):
    def baca():
        per_modul = []
        for modul in registry.all_modules():
            rows = list(
                modul.model.objects.public()
                .filter(klasifikasi=kode)
                .select_related("satker")
                .order_by("-periode", "-id")[:PER_MODUL]
            )
            if rows:
                per_modul.append((modul, rows))
        return per_modul

    return baca


def halaman(request):
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)
    kategori = [
        Kategori(
            kode=kode,
            label=label,
            penjelasan=PENJELASAN[kode],
            # documents are few and not behind the publication token: read every time
            dokumen=list(
                DokumenPublik.objects.terbit()
                .filter(kategori=kode)
                .select_related("satker")
                .order_by("-tanggal", "-id")[:DOKUMEN_PER_KATEGORI]
            ),
            rekaman=_rekaman(kode),
        )
        for kode, label in KATEGORI_PUBLIK
    ]
    return render(
        request,
        "ppid/ppid.html",
        {"kategori": kategori, "batas": batas_waktu(), "token": token},
    )


def dokumen_berkas(request, pk):
    """A published document's PDF, as an attachment; 404 for any other id."""
    dokumen = get_object_or_404(DokumenPublik.objects.terbit(), pk=pk)
    return kirim(dokumen.berkas, f"dokumen-ppid-{dokumen.pk}")
