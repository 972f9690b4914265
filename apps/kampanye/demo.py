"""Demo data: the Pemilu 2024 participants and supervised campaign activities of the campaign
period (28 November 2023 – 10 Februari 2024; rapat umum and media advertising 21 Januari –
10 Februari 2024)."""

import datetime as dt

from apps.core.demo import pemilihan_demo
from apps.kampanye.models import JenisPeserta, Kampanye, MetodeKampanye, PesertaPemilu
from apps.wilayah.models import Wilayah

PARTAI = JenisPeserta.PARTAI
PASLON = JenisPeserta.PASLON_PRESIDEN

# (jenis, nomor urut, nama) — Keputusan KPU 518/2023 (partai) and 1644/2023 (pasangan calon)
PESERTA_PEMILU_2024 = [
    (PARTAI, 1, "Partai Kebangkitan Bangsa (PKB)"),
    (PARTAI, 2, "Partai Gerakan Indonesia Raya (Gerindra)"),
    (PARTAI, 3, "Partai Demokrasi Indonesia Perjuangan (PDI Perjuangan)"),
    (PARTAI, 4, "Partai Golongan Karya (Golkar)"),
    (PARTAI, 5, "Partai NasDem"),
    (PARTAI, 6, "Partai Buruh"),
    (PARTAI, 7, "Partai Gelombang Rakyat Indonesia (Partai Gelora)"),
    (PARTAI, 8, "Partai Keadilan Sejahtera (PKS)"),
    (PARTAI, 9, "Partai Kebangkitan Nusantara (PKN)"),
    (PARTAI, 10, "Partai Hati Nurani Rakyat (Hanura)"),
    (PARTAI, 11, "Partai Garda Republik Indonesia (Partai Garuda)"),
    (PARTAI, 12, "Partai Amanat Nasional (PAN)"),
    (PARTAI, 13, "Partai Bulan Bintang (PBB)"),
    (PARTAI, 14, "Partai Demokrat"),
    (PARTAI, 15, "Partai Solidaritas Indonesia (PSI)"),
    (PARTAI, 16, "Partai Persatuan Indonesia (Perindo)"),
    (PARTAI, 17, "Partai Persatuan Pembangunan (PPP)"),
    (PARTAI, 24, "Partai Ummat"),
    (PASLON, 1, "Anies Baswedan–Muhaimin Iskandar"),
    (PASLON, 2, "Prabowo Subianto–Gibran Rakabuming Raka"),
    (PASLON, 3, "Ganjar Pranowo–Mahfud MD"),
]

TINDAK_LANJUT_TEMUAN = (
    "Dituangkan dalam Form A hasil pengawasan dan diteruskan untuk dikaji sebagai temuan "
    "dugaan pelanggaran."
)

