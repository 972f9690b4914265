"""Demo reports of voter-list supervision for any kab/kota office (seed_demo and the tests).

One stage per index, each in its reporting month along the Pemilu 2024 timeline, at the
kab/kota level, so the reports of one office for i in 0..7 never share election, stage, region
and month. When that month is already taken for the region (the tests ask for the same index
twice), the report moves to the next free month, so the uniqueness and the
either-kab/kota-or-finer rules always hold; its title keeps the timeline month, which is what
seed_demo recognises an existing demo report by. Figures are demo figures of a realistic size
(Kota Metro about 120 thousand voters) with total = male + female.
"""

import datetime as dt
import zlib

from django.db.models import Q

from apps.core.demo import pemilihan_demo
from apps.dpt.models import Dpt, Tahap
from apps.wilayah.models import Tingkat, Wilayah

# stage, its reporting month in the Pemilu 2024 timeline, share of the final DPT, findings
# (per 10,000 voters: not listed, TMS, double, wrong TPS), correction notices issued
URUTAN = [
    (Tahap.DP4, dt.date(2022, 12, 1), 1.062, (0, 0, 0, 0), 2),
    (Tahap.COKLIT, dt.date(2023, 3, 1), 1.041, (21, 34, 6, 11), 14),
    (Tahap.DPHP, dt.date(2023, 4, 1), 1.012, (9, 15, 4, 7), 9),
    (Tahap.DPSHP, dt.date(2023, 6, 1), 1.003, (3, 5, 1, 3), 5),
    (Tahap.DPT, dt.date(2023, 7, 1), 1.0, (1, 2, 1, 2), 3),
    (Tahap.DPS, dt.date(2023, 5, 1), 1.008, (6, 9, 2, 5), 7),
    (Tahap.DPTB, dt.date(2024, 1, 1), 0.0041, (0, 0, 0, 1), 1),
    (Tahap.DPK, dt.date(2024, 2, 1), 0.0023, (0, 0, 0, 0), 1),
]
BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
JUDUL_TAHAP = {Tahap.COKLIT: "Coklit"}

# final DPT of some kab/kota (demo figures of a realistic size)
DPT_KABKOTA = {"18.72": 120_415, "18.01": 781_306, "18.71": 762_040, "64.08": 276_512}


def _wilayah(satker):
    """The office's own kab/kota; for a provincial office or Bawaslu RI, its first one."""
    wilayah = satker.wilayah
    if wilayah is not None and wilayah.tingkat == Tingkat.KABKOTA:
        return wilayah
    qs = Wilayah.objects.filter(tingkat=Tingkat.KABKOTA).order_by("kode")
    if wilayah is not None:
        qs = qs.filter(kode__startswith=wilayah.kode + ".")
    return qs.first()


def _dpt_akhir(kode):
    if kode in DPT_KABKOTA:
        return DPT_KABKOTA[kode]
    return 90_000 + zlib.crc32(kode.encode()) % 900_000


def _geser(bulan, n):
    tahun, sisa = divmod(bulan.month - 1 + n, 12)
    return bulan.replace(year=bulan.year + tahun, month=sisa + 1)


def _bulan_bebas(wilayah, pemilihan, tahap, bulan):
    """The first month from `bulan` with no report of the stage for the region, a region
    above it or under it."""
    atas = [wilayah.kode[:n] for n in (5, 8) if n < len(wilayah.kode)]
    terpakai = set(
        Dpt.objects.filter(pemilihan=pemilihan, tahap=tahap, periode__gte=bulan)
        .filter(
            Q(wilayah_id__in=[wilayah.kode, *atas])
            | Q(wilayah__kode__startswith=wilayah.kode + ".")
        )
        .values_list("periode", flat=True)
    )
    while bulan in terpakai:
        bulan = _geser(bulan, 1)
    return bulan


def demo_records(satker, i):
    tahap, bulan, bagian, per_10rb, saran = URUTAN[i % len(URUTAN)]
    bulan = _geser(bulan, i // len(URUTAN))
    wilayah = _wilayah(satker)
    pemilihan = pemilihan_demo("pemilu-2024")
    periode = _bulan_bebas(wilayah, pemilihan, tahap, bulan)
    akhir = _dpt_akhir(wilayah.kode)
    total = round(akhir * bagian)
    laki = round(total * 0.4991)
    tps = 0 if tahap == Tahap.DP4 else max(1, round(akhir / 262))
    tidak_terdaftar, tms, ganda, salah_tps = (round(total * n / 10_000) for n in per_10rb)
    nama_tahap = JUDUL_TAHAP.get(tahap, tahap.label)
    return Dpt(
        satker=satker,
        wilayah=wilayah,
        pemilihan=pemilihan,
        periode=periode,
        judul=f"Pengawasan {nama_tahap} {wilayah.nama} {BULAN[bulan.month - 1]} {bulan.year}",
        tahap=tahap,
        jumlah_tps=tps,
        pemilih_laki=laki,
        pemilih_perempuan=total - laki,
        pemilih_total=total,
        temuan_tidak_terdaftar=tidak_terdaftar,
        temuan_tms=tms,
        temuan_ganda=ganda,
        temuan_salah_tps=salah_tps,
        saran_perbaikan=saran,
        saran_ditindaklanjuti=saran - (1 if saran > 2 else 0),
        keterangan=(
            f"Pengawasan {nama_tahap} oleh {satker.nama} bersama Panwaslu Kecamatan dan PKD; "
            "saran perbaikan disampaikan tertulis kepada KPU setempat. Angka contoh (demo)."
        ),
        catatan_internal="Catatan internal: kontak operator Sidalih KPU 0812-0000-0000.",
    )
