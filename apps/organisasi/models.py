from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

KODE_RI = "00"


class TingkatSatker(models.TextChoices):
    PUSAT = "pusat", _("Pusat")
    PROVINSI = "provinsi", _("Provinsi")
    KABKOTA = "kabkota", _("Kabupaten/Kota")


class SatkerQuerySet(models.QuerySet):
    def di_bawah(self, satker):
        """The offices under `satker` (not itself): every office for Bawaslu RI, the
        kab/kota offices for a provincial one, none for a kab/kota office."""
        if satker.tingkat == TingkatSatker.PUSAT:
            return self.exclude(pk=satker.pk)
        if satker.tingkat == TingkatSatker.PROVINSI:
            return self.filter(induk=satker)
        return self.none()


class Satker(models.Model):
    """A Bawaslu office (satuan kerja): Bawaslu RI, a provincial or a kab/kota Bawaslu.

    Generated from `wilayah` by `manage.py load_satker`; its `kode` is the Kemendagri code of
    its region (`18.72` is Bawaslu Kota Metro), and `00` for Bawaslu RI.
    """

    kode = models.CharField(_("kode"), max_length=5, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    tingkat = models.CharField(_("tingkat"), max_length=10, choices=TingkatSatker.choices)
    wilayah = models.OneToOneField(
        "wilayah.Wilayah",
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="satker",
    )
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="anak",
    )

    objects = SatkerQuerySet.as_manager()

    class Meta:
        verbose_name = _("satuan kerja")
        verbose_name_plural = _("satuan kerja")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tingkat="pusat", induk__isnull=True)
                | models.Q(tingkat__in=["provinsi", "kabkota"], induk__isnull=False),
                name="satker_induk_sesuai_tingkat",
            ),
        ]

    def __str__(self):
        return self.nama

    def get_absolute_url(self):
        return reverse("portal:satker", args=[self.kode])

    @property
    def singkatan_tingkat(self) -> str:
        """The level as register numbers write it: RI, Prov, Kab or Kota."""
        if self.tingkat == TingkatSatker.PUSAT:
            return "RI"
        if self.tingkat == TingkatSatker.PROVINSI:
            return "Prov"
        return "Kota" if self.nama.startswith("Bawaslu Kota") else "Kab"
