from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisLibur(models.TextChoices):
    LIBUR_NASIONAL = "libur_nasional", _("Libur nasional")
    CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")


class HariLibur(models.Model):
    """A day off for government offices: a national holiday or a cuti bersama day.

    Both kinds are non-working days for counting `hari kerja`. The rows for a year come from
    that year's SKB 3 Menteri (and any Keppres declaring a voting day a holiday); the shipped
    years are loaded by a data migration, later years are entered in the admin."""

    tanggal = models.DateField(_("tanggal"), unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisLibur.choices)
    dasar = models.CharField(
        _("dasar"),
        max_length=255,
        help_text=_("Keputusan yang menetapkan, mis. SKB 3 Menteri No. 855/2023, 3/2023, 4/2023."),
    )

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["tanggal"]

    def __str__(self):
        return f"{self.tanggal:%Y-%m-%d} {self.nama}"


class SatuanWaktu(models.TextChoices):
    HARI = "hari", _("hari")
    HARI_KERJA = "hari_kerja", _("hari kerja")


class BatasWaktu(models.Model):
    """A legal time limit (e.g. a violation is decided within 7 days of registration), kept as
    data so that a change in the law is an edit in the admin, not a code change."""

    kode = models.SlugField(_("kode"), max_length=50, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    panjang = models.PositiveSmallIntegerField(_("panjang"))
    satuan = models.CharField(_("satuan"), max_length=10, choices=SatuanWaktu.choices)
    dasar_hukum = models.CharField(_("dasar hukum"), max_length=255)
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("batas waktu")
        verbose_name_plural = _("batas waktu")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(panjang__gt=0),
                name="kalender_bataswaktu_panjang_positif",
                violation_error_message=_("Panjang batas waktu harus lebih dari 0."),
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.panjang} {self.get_satuan_display()})"
