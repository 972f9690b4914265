"""Public statistics (`/statistik/`, `/statistik/<modul>/`, `/statistik/<modul>.csv`): every
table, chart and CSV counts exactly the public rows — from the refused side, records in every
status × classification never count and their markers never show — the CSV is the table, the
charts are well-formed SVG, bad filters are named in Indonesian, and the number of queries
does not grow with the rows."""

import csv
import io
from collections import Counter

import pytest
from django.core.cache import cache

from apps.core.models import Pemilihan
from apps.opendata import ekspor
from apps.portal import grafik as grafik_svg
from tests import factories
from tests.conftest import MODULS, modul_id
from tests.portal.tabel_html import batang, bilangan, grafik, jumlah_per_kode, svg_xml, tabel
from tests.portal.test_leak import arsip  # noqa: F401 - the fixture, shared with the leak test


def _kode_tabel(modul):
    return ["bulan", "wilayah", "pemilihan", *modul.filter_fields]


def _csv(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _tanpa_penanda(teks, penanda):
    bocor = [m for m in penanda.semua if m in teks]
    assert not bocor


def _publik(modul):
    return list(modul.model.objects.public())


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_tabel_grafik_dan_csv_hanya_rekaman_publik(modul, arsip, client):  # noqa: F811
    penanda, rows, lain = arsip
    publik = _publik(modul)
    assert {r.pk for r in publik} == {r.pk for r in rows if r.is_public} | {lain.pk}
    response = client.get(f"/statistik/{modul.kode}/")
    assert response.status_code == 200
    halaman = response.text
    _tanpa_penanda(halaman, penanda)

    bulan = Counter(f"{r.periode:%Y-%m}" for r in publik)
    assert {k: n for k, n in jumlah_per_kode(halaman, "data-bulan").items() if n} == bulan
    assert jumlah_per_kode(halaman, "data-wilayah") == {"18": 3, "64": 1}
    pemilihan = Counter(r.pemilihan.kode if r.pemilihan else "" for r in publik)
    assert jumlah_per_kode(halaman, "data-pemilihan") == pemilihan
    for name in modul.filter_fields:
        nilai = Counter(getattr(r, name) or "" for r in publik)
        per_kode = jumlah_per_kode(halaman, f"data-{name}")
        assert {k: n for k, n in per_kode.items() if n} == nilai, name
        # every choice has its row, counted or not
        assert {str(v) for v, _l in modul.field(name).flatchoices} <= set(per_kode)

    # one chart per table, well-formed, a bar per row
    svgs = grafik(halaman)
    assert len(svgs) == len(_kode_tabel(modul))
    for svg, kode in zip(svgs, _kode_tabel(modul), strict=True):
        assert svg.get("role") == "img"
        assert svg.get("viewBox")
        assert svg.find("{http://www.w3.org/2000/svg}title").text
        assert len(batang(svg)) == len(tabel(halaman, f"data-{kode}")[1])

    # each CSV is its table
    for kode in _kode_tabel(modul):
        kepala, baris = tabel(halaman, f"data-{kode}")
        isi = _csv(client, f"/statistik/{modul.kode}.csv", {"tabel": kode})
        assert isi[0] == kepala
        assert [[k, lb, int(n)] for k, lb, n in isi[1:]] == [
            [k, lb, bilangan(n)] for k, lb, n in baris
        ]
        _tanpa_penanda("\n".join(",".join(b) for b in isi), penanda)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_rincian_wilayah_dan_saringan(modul, arsip, client):  # noqa: F811
    penanda, _rows, _lain = arsip
    halaman = client.get(f"/statistik/{modul.kode}/", {"wilayah": "18"}).text
    assert jumlah_per_kode(halaman, "data-wilayah") == {"18.72": 3}
    assert 'href="?wilayah=18.72"' in halaman
    _tanpa_penanda(halaman, penanda)
    halaman = client.get(f"/statistik/{modul.kode}/", {"wilayah": "18.72"}).text
    assert sum(jumlah_per_kode(halaman, "data-wilayah").values()) == 3
    assert 'href="?wilayah=18"' in halaman  # back up to the province
    _tanpa_penanda(halaman, penanda)
    assert (
        sum(
            jumlah_per_kode(
                client.get(f"/statistik/{modul.kode}/", {"wilayah": "18.01"}).text, "data-bulan"
            ).values()
        )
        == 0
    )

    publik = _publik(modul)
    bulan = min(r.periode for r in publik)
    params = {"periode_dari": f"{bulan:%Y-%m}", "periode_sampai": f"{bulan:%Y-%m}"}
    halaman = client.get(f"/statistik/{modul.kode}/", params).text
    diharapkan = sum(1 for r in publik if r.periode == bulan)
    assert sum(jumlah_per_kode(halaman, "data-bulan").values()) == diharapkan
    isi = _csv(client, f"/statistik/{modul.kode}.csv", {**params, "tabel": "wilayah"})
    assert sum(int(b[2]) for b in isi[1:]) == diharapkan

    dengan = [r for r in publik if r.pemilihan_id]
    if dengan:
        kode = dengan[0].pemilihan.kode
        halaman = client.get(f"/statistik/{modul.kode}/", {"pemilihan": kode}).text
        assert sum(jumlah_per_kode(halaman, "data-bulan").values()) == sum(
            1 for r in publik if r.pemilihan_id and r.pemilihan.kode == kode
        )


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_indeks_statistik_hanya_rekaman_publik(modul, arsip, client):  # noqa: F811
    penanda, _rows, _lain = arsip
    halaman = client.get("/statistik/").text
    _tanpa_penanda(halaman, penanda)
    _kepala, baris = tabel(halaman, "data-modul")
    per_modul = {b[0]: bilangan(b[-1]) for b in baris}
    assert per_modul[str(modul.nama)] == 4
    assert sum(per_modul.values()) == 4
    for svg in grafik(halaman):
        assert len(batang(svg)) == len(MODULS)


@pytest.mark.parametrize(
    ("params", "nama_saringan"),
    [
        ({"pemilihan": "pemilu-1955"}, "Pemilihan"),
        ({"periode_dari": "2024-13"}, "Periode dari"),
        ({"periode_sampai": "Maret"}, "Periode sampai"),
        ({"periode_dari": "2024-05", "periode_sampai": "2024-03"}, "Periode dari"),
        ({"wilayah": "18.72.01"}, "Kode wilayah “18.72.01” tidak dikenali"),
        ({"wilayah": "99"}, "Kode wilayah “99” tidak dikenali"),
        ({"jenis": "tidak-ada"}, "jenis kegiatan"),
    ],
)
def test_saringan_salah_diberi_pesan(db, client, params, nama_saringan):
    response = client.get("/statistik/pencegahan/", params)
    assert response.status_code == 200
    pesan = response.text.split('class="errors" role="alert">', 1)[1].split("</ul>", 1)[0]
    assert nama_saringan in pesan
    response = client.get("/statistik/pencegahan.csv", {**params, "tabel": "bulan"})
    assert response.status_code == 400
    assert nama_saringan in response.content.decode()


@pytest.mark.django_db
def test_tabel_csv_tidak_dikenal(client):
    response = client.get("/statistik/pencegahan.csv", {"tabel": "rahasia"})
    assert response.status_code == 400
    assert "Tabel" in response.content.decode()
    assert client.get("/statistik/tidakada/").status_code == 404
    assert client.get("/statistik/tidakada.csv").status_code == 404


def test_csv_menetralkan_rumus(client, buat):
    modul = next(m for m in MODULS if m.kode == "pencegahan")
    rumus = Pemilihan.objects.create(
        kode="rumus", nama='=HYPERLINK("http://contoh.test","klik")', jenis="pemilu", tahun=2029
    )
    buat(modul, "18.72", "disetujui", "berkala", pemilihan=rumus)
    isi = _csv(client, "/statistik/pencegahan.csv", {"tabel": "pemilihan"})
    assert ["rumus", "'" + rumus.nama, "1"] in isi
    for awal in ("=", "+", "-", "@", "\t", "\r"):
        assert ekspor.netralkan(f"{awal}1+1") == f"'{awal}1+1"
    assert ekspor.netralkan("Lampung") == "Lampung"


def test_grafik_xml_utuh_dengan_teks_aneh():
    svg = grafik_svg.batang(
        "uji", 'Judul <b>"&"</b>', [("<script>alert(1)</script>", 3), ("A & B", 0), ("", 1)]
    )
    assert "<script>" not in svg
    akar = svg_xml(svg)
    assert len(akar.findall("{http://www.w3.org/2000/svg}g")) == 3
    assert svg_xml(grafik_svg.batang("kosong", "Kosong", [])).tag.endswith("svg")


def test_jumlah_query_tetap(client, admin, django_assert_max_num_queries):
    kueri = {}
    for n, mulai in ((5, 0), (40, 5)):
        for modul in MODULS:
            factories.banyak_rekaman_tersebar(
                modul, n - mulai, oleh=admin, status="disetujui", klasifikasi="berkala", mulai=mulai
            )
        for modul in MODULS:
            # token, elections of the form, the region filtered on, then one query per table
            # and the regions' names
            batas = 3 + 4 + len(modul.filter_fields)
            for url in (f"/statistik/{modul.kode}/", f"/statistik/{modul.kode}/?wilayah=18"):
                cache.clear()
                with django_assert_max_num_queries(batas) as q:
                    assert client.get(url).status_code == 200
                kueri[n, url] = len(q)
        cache.clear()
        with django_assert_max_num_queries(3) as q:  # token, counts, elections
            assert client.get("/statistik/").status_code == 200
        kueri[n, "/statistik/"] = len(q)
    for (n, url), jumlah in kueri.items():
        if n == 5:
            assert jumlah == kueri[40, url], url


def test_terbit_dan_tarik_mengubah_angka_saat_itu_juga(client, buat, admin):
    from apps.core.workflow import Aksi, transition

    modul = next(m for m in MODULS if m.kode == "pencegahan")
    buat(modul, "18.72", "disetujui", "berkala")
    url = "/statistik/pencegahan/"
    assert sum(jumlah_per_kode(client.get(url).text, "data-bulan").values()) == 1
    kedua = buat(modul, "18.72", "disetujui", "serta_merta")
    assert sum(jumlah_per_kode(client.get(url).text, "data-bulan").values()) == 2
    transition(kedua, Aksi.BUKA_KEMBALI, admin, "Koreksi.")
    assert sum(jumlah_per_kode(client.get(url).text, "data-bulan").values()) == 1
    isi = _csv(client, "/statistik/pencegahan.csv", {"tabel": "bulan"})
    assert sum(int(b[2]) for b in isi[1:]) == 1
