"""Background work of the calendar: recomputing open cases' due dates after a holiday or a
time limit changed (can touch every open case in the country: not in the admin's request)."""

from django.tasks import task


@task
def hitung_ulang_tenggat():
    from apps.core.perkara import hitung_ulang_tenggat as hitung

    return hitung()
