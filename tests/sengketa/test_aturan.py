"""The dispute's own rules: step order, dates, all-or-nothing steps and "late needs a reason".
Each rule is checked from the refused side with its Indonesian message naming the field and
the dates, and from the allowed side where the boundary matters."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from apps.core.demo import pdf_contoh
from apps.sengketa.models import Sengketa
from tests.conftest import segar
from tests.sengketa.conftest import (
    DIISI_SERVIS,
    MEDIASI,
    OBJEK,
    PUTUSAN,
    REGISTRASI,
    SIDANG,
    TERIMA,
    diputus,
    diregistrasi,
    disidangkan,
    mediasi_gagal,
)

pytestmark = pytest.mark.django_db

HARI = dt.timedelta(days=1)


def _galat(obj):
    """{field: [messages]} of full_clean, {} when valid."""
    try:
        obj.full_clean(exclude=DIISI_SERVIS)
    except ValidationError as e:
        return e.message_dict
    return {}


def _tgl(d):
    return date_format(d, "j F Y")


def test_alur_lengkap_sah(sengketa):
    for nilai in (diregistrasi(), mediasi_gagal(), disidangkan(), diputus()):
        assert _galat(sengketa(**nilai)) == {}


# ---- dates -----------------------------------------------------------------------------------


def test_tanggal_di_masa_depan_ditolak(sengketa):
    besok = timezone.localdate() + HARI
    galat = _galat(sengketa(tanggal_objek=besok - HARI, tanggal_diterima=besok))
    assert galat["tanggal_diterima"] == [
        f"Tanggal permohonan diterima ({_tgl(besok)}) tidak boleh sesudah hari ini "
        f"({_tgl(besok - HARI)})."
    ]


def test_tanggal_hari_ini_boleh(sengketa):
    hari_ini = timezone.localdate()
    assert _galat(sengketa(tanggal_objek=hari_ini, tanggal_diterima=hari_ini)) == {}


def test_permohonan_sebelum_keputusan_kpu_ditolak(sengketa):
    galat = _galat(sengketa(tanggal_objek=TERIMA + HARI))
    assert galat["tanggal_diterima"] == [
        "Tanggal permohonan diterima (3 Mei 2024) tidak boleh sebelum tanggal keputusan KPU "
        "(4 Mei 2024)."
    ]


# ---- registration ----------------------------------------------------------------------------


def test_registrasi_sebelum_diterima_ditolak(sengketa):
    galat = _galat(sengketa(**diregistrasi(tanggal_registrasi=TERIMA - HARI)))
    assert galat["tanggal_registrasi"] == [
        "Tanggal registrasi (2 Mei 2024) tidak boleh sebelum tanggal permohonan diterima "
        "(3 Mei 2024)."
    ]


def test_tanggal_registrasi_tanpa_hasil_registrasi_ditolak(sengketa):
    galat = _galat(sengketa(tanggal_registrasi=REGISTRASI))
    assert galat["registrasi"] == [
        "Pilih hasil registrasi (diregistrasi atau tidak diregistrasi) untuk tanggal "
        "registrasi 6 Mei 2024."
    ]


@pytest.mark.parametrize(
    ("registrasi", "pesan"),
    [
        ("diregistrasi", "Isi tanggal registrasi: tanggal permohonan diregistrasi."),
        (
            "tidak_diregistrasi",
            "Isi tanggal registrasi: tanggal diputuskan permohonan tidak diregistrasi.",
        ),
    ],
)
def test_hasil_registrasi_tanpa_tanggal_ditolak(sengketa, registrasi, pesan):
    obj = sengketa(registrasi=registrasi, keterangan_registrasi="Tidak lengkap.")
    assert _galat(obj)["tanggal_registrasi"] == [pesan]


def test_tidak_diregistrasi_wajib_beralasan(sengketa):
    nilai = {"registrasi": "tidak_diregistrasi", "tanggal_registrasi": REGISTRASI}
    assert _galat(sengketa(**nilai))["keterangan_registrasi"] == [
        "Tuliskan alasan permohonan tidak diregistrasi."
    ]
    nilai["keterangan_registrasi"] = "Pemohon bukan peserta pemilu."
    assert _galat(sengketa(**nilai)) == {}


@pytest.mark.parametrize(
    ("registrasi", "label"),
    [("belum", "Belum diputuskan"), ("tidak_diregistrasi", "Tidak diregistrasi")],
)
def test_nomor_register_hanya_bila_diregistrasi(sengketa, registrasi, label):
    obj = sengketa(
        registrasi=registrasi,
        tanggal_registrasi=REGISTRASI if registrasi != "belum" else None,
        keterangan_registrasi="Permohonan tidak lengkap.",
        nomor_register="001/PS.REG/18.72/V/2024",
    )
    pesan = _galat(obj)["nomor_register"]
    assert len(pesan) == 1
    assert pesan[0].startswith(
        "Nomor register 001/PS.REG/18.72/V/2024 hanya untuk permohonan yang diregistrasi; "
        f"registrasi permohonan ini “{label}"
    )


def test_nomor_register_berformat(sengketa):
    galat = _galat(sengketa(**diregistrasi(nomor_register="001 PS REG")))
    assert galat["nomor_register"] == [
        "Nomor register hanya memuat huruf, angka, titik, garis miring dan tanda hubung, "
        "tanpa spasi, mis. 001/PS.REG/18.72/VI/2024."
    ]


# ---- mediation -------------------------------------------------------------------------------


def test_mediasi_sebelum_registrasi_ditolak(sengketa):
    galat = _galat(sengketa(**mediasi_gagal(tanggal_mediasi=REGISTRASI - HARI)))
    assert galat["tanggal_mediasi"] == [
        "Tanggal mediasi (5 Mei 2024) tidak boleh sebelum tanggal registrasi (6 Mei 2024)."
    ]


def test_mediasi_sebelum_permohonan_diregistrasi_ditolak(sengketa):
    galat = _galat(sengketa(tanggal_mediasi=MEDIASI, hasil_mediasi="sepakat"))
    assert galat["tanggal_mediasi"] == [
        "Mediasi baru dapat dicatat setelah permohonan diregistrasi."
    ]


def test_mediasi_permohonan_tidak_diregistrasi_ditolak(sengketa):
    obj = sengketa(
        registrasi="tidak_diregistrasi",
        tanggal_registrasi=REGISTRASI,
        keterangan_registrasi="Pemohon bukan peserta pemilu.",
        tanggal_mediasi=MEDIASI,
        hasil_mediasi="tidak_sepakat",
    )
    assert _galat(obj)["tanggal_mediasi"] == [
        "Mediasi tidak dilakukan untuk permohonan yang tidak diregistrasi."
    ]


def test_tanggal_dan_hasil_mediasi_diisi_bersama(sengketa):
    assert _galat(sengketa(**diregistrasi(tanggal_mediasi=MEDIASI)))["hasil_mediasi"] == [
        "Tanggal mediasi dan hasil mediasi diisi bersama."
    ]
    assert _galat(sengketa(**diregistrasi(hasil_mediasi="sepakat")))["tanggal_mediasi"] == [
        "Tanggal mediasi dan hasil mediasi diisi bersama."
    ]


# ---- adjudication ----------------------------------------------------------------------------


def test_sidang_sesudah_mediasi_sepakat_ditolak(sengketa):
    obj = sengketa(**disidangkan(hasil_mediasi="sepakat"))
    assert _galat(obj)["tanggal_sidang_pertama"] == [
        "Mediasi mencapai kesepakatan: sengketa selesai tanpa sidang adjudikasi."
    ]


def test_sidang_sebelum_mediasi_ditolak(sengketa):
    obj = sengketa(**diregistrasi(tanggal_sidang_pertama=SIDANG, jumlah_sidang=1))
    assert _galat(obj)["tanggal_sidang_pertama"] == [
        "Sidang adjudikasi baru dapat dicatat setelah mediasi tidak mencapai kesepakatan."
    ]


def test_sidang_sebelum_tanggal_mediasi_ditolak(sengketa):
    obj = sengketa(**disidangkan(tanggal_sidang_pertama=MEDIASI - HARI))
    assert _galat(obj)["tanggal_sidang_pertama"] == [
        "Tanggal sidang adjudikasi pertama (7 Mei 2024) tidak boleh sebelum tanggal mediasi "
        "(8 Mei 2024)."
    ]


def test_jumlah_sidang_dan_tanggal_sidang_pertama_bersama(sengketa):
    assert _galat(sengketa(**disidangkan(jumlah_sidang=None)))["jumlah_sidang"] == [
        "Isi jumlah sidang adjudikasi yang telah digelar (sekurang-kurangnya 1, sidang "
        "pertama 13 Mei 2024)."
    ]
    obj = sengketa(**disidangkan(tanggal_sidang_pertama=None, jumlah_sidang=3))
    assert _galat(obj)["tanggal_sidang_pertama"] == [
        "Isi tanggal sidang adjudikasi pertama untuk 3 sidang yang dicatat."
    ]


# ---- decision --------------------------------------------------------------------------------


def test_putusan_sebelum_registrasi_ditolak(sengketa):
    obj = sengketa(
        tanggal_putusan=PUTUSAN, amar_putusan="ditolak", ringkasan_putusan="Permohonan ditolak."
    )
    assert _galat(obj)["tanggal_putusan"] == [
        "Putusan baru dapat dicatat setelah registrasi permohonan diputuskan (diregistrasi "
        "atau tidak diregistrasi)."
    ]


def test_putusan_sebelum_mediasi_gagal_ditolak(sengketa):
    obj = sengketa(
        **diregistrasi(
            tanggal_putusan=PUTUSAN, amar_putusan="ditolak", ringkasan_putusan="Ditolak."
        )
    )
    assert _galat(obj)["tanggal_putusan"] == [
        "Putusan baru dapat dicatat setelah mediasi tidak mencapai kesepakatan."
    ]


def test_putusan_setelah_mediasi_sepakat_ditolak(sengketa):
    obj = sengketa(
        **diregistrasi(
            tanggal_mediasi=MEDIASI,
            hasil_mediasi="sepakat",
            tanggal_putusan=PUTUSAN,
            amar_putusan="dikabulkan_seluruhnya",
            ringkasan_putusan="Dikabulkan.",
        )
    )
    assert _galat(obj)["tanggal_putusan"] == [
        "Mediasi mencapai kesepakatan: sengketa selesai tanpa putusan adjudikasi."
    ]


def test_putusan_tanpa_sidang_adjudikasi_ditolak(sengketa):
    obj = sengketa(
        **mediasi_gagal(tanggal_putusan=PUTUSAN, amar_putusan="ditolak", ringkasan_putusan="x")
    )
    assert _galat(obj)["tanggal_putusan"] == [
        "Putusan baru dapat dicatat setelah sidang adjudikasi pertama dicatat."
    ]


def test_putusan_sebelum_sidang_pertama_ditolak(sengketa):
    obj = sengketa(**diputus(tanggal_putusan=SIDANG - HARI))
    assert _galat(obj)["tanggal_putusan"] == [
        "Tanggal putusan (12 Mei 2024) tidak boleh sebelum tanggal sidang adjudikasi pertama "
        "(13 Mei 2024)."
    ]


def test_putusan_tanggal_tanpa_amar_ditolak(sengketa):
    assert _galat(sengketa(**diputus(amar="")))["amar_putusan"] == [
        "Tanggal putusan dan amar putusan diisi bersama."
    ]


def test_putusan_amar_tanpa_tanggal_ditolak(sengketa):
    assert _galat(sengketa(**diputus(tanggal_putusan=None)))["tanggal_putusan"] == [
        "Tanggal putusan dan amar putusan diisi bersama."
    ]


def test_putusan_tanpa_ringkasan_ditolak(sengketa):
    assert _galat(sengketa(**diputus(ringkasan_putusan="")))["ringkasan_putusan"] == [
        "Tuliskan ringkasan putusan untuk publik."
    ]


def test_ringkasan_dan_dokumen_tanpa_putusan_ditolak(sengketa):
    dokumen = SimpleUploadedFile("putusan.pdf", pdf_contoh(), "application/pdf")
    obj = sengketa(
        **disidangkan(ringkasan_putusan="Permohonan dikabulkan.", dokumen_putusan=dokumen)
    )
    galat = _galat(obj)
    assert galat["ringkasan_putusan"] == [
        "Ringkasan putusan hanya diisi bila putusan dicatat (tanggal dan amar putusan)."
    ]
    assert galat["dokumen_putusan"] == [
        "Dokumen putusan (PDF) hanya diisi bila putusan dicatat (tanggal dan amar putusan)."
    ]


def test_permohonan_tidak_diregistrasi_hanya_dapat_diputus_tidak_dapat_diterima(sengketa):
    nilai = {
        "registrasi": "tidak_diregistrasi",
        "tanggal_registrasi": REGISTRASI,
        "keterangan_registrasi": "Diajukan melewati batas waktu.",
        "tanggal_putusan": REGISTRASI + HARI,
        "amar_putusan": "ditolak",
        "ringkasan_putusan": "Permohonan ditolak.",
    }
    assert _galat(sengketa(**nilai))["amar_putusan"] == [
        "Permohonan yang tidak diregistrasi hanya dapat diputus “Tidak dapat diterima”, bukan "
        "“Ditolak”."
    ]
    # no mediation and no hearing are needed for it
    nilai["amar_putusan"] = "tidak_dapat_diterima"
    assert _galat(sengketa(**nilai)) == {}


# ---- further appeal --------------------------------------------------------------------------


def test_upaya_hukum_sebelum_putusan_ditolak(sengketa):
    obj = sengketa(**disidangkan(upaya_hukum="ptun", tanggal_upaya_hukum=PUTUSAN))
    assert _galat(obj)["upaya_hukum"] == ["Upaya hukum dicatat setelah putusan."]


def test_upaya_hukum_jenis_dan_tanggal_bersama(sengketa):
    assert _galat(sengketa(**diputus(upaya_hukum="ptun")))["tanggal_upaya_hukum"] == [
        "Isi tanggal upaya hukum diajukan."
    ]
    assert _galat(sengketa(**diputus(tanggal_upaya_hukum=PUTUSAN)))["upaya_hukum"] == [
        "Pilih upaya hukum untuk tanggal yang diisi."
    ]


def test_upaya_hukum_sebelum_tanggal_putusan_ditolak(sengketa):
    obj = sengketa(**diputus(upaya_hukum="ptun", tanggal_upaya_hukum=PUTUSAN - HARI))
    assert _galat(obj)["tanggal_upaya_hukum"] == [
        "Tanggal upaya hukum (13 Mei 2024) tidak boleh sebelum tanggal putusan (14 Mei 2024)."
    ]


# ---- late steps need a reason ----------------------------------------------------------------


def test_registrasi_terlambat_wajib_beralasan(sengketa):
    # due Wednesday 8 May 2024 (3 working days after Friday 3 May)
    obj = sengketa(**diregistrasi(tanggal_registrasi=dt.date(2024, 5, 13)))
    assert _galat(obj)["alasan_terlambat"] == [
        "Registrasi dicatat 13 Mei 2024, melewati batas waktu 8 Mei 2024 (3 hari kerja sejak "
        "permohonan diterima): tuliskan alasan keterlambatan."
    ]
    obj.alasan_terlambat = "Berkas permohonan diperbaiki pemohon."
    assert _galat(obj) == {}


def test_registrasi_pada_hari_batas_tidak_terlambat(sengketa):
    assert _galat(sengketa(**diregistrasi(tanggal_registrasi=dt.date(2024, 5, 8)))) == {}


def test_mediasi_terlambat_wajib_beralasan(sengketa):
    # registered Monday 6 May: mediation due Wednesday 8 May; Thursday 9 and Friday 10 May 2024
    # are a holiday and cuti bersama, so Monday 13 May is late
    obj = sengketa(**mediasi_gagal(tanggal_mediasi=dt.date(2024, 5, 13)))
    assert _galat(obj)["alasan_terlambat"] == [
        "Mediasi dicatat 13 Mei 2024, melewati batas waktu 8 Mei 2024 (2 hari kerja sejak "
        "registrasi): tuliskan alasan keterlambatan."
    ]


def test_putusan_terlambat_wajib_beralasan(sengketa):
    obj = sengketa(**diputus(tanggal_putusan=dt.date(2024, 5, 16)))
    assert _galat(obj)["alasan_terlambat"] == [
        "Putusan dicatat 16 Mei 2024, melewati batas waktu 15 Mei 2024 (12 hari sejak "
        "permohonan diterima): tuliskan alasan keterlambatan."
    ]
    assert _galat(sengketa(**diputus(tanggal_putusan=dt.date(2024, 5, 15)))) == {}


def test_tahap_terbuka_yang_lewat_tenggat_tidak_butuh_alasan(sengketa):
    """Data is never refused for being late: an open step past its due date is shown as
    overdue, not refused."""
    assert _galat(sengketa(**disidangkan())) == {}


# ---- public texts carry no personal data -----------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "jenis", "nilai"),
    [
        ("Hubungi kuasa di 0812-3456-7890.", "nomor telepon", "0812-3456-7890"),
        ("Kuasa: NIK 1872015507850003.", "NIK", "1872015507850003"),
        ("Surel kuasa: rudi@contoh.id", "alamat email", "rudi@contoh.id"),
    ],
)
def test_teks_publik_tanpa_data_pribadi(sengketa, teks, jenis, nilai):
    galat = _galat(sengketa(**diputus(pokok_permohonan=teks, ringkasan_putusan=teks)))
    pesan = [
        f"Teks ini tampil di portal publik dan tidak boleh memuat {jenis} (“{nilai}”); catat "
        "kontak pemohon pada bagian Narahubung pemohon."
    ]
    assert galat["pokok_permohonan"] == pesan
    assert galat["ringkasan_putusan"] == pesan


def test_nomor_keputusan_bukan_data_pribadi(sengketa):
    obj = sengketa(
        pokok_permohonan="Keputusan KPU Kota Metro Nomor 1234/PL.01.4-Kpt/1872/2024 tanggal "
        "2 Mei 2024 dibatalkan."
    )
    assert _galat(obj) == {}


# ---- the database holds the core of the rules ------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "constraint"),
    [
        ({"tanggal_registrasi": TERIMA - HARI}, "sengketa_registrasi_sesudah_diterima"),
        ({"registrasi": "belum"}, "sengketa_nomor_hanya_bila_diregistrasi"),
        ({"hasil_mediasi": "sepakat"}, "sengketa_sidang_bila_mediasi_gagal"),
        ({"amar_putusan": ""}, "sengketa_putusan_lengkap"),
        ({"tanggal_objek": TERIMA + HARI}, "sengketa_diterima_sesudah_objek"),
    ],
)
def test_basis_data_menolak_yang_melewati_clean(modul, buat, sengketa, admin, nilai, constraint):
    from apps.core.services import buat_rekaman

    obj = buat_rekaman(sengketa(**diputus()), admin)
    assert obj.nomor_register
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Sengketa.objects.filter(pk=obj.pk).update(**nilai)
    assert segar(obj).tanggal_objek == OBJEK
