import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core import izin, registry
from apps.core.models import Klasifikasi, Status
from apps.core.perkara import HARI_PERINGATAN, model_perkara
from apps.imports.forms import modul_boleh
from apps.organisasi.models import Satker

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
        "lewat_tenggat": [],
    }
    hari_ini = timezone.localdate()
    for modul in registry.all_modules():
        base = modul.model.objects.select_related("satker").order_by("-updated_at")
        milik = base.filter(created_by=user).editable_by(user)
        antrean["draf"] += [(modul, r) for r in milik.filter(status=Status.DRAFT)[:BATAS]]
        antrean["dikembalikan"] += [
            (modul, r) for r in milik.filter(status=Status.DIKEMBALIKAN)[:BATAS]
        ]
        setuju = izin.satker_dengan(user, izin.SETUJUI, modul.kode)
        antrean["menunggu_persetujuan"] += [
            (modul, r)
            for r in base.filter(status=Status.DIAJUKAN, satker__in=setuju.values("pk"))[:BATAS]
            # one's own entry is not waiting for oneself, unless one is the whole office
            if r.created_by_id != user.pk or izin.satu_orang(r.satker)
        ]
        klas = izin.satker_dengan(user, izin.KLASIFIKASI, modul.kode)
        antrean["menunggu_klasifikasi"] += [
            (modul, r)
            for r in base.filter(
                status=Status.DISETUJUI,
                klasifikasi=Klasifikasi.BELUM,
                satker__in=klas.values("pk"),
            )[:BATAS]
        ]
    for modul in model_perkara():
        antrean["lewat_tenggat"] += [
            (modul, r)
            for r in modul.model.objects.visible_to(user)
            .filter(tenggat__lt=hari_ini)
            .select_related("satker")
            .order_by("tenggat", "pk")[:BATAS]
        ]
    antrean["lewat_tenggat"].sort(key=lambda mr: mr[1].tenggat)
    modul_list = izin.modul_terlihat(user)
    return render(
        request,
        "dashboard/beranda.html",
        {
            "antrean": antrean,
            "modul_list": modul_list,
            "ada_perkara": bool({m.kode for m in model_perkara()} & {m.kode for m in modul_list}),
            "penugasan": user.penugasan.filter(aktif=True).select_related("satker"),
            "ppid": izin.satker_ppid(user).exists(),
            "impor": bool(modul_boleh(user)),
        },
    )


KEADAAN_TENGGAT = {
    "lewat": lambda hari_ini: {"tenggat__lt": hari_ini},
    "segera": lambda hari_ini: {
        "tenggat__gte": hari_ini,
        "tenggat__lte": hari_ini + dt.timedelta(days=HARI_PERINGATAN),
    },
    "terbuka": lambda hari_ini: {"tenggat__isnull": False},
}
BATAS_TENGGAT = 200


@login_required
def tenggat(request):
    """Open cases by due date across the case modules, in the user's scope: overdue
    (default), due within two days, or every open step. A koordinator sees their office's
    cases, a provincial one also those of the kab/kota offices under it."""
    user = request.user
    hari_ini = timezone.localdate()
    keadaan = request.GET.get("keadaan") or "lewat"
    errors = []
    if keadaan not in KEADAAN_TENGGAT:
        errors.append(_("Keadaan “%(v)s” tidak dikenal.") % {"v": keadaan})
        keadaan = "lewat"
    satker_kode = request.GET.get("satker", "").strip()
    moduls = [m for m in model_perkara() if izin.satker_dengan(user, izin.LIHAT, m.kode).exists()]
    rows = []
    for modul in moduls:
        qs = (
            modul.model.objects.visible_to(user)
            .filter(**KEADAAN_TENGGAT[keadaan](hari_ini))
            .select_related("satker", "wilayah")
        )
        if satker_kode:
            qs = qs.filter(satker__kode=satker_kode)
        rows += [(modul, r) for r in qs.order_by("tenggat", "pk")[:BATAS_TENGGAT]]
    rows.sort(key=lambda mr: (mr[1].tenggat, mr[0].urutan, mr[1].pk))
    kantor = (
        Satker.objects.filter(pk__in={r.satker_id for _m, r in rows})
        if not satker_kode
        else Satker.objects.filter(kode=satker_kode)
    )
    return render(
        request,
        "dashboard/tenggat.html",
        {
            "rows": rows[:BATAS_TENGGAT],
            "terpotong": len(rows) > BATAS_TENGGAT,
            "keadaan": keadaan,
            "pilihan_keadaan": [
                ("lewat", _("Lewat tenggat")),
                ("segera", _("Tenggat dalam 2 hari")),
                ("terbuka", _("Semua tahap terbuka")),
            ],
            "kantor": kantor.order_by("kode"),
            "satker_kode": satker_kode,
            "moduls": moduls,
            "errors": errors,
            "hari_ini": hari_ini,
        },
    )
