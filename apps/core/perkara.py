"""Cases: records that move through legally timed steps (pelanggaran, sengketa).

A case module's model extends `Perkara` and says, in `langkah()`, which steps its case has
and when each is due (from `apps.kalender`: limits are data, never constants here). The current
step and its due date are stored on the row (`tahap`, `tenggat`), recomputed on every save by
the services, so "which cases are overdue in my scope" is one indexed query per module. When
the holiday calendar changes, `hitung_ulang_tenggat()` recomputes every open case.

Step order is the module's rule (its `clean()`); the review status of the entry (draft →
diajukan → disetujui) and the publication (klasifikasi) stay those of every record.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import Rekaman

# a due date this close is shown as "segera" on the lists
HARI_PERINGATAN = 2


@dataclass
class Langkah:
    """One step of a case as pages show it."""

    kode: str
    nama: str
    # the date the step was done (None: not yet)
    pada: dt.date | None = None
    # the last day it may be done, and the limit that says so (a `BatasWaktu`)
    jatuh_tempo: dt.date | None = None
    batas: object = None
    # a step that does not apply to this case (e.g. mediation of a dispute that was not
    # registered) is left out by the module, not listed as open
    keterangan: str = ""

    @property
    def selesai(self) -> bool:
        return self.pada is not None

    @property
    def terlambat(self) -> bool:
        if self.jatuh_tempo is None:
            return False
        if self.pada is not None:
            return self.pada > self.jatuh_tempo
        return timezone.localdate() > self.jatuh_tempo

    @property
    def sisa_hari(self) -> int | None:
        """Calendar days left for an open step with a due date (negative: overdue)."""
        if self.pada is not None or self.jatuh_tempo is None:
            return None
        return (self.jatuh_tempo - timezone.localdate()).days


def keadaan_tenggat(tenggat: dt.date | None, hari_ini: dt.date | None = None) -> str:
    """ "lewat", "segera" or "" for a stored due date, for list styling and filters."""
    if tenggat is None:
        return ""
    hari_ini = hari_ini or timezone.localdate()
    if tenggat < hari_ini:
        return "lewat"
    if (tenggat - hari_ini).days <= HARI_PERINGATAN:
        return "segera"
    return ""


class Perkara(Rekaman):
    """A record that is a case. Subclasses implement `langkah()`."""

    tahap = models.CharField(_("tahap saat ini"), max_length=30, blank=True, editable=False)
    tenggat = models.DateField(_("tenggat tahap saat ini"), null=True, blank=True, editable=False)
    # a deadline is enforced by asking why it was missed, never by refusing the true date
    alasan_terlambat = models.TextField(
        _("alasan keterlambatan"),
        blank=True,
        help_text=_("Wajib bila suatu tahap dicatat melewati batas waktunya."),
    )

    class Meta(Rekaman.Meta):
        abstract = True
        indexes = [
            *Rekaman.Meta.indexes,
            # the overdue lists: open steps by due date
            models.Index(
                fields=["tenggat", "satker"],
                condition=models.Q(tenggat__isnull=False),
                name="%(app_label)s_%(class)s_tg",
            ),
        ]

    # ---- to implement ------------------------------------------------------------------------

    def langkah(self) -> list[Langkah]:
        """The case's steps in order, done or not, each with its due date where the law
        sets one."""
        raise NotImplementedError

    # ---- derived -----------------------------------------------------------------------------

    def langkah_kini(self) -> Langkah | None:
        """The first step not yet done (None: the case is finished)."""
        return next((step for step in self.langkah() if not step.selesai), None)

    def perbarui_tahap(self) -> list[str]:
        """Store the current step and its due date; returns the fields written, for the
        services' partial update."""
        kini = self.langkah_kini()
        self.tahap = kini.kode if kini else "selesai"
        self.tenggat = kini.jatuh_tempo if kini else None
        return ["tahap", "tenggat"]

    def sebelum_simpan(self, user) -> list[str]:
        """Called by the services inside the saving transaction, after the lock."""
        return self.perbarui_tahap()

    def periksa_terlambat(self, batas=None, libur=None) -> dict[str, list[str]]:
        """A step recorded after its due date without a reason (`alasan_terlambat`): {field:
        [messages]}. `batas` ({kode: BatasWaktu}) and `libur` (holiday dates) when read once
        for many records (`periksa_terlambat_massal`); otherwise read here. None by default."""
        return {}

    @property
    def keadaan_tenggat(self) -> str:
        return keadaan_tenggat(self.tenggat)

    @property
    def sisa_hari_tenggat(self) -> int | None:
        """Calendar days left to the stored due date (0: today, negative: overdue)."""
        return None if self.tenggat is None else (self.tenggat - timezone.localdate()).days

    @property
    def lewat_hari_tenggat(self) -> int:
        sisa = self.sisa_hari_tenggat
        return -sisa if sisa is not None and sisa < 0 else 0

    # step code -> name, for lists (which must not compute every row's steps)
    NAMA_TAHAP: dict = {}
    # codes of the legal time limits (`BatasWaktu.kode`) the module's steps use
    BATAS_WAKTU: tuple[str, ...] = ()

    def batas_waktu(self) -> dict:
        """{kode: BatasWaktu} of the module's limits, one query. A limit missing from the
        table (deleted in the admin) gives its step no due date rather than an error page."""
        from apps.kalender.models import BatasWaktu

        return {b.kode: b for b in BatasWaktu.objects.filter(kode__in=self.BATAS_WAKTU)}

    def nama_tahap(self) -> str:
        if self.tahap == "selesai":
            return str(_("Selesai"))
        return str(self.NAMA_TAHAP.get(self.tahap, self.tahap))


