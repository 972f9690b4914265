"""Information requests (UU 14/2008, Perki 1/2021): a citizen files one without an account and
follows it with a private link; the PPID of the office answers within the legal time limits;
the requester objects; the PPID's superior answers. Tested from the refused side too: wrong
tokens, other offices, other roles, spam, and the requester's identity on public pages."""

import datetime as dt
import hashlib
import io
import re
import time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from lokal import partial_mask
from openpyxl import load_workbook

from apps.accounts.models import Peran
from apps.audit.models import CatatanAudit
from apps.kalender.models import HariLibur
from apps.kalender.services import jatuh_tempo
from apps.ppid import services
from apps.ppid.forms import tanda_waktu
from apps.ppid.models import Keberatan, Permohonan, StatusPermohonan
from tests import factories
from tests.conftest import MODULS

WIB = ZoneInfo("Asia/Jakarta")
NIK = "1872015507900003"
POLA_NOMOR = re.compile(r"^\d{3}/PPID/18\.72/[IVX]+/\d{4}$")


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _pada(tahun, bulan, hari, jam=9):
    return dt.datetime(tahun, bulan, hari, jam, tzinfo=WIB)


def data_form(kantor, **ganti):
    """The POST of a valid request to `kantor`, opened a minute ago."""
    data = {
        "nama": "Siti Aminah",
        "jenis_identitas": "ktp",
        "nomor_identitas": NIK,
        "alamat": "Jl. Jenderal Sudirman No. 5, Metro Pusat",
        "email": "siti.aminah@contoh.id",
        "telepon": "081234567890",
        "pekerjaan": "Mahasiswa",
        "satker": kantor.pk,
        "rincian": "Jumlah TPS per kecamatan di Kota Metro pada Pemilu 2024.",
        "tujuan": "Bahan skripsi tentang pengawasan pemilu.",
        "cara_memperoleh": "softcopy",
        "cara_salinan": "email",
        "website": "",
        "mulai": tanda_waktu(time.time() - 60),
    }
    data.update(ganti)
    return data


def ajukan(kantor, pada=None, **nilai):
    """A request saved through the service (as the form would), with its token."""
    isian = {
        "nama": "Siti Aminah",
        "jenis_identitas": "ktp",
        "nomor_identitas": NIK,
        "alamat": "Jl. Jenderal Sudirman No. 5, Metro Pusat",
        "email": "siti.aminah@contoh.id",
        "pekerjaan": "Mahasiswa",
        "rincian": "Jumlah TPS per kecamatan.",
        "tujuan": "Skripsi.",
        "cara_memperoleh": "softcopy",
        "cara_salinan": "email",
    }
    isian.update(nilai)
    return services.ajukan_permohonan(Permohonan(satker=kantor, **isian), pada=pada)


def _token(response):
    assert response.status_code == 302, getattr(response, "content", b"")[:2000]
    m = re.fullmatch(r"/ppid/permohonan/lacak/([\w-]+)/", response["Location"])
    assert m, response["Location"]
    return m[1]


def _segar(obj):
    return type(obj).objects.get(pk=obj.pk)


@pytest.fixture
def ppid_kaltim(db, kantor):
    """PPID of Bawaslu Provinsi Kalimantan Timur: another office's PPID."""
    return factories.PenugasanFactory(
        user=factories.UserFactory(username="ppid_kaltim"), peran=Peran.PPID, satker=kantor("64")
    ).user


@pytest.fixture
def ppid_lamsel(db, kantor):
    """PPID of Bawaslu Kabupaten Lampung Selatan: a sibling office of Kota Metro."""
    return factories.PenugasanFactory(
        user=factories.UserFactory(username="ppid_lamsel"), peran=Peran.PPID, satker=kantor("18.01")
    ).user


# ---- the whole walk --------------------------------------------------------------------------


