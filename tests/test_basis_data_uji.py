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


def test_persona_ada_setelah_uji_transaksional(django_db_setup, django_db_blocker):
    """Asks for no `db` fixture, so pytest-django runs it after the transactional tests (which
    Django ends by emptying every table): the session's personas and tree must be back."""
    from apps.accounts.models import User
    from tests.conftest import PERSONA

    with django_db_blocker.unblock():
        ada = set(User.objects.values_list("username", flat=True))
        assert set(PERSONA) <= ada
        assert _jumlah()[0] > 0
