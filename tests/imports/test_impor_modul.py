"""The import of the modules with their own column rules: anggaran (a budget line named by its
codes within the row's office and year, the cumulative amount never going down), mou (the
partners in one cell), pelanggaran and sengketa (register numbers, steps and deadlines; the
personal-data child rows never in a file). Every broken row is named by its row number and
message and changes nothing (row counts and a checksum of the tables before and after)."""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from apps.anggaran.models import Anggaran, PaguAnggaran
from apps.audit.models import CatatanAudit
from apps.core import registry
from apps.core.demo import pemilihan_demo
from apps.core.models import NomorUrut, Riwayat
from apps.imports import proses, sumber
from apps.mou.models import MitraMou, Mou
from apps.pelanggaran.models import Pelanggaran, Pelapor
from apps.sengketa.models import Sengketa

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "impor"


@pytest.fixture(autouse=True)
def siapkan(db):
    pemilihan_demo("pemilu-2024")
    for m in registry.all_modules():
        if m.demo_setup:
            m.demo_setup()


def jejak(*models):
    """Row counts and a checksum of the tables an import may write (the module's, its child
    rows', history, audit and register numbers)."""
    hasil = []
    with connection.cursor() as c:
        for model in (*models, Riwayat, CatatanAudit, NomorUrut):
            tabel = model._meta.db_table
            sql = f"SELECT md5(string_agg(t::text, '|' ORDER BY t::text)), count(*) FROM {tabel} t"  # noqa: S608 - table names from the models
            c.execute(sql)
            hasil.append(c.fetchone())
    return hasil


def xlsx(kepala, rows) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    ws.append(kepala)
    for r in rows:
        ws.append(r)
    berkas = io.BytesIO()
    wb.save(berkas)
    berkas.seek(0)
    return berkas


def impor(kode, berkas, user, nama="uji.xlsx", **kw):
    return proses.jalankan(registry.get(kode), berkas, nama, user, **kw)


def impor_contoh(kode, user):
    with (FIXTURE / f"{kode}-sah.xlsx").open("rb") as f:
        hasil = impor(kode, f, user, f"{kode}-sah.xlsx", simpan=True)
    assert hasil.disimpan, [str(g) for g in hasil.galat]
    return hasil


def pesan(hasil):
    return [str(g) for g in hasil.galat]


def ada(daftar, awal, *isi):
    """Some message starts with `awal` and holds every text of `isi`."""
    return any(p.startswith(awal) and all(i in p for i in isi) for p in daftar)


# ---- every importable module -------------------------------------------------------------------


@pytest.mark.parametrize("kode", [m.kode for m in registry.all_modules() if m.impor])
def test_contoh_templat_sah(kode, admin, client):
    """Every module's template is offered at /kelola/impor/, names its columns in its data
    dictionary, and its example row passes every rule of its module as it stands."""
    client.force_login(admin)
    assert f"/kelola/impor/templat/{kode}.xlsx" in client.get("/kelola/impor/").text
    jawab = client.get(f"/kelola/impor/templat/{kode}.xlsx")
    isi = b"".join(jawab.streaming_content)
    kamus = [r[0] for r in load_workbook(io.BytesIO(isi))["Kamus data"].iter_rows(values_only=True)]
    assert {k.nama for k in sumber.kolom(kode)} <= set(kamus)
    hasil = impor(kode, io.BytesIO(isi), admin, f"templat-{kode}.xlsx")
    assert pesan(hasil) == []
    assert hasil.baru == 1


def test_data_pribadi_tidak_dapat_dijadikan_sel_impor():
    """`Impor.anak` refuses a personal-data inline: it would reach files and exports."""
    import dataclasses

    modul = registry.get("pelanggaran")
    salah = dataclasses.replace(modul, impor=dataclasses.replace(modul.impor, anak="pelapor"))
    with pytest.raises(ValueError, match="data pribadi tidak boleh diimpor"):
        registry.register(salah)
    assert registry.get("pelanggaran") is modul


