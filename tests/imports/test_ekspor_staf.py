"""Staff exports of the module lists (/kelola/<modul>/ekspor.csv|.xlsx): the list's filters,
the user's export scope only, internal fields yes, personal data of reporters never; refused
for every role without the export grant; audited; they import back changing nothing."""

import csv
import io

import pytest
from openpyxl import load_workbook

from apps.audit.models import CatatanAudit
from apps.core import registry
from apps.imports import proses
from tests.conftest import MODULS, modul_id

DPT = registry.get("dpt")


def _csv(jawab):
    teks = b"".join(jawab.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(teks)))


@pytest.mark.parametrize("nama", ["operator_metro", "operator_lamsel", "ppid_lampung", "outsider"])
@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_tanpa_hak_ekspor_ditolak(nama, ext, persona, client):
    client.force_login(persona(nama))
    assert client.get(f"/kelola/dpt/ekspor.{ext}").status_code == 403
    assert not CatatanAudit.objects.filter(aksi="ekspor_staf").exists()


def test_tamu_diarahkan_ke_halaman_masuk(client):
    assert client.get("/kelola/dpt/ekspor.csv").status_code == 302


def test_hanya_cakupan_dan_saringan_pengguna(buat, koorsek_metro, client):
    metro_draf = buat(DPT, "18.72", "draft")
    metro_setuju = buat(DPT, "18.72", "disetujui", "dikecualikan")
    lamsel = buat(DPT, "18.01", "diajukan")
    client.force_login(koorsek_metro)
    baris = _csv(client.get("/kelola/dpt/ekspor.csv"))
    assert {int(b["id"]) for b in baris} == {metro_draf.pk, metro_setuju.pk}
    assert lamsel.pk not in {int(b["id"]) for b in baris}
    assert "catatan_internal" in baris[0]  # internal fields are part of a staff export
    assert {b["status"] for b in baris} == {"draft", "disetujui"}
    saring = _csv(client.get("/kelola/dpt/ekspor.csv?status=draft"))
    assert [int(b["id"]) for b in saring] == [metro_draf.pk]
    (audit,) = CatatanAudit.objects.filter(aksi="ekspor_staf", data__saringan="status=draft")
    assert audit.aktor == koorsek_metro


def test_saringan_salah_400(kasek_lampung, client):
    client.force_login(kasek_lampung)
    jawab = client.get("/kelola/dpt/ekspor.csv?periode=2024-13")
    assert jawab.status_code == 400
    assert jawab["Content-Type"].startswith("text/plain")


def test_xlsx_sama_dengan_csv(buat, kasek_lampung, client):
    buat(DPT, "18.72", "draft")
    buat(DPT, "18.01", "diajukan")
    client.force_login(kasek_lampung)
    baris_csv = _csv(client.get("/kelola/dpt/ekspor.csv"))
    isi = b"".join(client.get("/kelola/dpt/ekspor.xlsx").streaming_content)
    ws = load_workbook(io.BytesIO(isi)).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == list(baris_csv[0])
    assert len(rows) - 1 == len(baris_csv) == 2


def test_data_pribadi_pelapor_tidak_pernah_diekspor(buat, admin, client):
    """A case with a reporter's identity (a private child row): neither the columns nor any
    of its values reach a staff export, even the admin's."""
    from apps.pelanggaran.models import Pelapor

    perkara = buat(registry.get("pelanggaran"), "18.72", "diajukan")
    Pelapor.objects.create(
        pelanggaran=perkara,
        nama="Siti Pelapor Rahasia",
        nik="1872012345678901",
        alamat="Jl. Rahasia No. 7",
        telepon="081234567890",
    )
    client.force_login(admin)
    for ext in ("csv", "xlsx"):
        isi = b"".join(client.get(f"/kelola/pelanggaran/ekspor.{ext}").streaming_content)
        teks = isi.decode("utf-8-sig") if ext == "csv" else _teks_xlsx(isi)
        assert str(perkara.pk) in teks
        for rahasia in ("Siti Pelapor Rahasia", "1872012345678901", "Jl. Rahasia", "081234567890"):
            assert rahasia not in teks


