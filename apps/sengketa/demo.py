"""Demo disputes: an application just received, one registered and waiting for mediation, one
settled by agreement at mediation, one in adjudication whose 12-day clock has run out, three
decided (granted in whole, in part, rejected and taken to the PTUN) and one not registered and
declared not admissible. Every date is relative to today and every step is on time, except one
late registration that carries its reason, so the records stay valid whenever the demo runs."""

import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from apps.core.demo import pdf_contoh
from apps.kalender.services import jatuh_tempo
from apps.sengketa.models import (
    AmarPutusan,
    HasilMediasi,
    JenisPemohon,
    KontakPemohon,
    Registrasi,
    Sengketa,
    UpayaHukum,
    termohon_bawaan,
)

HARI = dt.timedelta(days=1)
DOKUMEN_DEMO = "sengketa/contoh/putusan-contoh.pdf"

# pemohon, jenis, what the KPU decided, what the applicant says, what it asks for
PERMOHONAN = [
    (
        "Partai Kebangkitan Nusantara (PKN)",
        JenisPemohon.PARTAI,
        "Daftar Calon Sementara Anggota DPRD",
        "Pemohon keberatan atas dicoretnya dua bakal calon dari Daftar Calon Sementara karena "
        "dinilai tidak memenuhi syarat kesehatan.",
        "Membatalkan keputusan termohon dan memasukkan kembali dua bakal calon pemohon.",
    ),
    (
        "Partai Buruh",
        JenisPemohon.PARTAI,
        "Hasil Verifikasi Administrasi Dokumen Persyaratan Bakal Calon",
        "Pemohon mendalilkan dokumen persyaratan tiga bakal calon telah diunggah tepat waktu "
        "tetapi dinyatakan belum memenuhi syarat.",
        "Menyatakan dokumen persyaratan bakal calon pemohon memenuhi syarat.",
    ),
    (
        "Partai Ummat",
        JenisPemohon.PARTAI,
        "Penetapan Daftar Calon Tetap Anggota DPRD",
        "Pemohon mempersoalkan urutan bakal calon pada daerah pemilihan 2 yang berbeda dari "
        "daftar yang diajukan.",
        "Memerintahkan termohon memperbaiki nomor urut calon sesuai pengajuan pemohon.",
    ),
    (
        "Partai Gelombang Rakyat Indonesia (Gelora)",
        JenisPemohon.PARTAI,
        "Daftar Calon Tetap Anggota DPRD",
        "Pemohon keberatan atas tidak ditetapkannya satu calon karena dinilai masih berstatus "
        "aparatur sipil negara.",
        "Menetapkan calon pemohon dalam Daftar Calon Tetap.",
    ),
    (
        "Partai Hati Nurani Rakyat (Hanura)",
        JenisPemohon.PARTAI,
        "Daftar Calon Tetap Anggota DPRD",
        "Pemohon mendalilkan keterwakilan perempuan di daerah pemilihan 3 telah terpenuhi "
        "setelah perbaikan, tetapi daftar calonnya dinyatakan tidak memenuhi syarat.",
        "Menyatakan daftar calon pemohon di daerah pemilihan 3 memenuhi syarat.",
    ),
    (
        "Partai Bulan Bintang (PBB)",
        JenisPemohon.PARTAI,
        "Hasil Verifikasi Faktual Keanggotaan Partai Politik",
        "Pemohon mempersoalkan anggota yang dinyatakan tidak memenuhi syarat karena tidak "
        "ditemui saat verifikasi faktual.",
        "Menyatakan keanggotaan pemohon memenuhi syarat.",
    ),
    (
        "Partai Solidaritas Indonesia (PSI)",
        JenisPemohon.PARTAI,
        "Daftar Calon Tetap Anggota DPRD",
        "Pemohon keberatan atas dicoretnya calon yang dinilai terlambat menyerahkan laporan "
        "harta kekayaan.",
        "Membatalkan keputusan termohon sepanjang mengenai calon pemohon.",
    ),
    (
        "Partai Persatuan Indonesia (Perindo)",
        JenisPemohon.PARTAI,
        "Daftar Calon Sementara Anggota DPRD",
        "Pemohon mengajukan permohonan atas keputusan yang ditetapkan dua minggu sebelumnya.",
        "Membatalkan keputusan termohon.",
    ),
]