# ---- anggaran ----------------------------------------------------------------------------------

KEPALA_ANGGARAN = [
    "satker",
    "periode",
    "kode_kegiatan",
    "kode_akun",
    "realisasi_kumulatif",
    "judul",
]


def test_anggaran_mata_anggaran_dari_kode_dalam_satker_dan_tahun(admin):
    impor_contoh("anggaran", admin)
    metro = Anggaran.objects.get(
        satker__kode="18.72", periode="2024-03-01", pagu_anggaran__kode_akun="521211"
    )
    pagu = metro.pagu_anggaran
    assert (pagu.satker.kode, pagu.tahun, pagu.kode_kegiatan) == ("18.72", 2024, "6370")
    assert metro.realisasi_kumulatif == Decimal(27_000_000)
    assert metro.pagu_laporan == pagu.pagu  # set by the module's hook as it is written
    # Lampung Selatan's rows found Lampung Selatan's own line of the same codes
    lamsel = Anggaran.objects.filter(satker__kode="18.01")
    assert lamsel.count() == 24
    assert set(lamsel.values_list("pagu_anggaran__satker__kode", flat=True)) == {"18.01"}


def test_anggaran_mata_anggaran_tidak_ada_dan_aturan_baris(admin):
    sebelum = jejak(Anggaran)
    berkas = xlsx(
        KEPALA_ANGGARAN,
        [
            ["18.72", "Januari 2024", "6370", 999999, 1_000, "Akun tak dikenal"],
            ["18.72", "Januari 2025", "6370", 521211, 1_000, "Tahun tanpa pagu"],
            ["18.72", "Februari 2024", " 6370 ", "521211", 10**15, "Melebihi pagu"],
            ["18.72", "Maret 2099", "6370", "521211", 1_000, "Belum berjalan"],
        ],
    )
    hasil = impor("anggaran", berkas, admin, simpan=True)
    p = pesan(hasil)
    assert ada(
        p,
        'Baris 2, kolom "kode_kegiatan": "6370" tidak ada mata anggaran dengan kode kegiatan '
        "6370 dan kode akun 999999 pada tahun anggaran 2024 di Bawaslu Kota Metro",
        "halaman Pagu anggaran",
    )
    assert ada(p, "Baris 3, kolom", "tahun anggaran 2025 di Bawaslu Kota Metro")
    assert ada(p, 'Baris 4, kolom "realisasi_kumulatif"', "melebihi pagu")
    # a year without budget lines is not found (2099): the month is named by the line's key
    assert ada(p, "Baris 5", "tahun anggaran 2099")
    assert not hasil.disimpan
    assert jejak(Anggaran) == sebelum


def test_anggaran_bulan_belum_berjalan(admin):
    """A month that has not begun, on a line of next year that already exists."""
    pagu = PaguAnggaran.objects.get(satker__kode="18.72", kode_akun="521211", tahun=2024)
    tahun_depan = timezone.localdate().year + 1
    pagu.pk, pagu.tahun = None, tahun_depan
    pagu.save()
    sebelum = jejak(Anggaran)
    berkas = xlsx(KEPALA_ANGGARAN, [["18.72", f"Januari {tahun_depan}", "6370", 521211, 1, "J"]])
    hasil = impor("anggaran", berkas, admin, simpan=True)
    assert pesan(hasil) == [
        f'Baris 2, kolom "periode": Periode Januari {tahun_depan} belum berjalan; realisasi '
        "hanya dilaporkan untuk bulan yang sudah berjalan."
    ]
    assert jejak(Anggaran) == sebelum


