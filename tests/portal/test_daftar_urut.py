"""The public list's order and its filter form (keyword, periode range)."""

import datetime as dt
import re

import pytest

from apps.core import registry

pytestmark = pytest.mark.django_db


def _ids(html):
    return [int(pk) for pk in re.findall(r'href="/data/pencegahan/(\d+)/"', html)]


@pytest.fixture
def tiga(buat):
    modul = registry.get("pencegahan")
    return [
        buat(modul, "18.72", "disetujui", "berkala", tanggal=dt.date(2024, m, 5), i=m)
        for m in (3, 1, 2)
    ]


def test_urutan_terbaru_dan_terlama(client, tiga):
    maret, januari, februari = tiga
    assert _ids(client.get("/data/pencegahan/").text) == [maret.pk, februari.pk, januari.pk]
    html = client.get("/data/pencegahan/?urut=lama").text
    assert _ids(html) == [januari.pk, februari.pk, maret.pk]
    assert 'value="lama" selected' in html


def test_urutan_tak_dikenal_diberi_tahu(client, tiga):
    html = client.get("/data/pencegahan/?urut=acak").text
    assert "Urutan “acak” tidak dikenal." in html
    assert len(_ids(html)) == 3


def test_rentang_periode_dan_kata_kunci_dari_formulir(client, tiga):
    maret, januari, februari = tiga
    html = client.get("/data/pencegahan/?periode_dari=2024-02&periode_sampai=2024-03").text
    assert _ids(html) == [maret.pk, februari.pk]
    assert 'name="periode_dari" value="2024-02"' in html
    html = client.get("/data/pencegahan/", {"q": januari.judul}).text
    assert _ids(html) == [januari.pk]