# (tanggal, metode, peserta (jenis, nomor), kegiatan, tempat, hasil, tindak lanjut or "")
KEGIATAN = [
    (
        dt.date(2024, 1, 6),
        MetodeKampanye.PERTEMUAN_TERBATAS,
        (PARTAI, 1),
        "Pertemuan terbatas calon anggota DPRD dengan kelompok tani {kec}",
        "Balai pertemuan kelompok tani, {kec}",
        "Kegiatan dihadiri ±60 orang, surat pemberitahuan kepada kepolisian ada, tembusan "
        "kepada Bawaslu diterima. Tidak ditemukan pembagian uang atau barang di luar bahan "
        "kampanye.",
        "",
    ),
    (
        dt.date(2024, 1, 11),
        MetodeKampanye.TATAP_MUKA,
        (PASLON, 2),
        "Dialog tim kampanye pasangan calon 02 dengan pelaku UMKM {kec}",
        "Gedung serbaguna {kec}",
        "Dialog berjalan tertib, materi tentang program ekonomi pasangan calon. Tidak ada "
        "ASN, kepala desa atau perangkat desa yang terlibat sebagai pelaksana.",
        "",
    ),
    (
        dt.date(2024, 1, 16),
        MetodeKampanye.BAHAN_KAMPANYE,
        (PARTAI, 3),
        "Penyebaran bahan kampanye calon anggota DPR di {kec}",
        "Permukiman warga, {kec}",
        "Ditemukan pembagian paket sembako bersama stiker calon; nilai paket diperkirakan "
        "melebihi Rp100.000 sehingga tidak termasuk bahan kampanye menurut PKPU 15/2023.",
        TINDAK_LANJUT_TEMUAN,
    ),
    (
        dt.date(2024, 1, 19),
        MetodeKampanye.APK,
        (PARTAI, 4),
        "Pemasangan alat peraga kampanye di jalan protokol {kec}",
        "Jalan protokol dan simpang utama, {kec}",
        "Sebanyak 37 APK dipasang pada pohon, tiang listrik dan fasilitas umum yang dilarang "
        "keputusan KPU tentang lokasi pemasangan APK.",
        "Saran perbaikan tertulis kepada tim kampanye untuk memindahkan APK dalam 1×24 jam; "
        "APK yang tidak dipindahkan ditertibkan bersama Satpol PP dan KPU.",
    ),
    (
        dt.date(2024, 1, 24),
        MetodeKampanye.MEDIA_SOSIAL,
        (PARTAI, 5),
        "Patroli siber akun media sosial calon anggota DPRD {kab}",
        "Pemantauan daring dari kantor Bawaslu",
        "Lima akun resmi yang didaftarkan ke KPU dipantau; tidak ditemukan konten hoaks, "
        "ujaran kebencian atau SARA.",
        "",
    ),
    (
        dt.date(2024, 1, 29),
        MetodeKampanye.IKLAN,
        (PASLON, 1),
        "Iklan kampanye pasangan calon 01 di radio lokal {kab}",
        "Studio radio swasta, {kec}",
        "Iklan ditayangkan dalam masa iklan kampanye (21 Januari – 10 Februari 2024) dengan "
        "durasi 60 detik, tiga kali sehari, sesuai batas PKPU 15/2023.",
        "",
    ),
    (
        dt.date(2024, 2, 3),
        MetodeKampanye.RAPAT_UMUM,
        (PASLON, 3),
        "Rapat umum pasangan calon 03 di {kec}",
        "Lapangan utama, {kec}",
        "Rapat umum dihadiri ±3.000 orang dan selesai pukul 17.30. Ditemukan sejumlah anak "
        "di bawah umur dilibatkan di atas panggung, yang dilarang Pasal 280 ayat (2) UU 7/2017.",
        "Imbauan langsung kepada penanggung jawab kegiatan di lokasi. " + TINDAK_LANJUT_TEMUAN,
    ),
    (
        dt.date(2024, 2, 8),
        MetodeKampanye.LAINNYA,
        (PARTAI, 2),
        "Jalan sehat calon anggota DPRD provinsi di {kec}",
        "Alun-alun {kec}",
        "Kegiatan diberitahukan kepada kepolisian dan KPU; hadiah undian berupa barang "
        "bernilai di bawah Rp1.000.000 sesuai ketentuan kegiatan lain.",
        "",
    ),
]


def peserta_pemilu_2024(jenis, nomor):
    """The Pemilu 2024 participant of that kind and ballot number, created if missing."""
    pemilu = pemilihan_demo("pemilu-2024")
    nama = next(n for j, k, n in PESERTA_PEMILU_2024 if (j, k) == (jenis, nomor))
    peserta, _created = PesertaPemilu.objects.get_or_create(
        pemilihan=pemilu, jenis=jenis, nomor_urut=nomor, defaults={"nama": nama}
    )
    return peserta


def demo_setup():
    """Every Pemilu 2024 participant above (idempotent: existing rows are left as they are)."""
    for jenis, nomor, _nama in PESERTA_PEMILU_2024:
        peserta_pemilu_2024(jenis, nomor)


def _kecamatan(satker, i):
    anak = Wilayah.objects.filter(induk_id=satker.wilayah_id).order_by("kode")[i % 3 : i % 3 + 1]
    return anak.first() or satker.wilayah


def demo_records(satker, i):
    """An unsaved, valid campaign record of `satker` (any kab/kota office), scenario `i`."""
    tanggal, metode, (jenis, nomor), judul, tempat, hasil, tindak_lanjut = KEGIATAN[
        i % len(KEGIATAN)
    ]
    wilayah = _kecamatan(satker, i)
    tempat_nama = {
        "kec": wilayah.nama if wilayah is not None else satker.nama,
        "kab": satker.wilayah.nama if satker.wilayah else satker.nama,
    }
    judul = judul.format(**tempat_nama)
    if i >= len(KEGIATAN):
        judul += f" (kegiatan ke-{i + 1})"
    return Kampanye(
        satker=satker,
        wilayah=wilayah,
        pemilihan=pemilihan_demo("pemilu-2024"),
        tahapan="Masa kampanye (28 November 2023 – 10 Februari 2024)",
        judul=judul,
        tanggal=tanggal,
        peserta=peserta_pemilu_2024(jenis, nomor),
        metode=metode,
        tempat=tempat.format(**tempat_nama),
        hasil_pengawasan=hasil,
        dugaan_pelanggaran=bool(tindak_lanjut),
        tindak_lanjut=tindak_lanjut,
        catatan_internal="Catatan internal: kontak penanggung jawab kegiatan 0812-0000-0000.",
    )
