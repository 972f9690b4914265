"""Deadlines on real dates (the 2024 holidays of apps/kalender), the steps of each path, and
the stored step, due date and status that lists and the overdue page read."""

import datetime as dt

import pytest
from django.utils import timezone

from apps.core.perkara import hitung_ulang_tenggat
from apps.core.services import buat_rekaman, ubah_rekaman
from apps.kalender.models import HariLibur
from apps.sengketa.models import Sengketa
from tests.conftest import segar
from tests.sengketa.conftest import (
    PUTUSAN,
    REGISTRASI,
    TERIMA,
    diputus,
    diregistrasi,
    disidangkan,
    mediasi_gagal,
)

pytestmark = pytest.mark.django_db

HARI = dt.timedelta(days=1)


def _tempo(obj):
    return {step.kode: step.jatuh_tempo for step in obj.langkah()}


# ---- deadline arithmetic ---------------------------------------------------------------------


def test_registrasi_tiga_hari_kerja_melewati_akhir_pekan(sengketa):
    # Friday 3 May 2024: Monday 6, Tuesday 7, Wednesday 8
    assert _tempo(sengketa())["registrasi"] == dt.date(2024, 5, 8)


def test_registrasi_melewati_akhir_pekan_dan_hari_libur(sengketa):
    # Wednesday 7 February 2024: Thursday 8 (Isra Mikraj) and Friday 9 (cuti bersama Imlek)
    # off, the weekend, Monday 12 (1), Tuesday 13 (2), Wednesday 14 (voting day, off),
    # Thursday 15 (3)
    obj = sengketa(tanggal_objek=dt.date(2024, 2, 6), tanggal_diterima=dt.date(2024, 2, 7))
    assert _tempo(obj)["registrasi"] == dt.date(2024, 2, 15)


def test_mediasi_dua_hari_kerja_sejak_registrasi(sengketa):
    # registered Wednesday 8 May 2024: Thursday 9 (Ascension) and Friday 10 (cuti bersama)
    # off, the weekend, Monday 13 (1), Tuesday 14 (2)
    obj = sengketa(**diregistrasi(tanggal_registrasi=dt.date(2024, 5, 8)))
    assert _tempo(obj)["mediasi"] == dt.date(2024, 5, 14)


def test_putusan_dua_belas_hari_kalender_sejak_diterima(sengketa):
    # calendar days: the holidays of 8-14 February 2024 count
    obj = sengketa(tanggal_objek=dt.date(2024, 2, 6), tanggal_diterima=dt.date(2024, 2, 7))
    assert _tempo(obj)["putusan"] == dt.date(2024, 2, 19)
    assert _tempo(sengketa())["putusan"] == dt.date(2024, 5, 15)


def test_batas_waktu_dari_data_bukan_konstanta(sengketa):
    from apps.kalender.models import BatasWaktu

    BatasWaktu.objects.filter(kode="putusan_sengketa").update(panjang=14)
    assert _tempo(sengketa())["putusan"] == dt.date(2024, 5, 17)


# ---- steps -----------------------------------------------------------------------------------


def test_jam_putusan_terlihat_sejak_permohonan_diterima(sengketa):
    langkah = sengketa().langkah()
    assert [s.kode for s in langkah] == ["diterima", "registrasi", "mediasi", "sidang", "putusan"]
    putusan = langkah[-1]
    assert putusan.jatuh_tempo == dt.date(2024, 5, 15)
    assert putusan.batas.dasar_hukum == "UU 7/2017 Pasal 468 ayat (2)"
    # mediation's clock starts at registration
    assert langkah[2].jatuh_tempo is None


def test_mediasi_sepakat_mengakhiri_sengketa(sengketa):
    obj = sengketa(**diregistrasi(tanggal_mediasi=dt.date(2024, 5, 7), hasil_mediasi="sepakat"))
    assert [s.kode for s in obj.langkah()] == ["diterima", "registrasi", "mediasi"]
    assert obj.langkah_kini() is None


def test_tidak_diregistrasi_berhenti_di_registrasi(sengketa):
    obj = sengketa(
        registrasi="tidak_diregistrasi",
        tanggal_registrasi=REGISTRASI,
        keterangan_registrasi="Pemohon bukan peserta pemilu.",
    )
    langkah = obj.langkah()
    assert [s.kode for s in langkah] == ["diterima", "registrasi"]
    assert langkah[1].keterangan == "Pemohon bukan peserta pemilu."
    obj.tanggal_putusan, obj.amar_putusan = REGISTRASI + HARI, "tidak_dapat_diterima"
    assert [s.kode for s in obj.langkah()] == ["diterima", "registrasi", "putusan"]


def test_upaya_hukum_tampil_sebagai_langkah_bila_dicatat(sengketa):
    obj = sengketa(**diputus(upaya_hukum="ptun", tanggal_upaya_hukum=PUTUSAN + HARI))
    assert obj.langkah()[-1].kode == "upaya_hukum"
    assert str(obj.langkah()[-1].keterangan) == "Gugatan ke PTUN"


