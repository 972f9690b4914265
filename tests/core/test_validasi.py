"""Validation messages in Bahasa Indonesia that name the field and the value (STYLE §7), on the
staff form and on the list filters of the staff and public pages."""

import html

import pytest

from apps.core.forms import form_untuk
from tests import factories
from tests.conftest import MODULS, Matriks, modul_id, pesan_wajib, segar


def _galat_field(response, name):
    return [str(e) for e in response.context["form"].errors.get(name, [])]


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_wilayah_di_luar_wilayah_kerja_operator(modul, client, operator_metro, kantor):
    client.force_login(operator_metro)
    data = factories.data_form(modul, factories.contoh(modul, kantor("18.72")), wilayah="18.01.04")
    response = client.post(f"/kelola/{modul.kode}/baru/", data)
    assert response.status_code == 200
    pesan = "Wilayah 18.01.04 tidak dikenal atau berada di luar wilayah kerja Anda."
    assert _galat_field(response, "wilayah") == [pesan]
    assert pesan in response.text
    assert not modul.model.objects.exists()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_wilayah_di_luar_wilayah_kerja_satker_yang_dipilih(modul, client, admin, kantor):
    """The admin may pick any region, but not one outside the chosen office's area."""
    client.force_login(admin)
    data = factories.data_form(modul, factories.contoh(modul, kantor("18.72")), wilayah="64.08")
    response = client.post(f"/kelola/{modul.kode}/baru/", data)
    assert response.status_code == 200
    assert _galat_field(response, "wilayah") == [
        "Wilayah 64.08 Kabupaten Kutai Timur berada di luar wilayah kerja Bawaslu Kota Metro."
    ]
    assert not modul.model.objects.exists()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_satker_lain_ditolak_dengan_menyebut_nilainya(modul, client, operator_metro, kantor):
    lamsel = kantor("18.01")
    client.force_login(operator_metro)
    data = factories.data_form(modul, factories.contoh(modul, lamsel))
    response = client.post(f"/kelola/{modul.kode}/baru/", data)
    assert _galat_field(response, "satker") == [
        f"Satker dengan id {lamsel.pk} bukan kantor tempat Anda dapat mengisi data."
    ]
    assert not modul.model.objects.exists()


def _wajib(modul, user):
    form = form_untuk(modul)(user=user, modul=modul)
    return [n for n, f in form.fields.items() if f.required]


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_isian_wajib_kosong(modul, client, operator_metro, kantor):
    wajib = _wajib(modul, operator_metro)
    assert wajib, "a module form has required fields"
    client.force_login(operator_metro)
    data = factories.data_form(
        modul, factories.contoh(modul, kantor("18.72")), **dict.fromkeys(wajib, "")
    )
    response = client.post(f"/kelola/{modul.kode}/baru/", data)
    assert response.status_code == 200
    form = response.context["form"]
    for name in wajib:
        label = str(form.fields[name].label)
        galat = _galat_field(response, name)
        assert len(galat) == 1, name
        # Django's Indonesian message under the field's label, or the module's own message
        # naming the field
        assert galat[0] == pesan_wajib() or label.lower() in galat[0].lower()
        blok = response.text.split(f'for="id_{name}"', 1)[1].split('<div class="field">', 1)[0]
        assert html.escape(label) in blok
        assert html.escape(galat[0]) in blok
    assert "Periksa kembali isian yang ditandai." in response.text
    assert not modul.model.objects.exists()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_isian_wajib_kosong_saat_mengubah_tidak_menyimpan(modul, client, operator_metro, buat):
    rek = buat(modul, "18.72")
    sebelum = segar(rek)
    client.force_login(operator_metro)
    data = factories.data_form(modul, rek, **{modul.judul_field: ""})
    response = client.post(f"/kelola/{modul.kode}/{rek.pk}/ubah/", data)
    assert _galat_field(response, modul.judul_field) == [pesan_wajib()]
    assert segar(rek).version == sebelum.version
    assert getattr(segar(rek), modul.judul_field) == getattr(sebelum, modul.judul_field)


# ---- list filters --------------------------------------------------------------------------

