"""Violation cases (penanganan pelanggaran): a finding of the supervisors (temuan) or a report
(laporan), checked, registered, studied, decided and forwarded to the competent body.

UU 7/2017 Pasal 454: a report is filed within 7 days of the violation being known; a registered
finding or report is decided within 7 days, plus 7 when more information is needed. The limits
are data in `apps.kalender`; this module only says which step starts which clock.

The reporter's identity is personal data (UU 27/2022): it lives in `Pelapor`, a child table
only case handlers of the office see (`permissions.TANGANI`), masked for other staff, never
public."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.nomor import format_nomor, nomor_berikut
from apps.core.perkara import Langkah, Perkara
from apps.core.tampilan import dihitung
from apps.kalender.services import jatuh_tempo
from apps.wilayah.models import Wilayah


class Sumber(models.TextChoices):
    TEMUAN = "temuan", pgettext_lazy("sumber pelanggaran", "Temuan")
    LAPORAN = "laporan", _("Laporan")


class Registrasi(models.TextChoices):
    DIREGISTRASI = "diregistrasi", _("Diregistrasi")
    TIDAK = "tidak_diregistrasi", _("Tidak diregistrasi")


class HasilKajian(models.TextChoices):
    PELANGGARAN = "pelanggaran", _("Terbukti pelanggaran")
    BUKAN = "bukan_pelanggaran", _("Bukan pelanggaran")


class JenisPelanggaran(models.TextChoices):
    ADMINISTRATIF = "administratif", _("Pelanggaran administratif")
    PIDANA = "pidana", _("Tindak pidana pemilu")
    KODE_ETIK = "kode_etik", _("Pelanggaran kode etik penyelenggara")
    HUKUM_LAINNYA = "hukum_lainnya", _("Pelanggaran hukum lainnya")
    NETRALITAS_ASN = "netralitas_asn", _("Netralitas ASN")


class Instansi(models.TextChoices):
    KPU = "kpu", _("KPU")
    GAKKUMDU = "gakkumdu", _("Sentra Gakkumdu")
    DKPP = "dkpp", _("DKPP")
    BKN = "bkn", _("BKN/KASN")
    LAINNYA = "lainnya", _("Instansi lain")


# the competent body for each type of violation (UU 7/2017 Pasal 455, 476; UU 5/2014)
INSTANSI_UNTUK_JENIS = {
    JenisPelanggaran.ADMINISTRATIF: {Instansi.KPU},
    JenisPelanggaran.PIDANA: {Instansi.GAKKUMDU},
    JenisPelanggaran.KODE_ETIK: {Instansi.DKPP},
    JenisPelanggaran.NETRALITAS_ASN: {Instansi.BKN},
    JenisPelanggaran.HUKUM_LAINNYA: {Instansi.LAINNYA},
}


class StatusPenanganan(models.TextChoices):
    PROSES = "proses", _("Dalam proses")
    TIDAK_DIREGISTRASI = "tidak_diregistrasi", _("Tidak diregistrasi")
    BUKAN_PELANGGARAN = "bukan_pelanggaran", _("Bukan pelanggaran")
    DITERUSKAN = "diteruskan", _("Diteruskan ke instansi berwenang")
    SELESAI = "selesai", _("Selesai")


SYARAT_FORMAL = ("syarat_formal_pelapor", "syarat_formal_terlapor", "syarat_formal_waktu")
SYARAT_MATERIEL = ("syarat_materiel_peristiwa", "syarat_materiel_uraian", "syarat_materiel_bukti")

# a step's date, in order; a later one may not be before an earlier one
URUTAN_TANGGAL = (
    "tanggal_kejadian",
    "tanggal_diketahui",
    "tanggal_laporan",
    "tanggal_kajian_awal",
    "tanggal_registrasi",
    "tanggal_kajian",
    "tanggal_penerusan",
    "tanggal_hasil_akhir",
)


def _tgl(value):
    return date_format(value, "j F Y")


BATAS_LAPORAN = "laporan_pelanggaran"
BATAS_KAJIAN = "penanganan_pelanggaran"
BATAS_TAMBAHAN = "penanganan_tambahan"


class Pelanggaran(Perkara):
    BATAS_WAKTU = (BATAS_LAPORAN, BATAS_KAJIAN, BATAS_TAMBAHAN)
    NAMA_TAHAP = {
        "diterima": _("Penerimaan"),
        "kajian_awal": _("Pemeriksaan syarat"),
        "registrasi": _("Registrasi"),
        "kajian": _("Kajian dan keputusan"),
        "penerusan": _("Penerusan"),
        "tindak_lanjut": _("Tindak lanjut"),
    }

    # -- penerimaan
    sumber = models.CharField(_("sumber"), max_length=10, choices=Sumber.choices)
    judul = models.CharField(
        _("pokok perkara"),
        max_length=200,
        help_text=_(
            "Singkat dan tanpa nama orang, mis. “Dugaan politik uang di Kecamatan Metro Pusat”. "
            "Dapat tampil di portal publik setelah diklasifikasi."
        ),
    )
    ringkasan = models.TextField(
        _("ringkasan untuk publik"),
        help_text=_("Ringkasan perkara tanpa data pribadi pelapor, saksi atau terlapor."),
    )
    uraian = models.TextField(
        _("uraian kejadian (internal)"),
        blank=True,
        help_text=_("Uraian lengkap peristiwa; tidak pernah tampil di portal publik."),
    )
    terlapor = models.CharField(
        _("terlapor (internal)"),
        max_length=255,
        blank=True,
        help_text=_("Nama dan kedudukan terlapor; tidak pernah tampil di portal publik."),
    )
    tempat_kejadian = models.CharField(_("tempat kejadian"), max_length=255, blank=True)
    tanggal_kejadian = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    tanggal_diketahui = models.DateField(
        _("tanggal diketahui"), help_text=_("Tanggal dugaan pelanggaran diketahui.")
    )
    tanggal_laporan = models.DateField(
        _("tanggal laporan/temuan"),
        help_text=_("Tanggal laporan diterima, atau tanggal temuan dicatat (Form A)."),
    )
    kegiatan_kampanye = models.ForeignKey(
        "kampanye.Kampanye",
        verbose_name=_("asal pengawasan kampanye"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="perkara_pelanggaran",
        help_text=_("Untuk temuan dari pengawasan kampanye yang mencatat dugaan pelanggaran."),
    )
    # -- syarat formal dan materiel (laporan)
    syarat_formal_pelapor = models.BooleanField(_("identitas pelapor lengkap"), default=False)
    syarat_formal_terlapor = models.BooleanField(_("nama dan alamat terlapor jelas"), default=False)
    syarat_formal_waktu = models.BooleanField(
        _("laporan disampaikan dalam batas waktu"), default=False
    )
    syarat_materiel_peristiwa = models.BooleanField(
        _("waktu dan tempat kejadian jelas"), default=False
    )
    syarat_materiel_uraian = models.BooleanField(_("uraian kejadian jelas"), default=False)
    syarat_materiel_bukti = models.BooleanField(_("bukti dilampirkan"), default=False)
    tanggal_kajian_awal = models.DateField(_("tanggal pemeriksaan syarat"), null=True, blank=True)
    # -- registrasi
    registrasi = models.CharField(
        _("registrasi"), max_length=20, choices=Registrasi.choices, blank=True
    )
    tanggal_registrasi = models.DateField(
        _("tanggal registrasi/keputusan"),
        null=True,
        blank=True,
        help_text=_("Tanggal diregistrasi, atau tanggal diputuskan tidak diregistrasi."),
    )
    nomor_registrasi = models.CharField(
        _("nomor registrasi"),
        max_length=100,
        blank=True,
        help_text=_("Kosongkan untuk diberi nomor otomatis saat diregistrasi."),
    )
    alasan_tidak_diregistrasi = models.TextField(_("alasan tidak diregistrasi"), blank=True)
    perlu_keterangan_tambahan = models.BooleanField(
        _("memerlukan keterangan tambahan"),
        default=False,
        help_text=_("Batas waktu kajian bertambah 7 hari (UU 7/2017 Pasal 454 ayat 7)."),
    )
    # -- kajian
    tanggal_kajian = models.DateField(_("tanggal keputusan kajian"), null=True, blank=True)
    hasil_kajian = models.CharField(
        _("hasil kajian"), max_length=20, choices=HasilKajian.choices, blank=True
    )
    jenis_pelanggaran = models.CharField(
        _("jenis pelanggaran"), max_length=20, choices=JenisPelanggaran.choices, blank=True
    )
    kesimpulan_kajian = models.TextField(_("kesimpulan kajian (internal)"), blank=True)
    # -- penerusan
    diteruskan_ke = models.CharField(
        _("diteruskan ke"), max_length=10, choices=Instansi.choices, blank=True
    )
    nama_instansi_lain = models.CharField(_("nama instansi lain"), max_length=200, blank=True)
    tanggal_penerusan = models.DateField(_("tanggal penerusan"), null=True, blank=True)
    nomor_surat_penerusan = models.CharField(_("nomor surat penerusan"), max_length=100, blank=True)
    # -- hasil akhir
    tanggal_hasil_akhir = models.DateField(_("tanggal tindak lanjut"), null=True, blank=True)
    hasil_akhir = models.TextField(
        _("tindak lanjut instansi"),
        blank=True,
        help_text=_("Mis. putusan pengadilan, sanksi administratif KPU, putusan DKPP."),
    )
    status_penanganan = models.CharField(
        _("status penanganan"),
        max_length=20,
        choices=StatusPenanganan.choices,
        default=StatusPenanganan.PROSES,
        editable=False,
    )

    class Meta(Perkara.Meta):
        verbose_name = _("penanganan pelanggaran")
        verbose_name_plural = _("penanganan pelanggaran")
        constraints = [
            *Perkara.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(tanggal_laporan__gte=models.F("tanggal_diketahui")),
                name="pelanggaran_lapor_sesudah_diketahui",
                violation_error_message=_("Tanggal laporan tidak boleh sebelum tanggal diketahui."),
            ),
            models.CheckConstraint(
                condition=models.Q(registrasi="diregistrasi") | models.Q(nomor_registrasi=""),
                name="pelanggaran_nomor_hanya_bila_diregistrasi",
            ),
            models.CheckConstraint(
                condition=models.Q(registrasi="diregistrasi") | models.Q(hasil_kajian=""),
                name="pelanggaran_kajian_sesudah_registrasi",
            ),
            models.CheckConstraint(
                condition=models.Q(hasil_kajian="pelanggaran") | models.Q(diteruskan_ke=""),
                name="pelanggaran_penerusan_bila_terbukti",
            ),
            models.UniqueConstraint(
                fields=["satker", "nomor_registrasi"],
                condition=~models.Q(nomor_registrasi=""),
                name="pelanggaran_nomor_unik_per_satker",
                violation_error_message=_("Nomor registrasi ini sudah dipakai di satker ini."),
            ),
        ]

    # ---- steps and deadlines -----------------------------------------------------------------

    def tenggat_laporan(self, batas=None) -> dt.date | None:
        """7 days after the violation was known (a report only)."""
        batas = self.batas_waktu() if batas is None else batas
        if (
            self.sumber != Sumber.LAPORAN
            or self.tanggal_diketahui is None
            or BATAS_LAPORAN not in batas
        ):
            return None
        return jatuh_tempo(self.tanggal_diketahui, batas[BATAS_LAPORAN])

    def tenggat_kajian(self, batas=None, libur=None) -> dt.date | None:
        """7 days after registration, 7 more when more information is needed. `libur`: the
        holidays already read (`kalender.services.libur_antara`)."""
        batas = self.batas_waktu() if batas is None else batas
        if (
            self.registrasi != Registrasi.DIREGISTRASI
            or self.tanggal_registrasi is None
            or BATAS_KAJIAN not in batas
        ):
            return None
        tempo = jatuh_tempo(self.tanggal_registrasi, batas[BATAS_KAJIAN], libur)
        if self.perlu_keterangan_tambahan and BATAS_TAMBAHAN in batas:
            tempo = jatuh_tempo(tempo, batas[BATAS_TAMBAHAN], libur)
        return tempo

    def langkah(self) -> list[Langkah]:
        laporan = self.sumber == Sumber.LAPORAN
        batas = self.batas_waktu()
        tenggat_laporan = self.tenggat_laporan(batas)
        steps = [
            Langkah(
                "diterima",
                _("Laporan diterima") if laporan else _("Temuan dicatat"),
                pada=self.tanggal_laporan,
                jatuh_tempo=tenggat_laporan,
                batas=batas.get(BATAS_LAPORAN) if laporan else None,
                keterangan=_("Dilaporkan melewati batas waktu")
                if tenggat_laporan and self.tanggal_laporan > tenggat_laporan
                else "",
            )
        ]
        if laporan:
            steps.append(
                Langkah(
                    "kajian_awal",
                    _("Pemeriksaan syarat formal dan materiel"),
                    pada=self.tanggal_kajian_awal,
                    keterangan=self.syarat_ringkas(),
                )
            )
        tidak = self.registrasi == Registrasi.TIDAK
        steps.append(
            Langkah(
                "registrasi",
                _("Tidak diregistrasi") if tidak else _("Registrasi"),
                pada=self.tanggal_registrasi if self.registrasi else None,
                keterangan=self.alasan_tidak_diregistrasi if tidak else self.nomor_registrasi,
            )
        )
        if tidak:
            return steps
        steps.append(
            Langkah(
                "kajian",
                _("Kajian dan keputusan"),
                pada=self.tanggal_kajian if self.hasil_kajian else None,
                jatuh_tempo=self.tenggat_kajian(batas),
                batas=batas.get(BATAS_TAMBAHAN if self.perlu_keterangan_tambahan else BATAS_KAJIAN),
                keterangan=" · ".join(
                    str(v)
                    for v in (self.get_hasil_kajian_display(), self.get_jenis_pelanggaran_display())
                    if v
                ),
            )
        )
        if self.hasil_kajian == HasilKajian.BUKAN:
            return steps
        steps.append(
            Langkah(
                "penerusan",
                _("Penerusan ke instansi berwenang"),
                pada=self.tanggal_penerusan,
                keterangan=" · ".join(
                    v for v in (self.nama_instansi, self.nomor_surat_penerusan) if v
                ),
            )
        )
        steps.append(
            Langkah(
                "tindak_lanjut",
                _("Tindak lanjut instansi"),
                pada=self.tanggal_hasil_akhir,
            )
        )
        return steps

    def perbarui_tahap(self) -> list[str]:
        fields = super().perbarui_tahap()
        self.status_penanganan = self.hitung_status()
        return [*fields, "status_penanganan"]

    def hitung_status(self) -> str:
        if self.registrasi == Registrasi.TIDAK:
            return StatusPenanganan.TIDAK_DIREGISTRASI
        if self.hasil_kajian == HasilKajian.BUKAN:
            return StatusPenanganan.BUKAN_PELANGGARAN
        if self.tanggal_hasil_akhir:
            return StatusPenanganan.SELESAI
        if self.tanggal_penerusan:
            return StatusPenanganan.DITERUSKAN
        return StatusPenanganan.PROSES

    def sebelum_simpan(self, user) -> list[str]:
        """Inside the saving transaction: a registered case without a number gets the next
        one of its office, kind and year."""
        fields = []
        if (
            self.registrasi == Registrasi.DIREGISTRASI
            and not self.nomor_registrasi
            and self.tanggal_registrasi
        ):
            kode_sumber = "LP" if self.sumber == Sumber.LAPORAN else "TM"
            urut = nomor_berikut(
                self.satker, f"pelanggaran-{kode_sumber}", self.tanggal_registrasi.year
            )
            self.nomor_registrasi = format_nomor(
                settings.POLA_NOMOR_REGISTRASI_PELANGGARAN,
                urut=urut,
                satker=self.satker,
                tanggal=self.tanggal_registrasi,
                sumber=kode_sumber,
            )
            fields.append("nomor_registrasi")
        return [*fields, *super().sebelum_simpan(user)]

    # ---- computed ----------------------------------------------------------------------------

    @dihitung(_("terlambat dilaporkan"))
    def terlambat_dilaporkan(self):
        batas = self.tenggat_laporan()
        return bool(batas and self.tanggal_laporan and self.tanggal_laporan > batas)

    @property
    def nama_instansi(self) -> str:
        if self.diteruskan_ke == Instansi.LAINNYA:
            return self.nama_instansi_lain
        return str(self.get_diteruskan_ke_display()) if self.diteruskan_ke else ""

    def syarat_ringkas(self) -> str:
        if self.sumber != Sumber.LAPORAN:
            return ""
        formal = sum(bool(getattr(self, n)) for n in SYARAT_FORMAL)
        materiel = sum(bool(getattr(self, n)) for n in SYARAT_MATERIEL)
        return str(_("formal %(f)s/3, materiel %(m)s/3")) % {"f": formal, "m": materiel}

    # ---- rules -------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = self.periksa_baris()

        def galat(field, pesan):
            errors.setdefault(field, []).append(pesan)

        self._clean_kampanye(galat)
        self._clean_terlambat(galat)
        if errors:
            raise ValidationError(errors)

    def periksa_baris(self):
        """The rules of this case alone that need no query: no date after today, the dates in
        step order, the requirements check only for reports, registration, study and
        forwarding consistent with each other. `clean()` adds the campaign activity's own
        rules and "late needs a reason" (they read other rows); an import checks those for all
        rows at once (`apps.pelanggaran.impor`), and the register number unique per office
        there too (the form: the database constraint)."""
        errors: dict[str, list] = {}

        def galat(field, pesan):
            errors.setdefault(field, []).append(pesan)

        hari_ini = timezone.localdate()
        for name in URUTAN_TANGGAL:
            value = getattr(self, name)
            if value and value > hari_ini:
                galat(
                    name,
                    _("%(label)s (%(t)s) tidak boleh sesudah hari ini.")
                    % {"label": self._meta.get_field(name).verbose_name, "t": _tgl(value)},
                )
        # dates in step order
        sebelumnya = None
        for name in URUTAN_TANGGAL:
            value = getattr(self, name)
            if value is None:
                continue
            if sebelumnya and value < getattr(self, sebelumnya):
                galat(
                    name,
                    _("%(label)s (%(t)s) tidak boleh sebelum %(label2)s (%(t2)s).")
                    % {
                        "label": self._meta.get_field(name).verbose_name,
                        "t": _tgl(value),
                        "label2": self._meta.get_field(sebelumnya).verbose_name,
                        "t2": _tgl(getattr(self, sebelumnya)),
                    },
                )
            sebelumnya = name
        laporan = self.sumber == Sumber.LAPORAN
        syarat = (*SYARAT_FORMAL, *SYARAT_MATERIEL)
        if not laporan:
            for name in (*syarat, "tanggal_kajian_awal"):
                if getattr(self, name):
                    galat(
                        name,
                        _("Pemeriksaan syarat formal dan materiel hanya untuk laporan."),
                    )
        elif any(getattr(self, n) for n in syarat) and not self.tanggal_kajian_awal:
            galat("tanggal_kajian_awal", _("Isi tanggal pemeriksaan syarat."))
        if self.sumber == Sumber.LAPORAN and self.kegiatan_kampanye_id:
            galat(
                "kegiatan_kampanye",
                _("Asal pengawasan kampanye hanya untuk temuan pengawas, bukan laporan."),
            )
        self._clean_registrasi(galat, laporan)
        self._clean_kajian(galat)
        self._clean_penerusan(galat)
        return errors

    def _clean_kampanye(self, galat):
        k = self.kegiatan_kampanye if self.kegiatan_kampanye_id else None
        if k is None:
            return
        if not k.dugaan_pelanggaran:
            galat(
                "kegiatan_kampanye",
                _("Kegiatan kampanye “%(k)s” tidak mencatat dugaan pelanggaran.") % {"k": k},
            )
        if self.satker_id and k.satker_id != self.satker_id:
            galat(
                "kegiatan_kampanye",
                _("Kegiatan kampanye “%(k)s” milik satker lain.") % {"k": k},
            )

    def _clean_registrasi(self, galat, laporan):
        if not self.registrasi:
            for name in ("tanggal_registrasi", "nomor_registrasi", "alasan_tidak_diregistrasi"):
                if getattr(self, name):
                    galat("registrasi", _("Pilih hasil registrasi terlebih dahulu."))
                    break
            return
        if not self.tanggal_registrasi:
            galat("tanggal_registrasi", _("Isi tanggal registrasi atau tanggal keputusannya."))
        if laporan and not self.tanggal_kajian_awal:
            galat(
                "registrasi",
                _(
                    "Laporan baru dapat diputuskan registrasinya setelah syarat formal dan "
                    "materiel diperiksa (isi tanggal pemeriksaan syarat)."
                ),
            )
        if self.registrasi == Registrasi.DIREGISTRASI:
            if laporan:
                kurang = [
                    str(self._meta.get_field(n).verbose_name)
                    for n in (*SYARAT_FORMAL, *SYARAT_MATERIEL)
                    if not getattr(self, n)
                ]
                if kurang:
                    galat(
                        "registrasi",
                        _("Laporan tidak dapat diregistrasi: syarat belum terpenuhi (%(s)s).")
                        % {"s": ", ".join(kurang)},
                    )
            if self.alasan_tidak_diregistrasi:
                galat(
                    "alasan_tidak_diregistrasi",
                    _("Alasan tidak diregistrasi hanya diisi bila tidak diregistrasi."),
                )
        else:
            if not self.alasan_tidak_diregistrasi.strip():
                galat(
                    "alasan_tidak_diregistrasi",
                    _("Tuliskan alasan laporan/temuan tidak diregistrasi."),
                )
            if self.nomor_registrasi:
                galat(
                    "nomor_registrasi",
                    _("Nomor registrasi hanya untuk yang diregistrasi."),
                )

    def _clean_kajian(self, galat):
        diisi = [n for n in ("tanggal_kajian", "hasil_kajian") if getattr(self, n)]
        if self.perlu_keterangan_tambahan and self.registrasi != Registrasi.DIREGISTRASI:
            galat(
                "perlu_keterangan_tambahan",
                _("Perpanjangan kajian hanya untuk perkara yang diregistrasi."),
            )
        if diisi and self.registrasi != Registrasi.DIREGISTRASI:
            galat(diisi[0], _("Kajian baru dapat dicatat setelah perkara diregistrasi."))
            return
        if len(diisi) == 1:
            kosong = {"tanggal_kajian", "hasil_kajian"} - set(diisi)
            galat(
                kosong.pop(),
                _("Tanggal keputusan kajian dan hasil kajian diisi bersama."),
            )
        if self.hasil_kajian == HasilKajian.PELANGGARAN and not self.jenis_pelanggaran:
            galat("jenis_pelanggaran", _("Pilih jenis pelanggaran yang terbukti."))
        if self.jenis_pelanggaran and self.hasil_kajian != HasilKajian.PELANGGARAN:
            galat(
                "jenis_pelanggaran",
                _("Jenis pelanggaran hanya diisi bila hasil kajian terbukti pelanggaran."),
            )

    def _clean_penerusan(self, galat):
        penerusan = ("diteruskan_ke", "tanggal_penerusan", "nomor_surat_penerusan")
        diisi = [n for n in penerusan if getattr(self, n)]
        if diisi and self.hasil_kajian != HasilKajian.PELANGGARAN:
            galat(
                diisi[0],
                _("Penerusan hanya dicatat setelah kajian memutuskan terbukti pelanggaran."),
            )
            return
        if diisi:
            for name in ("diteruskan_ke", "tanggal_penerusan"):
                if not getattr(self, name):
                    galat(name, _("Lengkapi instansi tujuan dan tanggal penerusan."))
        if self.diteruskan_ke == Instansi.LAINNYA and not self.nama_instansi_lain.strip():
            galat("nama_instansi_lain", _("Tuliskan nama instansi tujuan."))
        if self.diteruskan_ke and self.jenis_pelanggaran:
            sah = INSTANSI_UNTUK_JENIS.get(self.jenis_pelanggaran, set())
            if self.diteruskan_ke not in sah:
                galat(
                    "diteruskan_ke",
                    _("%(jenis)s diteruskan ke %(sah)s, bukan %(ke)s.")
                    % {
                        "jenis": self.get_jenis_pelanggaran_display(),
                        "sah": ", ".join(str(Instansi(i).label) for i in sorted(sah)),
                        "ke": self.get_diteruskan_ke_display(),
                    },
                )
        akhir = [n for n in ("tanggal_hasil_akhir", "hasil_akhir") if getattr(self, n)]
        if akhir and not self.tanggal_penerusan:
            galat(akhir[0], _("Tindak lanjut instansi dicatat setelah perkara diteruskan."))
        elif len(akhir) == 1:
            kosong = {"tanggal_hasil_akhir", "hasil_akhir"} - set(akhir)
            galat(kosong.pop(), _("Tanggal dan isi tindak lanjut diisi bersama."))

    def periksa_terlambat(self, batas=None, libur=None):
        errors: dict[str, list] = {}
        self._clean_terlambat(lambda f, p: errors.setdefault(f, []).append(p), batas, libur)
        return errors

    def _clean_terlambat(self, galat, batas=None, libur=None):
        """A legal deadline is enforced by asking why it was missed; late data is still kept."""
        batas = self.tenggat_kajian(batas, libur)
        if (
            batas
            and self.tanggal_kajian
            and self.tanggal_kajian > batas
            and not self.alasan_terlambat.strip()
        ):
            galat(
                "alasan_terlambat",
                _("Kajian diputus %(t)s, melewati batas waktu %(b)s: tuliskan alasannya.")
                % {"t": _tgl(self.tanggal_kajian), "b": _tgl(batas)},
            )


class Pelapor(models.Model):
    """The reporter of a report: personal data (UU 27/2022). Read and written only through
    the case handlers' pages; masked elsewhere; never public, never in an API or a
    download."""

    jenis_pii = {
        "nama": "NAME",
        "nik": "NIK",
        "alamat": "ADDRESS",
        "telepon": "PHONE",
        "email": "EMAIL",
    }

    pelanggaran = models.ForeignKey(
        Pelanggaran, verbose_name=_("perkara"), on_delete=models.CASCADE, related_name="pelapor"
    )
    nama = models.CharField(_("nama pelapor"), max_length=150)
    nik = models.CharField(_("NIK"), max_length=16)
    alamat = models.CharField(_("alamat"), max_length=255)
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("pelapor")
        verbose_name_plural = _("pelapor")
        ordering = ["pelanggaran", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nik__regex=r"^[0-9]{16}$"), name="pelapor_nik_16_digit"
            ),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        super().clean()
        if self.nik:
            pesan = periksa_nik(self.nik)
            if pesan:
                raise ValidationError({"nik": pesan})


def periksa_nik(nik: str) -> str:
    """'' for a plausible NIK, else why not (16 digits, a known province and kab/kota, a
    real birth date). The kab/kota is checked against the region table, the rest by
    lokal-id."""
    from lokal import parse_nik

    nik = nik.strip()
    hasil = parse_nik(nik)
    if not hasil.valid:
        alasan = "; ".join(i.message for i in hasil.errors)
        return _("NIK %(nik)s tidak valid: %(alasan)s") % {"nik": nik, "alasan": alasan}
    if not Wilayah.objects.filter(kode=hasil.regency_code).exists():
        return _("NIK %(nik)s tidak valid: kode kabupaten/kota %(kode)s tidak dikenal.") % {
            "nik": nik,
            "kode": hasil.regency_code,
        }
    return ""
