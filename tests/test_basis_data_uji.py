"""The test database itself: what the data migrations load is there in every run of a kept
database (`--reuse-db`), also after a transactional test emptied the tables."""

import pytest

from apps.kalender.models import BatasWaktu, HariLibur
from tests.conftest import isi_data_migrasi


def _jumlah():
    return HariLibur.objects.count(), BatasWaktu.objects.count()


@pytest.mark.django_db
def test_data_migrasi_ada_di_basis_data_uji():
    libur, batas = _jumlah()
    assert libur > 0
    assert batas > 0


@pytest.mark.django_db
def test_data_migrasi_diisi_ulang_tanpa_menggandakan():
    sebelum = _jumlah()
    isi_data_migrasi()
    assert _jumlah() == sebelum


@pytest.mark.django_db(transaction=True)
def test_uji_transaksional_mulai_dengan_data_migrasi():
    libur, batas = _jumlah()
    assert libur > 0
    assert batas > 0
