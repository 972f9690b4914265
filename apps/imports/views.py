"""`/kelola/impor/`: upload a spreadsheet, watch it being checked, read every error, confirm,
watch it being written; the list of one's imports; the template of each module."""

import hashlib

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import (
    FileResponse,
    Http404,
    HttpResponseBadRequest,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.audit.services import catat
from apps.core import izin, registry, saringan
from apps.imports import ekspor, tasks
from apps.imports.forms import FormImpor, modul_boleh
from apps.imports.models import ImportJob, Keadaan
from apps.opendata import ekspor as tulis

GALAT_PER_HALAMAN = 100


def _job(request, pk):
    """The job, for the person who uploaded it or an admin (others: 404, as if none)."""
    job = get_object_or_404(ImportJob.objects.select_related("satker", "dibuat_oleh"), pk=pk)
    if job.dibuat_oleh_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    return job


@login_required
def beranda(request):
    moduls = modul_boleh(request.user)
    if not moduls:
        raise PermissionDenied(
            _("Impor data hanya untuk koordinator (satker dalam cakupannya) dan admin.")
        )
    form = FormImpor(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        h = hashlib.sha256()
        for potong in berkas.chunks():
            h.update(potong)
        with transaction.atomic():
            job = ImportJob.objects.create(
                modul=form.cleaned_data["modul"],
                satker=form.cleaned_data["satker"],
                setujui=form.cleaned_data.get("setujui", False),
                berkas=berkas,
                nama_berkas=berkas.name[:255],
                ukuran=berkas.size,
                sha256=h.hexdigest(),
                dibuat_oleh=request.user,
                bahasa=translation.get_language() or settings.LANGUAGE_CODE,
            )
            catat(
                request.user, "unggah_impor", objek=job, berkas=job.nama_berkas, sha256=job.sha256
            )
            tasks.antrekan(job)
        return redirect(job)
    jobs = ImportJob.objects.select_related("satker", "dibuat_oleh")
    if not request.user.is_superuser:
        jobs = jobs.filter(dibuat_oleh=request.user)
    halaman = Paginator(jobs, 25).get_page(request.GET.get("hal"))
    nama = {m.kode: m.nama for m in registry.all_modules()}
    for j in halaman:
        j.nama_modul = nama.get(j.modul, j.modul)
    return render(
        request,
        "imports/beranda.html",
        {"form": form, "moduls": moduls, "jobs": halaman},
    )


@login_required
def job(request, pk):
    job = _job(request, pk)
    galat = Paginator(job.galat, GALAT_PER_HALAMAN).get_page(request.GET.get("hal"))
    return render(
        request,
        "imports/job.html",
        {"job": job, "modul": registry.get(job.modul), "galat": galat, "Keadaan": Keadaan},
    )


@login_required
def kemajuan(request, pk):
    """What the progress bar needs, for the page's script."""
    job = _job(request, pk)
    return JsonResponse(
        {
            "keadaan": job.keadaan,
            "label": job.get_keadaan_display(),
            "selesai": job.baris_selesai,
            "total": job.baris_total,
            "persen": job.persen,
            "teks": job.teks_kemajuan,
            "berjalan": job.berjalan and not job.terhenti,
            "terhenti": job.terhenti,
        }
    )


@login_required
@require_POST
def simpan(request, pk):
    """Confirm a checked job: it is written in the background, all or nothing."""
    with transaction.atomic():
        job = _job(request, pk)
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.keadaan != Keadaan.SIAP:
            raise PermissionDenied(
                _("Hanya berkas yang sudah diperiksa tanpa kesalahan yang dapat disimpan.")
            )
        job.keadaan = Keadaan.ANTRE_SIMPAN
        job.baris_selesai = 0
        job.save(update_fields=["keadaan", "baris_selesai"])
        tasks.antrekan(job, simpan_=True)
    return redirect(job)


@login_required
@require_POST
def ulangi(request, pk):
    """Run again a job whose worker stopped or failed: it starts over with the check."""
    with transaction.atomic():
        job = _job(request, pk)
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if not (job.terhenti or job.keadaan == Keadaan.GAGAL):
            raise PermissionDenied(_("Pekerjaan ini tidak perlu diulang."))
        job.keadaan, job.baris_selesai, job.pesan = Keadaan.MENUNGGU, 0, ""
        job.save(update_fields=["keadaan", "baris_selesai", "pesan"])
        tasks.antrekan(job)
    return redirect(job)


@login_required
def galat_csv(request, pk):
    """The job's errors as CSV, to fix the file beside it."""
    job = _job(request, pk)
    baris = ([g["baris"], g["kolom"], g["nilai"], g["pesan"]] for g in job.galat)
    response = StreamingHttpResponse(
        tulis.alir_csv((_("baris"), _("kolom"), _("nilai"), _("pesan")), baris),
        content_type=tulis.MEDIA["csv"],
    )
    response["Content-Disposition"] = f'attachment; filename="kesalahan-impor-{job.pk}.csv"'
    return response


@login_required
def templat(request, modul):
    modul = registry.get(modul)
    if modul.impor is None:
        raise Http404
    return FileResponse(
        ekspor.templat(modul),
        as_attachment=True,
        filename=f"templat-{modul.kode}.xlsx",
        content_type=tulis.MEDIA["xlsx"],
    )


def _pribadi(request, modul, qs):
    """With `?pribadi=1`: the records of `qs` whose personal data the user handles (a
    queryset, audited with their number), or 403; else None."""
    if request.GET.get("pribadi") != "1":
        return None
    if not any(i.pribadi for i in modul.inlines):
        raise Http404
    penangan = izin.satker_dengan(request.user, izin.TANGANI, modul.kode)
    if not penangan.exists():
        raise PermissionDenied(
            _("Data pribadi hanya untuk penangan perkara satker itu; ekspor tanpa data pribadi.")
        )
    qs_pribadi = qs.filter(satker__in=penangan.values("pk"))
    catat(
        request.user,
        "ekspor_data_pribadi",
        modul=modul.kode,
        rekaman=qs_pribadi.count(),
        saringan=request.GET.urlencode(),
    )
    return qs_pribadi


@login_required
def ekspor_staf(request, modul, ext):
    """`/kelola/<modul>/ekspor.csv|.xlsx`: the staff list's rows under its current filters,
    in the user's export scope only (`izin.EKSPOR`), with the workflow columns and the
    module's internal fields, in the import's columns (it imports back). Audited. Personal data
    of reporters and parties (the private child rows) only with `?pribadi=1`, for a case
    handler, of the records of the offices where they handle cases — audited apart."""
    modul = registry.get(modul)
    if ext not in ("csv", "xlsx"):
        raise Http404
    kantor = izin.satker_dengan(request.user, izin.EKSPOR, modul.kode)
    if not kantor.exists():
        raise PermissionDenied(_("Anda tidak berwenang mengekspor data modul ini."))
    s = saringan.baca(modul, request.GET, staf=True)
    if s.errors:
        return HttpResponseBadRequest(
            "\n".join(s.errors) + "\n", content_type="text/plain; charset=utf-8"
        )
    qs = s.terapkan(modul.model.objects.filter(satker__in=kantor.values("pk")))
    qs_pribadi = _pribadi(request, modul, qs)
    catat(
        request.user, "ekspor_staf", modul=modul.kode, format=ext, saringan=request.GET.urlencode()
    )
    nama = f"{modul.kode}-kelola-{timezone.localdate():%Y-%m-%d}.{ext}"
    rows = ekspor.baris(modul, qs, alur=True, qs_pribadi=qs_pribadi)
    if ext == "csv":
        response = StreamingHttpResponse(
            tulis.alir_csv(next(rows), rows), content_type=tulis.MEDIA["csv"]
        )
    else:
        response = FileResponse(
            tulis.buku_xlsx([tulis.Lembar(modul.kode, rows)]), content_type=tulis.MEDIA["xlsx"]
        )
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response
