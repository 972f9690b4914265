from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core import izin
from apps.wilayah.models import di_dalam


class Status(models.TextChoices):
    DRAFT = "draft", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DISETUJUI = "disetujui", _("Disetujui")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")


STATUS_DAPAT_DIUBAH = (Status.DRAFT, Status.DIKEMBALIKAN)


class Klasifikasi(models.TextChoices):
    """Categories of public information under UU 14/2008."""

    BELUM = "belum", _("Belum diklasifikasi")
    BERKALA = "berkala", _("Informasi berkala")
    SERTA_MERTA = "serta_merta", _("Informasi serta merta")
    SETIAP_SAAT = "setiap_saat", _("Informasi tersedia setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Informasi dikecualikan")


KLASIFIKASI_PUBLIK = (Klasifikasi.BERKALA, Klasifikasi.SERTA_MERTA, Klasifikasi.SETIAP_SAAT)

# Each category in one line (UU 14/2008), where the PPID chooses one.
ARTI_KLASIFIKASI = {
    Klasifikasi.BERKALA: _("diumumkan secara berkala, paling sedikit setiap enam bulan (Pasal 9)."),
    Klasifikasi.SERTA_MERTA: _(
        "diumumkan tanpa penundaan karena menyangkut hajat hidup orang banyak (Pasal 10)."
    ),
    Klasifikasi.SETIAP_SAAT: _(
        "tersedia setiap saat dan diberikan kepada siapa pun yang memintanya (Pasal 11)."
    ),
    Klasifikasi.DIKECUALIKAN: _(
        "tidak dibuka karena uji konsekuensi menunjukkan bahaya membukanya lebih besar "
        "(Pasal 17); perlu uji konsekuensi, dasar hukum dan batas waktu."
    ),
}
PUBLIK_Q = models.Q(status=Status.DISETUJUI, klasifikasi__in=KLASIFIKASI_PUBLIK)
# The region a record counts in for public counts and coverage: the one it names, else its
# office's (a budget line or an agreement names none).
WILAYAH_EFEKTIF = Coalesce(F("wilayah"), F("satker__wilayah"), output_field=models.CharField())


class JenisPemilihan(models.TextChoices):
    PEMILU = "pemilu", _("Pemilihan Umum")
    PILKADA = "pilkada", _("Pemilihan Kepala Daerah")


class Pemilihan(models.Model):
    """An election the data belongs to (Pemilu 2024, Pilkada 2024, …)."""

    kode = models.SlugField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisPemilihan.choices)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    hari_pemungutan = models.DateField(_("hari pemungutan suara"), null=True, blank=True)

    class Meta:
        verbose_name = _("pemilihan")
        verbose_name_plural = _("pemilihan")
        ordering = ["-tahun", "kode"]

    def __str__(self):
        return self.nama


class RekamanQuerySet(models.QuerySet):
    def public(self):
        """The only door to public pages, the API, downloads, the catalog and public counts:
        approved and classified as public information."""
        return self.filter(PUBLIK_Q)

    def visible_to(self, user):
        return izin.filter_records(self, user, izin.LIHAT)

    def editable_by(self, user):
        return izin.filter_records(self, user, izin.ISI).filter(status__in=STATUS_DAPAT_DIUBAH)


