"""The public absorption roll-up (serapan): from public monthly reports only.

For each budget line, its latest public month counts; per office the pagu and the cumulative
realisation of those lines are summed; provinces add their own office and the kab/kota offices
under it; the nation adds everything. Three queries whatever the number of rows.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, OuterRef, Subquery, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext

from apps.anggaran.models import Anggaran, hitung_serapan
from apps.organisasi.models import Satker, TingkatSatker


@dataclass
class Baris:
    """One row of the roll-up: an office, a province or the nation."""

    satker: Satker | None = None
    pagu: Decimal = Decimal(0)
    realisasi: Decimal = Decimal(0)
    jumlah_akun: int = 0
    posisi: object = None  # the latest month counted

    @property
    def sisa(self):
        return self.pagu - self.realisasi

    @property
    def serapan(self):
        return hitung_serapan(self.realisasi, self.pagu)

    def tambah(self, lain: "Baris"):
        self.pagu += lain.pagu
        self.realisasi += lain.realisasi
        self.jumlah_akun += lain.jumlah_akun
        if lain.posisi and (self.posisi is None or lain.posisi > self.posisi):
            self.posisi = lain.posisi


@dataclass
class Provinsi:
    total: Baris
    kantor: list[Baris] = field(default_factory=list)


@dataclass
class Rekap:
    tahun: int
    nasional: Baris
    pusat: Baris | None
    provinsi: list[Provinsi]


def tahun_tersedia() -> list[int]:
    """Fiscal years that have at least one public monthly report, newest first."""
    return list(
        Anggaran.objects.public()
        .order_by("-pagu_anggaran__tahun")
        .values_list("pagu_anggaran__tahun", flat=True)
        .distinct()
    )


def per_satker(tahun: int) -> list[dict]:
    """Per office: the summed pagu and cumulative realisation of the latest public report of
    each of its budget lines in `tahun` — the pagu as approved with that report
    (`pagu_laporan`), never the line's current pagu, which a revision changes unreviewed."""
    publik = Anggaran.objects.public()
    terakhir = (
        publik.filter(pagu_anggaran=OuterRef("pagu_anggaran"))
        .order_by("-periode")
        .values("periode")[:1]
    )
    return list(
        publik.filter(pagu_anggaran__tahun=tahun, periode=Subquery(terakhir))
        .values("satker")
        .annotate(
            pagu=Sum("pagu_laporan"),
            realisasi=Sum("realisasi_kumulatif"),
            posisi=Max("periode"),
            jumlah_akun=Count("id"),
        )
        .order_by()
    )


@dataclass
class Serapan:
    tahun: int
    pagu: Decimal
    realisasi: Decimal
    persen: Decimal | None


def serapan_nasional() -> Serapan | None:
    """The national budget absorption of the latest fiscal year with public reports (each
    budget line's latest public month). Two queries; None without public reports."""
    tahun = tahun_tersedia()
    if not tahun:
        return None
    total = Baris()
    for r in per_satker(tahun[0]):
        total.tambah(Baris(None, r["pagu"], r["realisasi"], r["jumlah_akun"], r["posisi"]))
    return Serapan(tahun[0], total.pagu, total.realisasi, total.serapan)


def angka_utama() -> list[tuple[str, str]]:
    """The home page's headline figure of this module (`Modul.angka_utama`)."""
    serapan = serapan_nasional()
    if serapan is None or serapan.persen is None:
        return []
    persen = number_format(serapan.persen, 2, use_l10n=True, force_grouping=True)
    return [
        (
            f"{persen}%",
            gettext("serapan anggaran nasional TA %(tahun)s (dari laporan publik)")
            % {"tahun": serapan.tahun},
        )
    ]


def rekap(tahun: int) -> Rekap:
    rows = per_satker(tahun)
    kantor = Satker.objects.select_related("wilayah", "induk__wilayah").in_bulk(
        [r["satker"] for r in rows]
    )
    nasional, pusat, provinsi = Baris(), None, {}
    for r in rows:
        satker = kantor[r["satker"]]
        baris = Baris(satker, r["pagu"], r["realisasi"], r["jumlah_akun"], r["posisi"])
        nasional.tambah(baris)
        if satker.tingkat == TingkatSatker.PUSAT:
            pusat = baris
            continue
        induk = satker if satker.tingkat == TingkatSatker.PROVINSI else satker.induk
        grup = provinsi.setdefault(induk.pk, Provinsi(Baris(induk)))
        grup.total.tambah(baris)
        grup.kantor.append(baris)
    for grup in provinsi.values():
        # the provincial office first, then its kab/kota offices by code
        grup.kantor.sort(key=lambda b: (b.satker.tingkat != TingkatSatker.PROVINSI, b.satker.kode))
    urut = sorted(provinsi.values(), key=lambda g: g.total.satker.kode)
    return Rekap(tahun=tahun, nasional=nasional, pusat=pusat, provinsi=urut)
