"""Keep the guardian grants in step with role assignments, whatever path changed them
(admin, shell, seed), inside the same transaction as the change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.accounts.models import Penugasan, User
from apps.audit.services import catat
from apps.organisasi.models import Satker


def _resync(user_pk):
    from apps.accounts.permissions import sinkron_izin

    user = User.objects.filter(pk=user_pk).first()
    if user is not None:
        sinkron_izin(user)


@receiver(post_save, sender=Penugasan)
def penugasan_disimpan(sender, instance, **kwargs):
    catat(
        None,
        "penugasan_disimpan",
        objek=instance,
        satker=instance.satker_id,
        user=instance.user_id,
        peran=instance.peran,
        modul=instance.modul,
        aktif=instance.aktif,
    )
    _resync(instance.user_id)


@receiver(post_delete, sender=Penugasan)
def penugasan_dihapus(sender, instance, **kwargs):
    catat(
        None,
        "penugasan_dihapus",
        objek=instance,
        satker=instance.satker_id,
        user=instance.user_id,
        peran=instance.peran,
    )
    _resync(instance.user_id)


@receiver(post_save, sender=User)
def user_disimpan(sender, instance, created, update_fields=None, **kwargs):
    # Deactivating a user drops its grants at once; a login (update_fields=last_login) does not.
    if created or (update_fields is not None and "is_active" not in update_fields):
        return
    _resync(instance.pk)


@receiver(post_save, sender=Satker)
def satker_disimpan(sender, instance, update_fields=None, **kwargs):
    # Grants are expanded over the offices below when they are built: a new office (a new
    # regency) or one moved under another parent must enter the scope of the roles held above
    # it, and leave the scope of its old parent's, without anyone re-saving an assignment.
    if update_fields is not None and "induk" not in update_fields:
        return
    from apps.accounts.models import IzinSatker
    from apps.accounts.permissions import PERAN_AKSI

    atas = [instance.induk_id] if instance.induk_id else []
    atas += [
        pk
        for pk in Satker.objects.filter(pk__in=atas).values_list("induk_id", flat=True)
        if pk is not None
    ]
    meluas = [peran for peran, (_sendiri, bawah) in PERAN_AKSI.items() if bawah]
    users = set(
        Penugasan.objects.filter(satker_id__in=atas, peran__in=meluas, aktif=True).values_list(
            "user_id", flat=True
        )
    )
    users |= set(
        IzinSatker.objects.filter(content_object=instance).values_list("user_id", flat=True)
    )
    for user_pk in sorted(users):
        _resync(user_pk)
