import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from apps.core.models import Rekaman
from apps.core.tampilan import dihitung
from apps.core.validators import validate_pdf

# An agreement that ends within this many days is shown as ending soon, so the office can
# prepare its renewal in time.
HARI_AKAN_BERAKHIR = 90


class StatusBerlaku(models.TextChoices):
    BERLAKU = "berlaku", _("Berlaku")
    AKAN_BERAKHIR = "akan_berakhir", _("Akan berakhir")
    BERAKHIR = "berakhir", _("Berakhir")


class JenisMitra(models.TextChoices):
    PEMDA = "pemda", _("Pemerintah daerah")
    PERGURUAN_TINGGI = "perguruan_tinggi", _("Perguruan tinggi")
    ORMAS = "ormas", _("Organisasi kemasyarakatan")
    MEDIA = "media", _("Media")
    INSTANSI_VERTIKAL = "instansi_vertikal", _("Instansi vertikal")
    LAINNYA = "lainnya", _("Lainnya")


# The list filter says what each state means; the table cells keep the short labels.
PILIHAN_FILTER_STATUS = (
    (StatusBerlaku.BERLAKU.value, _("Berlaku (berakhir lebih dari 90 hari lagi)")),
    (StatusBerlaku.AKAN_BERAKHIR.value, _("Akan berakhir (dalam 90 hari)")),
    (StatusBerlaku.BERAKHIR.value, _("Berakhir")),
)


def hitung_status_berlaku(berlaku_sampai: dt.date, hari_ini: dt.date) -> StatusBerlaku:
    """Validity of an agreement ending on `berlaku_sampai`, as seen on `hari_ini`. The last
    day is still a valid day."""
    if berlaku_sampai < hari_ini:
        return StatusBerlaku.BERAKHIR
    if berlaku_sampai <= hari_ini + dt.timedelta(days=HARI_AKAN_BERAKHIR):
        return StatusBerlaku.AKAN_BERAKHIR
    return StatusBerlaku.BERLAKU


