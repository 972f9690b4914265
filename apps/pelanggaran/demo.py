"""Demo cases: a report just received, a finding and a report waiting for their study (one of
them overdue), a report not registered, a finding that was no violation, and cases forwarded to
Sentra Gakkumdu, the KPU and BKN with their outcomes. Open cases are dated relative to today so
their deadlines are live; closed ones lie in the Pemilu 2024 campaign period."""

import datetime as dt

from django.utils import timezone

from apps.pelanggaran.models import (
    HasilKajian,
    Instansi,
    JenisPelanggaran,
    Pelanggaran,
    Pelapor,
    Registrasi,
    Sumber,
)

SYARAT_LENGKAP = {
    "syarat_formal_pelapor": True,
    "syarat_formal_terlapor": True,
    "syarat_formal_waktu": True,
    "syarat_materiel_peristiwa": True,
    "syarat_materiel_uraian": True,
    "syarat_materiel_bukti": True,
}


def _nama_wilayah(satker):
    return satker.wilayah.nama if satker.wilayah else satker.nama


def _kasus(i, hari_ini):
    d = dt.timedelta
    kasus = [
        # 0: a report received two days ago, requirements not yet checked
        {
            "sumber": Sumber.LAPORAN,
            "judul": "Dugaan pembagian sembako oleh tim kampanye di {w}",
            "tanggal_diketahui": hari_ini - d(4),
            "tanggal_laporan": hari_ini - d(2),
        },
        # 1: a finding registered three days ago, study due in four days
        {
            "sumber": Sumber.TEMUAN,
            "judul": "Alat peraga kampanye di tempat ibadah di {w}",
            "tanggal_diketahui": hari_ini - d(4),
            "tanggal_laporan": hari_ini - d(4),
            "registrasi": Registrasi.DIREGISTRASI,
            "tanggal_registrasi": hari_ini - d(3),
        },
        # 2: a report registered ten days ago, more information requested, study overdue
        {
            "sumber": Sumber.LAPORAN,
            "judul": "Dugaan politik uang menjelang pemungutan suara ulang di {w}",
            "tanggal_diketahui": hari_ini - d(20),
            "tanggal_laporan": hari_ini - d(18),
            "tanggal_kajian_awal": hari_ini - d(17),
            **SYARAT_LENGKAP,
            "registrasi": Registrasi.DIREGISTRASI,
            "tanggal_registrasi": hari_ini - d(16),
            "perlu_keterangan_tambahan": True,
        },
        # 3: a report filed too late, not registered
        {
            "sumber": Sumber.LAPORAN,
            "judul": "Dugaan kampanye di luar jadwal di {w}",
            "tanggal_diketahui": dt.date(2024, 1, 2),
            "tanggal_laporan": dt.date(2024, 1, 15),
            "tanggal_kajian_awal": dt.date(2024, 1, 16),
            **SYARAT_LENGKAP,
            "syarat_formal_waktu": False,
            "registrasi": Registrasi.TIDAK,
            "tanggal_registrasi": dt.date(2024, 1, 17),
            "alasan_tidak_diregistrasi": (
                "Laporan disampaikan 13 hari sejak peristiwa diketahui, melewati batas 7 hari "
                "(UU 7/2017 Pasal 454 ayat 2)."
            ),
        },
        # 4: a finding studied and found not to be a violation
        {
            "sumber": Sumber.TEMUAN,
            "judul": "Baliho calon anggota DPRD di fasilitas pendidikan di {w}",
            "tanggal_diketahui": dt.date(2024, 1, 8),
            "tanggal_laporan": dt.date(2024, 1, 9),
            "registrasi": Registrasi.DIREGISTRASI,
            "tanggal_registrasi": dt.date(2024, 1, 10),
            "tanggal_kajian": dt.date(2024, 1, 16),
            "hasil_kajian": HasilKajian.BUKAN,
        },
        # 5: a report of vote buying, forwarded to Sentra Gakkumdu
        {
            "sumber": Sumber.LAPORAN,
            "judul": "Dugaan politik uang di {w}",
            "tanggal_diketahui": dt.date(2024, 2, 10),
            "tanggal_laporan": dt.date(2024, 2, 12),
            "tanggal_kajian_awal": dt.date(2024, 2, 13),
            **SYARAT_LENGKAP,
            "registrasi": Registrasi.DIREGISTRASI,
            "tanggal_registrasi": dt.date(2024, 2, 14),
            "tanggal_kajian": dt.date(2024, 2, 20),
            "hasil_kajian": HasilKajian.PELANGGARAN,
            "jenis_pelanggaran": JenisPelanggaran.PIDANA,
            "diteruskan_ke": Instansi.GAKKUMDU,
            "tanggal_penerusan": dt.date(2024, 2, 21),
            "nomor_surat_penerusan": "021/PP.01.02/K.LA-{k}/02/2024",
        },
        # 6: a finding of an administrative violation, forwarded to the KPU, followed up
        {
            "sumber": Sumber.TEMUAN,
            "judul": "Rekapitulasi tidak sesuai prosedur di PPK di {w}",
            "tanggal_diketahui": dt.date(2024, 2, 17),
            "tanggal_laporan": dt.date(2024, 2, 17),
            "registrasi": Registrasi.DIREGISTRASI,
            "tanggal_registrasi": dt.date(2024, 2, 18),
            "tanggal_kajian": dt.date(2024, 2, 23),
            "hasil_kajian": HasilKajian.PELANGGARAN,
            "jenis_pelanggaran": JenisPelanggaran.ADMINISTRATIF,
            "diteruskan_ke": Instansi.KPU,
            "tanggal_penerusan": dt.date(2024, 2, 24),
            "nomor_surat_penerusan": "034/PP.01.02/K.LA-{k}/02/2024",
            "tanggal_hasil_akhir": dt.date(2024, 2, 27),
            "hasil_akhir": "KPU melaksanakan rekomendasi: rekapitulasi di PPK diulang.",
        },
        # 7: a village official's partisanship (netralitas ASN), forwarded to BKN
        {
            "sumber": Sumber.TEMUAN,
            "judul": "Kepala bidang di pemerintah daerah {w} hadir dalam kampanye",
            "tanggal_diketahui": dt.date(2024, 1, 20),
            "tanggal_laporan": dt.date(2024, 1, 21),
            "registrasi": Registrasi.DIREGISTRASI,
            "tanggal_registrasi": dt.date(2024, 1, 22),
            "perlu_keterangan_tambahan": True,
            "tanggal_kajian": dt.date(2024, 2, 2),
            "hasil_kajian": HasilKajian.PELANGGARAN,
            "jenis_pelanggaran": JenisPelanggaran.NETRALITAS_ASN,
            "diteruskan_ke": Instansi.BKN,
            "tanggal_penerusan": dt.date(2024, 2, 5),
            "nomor_surat_penerusan": "019/PP.01.02/K.LA-{k}/02/2024",
            "tanggal_hasil_akhir": dt.date(2024, 3, 18),
            "hasil_akhir": "BKN menjatuhkan sanksi moral berupa pernyataan secara terbuka.",
        },
    ]
    return kasus[i % len(kasus)]


