"""What every registered module must satisfy for the shared pages, permissions and tests to
work with it (docs/modul-baru.md). Runs over the registry: a new module is checked as soon as
it registers."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404

from apps.core import registry
from apps.core.models import Rekaman, RekamanQuerySet
from apps.core.services import buat_rekaman
from tests import factories
from tests.conftest import MODULS, modul_id

# never shown publicly, whatever a module declares
TIDAK_PUBLIK = {
    "catatan_internal",
    "alasan_pengecualian",
    "dasar_hukum_pengecualian",
    "dikecualikan_sampai",
    "version",
    "status",
    "created_by",
    "updated_by",
    "disetujui_oleh",
    "diklasifikasi_oleh",
    "created_at",
    "updated_at",
}


def _ada(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return isinstance(getattr(model, name, None), property)
    return True


def test_ada_modul_terdaftar():
    assert MODULS
    assert registry.codes() == [m.kode for m in MODULS]


def test_kode_tidak_dikenal_404():
    with pytest.raises(Http404):
        registry.get("tidak-ada")


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kontrak_modul(modul):
    model = modul.model
    assert issubclass(model, Rekaman)
    assert model.modul_kode == modul.kode
    assert registry.for_model(model) is modul
    assert isinstance(model.objects.all(), RekamanQuerySet)
    assert modul.demo_records is not None, "the shared tests build records with this hook"
    for name in (*modul.public_fields, *modul.list_fields):
        assert _ada(model, name), name
    for name in (*modul.form_fields, *modul.filter_fields, modul.judul_field):
        model._meta.get_field(name)
    for name in modul.filter_fields:
        assert modul.field(name).choices, name
    if modul.periode_dari:
        assert modul.field(modul.periode_dari).get_internal_type() == "DateField"
    index = {i.name for i in model._meta.indexes}
    assert f"{model._meta.app_label}_{model._meta.model_name}_publik" in index


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_tidak_ada_isian_internal_atau_orang_yang_publik(modul):
    publik = set(modul.semua_public_fields)
    assert not publik & TIDAK_PUBLIK
    # the public list shows list_fields, so they must be public ones
    assert set(modul.list_fields) <= publik
    for name in publik:
        try:
            field = modul.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        assert field.related_model is not get_user_model(), name
    for inline in modul.inlines:
        if inline.publik:
            for name in inline.fields:
                field = inline.model._meta.get_field(name)
                assert field.related_model is not get_user_model(), name


@pytest.mark.parametrize("kode", ["18.72", "64.08"])
@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_contoh_demo_sah_untuk_setiap_i(modul, kode, kantor, admin):
    """The hook gives a valid record for any kab/kota office and each i in 0–7, all eight
    able to coexist in one office."""
    satker = kantor(kode)
    for i in range(8):
        rek = buat_rekaman(factories.contoh(modul, satker, i), admin)
        assert rek.satker == satker
        assert rek.periode.day == 1
    assert modul.model.objects.filter(satker=satker).count() == 8


@pytest.mark.parametrize(
    ("isian", "nilai"),
    [
        ("list_fields", ("judul", "catatan_internal")),
        ("cari_fields", ("judul", "catatan_internal")),
        ("filter_fields", ("created_by",)),
        ("judul_field", "catatan_internal"),
        ("rekap", ("catatan_internal",)),
    ],
)
def test_register_menolak_isian_internal_di_halaman_publik(isian, nilai):
    """A module that would show, search, filter or count public rows by an internal field is
    refused at registration (its hits or counts would reveal the internal text)."""
    import dataclasses

    pencegahan = registry.get("pencegahan")
    salah = dataclasses.replace(pencegahan, kode="uji_bocor", **{isian: nilai})
    with pytest.raises(ValueError, match="bukan public_fields"):
        registry.register(salah)
    assert "uji_bocor" not in registry.codes()
    assert pencegahan.model.modul_kode == "pencegahan"
