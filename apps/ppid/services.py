"""Writes of the PPID: information requests and their answers, objections, public documents
and manual DIP entries. Views and the demo call these; they do not repeat them.

Time limits come from `apps.kalender` (codes below), never from constants here. Register
numbers come from `apps.core.nomor`, taken inside the saving transaction so a failed save gives
its number back. `pada` arguments let the demo and tests place an event in time; pages leave
them out (now)."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.audit.services import catat
from apps.core import izin
from apps.core.nomor import format_nomor, nomor_berikut
from apps.kalender.services import jatuh_tempo
from apps.ppid.models import (
    KEPUTUSAN_PENGECUALIAN,
    TRANSISI_PERMOHONAN,
    AksiPermohonan,
    Keberatan,
    Keputusan,
    Permohonan,
    PutusanKeberatan,
    RiwayatPermohonan,
    StatusPermohonan,
)

# apps.kalender BatasWaktu codes
JAWABAN = "jawaban_ppid"
PERPANJANGAN = "perpanjangan_ppid"
PENGAJUAN_KEBERATAN = "pengajuan_keberatan"
TANGGAPAN_KEBERATAN = "tanggapan_keberatan"

# apps.core.nomor register kinds
REGISTER_PERMOHONAN = "ppid_permohonan"
REGISTER_KEBERATAN = "ppid_keberatan"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _tanggal(nilai: dt.date) -> str:
    return date_format(nilai, "j F Y")


def _boleh_ppid(user, satker_id) -> bool:
    return izin.satker_ppid(user).filter(pk=satker_id).exists()


def _kunci(model, obj, user):
    """The row locked for update, if `user` answers for its office; PermissionDenied (the
    views turn that into 404) otherwise."""
    current = model.objects.select_for_update().filter(pk=obj.pk).first()
    if current is None or not _boleh_ppid(user, current.satker_id):
        raise PermissionDenied
    return current


# ---- requests --------------------------------------------------------------------------------


def transisi_permohonan(permohonan, aksi, user, pada, catatan: str = "", *, simpan=()):
    """Move `permohonan` along `TRANSISI_PERMOHONAN`, inside the caller's transaction (the
    row locked, or not saved yet for a filing). The only place a request's status changes;
    the callers (`ajukan_permohonan`, `perpanjang`, `jawab`) check their own rules and set
    and validate their other fields first.

    - veto: an action the map does not allow from the current state raises ValidationError
      naming the request and its state;
    - write: the new `status` with the fields named in `simpan` (a new request: the whole
      row), after `full_clean()` of the row as it will be (the database's own checks agree),
      and one `RiwayatPermohonan` row (who, when, from, to, note).
    """
    asal, tujuan = TRANSISI_PERMOHONAN[aksi]
    dari = permohonan.status if permohonan.pk else None
    if dari not in asal:
        raise ValidationError(
            _("Permohonan %(nomor)s berstatus “%(status)s”; aksi “%(aksi)s” tidak dapat dilakukan.")
            % {
                "nomor": permohonan.nomor,
                "status": permohonan.get_status_display(),
                "aksi": AksiPermohonan(aksi).label,
            }
        )
    permohonan.status = tujuan
    permohonan.full_clean()
    if dari is None:
        permohonan.save(force_insert=True)
    else:
        permohonan.save(update_fields=["status", *simpan])
    RiwayatPermohonan.objects.create(
        permohonan=permohonan,
        aksi=aksi,
        dari=dari or "",
        ke=tujuan,
        oleh=user,
        pada=pada,
        catatan=catatan,
    )


def ajukan_permohonan(permohonan: Permohonan, *, pada: dt.datetime | None = None):
    """File a request from the public form (no account). Returns (permohonan, token): the token
    is shown once, in the tracking link; only its sha256 is stored.

    Side effects, in one transaction: the next register number of the office and year, the
    answer due date (`jawaban_ppid` from the day received), the audit row (no personal data
    in it)."""
    pada = pada or timezone.now()
    diterima = timezone.localdate(pada)
    token = secrets.token_urlsafe(24)
    permohonan.diterima_pada = pada
    permohonan.jatuh_tempo = jatuh_tempo(diterima, JAWABAN)
    permohonan.status = StatusPermohonan.DIPROSES  # for the check below; set by the transition
    permohonan.token_hash = hash_token(token)
    permohonan.tahun = diterima.year
    # placeholders until the number is taken inside the transaction
    permohonan.urut, permohonan.nomor = 0, "-"
    permohonan.full_clean(exclude=["nomor", "urut"])
    with transaction.atomic():
        permohonan.urut = nomor_berikut(permohonan.satker, REGISTER_PERMOHONAN, diterima.year)
        permohonan.nomor = format_nomor(
            settings.POLA_NOMOR_PERMOHONAN,
            urut=permohonan.urut,
            satker=permohonan.satker,
            tanggal=diterima,
        )
        transisi_permohonan(permohonan, AksiPermohonan.AJUKAN, None, pada)
        catat(
            None,
            "ajukan_permohonan",
            objek=permohonan,
            satker=permohonan.satker_id,
            nomor=permohonan.nomor,
        )
    return permohonan, token


def permohonan_dari_token(token: str) -> Permohonan | None:
    return (
        Permohonan.objects.select_related("satker", "keberatan")
        .filter(token_hash=hash_token(token))
        .first()
    )


def catat_lihat_pribadi(user, permohonan) -> None:
    """A staff page that shows the requester's personal data is a view of it: audited."""
    catat(user, "lihat_data_pribadi", objek=permohonan, satker=permohonan.satker_id)


def boleh_perpanjang(permohonan, hari_ini: dt.date | None = None) -> bool:
    """Open, not extended yet, and the (first) due date not passed."""
    hari_ini = hari_ini or timezone.localdate()
    return (
        permohonan.status == StatusPermohonan.DIPROSES
        and permohonan.diperpanjang_pada is None
        and hari_ini <= permohonan.jatuh_tempo
    )


def perpanjang(permohonan, user, alasan: str, *, pada: dt.datetime | None = None):
    """Extend the answer period once, before it ends, with a written reason (UU 14/2008
    Pasal 22 ayat (8)): the new due date is `perpanjangan_ppid` after the first one. Side
    effect: audit row."""
    pada = pada or timezone.now()
    alasan = (alasan or "").strip()
    with transaction.atomic():
        current = _kunci(Permohonan, permohonan, user)
        if not alasan:
            raise ValidationError(
                {"alasan_perpanjangan": _("Alasan perpanjangan wajib diisi (UU 14/2008 Pasal 22).")}
            )
        if current.status == StatusPermohonan.DIJAWAB:
            raise ValidationError(
                _("Permohonan %(nomor)s sudah dijawab; tidak dapat diperpanjang.")
                % {"nomor": current.nomor}
            )
        if current.diperpanjang_pada is not None:
            raise ValidationError(
                _("Permohonan %(nomor)s sudah pernah diperpanjang; perpanjangan hanya sekali.")
                % {"nomor": current.nomor}
            )
        if timezone.localdate(pada) > current.jatuh_tempo:
            raise ValidationError(
                _(
                    "Batas waktu jawaban permohonan %(nomor)s (%(tanggal)s) sudah lewat; "
                    "perpanjangan harus diberitahukan sebelum batas waktu berakhir."
                )
                % {"nomor": current.nomor, "tanggal": _tanggal(current.jatuh_tempo)}
            )
        lama = current.jatuh_tempo
        current.jatuh_tempo = jatuh_tempo(lama, PERPANJANGAN)
        current.diperpanjang_pada = pada
        current.alasan_perpanjangan = alasan
        transisi_permohonan(
            current,
            AksiPermohonan.PERPANJANG,
            user,
            pada,
            alasan,
            simpan=["jatuh_tempo", "diperpanjang_pada", "alasan_perpanjangan"],
        )
        catat(
            user,
            "perpanjang_permohonan",
            objek=current,
            satker=current.satker_id,
            dari=lama.isoformat(),
            ke=current.jatuh_tempo.isoformat(),
        )
    return current


def jawab(
    permohonan,
    user,
    keputusan: str,
    jawaban: str,
    *,
    pasal: str = "",
    uji_konsekuensi: str = "",
    berkas=None,
    pada: dt.datetime | None = None,
):
    """Answer a request once: granted, partly granted, refused or not held. Withholding
    (refused, partly granted) must name the exception of UU 14/2008 Pasal 17 (a–j) and the
    consequence test. Side effects: the optional PDF stored, audit row."""
    pada = pada or timezone.now()
    jawaban = (jawaban or "").strip()
    uji_konsekuensi = (uji_konsekuensi or "").strip()
    with transaction.atomic():
        current = _kunci(Permohonan, permohonan, user)
        if not current.terbuka:
            raise ValidationError(
                _("Permohonan %(nomor)s sudah dijawab pada %(tanggal)s.")
                % {"nomor": current.nomor, "tanggal": _tanggal(current.tanggal_dijawab)}
            )
        errors = {}
        if keputusan not in Keputusan.values:
            errors["keputusan"] = _("Pilih keputusan atas permohonan.")
        if not jawaban:
            errors["jawaban"] = _("Isi jawaban (pemberitahuan tertulis) wajib diisi.")
        if keputusan in KEPUTUSAN_PENGECUALIAN:
            if not pasal:
                errors["pasal_pengecualian"] = _(
                    "Keputusan “%(k)s” wajib menyebut pengecualian UU 14/2008 Pasal 17 (huruf a–j)."
                ) % {"k": Keputusan(keputusan).label}
            if not uji_konsekuensi:
                errors["uji_konsekuensi"] = _(
                    "Keputusan “%(k)s” wajib disertai uji konsekuensi: akibat yang timbul bila "
                    "informasi dibuka."
                ) % {"k": Keputusan(keputusan).label}
        else:
            pasal, uji_konsekuensi = "", ""
        if errors:
            raise ValidationError(errors)
        current.keputusan = keputusan
        current.pasal_pengecualian = pasal
        current.uji_konsekuensi = uji_konsekuensi
        current.jawaban = jawaban
        current.dijawab_pada = pada
        current.dijawab_oleh = user
        fields = [
            "keputusan",
            "pasal_pengecualian",
            "uji_konsekuensi",
            "jawaban",
            "dijawab_pada",
            "dijawab_oleh",
        ]
        if berkas:
            current.berkas_jawaban = berkas
            fields.append("berkas_jawaban")
        transisi_permohonan(
            current, AksiPermohonan.JAWAB, user, pada, Keputusan(keputusan).label, simpan=fields
        )
        catat(
            user,
            "jawab_permohonan",
            objek=current,
            satker=current.satker_id,
            keputusan=keputusan,
            pasal=pasal,
            terlambat=current.terlambat,
        )
    return current


# ---- objections ------------------------------------------------------------------------------


def batas_keberatan(permohonan, hari_ini: dt.date | None = None) -> dt.date | None:
    """The last day to file an objection: `pengajuan_keberatan` after the answer, or after
    the answer due date when it passed without an answer. None while the request is open and
    still in time."""
    if permohonan.dijawab_pada is not None:
        return jatuh_tempo(permohonan.tanggal_dijawab, PENGAJUAN_KEBERATAN)
    if (hari_ini or timezone.localdate()) > permohonan.jatuh_tempo:
        return jatuh_tempo(permohonan.jatuh_tempo, PENGAJUAN_KEBERATAN)
    return None


def ada_keberatan(permohonan) -> bool:
    return Keberatan.objects.filter(permohonan_id=permohonan.pk).exists()


def boleh_keberatan(permohonan, hari_ini: dt.date | None = None) -> bool:
    """No objection yet, and today inside the filing period."""
    hari_ini = hari_ini or timezone.localdate()
    batas = batas_keberatan(permohonan, hari_ini)
    return batas is not None and hari_ini <= batas and not ada_keberatan(permohonan)


def ajukan_keberatan(permohonan, alasan: str, uraian: str, *, pada: dt.datetime | None = None):
    """The requester (holder of the tracking link) objects, once, within the filing period.
    Side effects: register number, due date (`tanggapan_keberatan`), audit row."""
    pada = pada or timezone.now()
    hari = timezone.localdate(pada)
    with transaction.atomic():
        current = (
            Permohonan.objects.select_for_update().select_related("satker").get(pk=permohonan.pk)
        )
        if ada_keberatan(current):
            raise ValidationError(
                _("Keberatan atas permohonan %(nomor)s sudah diajukan.") % {"nomor": current.nomor}
            )
        batas = batas_keberatan(current, hari)
        if batas is None:
            raise ValidationError(
                _(
                    "Keberatan dapat diajukan setelah permohonan dijawab atau setelah batas "
                    "waktu jawaban (%(tanggal)s) lewat tanpa jawaban."
                )
                % {"tanggal": _tanggal(current.jatuh_tempo)}
            )
        if hari > batas:
            raise ValidationError(
                _("Batas waktu pengajuan keberatan sudah lewat pada %(tanggal)s.")
                % {"tanggal": _tanggal(batas)}
            )
        keberatan = Keberatan(
            permohonan=current,
            satker=current.satker,
            alasan=alasan,
            uraian=(uraian or "").strip(),
            diajukan_pada=pada,
            jatuh_tempo=jatuh_tempo(hari, TANGGAPAN_KEBERATAN),
            tahun=hari.year,
            urut=0,
            nomor="-",
        )
        keberatan.full_clean(exclude=["nomor", "urut", "permohonan"])
        keberatan.urut = nomor_berikut(current.satker, REGISTER_KEBERATAN, hari.year)
        keberatan.nomor = format_nomor(
            settings.POLA_NOMOR_KEBERATAN, urut=keberatan.urut, satker=current.satker, tanggal=hari
        )
        keberatan.save(force_insert=True)
        catat(
            None,
            "ajukan_keberatan",
            objek=keberatan,
            satker=current.satker_id,
            nomor=keberatan.nomor,
            permohonan=current.nomor,
        )
    return keberatan


def tanggapi_keberatan(keberatan, user, putusan: str, tanggapan: str, *, pada=None):
    """The PPID's superior answers the objection once. Side effect: audit row."""
    pada = pada or timezone.now()
    tanggapan = (tanggapan or "").strip()
    with transaction.atomic():
        current = _kunci(Keberatan, keberatan, user)
        if not current.terbuka:
            raise ValidationError(
                _("Keberatan %(nomor)s sudah ditanggapi.") % {"nomor": current.nomor}
            )
        errors = {}
        if putusan not in PutusanKeberatan.values:
            errors["putusan"] = _("Pilih tanggapan atas keberatan: diterima atau ditolak.")
        if not tanggapan:
            errors["tanggapan"] = _("Isi tanggapan atas keberatan wajib diisi.")
        if errors:
            raise ValidationError(errors)
        current.putusan = putusan
        current.tanggapan = tanggapan
        current.dijawab_pada = pada
        current.dijawab_oleh = user
        current.full_clean()
        current.save(update_fields=["putusan", "tanggapan", "dijawab_pada", "dijawab_oleh"])
        catat(
            user,
            "tanggapi_keberatan",
            objek=current,
            satker=current.satker_id,
            putusan=putusan,
            terlambat=current.terlambat,
        )
    return current


# ---- documents and DIP entries ---------------------------------------------------------------


def simpan_dokumen(dokumen, user, fields=None):
    """Create or edit a public-information document of an office `user` answers for as PPID.
    Side effect: audit row (published or withdrawn shows in it)."""
    return _simpan_ppid(dokumen, user, "simpan_dokumen", terbit=dokumen.terbit, fields=fields)


def simpan_entri_dip(entri, user, fields=None):
    """Create or edit a manual DIP entry of an office `user` answers for as PPID."""
    entri.diubah_oleh = user
    if fields is not None:
        fields = [*fields, "diubah_oleh"]
    return _simpan_ppid(entri, user, "simpan_entri_dip", terbit=entri.terbit, fields=fields)


def _simpan_ppid(obj, user, aksi, fields=None, **data):
    if not _boleh_ppid(user, obj.satker_id):
        raise PermissionDenied
    baru = obj.pk is None
    if baru and hasattr(obj, "dibuat_oleh_id"):
        obj.dibuat_oleh = user
    obj.full_clean()
    with transaction.atomic():
        if not baru:
            lama = type(obj).objects.select_for_update().filter(pk=obj.pk).first()
            # the office it belonged to must be the user's too: no moving rows out of another
            # office's list
            if lama is None or not _boleh_ppid(user, lama.satker_id):
                raise PermissionDenied
        if baru or fields is None:
            obj.save()
        else:
            obj.save(update_fields=sorted(set(fields) | {"diubah_pada"}))
        catat(user, aksi, objek=obj, satker=obj.satker_id, baru=baru, **data)
    return obj
