from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from apps.accounts import permissions
from apps.core import registry
from apps.core.models import Klasifikasi, Status

BATAS = 20


@login_required
def beranda(request):
    """Staff home: my drafts, returned to me, waiting for my approval, waiting for my
    classification — across every module, a bounded query per module and list."""
    user = request.user
    antrean = {
        "draf": [],
        "dikembalikan": [],
        "menunggu_persetujuan": [],
        "menunggu_klasifikasi": [],
    }
    for modul in registry.all_modules():
        base = modul.model.objects.select_related("satker").order_by("-updated_at")
        milik = base.filter(created_by=user).editable_by(user)
        antrean["draf"] += [(modul, r) for r in milik.filter(status=Status.DRAFT)[:BATAS]]
        antrean["dikembalikan"] += [
            (modul, r) for r in milik.filter(status=Status.DIKEMBALIKAN)[:BATAS]
        ]
        setuju = permissions.satker_dengan(user, permissions.SETUJUI, modul.kode)
        antrean["menunggu_persetujuan"] += [
            (modul, r)
            for r in base.filter(status=Status.DIAJUKAN, satker__in=setuju.values("pk"))[:BATAS]
            # one's own entry is not waiting for oneself, unless one is the whole office
            if r.created_by_id != user.pk or permissions.satu_orang(r.satker)
        ]
        klas = permissions.satker_dengan(user, permissions.KLASIFIKASI, modul.kode)
        antrean["menunggu_klasifikasi"] += [
            (modul, r)
            for r in base.filter(
                status=Status.DISETUJUI,
                klasifikasi=Klasifikasi.BELUM,
                satker__in=klas.values("pk"),
            )[:BATAS]
        ]
    return render(
        request,
        "dashboard/beranda.html",
        {
            "antrean": antrean,
            "modul_list": permissions.modul_terlihat(user),
            "penugasan": user.penugasan.filter(aktif=True).select_related("satker"),
        },
    )
