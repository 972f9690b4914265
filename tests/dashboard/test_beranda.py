"""The staff home: each person's queues, within their scope, in a bounded number of queries."""

import re

import pytest
from django.core.cache import cache

from apps.core.perkara import model_perkara
from apps.core.workflow import transition
from tests import factories
from tests.conftest import MODULS, Matriks

# session, user, assignments; then per module: drafts, returned, to approve, to classify, menu;
# per case module: its overdue cases
# + 1: does the user answer information requests (the PPID queue link)
BATAS_BERANDA_STAF = 3 + 5 * len(MODULS) + len(model_perkara()) + 1


def _antrean(response, judul):
    """The record ids listed under the queue headed `judul`."""
    bagian = response.text.split(judul, 1)[1].split("</section>", 1)[0]
    return {int(pk) for pk in re.findall(r'href="/kelola/\w+/(\d+)/"', bagian)}


@pytest.fixture
def antrean(buat, koorsek_metro):
    """Per module, one record of each queue in Kota Metro and one submitted in Kutai Timur."""
    rows = {}
    for modul in MODULS:
        rows[modul.kode] = {
            "draf": buat(modul, "18.72"),
            "dikembalikan": buat(modul, "18.72", "dikembalikan", peninjau=koorsek_metro),
            "diajukan": buat(modul, "18.72", "diajukan"),
            "disetujui": buat(modul, "18.72", "disetujui"),
            "kutim": buat(modul, "64.08", "diajukan"),
        }
    return rows


def _semua(antrean, *kunci):
    return {antrean[m.kode][k].pk for m in MODULS for k in kunci}


def test_antrean_setiap_persona(client, persona, admin, antrean):
    """Each person's queues hold exactly their own work, within their scope."""
    harapan = {
        "operator_metro": {
            "Draf saya": _semua(antrean, "draf"),
            "Dikembalikan kepada saya": _semua(antrean, "dikembalikan"),
            "Menunggu persetujuan saya": set(),
            "Menunggu klasifikasi": set(),
        },
        "koorsek_metro": {
            "Draf saya": set(),
            "Menunggu persetujuan saya": _semua(antrean, "diajukan"),
            "Menunggu klasifikasi": set(),
        },
        "kasek_lampung": {"Menunggu persetujuan saya": _semua(antrean, "diajukan")},
        "ppid_lampung": {
            "Menunggu persetujuan saya": set(),
            "Menunggu klasifikasi": _semua(antrean, "disetujui"),
        },
        "pimpinan_lampung": {"Menunggu persetujuan saya": set(), "Menunggu klasifikasi": set()},
        "outsider": {
            "Draf saya": set(),
            "Dikembalikan kepada saya": set(),
            "Menunggu persetujuan saya": set(),
            "Menunggu klasifikasi": set(),
        },
    }
    matriks = Matriks()
    for nama, antre in harapan.items():
        client.force_login(persona(nama))
        response = client.get("/kelola/")
        for judul, ids in antre.items():
            with matriks.sel(nama=nama, antrean=judul):
                assert _antrean(response, judul) == ids
        with matriks.sel(nama=nama, antrean="menu modul"):
            for modul in MODULS:
                assert f'href="/kelola/{modul.kode}/"' in response.text
    with matriks.sel(nama="outsider", antrean="Dikembalikan kepada saya, setelah dikembalikan"):
        kutim = antrean[MODULS[0].kode]["kutim"]
        transition(kutim, "kembalikan", admin, "Lengkapi data.")
        client.force_login(persona("outsider"))
        assert _antrean(client.get("/kelola/"), "Dikembalikan kepada saya") == {kutim.pk}
    matriks.periksa()


def test_beranda_petugas_wajib_masuk(client):
    response = client.get("/kelola/")
    assert response.status_code == 302
    assert response["Location"].startswith("/kelola/masuk/")


