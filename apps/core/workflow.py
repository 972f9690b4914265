"""The one workflow of every module's records (DESIGN §3): one map, one function."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import izin, publikasi
from apps.core.models import Klasifikasi, Riwayat, Status


class Aksi(models.TextChoices):
    AJUKAN = "ajukan", _("Ajukan")
    SETUJUI = "setujui", _("Setujui")
    KEMBALIKAN = "kembalikan", _("Kembalikan")
    BUKA_KEMBALI = "buka_kembali", _("Buka kembali")


# action -> (states it may start from, state it leads to)
TRANSISI = {
    Aksi.AJUKAN: ({Status.DRAFT, Status.DIKEMBALIKAN}, Status.DIAJUKAN),
    Aksi.SETUJUI: ({Status.DIAJUKAN}, Status.DISETUJUI),
    Aksi.KEMBALIKAN: ({Status.DIAJUKAN}, Status.DIKEMBALIKAN),
    Aksi.BUKA_KEMBALI: ({Status.DISETUJUI}, Status.DRAFT),
}
CATATAN_WAJIB = {Aksi.KEMBALIKAN, Aksi.BUKA_KEMBALI}


class TransisiTidakSah(ValidationError):
    pass


def aksi_tersedia(rekaman) -> list[Aksi]:
    """Actions the map allows from the record's state (permission not considered)."""
    return [aksi for aksi, (asal, _ke) in TRANSISI.items() if rekaman.status in asal]


def transition(rekaman, aksi: str, user, catatan: str = ""):
    """Apply workflow action `aksi` to `rekaman` on behalf of `user`.

    Side effects, all in one transaction:
    - veto: an unknown action or one the map does not allow from the current state raises
      `TransisiTidakSah`; a user without the permission gets `PermissionDenied` (views look
      the record up through `visible_to` first, so ids outside scope are 404); a return or
      reopen without a note raises `ValidationError`;
    - write: the new status, who/when it was submitted or approved, `version` + 1; a reopen
      resets the classification to `belum`, so the record leaves the public portal at once and
      returns only after the PPID classifies the new content;
    - history: one `Riwayat` row (who, when, from, to, note);
    - audit: one `CatatanAudit` row;
    - cache: entering or leaving `disetujui` changes the public-content token, so cached
      public pages are not served again.
    `rekaman` is refreshed in place; the row is locked while it changes.
    """
    from apps.audit.services import catat

    try:
        aksi = Aksi(aksi)
    except ValueError:
        raise TransisiTidakSah(_("Aksi tidak dikenal: %(aksi)s.") % {"aksi": aksi}) from None
    catatan = (catatan or "").strip()
    model = type(rekaman)
    with transaction.atomic():
        terkunci = model.objects.select_for_update().get(pk=rekaman.pk)
        if not izin.boleh_transisi(user, terkunci, aksi):
            raise PermissionDenied
        asal, tujuan = TRANSISI[aksi]
        if terkunci.status not in asal:
            raise TransisiTidakSah(
                _("Aksi “%(aksi)s” tidak dapat dilakukan pada rekaman berstatus “%(status)s”.")
                % {"aksi": aksi.label, "status": terkunci.get_status_display()}
            )
        if aksi in CATATAN_WAJIB and not catatan:
            raise ValidationError(
                {"catatan": _("Catatan wajib diisi untuk aksi “%(aksi)s”.") % {"aksi": aksi.label}}
            )
        now = timezone.now()
        changes = {"status": tujuan, "updated_by_id": user.pk, "updated_at": now}
        if aksi == Aksi.AJUKAN:
            changes["diajukan_pada"] = now
        elif aksi == Aksi.SETUJUI:
            changes.update(disetujui_oleh_id=user.pk, disetujui_pada=now)
        elif aksi == Aksi.BUKA_KEMBALI:
            changes.update(
                disetujui_oleh_id=None,
                disetujui_pada=None,
                klasifikasi=Klasifikasi.BELUM,
                alasan_pengecualian="",
                dasar_hukum_pengecualian="",
                dikecualikan_sampai=None,
                diklasifikasi_oleh_id=None,
                diklasifikasi_pada=None,
            )
        model.objects.filter(pk=terkunci.pk).update(version=F("version") + 1, **changes)
        Riwayat.tulis(terkunci, user, aksi, dari=terkunci.status, ke=tujuan, catatan=catatan)
        if Status.DISETUJUI in (terkunci.status, tujuan):
            publikasi.ganti_token()
        catat(
            user,
            f"transisi_{aksi}",
            objek=terkunci,
            satker=terkunci.satker_id,
            dari=terkunci.status,
            ke=tujuan,
            catatan=catatan,
        )
    rekaman.refresh_from_db()
    return rekaman