def test_anggaran_kumulatif_tidak_turun_dalam_berkas_dan_terhadap_yang_ada(admin):
    berkas = xlsx(
        KEPALA_ANGGARAN,
        [
            ["18.72", "2024-01", "6370", 521211, 100_000, "Januari"],
            ["18.72", "2024-03", "6370", 521211, 300_000, "Maret"],
        ],
    )
    assert impor("anggaran", berkas, admin, simpan=True).disimpan
    sebelum = jejak(Anggaran)
    berkas = xlsx(
        KEPALA_ANGGARAN,
        [
            ["18.72", "2024-02", "6370", 521211, 400_000, "Februari lebih dari Maret"],
            ["18.72", "2024-05", "6370", 521211, 500_000, "Mei"],
            ["18.72", "2024-06", "6370", 521211, 450_000, "Juni turun dari Mei di berkas"],
            ["18.72", "2024-02", "6370", 524111, 50_000, "akun lain: tidak terpengaruh"],
        ],
    )
    hasil = impor("anggaran", berkas, admin, simpan=True)
    assert pesan(hasil) == [
        'Baris 2, kolom "realisasi_kumulatif": Realisasi kumulatif Rp400.000 lebih besar '
        "daripada realisasi kumulatif Maret 2024 yang sudah dilaporkan (Rp300.000); angka "
        "kumulatif tidak boleh turun dari bulan ke bulan.",
        'Baris 4, kolom "realisasi_kumulatif": Realisasi kumulatif Rp450.000 lebih kecil '
        "daripada realisasi kumulatif Mei 2024 (Rp500.000); angka kumulatif sejak Januari "
        "tidak boleh turun.",
    ]
    assert jejak(Anggaran) == sebelum
    berkas = xlsx(KEPALA_ANGGARAN, [["18.72", "2024-02", "6370", 521211, 50_000, "Turun"]])
    (galat,) = pesan(impor("anggaran", berkas, admin))
    assert "lebih kecil daripada realisasi kumulatif Januari 2024 (Rp100.000)" in galat


def test_anggaran_ekspor_menulis_kode_mata_anggaran(admin, tmp_path):
    impor_contoh("anggaran", admin)
    berkas = tmp_path / "anggaran.csv"
    call_command("export_data", "anggaran", str(berkas), "--satker", "18.72", stdout=io.StringIO())
    kepala, pertama = berkas.read_text(encoding="utf-8-sig").splitlines()[:2]
    assert "kode_kegiatan,kode_akun" in kepala
    assert "pagu_anggaran" not in kepala
    assert ",6370,521211," in pertama


# ---- mou -----------------------------------------------------------------------------------------

KEPALA_MOU = [
    "satker",
    "nomor",
    "judul",
    "tanggal_ttd",
    "berlaku_sampai",
    "ruang_lingkup",
    "mitra",
]


def baris_mou(nomor, mitra, ttd=dt.date(2024, 1, 10), sampai=dt.date(2026, 1, 10)):
    return ["18.72", nomor, f"Perjanjian {nomor}", ttd, sampai, "Kerja sama.", mitra]


def mitra(mou):
    return list(MitraMou.objects.filter(mou=mou).order_by("pk").values_list("nama", "jenis"))


def test_mou_mitra_dari_satu_sel(admin):
    impor_contoh("mou", admin)
    kedua = Mou.objects.get(nomor="002/PKS/BAWASLU-LA.10/03/2023")
    assert mitra(kedua) == [
        ("Universitas Muhammadiyah Metro", "perguruan_tinggi"),
        ("Institut Agama Islam Negeri (IAIN) Metro", "perguruan_tinggi"),
    ]
    ketiga = Mou.objects.get(nomor="003/PKS/BAWASLU-LA.10/05/2023")
    assert [j for _n, j in mitra(ketiga)] == ["instansi_vertikal", "instansi_vertikal"]
    assert MitraMou.objects.count() == 16


