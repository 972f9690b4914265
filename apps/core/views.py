"""Staff pages of every registered module under /kelola/<modul>/ (entry, review, classify)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.audit.services import catat
from apps.core import berkas, izin, publik, registry, saringan, tampilan
from apps.core.forms import (
    CatatanForm,
    KlasifikasiForm,
    form_untuk,
    formsets_untuk,
    tempel_galat,
)
from apps.core.models import Klasifikasi, Riwayat, Status
from apps.core.perkara import Perkara
from apps.core.services import SuntinganUsang, buat_rekaman, klasifikasikan, ubah_rekaman
from apps.core.workflow import CATATAN_WAJIB, Aksi, aksi_tersedia, transition

PER_HALAMAN = 25


def _catat_lihat_pribadi(user, rekaman, formsets):
    """An edit form that shows personal data is a view of it: audited."""
    if any(fs.inline.pribadi for fs in formsets):
        catat(user, "lihat_data_pribadi", objek=rekaman, satker=rekaman.satker_id)


def _rekaman(request, modul, pk):
    """The record if the user may see it; 404 alike for missing and out of scope."""
    qs = modul.model.objects.visible_to(request.user).select_related(
        "satker", "wilayah", "pemilihan", "created_by", "updated_by"
    )
    return get_object_or_404(qs, pk=pk)


@login_required
def daftar(request, modul):
    modul = registry.get(modul)
    boleh = izin.aksi_di_modul(
        request.user, modul.kode, (izin.LIHAT, izin.ISI, izin.EKSPOR, izin.TANGANI)
    )
    if izin.LIHAT not in boleh:
        raise PermissionDenied
    qs = modul.model.objects.visible_to(request.user).select_related(
        "satker", "wilayah", *modul.select_related
    )
    s = saringan.baca(modul, request.GET, staf=True)
    qs, errors = s.terapkan(qs), list(s.errors)
    page = Paginator(qs.order_by("-periode", "-id"), PER_HALAMAN).get_page(request.GET.get("hal"))
    return render(
        request,
        "core/daftar.html",
        {
            "modul": modul,
            "page": page,
            "errors": errors,
            "status_choices": Status.choices,
            "perkara": issubclass(modul.model, Perkara),
            "pilihan_filter": s.pilihan_form(),
            "boleh_buat": izin.ISI in boleh,
            "boleh_ekspor": izin.EKSPOR in boleh,
            # a case handler may export the reporters' and parties' personal data (audited)
            "boleh_ekspor_pribadi": izin.EKSPOR in boleh
            and izin.TANGANI in boleh
            and any(i.pribadi for i in modul.inlines),
        },
    )


@login_required
def buat(request, modul):
    modul = registry.get(modul)
    if not izin.satker_dengan(request.user, izin.ISI, modul.kode).exists():
        raise PermissionDenied
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = form_untuk(modul)(data, files, user=request.user, modul=modul)
    formsets = formsets_untuk(modul, data, files, user=request.user)
    if data is not None and form.is_valid() and all(fs.is_valid() for fs in formsets):
        try:
            rekaman = buat_rekaman(form.save(commit=False), request.user, formsets)
        except ValidationError as e:
            tempel_galat(form, e)
        else:
            messages.success(request, _("Rekaman disimpan sebagai draf."))
            return redirect(rekaman)
    return render(
        request,
        "core/form.html",
        {"modul": modul, "form": form, "formsets": formsets, "baru": True},
    )


@login_required
def ubah(request, modul, pk):
    modul = registry.get(modul)
    rekaman = _rekaman(request, modul, pk)
    if not izin.boleh(request.user, izin.ISI, modul.kode, rekaman.satker):
        raise PermissionDenied
    if not rekaman.dapat_diubah and request.method != "POST":
        messages.error(
            request,
            _("Rekaman berstatus “%(status)s” tidak dapat diubah.")
            % {"status": rekaman.get_status_display()},
        )
        return redirect(rekaman)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = form_untuk(modul)(data, files, instance=rekaman, user=request.user, modul=modul)
    formsets = formsets_untuk(modul, data, files, instance=rekaman, user=request.user)
    _catat_lihat_pribadi(request.user, rekaman, formsets)
    if data is not None and form.is_valid() and all(fs.is_valid() for fs in formsets):
        try:
            ubah_rekaman(
                form.instance,
                request.user,
                [f for f in form.changed_data if f != "version"],
                version=form.cleaned_data.get("version") or 0,
                formsets=formsets,
            )
        except (SuntinganUsang, PermissionDenied) as e:
            # The submitted values stay in the form so nothing typed is lost; nothing is saved.
            pesan = e.messages[0] if isinstance(e, ValidationError) else str(e)
            form.add_error(None, pesan or _("Anda tidak berwenang mengubah rekaman ini."))
            form.add_error(
                None, _("Data terbaru ada di halaman rekaman; salin isian Anda bila perlu.")
            )
        except ValidationError as e:
            tempel_galat(form, e)
        else:
            messages.success(request, _("Perubahan disimpan."))
            return redirect(rekaman)
    return render(
        request,
        "core/form.html",
        {"modul": modul, "form": form, "formsets": formsets, "rekaman": rekaman, "baru": False},
    )


@login_required
def detail(request, modul, pk):
    modul = registry.get(modul)
    rekaman = _rekaman(request, modul, pk)
    user = request.user
    tombol = [
        (aksi, aksi in CATATAN_WAJIB)
        for aksi in aksi_tersedia(rekaman)
        if izin.boleh_transisi(user, rekaman, aksi)
    ]
    boleh_klasifikasi = rekaman.status == Status.DISETUJUI and izin.boleh_klasifikasi(user, rekaman)
    names = ("satker", "wilayah", "pemilihan", "tahapan", "periode", *modul.form_fields)
    names += tuple(n for n in modul.public_fields if n not in names)
    fields = tampilan.baris(rekaman, names)
    penangan = any(i.pribadi for i in modul.inlines) and izin.boleh_tangani(user, rekaman)
    anak = [(i, tampilan.anak(rekaman, i, samar=i.pribadi and not penangan)) for i in modul.inlines]
    if penangan:
        catat(user, "lihat_data_pribadi", objek=rekaman, satker=rekaman.satker_id)
    return render(
        request,
        "core/detail.html",
        {
            "modul": modul,
            "rekaman": rekaman,
            "fields": fields,
            "tombol": tombol,
            "boleh_ubah": izin.boleh_ubah(user, rekaman),
            "boleh_klasifikasi": boleh_klasifikasi,
            # the PPID classifies what the public will see: exactly the public columns
            "pratinjau_publik": publik.baca(modul).baris(rekaman) if boleh_klasifikasi else (),
            "klasifikasi_form": KlasifikasiForm(
                initial={"klasifikasi": rekaman.klasifikasi}
                if rekaman.klasifikasi != Klasifikasi.BELUM
                else None
            ),
            "catatan_form": CatatanForm(),
            "riwayat": Riwayat.dari_rekaman(rekaman),
            "anak": anak,
            "langkah_perkara": rekaman.langkah() if isinstance(rekaman, Perkara) else None,
            "berkas": tampilan.berkas(rekaman, names),
        },
    )


@login_required
@require_POST
def aksi(request, modul, pk, aksi):
    modul = registry.get(modul)
    rekaman = _rekaman(request, modul, pk)
    if aksi not in Aksi.values:
        raise PermissionDenied
    form = CatatanForm(request.POST)
    form.is_valid()
    try:
        transition(rekaman, aksi, request.user, form.cleaned_data.get("catatan", ""))
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(
            request,
            _("Aksi “%(aksi)s” berhasil; status sekarang “%(status)s”.")
            % {"aksi": Aksi(aksi).label, "status": rekaman.get_status_display()},
        )
    return redirect(rekaman)


@login_required
@require_POST
def klasifikasi(request, modul, pk):
    modul = registry.get(modul)
    rekaman = _rekaman(request, modul, pk)
    if not izin.boleh_klasifikasi(request.user, rekaman):
        raise PermissionDenied
    form = KlasifikasiForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            klasifikasikan(
                rekaman,
                request.user,
                data["klasifikasi"],
                alasan=data["alasan_pengecualian"],
                dasar_hukum=data["dasar_hukum_pengecualian"],
                sampai=data["dikecualikan_sampai"],
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request,
                _("Klasifikasi disimpan: %(k)s.") % {"k": rekaman.get_klasifikasi_display()},
            )
    else:
        for name, errs in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errs)}" if label else " ".join(errs))
    return redirect(rekaman)


@login_required
def unduh_berkas(request, modul, pk, field):
    """A record's file as a download, for staff who may see the record."""
    modul = registry.get(modul)
    rekaman = _rekaman(request, modul, pk)
    return berkas.kirim_field(rekaman, field)
