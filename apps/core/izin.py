"""Who may do what with records: the questions, asked by the staff pages, services and
templates (DESIGN §1, STYLE 5). Nothing else calls guardian or compares roles.

Grants are django-guardian object permissions on `Satker`, one per action × module
(`organisasi.isi_pencegahan` on Bawaslu Kota Metro), written from role assignments by
`apps.accounts.permissions.sinkron_izin` (which also applies the scope rule). This module only
reads them: records are scoped by their `satker` foreign key with one subquery over the grants.
It imports nothing of `apps.accounts` — the grant table is found through guardian, an office's
assignments through its reverse relation — so the record base never depends on the user app.
"""

import functools

from django.db.models import QuerySet
from guardian.utils import get_user_obj_perms_model

from apps.core import registry
from apps.organisasi.models import Satker

LIHAT = "lihat"  # see the Satker's records in the staff area
ISI = "isi"  # create, edit and submit records of the Satker
SETUJUI = "setujui"  # approve, return and reopen
KLASIFIKASI = "klasifikasi"  # PPID: classify approved records
EKSPOR = "ekspor"  # export the Satker's records (non-public included)
# handle the Satker's cases: see and enter the personal data of reporters and parties
# (UU 27/2022). Never derived from a role: only from an assignment's explicit
# `tangani_perkara`, on that office alone; not even a superuser holds it otherwise.
TANGANI = "tangani"
AKSI = (LIHAT, ISI, SETUJUI, KLASIFIKASI, EKSPOR, TANGANI)


@functools.cache
def _tabel_izin():
    """The table of direct grants on offices (`accounts.IzinSatker`), as guardian finds it."""
    return get_user_obj_perms_model(Satker)


def codename(aksi: str, modul: str) -> str:
    return f"{aksi}_{modul}"


# ---- questions -------------------------------------------------------------------------------


def _satker_berizin(user, codenames, semua_bagi_superuser=True) -> QuerySet:
    """The offices on which `user` holds any of the grants `codenames` (a queryset, usable as
    a subquery). An inactive or anonymous user holds none; a superuser all, unless
    `semua_bagi_superuser` is False."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Satker.objects.none()
    if user.is_superuser and semua_bagi_superuser:
        return Satker.objects.all()
    # The same rows guardian's get_objects_for_user reads (its direct foreign-key table), in
    # one subquery on indexed integers; guardian's generic path cost ~4x as much per check
    # and a staff page asks several times.
    grants = (
        _tabel_izin()
        .objects.filter(
            user=user,
            permission__content_type__app_label="organisasi",
            permission__codename__in=codenames,
        )
        .values("content_object_id")
    )
    return Satker.objects.filter(pk__in=grants)


def satker_dengan(user, aksi: str, modul: str) -> QuerySet:
    """The offices where `user` may do `aksi` in `modul` (a queryset, usable as a subquery)."""
    return _satker_berizin(user, [codename(aksi, modul)], semua_bagi_superuser=aksi != TANGANI)


def filter_records(qs: QuerySet, user, aksi: str) -> QuerySet:
    """`qs` narrowed to the records whose Satker grants `user` the action."""
    return qs.filter(satker__in=satker_dengan(user, aksi, qs.model.modul_kode).values("pk"))


def boleh(user, aksi: str, modul: str, satker) -> bool:
    if satker is None:
        return False
    return satker_dengan(user, aksi, modul).filter(pk=satker.pk).exists()


def codename_dimiliki(user, codenames) -> set[str]:
    """Which of `codenames` `user` holds on at least one office — one query for a whole page's
    questions (may I see, enter, export in this module?). A superuser holds every one except
    the case-handling grant."""
    codenames = list(codenames)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return {c for c in codenames if not c.startswith(f"{TANGANI}_")}
    return set(
        _tabel_izin()
        .objects.filter(
            user=user,
            permission__content_type__app_label="organisasi",
            permission__codename__in=codenames,
        )
        .values_list("permission__codename", flat=True)
        .distinct()
    )


def aksi_di_modul(user, modul: str, aksi=AKSI) -> set[str]:
    """The actions of `aksi` `user` may do in `modul` for at least one office (one query)."""
    dimiliki = codename_dimiliki(user, (codename(a, modul) for a in aksi))
    return {a for a in aksi if codename(a, modul) in dimiliki}


def modul_dengan(user, aksi: str) -> set[str]:
    """The modules in which `user` may do `aksi` for at least one office (one query)."""
    dimiliki = codename_dimiliki(user, (codename(aksi, k) for k in registry.codes()))
    return {k for k in registry.codes() if codename(aksi, k) in dimiliki}


def modul_terlihat(user) -> list:
    """Modules in which the user sees any office's records (for the staff menu; one query)."""
    kode = modul_dengan(user, LIHAT)
    return [m for m in registry.all_modules() if m.kode in kode]


def satu_orang(satker) -> bool:
    """An office staffed by one person may approve its own entries (DESIGN §3)."""
    return (
        satker.penugasan.filter(aktif=True, user__is_active=True).values("user").distinct().count()
        <= 1
    )


def boleh_ubah(user, rekaman) -> bool:
    return rekaman.dapat_diubah and boleh(user, ISI, rekaman.modul_kode, rekaman.satker)


# The grant each workflow action needs, by the action's code (`apps.core.workflow.Aksi`; a test
# keeps the two in step). Written by code so that this module imports nothing of the workflow,
# which imports the records, which ask this module: no import circle.
IZIN_AKSI = {"ajukan": ISI, "setujui": SETUJUI, "kembalikan": SETUJUI, "buka_kembali": SETUJUI}


def boleh_transisi(user, rekaman, aksi: str) -> bool:
    """May `user` apply workflow action `aksi` to `rekaman` (state is checked by the workflow).
    Approving one's own entry is allowed only in a one-person office."""
    izin = IZIN_AKSI.get(str(aksi))
    if izin is None or not boleh(user, izin, rekaman.modul_kode, rekaman.satker):
        return False
    if aksi == "setujui" and rekaman.created_by_id == user.pk:
        return satu_orang(rekaman.satker)
    return True


def boleh_klasifikasi(user, rekaman) -> bool:
    return boleh(user, KLASIFIKASI, rekaman.modul_kode, rekaman.satker)


def boleh_lihat(user, rekaman) -> bool:
    return boleh(user, LIHAT, rekaman.modul_kode, rekaman.satker)


def boleh_tangani(user, rekaman) -> bool:
    """May `user` see and enter the personal data of the case's reporter and parties."""
    return boleh(user, TANGANI, rekaman.modul_kode, rekaman.satker)


# An import enters records and submits them for review in one go, so it is given to those who
# review that office's entries — a koordinator in its scope, an admin — never to an operator.
IMPOR = SETUJUI


def satker_impor(user, modul: str) -> QuerySet:
    """The offices whose records of `modul` `user` may load from a spreadsheet (`IMPOR`)."""
    return satker_dengan(user, IMPOR, modul)


def satker_ppid(user) -> QuerySet:
    """The offices whose information requests and objections `user` answers as PPID: those
    where they may classify records of any module (the PPID and admin roles; the scope rule
    is already in the grants). A queryset, usable as a subquery."""
    return _satker_berizin(user, [codename(KLASIFIKASI, kode) for kode in registry.codes()])