def test_alur_lengkap_permohonan_jawaban_keberatan(client, kantor, ppid_lampung):
    metro = kantor("18.72")
    response = client.post("/ppid/permohonan/", data_form(metro))
    token = _token(response)
    p = Permohonan.objects.get()
    assert POLA_NOMOR.match(p.nomor), p.nomor
    assert p.satker == metro
    # only the hash of the token is kept
    assert p.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not Permohonan.objects.filter(token_hash=token).exists()
    assert p.jatuh_tempo == jatuh_tempo(p.tanggal_diterima, "jawaban_ppid")

    lacak = client.get(f"/ppid/permohonan/lacak/{token}/")
    assert lacak.status_code == 200
    assert p.nomor in lacak.text
    assert "Diproses" in lacak.text
    assert lacak["Referrer-Policy"] == "no-referrer"
    # nothing to object to yet: the answer is not due
    assert "Ajukan keberatan" not in lacak.text

    staf = client.__class__()
    staf.force_login(ppid_lampung)
    antrean = staf.get("/kelola/ppid/permohonan/")
    assert f"/kelola/ppid/permohonan/{p.pk}/" in antrean.text
    assert "Siti Aminah" not in antrean.text  # the queue shows no personal data
    sebelum = CatatanAudit.objects.filter(aksi="lihat_data_pribadi", objek_id=str(p.pk)).count()
    detail = staf.get(f"/kelola/ppid/permohonan/{p.pk}/")
    assert "Siti Aminah" in detail.text
    assert NIK in detail.text
    assert (
        CatatanAudit.objects.filter(
            aksi="lihat_data_pribadi", objek_id=str(p.pk), aktor=ppid_lampung
        ).count()
        == sebelum + 1
    )

    jawab = staf.post(
        f"/kelola/ppid/permohonan/{p.pk}/jawab/",
        {
            "keputusan": "ditolak",
            "jawaban": "Rincian per TPS memuat data pribadi petugas.",
            "pasal_pengecualian": "h",
            "uji_konsekuensi": "Membuka nama dan alamat petugas merugikan hak pribadi mereka.",
        },
    )
    assert jawab.status_code == 302
    p = _segar(p)
    assert (p.status, p.keputusan, p.pasal_pengecualian) == ("dijawab", "ditolak", "h")
    assert CatatanAudit.objects.filter(
        aksi="jawab_permohonan", objek_id=str(p.pk), aktor=ppid_lampung
    ).exists()

    lacak = client.get(f"/ppid/permohonan/lacak/{token}/")
    assert "Ditolak" in lacak.text
    assert "Rincian per TPS memuat data pribadi petugas." in lacak.text
    assert "Ajukan keberatan" in lacak.text

    response = client.post(
        f"/ppid/permohonan/lacak/{token}/keberatan/",
        {"alasan": "a", "uraian": "Data petugas dapat dihitamkan; sisanya informasi publik."},
    )
    assert response.status_code == 302
    k = Keberatan.objects.get(permohonan=p)
    assert re.match(r"^\d{3}/KEB/PPID/18\.72/[IVX]+/\d{4}$", k.nomor)
    assert k.jatuh_tempo == jatuh_tempo(k.tanggal_diajukan, "tanggapan_keberatan")
    lacak = client.get(f"/ppid/permohonan/lacak/{token}/")
    assert k.nomor in lacak.text
    assert "Ajukan keberatan" not in lacak.text

    antrean = staf.get("/kelola/ppid/permohonan/")
    assert k.nomor in antrean.text.split("Keberatan yang belum ditanggapi", 1)[1]
    tanggapi = staf.post(
        f"/kelola/ppid/permohonan/{p.pk}/keberatan/",
        {"putusan": "diterima", "tanggapan": "Salinan dengan data petugas dihitamkan diberikan."},
    )
    assert tanggapi.status_code == 302
    assert _segar(k).putusan == "diterima"
    assert CatatanAudit.objects.filter(aksi="tanggapi_keberatan", objek_id=str(k.pk)).exists()
    lacak = client.get(f"/ppid/permohonan/lacak/{token}/")
    assert "Keberatan diterima" in lacak.text
    assert "Salinan dengan data petugas dihitamkan diberikan." in lacak.text


def test_jawaban_dengan_pdf_diunduh_pemohon_sebagai_lampiran(client, kantor, ppid_lampung):
    from django.core.files.uploadedfile import SimpleUploadedFile

    p, token = ajukan(kantor("18.72"))
    client.force_login(ppid_lampung)
    pdf = SimpleUploadedFile("jawaban.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    response = client.post(
        f"/kelola/ppid/permohonan/{p.pk}/jawab/",
        {"keputusan": "dikabulkan", "jawaban": "Terlampir.", "berkas": pdf},
    )
    assert response.status_code == 302
    client.logout()
    unduh = client.get(f"/ppid/permohonan/lacak/{token}/berkas/")
    assert unduh.status_code == 200
    assert unduh["Content-Disposition"].startswith("attachment")
    assert b"".join(unduh.streaming_content).startswith(b"%PDF-")
    # another token gets nothing
    _lain, token_lain = ajukan(kantor("18.72"))
    assert client.get(f"/ppid/permohonan/lacak/{token_lain}/berkas/").status_code == 404


