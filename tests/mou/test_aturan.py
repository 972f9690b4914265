"""The agreement's own rules: dates, number, computed validity and its list filter."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.mou.models import (
    HARI_AKAN_BERAKHIR,
    Mou,
    StatusBerlaku,
    hitung_status_berlaku,
    saring_status_berlaku,
)
from tests import factories
from tests.conftest import segar

HARI = dt.timedelta(days=1)

# filled by buat_rekaman, not by the person entering data
DIISI_SERVIS = ["periode", "created_by", "updated_by"]


# ---- dates -----------------------------------------------------------------------------------


def test_berlaku_sampai_sebelum_ttd_ditolak_dengan_kedua_tanggal(modul, kantor):
    mou = factories.contoh(
        modul,
        kantor("18.72"),
        tanggal_ttd=dt.date(2024, 3, 5),
        berlaku_sampai=dt.date(2024, 1, 1),
    )
    with pytest.raises(ValidationError) as e:
        mou.full_clean(exclude=DIISI_SERVIS)
    pesan = e.value.message_dict["berlaku_sampai"]
    assert pesan == [
        "Tanggal berlaku sampai (1 Januari 2024) tidak boleh sebelum tanggal tanda "
        "tangan (5 Maret 2024)."
    ]


def test_berlaku_sampai_sama_dengan_ttd_boleh(modul, kantor):
    hari = dt.date(2024, 3, 5)
    factories.contoh(modul, kantor("18.72"), tanggal_ttd=hari, berlaku_sampai=hari).full_clean(
        exclude=DIISI_SERVIS
    )


def test_basis_data_menolak_berlaku_sampai_sebelum_ttd(modul, buat):
    """The check holds for writes that skip the form and clean() (imports, shell)."""
    mou = buat(modul, "18.72")
    with pytest.raises(IntegrityError, match="mou_berlaku_sesudah_ttd"), transaction.atomic():
        Mou.objects.filter(pk=mou.pk).update(berlaku_sampai=mou.tanggal_ttd - HARI)
    assert segar(mou).berlaku_sampai == mou.berlaku_sampai


def test_constraint_memakai_pesan_indonesia(modul, kantor):
    constraint = next(c for c in Mou._meta.constraints if c.name == "mou_berlaku_sesudah_ttd")
    mou = factories.contoh(
        modul, kantor("18.72"), tanggal_ttd=dt.date(2024, 3, 5), berlaku_sampai=dt.date(2024, 3, 4)
    )
    with pytest.raises(ValidationError) as e:
        constraint.validate(Mou, mou)
    assert e.value.messages == ["Tanggal berlaku sampai tidak boleh sebelum tanggal tanda tangan."]


def test_tanggal_ttd_di_masa_depan_ditolak(modul, kantor):
    besok = timezone.localdate() + HARI
    mou = factories.contoh(
        modul, kantor("18.72"), tanggal_ttd=besok, berlaku_sampai=besok + dt.timedelta(days=365)
    )
    with pytest.raises(ValidationError) as e:
        mou.full_clean(exclude=DIISI_SERVIS)
    assert "tanggal_ttd" in e.value.message_dict
    assert "tidak boleh sesudah hari ini" in e.value.message_dict["tanggal_ttd"][0]


def test_periode_dari_bulan_penandatanganan(modul, buat):
    mou = buat(modul, "18.72")
    assert segar(mou).periode == mou.tanggal_ttd.replace(day=1)


# ---- number --------------------------------------------------------------------------------


def test_nomor_ganda_di_satker_yang_sama_ditolak_dengan_nomornya(modul, buat, kantor):
    ada = buat(modul, "18.72")
    kembar = factories.contoh(modul, kantor("18.72"), i=3, nomor=ada.nomor)
    with pytest.raises(ValidationError) as e:
        kembar.full_clean(exclude=DIISI_SERVIS)
    assert ada.nomor in e.value.message_dict["nomor"][0]


def test_nomor_sama_di_satker_lain_boleh(modul, buat, kantor):
    ada = buat(modul, "18.72")
    factories.contoh(modul, kantor("18.01"), nomor=ada.nomor).full_clean(exclude=DIISI_SERVIS)


def test_mengubah_rekaman_sendiri_tidak_dianggap_nomor_ganda(modul, buat):
    mou = buat(modul, "18.72")
    segar(mou).full_clean(exclude=DIISI_SERVIS)


def test_demo_berulang_memberi_nomor_baru(modul, buat):
    """The demo hook stays valid when called again for the same office and index."""
    pertama, kedua = buat(modul, "18.72"), buat(modul, "18.72")
    assert pertama.nomor != kedua.nomor


# ---- computed validity ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selisih_hari", "harapan"),
    [
        (-1, StatusBerlaku.BERAKHIR),
        (0, StatusBerlaku.AKAN_BERAKHIR),
        (1, StatusBerlaku.AKAN_BERAKHIR),
        (HARI_AKAN_BERAKHIR, StatusBerlaku.AKAN_BERAKHIR),
        (HARI_AKAN_BERAKHIR + 1, StatusBerlaku.BERLAKU),
        (-400, StatusBerlaku.BERAKHIR),
    ],
)
def test_status_berlaku_di_batas(selisih_hari, harapan):
    hari_ini = dt.date(2026, 2, 27)
    sampai = hari_ini + dt.timedelta(days=selisih_hari)
    assert hitung_status_berlaku(sampai, hari_ini) is harapan


def _mou_sampai(buat, modul, hari_ini, selisih_hari, **kw):
    sampai = hari_ini + dt.timedelta(days=selisih_hari)
    return buat(
        modul,
        kw.pop("kode", "18.72"),
        kw.pop("status", "disetujui"),
        kw.pop("klasifikasi", "berkala"),
        tanggal_ttd=min(hari_ini, sampai) - dt.timedelta(days=30),
        berlaku_sampai=sampai,
        **kw,
    )


BATAS = {"kemarin": -1, "hari_ini": 0, "hari_ke_90": 90, "hari_ke_91": 91}
HARAPAN = {
    "kemarin": StatusBerlaku.BERAKHIR,
    "hari_ini": StatusBerlaku.AKAN_BERAKHIR,
    "hari_ke_90": StatusBerlaku.AKAN_BERAKHIR,
    "hari_ke_91": StatusBerlaku.BERLAKU,
}


@pytest.fixture
def di_batas(modul, buat):
    """One public agreement ending on each boundary day, relative to today."""
    hari_ini = timezone.localdate()
    return {
        nama: _mou_sampai(buat, modul, hari_ini, selisih, i=n)
        for n, (nama, selisih) in enumerate(BATAS.items())
    }


def test_status_berlaku_dihitung_dari_hari_ini(di_batas):
    for nama, mou in di_batas.items():
        row = segar(mou)
        assert row.kode_status_berlaku is HARAPAN[nama], nama
        assert row.status_berlaku == HARAPAN[nama].label, nama


def test_status_berlaku_tidak_disimpan():
    assert "status_berlaku" not in {f.name for f in Mou._meta.get_fields()}


@pytest.mark.parametrize("status", StatusBerlaku.values)
def test_saring_status_berlaku_sama_dengan_status_yang_dihitung(di_batas, status):
    ids = {m.pk for m in di_batas.values()}
    terpilih = set(
        saring_status_berlaku(Mou.objects.filter(pk__in=ids), status).values_list("pk", flat=True)
    )
    assert terpilih == {m.pk for nama, m in di_batas.items() if HARAPAN[nama] == status}
    assert terpilih  # every status has a boundary record, so the filter is really tested


def test_saring_status_berlaku_berjalan_di_sql(di_batas):
    sql = str(saring_status_berlaku(Mou.objects.all(), StatusBerlaku.AKAN_BERAKHIR).query)
    assert '"berlaku_sampai" >=' in sql
    assert '"berlaku_sampai" <=' in sql


@pytest.mark.parametrize("status", StatusBerlaku.values)
def test_filter_status_berlaku_di_daftar_publik(di_batas, client, status):
    response = client.get("/data/mou/", {"status_berlaku": status})
    assert response.status_code == 200
    for nama, mou in di_batas.items():
        tampil = f'href="/data/mou/{mou.pk}/"' in response.text
        assert tampil is (HARAPAN[nama] == status), nama


def test_filter_status_berlaku_tidak_dikenal_dijelaskan(di_batas, client):
    response = client.get("/data/mou/", {"status_berlaku": "kedaluwarsa"})
    assert response.status_code == 200
    assert "Nilai “kedaluwarsa” tidak dikenal untuk status berlaku." in response.text
    # the filter is not applied: every public agreement is listed
    for mou in di_batas.values():
        assert f'href="/data/mou/{mou.pk}/"' in response.text


def test_filter_status_berlaku_tidak_membuka_rekaman_nonpublik(modul, buat, client):
    hari_ini = timezone.localdate()
    rahasia = _mou_sampai(buat, modul, hari_ini, 10, status="disetujui", klasifikasi="belum")
    dikecualikan = _mou_sampai(buat, modul, hari_ini, 10, i=1, klasifikasi="dikecualikan")
    draf = _mou_sampai(buat, modul, hari_ini, 10, i=2, status="draft", klasifikasi="belum")
    response = client.get("/data/mou/", {"status_berlaku": "akan_berakhir"})
    for mou in (rahasia, dikecualikan, draf):
        assert f"/data/mou/{mou.pk}/" not in response.text
        assert mou.judul not in response.text


def test_filter_jenis_mitra_tanpa_baris_ganda(modul, buat, client):
    # demo i=4 has two universities as partners: listed once
    dua_kampus = buat(modul, "18.72", "disetujui", "berkala", i=4)
    media = buat(modul, "18.72", "disetujui", "berkala", i=3)
    response = client.get("/data/mou/", {"jenis_mitra": "perguruan_tinggi"})
    assert response.text.count(f'href="/data/mou/{dua_kampus.pk}/"') == 1
    assert f'href="/data/mou/{media.pk}/"' not in response.text
