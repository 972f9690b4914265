"""Full-text search across modules (`/cari/`): it finds public records by the words of their
public fields and nothing else — not a non-public record by any of its words, not a public
record by a word of a non-public field — shows snippets cut from public fields only, caps its
counts, and asks a fixed number of queries however many rows match."""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection

from apps.portal import cari
from tests import factories
from tests.conftest import MODULS, modul_id
from tests.portal.test_leak import arsip  # noqa: F401 - the fixture, shared with the leak test


def _ids(html, modul):
    return {int(pk) for pk in re.findall(rf'href="/data/{modul.kode}/(\d+)/"', html)}


def _hasil(html):
    """The results part of the page (the query is echoed in the form and the heading)."""
    if 'id="hasil-judul"' not in html:
        return ""
    return html.split('id="hasil-judul"', 1)[1].split("</main>", 1)[0]


def _judul(rekaman, modul):
    return str(getattr(rekaman, modul.judul_field))


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_hanya_rekaman_publik_yang_ditemukan(modul, arsip, client):  # noqa: F811
    penanda, rows, lain = arsip
    publik = {r.pk for r in rows if r.is_public} | {lain.pk}
    assert len(publik) == 4
    for rek in [*rows, lain]:
        judul = _judul(rek, modul)
        response = client.get("/cari/", {"q": judul, "modul": modul.kode})
        assert response.status_code == 200
        ditemukan = _ids(_hasil(response.text), modul)
        assert ditemukan <= publik, judul
        if rek.is_public:
            assert rek.pk in ditemukan, judul
        else:
            assert rek.pk not in ditemukan, judul
    # a marker is a word of a non-public record (any field) or of a non-public field of a
    # public record: searching it finds nothing, in this module or any other
    for nilai in penanda.semua:
        for params in ({"q": nilai, "modul": modul.kode}, {"q": nilai}):
            hasil = _hasil(client.get("/cari/", params).text)
            assert not _ids(hasil, modul), nilai
            assert "Tidak ada data publik yang cocok" in hasil, nilai


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_hasil_dan_cuplikan_tanpa_penanda(modul, arsip, client):  # noqa: F811
    penanda, rows, _lain = arsip
    publik = next(r for r in rows if r.is_public)
    # words of the title, searched across every module
    response = client.get("/cari/", {"q": _judul(publik, modul)})
    assert response.status_code == 200
    assert publik.pk in _ids(response.text, modul)
    assert "<mark>" in _hasil(response.text)
    bocor = [m for m in penanda.semua if m in response.text]
    assert not bocor
    # the second reader gets the cached results, the same page
    assert _hasil(client.get("/cari/", {"q": _judul(publik, modul)}).text) == _hasil(response.text)


def test_cuplikan_di_escape(client, buat):
    modul = next(m for m in MODULS if m.kode == "pencegahan")
    rek = buat(
        modul, "18.72", "disetujui", "berkala", judul='Sosialisasi <b>tebal</b> 1 < 2 & "aman"'
    )
    html = client.get("/cari/", {"q": "tebal"}).text
    assert rek.pk in _ids(html, modul)
    cuplikan = _hasil(html).split('class="cuplikan">', 1)[1].split("</p>", 1)[0]
    assert "<mark>tebal</mark>" in cuplikan
    assert "<b>" not in cuplikan
    assert "1 &lt; 2 &amp; &quot;aman&quot;" in cuplikan


def test_kolom_cari_hanya_kolom_publik():
    for modul in MODULS:
        kolom = cari.kolom_cari(modul)
        assert kolom, modul.kode
        for nama in kolom:
            assert nama.split("__", 1)[0] in modul.semua_public_fields, (modul.kode, nama)
        assert "catatan_internal" not in kolom


def test_jumlah_dibatasi(client, admin, kantor):
    modul = next(m for m in MODULS if m.kode == "pencegahan")
    factories.banyak_rekaman(
        modul,
        kantor("18.72"),
        cari.BATAS_HITUNG + 5,
        oleh=admin,
        status="disetujui",
        klasifikasi="berkala",
    )
    modul.model.objects.public().update(judul="Patroli pengawasan masa tenang")
    kata = "patroli"
    html = client.get("/cari/", {"q": kata}).text
    assert f"lebih dari {cari.BATAS_HITUNG} hasil" in html
    assert len(_ids(html, modul)) == cari.PER_MODUL
    assert f"modul={modul.kode}" in html  # a way to more of them
    html = client.get("/cari/", {"q": kata, "modul": modul.kode}).text
    assert len(_ids(html, modul)) == cari.PER_MODUL_SATU