def test_mou_mitra_salah_ditolak_per_baris(admin):
    sebelum = jejak(Mou, MitraMou)
    berkas = xlsx(
        KEPALA_MOU,
        [
            baris_mou("A-1", None),
            baris_mou("A-2", " ; "),
            baris_mou("A-3", "Universitas Lampung (kampus)"),
            baris_mou("A-4", "Universitas Lampung"),
            baris_mou("A-5", "Lampung Post (media); lampung post (Media)"),
            baris_mou("A-6", "X" * 201 + " (media)"),
            baris_mou("A-7", "Lampung Post (media)", sampai=dt.date(2023, 1, 1)),
            baris_mou("A-8", "Lampung Post (media)", ttd=dt.date(2099, 1, 1)),
            baris_mou("A-1", "Lampung Post (media)"),
        ],
    )
    hasil = impor("mou", berkas, admin, simpan=True)
    p = pesan(hasil)
    assert 'Baris 2, kolom "mitra": wajib diisi' in p
    assert 'Baris 3, kolom "mitra": ";" isi sekurang-kurangnya 1 mitra kerja sama' in p
    assert ada(p, 'Baris 4, kolom "mitra"', "jenis “kampus” pada “Universitas Lampung”")
    assert ada(p, 'Baris 5, kolom "mitra"', "harus berupa nama lalu jenisnya dalam kurung")
    assert ada(p, 'Baris 6, kolom "mitra"', "“lampung post” disebut dua kali")
    assert ada(p, 'Baris 7, kolom "mitra"', "lebih dari 200 karakter")
    assert ada(p, 'Baris 8, kolom "berlaku_sampai"', "tidak boleh sebelum tanggal tanda tangan")
    assert ada(p, 'Baris 9, kolom "tanggal_ttd"', "tidak boleh sesudah hari ini")
    # row 2 is itself wrong, so row 10 (the same number) stands alone
    assert not any(g.baris == 10 for g in hasil.galat)
    assert not hasil.disimpan
    assert jejak(Mou, MitraMou) == sebelum


def test_mou_nomor_dua_kali_dalam_berkas(admin):
    berkas = xlsx(
        KEPALA_MOU, [baris_mou("B-1", "Lampung Post (media)"), baris_mou("B-1", "Unila (ormas)")]
    )
    assert pesan(impor("mou", berkas, admin)) == [
        "Baris 3: data yang sama (satker, nomor) sudah ada di baris 2 berkas ini"
    ]


def test_mou_mitra_draf_diganti(admin):
    berkas = xlsx(KEPALA_MOU, [baris_mou("C-1", "Lampung Post (media); Unila (perguruan_tinggi)")])
    assert impor("mou", berkas, admin, simpan=True).disimpan
    mou = Mou.objects.get(nomor="C-1")
    # the same partners: nothing changes; a partner changed on a draft: replaced
    berkas.seek(0)
    assert impor("mou", berkas, admin, simpan=True).sama == 1
    Mou.objects.update(status="draft")
    berkas = xlsx(KEPALA_MOU, [baris_mou("C-1", "Unila (perguruan_tinggi); Radar Metro (media)")])
    hasil = impor("mou", berkas, admin, simpan=True)
    assert (hasil.baru, hasil.berubah, hasil.sama) == (0, 1, 0)
    assert mitra(mou) == [("Unila", "perguruan_tinggi"), ("Radar Metro", "media")]
    # only another field changed: the partners stay as they are
    Mou.objects.update(status="draft")
    baris = baris_mou("C-1", "Unila (perguruan_tinggi); Radar Metro (media)")
    baris[5] = "Ruang lingkup baru."
    hasil = impor("mou", xlsx(KEPALA_MOU, [baris]), admin, simpan=True)
    assert hasil.berubah == 1
    assert mitra(mou) == [("Unila", "perguruan_tinggi"), ("Radar Metro", "media")]


def test_mou_ekspor_staf_memuat_mitra_dan_diimpor_kembali(admin, client):
    impor_contoh("mou", admin)
    client.force_login(admin)
    isi = b"".join(client.get("/kelola/mou/ekspor.csv").streaming_content)
    assert "Kejaksaan Negeri Metro (instansi_vertikal)" in isi.decode("utf-8-sig")
    hasil = impor("mou", io.BytesIO(isi), admin, "ekspor.csv")
    assert (hasil.baru, hasil.berubah, hasil.sama, pesan(hasil)) == (0, 0, 10, [])


