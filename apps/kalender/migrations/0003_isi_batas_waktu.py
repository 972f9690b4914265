"""Seeds the legal time limits used by case handling, disputes and PPID requests."""

from django.db import migrations

UU_PEMILU = "UU 7/2017"
UU_KIP = "UU 14/2008"
PERBAWASLU_SENGKETA = "Perbawaslu 9/2022"

# kode, nama, panjang, satuan, dasar_hukum, keterangan
BATAS_WAKTU = [
    (
        "laporan_pelanggaran",
        "Penyampaian laporan pelanggaran",
        7,
        "hari",
        f"{UU_PEMILU} Pasal 454 ayat (2)",
        "Laporan disampaikan paling lama 7 hari sejak diketahuinya dugaan pelanggaran.",
    ),
    (
        "penanganan_pelanggaran",
        "Penanganan temuan dan laporan pelanggaran",
        7,
        "hari",
        f"{UU_PEMILU} Pasal 454 ayat (6)",
        "Temuan dan laporan diputus paling lama 7 hari setelah diregistrasi.",
    ),
    (
        "penanganan_tambahan",
        "Perpanjangan penanganan pelanggaran",
        7,
        "hari",
        f"{UU_PEMILU} Pasal 454 ayat (7)",
        "Tambahan paling lama 7 hari bila masih diperlukan keterangan tambahan.",
    ),
    (
        "registrasi_sengketa",
        "Registrasi permohonan sengketa proses",
        3,
        "hari_kerja",
        PERBAWASLU_SENGKETA,
        "Permohonan diregistrasi paling lama 3 hari kerja sejak diterima.",
    ),
    (
        "mediasi_sengketa",
        "Mediasi sengketa proses",
        2,
        "hari_kerja",
        PERBAWASLU_SENGKETA,
        "Mediasi dimulai paling lama 2 hari kerja sejak permohonan diregistrasi.",
    ),
    (
        "putusan_sengketa",
        "Putusan sengketa proses",
        12,
        "hari",
        f"{UU_PEMILU} Pasal 468 ayat (2)",
        "Sengketa diputus paling lama 12 hari sejak permohonan diterima.",
    ),
    (
        "jawaban_ppid",
        "Jawaban permohonan informasi",
        10,
        "hari_kerja",
        f"{UU_KIP} Pasal 22 ayat (7)",
        "Pemberitahuan tertulis paling lambat 10 hari kerja sejak permohonan diterima.",
    ),
    (
        "perpanjangan_ppid",
        "Perpanjangan jawaban permohonan informasi",
        7,
        "hari_kerja",
        f"{UU_KIP} Pasal 22 ayat (8)",
        "Dapat diperpanjang paling lambat 7 hari kerja dengan pemberitahuan tertulis.",
    ),
    (
        "pengajuan_keberatan",
        "Pengajuan keberatan informasi",
        30,
        "hari_kerja",
        f"{UU_KIP} Pasal 35-36",
        "Keberatan diajukan paling lambat 30 hari kerja setelah alasan keberatan ditemukan.",
    ),
    (
        "tanggapan_keberatan",
        "Tanggapan atas keberatan informasi",
        30,
        "hari_kerja",
        f"{UU_KIP} Pasal 36",
        "Atasan PPID memberi tanggapan paling lambat 30 hari kerja sejak keberatan dicatat.",
    ),
]


def isi_batas_waktu(apps, schema_editor):
    BatasWaktu = apps.get_model("kalender", "BatasWaktu")
    for kode, nama, panjang, satuan, dasar_hukum, keterangan in BATAS_WAKTU:
        BatasWaktu.objects.update_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "panjang": panjang,
                "satuan": satuan,
                "dasar_hukum": dasar_hukum,
                "keterangan": keterangan,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("kalender", "0002_isi_hari_libur")]

    operations = [migrations.RunPython(isi_batas_waktu, migrations.RunPython.noop)]
