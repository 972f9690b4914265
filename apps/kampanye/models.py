from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import Pemilihan, Rekaman


class JenisPeserta(models.TextChoices):
    PARTAI = "partai", _("Partai politik")
    CALON_DPD = "calon_dpd", _("Calon anggota DPD")
    PASLON_PRESIDEN = "paslon_presiden", _("Pasangan calon presiden dan wakil presiden")
    PASLON_KEPALA_DAERAH = "paslon_kada", _("Pasangan calon kepala daerah")
    PERSEORANGAN = "perseorangan", _("Calon perseorangan")


# Participants KPU numbers with two digits on the ballot ("01"); parties go by a plain number.
JENIS_NOMOR_DUA_DIGIT = (JenisPeserta.PASLON_PRESIDEN, JenisPeserta.PASLON_KEPALA_DAERAH)


class PesertaPemilu(models.Model):
    """A participant of one election (a party, a DPD candidate, a candidate pair), as KPU
    determined it. A small lookup table kept by the data admin in the Django admin."""

    pemilihan = models.ForeignKey(
        Pemilihan, verbose_name=_("pemilihan"), on_delete=models.PROTECT, related_name="+"
    )
    jenis = models.CharField(_("jenis peserta"), max_length=20, choices=JenisPeserta.choices)
    nomor_urut = models.PositiveSmallIntegerField(
        _("nomor urut"), null=True, blank=True, help_text=_("Nomor urut penetapan KPU.")
    )
    nama = models.CharField(_("nama"), max_length=200)

    class Meta:
        verbose_name = _("peserta pemilu")
        verbose_name_plural = _("peserta pemilu")
        ordering = ["pemilihan", "jenis", "nomor_urut", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemilihan", "nama"],
                name="kampanye_peserta_nama_unik",
                violation_error_message=_(
                    "Peserta dengan nama ini sudah terdaftar pada pemilihan tersebut."
                ),
            ),
            models.UniqueConstraint(
                fields=["pemilihan", "jenis", "nomor_urut"],
                name="kampanye_peserta_nomor_unik",
                violation_error_message=_(
                    "Nomor urut ini sudah dipakai peserta lain dengan jenis yang sama pada "
                    "pemilihan tersebut."
                ),
            ),
            # Target of the composite foreign key that keeps a campaign record's participant
            # in the record's election (migration 0002).
            models.UniqueConstraint(
                fields=["id", "pemilihan"], name="kampanye_peserta_id_pemilihan"
            ),
            models.CheckConstraint(
                condition=models.Q(nomor_urut__isnull=True) | models.Q(nomor_urut__gte=1),
                name="kampanye_peserta_nomor_positif",
                violation_error_message=_("Nomor urut peserta dimulai dari 1."),
            ),
        ]

    def __str__(self):
        return self.nama if self.nomor_urut is None else f"{self.nomor} {self.nama}"

    @property
    def nomor(self):
        """The ballot number as printed: "02" for a candidate pair, "2" for a party."""
        if self.nomor_urut is None:
            return ""
        if self.jenis in JENIS_NOMOR_DUA_DIGIT:
            return f"{self.nomor_urut:02d}"
        return str(self.nomor_urut)


class MetodeKampanye(models.TextChoices):
    """Campaign methods of PKPU 15/2023 (Pasal 35)."""

    PERTEMUAN_TERBATAS = "pertemuan_terbatas", _("Pertemuan terbatas")
    TATAP_MUKA = "tatap_muka", _("Pertemuan tatap muka dan dialog")
    BAHAN_KAMPANYE = "bahan_kampanye", _("Penyebaran bahan kampanye kepada umum")
    APK = "apk", _("Pemasangan alat peraga kampanye (APK) di tempat umum")
    MEDIA_SOSIAL = "media_sosial", _("Media sosial")
    IKLAN = "iklan", _("Iklan media massa cetak, elektronik dan internet")
    RAPAT_UMUM = "rapat_umum", _("Rapat umum")
    DEBAT = "debat", _("Debat pasangan calon")
    LAINNYA = "lainnya", _("Kegiatan lain yang tidak melanggar larangan kampanye")


class Kampanye(Rekaman):
    """A campaign activity supervised by a Bawaslu office (pengawasan kampanye).

    A record with `dugaan_pelanggaran` is where a violation case may start: once the
    `pelanggaran` module exists, such a record can be linked to the case (temuan) opened from
    it. That link does not exist yet; until then `tindak_lanjut` says in words what was done
    (e.g. "dituangkan dalam form A dan dikaji sebagai temuan").
    """

    judul = models.CharField(_("nama kegiatan"), max_length=200)
    tanggal = models.DateField(_("tanggal kegiatan"))
    peserta = models.ForeignKey(
        PesertaPemilu,
        verbose_name=_("peserta pemilu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    metode = models.CharField(_("metode kampanye"), max_length=20, choices=MetodeKampanye.choices)
    tempat = models.CharField(_("tempat"), max_length=200)
    hasil_pengawasan = models.TextField(_("hasil pengawasan"))
    dugaan_pelanggaran = models.BooleanField(_("dugaan pelanggaran"), default=False)
    tindak_lanjut = models.TextField(
        _("tindak lanjut"),
        blank=True,
        help_text=_("Wajib diisi bila ada dugaan pelanggaran."),
    )

    class Meta(Rekaman.Meta):
        verbose_name = _("pengawasan kampanye")
        verbose_name_plural = _("pengawasan kampanye")
        constraints = [
            *Rekaman.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(pemilihan__isnull=False),
                name="kampanye_pemilihan_wajib",
                violation_error_message=_("Pemilihan wajib diisi untuk laporan kampanye."),
            ),
            models.CheckConstraint(
                condition=models.Q(wilayah__isnull=False),
                name="kampanye_wilayah_wajib",
                violation_error_message=_("Wilayah wajib diisi untuk laporan kampanye."),
            ),
            models.CheckConstraint(
                condition=models.Q(dugaan_pelanggaran=False)
                | ~models.Q(tindak_lanjut__regex=r"^\s*$"),
                name="kampanye_tindak_lanjut_dugaan",
                violation_error_message=_(
                    "Tindak lanjut wajib diisi bila dugaan pelanggaran bernilai “Ya”."
                ),
            ),
        ]

    def clean(self):
        super().clean()
        errors = self.periksa_baris()
        if errors:
            raise ValidationError(errors)

    def periksa_baris(self):
        """A suspected violation says what was done about it; the participant stands in the
        report's election."""
        errors = {}
        if self.dugaan_pelanggaran and not (self.tindak_lanjut or "").strip():
            errors["tindak_lanjut"] = _(
                "Tindak lanjut wajib diisi bila dugaan pelanggaran bernilai “Ya”: tuliskan "
                "langkah yang diambil, mis. “dikaji sebagai temuan dugaan pelanggaran”."
            )
        if self.peserta_id and self.pemilihan_id:
            peserta = self.peserta
            if peserta.pemilihan_id != self.pemilihan_id:
                errors["peserta"] = _(
                    "Peserta %(peserta)s adalah peserta %(pemilihan_peserta)s, bukan peserta "
                    "%(pemilihan)s (pemilihan laporan ini). Pilih peserta %(pemilihan)s."
                ) % {
                    "peserta": peserta,
                    "pemilihan_peserta": peserta.pemilihan,
                    "pemilihan": self.pemilihan,
                }
        return errors
