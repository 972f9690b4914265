import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.models import AbstractAPIKey

# A job that reports no progress for this long while checking or writing has stopped (its
# worker was killed or restarted); progress is reported every `proses.BLOK` rows.
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
    # {record id: version} of the existing records the check matched: the write refuses the
    # rows of records saved by someone else since (`proses.jalankan(versi=…)`)
    versi = models.JSONField(_("versi rekaman saat diperiksa"), default=dict, blank=True)
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


# ---- the write API's applications (`apps.imports.api`) ---------------------------------------


class Aplikasi(models.Model):
    """Another Bawaslu application (Siwaslu, SIGAP Lapor, Siwaskam, SIPS…) that pushes records
    through `/api/v1/masuk/<modul>/`, registered by an admin: the one office it writes for
    (with `termasuk_bawahan`, also the offices under it — a provincial office's kab/kota
    offices), the modules it may write, and a service account that its records and audit rows
    name. It authenticates with a key (`KunciAplikasi`) an admin makes and can revoke."""

    nama = models.CharField(_("nama aplikasi"), max_length=100, unique=True)
    keterangan = models.TextField(_("keterangan"), blank=True)
    satker = models.ForeignKey(
        "organisasi.Satker",
        verbose_name=_("satker"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Satker yang datanya dikirim aplikasi ini."),
    )
    termasuk_bawahan = models.BooleanField(
        _("termasuk satker di bawahnya"),
        default=False,
        help_text=_(
            "Untuk satker provinsi: aplikasi juga boleh mengirim data Bawaslu kabupaten/kota "
            "di provinsinya."
        ),
    )
    modul = ArrayField(
        models.CharField(max_length=30),
        verbose_name=_("modul"),
        help_text=_("Kode modul yang boleh dikirim, dipisah koma, mis. dpt,kampanye."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun layanan"),
        on_delete=models.PROTECT,
        related_name="aplikasi",
        editable=False,
    )
    dibuat_pada = models.DateTimeField(_("didaftarkan pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("aplikasi terhubung")
        verbose_name_plural = _("aplikasi terhubung")
        ordering = ["nama"]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        if self.pengguna_id is None:
            # the name its records and audit rows carry; it cannot log in (no password,
            # inactive) and holds no role: what it may write is this row's scope alone
            pengguna = get_user_model()(
                username=f"aplikasi-{uuid.uuid4().hex[:12]}",
                nama_lengkap=self.nama[:150],
                is_active=False,
            )
            pengguna.set_unusable_password()
            pengguna.save()
            self.pengguna = pengguna
        super().save(*args, **kwargs)

    def clean(self):
        from apps.core import registry
        from apps.organisasi.models import TingkatSatker

        if (
            self.termasuk_bawahan
            and self.satker_id
            and self.satker.tingkat != TingkatSatker.PROVINSI
        ):
            raise ValidationError(
                {
                    "termasuk_bawahan": _(
                        "Hanya untuk satker provinsi: aplikasi satker kabupaten/kota atau "
                        "Bawaslu RI terikat pada satker itu saja."
                    )
                }
            )
        salah = sorted(set(self.modul or ()) - set(registry.codes()))
        if salah:
            raise ValidationError(
                {
                    "modul": _("Modul tidak dikenal: %(salah)s. Pilihan: %(kode)s.")
                    % {"salah": ", ".join(salah), "kode": ", ".join(registry.codes())}
                }
            )

    def satker_boleh(self, modul_kode: str):
        """The offices whose `modul_kode` records this application may write (a queryset)."""
        from apps.organisasi.models import Satker

        if not self.aktif or modul_kode not in self.modul:
            return Satker.objects.none()
        qs = Satker.objects.filter(pk=self.satker_id)
        if self.termasuk_bawahan:
            qs = qs | Satker.objects.di_bawah(self.satker)
        return qs


class KunciAplikasi(AbstractAPIKey):
    """A key of an application (djangorestframework-api-key: only its hash is kept, shown once
    when made, revoked for good by ticking `revoked`)."""

    aplikasi = models.ForeignKey(
        Aplikasi, verbose_name=_("aplikasi"), on_delete=models.CASCADE, related_name="kunci"
    )

    class Meta(AbstractAPIKey.Meta):
        verbose_name = _("kunci API aplikasi")
        verbose_name_plural = _("kunci API aplikasi")


class IdLuar(models.Model):
    """The id a record has in the application that sent it: a record sent again with the same
    id changes that record (or nothing), never adds one."""

    aplikasi = models.ForeignKey(Aplikasi, on_delete=models.PROTECT, related_name="+")
    modul = models.CharField(max_length=30)
    id_luar = models.CharField(_("id di aplikasi pengirim"), max_length=100)
    object_id = models.PositiveBigIntegerField()
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("id luar")
        verbose_name_plural = _("id luar")
        constraints = [
            models.UniqueConstraint(
                fields=["aplikasi", "modul", "id_luar"], name="impor_id_luar_unik"
            )
        ]

    def __str__(self):
        return f"{self.modul}:{self.id_luar} → #{self.object_id}"
