"""The approval queue (/kelola/persetujuan/): what waits for the coordinator, oldest first,
with the days waited; a selection approved or returned after one confirmation, each entry its
own transition and history row; a refused entry does not stop the others and is named; refused
for every role that approves nothing; another office's entries neither shown nor processed."""

import datetime as dt

import pytest
from django.utils import timezone

from apps.core.models import Riwayat
from tests.conftest import MODULS

URL = "/kelola/persetujuan/"
DPT = next(m for m in MODULS if m.kode == "dpt")
KAMPANYE = next(m for m in MODULS if m.kode == "kampanye")


@pytest.mark.parametrize("nama", ["operator_metro", "ppid_lampung", "outsider"])
def test_tanpa_hak_menyetujui_ditolak(nama, persona, client):
    client.force_login(persona(nama))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"aksi": "setujui"}).status_code == 403


def test_tamu_diarahkan_ke_halaman_masuk(client):
    assert client.get(URL).status_code == 302


def test_antrean_terlama_dulu_dengan_lama_menunggu(buat, koorsek_metro, client):
    lama = buat(DPT, "18.72", "diajukan")
    baru = buat(KAMPANYE, "18.72", "diajukan")
    lain = buat(DPT, "64.08", "diajukan")  # another province's office
    type(lama).objects.filter(pk=lama.pk).update(
        diajukan_pada=timezone.now() - dt.timedelta(days=9)
    )
    client.force_login(koorsek_metro)
    r = client.get(URL)
    teks = r.text
    assert teks.index(f"dpt:{lama.pk}") < teks.index(f"kampanye:{baru.pk}")
    assert "9 hari" in teks
    assert f"dpt:{lain.pk}" not in teks
    r = client.get(URL, {"urut": "baru"})
    assert r.text.index(f"kampanye:{baru.pk}") < r.text.index(f"dpt:{lama.pk}")


def test_setujui_beberapa_dengan_satu_konfirmasi(buat, koorsek_metro, client):
    a = buat(DPT, "18.72", "diajukan")
    b = buat(KAMPANYE, "18.72", "diajukan")
    lain = buat(DPT, "64.08", "diajukan")
    client.force_login(koorsek_metro)
    pilih = [f"dpt:{a.pk}", f"kampanye:{b.pk}", f"dpt:{lain.pk}", "xyz:1"]
    # first the confirmation: nothing changes yet
    r = client.post(URL, {"aksi": "setujui", "pilih": pilih})
    assert r.status_code == 200
    assert "Setujui 2 rekaman?" in r.text
    assert f'name="pilih" value="dpt:{a.pk}"' in r.text  # carried to the confirmation as is
    assert "2 pilihan tidak ditemukan" in r.text
    a.refresh_from_db()
    assert a.status == "diajukan"
    # an entry approved by someone else in between is refused by name, the others go through
    type(b).objects.filter(pk=b.pk).update(status="disetujui")
    r = client.post(URL, {"aksi": "setujui", "pilih": pilih, "konfirmasi": "1"}, follow=True)
    pesan = [str(m) for m in r.context["messages"]]
    assert "1 rekaman disetujui." in pesan
    assert any(f"#{b.pk}" in p and "Tidak diproses" in p for p in pesan)
    assert any("2 pilihan tidak ditemukan" in p for p in pesan)
    a.refresh_from_db()
    lain.refresh_from_db()
    assert (a.status, lain.status) == ("disetujui", "diajukan")
    assert Riwayat.objects.filter(object_id=a.pk, aksi="setujui").count() == 1


def test_kembalikan_wajib_catatan(buat, koorsek_metro, client):
    a = buat(DPT, "18.72", "diajukan")
    client.force_login(koorsek_metro)
    r = client.post(
        URL, {"aksi": "kembalikan", "pilih": [f"dpt:{a.pk}"], "konfirmasi": "1"}, follow=True
    )
    assert any("wajib disertai catatan" in str(m) for m in r.context["messages"])
    a.refresh_from_db()
    assert a.status == "diajukan"
    r = client.post(
        URL,
        {"aksi": "kembalikan", "pilih": [f"dpt:{a.pk}"], "catatan": "TPS belum lengkap"},
    )
    assert "Kembalikan 1 rekaman?" in r.text
    client.post(
        URL,
        {
            "aksi": "kembalikan",
            "pilih": [f"dpt:{a.pk}"],
            "catatan": "TPS belum lengkap",
            "konfirmasi": "1",
        },
    )
    a.refresh_from_db()
    assert a.status == "dikembalikan"
    assert Riwayat.objects.get(object_id=a.pk, aksi="kembalikan").catatan == "TPS belum lengkap"


def test_antrean_dengan_kueri_terbatas(buat, kasek_lampung, client, django_assert_max_num_queries):
    for _i in range(3):
        for modul in MODULS:
            buat(modul, "18.72", "diajukan")
    client.force_login(kasek_lampung)
    client.get(URL)  # caches warm
    # session, user; per module: the offices where they approve, the entries
    with django_assert_max_num_queries(4 + 2 * len(MODULS)):
        assert client.get(URL).status_code == 200
