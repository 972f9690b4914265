"""Electoral process disputes (sengketa proses pemilu, UU 7/2017 Pasal 466–469; Perbawaslu
9/2022): an election participant asks Bawaslu to set aside a KPU decision.

The application is received, registered (or not registered: the application cannot be
accepted), mediated; when the parties agree the agreement ends the dispute, otherwise it goes
to adjudication hearings and a decision. Registration is due 3 working days after receipt,
mediation 2 working days after registration, the decision 12 days after receipt. The limits
are data in `apps.kalender`; this module only says which step starts which clock. A step
recorded after its due date needs a reason (`alasan_terlambat`): late data is never refused.

The applicant is a public actor (a party, a candidate); the contact details of the person who
speaks for them are personal data (UU 27/2022) and live in `KontakPemohon`, which only the
office's case handlers see (`permissions.TANGANI`), masked for other staff, never public."""

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.core.nomor import format_nomor, nomor_berikut
from apps.core.perkara import Langkah, Perkara
from apps.core.validators import validate_pdf
from apps.kalender.services import jatuh_tempo

# the register's kind in apps.core.nomor (one sequence per office and year)
JENIS_REGISTER = "sengketa"

# the legal time limits (`BatasWaktu.kode`) of the steps
BATAS_REGISTRASI = "registrasi_sengketa"
BATAS_MEDIASI = "mediasi_sengketa"
BATAS_PUTUSAN = "putusan_sengketa"


class JenisPemohon(models.TextChoices):
    PARTAI = "partai_politik", _("Partai politik")
    CALON_LEGISLATIF = "calon_legislatif", _("Bakal calon/calon anggota DPR atau DPRD")
    CALON_DPD = "calon_dpd", _("Bakal calon/calon anggota DPD")
    PASANGAN_CALON = "pasangan_calon", _("Bakal pasangan calon/pasangan calon")


class Registrasi(models.TextChoices):
    BELUM = "belum", _("Belum diputuskan")
    DIREGISTRASI = "diregistrasi", _("Diregistrasi")
    TIDAK = "tidak_diregistrasi", _("Tidak diregistrasi (permohonan tidak dapat diterima)")


class HasilMediasi(models.TextChoices):
    SEPAKAT = "sepakat", _("Sepakat")
    TIDAK_SEPAKAT = "tidak_sepakat", _("Tidak sepakat")


class AmarPutusan(models.TextChoices):
    DIKABULKAN_SELURUHNYA = "dikabulkan_seluruhnya", _("Dikabulkan seluruhnya")
    DIKABULKAN_SEBAGIAN = "dikabulkan_sebagian", _("Dikabulkan sebagian")
    DITOLAK = "ditolak", _("Ditolak")
    TIDAK_DAPAT_DITERIMA = "tidak_dapat_diterima", _("Tidak dapat diterima")


class UpayaHukum(models.TextChoices):
    PTUN = "ptun", _("Gugatan ke PTUN")
    PTTUN = "pttun", _("Gugatan ke PT TUN")
    MA = "ma", _("Kasasi ke Mahkamah Agung")
    LAINNYA = "lainnya", _("Lainnya")


class StatusSengketa(models.TextChoices):
    PROSES = "proses", _("Dalam proses")
    TIDAK_DIREGISTRASI = "tidak_diregistrasi", _("Tidak diregistrasi")
    SELESAI_MEDIASI = "selesai_mediasi", _("Selesai melalui mediasi (sepakat)")
    DIPUTUS = "diputus", _("Diputus")


# a step's date, in order: a later one may not be before an earlier one
URUTAN_TANGGAL = (
    "tanggal_objek",
    "tanggal_diterima",
    "tanggal_registrasi",
    "tanggal_mediasi",
    "tanggal_sidang_pertama",
    "tanggal_putusan",
    "tanggal_upaya_hukum",
)

