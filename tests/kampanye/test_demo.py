"""The participants lookup table and the demo hooks."""

import pytest
from django.core.exceptions import ValidationError

from apps.core import registry
from apps.core.demo import pemilihan_demo
from apps.kampanye.demo import PESERTA_PEMILU_2024, demo_records, demo_setup
from apps.kampanye.models import JenisPeserta, Kampanye, PesertaPemilu

pytestmark = pytest.mark.django_db


def _peserta_2024():
    return set(
        PesertaPemilu.objects.filter(pemilihan__kode="pemilu-2024").values_list(
            "jenis", "nomor_urut", "nama"
        )
    )


def test_demo_setup_mengisi_peserta_pemilu_2024():
    demo_setup()
    rows = _peserta_2024()
    assert len(rows) == 21
    partai = {nomor for jenis, nomor, _nama in rows if jenis == JenisPeserta.PARTAI}
    assert partai == {*range(1, 18), 24}
    assert ("partai", 2, "Partai Gerakan Indonesia Raya (Gerindra)") in rows
    assert ("partai", 24, "Partai Ummat") in rows
    assert {(nomor, nama) for jenis, nomor, nama in rows if jenis == "paslon_presiden"} == {
        (1, "Anies Baswedan–Muhaimin Iskandar"),
        (2, "Prabowo Subianto–Gibran Rakabuming Raka"),
        (3, "Ganjar Pranowo–Mahfud MD"),
    }
    paslon = PesertaPemilu.objects.get(jenis="paslon_presiden", nomor_urut=2)
    assert str(paslon) == "02 Prabowo Subianto–Gibran Rakabuming Raka"
    assert str(PesertaPemilu.objects.get(jenis="partai", nomor_urut=2)).startswith("2 Partai")


def test_demo_setup_idempoten_dan_tidak_menimpa_perubahan_admin():
    demo_setup()
    pkb = PesertaPemilu.objects.get(jenis="partai", nomor_urut=1)
    pkb.nama = "PKB"  # the admin shortened the name
    pkb.save()
    sebelum = set(PesertaPemilu.objects.values_list("pk", flat=True))
    demo_setup()
    demo_setup()
    assert set(PesertaPemilu.objects.values_list("pk", flat=True)) == sebelum
    assert PesertaPemilu.objects.get(pk=pkb.pk).nama == "PKB"
    assert len(_peserta_2024()) == len(PESERTA_PEMILU_2024) == 21


def test_seed_demo_memanggil_demo_setup():
    modul = registry.get("kampanye")
    assert modul.demo_setup is demo_setup
    assert modul.demo_records is demo_records


@pytest.mark.parametrize("kode", ["18.72", "18.01", "64.08"])
def test_demo_records_sah_untuk_setiap_kabkota(kode, kantor):
    satker = kantor(kode)
    dugaan = 0
    for i in range(8):
        obj = demo_records(satker, i)
        obj.periode = obj.tanggal.replace(day=1)
        obj.full_clean(exclude=["created_by", "updated_by"])
        assert obj.pk is None
        assert obj.satker == satker
        assert obj.wilayah.kode == kode or obj.wilayah.kode.startswith(kode + ".")
        assert obj.pemilihan.kode == "pemilu-2024"
        # the Pemilu 2024 campaign ran 28 November 2023 – 10 February 2024
        assert "2024-01-01" <= obj.tanggal.isoformat() <= "2024-02-10"
        if obj.dugaan_pelanggaran:
            dugaan += 1
            assert obj.tindak_lanjut.strip()
    assert 0 < dugaan < 8
    assert len({demo_records(satker, i).judul for i in range(8)}) == 8
    assert not Kampanye.objects.exists()


def test_nomor_urut_unik_per_jenis_dan_nama_unik_per_pemilihan():
    demo_setup()
    pemilu = pemilihan_demo("pemilu-2024")
    sama_nomor = PesertaPemilu(pemilihan=pemilu, jenis="partai", nomor_urut=2, nama="Partai X")
    with pytest.raises(ValidationError) as e:
        sama_nomor.full_clean()
    assert "Nomor urut ini sudah dipakai" in " ".join(e.value.messages)
    sama_nama = PesertaPemilu(pemilihan=pemilu, jenis="partai", nomor_urut=30, nama="Partai Ummat")
    with pytest.raises(ValidationError) as e:
        sama_nama.full_clean()
    assert "Peserta dengan nama ini sudah terdaftar" in " ".join(e.value.messages)
    # the same name in another election, and participants without a number, are fine
    PesertaPemilu(
        pemilihan=pemilihan_demo("pilkada-2024"), jenis="partai", nomor_urut=24, nama="Partai Ummat"
    ).full_clean()
    for nama in ("Calon DPD A", "Calon DPD B"):
        PesertaPemilu.objects.create(pemilihan=pemilu, jenis="calon_dpd", nama=nama)
    nol = PesertaPemilu(pemilihan=pemilu, jenis="calon_dpd", nomor_urut=0, nama="Calon DPD C")
    with pytest.raises(ValidationError, match=r"Nomor urut peserta dimulai dari 1\."):
        nol.full_clean()


def test_admin_peserta_dapat_dicari(client, admin):
    demo_setup()
    client.force_login(admin)
    response = client.get("/admin/kampanye/pesertapemilu/", {"q": "Gerindra"})
    assert response.status_code == 200
    assert "Partai Gerakan Indonesia Raya (Gerindra)" in response.text
    assert "Partai Ummat" not in response.text
