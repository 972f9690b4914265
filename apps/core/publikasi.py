"""A token that changes whenever the set of public records may have changed.

Public pages cache their rendered content under this token, so a record that is published or
withdrawn (reopened, reclassified) leaves every cached page at the commit that changed it —
not when a timeout runs out. The token is random, not a counter, so restoring a database
backup can never bring back a key that old cached content was stored under. Readers take the
token before they query, so content cached under a token is never older than the token.
"""

import uuid

from django.utils import timezone

from apps.core.models import VersiPublik


def ganti_token() -> None:
    """Call inside the transaction that changes what is public."""
    VersiPublik.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def token() -> str:
    """The current token, with today's date: pages that show values computed from the date
    (an agreement that ends today) are not served from yesterday's cache."""
    tersimpan = VersiPublik.objects.filter(pk=1).values_list("token", flat=True).first()
    return f"{tersimpan or 'awal'}-{timezone.localdate():%Y%m%d}"
