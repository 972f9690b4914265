"""Budget lines and monthly reports for the anggaran tests, built through the real services."""

import datetime as dt
from decimal import Decimal

import pytest

from apps.anggaran.models import PaguAnggaran
from apps.core import registry
from tests.conftest import PENULIS, _persona


@pytest.fixture
def modul(db):
    return registry.get("anggaran")


@pytest.fixture
def mata_anggaran(kantor):
    """mata_anggaran("18.72", "521211", 1_000_000): a budget line of fiscal year 2024, of an
    activity (6480) other than the demo lines' (6370), which `factories.contoh` creates."""

    def _buat(kode="18.72", akun="521211", pagu=1_000_000, tahun=2024, kegiatan="6480"):
        return PaguAnggaran.objects.create(
            satker=kantor(kode),
            tahun=tahun,
            kode_program="115.01.DH",
            program="Program Penyelenggaraan Pengawasan Pemilu",
            kode_kegiatan=kegiatan,
            kegiatan="Pengawasan Penyelenggaraan Pemilu dan Pemilihan",
            kode_akun=akun,
            uraian_akun=f"Belanja akun {akun}",
            pagu=Decimal(pagu),
        )

    return _buat


@pytest.fixture
def laporan(buat, modul):
    """laporan(line, bulan, realisasi, status="draft", klasifikasi="belum"): a monthly report
    of `line` for month `bulan` of its fiscal year, through the real services and workflow."""

    def _buat(pagu, bulan, realisasi, status="draft", klasifikasi="belum", **kw):
        kode = pagu.satker.kode
        kw.setdefault("oleh", _persona(PENULIS[kode]))
        return buat(
            modul,
            kode,
            status,
            klasifikasi,
            pagu_anggaran=pagu,
            periode=dt.date(pagu.tahun, bulan, 1),
            realisasi_kumulatif=Decimal(realisasi),
            judul=f"Realisasi {pagu.kode_akun} bulan {bulan} {pagu.tahun} ({pagu.satker.kode})",
            **kw,
        )

    return _buat
