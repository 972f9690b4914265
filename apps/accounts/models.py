from django.contrib.auth.models import AbstractUser
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermissionBase


class User(AbstractUser):
    """A staff member of a Bawaslu office. What they may do comes from `Penugasan` rows."""

    nama_lengkap = models.CharField(_("nama lengkap"), max_length=150, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self):
        return self.nama_lengkap or self.get_full_name() or self.username


class Peran(models.TextChoices):
    OPERATOR = "operator", _("Operator")
    KOORDINATOR = "koordinator", _("Koordinator (Kasek/Koorsek)")
    PIMPINAN = "pimpinan", _("Pimpinan (Ketua/Anggota)")
    PPID = "ppid", _("PPID")
    ADMIN = "admin", _("Admin data")


class Penugasan(models.Model):
    """A role of a user in one Satker, optionally limited to some modules (blank = all).

    The source of truth for permissions; the guardian grants on Satker are derived from these
    rows by `permissions.sinkron_izin` whenever a row changes.
    """

    user = models.ForeignKey(
        User, verbose_name=_("pengguna"), on_delete=models.CASCADE, related_name="penugasan"
    )
    peran = models.CharField(_("peran"), max_length=12, choices=Peran.choices)
    satker = models.ForeignKey(
        "organisasi.Satker",
        verbose_name=_("satker"),
        on_delete=models.PROTECT,
        related_name="penugasan",
    )
    modul = ArrayField(
        models.CharField(max_length=20),
        verbose_name=_("modul"),
        blank=True,
        default=list,
        help_text=_("Kosongkan untuk semua modul."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    tangani_perkara = models.BooleanField(
        _("menangani perkara"),
        default=False,
        help_text=_(
            "Berwenang menangani pelanggaran dan sengketa di satker ini: melihat dan mengisi "
            "identitas pelapor dan para pihak (data pribadi, UU 27/2022). Hanya untuk satker "
            "ini, tidak untuk satker di bawahnya."
        ),
    )

    class Meta:
        verbose_name = _("penugasan peran")
        verbose_name_plural = _("penugasan peran")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "peran", "satker"], name="penugasan_unik_per_satker"
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_peran_display()} {self.satker}"

    def clean(self):
        from apps.core import registry

        unknown = sorted(set(self.modul) - set(registry.codes()))
        if unknown:
            raise ValidationError(
                {"modul": _("Modul tidak dikenal: %(kode)s.") % {"kode": ", ".join(unknown)}}
            )


class IzinSatker(UserObjectPermissionBase):
    """Guardian grants on Satker with a direct foreign key (one indexed subquery per check)."""

    content_object = models.ForeignKey("organisasi.Satker", on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("izin satker")
        verbose_name_plural = _("izin satker")
