from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PencegahanConfig(AppConfig):
    name = "apps.pencegahan"
    verbose_name = _("Pencegahan")

    def ready(self):
        from apps.core.registry import Impor, Modul, register
        from apps.pencegahan.demo import demo_records
        from apps.pencegahan.models import Pencegahan

        register(
            Modul(
                kode="pencegahan",
                model=Pencegahan,
                nama=_("Pencegahan"),
                deskripsi=_(
                    "Kegiatan pencegahan pelanggaran pemilu: sosialisasi, imbauan, patroli, "
                    "rapat koordinasi, saran perbaikan, kerja sama dan pendidikan pengawas "
                    "partisipatif."
                ),
                public_fields=(
                    "jenis",
                    "judul",
                    "tanggal",
                    "tempat",
                    "sasaran",
                    "jumlah_peserta",
                    "ringkasan",
                    "hasil",
                ),
                form_fields=(
                    "jenis",
                    "judul",
                    "tanggal",
                    "tempat",
                    "sasaran",
                    "jumlah_peserta",
                    "ringkasan",
                    "hasil",
                    "catatan_internal",
                ),
                list_fields=("tanggal", "judul", "jenis", "wilayah", "jumlah_peserta"),
                filter_fields=("jenis",),
                periode_dari="tanggal",
                urutan=30,
                demo_records=demo_records,
                impor=Impor(
                    kunci=("satker", "tanggal", "judul"),
                    contoh=(
                        ("judul", "Sosialisasi pengawasan partisipatif di Metro Pusat"),
                        ("ringkasan", "Sosialisasi kepada 40 pemilih pemula tentang hak pilih."),
                    ),
                ),
            )
        )
