"""Optimistic lock on `version`: a stale form save is refused with a clear message and never
overwrites the newer data (DESIGN §3)."""

import re

import pytest
from django.test import Client

from apps.core.services import SuntinganUsang, ubah_rekaman
from tests import factories
from tests.conftest import MODULS, modul_id, segar


def _versi_di_formulir(response):
    m = re.search(r'<input type="hidden" name="version" value="(\d+)"', response.text)
    assert m, "the edit form carries the version it was opened at"
    return int(m[1])


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_dua_pengguna_menyunting_yang_kedua_ditolak_lewat_view(
    modul, buat, operator_metro, koorsek_metro
):
    rek = buat(modul, "18.72")
    url = f"/kelola/{modul.kode}/{rek.pk}/ubah/"
    rina, dewi = Client(), Client()
    rina.force_login(operator_metro)
    dewi.force_login(koorsek_metro)

    versi_rina = _versi_di_formulir(rina.get(url))
    versi_dewi = _versi_di_formulir(dewi.get(url))
    assert versi_rina == versi_dewi == rek.version

    judul = modul.judul_field
    simpan = rina.post(url, factories.data_form(modul, rek, **{judul: "Versi Rina"}))
    assert simpan.status_code == 302

    tolak = dewi.post(
        url, factories.data_form(modul, rek, version=versi_dewi, **{judul: "Versi Dewi"})
    )
    assert tolak.status_code == 200
    assert f"Rekaman ini sudah diubah oleh {operator_metro} pada" in tolak.text, (
        "the refusal names who changed it"
    )
    assert "Perubahan Anda tidak disimpan; muat ulang untuk melihat data terbaru." in tolak.text
    # nothing Dewi typed is lost: the form comes back with her values
    assert "Versi Dewi" in tolak.text

    row = segar(rek)
    assert getattr(row, judul) == "Versi Rina"
    assert row.version == rek.version + 1
    assert row.updated_by == operator_metro


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_formulir_tanpa_versi_ditolak(modul, buat, operator_metro, client):
    rek = buat(modul, "18.72")
    client.force_login(operator_metro)
    data = factories.data_form(modul, rek, **{modul.judul_field: "Tanpa versi"})
    del data["version"]
    response = client.post(f"/kelola/{modul.kode}/{rek.pk}/ubah/", data)
    assert response.status_code == 200
    assert "sudah diubah oleh" in response.text
    assert getattr(segar(rek), modul.judul_field) != "Tanpa versi"


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_dua_pengguna_menyunting_yang_kedua_ditolak_lewat_service(
    modul, buat, operator_metro, koorsek_metro
):
    rek = buat(modul, "18.72")
    judul = modul.judul_field
    punya_rina = type(rek).objects.get(pk=rek.pk)
    punya_dewi = type(rek).objects.get(pk=rek.pk)
    dibuka = punya_rina.version

    setattr(punya_rina, judul, "Versi Rina")
    ubah_rekaman(punya_rina, operator_metro, [judul], version=dibuka)
    assert punya_rina.version == dibuka + 1

    setattr(punya_dewi, judul, "Versi Dewi")
    with pytest.raises(SuntinganUsang) as e:
        ubah_rekaman(punya_dewi, koorsek_metro, [judul], version=dibuka)
    assert e.value.messages[0].startswith(f"Rekaman ini sudah diubah oleh {operator_metro} pada ")

    row = segar(rek)
    assert getattr(row, judul) == "Versi Rina"
    assert row.version == dibuka + 1
    assert row.updated_by == operator_metro


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_sunting_dengan_versi_terbaru_berhasil_dan_dicatat(modul, buat, operator_metro):
    from apps.audit.models import CatatanAudit

    rek = buat(modul, "18.72")
    setattr(rek, modul.judul_field, "Judul baru")
    ubah_rekaman(rek, operator_metro, [modul.judul_field], version=rek.version)
    assert getattr(segar(rek), modul.judul_field) == "Judul baru"
    audit = CatatanAudit.objects.filter(objek_tipe=rek._meta.label_lower, objek_id=str(rek.pk))
    assert audit.first().aksi == "ubah"
    assert modul.judul_field in audit.first().data["fields"]


@pytest.mark.parametrize("status", ["diajukan", "disetujui"])
@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_rekaman_yang_sudah_diajukan_tidak_dapat_diubah(
    modul, status, buat, operator_metro, client
):
    rek = buat(modul, "18.72", status)
    client.force_login(operator_metro)
    url = f"/kelola/{modul.kode}/{rek.pk}/ubah/"
    pesan = f"Rekaman berstatus “{segar(rek).get_status_display()}” tidak dapat diubah."
    buka = client.get(url, follow=True)
    assert pesan in buka.text
    kirim = client.post(url, factories.data_form(modul, rek, **{modul.judul_field: "Diubah"}))
    assert kirim.status_code == 200
    assert pesan in kirim.text
    assert getattr(segar(rek), modul.judul_field) != "Diubah"