# ---- pelanggaran ---------------------------------------------------------------------------------

KEPALA_PELANGGARAN = [
    "satker",
    "sumber",
    "judul",
    "ringkasan",
    "tanggal_diketahui",
    "tanggal_laporan",
    "registrasi",
    "tanggal_registrasi",
    "nomor_registrasi",
    "tanggal_kajian",
    "hasil_kajian",
    "jenis_pelanggaran",
    "diteruskan_ke",
    "tanggal_penerusan",
    "alasan_terlambat",
]


def perkara(judul, tanggal=dt.date(2024, 2, 1), **isi):
    """A row of KEPALA_PELANGGARAN: a finding received on `tanggal`, then `isi`."""
    r = dict.fromkeys(KEPALA_PELANGGARAN)
    r |= {
        "satker": "18.72",
        "sumber": "temuan",
        "judul": judul,
        "ringkasan": f"{judul}.",
        "tanggal_diketahui": tanggal,
        "tanggal_laporan": tanggal,
    }
    r |= isi
    return [r[k] for k in KEPALA_PELANGGARAN]


def test_pelanggaran_nomor_dan_tahap_diberikan(admin):
    impor_contoh("pelanggaran", admin)
    tanpa_nomor = Pelanggaran.objects.get(judul="Alat peraga kampanye di tempat ibadah")
    assert tanpa_nomor.nomor_registrasi == "001/Reg/TM/PL/Kota/18.72/II/2024"
    assert tanpa_nomor.tahap == "kajian"
    ditulis = Pelanggaran.objects.get(judul="Spanduk calon di sekolah")
    assert ditulis.nomor_registrasi == "015/Reg/TM/PL/Kota/18.72/II/2024"
    status = dict(Pelanggaran.objects.values_list("judul", "status_penanganan"))
    assert status["Dugaan kampanye di luar jadwal"] == "tidak_diregistrasi"
    assert status["Baliho calon anggota DPRD di fasilitas pendidikan"] == "bukan_pelanggaran"
    assert status["Dugaan politik uang"] == "diteruskan"
    assert status["Rekapitulasi tidak sesuai prosedur di PPK"] == "selesai"
    # re-imported with the number cell still empty: the given number stays, none is used up
    sebelum = jejak(Pelanggaran)
    diberikan = NomorUrut.objects.get(jenis="pelanggaran-TM").terakhir
    with (FIXTURE / "pelanggaran-sah.xlsx").open("rb") as f:
        lagi = impor("pelanggaran", f, admin, simpan=True)
    assert (lagi.baru, lagi.berubah, lagi.sama) == (0, 0, 10)
    assert jejak(Pelanggaran)[0] == sebelum[0]
    assert NomorUrut.objects.get(jenis="pelanggaran-TM").terakhir == diberikan