# holidays read for an import's deadlines: from its earliest date to this far past its latest
# (a due date lies weeks after the step that starts it)
_HARI_LIBUR_KE_DEPAN = 400


def periksa_terlambat_massal(model, daftar) -> dict[int, dict[str, list[str]]]:
    """The "late needs a reason" rule of a case module for all rows of an import
    (`Impor.periksa_massal`): the time limits and the holidays read once — two queries — then
    each row's `periksa_terlambat`. {index in `daftar`: {field: [messages]}}."""
    from apps.kalender.services import libur_antara

    if not daftar:
        return {}
    rekaman = [model(*(getattr(r, a) for a in r.attname)) for r in daftar]
    tanggal = [
        v
        for x in rekaman
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateField)
        and not isinstance(f, models.DateTimeField)
        and (v := getattr(x, f.attname)) is not None
    ]
    batas = rekaman[0].batas_waktu()
    libur = (
        libur_antara(min(tanggal), max(tanggal) + dt.timedelta(days=_HARI_LIBUR_KE_DEPAN))
        if tanggal
        else set()
    )
    hasil = {}
    for i, x in enumerate(rekaman):
        galat = x.periksa_terlambat(batas, libur)
        if galat:
            hasil[i] = galat
    return hasil


def periksa_nomor_massal(model, field, daftar) -> dict[int, dict[str, list[str]]]:
    """A register number typed in an import (`field`) used by another case of the office — in
    the database (one query; records the file rewrites count with their new number) or in an
    earlier row of the file. {index in `daftar`: {field: [message]}}."""
    nomor = {(r.satker_id, getattr(r, field)): i for i, r in enumerate(daftar) if getattr(r, field)}
    if not nomor:
        return {}
    ditulis = {r.pk for r in daftar if r.pk}
    dipakai = {}
    qs = model.objects.filter(
        satker_id__in={s for s, _n in nomor}, **{f"{field}__in": {n for _s, n in nomor}}
    ).exclude(pk__in=ditulis)
    for satker_id, n, pk in qs.values_list("satker_id", field, "pk"):
        dipakai[(satker_id, n)] = pk
    hasil, dilihat = {}, set()
    for i, r in enumerate(daftar):
        kunci = (r.satker_id, getattr(r, field))
        if not kunci[1]:
            continue
        if kunci in dipakai:
            pesan = _("Nomor %(nomor)s sudah dipakai perkara lain di satker ini (#%(pk)s).") % {
                "nomor": kunci[1],
                "pk": dipakai[kunci],
            }
        elif kunci in dilihat:
            pesan = _("Nomor %(nomor)s juga dipakai baris lain berkas ini.") % {"nomor": kunci[1]}
        else:
            dilihat.add(kunci)
            continue
        hasil[i] = {field: [str(pesan)]}
    return hasil


def gabung_galat(*daftar) -> dict[int, dict[str, list[str]]]:
    """Several rules' {index: {field: [messages]}} as one."""
    hasil = {}
    for galat in daftar:
        for i, per_field in galat.items():
            for field, pesan in per_field.items():
                hasil.setdefault(i, {}).setdefault(field, []).extend(pesan)
    return hasil


def model_perkara():
    """The registered modules whose records are cases."""
    from apps.core import registry

    return [m for m in registry.all_modules() if issubclass(m.model, Perkara)]


def hitung_ulang_tenggat() -> int:
    """Recompute the stored step and due date of every open case (after the holiday calendar
    or a time limit changed). Returns the number of rows changed."""
    berubah = 0
    for modul in model_perkara():
        for rekaman in modul.model.objects.exclude(tahap="selesai").iterator(chunk_size=500):
            lama = (rekaman.tahap, rekaman.tenggat)
            rekaman.perbarui_tahap()
            if (rekaman.tahap, rekaman.tenggat) != lama:
                modul.model.objects.filter(pk=rekaman.pk).update(
                    tahap=rekaman.tahap, tenggat=rekaman.tenggat
                )
                berubah += 1
    return berubah
