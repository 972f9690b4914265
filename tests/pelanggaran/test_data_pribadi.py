"""The reporter's identity (UU 27/2022) from the refused side: only a case handler of the
record's own office sees it, every view is audited; other staff in scope see it masked; staff out
of scope get 404; no public door ever serves it, masked or not."""

import pytest

from tests.conftest import lihat_pribadi_tercatat, segar
from tests.pelanggaran.conftest import NIK_METRO, tambah_pelapor

pytestmark = pytest.mark.django_db

NAMA = "Siti Rahmawati"
TELEPON = "081234567890"
EMAIL = "siti@contoh.id"
RAHASIA = (NIK_METRO, NAMA, TELEPON, EMAIL, "Jl. Merdeka No. 10")
SAMARAN = "1872********0003"


@pytest.fixture
def perkara(modul, buat):
    """A public laporan of Kota Metro with its reporter."""
    obj = buat(modul, "18.72", "disetujui", "berkala", i=5)
    tambah_pelapor(obj)
    return obj


def _detail(client, user, obj):
    client.force_login(user)
    return client.get(f"/kelola/pelanggaran/{obj.pk}/")


def test_penangan_satker_melihat_identitas_dan_tercatat_dilihat_pribadi_tercatat(
    client, perkara, operator_metro, jadikan_penangan
):
    jadikan_penangan(operator_metro)
    html = _detail(client, operator_metro, perkara).content.decode()
    for teks in RAHASIA:
        assert teks in html
    assert lihat_pribadi_tercatat(operator_metro, perkara) == 1
    client.get(f"/kelola/pelanggaran/{perkara.pk}/")
    assert lihat_pribadi_tercatat(operator_metro, perkara) == 2


@pytest.mark.parametrize(
    "nama",
    [
        "operator_metro",
        "koorsek_metro",
        "kasek_lampung",
        "pimpinan_lampung",
        "ppid_lampung",
        "admin",
    ],
)
def test_staf_tanpa_izin_penanganan_hanya_melihat_samaran(client, perkara, persona, nama):
    user = persona(nama)
    response = _detail(client, user, perkara)
    assert response.status_code == 200
    html = response.content.decode()
    for teks in RAHASIA:
        assert teks not in html, (nama, teks)
    assert SAMARAN in html
    assert lihat_pribadi_tercatat(user, perkara) == 0


def test_penangan_di_provinsi_tidak_melihat_identitas_perkara_kabkota(
    client, perkara, kasek_lampung, jadikan_penangan
):
    jadikan_penangan(kasek_lampung, "18")
    html = _detail(client, kasek_lampung, perkara).content.decode()
    assert NIK_METRO not in html
    assert SAMARAN in html


@pytest.mark.parametrize("nama", ["outsider", "operator_lamsel"])
def test_staf_di_luar_lingkup_404(client, perkara, persona, nama, jadikan_penangan):
    user = persona(nama)
    if nama == "operator_lamsel":
        jadikan_penangan(user, "18.01")  # a handler, but of another office
    assert _detail(client, user, perkara).status_code == 404
    assert client.get(f"/kelola/pelanggaran/{perkara.pk}/ubah/").status_code == 404