# ---- due dates from the calendar -------------------------------------------------------------


def test_batas_waktu_dari_kalender_melewati_libur(db, kantor, ppid_lampung):
    """Received Monday 16 March 2026: Nyepi, Idul Fitri and its cuti bersama (18–24 March)
    and Good Friday (3 April) are not working days."""
    p, _token = ajukan(kantor("18.72"), pada=_pada(2026, 3, 16))
    assert p.jatuh_tempo == dt.date(2026, 4, 7)
    p = services.perpanjang(p, ppid_lampung, "Dokumen di gudang arsip.", pada=_pada(2026, 4, 1))
    assert p.jatuh_tempo == dt.date(2026, 4, 16)
    assert p.status == StatusPermohonan.DIPERPANJANG

    # the same day without the holiday rows: weekends only
    HariLibur.objects.filter(tanggal__year=2026).delete()
    q, _token = ajukan(kantor("18.72"), pada=_pada(2026, 3, 16))
    assert q.jatuh_tempo == dt.date(2026, 3, 30)


def test_batas_keberatan_dan_tanggapannya_dari_kalender(db, kantor, ppid_lampung):
    p, _token = ajukan(kantor("18.72"), pada=_pada(2026, 3, 2))
    services.jawab(p, ppid_lampung, "dikabulkan", "Terlampir.", pada=_pada(2026, 3, 6))
    p = _segar(p)
    assert services.batas_keberatan(p) == jatuh_tempo(dt.date(2026, 3, 6), "pengajuan_keberatan")
    k = services.ajukan_keberatan(p, "d", "Tidak sesuai permintaan.", pada=_pada(2026, 3, 16))
    assert k.jatuh_tempo == jatuh_tempo(dt.date(2026, 3, 16), "tanggapan_keberatan")
    assert k.jatuh_tempo > dt.date(2026, 4, 27)  # 30 working days, the Lebaran block skipped


# ---- extension -------------------------------------------------------------------------------


def test_perpanjangan_sekali_sebelum_batas_dengan_alasan(db, kantor, ppid_lampung):
    p, _token = ajukan(kantor("18.72"), pada=_pada(2026, 5, 4))
    batas = p.jatuh_tempo
    with pytest.raises(ValidationError) as e:
        services.perpanjang(p, ppid_lampung, "  ", pada=_pada(2026, 5, 6))
    assert "alasan_perpanjangan" in e.value.message_dict
    with pytest.raises(ValidationError, match="sudah lewat"):
        services.perpanjang(
            p,
            ppid_lampung,
            "Perlu waktu.",
            pada=_pada(batas.year, batas.month, batas.day) + dt.timedelta(days=1),
        )
    assert _segar(p).jatuh_tempo == batas
    # on the last day it may still be extended, once
    services.perpanjang(
        p, ppid_lampung, "Perlu waktu.", pada=_pada(batas.year, batas.month, batas.day)
    )
    p = _segar(p)
    assert p.jatuh_tempo == jatuh_tempo(batas, "perpanjangan_ppid")
    with pytest.raises(ValidationError, match="hanya sekali"):
        services.perpanjang(
            p, ppid_lampung, "Lagi.", pada=_pada(batas.year, batas.month, batas.day)
        )
    assert _segar(p).jatuh_tempo == jatuh_tempo(batas, "perpanjangan_ppid")


def test_perpanjangan_tanpa_alasan_lewat_halaman_ditolak(client, kantor, ppid_lampung):
    p, _token = ajukan(kantor("18.72"))
    client.force_login(ppid_lampung)
    response = client.post(
        f"/kelola/ppid/permohonan/{p.pk}/perpanjang/", {"alasan_perpanjangan": ""}
    )
    assert response.status_code == 200
    assert "Alasan perpanjangan wajib diisi" in response.text
    assert _segar(p).diperpanjang_pada is None


def test_permohonan_terjawab_tidak_dapat_diperpanjang_atau_dijawab_lagi(db, kantor, ppid_lampung):
    p, _token = ajukan(kantor("18.72"))
    services.jawab(p, ppid_lampung, "dikabulkan", "Terlampir.")
    with pytest.raises(ValidationError, match="sudah dijawab"):
        services.perpanjang(p, ppid_lampung, "Perlu waktu.")
    with pytest.raises(ValidationError, match="sudah dijawab"):
        services.jawab(
            p, ppid_lampung, "ditolak", "Berubah pikiran.", pasal="h", uji_konsekuensi="x"
        )
    assert _segar(p).keputusan == "dikabulkan"


