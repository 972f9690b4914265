"""A case walked through the staff pages by the demo personas, the overdue lists, and the
public counts."""

import datetime as dt

import pytest
from django.utils import timezone

from apps.pelanggaran.models import Pelanggaran
from tests.conftest import segar
from tests.pelanggaran.conftest import NIK_METRO

pytestmark = pytest.mark.django_db


def _kirim(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def _form(obj_or_none, **nilai):
    """Form data of a laporan case (the base fields plus `nilai`)."""
    data = {
        "satker": 0,
        "wilayah": "18.72",
        "pemilihan": "",
        "sumber": "laporan",
        "judul": "Dugaan politik uang di Metro Pusat",
        "ringkasan": "Laporan masyarakat tentang pembagian uang menjelang pemungutan suara.",
        "uraian": "Kronologi lengkap.",
        "terlapor": "Tim kampanye calon X",
        "tempat_kejadian": "Metro Pusat",
        "tanggal_kejadian": "2024-02-10",
        "tanggal_diketahui": "2024-02-10",
        "tanggal_laporan": "2024-02-12",
        "version": obj_or_none.version if obj_or_none else "",
        "pelapor-TOTAL_FORMS": 1,
        "pelapor-INITIAL_FORMS": 0 if obj_or_none is None else 1,
        "pelapor-MIN_NUM_FORMS": 0,
        "pelapor-MAX_NUM_FORMS": 1000,
    }
    data.update(nilai)
    return data


def test_laporan_dari_diterima_sampai_tindak_lanjut_lewat_halaman_petugas(
    client, kantor, operator_metro, koorsek_metro, ppid_lampung, jadikan_penangan
):
    jadikan_penangan(operator_metro)
    client.force_login(operator_metro)
    metro = kantor("18.72")
    # 1. received, with the reporter
    _kirim(
        client,
        "/kelola/pelanggaran/baru/",
        _form(
            None,
            satker=metro.pk,
            **{
                "pelapor-0-nama": "Siti Rahmawati",
                "pelapor-0-nik": NIK_METRO,
                "pelapor-0-alamat": "Jl. Merdeka No. 10, Metro",
                "pelapor-0-telepon": "081234567890",
            },
        ),
    )
    obj = Pelanggaran.objects.get(judul="Dugaan politik uang di Metro Pusat")
    assert obj.tahap == "kajian_awal"
    pelapor = obj.pelapor.get()
    langkah = {
        "satker": metro.pk,
        "pelapor-0-id": pelapor.pk,
        "pelapor-0-nama": pelapor.nama,
        "pelapor-0-nik": pelapor.nik,
        "pelapor-0-alamat": pelapor.alamat,
    }
    syarat = dict.fromkeys(
        (
            "syarat_formal_pelapor",
            "syarat_formal_terlapor",
            "syarat_formal_waktu",
            "syarat_materiel_peristiwa",
            "syarat_materiel_uraian",
            "syarat_materiel_bukti",
        ),
        "on",
    )
    # 2. requirements checked and registered: the number is given, the study clock starts
    _kirim(
        client,
        f"/kelola/pelanggaran/{obj.pk}/ubah/",
        _form(
            segar(obj),
            **langkah,
            **syarat,
            tanggal_kajian_awal="2024-02-13",
            registrasi="diregistrasi",
            tanggal_registrasi="2024-02-14",
        ),
    )
    obj = segar(obj)
    assert obj.nomor_registrasi == "001/Reg/LP/PL/Kota/18.72/II/2024"
    assert (obj.tahap, obj.tenggat) == ("kajian", dt.date(2024, 2, 21))
    detail = client.get(f"/kelola/pelanggaran/{obj.pk}/").content.decode()
    assert "Tahapan penanganan" in detail
    assert "21 Februari 2024" in detail
    assert "UU 7/2017 Pasal 454 ayat (6)" in detail
    # 3. a decision before registration would have been refused; a late one needs a reason
    terlambat = _form(
        segar(obj),
        **langkah,
        **syarat,
        tanggal_kajian_awal="2024-02-13",
        registrasi="diregistrasi",
        tanggal_registrasi="2024-02-14",
        nomor_registrasi=obj.nomor_registrasi,
        tanggal_kajian="2024-02-23",
        hasil_kajian="pelanggaran",
        jenis_pelanggaran="pidana",
    )
    response = client.post(f"/kelola/pelanggaran/{obj.pk}/ubah/", terlambat)
    assert response.status_code == 200
    assert "melewati batas waktu 21 Februari 2024" in response.content.decode()
    terlambat["alasan_terlambat"] = "Saksi baru dapat diperiksa pada 22 Februari 2024."
    _kirim(client, f"/kelola/pelanggaran/{obj.pk}/ubah/", terlambat)
    # 4. forwarded and followed up
    akhir = {
        **terlambat,
        "version": segar(obj).version,
        "diteruskan_ke": "gakkumdu",
        "tanggal_penerusan": "2024-02-24",
        "nomor_surat_penerusan": "021/PP.01.02/2024",
        "tanggal_hasil_akhir": "2024-03-20",
        "hasil_akhir": "Putusan PN Metro: pidana percobaan.",
    }
    _kirim(client, f"/kelola/pelanggaran/{obj.pk}/ubah/", akhir)
    obj = segar(obj)
    assert (obj.tahap, obj.status_penanganan, obj.tenggat) == ("selesai", "selesai", None)
    # 5. submitted, approved by the Koorsek, classified by the PPID: public
    _kirim(client, f"/kelola/pelanggaran/{obj.pk}/aksi/ajukan/", {})
    client.force_login(koorsek_metro)
    _kirim(client, f"/kelola/pelanggaran/{obj.pk}/aksi/setujui/", {})
    client.force_login(ppid_lampung)
    _kirim(client, f"/kelola/pelanggaran/{obj.pk}/klasifikasi/", {"klasifikasi": "berkala"})
    client.logout()
    publik = client.get(f"/data/pelanggaran/{obj.pk}/").content.decode()
    assert "001/Reg/LP/PL/Kota/18.72/II/2024" in publik
    assert "Tindak pidana pemilu" in publik
    assert "Siti Rahmawati" not in publik
    assert NIK_METRO not in publik
    assert "Tim kampanye calon X" not in publik  # terlapor is internal


@pytest.fixture
def lewat(modul, buat):
    """A Kota Metro report registered 16 days ago with more information requested: overdue."""
    return buat(modul, "18.72", "draft", i=2)


def test_perkara_lewat_tenggat_tampil_bagi_koordinator_satker_dan_provinsi(client, lewat, persona):
    assert lewat.tenggat < timezone.localdate()
    for nama in ("koorsek_metro", "kasek_lampung", "operator_metro"):
        client.force_login(persona(nama))
        html = client.get("/kelola/tenggat/").content.decode()
        assert lewat.judul in html, nama
        assert "lewat" in html
        beranda = client.get("/kelola/").content.decode()
        assert "Perkara lewat tenggat" in beranda, nama
    for nama in ("operator_lamsel", "outsider"):
        client.force_login(persona(nama))
        assert lewat.judul not in client.get("/kelola/tenggat/").content.decode(), nama
        assert lewat.judul not in client.get("/kelola/").content.decode(), nama


def test_daftar_tenggat_saring_satker_dan_keadaan(client, lewat, modul, buat, kasek_lampung):
    belum = buat(modul, "18.01", "draft", i=1)  # registered 3 days ago: due in 4 days
    client.force_login(kasek_lampung)
    html = client.get("/kelola/tenggat/?keadaan=terbuka").content.decode()
    assert lewat.judul in html
    assert belum.judul in html
    html = client.get("/kelola/tenggat/?keadaan=terbuka&satker=18.01").content.decode()
    assert lewat.judul not in html
    assert belum.judul in html
    html = client.get("/kelola/tenggat/?keadaan=entah").content.decode()
    assert "Keadaan “entah” tidak dikenal." in html


def test_daftar_staf_menampilkan_tahap_dan_sisa_hari(client, lewat, operator_metro):
    client.force_login(operator_metro)
    html = client.get("/kelola/pelanggaran/").content.decode()
    assert "Tahap dan tenggat" in html
    assert "tg-lewat" in html


def test_rekap_publik_hanya_menghitung_rekaman_publik(client, modul, buat):
    buat(modul, "18.72", "disetujui", "berkala", i=5)  # pidana, diteruskan
    buat(modul, "18.72", "disetujui", "setiap_saat", i=6)  # administratif, selesai
    buat(modul, "18.01", "disetujui", "berkala", i=7)  # netralitas ASN
    buat(modul, "18.72", "disetujui", "dikecualikan", i=5)
    buat(modul, "18.72", "diajukan", i=6)
    buat(modul, "64.08", "disetujui", "berkala", i=4)  # bukan pelanggaran, Kaltim
    html = client.get("/data/pelanggaran/rekap/").content.decode()
    assert "4 perkara" in html
    assert "Lampung" in html
    assert "Kalimantan Timur" in html
    provinsi = client.get("/data/pelanggaran/rekap/?provinsi=18").content.decode()
    assert "3 perkara" in provinsi
    assert "Kota Metro" in provinsi
    assert "Kalimantan Timur" not in provinsi.split("<main", 1)[-1]
    assert (
        "Kode provinsi “9x” tidak dikenal"
        in client.get("/data/pelanggaran/rekap/?provinsi=9x").content.decode()
    )


def test_rekap_provinsi_menghitung_perkara_bawaslu_ri_di_wilayahnya(client, modul, buat):
    """A case of Bawaslu RI that happened in a Lampung kab/kota is counted in Lampung nationally
    and in that kab/kota inside Lampung: both levels count the same region."""
    obj = buat(modul, "00", "disetujui", "berkala", i=5)
    assert obj.wilayah_id.startswith("18.")
    assert "1 perkara" in client.get("/data/pelanggaran/rekap/").text
    provinsi = client.get("/data/pelanggaran/rekap/?provinsi=18").text
    assert "1 perkara" in provinsi
    assert obj.wilayah.nama in provinsi
