"""The demo disputes cover every step, status and decision, stay valid whatever today is, and
one of them is overdue."""

import pytest
from django.utils import timezone

from apps.core.services import buat_rekaman
from apps.sengketa.demo import demo_anak, demo_records
from tests.conftest import segar

pytestmark = pytest.mark.django_db


@pytest.fixture
def semua(kantor, admin):
    metro = kantor("18.72")
    return [segar(buat_rekaman(demo_records(metro, i), admin)) for i in range(8)]


def test_setiap_tahap_status_dan_amar_terwakili(semua):
    assert [r.tahap for r in semua] == [
        "registrasi",
        "mediasi",
        "selesai",
        "putusan",
        "selesai",
        "selesai",
        "selesai",
        "selesai",
    ]
    assert {r.status_sengketa for r in semua} == {
        "proses",
        "selesai_mediasi",
        "diputus",
        "tidak_diregistrasi",
    }
    assert {r.amar_putusan for r in semua} - {""} == {
        "dikabulkan_seluruhnya",
        "dikabulkan_sebagian",
        "ditolak",
        "tidak_dapat_diterima",
    }
    assert any(r.upaya_hukum for r in semua)
    assert any(r.alasan_terlambat for r in semua)


def test_satu_perkara_lewat_tenggat_yang_lain_tidak(semua):
    hari_ini = timezone.localdate()
    lewat = [r for r in semua if r.tenggat and r.tenggat < hari_ini]
    assert [r.pemohon for r in lewat] == [semua[3].pemohon]


def test_nomor_register_hanya_untuk_yang_diregistrasi(semua):
    bernomor = [r.nomor_register for r in semua if r.nomor_register]
    assert len(bernomor) == len(set(bernomor)) == 6
    assert not semua[0].nomor_register
    assert not semua[7].nomor_register


def test_pemohon_berbeda_untuk_seed_demo(semua):
    """seed_demo finds an existing demo record by its title field (the applicant)."""
    assert len({r.pemohon for r in semua}) == 8


def test_putusan_demo_memuat_pdf(semua):
    for r in semua:
        if r.tanggal_putusan and r.registrasi == "diregistrasi":
            assert r.dokumen_putusan.open("rb").read(5) == b"%PDF-"


def test_demo_anak_menambah_kontak_sekali(semua):
    demo_anak(semua[0], 0)
    demo_anak(semua[0], 0)
    kontak = semua[0].kontak.get()
    assert kontak.telepon.startswith("0813")
    assert kontak.email.endswith("@contoh.id")
