import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PelanggaranConfig(AppConfig):
    name = "apps.pelanggaran"
    verbose_name = _("Penanganan pelanggaran")

    def ready(self):
        from apps.core.registry import Impor, Inline, Modul, register
        from apps.pelanggaran import demo
        from apps.pelanggaran.forms import PelanggaranForm
        from apps.pelanggaran.impor import periksa_massal
        from apps.pelanggaran.models import (
            SYARAT_FORMAL,
            SYARAT_MATERIEL,
            Pelanggaran,
            Pelapor,
        )

        register(
            Modul(
                kode="pelanggaran",
                model=Pelanggaran,
                nama=_("Penanganan pelanggaran"),
                deskripsi=_(
                    "Temuan dan laporan dugaan pelanggaran pemilu: registrasi, kajian, jenis "
                    "pelanggaran, penerusan ke KPU, Sentra Gakkumdu, DKPP atau BKN/KASN, dan "
                    "tindak lanjutnya. Identitas pelapor tidak pernah dipublikasikan."
                ),
                public_fields=(
                    "sumber",
                    "judul",
                    "ringkasan",
                    "tempat_kejadian",
                    "tanggal_kejadian",
                    "tanggal_laporan",
                    "registrasi",
                    "nomor_registrasi",
                    "tanggal_registrasi",
                    "hasil_kajian",
                    "jenis_pelanggaran",
                    "tanggal_kajian",
                    "diteruskan_ke",
                    "tanggal_penerusan",
                    "hasil_akhir",
                    "tanggal_hasil_akhir",
                    "status_penanganan",
                ),
                form_fields=(
                    "sumber",
                    "judul",
                    "ringkasan",
                    "uraian",
                    "terlapor",
                    "tempat_kejadian",
                    "tanggal_kejadian",
                    "tanggal_diketahui",
                    "tanggal_laporan",
                    "kegiatan_kampanye",
                    "syarat_formal_pelapor",
                    "syarat_formal_terlapor",
                    "syarat_formal_waktu",
                    "syarat_materiel_peristiwa",
                    "syarat_materiel_uraian",
                    "syarat_materiel_bukti",
                    "tanggal_kajian_awal",
                    "registrasi",
                    "tanggal_registrasi",
                    "nomor_registrasi",
                    "alasan_tidak_diregistrasi",
                    "perlu_keterangan_tambahan",
                    "tanggal_kajian",
                    "hasil_kajian",
                    "jenis_pelanggaran",
                    "kesimpulan_kajian",
                    "diteruskan_ke",
                    "nama_instansi_lain",
                    "tanggal_penerusan",
                    "nomor_surat_penerusan",
                    "tanggal_hasil_akhir",
                    "hasil_akhir",
                    "alasan_terlambat",
                    "catatan_internal",
                ),
                kelompok_form=(
                    (
                        _("Penerimaan"),
                        (
                            "sumber",
                            "judul",
                            "ringkasan",
                            "uraian",
                            "terlapor",
                            "tempat_kejadian",
                            "tanggal_kejadian",
                            "tanggal_diketahui",
                            "tanggal_laporan",
                            "kegiatan_kampanye",
                        ),
                    ),
                    (
                        _("Syarat formal dan materiel (laporan)"),
                        (
                            "syarat_formal_pelapor",
                            "syarat_formal_terlapor",
                            "syarat_formal_waktu",
                            "syarat_materiel_peristiwa",
                            "syarat_materiel_uraian",
                            "syarat_materiel_bukti",
                            "tanggal_kajian_awal",
                        ),
                    ),
                    (
                        _("Registrasi"),
                        (
                            "registrasi",
                            "tanggal_registrasi",
                            "nomor_registrasi",
                            "alasan_tidak_diregistrasi",
                        ),
                    ),
                    (
                        _("Kajian"),
                        (
                            "perlu_keterangan_tambahan",
                            "tanggal_kajian",
                            "hasil_kajian",
                            "jenis_pelanggaran",
                            "kesimpulan_kajian",
                        ),
                    ),
                    (
                        _("Penerusan dan tindak lanjut"),
                        (
                            "diteruskan_ke",
                            "nama_instansi_lain",
                            "tanggal_penerusan",
                            "nomor_surat_penerusan",
                            "tanggal_hasil_akhir",
                            "hasil_akhir",
                        ),
                    ),
                    (_("Catatan"), ("alasan_terlambat", "catatan_internal")),
                ),
                list_fields=(
                    "tanggal_laporan",
                    "judul",
                    "sumber",
                    "jenis_pelanggaran",
                    "status_penanganan",
                ),
                filter_fields=("sumber", "jenis_pelanggaran", "status_penanganan"),
                cari_fields=("judul", "nomor_registrasi", "ringkasan"),
                periode_dari="tanggal_laporan",
                form_class=PelanggaranForm,
                inlines=(
                    Inline(
                        model=Pelapor,
                        fields=("nama", "nik", "alamat", "telepon", "email"),
                        label=_("Identitas pelapor"),
                        publik=False,
                        pribadi=True,
                        extra=1,
                    ),
                ),
                urls_publik="apps.pelanggaran.urls",
                tautan_publik=(
                    (_("Rekapitulasi penanganan pelanggaran"), "portal:pelanggaran:rekap"),
                ),
                urutan=40,
                demo_records=demo.demo_records,
                demo_anak=demo.demo_anak,
                skala=False,
                rekap=("jenis_pelanggaran", "status_penanganan", "sumber"),
                impor=Impor(
                    kunci=("satker", "tanggal_laporan", "judul"),
                    # a campaign activity has no code a cell could name (its title is no
                    # key): the link is set on the case's form
                    tanpa=("kegiatan_kampanye",),
                    # an empty number keeps the one the register gave
                    diisi_modul=("nomor_registrasi",),
                    periksa_massal=periksa_massal,
                    contoh=(
                        ("sumber", "temuan"),
                        ("judul", "Alat peraga kampanye di tempat ibadah di Metro Pusat"),
                        ("ringkasan", "Alat peraga kampanye terpasang di pagar tempat ibadah."),
                        ("tempat_kejadian", "Metro Pusat"),
                        ("tanggal_kejadian", dt.date(2024, 1, 8)),
                        ("tanggal_diketahui", dt.date(2024, 1, 8)),
                        ("tanggal_laporan", dt.date(2024, 1, 9)),
                        *((n, "tidak") for n in SYARAT_FORMAL + SYARAT_MATERIEL),
                        ("tanggal_kajian_awal", None),
                        ("registrasi", "diregistrasi"),
                        ("tanggal_registrasi", dt.date(2024, 1, 10)),
                        ("perlu_keterangan_tambahan", "tidak"),
                        ("tanggal_kajian", dt.date(2024, 1, 15)),
                        ("hasil_kajian", "pelanggaran"),
                        ("jenis_pelanggaran", "administratif"),
                        ("diteruskan_ke", "kpu"),
                        ("tanggal_penerusan", dt.date(2024, 1, 16)),
                        ("nomor_surat_penerusan", "010/PP.01.02/K.LA-18.72/01/2024"),
                        ("tanggal_hasil_akhir", None),
                    ),
                ),
            )
        )
