"""The home page's headline figures count exactly the public rows, per module and per election
(from the refused side: records in every status × classification, markers in their fields),
the national budget absorption reads public reports only, and a publication or withdrawal
changes the figures at once (the cache key is the publication token)."""

import re
from decimal import Decimal

import pytest

from apps.core.workflow import Aksi, transition
from tests.conftest import MODULS, modul_id
from tests.portal.tabel_html import bilangan, tabel
from tests.portal.test_leak import arsip  # noqa: F401 - the fixture, shared with the leak test


def _angka(html, modul):
    m = re.search(rf'<span class="nilai">([\d.]+)</span><a href="/data/{modul.kode}/">', html)
    return bilangan(m[1])


def _matriks(html):
    kepala, baris = tabel(html, "angka-pemilihan")
    return kepala, {b[0]: [bilangan(n) for n in b[1:]] for b in baris}


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_angka_beranda_hanya_rekaman_publik(modul, arsip, client):  # noqa: F811
    penanda, rows, lain = arsip
    publik = [r for r in [*rows, lain] if r.is_public]
    assert len(publik) == 4
    html = client.get("/").text
    bocor = [m for m in penanda.semua if m in html]
    assert not bocor
    assert _angka(html, modul) == 4
    for lain_modul in MODULS:
        if lain_modul is not modul:
            assert _angka(html, lain_modul) == 0
    kepala, matriks = _matriks(html)
    sel = matriks[str(modul.nama)]
    assert sel[-1] == 4
    per_pemilihan = {}
    for r in publik:
        nama = r.pemilihan.nama if r.pemilihan_id else "Tanpa pemilihan"
        per_pemilihan[nama] = per_pemilihan.get(nama, 0) + 1
    assert dict(zip(kepala[1:-1], sel[:-1], strict=True)) == per_pemilihan


def test_terbit_dan_tarik_mengubah_angka_saat_itu_juga(client, buat, admin):
    modul = next(m for m in MODULS if m.kode == "kampanye")
    buat(modul, "18.72", "disetujui", "berkala")
    assert _angka(client.get("/").text, modul) == 1
    kedua = buat(modul, "18.01", "disetujui", "setiap_saat")
    assert _angka(client.get("/").text, modul) == 2
    transition(kedua, Aksi.BUKA_KEMBALI, admin, "Koreksi data.")
    assert _angka(client.get("/").text, modul) == 1


def test_serapan_nasional_dari_laporan_publik_saja(client, buat):
    modul = next((m for m in MODULS if m.kode == "anggaran"), None)
    if modul is None:
        pytest.skip("modul anggaran tidak terdaftar")
    publik = buat(modul, "18.72", "disetujui", "berkala")
    pagu = publik.pagu_anggaran.pagu
    # a later month of the same budget line, not public: it must not move the figure
    rahasia = buat(
        modul,
        "18.72",
        "disetujui",
        "dikecualikan",
        pagu_anggaran=publik.pagu_anggaran,
        periode=publik.periode.replace(month=publik.periode.month + 1),
        realisasi_kumulatif=pagu,
    )
    assert rahasia.pk
    from apps.anggaran.rekap import serapan_nasional

    serapan = serapan_nasional()
    assert serapan.pagu == pagu
    assert serapan.realisasi == publik.realisasi_kumulatif
    diharapkan = (publik.realisasi_kumulatif / pagu * 100).quantize(Decimal("0.01"))
    assert serapan.persen == diharapkan
    html = client.get("/").text
    teks = f"{diharapkan:.2f}".replace(".", ",")
    assert f'<span class="nilai">{teks}%</span>' in html


def test_tautan_beranda(db, client):
    html = client.get("/").text
    for tautan in ("/statistik/", "/ppid/dip/", "/ppid/permohonan/", "/data/"):
        assert f'href="{tautan}"' in html, tautan
    for modul in MODULS:
        assert f'href="/data/{modul.kode}/"' in html
        assert f'href="/statistik/{modul.kode}/"' in html


def test_terbaru_tidak_melewatkan_rekaman_yang_lebih_baru(client, buat):
    """The home page's latest list is the newest public records of all modules together: a
    module holding most of the newest ones is not cut to a share of the list."""
    import datetime as dt

    pencegahan = next(m for m in MODULS if m.kode == "pencegahan")
    kampanye = next(m for m in MODULS if m.kode == "kampanye")
    baru = [
        buat(pencegahan, "18.72", "disetujui", "berkala", tanggal=dt.date(2026, 6, i + 1))
        for i in range(7)
    ]
    lama = [
        buat(kampanye, "18.72", "disetujui", "berkala", tanggal=dt.date(2024, 1, i + 1))
        for i in range(5)
    ]
    daftar = client.get("/").text
    for r in baru:
        assert r.get_public_url() in daftar, r
    # ten in all: the seven newest, then the three newest of the older module
    tampil = [r for r in lama if r.get_public_url() in daftar]
    assert len(tampil) == 3
