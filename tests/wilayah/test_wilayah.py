"""Regions: the dotted Kemendagri codes of `load_wilayah` and the code rules of the table."""

import pytest
from django.db import IntegrityError, transaction

from apps.wilayah.management.commands.load_wilayah import dotted, parent_of
from apps.wilayah.models import Wilayah


@pytest.mark.parametrize(
    ("mentah", "bertitik"),
    [
        ("18", "18"),
        ("1872", "18.72"),
        ("187201", "18.72.01"),
        ("1871011001", "18.71.01.1001"),
        ("6408", "64.08"),
    ],
)
def test_dotted(mentah, bertitik):
    assert dotted(mentah) == bertitik


@pytest.mark.parametrize(
    ("kode", "induk"),
    [("18", ""), ("18.72", "18"), ("18.72.01", "18.72"), ("18.71.01.1001", "18.71.01")],
)
def test_parent_of(kode, induk):
    assert parent_of(kode) == induk


@pytest.mark.parametrize("kode", ["1872", "18.7", "18.72.1", "18.72.01.101", "AB", "18.72."])
def test_kode_tidak_berformat_kemendagri_ditolak_basis_data(db, kode):
    with pytest.raises(IntegrityError), transaction.atomic():
        Wilayah.objects.create(kode=kode, nama="Uji", tingkat="kabkota", induk_id="18")


def test_keturunan_q(db):
    from apps.organisasi.models import Satker

    lampung = Wilayah.objects.get(kode="18")
    kantor = set(
        Satker.objects.filter(lampung.keturunan_q("wilayah")).values_list("kode", flat=True)
    )
    assert kantor == {"18", "18.72", "18.01"}
    metro = Wilayah.objects.get(kode="18.72")
    assert set(Satker.objects.filter(metro.keturunan_q()).values_list("kode", flat=True)) == {
        "18.72"
    }
