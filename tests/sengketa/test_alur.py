"""A dispute walked through the staff pages as the demo personas do it: the Kota Metro
operator (a case handler, as in seed_demo) records the application with its contact person,
then the registration, the failed mediation, the hearing and the decision with its PDF; the
Koorsek approves, the PPID publishes; the public register then shows the decision and nothing
personal."""

import datetime as dt
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.demo import pdf_contoh
from apps.sengketa.models import Sengketa
from tests import factories
from tests.conftest import segar
from tests.sengketa.conftest import (
    MEDIASI,
    OBJEK,
    PUTUSAN,
    REGISTRASI,
    SIDANG,
    TELEPON,
    TERIMA,
)

pytestmark = pytest.mark.django_db

PREFIX = "kontakpemohon"
RINGKASAN = "Majelis mengabulkan sebagian permohonan; termohon melakukan verifikasi ulang."


def _kontak(obj):
    """The contact formset as a browser sends it back: the existing rows, unchanged."""
    rows = list(obj.kontak.order_by("pk"))
    data = {
        f"{PREFIX}-TOTAL_FORMS": len(rows),
        f"{PREFIX}-INITIAL_FORMS": len(rows),
        f"{PREFIX}-MIN_NUM_FORMS": 0,
        f"{PREFIX}-MAX_NUM_FORMS": 1000,
    }
    for n, row in enumerate(rows):
        for name in ("id", "nama", "telepon", "email", "alamat"):
            data[f"{PREFIX}-{n}-{name}"] = getattr(row, name)
    return data


def _ubah(client, modul, obj, **nilai):
    obj = segar(obj)
    data = factories.data_form(modul, obj) | _kontak(obj) | nilai
    return client.post(f"/kelola/sengketa/{obj.pk}/ubah/", data)


@pytest.fixture
def penangan(operator_metro, jadikan_penangan):
    return jadikan_penangan(operator_metro)


