"""Offices generated from the regions by `load_satker`, and the scope tree they form."""

import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from apps.organisasi.models import Satker, TingkatSatker
from apps.wilayah.models import Wilayah


def _potret():
    return list(
        Satker.objects.order_by("kode").values_list(
            "pk", "kode", "nama", "tingkat", "wilayah", "induk"
        )
    )


def test_pohon_satker_dari_wilayah(db):
    ri = Satker.objects.get(kode="00")
    lampung = Satker.objects.get(kode="18")
    metro = Satker.objects.get(kode="18.72")
    assert (ri.nama, ri.tingkat, ri.induk, ri.wilayah) == (
        "Bawaslu Republik Indonesia",
        TingkatSatker.PUSAT,
        None,
        None,
    )
    assert (lampung.nama, lampung.tingkat, lampung.induk) == (
        "Bawaslu Provinsi Lampung",
        TingkatSatker.PROVINSI,
        ri,
    )
    assert (metro.nama, metro.tingkat, metro.induk, metro.wilayah_id) == (
        "Bawaslu Kota Metro",
        TingkatSatker.KABKOTA,
        lampung,
        "18.72",
    )
    assert Satker.objects.get(kode="18.01").nama == "Bawaslu Kabupaten Lampung Selatan"
    # kecamatan have no office
    assert not Satker.objects.filter(kode__in=["18.72.01", "18.01.04"]).exists()


def test_load_satker_idempoten(db):
    sebelum = _potret()
    out = io.StringIO()
    call_command("load_satker", stdout=out)
    assert _potret() == sebelum
    assert "(0 baru, 0 diperbarui)" in out.getvalue()


def test_load_satker_menambah_kantor_baru_dan_memperbarui_nama(db):
    Wilayah.objects.create(
        kode="18.71", nama="Kota Bandar Lampung", tingkat="kabkota", induk_id="18"
    )
    Wilayah.objects.filter(kode="18.72").update(nama="Kota Metro (baru)")
    ids = dict(Satker.objects.values_list("kode", "pk"))
    out = io.StringIO()
    call_command("load_satker", stdout=out)
    assert "(1 baru, 1 diperbarui)" in out.getvalue()
    baru = Satker.objects.get(kode="18.71")
    assert (baru.nama, baru.induk.kode) == ("Bawaslu Kota Bandar Lampung", "18")
    assert Satker.objects.get(kode="18.72").nama == "Bawaslu Kota Metro (baru)"
    # existing offices keep their ids, and so their records and grants
    assert all(Satker.objects.get(kode=k).pk == pk for k, pk in ids.items())


def test_di_bawah(db):
    ri, lampung, metro = (Satker.objects.get(kode=k) for k in ("00", "18", "18.72"))
    assert set(Satker.objects.di_bawah(lampung).values_list("kode", flat=True)) == {
        "18.72",
        "18.01",
    }
    assert not Satker.objects.di_bawah(metro).exists()
    assert set(Satker.objects.di_bawah(ri).values_list("kode", flat=True)) == set(
        Satker.objects.exclude(kode="00").values_list("kode", flat=True)
    )


@pytest.mark.parametrize(
    ("tingkat", "induk"), [("pusat", "18"), ("provinsi", None), ("kabkota", None)]
)
def test_induk_sesuai_tingkat_di_basis_data(db, tingkat, induk):
    with pytest.raises(IntegrityError), transaction.atomic():
        Satker.objects.create(
            kode="99",
            nama="Uji",
            tingkat=tingkat,
            induk=Satker.objects.get(kode=induk) if induk else None,
        )