# ---- refusal needs the exception -------------------------------------------------------------


@pytest.mark.parametrize("keputusan", ["ditolak", "sebagian"])
def test_penolakan_wajib_pasal_17_dan_uji_konsekuensi(db, kantor, ppid_lampung, keputusan):
    p, _token = ajukan(kantor("18.72"))
    with pytest.raises(ValidationError) as e:
        services.jawab(p, ppid_lampung, keputusan, "Tidak dapat diberikan.")
    assert {"pasal_pengecualian", "uji_konsekuensi"} <= set(e.value.message_dict)
    with pytest.raises(ValidationError) as e:
        services.jawab(p, ppid_lampung, keputusan, "Tidak dapat diberikan.", pasal="h")
    assert set(e.value.message_dict) == {"uji_konsekuensi"}
    assert _segar(p).status == StatusPermohonan.DIPROSES
    # the database holds to it as well
    with pytest.raises(IntegrityError), transaction.atomic():
        Permohonan.objects.filter(pk=p.pk).update(
            status="dijawab", keputusan=keputusan, dijawab_pada=p.diterima_pada
        )


def test_penolakan_lewat_halaman_menyebut_pasal_17(client, kantor, ppid_lampung):
    p, _token = ajukan(kantor("18.72"))
    client.force_login(ppid_lampung)
    response = client.post(
        f"/kelola/ppid/permohonan/{p.pk}/jawab/",
        {"keputusan": "ditolak", "jawaban": "Dikecualikan."},
    )
    assert response.status_code == 200
    assert "Pasal 17" in response.text
    assert "uji konsekuensi" in response.text
    assert "Dikecualikan." in response.text  # what was typed stays
    assert _segar(p).status == StatusPermohonan.DIPROSES


# ---- the refused side: tokens, offices, roles ------------------------------------------------


def test_token_salah_atau_milik_permohonan_lain_404(client, kantor):
    a, token_a = ajukan(kantor("18.72"), rincian="Permohonan A tentang kampanye.")
    b, token_b = ajukan(kantor("18.72"), rincian="Permohonan B tentang anggaran.")
    for token in (
        "x",
        "A" * 32,
        token_a[:-1],
        token_a.upper() if token_a.upper() != token_a else "z",
    ):
        assert client.get(f"/ppid/permohonan/lacak/{token}/").status_code == 404
        assert (
            client.post(
                f"/ppid/permohonan/lacak/{token}/keberatan/", {"alasan": "c", "uraian": "x"}
            ).status_code
            == 404
        )
        assert client.get(f"/ppid/permohonan/lacak/{token}/berkas/").status_code == 404
    halaman_b = client.get(f"/ppid/permohonan/lacak/{token_b}/").text
    assert b.nomor in halaman_b
    assert a.nomor not in halaman_b
    assert "Permohonan A" not in halaman_b


@pytest.mark.parametrize(
    "siapa", ["ppid_kaltim", "ppid_lamsel", "operator_metro", "koorsek_metro", "kasek_lampung"]
)
def test_bukan_ppid_satker_itu_tidak_melihat_atau_menjawab(client, kantor, persona, siapa):
    p, _token = ajukan(kantor("18.72"), pada=_pada(2026, 11, 2))
    client.force_login(persona(siapa))
    url = f"/kelola/ppid/permohonan/{p.pk}/"
    assert client.get(url).status_code == 404
    assert client.get(url + "berkas/").status_code == 404
    assert client.post(url + "perpanjang/", {"alasan_perpanjangan": "x"}).status_code == 404
    assert (
        client.post(
            url + "jawab/",
            {"keputusan": "dikabulkan", "jawaban": "Terlampir."},
        ).status_code
        == 404
    )
    assert (
        client.post(url + "keberatan/", {"putusan": "diterima", "tanggapan": "x"}).status_code
        == 404
    )
    antrean = client.get("/kelola/ppid/permohonan/")
    assert antrean.status_code in (200, 403)
    assert p.nomor not in antrean.text
    p = _segar(p)
    assert (p.status, p.diperpanjang_pada) == ("diproses", None)
    assert not CatatanAudit.objects.filter(aksi="lihat_data_pribadi", objek_id=str(p.pk)).exists()


