"""Staff pages of the PPID under /kelola/ppid/: the queue of information requests and
objections of the offices the user answers for (`izin.satker_ppid`), a request's page
(personal data shown in full: every view audited), the extension, answer and objection-answer
actions, and the public documents and manual DIP entries.

A request or objection outside the user's offices answers 404, as a missing one does."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core import izin
from apps.core.berkas import kirim
from apps.core.forms import tempel_galat
from apps.ppid import services
from apps.ppid.forms import (
    DokumenPublikForm,
    EntriDipForm,
    JawabForm,
    PerpanjangForm,
    TanggapanKeberatanForm,
)
from apps.ppid.models import DokumenPublik, EntriDip, Keberatan, Permohonan

PER_HALAMAN = 50


def _petugas_ppid(user):
    """Pages that list: a user who answers for no office may not open them (nothing leaks:
    403 names no request)."""
    if not izin.satker_ppid(user).exists():
        raise PermissionDenied


def _permohonan(request, pk):
    qs = Permohonan.objects.untuk_ppid(request.user).select_related(
        "satker", "dijawab_oleh", "keberatan", "keberatan__dijawab_oleh"
    )
    return get_object_or_404(qs, pk=pk)


@login_required
def antrean(request):
    """Open requests, the earliest due first (the overdue ones on top), open objections the
    same way; `?tampil=selesai` lists the answered requests."""
    user = request.user
    _petugas_ppid(user)
    selesai = request.GET.get("tampil") == "selesai"
    qs = Permohonan.objects.untuk_ppid(user).select_related("satker")
    if selesai:
        qs = qs.exclude(dijawab_pada=None).order_by("-dijawab_pada", "-id")
    else:
        qs = qs.terbuka().order_by("jatuh_tempo", "diterima_pada", "id")
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("hal"))
    keberatan = (
        Keberatan.objects.untuk_ppid(user)
        .terbuka()
        .select_related("satker", "permohonan")
        .order_by("jatuh_tempo", "diajukan_pada")
    )
    return render(
        request,
        "ppid/kelola/antrean.html",
        {
            "page": page,
            "selesai": selesai,
            "keberatan": keberatan[:PER_HALAMAN],
            "hari_ini": timezone.localdate(),
        },
    )


def _tampil_detail(request, p, **forms):
    """The request's page with its action forms (bound ones passed in keep what was typed).
    It shows the requester's personal data: audited on every render."""
    services.catat_lihat_pribadi(request.user, p)
    keberatan = getattr(p, "keberatan", None)
    konteks = {
        "p": p,
        "keberatan": keberatan,
        "riwayat": p.riwayat.select_related("oleh"),
        "perpanjang_form": None,
        "jawab_form": None,
        "tanggapan_form": None,
    }
    if services.boleh_perpanjang(p):
        konteks["perpanjang_form"] = forms.get("perpanjang_form") or PerpanjangForm()
    if p.terbuka:
        konteks["jawab_form"] = forms.get("jawab_form") or JawabForm()
    if keberatan is not None and keberatan.terbuka:
        konteks["tanggapan_form"] = forms.get("tanggapan_form") or TanggapanKeberatanForm()
    return render(request, "ppid/kelola/permohonan.html", konteks)


@login_required
def detail(request, pk):
    return _tampil_detail(request, _permohonan(request, pk))


def _jalankan(request, p, form, nama_form, aksi, pesan):
    """Run `aksi(form.cleaned_data)` (a service call) for a valid form and go back to the
    request; otherwise show the page again with the errors and what was typed."""
    if form.is_valid():
        try:
            aksi(form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as e:
            tempel_galat(form, e)
        else:
            messages.success(request, pesan)
            return redirect(p)
    return _tampil_detail(request, p, **{nama_form: form})


@login_required
@require_POST
def perpanjang(request, pk):
    p = _permohonan(request, pk)
    return _jalankan(
        request,
        p,
        PerpanjangForm(request.POST),
        "perpanjang_form",
        lambda d: services.perpanjang(p, request.user, d["alasan_perpanjangan"]),
        _("Perpanjangan dicatat; batas waktu jawaban diperbarui."),
    )


@login_required
@require_POST
def jawab(request, pk):
    p = _permohonan(request, pk)
    return _jalankan(
        request,
        p,
        JawabForm(request.POST, request.FILES),
        "jawab_form",
        lambda d: services.jawab(
            p,
            request.user,
            d["keputusan"],
            d["jawaban"],
            pasal=d["pasal_pengecualian"],
            uji_konsekuensi=d["uji_konsekuensi"],
            berkas=d["berkas"],
        ),
        _("Jawaban disimpan; pemohon dapat melihatnya melalui tautan pelacakan."),
    )


@login_required
@require_POST
def tanggapi(request, pk):
    p = _permohonan(request, pk)
    keberatan = getattr(p, "keberatan", None)
    if keberatan is None:
        raise Http404
    return _jalankan(
        request,
        p,
        TanggapanKeberatanForm(request.POST),
        "tanggapan_form",
        lambda d: services.tanggapi_keberatan(
            keberatan, request.user, d["putusan"], d["tanggapan"]
        ),
        _("Tanggapan atas keberatan disimpan."),
    )


@login_required
def berkas(request, pk):
    p = _permohonan(request, pk)
    return kirim(p.berkas_jawaban, f"jawaban-{p.pk}")


# ---- documents and DIP entries ---------------------------------------------------------------


def _daftar(request, model, template):
    _petugas_ppid(request.user)
    qs = model.objects.untuk_ppid(request.user).select_related("satker")
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("hal"))
    return render(request, template, {"page": page})


def _form(request, model, form_class, simpan, template, kembali, pk=None):
    _petugas_ppid(request.user)
    instance = None
    if pk is not None:
        instance = get_object_or_404(model.objects.untuk_ppid(request.user), pk=pk)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = form_class(data, files, instance=instance, user=request.user)
    if data is not None and form.is_valid():
        try:
            simpan(form.save(commit=False), request.user, None if pk is None else form.changed_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as e:
            tempel_galat(form, e)
        else:
            messages.success(request, _("Tersimpan."))
            return redirect(kembali)
    return render(request, template, {"form": form, "obj": instance})


@login_required
def dokumen_daftar(request):
    return _daftar(request, DokumenPublik, "ppid/kelola/dokumen_daftar.html")


@login_required
def dokumen_form(request, pk=None):
    return _form(
        request,
        DokumenPublik,
        DokumenPublikForm,
        services.simpan_dokumen,
        "ppid/kelola/dokumen_form.html",
        "ppid_kelola:dokumen",
        pk,
    )


@login_required
def dokumen_berkas(request, pk):
    dokumen = get_object_or_404(DokumenPublik.objects.untuk_ppid(request.user), pk=pk)
    return kirim(dokumen.berkas, f"dokumen-ppid-{dokumen.pk}")


@login_required
def dip_daftar(request):
    return _daftar(request, EntriDip, "ppid/kelola/dip_daftar.html")


@login_required
def dip_form(request, pk=None):
    return _form(
        request,
        EntriDip,
        EntriDipForm,
        services.simpan_entri_dip,
        "ppid/kelola/dip_form.html",
        "ppid_kelola:dip",
        pk,
    )
