"""Pencegahan's own rules: the reporting month comes from the activity date, the participant
count is bounded with an Indonesian message, and the internal note never goes public."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from apps.core import registry
from apps.core.forms import form_untuk
from apps.core.services import ubah_rekaman
from apps.pencegahan.models import JenisPencegahan, Pencegahan
from tests import factories
from tests.conftest import segar

PESAN_PESERTA = (
    "Jumlah peserta paling banyak 1.000.000 orang; periksa kembali isian jumlah peserta."
)


@pytest.fixture
def modul():
    return registry.get("pencegahan")


def test_periode_dari_tanggal_kegiatan(modul, buat, operator_metro):
    rek = buat(modul, "18.72", tanggal=dt.date(2024, 3, 27))
    assert segar(rek).periode == dt.date(2024, 3, 1)
    rek.tanggal = dt.date(2024, 5, 2)
    ubah_rekaman(rek, operator_metro, ["tanggal"], version=rek.version)
    assert segar(rek).periode == dt.date(2024, 5, 1)


def test_periode_dari_tanggal_lewat_formulir(modul, client, operator_metro, kantor):
    client.force_login(operator_metro)
    data = factories.data_form(
        modul, factories.contoh(modul, kantor("18.72")), tanggal="2024-02-29", periode="2023-01-01"
    )
    assert "periode" not in form_untuk(modul)._meta.fields  # the form does not ask for it
    assert client.post("/kelola/pencegahan/baru/", data).status_code == 302
    assert Pencegahan.objects.get().periode == dt.date(2024, 2, 1)


@pytest.mark.parametrize("peserta", [1_000_000, 0])
def test_jumlah_peserta_dalam_batas(modul, kantor, peserta):
    factories.contoh(modul, kantor("18.72"), jumlah_peserta=peserta).full_clean(
        exclude=["created_by", "updated_by", "periode"]
    )


def test_jumlah_peserta_melebihi_batas(modul, client, operator_metro, kantor):
    rek = factories.contoh(modul, kantor("18.72"), jumlah_peserta=1_000_001)
    with pytest.raises(ValidationError) as e:
        rek.full_clean(exclude=["created_by", "updated_by", "periode"])
    assert PESAN_PESERTA in e.value.messages

    client.force_login(operator_metro)
    data = factories.data_form(
        modul, factories.contoh(modul, kantor("18.72")), jumlah_peserta="2000000"
    )
    response = client.post("/kelola/pencegahan/baru/", data)
    assert response.status_code == 200
    assert PESAN_PESERTA in response.text
    assert not Pencegahan.objects.exists()


def test_jumlah_peserta_negatif_ditolak(modul, client, operator_metro, kantor):
    client.force_login(operator_metro)
    data = factories.data_form(modul, factories.contoh(modul, kantor("18.72")), jumlah_peserta="-5")
    response = client.post("/kelola/pencegahan/baru/", data)
    assert response.context["form"].errors["jumlah_peserta"]
    assert not Pencegahan.objects.exists()


def test_saringan_jenis(modul, client, buat):
    sosialisasi = buat(modul, "18.72", "disetujui", "berkala", i=0)
    patroli = buat(modul, "18.72", "disetujui", "berkala", i=2)
    assert (sosialisasi.jenis, patroli.jenis) == (
        JenisPencegahan.SOSIALISASI,
        JenisPencegahan.PATROLI,
    )
    response = client.get("/data/pencegahan/", {"jenis": "patroli"})
    assert f'href="/data/pencegahan/{patroli.pk}/"' in response.text
    assert f'href="/data/pencegahan/{sosialisasi.pk}/"' not in response.text


def test_catatan_internal_hanya_untuk_petugas(modul, client, buat, koorsek_metro):
    rek = buat(
        modul, "18.72", "disetujui", "berkala", catatan_internal="Nomor narasumber 0812-1111"
    )
    assert "catatan_internal" not in modul.semua_public_fields
    assert "Nomor narasumber 0812-1111" not in client.get(f"/data/pencegahan/{rek.pk}/").text
    client.force_login(koorsek_metro)
    assert "Nomor narasumber 0812-1111" in client.get(f"/kelola/pencegahan/{rek.pk}/").text