@pytest.mark.parametrize("siapa", ["ppid_kaltim", "operator_metro", "koorsek_metro"])
def test_layanan_menolak_petugas_lain(db, kantor, persona, siapa):
    from django.core.exceptions import PermissionDenied

    p, _token = ajukan(kantor("18.72"))
    with pytest.raises(PermissionDenied):
        services.jawab(p, persona(siapa), "dikabulkan", "Terlampir.")
    with pytest.raises(PermissionDenied):
        services.perpanjang(p, persona(siapa), "Perlu waktu.")
    assert _segar(p).status == StatusPermohonan.DIPROSES


def test_admin_dan_ppid_provinsi_menjawab_permohonan_kab_kota(db, kantor, admin, ppid_lampung):
    from apps.accounts.permissions import satker_ppid

    metro, kutim = kantor("18.72"), kantor("64.08")
    assert satker_ppid(ppid_lampung).filter(pk=metro.pk).exists()
    assert not satker_ppid(ppid_lampung).filter(pk=kutim.pk).exists()
    assert satker_ppid(admin).filter(pk=kutim.pk).exists()
    p, _token = ajukan(kutim)
    services.jawab(p, admin, "tidak_dikuasai", "Dikuasai KPU Kutai Timur.")
    assert _segar(p).keputusan == "tidak_dikuasai"


def test_satker_ppid_kosong_untuk_bukan_ppid(
    db, operator_metro, koorsek_metro, kasek_lampung, anonymous
):
    from apps.accounts.permissions import satker_ppid

    for user in (operator_metro, koorsek_metro, kasek_lampung, anonymous):
        assert not satker_ppid(user).exists()


# ---- the requester's identity never public ---------------------------------------------------


def test_identitas_pemohon_tidak_pernah_tampil_di_halaman_publik(client, kantor, buat):
    for modul in MODULS:
        buat(modul, "18.72", "disetujui", "berkala")
    penanda = {
        "nama": "Zqxnama Penandapemohon",
        "nomor_identitas": "1872016608920005",
        "alamat": "Jl. Zqxalamat Rahasia 9",
        "email": "zqxsurel@contoh.id",
        "telepon": "081298765432",
        "pekerjaan": "Zqxpekerjaan",
    }
    p, token = ajukan(kantor("18.72"), **penanda)
    nomor_nasional = "0812-9876-5432"
    halaman = ["/", "/ppid/", "/ppid/dip/", "/ppid/permohonan/", "/data/", "/satker/18.72/"]
    halaman += [f"/data/{m.kode}/" for m in MODULS]
    isi = {url: client.get(url) for url in halaman}
    for url, response in isi.items():
        assert response.status_code == 200, url
    isi["/ppid/dip.csv"] = client.get("/ppid/dip.csv")
    xlsx = client.get("/ppid/dip.xlsx")
    wb = load_workbook(io.BytesIO(xlsx.content))
    teks_xlsx = " ".join(str(c) for row in wb.active.iter_rows(values_only=True) for c in row)
    for nilai in [*penanda.values(), nomor_nasional, "Penandapemohon"]:
        for url, response in isi.items():
            assert nilai not in response.content.decode(), (url, nilai)
        assert nilai not in teks_xlsx, nilai
    # the tracking page: masked, never in full
    lacak = client.get(f"/ppid/permohonan/lacak/{token}/").text
    for jenis, nilai in (("NIK", penanda["nomor_identitas"]), ("EMAIL", penanda["email"])):
        assert nilai not in lacak
        assert partial_mask(jenis, nilai) in lacak
    assert penanda["nama"] not in lacak
    assert penanda["alamat"] not in lacak
    assert p.telepon not in lacak


# ---- spam ------------------------------------------------------------------------------------


def test_honeypot_menolak_dan_tidak_menyimpan(client, kantor):
    response = client.post(
        "/ppid/permohonan/", data_form(kantor("18.72"), website="https://spam.example")
    )
    assert response.status_code == 200
    assert "Situs web" in response.text
    assert "tidak dapat diterima" in response.text
    assert not Permohonan.objects.exists()


def test_honeypot_tersembunyi_dengan_kelas_bukan_gaya(client, db):
    html = client.get("/ppid/permohonan/").text
    assert re.search(r'<div class="ppid-hp" aria-hidden="true">\s*<label for="id_website"', html)
    assert 'name="website"' in html