SARINGAN_SALAH = [
    ("periode", "2024-13", "Periode “2024-13” tidak valid; gunakan format TTTT-BB, mis. 2024-03."),
    ("periode", "2024-3", "Periode “2024-3” tidak valid; gunakan format TTTT-BB, mis. 2024-03."),
    (
        "periode_dari",
        "maret",
        "Periode dari “maret” tidak valid; gunakan format TTTT-BB, mis. 2024-03.",
    ),
    (
        "periode_sampai",
        "2024-00",
        "Periode sampai “2024-00” tidak valid; gunakan format TTTT-BB, mis. 2024-03.",
    ),
    ("wilayah", "Metro", "Kode wilayah “Metro” tidak dikenali (contoh: 18.72)."),
    ("wilayah", "18.7", "Kode wilayah “18.7” tidak dikenali (contoh: 18.72)."),
]


def _ada_rekaman_di(response, modul, rek, publik):
    awal = "/data/" if publik else "/kelola/"
    return f'href="{awal}{modul.kode}/{rek.pk}/"' in response.text


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_saringan_salah_staf_dan_publik(modul, client, buat, kasek_lampung):
    rek = buat(modul, "18.72", "disetujui", "berkala")
    matriks = Matriks()
    for nama, nilai, pesan in SARINGAN_SALAH:
        with matriks.sel(halaman="publik", saringan=nama, nilai=nilai):
            client.logout()
            publik = client.get(f"/data/{modul.kode}/", {nama: nilai})
            assert publik.status_code == 200
            assert pesan in publik.text
            # a filter that was not understood is not applied
            assert _ada_rekaman_di(publik, modul, rek, publik=True)
        with matriks.sel(halaman="staf", saringan=nama, nilai=nilai):
            client.force_login(kasek_lampung)
            staf = client.get(f"/kelola/{modul.kode}/", {nama: nilai})
            assert staf.status_code == 200
            assert pesan in staf.text
            assert _ada_rekaman_di(staf, modul, rek, publik=False)
    matriks.periksa()


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_saringan_status_hanya_di_halaman_staf(modul, client, buat, kasek_lampung):
    rek = buat(modul, "18.72", "diajukan")
    client.force_login(kasek_lampung)
    salah = client.get(f"/kelola/{modul.kode}/", {"status": "hapus"})
    assert "Status “hapus” tidak dikenal." in salah.text
    assert _ada_rekaman_di(salah, modul, rek, publik=False)
    assert _ada_rekaman_di(
        client.get(f"/kelola/{modul.kode}/", {"status": "diajukan"}), modul, rek, publik=False
    )
    assert not _ada_rekaman_di(
        client.get(f"/kelola/{modul.kode}/", {"status": "draft"}), modul, rek, publik=False
    )


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_saringan_pilihan_modul_salah(modul, client, buat):
    rek = buat(modul, "18.72", "disetujui", "berkala")
    nama_saringan = [(n, modul.field(n).verbose_name) for n in modul.filter_fields]
    nama_saringan += [(f.name, f.label) for f in modul.filter_tambahan]
    if not nama_saringan:
        pytest.skip(f"modul {modul.kode} tidak punya saringan pilihan")
    for nama, label in nama_saringan:
        response = client.get(f"/data/{modul.kode}/", {nama: "bukan-pilihan"})
        assert f"Nilai “bukan-pilihan” tidak dikenal untuk {label}." in response.text
        assert _ada_rekaman_di(response, modul, rek, publik=True)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_saringan_yang_benar_diterapkan(modul, client, buat):
    rek = buat(modul, "18.72", "disetujui", "berkala")
    bulan = segar(rek).periode.strftime("%Y-%m")
    bulan_lain = segar(rek).periode.replace(year=segar(rek).periode.year - 5).strftime("%Y-%m")
    ada = client.get(f"/data/{modul.kode}/", {"periode": bulan, "wilayah": "18.72"})
    assert "tidak valid" not in ada.text
    assert _ada_rekaman_di(ada, modul, rek, publik=True)
    for saringan in ({"periode": bulan_lain}, {"wilayah": "64"}, {"periode_dari": "2099-01"}):
        assert not _ada_rekaman_di(client.get(f"/data/{modul.kode}/", saringan), modul, rek, True)
