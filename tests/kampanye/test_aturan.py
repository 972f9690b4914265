"""The campaign module's own rules: the participant belongs to the record's election, a
suspected violation needs a follow-up, the election and the region are required — each in the
model (message naming field and value), on the staff form and in the database."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from apps.core import registry
from apps.core.demo import pemilihan_demo
from apps.core.services import ubah_rekaman
from apps.kampanye.models import JenisPeserta, Kampanye, PesertaPemilu
from tests import factories
from tests.conftest import segar

URL_BARU = "/kelola/kampanye/baru/"
# filled in by apps.core.services.buat_rekaman, not by the module
DIISI_LAYANAN = ["periode", "created_by", "updated_by"]


@pytest.fixture
def modul():
    return registry.get("kampanye")


@pytest.fixture
def paslon_pilkada(db):
    """A participant of Pilkada 2024, not of Pemilu 2024 (the demo records' election)."""
    return PesertaPemilu.objects.create(
        pemilihan=pemilihan_demo("pilkada-2024"),
        jenis=JenisPeserta.PASLON_KEPALA_DAERAH,
        nomor_urut=1,
        nama="Bambang Iman Santoso–Rafieq Adi Pradana",
    )


@pytest.fixture
def contoh(modul, kantor):
    """An unsaved valid record of Kota Metro, with `nilai` changed."""
    return lambda i=0, **nilai: factories.contoh(modul, kantor("18.72"), i, **nilai)


def _galat(response, name):
    return [str(e) for e in response.context["form"].errors.get(name, [])]


def _tulis(obj):
    """Save bypassing full_clean(), as a bulk import or a shell would, and have the database
    check its deferred constraints at once."""
    with transaction.atomic():
        obj.save()
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _simpan_langsung(obj, user):
    obj.periode = obj.tanggal.replace(day=1)
    obj.created_by = obj.updated_by = user
    _tulis(obj)


# ---- the participant belongs to the record's election -------------------------------------


def test_peserta_pemilihan_lain_ditolak_clean_dengan_pesan_menyebut_keduanya(
    contoh, paslon_pilkada
):
    obj = contoh(peserta=paslon_pilkada)
    with pytest.raises(ValidationError) as e:
        obj.full_clean()
    assert e.value.message_dict["peserta"] == [
        "Peserta 01 Bambang Iman Santoso–Rafieq Adi Pradana adalah peserta Pilkada Serentak "
        "2024, bukan peserta Pemilu 2024 (pemilihan laporan ini). Pilih peserta Pemilu 2024."
    ]


def test_peserta_pemilihan_sama_diterima(contoh):
    obj = contoh()
    assert obj.peserta.pemilihan_id == obj.pemilihan_id
    obj.full_clean(exclude=DIISI_LAYANAN)  # no error


def test_peserta_pemilihan_lain_ditolak_formulir(
    modul, contoh, paslon_pilkada, client, operator_metro
):
    client.force_login(operator_metro)
    data = factories.data_form(modul, contoh(), peserta=paslon_pilkada.pk)
    response = client.post(URL_BARU, data)
    assert response.status_code == 200
    [pesan] = _galat(response, "peserta")
    assert "Bambang Iman Santoso–Rafieq Adi Pradana" in pesan
    assert "Pilkada Serentak 2024" in pesan
    assert "Pemilu 2024" in pesan
    assert not Kampanye.objects.exists()


def test_peserta_pemilihan_lain_ditolak_basis_data(contoh, paslon_pilkada, operator_metro):
    obj = contoh(peserta=paslon_pilkada)
    with pytest.raises(IntegrityError, match="kampanye_peserta_sepemilihan"):
        _simpan_langsung(obj, operator_metro)
    assert not Kampanye.objects.exists()


def test_peserta_tidak_dapat_dipindah_ke_pemilihan_lain_selama_dipakai(buat, modul, operator_metro):
    rek = buat(modul, "18.72")
    peserta = rek.peserta
    peserta.pemilihan = pemilihan_demo("pilkada-2024")
    with pytest.raises(IntegrityError, match="kampanye_peserta_sepemilihan"):
        _tulis(peserta)


def test_formulir_menampilkan_pemilihan_setiap_peserta(
    client, operator_metro, contoh, paslon_pilkada
):
    contoh()  # creates the Pemilu 2024 participant of scenario 0
    client.force_login(operator_metro)
    html = client.get(URL_BARU).text
    assert "Pemilu 2024 — 1 Partai Kebangkitan Bangsa (PKB)" in html
    assert "Pilkada Serentak 2024 — 01 Bambang Iman Santoso–Rafieq Adi Pradana" in html


# ---- a suspected violation needs a follow-up ----------------------------------------------

PESAN_TINDAK_LANJUT = (
    "Tindak lanjut wajib diisi bila dugaan pelanggaran bernilai “Ya”: tuliskan langkah yang "
    "diambil, mis. “dikaji sebagai temuan dugaan pelanggaran”."
)


@pytest.mark.parametrize("kosong", ["", "   \n\t "])
def test_dugaan_tanpa_tindak_lanjut_ditolak_clean(contoh, kosong):
    obj = contoh(dugaan_pelanggaran=True, tindak_lanjut=kosong)
    with pytest.raises(ValidationError) as e:
        obj.full_clean()
    assert e.value.message_dict["tindak_lanjut"] == [PESAN_TINDAK_LANJUT]


def test_tanpa_dugaan_tindak_lanjut_boleh_kosong(contoh):
    contoh(dugaan_pelanggaran=False, tindak_lanjut="").full_clean(exclude=DIISI_LAYANAN)


def test_dugaan_tanpa_tindak_lanjut_ditolak_formulir(modul, contoh, client, operator_metro):
    client.force_login(operator_metro)
    data = factories.data_form(modul, contoh(), dugaan_pelanggaran="on", tindak_lanjut=" ")
    response = client.post(URL_BARU, data)
    assert response.status_code == 200
    assert _galat(response, "tindak_lanjut") == [PESAN_TINDAK_LANJUT]
    assert "dugaan pelanggaran bernilai “Ya”" in response.text
    assert not Kampanye.objects.exists()

    data["tindak_lanjut"] = "Dikaji sebagai temuan dugaan pelanggaran."
    assert client.post(URL_BARU, data).status_code == 302
    rek = Kampanye.objects.get()
    assert rek.dugaan_pelanggaran is True
    assert rek.tindak_lanjut == "Dikaji sebagai temuan dugaan pelanggaran."


@pytest.mark.parametrize("kosong", ["", "  "])
def test_dugaan_tanpa_tindak_lanjut_ditolak_basis_data(contoh, operator_metro, kosong):
    obj = contoh(dugaan_pelanggaran=True, tindak_lanjut=kosong)
    with pytest.raises(IntegrityError, match="kampanye_tindak_lanjut_dugaan"):
        _simpan_langsung(obj, operator_metro)


def test_dugaan_tanpa_tindak_lanjut_ditolak_saat_mengubah(buat, modul, operator_metro):
    rek = buat(modul, "18.72", i=0)
    assert rek.dugaan_pelanggaran is False
    rek.dugaan_pelanggaran = True
    rek.tindak_lanjut = ""
    with pytest.raises(ValidationError) as e:
        ubah_rekaman(rek, operator_metro, ["dugaan_pelanggaran"], version=rek.version)
    assert e.value.message_dict["tindak_lanjut"] == [PESAN_TINDAK_LANJUT]
    assert segar(rek).dugaan_pelanggaran is False


# ---- election and region are required -----------------------------------------------------


def test_pemilihan_wajib_formulir(modul, contoh, client, operator_metro):
    client.force_login(operator_metro)
    response = client.post(URL_BARU, factories.data_form(modul, contoh(), pemilihan=""))
    assert _galat(response, "pemilihan") == ["Pemilihan wajib dipilih untuk laporan kampanye."]
    assert not Kampanye.objects.exists()


def test_pemilihan_wajib_model_dan_basis_data(contoh, operator_metro):
    obj = contoh(pemilihan=None)
    with pytest.raises(ValidationError) as e:
        obj.full_clean()
    assert "Pemilihan wajib diisi untuk laporan kampanye." in e.value.messages
    with pytest.raises(IntegrityError, match="kampanye_pemilihan_wajib"):
        _simpan_langsung(contoh(pemilihan=None), operator_metro)


def test_wilayah_wajib_formulir_dan_basis_data(modul, contoh, client, operator_metro):
    client.force_login(operator_metro)
    response = client.post(URL_BARU, factories.data_form(modul, contoh(), wilayah=""))
    assert _galat(response, "wilayah") == [
        "Wilayah tempat kegiatan kampanye wajib dipilih (kabupaten/kota atau kecamatan)."
    ]
    with pytest.raises(IntegrityError, match="kampanye_wilayah_wajib"):
        _simpan_langsung(contoh(wilayah=None), operator_metro)


def test_periode_diturunkan_dari_tanggal(buat, modul):
    rek = buat(modul, "18.72", i=6)
    assert rek.tanggal.isoformat() == "2024-02-03"
    assert segar(rek).periode.isoformat() == "2024-02-01"
