from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _hitung_ulang(**kwargs):
    """A holiday or a time limit changed: the stored due dates of open cases follow, in the
    task worker, once the change is committed."""
    if kwargs.get("raw"):
        return  # loading a fixture
    from apps.kalender.tasks import hitung_ulang_tenggat

    transaction.on_commit(hitung_ulang_tenggat.enqueue)


class KalenderConfig(AppConfig):
    name = "apps.kalender"
    verbose_name = _("Kalender dan batas waktu")

    def ready(self):
        from apps.kalender.models import BatasWaktu, HariLibur

        for model in (HariLibur, BatasWaktu):
            post_save.connect(_hitung_ulang, sender=model, dispatch_uid=f"tenggat-{model.__name__}")
            post_delete.connect(
                _hitung_ulang, sender=model, dispatch_uid=f"tenggat-{model.__name__}-hapus"
            )
