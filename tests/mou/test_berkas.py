"""The signed PDF: only real PDFs within the size limit are stored, under a random name, and
only people who may see the record (or the public, once it is public) can download it."""

import re

import pytest

from apps.mou.models import Mou
from tests.conftest import TIDAK_PUBLIK, segar
from tests.mou.formulir import berkas_pdf, data_mou

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def _kirim(client, user, kantor, berkas, **ganti):
    client.force_login(user)
    return client.post("/kelola/mou/baru/", data_mou(kantor("18.72"), dokumen=berkas, **ganti))


def test_pdf_asli_diterima_dengan_nama_acak(client, operator_metro, kantor):
    response = _kirim(client, operator_metro, kantor, berkas_pdf("Scan MoU Pak Budi 0812.pdf"))
    assert response.status_code == 302
    mou = Mou.objects.get(nomor="017/PKS/BAWASLU-18.72/III/2025")
    assert re.fullmatch(r"mou/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", mou.dokumen.name)
    assert "Budi" not in mou.dokumen.name
    with mou.dokumen.open("rb") as f:
        assert f.read().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        (
            "perjanjian.pdf",
            HTML,
            "Berkas perjanjian.pdf bukan PDF yang sah (isinya tidak dikenali sebagai PDF).",
        ),
        (
            "ttd-walikota.pdf",
            PNG,
            "Berkas ttd-walikota.pdf bukan PDF yang sah (isinya tidak dikenali sebagai PDF).",
        ),
        ("ttd-walikota.png", PNG, "Berkas ttd-walikota.png bukan PDF (harus berakhiran .pdf)."),
        (
            "terpotong.pdf",
            b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n",
            "Berkas terpotong.pdf bukan PDF yang sah (isinya tidak dikenali sebagai PDF).",
        ),
    ],
)
def test_bukan_pdf_ditolak_dengan_nama_berkas(client, operator_metro, kantor, nama, isi, pesan):
    response = _kirim(client, operator_metro, kantor, berkas_pdf(nama, isi))
    assert response.status_code == 200
    assert response.context["form"].errors["dokumen"] == [pesan]
    assert pesan in response.text
    assert not Mou.objects.exists()


def test_pdf_terlalu_besar_ditolak(client, operator_metro, kantor, settings):
    settings.BATAS_UNGGAH_BYTE = 1024
    isi = b"%PDF-1.4\n" + b"0" * 2000 + b"\n%%EOF\n"
    response = _kirim(client, operator_metro, kantor, berkas_pdf("besar.pdf", isi))
    assert response.status_code == 200
    (pesan,) = response.context["form"].errors["dokumen"]
    assert pesan.startswith("Berkas besar.pdf berukuran 2,0")
    assert "batasnya 1,0\xa0KB" in pesan
    assert not Mou.objects.exists()


def test_pdf_tepat_di_batas_diterima(client, operator_metro, kantor, settings):
    isi = berkas_pdf().read()
    settings.BATAS_UNGGAH_BYTE = len(isi)
    response = _kirim(client, operator_metro, kantor, berkas_pdf("pas.pdf", isi))
    assert response.status_code == 302


def test_form_menyebut_batas_ukuran_dan_menawarkan_pdf(client, operator_metro):
    client.force_login(operator_metro)
    html = client.get("/kelola/mou/baru/").text
    assert 'accept="application/pdf,.pdf"' in html
    assert "paling besar 10,0\xa0MB" in html


def test_formulir_ubah_menautkan_pdf_lewat_view_yang_memeriksa(modul, client, operator_metro, buat):
    mou = buat(modul, "18.72")
    client.force_login(operator_metro)
    html = client.get(f"/kelola/mou/{mou.pk}/ubah/").text
    tautan = f'<a href="/kelola/mou/{mou.pk}/berkas/dokumen/">perjanjian-kerja-sama-contoh.pdf</a>'
    assert tautan in html
    assert "/media/" not in html


def test_mengganti_pdf_dengan_bukan_pdf_ditolak_dan_pdf_lama_tetap(
    modul, client, operator_metro, buat, kantor
):
    mou = buat(modul, "18.72")
    lama = segar(mou).dokumen.name
    client.force_login(operator_metro)
    mitra = [(m.pk, m.nama, m.jenis, False) for m in mou.mitra.all()]
    data = data_mou(
        kantor("18.72"),
        mitra=(),
        awal=mitra,
        nomor=mou.nomor,
        version=mou.version,
        dokumen=berkas_pdf("ganti.pdf", HTML),
    )
    response = client.post(f"/kelola/mou/{mou.pk}/ubah/", data)
    assert response.status_code == 200
    assert "Berkas ganti.pdf bukan PDF yang sah" in response.text
    assert segar(mou).dokumen.name == lama


# ---- downloads -----------------------------------------------------------------------------


def _berkas_publik(mou):
    return f"/data/mou/{mou.pk}/berkas/dokumen/"


def _berkas_staf(mou):
    return f"/kelola/mou/{mou.pk}/berkas/dokumen/"


@pytest.mark.parametrize(("status", "klasifikasi"), TIDAK_PUBLIK)
def test_pdf_rekaman_nonpublik_404_untuk_publik_dan_orang_luar(
    modul, buat, client, outsider, operator_metro, status, klasifikasi
):
    mou = buat(modul, "18.72", status, klasifikasi)
    assert mou.dokumen
    assert client.get(_berkas_publik(mou)).status_code == 404
    client.force_login(outsider)
    assert client.get(_berkas_staf(mou)).status_code == 404
    assert client.get(_berkas_publik(mou)).status_code == 404
    # the file is really there: the office's own operator gets it
    client.force_login(operator_metro)
    response = client.get(_berkas_staf(mou))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_pdf_yang_dibuka_kembali_hilang_dari_publik(modul, buat, client, kasek_lampung):
    from apps.core.workflow import transition

    mou = buat(modul, "18.72", "disetujui", "berkala")
    assert client.get(_berkas_publik(mou)).status_code == 200
    transition(mou, "buka_kembali", kasek_lampung, "Lampiran keliru.")
    assert client.get(_berkas_publik(mou)).status_code == 404


@pytest.mark.parametrize("klasifikasi", ["berkala", "serta_merta", "setiap_saat"])
def test_pdf_rekaman_publik_diunduh_sebagai_lampiran(modul, buat, client, klasifikasi):
    mou = buat(modul, "18.72", "disetujui", klasifikasi)
    response = client.get(_berkas_publik(mou))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_berkas_lain_tidak_bisa_diunduh_lewat_portal(modul, buat, client):
    mou = buat(modul, "18.72", "disetujui", "berkala")
    for field in ("catatan_internal", "nomor", "tidak_ada"):
        assert client.get(f"/data/mou/{mou.pk}/berkas/{field}/").status_code == 404


def test_rekaman_tanpa_pdf_404(modul, buat, client):
    mou = buat(modul, "18.72", "disetujui", "berkala", dokumen="")
    assert client.get(_berkas_publik(mou)).status_code == 404
