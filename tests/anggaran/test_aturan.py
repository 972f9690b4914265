"""The monthly report's own rules (model clean, staff form, database): the cumulative figure
never goes down from month to month of a budget line and never passes the line's current pagu;
the line belongs to the record's office and fiscal year; sisa and serapan are derived."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.anggaran.models import Anggaran
from apps.anggaran.rupiah import persen, rupiah
from apps.anggaran.services import revisi_pagu
from apps.core.services import buat_rekaman, ubah_rekaman
from tests import factories
from tests.conftest import segar

URL_BARU = "/kelola/anggaran/baru/"


def _baru(modul, pagu, bulan, realisasi, **nilai):
    """An unsaved report of `pagu` for month `bulan`."""
    return factories.contoh(
        modul,
        pagu.satker,
        pagu_anggaran=pagu,
        periode=dt.date(pagu.tahun, bulan, 1),
        realisasi_kumulatif=Decimal(realisasi),
        judul=f"Realisasi bulan {bulan}",
        **nilai,
    )


def _pesan(excinfo, field):
    return excinfo.value.message_dict[field]


# ---- cumulative: never down -------------------------------------------------------------------


def test_kumulatif_tidak_boleh_turun_dari_bulan_sebelumnya(
    modul, mata_anggaran, laporan, operator_metro
):
    pagu = mata_anggaran(pagu=10_000_000)
    laporan(pagu, 3, 4_000_000, "disetujui", "berkala")
    with pytest.raises(ValidationError) as e:
        buat_rekaman(_baru(modul, pagu, 4, 3_500_000), operator_metro)
    assert _pesan(e, "realisasi_kumulatif") == [
        "Realisasi kumulatif Rp3.500.000 lebih kecil daripada realisasi kumulatif Maret 2024 "
        "(Rp4.000.000); angka kumulatif sejak Januari tidak boleh turun."
    ]
    assert not Anggaran.objects.filter(periode=dt.date(2024, 4, 1)).exists()
    # equal (nothing spent this month) and higher are accepted
    assert buat_rekaman(_baru(modul, pagu, 4, 4_000_000), operator_metro).pk
    assert buat_rekaman(_baru(modul, pagu, 5, 4_700_000), operator_metro).pk


def test_bulan_sebelumnya_yang_dibandingkan_adalah_yang_terakhir(
    modul, mata_anggaran, laporan, operator_metro
):
    """Compared with the latest earlier month (March), not an older one (January)."""
    pagu = mata_anggaran(pagu=10_000_000)
    laporan(pagu, 1, 1_000_000)
    laporan(pagu, 3, 5_000_000)
    with pytest.raises(ValidationError) as e:
        buat_rekaman(_baru(modul, pagu, 6, 2_000_000), operator_metro)
    assert "realisasi kumulatif Maret 2024 (Rp5.000.000)" in _pesan(e, "realisasi_kumulatif")[0]


def test_bulan_yang_disisipkan_tidak_boleh_melebihi_bulan_berikutnya(
    modul, mata_anggaran, laporan, operator_metro
):
    pagu = mata_anggaran(pagu=10_000_000)
    laporan(pagu, 1, 1_000_000)
    laporan(pagu, 5, 3_000_000)
    with pytest.raises(ValidationError) as e:
        buat_rekaman(_baru(modul, pagu, 3, 3_200_000), operator_metro)
    assert _pesan(e, "realisasi_kumulatif") == [
        "Realisasi kumulatif Rp3.200.000 lebih besar daripada realisasi kumulatif Mei 2024 "
        "yang sudah dilaporkan (Rp3.000.000); angka kumulatif tidak boleh turun dari bulan ke "
        "bulan."
    ]
    assert buat_rekaman(_baru(modul, pagu, 3, 2_000_000), operator_metro).pk


def test_baris_lain_tidak_dibandingkan(modul, mata_anggaran, laporan, operator_metro):
    """The rule is per budget line: another account's larger figure does not count."""
    bahan = mata_anggaran(akun="521211", pagu=10_000_000)
    perjalanan = mata_anggaran(akun="524111", pagu=10_000_000)
    laporan(bahan, 3, 8_000_000)
    assert buat_rekaman(_baru(modul, perjalanan, 4, 1_000_000), operator_metro).pk