# A NIK (16 digits), an Indonesian mobile number or an e-mail address in a text shown on the
# public portal: the applicant's contact person belongs in `KontakPemohon`, never there.
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_TELEPON = re.compile(r"(?<![\d+])(?:\+62|62|0)[\s.-]?8\d(?:[\s.-]?\d){6,10}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def tanpa_data_pribadi(teks):
    """Refuse a public text that carries a NIK, a phone number or an e-mail address."""
    for pola, jenis in (
        (_NIK, _("NIK")),
        (_TELEPON, _("nomor telepon")),
        (_EMAIL, _("alamat email")),
    ):
        cocok = pola.search(teks or "")
        if cocok:
            raise ValidationError(
                _(
                    "Teks ini tampil di portal publik dan tidak boleh memuat %(jenis)s "
                    "(“%(nilai)s”); catat kontak pemohon pada bagian Narahubung pemohon."
                )
                % {"jenis": jenis, "nilai": cocok.group(0)},
                code="data_pribadi",
            )


nomor_register_sah = RegexValidator(
    r"^[0-9A-Za-z][0-9A-Za-z./-]*$",
    _(
        "Nomor register hanya memuat huruf, angka, titik, garis miring dan tanda hubung, "
        "tanpa spasi, mis. 001/PS.REG/18.72/VI/2024."
    ),
)


def lokasi_putusan(instance, filename):
    """sengketa/putusan/<year>/<month>/<random>.pdf: never the uploader's file name."""
    return timezone.localdate().strftime("sengketa/putusan/%Y/%m/") + f"{uuid.uuid4().hex}.pdf"


def termohon_bawaan(satker) -> str:
    """The KPU of the office's region: “KPU Kota Metro”, “KPU Provinsi Lampung”, “KPU”."""
    wilayah = satker.wilayah if satker is not None else None
    if wilayah is None:
        return "KPU"
    if "." in wilayah.kode:
        return f"KPU {wilayah.nama}"
    return f"KPU Provinsi {wilayah.nama}"


def _tgl(value):
    return date_format(value, "j F Y")


class Sengketa(Perkara):
    BATAS_WAKTU = (BATAS_REGISTRASI, BATAS_MEDIASI, BATAS_PUTUSAN)
    NAMA_TAHAP = {
        "diterima": _("Penerimaan permohonan"),
        "registrasi": _("Registrasi"),
        "mediasi": _("Mediasi"),
        "sidang": _("Sidang adjudikasi"),
        "putusan": _("Putusan"),
    }

    # -- permohonan
    pemohon = models.CharField(
        _("pemohon"),
        max_length=200,
        help_text=_("Partai politik, calon atau pasangan calon yang mengajukan permohonan."),
    )
    jenis_pemohon = models.CharField(
        _("jenis pemohon"), max_length=20, choices=JenisPemohon.choices
    )
    termohon = models.CharField(
        _("termohon"),
        max_length=200,
        blank=True,
        help_text=_("Kosongkan untuk KPU wilayah satker ini, mis. “KPU Kota Metro”."),
    )
    nomor_objek = models.CharField(
        _("keputusan KPU yang disengketakan"),
        max_length=200,
        help_text=_("Nomor keputusan atau berita acara KPU yang menjadi objek sengketa."),
    )
    tanggal_objek = models.DateField(_("tanggal keputusan KPU"))
    tanggal_diterima = models.DateField(
        _("tanggal permohonan diterima"),
        help_text=_("Batas waktu registrasi dan putusan dihitung dari tanggal ini."),
    )
    pokok_permohonan = models.TextField(
        _("pokok permohonan"),
        validators=[tanpa_data_pribadi],
        help_text=_("Ringkasan untuk publik, tanpa data pribadi siapa pun."),
    )
    petitum = models.TextField(
        _("petitum (internal)"),
        blank=True,
        help_text=_("Yang dimohonkan pemohon; tidak pernah tampil di portal publik."),
    )
    # -- registrasi
    registrasi = models.CharField(
        _("registrasi"), max_length=20, choices=Registrasi.choices, default=Registrasi.BELUM
    )
    tanggal_registrasi = models.DateField(
        _("tanggal registrasi"),
        null=True,
        blank=True,
        help_text=_("Tanggal diregistrasi, atau tanggal diputuskan tidak diregistrasi."),
    )
    nomor_register = models.CharField(
        _("nomor register"),
        max_length=100,
        blank=True,
        validators=[nomor_register_sah],
        help_text=_("Kosongkan untuk diberi nomor otomatis saat diregistrasi."),
    )
    keterangan_registrasi = models.TextField(
        _("keterangan registrasi (internal)"),
        blank=True,
        help_text=_("Wajib diisi alasan bila permohonan tidak diregistrasi."),
    )
    # -- mediasi
    tanggal_mediasi = models.DateField(_("tanggal mediasi"), null=True, blank=True)
    hasil_mediasi = models.CharField(
        _("hasil mediasi"), max_length=20, choices=HasilMediasi.choices, blank=True
    )
    catatan_mediasi = models.TextField(
        _("catatan mediasi (internal)"),
        blank=True,
        help_text=_("Bila sepakat: isi kesepakatan para pihak."),
    )
    # -- adjudikasi
    tanggal_sidang_pertama = models.DateField(
        _("tanggal sidang adjudikasi pertama"), null=True, blank=True
    )
    jumlah_sidang = models.PositiveSmallIntegerField(
        _("jumlah sidang adjudikasi"),
        null=True,
        blank=True,
        help_text=_("Sidang yang telah digelar sampai hari ini."),
    )
    catatan_adjudikasi = models.TextField(_("catatan adjudikasi (internal)"), blank=True)
    # -- putusan
    tanggal_putusan = models.DateField(_("tanggal putusan"), null=True, blank=True)
    amar_putusan = models.CharField(
        _("amar putusan"), max_length=25, choices=AmarPutusan.choices, blank=True
    )
    ringkasan_putusan = models.TextField(
        _("ringkasan putusan"),
        blank=True,
        validators=[tanpa_data_pribadi],
        help_text=_("Untuk publik; wajib bila putusan dicatat."),
    )
    dokumen_putusan = models.FileField(
        _("dokumen putusan (PDF)"),
        upload_to=lokasi_putusan,
        validators=[validate_pdf],
        max_length=255,
        blank=True,
    )
    # -- upaya hukum
    upaya_hukum = models.CharField(
        _("upaya hukum"),
        max_length=10,
        choices=UpayaHukum.choices,
        blank=True,
        help_text=_("Kosongkan bila tidak ada upaya hukum atas putusan."),
    )
    tanggal_upaya_hukum = models.DateField(_("tanggal upaya hukum"), null=True, blank=True)
    status_sengketa = models.CharField(
        _("status sengketa"),
        max_length=20,
        choices=StatusSengketa.choices,
        default=StatusSengketa.PROSES,
        editable=False,
    )

    class Meta(Perkara.Meta):
        verbose_name = _("sengketa proses")
        verbose_name_plural = _("sengketa proses")
        constraints = [
            *Perkara.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(tanggal_diterima__gte=models.F("tanggal_objek")),
                name="sengketa_diterima_sesudah_objek",
                violation_error_message=_(
                    "Tanggal permohonan diterima tidak boleh sebelum tanggal keputusan KPU."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(tanggal_registrasi__isnull=True)
                | models.Q(tanggal_registrasi__gte=models.F("tanggal_diterima")),
                name="sengketa_registrasi_sesudah_diterima",
                violation_error_message=_(
                    "Tanggal registrasi tidak boleh sebelum tanggal permohonan diterima."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(registrasi=Registrasi.DIREGISTRASI)
                | models.Q(nomor_register=""),
                name="sengketa_nomor_hanya_bila_diregistrasi",
                violation_error_message=_(
                    "Nomor register hanya untuk permohonan yang diregistrasi."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(tanggal_sidang_pertama__isnull=True)
                | models.Q(hasil_mediasi=HasilMediasi.TIDAK_SEPAKAT),
                name="sengketa_sidang_bila_mediasi_gagal",
                violation_error_message=_(
                    "Sidang adjudikasi hanya bila mediasi tidak mencapai kesepakatan."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(tanggal_putusan__isnull=True, amar_putusan="")
                | (models.Q(tanggal_putusan__isnull=False) & ~models.Q(amar_putusan="")),
                name="sengketa_putusan_lengkap",
                violation_error_message=_("Tanggal putusan dan amar putusan diisi bersama."),
            ),
            models.UniqueConstraint(
                fields=["satker", "nomor_register"],
                condition=~models.Q(nomor_register=""),
                name="sengketa_nomor_register_unik",
                violation_error_message=_("Nomor register ini sudah dipakai di satker ini."),
            ),
        ]

    def __str__(self):
        if self.termohon:
            return str(_("%(pemohon)s melawan %(termohon)s")) % {
                "pemohon": self.pemohon,
                "termohon": self.termohon,
            }
        return self.pemohon

    # ---- steps and deadlines -----------------------------------------------------------------

    def tenggat_langkah(self, batas=None, libur=None) -> dict:
        """{step: due date} of the steps whose clock has started. `libur`: the holidays
        already read (`kalender.services.libur_antara`)."""
        batas = self.batas_waktu() if batas is None else batas
        hasil = {}
        if self.tanggal_diterima and BATAS_REGISTRASI in batas:
            hasil["registrasi"] = jatuh_tempo(self.tanggal_diterima, batas[BATAS_REGISTRASI], libur)
        if (
            self.registrasi == Registrasi.DIREGISTRASI
            and self.tanggal_registrasi
            and BATAS_MEDIASI in batas
        ):
            hasil["mediasi"] = jatuh_tempo(self.tanggal_registrasi, batas[BATAS_MEDIASI], libur)
        if self.tanggal_diterima and BATAS_PUTUSAN in batas:
            hasil["putusan"] = jatuh_tempo(self.tanggal_diterima, batas[BATAS_PUTUSAN], libur)
        return hasil

    @property
    def sepakat(self) -> bool:
        return self.hasil_mediasi == HasilMediasi.SEPAKAT

    @property
    def tidak_diregistrasi(self) -> bool:
        return self.registrasi == Registrasi.TIDAK

    def langkah(self) -> list[Langkah]:
        batas = self.batas_waktu()
        tempo = self.tenggat_langkah(batas)
        steps = [
            Langkah("diterima", _("Permohonan diterima"), pada=self.tanggal_diterima),
            Langkah(
                "registrasi",
                _("Tidak diregistrasi") if self.tidak_diregistrasi else _("Registrasi"),
                pada=self.tanggal_registrasi if self.registrasi != Registrasi.BELUM else None,
                jatuh_tempo=tempo.get("registrasi"),
                batas=batas.get(BATAS_REGISTRASI),
                keterangan=self.keterangan_registrasi
                if self.tidak_diregistrasi
                else self.nomor_register,
            ),
        ]
        putusan = Langkah(
            "putusan",
            _("Putusan"),
            pada=self.tanggal_putusan,
            jatuh_tempo=tempo.get("putusan"),
            batas=batas.get(BATAS_PUTUSAN),
            keterangan=self.get_amar_putusan_display() if self.amar_putusan else "",
        )
        if self.tidak_diregistrasi:
            # an application that was not registered ends there, unless it was also decided
            # not admissible
            return [*steps, putusan] if self.tanggal_putusan else steps
        steps.append(
            Langkah(
                "mediasi",
                _("Mediasi"),
                pada=self.tanggal_mediasi if self.hasil_mediasi else None,
                jatuh_tempo=tempo.get("mediasi"),
                batas=batas.get(BATAS_MEDIASI),
                keterangan=self.get_hasil_mediasi_display() if self.hasil_mediasi else "",
            )
        )
        if self.sepakat:
            return steps  # the agreement is the outcome: no adjudication, no decision
        steps.append(
            Langkah(
                "sidang",
                _("Sidang adjudikasi"),
                pada=self.tanggal_sidang_pertama,
                # the hearings run against the decision's clock
                jatuh_tempo=tempo.get("putusan"),
                batas=batas.get(BATAS_PUTUSAN),
                keterangan=ngettext("%(n)s sidang", "%(n)s sidang", self.jumlah_sidang or 0)
                % {"n": self.jumlah_sidang}
                if self.jumlah_sidang
                else "",
            )
        )
        steps.append(putusan)
        if self.upaya_hukum:
            steps.append(
                Langkah(
                    "upaya_hukum",
                    _("Upaya hukum"),
                    pada=self.tanggal_upaya_hukum,
                    keterangan=self.get_upaya_hukum_display(),
                )
            )
        return steps

    def hitung_status(self) -> str:
        if self.tidak_diregistrasi:
            return StatusSengketa.TIDAK_DIREGISTRASI
        if self.sepakat:
            return StatusSengketa.SELESAI_MEDIASI
        if self.tanggal_putusan:
            return StatusSengketa.DIPUTUS
        return StatusSengketa.PROSES

    def perbarui_tahap(self) -> list[str]:
        fields = super().perbarui_tahap()
        self.status_sengketa = self.hitung_status()
        return [*fields, "status_sengketa"]

    def sebelum_simpan(self, user) -> list[str]:
        """Inside the saving transaction: the KPU of the region as respondent when none was
        typed, and a registered application without a number gets the next one of its
        office and year (skipping any number already typed by hand)."""
        fields = []
        if not self.termohon.strip():
            self.termohon = termohon_bawaan(self.satker)
            fields.append("termohon")
        if (
            self.registrasi == Registrasi.DIREGISTRASI
            and not self.nomor_register
            and self.tanggal_registrasi
        ):
            self.nomor_register = self._nomor_baru()
            fields.append("nomor_register")
        return [*fields, *super().sebelum_simpan(user)]

    def _nomor_baru(self) -> str:
        while True:
            nomor = format_nomor(
                settings.POLA_NOMOR_REGISTER_SENGKETA,
                urut=nomor_berikut(self.satker, JENIS_REGISTER, self.tanggal_registrasi.year),
                satker=self.satker,
                tanggal=self.tanggal_registrasi,
            )
            if not self._nomor_dipakai(nomor):
                return nomor

    def _nomor_dipakai(self, nomor) -> bool:
        """Another application of the same office carries `nomor` (e.g. typed by hand)."""
        return (
            Sengketa.objects.filter(satker_id=self.satker_id, nomor_register=nomor)
            .exclude(pk=self.pk)
            .exists()
        )

    # ---- rules -------------------------------------------------------------------------------

    def _label(self, name):
        return self._meta.get_field(name).verbose_name

    def clean(self):
        super().clean()
        errors = self.periksa_baris()

        def galat(field, pesan):
            errors.setdefault(field, []).append(pesan)

        self._clean_nomor_dipakai(galat)
        self._clean_terlambat(galat)
        if errors:
            raise ValidationError(errors)

    def periksa_baris(self):
        """The rules of this application alone that need no query: no date after today, the
        dates in step order, registration, mediation, hearings, decision and appeal
        consistent with each other. `clean()` adds the register number unique per office and
        "late needs a reason" (they read other rows); an import checks those for all rows at
        once (`apps.sengketa.impor`)."""
        errors: dict[str, list] = {}

        def galat(field, pesan):
            errors.setdefault(field, []).append(pesan)

        self._clean_tanggal(galat)
        self._clean_registrasi(galat)
        self._clean_mediasi(galat)
        self._clean_sidang(galat)
        self._clean_putusan(galat)
        self._clean_upaya_hukum(galat)
        return errors

    def periksa_terlambat(self, batas=None, libur=None):
        errors: dict[str, list] = {}
        self._clean_terlambat(lambda f, p: errors.setdefault(f, []).append(p), batas, libur)
        return errors

    def _clean_tanggal(self, galat):
        hari_ini = timezone.localdate()
        sebelumnya = None
        for name in URUTAN_TANGGAL:
            value = getattr(self, name)
            if value is None:
                continue
            if value > hari_ini:
                galat(
                    name,
                    _("%(label)s (%(t)s) tidak boleh sesudah hari ini (%(h)s).")
                    % {"label": capfirst(self._label(name)), "t": _tgl(value), "h": _tgl(hari_ini)},
                )
            if sebelumnya and value < getattr(self, sebelumnya):
                galat(
                    name,
                    _("%(label)s (%(t)s) tidak boleh sebelum %(label2)s (%(t2)s).")
                    % {
                        "label": capfirst(self._label(name)),
                        "t": _tgl(value),
                        "label2": self._label(sebelumnya),
                        "t2": _tgl(getattr(self, sebelumnya)),
                    },
                )
            sebelumnya = name

    def _clean_registrasi(self, galat):
        if self.registrasi in ("", Registrasi.BELUM):
            if self.tanggal_registrasi:
                galat(
                    "registrasi",
                    _(
                        "Pilih hasil registrasi (diregistrasi atau tidak diregistrasi) untuk "
                        "tanggal registrasi %(t)s."
                    )
                    % {"t": _tgl(self.tanggal_registrasi)},
                )
        elif not self.tanggal_registrasi:
            galat(
                "tanggal_registrasi",
                _("Isi tanggal registrasi: tanggal diputuskan permohonan tidak diregistrasi.")
                if self.tidak_diregistrasi
                else _("Isi tanggal registrasi: tanggal permohonan diregistrasi."),
            )
        if self.nomor_register and self.registrasi != Registrasi.DIREGISTRASI:
            galat(
                "nomor_register",
                _(
                    "Nomor register %(nomor)s hanya untuk permohonan yang diregistrasi; "
                    "registrasi permohonan ini “%(hasil)s”."
                )
                % {"nomor": self.nomor_register, "hasil": self.get_registrasi_display()},
            )
        if self.tidak_diregistrasi and not self.keterangan_registrasi.strip():
            galat(
                "keterangan_registrasi",
                _("Tuliskan alasan permohonan tidak diregistrasi."),
            )

    def _clean_nomor_dipakai(self, galat):
        if (
            self.nomor_register
            and self.registrasi == Registrasi.DIREGISTRASI
            and self.satker_id
            and self._nomor_dipakai(self.nomor_register)
        ):
            galat(
                "nomor_register",
                _("Nomor register %(nomor)s sudah dipakai permohonan lain di satker ini.")
                % {"nomor": self.nomor_register},
            )

    def _clean_mediasi(self, galat):
        diisi = [n for n in ("tanggal_mediasi", "hasil_mediasi") if getattr(self, n)]
        if not diisi:
            return
        if self.registrasi != Registrasi.DIREGISTRASI:
            galat(
                diisi[0],
                _("Mediasi tidak dilakukan untuk permohonan yang tidak diregistrasi.")
                if self.tidak_diregistrasi
                else _("Mediasi baru dapat dicatat setelah permohonan diregistrasi."),
            )
            return
        if len(diisi) == 1:
            kosong = "hasil_mediasi" if diisi == ["tanggal_mediasi"] else "tanggal_mediasi"
            galat(kosong, _("Tanggal mediasi dan hasil mediasi diisi bersama."))

    def _clean_sidang(self, galat):
        diisi = [n for n in ("tanggal_sidang_pertama", "jumlah_sidang") if getattr(self, n)]
        if not diisi:
            return
        if self.hasil_mediasi != HasilMediasi.TIDAK_SEPAKAT:
            galat(
                diisi[0],
                _("Mediasi mencapai kesepakatan: sengketa selesai tanpa sidang adjudikasi.")
                if self.sepakat
                else _(
                    "Sidang adjudikasi baru dapat dicatat setelah mediasi tidak mencapai "
                    "kesepakatan."
                ),
            )
            return
        if not self.tanggal_sidang_pertama:
            galat(
                "tanggal_sidang_pertama",
                _("Isi tanggal sidang adjudikasi pertama untuk %(n)s sidang yang dicatat.")
                % {"n": self.jumlah_sidang},
            )
        elif not self.jumlah_sidang:
            galat(
                "jumlah_sidang",
                _(
                    "Isi jumlah sidang adjudikasi yang telah digelar (sekurang-kurangnya 1, "
                    "sidang pertama %(t)s)."
                )
                % {"t": _tgl(self.tanggal_sidang_pertama)},
            )

    def _clean_putusan(self, galat):
        putusan = ("tanggal_putusan", "amar_putusan", "ringkasan_putusan", "dokumen_putusan")
        diisi = [n for n in putusan if getattr(self, n)]
        if not diisi:
            return
        if not (self.tanggal_putusan or self.amar_putusan):
            for name in diisi:
                galat(
                    name,
                    _("%(label)s hanya diisi bila putusan dicatat (tanggal dan amar putusan).")
                    % {"label": capfirst(self._label(name))},
                )
            return
        if not self.tanggal_putusan:
            galat("tanggal_putusan", _("Tanggal putusan dan amar putusan diisi bersama."))
        if not self.amar_putusan:
            galat("amar_putusan", _("Tanggal putusan dan amar putusan diisi bersama."))
        if not self.ringkasan_putusan.strip():
            galat("ringkasan_putusan", _("Tuliskan ringkasan putusan untuk publik."))
        kolom = diisi[0]
        if self.registrasi in ("", Registrasi.BELUM) or not self.tanggal_registrasi:
            galat(
                kolom,
                _(
                    "Putusan baru dapat dicatat setelah registrasi permohonan diputuskan "
                    "(diregistrasi atau tidak diregistrasi)."
                ),
            )
        elif self.tidak_diregistrasi:
            if self.amar_putusan and self.amar_putusan != AmarPutusan.TIDAK_DAPAT_DITERIMA:
                galat(
                    "amar_putusan",
                    _(
                        "Permohonan yang tidak diregistrasi hanya dapat diputus “%(tdd)s”, "
                        "bukan “%(amar)s”."
                    )
                    % {
                        "tdd": AmarPutusan.TIDAK_DAPAT_DITERIMA.label,
                        "amar": self.get_amar_putusan_display(),
                    },
                )
        elif self.sepakat:
            galat(
                kolom,
                _("Mediasi mencapai kesepakatan: sengketa selesai tanpa putusan adjudikasi."),
            )
        elif self.hasil_mediasi != HasilMediasi.TIDAK_SEPAKAT:
            galat(
                kolom,
                _("Putusan baru dapat dicatat setelah mediasi tidak mencapai kesepakatan."),
            )
        elif not self.tanggal_sidang_pertama:
            galat(
                kolom,
                _("Putusan baru dapat dicatat setelah sidang adjudikasi pertama dicatat."),
            )

    def _clean_upaya_hukum(self, galat):
        if not (self.upaya_hukum or self.tanggal_upaya_hukum):
            return
        kolom = "upaya_hukum" if self.upaya_hukum else "tanggal_upaya_hukum"
        if not self.tanggal_putusan:
            galat(kolom, _("Upaya hukum dicatat setelah putusan."))
        elif not self.upaya_hukum:
            galat("upaya_hukum", _("Pilih upaya hukum untuk tanggal yang diisi."))
        elif not self.tanggal_upaya_hukum:
            galat("tanggal_upaya_hukum", _("Isi tanggal upaya hukum diajukan."))

    def _clean_terlambat(self, galat, batas=None, libur=None):
        """A legal deadline is enforced by asking why it was missed; late data is still
        kept."""
        if self.alasan_terlambat.strip() or not self.tanggal_diterima:
            return
        batas = self.batas_waktu() if batas is None else batas
        tempo = self.tenggat_langkah(batas, libur)
        dicatat = (
            (
                "registrasi",
                self.tanggal_registrasi if self.registrasi != Registrasi.BELUM else None,
                BATAS_REGISTRASI,
                _("Registrasi"),
                _("sejak permohonan diterima"),
            ),
            ("mediasi", self.tanggal_mediasi, BATAS_MEDIASI, _("Mediasi"), _("sejak registrasi")),
            (
                "putusan",
                self.tanggal_putusan,
                BATAS_PUTUSAN,
                _("Putusan"),
                _("sejak permohonan diterima"),
            ),
        )
        for kode, pada, kode_batas, nama, sejak in dicatat:
            akhir = tempo.get(kode)
            if pada is None or akhir is None or pada <= akhir:
                continue
            galat(
                "alasan_terlambat",
                _(
                    "%(nama)s dicatat %(t)s, melewati batas waktu %(b)s (%(n)s %(satuan)s "
                    "%(sejak)s): tuliskan alasan keterlambatan."
                )
                % {
                    "nama": nama,
                    "t": _tgl(pada),
                    "b": _tgl(akhir),
                    "n": batas[kode_batas].panjang,
                    "satuan": batas[kode_batas].get_satuan_display(),
                    "sejak": sejak,
                },
            )


class KontakPemohon(models.Model):
    """Who speaks for the applicant (its attorney or officer): personal data (UU 27/2022).
    Read and written only through the case handlers' pages; masked elsewhere; never public,
    never in an API or a download."""

    jenis_pii = {"nama": "NAME", "telepon": "PHONE", "email": "EMAIL", "alamat": "ADDRESS"}

    sengketa = models.ForeignKey(
        Sengketa, verbose_name=_("sengketa"), on_delete=models.CASCADE, related_name="kontak"
    )
    nama = models.CharField(_("nama narahubung"), max_length=150)
    telepon = models.CharField(
        _("telepon"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 -]{6,18}$",
                _("Nomor telepon hanya memuat angka, spasi, tanda hubung dan + di depan."),
            )
        ],
    )
    email = models.EmailField(_("email"), blank=True)
    alamat = models.CharField(_("alamat"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("narahubung pemohon")
        verbose_name_plural = _("narahubung pemohon")
        ordering = ["sengketa", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(telepon="") | ~models.Q(email=""),
                name="sengketa_kontak_telepon_atau_email",
                violation_error_message=_("Isi telepon atau email narahubung pemohon."),
            ),
        ]

    def __str__(self):
        return self.nama

    def clean(self):
        super().clean()
        if not (self.telepon or self.email):
            raise ValidationError({"telepon": _("Isi telepon atau email narahubung pemohon.")})
