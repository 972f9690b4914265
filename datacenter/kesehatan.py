"""`/healthz` (the process answers; no database) and `/readyz` (the database answers too), for
load balancers and supervisors."""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means not ready
        return JsonResponse({"status": "database tidak dapat dijangkau"}, status=503)
    return JsonResponse({"status": "ok"})
