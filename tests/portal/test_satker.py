"""An office's public page (`/satker/<kode>/`): what the office is, the offices above and
under it, its figures per module counting exactly its public rows (from the refused side:
every status × classification, markers in their fields), and its agreements with their
validity — public ones only."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.conftest import MODULS, modul_id
from tests.portal.tabel_html import bilangan, tabel
from tests.portal.test_leak import arsip  # noqa: F401 - the fixture, shared with the leak test


def _angka(html, modul):
    _kepala, baris = tabel(html, "angka-kantor-tabel")
    return {b[0]: bilangan(b[1]) for b in baris}[str(modul.nama)]


def _ids(html, modul):
    return {int(pk) for pk in re.findall(rf'href="/data/{modul.kode}/(\d+)/"', html)}


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_angka_kantor_hanya_rekaman_publik(modul, arsip, client):  # noqa: F811
    penanda, rows, lain = arsip
    publik = {r.pk for r in rows if r.is_public}
    for kode, jumlah, ids in (("18.72", 3, publik), ("64.08", 1, {lain.pk}), ("18.01", 0, set())):
        html = client.get(f"/satker/{kode}/").text
        bocor = [m for m in penanda.semua if m in html]
        assert not bocor, kode
        assert _angka(html, modul) == jumlah, kode
        assert _ids(html, modul) == ids, kode
    # a province counts its own office's records, not those of the kab/kota under it
    assert _angka(client.get("/satker/18/").text, modul) == 0


@pytest.mark.django_db
def test_kantor_atas_dan_bawah(client):
    metro = client.get("/satker/18.72/").text
    assert "Kabupaten/Kota" in metro
    assert 'href="/satker/18/"' in metro
    assert "Kota Metro (18.72)" in metro
    lampung = client.get("/satker/18/").text
    assert 'href="/satker/00/"' in lampung
    for kode in ("18.01", "18.72"):
        assert f'href="/satker/{kode}/"' in lampung
    assert 'href="/satker/64.08/"' not in lampung
    ri = client.get("/satker/00/").text
    assert "Seluruh Indonesia" in ri
    assert 'href="/satker/18/"' in ri
    assert 'href="/satker/64/"' in ri
    assert 'href="/satker/18.72/"' not in ri
    assert client.get("/satker/99.99/").status_code == 404


def test_mou_dengan_status_berlaku(client, buat):
    modul = next((m for m in MODULS if m.kode == "mou"), None)
    if modul is None:
        pytest.skip("modul mou tidak terdaftar")
    hari_ini = timezone.localdate()
    berakhir = buat(
        modul,
        "18.72",
        "disetujui",
        "berkala",
        tanggal_ttd=dt.date(2020, 1, 6),
        berlaku_sampai=dt.date(2021, 1, 6),
    )
    berlaku = buat(
        modul,
        "18.72",
        "disetujui",
        "setiap_saat",
        tanggal_ttd=hari_ini - dt.timedelta(days=30),
        berlaku_sampai=hari_ini + dt.timedelta(days=400),
    )
    tertutup = buat(modul, "18.72", "disetujui", "dikecualikan")
    draf = buat(modul, "18.72", "draft")
    html = client.get("/satker/18.72/").text
    bagian = html.split('id="modul-mou"', 1)[1]
    assert _ids(bagian, modul) == {berakhir.pk, berlaku.pk}
    for rek, status in ((berakhir, "Berakhir"), (berlaku, "Berlaku")):
        baris = bagian.split(f'href="/data/mou/{rek.pk}/"', 1)[1].split("</tr>", 1)[0]
        assert f">{status}</span>" in baris
        for mitra in rek.mitra.all():
            assert mitra.nama in baris
    for rek in (tertutup, draf):
        assert rek.nomor not in html or rek.nomor in (berakhir.nomor, berlaku.nomor)
    assert _angka(html, modul) == 2


@pytest.mark.parametrize("kode", ["18.72", "00"])
def test_semua_data_kantor_adalah_rekaman_kantor_itu(client, buat, kode):
    """Each module's block on an office page links to the list of that office's records
    (`?satker=`), which is exactly them — whatever region each record is in — also for
    Bawaslu RI, which has no region code."""
    modul = next(m for m in MODULS if m.kode == "pencegahan")
    milik = buat(modul, kode, "disetujui", "berkala")
    lain = buat(modul, "18.01", "disetujui", "berkala")
    # the office's own records that are not public stay out of its list and the API
    tertutup = [
        buat(modul, kode, s, k) for s, k in (("diajukan", "belum"), ("disetujui", "dikecualikan"))
    ]
    halaman = client.get(f"/satker/{kode}/").text
    tautan = f"/data/pencegahan/?satker={kode}"
    assert f'href="{tautan}"' in halaman
    daftar = client.get(tautan)
    assert daftar.status_code == 200
    assert 'role="alert"' not in daftar.text
    assert f"/data/pencegahan/{milik.pk}/" in daftar.text
    assert f"/data/pencegahan/{lain.pk}/" not in daftar.text
    for r in tertutup:
        assert f"/data/pencegahan/{r.pk}/" not in daftar.text
    api = client.get("/api/v1/pencegahan/", {"satker": kode}).json()
    assert [r["id"] for r in api["results"]] == [milik.pk]


def test_satker_tidak_dikenal_disebut(db, client):
    pesan = "Satker “99.99” tidak dikenal (contoh: 18.72 untuk Bawaslu Kota Metro)."
    assert pesan in client.get("/data/pencegahan/", {"satker": "99.99"}).text
    api = client.get("/api/v1/pencegahan/", {"satker": "99.99"})
    assert api.status_code == 400
    assert pesan in api.json()["detail"]