def test_mengubah_laporan_juga_diperiksa(modul, mata_anggaran, laporan, operator_metro):
    pagu = mata_anggaran(pagu=10_000_000)
    laporan(pagu, 2, 2_000_000)
    maret = laporan(pagu, 3, 3_000_000)
    maret.realisasi_kumulatif = Decimal(1_500_000)
    with pytest.raises(ValidationError) as e:
        ubah_rekaman(maret, operator_metro, ["realisasi_kumulatif"], version=maret.version)
    assert "Februari 2024 (Rp2.000.000)" in _pesan(e, "realisasi_kumulatif")[0]
    assert segar(maret).realisasi_kumulatif == 3_000_000


# ---- never above the current pagu --------------------------------------------------------------


def test_tidak_boleh_melebihi_pagu_lalu_diterima_setelah_revisi(
    modul, mata_anggaran, operator_metro
):
    pagu = mata_anggaran(pagu=5_000_000)
    with pytest.raises(ValidationError) as e:
        buat_rekaman(_baru(modul, pagu, 2, 5_000_001), operator_metro)
    assert _pesan(e, "realisasi_kumulatif") == [
        "Realisasi kumulatif Rp5.000.001 melebihi pagu Rp5.000.000 untuk 521211 Belanja akun "
        "521211 · 6480 · TA 2024; lakukan revisi pagu terlebih dahulu."
    ]
    # exactly the pagu is allowed
    assert buat_rekaman(_baru(modul, pagu, 1, 5_000_000), operator_metro).pk

    revisi_pagu(
        pagu,
        operator_metro,
        pagu_baru=Decimal(6_000_000),
        tanggal=dt.date(2024, 2, 20),
        alasan="Revisi DIPA: tambahan belanja bahan sosialisasi.",
    )
    februari = buat_rekaman(_baru(modul, pagu, 2, 5_000_001), operator_metro)
    assert segar(februari).realisasi_kumulatif == Decimal(5_000_001)


def test_form_staf_menolak_melebihi_pagu_dengan_pesan_di_isian(
    modul, mata_anggaran, operator_metro, client
):
    pagu = mata_anggaran(pagu=5_000_000)
    client.force_login(operator_metro)
    data = factories.data_form(modul, _baru(modul, pagu, 2, 7_000_000))
    response = client.post(URL_BARU, data)
    assert response.status_code == 200
    galat = response.context["form"].errors["realisasi_kumulatif"]
    assert galat == [
        "Realisasi kumulatif Rp7.000.000 melebihi pagu Rp5.000.000 untuk 521211 Belanja akun "
        "521211 · 6480 · TA 2024; lakukan revisi pagu terlebih dahulu."
    ]
    assert "lakukan revisi pagu terlebih dahulu" in response.text
    assert not Anggaran.objects.filter(pagu_anggaran=pagu).exists()


# ---- the line, the office and the year ---------------------------------------------------------


def test_mata_anggaran_harus_milik_satker_rekaman(modul, mata_anggaran, operator_metro, kantor):
    lamsel = mata_anggaran("18.01")
    obj = _baru(modul, lamsel, 2, 1_000)
    obj.satker = kantor("18.72")
    with pytest.raises(ValidationError) as e:
        buat_rekaman(obj, operator_metro)
    assert _pesan(e, "pagu_anggaran") == [
        "Mata anggaran 521211 Belanja akun 521211 · 6480 · TA 2024 milik Bawaslu Kabupaten "
        "Lampung Selatan, bukan Bawaslu Kota Metro."
    ]