@pytest.mark.parametrize(
    ("mulai", "pesan"),
    [
        (tanda_waktu, "terlalu cepat"),
        (lambda: tanda_waktu(time.time() - 60)[:-2] + "xx", "kedaluwarsa atau rusak"),
        (lambda: tanda_waktu(time.time() - 3 * 24 * 3600), "kedaluwarsa atau rusak"),
    ],
    ids=["terlalu-cepat", "dipalsukan", "kedaluwarsa"],
)
def test_waktu_isi_minimum_dan_tanda_waktu_sah(client, kantor, settings, mulai, pesan):
    settings.PPID_WAKTU_ISI_MINIMUM = 5
    response = client.post("/ppid/permohonan/", data_form(kantor("18.72"), mulai=mulai()))
    assert response.status_code == 200
    assert pesan in response.text
    assert not Permohonan.objects.exists()


def test_batas_permohonan_per_ip(client, kantor, settings):
    settings.PPID_BATAS_PERMOHONAN_PER_JAM = 2
    metro = kantor("18.72")
    for _i in range(2):
        assert (
            client.post("/ppid/permohonan/", data_form(metro), REMOTE_ADDR="10.0.0.7").status_code
            == 302
        )
    response = client.post("/ppid/permohonan/", data_form(metro), REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert "Terlalu banyak permohonan" in response.text
    assert Permohonan.objects.count() == 2
    # another address is not held back
    assert (
        client.post("/ppid/permohonan/", data_form(metro), REMOTE_ADDR="10.0.0.8").status_code
        == 302
    )
    assert Permohonan.objects.count() == 3


# ---- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ganti", "pesan"),
    [
        ({"email": "", "telepon": ""}, "Isi email atau nomor telepon"),
        ({"nomor_identitas": "1872011234"}, "NIK “1872011234” tidak sah: harus 16 digit angka"),
        ({"nomor_identitas": "9972015507900003"}, "kode provinsinya"),
        ({"nomor_identitas": "1872019907900003"}, "tanggal lahirnya"),
        ({"telepon": "12345"}, "Nomor telepon “12345” tidak dikenali"),
        ({"email": "bukan-email"}, "Email “bukan-email” tidak sah"),
        ({"nama": ""}, "Nama lengkap wajib diisi"),
        ({"rincian": ""}, "Rincian informasi yang dibutuhkan wajib diisi"),
        ({"cara_salinan": ""}, "Pilih cara mendapatkan salinan informasi"),
        ({"satker": "999999"}, "Satker yang dituju (id 999999) tidak dikenal"),
    ],
)
def test_isian_salah_dijelaskan_dan_tidak_disimpan(client, kantor, ganti, pesan):
    response = client.post("/ppid/permohonan/", data_form(kantor("18.72"), **ganti))
    assert response.status_code == 200
    assert pesan in response.text
    assert not Permohonan.objects.exists()


def test_identitas_lain_tanpa_nik_dan_melihat_tanpa_salinan(client, kantor):
    response = client.post(
        "/ppid/permohonan/",
        data_form(
            kantor("18.72"),
            jenis_identitas="lainnya",
            nomor_identitas="B1234567",
            cara_memperoleh="melihat",
            cara_salinan="pos",
            email="",
        ),
    )
    _token(response)
    p = Permohonan.objects.get()
    assert (p.nomor_identitas, p.cara_salinan, p.telepon) == ("B1234567", "", "0812-3456-7890")


def test_formulir_bawaan_ke_bawaslu_ri(client, db):
    html = client.get("/ppid/permohonan/").text
    assert re.search(r'<option value="\d+" selected>Bawaslu Republik Indonesia</option>', html)


# ---- register numbers ------------------------------------------------------------------------


def test_nomor_register_unik_per_satker_dan_tahun(db, kantor):
    metro, lamsel = kantor("18.72"), kantor("18.01")
    a, _t = ajukan(metro, pada=_pada(2026, 11, 2))
    b, _t = ajukan(metro, pada=_pada(2026, 11, 3))
    c, _t = ajukan(lamsel, pada=_pada(2026, 11, 3))
    d, _t = ajukan(metro, pada=_pada(2027, 1, 4))
    assert [(x.urut, x.tahun) for x in (a, b, c, d)] == [(1, 2026), (2, 2026), (1, 2026), (1, 2027)]
    assert a.nomor == "001/PPID/18.72/XI/2026"
    assert c.nomor == "001/PPID/18.01/XI/2026"
    assert d.nomor == "001/PPID/18.72/I/2027"
    assert len({x.nomor for x in (a, b, c, d)}) == 4
    with pytest.raises(IntegrityError), transaction.atomic():
        Permohonan.objects.filter(pk=b.pk).update(urut=1)


