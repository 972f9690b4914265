"""Pagu changes only through an explicit revision: reason required, only by who may enter the
office's budget data, written with the new pagu and an audit row in one transaction, kept
forever — and the staff pages that list lines, create them and revise them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InternalError, transaction

from apps.anggaran.models import PaguAnggaran, RevisiPagu
from apps.anggaran.services import buat_pagu, revisi_pagu
from apps.audit.models import CatatanAudit
from tests.conftest import pesan_wajib, segar

TANGGAL = dt.date(2024, 6, 3)
DITOLAK_PAGU = "hanya dapat diubah lewat revisi pagu"
DITOLAK_REVISI = "tidak dapat diubah atau dihapus"
ALASAN = "Revisi DIPA nomor SP DIPA-115.01.2.4xxxx/2024: tambahan pengawasan Pilkada."


def _revisi(pagu, user, nilai=2_000_000, **kw):
    kw.setdefault("tanggal", TANGGAL)
    kw.setdefault("alasan", ALASAN)
    return revisi_pagu(pagu, user, pagu_baru=Decimal(nilai), **kw)


def test_revisi_menulis_riwayat_pagu_baru_dan_audit(mata_anggaran, operator_metro):
    pagu = mata_anggaran(pagu=1_000_000)
    revisi = _revisi(pagu, operator_metro, 2_500_000)
    assert (revisi.pagu_lama, revisi.pagu_baru) == (1_000_000, 2_500_000)
    assert (revisi.tanggal, revisi.alasan, revisi.oleh) == (TANGGAL, ALASAN, operator_metro)
    assert revisi.pada is not None
    assert segar(pagu).pagu == 2_500_000
    assert pagu.pagu == 2_500_000  # refreshed in place
    audit = CatatanAudit.objects.get(aksi="revisi_pagu", objek_id=str(pagu.pk))
    assert audit.data["pagu_lama"] == "1000000"
    assert audit.data["pagu_baru"] == "2500000"
    assert audit.aktor_id == operator_metro.pk

    _revisi(pagu, operator_metro, 2_000_000, alasan="Pemotongan anggaran (blokir).")
    assert list(pagu.revisi.order_by("pk").values_list("pagu_lama", "pagu_baru")) == [
        (1_000_000, 2_500_000),
        (2_500_000, 2_000_000),
    ]


@pytest.mark.parametrize("alasan", ["", "   \n "])
def test_revisi_wajib_beralasan(mata_anggaran, operator_metro, alasan):
    pagu = mata_anggaran(pagu=1_000_000)
    with pytest.raises(ValidationError) as e:
        _revisi(pagu, operator_metro, alasan=alasan)
    assert e.value.message_dict["alasan"] == ["Alasan revisi wajib diisi."]
    assert segar(pagu).pagu == 1_000_000
    assert not RevisiPagu.objects.filter(pagu_anggaran=pagu).exists()


@pytest.mark.parametrize(
    "nama", ["operator_lamsel", "outsider", "kasek_lampung", "pimpinan_lampung", "ppid_lampung"]
)
def test_revisi_ditolak_tanpa_izin_isi_di_satker(mata_anggaran, persona, nama):
    """Another office's operator, the province's coordinator and leadership (who see Kota
    Metro but do not enter its data) and the PPID may not revise Kota Metro's pagu."""
    pagu = mata_anggaran("18.72", pagu=1_000_000)
    with pytest.raises(PermissionDenied):
        _revisi(pagu, persona(nama))
    assert segar(pagu).pagu == 1_000_000
    assert not RevisiPagu.objects.exists()
    assert not CatatanAudit.objects.filter(aksi="revisi_pagu").exists()


@pytest.mark.parametrize("nama", ["operator_metro", "koorsek_metro", "admin"])
def test_revisi_boleh_bagi_pengisi_satker(mata_anggaran, persona, nama):
    pagu = mata_anggaran("18.72", pagu=1_000_000)
    _revisi(pagu, persona(nama))
    assert segar(pagu).pagu == 2_000_000


def test_revisi_tidak_boleh_di_bawah_realisasi_yang_sudah_dilaporkan(
    mata_anggaran, laporan, operator_metro
):
    pagu = mata_anggaran(pagu=10_000_000)
    laporan(pagu, 2, 3_000_000)
    laporan(pagu, 5, 6_000_000)
    with pytest.raises(ValidationError) as e:
        _revisi(pagu, operator_metro, 5_999_999)
    assert e.value.message_dict["pagu_baru"] == [
        "Pagu baru Rp5.999.999 lebih kecil daripada realisasi kumulatif Rp6.000.000 yang sudah "
        "dilaporkan untuk Mei 2024."
    ]
    _revisi(pagu, operator_metro, 6_000_000)
    assert segar(pagu).pagu == 6_000_000


