"""Who may do what: the grants (DESIGN §1, STYLE 5).

Grants are django-guardian object permissions on `Satker`, one per action × module
(`organisasi.isi_pencegahan` on Bawaslu Kota Metro). They are derived from `Penugasan` rows by
`sinkron_izin`, which also applies the scope rule: a koordinator, pimpinan or PPID of a
provincial office holds its grants on the office *and* every kab/kota office under it (Bawaslu
RI: on every office); an operator only on its own.

The questions asked of the grants (`satker_dengan`, `boleh_*`, the action codes) live in
`apps.core.izin`, beside the records they are about, and are named here too for the callers
that manage users.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from apps.accounts.models import IzinSatker, Peran, User
from apps.core import registry
from apps.core.izin import (  # noqa: F401 - named here for the callers that manage users
    AKSI,
    EKSPOR,
    ISI,
    IZIN_AKSI,
    KLASIFIKASI,
    LIHAT,
    SETUJUI,
    TANGANI,
    boleh,
    boleh_klasifikasi,
    boleh_lihat,
    boleh_tangani,
    boleh_transisi,
    boleh_ubah,
    codename,
    filter_records,
    modul_terlihat,
    satker_dengan,
    satker_ppid,
    satu_orang,
)
from apps.organisasi.models import Satker

# role -> (actions on its own Satker, actions on the Satker under it)
PERAN_AKSI = {
    Peran.OPERATOR: ({LIHAT, ISI}, set()),
    Peran.KOORDINATOR: ({LIHAT, ISI, SETUJUI, EKSPOR}, {LIHAT, SETUJUI, EKSPOR}),
    Peran.PIMPINAN: ({LIHAT, ISI, EKSPOR}, {LIHAT, EKSPOR}),
    Peran.PPID: ({LIHAT, KLASIFIKASI}, {LIHAT, KLASIFIKASI}),
    Peran.ADMIN: (set(AKSI) - {TANGANI}, set(AKSI) - {TANGANI}),
}


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
