"""Public pages ask the database a fixed number of queries, however many rows they show
(STYLE §11, DESIGN §7a); the home and office pages a few plus one per module."""

import re

import pytest
from django.core.cache import cache

from tests import factories
from tests.conftest import MODULS, modul_id

# token, rows, elections of the filter
BATAS_DAFTAR_PUBLIK = 3
# token, the headline figures (counts of every module in one query, the elections' names, the
# national budget absorption in two), then the latest rows of each module
BATAS_BERANDA = 5 + len(MODULS)
# the office, token, its counts in one query, the offices under it, then the latest rows of
# each module (agreements with their partners: one more)
BATAS_SATKER = 5 + len(MODULS)


def _ids(response, modul):
    return set(re.findall(rf'href="/data/{modul.kode}/(\d+)/"', response.text))


def _ukur(client, url, django_assert_max_num_queries, batas):
    client.get(url)  # warm caches that are not per request (content types)
    cache.clear()  # the public pages cache their content; measure a miss
    with django_assert_max_num_queries(batas) as kueri:
        response = client.get(url)
    assert response.status_code == 200
    return len(kueri), response


def _publik(modul, n, mulai, oleh):
    factories.banyak_rekaman_tersebar(
        modul, n - mulai, oleh=oleh, status="disetujui", klasifikasi="berkala", mulai=mulai
    )


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_daftar_publik_jumlah_query_tetap(modul, client, admin, django_assert_max_num_queries):
    url = f"/data/{modul.kode}/"
    kueri = {}
    for n, mulai in ((5, 0), (40, 5)):
        _publik(modul, n, mulai, admin)
        kueri[n], response = _ukur(client, url, django_assert_max_num_queries, BATAS_DAFTAR_PUBLIK)
        assert len(_ids(response, modul)) == n
    assert kueri[5] == kueri[40]


def test_beranda_dan_halaman_satker_jumlah_query_tetap(
    client, admin, django_assert_max_num_queries
):
    kueri = {}
    for n, mulai in ((5, 0), (40, 5)):
        for modul in MODULS:
            _publik(modul, n, mulai, admin)
        kueri[n, "/"], beranda = _ukur(client, "/", django_assert_max_num_queries, BATAS_BERANDA)
        kueri[n, "satker"], satker = _ukur(
            client, "/satker/18.72/", django_assert_max_num_queries, BATAS_SATKER
        )
        for modul in MODULS:
            assert _ids(satker, modul)
        assert any(_ids(beranda, modul) for modul in MODULS)
    assert kueri[5, "/"] == kueri[40, "/"]
    assert kueri[5, "satker"] == kueri[40, "satker"]
