from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CatatanAudit(models.Model):
    """Append-only log of transitions, classifications, imports, logins and permission changes.

    The database refuses UPDATE and DELETE on this table (trigger in migration 0002), so not
    even a bug or a superuser's shell can rewrite the past.
    """

    pada = models.DateTimeField(_("pada"), auto_now_add=True, db_index=True)
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aktor"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    aksi = models.CharField(_("aksi"), max_length=40, db_index=True)
    objek_tipe = models.CharField(_("jenis objek"), max_length=60, blank=True)
    objek_id = models.CharField(_("id objek"), max_length=40, blank=True)
    satker_id = models.BigIntegerField(_("satker"), null=True, blank=True, db_index=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("catatan audit")
        verbose_name_plural = _("catatan audit")
        ordering = ["-pada", "-id"]
        indexes = [models.Index(fields=["objek_tipe", "objek_id"], name="audit_objek")]

    def __str__(self):
        return f"{self.pada:%Y-%m-%d %H:%M} {self.aksi} {self.objek_tipe}#{self.objek_id}"