def test_pelanggaran_aturan_perkara_ditolak_per_baris(admin):
    berkas = xlsx(
        KEPALA_PELANGGARAN,
        [perkara("Sudah ada", registrasi="diregistrasi", tanggal_registrasi=dt.date(2024, 2, 2))],
    )
    assert impor("pelanggaran", berkas, admin, simpan=True).disimpan
    dipakai = Pelanggaran.objects.get().nomor_registrasi
    sebelum = jejak(Pelanggaran)
    reg = {"registrasi": "diregistrasi", "tanggal_registrasi": dt.date(2024, 2, 2)}
    berkas = xlsx(
        KEPALA_PELANGGARAN,
        [
            perkara("Masa depan", dt.date(2099, 1, 1)),
            perkara("Kajian sebelum registrasi", **reg, tanggal_kajian=dt.date(2024, 2, 1)),
            perkara(
                "Bukan pelanggaran berjenis",
                **reg,
                tanggal_kajian=dt.date(2024, 2, 5),
                hasil_kajian="bukan_pelanggaran",
                jenis_pelanggaran="pidana",
            ),
            perkara(
                "Salah instansi",
                **reg,
                tanggal_kajian=dt.date(2024, 2, 5),
                hasil_kajian="pelanggaran",
                jenis_pelanggaran="pidana",
                diteruskan_ke="kpu",
                tanggal_penerusan=dt.date(2024, 2, 6),
            ),
            perkara(
                "Laporan tanpa syarat",
                sumber="laporan",
                **reg,
            ),
            perkara(
                "Kajian terlambat",
                **reg,
                tanggal_kajian=dt.date(2024, 2, 29),
                hasil_kajian="bukan_pelanggaran",
            ),
            perkara("Nomor dipakai", **reg, nomor_registrasi=dipakai),
            perkara("Nomor kembar 1", **reg, nomor_registrasi="777/Reg"),
            perkara("Nomor kembar 2", **reg, nomor_registrasi="777/Reg"),
        ],
    )
    hasil = impor("pelanggaran", berkas, admin, simpan=True)
    p = pesan(hasil)
    assert ada(p, 'Baris 2, kolom "tanggal_laporan"', "tidak boleh sesudah hari ini")
    assert ada(p, 'Baris 3, kolom "tanggal_kajian"', "tidak boleh sebelum tanggal registrasi")
    assert ada(p, 'Baris 4, kolom "jenis_pelanggaran"', "hanya diisi bila hasil kajian terbukti")
    assert ada(p, 'Baris 5, kolom "diteruskan_ke"', "diteruskan ke Sentra Gakkumdu, bukan KPU")
    assert ada(p, 'Baris 6, kolom "registrasi"', "Laporan baru dapat diputuskan registrasinya")
    assert ada(p, 'Baris 7, kolom "alasan_terlambat"', "melewati batas waktu", "alasannya")
    assert ada(p, 'Baris 8, kolom "nomor_registrasi"', f"Nomor {dipakai} sudah dipakai perkara")
    assert not any(g.baris == 9 for g in hasil.galat)
    assert (
        'Baris 10, kolom "nomor_registrasi": Nomor 777/Reg juga dipakai baris lain berkas ini.' in p
    )
    assert not hasil.disimpan
    assert jejak(Pelanggaran) == sebelum


def test_pelanggaran_draf_diubah_tahap_dan_nomor_ikut(admin):
    berkas = xlsx(KEPALA_PELANGGARAN, [perkara("Diterima saja")])
    assert impor("pelanggaran", berkas, admin, simpan=True).disimpan
    Pelanggaran.objects.update(status="draft")
    reg = {"registrasi": "diregistrasi", "tanggal_registrasi": dt.date(2024, 2, 2)}
    berkas = xlsx(KEPALA_PELANGGARAN, [perkara("Diterima saja", **reg)])
    hasil = impor("pelanggaran", berkas, admin, simpan=True)
    assert (hasil.berubah, pesan(hasil)) == (1, [])
    kasus = Pelanggaran.objects.get()
    assert kasus.nomor_registrasi == "001/Reg/TM/PL/Kota/18.72/II/2024"
    assert (kasus.tahap, kasus.status_penanganan, kasus.status) == ("kajian", "proses", "diajukan")
    # no longer registered, the number cell empty: the stored number goes with it
    Pelanggaran.objects.update(status="draft")
    berkas = xlsx(
        KEPALA_PELANGGARAN,
        [
            perkara(
                "Diterima saja",
                registrasi="tidak_diregistrasi",
                tanggal_registrasi=dt.date(2024, 2, 2),
            )
        ],
    )
    hasil = impor("pelanggaran", berkas, admin, simpan=True)
    assert ada(pesan(hasil), 'Baris 2, kolom "alasan_tidak_diregistrasi"', "Tuliskan alasan")
    kepala = [*KEPALA_PELANGGARAN, "alasan_tidak_diregistrasi"]
    berkas = xlsx(
        kepala,
        [
            [
                *perkara(
                    "Diterima saja",
                    registrasi="tidak_diregistrasi",
                    tanggal_registrasi=dt.date(2024, 2, 2),
                ),
                "Bukan pelanggaran pemilu.",
            ]
        ],
    )
    hasil = impor("pelanggaran", berkas, admin, simpan=True)
    assert (hasil.berubah, pesan(hasil)) == (1, [])
    kasus.refresh_from_db()
    assert (kasus.nomor_registrasi, kasus.status_penanganan, kasus.tahap) == (
        "",
        "tidak_diregistrasi",
        "selesai",
    )


