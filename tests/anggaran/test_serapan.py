"""The public absorption page counts only public monthly reports (every status ×
classification), takes each line's latest public month, rolls offices up to their province and
the nation, shows Rupiah the Indonesian way, and costs the same number of queries whatever the
number of rows."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.anggaran import rekap
from apps.anggaran.services import revisi_pagu
from tests.conftest import PUBLIK, SKENARIO

URL = "/data/anggaran/serapan/"
AKUN = ["521211", "524111", "522151", "521219", "521213", "521811", "524113", "522191"]


def _baris(tahun, kode):
    hasil = rekap.rekap(tahun)
    for grup in hasil.provinsi:
        if grup.total.satker.kode == kode:
            return grup.total
        for b in grup.kantor:
            if b.satker.kode == kode:
                return b
    return None


def test_hanya_laporan_publik_yang_dihitung(mata_anggaran, laporan, client):
    """One budget line per status × classification: only the three public ones count."""
    harapan_pagu = harapan_realisasi = Decimal(0)
    for i, (status, klas) in enumerate(SKENARIO):
        pagu_nilai = 1_000_000 * (i + 1)
        realisasi = 100_000 * (i + 1) + 7
        pagu = mata_anggaran(akun=AKUN[i], pagu=pagu_nilai)
        laporan(pagu, 3, realisasi, status, klas)
        if status == "disetujui" and klas in PUBLIK:
            harapan_pagu += pagu_nilai
            harapan_realisasi += realisasi
    metro = _baris(2024, "18.72")
    assert (metro.pagu, metro.realisasi, metro.jumlah_akun) == (
        harapan_pagu,
        harapan_realisasi,
        3,
    )
    assert (harapan_pagu, harapan_realisasi) == (18_000_000, 1_800_021)

    html = client.get(URL, {"tahun": "2024"}).text
    assert "Rp18.000.000" in html
    assert "Rp1.800.021" in html
    assert "10,00%" in html
    # no figure of a non-public line, alone or summed in, reaches the page
    for semua in ("Rp36.000.000", "Rp3.600.036"):
        assert semua not in html


def test_bulan_publik_terakhir_setiap_mata_anggaran(mata_anggaran, laporan):
    """A later month that is not public (yet) does not replace the latest public one."""
    pagu = mata_anggaran(pagu=10_000_000)
    laporan(pagu, 2, 1_000_000, "disetujui", "berkala")
    laporan(pagu, 3, 2_000_000, "disetujui", "setiap_saat")
    laporan(pagu, 4, 3_000_000, "disetujui", "belum")
    laporan(pagu, 5, 4_000_000, "disetujui", "dikecualikan")
    laporan(pagu, 6, 5_000_000, "diajukan")
    metro = _baris(2024, "18.72")
    assert (metro.pagu, metro.realisasi, metro.posisi) == (
        10_000_000,
        2_000_000,
        dt.date(2024, 3, 1),
    )


def test_laporan_yang_dibuka_kembali_keluar_dari_serapan(mata_anggaran, laporan, client, admin):
    from apps.core.workflow import transition

    pagu = mata_anggaran(pagu=10_000_000)
    laporan(pagu, 2, 1_234_567, "disetujui", "berkala")
    maret = laporan(pagu, 3, 2_345_678, "disetujui", "berkala")
    assert "Rp2.345.678" in client.get(URL).text
    transition(maret, "buka_kembali", admin, "Angka SP2D dikoreksi.")
    html = client.get(URL).text  # the cached page is not served again
    assert "Rp2.345.678" not in html
    assert "Rp1.234.567" in html


def test_provinsi_adalah_jumlah_kantornya_dan_nasional_jumlah_semua(mata_anggaran, laporan, client):
    data = {
        "18.72": (4_000_000, 1_000_000),
        "18.01": (6_000_000, 3_000_000),
        "18": (10_000_000, 2_500_000),
        "64.08": (5_000_000, 5_000_000),
    }
    for kode, (pagu_nilai, realisasi) in data.items():
        laporan(mata_anggaran(kode, pagu=pagu_nilai), 5, realisasi, "disetujui", "berkala")
    # a non-public report of Lampung Selatan is not part of the province either
    laporan(mata_anggaran("18.01", akun="524111", pagu=99_000_000), 5, 9_000_000, "diajukan")

    hasil = rekap.rekap(2024)
    lampung = next(g for g in hasil.provinsi if g.total.satker.kode == "18")
    assert [b.satker.kode for b in lampung.kantor] == ["18", "18.01", "18.72"]
    assert lampung.total.pagu == sum(b.pagu for b in lampung.kantor) == 20_000_000
    assert lampung.total.realisasi == sum(b.realisasi for b in lampung.kantor) == 6_500_000
    assert lampung.total.serapan == Decimal("32.50")
    kaltim = next(g for g in hasil.provinsi if g.total.satker.kode == "64")
    assert (kaltim.total.pagu, kaltim.total.realisasi) == (5_000_000, 5_000_000)
    assert (hasil.nasional.pagu, hasil.nasional.realisasi) == (25_000_000, 11_500_000)
    assert hasil.nasional.serapan == Decimal("46.00")

    html = client.get(URL).text
    for teks in ("Provinsi Lampung", "Rp20.000.000", "Rp6.500.000", "32,50%", "46,00%"):
        assert teks in html, teks
    assert "Rp99.000.000" not in html
    assert "Rp109.000.000" not in html


def test_tahun_lain_terpisah_dan_tahun_salah_disebut(mata_anggaran, laporan, client):
    laporan(mata_anggaran(pagu=3_000_000, tahun=2024), 5, 1_000_000, "disetujui", "berkala")
    laporan(mata_anggaran(pagu=7_000_000, tahun=2025), 5, 2_000_000, "disetujui", "berkala")
    assert rekap.tahun_tersedia() == [2025, 2024]
    assert "Rp7.000.000" in client.get(URL).text  # the latest year by default
    html_2024 = client.get(URL, {"tahun": "2024"}).text
    assert "Rp3.000.000" in html_2024
    assert "Rp7.000.000" not in html_2024
    salah = client.get(URL, {"tahun": "dua ribu"})
    assert salah.status_code == 200
    assert "Tahun “dua ribu” tidak valid; gunakan empat angka, mis. 2024." in salah.text
    kosong = client.get(URL, {"tahun": "2019"}).text
    assert "Belum ada laporan realisasi publik untuk tahun anggaran 2019." in kosong


def _angka_publik(client, rek):
    """What the public sees of one report: its API detail and the serapan page."""
    api = client.get(f"/api/v1/anggaran/{rek.pk}/").json()
    html = client.get(URL).text
    return (api["pagu"], api["sisa"], api["serapan"]), html


def test_revisi_pagu_yang_belum_ditinjau_tidak_mengubah_angka_publik(
    mata_anggaran, laporan, client, operator_metro
):
    """A pagu revision needs no approval: it changes no public figure (the API detail, the
    office, province and national rows of the serapan page). The new pagu reaches the public
    only with the next report approved and classified."""
    pagu = mata_anggaran(pagu=4_000_000)
    mei = laporan(pagu, 5, 1_000_000, "disetujui", "berkala")
    sebelum, html_sebelum = _angka_publik(client, mei)
    assert "25,00%" in html_sebelum
    nasional_sebelum = rekap.rekap(2024).nasional

    revisi_pagu(
        pagu,
        operator_metro,
        pagu_baru=Decimal(5_000_000),
        tanggal=dt.date(2024, 6, 1),
        alasan="Revisi DIPA.",
    )
    sesudah, html_sesudah = _angka_publik(client, mei)
    assert sesudah == sebelum
    assert "25,00%" in html_sesudah
    assert "20,00%" not in html_sesudah
    assert "Rp5.000.000" not in html_sesudah
    nasional = rekap.rekap(2024).nasional
    assert (nasional.pagu, nasional.realisasi) == (nasional_sebelum.pagu, 1_000_000)

    # the next month, reviewed with the new pagu, is what changes the public figures
    laporan(pagu, 6, 1_000_000, "disetujui", "berkala")
    assert "20,00%" in client.get(URL).text
    assert rekap.rekap(2024).nasional.pagu == 5_000_000


def _kueri(client, url):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_jumlah_kueri_halaman_serapan_tetap(mata_anggaran, laporan, client):
    laporan(mata_anggaran("18.72", pagu=5_000_000), 1, 1_000, "disetujui", "berkala")
    sedikit = _kueri(client, URL)
    for kode in ("18.72", "18.01", "18", "64.08"):
        for akun in AKUN[1:4]:
            pagu = mata_anggaran(kode, akun=akun, pagu=5_000_000)
            laporan(pagu, 1, 1_000, "disetujui", "berkala")
            laporan(pagu, 2, 2_000, "disetujui", "serta_merta")
    assert _kueri(client, URL) == sedikit
    assert sedikit <= 4


@pytest.mark.parametrize("url", ["/data/anggaran/", "/kelola/anggaran/"])
def test_daftar_umum_modul_tanpa_kueri_per_baris(mata_anggaran, laporan, client, admin, url):
    """The generic lists show pagu-derived values (serapan) without a query per row."""
    client.force_login(admin)
    laporan(mata_anggaran(pagu=5_000_000), 1, 1_000, "disetujui", "berkala")
    sedikit = _kueri(client, url)
    for akun in AKUN[1:6]:
        laporan(mata_anggaran(akun=akun, pagu=5_000_000), 1, 1_000, "disetujui", "berkala")
    assert _kueri(client, url) == sedikit


def test_format_rupiah_indonesia(mata_anggaran, laporan, client):
    laporan(mata_anggaran(pagu=17_980_000_000_000), 12, 15_685_752_000_000, "disetujui", "berkala")
    html = client.get(URL).text
    assert "Rp17.980.000.000.000" in html
    assert "Rp15.685.752.000.000" in html
    assert "87,24%" in html
    assert re.search(r"Rp\d{1,3}(\.\d{3})+", html)
