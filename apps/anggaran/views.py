"""Budget pages of the anggaran module: budget lines and their revisions (staff, under
/kelola/anggaran/pagu/) and the public absorption roll-up (/data/anggaran/serapan/)."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.anggaran import rekap
from apps.anggaran.forms import PaguForm, RevisiForm
from apps.anggaran.models import Anggaran, PaguAnggaran, RevisiPagu
from apps.anggaran.services import MODUL, buat_pagu, revisi_pagu
from apps.core import izin, publikasi, saringan
from apps.core.forms import tempel_galat

PER_HALAMAN = 50


def _kantor(user, aksi):
    return izin.satker_dengan(user, aksi, MODUL)


def _pagu(request, pk):
    """The budget line if the user may see its office's budget; 404 alike for missing and out
    of scope."""
    qs = PaguAnggaran.objects.filter(
        satker__in=_kantor(request.user, izin.LIHAT).values("pk")
    ).select_related("satker", "created_by")
    return get_object_or_404(qs, pk=pk)


def _url_detail(pagu):
    return reverse("core:anggaran:pagu_detail", args=[pagu.pk])


def _tahun(params, errors) -> int | None:
    """The fiscal year of `?tahun=` (four digits), None when none is given or it is not one."""
    nilai = saringan.nilai(params, "tahun", errors)
    if not nilai:
        return None
    if nilai.isdigit() and len(nilai) == 4:
        return int(nilai)
    errors.append(_("Tahun “%(v)s” tidak valid; gunakan empat angka, mis. 2024.") % {"v": nilai})
    return None


def _saring(qs, params):
    """Filters of the budget line list; returns (qs, errors naming the value not understood)."""
    errors = []
    tahun = _tahun(params, errors)
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    kode = saringan.nilai(params, "satker", errors)
    if kode:
        qs = qs.filter(Q(satker__kode=kode) | Q(satker__kode__startswith=kode + "."))
    cari = saringan.nilai(params, "q", errors)
    if cari:
        qs = qs.filter(
            Q(kode_akun__startswith=cari)
            | Q(uraian_akun__icontains=cari)
            | Q(kode_kegiatan__startswith=cari)
            | Q(kegiatan__icontains=cari)
        )
    return qs, errors


@login_required
def pagu_daftar(request):
    user = request.user
    lihat = _kantor(user, izin.LIHAT)
    if not lihat.exists():
        raise PermissionDenied
    terakhir = Anggaran.objects.filter(pagu_anggaran=OuterRef("pk")).order_by("-periode")
    jumlah_revisi = (
        RevisiPagu.objects.filter(pagu_anggaran=OuterRef("pk"))
        .order_by()
        .values("pagu_anggaran")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = (
        PaguAnggaran.objects.filter(satker__in=lihat.values("pk"))
        .select_related("satker")
        .annotate(
            realisasi_terakhir=Subquery(terakhir.values("realisasi_kumulatif")[:1]),
            periode_terakhir=Subquery(terakhir.values("periode")[:1]),
            jumlah_revisi=Coalesce(Subquery(jumlah_revisi, output_field=IntegerField()), 0),
        )
    )
    qs, errors = _saring(qs, request.GET)
    page = Paginator(
        qs.order_by("-tahun", "satker__kode", "kode_kegiatan", "kode_akun", "pk"), PER_HALAMAN
    ).get_page(request.GET.get("hal"))
    return render(
        request,
        "anggaran/pagu_daftar.html",
        {
            "page": page,
            "errors": errors,
            "boleh_buat": _kantor(user, izin.ISI).exists(),
        },
    )


@login_required
def pagu_buat(request):
    user = request.user
    if not _kantor(user, izin.ISI).exists():
        raise PermissionDenied
    form = PaguForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            pagu = buat_pagu(form.save(commit=False), user)
        except ValidationError as e:
            tempel_galat(form, e)
        else:
            messages.success(request, _("Mata anggaran disimpan."))
            return redirect(_url_detail(pagu))
    return render(request, "anggaran/pagu_form.html", {"form": form})


@login_required
def pagu_detail(request, pk):
    user = request.user
    pagu = _pagu(request, pk)
    laporan = list(
        Anggaran.objects.visible_to(user).filter(pagu_anggaran=pagu).order_by("periode", "pk")
    )
    revisi = list(pagu.revisi.select_related("oleh").order_by("pada", "pk"))
    return render(
        request,
        "anggaran/pagu_detail.html",
        {
            "pagu": pagu,
            "pagu_awal": revisi[0].pagu_lama if revisi else pagu.pagu,
            "revisi": revisi,
            "laporan": laporan,
            "boleh_isi": izin.boleh(user, izin.ISI, MODUL, pagu.satker),
        },
    )


@login_required
def pagu_revisi(request, pk):
    user = request.user
    pagu = _pagu(request, pk)
    if not izin.boleh(user, izin.ISI, MODUL, pagu.satker):
        raise PermissionDenied
    form = RevisiForm(request.POST or None, initial={"tanggal": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            revisi_pagu(pagu, user, **form.cleaned_data)
        except ValidationError as e:
            tempel_galat(form, e)
        else:
            messages.success(request, _("Revisi pagu disimpan."))
            return redirect(_url_detail(pagu))
    return render(request, "anggaran/revisi_form.html", {"form": form, "pagu": pagu})


def serapan(request):
    """Public: absorption per office, province and nation, from public reports only. The
    figures are read and rendered only when the page is not cached under the current
    public-content token (a publication or withdrawal changes it; a pagu revision changes no
    public figure: each report carries the pagu it was approved with)."""
    errors = []
    tahun = _tahun(request.GET, errors)
    token = publikasi.token()  # before any data is read (see apps.core.publikasi)
    return render(
        request,
        "anggaran/serapan.html",
        {"data": partial(_data_serapan, tahun), "token": token, "errors": errors},
    )


def _data_serapan(tahun):
    tersedia = rekap.tahun_tersedia()
    if tahun is None:
        tahun = tersedia[0] if tersedia else timezone.localdate().year
    return {"rekap": rekap.rekap(tahun), "tersedia": tersedia}
