from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from apps.audit.services import catat


def _ip(request):
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


@receiver(user_logged_in)
def login(sender, request, user, **kwargs):
    catat(user, "masuk", objek=user, ip=_ip(request))


@receiver(user_logged_out)
def logout(sender, request, user, **kwargs):
    if user is not None:
        catat(user, "keluar", objek=user, ip=_ip(request))


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    catat(None, "gagal_masuk", username=credentials.get("username", ""), ip=_ip(request))
