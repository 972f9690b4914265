"""Who may do what, in one place (DESIGN §1, STYLE 5).

Grants are django-guardian object permissions on `Satker`, one per action × module
(`organisasi.isi_pencegahan` on Bawaslu Kota Metro). They are derived from `Penugasan` rows by
`sinkron_izin`, which also applies the scope rule: a koordinator, pimpinan or PPID of a
provincial office holds its grants on the office *and* every kab/kota office under it (Bawaslu
RI: on every office); an operator only on its own. Records are then scoped by their `satker`
foreign key with one subquery over the grants.

Views, services and templates ask the functions here; nothing else calls guardian or compares
roles.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet

from apps.accounts.models import IzinSatker, Penugasan, Peran, User
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

# role -> (actions on its own Satker, actions on the Satker under it)
PERAN_AKSI = {
    Peran.OPERATOR: ({LIHAT, ISI}, set()),
    Peran.KOORDINATOR: ({LIHAT, ISI, SETUJUI, EKSPOR}, {LIHAT, SETUJUI, EKSPOR}),
    Peran.PIMPINAN: ({LIHAT, ISI, EKSPOR}, {LIHAT, EKSPOR}),
    Peran.PPID: ({LIHAT, KLASIFIKASI}, {LIHAT, KLASIFIKASI}),
    Peran.ADMIN: (set(AKSI) - {TANGANI}, set(AKSI) - {TANGANI}),
}


def codename(aksi: str, modul: str) -> str:
    return f"{aksi}_{modul}"


# ---- questions -------------------------------------------------------------------------------


def satker_dengan(user, aksi: str, modul: str) -> QuerySet:
    """The offices where `user` may do `aksi` in `modul` (a queryset, usable as a subquery)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Satker.objects.none()
    if user.is_superuser and aksi != TANGANI:
        return Satker.objects.all()
    # The same rows guardian's get_objects_for_user reads (its direct foreign-key table), in
    # one subquery on indexed integers; guardian's generic path cost ~4x as much per check
    # and a staff page asks several times.
    grants = IzinSatker.objects.filter(
        user=user,
        permission__content_type__app_label="organisasi",
        permission__codename=codename(aksi, modul),
    ).values("content_object_id")
    return Satker.objects.filter(pk__in=grants)


def filter_records(qs: QuerySet, user, aksi: str) -> QuerySet:
    """`qs` narrowed to the records whose Satker grants `user` the action."""
    return qs.filter(satker__in=satker_dengan(user, aksi, qs.model.modul_kode).values("pk"))


def boleh(user, aksi: str, modul: str, satker) -> bool:
    if satker is None:
        return False
    return satker_dengan(user, aksi, modul).filter(pk=satker.pk).exists()


def modul_terlihat(user) -> list:
    """Modules in which the user sees any office's records (for the staff menu)."""
    return [m for m in registry.all_modules() if satker_dengan(user, LIHAT, m.kode).exists()]


def satu_orang(satker) -> bool:
    """An office staffed by one person may approve its own entries (DESIGN §3)."""
    return (
        Penugasan.objects.filter(satker=satker, aktif=True, user__is_active=True)
        .values("user")
        .distinct()
        .count()
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


def satker_ppid(user) -> QuerySet:
    """The offices whose information requests and objections `user` answers as PPID: those
    where they may classify records of any module (the PPID and admin roles; the scope rule
    is already in the grants). A queryset, usable as a subquery."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Satker.objects.none()
    if user.is_superuser:
        return Satker.objects.all()
    grants = IzinSatker.objects.filter(
        user=user,
        permission__content_type__app_label="organisasi",
        permission__codename__in=[codename(KLASIFIKASI, kode) for kode in registry.codes()],
    ).values("content_object_id")
    return Satker.objects.filter(pk__in=grants)


# ---- grants ----------------------------------------------------------------------------------


def pastikan_permission_ada(**kwargs) -> None:
    """Create the action × module permissions on Satker for every registered module
    (post_migrate), so a new module needs no migration of its own for permissions."""
    ct = ContentType.objects.get_for_model(Satker)
    baru = False
    for modul in registry.all_modules():
        for aksi in AKSI:
            _perm, created = Permission.objects.get_or_create(
                content_type=ct,
                codename=codename(aksi, modul.kode),
                defaults={"name": f"{aksi} {modul.kode}"},
            )
            baru = baru or created
    if baru:
        # An assignment without a module list means every module, the new one included.
        for user in User.objects.filter(penugasan__aktif=True, is_active=True).distinct():
            sinkron_izin(user)


@transaction.atomic
def sinkron_izin(user) -> int:
    """Bring the guardian grants of `user` in line with its active role assignments. Only the
    difference is written, so re-saving an unchanged assignment (a seed run, an admin saving a
    form twice) writes nothing. Returns how many grants the user holds."""
    perms = {
        p.codename: p.pk
        for p in Permission.objects.filter(content_type=ContentType.objects.get_for_model(Satker))
    }
    ingin = set()
    terdaftar = registry.codes()
    if user.is_active:
        for tugas in user.penugasan.filter(aktif=True).select_related("satker"):
            # A code of a module not registered (any more) grants nothing; it must not make
            # the sync fail, or deactivating such a user would fail to drop the other grants.
            moduls = [m for m in tugas.modul if m in terdaftar] if tugas.modul else terdaftar
            own, below = PERAN_AKSI[tugas.peran]
            targets = [(tugas.satker.pk, own)]
            if below:
                targets += [
                    (pk, below)
                    for pk in Satker.objects.di_bawah(tugas.satker).values_list("pk", flat=True)
                ]
            if tugas.tangani_perkara:
                targets.append((tugas.satker.pk, {TANGANI}))
            for satker_pk, actions in targets:
                for aksi in actions:
                    for modul in moduls:
                        ingin.add((perms[codename(aksi, modul)], satker_pk))
    ada = {
        (perm_pk, satker_pk): pk
        for pk, perm_pk, satker_pk in IzinSatker.objects.filter(user=user).values_list(
            "pk", "permission_id", "content_object_id"
        )
    }
    lebih = [pk for kunci, pk in ada.items() if kunci not in ingin]
    if lebih:
        IzinSatker.objects.filter(pk__in=lebih).delete()
    IzinSatker.objects.bulk_create(
        [
            IzinSatker(user=user, permission_id=perm_pk, content_object_id=satker_pk)
            for perm_pk, satker_pk in ingin - ada.keys()
        ],
        batch_size=5000,
    )
    return len(ingin)
