"""Rules of a violation case: step order, deadlines, register numbers (UU 7/2017 Pasal 454)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.core.services import buat_rekaman, ubah_rekaman
from apps.pelanggaran.models import (
    HasilKajian,
    Instansi,
    JenisPelanggaran,
    Pelanggaran,
    Pelapor,
    Registrasi,
    Sumber,
    periksa_nik,
)
from tests.conftest import segar

pytestmark = pytest.mark.django_db

D = dt.date
SYARAT = {
    "syarat_formal_pelapor": True,
    "syarat_formal_terlapor": True,
    "syarat_formal_waktu": True,
    "syarat_materiel_peristiwa": True,
    "syarat_materiel_uraian": True,
    "syarat_materiel_bukti": True,
}
TERDAFTAR = {
    **SYARAT,
    "tanggal_kajian_awal": D(2024, 2, 13),
    "registrasi": Registrasi.DIREGISTRASI,
    "tanggal_registrasi": D(2024, 2, 14),
}
TERBUKTI = {
    **TERDAFTAR,
    "tanggal_kajian": D(2024, 2, 20),
    "hasil_kajian": HasilKajian.PELANGGARAN,
    "jenis_pelanggaran": JenisPelanggaran.PIDANA,
}


def galat(obj):
    with pytest.raises(ValidationError) as e:
        obj.full_clean()
    return e.value.message_dict


# ---- deadlines -------------------------------------------------------------------------------


def test_laporan_lebih_dari_7_hari_sejak_diketahui_ditandai_terlambat(kasus):
    tepat = kasus(tanggal_diketahui=D(2024, 1, 2), tanggal_laporan=D(2024, 1, 9))
    telat = kasus(tanggal_diketahui=D(2024, 1, 2), tanggal_laporan=D(2024, 1, 10))
    assert tepat.tenggat_laporan() == D(2024, 1, 9)
    assert not tepat.terlambat_dilaporkan
    assert telat.terlambat_dilaporkan
    assert telat.langkah()[0].terlambat


def test_temuan_tidak_punya_batas_penyampaian(kasus):
    temuan = kasus(
        sumber=Sumber.TEMUAN, tanggal_diketahui=D(2024, 1, 2), tanggal_laporan=D(2024, 1, 20)
    )
    assert temuan.tenggat_laporan() is None
    assert not temuan.terlambat_dilaporkan


def test_kajian_diputus_7_hari_setelah_registrasi_melewati_akhir_bulan(kasus):
    assert kasus(**TERDAFTAR).tenggat_kajian() == D(2024, 2, 21)
    akhir_bulan = kasus(**{**TERDAFTAR, "tanggal_registrasi": D(2024, 2, 27)})
    assert akhir_bulan.tenggat_kajian() == D(2024, 3, 5)  # 2024 is a leap year


def test_keterangan_tambahan_menambah_7_hari(kasus):
    assert kasus(**TERDAFTAR, perlu_keterangan_tambahan=True).tenggat_kajian() == D(2024, 2, 28)


def test_belum_diregistrasi_belum_ada_tenggat_kajian(kasus):
    assert kasus().tenggat_kajian() is None


def test_tahap_dan_tenggat_tersimpan_dan_mengikuti_perubahan(kasus, operator_metro):
    obj = buat_rekaman(kasus(**TERDAFTAR), operator_metro)
    obj = segar(obj)
    assert (obj.tahap, obj.tenggat, obj.status_penanganan) == ("kajian", D(2024, 2, 21), "proses")
    obj.perlu_keterangan_tambahan = True
    ubah_rekaman(obj, operator_metro, ["perlu_keterangan_tambahan"], version=obj.version)
    assert segar(obj).tenggat == D(2024, 2, 28)
    obj = segar(obj)
    for name, value in {
        **TERBUKTI,
        "diteruskan_ke": Instansi.GAKKUMDU,
        "tanggal_penerusan": D(2024, 2, 21),
    }.items():
        setattr(obj, name, value)
    ubah_rekaman(
        obj,
        operator_metro,
        [*list(TERBUKTI), "diteruskan_ke", "tanggal_penerusan"],
        version=obj.version,
    )
    obj = segar(obj)
    assert (obj.tahap, obj.tenggat, obj.status_penanganan) == ("tindak_lanjut", None, "diteruskan")


def test_status_penanganan_tiap_akhir(kasus, operator_metro):
    tidak = buat_rekaman(
        kasus(
            **SYARAT,
            tanggal_kajian_awal=D(2024, 2, 13),
            registrasi=Registrasi.TIDAK,
            tanggal_registrasi=D(2024, 2, 14),
            alasan_tidak_diregistrasi="Syarat materiel tidak terpenuhi.",
        ),
        operator_metro,
    )
    assert (segar(tidak).tahap, segar(tidak).status_penanganan) == ("selesai", "tidak_diregistrasi")
    bukan = buat_rekaman(
        kasus(**TERDAFTAR, tanggal_kajian=D(2024, 2, 20), hasil_kajian=HasilKajian.BUKAN),
        operator_metro,
    )
    assert (segar(bukan).tahap, segar(bukan).status_penanganan) == ("selesai", "bukan_pelanggaran")


def test_tenggat_dihitung_ulang_saat_batas_waktu_diubah(
    kasus, operator_metro, django_capture_on_commit_callbacks, settings
):
    from apps.kalender.models import BatasWaktu

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    obj = buat_rekaman(kasus(**TERDAFTAR), operator_metro)
    with django_capture_on_commit_callbacks(execute=True):
        BatasWaktu.objects.filter(kode="penanganan_pelanggaran").update(panjang=14)
        BatasWaktu.objects.get(kode="penanganan_pelanggaran").save()
    assert segar(obj).tenggat == D(2024, 2, 28)


# ---- step order ------------------------------------------------------------------------------


def test_laporan_tidak_boleh_sebelum_diketahui(kasus):
    e = galat(kasus(tanggal_diketahui=D(2024, 2, 12), tanggal_laporan=D(2024, 2, 10)))
    assert "tanggal_laporan" in e
    assert "tidak boleh sebelum" in e["tanggal_laporan"][0]


def test_tanggal_masa_depan_ditolak(kasus):
    besok = dt.date.today() + dt.timedelta(days=1)
    e = galat(kasus(tanggal_laporan=besok))
    assert "sesudah hari ini" in " ".join(e["tanggal_laporan"])


def test_registrasi_laporan_sebelum_pemeriksaan_syarat_ditolak(kasus):
    e = galat(kasus(registrasi=Registrasi.DIREGISTRASI, tanggal_registrasi=D(2024, 2, 14)))
    assert "setelah syarat formal dan materiel diperiksa" in " ".join(e["registrasi"])


def test_registrasi_dengan_syarat_kurang_menyebut_syaratnya(kasus):
    e = galat(kasus(**{**TERDAFTAR, "syarat_materiel_bukti": False}))
    assert "bukti dilampirkan" in " ".join(e["registrasi"])


def test_tidak_diregistrasi_wajib_beralasan(kasus):
    e = galat(
        kasus(
            **SYARAT,
            tanggal_kajian_awal=D(2024, 2, 13),
            registrasi=Registrasi.TIDAK,
            tanggal_registrasi=D(2024, 2, 14),
        )
    )
    assert "alasan_tidak_diregistrasi" in e


def test_registrasi_wajib_bertanggal(kasus):
    e = galat(kasus(**{**TERDAFTAR, "tanggal_registrasi": None}))
    assert "tanggal_registrasi" in e


def test_tanggal_registrasi_tanpa_keputusan_ditolak(kasus):
    e = galat(kasus(tanggal_registrasi=D(2024, 2, 14)))
    assert "registrasi" in e


def test_kajian_sebelum_registrasi_ditolak(kasus):
    e = galat(kasus(tanggal_kajian=D(2024, 2, 20), hasil_kajian=HasilKajian.BUKAN))
    assert "setelah perkara diregistrasi" in " ".join(e["tanggal_kajian"])


def test_kajian_bertanggal_sebelum_registrasi_ditolak(kasus):
    e = galat(kasus(**{**TERBUKTI, "tanggal_kajian": D(2024, 2, 13)}))
    assert "tidak boleh sebelum" in " ".join(e["tanggal_kajian"])


def test_hasil_kajian_dan_tanggal_diisi_bersama(kasus):
    e = galat(kasus(**TERDAFTAR, hasil_kajian=HasilKajian.BUKAN))
    assert "tanggal_kajian" in e


def test_terbukti_wajib_jenis_dan_bukan_pelanggaran_tanpa_jenis(kasus):
    assert "jenis_pelanggaran" in galat(kasus(**{**TERBUKTI, "jenis_pelanggaran": ""}))
    e = galat(kasus(**{**TERBUKTI, "hasil_kajian": HasilKajian.BUKAN}))
    assert "jenis_pelanggaran" in e


def test_penerusan_sebelum_kajian_terbukti_ditolak(kasus):
    e = galat(kasus(**TERDAFTAR, diteruskan_ke=Instansi.KPU, tanggal_penerusan=D(2024, 2, 20)))
    assert "diteruskan_ke" in e


def test_penerusan_ke_instansi_yang_tidak_berwenang_ditolak(kasus):
    e = galat(kasus(**TERBUKTI, diteruskan_ke=Instansi.KPU, tanggal_penerusan=D(2024, 2, 21)))
    assert "Sentra Gakkumdu" in " ".join(e["diteruskan_ke"])


def test_penerusan_lengkap_dan_instansi_lain_bernama(kasus):
    assert "tanggal_penerusan" in galat(kasus(**TERBUKTI, diteruskan_ke=Instansi.GAKKUMDU))
    lain = {**TERBUKTI, "jenis_pelanggaran": JenisPelanggaran.HUKUM_LAINNYA}
    e = galat(kasus(**lain, diteruskan_ke=Instansi.LAINNYA, tanggal_penerusan=D(2024, 2, 21)))
    assert "nama_instansi_lain" in e


def test_tindak_lanjut_sebelum_penerusan_ditolak(kasus):
    e = galat(kasus(**TERBUKTI, tanggal_hasil_akhir=D(2024, 3, 1), hasil_akhir="Divonis."))
    assert "tanggal_hasil_akhir" in e


def test_kajian_lewat_tenggat_wajib_alasan_dan_tetap_disimpan_dengan_alasan(kasus, operator_metro):
    telat = {**TERBUKTI, "tanggal_kajian": D(2024, 2, 23)}  # due 21 February
    e = galat(kasus(**telat))
    assert "21 Februari 2024" in " ".join(e["alasan_terlambat"])
    obj = buat_rekaman(
        kasus(**telat, alasan_terlambat="Saksi baru dapat diperiksa 22 Februari."), operator_metro
    )
    assert segar(obj).langkah()[3].terlambat


def test_syarat_hanya_untuk_laporan(kasus):
    e = galat(kasus(sumber=Sumber.TEMUAN, syarat_formal_pelapor=True))
    assert "syarat_formal_pelapor" in e


def test_keterangan_tambahan_hanya_untuk_yang_diregistrasi(kasus):
    assert "perlu_keterangan_tambahan" in galat(kasus(perlu_keterangan_tambahan=True))


def test_asal_kampanye_harus_mencatat_dugaan_dan_milik_satker_yang_sama(kasus, buat):
    from apps.core import registry

    kampanye = registry.get("kampanye")
    tanpa_dugaan = buat(kampanye, "18.72", dugaan_pelanggaran=False, tindak_lanjut="")
    e = galat(kasus(sumber=Sumber.TEMUAN, kegiatan_kampanye=tanpa_dugaan))
    assert "tidak mencatat dugaan pelanggaran" in " ".join(e["kegiatan_kampanye"])
    lain = buat(kampanye, "18.01", dugaan_pelanggaran=True, tindak_lanjut="Dikaji.")
    e = galat(kasus(sumber=Sumber.TEMUAN, kegiatan_kampanye=lain))
    assert "milik satker lain" in " ".join(e["kegiatan_kampanye"])
    sah = buat(kampanye, "18.72", dugaan_pelanggaran=True, tindak_lanjut="Dikaji.")
    kasus(sumber=Sumber.TEMUAN, kegiatan_kampanye=sah).full_clean()
    e = galat(kasus(kegiatan_kampanye=sah))
    assert "hanya untuk temuan" in " ".join(e["kegiatan_kampanye"])


# ---- register numbers ------------------------------------------------------------------------


def test_nomor_registrasi_otomatis_berurutan_per_satker_sumber_dan_tahun(
    kasus, operator_metro, operator_lamsel, kantor
):
    a = buat_rekaman(kasus(**TERDAFTAR), operator_metro)
    b = buat_rekaman(kasus(**TERDAFTAR, judul="Kedua"), operator_metro)
    t = buat_rekaman(
        kasus(
            sumber=Sumber.TEMUAN,
            registrasi=Registrasi.DIREGISTRASI,
            tanggal_registrasi=D(2024, 3, 4),
        ),
        operator_metro,
    )
    lain = buat_rekaman(
        kasus(
            **TERDAFTAR,
            satker=kantor("18.01"),
            wilayah_id="18.01",
            created_by=operator_lamsel,
            updated_by=operator_lamsel,
        ),
        operator_lamsel,
    )
    assert segar(a).nomor_registrasi == "001/Reg/LP/PL/Kota/18.72/II/2024"
    assert segar(b).nomor_registrasi == "002/Reg/LP/PL/Kota/18.72/II/2024"
    assert segar(t).nomor_registrasi == "001/Reg/TM/PL/Kota/18.72/III/2024"
    assert segar(lain).nomor_registrasi == "001/Reg/LP/PL/Kab/18.01/II/2024"


def test_nomor_yang_diketik_dipertahankan_dan_unik_per_satker(kasus, operator_metro):
    a = buat_rekaman(
        kasus(**TERDAFTAR, nomor_registrasi="017/Reg/LP/PL/Kota/18.72/II/2024"), operator_metro
    )
    assert segar(a).nomor_registrasi == "017/Reg/LP/PL/Kota/18.72/II/2024"
    e = galat(kasus(**TERDAFTAR, nomor_registrasi="017/Reg/LP/PL/Kota/18.72/II/2024"))
    assert "sudah dipakai" in " ".join(e["__all__"])


def test_pola_nomor_dari_pengaturan(kasus, operator_metro, settings):
    settings.POLA_NOMOR_REGISTRASI_PELANGGARAN = "{kode}-{tahun}-{urut:04d}"
    a = buat_rekaman(kasus(**TERDAFTAR), operator_metro)
    assert segar(a).nomor_registrasi == "18.72-2024-0001"


def test_nomor_hanya_untuk_yang_diregistrasi_juga_di_basis_data(kasus, operator_metro):
    obj = buat_rekaman(kasus(), operator_metro)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pelanggaran.objects.filter(pk=obj.pk).update(nomor_registrasi="001/X")


# ---- NIK ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "pesan"),
    [
        ("187201550785000", "16 digit"),
        ("18720155078500AB", "16 digit"),
        ("9972015507850003", "provinsi"),
        ("1899015507850003", "kabupaten/kota 18.99"),
        ("1872019907850003", "Tanggal lahir"),
    ],
)
def test_nik_tidak_masuk_akal_ditolak_dengan_alasan(nik, pesan):
    assert pesan in periksa_nik(nik)


def test_nik_sah(db):
    assert periksa_nik("1872015507850003") == ""


def test_nik_pelapor_diperiksa_saat_clean(kasus, operator_metro):
    obj = buat_rekaman(kasus(), operator_metro)
    with pytest.raises(ValidationError) as e:
        Pelapor(pelanggaran=obj, nama="X", nik="1899015507850003", alamat="Metro").full_clean()
    assert "nik" in e.value.message_dict
