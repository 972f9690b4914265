from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DptConfig(AppConfig):
    name = "apps.dpt"
    verbose_name = _("Pengawasan daftar pemilih")

    def ready(self):
        from apps.core.registry import Impor, Modul, register
        from apps.dpt.demo import demo_records
        from apps.dpt.forms import DptForm
        from apps.dpt.impor import periksa_massal
        from apps.dpt.models import Dpt

        register(
            Modul(
                kode="dpt",
                model=Dpt,
                nama=_("Pengawasan daftar pemilih"),
                deskripsi=_(
                    "Pengawasan pemutakhiran data dan penyusunan daftar pemilih per wilayah dan "
                    "tahap (DP4, coklit, DPHP, DPS, DPSHP, DPT, DPTb, DPK): jumlah TPS, pemilih "
                    "laki-laki dan perempuan, temuan pemilih belum terdaftar, TMS, ganda dan "
                    "salah TPS, serta saran perbaikan dan tindak lanjutnya."
                ),
                public_fields=(
                    "judul",
                    "tahap",
                    "jumlah_tps",
                    "pemilih_laki",
                    "pemilih_perempuan",
                    "pemilih_total",
                    "temuan_tidak_terdaftar",
                    "temuan_tms",
                    "temuan_ganda",
                    "temuan_salah_tps",
                    "saran_perbaikan",
                    "saran_ditindaklanjuti",
                    "keterangan",
                ),
                form_fields=(
                    "tahap",
                    "judul",
                    "jumlah_tps",
                    "pemilih_laki",
                    "pemilih_perempuan",
                    "pemilih_total",
                    "temuan_tidak_terdaftar",
                    "temuan_tms",
                    "temuan_ganda",
                    "temuan_salah_tps",
                    "saran_perbaikan",
                    "saran_ditindaklanjuti",
                    "keterangan",
                    "catatan_internal",
                ),
                list_fields=("periode", "judul", "tahap", "wilayah", "pemilih_total"),
                filter_fields=("tahap",),
                cari_fields=("judul", "wilayah__nama"),
                form_class=DptForm,
                urls_publik="apps.dpt.urls",
                tautan_publik=((_("Rekapitulasi per wilayah"), "portal:dpt:rekap"),),
                urutan=10,
                # one report per region, stage and month: demo rows cannot be copied at scale
                demo_records=demo_records,
                skala=False,
                impor=Impor(
                    kunci=("satker", "pemilihan", "tahap", "wilayah", "periode"),
                    periksa_massal=periksa_massal,
                    contoh=(
                        ("tahap", "dpt"),
                        ("judul", "DPT Kecamatan Metro Pusat Maret 2024"),
                        ("jumlah_tps", 96),
                        ("pemilih_laki", 21_450),
                        ("pemilih_perempuan", 22_130),
                        ("pemilih_total", 43_580),
                    ),
                ),
            )
        )