def test_permohonan_sampai_putusan_lewat_halaman_staf(
    client, modul, kantor, penangan, koorsek_metro, ppid_lampung
):
    client.force_login(penangan)
    formulir = client.get("/kelola/sengketa/baru/").content.decode()
    for legend in ("Permohonan", "Registrasi", "Mediasi", "Sidang adjudikasi", "Putusan"):
        assert f"<legend>{legend}</legend>" in formulir
    assert 'value="KPU Kota Metro"' in formulir  # the respondent proposed
    assert f"{PREFIX}-TOTAL_FORMS" in formulir

    # 1. the application and who speaks for the applicant
    response = client.post(
        "/kelola/sengketa/baru/",
        {
            "satker": kantor("18.72").pk,
            "wilayah": "18.72",
            "pemilihan": "",
            "version": "",
            "pemohon": "Partai Buruh",
            "jenis_pemohon": "partai_politik",
            "termohon": "KPU Kota Metro",
            "nomor_objek": "Keputusan KPU Kota Metro Nomor 12 Tahun 2024",
            "tanggal_objek": OBJEK.isoformat(),
            "tanggal_diterima": TERIMA.isoformat(),
            "pokok_permohonan": "Pemohon keberatan atas pencoretan dua bakal calon.",
            "petitum": "Membatalkan keputusan termohon.",
            "registrasi": "belum",
            f"{PREFIX}-TOTAL_FORMS": 1,
            f"{PREFIX}-INITIAL_FORMS": 0,
            f"{PREFIX}-MIN_NUM_FORMS": 0,
            f"{PREFIX}-MAX_NUM_FORMS": 1000,
            f"{PREFIX}-0-nama": "Rudi Hartono",
            f"{PREFIX}-0-telepon": TELEPON,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    obj = Sengketa.objects.get()
    assert obj.kontak.get().telepon == TELEPON
    assert (obj.tahap, obj.status_sengketa, obj.status) == ("registrasi", "proses", "draft")

    # a step out of order is refused on the form, naming the field and the rule
    response = _ubah(client, modul, obj, tanggal_sidang_pertama=SIDANG.isoformat(), jumlah_sidang=1)
    assert response.status_code == 200
    assert (
        "Sidang adjudikasi baru dapat dicatat setelah mediasi tidak mencapai kesepakatan."
        in html.unescape(response.content.decode())
    )

    # 2. registration: the number is given
    langkah = [
        {"registrasi": "diregistrasi", "tanggal_registrasi": REGISTRASI.isoformat()},
        {"tanggal_mediasi": MEDIASI.isoformat(), "hasil_mediasi": "tidak_sepakat"},
        {"tanggal_sidang_pertama": SIDANG.isoformat(), "jumlah_sidang": 2},
        {
            "tanggal_putusan": PUTUSAN.isoformat(),
            "amar_putusan": "dikabulkan_sebagian",
            "ringkasan_putusan": RINGKASAN,
            "dokumen_putusan": SimpleUploadedFile("putusan.pdf", pdf_contoh(), "application/pdf"),
        },
    ]
    tahap = ["mediasi", "sidang", "putusan", "selesai"]
    for nilai, berikut in zip(langkah, tahap, strict=True):
        response = _ubah(client, modul, obj, **nilai)
        assert response.status_code == 302, response.context["form"].errors
        assert segar(obj).tahap == berikut
    obj = segar(obj)
    assert obj.nomor_register == "001/PS.REG/18.72/V/2024"
    assert obj.status_sengketa == "diputus"
    assert obj.dokumen_putusan.name.startswith("sengketa/putusan/")
    assert obj.kontak.count() == 1

    # 3. submit, approve, publish
    assert client.post(f"/kelola/sengketa/{obj.pk}/aksi/ajukan/").status_code == 302
    client.force_login(koorsek_metro)
    assert client.post(f"/kelola/sengketa/{obj.pk}/aksi/setujui/").status_code == 302
    client.force_login(ppid_lampung)
    response = client.post(
        f"/kelola/sengketa/{obj.pk}/klasifikasi/", {"klasifikasi": "serta_merta"}
    )
    assert response.status_code == 302
    assert Sengketa.objects.public().filter(pk=obj.pk).exists()

    # 4. the public register
    client.logout()
    publik = html.unescape(client.get(f"/data/sengketa/{obj.pk}/").content.decode())
    for teks in (
        "001/PS.REG/18.72/V/2024",
        "Partai Buruh",
        "KPU Kota Metro",
        "Keputusan KPU Kota Metro Nomor 12 Tahun 2024",
        "3 Mei 2024",
        "6 Mei 2024",
        "Diputus",
        "Tidak sepakat",
        "14 Mei 2024",
        "Dikabulkan sebagian",
        RINGKASAN,
        f'href="/data/sengketa/{obj.pk}/berkas/dokumen_putusan/"',
    ):
        assert teks in publik, teks
    for rahasia in ("Membatalkan keputusan termohon.", "Rudi", TELEPON, "petitum"):
        assert rahasia not in publik
    berkas = client.get(f"/data/sengketa/{obj.pk}/berkas/dokumen_putusan/")
    assert berkas.status_code == 200
    assert b"".join(berkas.streaming_content).startswith(b"%PDF-")
    assert "attachment" in berkas["Content-Disposition"]


def test_putusan_terlambat_lewat_formulir_meminta_alasan(client, modul, buat, penangan):
    obj = buat(modul, "18.72", i=3)  # hearings held, the 12-day clock ran out
    client.force_login(penangan)
    sehari_lewat = segar(obj).tenggat + dt.timedelta(days=1)
    nilai = {
        "tanggal_putusan": sehari_lewat.isoformat(),
        "amar_putusan": "ditolak",
        "ringkasan_putusan": "Permohonan ditolak.",
    }
    response = _ubah(client, modul, obj, **nilai)
    assert response.status_code == 200
    teks = html.unescape(response.content.decode())
    assert "melewati batas waktu" in teks
    assert "tuliskan alasan keterlambatan" in teks
    response = _ubah(
        client, modul, obj, **nilai, alasan_terlambat="Majelis menunggu keterangan ahli."
    )
    assert response.status_code == 302
    assert segar(obj).status_sengketa == "diputus"
