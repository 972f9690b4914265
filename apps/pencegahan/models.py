from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import Rekaman


class JenisPencegahan(models.TextChoices):
    SOSIALISASI = "sosialisasi", _("Sosialisasi")
    IMBAUAN = "imbauan", _("Imbauan/surat")
    PATROLI = "patroli", _("Patroli pengawasan")
    RAKOR = "rakor", _("Rapat koordinasi")
    SARAN_PERBAIKAN = "saran_perbaikan", _("Saran perbaikan")
    KERJA_SAMA = "kerja_sama", _("Kerja sama")
    PENDIDIKAN = "pendidikan", _("Pendidikan pengawas partisipatif")
    LAINNYA = "lainnya", _("Lainnya")


class Pencegahan(Rekaman):
    """A prevention activity (upaya pencegahan) of a Bawaslu office."""

    jenis = models.CharField(_("jenis kegiatan"), max_length=20, choices=JenisPencegahan.choices)
    judul = models.CharField(_("nama kegiatan"), max_length=200)
    tanggal = models.DateField(_("tanggal kegiatan"))
    tempat = models.CharField(_("tempat"), max_length=200, blank=True)
    sasaran = models.CharField(
        _("sasaran"), max_length=200, help_text=_("Kelompok sasaran, mis. pemilih pemula.")
    )
    jumlah_peserta = models.PositiveIntegerField(_("jumlah peserta"), default=0)
    ringkasan = models.TextField(_("ringkasan kegiatan"))
    hasil = models.TextField(_("hasil/keluaran"), blank=True)

    class Meta(Rekaman.Meta):
        verbose_name = _("kegiatan pencegahan")
        verbose_name_plural = _("kegiatan pencegahan")
        constraints = [
            *Rekaman.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(jumlah_peserta__lte=1_000_000),
                name="pencegahan_peserta_wajar",
                violation_error_message=_(
                    "Jumlah peserta paling banyak 1.000.000 orang; periksa kembali isian "
                    "jumlah peserta."
                ),
            ),
        ]
