from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _dugaan(qs, value):
    return qs.filter(dugaan_pelanggaran=value == "ya")


class KampanyeConfig(AppConfig):
    name = "apps.kampanye"
    verbose_name = _("Kampanye")

    def ready(self):
        from apps.core.registry import FilterTambahan, Impor, Modul, register
        from apps.kampanye.demo import demo_records, demo_setup
        from apps.kampanye.forms import KampanyeForm
        from apps.kampanye.models import Kampanye

        register(
            Modul(
                kode="kampanye",
                model=Kampanye,
                nama=_("Pengawasan Kampanye"),
                deskripsi=_(
                    "Kegiatan kampanye peserta pemilu yang diawasi: pertemuan terbatas, tatap "
                    "muka, bahan kampanye, alat peraga, media sosial, iklan, rapat umum dan "
                    "debat, beserta hasil pengawasan, dugaan pelanggaran dan tindak lanjutnya."
                ),
                public_fields=(
                    "judul",
                    "tanggal",
                    "peserta",
                    "metode",
                    "tempat",
                    "hasil_pengawasan",
                    "dugaan_pelanggaran",
                    "tindak_lanjut",
                ),
                form_fields=(
                    "judul",
                    "tanggal",
                    "peserta",
                    "metode",
                    "tempat",
                    "hasil_pengawasan",
                    "dugaan_pelanggaran",
                    "tindak_lanjut",
                    "catatan_internal",
                ),
                list_fields=("tanggal", "judul", "metode", "wilayah", "dugaan_pelanggaran"),
                filter_fields=("metode",),
                filter_tambahan=(
                    FilterTambahan(
                        name="dugaan_pelanggaran",
                        label=_("dugaan pelanggaran"),
                        choices=(("ya", _("Ya")), ("tidak", _("Tidak"))),
                        terapkan=_dugaan,
                    ),
                ),
                cari_fields=("judul", "tempat"),
                periode_dari="tanggal",
                form_class=KampanyeForm,
                urutan=20,
                demo_records=demo_records,
                demo_setup=demo_setup,
                impor=Impor(
                    kunci=("satker", "tanggal", "judul"),
                    contoh=(
                        ("judul", "Pengawasan rapat umum di Lapangan Samber"),
                        ("tempat", "Lapangan Samber, Metro Pusat"),
                        ("hasil_pengawasan", "Berlangsung tertib; tidak ada pelanggaran."),
                        ("dugaan_pelanggaran", "tidak"),
                    ),
                ),
            )
        )
