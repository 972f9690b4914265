"""The POST data of the agreement form, partners included, as a browser sends it."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.demo import pdf_contoh

PREFIX = "mitramou"


def berkas_pdf(nama="perjanjian.pdf", isi=None):
    return SimpleUploadedFile(nama, pdf_contoh() if isi is None else isi, "application/pdf")


def data_mou(satker, mitra=(("Pemerintah Kota Metro", "pemda"),), awal=(), **ganti):
    """`mitra`: new partner rows (nama, jenis); `awal`: existing rows as (id, nama, jenis,
    hapus)."""
    hari_ini = timezone.localdate()
    data = {
        "satker": satker.pk,
        "wilayah": satker.wilayah_id,
        "pemilihan": "",
        "nomor": "017/PKS/BAWASLU-18.72/III/2025",
        "judul": "Kerja sama pengawasan partisipatif dengan Universitas Muhammadiyah Metro",
        "tanggal_ttd": (hari_ini - dt.timedelta(days=200)).isoformat(),
        "berlaku_sampai": (hari_ini + dt.timedelta(days=900)).isoformat(),
        "ruang_lingkup": "Magang mahasiswa, riset kepemiluan dan sosialisasi bersama.",
        "catatan_internal": "",
        "version": "",
        f"{PREFIX}-TOTAL_FORMS": str(max(len(awal) + len(mitra), 1)),
        f"{PREFIX}-INITIAL_FORMS": str(len(awal)),
        f"{PREFIX}-MIN_NUM_FORMS": "1",
        f"{PREFIX}-MAX_NUM_FORMS": "1000",
    }
    for n, (pk, nama, jenis, hapus) in enumerate(awal):
        data |= {f"{PREFIX}-{n}-id": pk, f"{PREFIX}-{n}-nama": nama, f"{PREFIX}-{n}-jenis": jenis}
        if hapus:
            data[f"{PREFIX}-{n}-DELETE"] = "on"
    for n, (nama, jenis) in enumerate(mitra, start=len(awal)):
        data |= {f"{PREFIX}-{n}-nama": nama, f"{PREFIX}-{n}-jenis": jenis}
    if not (awal or mitra):
        # the blank row a browser sends when nobody typed a partner
        data |= {f"{PREFIX}-0-nama": "", f"{PREFIX}-0-jenis": ""}
    data.update(ganti)
    return data
