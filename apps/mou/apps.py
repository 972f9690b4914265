import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MouConfig(AppConfig):
    name = "apps.mou"
    verbose_name = _("MoU")

    def ready(self):
        from apps.core.registry import BlokSatker, FilterTambahan, Impor, Inline, Modul, register
        from apps.mou.demo import demo_records
        from apps.mou.forms import MouForm
        from apps.mou.models import (
            PILIHAN_FILTER_STATUS,
            JenisMitra,
            MitraMou,
            Mou,
            saring_jenis_mitra,
            saring_status_berlaku,
        )

        register(
            Modul(
                kode="mou",
                model=Mou,
                nama=_("Nota kesepahaman (MoU)"),
                deskripsi=_(
                    "Nota kesepahaman dan perjanjian kerja sama Bawaslu dengan pemerintah "
                    "daerah, perguruan tinggi, organisasi kemasyarakatan, media dan instansi "
                    "vertikal: nomor, mitra, masa berlaku, ruang lingkup dan dokumen yang "
                    "ditandatangani. Status berlaku dihitung dari tanggal hari ini: "
                    "“akan berakhir” berarti masa berlakunya habis dalam 90 hari."
                ),
                public_fields=(
                    "nomor",
                    "judul",
                    "tanggal_ttd",
                    "berlaku_sampai",
                    "status_berlaku",
                    "ruang_lingkup",
                    "dokumen",
                ),
                form_fields=(
                    "nomor",
                    "judul",
                    "tanggal_ttd",
                    "berlaku_sampai",
                    "ruang_lingkup",
                    "dokumen",
                    "catatan_internal",
                ),
                list_fields=("tanggal_ttd", "judul", "nomor", "status_berlaku", "berlaku_sampai"),
                filter_tambahan=(
                    FilterTambahan(
                        name="status_berlaku",
                        label=_("status berlaku"),
                        choices=PILIHAN_FILTER_STATUS,
                        terapkan=saring_status_berlaku,
                    ),
                    FilterTambahan(
                        name="jenis_mitra",
                        label=_("jenis mitra"),
                        choices=tuple(JenisMitra.choices),
                        terapkan=saring_jenis_mitra,
                    ),
                ),
                cari_fields=("judul", "nomor"),
                periode_dari="tanggal_ttd",
                form_class=MouForm,
                inlines=(
                    Inline(
                        model=MitraMou,
                        fields=("nama", "jenis"),
                        label=_("Mitra kerja sama"),
                        publik=True,
                        min_num=1,
                        extra=1,
                    ),
                ),
                urutan=70,
                demo_records=demo_records,
                # agreements as a table with partners and validity, newest signed first
                blok_satker=BlokSatker(
                    templat="mou/_satker.html", urutan=("-tanggal_ttd", "-id"), batas=50
                ),
                impor=Impor(
                    # an office's agreement number (the form refuses a number twice per office)
                    kunci=("satker", "nomor"),
                    anak="mitra",
                    contoh=(
                        ("nomor", "012/PKS/BAWASLU-LA.10/III/2024"),
                        ("judul", "Kerja sama pengawasan partisipatif Pemilu dan Pemilihan"),
                        ("tanggal_ttd", dt.date(2024, 3, 1)),
                        ("berlaku_sampai", dt.date(2026, 2, 28)),
                        ("ruang_lingkup", "Sosialisasi pengawasan partisipatif."),
                        (
                            "mitra",
                            "Pemerintah Kota Metro (pemda); Universitas Muhammadiyah Metro "
                            "(perguruan_tinggi)",
                        ),
                    ),
                ),
            )
        )
