"""The demo hooks: valid records for any office and index, growing month by month."""

import pytest

from apps.anggaran import demo
from apps.anggaran.models import PaguAnggaran
from apps.core.services import buat_rekaman
from tests import factories


@pytest.mark.parametrize("kode", ["18.72", "18.01", "64.08", "18"])
def test_demo_records_sah_dan_kumulatif_naik(modul, kantor, admin, kode):
    satker = kantor(kode)
    rows = [buat_rekaman(factories.contoh(modul, satker, i), admin) for i in range(12)]
    per_akun = {}
    for rek in rows:
        assert rek.realisasi_kumulatif <= rek.pagu_anggaran.pagu
        assert rek.pagu_anggaran.satker == satker
        assert rek.wilayah_id == satker.wilayah_id
        per_akun.setdefault(rek.pagu_anggaran_id, []).append(rek.realisasi_kumulatif)
    for nilai in per_akun.values():
        assert nilai == sorted(nilai)
    assert len(per_akun) == 4


def test_demo_setup_idempoten(modul, kantor):
    demo.demo_setup()
    demo.demo_setup()
    assert PaguAnggaran.objects.filter(satker__kode__in=demo.KANTOR_DEMO).count() == 8
    assert set(PaguAnggaran.objects.values_list("kode_akun", flat=True)) == {
        "521211",
        "524111",
        "522151",
        "521219",
    }