RINGKASAN = {
    AmarPutusan.DIKABULKAN_SELURUHNYA: (
        "Majelis adjudikasi mengabulkan permohonan seluruhnya dan memerintahkan termohon "
        "menindaklanjuti putusan paling lama 3 hari kerja."
    ),
    AmarPutusan.DIKABULKAN_SEBAGIAN: (
        "Majelis adjudikasi mengabulkan permohonan sebagian: sebagian dalil pemohon terbukti "
        "dan termohon diperintahkan melakukan verifikasi ulang."
    ),
    AmarPutusan.DITOLAK: (
        "Majelis adjudikasi menolak permohonan karena dalil pemohon tidak terbukti; keputusan "
        "termohon tetap berlaku."
    ),
    AmarPutusan.TIDAK_DAPAT_DITERIMA: (
        "Permohonan tidak dapat diterima karena diajukan melewati 3 hari kerja sejak "
        "keputusan termohon ditetapkan."
    ),
}


def _baru(hari_ini):
    return {"tanggal_diterima": hari_ini - HARI}


def _menunggu_mediasi(hari_ini):
    terima = hari_ini - 2 * HARI
    return _diregistrasi(terima, terima + HARI)


def _sepakat(hari_ini):
    terima = hari_ini - 40 * HARI
    return _mediasi(_diregistrasi(terima, terima + HARI), HasilMediasi.SEPAKAT)


def _adjudikasi_lewat_tenggat(hari_ini):
    """Hearings under way; the 12-day clock ran out four days ago."""
    terima = hari_ini - 16 * HARI
    return _sidang(_mediasi(_diregistrasi(terima, terima + HARI)), 3)


def _dikabulkan(hari_ini):
    terima = hari_ini - 60 * HARI
    return _putus(
        _sidang(_mediasi(_diregistrasi(terima, terima + HARI)), 4),
        terima + 11 * HARI,
        AmarPutusan.DIKABULKAN_SELURUHNYA,
    )


def _dikabulkan_sebagian_registrasi_terlambat(hari_ini):
    """Registered a day after its due date: the reason is recorded."""
    terima = hari_ini - 95 * HARI
    registrasi = jatuh_tempo(terima, "registrasi_sengketa") + HARI
    nilai = _sidang(_mediasi(_diregistrasi(terima, registrasi)), 3)
    nilai["alasan_terlambat"] = (
        "Berkas permohonan baru selesai diverifikasi sehari setelah batas waktu registrasi "
        "karena lima permohonan diterima bersamaan pada tahap pencalonan."
    )
    return _putus(
        nilai,
        max(terima + 12 * HARI, nilai["tanggal_sidang_pertama"] + HARI),
        AmarPutusan.DIKABULKAN_SEBAGIAN,
    )


def _ditolak_lalu_ptun(hari_ini):
    terima = hari_ini - 130 * HARI
    nilai = _putus(
        _sidang(_mediasi(_diregistrasi(terima, terima + HARI)), 5),
        terima + 12 * HARI,
        AmarPutusan.DITOLAK,
    )
    nilai["upaya_hukum"] = UpayaHukum.PTUN
    nilai["tanggal_upaya_hukum"] = nilai["tanggal_putusan"] + 3 * HARI
    return nilai


def _tidak_diregistrasi(hari_ini):
    """Filed two weeks after the KPU decision: not registered, not admissible."""
    terima = hari_ini - 25 * HARI
    return {
        "tanggal_objek": terima - 14 * HARI,
        "tanggal_diterima": terima,
        "registrasi": Registrasi.TIDAK,
        "tanggal_registrasi": terima + 2 * HARI,
        "keterangan_registrasi": (
            "Permohonan diajukan 14 hari sejak keputusan KPU ditetapkan, melewati batas 3 hari "
            "kerja (Perbawaslu 9/2022)."
        ),
        "tanggal_putusan": terima + 3 * HARI,
        "amar_putusan": AmarPutusan.TIDAK_DAPAT_DITERIMA,
        "ringkasan_putusan": RINGKASAN[AmarPutusan.TIDAK_DAPAT_DITERIMA],
    }


