"""The PPID's classification queue (/kelola/klasifikasi/): approved records waiting for a
category, in scope; a selection given one public category after one confirmation, each
classified on its own (history and audit); never `dikecualikan` in bulk; refused for every
role that classifies nothing."""

import pytest

from apps.audit.models import CatatanAudit
from tests.conftest import MODULS

URL = "/kelola/klasifikasi/"
DPT = next(m for m in MODULS if m.kode == "dpt")
PENCEGAHAN = next(m for m in MODULS if m.kode == "pencegahan")


@pytest.mark.parametrize("nama", ["operator_metro", "koorsek_metro", "outsider"])
def test_tanpa_hak_klasifikasi_ditolak(nama, persona, client):
    client.force_login(persona(nama))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"klasifikasi": "berkala"}).status_code == 403


def test_klasifikasi_beberapa_dengan_satu_konfirmasi(buat, ppid_lampung, client):
    a = buat(DPT, "18.72", "disetujui")
    b = buat(PENCEGAHAN, "18.72", "disetujui")
    lain = buat(DPT, "64.08", "disetujui")  # another province's office
    client.force_login(ppid_lampung)
    teks = client.get(URL).text
    assert f"dpt:{a.pk}" in teks
    assert f"dpt:{lain.pk}" not in teks
    assert "Pasal 9" in teks  # each category explained
    pilih = [f"dpt:{a.pk}", f"pencegahan:{b.pk}", f"dpt:{lain.pk}"]
    r = client.post(URL, {"klasifikasi": "berkala", "pilih": pilih})
    assert "Klasifikasikan 2 rekaman sebagai Informasi berkala?" in r.text
    a.refresh_from_db()
    assert a.klasifikasi == "belum"
    # one reopened in between is named; the other is classified
    type(b).objects.filter(pk=b.pk).update(status="dikembalikan")
    r = client.post(URL, {"klasifikasi": "berkala", "pilih": pilih, "konfirmasi": "1"}, follow=True)
    pesan = [str(m) for m in r.context["messages"]]
    assert any(p.startswith("1 rekaman diklasifikasikan") for p in pesan), pesan
    assert any(f"#{b.pk}" in p for p in pesan)
    a.refresh_from_db()
    lain.refresh_from_db()
    assert (a.klasifikasi, lain.klasifikasi) == ("berkala", "belum")
    assert DPT.model.objects.public().filter(pk=a.pk).exists()
    assert CatatanAudit.objects.filter(objek_id=str(a.pk), aksi__icontains="klasifikasi").exists()


def test_dikecualikan_tidak_sekaligus(buat, ppid_lampung, client):
    a = buat(DPT, "18.72", "disetujui")
    client.force_login(ppid_lampung)
    r = client.post(
        URL,
        {"klasifikasi": "dikecualikan", "pilih": [f"dpt:{a.pk}"], "konfirmasi": "1"},
        follow=True,
    )
    assert any("kategori informasi publik" in str(m) for m in r.context["messages"])
    a.refresh_from_db()
    assert a.klasifikasi == "belum"


def test_halaman_rekaman_menampilkan_pratinjau_publik_dan_arti_kategori(buat, ppid_lampung, client):
    a = buat(DPT, "18.72", "disetujui")
    DPT.model.objects.filter(pk=a.pk).update(catatan_internal="RAHASIA-INTERNAL")
    client.force_login(ppid_lampung)
    teks = client.get(f"/kelola/dpt/{a.pk}/").text
    pratinjau = teks.split('id="pratinjau-publik"', 1)[1].split("</dl>", 1)[0]
    assert a.judul in pratinjau
    assert "RAHASIA-INTERNAL" not in pratinjau  # internal notes never public
    assert "RAHASIA-INTERNAL" in teks  # (the staff page itself shows them)
    assert "Pasal 9" in teks
    assert "Pasal 17" in teks
    assert "data-pengecualian" in teks


def test_beranda_ppid_menghitung_permohonan_terbuka(ppid_lampung, kantor, client):
    from tests.ppid.test_permohonan import ajukan

    ajukan(kantor("18.72"))
    ajukan(kantor("18.72"), rincian="Data lain.")
    client.force_login(ppid_lampung)
    assert "2 terbuka" in client.get("/kelola/").text
