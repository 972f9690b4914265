"""Register numbers: given on registration when left blank, one sequence per office and year,
kept when typed, never given twice in an office."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from apps.core.services import buat_rekaman, ubah_rekaman
from tests.conftest import segar
from tests.sengketa.conftest import REGISTRASI, diregistrasi

pytestmark = pytest.mark.django_db


def _daftar(sengketa, user, kantor=None, **nilai):
    data = diregistrasi(**nilai)
    if kantor is not None:
        data |= {"satker": kantor, "wilayah_id": kantor.wilayah_id}
    return buat_rekaman(sengketa(**data), user)


def test_nomor_otomatis_berurutan_saat_diregistrasi(sengketa, admin):
    pertama = _daftar(sengketa, admin)
    kedua = _daftar(sengketa, admin)
    assert segar(pertama).nomor_register == "001/PS.REG/18.72/V/2024"
    assert segar(kedua).nomor_register == "002/PS.REG/18.72/V/2024"


def test_nomor_diberikan_saat_registrasi_dicatat_kemudian(sengketa, admin):
    obj = buat_rekaman(sengketa(), admin)
    assert segar(obj).nomor_register == ""
    for name, value in diregistrasi().items():
        setattr(obj, name, value)
    ubah_rekaman(obj, admin, ["registrasi", "tanggal_registrasi"], version=obj.version)
    assert segar(obj).nomor_register == "001/PS.REG/18.72/V/2024"
    assert segar(obj).tahap == "mediasi"


def test_nomor_per_satker(sengketa, admin, kantor):
    metro = _daftar(sengketa, admin)
    lamsel = _daftar(sengketa, admin, kantor=kantor("18.01"))
    assert segar(metro).nomor_register == "001/PS.REG/18.72/V/2024"
    assert segar(lamsel).nomor_register == "001/PS.REG/18.01/V/2024"


def test_nomor_per_tahun(sengketa, admin):
    _daftar(sengketa, admin)
    tahun_depan = _daftar(
        sengketa,
        admin,
        tanggal_objek=dt.date(2025, 1, 2),
        tanggal_diterima=dt.date(2025, 1, 3),
        tanggal_registrasi=dt.date(2025, 1, 6),
    )
    assert segar(tahun_depan).nomor_register == "001/PS.REG/18.72/I/2025"


def test_nomor_yang_diketik_dipertahankan(sengketa, admin):
    obj = _daftar(sengketa, admin, nomor_register="17/PS.REG/18.72/V/2024")
    assert segar(obj).nomor_register == "17/PS.REG/18.72/V/2024"
    # the typed number does not consume the sequence
    assert segar(_daftar(sengketa, admin)).nomor_register == "001/PS.REG/18.72/V/2024"


def test_nomor_otomatis_melompati_nomor_yang_diketik(sengketa, admin):
    _daftar(sengketa, admin, nomor_register="002/PS.REG/18.72/V/2024")
    assert segar(_daftar(sengketa, admin)).nomor_register == "001/PS.REG/18.72/V/2024"
    assert segar(_daftar(sengketa, admin)).nomor_register == "003/PS.REG/18.72/V/2024"


def test_nomor_ganda_di_satker_yang_sama_ditolak(sengketa, admin, kantor):
    _daftar(sengketa, admin, nomor_register="005/PS.REG/18.72/V/2024")
    with pytest.raises(ValidationError) as e:
        _daftar(sengketa, admin, nomor_register="005/PS.REG/18.72/V/2024")
    assert e.value.message_dict["nomor_register"] == [
        "Nomor register 005/PS.REG/18.72/V/2024 sudah dipakai permohonan lain di satker ini."
    ]
    # another office may carry the same text
    _daftar(sengketa, admin, kantor=kantor("18.01"), nomor_register="005/PS.REG/18.72/V/2024")


def test_tidak_diregistrasi_tanpa_nomor(sengketa, admin):
    obj = buat_rekaman(
        sengketa(
            registrasi="tidak_diregistrasi",
            tanggal_registrasi=REGISTRASI,
            keterangan_registrasi="Pemohon bukan peserta pemilu.",
        ),
        admin,
    )
    assert segar(obj).nomor_register == ""


def test_pola_nomor_dari_pengaturan(sengketa, admin, settings):
    settings.POLA_NOMOR_REGISTER_SENGKETA = "{urut:04d}/Reg/PS/{tingkat}/{kode}/{tahun}"
    assert segar(_daftar(sengketa, admin)).nomor_register == "0001/Reg/PS/Kota/18.72/2024"


def test_termohon_bawaan_kpu_wilayah_satker(sengketa, admin, kantor):
    obj = buat_rekaman(sengketa(termohon=""), admin)
    assert segar(obj).termohon == "KPU Kota Metro"
    lamsel = kantor("18.01")
    obj = buat_rekaman(sengketa(termohon="", satker=lamsel, wilayah_id=lamsel.wilayah_id), admin)
    assert segar(obj).termohon == "KPU Kabupaten Lampung Selatan"
    provinsi = kantor("18")
    obj = buat_rekaman(sengketa(termohon="", satker=provinsi, wilayah_id="18"), admin)
    assert segar(obj).termohon == "KPU Provinsi Lampung"