@pytest.mark.parametrize(
    ("nilai", "tahap", "tenggat", "status"),
    [
        ({}, "registrasi", dt.date(2024, 5, 8), "proses"),
        (diregistrasi(), "mediasi", dt.date(2024, 5, 8), "proses"),
        # in adjudication the hearings run against the decision's clock
        (mediasi_gagal(), "sidang", dt.date(2024, 5, 15), "proses"),
        (disidangkan(), "putusan", dt.date(2024, 5, 15), "proses"),
        (diputus(), "selesai", None, "diputus"),
        (
            diregistrasi(tanggal_mediasi=dt.date(2024, 5, 7), hasil_mediasi="sepakat"),
            "selesai",
            None,
            "selesai_mediasi",
        ),
        (
            {
                "registrasi": "tidak_diregistrasi",
                "tanggal_registrasi": REGISTRASI,
                "keterangan_registrasi": "Pemohon bukan peserta pemilu.",
            },
            "selesai",
            None,
            "tidak_diregistrasi",
        ),
    ],
)
def test_tahap_tenggat_dan_status_tersimpan(sengketa, admin, nilai, tahap, tenggat, status):
    obj = buat_rekaman(sengketa(**nilai), admin)
    baris = segar(obj)
    assert (baris.tahap, baris.tenggat, baris.status_sengketa) == (tahap, tenggat, status)


def test_tahap_mengikuti_setiap_perubahan(sengketa, admin):
    obj = buat_rekaman(sengketa(), admin)
    for nilai in (diregistrasi(), mediasi_gagal(), disidangkan(), diputus()):
        obj = segar(obj)
        for name, value in nilai.items():
            setattr(obj, name, value)
        ubah_rekaman(obj, admin, list(nilai), version=obj.version)
    baris = segar(obj)
    assert (baris.tahap, baris.tenggat, baris.status_sengketa) == ("selesai", None, "diputus")
    assert baris.nomor_register == "001/PS.REG/18.72/V/2024"


def test_hari_libur_baru_menggeser_tenggat_tersimpan(sengketa, admin):
    obj = buat_rekaman(sengketa(), admin)
    assert segar(obj).tenggat == dt.date(2024, 5, 8)
    HariLibur.objects.create(
        tanggal=dt.date(2024, 5, 7), nama="Libur uji", jenis="libur_nasional", dasar="uji"
    )
    assert hitung_ulang_tenggat() >= 1
    assert segar(obj).tenggat == dt.date(2024, 5, 13)


def test_tenggat_tanpa_batas_waktu_tidak_membuat_galat(sengketa):
    """A limit deleted in the admin leaves the step without a due date, not an error page."""
    from apps.kalender.models import BatasWaktu

    BatasWaktu.objects.filter(kode="registrasi_sengketa").delete()
    obj = sengketa()
    assert _tempo(obj)["registrasi"] is None
    obj.full_clean(exclude=["periode", "created_by", "updated_by"])


# ---- overdue cases on the staff pages --------------------------------------------------------


def test_perkara_lewat_tenggat_tampil_bagi_koordinator(modul, buat, client, koorsek_metro):
    lewat = buat(modul, "18.72", i=3)  # in adjudication, the 12-day clock ran out
    baru = buat(modul, "18.72", i=0)
    assert segar(lewat).tenggat < timezone.localdate() <= segar(baru).tenggat
    client.force_login(koorsek_metro)
    html = client.get("/kelola/tenggat/").content.decode()
    assert f"/kelola/sengketa/{lewat.pk}/" in html
    assert f"/kelola/sengketa/{baru.pk}/" not in html


def test_panel_tahapan_di_halaman_staf(modul, buat, client, operator_metro):
    obj = buat(modul, "18.72", i=3)
    client.force_login(operator_metro)
    html = client.get(f"/kelola/sengketa/{obj.pk}/").content.decode()
    assert "Tahapan penanganan" in html
    for nama in ("Permohonan diterima", "Registrasi", "Mediasi", "Sidang adjudikasi", "Putusan"):
        assert nama in html
    assert "terlambat" in html
    assert "UU 7/2017 Pasal 468 ayat (2)" in html


def test_daftar_staf_menampilkan_tahap_dan_tenggat(modul, buat, client, operator_metro):
    buat(modul, "18.72", i=0)
    client.force_login(operator_metro)
    html = client.get("/kelola/sengketa/").content.decode()
    assert "Registrasi" in html
    assert "tenggat" in html


def test_tanggal_diterima_menentukan_periode(sengketa, admin):
    obj = buat_rekaman(sengketa(periode=dt.date(2020, 1, 1)), admin)
    assert segar(obj).periode == TERIMA.replace(day=1)
    assert Sengketa.objects.filter(pk=obj.pk, periode=dt.date(2024, 5, 1)).exists()
