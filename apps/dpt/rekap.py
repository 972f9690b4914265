"""The public roll-up of voter-list figures: nation → province → kab/kota → kecamatan → desa.

Only `Dpt.objects.public()` is read. Of the public reports of one election and stage, a report
is *counted* unless a newer public report — a later month, or the same month entered later —
covers the same region, a region above it or a region under it. Counted reports therefore
cover disjoint areas: no voter is counted twice, whichever level each office entered its
figures at, and every area shows its latest published month. Every level sums the same
counted reports, grouped by the first 2, 5, 8 or 13 characters of their region code, so a
province row equals the sum of its kab/kota rows.
"""

from dataclasses import dataclass, field

from django.db.models import CharField, Count, Exists, F, Max, Min, OuterRef, Q, Sum, Value
from django.db.models.functions import Concat, Substr
from django.db.models.lookups import StartsWith

from apps.dpt.models import PANJANG_KODE, Dpt
from apps.wilayah.models import Tingkat

ANGKA = (
    "jumlah_tps",
    "pemilih_laki",
    "pemilih_perempuan",
    "pemilih_total",
    "temuan_tidak_terdaftar",
    "temuan_tms",
    "temuan_ganda",
    "temuan_salah_tps",
    "saran_perbaikan",
    "saran_ditindaklanjuti",
)
# length of the area's code -> length of the codes of the rows under it
PANJANG_ANAK = {
    0: PANJANG_KODE[Tingkat.PROVINSI],
    PANJANG_KODE[Tingkat.PROVINSI]: PANJANG_KODE[Tingkat.KABKOTA],
    PANJANG_KODE[Tingkat.KABKOTA]: PANJANG_KODE[Tingkat.KECAMATAN],
    PANJANG_KODE[Tingkat.KECAMATAN]: PANJANG_KODE[Tingkat.DESA],
}


@dataclass
class Jumlah:
    """The summed figures of one row of the roll-up."""

    kode: str
    laporan: int = 0
    periode_awal: object = None
    periode_akhir: object = None
    angka: dict = field(default_factory=lambda: dict.fromkeys(ANGKA, 0))

    def tambah(self, lain):
        self.laporan += lain.laporan
        for name in ANGKA:
            self.angka[name] += lain.angka[name]
        awal = [p for p in (self.periode_awal, lain.periode_awal) if p]
        akhir = [p for p in (self.periode_akhir, lain.periode_akhir) if p]
        self.periode_awal = min(awal) if awal else None
        self.periode_akhir = max(akhir) if akhir else None


def kabkota(kolom="wilayah_id"):
    """The kab/kota code of a report's region: the first five characters of its code."""
    return Substr(kolom, 1, PANJANG_KODE[Tingkat.KABKOTA], output_field=CharField())


def dihitung(pemilihan, tahap):
    """The public reports of `pemilihan` and `tahap` that the roll-up counts.

    Overlapping regions always share their kab/kota, so the search for a newer overlapping
    report stays within one kab/kota (index `dpt_rekap_kabkota`); without that, the national
    page compared every report with every other one."""
    publik = Dpt.objects.public().filter(pemilihan=pemilihan, tahap=tahap)
    kode_luar = OuterRef("wilayah_id")
    lebih_baru = (
        publik.annotate(kabkota=kabkota())
        .filter(kabkota=kabkota(kode_luar))
        .filter(
            Q(periode__gt=OuterRef("periode"))
            | Q(periode=OuterRef("periode"), pk__gt=OuterRef("pk"))
        )
        .filter(
            Q(wilayah_id=kode_luar)
            | Q(wilayah__kode__startswith=Concat(kode_luar, Value("."), output_field=CharField()))
            | Q(
                StartsWith(kode_luar, Concat(F("wilayah_id"), Value("."), output_field=CharField()))
            )
        )
    )
    return publik.filter(~Exists(lebih_baru))


def per_wilayah(pemilihan, tahap, kode_induk=""):
    """{row code: Jumlah} for the area `kode_induk` ("" = Indonesia), one row per region one
    level down; figures entered at the area's own level come under the area's own code.
    One query."""
    qs = dihitung(pemilihan, tahap)
    if kode_induk:
        qs = qs.filter(Q(wilayah_id=kode_induk) | Q(wilayah__kode__startswith=kode_induk + "."))
    panjang = PANJANG_ANAK[len(kode_induk)]
    rows = (
        qs.annotate(kode=Substr("wilayah_id", 1, panjang, output_field=CharField()))
        .values("kode")
        .annotate(
            laporan=Count("pk"),
            periode_awal=Min("periode"),
            periode_akhir=Max("periode"),
            **{f"jumlah_{name}": Sum(name) for name in ANGKA},
        )
        .order_by("kode")
    )
    return {
        r["kode"]: Jumlah(
            kode=r["kode"],
            laporan=r["laporan"],
            periode_awal=r["periode_awal"],
            periode_akhir=r["periode_akhir"],
            angka={name: r[f"jumlah_{name}"] for name in ANGKA},
        )
        for r in rows
    }
