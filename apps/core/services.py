"""Writes to module records: create, edit (optimistic lock), classify. Status changes are in
`apps.core.workflow`. Views and imports call these; they do not repeat them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import catat
from apps.core import izin, kunci, publikasi, registry
from apps.core.models import STATUS_DAPAT_DIUBAH, Klasifikasi, Riwayat, Status


class SuntinganUsang(ValidationError):
    """The record changed since the form was opened: the newer data is kept."""


def isi_periode(rekaman):
    """The reporting month: from the module's `periode_dari` date, else the typed month, as
    the first day of the month (forms and imports alike)."""
    modul = registry.for_model(type(rekaman))
    if modul.periode_dari:
        tanggal = getattr(rekaman, modul.periode_dari)
        if tanggal is not None:
            rekaman.periode = tanggal.replace(day=1)
    elif rekaman.periode is not None:
        rekaman.periode = rekaman.periode.replace(day=1)


def _simpan_anak(rekaman, formsets):
    """Save the child rows of validated inline formsets (inside the caller's transaction)."""
    for formset in formsets:
        formset.instance = rekaman
        formset.save()


def _simpan_berkas(rekaman, fields):
    """Store uploaded files of `fields` before a queryset update writes their names."""
    for name in fields:
        value = getattr(rekaman, name, None)
        if isinstance(value, FieldFile) and value and not value._committed:
            value.save(value.name, value.file, save=False)


def _periksa_pribadi(rekaman, user, formsets):
    """Rows of personal data (an inline marked `pribadi`) are written only by a case handler
    of the record's office."""
    for formset in formsets:
        inline = getattr(formset, "inline", None)
        if (
            inline is not None
            and inline.pribadi
            and formset.has_changed()
            and not izin.boleh_tangani(user, rekaman)
        ):
            # a form error, not a 403: the typed values stay on screen
            raise ValidationError(
                _(
                    "Anda tidak berwenang mengisi %(label)s untuk %(satker)s: hanya petugas "
                    "penanganan perkara satker itu yang dapat mengisinya."
                )
                % {"label": inline.label, "satker": rekaman.satker}
            )


def buat_rekaman(rekaman, user, formsets=()):
    """Save a new record as `draft` for `user`, who must be allowed to enter data for its
    Satker and module, with the child rows of `formsets` (already validated). Side effects:
    history row `buat`, audit row."""
    if not izin.boleh(user, izin.ISI, rekaman.modul_kode, rekaman.satker):
        raise PermissionDenied
    isi_periode(rekaman)
    rekaman.status = Status.DRAFT
    rekaman.klasifikasi = Klasifikasi.BELUM
    rekaman.version = 1
    rekaman.created_by = rekaman.updated_by = user
    with transaction.atomic():
        # the rules that read the office's other records see every writer's rows
        kunci.kunci_satker(rekaman.modul_kode, [rekaman.satker_id])
        rekaman.full_clean()
        _periksa_pribadi(rekaman, user, formsets)
        rekaman.sebelum_simpan(user)
        rekaman.save(force_insert=True)
        _simpan_anak(rekaman, formsets)
        Riwayat.tulis(rekaman, user, "buat", ke=Status.DRAFT)
        catat(user, "buat", objek=rekaman, satker=rekaman.satker_id)
    return rekaman


def ubah_rekaman(rekaman, user, fields, version: int, formsets=()):
    """Write the edited `fields` of `rekaman` (and the child rows of the validated `formsets`)
    if nobody saved it since `version` was read.

    A stale version raises `SuntinganUsang` and writes nothing: the newer data stays. A record
    no longer in `draft`/`dikembalikan`, or outside the user's scope, raises PermissionDenied.
    """
    model = type(rekaman)
    if not izin.boleh(user, izin.ISI, rekaman.modul_kode, rekaman.satker):
        raise PermissionDenied
    isi_periode(rekaman)
    fields = set(fields) | {"periode"}
    now = timezone.now()
    with transaction.atomic():
        kunci.kunci_satker(rekaman.modul_kode, [rekaman.satker_id])
        rekaman.full_clean()
        _periksa_pribadi(rekaman, user, formsets)
        current = model.objects.select_for_update().filter(pk=rekaman.pk).first()
        if current is None:
            raise PermissionDenied
        if current.status not in STATUS_DAPAT_DIUBAH:
            raise PermissionDenied(
                _("Rekaman berstatus “%(status)s” tidak dapat diubah.")
                % {"status": current.get_status_display()}
            )
        if not izin.boleh(user, izin.ISI, current.modul_kode, current.satker):
            raise PermissionDenied
        if current.version != version:
            raise SuntinganUsang(
                _(
                    "Rekaman ini sudah diubah oleh %(oleh)s pada %(pada)s setelah formulir Anda "
                    "dibuka. Perubahan Anda tidak disimpan; muat ulang untuk melihat data terbaru."
                )
                % {
                    "oleh": current.updated_by,
                    "pada": timezone.localtime(current.updated_at).strftime("%d-%m-%Y %H:%M"),
                }
            )
        fields |= set(rekaman.sebelum_simpan(user))
        _simpan_berkas(rekaman, fields)
        values = {
            model._meta.get_field(name).attname: getattr(
                rekaman, model._meta.get_field(name).attname
            )
            for name in fields
        }
        model.objects.filter(pk=rekaman.pk, version=version).update(
            version=F("version") + 1, updated_by_id=user.pk, updated_at=now, **values
        )
        _simpan_anak(rekaman, formsets)
        catat(user, "ubah", objek=rekaman, satker=rekaman.satker_id, fields=sorted(fields))
    rekaman.refresh_from_db()
    return rekaman


def klasifikasikan(rekaman, user, klasifikasi, alasan="", dasar_hukum="", sampai=None):
    """PPID classification of an approved record. `dikecualikan` needs the consequence test
    (alasan), its legal basis and an end date. Side effects: history and audit rows, a new
    public-content token."""
    model = type(rekaman)
    with transaction.atomic():
        current = model.objects.select_for_update().get(pk=rekaman.pk)
        if not izin.boleh_klasifikasi(user, current):
            raise PermissionDenied
        if current.status != Status.DISETUJUI:
            raise ValidationError(_("Hanya rekaman yang sudah disetujui yang dapat diklasifikasi."))
        try:
            klasifikasi = Klasifikasi(klasifikasi)
        except ValueError:
            raise ValidationError(
                {"klasifikasi": _("Klasifikasi tidak dikenal: %(k)s.") % {"k": klasifikasi}}
            ) from None
        errors = {}
        if klasifikasi == Klasifikasi.BELUM:
            errors["klasifikasi"] = _("Pilih salah satu kategori informasi.")
        if klasifikasi == Klasifikasi.DIKECUALIKAN:
            if not (alasan or "").strip():
                errors["alasan_pengecualian"] = _(
                    "Uji konsekuensi wajib diisi untuk informasi yang dikecualikan."
                )
            if not (dasar_hukum or "").strip():
                errors["dasar_hukum_pengecualian"] = _(
                    "Dasar hukum wajib diisi, mis. “UU 14/2008 Pasal 17 huruf h”."
                )
            if sampai is None:
                errors["dikecualikan_sampai"] = _("Tanggal akhir pengecualian wajib diisi.")
            elif sampai <= timezone.localdate():
                errors["dikecualikan_sampai"] = _(
                    "Tanggal akhir pengecualian (%(t)s) harus sesudah hari ini."
                ) % {"t": sampai.strftime("%d-%m-%Y")}
        else:
            alasan, dasar_hukum, sampai = "", "", None
        if errors:
            raise ValidationError(errors)
        now = timezone.now()
        model.objects.filter(pk=current.pk).update(
            klasifikasi=klasifikasi,
            alasan_pengecualian=alasan.strip(),
            dasar_hukum_pengecualian=dasar_hukum.strip(),
            dikecualikan_sampai=sampai,
            diklasifikasi_oleh_id=user.pk,
            diklasifikasi_pada=now,
            version=F("version") + 1,
        )
        Riwayat.tulis(
            current, user, "klasifikasi", dari=current.klasifikasi, ke=klasifikasi, catatan=alasan
        )
        publikasi.ganti_token()
        catat(
            user,
            "klasifikasi",
            objek=current,
            satker=current.satker_id,
            dari=current.klasifikasi,
            ke=klasifikasi,
        )
    rekaman.refresh_from_db()
    return rekaman
