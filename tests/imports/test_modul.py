"""Every importable module: its sample file is read whole, written, re-imported without a
change, and its export imports back without a change; the template names its columns."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from apps.core import registry
from apps.core.demo import pemilihan_demo
from apps.imports import proses

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "impor"
CONTOH = {
    "dpt": ("dpt-sah.xlsx", 96),
    "pencegahan": ("pencegahan-sah.xlsx", 24),
    "kampanye": ("kampanye-sah.xlsx", 12),
    "anggaran": ("anggaran-sah.xlsx", 48),
    "mou": ("mou-sah.xlsx", 10),
    "pelanggaran": ("pelanggaran-sah.xlsx", 10),
    "sengketa": ("sengketa-sah.xlsx", 8),
}


@pytest.fixture(autouse=True)
def siapkan(db):
    pemilihan_demo("pemilu-2024")
    for m in registry.all_modules():
        if m.demo_setup:
            m.demo_setup()


def test_setiap_modul_yang_dapat_diimpor_punya_contoh():
    assert sorted(CONTOH) == sorted(m.kode for m in registry.all_modules() if m.impor)
    # the seven data modules of the portal are all importable
    assert len(CONTOH) == 7


@pytest.mark.parametrize("kode", sorted(CONTOH))
def test_contoh_ditulis_lalu_tidak_berubah(kode, admin, tmp_path):
    modul = registry.get(kode)
    nama, n = CONTOH[kode]
    with (FIXTURE / nama).open("rb") as f:
        hasil = proses.jalankan(modul, f, nama, admin, simpan=True)
    assert [str(g) for g in hasil.galat] == []
    assert (hasil.baru, hasil.disimpan) == (n, True)
    assert modul.model.objects.filter(status="diajukan").count() == n
    with (FIXTURE / nama).open("rb") as f:
        lagi = proses.jalankan(modul, f, nama, admin, simpan=True)
    assert (lagi.baru, lagi.berubah, lagi.sama) == (0, 0, n)
    for ext in ("xlsx", "csv"):
        berkas = tmp_path / f"{kode}.{ext}"
        call_command("export_data", kode, str(berkas), stdout=io.StringIO())
        keluar = io.StringIO()
        call_command("import_data", kode, str(berkas), "--dry-run", stdout=keluar)
        assert f"0 baru, 0 berubah, {n} tidak berubah" in keluar.getvalue()
