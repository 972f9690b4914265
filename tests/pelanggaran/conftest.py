import datetime as dt

import pytest

from apps.core import registry
from apps.pelanggaran.models import Pelanggaran, Pelapor, Sumber

NIK_METRO = "1872015507850003"  # Metro Pusat, woman born 15-07-1985


@pytest.fixture
def modul():
    return registry.get("pelanggaran")


@pytest.fixture
def kasus(kantor, operator_metro):
    """An unsaved laporan of Kota Metro received on 2024-02-12 (known 2024-02-10)."""

    def _kasus(**nilai):
        data = {
            "satker": kantor("18.72"),
            "wilayah_id": "18.72",
            "sumber": Sumber.LAPORAN,
            "judul": "Dugaan politik uang di Metro Pusat",
            "ringkasan": "Laporan masyarakat tentang pembagian uang.",
            "tanggal_diketahui": dt.date(2024, 2, 10),
            "tanggal_laporan": dt.date(2024, 2, 12),
            "periode": dt.date(2024, 2, 1),
            "created_by": operator_metro,
            "updated_by": operator_metro,
        }
        data.update(nilai)
        return Pelanggaran(**data)

    return _kasus


def tambah_pelapor(rekaman, **nilai):
    data = {
        "pelanggaran": rekaman,
        "nama": "Siti Rahmawati",
        "nik": NIK_METRO,
        "alamat": "Jl. Merdeka No. 10, Metro",
        "telepon": "081234567890",
        "email": "siti@contoh.id",
    }
    data.update(nilai)
    return Pelapor.objects.create(**data)
