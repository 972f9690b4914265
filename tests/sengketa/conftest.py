import datetime as dt

import pytest

from apps.core import registry
from apps.sengketa.models import HasilMediasi, KontakPemohon, Registrasi, Sengketa

# A dispute of Kota Metro on real 2024 dates (holidays from apps/kalender's data):
# received Friday 3 May 2024; registration due Wednesday 8 May (3 working days, the weekend
# skipped); registered Monday 6 May, so mediation is due Wednesday 8 May; the decision is due
# 15 May (12 days).
OBJEK = dt.date(2024, 5, 2)
TERIMA = dt.date(2024, 5, 3)
REGISTRASI = dt.date(2024, 5, 6)
MEDIASI = dt.date(2024, 5, 8)
SIDANG = dt.date(2024, 5, 13)
PUTUSAN = dt.date(2024, 5, 14)

# filled by the services, not by the person entering data
DIISI_SERVIS = ["periode", "created_by", "updated_by"]

TELEPON = "081234567890"
TELEPON_SAMAR = "0812****7890"
NAMA_KONTAK = "Rudi Hartono"
EMAIL = "rudi.kuasa@contoh.id"
ALAMAT = "Jl. Ahmad Yani No. 20, Metro"


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    """Uploaded and demo PDFs of these tests go to a temporary folder, not to .data/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def modul():
    return registry.get("sengketa")


def diterima(**nilai):
    """Field values of an application received on TERIMA, nothing else done."""
    return {
        "pemohon": "Partai Buruh",
        "jenis_pemohon": "partai_politik",
        "termohon": "KPU Kota Metro",
        "nomor_objek": "Keputusan KPU Kota Metro Nomor 12 Tahun 2024",
        "tanggal_objek": OBJEK,
        "tanggal_diterima": TERIMA,
        "pokok_permohonan": "Pemohon keberatan atas pencoretan dua bakal calon.",
    } | nilai


def diregistrasi(**nilai):
    return diterima(registrasi=Registrasi.DIREGISTRASI, tanggal_registrasi=REGISTRASI) | nilai


def mediasi_gagal(**nilai):
    return diregistrasi(tanggal_mediasi=MEDIASI, hasil_mediasi=HasilMediasi.TIDAK_SEPAKAT) | nilai


def disidangkan(**nilai):
    return mediasi_gagal(tanggal_sidang_pertama=SIDANG, jumlah_sidang=2) | nilai


def diputus(amar="ditolak", **nilai):
    return (
        disidangkan(
            tanggal_putusan=PUTUSAN,
            amar_putusan=amar,
            ringkasan_putusan="Majelis menolak permohonan; keputusan termohon tetap berlaku.",
        )
        | nilai
    )


@pytest.fixture
def sengketa(kantor, operator_metro):
    """An unsaved dispute of Kota Metro: sengketa(**diregistrasi())."""

    def _sengketa(**nilai):
        data = {
            "satker": kantor("18.72"),
            "wilayah_id": "18.72",
            "created_by": operator_metro,
            "updated_by": operator_metro,
        }
        data |= diterima() | nilai
        data.setdefault("periode", data["tanggal_diterima"].replace(day=1))
        return Sengketa(**data)

    return _sengketa


def tambah_kontak(rekaman, **nilai):
    data = {
        "sengketa": rekaman,
        "nama": NAMA_KONTAK,
        "telepon": TELEPON,
        "email": EMAIL,
        "alamat": ALAMAT,
    } | nilai
    return KontakPemohon.objects.create(**data)
