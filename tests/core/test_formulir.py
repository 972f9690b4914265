"""The entry form's region field: a select of the office's area for a kab/kota or provincial
office, a typed Kemendagri code for Bawaslu RI (whose area is every region)."""

import re

import pytest

from tests.conftest import MODULS, modul_id


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_wilayah_pilihan_untuk_kantor_daerah(modul, client, operator_metro):
    client.force_login(operator_metro)
    html = client.get(f"/kelola/{modul.kode}/baru/").text
    assert re.search(r'<select name="wilayah"', html)
    assert "64.08" not in html  # nothing outside Kota Metro is offered


@pytest.mark.parametrize("modul", MODULS, ids=modul_id)
def test_wilayah_diketik_untuk_bawaslu_ri(modul, client, admin):
    client.force_login(admin)
    html = client.get(f"/kelola/{modul.kode}/baru/").text
    assert re.search(r'<input type="text" name="wilayah"', html)
    assert html.count("<option") < 1000  # not the ~7.800 regions of Indonesia