# ---- objections ------------------------------------------------------------------------------


def test_keberatan_hanya_dalam_masa_pengajuan(client, kantor, ppid_lampung):
    hari_ini = dt.date.today()
    _p, token = ajukan(kantor("18.72"))
    # open and not yet due: nothing to object to
    response = client.post(
        f"/ppid/permohonan/lacak/{token}/keberatan/", {"alasan": "c", "uraian": "Belum dijawab."}
    )
    assert "setelah permohonan dijawab atau setelah batas waktu" in response.text
    assert not Keberatan.objects.exists()
    # answered long ago: the filing period is over
    lama, token_lama = ajukan(kantor("18.72"), pada=_pada(2025, 1, 6))
    services.jawab(lama, ppid_lampung, "dikabulkan", "Terlampir.", pada=_pada(2025, 1, 8))
    assert services.batas_keberatan(_segar(lama)) < hari_ini
    assert "Ajukan keberatan" not in client.get(f"/ppid/permohonan/lacak/{token_lama}/").text
    response = client.post(
        f"/ppid/permohonan/lacak/{token_lama}/keberatan/", {"alasan": "d", "uraian": "Kurang."}
    )
    assert "sudah lewat" in response.text
    assert not Keberatan.objects.exists()


def test_keberatan_setelah_batas_jawaban_lewat_tanpa_jawaban(client, kantor):
    p, token = ajukan(kantor("18.72"), pada=timezone_now_minus(days=40))
    assert p.jatuh_tempo < dt.date.today()
    assert "Ajukan keberatan" in client.get(f"/ppid/permohonan/lacak/{token}/").text
    response = client.post(
        f"/ppid/permohonan/lacak/{token}/keberatan/", {"alasan": "c", "uraian": "Tidak dijawab."}
    )
    assert response.status_code == 302
    assert Keberatan.objects.get().alasan == "c"
    # one objection per request
    response = client.post(
        f"/ppid/permohonan/lacak/{token}/keberatan/", {"alasan": "g", "uraian": "Lagi."}
    )
    assert Keberatan.objects.count() == 1


def test_keberatan_tanpa_alasan_pasal_35_ditolak(client, kantor):
    _p, token = ajukan(kantor("18.72"), pada=timezone_now_minus(days=40))
    response = client.post(
        f"/ppid/permohonan/lacak/{token}/keberatan/", {"alasan": "z", "uraian": ""}
    )
    assert "Alasan keberatan “z” tidak dikenal" in response.text
    assert "Uraian keberatan wajib diisi" in response.text
    assert not Keberatan.objects.exists()


def timezone_now_minus(days):
    from django.utils import timezone

    return timezone.now() - dt.timedelta(days=days)


# ---- the queue -------------------------------------------------------------------------------


def test_antrean_yang_terlambat_di_atas_dan_ditandai(client, kantor, ppid_lampung):
    baru, _t = ajukan(kantor("18.72"), rincian="Yang baru masuk.")
    lewat, _t = ajukan(kantor("18"), pada=timezone_now_minus(days=40), rincian="Yang terlambat.")
    dijawab, _t = ajukan(kantor("18.72"), rincian="Yang sudah dijawab.")
    services.jawab(dijawab, ppid_lampung, "dikabulkan", "Terlampir.")
    keberatan_lewat, _t = ajukan(kantor("18.72"), pada=timezone_now_minus(days=150))
    k = services.ajukan_keberatan(
        keberatan_lewat, "c", "Tidak dijawab.", pada=timezone_now_minus(days=100)
    )
    client.force_login(ppid_lampung)
    html = client.get("/kelola/ppid/permohonan/").text
    permohonan, bagian_keberatan = html.split("Keberatan yang belum ditanggapi", 1)
    assert permohonan.index(lewat.nomor) < permohonan.index(baru.nomor)
    assert dijawab.nomor not in permohonan
    assert re.search(
        r'<tr class="ppid-lewat">\s*<td><a href="[^"]+">' + re.escape(lewat.nomor), permohonan
    )
    assert not re.search(
        r'<tr class="ppid-lewat">\s*<td><a href="[^"]+">' + re.escape(baru.nomor), permohonan
    )
    assert "Terlambat" in permohonan
    assert re.search(
        r'<tr class="ppid-lewat">\s*<td><a href="[^"]+">' + re.escape(k.nomor), bagian_keberatan
    )
    selesai = client.get("/kelola/ppid/permohonan/?tampil=selesai").text
    assert dijawab.nomor in selesai
    assert baru.nomor not in selesai