class Rekaman(models.Model):
    """The record base every data module builds on (DESIGN §3).

    Status changes only through `apps.core.workflow.transition`, classification only through
    `apps.core.services.klasifikasikan`, edits only through `apps.core.services.ubah_rekaman`
    (which enforces the optimistic lock on `version`).
    """

    modul_kode = ""  # set by the registry

    satker = models.ForeignKey(
        "organisasi.Satker", verbose_name=_("satker"), on_delete=models.PROTECT, related_name="+"
    )
    wilayah = models.ForeignKey(
        "wilayah.Wilayah",
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    pemilihan = models.ForeignKey(
        Pemilihan,
        verbose_name=_("pemilihan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    tahapan = models.CharField(_("tahapan"), max_length=100, blank=True)
    periode = models.DateField(_("periode pelaporan"), help_text=_("Bulan pelaporan."))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    klasifikasi = models.CharField(
        _("klasifikasi informasi"),
        max_length=12,
        choices=Klasifikasi.choices,
        default=Klasifikasi.BELUM,
    )
    alasan_pengecualian = models.TextField(_("uji konsekuensi (alasan pengecualian)"), blank=True)
    dasar_hukum_pengecualian = models.CharField(
        _("dasar hukum pengecualian"), max_length=255, blank=True
    )
    dikecualikan_sampai = models.DateField(_("dikecualikan sampai"), null=True, blank=True)
    catatan_internal = models.TextField(_("catatan internal"), blank=True)
    version = models.PositiveIntegerField(_("versi"), default=1)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # see `updated_by`
    )
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    diklasifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diklasifikasi oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # see `updated_by`
    )
    diklasifikasi_pada = models.DateTimeField(_("diklasifikasi pada"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    # No index on who last changed, approved or classified a record: no page asks for the
    # records of such a person, and every index is written by every save and every imported
    # row (three of a module's fifteen; users are deactivated, never deleted). `created_by` keeps
    # its index: the dashboard lists a person's own records.
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    updated_at = models.DateTimeField(_("diubah pada"), auto_now=True)

    objects = RekamanQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-periode", "-id"]
        indexes = [
            # The public lists read newest-first among public rows only (DESIGN §7a).
            models.Index(
                fields=["-periode", "-id"],
                condition=PUBLIK_Q,
                name="%(app_label)s_%(class)s_publik",
            ),
            models.Index(
                fields=["satker", "status", "-periode"], name="%(app_label)s_%(class)s_sk"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(periode__day=1), name="%(app_label)s_%(class)s_periode_awal"
            ),
            models.CheckConstraint(
                condition=~models.Q(klasifikasi=Klasifikasi.DIKECUALIKAN)
                | (
                    ~models.Q(alasan_pengecualian="")
                    & ~models.Q(dasar_hukum_pengecualian="")
                    & models.Q(dikecualikan_sampai__isnull=False)
                ),
                name="%(app_label)s_%(class)s_pengecualian_lengkap",
            ),
            models.CheckConstraint(
                condition=models.Q(klasifikasi=Klasifikasi.BELUM) | models.Q(status="disetujui"),
                name="%(app_label)s_%(class)s_klasifikasi_setelah_setuju",
            ),
        ]

    def __str__(self):
        from apps.core import registry

        return str(getattr(self, registry.for_model(type(self)).judul_field, self.pk))

    def get_absolute_url(self):
        return reverse("core:detail", args=[self.modul_kode, self.pk])

    def clean_fields(self, exclude=None):
        """Field checks, plus: the region lies inside the office's area (Bawaslu RI:
        anywhere). Checked on the model, not only in the form, so services and imports cannot
        write a region outside it; here rather than in clean() so a module's own clean() still
        runs and reports its errors alongside."""
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        if "wilayah" not in (exclude or ()) and "wilayah" not in errors:
            errors |= self.galat_wilayah_kerja()
        if errors:
            raise ValidationError(errors)

    @property
    def di_wilayah_kerja(self) -> bool:
        """The region (if any) lies in the office's area (Bawaslu RI: anywhere)."""
        area = self.satker.wilayah_id if self.satker_id else None
        return not area or not self.wilayah_id or di_dalam(self.wilayah_id, area)

    def galat_wilayah_kerja(self) -> dict[str, list[str]]:
        """{"wilayah": [message]} when the region lies outside the office's area."""
        if self.di_wilayah_kerja:
            return {}
        return {
            "wilayah": [
                _("Wilayah %(w)s berada di luar wilayah kerja %(s)s.")
                % {"w": self.wilayah, "s": self.satker}
            ]
        }

    def periksa_baris(self) -> dict[str, list[str]]:
        """The module's rules of this record alone — sums, ranges, the order of dates — that
        need no query: {field: [messages]}. The module's `clean()` raises them with its other
        rules; the importer calls it for each row, and checks the rules that read other
        records for all rows at once (`registry.Impor.periksa_massal`). None by default."""
        return {}

    def sebelum_simpan(self, user) -> list[str]:
        """Called by `buat_rekaman` / `ubah_rekaman` inside the saving transaction, after the
        row lock: a module sets derived fields here (a register number, a case's step, a
        budget report's pagu) and returns their names. Nothing by default."""
        return []

    def get_public_url(self):
        return reverse("portal:detail", args=[self.modul_kode, self.pk])

    @property
    def is_public(self):
        return self.status == Status.DISETUJUI and self.klasifikasi in KLASIFIKASI_PUBLIK

    @property
    def dapat_diubah(self):
        return self.status in STATUS_DAPAT_DIUBAH


class Riwayat(models.Model):
    """One row per status transition or classification of any module's record."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    rekaman = GenericForeignKey("content_type", "object_id")
    aksi = models.CharField(_("aksi"), max_length=20)
    dari = models.CharField(_("dari"), max_length=20, blank=True)
    ke = models.CharField(_("ke"), max_length=20, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), on_delete=models.PROTECT, related_name="+"
    )
    pada = models.DateTimeField(_("pada"), auto_now_add=True)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("riwayat rekaman")
        verbose_name_plural = _("riwayat rekaman")
        ordering = ["pada", "id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "pada"], name="riwayat_rekaman")
        ]

    def __str__(self):
        return f"{self.aksi} {self.dari}→{self.ke}"

    @staticmethod
    def _label(value):
        from apps.core.workflow import Aksi

        for choices in (Aksi, Status, Klasifikasi):
            if value in choices.values:
                return choices(value).label
        return {"buat": _("Dibuat"), "klasifikasi": _("Klasifikasi")}.get(value, value)

    @property
    def aksi_label(self):
        return self._label(self.aksi)

    @property
    def dari_label(self):
        return self._label(self.dari)

    @property
    def ke_label(self):
        return self._label(self.ke)

    @classmethod
    def tulis(cls, rekaman, user, aksi, dari="", ke="", catatan=""):
        return cls.objects.create(
            content_type=ContentType.objects.get_for_model(type(rekaman)),
            object_id=rekaman.pk,
            aksi=aksi,
            dari=dari,
            ke=ke,
            oleh=user,
            catatan=catatan,
        )

    @classmethod
    def dari_rekaman(cls, rekaman):
        return cls.objects.filter(
            content_type=ContentType.objects.get_for_model(type(rekaman)), object_id=rekaman.pk
        ).select_related("oleh")


class VersiPublik(models.Model):
    """One row holding the current public-content token (see `apps.core.publikasi`)."""

    token = models.CharField(max_length=32)
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("versi konten publik")
        verbose_name_plural = _("versi konten publik")

    def __str__(self):
        return self.token


class NomorUrut(models.Model):
    """The last register number given per office, kind of register and year (see
    `apps.core.nomor`). A row lock on it serialises concurrent registrations."""

    satker = models.ForeignKey(
        "organisasi.Satker", verbose_name=_("satker"), on_delete=models.PROTECT, related_name="+"
    )
    jenis = models.CharField(_("jenis register"), max_length=30)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    terakhir = models.PositiveIntegerField(_("nomor terakhir"), default=0)

    class Meta:
        verbose_name = _("nomor urut register")
        verbose_name_plural = _("nomor urut register")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "jenis", "tahun"], name="core_nomorurut_unik"
            ),
        ]

    def __str__(self):
        return f"{self.jenis} {self.satker_id} {self.tahun}: {self.terakhir}"
