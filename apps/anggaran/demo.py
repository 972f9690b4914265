"""Demo budget lines and monthly realisation reports (seed_demo, the shared tests).

Amounts are illustrative, scaled to a kab/kota Bawaslu in the 2024 election year; the monthly
cumulative shares end at the national 2024 absorption (Rp15,68 T of Rp17,98 T = 87,24%).
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Max

from apps.anggaran.models import Anggaran, PaguAnggaran
from apps.organisasi.models import Satker, TingkatSatker

TAHUN = 2024
PROGRAM = ("115.01.DH", "Program Penyelenggaraan Pengawasan Pemilu")
KEGIATAN = ("6370", "Pengawasan Penyelenggaraan Pemilu dan Pemilihan")

# account code, description, share of the office's yearly budget
AKUN = [
    ("521211", "Belanja Bahan", Decimal("0.14")),
    ("524111", "Belanja Perjalanan Dinas Biasa", Decimal("0.33")),
    ("522151", "Belanja Jasa Profesi", Decimal("0.06")),
    ("521219", "Belanja Barang Non Operasional Lainnya", Decimal("0.47")),
]

# cumulative share of the pagu spent by the end of each month, January to December
SERAPAN_BULANAN = [
    Decimal(s)
    for s in (
        "0.045", "0.110", "0.190", "0.270", "0.340", "0.420",
        "0.500", "0.580", "0.660", "0.740", "0.810", "0.8724",
    )
]  # fmt: skip

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

# yearly budget of one office by level, before the per-office variation
TOTAL = {
    TingkatSatker.KABKOTA: Decimal(12_000_000_000),
    TingkatSatker.PROVINSI: Decimal(45_000_000_000),
    TingkatSatker.PUSAT: Decimal(900_000_000_000),
}
JUTA = Decimal(1_000_000)
RIBU = Decimal(1_000)

KANTOR_DEMO = ("18.72", "18.01")


def _pagu_awal(satker, bagian):
    """A stable, office-dependent amount in whole millions (offices differ, reruns do not)."""
    variasi = Decimal(80 + sum(int(c) for c in satker.kode if c.isdigit()) * 7 % 80) / 100
    nilai = TOTAL.get(satker.tingkat, TOTAL[TingkatSatker.KABKOTA]) * variasi * bagian
    return (nilai / JUTA).quantize(Decimal(1), ROUND_HALF_UP) * JUTA


def _laju(satker):
    """Offices spend at slightly different paces (0,94–1,03 × the national curve)."""
    return Decimal(94 + sum(int(c) for c in satker.kode if c.isdigit()) * 3 % 10) / 100


def pagu_demo(satker, tahun, akun):
    """The demo budget line of `satker` for `tahun` and account `akun`, created if missing."""
    kode, uraian, bagian = akun
    pagu, _created = PaguAnggaran.objects.get_or_create(
        satker=satker,
        tahun=tahun,
        kode_kegiatan=KEGIATAN[0],
        kode_akun=kode,
        defaults={
            "kode_program": PROGRAM[0],
            "program": PROGRAM[1],
            "kegiatan": KEGIATAN[1],
            "uraian_akun": uraian,
            "pagu": _pagu_awal(satker, bagian),
        },
    )
    return pagu


def demo_setup():
    """The four budget lines of 2024 for the demo offices (idempotent)."""
    for satker in Satker.objects.filter(kode__in=KANTOR_DEMO):
        for akun in AKUN:
            pagu_demo(satker, TAHUN, akun)


def _bulan_bebas(pagu, bulan):
    """The nominal month, or the month after the line's latest report when that is later: the
    hook returns a valid record however often it is called (a line has one report per month
    and its cumulative amount never goes down)."""
    terakhir = pagu.realisasi.aggregate(m=Max("periode"))["m"]
    if terakhir and terakhir.year == pagu.tahun:
        bulan = max(bulan, terakhir.month + 1)
    return bulan


def _laporan(satker, i):
    tahun, nominal = TAHUN + i // 12, i % 12 + 1
    akun = AKUN[i % len(AKUN)]
    pagu = pagu_demo(satker, tahun, akun)
    bulan = _bulan_bebas(pagu, nominal)
    while bulan > 12:
        tahun += 1
        pagu = pagu_demo(satker, tahun, akun)
        bulan = _bulan_bebas(pagu, 1)
    realisasi = (pagu.pagu * SERAPAN_BULANAN[bulan - 1] * _laju(satker) / RIBU).quantize(
        Decimal(1), ROUND_HALF_UP
    ) * RIBU
    return Anggaran(
        satker=satker,
        wilayah=satker.wilayah,
        pagu_anggaran=pagu,
        periode=dt.date(tahun, bulan, 1),
        # the nominal month, so that seed_demo (which looks records up by title) stays
        # idempotent when a rerun finds the month taken
        judul=(
            f"Realisasi {BULAN[nominal - 1]} {TAHUN + i // 12} — {pagu.kode_akun} "
            f"{pagu.uraian_akun}"
        ),
        realisasi_kumulatif=min(realisasi, pagu.pagu),
        # the services set it again under the line's lock; rows written in bulk keep this one
        pagu_laporan=pagu.pagu,
        catatan_internal=(
            "Catatan internal: angka sesuai SP2D s.d. akhir bulan; rekonsiliasi dengan KPPN "
            "dijadwalkan minggu pertama bulan berikutnya."
        ),
    )


def demo_records(satker, i):
    """Month i+1 of 2024 (then of the following years) for account i mod 4 of `satker`: each
    line's cumulative amount grows month by month and stays below its pagu. Works for any
    office (a provincial one too), since every office has its own budget lines."""
    return _laporan(satker, i)


def demo_serahkan(laporan, satker, i):
    """A demo record for another office: a budget line belongs to one office, so the record
    is made again on that office's own line rather than moved."""
    if laporan.pagu_anggaran.satker_id == satker.pk:
        return laporan
    return _laporan(satker, i)
