"""Public pages of information requests: the request form (no account), and the private
tracking page reached only with the link given when filing, where the requester sees the
answer and files an objection. The requester's personal data is shown there masked only.

Spam is kept out without outside services: a honeypot field, a minimum fill time (signed
timestamp, in the form) and a per-IP limit of saved requests per hour (the cache)."""

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from lokal import partial_mask

from apps.core.berkas import kirim
from apps.core.forms import tempel_galat
from apps.ppid import services
from apps.ppid.forms import KeberatanForm, PermohonanForm
from apps.ppid.halaman import batas_waktu
from apps.ppid.models import JenisIdentitas

JENDELA_BATAS_DETIK = 3600


def _kunci_ip(request) -> str:
    # REMOTE_ADDR, not a forwarded header a client can write: behind a proxy, the proxy must
    # set it (docs/keputusan.md)
    return f"ppid:permohonan:ip:{request.META.get('REMOTE_ADDR', '')}"


def _cache():
    return caches[settings.PPID_CACHE_BATAS]


def _melebihi_batas(request) -> bool:
    return _cache().get(_kunci_ip(request), 0) >= settings.PPID_BATAS_PERMOHONAN_PER_JAM


def _hitung(request) -> None:
    kunci = _kunci_ip(request)
    cache = _cache()
    if not cache.add(kunci, 1, JENDELA_BATAS_DETIK):
        try:
            cache.incr(kunci)
        except ValueError:  # expired between add and incr
            cache.set(kunci, 1, JENDELA_BATAS_DETIK)


def _tautan_lacak(request, token) -> str:
    return request.build_absolute_uri(reverse("ppid:permohonan_lacak", args=[token]))


@never_cache
def permohonan(request):
    status = 200
    if request.method != "POST":
        form = PermohonanForm()
    else:
        form = PermohonanForm(request.POST)
        if _melebihi_batas(request):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Terlalu banyak permohonan dari alamat jaringan Anda dalam satu jam "
                    "terakhir (batas %(n)s). Permohonan ini tidak disimpan; coba lagi nanti "
                    "atau hubungi PPID secara langsung."
                )
                % {"n": settings.PPID_BATAS_PERMOHONAN_PER_JAM},
            )
            status = 429
        elif form.is_valid():
            try:
                baru, token = services.ajukan_permohonan(form.save(commit=False))
            except ValidationError as e:
                tempel_galat(form, e)
            else:
                _hitung(request)
                messages.success(
                    request,
                    _(
                        "Permohonan Anda diterima dengan nomor %(nomor)s. Simpan alamat halaman "
                        "ini: hanya dengan tautan ini Anda dapat melihat jawaban dan mengajukan "
                        "keberatan."
                    )
                    % {"nomor": baru.nomor},
                )
                return redirect("ppid:permohonan_lacak", token=token)
        else:
            if form.spam:
                _hitung(request)
            if getattr(form, "mulai_tidak_sah", False) or form.spam:
                form.segarkan_mulai()
    return render(
        request,
        "ppid/permohonan.html",
        {"form": form, "batas": batas_waktu()},
        status=status,
    )


def _permohonan(token):
    obj = services.permohonan_dari_token(token)
    if obj is None:
        raise Http404
    return obj


def _samaran(p) -> list:
    """The requester's identity as the tracking page shows it: recognisable, not readable."""
    jenis = "NIK" if p.jenis_identitas == JenisIdentitas.KTP else "PASSPORT"
    return [
        (_("Nama"), partial_mask("NAME", p.nama)),
        (p.get_jenis_identitas_display(), partial_mask(jenis, p.nomor_identitas)),
        (_("Email"), partial_mask("EMAIL", p.email) if p.email else "—"),
        (_("Telepon"), partial_mask("PHONE", p.telepon) if p.telepon else "—"),
    ]


def _halaman_lacak(request, token, p, form=None):
    keberatan = getattr(p, "keberatan", None)
    # a refused objection comes back with its reasons, even when the period is over
    boleh = keberatan is None and (form is not None or services.boleh_keberatan(p))
    response = render(
        request,
        "ppid/permohonan_lacak.html",
        {
            "p": p,
            "token": token,
            "tautan": _tautan_lacak(request, token),
            "identitas": _samaran(p),
            "keberatan": keberatan,
            "batas_keberatan": services.batas_keberatan(p),
            "form": (form or KeberatanForm()) if boleh else None,
        },
    )
    # the token is in the address: never sent onwards, never stored by a shared cache
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def lacak(request, token):
    return _halaman_lacak(request, token, _permohonan(token))


@never_cache
@require_POST
def keberatan(request, token):
    p = _permohonan(token)
    form = KeberatanForm(request.POST)
    if form.is_valid():
        try:
            k = services.ajukan_keberatan(
                p, form.cleaned_data["alasan"], form.cleaned_data["uraian"]
            )
        except ValidationError as e:
            tempel_galat(form, e)
        else:
            messages.success(
                request,
                _("Keberatan Anda dicatat dengan nomor %(nomor)s.") % {"nomor": k.nomor},
            )
            return redirect("ppid:permohonan_lacak", token=token)
    return _halaman_lacak(request, token, _permohonan(token), form=form)


@never_cache
def berkas_jawaban(request, token):
    p = _permohonan(token)
    if p.dijawab_pada is None:
        raise Http404
    return kirim(p.berkas_jawaban, f"jawaban-{p.pk}")