def test_tautan_antrean_di_beranda_petugas_hanya_untuk_ppid(
    client, ppid_lampung, operator_metro, koorsek_metro
):
    client.force_login(ppid_lampung)
    assert "/kelola/ppid/permohonan/" in client.get("/kelola/").text
    for user in (operator_metro, koorsek_metro):
        client.force_login(user)
        assert "/kelola/ppid/permohonan/" not in client.get("/kelola/").text
        assert client.get("/kelola/ppid/permohonan/").status_code == 403


def test_tautan_ppid_di_navigasi_publik(client, db):
    html = client.get("/").text
    for url in ("/ppid/", "/ppid/dip/", "/ppid/permohonan/"):
        assert f'href="{url}"' in html


def test_data_demo_permohonan_idempoten_dan_lengkap(db):
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
    jumlah = Permohonan.objects.count()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert Permohonan.objects.count() == jumlah
    assert "Permohonan informasi demo: 0 baru." in out.getvalue()
    assert {"diproses", "diperpanjang", "dijawab"} <= set(
        Permohonan.objects.values_list("status", flat=True)
    )
    assert {"dikabulkan", "sebagian", "ditolak", "tidak_dikuasai"} <= set(
        Permohonan.objects.values_list("keputusan", flat=True)
    )
    assert Permohonan.objects.terbuka().filter(jatuh_tempo__lt=dt.date.today()).exists()
    assert Keberatan.objects.filter(putusan="").exists()
    assert Keberatan.objects.exclude(putusan="").exists()
    assert Keberatan.objects.filter(putusan="", jatuh_tempo__lt=dt.date.today()).exists()
    assert set(Permohonan.objects.values_list("satker__kode", flat=True)) == {"18.72", "18"}


def test_setiap_perubahan_status_tercatat_di_riwayat(db, kantor, ppid_lampung):
    """One map for a request's life: filed (by the public, no user), extended and answered
    (by the PPID), each a history row with from, to, who, when and the note."""
    from apps.ppid.models import TRANSISI_PERMOHONAN, AksiPermohonan, StatusPermohonan

    p, _token = ajukan(kantor("18.72"), pada=_pada(2026, 5, 4))
    services.perpanjang(p, ppid_lampung, "Dokumen di arsip daerah.", pada=_pada(2026, 5, 6))
    services.jawab(p, ppid_lampung, "dikabulkan", "Terlampir.", pada=_pada(2026, 5, 8))
    riwayat = list(_segar(p).riwayat.values_list("aksi", "dari", "ke", "oleh", "catatan"))
    assert riwayat == [
        ("ajukan", "", "diproses", None, ""),
        ("perpanjang", "diproses", "diperpanjang", ppid_lampung.pk, "Dokumen di arsip daerah."),
        ("jawab", "diperpanjang", "dijawab", ppid_lampung.pk, "Dikabulkan"),
    ]
    # the map is the whole state machine: nothing leaves "dijawab"
    assert all(StatusPermohonan.DIJAWAB not in asal for asal, _ke in TRANSISI_PERMOHONAN.values())
    assert set(TRANSISI_PERMOHONAN) == set(AksiPermohonan)


def test_transisi_yang_tidak_ada_di_peta_ditolak_tanpa_menulis(db, kantor, ppid_lampung):
    from django.db import transaction

    from apps.ppid.models import AksiPermohonan, Permohonan

    p, _token = ajukan(kantor("18.72"))
    services.jawab(p, ppid_lampung, "dikabulkan", "Terlampir.")
    p = _segar(p)
    with pytest.raises(ValidationError, match="tidak dapat dilakukan"), transaction.atomic():
        services.transisi_permohonan(
            Permohonan.objects.select_for_update().get(pk=p.pk),
            AksiPermohonan.PERPANJANG,
            ppid_lampung,
            p.dijawab_pada,
        )
    assert _segar(p).status == "dijawab"
    assert _segar(p).riwayat.count() == 2
