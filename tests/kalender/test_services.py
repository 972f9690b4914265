from datetime import date

import pytest

from apps.kalender.models import BatasWaktu, HariLibur
from apps.kalender.services import (
    BatasWaktuTidakDikenal,
    hari_kerja_antara,
    jatuh_tempo,
    sisa_hari,
)

pytestmark = pytest.mark.django_db


def hari_kerja(n):
    """An unsaved limit of n working days, so each case states its own length."""
    return BatasWaktu(kode=f"uji_{n}", nama="uji", panjang=n, satuan="hari_kerja")


@pytest.mark.parametrize(
    ("mulai", "n", "hasil", "alasan"),
    [
        # Mon 2024-07-01 … no holidays until 17 Aug
        (date(2024, 7, 1), 3, date(2024, 7, 4), "hari biasa"),
        (date(2024, 7, 3), 3, date(2024, 7, 8), "melewati Sabtu dan Minggu"),
        (date(2024, 7, 5), 1, date(2024, 7, 8), "mulai hari Jumat"),
        (date(2024, 7, 6), 1, date(2024, 7, 8), "mulai hari Sabtu"),
        # Thu 2024-05-09 Kenaikan (libur), Fri 10 May cuti bersama
        (date(2024, 5, 8), 1, date(2024, 5, 13), "libur nasional dan cuti bersama"),
        # Mon 2024-03-11 Nyepi (libur), Tue 12 Mar cuti bersama
        (date(2024, 3, 8), 2, date(2024, 3, 14), "libur nasional di dalam rentang"),
        # Tue 2025-05-13 cuti bersama Waisak only (Mon 12 May is the holiday)
        (date(2025, 5, 12), 1, date(2025, 5, 14), "cuti bersama di dalam rentang"),
        # Wed 2024-04-10 Idulfitri: the day itself never counts
        (date(2024, 4, 10), 1, date(2024, 4, 16), "mulai pada hari libur"),
        # Fri 5 Apr 2024: 8, 9 cuti, 10, 11 libur, 12 cuti, 15 cuti → Tue 16, Wed 17
        (date(2024, 4, 5), 2, date(2024, 4, 17), "libur Idulfitri 2024"),
        (date(2024, 1, 30), 3, date(2024, 2, 2), "akhir bulan"),
        # 25 Dec libur, 26 Dec cuti bersama, 28–29 weekend
        (date(2024, 12, 24), 3, date(2024, 12, 31), "akhir tahun"),
        # 1 Jan 2026 libur nasional
        (date(2025, 12, 29), 3, date(2026, 1, 2), "melewati pergantian tahun"),
        # 2026 from lokal-id: 20 Mar cuti, 23–24 Mar cuti (21–22 libur on a weekend)
        (date(2026, 3, 18), 2, date(2026, 3, 26), "Idulfitri 2026"),
    ],
)
def test_jatuh_tempo_hari_kerja(mulai, n, hasil, alasan):
    assert jatuh_tempo(mulai, hari_kerja(n)) == hasil, alasan


def test_hari_kalender_tidak_melewati_libur():
    # putusan_sengketa: 12 hari, over the whole Idulfitri 2024 block
    assert jatuh_tempo(date(2024, 4, 5), "putusan_sengketa") == date(2024, 4, 17)
    assert jatuh_tempo(date(2024, 12, 24), "penanganan_pelanggaran") == date(2024, 12, 31)
    assert jatuh_tempo(date(2024, 4, 5), "laporan_pelanggaran") == date(2024, 4, 12)


def test_kode_dan_objek_sama():
    batas = BatasWaktu.objects.get(kode="registrasi_sengketa")
    mulai = date(2024, 12, 24)
    assert jatuh_tempo(mulai, batas) == jatuh_tempo(mulai, "registrasi_sengketa")
    assert jatuh_tempo(mulai, batas) == date(2024, 12, 31)


def test_jawaban_ppid_sepuluh_hari_kerja():
    # Mon 2025-03-24: 25–27 Mar count (3), 28 Mar cuti, 31 Mar–1 Apr libur, 2–4 and 7 Apr
    # cuti, then 8–11 and 14–16 Apr (7)
    assert jatuh_tempo(date(2025, 3, 24), "jawaban_ppid") == date(2025, 4, 16)


def test_libur_yang_ditambah_admin_ikut_dihitung():
    mulai = date(2024, 7, 1)
    assert jatuh_tempo(mulai, hari_kerja(1)) == date(2024, 7, 2)
    HariLibur.objects.create(
        tanggal=date(2024, 7, 2), nama="Uji", jenis="cuti_bersama", dasar="uji"
    )
    assert jatuh_tempo(mulai, hari_kerja(1)) == date(2024, 7, 3)


def test_rentang_libur_panjang_memperluas_jendela():
    # 60 days off in a row from 2024-07-02 outgrow the first window (1 × 7 // 5 + 31 days)
    awal = date(2024, 7, 2).toordinal()
    HariLibur.objects.bulk_create(
        [
            HariLibur(
                tanggal=date.fromordinal(awal + i), nama="Uji", jenis="cuti_bersama", dasar="uji"
            )
            for i in range(60)
        ],
        ignore_conflicts=True,
    )
    # the last is 2024-08-30 (Fri); the next working day is Mon 2 Sep
    assert jatuh_tempo(date(2024, 7, 1), hari_kerja(1)) == date(2024, 9, 2)


def test_satu_kueri_per_panggilan(django_assert_num_queries):
    batas = BatasWaktu.objects.get(kode="pengajuan_keberatan")
    with django_assert_num_queries(1):
        jatuh_tempo(date(2024, 3, 1), batas)
    with django_assert_num_queries(2):
        jatuh_tempo(date(2024, 3, 1), "pengajuan_keberatan")


def test_kode_tidak_dikenal():
    with pytest.raises(BatasWaktuTidakDikenal, match="“tidak_ada” tidak dikenal"):
        jatuh_tempo(date(2024, 1, 1), "tidak_ada")


@pytest.mark.parametrize(
    ("mulai", "n"),
    [
        (date(2024, 4, 5), 2),
        (date(2024, 12, 24), 3),
        (date(2025, 3, 24), 10),
        (date(2026, 1, 1), 30),
    ],
)
def test_hari_kerja_antara_kebalikan_jatuh_tempo(mulai, n):
    assert hari_kerja_antara(mulai, jatuh_tempo(mulai, hari_kerja(n))) == n


def test_hari_kerja_antara_kosong():
    assert hari_kerja_antara(date(2024, 4, 5), date(2024, 4, 5)) == 0
    assert hari_kerja_antara(date(2024, 4, 5), date(2024, 4, 1)) == 0
    assert hari_kerja_antara(date(2024, 4, 5), date(2024, 4, 15)) == 0


def test_sisa_hari():
    tempo = date(2024, 4, 17)
    assert sisa_hari(tempo, date(2024, 4, 10)) == 7
    assert sisa_hari(tempo, tempo) == 0
    assert sisa_hari(tempo, date(2024, 4, 19)) == -2
