from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnggaranConfig(AppConfig):
    name = "apps.anggaran"
    verbose_name = _("Anggaran")

    def ready(self):
        from apps.anggaran import rekap
        from apps.anggaran.demo import demo_records, demo_serahkan, demo_setup
        from apps.anggaran.forms import AnggaranForm
        from apps.anggaran.impor import periksa_massal, tahun_dari_bulan
        from apps.anggaran.models import Anggaran
        from apps.core.registry import Impor, Modul, RujukanSel, register

        register(
            Modul(
                kode="anggaran",
                model=Anggaran,
                nama=_("Anggaran"),
                deskripsi=_(
                    "Pagu dan realisasi anggaran satuan kerja per tahun anggaran, program, "
                    "kegiatan dan akun: realisasi kumulatif bulanan, sisa anggaran dan "
                    "persentase serapan."
                ),
                public_fields=(
                    "judul",
                    "tahun",
                    "program",
                    "kegiatan",
                    "akun",
                    "pagu",
                    "realisasi_kumulatif",
                    "sisa",
                    "serapan",
                ),
                form_fields=("pagu_anggaran", "realisasi_kumulatif", "judul", "catatan_internal"),
                list_fields=("periode", "judul", "realisasi_kumulatif", "serapan"),
                form_class=AnggaranForm,
                urls_publik="apps.anggaran.urls_publik",
                urls_kelola="apps.anggaran.urls_kelola",
                tautan_publik=((_("Serapan anggaran per Satker"), "portal:anggaran:serapan"),),
                tautan_kelola=((_("Pagu anggaran"), "core:anggaran:pagu_daftar"),),
                urutan=60,
                angka_utama=rekap.angka_utama,
                demo_records=demo_records,
                demo_setup=demo_setup,
                demo_serahkan=demo_serahkan,
                # one report per budget line and month: demo rows cannot be copied at scale
                skala=False,
                impor=Impor(
                    kunci=("pagu_anggaran", "periode"),
                    # a budget line as offices write it: activity and account codes, within
                    # the row's office and the year of its month
                    rujukan=(
                        RujukanSel(
                            field="pagu_anggaran",
                            sel=("kode_kegiatan", "kode_akun"),
                            konteks=(
                                ("satker", "satker", None),
                                ("tahun", "periode", tahun_dari_bulan),
                            ),
                            tidak_ada=_(
                                "tidak ada mata anggaran dengan kode kegiatan %(kode_kegiatan)s "
                                "dan kode akun %(kode_akun)s pada tahun anggaran %(tahun)s di "
                                "%(satker)s; tambahkan dulu mata anggaran itu di halaman Pagu "
                                "anggaran, lalu unggah lagi"
                            ),
                        ),
                    ),
                    periksa_massal=periksa_massal,
                    contoh=(
                        ("kode_kegiatan", "6370"),
                        ("kode_akun", "521211"),
                        ("realisasi_kumulatif", 250_000_000),
                        ("judul", "Realisasi Maret 2024 — 521211 Belanja Bahan"),
                    ),
                ),
            )
        )
