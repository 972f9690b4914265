"""Helpers of the voter-list tests: the module, regions under Kota Metro and reports with the
figures a test chooses, saved through the real services and workflow."""

import datetime as dt

import pytest
from django.db import connection, transaction

from apps.core import registry
from apps.dpt.models import Dpt
from apps.wilayah.models import Wilayah
from tests import factories

JULI = dt.date(2023, 7, 1)
AGUSTUS = dt.date(2023, 8, 1)

# regions added to the shared tree (Kota Metro has only Metro Pusat there)
KECAMATAN_METRO = [
    ("18.72.02", "Metro Utara"),
    ("18.72.03", "Metro Barat"),
    ("18.72.04", "Metro Timur"),
    ("18.72.05", "Metro Selatan"),
]
DESA_METRO_PUSAT = [("18.72.01.1001", "Metro"), ("18.72.01.1002", "Imopuro")]


@pytest.fixture
def modul():
    return registry.get("dpt")


@pytest.fixture
def wilayah(db):
    """The region of that code, from the shared tree or the regions added here."""
    for kode, nama in KECAMATAN_METRO + DESA_METRO_PUSAT:
        factories.WilayahFactory(kode=kode, nama=nama)
    return lambda kode: Wilayah.objects.get(kode=kode)


def angka(laki=1000, perempuan=1000, **lain):
    """Figures of a report: total = male + female, small findings, unless a test says."""
    nilai = {
        "pemilih_laki": laki,
        "pemilih_perempuan": perempuan,
        "pemilih_total": laki + perempuan,
        "jumlah_tps": 8,
        "temuan_tidak_terdaftar": 1,
        "temuan_tms": 2,
        "temuan_ganda": 3,
        "temuan_salah_tps": 4,
        "saran_perbaikan": 5,
        "saran_ditindaklanjuti": 4,
    }
    nilai.update(lain)
    return nilai


@pytest.fixture
def lapor(buat, modul, wilayah):
    """lapor("18.72.01", status, klasifikasi, satker="18.72", periode=…, tahap=…, laki=…):
    a report of that region through the real services and workflow."""

    def _lapor(
        kode_wilayah,
        status="disetujui",
        klasifikasi="berkala",
        *,
        satker="18.72",
        periode=JULI,
        tahap="dpt",
        **figures,
    ):
        return buat(
            modul,
            satker,
            status,
            klasifikasi,
            wilayah=wilayah(kode_wilayah),
            periode=periode,
            tahap=tahap,
            **angka(**figures),
        )

    return _lapor


def tulis_langsung(obj):
    """Save bypassing full_clean(), as a bulk import or a shell would, and have the database
    check its deferred constraints at once."""
    with transaction.atomic():
        obj.save()
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def laporan_mentah(satker, wilayah, user, *, periode=JULI, tahap="dpt", **figures):
    """An unsaved report with the given figures (no services, no validation)."""
    return Dpt(
        satker=satker,
        wilayah=wilayah,
        pemilihan=factories.PemilihanFactory(),
        periode=periode,
        tahap=tahap,
        judul=f"Laporan {wilayah.nama}",
        created_by=user,
        updated_by=user,
        **angka(**figures),
    )
