import datetime as dt

from apps.pencegahan.models import JenisPencegahan, Pencegahan
from apps.wilayah.models import Wilayah

KEGIATAN = [
    (
        JenisPencegahan.SOSIALISASI,
        "Sosialisasi pengawasan partisipatif bagi pemilih pemula",
        "Pelajar SMA/SMK",
        120,
    ),
    (
        JenisPencegahan.IMBAUAN,
        "Surat imbauan netralitas ASN menjelang masa kampanye",
        "ASN pemerintah daerah",
        0,
    ),
    (
        JenisPencegahan.PATROLI,
        "Patroli pengawasan masa tenang",
        "Peserta pemilu dan tim kampanye",
        0,
    ),
    (
        JenisPencegahan.RAKOR,
        "Rapat koordinasi pengawasan pemutakhiran data pemilih",
        "KPU dan Disdukcapil",
        35,
    ),
    (
        JenisPencegahan.SARAN_PERBAIKAN,
        "Saran perbaikan penempatan TPS di daerah rawan banjir",
        "KPU kabupaten/kota",
        0,
    ),
    (
        JenisPencegahan.KERJA_SAMA,
        "Penandatanganan kerja sama pengawasan dengan perguruan tinggi",
        "Perguruan tinggi",
        40,
    ),
    (
        JenisPencegahan.PENDIDIKAN,
        "Sekolah Kader Pengawasan Partisipatif angkatan III",
        "Pemuda dan mahasiswa",
        60,
    ),
    (
        JenisPencegahan.LAINNYA,
        "Dialog publik pencegahan politik uang",
        "Tokoh agama dan masyarakat",
        80,
    ),
]


def demo_records(satker, i):
    jenis, judul, sasaran, peserta = KEGIATAN[i % len(KEGIATAN)]
    tanggal = dt.date(2024, 1, 8) + dt.timedelta(days=9 * i)
    kecamatan = Wilayah.objects.filter(induk_id=satker.wilayah_id).order_by("kode")[
        i % 3 : i % 3 + 1
    ]
    return Pencegahan(
        satker=satker,
        wilayah=kecamatan.first() or satker.wilayah,
        jenis=jenis,
        judul=f"{judul} — {satker.wilayah.nama}",
        tanggal=tanggal,
        tempat=f"Aula Bawaslu {satker.wilayah.nama}",
        sasaran=sasaran,
        jumlah_peserta=peserta,
        ringkasan=(
            f"{jenis.label} oleh {satker.nama}. Kegiatan membahas potensi pelanggaran dan "
            "langkah pencegahan bersama para pemangku kepentingan."
        ),
        hasil="Peserta memahami larangan dan mekanisme pelaporan pelanggaran.",
        catatan_internal="Catatan internal: nomor kontak narasumber 0812-0000-0000.",
    )
