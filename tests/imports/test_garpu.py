"""Checking rows on two cores (apps.imports.garpu): the same results as one process, in the
same order; a failing child says so; the parent's database connection, shared with the child
at the fork, still works afterwards — inside its transaction."""

import os

import pytest
from django.db import connection

from apps.imports import garpu


def kuadrat(x):
    return x * x, os.getpid()


def test_hasil_sama_dengan_satu_proses_dan_urutannya_tetap():
    butir = list(range(5000))
    satu = garpu.peta(kuadrat, butir, paralel=False)
    dua = garpu.peta(kuadrat, butir, paralel=True)
    assert [h for h, _pid in dua] == [h for h, _pid in satu]
    # the second half was computed by another process
    assert {pid for _h, pid in dua[:2500]} == {os.getpid()}
    assert os.getpid() not in {pid for _h, pid in dua[2500:]}


def test_sedikit_butir_tidak_bercabang():
    hasil = garpu.peta(kuadrat, list(range(10)), paralel=True)
    assert {pid for _h, pid in hasil} == {os.getpid()}


def gagal_di_separuh_kedua(x):
    if x >= 3000:
        raise ValueError(f"butir {x}")
    return x


def test_anak_yang_gagal_dilaporkan():
    with pytest.raises(garpu.GagalAnak, match="butir 3000"):
        garpu.peta(gagal_di_separuh_kedua, list(range(5000)), paralel=True)


def bertanya_ke_basis_data(x):
    if x == 4000:  # in the child: it must not use the parent's connection
        with connection.cursor() as c:
            c.execute("SELECT 1")
    return x


@pytest.mark.django_db
def test_koneksi_induk_tetap_hidup_dalam_transaksinya():
    with connection.cursor() as c:
        c.execute("CREATE TEMP TABLE jejak_garpu (n int)")
        c.execute("INSERT INTO jejak_garpu VALUES (1)")
    garpu.peta(bertanya_ke_basis_data, list(range(5000)), paralel=True)
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM jejak_garpu")
        assert c.fetchone()[0] == 1


def diam(x):
    if x == 4999:
        import time

        time.sleep(30)
    return x


def test_anak_yang_diam_dihentikan(monkeypatch):
    monkeypatch.setattr(garpu, "BATAS_DETIK", 1)
    with pytest.raises(garpu.GagalAnak, match="diam"):
        garpu.peta(diam, list(range(5000)), paralel=True)


def gagal_di_separuh_pertama(x):
    if x == 10:
        raise ValueError("separuh induk")
    return x


def test_separuh_induk_gagal_anak_dihentikan():
    with pytest.raises(ValueError, match="separuh induk"):
        garpu.peta(gagal_di_separuh_pertama, list(range(5000)), paralel=True)