def test_pintu_publik_tidak_pernah_memuat_identitas(client, perkara):
    client.logout()
    urls = [
        "/",
        "/data/",
        "/data/pelanggaran/",
        f"/data/pelanggaran/{perkara.pk}/",
        "/data/pelanggaran/rekap/",
        "/satker/18.72/",
        "/data/pelanggaran.csv",
        "/data/pelanggaran.json",
        "/data/pelanggaran.xlsx",
        "/api/v1/pelanggaran/",
        f"/api/v1/pelanggaran/{perkara.pk}/",
        "/api/v1/openapi.json",
        "/catalog.jsonld",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        isi = b"".join(response.streaming_content) if response.streaming else response.content
        if url.endswith(".xlsx"):
            import io

            import openpyxl

            buku = openpyxl.load_workbook(io.BytesIO(isi), read_only=True)
            isi = "\n".join(
                str(c)
                for ws in buku.worksheets
                for row in ws.iter_rows(values_only=True)
                for c in row
            ).encode()
        teks = isi.decode("utf-8", "replace")
        for rahasia in (*RAHASIA, SAMARAN, "1872**"):
            assert rahasia not in teks, (url, rahasia)
    # the public record itself is there
    assert perkara.judul in client.get(f"/data/pelanggaran/{perkara.pk}/").content.decode()


def test_formulir_ubah_bukan_penangan_tanpa_isian_pelapor_dan_tidak_dapat_mengisinya(
    client, modul, buat, operator_metro
):
    obj = buat(modul, "18.72", "draft", i=0)
    tambah_pelapor(obj)
    client.force_login(operator_metro)
    html = client.get(f"/kelola/pelanggaran/{obj.pk}/ubah/").content.decode()
    assert NIK_METRO not in html
    assert "pelapor-TOTAL_FORMS" not in html
    from tests import factories

    data = factories.data_form(modul, obj)
    data.update(
        {
            "pelapor-TOTAL_FORMS": 2,
            "pelapor-INITIAL_FORMS": 0,
            "pelapor-0-nama": "Penyusup",
            "pelapor-0-nik": "1872015507850009",
            "pelapor-0-alamat": "x",
        }
    )
    response = client.post(f"/kelola/pelanggaran/{obj.pk}/ubah/", data)
    assert response.status_code == 302
    assert list(segar(obj).pelapor.values_list("nama", flat=True)) == [NAMA]


def test_penangan_mengisi_pelapor_nik_salah_ditolak_dengan_pesan(
    client, modul, buat, operator_metro, jadikan_penangan
):
    jadikan_penangan(operator_metro)
    obj = buat(modul, "18.72", "draft", i=0)
    client.force_login(operator_metro)
    from tests import factories

    data = factories.data_form(modul, obj)
    data.update(
        {
            "pelapor-TOTAL_FORMS": 1,
            "pelapor-INITIAL_FORMS": 0,
            "pelapor-0-nama": "Andi Saputra",
            "pelapor-0-nik": "1899015507850003",
            "pelapor-0-alamat": "Jl. Kenanga 3, Metro",
        }
    )
    response = client.post(f"/kelola/pelanggaran/{obj.pk}/ubah/", data)
    assert response.status_code == 200
    assert "kode kabupaten/kota 18.99 tidak dikenal" in response.content.decode()
    assert not segar(obj).pelapor.exists()
    data["pelapor-0-nik"] = "1872011507850004"
    response = client.post(f"/kelola/pelanggaran/{obj.pk}/ubah/", data)
    assert response.status_code == 302
    assert segar(obj).pelapor.get().nik == "1872011507850004"


def test_layanan_menolak_data_pribadi_dari_bukan_penangan(modul, buat, operator_metro):
    """The service, not only the form, refuses personal-data rows from a non-handler."""
    from django.core.exceptions import ValidationError

    from apps.core.forms import formsets_untuk
    from apps.core.services import ubah_rekaman

    obj = buat(modul, "18.72", "draft", i=0)
    inline = modul.inlines[0]
    formset = formsets_untuk(
        modul,
        {
            "pelapor-TOTAL_FORMS": 1,
            "pelapor-INITIAL_FORMS": 0,
            "pelapor-0-nama": "Andi",
            "pelapor-0-nik": "1872011507850004",
            "pelapor-0-alamat": "Metro",
        },
        instance=obj,
        user=None,  # the form would not offer it; build it anyway
    )
    assert formset == []  # not offered without a user
    from django import forms

    from apps.pelanggaran.models import Pelanggaran, Pelapor

    fs = forms.inlineformset_factory(Pelanggaran, Pelapor, fields=inline.fields)(
        {
            "pelapor-TOTAL_FORMS": 1,
            "pelapor-INITIAL_FORMS": 0,
            "pelapor-0-nama": "Andi",
            "pelapor-0-nik": "1872011507850004",
            "pelapor-0-alamat": "Metro",
        },
        instance=obj,
        prefix="pelapor",
    )
    fs.inline = inline
    assert fs.is_valid()
    with pytest.raises(ValidationError, match="tidak berwenang"):
        ubah_rekaman(obj, operator_metro, [], version=obj.version, formsets=[fs])
    assert not segar(obj).pelapor.exists()


def test_data_pribadi_tidak_pernah_menjadi_field_publik(modul):
    from apps.pelanggaran.models import Pelapor

    pribadi = {f.name for f in Pelapor._meta.fields}
    assert not (set(modul.semua_public_fields) & (pribadi - {"id"}) - set())
    assert all(not i.publik for i in modul.inlines if i.pribadi)


def test_data_pribadi_tidak_ada_di_admin_django():
    """The admin shows whole rows to any staff user with a model permission: the reporter
    table is not registered there."""
    from django.contrib import admin

    from apps.pelanggaran.models import Pelapor

    assert Pelapor not in admin.site._registry