def demo_records(satker, i):
    hari_ini = timezone.localdate()
    nilai = dict(_kasus(i, hari_ini))
    w = _nama_wilayah(satker)
    nilai["judul"] = nilai["judul"].format(w=w)
    if "nomor_surat_penerusan" in nilai:
        nilai["nomor_surat_penerusan"] = nilai["nomor_surat_penerusan"].format(k=satker.kode)
    laporan = nilai["sumber"] == Sumber.LAPORAN
    return Pelanggaran(
        satker=satker,
        wilayah=satker.wilayah,
        ringkasan=(
            f"{'Laporan masyarakat' if laporan else 'Temuan pengawas'} tentang "
            f"{nilai['judul'][0].lower()}{nilai['judul'][1:]}."
        ),
        uraian="Uraian internal: kronologi, saksi dan bukti foto tersimpan pada berkas perkara.",
        terlapor="Tim kampanye calon (nama dalam berkas perkara)",
        tempat_kejadian=w,
        tanggal_kejadian=nilai["tanggal_diketahui"],
        **nilai,
    )


def nik_contoh(satker, i):
    """A plausible NIK of someone living in the office's area (born 15-07-1985)."""
    kode = (satker.wilayah_id or "18.72").replace(".", "")
    kode = (kode + "01")[:6] if len(kode) == 4 else kode[:6].ljust(6, "1")
    return f"{kode}{150785 + 400000 * (i % 2)}{i + 1:04d}"


def demo_anak(rekaman, i):
    """The reporter of a demo report (fictitious person)."""
    if rekaman.sumber != Sumber.LAPORAN or rekaman.pelapor.exists():
        return
    Pelapor.objects.create(
        pelanggaran=rekaman,
        nama=("Siti Rahmawati", "Andi Saputra", "Dwi Lestari", "Yoga Pratama")[i % 4],
        nik=nik_contoh(rekaman.satker, i),
        alamat=f"Jl. Merdeka No. {10 + i}, {_nama_wilayah(rekaman.satker)}",
        telepon=f"08127{i:03d}4567",
        email=f"pelapor{i}@contoh.id",
    )