def test_periode_harus_dalam_tahun_anggaran(modul, mata_anggaran, operator_metro):
    pagu = mata_anggaran(tahun=2024)
    obj = _baru(modul, pagu, 2, 1_000)
    obj.periode = dt.date(2025, 1, 1)
    with pytest.raises(ValidationError) as e:
        buat_rekaman(obj, operator_metro)
    assert _pesan(e, "periode") == [
        "Periode Januari 2025 tidak berada dalam tahun anggaran 2024 dari mata anggaran 521211 "
        "Belanja akun 521211 · 6480 · TA 2024."
    ]


def test_periode_yang_belum_berjalan_ditolak(modul, mata_anggaran, operator_metro):
    depan = dt.date.today().replace(day=1) + dt.timedelta(days=32)
    pagu = mata_anggaran(tahun=depan.year)
    obj = _baru(modul, pagu, depan.month, 1_000)
    with pytest.raises(ValidationError) as e:
        buat_rekaman(obj, operator_metro)
    assert "belum berjalan" in _pesan(e, "periode")[0]


def test_satu_laporan_per_mata_anggaran_per_bulan(modul, mata_anggaran, laporan, operator_metro):
    pagu = mata_anggaran(pagu=10_000_000)
    laporan(pagu, 3, 1_000_000)
    with pytest.raises(ValidationError) as e:
        buat_rekaman(_baru(modul, pagu, 3, 1_000_000), operator_metro)
    assert "sudah dilaporkan" in " ".join(e.value.messages)


def test_form_staf_bulan_laporan_dan_wilayah_satker(modul, mata_anggaran, operator_metro, client):
    """The month is asked as TTTT-BB; an empty region becomes the office's own."""
    pagu = mata_anggaran(pagu=10_000_000)
    client.force_login(operator_metro)
    halaman = client.get(URL_BARU)
    assert 'placeholder="2024-03"' in halaman.text
    assert f'<option value="{pagu.pk}">Bawaslu Kota Metro · TA 2024 · 6480 · 521211' in (
        halaman.text
    )
    data = factories.data_form(modul, _baru(modul, pagu, 3, 2_500_000), periode="2024-03")
    data["wilayah"] = ""
    response = client.post(URL_BARU, data)
    assert response.status_code == 302
    rek = Anggaran.objects.get(pagu_anggaran=pagu)
    assert rek.periode == dt.date(2024, 3, 1)
    assert rek.wilayah_id == "18.72"


def test_form_staf_tidak_menawarkan_mata_anggaran_kantor_lain(
    modul, mata_anggaran, operator_metro, client
):
    lamsel = mata_anggaran("18.01")
    client.force_login(operator_metro)
    assert f'<option value="{lamsel.pk}"' not in client.get(URL_BARU).text
    data = factories.data_form(modul, _baru(modul, lamsel, 3, 1_000))
    response = client.post(URL_BARU, data)
    assert response.context["form"].errors["pagu_anggaran"] == [
        f"Mata anggaran dengan id {lamsel.pk} tidak tersedia untuk kantor tempat Anda dapat "
        "mengisi data."
    ]
    assert not Anggaran.objects.filter(pagu_anggaran=lamsel).exists()


# ---- derived values --------------------------------------------------------------------------


def test_sisa_dan_serapan_dihitung(modul, mata_anggaran, laporan):
    pagu = mata_anggaran(pagu=17_980_000)
    rek = segar(laporan(pagu, 12, 15_685_752))
    assert rek.pagu == Decimal(17_980_000)
    assert rek.sisa == Decimal(2_294_248)
    assert rek.serapan == Decimal("87.24")
    assert persen(rek.serapan) == "87,24%"
    assert rupiah(rek.sisa) == "Rp2.294.248"


