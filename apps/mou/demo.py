"""Demo agreements for `seed_demo` and the shared tests: realistic partners of a kab/kota office
and validity dates relative to today, so the demo always shows valid, ending-soon and ended
agreements."""

import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from apps.core.demo import pdf_contoh
from apps.mou.models import JenisMitra, Mou

DOKUMEN_DEMO = "mou/contoh/perjanjian-kerja-sama-contoh.pdf"

# Lampung offices get the partners they really work with; any other office gets generic ones.
MITRA_SETEMPAT = {
    "18.72": {
        "kampus": "Universitas Muhammadiyah Metro",
        "kampus_2": "Institut Agama Islam Negeri (IAIN) Metro",
        "polres": "Kepolisian Resor Metro",
        "kejari": "Kejaksaan Negeri Metro",
        "media": "Lampung Post",
    },
    "18.01": {
        "kampus": "Institut Teknologi Sumatera (ITERA)",
        "kampus_2": "Universitas Lampung",
        "polres": "Kepolisian Resor Lampung Selatan",
        "kejari": "Kejaksaan Negeri Lampung Selatan",
        "media": "Lampung Post",
    },
}

# judul, ruang lingkup, partners as (key or text, kind), days signed before today,
# days valid after today (negative: already ended)
PERJANJIAN = [
    (
        "Kerja sama pengawasan partisipatif Pemilu dan Pemilihan",
        "Sosialisasi pengawasan partisipatif, dukungan sarana kegiatan dan pertukaran informasi "
        "kerawanan pemilu di tingkat kecamatan dan kelurahan.",
        [("pemda", JenisMitra.PEMDA)],
        210,
        520,
    ),
    (
        "Pendidikan pengawas partisipatif bagi mahasiswa",
        "Kuliah kerja nyata tematik pengawasan pemilu, magang mahasiswa dan riset kepemiluan.",
        [("kampus", JenisMitra.PERGURUAN_TINGGI)],
        1050,
        45,
    ),
    (
        "Pencegahan dan penanganan tindak pidana pemilu",
        "Koordinasi Sentra Gakkumdu, pengamanan kegiatan pengawasan dan pertukaran data "
        "dugaan tindak pidana pemilu.",
        [("polres", JenisMitra.INSTANSI_VERTIKAL), ("kejari", JenisMitra.INSTANSI_VERTIKAL)],
        900,
        -70,
    ),
    (
        "Publikasi dan sosialisasi pengawasan pemilu melalui media",
        "Peliputan kegiatan pengawasan, ruang iklan layanan masyarakat dan pelatihan "
        "jurnalisme pemilu.",
        [("media", JenisMitra.MEDIA)],
        150,
        580,
    ),
    (
        "Riset kepemiluan dan Sekolah Kader Pengawasan Partisipatif",
        "Penelitian bersama tentang partisipasi pemilih, narasumber Sekolah Kader Pengawasan "
        "Partisipatif dan pengabdian masyarakat dosen.",
        [("kampus", JenisMitra.PERGURUAN_TINGGI), ("kampus_2", JenisMitra.PERGURUAN_TINGGI)],
        320,
        760,
    ),
    (
        "Pengawasan netralitas aparatur sipil negara",
        "Imbauan dan pemantauan netralitas ASN, penerusan dugaan pelanggaran netralitas dan "
        "sosialisasi bersama kepada perangkat daerah.",
        [("pemda", JenisMitra.PEMDA)],
        700,
        20,
    ),
    (
        "Gerakan tolak politik uang berbasis komunitas",
        "Pembentukan kampung anti politik uang, pelatihan relawan dan kampanye bersama di "
        "rumah ibadah.",
        [("ormas", JenisMitra.ORMAS)],
        1200,
        -180,
    ),
    (
        "Dukungan data kependudukan untuk pengawasan daftar pemilih",
        "Pemadanan data kependudukan untuk pengawasan pemutakhiran daftar pemilih, dengan "
        "perlindungan data pribadi.",
        [("pemda", JenisMitra.PEMDA), ("kemenag", JenisMitra.INSTANSI_VERTIKAL)],
        90,
        640,
    ),
]

BULAN_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _tanpa_jenis(nama_wilayah):
    for awalan in ("Kabupaten ", "Kota "):
        if nama_wilayah.startswith(awalan):
            return nama_wilayah[len(awalan) :]
    return nama_wilayah


def _mitra(kunci, satker):
    wilayah = satker.wilayah.nama if satker.wilayah else satker.nama
    singkat = _tanpa_jenis(wilayah)
    setempat = MITRA_SETEMPAT.get(satker.kode, {})
    umum = {
        "pemda": f"Pemerintah {wilayah}",
        "kampus": "Universitas Terbuka",
        "kampus_2": "Universitas Negeri setempat",
        "polres": f"Kepolisian Resor {singkat}",
        "kejari": f"Kejaksaan Negeri {singkat}",
        "media": f"Lembaga Penyiaran Publik RRI {singkat}",
        "ormas": f"Pimpinan Daerah Muhammadiyah {wilayah}",
        "kemenag": f"Kantor Kementerian Agama {wilayah}",
    }
    return setempat.get(kunci) or umum[kunci]


def dokumen_demo():
    """The stored name of the one demo PDF every demo agreement points to (written once)."""
    if not default_storage.exists(DOKUMEN_DEMO):
        default_storage.save(DOKUMEN_DEMO, ContentFile(pdf_contoh()))
    return DOKUMEN_DEMO


def _nomor_bebas(satker, i, tanggal):
    """Number i+1 of that month, or a higher one when any record already carries it (callers
    may hand the record to another office), so the hook returns a valid record however often
    it is called."""
    akhiran = f"/PKS/BAWASLU-{satker.kode}/{BULAN_ROMAWI[tanggal.month - 1]}/{tanggal.year}"
    urut = i + 1
    while Mou.objects.filter(nomor=f"{urut:03d}{akhiran}").exists():
        urut += 100
    return f"{urut:03d}{akhiran}"


def demo_records(satker, i):
    judul, lingkup, mitra, sejak, sisa = PERJANJIAN[i % len(PERJANJIAN)]
    hari_ini = timezone.localdate()
    tanggal_ttd = hari_ini - dt.timedelta(days=sejak)
    mitra = [(_mitra(kunci, satker), jenis) for kunci, jenis in mitra]
    mou = Mou(
        satker=satker,
        wilayah=satker.wilayah,
        nomor=_nomor_bebas(satker, i, tanggal_ttd),
        judul=f"{judul} dengan {mitra[0][0]}",
        tanggal_ttd=tanggal_ttd,
        berlaku_sampai=hari_ini + dt.timedelta(days=sisa),
        ruang_lingkup=lingkup,
        catatan_internal=(
            "Catatan internal: draf adendum sedang dibahas; kontak mitra 0812-0000-0000."
        ),
        dokumen=dokumen_demo(),
    )
    mou.mitra_baru = mitra
    return mou