# the steps of demo case i, in the order of PERMOHONAN: field values, dates relative to today
JALUR = (
    _baru,
    _menunggu_mediasi,
    _sepakat,
    _adjudikasi_lewat_tenggat,
    _dikabulkan,
    _dikabulkan_sebagian_registrasi_terlambat,
    _ditolak_lalu_ptun,
    _tidak_diregistrasi,
)


def _diregistrasi(terima, registrasi):
    return {
        "tanggal_diterima": terima,
        "registrasi": Registrasi.DIREGISTRASI,
        "tanggal_registrasi": registrasi,
    }


def _mediasi(nilai, hasil=HasilMediasi.TIDAK_SEPAKAT):
    nilai |= {"tanggal_mediasi": nilai["tanggal_registrasi"] + HARI, "hasil_mediasi": hasil}
    if hasil == HasilMediasi.SEPAKAT:
        nilai["catatan_mediasi"] = (
            "Para pihak sepakat: termohon menerbitkan keputusan perbaikan paling lama 3 hari."
        )
    return nilai


def _sidang(nilai, jumlah):
    return nilai | {
        "tanggal_sidang_pertama": nilai["tanggal_mediasi"] + HARI,
        "jumlah_sidang": jumlah,
        "catatan_adjudikasi": "Pemeriksaan saksi dan ahli; kesimpulan para pihak diterima.",
    }


def _putus(nilai, tanggal, amar):
    return nilai | {
        "tanggal_putusan": tanggal,
        "amar_putusan": amar,
        "ringkasan_putusan": RINGKASAN[amar],
        "dokumen_putusan": dokumen_demo(),
    }


def dokumen_demo():
    """The stored name of the one demo decision PDF (written once)."""
    if not default_storage.exists(DOKUMEN_DEMO):
        teks = "Contoh salinan putusan sengketa proses - data demo Bawaslu Data Center"
        default_storage.save(DOKUMEN_DEMO, ContentFile(pdf_contoh(teks)))
    return DOKUMEN_DEMO


def demo_records(satker, i):
    i %= len(PERMOHONAN)
    hari_ini = timezone.localdate()
    pemohon, jenis, objek, pokok, petitum = PERMOHONAN[i]
    nilai = JALUR[i](hari_ini)
    termohon = termohon_bawaan(satker)
    nilai.setdefault("tanggal_objek", nilai["tanggal_diterima"] - HARI)
    return Sengketa(
        satker=satker,
        wilayah=satker.wilayah,
        pemohon=pemohon,
        jenis_pemohon=jenis,
        termohon=termohon,
        nomor_objek=(
            f"Keputusan {termohon} Nomor {40 + i} Tahun {nilai['tanggal_objek'].year} "
            f"tentang {objek}"
        ),
        pokok_permohonan=pokok,
        petitum=petitum,
        catatan_internal="Catatan internal: berkas asli permohonan di lemari arsip sengketa.",
        **nilai,
    )


def demo_anak(rekaman, i):
    """The applicant's contact person (fictitious)."""
    if rekaman.kontak.exists():
        return
    wilayah = rekaman.satker.wilayah.nama if rekaman.satker.wilayah else rekaman.satker.nama
    KontakPemohon.objects.create(
        sengketa=rekaman,
        nama=("Rudi Hartono", "Maya Anggraini", "Fajar Nugroho", "Lina Marlina")[i % 4],
        telepon=f"08137{i:03d}2468",
        email=f"kuasa.pemohon{i}@contoh.id",
        alamat=f"Jl. Ahmad Yani No. {20 + i}, {wilayah}",
    )