@pytest.mark.parametrize(
    ("status", "ikut_revisi"),
    [("draft", True), ("diajukan", True), ("dikembalikan", True), ("disetujui", False)],
)
def test_pagu_laporan_mengikuti_revisi_hanya_sebelum_disetujui(
    modul, mata_anggaran, laporan, operator_metro, status, ikut_revisi
):
    """A report not yet approved is reviewed with the line's pagu as it is now; an approved
    one keeps the pagu it was approved with."""
    pagu = mata_anggaran(pagu=4_000_000)
    rek = laporan(pagu, 6, 1_000_000, status)
    assert segar(rek).pagu_laporan == 4_000_000
    assert segar(rek).serapan == Decimal("25.00")
    revisi_pagu(
        pagu,
        operator_metro,
        pagu_baru=Decimal(8_000_000),
        tanggal=dt.date(2024, 7, 1),
        alasan="Revisi DIPA semester II.",
    )
    if ikut_revisi:
        assert (segar(rek).pagu, segar(rek).serapan, segar(rek).sisa) == (
            8_000_000,
            12.5,
            7_000_000,
        )
    else:
        assert (segar(rek).pagu, segar(rek).serapan, segar(rek).sisa) == (4_000_000, 25, 3_000_000)


def test_laporan_yang_disimpan_ulang_membawa_pagu_terbaru(
    modul, mata_anggaran, laporan, operator_metro, admin
):
    """An approved report reopened and edited is saved with the line's current pagu."""
    from apps.core.services import ubah_rekaman
    from apps.core.workflow import transition

    pagu = mata_anggaran(pagu=4_000_000)
    rek = laporan(pagu, 6, 1_000_000, "disetujui")
    revisi_pagu(
        pagu,
        operator_metro,
        pagu_baru=Decimal(8_000_000),
        tanggal=dt.date(2024, 7, 1),
        alasan="Revisi DIPA semester II.",
    )
    transition(rek, "buka_kembali", admin, "Perbaiki judul.")
    rek = segar(rek)
    assert rek.pagu_laporan == 4_000_000
    rek.judul = "Realisasi Juni 2024 (diperbaiki)"
    ubah_rekaman(rek, operator_metro, ["judul"], rek.version)
    assert segar(rek).pagu_laporan == 8_000_000


def test_pagu_nol_serapan_kosong(modul, mata_anggaran, laporan):
    pagu = mata_anggaran(pagu=0)
    rek = segar(laporan(pagu, 1, 0))
    assert rek.serapan is None
    assert rek.sisa == 0
    assert persen(rek.serapan) == "—"


def test_nilai_turunan_tidak_disimpan(modul):
    kolom = {f.name for f in modul.model._meta.concrete_fields}
    assert not kolom & {"pagu", "sisa", "serapan"}


def test_detail_staf_dan_publik_menampilkan_nilai_turunan(
    modul, mata_anggaran, laporan, client, operator_metro
):
    pagu = mata_anggaran(pagu=8_000_000)
    rek = laporan(pagu, 4, 2_000_000, "disetujui", "berkala")
    for url in (f"/data/anggaran/{rek.pk}/", f"/kelola/anggaran/{rek.pk}/"):
        client.force_login(operator_metro)
        html = client.get(url).text
        for teks in ("Serapan (%)", "25,00", "Sisa anggaran (Rp)", "6.000.000", "8.000.000"):
            assert teks in html, (url, teks)


# ---- the database ------------------------------------------------------------------------------


def test_database_menolak_realisasi_negatif_dan_akun_salah(mata_anggaran, laporan):
    pagu = mata_anggaran(pagu=1_000_000)
    rek = laporan(pagu, 1, 1_000)
    with pytest.raises(IntegrityError), transaction.atomic():
        Anggaran.objects.filter(pk=rek.pk).update(realisasi_kumulatif=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        type(pagu).objects.filter(pk=pagu.pk).update(kode_akun="5212")


def test_form_staf_bulan_yang_tidak_terbaca_disebut(modul, mata_anggaran, operator_metro, client):
    pagu = mata_anggaran(pagu=10_000_000)
    client.force_login(operator_metro)
    data = factories.data_form(modul, _baru(modul, pagu, 3, 1_000), periode="Maret 2024")
    response = client.post(URL_BARU, data)
    assert response.context["form"].errors["periode"] == [
        "Bulan laporan “Maret 2024” tidak valid; gunakan format TTTT-BB, mis. 2024-03."
    ]
    assert not Anggaran.objects.filter(pagu_anggaran=pagu).exists()
