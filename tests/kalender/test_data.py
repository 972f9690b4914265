import importlib
from collections import Counter
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, transaction

from apps.kalender.models import BatasWaktu, HariLibur

pytestmark = pytest.mark.django_db

isi_hari_libur = importlib.import_module("apps.kalender.migrations.0002_isi_hari_libur")
isi_batas_waktu = importlib.import_module("apps.kalender.migrations.0003_isi_batas_waktu")


def test_jumlah_per_tahun_dan_jenis():
    jumlah = Counter((h.tanggal.year, h.jenis) for h in HariLibur.objects.all())
    assert jumlah == {
        (2024, "libur_nasional"): 19,
        (2024, "cuti_bersama"): 10,
        (2025, "libur_nasional"): 17,
        (2025, "cuti_bersama"): 11,
        (2026, "libur_nasional"): 17,
        (2026, "cuti_bersama"): 8,
    }


def test_hari_pemungutan_suara_libur_nasional():
    for tanggal in (date(2024, 2, 14), date(2024, 11, 27)):
        libur = HariLibur.objects.get(tanggal=tanggal)
        assert libur.jenis == "libur_nasional"
        assert "Keputusan Presiden" in libur.dasar


def test_2026_sama_dengan_lokal_id():
    import lokal.holidays

    tahun = lokal.holidays.get_holidays(2026)
    assert {(h.date, h.name, h.type) for h in tahun.holidays} == {
        (h.tanggal.isoformat(), h.nama, h.jenis)
        for h in HariLibur.objects.filter(tanggal__year=2026)
    }
    assert set(HariLibur.objects.filter(tanggal__year=2026).values_list("dasar", flat=True)) == {
        "SKB 3 Menteri Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025"
    }


def test_setiap_libur_punya_dasar():
    assert not HariLibur.objects.filter(dasar="").exists()


def test_migrasi_data_idempoten():
    HariLibur.objects.filter(tanggal=date(2024, 12, 25)).update(nama="diubah")
    BatasWaktu.objects.filter(kode="jawaban_ppid").update(panjang=99)
    sebelum = (HariLibur.objects.count(), BatasWaktu.objects.count())
    isi_hari_libur.isi_hari_libur(django_apps, None)
    isi_batas_waktu.isi_batas_waktu(django_apps, None)
    assert (HariLibur.objects.count(), BatasWaktu.objects.count()) == sebelum
    assert HariLibur.objects.get(tanggal=date(2024, 12, 25)).nama == "Kelahiran Yesus Kristus"
    assert BatasWaktu.objects.get(kode="jawaban_ppid").panjang == 10


def test_batas_waktu_awal():
    assert {b.kode: (b.panjang, b.satuan) for b in BatasWaktu.objects.all()} == {
        "laporan_pelanggaran": (7, "hari"),
        "penanganan_pelanggaran": (7, "hari"),
        "penanganan_tambahan": (7, "hari"),
        "registrasi_sengketa": (3, "hari_kerja"),
        "mediasi_sengketa": (2, "hari_kerja"),
        "putusan_sengketa": (12, "hari"),
        "jawaban_ppid": (10, "hari_kerja"),
        "perpanjangan_ppid": (7, "hari_kerja"),
        "pengajuan_keberatan": (30, "hari_kerja"),
        "tanggapan_keberatan": (30, "hari_kerja"),
    }
    assert BatasWaktu.objects.get(kode="penanganan_pelanggaran").dasar_hukum == (
        "UU 7/2017 Pasal 454 ayat (6)"
    )


def test_panjang_harus_positif():
    with transaction.atomic(), pytest.raises(IntegrityError):
        BatasWaktu.objects.create(kode="nol", nama="nol", panjang=0, satuan="hari")


def test_tanggal_libur_unik():
    with transaction.atomic(), pytest.raises(IntegrityError):
        HariLibur.objects.create(
            tanggal=date(2024, 1, 1), nama="x", jenis="cuti_bersama", dasar="x"
        )
