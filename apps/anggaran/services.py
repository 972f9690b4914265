"""Writes to budget lines: create one, revise its pagu. Monthly reports are records on the base
and are written through `apps.core.services`; views call these, they do not repeat them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.anggaran.models import Anggaran, PaguAnggaran, RevisiPagu
from apps.anggaran.rupiah import rupiah
from apps.audit.services import catat
from apps.core import izin
from apps.core.models import Status

MODUL = "anggaran"


def _boleh_isi(user, satker):
    if not izin.boleh(user, izin.ISI, MODUL, satker):
        raise PermissionDenied


def buat_pagu(pagu: PaguAnggaran, user) -> PaguAnggaran:
    """Save a new budget line for `user`, who must be allowed to enter budget data for its
    Satker. Side effect: an audit row."""
    _boleh_isi(user, pagu.satker)
    pagu.created_by = user
    pagu.full_clean()
    with transaction.atomic():
        pagu.save(force_insert=True)
        catat(
            user,
            "buat_pagu",
            objek=pagu,
            satker=pagu.satker_id,
            tahun=pagu.tahun,
            kode_kegiatan=pagu.kode_kegiatan,
            kode_akun=pagu.kode_akun,
            pagu=str(pagu.pagu),
        )
    return pagu


def revisi_pagu(pagu: PaguAnggaran, user, *, pagu_baru, tanggal, alasan) -> RevisiPagu:
    """Change the pagu of a budget line by an explicit revision.

    - veto: `user` needs ISI on the line's Satker (PermissionDenied); the reason is required;
      the new amount must differ from the current one, be ≥ 0 and not below the highest
      cumulative realisation already reported for the line (any status, so no report is left
      above its ceiling); the date may not lie in the future (ValidationError naming values);
    - write, in one transaction with the line locked: a `RevisiPagu` row (old and new amount,
      date, reason, who), the new `pagu` (update_fields), and the new amount as `pagu_laporan`
      of the line's monthly reports that are not approved yet (they are reviewed with it);
      approved reports keep the pagu they were approved with, so nothing public changes: a
      revision reaches public figures only through the next approved report;
    - audit: one `CatatanAudit` row.
    Returns the revision; `pagu` is refreshed in place.
    """
    _boleh_isi(user, pagu.satker)
    alasan = (alasan or "").strip()
    with transaction.atomic():
        terkunci = PaguAnggaran.objects.select_for_update().get(pk=pagu.pk)
        _periksa_revisi(terkunci, pagu_baru, tanggal, alasan)
        revisi = RevisiPagu.objects.create(
            pagu_anggaran=terkunci,
            tanggal=tanggal,
            pagu_lama=terkunci.pagu,
            pagu_baru=pagu_baru,
            alasan=alasan,
            oleh=user,
        )
        terkunci.pagu = pagu_baru
        terkunci.save(update_fields=["pagu"])
        Anggaran.objects.filter(pagu_anggaran=terkunci).exclude(status=Status.DISETUJUI).update(
            pagu_laporan=pagu_baru
        )
        catat(
            user,
            "revisi_pagu",
            objek=terkunci,
            satker=terkunci.satker_id,
            pagu_lama=str(revisi.pagu_lama),
            pagu_baru=str(revisi.pagu_baru),
            tanggal=tanggal.isoformat(),
            alasan=alasan,
        )
    pagu.refresh_from_db()
    return revisi


def _periksa_revisi(pagu, pagu_baru, tanggal, alasan):
    errors = {}
    if not alasan:
        errors["alasan"] = _("Alasan revisi wajib diisi.")
    if tanggal is None:
        errors["tanggal"] = _("Tanggal revisi wajib diisi.")
    elif tanggal > timezone.localdate():
        errors["tanggal"] = _("Tanggal revisi %(t)s belum terjadi.") % {
            "t": date_format(tanggal, "j F Y")
        }
    if pagu_baru is None:
        errors["pagu_baru"] = _("Pagu baru wajib diisi.")
    elif pagu_baru < 0:
        errors["pagu_baru"] = _("Pagu baru %(p)s tidak boleh negatif.") % {"p": rupiah(pagu_baru)}
    elif pagu_baru == pagu.pagu:
        errors["pagu_baru"] = _("Pagu baru %(p)s sama dengan pagu saat ini.") % {
            "p": rupiah(pagu_baru)
        }
    else:
        tertinggi = (
            Anggaran.objects.filter(pagu_anggaran=pagu)
            .order_by("-realisasi_kumulatif", "-periode")
            .values("periode", "realisasi_kumulatif")
            .first()
        )
        if tertinggi and pagu_baru < tertinggi["realisasi_kumulatif"]:
            errors["pagu_baru"] = _(
                "Pagu baru %(p)s lebih kecil daripada realisasi kumulatif %(r)s yang sudah "
                "dilaporkan untuk %(bulan)s."
            ) % {
                "p": rupiah(pagu_baru),
                "r": rupiah(tertinggi["realisasi_kumulatif"]),
                "bulan": date_format(tertinggi["periode"], "F Y"),
            }
    if errors:
        raise ValidationError(errors)