def test_revisi_nilai_sama_dan_tanggal_mendatang_ditolak(mata_anggaran, operator_metro):
    pagu = mata_anggaran(pagu=1_000_000)
    with pytest.raises(ValidationError) as e:
        _revisi(pagu, operator_metro, 1_000_000, tanggal=dt.date.today() + dt.timedelta(days=2))
    assert e.value.message_dict["pagu_baru"] == ["Pagu baru Rp1.000.000 sama dengan pagu saat ini."]
    assert e.value.message_dict["tanggal"][0].startswith("Tanggal revisi ")
    assert e.value.message_dict["tanggal"][0].endswith(" belum terjadi.")
    assert not RevisiPagu.objects.exists()


def test_database_menolak_perubahan_pagu_tanpa_revisi(mata_anggaran):
    pagu = mata_anggaran(pagu=1_000_000)
    with pytest.raises(InternalError, match=DITOLAK_PAGU), transaction.atomic():
        PaguAnggaran.objects.filter(pk=pagu.pk).update(pagu=9_000_000)
    assert segar(pagu).pagu == 1_000_000
    # other columns may still be corrected
    PaguAnggaran.objects.filter(pk=pagu.pk).update(uraian_akun="Belanja Bahan")
    pagu.uraian_akun = "Belanja Bahan"
    pagu.save()  # a full save writes the unchanged pagu too, which is allowed


def test_revisi_tersimpan_selamanya(mata_anggaran, operator_metro):
    revisi = _revisi(mata_anggaran(pagu=1_000_000), operator_metro)
    with pytest.raises(InternalError, match=DITOLAK_REVISI), transaction.atomic():
        RevisiPagu.objects.filter(pk=revisi.pk).update(alasan="diubah")
    with pytest.raises(InternalError, match=DITOLAK_REVISI), transaction.atomic():
        RevisiPagu.objects.filter(pk=revisi.pk).delete()
    assert segar(revisi).alasan == ALASAN


def test_buat_pagu_hanya_di_satker_yang_boleh_diisi(kantor, operator_metro):
    def baris(kode):
        return PaguAnggaran(
            satker=kantor(kode),
            tahun=2024,
            kode_program="115.01.DH",
            program="Program Penyelenggaraan Pengawasan Pemilu",
            kode_kegiatan="6370",
            kegiatan="Pengawasan",
            kode_akun="521211",
            uraian_akun="Belanja Bahan",
            pagu=Decimal(350_000_000),
        )

    with pytest.raises(PermissionDenied):
        buat_pagu(baris("18.01"), operator_metro)
    pagu = buat_pagu(baris("18.72"), operator_metro)
    assert pagu.created_by == operator_metro
    assert CatatanAudit.objects.filter(aksi="buat_pagu", objek_id=str(pagu.pk)).exists()
    with pytest.raises(ValidationError) as e:
        buat_pagu(baris("18.72"), operator_metro)
    assert "sudah memiliki pagu untuk kegiatan dan akun tersebut" in " ".join(e.value.messages)


# ---- staff pages ---------------------------------------------------------------------------


def _url(pagu=None, tail=""):
    return "/kelola/anggaran/pagu/" if pagu is None else f"/kelola/anggaran/pagu/{pagu.pk}/{tail}"


@pytest.mark.parametrize(
    ("nama", "lihat", "isi"),
    [
        ("operator_metro", 200, 200),
        ("koorsek_metro", 200, 200),
        ("kasek_lampung", 200, 403),
        ("pimpinan_lampung", 200, 403),
        ("ppid_lampung", 200, 403),
        ("operator_lamsel", 404, 404),
        ("outsider", 404, 404),
        ("admin", 200, 200),
    ],
)
def test_halaman_pagu_menurut_lingkup(mata_anggaran, persona, client, nama, lihat, isi):
    """Out of scope 404 (as a missing id), visible but may not enter data 403."""
    pagu = mata_anggaran("18.72", pagu=1_000_000)
    client.force_login(persona(nama))
    assert client.get(_url(pagu)).status_code == lihat
    assert client.get(_url(pagu, "revisi/")).status_code == isi
    kirim = client.post(
        _url(pagu, "revisi/"), {"pagu_baru": "3000000", "tanggal": "2024-06-03", "alasan": ALASAN}
    )
    assert kirim.status_code == (302 if isi == 200 else isi)
    assert segar(pagu).pagu == (3_000_000 if isi == 200 else 1_000_000)
    detail = client.get(_url(pagu))
    if lihat == 200:
        assert (f'href="{_url(pagu, "revisi/")}"' in detail.text) is (isi == 200)
    assert client.get(f"/kelola/anggaran/pagu/{pagu.pk + 10_000}/").status_code == 404


def test_tamu_diarahkan_ke_halaman_masuk(mata_anggaran, client):
    pagu = mata_anggaran()
    for url in (_url(), _url(pagu), _url(pagu, "revisi/"), "/kelola/anggaran/pagu/baru/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/kelola/masuk/")