def test_jumlah_query_tetap(client, admin, django_assert_max_num_queries):
    # the token, the time limit (with the savepoint a test's transaction makes of the
    # search's own, two more), then per module: the matches (capped) and the rows shown
    batas = 4 + 2 * len(MODULS)
    kueri = {}
    for n, mulai in ((5, 0), (40, 5)):
        for modul in MODULS:
            factories.banyak_rekaman_tersebar(
                modul, n - mulai, oleh=admin, status="disetujui", klasifikasi="berkala", mulai=mulai
            )
            modul.model.objects.update(**{modul.judul_field: "Uji pencarian lintas modul"})
        cache.clear()
        with django_assert_max_num_queries(batas) as q:
            response = client.get("/cari/", {"q": "lintas modul"})
        assert response.status_code == 200
        assert all(_ids(response.text, modul) for modul in MODULS)
        kueri[n] = len(q)
    assert kueri[5] == kueri[40]


@pytest.mark.parametrize(
    ("params", "pesan"),
    [
        ({"q": "x" * 201}, "Kata kunci terlalu panjang"),
        ({"q": "rapat", "modul": "tidakada"}, "saringan modul"),
    ],
)
def test_masukan_salah_diberi_pesan(db, client, params, pesan):
    response = client.get("/cari/", params)
    assert response.status_code == 200
    assert pesan in response.text


def test_masukan_aneh_tidak_merusak(db, client):
    for q in ("\x00rapat", "' or 1=1 --", "&|!():*", '"', "-", "or", "a" * 200):
        assert client.get("/cari/", {"q": q}).status_code == 200, q
    assert client.get("/cari/").status_code == 200


def test_kotak_cari_di_kepala_dan_beranda(db, client):
    for url in ("/", "/data/"):
        html = client.get(url).text
        assert re.search(r'<form[^>]*role="search"[^>]*action="/cari/"', html)
        assert 'for="cari-atas"' in html
    assert 'id="beranda-q"' in client.get("/").text


def test_pencarian_terlalu_lama_dihentikan_dan_tidak_disimpan(client, buat, settings):
    modul = next(m for m in MODULS if m.kode == "pencegahan")
    rek = buat(modul, "18.72", "disetujui", "berkala", judul="Patroli masa tenang")
    asli = cari.cari_modul

    def lambat(*args):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(0.2)")
        return asli(*args)

    settings.CARI_BATAS_WAKTU_MS = 50
    with mock.patch.object(cari, "cari_modul", lambat):
        html = client.get("/cari/", {"q": "patroli"}).text
    assert "terlalu lama" in html
    assert not _ids(html, modul)
    # the cut-short page was not cached: the next reader gets the results
    settings.CARI_BATAS_WAKTU_MS = 5000
    html = client.get("/cari/", {"q": "patroli"}).text
    assert "terlalu lama" not in html
    assert rek.pk in _ids(html, modul)


def test_waktu_habis_modul_berikutnya_tidak_dicari(client, buat, settings):
    dua = [m for m in MODULS if m.kode in ("kampanye", "pencegahan")]
    for modul in dua:
        buat(modul, "18.72", "disetujui", "berkala", **{modul.judul_field: "Rapat siaga"})
    settings.CARI_BATAS_WAKTU_MS = 1000
    # the search starts at 0 s, the first module at 0.5 s; it took 2 s
    jam = mock.Mock(monotonic=mock.Mock(side_effect=[0, 0.5, 2.5, 4.5]))
    with mock.patch.object(cari, "time", jam):
        per_modul, terpotong = cari.cari_semua("siaga", dua, 5)
    assert terpotong
    assert [h.modul for h in per_modul] == dua[:1]


@pytest.mark.parametrize(
    ("status", "klasifikasi", "ditemukan"),
    [
        ("disetujui", "berkala", True),
        ("disetujui", "dikecualikan", False),
        ("diajukan", "belum", False),
    ],
)
def test_mitra_mou_ditemukan_hanya_pada_rekaman_publik(
    client, buat, status, klasifikasi, ditemukan
):
    """Public child rows are part of a record's public text: an agreement is found by its
    partner's name — only when the agreement is public."""
    from apps.mou.models import JenisMitra, MitraMou

    modul = next(m for m in MODULS if m.kode == "mou")
    rek = buat(modul, "18.72", status, klasifikasi)
    MitraMou.objects.create(mou=rek, nama="Universitas Zebrinawati", jenis=JenisMitra.values[0])
    cache.clear()
    html = client.get("/cari/", {"q": "Zebrinawati"}).text
    assert (rek.pk in _ids(html, modul)) is ditemukan
    if ditemukan:
        assert "<mark>Zebrinawati</mark>" in _hasil(html)
    else:
        assert "Tidak ada data publik yang cocok." in _hasil(html)
