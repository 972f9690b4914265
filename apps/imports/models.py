from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# A job that reports no progress for this long while checking or writing has stopped (its
# worker was killed or restarted); progress is reported every `proses.LAPOR_SETIAP` rows.
DIAM_MAKS_DETIK = 120


class Keadaan(models.TextChoices):
    MENUNGGU = "menunggu", _("Menunggu diperiksa")
    MEMERIKSA = "memeriksa", _("Sedang diperiksa")
    SIAP = "siap", _("Siap disimpan")
    BERMASALAH = "bermasalah", _("Ada kesalahan")
    ANTRE_SIMPAN = "antre_simpan", _("Menunggu disimpan")
    MENYIMPAN = "menyimpan", _("Sedang disimpan")
    SELESAI = "selesai", _("Tersimpan")
    GAGAL = "gagal", _("Gagal")


BERJALAN = (Keadaan.MENUNGGU, Keadaan.MEMERIKSA, Keadaan.ANTRE_SIMPAN, Keadaan.MENYIMPAN)


class ImportJob(models.Model):
    """One uploaded spreadsheet and what became of it: checked in the background (a dry run
    with every error), then — when the person confirms — written in one transaction
    (`apps.imports.proses`). The file is kept with its sha256 so the audit log can name it."""

    modul = models.CharField(_("modul"), max_length=30)
    satker = models.ForeignKey(
        "organisasi.Satker",
        verbose_name=_("satker semua baris"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    setujui = models.BooleanField(_("masuk sebagai disetujui"), default=False)
    # the uploader's language: the worker writes the errors in it
    bahasa = models.CharField(_("bahasa"), max_length=10, default=settings.LANGUAGE_CODE)
    berkas = models.FileField(_("berkas"), upload_to="impor/%Y/%m/")
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    sha256 = models.CharField(_("sha256"), max_length=64)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    keadaan = models.CharField(
        _("keadaan"), max_length=14, choices=Keadaan.choices, default=Keadaan.MENUNGGU
    )
    baris_selesai = models.PositiveIntegerField(_("baris diproses"), default=0)
    baris_total = models.PositiveIntegerField(_("jumlah baris"), null=True, blank=True)
    baru = models.PositiveIntegerField(_("baru"), default=0)
    berubah = models.PositiveIntegerField(_("berubah"), default=0)
    sama = models.PositiveIntegerField(_("tidak berubah"), default=0)
    jumlah_galat = models.PositiveIntegerField(_("jumlah kesalahan"), default=0)
    # [{baris, kolom, nilai, pesan}], the first `proses.GALAT_DISIMPAN`
    galat = models.JSONField(_("kesalahan"), default=list, blank=True)
    catatan = models.JSONField(_("catatan"), default=list, blank=True)
    pesan = models.TextField(_("pesan"), blank=True)
    diperbarui_pada = models.DateTimeField(_("kabar terakhir"), default=timezone.now)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("pekerjaan impor")
        verbose_name_plural = _("pekerjaan impor")
        ordering = ["-dibuat_pada", "-id"]
        indexes = [models.Index(fields=["dibuat_oleh", "-dibuat_pada"], name="impor_pengunggah")]

    def __str__(self):
        return f"{self.modul} · {self.nama_berkas}"

    def get_absolute_url(self):
        return reverse("imports:job", args=[self.pk])

    @property
    def berjalan(self) -> bool:
        return self.keadaan in BERJALAN

    @property
    def terhenti(self) -> bool:
        """Checking or writing, and no word from the worker for `DIAM_MAKS_DETIK`: the worker
        stopped. Nothing was written (writing is one transaction)."""
        if self.keadaan not in (Keadaan.MEMERIKSA, Keadaan.MENYIMPAN):
            return False
        return (timezone.now() - self.diperbarui_pada).total_seconds() > DIAM_MAKS_DETIK

    @property
    def teks_kemajuan(self) -> str:
        n = number_format(self.baris_selesai, force_grouping=True)
        if self.baris_total is None:
            return _("%(n)s baris diproses.") % {"n": n}
        return _("%(n)s dari sekitar %(t)s baris diproses.") % {
            "n": n,
            "t": number_format(self.baris_total, force_grouping=True),
        }

    @property
    def persen(self) -> int:
        if not self.baris_total:
            return 0
        return min(100, round(100 * self.baris_selesai / self.baris_total))
