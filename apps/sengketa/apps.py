import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SengketaConfig(AppConfig):
    name = "apps.sengketa"
    verbose_name = _("Sengketa proses")

    def ready(self):
        from apps.core.registry import Impor, Inline, Modul, register
        from apps.sengketa import demo
        from apps.sengketa.forms import SengketaForm
        from apps.sengketa.impor import periksa_massal
        from apps.sengketa.models import KontakPemohon, Sengketa

        register(
            Modul(
                kode="sengketa",
                model=Sengketa,
                nama=_("Sengketa proses pemilu"),
                deskripsi=_(
                    "Register permohonan penyelesaian sengketa proses pemilu antara peserta "
                    "pemilu dan KPU: keputusan KPU yang disengketakan, registrasi, mediasi, "
                    "sidang adjudikasi, putusan beserta ringkasan dan salinannya. Sengketa "
                    "diputus paling lama 12 hari sejak permohonan diterima (UU 7/2017 Pasal "
                    "468). Kontak pemohon tidak pernah dipublikasikan."
                ),
                public_fields=(
                    "nomor_register",
                    "pemohon",
                    "jenis_pemohon",
                    "termohon",
                    "nomor_objek",
                    "tanggal_objek",
                    "pokok_permohonan",
                    "tanggal_diterima",
                    "tanggal_registrasi",
                    "status_sengketa",
                    "hasil_mediasi",
                    "tanggal_putusan",
                    "amar_putusan",
                    "ringkasan_putusan",
                    "dokumen_putusan",
                ),
                form_fields=(
                    "pemohon",
                    "jenis_pemohon",
                    "termohon",
                    "nomor_objek",
                    "tanggal_objek",
                    "tanggal_diterima",
                    "pokok_permohonan",
                    "petitum",
                    "registrasi",
                    "tanggal_registrasi",
                    "nomor_register",
                    "keterangan_registrasi",
                    "tanggal_mediasi",
                    "hasil_mediasi",
                    "catatan_mediasi",
                    "tanggal_sidang_pertama",
                    "jumlah_sidang",
                    "catatan_adjudikasi",
                    "tanggal_putusan",
                    "amar_putusan",
                    "ringkasan_putusan",
                    "dokumen_putusan",
                    "upaya_hukum",
                    "tanggal_upaya_hukum",
                    "alasan_terlambat",
                    "catatan_internal",
                ),
                kelompok_form=(
                    (
                        pgettext_lazy("sengketa", "Permohonan"),
                        (
                            "pemohon",
                            "jenis_pemohon",
                            "termohon",
                            "nomor_objek",
                            "tanggal_objek",
                            "tanggal_diterima",
                            "pokok_permohonan",
                            "petitum",
                        ),
                    ),
                    (
                        _("Registrasi"),
                        (
                            "registrasi",
                            "tanggal_registrasi",
                            "nomor_register",
                            "keterangan_registrasi",
                        ),
                    ),
                    (_("Mediasi"), ("tanggal_mediasi", "hasil_mediasi", "catatan_mediasi")),
                    (
                        _("Sidang adjudikasi"),
                        ("tanggal_sidang_pertama", "jumlah_sidang", "catatan_adjudikasi"),
                    ),
                    (
                        _("Putusan"),
                        ("tanggal_putusan", "amar_putusan", "ringkasan_putusan", "dokumen_putusan"),
                    ),
                    (_("Upaya hukum"), ("upaya_hukum", "tanggal_upaya_hukum")),
                    (_("Catatan"), ("alasan_terlambat", "catatan_internal")),
                ),
                list_fields=(
                    "tanggal_diterima",
                    "pemohon",
                    "nomor_register",
                    "status_sengketa",
                    "amar_putusan",
                ),
                filter_fields=("status_sengketa", "amar_putusan", "jenis_pemohon"),
                cari_fields=("pemohon", "nomor_register", "nomor_objek", "termohon"),
                periode_dari="tanggal_diterima",
                judul_field="pemohon",
                form_class=SengketaForm,
                inlines=(
                    Inline(
                        model=KontakPemohon,
                        fields=("nama", "telepon", "email", "alamat"),
                        label=_("Narahubung pemohon"),
                        publik=False,
                        pribadi=True,
                        extra=1,
                    ),
                ),
                urls_publik="apps.sengketa.urls",
                tautan_publik=((_("Rekapitulasi sengketa proses"), "portal:sengketa:rekap"),),
                urutan=50,
                demo_records=demo.demo_records,
                demo_anak=demo.demo_anak,
                rekap=("status_sengketa", "amar_putusan", "jenis_pemohon"),
                # a copy with a new receipt date breaks the step order the database checks:
                # demo rows cannot be copied at scale
                skala=False,
                impor=Impor(
                    kunci=("satker", "tanggal_diterima", "pemohon", "nomor_objek"),
                    # an empty cell keeps the register number given and the respondent derived
                    diisi_modul=("termohon", "nomor_register"),
                    periksa_massal=periksa_massal,
                    contoh=(
                        ("pemohon", "Partai Contoh"),
                        ("jenis_pemohon", "partai_politik"),
                        ("nomor_objek", "Keputusan KPU Kota Metro Nomor 12 Tahun 2024"),
                        ("tanggal_objek", dt.date(2024, 3, 1)),
                        ("tanggal_diterima", dt.date(2024, 3, 4)),
                        (
                            "pokok_permohonan",
                            "Pemohon keberatan atas penetapan daftar calon sementara.",
                        ),
                        ("registrasi", "diregistrasi"),
                        ("tanggal_registrasi", dt.date(2024, 3, 5)),
                        ("tanggal_mediasi", dt.date(2024, 3, 6)),
                        ("hasil_mediasi", "sepakat"),
                        ("tanggal_sidang_pertama", None),
                        ("jumlah_sidang", None),
                        ("tanggal_putusan", None),
                        ("amar_putusan", None),
                        ("upaya_hukum", None),
                        ("tanggal_upaya_hukum", None),
                    ),
                ),
            )
        )