def test_beranda_petugas_jumlah_query_tetap(
    client, kasek_lampung, operator_metro, django_assert_max_num_queries
):
    kueri = {}
    for n, mulai in ((5, 0), (40, 5)):
        for modul in MODULS:
            factories.banyak_rekaman_tersebar(
                modul, n - mulai, oleh=operator_metro, status="diajukan", mulai=mulai
            )
        client.force_login(kasek_lampung)
        client.get("/kelola/")
        cache.clear()
        with django_assert_max_num_queries(BATAS_BERANDA_STAF) as k:
            response = client.get("/kelola/")
        kueri[n] = len(k)
        assert _antrean(response, "Menunggu persetujuan saya")
    assert kueri[5] == kueri[40]


def test_entri_sendiri_tidak_menunggu_persetujuan_sendiri(client, buat, koorsek_metro):
    """A koordinator's own submitted entry is not in their approval queue while the office has
    someone else to approve it (they may not approve it themselves)."""
    modul = MODULS[0]
    sendiri = buat(modul, "18.72", "diajukan", oleh=koorsek_metro)
    lain = buat(modul, "18.72", "diajukan")
    client.force_login(koorsek_metro)
    daftar = _antrean(client.get("/kelola/"), "Menunggu persetujuan saya")
    assert lain.pk in daftar
    assert sendiri.pk not in daftar


def test_kantor_satu_orang_menyetujui_entri_sendiri(client, buat, kasek_lampung):
    """Alone in an office (Bawaslu Provinsi Lampung has only the Kasek here once the others'
    assignments are gone), one's own entry waits for oneself."""
    from apps.accounts.models import Penugasan
    from apps.accounts.permissions import satu_orang
    from apps.organisasi.models import Satker

    provinsi = Satker.objects.get(kode="18")
    Penugasan.objects.filter(satker=provinsi).exclude(user=kasek_lampung).delete()
    assert satu_orang(provinsi)
    modul = MODULS[0]
    sendiri = buat(modul, "18", "diajukan", oleh=kasek_lampung)
    client.force_login(kasek_lampung)
    assert sendiri.pk in _antrean(client.get("/kelola/"), "Menunggu persetujuan saya")


def test_panel_tenggat_perkara_segera_dan_permohonan_informasi(client, buat, persona, kantor):
    """The staff home shows cases due within two days beside the overdue ones, and a PPID the
    open information requests due soon or overdue — in scope only."""
    import datetime as dt

    from django.utils import timezone

    from apps.ppid.models import Permohonan
    from tests.ppid.test_permohonan import ajukan

    pelanggaran = next(m for m in model_perkara() if m.kode == "pelanggaran")
    besok = timezone.localdate() + dt.timedelta(days=1)
    segera = buat(pelanggaran, "18.72", "draft", i=2)
    pelanggaran.model.objects.filter(pk=segera.pk).update(tenggat=besok)
    jauh, _t = ajukan(kantor("18.72"))
    dekat, _t = ajukan(kantor("18.72"), rincian="Jumlah pemilih per desa.")
    lain, _t = ajukan(kantor("64.08"), rincian="Data Kutai Timur.")
    Permohonan.objects.filter(pk__in=[dekat.pk, lain.pk]).update(jatuh_tempo=besok)

    client.force_login(persona("koorsek_metro"))
    teks = client.get("/kelola/").text
    assert "Perkara dengan tenggat dalam 2 hari" in teks
    assert segera.judul in teks.split("Perkara dengan tenggat dalam 2 hari", 1)[1]
    assert "Permohonan informasi: lewat atau dekat tenggat" not in teks  # no PPID

    client.force_login(persona("ppid_lampung"))
    teks = client.get("/kelola/").text
    bagian = teks.split("Permohonan informasi: lewat atau dekat tenggat", 1)[1]
    bagian = bagian.split("</section>", 1)[0]
    assert dekat.nomor in bagian
    assert jauh.nomor not in bagian  # due in weeks
    assert lain.nomor not in bagian  # another province's office

    client.force_login(persona("operator_lamsel"))
    assert segera.judul not in client.get("/kelola/").text