def saring_status_berlaku(qs, value, hari_ini=None):
    """The rule of `hitung_status_berlaku` as a date range on `berlaku_sampai`, so the list
    filter runs in SQL."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini + dt.timedelta(days=HARI_AKAN_BERAKHIR)
    if value == StatusBerlaku.BERAKHIR:
        return qs.filter(berlaku_sampai__lt=hari_ini)
    if value == StatusBerlaku.AKAN_BERAKHIR:
        return qs.filter(berlaku_sampai__gte=hari_ini, berlaku_sampai__lte=batas)
    return qs.filter(berlaku_sampai__gt=batas)


def saring_jenis_mitra(qs, value):
    """Agreements with at least one partner of kind `value`. EXISTS, not a join: an agreement
    with two such partners is listed once."""
    return qs.filter(models.Exists(MitraMou.objects.filter(mou=models.OuterRef("pk"), jenis=value)))


def lokasi_dokumen(instance, filename):
    """mou/<year>/<month>/<random>.pdf: never the uploader's file name, which may carry
    personal data or path tricks, and which would collide."""
    return timezone.localdate().strftime("mou/%Y/%m/") + f"{uuid.uuid4().hex}.pdf"


class Mou(Rekaman):
    """A cooperation agreement (nota kesepahaman / perjanjian kerja sama) of a Bawaslu office
    with one or more partners (`MitraMou`). Its validity is computed from `berlaku_sampai`
    on every read, never stored."""

    nomor = models.CharField(
        _("nomor perjanjian"),
        max_length=100,
        help_text=_("Nomor pada pihak Bawaslu, mis. 012/PKS/BAWASLU-LA.10/III/2024."),
    )
    judul = models.CharField(_("judul"), max_length=255)
    tanggal_ttd = models.DateField(_("tanggal tanda tangan"))
    berlaku_sampai = models.DateField(_("berlaku sampai"))
    ruang_lingkup = models.TextField(_("ruang lingkup"))
    dokumen = models.FileField(
        _("dokumen perjanjian (PDF)"),
        upload_to=lokasi_dokumen,
        validators=[validate_pdf],
        max_length=255,
        blank=True,
    )

    mitra_baru = None  # [(nama, jenis)] created with a record saved without a formset

    class Meta(Rekaman.Meta):
        verbose_name = _("nota kesepahaman")
        verbose_name_plural = _("nota kesepahaman")
        indexes = [
            *Rekaman.Meta.indexes,
            models.Index(fields=["berlaku_sampai"], name="mou_berlaku_sampai"),
        ]
        constraints = [
            *Rekaman.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(berlaku_sampai__gte=models.F("tanggal_ttd")),
                name="mou_berlaku_sesudah_ttd",
                violation_error_message=_(
                    "Tanggal berlaku sampai tidak boleh sebelum tanggal tanda tangan."
                ),
            ),
        ]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        mitra, self.mitra_baru = self.mitra_baru, None
        if mitra:
            MitraMou.objects.bulk_create(
                MitraMou(mou=self, nama=nama, jenis=jenis) for nama, jenis in mitra
            )

    def clean(self):
        super().clean()
        errors = self.periksa_baris()
        # Not a UniqueConstraint: generate_scale bulk-copies demo rows within an office. An
        # import's natural key is the office and the number: a known number updates its
        # record rather than adding one.
        if (
            self.nomor
            and self.satker_id
            and Mou.objects.filter(satker_id=self.satker_id, nomor=self.nomor)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["nomor"] = _(
                "Nomor perjanjian %(nomor)s sudah tercatat untuk satker ini; periksa apakah "
                "perjanjian yang sama sudah dimasukkan."
            ) % {"nomor": self.nomor}
        if errors:
            raise ValidationError(errors)

    def periksa_baris(self):
        """The rules of this agreement alone (no query): signed, not in the future, and valid
        from its signature on. The form and the import run them alike."""
        errors = {}
        hari_ini = timezone.localdate()
        if self.tanggal_ttd and self.tanggal_ttd > hari_ini:
            errors["tanggal_ttd"] = _(
                "Tanggal tanda tangan (%(ttd)s) tidak boleh sesudah hari ini; catat "
                "perjanjian yang sudah ditandatangani."
            ) % {"ttd": date_format(self.tanggal_ttd, "j F Y")}
        if self.tanggal_ttd and self.berlaku_sampai and self.berlaku_sampai < self.tanggal_ttd:
            errors["berlaku_sampai"] = _(
                "Tanggal berlaku sampai (%(sampai)s) tidak boleh sebelum tanggal tanda "
                "tangan (%(ttd)s)."
            ) % {
                "sampai": date_format(self.berlaku_sampai, "j F Y"),
                "ttd": date_format(self.tanggal_ttd, "j F Y"),
            }
        return errors

    @property
    def kode_status_berlaku(self) -> StatusBerlaku | None:
        if self.berlaku_sampai is None:
            return None
        return hitung_status_berlaku(self.berlaku_sampai, timezone.localdate())

    @dihitung(_("status berlaku"))
    def status_berlaku(self):
        kode = self.kode_status_berlaku
        return str(kode.label) if kode else ""


class MitraMou(models.Model):
    """A partner of an agreement. Partners are public information once the agreement is."""

    mou = models.ForeignKey(
        Mou, verbose_name=_("nota kesepahaman"), on_delete=models.CASCADE, related_name="mitra"
    )
    nama = models.CharField(_("nama mitra"), max_length=200)
    jenis = models.CharField(_("jenis mitra"), max_length=20, choices=JenisMitra.choices)

    class Meta:
        verbose_name = _("mitra kerja sama")
        verbose_name_plural = _("mitra kerja sama")
        ordering = ["mou", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mou", "nama"],
                name="mou_mitra_unik",
                violation_error_message=_("Mitra ini sudah tercantum pada perjanjian yang sama."),
            ),
            models.CheckConstraint(
                condition=models.Q(jenis__in=JenisMitra.values), name="mou_mitra_jenis_sah"
            ),
        ]

    def __str__(self):
        return self.nama
