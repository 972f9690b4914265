"""The staff pages of the import (/kelola/impor/): who may use them, the whole path from upload
through the background check and the confirmation to the write, and the template."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from apps.core.demo import pemilihan_demo
from apps.dpt.models import Dpt
from apps.imports import sumber, tasks
from apps.imports.models import ImportJob, Keadaan

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "impor"


@pytest.fixture(autouse=True)
def pemilu(db):
    return pemilihan_demo("pemilu-2024")


def unggah(client, nama, **data):
    with (FIXTURE / nama).open("rb") as f:
        return client.post("/kelola/impor/", {"modul": "dpt", "berkas": f, **data})


def test_tamu_diarahkan_ke_halaman_masuk(client):
    assert client.get("/kelola/impor/").status_code == 302
    assert client.get("/kelola/impor/templat/dpt.xlsx").status_code == 302


@pytest.mark.parametrize("nama", ["operator_metro", "pimpinan_lampung", "ppid_lampung", "outsider"])
def test_tanpa_hak_impor_ditolak(nama, persona, client):
    client.force_login(persona(nama))
    assert client.get("/kelola/impor/").status_code == 403
    assert unggah(client, "dpt-sah.csv").status_code == 403
    assert ImportJob.objects.count() == 0


def test_koordinator_hanya_memilih_satker_cakupannya(koorsek_metro, client):
    client.force_login(koorsek_metro)
    halaman = client.get("/kelola/impor/")
    assert halaman.status_code == 200
    pilihan = [str(s.kode) for s in halaman.context["form"].fields["satker"].queryset]
    assert pilihan == ["18.72"]
    assert "setujui" not in halaman.context["form"].fields
    # choosing an office outside the scope is refused on the form
    from apps.organisasi.models import Satker

    lamsel = Satker.objects.get(kode="18.01")
    jawab = unggah(client, "dpt-sah.csv", satker=lamsel.pk)
    assert jawab.status_code == 200
    assert ImportJob.objects.count() == 0


def test_berkas_bukan_lembar_kerja_ditolak_di_formulir(kasek_lampung, client, tmp_path):
    client.force_login(kasek_lampung)
    (tmp_path / "catatan.pdf").write_bytes(b"%PDF-1.4")
    with (tmp_path / "catatan.pdf").open("rb") as f:
        jawab = client.post("/kelola/impor/", {"modul": "dpt", "berkas": f})
    assert "bukan .xlsx atau .csv" in jawab.text
    assert ImportJob.objects.count() == 0


def test_unggah_periksa_setujui_simpan(kasek_lampung, koorsek_metro, client):
    client.force_login(kasek_lampung)
    jawab = unggah(client, "dpt-sah.xlsx")
    job = ImportJob.objects.get()
    assert jawab.url == f"/kelola/impor/{job.pk}/"
    assert (job.keadaan, job.nama_berkas, len(job.sha256)) == (Keadaan.MENUNGGU, "dpt-sah.xlsx", 64)

    assert tasks.jalankan_job(job.pk, simpan=False) == Keadaan.SIAP
    job.refresh_from_db()
    assert (job.baris_total, job.baru, job.jumlah_galat) == (96, 96, 0)
    assert Dpt.objects.count() == 0
    halaman = client.get(job.get_absolute_url())
    assert "Simpan semua" in halaman.text
    assert client.get(f"/kelola/impor/{job.pk}/kemajuan.json").json()["keadaan"] == "siap"

    # someone else's job: as if it did not exist
    lain = client.__class__()
    lain.force_login(koorsek_metro)
    assert lain.get(job.get_absolute_url()).status_code == 404
    assert lain.post(f"/kelola/impor/{job.pk}/simpan/").status_code == 404

    assert client.post(f"/kelola/impor/{job.pk}/simpan/").status_code == 302
    job.refresh_from_db()
    assert job.keadaan == Keadaan.ANTRE_SIMPAN
    assert tasks.jalankan_job(job.pk, simpan=True) == Keadaan.SELESAI
    assert Dpt.objects.filter(status="diajukan").count() == 96
    assert "Tersimpan" in client.get(job.get_absolute_url()).text
    # a written job cannot be written again
    assert client.post(f"/kelola/impor/{job.pk}/simpan/").status_code == 403


def test_kesalahan_ditampilkan_dan_diunduh(admin, client):
    client.force_login(admin)
    unggah(client, "rusak/dpt-nilai-salah.csv")
    job = ImportJob.objects.get()
    assert tasks.jalankan_job(job.pk, simpan=False) == Keadaan.BERMASALAH
    halaman = client.get(job.get_absolute_url()).text
    assert "bukan angka" in halaman
    assert "Simpan semua" not in halaman
    assert client.post(f"/kelola/impor/{job.pk}/simpan/").status_code == 403
    csv = b"".join(client.get(f"/kelola/impor/{job.pk}/galat.csv").streaming_content)
    assert "12a" in csv.decode("utf-8-sig")
    assert Dpt.objects.count() == 0


def test_berkas_rusak_gagal_dengan_pesannya(admin, client):
    client.force_login(admin)
    unggah(client, "rusak/dpt-terenkripsi.xlsx")
    job = ImportJob.objects.get()
    assert tasks.jalankan_job(job.pk, simpan=False) == Keadaan.GAGAL
    job.refresh_from_db()
    assert "kata sandi" in job.pesan


def test_pekerjaan_terhenti_dapat_diulang(admin, client):
    client.force_login(admin)
    unggah(client, "dpt-sah.csv")
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(
        keadaan=Keadaan.MENYIMPAN, diperbarui_pada=timezone.now() - dt.timedelta(minutes=10)
    )
    halaman = client.get(job.get_absolute_url()).text
    assert "Terhenti" in halaman
    assert "Tidak ada data yang ditulis" in halaman
    assert client.get(f"/kelola/impor/{job.pk}/kemajuan.json").json()["terhenti"] is True
    assert client.post(f"/kelola/impor/{job.pk}/ulangi/").status_code == 302
    job.refresh_from_db()
    assert job.keadaan == Keadaan.MENUNGGU


def test_pekerjaan_yang_masih_berjalan_tidak_diulang(admin, client):
    client.force_login(admin)
    unggah(client, "dpt-sah.csv")
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(keadaan=Keadaan.MEMERIKSA)
    assert client.post(f"/kelola/impor/{job.pk}/ulangi/").status_code == 403


def test_templat_berisi_kolom_kamus_dan_contoh_yang_sah(admin, client):
    client.force_login(admin)
    jawab = client.get("/kelola/impor/templat/dpt.xlsx")
    isi = b"".join(jawab.streaming_content)
    wb = load_workbook(io.BytesIO(isi))
    assert wb.sheetnames == ["Data", "Kamus data"]
    data = list(wb["Data"].iter_rows(values_only=True))
    assert list(data[0]) == [k.nama for k in sumber.kolom("dpt")]
    assert len(data) == 2  # the header and one example row
    kamus = [r[0] for r in wb["Kamus data"].iter_rows(values_only=True) if r and r[0]]
    for k in sumber.kolom("dpt"):
        assert k.nama in kamus
    # the example row is valid as it stands
    from apps.core import registry
    from apps.imports import proses

    hasil = proses.jalankan(registry.get("dpt"), io.BytesIO(isi), "templat-dpt.xlsx", admin)
    assert [str(g) for g in hasil.galat] == []
    assert hasil.baru == 1


def test_modul_tanpa_impor_tidak_punya_templat(admin, client):
    client.force_login(admin)
    assert client.get("/kelola/impor/templat/tidak-ada.xlsx").status_code == 404


def test_kesalahan_dalam_bahasa_pengunggah(admin, client):
    """The worker writes the errors in the language of the person who uploaded the file."""
    client.force_login(admin)
    # the middleware leaves the request's language active in this thread: restore it after
    with (
        translation.override(translation.get_language()),
        (FIXTURE / "rusak/dpt-nilai-salah.csv").open("rb") as f,
    ):
        client.post("/kelola/impor/", {"modul": "dpt", "berkas": f}, HTTP_ACCEPT_LANGUAGE="en")
    job = ImportJob.objects.get()
    assert job.bahasa == "en"
    tasks.jalankan_job(job.pk, simpan=False)
    job.refresh_from_db()
    assert job.galat[0]["pesan"] == "is not a number"


def test_data_berubah_antara_pemeriksaan_dan_simpan_tidak_ditulis(kasek_lampung, client):
    """Two people check the same file; the first writes it. The second's confirmation would
    now change nothing it was shown (its 96 new rows exist): it stops and says why, instead of
    writing something else than what was confirmed."""
    from apps.core import registry
    from apps.imports import proses

    client.force_login(kasek_lampung)
    unggah(client, "dpt-sah.xlsx")
    job = ImportJob.objects.get()
    assert tasks.jalankan_job(job.pk, simpan=False) == Keadaan.SIAP
    with (FIXTURE / "dpt-sah.xlsx").open("rb") as f:
        assert proses.jalankan(
            registry.get("dpt"), f, "dpt-sah.xlsx", kasek_lampung, simpan=True
        ).disimpan
    sebelum = list(Dpt.objects.order_by("pk").values_list("pk", "version"))
    client.post(f"/kelola/impor/{job.pk}/simpan/")
    assert tasks.jalankan_job(job.pk, simpan=True) == Keadaan.GAGAL
    job.refresh_from_db()
    assert "berubah sejak berkas diperiksa" in job.pesan
    assert "96 baru, 0 berubah, 0 tidak berubah" in job.pesan
    assert "0 baru, 0 berubah, 96 tidak berubah" in job.pesan
    assert list(Dpt.objects.order_by("pk").values_list("pk", "version")) == sebelum


def test_rekaman_yang_disimpan_lewat_formulir_sesudah_pemeriksaan_tidak_ditimpa(
    kasek_lampung, client
):
    """A returned record edited on its form after the check (its version moved) is not
    overwritten by the confirmation: that row is refused and nothing is written."""
    from django.db.models import F

    from apps.core import registry
    from apps.imports import proses

    with (FIXTURE / "dpt-sah.xlsx").open("rb") as f:
        assert proses.jalankan(
            registry.get("dpt"), f, "dpt-sah.xlsx", kasek_lampung, simpan=True
        ).disimpan
    Dpt.objects.update(status="dikembalikan", jumlah_tps=1)
    client.force_login(kasek_lampung)
    unggah(client, "dpt-sah.xlsx")
    job = ImportJob.objects.get()
    assert tasks.jalankan_job(job.pk, simpan=False) == Keadaan.SIAP
    job.refresh_from_db()
    assert (job.baru, job.berubah) == (0, 96)
    assert len(job.versi) == 96
    diedit = Dpt.objects.order_by("pk").first()
    Dpt.objects.filter(pk=diedit.pk).update(version=F("version") + 1, jumlah_tps=7)
    sebelum = list(Dpt.objects.order_by("pk").values_list("pk", "version", "jumlah_tps"))
    client.post(f"/kelola/impor/{job.pk}/simpan/")
    assert tasks.jalankan_job(job.pk, simpan=True) == Keadaan.BERMASALAH
    job.refresh_from_db()
    assert job.jumlah_galat == 1
    assert f"#{diedit.pk} disimpan orang lain" in job.galat[0]["pesan"]
    assert list(Dpt.objects.order_by("pk").values_list("pk", "version", "jumlah_tps")) == sebelum
