"""Budget of a Bawaslu office: budget lines (pagu) per fiscal year and account, their explicit
revisions, and the monthly cumulative realisation report on the record base (DESIGN §4).

Sisa and serapan are derived on read (`@dihitung`), never stored: the pagu can be revised after
a month was reported, and a stored percentage would then silently be wrong.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.anggaran.rupiah import rupiah
from apps.core.models import Rekaman, RekamanQuerySet
from apps.core.tampilan import dihitung

RUPIAH = {"max_digits": 16, "decimal_places": 0}  # whole rupiah, up to Rp9.999 T per line
SERATUS = Decimal(100)
DUA_DESIMAL = Decimal("0.01")


def hitung_serapan(realisasi, pagu):
    """Absorption in percent, two decimals; None when there is no pagu to absorb."""
    if realisasi is None or not pagu:
        return None
    return (Decimal(realisasi) / Decimal(pagu) * SERATUS).quantize(DUA_DESIMAL, ROUND_HALF_UP)


class PaguAnggaran(models.Model):
    """One budget line (mata anggaran) of an office's DIPA for a fiscal year.

    Not a workflow record: it is the ceiling the monthly reports are measured against. Its
    `pagu` changes only through `apps.anggaran.services.revisi_pagu`, which writes a
    `RevisiPagu` row; the database refuses any other change of the amount (migration 0002).
    """

    satker = models.ForeignKey(
        "organisasi.Satker",
        verbose_name=_("satker"),
        on_delete=models.PROTECT,
        related_name="pagu_anggaran",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun anggaran"))
    kode_program = models.CharField(_("kode program"), max_length=20)
    program = models.CharField(_("program"), max_length=200)
    kode_kegiatan = models.CharField(_("kode kegiatan"), max_length=20)
    kegiatan = models.CharField(_("kegiatan"), max_length=200)
    kode_akun = models.CharField(
        _("kode akun"),
        max_length=6,
        help_text=_("Enam digit akun belanja, mis. 521211."),
        validators=[
            RegexValidator(
                r"^[0-9]{6}$",
                _("Kode akun “%(value)s” harus enam digit angka, mis. 521211."),
            )
        ],
    )
    uraian_akun = models.CharField(_("uraian akun"), max_length=200)
    pagu = models.DecimalField(_("pagu (Rp)"), **RUPIAH)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Kosong untuk baris yang dibuat sistem (data demo atau impor)."),
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("pagu anggaran")
        verbose_name_plural = _("pagu anggaran")
        ordering = ["-tahun", "kode_kegiatan", "kode_akun"]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "kode_kegiatan", "kode_akun"],
                name="anggaran_pagu_unik",
                violation_error_message=_(
                    "Satker ini sudah memiliki pagu untuk kegiatan dan akun tersebut pada tahun "
                    "anggaran yang sama; ubah nilainya lewat revisi pagu."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(pagu__gte=0),
                name="anggaran_pagu_tidak_negatif",
                violation_error_message=_("Pagu tidak boleh negatif."),
            ),
            models.CheckConstraint(
                condition=models.Q(kode_akun__regex=r"^[0-9]{6}$"),
                name="anggaran_kode_akun_enam_digit",
                violation_error_message=_("Kode akun harus enam digit angka, mis. 521211."),
            ),
            models.CheckConstraint(
                condition=models.Q(tahun__gte=2000, tahun__lte=2100),
                name="anggaran_tahun_wajar",
                violation_error_message=_("Tahun anggaran harus antara 2000 dan 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.kode_akun} {self.uraian_akun} · {self.kode_kegiatan} · TA {self.tahun}"


class RevisiPagu(models.Model):
    """An explicit change of a budget line's pagu, with its date and reason.

    Kept forever: the database refuses UPDATE and DELETE on this table (migration 0002), and
    `pada` is the database's transaction time, which the pagu trigger matches against.
    """

    pagu_anggaran = models.ForeignKey(
        PaguAnggaran,
        verbose_name=_("pagu anggaran"),
        on_delete=models.PROTECT,
        related_name="revisi",
    )
    tanggal = models.DateField(_("tanggal revisi"), help_text=_("Tanggal dokumen revisi DIPA."))
    pagu_lama = models.DecimalField(_("pagu lama (Rp)"), **RUPIAH)
    pagu_baru = models.DecimalField(_("pagu baru (Rp)"), **RUPIAH)
    alasan = models.TextField(_("alasan revisi"))
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    pada = models.DateTimeField(_("dicatat pada"), db_default=Now())

    class Meta:
        verbose_name = _("revisi pagu")
        verbose_name_plural = _("revisi pagu")
        ordering = ["pada", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(alasan__regex=r"\S"),
                name="anggaran_revisi_alasan_wajib",
                violation_error_message=_("Alasan revisi wajib diisi."),
            ),
            models.CheckConstraint(
                condition=models.Q(pagu_lama__gte=0, pagu_baru__gte=0),
                name="anggaran_revisi_tidak_negatif",
                violation_error_message=_("Pagu tidak boleh negatif."),
            ),
            models.CheckConstraint(
                condition=~models.Q(pagu_baru=models.F("pagu_lama")),
                name="anggaran_revisi_mengubah_nilai",
                violation_error_message=_("Pagu baru sama dengan pagu lama."),
            ),
        ]

    def __str__(self):
        return f"{self.pagu_anggaran_id}: {self.pagu_lama} → {self.pagu_baru} ({self.tanggal})"

    @property
    def selisih(self):
        return self.pagu_baru - self.pagu_lama


class AnggaranManager(models.Manager.from_queryset(RekamanQuerySet)):
    """Every list of monthly reports shows the line's pagu, sisa and serapan, which read the
    budget line: joining it always keeps the generic staff and public lists free of one query
    per row."""

    def get_queryset(self):
        return super().get_queryset().select_related("pagu_anggaran")


class Anggaran(Rekaman):
    """The monthly budget realisation report of one budget line: the cumulative amount spent
    since January of the fiscal year, as of the end of the reporting month (`periode`)."""

    pagu_anggaran = models.ForeignKey(
        PaguAnggaran,
        verbose_name=_("mata anggaran"),
        on_delete=models.PROTECT,
        related_name="realisasi",
    )
    judul = models.CharField(
        _("judul laporan"),
        max_length=200,
        help_text=_("Mis. “Realisasi Maret 2024 — 521211 Belanja Bahan”."),
    )
    realisasi_kumulatif = models.DecimalField(
        _("realisasi kumulatif (Rp)"),
        help_text=_("Jumlah yang terserap sejak Januari sampai akhir bulan laporan."),
        **RUPIAH,
    )
    pagu_laporan = models.DecimalField(
        _("pagu pada laporan (Rp)"),
        editable=False,
        help_text=_(
            "Pagu mata anggaran yang ditinjau bersama laporan ini: diambil saat laporan "
            "disimpan dan mengikuti revisi pagu selama laporan belum disetujui."
        ),
        **RUPIAH,
    )

    objects = AnggaranManager()

    class Meta(Rekaman.Meta):
        verbose_name = _("realisasi anggaran")
        verbose_name_plural = _("realisasi anggaran")
        constraints = [
            *Rekaman.Meta.constraints,
            models.UniqueConstraint(
                fields=["pagu_anggaran", "periode"],
                name="anggaran_satu_laporan_per_bulan",
                violation_error_message=_(
                    "Realisasi mata anggaran ini untuk bulan tersebut sudah dilaporkan; ubah "
                    "laporan yang ada."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(realisasi_kumulatif__gte=0),
                name="anggaran_realisasi_tidak_negatif",
                violation_error_message=_("Realisasi kumulatif tidak boleh negatif."),
            ),
        ]

    def sebelum_simpan(self, user) -> list[str]:
        """Inside the saving transaction: the report carries the line's pagu as it is now (the
        line is locked, so a revision cannot slip in between). Sisa and serapan — public
        figures once the report is public — read this copy, never the line's current pagu,
        which a revision changes without review; `revisi_pagu` updates it only in reports not
        yet approved (DESIGN §4, docs/keputusan.md)."""
        self.pagu_laporan = (
            PaguAnggaran.objects.select_for_update()
            .values_list("pagu", flat=True)
            .get(pk=self.pagu_anggaran_id)
        )
        return ["pagu_laporan"]

    def clean(self):
        super().clean()
        if self.periode is not None:
            self.periode = self.periode.replace(day=1)
        if self.pagu_anggaran_id is None:
            return
        errors = self.periksa_baris()
        if (
            self.realisasi_kumulatif is not None
            and self.periode is not None
            and not errors.keys() & {"periode", "realisasi_kumulatif"}
        ):
            pesan = self._periksa_urutan()
            if pesan:
                errors["realisasi_kumulatif"] = pesan
        if errors:
            raise ValidationError(errors)

    def periksa_baris(self):
        """The rules of this report alone, read against its budget line (no query when the
        line is already loaded, as an import's dictionary has it): the line is the office's,
        the month lies in the line's year and has begun, the cumulative amount does not pass
        the line's pagu. That the amount never goes down month to month reads the line's other
        reports: `_periksa_urutan` (a form) or `apps.anggaran.impor` (an import)."""
        errors = {}
        if self.pagu_anggaran_id is None:
            return errors
        pagu = self.pagu_anggaran
        if self.satker_id is not None and pagu.satker_id != self.satker_id:
            errors["pagu_anggaran"] = gettext(
                "Mata anggaran %(pagu)s milik %(milik)s, bukan %(satker)s."
            ) % {"pagu": pagu, "milik": pagu.satker, "satker": self.satker}
        if self.periode is not None:
            if self.periode.year != pagu.tahun:
                errors["periode"] = gettext(
                    "Periode %(periode)s tidak berada dalam tahun anggaran %(tahun)s dari mata "
                    "anggaran %(pagu)s."
                ) % {"periode": _bulan(self.periode), "tahun": pagu.tahun, "pagu": pagu}
            elif self.periode > timezone.localdate().replace(day=1):
                errors["periode"] = gettext(
                    "Periode %(periode)s belum berjalan; realisasi hanya dilaporkan untuk bulan "
                    "yang sudah berjalan."
                ) % {"periode": _bulan(self.periode)}
        nilai = self.realisasi_kumulatif
        if nilai is not None and "periode" not in errors and nilai > pagu.pagu:
            errors["realisasi_kumulatif"] = gettext(
                "Realisasi kumulatif %(nilai)s melebihi pagu %(pagu)s untuk %(akun)s; lakukan "
                "revisi pagu terlebih dahulu."
            ) % {"nilai": rupiah(nilai), "pagu": rupiah(pagu.pagu), "akun": pagu}
        return errors

    def _periksa_urutan(self):
        """The cumulative amount never goes down from one month to the next of the same line
        (two queries: the nearest month before and after)."""
        lain = Anggaran.objects.filter(pagu_anggaran_id=self.pagu_anggaran_id).exclude(pk=self.pk)
        sebelum = (
            lain.filter(periode__lt=self.periode)
            .order_by("-periode")
            .values("periode", "realisasi_kumulatif")
            .first()
        )
        if sebelum and self.realisasi_kumulatif < sebelum["realisasi_kumulatif"]:
            return pesan_turun(self.realisasi_kumulatif, **sebelum)
        sesudah = (
            lain.filter(periode__gt=self.periode)
            .order_by("periode")
            .values("periode", "realisasi_kumulatif")
            .first()
        )
        if sesudah and self.realisasi_kumulatif > sesudah["realisasi_kumulatif"]:
            return pesan_naik(self.realisasi_kumulatif, **sesudah)
        return None

    # ---- derived on read --------------------------------------------------------------------

    @dihitung(_("program"))
    def program(self) -> str:
        return f"{self.pagu_anggaran.kode_program} {self.pagu_anggaran.program}"

    @dihitung(_("kegiatan"))
    def kegiatan(self) -> str:
        return f"{self.pagu_anggaran.kode_kegiatan} {self.pagu_anggaran.kegiatan}"

    @dihitung(_("akun"))
    def akun(self) -> str:
        return f"{self.pagu_anggaran.kode_akun} {self.pagu_anggaran.uraian_akun}"

    @dihitung(_("tahun anggaran"))
    def tahun(self) -> str:
        # a string: a year is not a quantity, so no thousands separator ("2024", not "2.024")
        return str(self.pagu_anggaran.tahun)

    # pagu, sisa and serapan read the report's own copy of the pagu (`pagu_laporan`): what was
    # reviewed with the report, so an unreviewed revision changes no published figure

    @dihitung(_("pagu (Rp)"))
    def pagu(self) -> Decimal:
        return self.pagu_laporan

    @dihitung(_("sisa anggaran (Rp)"))
    def sisa(self) -> Decimal:
        return self.pagu_laporan - self.realisasi_kumulatif

    @dihitung(_("serapan (%)"))
    def serapan(self) -> Decimal | None:
        return hitung_serapan(self.realisasi_kumulatif, self.pagu_laporan)


def _bulan(tanggal: dt.date) -> str:
    return date_format(tanggal, "F Y")


def pesan_turun(nilai, periode, realisasi_kumulatif) -> str:
    """The amount of a month is below that of an earlier month of the same line."""
    return gettext(
        "Realisasi kumulatif %(nilai)s lebih kecil daripada realisasi kumulatif "
        "%(bulan)s (%(sebelum)s); angka kumulatif sejak Januari tidak boleh turun."
    ) % {
        "nilai": rupiah(nilai),
        "bulan": _bulan(periode),
        "sebelum": rupiah(realisasi_kumulatif),
    }


def pesan_naik(nilai, periode, realisasi_kumulatif) -> str:
    """The amount of a month is above that of a later month already reported."""
    return gettext(
        "Realisasi kumulatif %(nilai)s lebih besar daripada realisasi kumulatif "
        "%(bulan)s yang sudah dilaporkan (%(sesudah)s); angka kumulatif tidak boleh "
        "turun dari bulan ke bulan."
    ) % {
        "nilai": rupiah(nilai),
        "bulan": _bulan(periode),
        "sesudah": rupiah(realisasi_kumulatif),
    }
