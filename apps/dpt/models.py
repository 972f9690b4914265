from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length, Substr
from django.db.models.lookups import GreaterThanOrEqual
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from apps.core.models import Rekaman
from apps.wilayah.models import Tingkat, Wilayah

# Kemendagri code lengths: 18 / 18.72 / 18.72.01 / 18.72.01.1001
PANJANG_KODE = {
    Tingkat.PROVINSI: 2,
    Tingkat.KABKOTA: 5,
    Tingkat.KECAMATAN: 8,
    Tingkat.DESA: 13,
}
TAHAPAN_PEMILU = "Pemutakhiran data dan penyusunan daftar pemilih"


class Tahap(models.TextChoices):
    """Stages of the voter list, in the order KPU produces them (PKPU 7/2022)."""

    DP4 = "dp4", _("DP4")
    COKLIT = "coklit", _("Coklit (pencocokan dan penelitian)")
    DPHP = "dphp", _("DPHP")
    DPS = "dps", _("DPS")
    DPSHP = "dpshp", _("DPSHP")
    DPT = "dpt", _("DPT")
    DPTB = "dptb", _("DPTb")
    DPK = "dpk", _("DPK")


def angka(nilai):
    """A count the Indonesian way: 1.234.567."""
    return number_format(nilai, use_l10n=True, force_grouping=True)


