"""PPID: documents published as public information, manual entries of the Daftar Informasi
Publik, information requests (permohonan) and objections (keberatan) (UU 14/2008, Perki 1/2021).

A request holds the requester's personal data (UU 27/2022). No public page, download or count
reads `Permohonan` or `Keberatan`: the requester reaches their own request only through the
private tracking link (the token is stored hashed), staff only through
`Permohonan.objects.untuk_ppid(user)`, and every staff view of the personal data is audited.
Writes go through `apps.ppid.services`."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import KLASIFIKASI_PUBLIK, Klasifikasi
from apps.core.validators import validate_pdf

KATEGORI_PUBLIK = [(k.value, k.label) for k in KLASIFIKASI_PUBLIK]


def _di_satker_ppid(qs, user):
    from apps.core import izin

    return qs.filter(satker__in=izin.satker_ppid(user).values("pk"))


# ---- public information published as documents ----------------------------------------------


class DokumenPublikQuerySet(models.QuerySet):
    def terbit(self):
        """The only door to public pages: documents marked published."""
        return self.filter(terbit=True)

    def untuk_ppid(self, user):
        return _di_satker_ppid(self, user)


class DokumenPublik(models.Model):
    """A PDF the PPID publishes as public information (a report, a decision, a list)."""

    judul = models.CharField(_("judul"), max_length=255)
    ringkasan = models.TextField(_("ringkasan"), blank=True)
    kategori = models.CharField(
        _("kategori informasi"), max_length=12, choices=KATEGORI_PUBLIK, default=Klasifikasi.BERKALA
    )
    satker = models.ForeignKey(
        "organisasi.Satker", verbose_name=_("satker"), on_delete=models.PROTECT, related_name="+"
    )
    berkas = models.FileField(
        _("berkas (PDF)"), upload_to="ppid/dokumen/%Y/", validators=[validate_pdf]
    )
    tanggal = models.DateField(_("tanggal dokumen"))
    terbit = models.BooleanField(
        _("diterbitkan"),
        default=False,
        help_text=_("Hanya dokumen yang diterbitkan tampil di halaman PPID dan dapat diunduh."),
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    objects = DokumenPublikQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokumen informasi publik")
        verbose_name_plural = _("dokumen informasi publik")
        ordering = ["-tanggal", "-id"]
        indexes = [
            models.Index(
                fields=["kategori", "-tanggal", "-id"],
                condition=models.Q(terbit=True),
                name="ppid_dokumen_terbit",
            )
        ]

    def __str__(self):
        return self.judul

    def get_public_url(self):
        return reverse("ppid:dokumen_berkas", args=[self.pk])


# ---- manual entries of the DIP ---------------------------------------------------------------


class EntriDipQuerySet(models.QuerySet):
    def terbit(self):
        return self.filter(terbit=True)

    def untuk_ppid(self, user):
        return _di_satker_ppid(self, user)


class EntriDip(models.Model):
    """A row of the Daftar Informasi Publik written by the PPID, for information that is not a
    dataset of the portal (regulations, plans, reports kept on paper). The columns are those
    of Perki 1/2021; the number is given when the list is shown."""

    satker = models.ForeignKey(
        "organisasi.Satker", verbose_name=_("satker"), on_delete=models.PROTECT, related_name="+"
    )
    judul = models.CharField(_("judul informasi"), max_length=255)
    ringkasan = models.TextField(_("ringkasan isi informasi"))
    penguasa = models.CharField(
        _("pejabat/unit/satuan kerja yang menguasai informasi"), max_length=255
    )
    penanggung_jawab = models.CharField(
        _("penanggung jawab pembuatan atau penerbitan informasi"), max_length=255
    )
    waktu_tempat = models.CharField(_("waktu dan tempat pembuatan informasi"), max_length=255)
    bentuk = models.CharField(
        _("bentuk informasi yang tersedia"),
        max_length=255,
        help_text=_("Mis. softcopy (PDF), hardcopy."),
    )
    retensi = models.CharField(_("jangka waktu penyimpanan atau retensi arsip"), max_length=255)
    terbit = models.BooleanField(_("tampil di DIP"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=100)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    objects = EntriDipQuerySet.as_manager()

    class Meta:
        verbose_name = _("entri DIP")
        verbose_name_plural = _("entri DIP")
        ordering = ["satker__kode", "urutan", "id"]

    def __str__(self):
        return self.judul


# ---- information requests --------------------------------------------------------------------


class JenisIdentitas(models.TextChoices):
    KTP = "ktp", _("KTP (NIK)")
    LAINNYA = "lainnya", _("Identitas lain (paspor, SIM, KITAS)")


class CaraMemperoleh(models.TextChoices):
    MELIHAT = "melihat", _("Melihat/membaca/mendengarkan/mencatat")
    SOFTCOPY = "softcopy", _("Mendapatkan salinan informasi (softcopy)")
    HARDCOPY = "hardcopy", _("Mendapatkan salinan informasi (hardcopy)")


class CaraSalinan(models.TextChoices):
    AMBIL = "ambil", _("Mengambil langsung")
    EMAIL = "email", _("Surat elektronik (email)")
    POS = "pos", _("Pos/kurir")


class StatusPermohonan(models.TextChoices):
    DIPROSES = "diproses", _("Diproses")
    DIPERPANJANG = "diperpanjang", _("Diperpanjang")
    DIJAWAB = "dijawab", _("Dijawab")


STATUS_TERBUKA = (StatusPermohonan.DIPROSES, StatusPermohonan.DIPERPANJANG)


class Keputusan(models.TextChoices):
    DIKABULKAN = "dikabulkan", _("Dikabulkan")
    SEBAGIAN = "sebagian", _("Dikabulkan sebagian")
    DITOLAK = "ditolak", _("Ditolak")
    TIDAK_DIKUASAI = "tidak_dikuasai", _("Informasi tidak dikuasai")


# decisions that withhold information: they must name the exception of Pasal 17
KEPUTUSAN_PENGECUALIAN = (Keputusan.SEBAGIAN, Keputusan.DITOLAK)


class Pasal17(models.TextChoices):
    """The exceptions of UU 14/2008 Pasal 17."""

    HURUF_A = "a", _("huruf a — menghambat proses penegakan hukum")
    HURUF_B = (
        "b",
        _(
            "huruf b — mengganggu perlindungan hak atas kekayaan intelektual dan perlindungan dari "
            "persaingan usaha tidak sehat"
        ),
    )
    HURUF_C = "c", _("huruf c — membahayakan pertahanan dan keamanan negara")
    HURUF_D = "d", _("huruf d — mengungkapkan kekayaan alam Indonesia")
    HURUF_E = "e", _("huruf e — merugikan ketahanan ekonomi nasional")
    HURUF_F = "f", _("huruf f — merugikan kepentingan hubungan luar negeri")
    HURUF_G = (
        "g",
        _(
            "huruf g — mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir "
            "ataupun wasiat seseorang"
        ),
    )
    HURUF_H = "h", _("huruf h — mengungkap rahasia pribadi")
    HURUF_I = (
        "i",
        _(
            "huruf i — memorandum atau surat antar/intra Badan Publik yang menurut sifatnya "
            "dirahasiakan"
        ),
    )
    HURUF_J = "j", _("huruf j — informasi yang tidak boleh diungkapkan berdasarkan undang-undang")


class PermohonanQuerySet(models.QuerySet):
    def untuk_ppid(self, user):
        """The requests `user` answers as PPID (`izin.satker_ppid`)."""
        return _di_satker_ppid(self, user)

    def terbuka(self):
        return self.filter(status__in=STATUS_TERBUKA)


class Permohonan(models.Model):
    """A request for public information filed by a citizen, without an account."""

    satker = models.ForeignKey(
        "organisasi.Satker",
        verbose_name=_("satker yang dituju"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    nomor = models.CharField(_("nomor register"), max_length=60, unique=True)
    tahun = models.PositiveSmallIntegerField(_("tahun register"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    # the requester (personal data: never on a public page)
    nama = models.CharField(_("nama lengkap"), max_length=150)
    jenis_identitas = models.CharField(
        _("jenis identitas"), max_length=10, choices=JenisIdentitas.choices
    )
    nomor_identitas = models.CharField(_("nomor identitas"), max_length=40)
    alamat = models.TextField(_("alamat"))
    email = models.EmailField(_("email"), blank=True)
    telepon = models.CharField(_("nomor telepon"), max_length=20, blank=True)
    pekerjaan = models.CharField(_("pekerjaan"), max_length=100)

    # the request
    rincian = models.TextField(_("rincian informasi yang dibutuhkan"))
    tujuan = models.TextField(_("tujuan penggunaan informasi"))
    cara_memperoleh = models.CharField(
        _("cara memperoleh informasi"), max_length=10, choices=CaraMemperoleh.choices
    )
    cara_salinan = models.CharField(
        _("cara mendapatkan salinan informasi"),
        max_length=10,
        choices=CaraSalinan.choices,
        blank=True,
    )

    # handling
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusPermohonan.choices,
        default=StatusPermohonan.DIPROSES,
    )
    diterima_pada = models.DateTimeField(_("diterima pada"))
    jatuh_tempo = models.DateField(_("batas waktu jawaban"))
    diperpanjang_pada = models.DateTimeField(_("diperpanjang pada"), null=True, blank=True)
    alasan_perpanjangan = models.TextField(_("alasan perpanjangan"), blank=True)
    keputusan = models.CharField(
        _("keputusan"), max_length=15, choices=Keputusan.choices, blank=True
    )
    pasal_pengecualian = models.CharField(
        _("dasar pengecualian (UU 14/2008 Pasal 17)"),
        max_length=1,
        choices=Pasal17.choices,
        blank=True,
    )
    uji_konsekuensi = models.TextField(_("uji konsekuensi"), blank=True)
    jawaban = models.TextField(_("jawaban"), blank=True)
    berkas_jawaban = models.FileField(
        _("berkas jawaban (PDF)"),
        upload_to="ppid/jawaban/%Y/",
        blank=True,
        validators=[validate_pdf],
    )
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dijawab oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = PermohonanQuerySet.as_manager()

    class Meta:
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        ordering = ["-diterima_pada", "-id"]
        indexes = [
            models.Index(fields=["satker", "status", "jatuh_tempo"], name="ppid_permohonan_antre"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "urut"], name="ppid_permohonan_nomor_unik"
            ),
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(telepon=""),
                name="ppid_permohonan_ada_kontak",
                violation_error_message=_("Isi email atau nomor telepon, paling tidak salah satu."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="dijawab", dijawab_pada__isnull=False) & ~models.Q(keputusan="")
                )
                | (models.Q(dijawab_pada__isnull=True, keputusan="") & ~models.Q(status="dijawab")),
                name="ppid_permohonan_jawaban_lengkap",
            ),
            models.CheckConstraint(
                condition=~models.Q(keputusan__in=KEPUTUSAN_PENGECUALIAN)
                | (~models.Q(pasal_pengecualian="") & ~models.Q(uji_konsekuensi="")),
                name="ppid_permohonan_penolakan_beralasan",
            ),
            models.CheckConstraint(
                condition=models.Q(diperpanjang_pada__isnull=True)
                | ~models.Q(alasan_perpanjangan=""),
                name="ppid_permohonan_perpanjangan_beralasan",
            ),
        ]

    def __str__(self):
        return self.nomor

    def get_absolute_url(self):
        return reverse("ppid_kelola:permohonan", args=[self.pk])

    @property
    def terbuka(self) -> bool:
        return self.status in STATUS_TERBUKA

    @property
    def tanggal_diterima(self):
        return timezone.localdate(self.diterima_pada)

    @property
    def tanggal_dijawab(self):
        return timezone.localdate(self.dijawab_pada) if self.dijawab_pada else None

    @property
    def terlambat(self) -> bool:
        """Open past its due date, or answered after it."""
        akhir = self.tanggal_dijawab or timezone.localdate()
        return akhir > self.jatuh_tempo

    @property
    def sisa_hari(self) -> int | None:
        """Calendar days to the due date of an open request (0: today; negative: overdue)."""
        if not self.terbuka:
            return None
        return (self.jatuh_tempo - timezone.localdate()).days

    @property
    def lewat_hari(self) -> int:
        sisa = self.sisa_hari
        return -sisa if sisa is not None and sisa < 0 else 0

    @property
    def keadaan_tenggat(self) -> str:
        from apps.core.perkara import keadaan_tenggat

        return keadaan_tenggat(self.jatuh_tempo) if self.terbuka else ""


class AksiPermohonan(models.TextChoices):
    AJUKAN = "ajukan", _("Diajukan")
    PERPANJANG = "perpanjang", _("Diperpanjang")
    JAWAB = "jawab", _("Dijawab")


# The one map of a request's life: action -> (states it may start from, state it leads to).
# `None` is "not filed yet". `apps.ppid.services.transisi_permohonan` is the only writer.
TRANSISI_PERMOHONAN = {
    AksiPermohonan.AJUKAN: ((None,), StatusPermohonan.DIPROSES),
    AksiPermohonan.PERPANJANG: ((StatusPermohonan.DIPROSES,), StatusPermohonan.DIPERPANJANG),
    AksiPermohonan.JAWAB: (STATUS_TERBUKA, StatusPermohonan.DIJAWAB),
}


class RiwayatPermohonan(models.Model):
    """One row per change of a request's state: who (none for the public filing), when,
    from, to, and the note (the reason of an extension, the decision of an answer). A request
    with history cannot be deleted (PROTECT); the rows are written only by
    `transisi_permohonan`."""

    permohonan = models.ForeignKey(
        Permohonan,
        verbose_name=_("permohonan"),
        on_delete=models.PROTECT,
        related_name="riwayat",
    )
    aksi = models.CharField(_("aksi"), max_length=20, choices=AksiPermohonan.choices)
    dari = models.CharField(
        _("dari status"), max_length=20, choices=StatusPermohonan.choices, blank=True
    )
    ke = models.CharField(_("ke status"), max_length=20, choices=StatusPermohonan.choices)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    pada = models.DateTimeField(_("pada"))
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("riwayat permohonan")
        verbose_name_plural = _("riwayat permohonan")
        ordering = ["pada", "id"]

    def __str__(self):
        return f"{self.permohonan_id}: {self.dari or '-'} → {self.ke}"


# ---- objections ------------------------------------------------------------------------------


class AlasanKeberatan(models.TextChoices):
    """The grounds of UU 14/2008 Pasal 35 ayat (1)."""

    A = "a", _("a — permohonan ditolak berdasarkan alasan pengecualian Pasal 17")
    B = "b", _("b — informasi berkala (Pasal 9) tidak disediakan")
    C = "c", _("c — permohonan informasi tidak ditanggapi")
    D = "d", _("d — permohonan ditanggapi tidak sebagaimana yang diminta")
    E = "e", _("e — permohonan informasi tidak dipenuhi")
    F = "f", _("f — pengenaan biaya yang tidak wajar")
    G = "g", _("g — informasi disampaikan melebihi waktu yang diatur")


class PutusanKeberatan(models.TextChoices):
    DITERIMA = "diterima", _("Keberatan diterima")
    DITOLAK = "ditolak", _("Keberatan ditolak")


class KeberatanQuerySet(models.QuerySet):
    def untuk_ppid(self, user):
        return _di_satker_ppid(self, user)

    def terbuka(self):
        return self.filter(putusan="")


class Keberatan(models.Model):
    """An objection to the handling of a request (UU 14/2008 Pasal 35–36), one per request,
    answered by the PPID's superior (atasan PPID) of the same office."""

    permohonan = models.OneToOneField(
        Permohonan,
        verbose_name=_("permohonan"),
        on_delete=models.PROTECT,
        related_name="keberatan",
    )
    satker = models.ForeignKey(
        "organisasi.Satker", verbose_name=_("satker"), on_delete=models.PROTECT, related_name="+"
    )
    nomor = models.CharField(_("nomor register keberatan"), max_length=60, unique=True)
    tahun = models.PositiveSmallIntegerField(_("tahun register"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    alasan = models.CharField(
        _("alasan keberatan (UU 14/2008 Pasal 35 ayat 1)"),
        max_length=1,
        choices=AlasanKeberatan.choices,
    )
    uraian = models.TextField(_("uraian keberatan"))
    diajukan_pada = models.DateTimeField(_("diajukan pada"))
    jatuh_tempo = models.DateField(_("batas waktu tanggapan"))
    putusan = models.CharField(
        _("tanggapan atasan PPID"), max_length=10, choices=PutusanKeberatan.choices, blank=True
    )
    tanggapan = models.TextField(_("isi tanggapan"), blank=True)
    dijawab_pada = models.DateTimeField(_("ditanggapi pada"), null=True, blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditanggapi oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = KeberatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("keberatan informasi")
        verbose_name_plural = _("keberatan informasi")
        ordering = ["-diajukan_pada", "-id"]
        indexes = [
            models.Index(fields=["satker", "putusan", "jatuh_tempo"], name="ppid_keberatan_antre"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "urut"], name="ppid_keberatan_nomor_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(putusan="", dijawab_pada__isnull=True)
                | (~models.Q(putusan="") & models.Q(dijawab_pada__isnull=False)),
                name="ppid_keberatan_tanggapan_lengkap",
            ),
        ]

    def __str__(self):
        return self.nomor

    @property
    def terbuka(self) -> bool:
        return not self.putusan

    @property
    def tanggal_diajukan(self):
        return timezone.localdate(self.diajukan_pada)

    @property
    def terlambat(self) -> bool:
        akhir = timezone.localdate(self.dijawab_pada) if self.dijawab_pada else timezone.localdate()
        return akhir > self.jatuh_tempo

    @property
    def sisa_hari(self) -> int | None:
        if not self.terbuka:
            return None
        return (self.jatuh_tempo - timezone.localdate()).days

    @property
    def lewat_hari(self) -> int:
        sisa = self.sisa_hari
        return -sisa if sisa is not None and sisa < 0 else 0

    @property
    def keadaan_tenggat(self) -> str:
        from apps.core.perkara import keadaan_tenggat

        return keadaan_tenggat(self.jatuh_tempo) if self.terbuka else ""