def _teks_xlsx(isi):
    ws = load_workbook(io.BytesIO(isi)).active
    return "\n".join(
        " ".join(str(v) for v in r if v is not None) for r in ws.iter_rows(values_only=True)
    )


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_kolom_ekspor_bukan_data_pribadi(modul, buat, admin, client):
    buat(modul, "18.72", "diajukan")
    client.force_login(admin)
    kepala = set(_csv(client.get(f"/kelola/{modul.kode}/ekspor.csv"))[0])
    pribadi = {n for i in modul.inlines if i.pribadi for n in i.fields}
    assert not (kepala & pribadi)


def test_ekspor_staf_diimpor_kembali_tanpa_perubahan(buat, admin, client, tmp_path):
    buat(DPT, "18.72", "draft")
    buat(DPT, "18.01", "diajukan")
    client.force_login(admin)
    isi = b"".join(client.get("/kelola/dpt/ekspor.csv").streaming_content)
    hasil = proses.jalankan(DPT, io.BytesIO(isi), "ekspor.csv", admin)
    assert [str(g) for g in hasil.galat] == []
    assert (hasil.baru, hasil.berubah, hasil.sama) == (0, 0, 2)


def test_penangan_perkara_mengekspor_data_pribadi_tercatat(
    buat, admin, koorsek_metro, jadikan_penangan, client
):
    """`?pribadi=1`: a case handler gets the reporters' identity of the cases of the offices
    they handle, in a column the importer skips, audited with the number of records; anyone
    else is refused and gets nothing."""
    from apps.pelanggaran.models import Pelapor

    perkara = buat(registry.get("pelanggaran"), "18.72", "diajukan")
    Pelapor.objects.create(
        pelanggaran=perkara, nama="Siti Pelapor", nik="1872012345678901", telepon="0812"
    )
    url = "/kelola/pelanggaran/ekspor.csv?pribadi=1"
    client.force_login(admin)  # the admin handles no case
    assert client.get(url).status_code == 403
    client.force_login(koorsek_metro)
    assert client.get(url).status_code == 403
    assert not CatatanAudit.objects.filter(aksi="ekspor_data_pribadi").exists()
    halaman = client.get("/kelola/pelanggaran/")
    assert "pribadi=1" not in halaman.text

    jadikan_penangan(koorsek_metro, "18.72")
    assert "pribadi=1" in client.get("/kelola/pelanggaran/").text
    baris = _csv(client.get(url))
    assert baris[0]["pribadi_pelapor"] == "Siti Pelapor (1872012345678901; 0812)"
    audit = CatatanAudit.objects.get(aksi="ekspor_data_pribadi")
    assert (audit.aktor_id, audit.data["rekaman"]) == (koorsek_metro.pk, 1)
    # without the parameter, the same handler's export holds none
    assert "pribadi_pelapor" not in _csv(client.get("/kelola/pelanggaran/ekspor.csv"))[0]
    # a module without personal data has no such export
    assert client.get("/kelola/dpt/ekspor.csv?pribadi=1").status_code == 404


def test_ekspor_dengan_data_pribadi_diimpor_kembali_tanpa_perubahan(
    buat, koorsek_metro, jadikan_penangan, client, tmp_path
):
    from apps.pelanggaran.models import Pelapor

    perkara = buat(registry.get("pelanggaran"), "18.72", "diajukan")
    Pelapor.objects.create(pelanggaran=perkara, nama="Siti Pelapor", nik="1872012345678901")
    jadikan_penangan(koorsek_metro, "18.72")
    client.force_login(koorsek_metro)
    isi = b"".join(client.get("/kelola/pelanggaran/ekspor.xlsx?pribadi=1").streaming_content)
    berkas = tmp_path / "pribadi.xlsx"
    berkas.write_bytes(isi)
    with berkas.open("rb") as f:
        hasil = proses.jalankan(registry.get("pelanggaran"), f, berkas.name, koorsek_metro)
    assert [str(g) for g in hasil.galat] == []
    assert (hasil.baru, hasil.berubah, hasil.sama) == (0, 0, 1)
