"""The applicant's contact person (UU 27/2022) from the refused side: only a case handler of
the record's own office sees it, every view audited; other staff in scope see it masked; staff
out of scope get 404; no public door serves it, masked or not."""

import io

import pytest

from apps.audit.models import CatatanAudit
from tests import factories
from tests.conftest import lihat_pribadi_tercatat, segar
from tests.sengketa.conftest import (
    ALAMAT,
    EMAIL,
    NAMA_KONTAK,
    TELEPON,
    TELEPON_SAMAR,
    tambah_kontak,
)

pytestmark = pytest.mark.django_db

RAHASIA = (NAMA_KONTAK, TELEPON, EMAIL, ALAMAT, "0812-3456-7890")
PREFIX = "kontakpemohon"


@pytest.fixture
def perkara(modul, buat):
    """A public, decided dispute of Kota Metro with its applicant's contact person."""
    obj = buat(modul, "18.72", "disetujui", "berkala", i=4)
    tambah_kontak(obj)
    return obj


def _detail(client, user, obj):
    client.force_login(user)
    return client.get(f"/kelola/sengketa/{obj.pk}/")


def test_penangan_melihat_kontak_dan_tercatat_dilihat_pribadi_tercatat(
    client, perkara, operator_metro, jadikan_penangan
):
    jadikan_penangan(operator_metro)
    html = _detail(client, operator_metro, perkara).content.decode()
    for teks in (NAMA_KONTAK, TELEPON, EMAIL, ALAMAT):
        assert teks in html
    assert lihat_pribadi_tercatat(operator_metro, perkara) == 1
    client.get(f"/kelola/sengketa/{perkara.pk}/")
    assert lihat_pribadi_tercatat(operator_metro, perkara) == 2
    baris = CatatanAudit.objects.filter(aktor=operator_metro, aksi="lihat_data_pribadi").last()
    assert baris.objek_tipe == "sengketa.sengketa"
    assert baris.satker_id == perkara.satker_id


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
    assert TELEPON_SAMAR in html
    assert "R*** H***" in html
    assert lihat_pribadi_tercatat(user, perkara) == 0


def test_penangan_di_provinsi_tidak_melihat_kontak_perkara_kabkota(
    client, perkara, kasek_lampung, jadikan_penangan
):
    jadikan_penangan(kasek_lampung, "18")
    html = _detail(client, kasek_lampung, perkara).content.decode()
    assert TELEPON not in html
    assert TELEPON_SAMAR in html


@pytest.mark.parametrize("nama", ["outsider", "operator_lamsel"])
def test_staf_di_luar_lingkup_404(client, perkara, persona, nama, jadikan_penangan):
    user = persona(nama)
    if nama == "operator_lamsel":
        jadikan_penangan(user, "18.01")  # a handler, but of another office
    assert _detail(client, user, perkara).status_code == 404
    assert client.get(f"/kelola/sengketa/{perkara.pk}/ubah/").status_code == 404
    assert lihat_pribadi_tercatat(user, perkara) == 0


def _isi(respons):
    isi = b"".join(respons.streaming_content) if respons.streaming else respons.content
    if respons.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import openpyxl

        buku = openpyxl.load_workbook(io.BytesIO(isi), read_only=True)
        return "\n".join(
            str(c) for ws in buku.worksheets for row in ws.iter_rows(values_only=True) for c in row
        )
    return isi.decode("utf-8", "replace")


def test_pintu_publik_tidak_pernah_memuat_kontak(client, perkara):
    client.logout()
    urls = [
        "/",
        "/data/",
        "/data/sengketa/",
        f"/data/sengketa/{perkara.pk}/",
        "/data/sengketa/rekap/",
        "/data/sengketa/?q=Rudi",
        "/satker/18.72/",
        "/data/sengketa.csv",
        "/data/sengketa.json",
        "/data/sengketa.xlsx",
        "/api/v1/sengketa/",
        f"/api/v1/sengketa/{perkara.pk}/",
        "/catalog.jsonld",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        teks = _isi(response)
        for rahasia in (*RAHASIA, TELEPON_SAMAR, "R*** H***", "0812**"):
            assert rahasia not in teks, (url, rahasia)
    # the public record itself is there
    assert perkara.pemohon in client.get(f"/data/sengketa/{perkara.pk}/").content.decode()
    # a search for the contact's name finds nothing
    assert f"/data/sengketa/{perkara.pk}/" not in client.get("/data/sengketa/?q=Rudi").text


def test_formulir_bukan_penangan_tanpa_kontak_dan_tidak_dapat_mengisinya(
    client, modul, buat, operator_metro
):
    obj = buat(modul, "18.72", "draft", i=0)
    tambah_kontak(obj)
    client.force_login(operator_metro)
    html = client.get(f"/kelola/sengketa/{obj.pk}/ubah/").content.decode()
    assert TELEPON not in html
    assert f"{PREFIX}-TOTAL_FORMS" not in html
    data = factories.data_form(modul, obj)
    data |= {
        f"{PREFIX}-TOTAL_FORMS": 1,
        f"{PREFIX}-INITIAL_FORMS": 0,
        f"{PREFIX}-0-nama": "Penyusup",
        f"{PREFIX}-0-telepon": "081299998888",
    }
    response = client.post(f"/kelola/sengketa/{obj.pk}/ubah/", data)
    assert response.status_code == 302
    assert list(segar(obj).kontak.values_list("nama", flat=True)) == [NAMA_KONTAK]
    assert lihat_pribadi_tercatat(operator_metro, obj) == 0


def test_penangan_mengisi_kontak_lewat_formulir(
    client, modul, buat, operator_metro, jadikan_penangan
):
    jadikan_penangan(operator_metro)
    obj = buat(modul, "18.72", "draft", i=0)
    client.force_login(operator_metro)
    html = client.get(f"/kelola/sengketa/{obj.pk}/ubah/").content.decode()
    assert f"{PREFIX}-TOTAL_FORMS" in html
    assert lihat_pribadi_tercatat(operator_metro, obj) == 1  # the edit form shows personal data
    data = factories.data_form(modul, obj)
    data |= {
        f"{PREFIX}-TOTAL_FORMS": 1,
        f"{PREFIX}-INITIAL_FORMS": 0,
        f"{PREFIX}-0-nama": "Maya Anggraini",
        f"{PREFIX}-0-telepon": "0812 ab",
    }
    response = client.post(f"/kelola/sengketa/{obj.pk}/ubah/", data)
    assert response.status_code == 200
    assert (
        "Nomor telepon hanya memuat angka, spasi, tanda hubung dan + di depan."
        in response.content.decode()
    )
    data[f"{PREFIX}-0-telepon"] = ""
    response = client.post(f"/kelola/sengketa/{obj.pk}/ubah/", data)
    assert "Isi telepon atau email narahubung pemohon." in response.content.decode()
    assert not segar(obj).kontak.exists()
    data[f"{PREFIX}-0-telepon"] = "+62 812-3456-7890"
    response = client.post(f"/kelola/sengketa/{obj.pk}/ubah/", data)
    assert response.status_code == 302
    assert segar(obj).kontak.get().telepon == "+62 812-3456-7890"


def test_kontak_tidak_pernah_menjadi_field_publik(modul):
    from apps.sengketa.models import KontakPemohon

    pribadi = {f.name for f in KontakPemohon._meta.fields} - {"id"}
    assert not set(modul.semua_public_fields) & pribadi
    inline = modul.inlines[0]
    assert inline.pribadi
    assert not inline.publik
    assert set(KontakPemohon.jenis_pii) == set(inline.fields)