def test_daftar_pagu_hanya_dalam_lingkup(mata_anggaran, client, operator_metro, kasek_lampung):
    metro = mata_anggaran("18.72")
    lamsel = mata_anggaran("18.01")
    kutim = mata_anggaran("64.08")
    client.force_login(operator_metro)
    html = client.get(_url()).text
    assert f'href="{_url(metro)}"' in html
    assert f'href="{_url(lamsel)}"' not in html
    client.force_login(kasek_lampung)
    html = client.get(_url()).text
    assert f'href="{_url(metro)}"' in html
    assert f'href="{_url(lamsel)}"' in html
    assert f'href="{_url(kutim)}"' not in html


def test_daftar_pagu_ditolak_tanpa_izin_lihat(db, client):
    from tests.factories import PenugasanFactory

    lain = PenugasanFactory(user__username="operator_modul_lain", modul=["pencegahan"]).user
    client.force_login(lain)
    assert client.get(_url()).status_code == 403
    assert client.get("/kelola/anggaran/pagu/baru/").status_code == 403


def test_revisi_lewat_halaman_dan_riwayatnya(mata_anggaran, client, operator_metro):
    pagu = mata_anggaran(pagu=1_000_000)
    client.force_login(operator_metro)
    kosong = client.post(_url(pagu, "revisi/"), {"pagu_baru": "3000000", "tanggal": "2024-06-03"})
    assert kosong.status_code == 200
    assert kosong.context["form"].errors["alasan"] == [pesan_wajib()]
    sama = client.post(
        _url(pagu, "revisi/"), {"pagu_baru": "1000000", "tanggal": "2024-06-03", "alasan": "x"}
    )
    assert sama.context["form"].errors["pagu_baru"] == [
        "Pagu baru Rp1.000.000 sama dengan pagu saat ini."
    ]
    assert not RevisiPagu.objects.exists()

    response = client.post(
        _url(pagu, "revisi/"), {"pagu_baru": "3000000", "tanggal": "2024-06-03", "alasan": ALASAN}
    )
    assert response.status_code == 302
    assert response["Location"] == _url(pagu)
    html = client.get(_url(pagu)).text
    for teks in ("Rp1.000.000", "Rp3.000.000", "+Rp2.000.000", "3 Juni 2024", ALASAN, "Rina"):
        assert teks in html, teks


def test_buat_mata_anggaran_lewat_halaman(client, operator_metro, kantor):
    client.force_login(operator_metro)
    url = "/kelola/anggaran/pagu/baru/"
    halaman = client.get(url)
    assert f'<option value="{kantor("18.72").pk}"' in halaman.text
    assert f'<option value="{kantor("18.01").pk}"' not in halaman.text
    data = {
        "satker": kantor("18.72").pk,
        "tahun": "2024",
        "kode_program": "115.01.DH",
        "program": "Program Penyelenggaraan Pengawasan Pemilu",
        "kode_kegiatan": "6370",
        "kegiatan": "Pengawasan Penyelenggaraan Pemilu",
        "kode_akun": "52121",
        "uraian_akun": "Belanja Bahan",
        "pagu": "350000000",
    }
    salah = client.post(url, data)
    assert salah.context["form"].errors["kode_akun"] == [
        "Kode akun “52121” harus enam digit angka, mis. 521211."
    ]
    lain = client.post(url, {**data, "kode_akun": "521211", "satker": kantor("18.01").pk})
    assert lain.context["form"].errors["satker"] == [
        f"Satker dengan id {kantor('18.01').pk} bukan kantor tempat Anda dapat mengisi data."
    ]
    assert not PaguAnggaran.objects.exists()
    response = client.post(url, {**data, "kode_akun": "521211"})
    pagu = PaguAnggaran.objects.get()
    assert response["Location"] == _url(pagu)
    assert (pagu.satker.kode, pagu.pagu, pagu.created_by) == ("18.72", 350_000_000, operator_metro)


def test_buat_mata_anggaran_ditolak_bagi_yang_tidak_mengisi(client, kasek_lampung, kantor):
    """The Kasek sees Kota Metro but enters data only for the province's own office."""
    client.force_login(kasek_lampung)
    halaman = client.get("/kelola/anggaran/pagu/baru/")
    assert f'<option value="{kantor("18").pk}"' in halaman.text
    assert f'<option value="{kantor("18.72").pk}"' not in halaman.text


def test_daftar_pagu_jumlah_kueri_tidak_bertambah(
    mata_anggaran, laporan, operator_metro, client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(operator_metro)
    pertama = mata_anggaran(akun="521211", pagu=5_000_000)
    laporan(pertama, 1, 1_000_000)

    def hitung():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url()).status_code == 200
        return len(ctx.captured_queries)

    sedikit = hitung()
    for akun in ("524111", "522151", "521219", "521213", "521811"):
        pagu = mata_anggaran(akun=akun, pagu=5_000_000)
        laporan(pagu, 2, 1_000_000)
        _revisi(pagu, operator_metro, 6_000_000)
    assert hitung() == sedikit
    with django_assert_max_num_queries(sedikit):
        client.get(_url())