class Dpt(Rekaman):
    """Supervision of the voter list of one region at one stage, for one reporting month.

    The figures of one kab/kota (per election, stage and month) are entered either at the
    kab/kota level or per kecamatan/desa, never both (`clean()`), and never for a province:
    province and national figures are always summed from them (`apps.dpt.rekap`).
    """

    # the base's field, with the voter-list stage as its default (an import that leaves the
    # column out gets it, as `clean()` gives it to a form left empty)
    tahapan = models.CharField(_("tahapan"), max_length=100, blank=True, default=TAHAPAN_PEMILU)
    judul = models.CharField(
        _("judul laporan"),
        max_length=200,
        help_text=_("Mis. “Pengawasan DPT Kota Metro Juli 2023”."),
    )
    tahap = models.CharField(
        _("tahap daftar pemilih"),
        max_length=10,
        choices=Tahap.choices,
        help_text=_(
            "DP4: daftar penduduk potensial pemilih pemilihan; DPHP: daftar pemilih hasil "
            "pemutakhiran; DPS: daftar pemilih sementara; DPSHP: DPS hasil perbaikan; DPT: "
            "daftar pemilih tetap; DPTb: daftar pemilih tambahan; DPK: daftar pemilih khusus."
        ),
    )
    jumlah_tps = models.PositiveIntegerField(_("jumlah TPS"))
    pemilih_laki = models.PositiveIntegerField(_("pemilih laki-laki"))
    pemilih_perempuan = models.PositiveIntegerField(_("pemilih perempuan"))
    pemilih_total = models.PositiveIntegerField(
        _("jumlah pemilih"), help_text=_("Harus sama dengan laki-laki ditambah perempuan.")
    )
    temuan_tidak_terdaftar = models.PositiveIntegerField(
        _("memenuhi syarat tetapi belum terdaftar"), default=0
    )
    temuan_tms = models.PositiveIntegerField(
        _("tidak memenuhi syarat (TMS) masih terdaftar"), default=0
    )
    temuan_ganda = models.PositiveIntegerField(_("data pemilih ganda"), default=0)
    temuan_salah_tps = models.PositiveIntegerField(_("pemilih salah TPS"), default=0)
    saran_perbaikan = models.PositiveIntegerField(_("saran perbaikan diterbitkan"), default=0)
    saran_ditindaklanjuti = models.PositiveIntegerField(
        _("saran perbaikan ditindaklanjuti"),
        default=0,
        help_text=_("Tidak boleh melebihi saran perbaikan yang diterbitkan."),
    )
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta(Rekaman.Meta):
        verbose_name = _("pengawasan daftar pemilih")
        verbose_name_plural = _("pengawasan daftar pemilih")
        indexes = [
            *Rekaman.Meta.indexes,
            # the roll-up reads the public rows of one election and stage
            models.Index(
                fields=["pemilihan", "tahap", "wilayah", "-periode"],
                condition=Rekaman.Meta.indexes[0].condition,
                name="dpt_rekap_publik",
            ),
            # the roll-up compares a report with the newer public ones of its kab/kota
            models.Index(
                "pemilihan",
                "tahap",
                Substr("wilayah", 1, 5),
                "periode",
                condition=Rekaman.Meta.indexes[0].condition,
                name="dpt_rekap_kabkota",
            ),
            # the either-kab/kota-or-finer rule looks at one election, stage and month
            models.Index(fields=["pemilihan", "tahap", "periode"], name="dpt_tahap_periode"),
        ]
        constraints = [
            *Rekaman.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(
                    pemilih_total=models.F("pemilih_laki") + models.F("pemilih_perempuan")
                ),
                name="dpt_total_sesuai",
                violation_error_message=_(
                    "Jumlah pemilih harus sama dengan pemilih laki-laki ditambah pemilih perempuan."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(saran_ditindaklanjuti__lte=models.F("saran_perbaikan")),
                name="dpt_tindak_lanjut_maks",
                violation_error_message=_(
                    "Saran perbaikan yang ditindaklanjuti tidak boleh melebihi saran perbaikan "
                    "yang diterbitkan."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(temuan_tms__lte=models.F("pemilih_total"))
                & models.Q(temuan_ganda__lte=models.F("pemilih_total"))
                & models.Q(temuan_salah_tps__lte=models.F("pemilih_total")),
                name="dpt_temuan_maks",
                violation_error_message=_(
                    "Temuan TMS, data ganda dan salah TPS tidak boleh melebihi jumlah pemilih."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(pemilihan__isnull=False),
                name="dpt_pemilihan_wajib",
                violation_error_message=_("Pemilihan wajib diisi untuk laporan daftar pemilih."),
            ),
            # a kab/kota, kecamatan or desa code (18.72…), never a province (18): province
            # and national figures are sums, not typed
            models.CheckConstraint(
                condition=models.Q(wilayah__isnull=False)
                & models.Q(GreaterThanOrEqual(Length("wilayah"), PANJANG_KODE[Tingkat.KABKOTA])),
                name="dpt_wilayah_kabkota_atau_lebih_rinci",
                violation_error_message=_(
                    "Wilayah laporan daftar pemilih wajib diisi: kabupaten/kota, kecamatan atau "
                    "desa, bukan provinsi."
                ),
            ),
            models.UniqueConstraint(
                fields=["satker", "pemilihan", "tahap", "wilayah", "periode"],
                name="dpt_unik",
                violation_error_message=_(
                    "Satker ini sudah punya laporan untuk pemilihan, tahap, wilayah dan periode "
                    "yang sama."
                ),
            ),
        ]

    def clean(self):
        super().clean()
        if not self.tahapan:
            self.tahapan = TAHAPAN_PEMILU
        errors = self.periksa_baris()
        wilayah = self._wilayah_atau_none()
        # a region outside the office's area is reported by the record base
        # (Rekaman.clean_fields); it only stops the overlap check
        if (
            wilayah is not None
            and "wilayah" not in errors
            and self.di_wilayah_kerja
            and self._kunci_lengkap()
        ):
            self._periksa_rangkap(wilayah, errors)
        if errors:
            raise ValidationError(errors)

    def periksa_baris(self):
        """The figures add up, and the region can carry figures (not a province). The overlap
        with other reports is `_periksa_rangkap` (a form) or `apps.dpt.impor` (an import)."""
        errors = {}
        self._periksa_angka(errors)
        wilayah = self._wilayah_atau_none()
        if wilayah is not None and wilayah.tingkat == Tingkat.PROVINSI:
            errors["wilayah"] = _(
                "Wilayah %(w)s adalah provinsi; data daftar pemilih diisi per kabupaten/kota, "
                "kecamatan atau desa. Angka provinsi dan nasional dijumlahkan otomatis."
            ) % {"w": wilayah}
        return errors

    # ---- the rules ---------------------------------------------------------------------------

    def _periksa_angka(self, errors):
        laki, perempuan, total = self.pemilih_laki, self.pemilih_perempuan, self.pemilih_total
        if None not in (laki, perempuan, total) and total != laki + perempuan:
            errors["pemilih_total"] = _(
                "Jumlah pemilih %(total)s tidak sama dengan pemilih laki-laki %(laki)s ditambah "
                "pemilih perempuan %(perempuan)s (= %(jumlah)s)."
            ) % {
                "total": angka(total),
                "laki": angka(laki),
                "perempuan": angka(perempuan),
                "jumlah": angka(laki + perempuan),
            }
        terbit, tindak = self.saran_perbaikan, self.saran_ditindaklanjuti
        if None not in (terbit, tindak) and tindak > terbit:
            errors["saran_ditindaklanjuti"] = _(
                "Saran perbaikan ditindaklanjuti (%(tindak)s) tidak boleh melebihi saran "
                "perbaikan diterbitkan (%(terbit)s)."
            ) % {"tindak": angka(tindak), "terbit": angka(terbit)}
        if total is None or "pemilih_total" in errors:
            return
        for name in ("temuan_tms", "temuan_ganda", "temuan_salah_tps"):
            nilai = getattr(self, name)
            if nilai is not None and nilai > total:
                errors[name] = _(
                    "%(field)s (%(nilai)s) tidak boleh melebihi jumlah pemilih (%(total)s)."
                ) % {
                    "field": capfirst(self._meta.get_field(name).verbose_name),
                    "nilai": angka(nilai),
                    "total": angka(total),
                }

    def _wilayah_atau_none(self):
        if not self.wilayah_id:
            return None
        try:
            return self.wilayah
        except Wilayah.DoesNotExist:
            return None  # clean_fields() reports the unknown code

    def _kunci_lengkap(self):
        return all((self.satker_id, self.pemilihan_id, self.tahap, self.wilayah_id, self.periode))

    def _periksa_rangkap(self, wilayah, errors):
        """One report per office, election, stage, region and month; and per kab/kota either
        kab/kota-level figures or kecamatan/desa figures, from whichever office, so the
        roll-up never counts a voter twice."""
        kode = wilayah.kode
        kabkota = kode[: PANJANG_KODE[Tingkat.KABKOTA]]
        # the kab/kota and kecamatan above a kecamatan or desa
        leluhur = [
            kode[:n]
            for n in (PANJANG_KODE[Tingkat.KABKOTA], PANJANG_KODE[Tingkat.KECAMATAN])
            if n < len(kode)
        ]
        periode = self.periode.replace(day=1)
        sejenis = (
            Dpt.objects.filter(pemilihan_id=self.pemilihan_id, tahap=self.tahap, periode=periode)
            .exclude(pk=self.pk)
            .filter(
                models.Q(wilayah_id__in=[kode, *leluhur])
                | models.Q(wilayah__kode__startswith=kode + ".")
            )
            .select_related("wilayah")
            .order_by("wilayah_id", "satker__kode")
        )
        rangkap = list(sejenis[:11])
        if not rangkap:
            return
        konteks = {
            "tahap": self.get_tahap_display(),
            "pemilihan": self.pemilihan,
            "periode": date_format(periode, "F Y"),
        }
        sama = next(
            (r for r in rangkap if r.wilayah_id == kode and r.satker_id == self.satker_id), None
        )
        if sama is not None:
            errors["wilayah"] = _(
                "Laporan %(tahap)s %(pemilihan)s untuk %(wilayah)s periode %(periode)s sudah "
                "ada di %(satker)s: “%(judul)s”. Ubah laporan itu, jangan membuat yang baru."
            ) % {**konteks, "wilayah": wilayah.nama, "satker": sama.satker, "judul": sama}
            return
        daftar = [_daftar_rangkap(r, self.satker_id) for r in rangkap[:10]]
        if len(rangkap) > 10:
            daftar.append(_("dan lainnya"))
        if len(kode) == PANJANG_KODE[Tingkat.KABKOTA]:
            tingkat = _("per kecamatan/desa")
        elif any(r.wilayah_id == kabkota for r in rangkap):
            tingkat = _("di tingkat kabupaten/kota")
        else:
            tingkat = _("untuk wilayah yang sama atau beririsan")
        errors["wilayah"] = _(
            "%(tahap)s %(pemilihan)s periode %(periode)s untuk %(kabkota)s sudah diisi "
            "%(tingkat)s: %(daftar)s. Angka satu kabupaten/kota diisi di tingkat "
            "kabupaten/kota atau per kecamatan/desa, tidak keduanya, agar tidak terhitung dua "
            "kali; ubah laporan yang sudah ada."
        ) % {
            **konteks,
            "kabkota": _nama_kabkota(wilayah, kabkota, rangkap),
            "tingkat": tingkat,
            "daftar": "; ".join(str(d) for d in daftar),
        }


def _daftar_rangkap(rekaman, satker_id):
    # Another office's report is named by its region only, never by office or title: the
    # person entering may not have that office in scope (DESIGN §1), yet must learn why the
    # figures are refused.
    if rekaman.satker_id != satker_id:
        return _("%(wilayah)s (%(kode)s, laporan kantor lain)") % {
            "wilayah": rekaman.wilayah.nama,
            "kode": rekaman.wilayah_id,
        }
    return f"{rekaman.wilayah.nama} ({rekaman.wilayah_id})"


def _nama_kabkota(wilayah, kabkota, rangkap):
    if wilayah.kode == kabkota:
        return wilayah.nama
    for r in rangkap:
        if r.wilayah_id == kabkota:
            return r.wilayah.nama
    return Wilayah.objects.filter(kode=kabkota).values_list("nama", flat=True).first() or kabkota