def test_pelanggaran_tanpa_kolom_kegiatan_kampanye_dan_tanpa_pelapor(admin, tmp_path):
    assert "kegiatan_kampanye" not in {k.nama for k in sumber.kolom("pelanggaran")}
    berkas = xlsx([*KEPALA_PELANGGARAN, "kegiatan_kampanye"], [[*perkara("X"), "1"]])
    (galat,) = pesan(impor("pelanggaran", berkas, admin))
    assert "kolom tidak dikenal: “kegiatan_kampanye”" in galat
    impor_contoh("pelanggaran", admin)
    Pelapor.objects.create(
        pelanggaran=Pelanggaran.objects.filter(sumber="laporan").first(),
        nama="Siti Pelapor Rahasia",
        nik="1872012345678901",
        alamat="Jl. Rahasia No. 7",
    )
    keluar = tmp_path / "pelanggaran.csv"
    call_command("export_data", "pelanggaran", str(keluar), stdout=io.StringIO())
    teks = keluar.read_text(encoding="utf-8-sig")
    assert "Dugaan politik uang" in teks
    for rahasia in ("Siti Pelapor Rahasia", "1872012345678901", "Jl. Rahasia"):
        assert rahasia not in teks


# ---- sengketa ------------------------------------------------------------------------------------

KEPALA_SENGKETA = [
    "satker",
    "pemohon",
    "jenis_pemohon",
    "nomor_objek",
    "tanggal_objek",
    "tanggal_diterima",
    "pokok_permohonan",
    "registrasi",
    "tanggal_registrasi",
    "nomor_register",
    "keterangan_registrasi",
    "tanggal_mediasi",
    "hasil_mediasi",
    "tanggal_sidang_pertama",
    "jumlah_sidang",
    "tanggal_putusan",
    "amar_putusan",
    "ringkasan_putusan",
]


def permohonan(pemohon, **isi):
    """A row of KEPALA_SENGKETA: an application received on 4 March 2024, then `isi`."""
    r = dict.fromkeys(KEPALA_SENGKETA)
    r |= {
        "satker": "18.72",
        "pemohon": pemohon,
        "jenis_pemohon": "partai_politik",
        "nomor_objek": "Keputusan KPU Kota Metro Nomor 1 Tahun 2024",
        "tanggal_objek": dt.date(2024, 3, 1),
        "tanggal_diterima": dt.date(2024, 3, 4),
        "pokok_permohonan": "Keberatan atas keputusan KPU.",
    }
    r |= isi
    return [r[k] for k in KEPALA_SENGKETA]


def test_sengketa_termohon_dan_nomor_diberikan(admin):
    impor_contoh("sengketa", admin)
    sepakat = Sengketa.objects.get(pemohon="Bakal calon anggota DPRD Dapil Metro 1")
    assert sepakat.termohon == "KPU Kota Metro"
    assert sepakat.nomor_register == "001/PS.REG/18.72/IV/2024"
    assert (sepakat.status_sengketa, sepakat.tahap) == ("selesai_mediasi", "selesai")
    dpd = Sengketa.objects.get(pemohon="Bakal calon anggota DPD Lampung")
    assert dpd.termohon == "KPU Provinsi Lampung"
    ditulis = Sengketa.objects.get(pemohon="Partai Contoh Tiga")
    assert (ditulis.nomor_register, ditulis.status_sengketa) == (
        "010/PS.REG/18.72/IV/2024",
        "diputus",
    )


