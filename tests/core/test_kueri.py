"""The staff list asks the database a fixed number of queries, however many rows it shows
(STYLE §11)."""

import re

import pytest
from django.core.cache import cache

from tests import factories
from tests.conftest import MODULS, modul_id

# session, user, grants (list), grants (may create), count, page
BATAS_DAFTAR_STAF = 6


def _ukur(client, url, django_assert_max_num_queries):
    client.get(url)  # warm caches that are not per request (content types)
    cache.clear()
    with django_assert_max_num_queries(BATAS_DAFTAR_STAF) as kueri:
        response = client.get(url)
    assert response.status_code == 200
    ids = set(re.findall(r'href="/kelola/[\w-]+/(\d+)/"', response.text))
    return len(kueri), len(ids)


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_daftar_staf_jumlah_query_tetap(
    modul, client, admin, kasek_lampung, django_assert_max_num_queries
):
    """5 rows and 40 rows: the same number of queries, within the bound."""
    url = f"/kelola/{modul.kode}/"
    hasil = {}
    for n, mulai in ((5, 0), (40, 5)):
        factories.banyak_rekaman_tersebar(
            modul, n - mulai, oleh=admin, status="diajukan", mulai=mulai
        )
        for user in (admin, kasek_lampung):
            client.force_login(user)
            hasil[n, user.username] = _ukur(client, url, django_assert_max_num_queries)
    # the pages really list the rows: all 5, then a full page of 25
    assert hasil[5, "admin"][1] == 5
    assert hasil[40, "admin"][1] == 25
    assert 0 < hasil[5, "kasek_lampung"][1] < hasil[40, "kasek_lampung"][1]
    for user in ("admin", "kasek_lampung"):
        assert hasil[5, user][0] == hasil[40, user][0]
