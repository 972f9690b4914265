"""Keep the guardian grants in step with role assignments, whatever path changed them
(admin, shell, seed), inside the same transaction as the change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.accounts.models import Penugasan, User
from apps.audit.services import catat


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
