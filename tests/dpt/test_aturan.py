"""The voter-list module's own rules, each in the model (a message naming the field and the
values), on the staff form and in the database: total = male + female, follow-ups never exceed
the notices issued, findings never exceed the list, one report per office × election × stage ×
region × month, never a province, and per kab/kota either kab/kota figures or kecamatan/desa
figures — never both."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from apps.core.services import buat_rekaman, ubah_rekaman
from apps.dpt.models import Dpt
from tests import factories
from tests.conftest import pesan_wajib, segar
from tests.dpt.conftest import AGUSTUS, JULI, laporan_mentah, tulis_langsung

URL_BARU = "/kelola/dpt/baru/"


def _galat(response, name):
    return [str(e) for e in response.context["form"].errors.get(name, [])]


def _kirim(client, user, modul, kantor, **ganti):
    client.force_login(user)
    contoh = factories.contoh(modul, kantor("18.72"))
    return client.post(URL_BARU, factories.data_form(modul, contoh, **ganti))


# ---- total = male + female ------------------------------------------------------------------


def test_jumlah_pemilih_tidak_sesuai_ditolak_formulir_dengan_ketiga_nilai(
    client, operator_metro, modul, kantor
):
    response = _kirim(
        client,
        operator_metro,
        modul,
        kantor,
        pemilih_laki=60_099,
        pemilih_perempuan=60_316,
        pemilih_total=120_000,
    )
    assert response.status_code == 200
    pesan = (
        "Jumlah pemilih 120.000 tidak sama dengan pemilih laki-laki 60.099 ditambah pemilih "
        "perempuan 60.316 (= 120.415)."
    )
    assert _galat(response, "pemilih_total") == [pesan]
    assert pesan in response.text
    assert not Dpt.objects.exists()


def test_jumlah_pemilih_sesuai_diterima_formulir(client, operator_metro, modul, kantor):
    response = _kirim(
        client,
        operator_metro,
        modul,
        kantor,
        pemilih_laki=60_099,
        pemilih_perempuan=60_316,
        pemilih_total=120_415,
        periode="2023-07",
    )
    assert response.status_code == 302, response.context["form"].errors
    rek = Dpt.objects.get()
    assert (rek.pemilih_total, rek.periode.isoformat()) == (120_415, "2023-07-01")


def test_jumlah_pemilih_tidak_sesuai_ditolak_basis_data(kantor, wilayah, operator_metro):
    rek = laporan_mentah(
        kantor("18.72"), wilayah("18.72"), operator_metro, laki=10, perempuan=20, pemilih_total=31
    )
    with pytest.raises(IntegrityError, match="dpt_total_sesuai"):
        tulis_langsung(rek)


def test_jumlah_pemilih_tidak_sesuai_ditolak_layanan(modul, kantor, operator_metro):
    rek = factories.contoh(modul, kantor("18.72"), pemilih_total=1)
    with pytest.raises(ValidationError) as e:
        buat_rekaman(rek, operator_metro)
    assert "pemilih_total" in e.value.message_dict
    assert not Dpt.objects.exists()


def test_pesan_batasan_menyebut_ketiga_isian(modul):
    batasan = next(c for c in Dpt._meta.constraints if c.name == "dpt_total_sesuai")
    with translation.override("id"):
        pesan = str(batasan.violation_error_message)
    for isian in ("Jumlah pemilih", "laki-laki", "perempuan"):
        assert isian in pesan


# ---- follow-ups never exceed notices issued --------------------------------------------------


def test_tindak_lanjut_melebihi_saran_ditolak_formulir(client, operator_metro, modul, kantor):
    response = _kirim(
        client, operator_metro, modul, kantor, saran_perbaikan=3, saran_ditindaklanjuti=4
    )
    assert _galat(response, "saran_ditindaklanjuti") == [
        "Saran perbaikan ditindaklanjuti (4) tidak boleh melebihi saran perbaikan diterbitkan (3)."
    ]
    assert not Dpt.objects.exists()


def test_tindak_lanjut_sama_dengan_saran_diterima(modul, kantor, operator_metro):
    rek = buat_rekaman(
        factories.contoh(modul, kantor("18.72"), saran_perbaikan=4, saran_ditindaklanjuti=4),
        operator_metro,
    )
    assert segar(rek).saran_ditindaklanjuti == 4


def test_tindak_lanjut_melebihi_saran_ditolak_basis_data(kantor, wilayah, operator_metro):
    rek = laporan_mentah(
        kantor("18.72"),
        wilayah("18.72"),
        operator_metro,
        saran_perbaikan=2,
        saran_ditindaklanjuti=3,
    )
    with pytest.raises(IntegrityError, match="dpt_tindak_lanjut_maks"):
        tulis_langsung(rek)


# ---- findings never exceed the list ----------------------------------------------------------


@pytest.mark.parametrize(
    ("isian", "label"),
    [
        ("temuan_tms", "Tidak memenuhi syarat (TMS) masih terdaftar"),
        ("temuan_ganda", "Data pemilih ganda"),
        ("temuan_salah_tps", "Pemilih salah TPS"),
    ],
)
def test_temuan_melebihi_jumlah_pemilih_ditolak(
    isian, label, client, operator_metro, modul, kantor, wilayah
):
    response = _kirim(
        client,
        operator_metro,
        modul,
        kantor,
        pemilih_laki=600,
        pemilih_perempuan=634,
        pemilih_total=1234,
        **{isian: 1235},
    )
    assert _galat(response, isian) == [
        f"{label} (1.235) tidak boleh melebihi jumlah pemilih (1.234)."
    ]
    rek = laporan_mentah(kantor("18.72"), wilayah("18.72"), operator_metro, **{isian: 2001})
    with pytest.raises(IntegrityError, match="dpt_temuan_maks"):
        tulis_langsung(rek)


# ---- election and region ---------------------------------------------------------------------


def test_wilayah_provinsi_ditolak(client, kasek_lampung, modul, kantor, wilayah):
    client.force_login(kasek_lampung)
    contoh = factories.contoh(modul, kantor("18"))
    halaman = client.get(URL_BARU)
    assert '<option value="18.01"' in halaman.text
    assert '<option value="18"' not in halaman.text
    response = client.post(URL_BARU, factories.data_form(modul, contoh, wilayah="18"))
    assert _galat(response, "wilayah") == [
        "Wilayah 18 tidak dikenal atau berada di luar wilayah kerja Anda."
    ]
    # the model says why, for imports and services
    with pytest.raises(ValidationError) as e:
        buat_rekaman(factories.contoh(modul, kantor("18"), wilayah=wilayah("18")), kasek_lampung)
    assert e.value.message_dict["wilayah"] == [
        "Wilayah 18 Lampung adalah provinsi; data daftar pemilih diisi per kabupaten/kota, "
        "kecamatan atau desa. Angka provinsi dan nasional dijumlahkan otomatis."
    ]
    rek = laporan_mentah(kantor("18"), wilayah("18"), kasek_lampung)
    with pytest.raises(IntegrityError, match="dpt_wilayah_kabkota_atau_lebih_rinci"):
        tulis_langsung(rek)
    assert not Dpt.objects.exists()


def test_pilihan_wilayah_operator_kabkota_sampai_desa(client, operator_metro, wilayah):
    client.force_login(operator_metro)
    halaman = client.get(URL_BARU).text
    for kode in ("18.72", "18.72.01", "18.72.05", "18.72.01.1001"):
        assert f'<option value="{kode}"' in halaman, kode
    for kode in ("18", "18.01", "18.01.04", "64.08"):
        assert f'<option value="{kode}"' not in halaman, kode


def test_wilayah_dan_pemilihan_wajib_di_basis_data(kantor, wilayah, operator_metro):
    tanpa_wilayah = laporan_mentah(kantor("18.72"), wilayah("18.72"), operator_metro)
    tanpa_wilayah.wilayah = None
    with pytest.raises(IntegrityError, match="dpt_wilayah_kabkota_atau_lebih_rinci"):
        tulis_langsung(tanpa_wilayah)
    tanpa_pemilihan = laporan_mentah(kantor("18.72"), wilayah("18.72"), operator_metro)
    tanpa_pemilihan.pemilihan = None
    with pytest.raises(IntegrityError, match="dpt_pemilihan_wajib"):
        tulis_langsung(tanpa_pemilihan)


def test_pemilihan_wajib_di_formulir(client, operator_metro, modul, kantor):
    response = _kirim(client, operator_metro, modul, kantor, pemilihan="")
    assert _galat(response, "pemilihan") == [pesan_wajib()]


def test_periode_bulan_salah_menyebut_nilainya(client, operator_metro, modul, kantor):
    response = _kirim(client, operator_metro, modul, kantor, periode="Juli 2023")
    assert _galat(response, "periode") == [
        "Periode “Juli 2023” tidak valid; gunakan format TTTT-BB, mis. 2023-07."
    ]


# ---- one report per office, election, stage, region and month -------------------------------


def test_laporan_ganda_ditolak_dengan_menyebut_yang_sudah_ada(
    client, operator_metro, modul, kantor, lapor
):
    ada = lapor("18.72", "draft", "belum")
    response = _kirim(
        client, operator_metro, modul, kantor, wilayah="18.72", periode="2023-07", tahap="dpt"
    )
    assert _galat(response, "wilayah") == [
        "Laporan DPT Pemilu 2024 untuk Kota Metro periode Juli 2023 sudah ada di Bawaslu Kota "
        f"Metro: “{ada.judul}”. Ubah laporan itu, jangan membuat yang baru."
    ]
    assert Dpt.objects.count() == 1


def test_laporan_ganda_ditolak_basis_data(kantor, wilayah, operator_metro):
    tulis_langsung(laporan_mentah(kantor("18.72"), wilayah("18.72"), operator_metro))
    with pytest.raises(IntegrityError, match="dpt_unik"):
        tulis_langsung(laporan_mentah(kantor("18.72"), wilayah("18.72"), operator_metro))


@pytest.mark.parametrize(
    "beda", [{"periode": AGUSTUS}, {"tahap": "dps"}, {"kode_wilayah": "18.01", "satker": "18.01"}]
)
def test_bulan_tahap_atau_wilayah_lain_boleh(lapor, beda):
    lapor("18.72")
    kode = beda.pop("kode_wilayah", "18.72")
    lapor(kode, **beda)
    assert Dpt.objects.count() == 2


def test_mengubah_laporan_tidak_bentrok_dengan_dirinya_sendiri(lapor, operator_metro):
    rek = lapor("18.72.01", "draft", "belum")
    rek.pemilih_laki, rek.pemilih_total = 1001, 2001
    ubah_rekaman(rek, operator_metro, ["pemilih_laki", "pemilih_total"], version=rek.version)
    assert segar(rek).pemilih_total == 2001


# ---- per kab/kota: kab/kota figures or kecamatan/desa figures, never both ---------------------


def test_kecamatan_ditolak_bila_kabkota_sudah_diisi(client, operator_metro, modul, kantor, lapor):
    lapor("18.72", "draft", "belum")
    response = _kirim(
        client, operator_metro, modul, kantor, wilayah="18.72.01", periode="2023-07", tahap="dpt"
    )
    assert _galat(response, "wilayah") == [
        "DPT Pemilu 2024 periode Juli 2023 untuk Kota Metro sudah diisi di tingkat "
        "kabupaten/kota: Kota Metro (18.72). Angka satu kabupaten/kota diisi di tingkat "
        "kabupaten/kota atau per kecamatan/desa, tidak keduanya, agar tidak terhitung dua kali; "
        "ubah laporan yang sudah ada."
    ]
    assert Dpt.objects.count() == 1


def test_kabkota_ditolak_bila_kecamatan_sudah_diisi(client, operator_metro, modul, kantor, lapor):
    lapor("18.72.01", "disetujui", "berkala")
    lapor("18.72.03", "diajukan", "belum")
    response = _kirim(
        client, operator_metro, modul, kantor, wilayah="18.72", periode="2023-07", tahap="dpt"
    )
    assert _galat(response, "wilayah") == [
        "DPT Pemilu 2024 periode Juli 2023 untuk Kota Metro sudah diisi per kecamatan/desa: "
        "Metro Pusat (18.72.01); Metro Barat (18.72.03). Angka satu kabupaten/kota diisi di "
        "tingkat kabupaten/kota atau per kecamatan/desa, tidak keduanya, agar tidak terhitung "
        "dua kali; ubah laporan yang sudah ada."
    ]
    assert Dpt.objects.count() == 2


def test_kecamatan_lain_boleh_berdampingan(lapor):
    for kode in ("18.72.01", "18.72.02", "18.72.03", "18.72.04", "18.72.05"):
        lapor(kode)
    assert Dpt.objects.count() == 5


def test_desa_ditolak_bila_kecamatannya_sudah_diisi(modul, kantor, lapor, wilayah, operator_metro):
    lapor("18.72.01")
    with pytest.raises(ValidationError) as e:
        buat_rekaman(
            factories.contoh(
                modul,
                kantor("18.72"),
                wilayah=wilayah("18.72.01.1001"),
                periode=JULI,
                tahap="dpt",
            ),
            operator_metro,
        )
    assert "Metro Pusat (18.72.01)" in e.value.message_dict["wilayah"][0]
    # in another month the desa figures are fine
    lapor("18.72.01.1002", periode=AGUSTUS)


def test_aturan_berlaku_lintas_satker(modul, kantor, lapor, wilayah, pimpinan_lampung):
    """Bawaslu Provinsi Lampung may enter Kota Metro's figures too; it may not add kab/kota
    figures to Kota Metro's kecamatan figures. The message names the region of the other
    office's report but not the office or its title (it may be outside the user's scope)."""
    lapor("18.72.02")
    with pytest.raises(ValidationError) as e:
        buat_rekaman(
            factories.contoh(
                modul, kantor("18"), wilayah=wilayah("18.72"), periode=JULI, tahap="dpt"
            ),
            pimpinan_lampung,
        )
    assert e.value.message_dict["wilayah"] == [
        "DPT Pemilu 2024 periode Juli 2023 untuk Kota Metro sudah diisi per kecamatan/desa: "
        "Metro Utara (18.72.02, laporan kantor lain). Angka satu kabupaten/kota diisi di "
        "tingkat kabupaten/kota atau per kecamatan/desa, tidak keduanya, agar tidak terhitung "
        "dua kali; ubah laporan yang sudah ada."
    ]


def test_demo_records_sah_untuk_semua_indeks(modul, kantor, operator_metro):
    for i in range(8):
        buat_rekaman(factories.contoh(modul, kantor("18.72"), i), operator_metro)
    # the same index again moves to the next free month instead of colliding
    buat_rekaman(factories.contoh(modul, kantor("18.72"), 7), operator_metro)
    assert Dpt.objects.count() == 9
    assert all(r.pemilih_total == r.pemilih_laki + r.pemilih_perempuan for r in Dpt.objects.all())


def test_angka_judul_dan_tahapan_terisi(modul, kantor, operator_metro):
    rek = buat_rekaman(factories.contoh(modul, kantor("18.72"), 4), operator_metro)
    assert str(rek) == "Pengawasan DPT Kota Metro Juli 2023"
    assert rek.tahapan == "Pemutakhiran data dan penyusunan daftar pemilih"