def test_sengketa_aturan_permohonan_ditolak_per_baris(admin):
    berkas = xlsx(
        KEPALA_SENGKETA,
        [permohonan("Ada", registrasi="diregistrasi", tanggal_registrasi=dt.date(2024, 3, 5))],
    )
    assert impor("sengketa", berkas, admin, simpan=True).disimpan
    dipakai = Sengketa.objects.get().nomor_register
    sebelum = jejak(Sengketa)
    reg = {"registrasi": "diregistrasi", "tanggal_registrasi": dt.date(2024, 3, 5)}
    berkas = xlsx(
        KEPALA_SENGKETA,
        [
            permohonan("Sidang tanpa mediasi", **reg, tanggal_sidang_pertama=dt.date(2024, 3, 6)),
            permohonan(
                "Putusan tanpa ringkasan",
                **reg,
                tanggal_mediasi=dt.date(2024, 3, 6),
                hasil_mediasi="tidak_sepakat",
                tanggal_sidang_pertama=dt.date(2024, 3, 7),
                jumlah_sidang=1,
                tanggal_putusan=dt.date(2024, 3, 8),
                amar_putusan="ditolak",
            ),
            permohonan("Nomor tanpa registrasi", nomor_register="009/PS.REG/18.72/III/2024"),
            permohonan("Terlambat", registrasi="diregistrasi", tanggal_registrasi="20/03/2024"),
            permohonan("Nomor dipakai", **reg, nomor_register=dipakai),
            permohonan("Kontak di pokok", pokok_permohonan="Hubungi 0812 3456 7890."),
        ],
    )
    hasil = impor("sengketa", berkas, admin, simpan=True)
    p = pesan(hasil)
    assert ada(p, 'Baris 2, kolom "tanggal_sidang_pertama"', "setelah mediasi tidak mencapai")
    assert ada(p, 'Baris 3, kolom "ringkasan_putusan"', "Tuliskan ringkasan putusan")
    assert ada(p, 'Baris 4, kolom "nomor_register"', "hanya untuk permohonan yang diregistrasi")
    assert ada(p, 'Baris 5, kolom "alasan_terlambat"', "Registrasi dicatat 20 Maret 2024")
    assert ada(p, 'Baris 6, kolom "nomor_register"', f"Nomor {dipakai} sudah dipakai perkara")
    assert ada(p, 'Baris 7, kolom "pokok_permohonan"', "nomor telepon")
    assert not hasil.disimpan
    assert jejak(Sengketa) == sebelum


def test_sengketa_nomor_tersimpan_dilepas_bila_tidak_lagi_diregistrasi(admin):
    reg = {"registrasi": "diregistrasi", "tanggal_registrasi": dt.date(2024, 3, 5)}
    berkas = xlsx(KEPALA_SENGKETA, [permohonan("Partai X", **reg)])
    assert impor("sengketa", berkas, admin, simpan=True).disimpan
    assert Sengketa.objects.get().nomor_register
    Sengketa.objects.update(status="draft")
    tidak = {
        "registrasi": "tidak_diregistrasi",
        "tanggal_registrasi": dt.date(2024, 3, 5),
        "keterangan_registrasi": "Bukan objek sengketa proses.",
    }
    hasil = impor(
        "sengketa", xlsx(KEPALA_SENGKETA, [permohonan("Partai X", **tidak)]), admin, simpan=True
    )
    assert (hasil.berubah, pesan(hasil)) == (1, [])
    sengketa = Sengketa.objects.get()
    assert (sengketa.nomor_register, sengketa.status_sengketa) == ("", "tidak_diregistrasi")
    assert sengketa.termohon == "KPU Kota Metro"  # kept: the cell was empty
